package service

import (
	"fmt"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/storage"
)

// demoRotaUntil is how far ahead the demo's rota is planned: past the
// demo's date, so the forecast has shifts to cost.
var demoRotaUntil = civil.New(2027, time.February, 28)

// demoRota gives the demo households their rota from 6 April 2025: weekly
// and fortnightly patterns with sleep-ins, a change of pattern when Chris
// leaves, a holiday with cover, a sickness covered by an agency, a hospital
// stay, bank holiday shifts (the patterns fall on them), and approved and
// paid timesheets for every pay period up to the demo's date.
func (s *Service) demoRota(tx *storage.Tx) error {
	accounts, err := tx.Accounts()
	if err != nil {
		return err
	}
	for _, a := range accounts {
		pas, err := tx.PAs(a.ID)
		if err != nil {
			return err
		}
		id := map[string]int64{}
		for _, p := range pas {
			id[p.Name] = p.ID
		}
		switch a.Name {
		case "Priya's support":
			err = s.demoPriyaRota(tx, a.ID, id)
		case "Tom's care":
			err = s.demoTomRota(tx, a.ID, id)
		}
		if err != nil {
			return fmt.Errorf("the example rota for %s: %w", a.Name, err)
		}
		if err := s.demoTimesheets(tx, a, pas); err != nil {
			return fmt.Errorf("the example timesheets for %s: %w", a.Name, err)
		}
	}
	return nil
}

func entry(paID int64, week int, day time.Weekday, start, end string, t rota.ShiftType) rota.PatternEntry {
	s, _ := rota.ParseClock(start)
	e, _ := rota.ParseClock(end)
	return rota.PatternEntry{PAID: paID, Week: week, Weekday: day, Start: s, End: e, Type: t}
}

func (s *Service) demoPattern(tx *storage.Tx, accountID int64, p rota.Pattern, to civil.Date) (rota.Pattern, error) {
	if err := p.Validate(); err != nil {
		return p, err
	}
	rc, err := loadRotaContext(tx, accountID)
	if err != nil {
		return p, err
	}
	if err := tx.SavePattern(accountID, &p); err != nil {
		return p, err
	}
	_, err = s.fill(tx, rc, p, p.From, to)
	return p, err
}

func (s *Service) demoPriyaRota(tx *storage.Tx, accountID int64, id map[string]int64) error {
	zoe, sam, chris := id["Zoë Ní Bhriain"], id["Sam Okafor"], id["Chris Walker"]
	weekdays := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	var entries []rota.PatternEntry
	for _, d := range weekdays {
		entries = append(entries, entry(zoe, 1, d, "08:00", "12:00", rota.Day))
	}
	for _, d := range []time.Weekday{time.Monday, time.Thursday, time.Friday} {
		entries = append(entries, entry(sam, 1, d, "17:00", "21:00", rota.Day))
	}
	entries = append(entries,
		entry(sam, 1, time.Saturday, "10:00", "14:00", rota.Day),
		entry(chris, 1, time.Tuesday, "22:00", "07:00", rota.SleepIn),
		entry(chris, 1, time.Sunday, "09:00", "15:00", rota.Day),
	)
	p := rota.Pattern{Name: "Priya's week", Cycle: 1, Anchor: civil.MustParse("2025-04-07"), From: DemoStart, Entries: entries}
	p, err := s.demoPattern(tx, accountID, p, demoRotaUntil)
	if err != nil {
		return err
	}
	// Chris leaves at the end of August 2026: Sam takes on his shifts.
	next := append([]rota.PatternEntry(nil), entries[:len(entries)-2]...)
	next = append(next,
		entry(sam, 1, time.Tuesday, "22:00", "07:00", rota.SleepIn),
		entry(sam, 1, time.Sunday, "09:00", "15:00", rota.Day),
	)
	for i := range next {
		next[i].ID = int64(i + 1)
	}
	changeOn := civil.MustParse("2026-09-01")
	old, n, err := p.ChangeFrom(changeOn, next)
	if err != nil {
		return err
	}
	rc, err := loadRotaContext(tx, accountID)
	if err != nil {
		return err
	}
	if err := tx.SavePattern(accountID, &old); err != nil {
		return err
	}
	if _, err := s.fill(tx, rc, old, changeOn, demoRotaUntil); err != nil {
		return err
	}
	n, err = s.demoPattern(tx, accountID, n, demoRotaUntil)
	if err != nil {
		return err
	}
	// Zoë starts maternity leave on 5 October 2026: Dana, new, takes on
	// her mornings.
	dana := id["Dana Whitfield"]
	cover := append([]rota.PatternEntry(nil), n.Entries...)
	for i := range cover {
		cover[i].ID = int64(i + 1)
		if cover[i].PAID == zoe {
			cover[i].PAID = dana
		}
	}
	maternity := civil.MustParse("2026-10-05")
	old, n2, err := n.ChangeFrom(maternity, cover)
	if err != nil {
		return err
	}
	if err := tx.SavePattern(accountID, &old); err != nil {
		return err
	}
	if _, err := s.fill(tx, rc, old, maternity, demoRotaUntil); err != nil {
		return err
	}
	if _, err := s.demoPattern(tx, accountID, n2, demoRotaUntil); err != nil {
		return err
	}
	// Zoë's summer holiday: Sam covers three mornings, an agency two.
	changed, err := s.recordAbsence(tx, accountID, rota.Absence{PAID: zoe, Kind: rota.Holiday,
		From: civil.MustParse("2025-08-11"), To: civil.MustParse("2025-08-15"), Note: "Summer holiday, booked in May."})
	if err != nil {
		return err
	}
	for i, sh := range changed {
		cover := sam
		if i >= 3 {
			cover = 0
		}
		if _, err := s.coverShift(tx, sh.ID, cover); err != nil {
			return err
		}
	}
	// Chris off sick for a week in January 2026: Zoë covers the Sunday.
	changed, err = s.recordAbsence(tx, accountID, rota.Absence{PAID: chris, Kind: rota.Sickness,
		From: civil.MustParse("2026-01-12"), To: civil.MustParse("2026-01-18"),
		QualifyingDays: []time.Weekday{time.Tuesday, time.Sunday}, Note: "Flu; fit note not needed (under 7 days)."})
	if err != nil {
		return err
	}
	for _, sh := range changed {
		cover := int64(0)
		if sh.Type == rota.Day {
			cover = zoe
		}
		if _, err := s.coverShift(tx, sh.ID, cover); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) demoTomRota(tx *storage.Tx, accountID int64, id map[string]int64) error {
	lukasz := id["Łukasz Nowak"]
	p := rota.Pattern{Name: "Tom's fortnight", Cycle: 2, Anchor: civil.MustParse("2025-04-07"), From: DemoStart,
		Entries: []rota.PatternEntry{
			entry(lukasz, 1, time.Monday, "15:00", "21:00", rota.Day),
			entry(lukasz, 1, time.Wednesday, "15:00", "21:00", rota.Day),
			entry(lukasz, 1, time.Friday, "15:00", "21:00", rota.Day),
			entry(lukasz, 2, time.Tuesday, "15:00", "21:00", rota.Day),
			entry(lukasz, 2, time.Thursday, "15:00", "21:00", rota.Day),
			entry(lukasz, 2, time.Saturday, "10:00", "16:00", rota.Day),
		}}
	if _, err := s.demoPattern(tx, accountID, p, demoRotaUntil); err != nil {
		return err
	}
	// Łukasz off sick: an agency covers.
	changed, err := s.recordAbsence(tx, accountID, rota.Absence{PAID: lukasz, Kind: rota.Sickness,
		From: civil.MustParse("2026-02-03"), To: civil.MustParse("2026-02-05"),
		QualifyingDays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday},
		Note:           "Stomach bug."})
	if err != nil {
		return err
	}
	for _, sh := range changed {
		if _, err := s.coverShift(tx, sh.ID, 0); err != nil {
			return err
		}
	}
	// Tom's short hospital stay: Łukasz is kept on and paid (retained).
	_, err = s.recordAbsence(tx, accountID, rota.Absence{Kind: rota.HospitalStay, Hospital: rota.HospitalRetain,
		From: civil.MustParse("2026-07-13"), To: civil.MustParse("2026-07-17"), Note: "Planned operation; shifts kept and paid."})
	return err
}

// demoTimesheets makes each PA's timesheet for every pay period from the
// start of the story: signed and approved where the payday has passed by
// the demo's date (the demo's pay runs then pay and lock them), signed and waiting for approval where the
// period has ended but not been paid, and a draft for the period running
// on the demo's date.
func (s *Service) demoTimesheets(tx *storage.Tx, a household.Account, pas []household.PA) error {
	periods, err := payPeriods(tx, a.ID, DemoStart, DemoEnd)
	if err != nil {
		return err
	}
	approver := a.ManagedBy
	for _, period := range periods {
		shifts, err := tx.Shifts(a.ID, dayStart(period.From), dayStart(period.To.AddDays(1)))
		if err != nil {
			return err
		}
		for _, p := range pas {
			if !p.EmployedIn(period) {
				continue
			}
			ts, err := rota.NewTimesheet(p.ID, period.From, period.To, shifts)
			if err != nil {
				return err
			}
			if len(ts.Entries) == 0 && len(ts.Rota) == 0 {
				continue
			}
			for i := range ts.Entries {
				e := &ts.Entries[i]
				// Some nights PAs are woken; now and then a shift runs late.
				if e.Type == rota.SleepIn && e.Start.Day()%3 == 0 {
					e.WokenMinutes = 45
				}
				if e.Type == rota.Day && e.Start.Day() == 15 {
					e.End = e.End.Add(30 * time.Minute)
					e.Note = "Stayed to finish an appointment."
				}
			}
			if !period.To.Before(DemoEnd) {
				// The period running on the demo's date stays a draft.
				if err := tx.SaveTimesheet(a.ID, &ts); err != nil {
					return err
				}
				continue
			}
			if err := ts.Sign(p.Name, p.Name, period.To.AddDays(1)); err != nil {
				return err
			}
			if !period.Payday.After(DemoEnd) {
				if err := ts.Approve(approver, period.To.AddDays(1)); err != nil {
					return err
				}
			}
			if err := tx.SaveTimesheet(a.ID, &ts); err != nil {
				return err
			}
		}
	}
	return nil
}
