package service

import (
	"errors"
	"io"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/report"
	"patoolkit/rota"
	"patoolkit/storage"
	"patoolkit/text"
)

// HolidayRecord is one PA's holiday in their leave year, as on a day (see
// rota.WorkOutHoliday).
type HolidayRecord struct {
	PA household.PA
	rota.HolidayRecord
}

// payslipSlack is how far before and after a leave year paydays are read:
// a pay period ending in the leave year may be paid after it, and one
// paid in it may have started before it.
const payslipSlack = 62

// HolidayRecords returns the holiday records on day on of the PA paID, or
// of every PA (paID 0) employed on that day or who left within
// household.LeaverDays of it, in the order the PAs are listed. A PA
// without a contract is left out of the list (asked for by name, they are
// refused with the reason).
func (s *Service) HolidayRecords(accountID int64, paID int64, on civil.Date) ([]HolidayRecord, error) {
	if on.IsZero() {
		return nil, Invalidf("Choose the day to work the holiday out on.")
	}
	return read(s, "working out the holiday records", func(tx *storage.Tx) ([]HolidayRecord, error) {
		if _, err := tx.Account(accountID); err != nil {
			return nil, err
		}
		pas, err := tx.PAs(accountID)
		if err != nil {
			return nil, err
		}
		var out []HolidayRecord
		found := false
		for _, p := range pas {
			if paID != 0 && p.ID != paID {
				continue
			}
			found = found || p.ID == paID
			if paID == 0 && (!p.CurrentOrRecent(on) || p.StartDate.IsZero() || p.StartDate.After(on)) {
				continue
			}
			r, err := holidayRecord(tx, accountID, p, on)
			if err != nil {
				if paID == 0 && errors.Is(err, rota.ErrRefused) {
					continue
				}
				return nil, refusedInput(err)
			}
			out = append(out, HolidayRecord{PA: p, HolidayRecord: r})
		}
		if paID != 0 && !found {
			return nil, NotFoundf("That PA is not one of this budget's PAs.")
		}
		return out, nil
	})
}

// holidayRecord reads what one PA's holiday record needs and works it out.
func holidayRecord(tx *storage.Tx, accountID int64, p household.PA, on civil.Date) (rota.HolidayRecord, error) {
	in := rota.HolidayInput{PA: p, On: on}
	day := on
	if !p.LeavingDate.IsZero() && p.LeavingDate.Before(day) {
		day = p.LeavingDate
	}
	if p.StartDate.IsZero() || on.Before(p.StartDate) {
		return rota.WorkOutHoliday(in) // refused with the reason
	}
	year, err := rota.PALeaveYearOn(p, day)
	if err != nil {
		return rota.HolidayRecord{}, err
	}
	// The leave year before is read too, for the holiday carried over.
	from := year.From.AddDays(-366)
	if from.Before(p.StartDate) {
		from = p.StartDate
	}
	if in.Contracts, err = tx.Contracts(p.ID); err != nil {
		return rota.HolidayRecord{}, err
	}
	if in.Shifts, err = tx.Shifts(accountID, dayStart(from), dayStart(year.To.AddDays(1))); err != nil {
		return rota.HolidayRecord{}, err
	}
	if in.Absences, err = tx.Absences(accountID, from, year.To); err != nil {
		return rota.HolidayRecord{}, err
	}
	slips, err := tx.Payslips(accountID, from.AddDays(-payslipSlack), year.To.AddDays(payslipSlack), p.ID)
	if err != nil {
		return rota.HolidayRecord{}, err
	}
	for _, ps := range slips {
		per := ps.Detail.Period
		if per.To.IsZero() {
			per.From, per.To = ps.Payday, ps.Payday
		}
		in.Worked = append(in.Worked, rota.WorkedPeriod{From: per.From, To: per.To, Minutes: ps.Minutes})
	}
	return rota.WorkOutHoliday(in)
}

// ExportHolidayPDF writes the holiday records on day on (of the PA paID,
// or every PA with one: 0) as a PDF, a page a PA.
func (s *Service) ExportHolidayPDF(w io.Writer, accountID int64, paID int64, on civil.Date) error {
	recs, err := s.HolidayRecords(accountID, paID, on)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return NotFoundf("No PA has a holiday record on %s: add the PAs and their contracts first.", on.UK())
	}
	a, err := s.Account(accountID)
	if err != nil {
		return err
	}
	docs := make([]report.HolidayDoc, 0, len(recs))
	for _, r := range recs {
		docs = append(docs, holidayDoc(r))
	}
	return internal("writing the holiday record PDF", report.HolidayPDF(w, a.Description(), s.now(), docs))
}

// holidayDoc is a record as the PDF prints it.
func holidayDoc(r HolidayRecord) report.HolidayDoc {
	d := report.HolidayDoc{
		PA: r.PA.Name, On: r.On, From: r.Year.From, To: r.Year.To, Method: r.Method(),
		Entitlement: hoursText(r.EntitlementMinutes), Carried: hoursText(r.CarriedMinutes),
		Taken: hoursText(r.TakenMinutes), Booked: hoursText(r.BookedMinutes), Remaining: hoursText(r.RemainingMinutes),
		Explanation: r.Explanation(),
	}
	if r.RolledUp {
		d.Entitlement += " (paid in each payslip)"
	}
	for _, h := range r.Holidays {
		row := report.HolidayRow{From: h.From, To: h.To, Note: h.Note}
		if h.Taken.Shifts > 0 || !h.From.After(r.On) {
			row.Taken = hoursText(int64(h.Taken.Minutes)) + sleepIns(h.Taken.SleepIns)
		}
		if h.Booked.Shifts > 0 || h.To.After(r.On) {
			row.Booked = hoursText(int64(h.Booked.Minutes)) + sleepIns(h.Booked.SleepIns)
		}
		d.Holidays = append(d.Holidays, row)
	}
	return d
}

// hoursText is minutes as the holiday record prints them: "112 hours".
func hoursText(m int64) string { return text.Hours(int(m)) }

func sleepIns(n int) string {
	if n == 0 {
		return ""
	}
	return " and " + text.Count(n, "sleep-in", "sleep-ins")
}
