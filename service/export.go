package service

import (
	"fmt"
	"io"
	"strings"

	"patoolkit/civil"
	"patoolkit/payrun"
	"patoolkit/report"
	"patoolkit/rota"
	"patoolkit/storage"
)

// checkRange refuses an export's days as rota.CheckExportRange does, each
// message against its field.
func checkRange(from, to civil.Date) error {
	if p := rota.CheckExportRange(from, to); p != nil {
		return invalid(p)
	}
	return nil
}

// ExportRotaPDF writes the rota from..to as a PDF, a page a week.
func (s *Service) ExportRotaPDF(w io.Writer, accountID int64, from, to civil.Date) error {
	if err := checkRange(from, to); err != nil {
		return err
	}
	a, err := s.Account(accountID)
	if err != nil {
		return err
	}
	var weeks []rota.Week
	for day := from; !day.After(to); day = day.AddDays(7) {
		wk, err := s.WeekView(accountID, day, false)
		if err != nil {
			return err
		}
		if len(weeks) > 0 && weeks[len(weeks)-1].Start == wk.Start {
			continue
		}
		weeks = append(weeks, wk)
	}
	// The last day may start a week the steps above skipped.
	if last, err := s.WeekView(accountID, to, false); err == nil && last.Start != weeks[len(weeks)-1].Start {
		weeks = append(weeks, last)
	}
	return internal("writing the rota PDF", report.RotaPDF(w, a.Description(), s.now(), from, to, weeks))
}

// ExportTimesheetsPDF writes the timesheets of periods overlapping
// from..to as a PDF, for one PA (paID) or all (0). Where a PA has no
// timesheet for a period yet, one is drawn up from the rota (and not
// stored), so it can be printed for the PA to fill in and sign.
func (s *Service) ExportTimesheetsPDF(w io.Writer, accountID int64, from, to civil.Date, paID int64) error {
	if err := checkRange(from, to); err != nil {
		return err
	}
	var docs []report.TimesheetDoc
	var who string
	err := s.view("preparing the timesheets", func(tx *storage.Tx) (err error) {
		docs, who, err = timesheetDocs(tx, accountID, from, to, paID, false)
		return err
	})
	if err != nil {
		return err
	}
	return internal("writing the timesheet PDF", report.TimesheetsPDF(w, who, s.now(), docs))
}

// timesheetDocs returns the timesheets of the pay periods from..to, a page
// each, and whose budget they are. A PA's period with no timesheet stored
// gets one from the rota, unless heldOnly (the evidence pack holds only
// timesheets the PA filled in).
func timesheetDocs(tx *storage.Tx, accountID int64, from, to civil.Date, paID int64, heldOnly bool) (docs []report.TimesheetDoc, who string, err error) {
	rc, err := loadRotaContext(tx, accountID)
	if err != nil {
		return nil, "", err
	}
	who = rc.account.Description()
	employer := rc.account.ManagedBy
	if e, err := tx.Employer(accountID); err == nil {
		employer = e.Name
	}
	if paID != 0 {
		if _, ok := rc.pas[paID]; !ok {
			return nil, "", NotFoundf("That PA is not on this budget.")
		}
	}
	periods, err := payPeriods(tx, accountID, from, to)
	if err != nil {
		return nil, "", err
	}
	for _, period := range periods {
		stored, err := tx.Timesheets(accountID, period.From, period.To)
		if err != nil {
			return nil, "", err
		}
		shifts, err := tx.Shifts(accountID, dayStart(period.From), dayStart(period.To.AddDays(1)))
		if err != nil {
			return nil, "", err
		}
		for _, p := range sortedPAs(rc.pas) {
			if (paID != 0 && p.ID != paID) || !p.EmployedIn(period) {
				continue
			}
			ts, found := rota.Timesheet{}, false
			for _, st := range stored {
				if st.PAID == p.ID && st.From == period.From {
					ts, found = st, true
				}
			}
			if !found && heldOnly {
				continue
			}
			if !found {
				if ts, err = rota.NewTimesheet(p.ID, period.From, period.To, shifts); err != nil {
					return nil, "", rotaError(err)
				}
			}
			doc := report.TimesheetDoc{Timesheet: ts, PAName: p.Name, Employer: employer}
			if pay, err := ts.Pay(payrun.RatesLookup(rc.contracts[p.ID])); err == nil {
				doc.Pay = &pay
			}
			docs = append(docs, doc)
		}
	}
	return docs, who, nil
}

// ExportICS writes a PA's shifts from..to as an iCalendar file for their
// phone's calendar. Cancelled shifts are included as cancelled, so a phone
// that imported an earlier file removes them.
func (s *Service) ExportICS(w io.Writer, accountID int64, from, to civil.Date, paID int64) error {
	if err := checkRange(from, to); err != nil {
		return err
	}
	if paID == 0 {
		return fieldError("pa", "A calendar file is for one PA: choose who it is for.")
	}
	var cal report.Calendar
	err := s.view("preparing the calendar", func(tx *storage.Tx) error {
		rc, err := loadRotaContext(tx, accountID)
		if err != nil {
			return err
		}
		p, ok := rc.pas[paID]
		if !ok {
			return NotFoundf("That PA is not on this budget.")
		}
		shifts, err := tx.Shifts(accountID, dayStart(from), dayStart(to.AddDays(1)))
		if err != nil {
			return err
		}
		address := ""
		if e, err := tx.Employer(accountID); err == nil {
			address = strings.Join(strings.Fields(strings.ReplaceAll(e.Address, "\n", ", ")), " ")
		}
		cal = report.Calendar{Name: "Shifts for " + p.Name + " (" + rc.account.PersonSupported + ")", Stamp: s.now()}
		for _, sh := range shifts {
			mine := sh.PAID == paID && sh.Status.WorkedByPA()
			wasMine := sh.PAID == paID || (sh.PAID == 0 && sh.CoverForPAID == paID)
			if !mine && !wasMine {
				continue
			}
			summary := fmt.Sprintf("%s with %s", sh.Type.Label(), rc.account.PersonSupported)
			desc := fmt.Sprintf("%s shift, %s.", sh.Type.Label(), sh.Start.Format("15:04")+" to "+sh.End.Format("15:04"))
			if sh.Note != "" {
				desc += " " + sh.Note
			}
			cal.Events = append(cal.Events, report.Event{
				UID:   fmt.Sprintf("shift-%d-account-%d@pa-employer-toolkit", sh.ID, accountID),
				Start: sh.Start, End: sh.End, Summary: summary, Description: desc, Location: address,
				Cancelled: !mine,
			})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return internal("writing the calendar", report.WriteICS(w, cal))
}
