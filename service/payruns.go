package service

// Pay runs: a payday's payslips from approved timesheets, previewed with
// every line and warning, then finalised (stored, locked, owed in Money,
// written to the audit log) or reversed with a reason and run again.
//
// The figures are worked out once, by payrun.Build and the payroll
// engine, inside the transaction that stores them. The year to date of a
// PA's next payslip is the stored year to date of their last one, never
// added up again.

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/rota"
	"patoolkit/storage"
)

// Stored pay records, as storage keeps them.
type (
	// PayRun is a finalised (perhaps reversed) pay run.
	PayRun = storage.PayRun
	// Payslip is a stored payslip.
	Payslip = storage.Payslip
)

// PaydayState is where a payday's pay stands.
type PaydayState string

// The states of a payday.
const (
	// PaydayToDo: not ready to finalise (a timesheet waits for approval,
	// or there is nothing to pay yet).
	PaydayToDo PaydayState = "to do"
	// PaydayPreview: ready; preview it and finalise.
	PaydayPreview PaydayState = "preview"
	// PaydayFinalised: finalised, net pay not all paid yet.
	PaydayFinalised PaydayState = "finalised"
	// PaydayPaid: finalised and every PA's net pay paid.
	PaydayPaid PaydayState = "paid"
)

// Label is the state as a list shows it.
func (s PaydayState) Label() string {
	switch s {
	case PaydayToDo:
		return "To do"
	case PaydayPreview:
		return "Ready to preview and finalise"
	case PaydayFinalised:
		return "Finalised"
	case PaydayPaid:
		return "Finalised and paid"
	}
	return string(s)
}

// PayRunView is a payday's pay run: worked out now when it is not
// finalised, or as stored when it is.
type PayRunView struct {
	AccountID int64
	Period    household.PayPeriod
	State     PaydayState
	// Run is the preview (when not finalised) or the stored run's figures
	// (when finalised: Warnings are those the preview showed).
	Run payrun.Run
	// Stored is the finalised run (nil when not finalised); Payslips its
	// payslips.
	Stored   *PayRun
	Payslips []Payslip
	// Reversed are earlier runs for this payday that were reversed.
	Reversed []PayRun
	// HMRCDue is when what the run owes HMRC is due: the due date of the
	// tax month or quarter holding the payday.
	HMRCDue civil.Date
}

// CanFinalise reports whether the run may be finalised now.
func (v PayRunView) CanFinalise() bool { return v.Stored == nil && !v.Run.Blocked() }

// payContext is what a pay run needs to know of a budget.
type payContext struct {
	account   household.Account
	employer  household.Employer
	pas       []household.PA
	contracts map[int64][]household.Contract
	quarterly bool
}

func loadPay(tx *storage.Tx, accountID int64) (payContext, error) {
	mc, err := loadMoney(tx, accountID)
	if err != nil {
		return payContext{}, err
	}
	pc := payContext{account: mc.account, quarterly: mc.settings.HMRCQuarterly, contracts: map[int64][]household.Contract{}}
	pc.employer, err = tx.Employer(accountID)
	if errors.Is(err, storage.ErrNotFound) {
		return pc, Invalidf("%s has no employer details yet: add them under People (the employer's name, PAYE reference and payday) before running pay.", mc.account.Name)
	} else if err != nil {
		return pc, err
	}
	if pc.pas, err = tx.PAs(accountID); err != nil {
		return pc, err
	}
	for _, p := range pc.pas {
		if pc.contracts[p.ID], err = tx.Contracts(p.ID); err != nil {
			return pc, err
		}
	}
	return pc, nil
}

// periodFor returns the pay period paid on payday, or a refusal naming
// the paydays near it.
func periodFor(tx *storage.Tx, accountID int64, payday civil.Date) (household.PayPeriod, error) {
	a, err := findBudget(tx, accountID)
	if err != nil {
		return household.PayPeriod{}, err
	}
	if !a.StartDate.IsZero() && payday.Before(a.StartDate) {
		return household.PayPeriod{}, Invalidf("%s is before %s's direct payment started (%s): there is no pay to run then.", payday.UK(), a.Name, a.StartDate.UK())
	}
	periods, err := payPeriods(tx, accountID, payday.AddDays(-70), payday.AddDays(70))
	if err != nil {
		return household.PayPeriod{}, err
	}
	var near []string
	for _, p := range periods {
		if p.Payday == payday {
			return p, nil
		}
		if d := p.Payday.DaysSince(payday); d > -45 && d < 45 {
			near = append(near, p.Payday.UK())
		}
	}
	msg := payday.UK() + " is not a payday of this budget's pay schedule."
	if len(near) > 0 {
		msg += " The paydays near it are " + joinAnd(near) + "."
	}
	return household.PayPeriod{}, Invalidf("%s", msg)
}

// buildRun works out the run for a period from what is stored.
func buildRun(tx *storage.Tx, pc payContext, per household.PayPeriod, today civil.Date) (payrun.Run, error) {
	accountID := pc.account.ID
	timesheets, err := tx.Timesheets(accountID, per.From, per.To)
	if err != nil {
		return payrun.Run{}, err
	}
	absences, err := tx.Absences(accountID, per.From, per.To)
	if err != nil {
		return payrun.Run{}, err
	}
	var shifts []rota.Shift
	if len(absences) > 0 {
		if shifts, err = tx.Shifts(accountID, dayStart(per.From), dayStart(per.To.AddDays(1))); err != nil {
			return payrun.Run{}, err
		}
	}
	adjustments, err := tx.Adjustments(accountID, per.Payday)
	if err != nil {
		return payrun.Run{}, err
	}
	year := payroll.TaxYearOf(per.Payday)
	in := payrun.RunInput{Employer: pc.employer, Period: per, Today: today}
	if in.EmployerNIBefore, in.AllowanceUsed, err = tx.RunTotals(accountID, year.Start(), per.Payday.AddDays(-1)); err != nil {
		return payrun.Run{}, err
	}
	duties, states, err := pensionInputs(tx, accountID)
	if err != nil {
		return payrun.Run{}, err
	}
	for _, pa := range pc.pas {
		p := payrun.PAInput{PA: pa, Contracts: pc.contracts[pa.ID]}
		for _, ts := range timesheets {
			if ts.PAID == pa.ID && per.Contains(ts.From) {
				p.Timesheets = append(p.Timesheets, ts)
			}
		}
		for _, a := range adjustments {
			if a.PAID == pa.ID && a.RunID == 0 {
				p.Adjustments = append(p.Adjustments, a)
			}
		}
		if !pa.EmployedIn(per) && len(p.Timesheets) == 0 && len(p.Adjustments) == 0 {
			continue
		}
		p.Holiday = rota.HolidayTaken(shifts, absences, pa.ID, per.From, per.To)
		for _, a := range absences {
			if a.PAID == pa.ID {
				p.Off = append(p.Off, a)
			}
		}
		for _, a := range absences {
			if a.Kind == rota.Holiday && a.PAID == pa.ID && (p.HolidayFrom.IsZero() || a.From.Before(p.HolidayFrom)) {
				p.HolidayFrom = a.From
			}
		}
		if p.HolidayFrom.Before(per.From) {
			p.HolidayFrom = per.From
		}
		history, err := tx.PayslipsBefore(pa.ID, per.Payday)
		if err != nil {
			return payrun.Run{}, err
		}
		if p.Sickness, err = tx.PASickness(pa.ID, per.From.AddMonths(-36), per.To); err != nil {
			return payrun.Run{}, err
		}
		if p.Family, err = familyEpisodes(tx, accountID, pa.ID); err != nil {
			return payrun.Run{}, err
		}
		for _, h := range history {
			p.EarlierPay = append(p.EarlierPay, payroll.PaidOn{Payday: h.Payday, Pay: h.Result.NIablePay})
			p.History = append(p.History, paidPeriod(pa, h))
			if h.Result.TaxYear == year {
				p.YearToDate = h.Result.YearToDate
				p.MilesBefore += h.Miles
				p.LetterBefore = h.Input.NICategory
			}
		}
		if pa.LastPaidIn(per) {
			rec, err := holidayRecord(tx, accountID, pa, pa.LeavingDate)
			switch {
			case err == nil:
				p.Leaving = &rec
			case errors.Is(err, rota.ErrRefused) || errors.Is(err, rota.ErrInvalid):
				p.LeavingProblem = err.Error()
			default:
				return payrun.Run{}, err
			}
		}
		p.Pension = pensionInput(duties, states[pa.ID], history)
		in.PAs = append(in.PAs, p)
	}
	run, err := payrun.Build(in)
	if err != nil {
		return run, refusedInput(err)
	}
	return run, nil
}

// paidPeriod is a stored payslip as a paid period for a week's pay: its
// days while the PA was employed (a first period that began before they
// started is not weeks of theirs), its gross pay and minutes worked.
func paidPeriod(pa household.PA, h storage.Payslip) payroll.PaidPeriod {
	p := payroll.PaidPeriod{From: h.Detail.Period.From, To: h.Detail.Period.To, Pay: h.Result.Gross, Minutes: h.Minutes}
	if pa.StartDate.After(p.From) && !pa.StartDate.After(p.To) {
		p.From = pa.StartDate
	}
	if !pa.LeavingDate.IsZero() && pa.LeavingDate.Before(p.To) && !pa.LeavingDate.Before(p.From) {
		p.To = pa.LeavingDate
	}
	return p
}

// PayRun returns the pay run for a payday: as finalised, or previewed now.
func (s *Service) PayRun(accountID int64, payday civil.Date) (PayRunView, error) {
	return read(s, "working out the pay run", func(tx *storage.Tx) (PayRunView, error) {
		return s.payRunView(tx, accountID, payday)
	})
}

func (s *Service) payRunView(tx *storage.Tx, accountID int64, payday civil.Date) (PayRunView, error) {
	pc, err := loadPay(tx, accountID)
	if err != nil {
		return PayRunView{}, err
	}
	per, err := periodFor(tx, accountID, payday)
	if err != nil {
		return PayRunView{}, err
	}
	v := PayRunView{AccountID: accountID, Period: per, HMRCDue: payroll.HMRCPeriodOf(payday, pc.quarterly).DueDate(rota.IsBankHoliday)}
	runs, err := tx.PayRuns(accountID, payday, payday)
	if err != nil {
		return v, err
	}
	for _, r := range runs {
		if !r.Live() {
			v.Reversed = append(v.Reversed, r)
			continue
		}
		r := r
		v.Stored = &r
	}
	if v.Stored != nil {
		if v.Payslips, err = tx.RunPayslips(v.Stored.ID); err != nil {
			return v, err
		}
		v.Run = storedRun(*v.Stored, v.Payslips)
		v.State = PaydayFinalised
		paid, err := runPaid(tx, v.Stored.ID)
		if err != nil {
			return v, err
		}
		if paid {
			v.State = PaydayPaid
		}
		return v, nil
	}
	if v.Run, err = buildRun(tx, pc, per, s.today()); err != nil {
		return v, err
	}
	v.State = PaydayPreview
	if v.Run.Blocked() {
		v.State = PaydayToDo
	}
	return v, nil
}

// storedRun is a finalised run's figures, as stored.
func storedRun(r PayRun, slips []Payslip) payrun.Run {
	out := payrun.Run{Period: r.Period, TaxYear: r.TaxYear, TaxPeriod: r.TaxPeriod, Frequency: r.Frequency}
	for i, p := range slips {
		ps := p.Result
		out.PAs = append(out.PAs, payrun.PAResult{PAID: p.PAID, PA: p.PA, Lines: p.Detail.Lines, Input: p.Input, Payslip: ps,
			Warnings: p.Detail.Warnings, Calc: true, FPS: p.Detail.FPS, Paid: p.Detail.Timesheets, Adjusted: p.Detail.Adjustments,
			Minutes: p.Minutes, Miles: p.Miles, Pension: p.Detail.Pension, Period: p.Detail.Period, Holiday: p.Detail.Holiday, Duties: p.Detail.Duties})
		out.Warnings = append(out.Warnings, p.Detail.Warnings...)
		allowance := money.Money(0)
		if i == 0 {
			allowance = r.Allowance // the run's, counted once
		}
		out.Totals.Add(ps, allowance)
		out.Totals.Recoverable += payrun.RecoverableOf(p.Detail.Lines)
	}
	if len(slips) == 0 {
		out.Totals.Add(payroll.Payslip{}, r.Allowance)
	}
	return out
}

// runPaid reports whether every PA's net pay a run raised has been paid.
func runPaid(tx *storage.Tx, runID int64) (bool, error) {
	owed, paid, err := tx.RunOwed(runID)
	if err != nil {
		return false, err
	}
	for i, o := range owed {
		if o.Kind == budget.OwedNetPay && paid[i] == 0 && !o.Settled {
			return false, nil
		}
	}
	return true, nil
}

// FinalisePayRun works the payday's run out again, and stores it when
// nothing blocks it: the payslips, the timesheets it pays (locked), the
// lines entered by hand (paid), what is owed to each PA, HMRC and the
// pension scheme, and a line in the audit log.
func (s *Service) FinalisePayRun(accountID int64, payday civil.Date) (PayRunView, error) {
	var out PayRunView
	err := s.update("finalising the pay run", func(tx *storage.Tx) (err error) {
		out, err = s.finalise(tx, accountID, payday)
		return err
	})
	return out, err
}

// finalise finalises the payday's run inside tx.
func (s *Service) finalise(tx *storage.Tx, accountID int64, payday civil.Date) (PayRunView, error) {
	var out PayRunView
	err := func() error {
		v, err := s.payRunView(tx, accountID, payday)
		if err != nil {
			return err
		}
		if v.Stored != nil {
			return Conflictf("The pay run for %s is already finalised. To change it, reverse it (with a reason) and run it again, or put a correction in the next run.", payday.UK())
		}
		latest, err := tx.LatestLivePayday(accountID)
		if err != nil {
			return err
		}
		if latest.After(payday) {
			return Conflictf("The pay run for %s is finalised already, and it comes after %s: runs are finalised in payday order, so that each carries the year to date on. Reverse the later run first, or put this pay in the next run.", latest.UK(), payday.UK())
		}
		if v.Run.Blocked() {
			var why []string
			for _, w := range v.Run.Blocking() {
				why = append(why, w.Text())
			}
			return Invalidf("The pay run for %s cannot be finalised yet: %s", payday.UK(), strings.Join(why, " "))
		}
		pc, err := loadPay(tx, accountID)
		if err != nil {
			return err
		}
		run := PayRun{AccountID: accountID, Period: v.Period, TaxYear: v.Run.TaxYear, Frequency: v.Run.Frequency,
			TaxPeriod: v.Run.TaxPeriod, Allowance: v.Run.Totals.Allowance, FinalisedAt: s.now()}
		if err := tx.InsertPayRun(&run); err != nil {
			return err
		}
		for _, r := range v.Run.PAs {
			if !r.Calc {
				continue
			}
			p := Payslip{RunID: run.ID, PAID: r.PAID, PA: r.PA, Payday: payday, Live: true, Minutes: r.Minutes, Miles: r.Miles,
				Input: r.Input, Result: r.Payslip, Detail: storage.PayslipDetail{Lines: r.Lines, Warnings: r.Warnings, FPS: r.FPS,
					Period: v.Period, Pension: r.Pension, Holiday: r.Holiday, Timesheets: r.Paid, Adjustments: r.Adjusted, Duties: r.Duties}}
			if err := tx.InsertPayslip(&p); err != nil {
				return err
			}
			for _, id := range r.Paid {
				ts, _, err := tx.Timesheet(id)
				if err != nil {
					return err
				}
				if err := ts.Lock(); err != nil {
					return rotaError(err)
				}
				if err := tx.SaveTimesheet(accountID, &ts); err != nil {
					return err
				}
			}
			if err := tx.MarkTimesheetsPaid(run.ID, r.Paid); err != nil {
				return err
			}
			if err := tx.MarkAdjustmentsPaid(run.ID, r.Adjusted); err != nil {
				return err
			}
			if r.Payslip.NetPay > 0 {
				o := budget.Owed{Kind: budget.OwedNetPay, Payee: r.PA, Amount: r.Payslip.NetPay, Raised: payday, Due: payday}
				if err := tx.InsertRunOwed(accountID, run.ID, &o); err != nil {
					return err
				}
			}
		}
		if err := raiseRunBills(tx, pc, run, v.Run); err != nil {
			return err
		}
		if err := s.recordPensionSteps(tx, accountID, v.Run); err != nil {
			return err
		}
		t := v.Run.Totals
		if err := tx.Audit(s.now(), accountID, "pay run finalised", fmt.Sprintf("payday %s, %s to %s: %d payslips, gross %s, net pay %s, HMRC %s",
			payday.UK(), v.Period.From.UK(), v.Period.To.UK(), len(v.Run.PAs), t.Gross.Format(), t.NetPay.Format(), t.HMRC.Format())); err != nil {
			return err
		}
		out, err = s.payRunView(tx, accountID, payday)
		return err
	}()
	return out, err
}

// raiseRunBills records what a run owes HMRC (added to the item owed for
// its tax month or quarter, due on that period's due date) and each
// pension scheme (due by the 22nd of the next month, as
// The Pensions Regulator asks for payments by direct debit).
func raiseRunBills(tx *storage.Tx, pc payContext, run PayRun, r payrun.Run) error {
	payday := run.Period.Payday
	if r.Totals.HMRC > 0 || r.Totals.Recoverable > 0 {
		if err := syncHMRCOwed(tx, pc.account.ID, payroll.HMRCPeriodOf(payday, pc.quarterly), payday, 0); err != nil {
			return err
		}
	}
	schemes := map[string]money.Money{}
	var names []string
	for _, p := range r.PAs {
		amount := p.Payslip.Pension.Employee + p.Payslip.Pension.Employer
		if amount <= 0 {
			continue
		}
		name := strings.TrimSpace(p.Pension)
		if name == "" {
			name = "Pension scheme"
		}
		if _, ok := schemes[name]; !ok {
			names = append(names, name)
		}
		schemes[name] += amount
	}
	sort.Strings(names)
	next := civil.New(payday.Year, payday.Month, 1).AddMonths(1)
	due := civil.New(next.Year, next.Month, 22)
	for _, name := range names {
		o := budget.Owed{Kind: budget.OwedPension, Payee: name, Amount: schemes[name], Raised: payday, Due: due}
		if err := tx.InsertRunOwed(pc.account.ID, run.ID, &o); err != nil {
			return err
		}
	}
	return nil
}

// ReversePayRun reverses the payday's finalised run, with the reason
// (which goes in the audit log): its timesheets are unlocked (approved
// again), its lines entered by hand wait for the next run, and what it
// raised in Money is taken out, so it can be run again. A run whose pay has
// been paid out in the ledger cannot be reversed: put the correction in
// the next run instead.
func (s *Service) ReversePayRun(accountID int64, payday civil.Date, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Invalidf("Say why the pay run is reversed: it goes in the audit log, for the council and for you.")
	}
	if len(reason) > 300 {
		return Invalidf("Keep the reason under 300 characters.")
	}
	return s.update("reversing the pay run", func(tx *storage.Tx) error {
		run, err := tx.LivePayRun(accountID, payday)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("There is no finalised pay run for %s to reverse.", payday.UK())
		} else if err != nil {
			return err
		}
		latest, err := tx.LatestLivePayday(accountID)
		if err != nil {
			return err
		}
		if latest.After(payday) {
			return Conflictf("The pay run for %s comes after this one and carries its year to date on: reverse that run first.", latest.UK())
		}
		owed, paid, err := tx.RunOwed(run.ID)
		if err != nil {
			return err
		}
		for i, o := range owed {
			if paid[i] > 0 {
				return Conflictf("%s's %s of %s from this run is already paid in the ledger, so the run cannot be reversed. Put the correction in the next run instead.",
					o.Payee, o.Kind.Label(), o.Amount.Format())
			}
		}
		ids, err := tx.TimesheetsPaidBy(run.ID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			ts, _, err := tx.Timesheet(id)
			if err != nil {
				return err
			}
			if err := ts.Unlock(); err != nil {
				return rotaError(err)
			}
			if err := tx.SaveTimesheet(accountID, &ts); err != nil {
				return err
			}
		}
		if err := tx.UnmarkRun(run.ID); err != nil {
			return err
		}
		if err := tx.DeleteRunOwed(run.ID); err != nil {
			return err
		}
		if err := takeBackHMRC(tx, accountID, run); err != nil {
			return err
		}
		if err := tx.ReversePayRun(run.ID, s.now(), reason); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "pay run reversed", "payday "+payday.UK()+": "+reason)
	})
}

// takeBackHMRC takes a reversed run's share off what is owed to HMRC for
// its period, refusing when HMRC has been paid more than is left.
func takeBackHMRC(tx *storage.Tx, accountID int64, run PayRun) error {
	slips, err := tx.RunPayslips(run.ID)
	if err != nil {
		return err
	}
	r := storedRun(run, slips)
	if r.Totals.HMRC <= 0 && r.Totals.Recoverable <= 0 {
		return nil
	}
	mc, err := loadMoney(tx, accountID)
	if err != nil {
		return err
	}
	return syncHMRCOwed(tx, accountID, payroll.HMRCPeriodOf(run.Period.Payday, mc.settings.HMRCQuarterly), run.Period.Payday, run.ID)
}

// syncHMRCOwed sets the item owed to HMRC for a tax month or quarter to
// what its runs in force (but not the run except) owe: each run's tax,
// NI (less the allowance) and loans when positive, less the statutory
// family pay HMRC gives back, as the period's EPS claims it; never below
// nothing (what HMRC owes back is shown in the HMRC record). It refuses,
// when except is a run being reversed, if HMRC has been paid more than
// would be left.
func syncHMRCOwed(tx *storage.Tx, accountID int64, per payroll.HMRCPeriod, payday civil.Date, except int64) error {
	runs, err := tx.PayRuns(accountID, per.Start(), per.End())
	if err != nil {
		return err
	}
	var target money.Money
	for _, run := range runs {
		if !run.Live() || run.ID == except {
			continue
		}
		slips, err := tx.RunPayslips(run.ID)
		if err != nil {
			return err
		}
		t := storedRun(run, slips).Totals
		target += max(t.HMRC, 0) - t.Recoverable
	}
	target = max(target, 0)
	o, ok, err := tx.HMRCOwed(accountID, per.Key())
	if err != nil {
		return err
	}
	if !ok {
		if target <= 0 {
			return nil
		}
		n := budget.Owed{Kind: budget.OwedHMRC, Payee: "HMRC", Amount: target, Raised: payday, Due: per.DueDate(rota.IsBankHoliday)}
		return tx.InsertHMRCOwed(accountID, per.Key(), &n)
	}
	if o.Paid > target {
		if except != 0 {
			return Conflictf("HMRC has already been paid %s for %s, more than would be owed without this run, so it cannot be reversed. Put the correction in the next run instead.", o.Paid.Format(), per.Label())
		}
		target = o.Paid // paid already: what is over is HMRC's to give back
	}
	if target <= 0 {
		return tx.DeleteOwed(o.Owed.ID)
	}
	o.Owed.Amount = target
	return tx.UpdateOwed(accountID, o.Owed)
}

// PaydayRow is one payday in the Pay section's list.
type PaydayRow struct {
	Period household.PayPeriod
	State  PaydayState
	// NetPay is the run's net pay when finalised.
	NetPay money.Money
	// Note says why a payday is still to do (the first blocking warning).
	Note string
}

// Paydays lists the budget's paydays from..to with where each stands.
func (s *Service) Paydays(accountID int64, from, to civil.Date) ([]PaydayRow, error) {
	return read(s, "listing the paydays", func(tx *storage.Tx) ([]PaydayRow, error) {
		periods, err := payPeriods(tx, accountID, from, to)
		if err != nil {
			return nil, err
		}
		var out []PaydayRow
		for _, p := range periods {
			if p.Payday.Before(from) || p.Payday.After(to) {
				continue
			}
			v, err := s.payRunView(tx, accountID, p.Payday)
			if err != nil {
				return nil, err
			}
			row := PaydayRow{Period: p, State: v.State, NetPay: v.Run.Totals.NetPay}
			if b := v.Run.Blocking(); len(b) > 0 {
				row.Note = b[0].Text()
			}
			out = append(out, row)
		}
		return out, nil
	})
}

// Payslips returns the finalised payslips with paydays from..to, oldest
// first (paID 0: every PA).
func (s *Service) Payslips(accountID int64, from, to civil.Date, paID int64) ([]Payslip, error) {
	return readMoney(s, "reading the payslips", accountID, func(tx *storage.Tx) ([]Payslip, error) {
		return tx.Payslips(accountID, from, to, paID)
	})
}

// PayRuns returns the budget's pay runs with paydays from..to, reversed
// ones too.
func (s *Service) PayRuns(accountID int64, from, to civil.Date) ([]PayRun, error) {
	return readMoney(s, "reading the pay runs", accountID, func(tx *storage.Tx) ([]PayRun, error) {
		return tx.PayRuns(accountID, from, to)
	})
}

// AddPayLine stores a line entered by hand for a PA's pay on a payday.
func (s *Service) AddPayLine(accountID int64, a payrun.Adjustment) (payrun.Adjustment, error) {
	a.Description = strings.TrimSpace(a.Description)
	if err := s.CheckPayLine(a); err != nil {
		return a, err
	}
	err := s.update("adding the pay line", func(tx *storage.Tx) error {
		pa, err := tx.PA(a.PAID)
		if errors.Is(err, storage.ErrNotFound) || (err == nil && pa.AccountID != accountID) {
			return NotFoundf("That PA is not in this budget.")
		} else if err != nil {
			return err
		}
		if _, err := periodFor(tx, accountID, a.Payday); err != nil {
			return err
		}
		if _, err := tx.LivePayRun(accountID, a.Payday); err == nil {
			return Conflictf("The pay run for %s is finalised: add the line to the next payday instead.", a.Payday.UK())
		} else if !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		if err := tx.InsertAdjustment(accountID, &a); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "pay line added", fmt.Sprintf("%s, payday %s: %s, %s", pa.Name, a.Payday.UK(), a.Description, a.Amount.Format()))
	})
	return a, err
}

// CheckPayLine checks a line entered by hand as AddPayLine does, every
// problem at once on its field ("pa", "kind", "description", "amount",
// "payday"), and stores nothing.
func (s *Service) CheckPayLine(a payrun.Adjustment) error {
	a.Description = strings.TrimSpace(a.Description)
	return refusedInput(a.Validate())
}

// RemovePayLine removes a line entered by hand that no run has paid.
func (s *Service) RemovePayLine(id int64) error {
	return s.update("removing the pay line", func(tx *storage.Tx) error {
		a, accountID, err := tx.Adjustment(id)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That pay line is no longer there.")
		} else if err != nil {
			return err
		}
		if a.RunID != 0 {
			return Conflictf("That line was paid in the run for %s, so it stays. Reverse the run first to change it.", a.Payday.UK())
		}
		if err := tx.DeleteAdjustment(id); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "pay line removed", fmt.Sprintf("payday %s: %s, %s", a.Payday.UK(), a.Description, a.Amount.Format()))
	})
}

// PayLines returns the lines entered by hand for a payday.
func (s *Service) PayLines(accountID int64, payday civil.Date) ([]payrun.Adjustment, error) {
	return readMoney(s, "reading the pay lines", accountID, func(tx *storage.Tx) ([]payrun.Adjustment, error) {
		return tx.Adjustments(accountID, payday)
	})
}

// today is the date in the UK now.
func (s *Service) today() civil.Date { return civil.Of(s.now().In(rota.London())) }
