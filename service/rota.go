package service

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/rota"
	"patoolkit/storage"
)

// rotaError turns the rota rules' refusals (field errors) into Invalid
// errors; one about a field of a form ("note") is shown beside it.
func rotaError(err error) error { return refusedInput(err) }

// dayStart is the instant a civil day starts in Europe/London.
func dayStart(d civil.Date) time.Time { return d.Time(rota.London()) }

// rotaContext is what the rota jobs need to know of an account's PAs.
type rotaContext struct {
	account   household.Account
	pas       map[int64]household.PA
	contracts map[int64][]household.Contract
}

func loadRotaContext(tx *storage.Tx, accountID int64) (rotaContext, error) {
	a, err := findBudget(tx, accountID)
	if err != nil {
		return rotaContext{}, err
	}
	pas, err := tx.PAs(accountID)
	if err != nil {
		return rotaContext{}, err
	}
	rc := rotaContext{account: a, pas: map[int64]household.PA{}, contracts: map[int64][]household.Contract{}}
	for _, p := range pas {
		rc.pas[p.ID] = p
		if rc.contracts[p.ID], err = tx.Contracts(p.ID); err != nil {
			return rotaContext{}, err
		}
	}
	return rc, nil
}

// shiftsWithHistory returns the budget's shifts starting from 17 weeks
// before from (the history the 48-hour average needs) to before the day
// end.
func (rc rotaContext) shiftsWithHistory(tx *storage.Tx, from, end civil.Date) ([]rota.Shift, error) {
	return tx.Shifts(rc.account.ID, dayStart(from.AddDays(-17*7)), dayStart(end))
}

// loadRotaWithHistory is loadRotaContext and its shiftsWithHistory.
func loadRotaWithHistory(tx *storage.Tx, accountID int64, from, end civil.Date) (rotaContext, []rota.Shift, error) {
	rc, err := loadRotaContext(tx, accountID)
	if err != nil {
		return rc, nil, err
	}
	shifts, err := rc.shiftsWithHistory(tx, from, end)
	return rc, shifts, err
}

func (rc rotaContext) name(paID int64) string {
	if p, ok := rc.pas[paID]; ok {
		return p.Name
	}
	return ""
}

// checkInput builds the rota checks' input for shifts from..to.
func (rc rotaContext) checkInput(shifts []rota.Shift, from, to civil.Date) rota.CheckInput {
	pas := map[int64]rota.CheckPA{}
	for id, p := range rc.pas {
		pas[id] = rota.CheckPA{Name: p.Name, OptedOut48h: p.OptedOut48h}
	}
	return rota.CheckInput{
		Shifts: shifts, PAs: pas, AllowTwoToOne: rc.account.AllowTwoToOne, HandoverMinutes: rota.StandardHandoverMinutes,
		SupportMinutesPerWeek: rc.account.SupportMinutesPerWeek, From: from, To: to,
		HourlyRate: func(paID int64, d civil.Date, t rota.ShiftType) (money.Money, bool) {
			r, ok := payrun.RatesLookup(rc.contracts[paID])(d)
			if !ok {
				return 0, false
			}
			return r.HourlyFor(d, t), true
		},
		MinimumWage: func(paID int64, d civil.Date) (money.Money, string, bool) {
			p := rc.pas[paID]
			rate, name, who, known, ok := payroll.MinimumRateFor(d, p.DateOfBirth)
			if !ok {
				return 0, "", false
			}
			if !known {
				return rate, name + " for " + who + " (their date of birth is not entered)", true
			}
			return rate, fmt.Sprintf("%s for someone aged %d", name, civil.AgeOn(p.DateOfBirth, d)), true
		},
	}
}

// ShiftInput is a shift as a person enters it.
type ShiftInput struct {
	PAID         int64
	Start, End   time.Time
	Type         rota.ShiftType
	BreakMinutes int
	WokenMinutes int
	Note         string
}

// AddShift puts a shift on an account's rota. It refuses a shift that
// overlaps another of the same PA's, and, unless the account has 2:1
// support, one that overlaps another carer's by more than a handover. It
// returns the rota's warnings for the shift's week.
func (s *Service) AddShift(accountID int64, in ShiftInput) (rota.Shift, []rota.Warning, error) {
	sh, err := rota.NewShift(in.PAID, in.Start, in.End, in.Type, in.BreakMinutes, in.WokenMinutes)
	if err != nil {
		return sh, nil, rotaError(err)
	}
	sh.Note = strings.TrimSpace(in.Note)
	if err := rota.CheckNote(sh.Note); err != nil {
		return sh, nil, rotaError(err)
	}
	var warnings []rota.Warning
	err = s.update("adding the shift", func(tx *storage.Tx) error {
		rc, err := loadRotaContext(tx, accountID)
		if err != nil {
			return err
		}
		if err := rc.allowed(tx, sh); err != nil {
			return err
		}
		if err := tx.InsertShift(accountID, &sh); err != nil {
			return err
		}
		if err := tx.Audit(s.now(), accountID, "shift added", rc.describe(sh)); err != nil {
			return err
		}
		warnings, err = rc.checkAround(tx, sh)
		return err
	})
	return sh, warnings, err
}

// allowed refuses a shift for a PA who is not employed on the day, or one
// that clashes with the rota.
func (rc rotaContext) allowed(tx *storage.Tx, sh rota.Shift) error {
	if sh.PAID != 0 {
		p, ok := rc.pas[sh.PAID]
		if !ok {
			return NotFoundf("That PA is not on this budget.")
		}
		if !p.Active(sh.Date()) {
			if p.HasLeft(sh.Date()) {
				return Invalidf("%s left on %s, so they can't work on %s.", p.Name, p.LeavingDate.UK(), sh.Date().UK())
			}
			return Invalidf("%s starts on %s, so they can't work on %s.", p.Name, p.StartDate.UK(), sh.Date().UK())
		}
	}
	existing, err := tx.Shifts(rc.account.ID, sh.Start.Add(-8*24*time.Hour), sh.End)
	if err != nil {
		return err
	}
	others := existing[:0:0]
	for _, e := range existing {
		if e.ID != sh.ID {
			others = append(others, e)
		}
	}
	if sh.PAID != 0 {
		if clash := rota.Overlaps(others, sh); len(clash) > 0 {
			c := clash[0]
			return Conflictf("%s is already on a shift from %s to %s, which overlaps this one. Change that shift first, or choose another PA.",
				rc.name(sh.PAID), c.Start.Format("02/01/2006 15:04"), c.End.Format("02/01/2006 15:04"))
		}
	}
	if !rc.account.AllowTwoToOne {
		if clash := rota.TwoAtOnce(others, sh, rota.StandardHandoverMinutes); len(clash) > 0 {
			c := clash[0]
			who := rc.name(c.PAID)
			if who == "" {
				who = "another carer"
			}
			return Conflictf("%s is already booked from %s to %s, so two carers would be on at once. If the support plan has 2:1 support, turn it on in the budget details; otherwise change the times.",
				who, c.Start.Format("02/01/2006 15:04"), c.End.Format("02/01/2006 15:04"))
		}
	}
	return nil
}

func (rc rotaContext) describe(sh rota.Shift) string {
	who := rc.name(sh.PAID)
	if who == "" {
		who = string(sh.Status)
	}
	return fmt.Sprintf("%s, %s %s to %s", who, sh.Type.Label(), sh.Start.Format("02/01/2006 15:04"), sh.End.Format("02/01/2006 15:04"))
}

// checkAround runs the rota checks for the week of sh, with 17 weeks of
// history for the 48-hour average, and returns the warnings about sh's PA
// or the whole rota.
func (rc rotaContext) checkAround(tx *storage.Tx, sh rota.Shift) ([]rota.Warning, error) {
	d := sh.Date()
	monday := rota.WeekStart(d)
	shifts, err := rc.shiftsWithHistory(tx, monday, monday.AddDays(8))
	if err != nil {
		return nil, err
	}
	var out []rota.Warning
	for _, w := range rota.Check(rc.checkInput(shifts, monday, monday.AddDays(6))) {
		if w.ShiftID == sh.ID || w.PAID == sh.PAID || w.PAID == 0 {
			out = append(out, w)
		}
	}
	return out, nil
}

// UpdateShift stores a changed shift. A shift made by a pattern is marked
// as edited, so refilling the pattern leaves it alone.
func (s *Service) UpdateShift(sh rota.Shift) (rota.Shift, []rota.Warning, error) {
	sh.Note = strings.TrimSpace(sh.Note)
	if err := sh.Validate(); err != nil {
		return sh, nil, rotaError(err)
	}
	if err := rota.CheckNote(sh.Note); err != nil {
		return sh, nil, rotaError(err)
	}
	var warnings []rota.Warning
	err := s.update("changing the shift", func(tx *storage.Tx) error {
		old, rc, err := s.shiftToChange(tx, sh.ID)
		if err != nil {
			return err
		}
		accountID := rc.account.ID
		if err := rc.allowed(tx, sh); err != nil {
			return err
		}
		if sh.PatternID != 0 {
			sh.Edited = true
		}
		if err := tx.UpdateShift(accountID, sh); err != nil {
			return err
		}
		if err := tx.Audit(s.now(), accountID, "shift changed", rc.describe(old)+" → "+rc.describe(sh)); err != nil {
			return err
		}
		warnings, err = rc.checkAround(tx, sh)
		return err
	})
	return sh, warnings, err
}

// refuseIfTimesheetLocked refuses a change to a shift already on an
// approved or locked timesheet.
func (s *Service) refuseIfTimesheetLocked(tx *storage.Tx, accountID int64, sh rota.Shift) error {
	paID := sh.PAID
	if paID == 0 {
		return nil
	}
	sheets, err := tx.Timesheets(accountID, sh.Date(), sh.Date())
	if err != nil {
		return err
	}
	for _, ts := range sheets {
		if ts.PAID == paID && (ts.Status == rota.Approved || ts.Status == rota.Locked) {
			return Conflictf("This shift is on a timesheet that was %s, so the rota for it can't be changed. Record any correction on the next timesheet.", ts.Status)
		}
	}
	return nil
}

// CancelShift takes a shift off the rota: a shift added by hand is
// removed, one made by a pattern is kept as cancelled so a refill does not
// bring it back.
func (s *Service) CancelShift(id int64) error {
	return s.update("cancelling the shift", func(tx *storage.Tx) error {
		sh, rc, err := s.shiftToChange(tx, id)
		if err != nil {
			return err
		}
		accountID := rc.account.ID
		if sh.PatternID == 0 {
			err = tx.DeleteShift(id)
		} else {
			sh.Status, sh.Edited = rota.Cancelled, true
			err = tx.UpdateShift(accountID, sh)
		}
		if err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "shift cancelled", rc.describe(sh))
	})
}

// Shift returns one shift.
func (s *Service) Shift(id int64) (rota.Shift, error) {
	return read(s, "reading the shift", func(tx *storage.Tx) (rota.Shift, error) {
		sh, _, err := findShift(tx, id)
		return sh, err
	})
}

// Shifts returns an account's shifts starting on days from..to, inclusive.
func (s *Service) Shifts(accountID int64, from, to civil.Date) ([]rota.Shift, error) {
	if p := rota.CheckDays(from, to); p != nil {
		return nil, invalid(p)
	}
	return read(s, "reading the rota", func(tx *storage.Tx) ([]rota.Shift, error) {
		return tx.Shifts(accountID, dayStart(from), dayStart(to.AddDays(1)))
	})
}

// CheckRota returns the rota's warnings for days from..to, looking back 17
// weeks for the 48-hour average.
func (s *Service) CheckRota(accountID int64, from, to civil.Date) ([]rota.Warning, error) {
	if p := rota.CheckDays(from, to); p != nil {
		return nil, invalid(p)
	}
	return read(s, "checking the rota", func(tx *storage.Tx) ([]rota.Warning, error) {
		rc, shifts, err := loadRotaWithHistory(tx, accountID, from, to.AddDays(1))
		if err != nil {
			return nil, err
		}
		return rota.Check(rc.checkInput(shifts, from, to)), nil
	})
}

// WeekView lays out the week containing day for the week screen, with the
// rota's warnings attached to their shifts.
func (s *Service) WeekView(accountID int64, day civil.Date, byDay bool) (rota.Week, error) {
	monday := rota.WeekStart(day)
	var week rota.Week
	err := s.view("reading the week", func(tx *storage.Tx) error {
		rc, shifts, err := loadRotaWithHistory(tx, accountID, monday, monday.AddDays(7))
		if err != nil {
			return err
		}
		var inWeek []rota.Shift
		for _, sh := range shifts {
			if !sh.Date().Before(monday) {
				inWeek = append(inWeek, sh)
			}
		}
		var pas []rota.WeekPA
		for _, p := range sortedPAs(rc.pas) {
			if p.EmployedBetween(monday, monday.AddDays(6)) {
				pas = append(pas, rota.WeekPA{ID: p.ID, Name: p.Name})
			}
		}
		week = rota.BuildWeek(monday, inWeek, pas, byDay)
		week.AttachWarnings(rota.Check(rc.checkInput(shifts, monday, monday.AddDays(6))))
		return nil
	})
	return week, err
}

func sortedPAs(m map[int64]household.PA) []household.PA {
	out := make([]household.PA, 0, len(m))
	for _, p := range m {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// findShift reads a shift and its budget, NotFound when it is no longer
// there.
func findShift(tx *storage.Tx, id int64) (rota.Shift, int64, error) {
	sh, accountID, err := tx.Shift(id)
	if errors.Is(err, storage.ErrNotFound) {
		return sh, accountID, NotFoundf("That shift no longer exists.")
	}
	return sh, accountID, err
}

// shiftToChange reads a shift the rota may still change (it is on no
// approved or locked timesheet) with its budget's rota context.
func (s *Service) shiftToChange(tx *storage.Tx, id int64) (rota.Shift, rotaContext, error) {
	sh, accountID, err := findShift(tx, id)
	if err != nil {
		return sh, rotaContext{}, err
	}
	if err := s.refuseIfTimesheetLocked(tx, accountID, sh); err != nil {
		return sh, rotaContext{}, err
	}
	rc, err := loadRotaContext(tx, accountID)
	return sh, rc, err
}
