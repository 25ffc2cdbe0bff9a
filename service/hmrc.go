package service

// The HMRC record (what HMRC calls a P32): per tax month, or per quarter
// when the budget pays HMRC quarterly, what the finalised pay runs owe,
// when it is due and when it was paid; and the list of what must be sent
// to HMRC (an FPS each payday, a nil EPS for a month with no pay, the
// Employment Allowance claim).

import (
	"errors"
	"sort"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/rota"
	"patoolkit/storage"
)

// HMRCPeriodRow is one tax month or quarter of the HMRC record.
type HMRCPeriodRow struct {
	Period payroll.HMRCPeriod
	// Paydays is how many finalised paydays fall in it.
	Paydays                        int
	Tax, EmployeeNI, EmployerNI    money.Money
	StudentLoan                    money.Money // student and postgraduate loans
	EmploymentAllowance, Recovered money.Money
	// FamilyPay is the statutory family pay (SMP, SPP, SAP, ShPP, SPBP,
	// SNCP) paid in the period; Recovered is what HMRC gives back of it
	// (92%, or with Small Employers' Relief the year's rate), claimed on
	// the period's EPS and taken off what is due. Reclaim is what the
	// recovery comes to beyond what the period owes: HMRC sets it against
	// later periods of the year, or repays it when asked.
	FamilyPay, Reclaim       money.Money
	Due                      money.Money
	DueDate, PaidDate        civil.Date
	Late                     bool
	PaidInLedger, MarkedPaid bool
}

// Filing is one item of the filing list, and when it was marked done.
type Filing struct {
	payroll.Filing
	Done civil.Date
}

// Ref is the filing's key for marking it done: the payday (FPS), the tax
// month's key (nil EPS) or the tax year (allowance claim).
func (f Filing) Ref() string {
	switch f.Kind {
	case payroll.FilingFPS:
		return f.Payday.String()
	case payroll.FilingAllowanceEPS, payroll.FilingFinal, payroll.FilingP60:
		return f.Period.Year.String()
	}
	return f.Period.Key()
}

// HMRCRecord is a tax year's record of what is owed to HMRC.
type HMRCRecord struct {
	Employer  household.Employer
	Year      payroll.TaxYear
	Quarterly bool
	Periods   []HMRCPeriodRow
	Total     HMRCPeriodRow
	Filings   []Filing
	// Penalties say, plainly, what being late costs.
	Penalties []string
	// Recovery says, in words, what statutory pay was recovered in each
	// period and how to claim it (an EPS); empty when there was none.
	Recovery []string
}

// HMRCRecord returns the tax year's HMRC record for a budget.
func (s *Service) HMRCRecord(accountID int64, year payroll.TaxYear) (HMRCRecord, error) {
	today := s.today()
	return read(s, "making the HMRC record", func(tx *storage.Tx) (HMRCRecord, error) {
		return hmrcRecord(tx, accountID, year, today)
	})
}

func hmrcRecord(tx *storage.Tx, accountID int64, year payroll.TaxYear, today civil.Date) (HMRCRecord, error) {
	if _, err := payroll.RatesFor(year); err != nil {
		return HMRCRecord{}, refusedInput(err)
	}
	pc, err := loadPay(tx, accountID)
	if err != nil {
		return HMRCRecord{}, err
	}
	rec := HMRCRecord{Employer: pc.employer, Year: year, Quarterly: pc.quarterly,
		Penalties: []string{payroll.LateFilingPenalty(len(pc.pas)), payroll.LatePaymentPenalty()}}
	runs, err := tx.PayRuns(accountID, year.Start(), year.End())
	if err != nil {
		return rec, err
	}
	marked, err := tx.HMRCPaid(accountID)
	if err != nil {
		return rec, err
	}
	rows := map[payroll.HMRCPeriod]*HMRCPeriodRow{}
	kinds := map[payroll.HMRCPeriod][]payroll.LineKind{}
	for _, p := range payroll.HMRCPeriods(year, pc.quarterly) {
		rows[p] = &HMRCPeriodRow{Period: p, DueDate: p.DueDate(rota.IsBankHoliday)}
	}
	var paydays []civil.Date
	for _, r := range runs {
		if !r.Live() {
			continue
		}
		paydays = append(paydays, r.Period.Payday)
		row := rows[payroll.HMRCPeriodOf(r.Period.Payday, pc.quarterly)]
		if row == nil {
			continue
		}
		row.Paydays++
		slips, err := tx.RunPayslips(r.ID)
		if err != nil {
			return rec, err
		}
		for _, p := range slips {
			row.Tax += p.Result.Tax
			row.EmployeeNI += p.Result.EmployeeNI
			row.EmployerNI += p.Result.EmployerNI
			row.StudentLoan += p.Result.StudentLoan + p.Result.PostgraduateLoan
			for _, l := range p.Detail.Lines {
				if _, ok := payroll.FamilyPayKindOf(l.Kind); ok {
					row.FamilyPay += l.Amount
					row.Recovered += l.Recoverable
					kinds[row.Period] = addKind(kinds[row.Period], l.Kind)
				}
			}
		}
		row.EmploymentAllowance += r.Allowance
	}
	for _, p := range payroll.HMRCPeriods(year, pc.quarterly) {
		row := rows[p]
		row.Due = row.Tax + row.EmployeeNI + row.EmployerNI + row.StudentLoan - row.EmploymentAllowance - row.Recovered
		if row.Due < 0 && row.Recovered > 0 {
			row.Reclaim, row.Due = min(-row.Due, row.Recovered), 0
		}
		if row.Recovered > 0 {
			rec.Recovery = append(rec.Recovery, recoveryWords(*row, kinds[p]))
		}
		owed, ok, err := tx.HMRCOwed(accountID, p.Key())
		if err != nil {
			return rec, err
		}
		if d, found := marked[p.Key()]; found {
			row.PaidDate, row.MarkedPaid = d, true
		} else if ok && owed.Payments > 0 && (owed.Paid >= owed.Owed.Amount || owed.Owed.Settled) {
			row.PaidDate, row.PaidInLedger = owed.LastPaid, true
		}
		switch {
		case !row.PaidDate.IsZero():
			row.Late = row.PaidDate.After(row.DueDate)
		case row.Due > 0:
			row.Late = today.After(row.DueDate)
		}
		rec.Periods = append(rec.Periods, *row)
		t := &rec.Total
		t.Paydays += row.Paydays
		t.Tax += row.Tax
		t.EmployeeNI += row.EmployeeNI
		t.EmployerNI += row.EmployerNI
		t.StudentLoan += row.StudentLoan
		t.EmploymentAllowance += row.EmploymentAllowance
		t.Recovered += row.Recovered
		t.FamilyPay += row.FamilyPay
		t.Reclaim += row.Reclaim
		t.Due += row.Due
	}
	rec.Filings, err = filings(tx, pc, year, paydays, today)
	return rec, err
}

// addKind adds a line kind to a list once.
func addKind(ks []payroll.LineKind, k payroll.LineKind) []payroll.LineKind {
	for _, x := range ks {
		if x == k {
			return ks
		}
	}
	return append(ks, k)
}

// recoveryWords says what a period recovered and how it is claimed.
func recoveryWords(row HMRCPeriodRow, kinds []payroll.LineKind) string {
	var names []string
	for _, k := range kinds {
		if fk, ok := payroll.FamilyPayKindOf(k); ok {
			names = append(names, fk.Name())
		}
	}
	s := row.Period.Label() + ": " + joinAnd(names) + " paid " + row.FamilyPay.Format() + "; " + row.Recovered.Format() +
		" of it is recoverable from HMRC and is taken off what is due for the period. Claim it on an Employer Payment Summary (EPS) for the period in Basic PAYE Tools, which works out the year-to-date figures."
	if row.Reclaim > 0 {
		s += " That is " + row.Reclaim.Format() + " more than the period owes: HMRC sets it against later periods of the tax year, or you can ask HMRC to repay it (or to pay statutory pay in advance)."
	}
	return s
}

// filings is the tax year's filing list with what is marked done.
func filings(tx *storage.Tx, pc payContext, year payroll.TaxYear, paydays []civil.Date, today civil.Date) ([]Filing, error) {
	first, err := tx.FirstLivePayday(pc.account.ID)
	if err != nil {
		return nil, err
	}
	if first.IsZero() {
		first = today
	}
	sort.Slice(paydays, func(i, j int) bool { return paydays[i].Before(paydays[j]) })
	done, err := tx.Filed(pc.account.ID)
	if err != nil {
		return nil, err
	}
	var out []Filing
	for _, f := range payroll.Filings(year, paydays, first, today, pc.employer.EmploymentAllowance) {
		x := Filing{Filing: f}
		x.Done = done[string(f.Kind)+" "+x.Ref()]
		out = append(out, x)
	}
	return out, nil
}

// MarkHMRCPaid records the day a tax month's or quarter's bill was paid
// to HMRC (zero: not paid after all). period is its key ("2026-27 M08").
func (s *Service) MarkHMRCPaid(accountID int64, period string, on civil.Date) error {
	p, err := payroll.ParseHMRCPeriod(period)
	if err != nil {
		return refusedInput(err)
	}
	if !on.IsZero() && on.After(s.today()) {
		return Invalidf("%s is in the future: mark a payment paid on the day it left the bank.", on.UK())
	}
	return s.update("marking the HMRC payment", func(tx *storage.Tx) error {
		if err := budgetExists(tx, accountID); err != nil {
			return err
		}
		if err := tx.SetHMRCPaid(accountID, p.Key(), on); err != nil {
			return err
		}
		detail := p.Label() + ": paid on " + on.UK()
		if on.IsZero() {
			detail = p.Label() + ": not paid"
		}
		return tx.Audit(s.now(), accountID, "HMRC payment marked", detail)
	})
}

// MarkFiled records the day an item of the filing list was sent to HMRC
// (zero: not sent after all).
func (s *Service) MarkFiled(accountID int64, f Filing, on civil.Date) error {
	if !on.IsZero() && on.After(s.today()) {
		return Invalidf("%s is in the future: mark it sent on the day you sent it.", on.UK())
	}
	return s.update("marking what was sent to HMRC", func(tx *storage.Tx) error {
		if err := budgetExists(tx, accountID); err != nil {
			return err
		}
		if err := tx.SetFiled(accountID, string(f.Kind), f.Ref(), on); err != nil {
			return err
		}
		detail := f.What + ": sent on " + on.UK()
		if on.IsZero() {
			detail = f.What + ": not sent"
		}
		return tx.Audit(s.now(), accountID, "HMRC filing marked", detail)
	})
}

// FPSRow is one PA's figures for a payday's Full Payment Submission, to
// key into HMRC's Basic PAYE Tools and check against what it works out.
type FPSRow struct {
	PA          household.PA
	Payslip     Payslip
	FPS         payroll.FPS
	HoursBand   payroll.HoursBand
	Irregular   bool
	Starter     string
	LeavingDate civil.Date
	Periods     int
}

// FPS returns the figures for the FPS of a finalised payday.
func (s *Service) FPS(accountID int64, payday civil.Date) ([]FPSRow, error) {
	return read(s, "making the FPS figures", func(tx *storage.Tx) ([]FPSRow, error) {
		run, err := tx.LivePayRun(accountID, payday)
		if errors.Is(err, storage.ErrNotFound) {
			return nil, NotFoundf("There is no finalised pay run for %s: finalise it first, then send its FPS on or before the payday.", payday.UK())
		} else if err != nil {
			return nil, err
		}
		slips, err := tx.RunPayslips(run.ID)
		if err != nil {
			return nil, err
		}
		var out []FPSRow
		for _, p := range slips {
			pa, err := tx.PA(p.PAID)
			if err != nil {
				return nil, err
			}
			out = append(out, FPSRow{PA: pa, Payslip: p, FPS: p.Result.FPS, HoursBand: p.Detail.FPS.HoursBand,
				Irregular: p.Detail.FPS.Irregular, Starter: p.Detail.FPS.Starter, LeavingDate: p.Detail.FPS.LeavingDate,
				Periods: max(p.Detail.FPS.PeriodsCovered, 1)})
		}
		return out, nil
	})
}
