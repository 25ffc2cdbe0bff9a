package service

// Family leave: a PA's episodes of maternity, paternity, adoption, shared
// parental, parental bereavement and neonatal care leave. Each pay run
// pays the statutory payment due for its days (payrun, payroll.FamilyPay)
// from the dates kept here and the stored payslips; the HMRC record takes
// what HMRC gives back off what is due.

import (
	"errors"
	"fmt"
	"strings"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/storage"
)

// FamilyLeave is a stored episode of family leave.
type FamilyLeave = storage.FamilyLeave

// FamilyLeaveView is an episode with what it pays, worked out now.
type FamilyLeaveView struct {
	FamilyLeave
	PA string
	// Pay is the statutory payment worked out from the stored payslips.
	Pay payroll.FamilyPayResult
	// PaidOn is the first payday a finalised run paid the leave on (zero
	// when none has): such a leave cannot be removed.
	PaidOn civil.Date
}

// familyLeavePaidOn returns the first payday a finalised run paid f on.
func familyLeavePaidOn(tx *storage.Tx, f FamilyLeave) (civil.Date, error) {
	slips, err := tx.Payslips(f.AccountID, f.Leave.From, f.Leave.End().AddDays(400), f.PAID)
	if err != nil {
		return civil.Date{}, err
	}
	for _, p := range slips {
		for _, l := range p.Result.Lines {
			if k, ok := payroll.FamilyPayKindOf(l.Kind); ok && k == f.Leave.Kind && !p.Detail.Period.To.Before(f.Leave.From) && !p.Detail.Period.From.After(f.Leave.End()) {
				return p.Payday, nil
			}
		}
	}
	return civil.Date{}, nil
}

// AddFamilyLeave stores an episode of a PA's family leave, refusing one
// that is not valid, overlaps another of the PA's episodes, or falls in a
// pay period already finalised (reverse that run first).
func (s *Service) AddFamilyLeave(f FamilyLeave) (FamilyLeave, error) {
	f.Note = strings.TrimSpace(f.Note)
	if err := f.Leave.Validate(); err != nil {
		return f, refusedInput(err)
	}
	err := s.update("adding the family leave", func(tx *storage.Tx) error {
		pa, err := tx.PA(f.PAID)
		if errors.Is(err, storage.ErrNotFound) || (err == nil && pa.AccountID != f.AccountID) {
			return NotFoundf("That PA is not in this budget.")
		} else if err != nil {
			return err
		}
		if pa.StartDate.IsZero() {
			return Invalidf("%s has no start date on record, and statutory family pay needs it (26 weeks' employment): add it under People first.", pa.Name)
		}
		others, err := tx.FamilyLeaves(pa.ID)
		if err != nil {
			return err
		}
		for _, o := range others {
			if !o.Leave.From.After(f.Leave.End()) && !f.Leave.From.After(o.Leave.End()) {
				return Conflictf("%s already has %s from %s to %s, which overlaps: remove it first, or choose other dates.",
					pa.Name, o.Leave.Kind.Leave(), o.Leave.From.UK(), o.Leave.End().UK())
			}
		}
		latest, err := tx.LatestLivePayday(f.AccountID)
		if err != nil {
			return err
		}
		if !latest.IsZero() {
			run, err := tx.LivePayRun(f.AccountID, latest)
			if err != nil {
				return err
			}
			if !f.Leave.From.After(run.Period.To) {
				return Conflictf("The leave starts on %s, in a pay period already finalised (the run for %s covers up to %s). Reverse that run first, then add the leave and run it again.",
					f.Leave.From.UK(), latest.UK(), run.Period.To.UK())
			}
		}
		if err := tx.InsertFamilyLeave(&f); err != nil {
			return refusedInput(err)
		}
		return tx.Audit(s.now(), f.AccountID, "family leave added", fmt.Sprintf("%s: %s from %s, %s", pa.Name, f.Leave.Kind.Leave(), f.Leave.From.UK(), weeksWord(f.Leave.Weeks)))
	})
	return f, err
}

// CheckFamilyLeave checks an episode as the form gives it (adoption: it
// is for an adoption) as AddFamilyLeave does before it reads what is
// stored: the key dates the kind needs and uses, and the dates and weeks,
// every problem at once, one for each field. It stores nothing.
func (s *Service) CheckFamilyLeave(l payroll.FamilyLeave, adoption bool) error {
	var errs field.Errors
	add := func(err error) {
		for _, e := range field.Of(err) {
			if errs.For(e.Field) == "" {
				errs = append(errs, e)
			}
		}
	}
	add(l.CheckKeyDates(adoption))
	add(l.Validate())
	if len(errs) > 0 {
		return invalid(errs)
	}
	return nil
}

// RemoveFamilyLeave removes an episode that no finalised run has paid.
func (s *Service) RemoveFamilyLeave(accountID, id int64) error {
	return s.update("removing the family leave", func(tx *storage.Tx) error {
		f, err := tx.FamilyLeave(id)
		if errors.Is(err, storage.ErrNotFound) || (err == nil && f.AccountID != accountID) {
			return NotFoundf("That family leave is not in this budget.")
		} else if err != nil {
			return err
		}
		paid, err := familyLeavePaidOn(tx, f)
		if err != nil {
			return err
		}
		if !paid.IsZero() {
			return Conflictf("The run for %s paid %s for this leave, so it stays. Reverse that run (and any after it) first.", paid.UK(), f.Leave.Kind.Name())
		}
		if err := tx.DeleteFamilyLeave(id); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "family leave removed", fmt.Sprintf("PA %d: %s from %s", f.PAID, f.Leave.Kind.Leave(), f.Leave.From.UK()))
	})
}

// FamilyLeaves lists a budget's episodes of family leave (paID 0: every
// PA) with what each pays, worked out from the stored payslips.
func (s *Service) FamilyLeaves(accountID, paID int64) ([]FamilyLeaveView, error) {
	return readMoney(s, "listing the family leave", accountID, func(tx *storage.Tx) ([]FamilyLeaveView, error) {
		pc, err := loadPay(tx, accountID)
		if err != nil {
			return nil, err
		}
		all, err := tx.AccountFamilyLeaves(accountID)
		if err != nil {
			return nil, err
		}
		var out []FamilyLeaveView
		for _, f := range all {
			if paID != 0 && f.PAID != paID {
				continue
			}
			pa, err := tx.PA(f.PAID)
			if err != nil {
				return nil, err
			}
			v := FamilyLeaveView{FamilyLeave: f, PA: pa.Name}
			if v.PaidOn, err = familyLeavePaidOn(tx, f); err != nil {
				return nil, err
			}
			slips, err := tx.PayslipsBefore(pa.ID, f.Leave.From)
			if err != nil {
				return nil, err
			}
			var paid []payroll.PaidOn
			for _, h := range slips {
				paid = append(paid, payroll.PaidOn{Payday: h.Payday, Pay: h.Result.NIablePay})
			}
			v.Pay, err = payroll.FamilyPay(payroll.FamilyPayInput{Leave: f.Leave, EmployedFrom: pa.StartDate, LeftOn: pa.LeavingDate,
				Paid: paid, Monthly: payrun.Frequency(pc.employer.PayFrequency) == payroll.Monthly})
			if err != nil {
				return nil, refusedInput(err)
			}
			out = append(out, v)
		}
		return out, nil
	})
}

// familyEpisodes are a PA's episodes as a pay run needs them, each with
// the employer's Class 1 NI for the tax year that decides Small
// Employers' Relief.
func familyEpisodes(tx *storage.Tx, accountID, paID int64) ([]payrun.FamilyEpisode, error) {
	all, err := tx.FamilyLeaves(paID)
	if err != nil {
		return nil, err
	}
	var out []payrun.FamilyEpisode
	for _, f := range all {
		year := payroll.TaxYearOf(f.Leave.QualifyingWeek()) - 1
		ni, err := class1NI(tx, accountID, year)
		if err != nil {
			return nil, err
		}
		out = append(out, payrun.FamilyEpisode{Leave: f.Leave, Class1NI: ni})
	}
	return out, nil
}

// class1NI is the employee's and employer's Class 1 NI of the finalised
// payslips of a tax year (before the Employment Allowance).
func class1NI(tx *storage.Tx, accountID int64, year payroll.TaxYear) (money.Money, error) {
	slips, err := tx.Payslips(accountID, year.Start(), year.End(), 0)
	if err != nil {
		return 0, err
	}
	var n money.Money
	for _, p := range slips {
		n += p.Result.EmployeeNI + p.Result.EmployerNI
	}
	return n, nil
}

// weeksWord is "1 week", "39 weeks".
func weeksWord(n int) string {
	if n == 1 {
		return "1 week"
	}
	return fmt.Sprintf("%d weeks", n)
}
