package service

import (
	"errors"
	"fmt"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payrun"
	"patoolkit/rota"
	"patoolkit/storage"
)

// PayPeriods returns the account's pay periods overlapping from..to, from
// the employer's pay frequency and usual payday.
func (s *Service) PayPeriods(accountID int64, from, to civil.Date) ([]household.PayPeriod, error) {
	return read(s, "working out the pay periods", func(tx *storage.Tx) ([]household.PayPeriod, error) {
		return payPeriods(tx, accountID, from, to)
	})
}

func payPeriods(tx *storage.Tx, accountID int64, from, to civil.Date) ([]household.PayPeriod, error) {
	a, err := findBudget(tx, accountID)
	if err != nil {
		return nil, err
	}
	e, err := tx.Employer(accountID)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, Invalidf("Give the employer details (how often and when the PAs are paid) first.")
	}
	if err != nil {
		return nil, err
	}
	periods, err := household.PayPeriods(e, a.StartDate, from, to, rota.IsBankHoliday)
	if err != nil {
		return nil, refusedInput(err)
	}
	return periods, nil
}

// Timesheets returns an account's timesheets for periods overlapping from..to.
func (s *Service) Timesheets(accountID int64, from, to civil.Date) ([]rota.Timesheet, error) {
	return read(s, "reading the timesheets", func(tx *storage.Tx) ([]rota.Timesheet, error) {
		return tx.Timesheets(accountID, from, to)
	})
}

// Timesheet returns one timesheet.
func (s *Service) Timesheet(id int64) (rota.Timesheet, error) {
	return readRecord(s, "reading the timesheet", "That timesheet no longer exists.", func(tx *storage.Tx) (rota.Timesheet, error) {
		ts, _, err := tx.Timesheet(id)
		return ts, err
	})
}

// OpenTimesheet returns the PA's timesheet for the pay period containing
// day, making a draft from the rota when there is none yet.
func (s *Service) OpenTimesheet(accountID, paID int64, day civil.Date) (rota.Timesheet, error) {
	return write(s, "opening the timesheet", func(tx *storage.Tx) (rota.Timesheet, error) {
		return s.openTimesheet(tx, accountID, paID, day)
	})
}

func (s *Service) openTimesheet(tx *storage.Tx, accountID, paID int64, day civil.Date) (rota.Timesheet, error) {
	p, err := tx.PA(paID)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && p.AccountID != accountID) {
		return rota.Timesheet{}, NotFoundf("That PA is not on this budget.")
	}
	if err != nil {
		return rota.Timesheet{}, err
	}
	periods, err := payPeriods(tx, accountID, day, day)
	if err != nil {
		return rota.Timesheet{}, err
	}
	period := periods[0]
	existing, err := tx.Timesheets(accountID, period.From, period.To)
	if err != nil {
		return rota.Timesheet{}, err
	}
	for _, ts := range existing {
		if ts.PAID == paID && ts.From == period.From {
			return ts, nil
		}
	}
	shifts, err := tx.Shifts(accountID, dayStart(period.From), dayStart(period.To.AddDays(1)))
	if err != nil {
		return rota.Timesheet{}, err
	}
	ts, err := rota.NewTimesheet(paID, period.From, period.To, shifts)
	if err != nil {
		return ts, rotaError(err)
	}
	if err := tx.SaveTimesheet(accountID, &ts); err != nil {
		return ts, err
	}
	return ts, tx.Audit(s.now(), accountID, "timesheet started", fmt.Sprintf("%s, %s to %s", p.Name, period.From.UK(), period.To.UK()))
}

// changeTimesheet loads a timesheet, applies change (which enforces what
// its status allows), checks it and stores it.
func (s *Service) changeTimesheet(id int64, doing, action string, change func(*rota.Timesheet, household.PA) error) (rota.Timesheet, error) {
	var out rota.Timesheet
	err := s.update(doing, func(tx *storage.Tx) error {
		ts, accountID, err := tx.Timesheet(id)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That timesheet no longer exists.")
		}
		if err != nil {
			return err
		}
		p, err := tx.PA(ts.PAID)
		if err != nil {
			return err
		}
		if err := change(&ts, p); err != nil {
			return rotaError(err)
		}
		if err := ts.Validate(); err != nil {
			return rotaError(err)
		}
		if err := tx.SaveTimesheet(accountID, &ts); err != nil {
			return err
		}
		out = ts
		return tx.Audit(s.now(), accountID, action, fmt.Sprintf("%s, %s to %s", p.Name, ts.From.UK(), ts.To.UK()))
	})
	return out, err
}

// SetTimesheetEntries replaces a draft timesheet's entries and note with
// what the person entered. A signed, approved or locked timesheet is refused.
func (s *Service) SetTimesheetEntries(id int64, entries []rota.Entry, note string) (rota.Timesheet, error) {
	return s.changeTimesheet(id, "saving the timesheet", "timesheet changed", func(ts *rota.Timesheet, _ household.PA) error {
		if err := ts.SetEntries(entries); err != nil {
			return err
		}
		return ts.SetNote(strings.TrimSpace(note))
	})
}

// CheckTimesheetEntries checks a timesheet's lines as SetTimesheetEntries
// does, every line's problem at once on its line (rota.LineField), and
// stores nothing.
func (s *Service) CheckTimesheetEntries(entries []rota.Entry) error {
	if errs := rota.CheckEntries(entries); len(errs) > 0 {
		return invalid(errs)
	}
	return nil
}

// SignTimesheet records the PA's declaration: their name typed, on a date.
func (s *Service) SignTimesheet(id int64, typedName string, on civil.Date) (rota.Timesheet, error) {
	return s.changeTimesheet(id, "signing the timesheet", "timesheet signed by the PA", func(ts *rota.Timesheet, p household.PA) error {
		return ts.Sign(p.Name, typedName, on)
	})
}

// ReturnTimesheet returns a signed timesheet to draft so it can be
// corrected; the PA's signature is removed.
func (s *Service) ReturnTimesheet(id int64) (rota.Timesheet, error) {
	return s.changeTimesheet(id, "returning the timesheet", "timesheet returned to draft", func(ts *rota.Timesheet, _ household.PA) error {
		return ts.ReturnToDraft()
	})
}

// ApproveTimesheet records the employer's approval of a signed timesheet.
func (s *Service) ApproveTimesheet(id int64, by string, on civil.Date) (rota.Timesheet, error) {
	return s.changeTimesheet(id, "approving the timesheet", "timesheet approved", func(ts *rota.Timesheet, _ household.PA) error {
		return ts.Approve(strings.TrimSpace(by), on)
	})
}

// LockTimesheet locks an approved timesheet once it has been paid.
func (s *Service) LockTimesheet(id int64) (rota.Timesheet, error) {
	return s.changeTimesheet(id, "locking the timesheet", "timesheet locked", func(ts *rota.Timesheet, _ household.PA) error {
		return ts.Lock()
	})
}

// TimesheetPay works out the gross pay a timesheet's lines earn at the
// rates of the PA's contracts in force on each day (rota.Timesheet.Pay),
// as the timesheet screen and the PDF show it. A line no contract covers
// is refused as Invalid, with its message.
func (s *Service) TimesheetPay(ts rota.Timesheet) (rota.TimesheetPay, error) {
	cs, err := s.Contracts(ts.PAID)
	if err != nil {
		return rota.TimesheetPay{}, err
	}
	pay, err := ts.Pay(payrun.RatesLookup(cs))
	return pay, rotaError(err)
}
