package payrun

import (
	"sort"
	"strconv"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/rota"
	"patoolkit/text"
)

// PAInput is what one PA's pay in a run is built from.
type PAInput struct {
	PA        household.PA
	Contracts []household.Contract
	// Timesheets are the PA's timesheets whose period starts in the run's
	// period, whatever their state.
	Timesheets []rota.Timesheet
	// Holiday is the holiday the PA took in the period (rota.HolidayTaken),
	// and HolidayFrom the first day of it.
	Holiday     rota.HolidayUse
	HolidayFrom civil.Date
	// History is the PA's earlier pay, for a week's pay.
	History []payroll.PaidPeriod
	// Adjustments are the lines entered by hand for this payday.
	Adjustments []Adjustment
	// YearToDate is the PA's year to date in this employment before this
	// run; MilesBefore the business miles (in tenths) paid this tax year.
	YearToDate  payroll.YearToDate
	MilesBefore int64
	// LetterBefore is the NI category letter of the PA's last payslip this
	// tax year (0: none, or A).
	LetterBefore payroll.NICategory
	// Sickness is the PA's sickness absences up to the period's end that
	// may link with one in it (from three years before), in date order;
	// EarlierPay the earnings for NI of their earlier paydays, for
	// average weekly earnings.
	Sickness   []rota.Absence
	EarlierPay []payroll.PaidOn
	// Off are the PA's holiday and sickness absences that overlap the
	// period: contracted hours are not paid for their days (holiday is
	// paid at a week's pay, sickness as SSP).
	Off []rota.Absence
	// Leaving is the PA's holiday record on their leaving date when this
	// run is their last pay (household.PA.LastPaidIn), for the holiday
	// not taken; nil otherwise, with LeavingProblem saying why when it
	// could not be worked out.
	Leaving        *rota.HolidayRecord
	LeavingProblem string
	// Pension is the PA's automatic enrolment record (nil: the employer
	// has recorded no duties, so the contract alone decides).
	Pension *PensionInput
	// Family are the PA's episodes of family leave (SMP, SPP, SAP, ShPP,
	// SPBP, SNCP), each paid on its own line for the days in the period.
	Family []FamilyEpisode
}

// RunInput is what a pay run is built from.
type RunInput struct {
	Employer household.Employer
	Period   household.PayPeriod
	PAs      []PAInput
	// EmployerNIBefore and AllowanceUsed are the employer's NI and the
	// Employment Allowance used by earlier runs in the tax year.
	EmployerNIBefore, AllowanceUsed money.Money
	// Today is the day the run is worked out (zero: not known).
	Today civil.Date
}

// PAResult is one PA's payslip in a run, with where each line came from.
type PAResult struct {
	PAID int64  `json:"pa_id"`
	PA   string `json:"pa"`
	// Lines are the payslip's lines with their sources (the same lines as
	// Payslip.Lines, in the same order).
	Lines    []Line               `json:"lines"`
	Input    payroll.PayslipInput `json:"-"`
	Payslip  payroll.Payslip      `json:"-"`
	Warnings []Warning            `json:"warnings"`
	Calc     bool                 `json:"-"` // Payslip was worked out
	FPS      FPSDetails           `json:"-"`
	Paid     []int64              `json:"-"` // timesheets paid by this payslip
	Adjusted []int64              `json:"-"` // adjustments paid by this payslip
	Minutes  int64                `json:"-"`
	Miles    int64                `json:"-"` // tenths of a mile
	Pension  string               `json:"-"` // the pension scheme's name
	Allow    money.Money          `json:"-"` // Employment Allowance this payslip used
	Contract household.Contract   `json:"-"`
	Period   household.PayPeriod  `json:"-"`
	Holiday  money.Money          `json:"-"` // holiday pay on this payslip
	// Duties is the pension decision from the stored record (nil: none).
	Duties *payroll.Decision `json:"-"`
}

// FPSDetails are the FPS fields the payroll engine cannot know.
type FPSDetails struct {
	// HoursBand is from the contract's weekly hours (E for irregular
	// hours); Irregular is HMRC's irregular payment indicator, for PAs on
	// variable hours who may go three months unpaid.
	HoursBand payroll.HoursBand
	Irregular bool
	// Starter is the starter declaration (A, B or C) on the first pay;
	// LeavingDate the last day of a leaver's employment, on their last
	// pay.
	Starter     string
	LeavingDate civil.Date
	// PeriodsCovered is 1 for a regular payday.
	PeriodsCovered int
}

// Totals are a run's sums.
type Totals struct {
	Gross, Expenses, Tax, EmployeeNI, EmployerNI money.Money
	StudentLoan, PostgraduateLoan                money.Money
	PensionEmployee, PensionEmployer             money.Money
	NetPay                                       money.Money
	// Allowance is the Employment Allowance used: employer's NI not paid.
	Allowance money.Money
	// HMRC is what the run adds to the HMRC bill: tax, both NIs (less the
	// allowance) and loans. Pension is what goes to the pension scheme.
	HMRC, Pension money.Money
	// Recoverable is the statutory family pay HMRC gives back (claimed on
	// an EPS), which comes off what the tax month or quarter owes HMRC.
	Recoverable money.Money
}

// Add adds one payslip, and the Employment Allowance it used, to the
// totals, keeping HMRC and Pension up to date.
func (t *Totals) Add(ps payroll.Payslip, allowance money.Money) {
	t.Gross += ps.Gross
	t.Expenses += ps.Expenses
	t.Tax += ps.Tax
	t.EmployeeNI += ps.EmployeeNI
	t.EmployerNI += ps.EmployerNI
	t.StudentLoan += ps.StudentLoan
	t.PostgraduateLoan += ps.PostgraduateLoan
	t.PensionEmployee += ps.Pension.Employee
	t.PensionEmployer += ps.Pension.Employer
	t.NetPay += ps.NetPay
	t.Allowance += allowance
	t.HMRC = t.Tax + t.EmployeeNI + t.EmployerNI - t.Allowance + t.StudentLoan + t.PostgraduateLoan
	t.Pension = t.PensionEmployee + t.PensionEmployer
}

// Run is a payday's pay run, worked out.
type Run struct {
	Period    household.PayPeriod
	TaxYear   payroll.TaxYear
	TaxPeriod int
	Frequency payroll.Frequency
	PAs       []PAResult
	// Warnings are every PA's warnings and the run's own, in order.
	Warnings []Warning
	Totals   Totals
}

// Blocked reports whether a warning stops the run being finalised.
func (r Run) Blocked() bool {
	for _, w := range r.Warnings {
		if w.Blocks {
			return true
		}
	}
	return false
}

// Blocking returns the warnings that stop the run being finalised.
func (r Run) Blocking() []Warning {
	var out []Warning
	for _, w := range r.Warnings {
		if w.Blocks {
			out = append(out, w)
		}
	}
	return out
}

// RatesLookup returns the contract rates in force on a day, as the rota
// prices shifts with them.
func RatesLookup(contracts []household.Contract) func(civil.Date) (rota.Rates, bool) {
	return func(d civil.Date) (rota.Rates, bool) {
		c, ok := household.ContractOn(contracts, d)
		if !ok {
			return rota.Rates{}, false
		}
		return rota.Rates{Day: c.DayRate, WakingNight: c.WakingNightRate, Weekend: c.WeekendRate,
			BankHoliday: c.BankHolidayRate, SleepIn: c.SleepInAllowance}, true
	}
}

// Build works out a payday's pay run. A PA with nothing to pay (no
// timesheet, no contracted hours, nothing entered by hand) has no payslip.
// A problem in one PA's pay is a warning that blocks the run, never an
// error: the preview shows every problem at once.
func Build(in RunInput) (Run, error) {
	freq := Frequency(in.Employer.PayFrequency)
	if freq == 0 {
		return Run{}, invalidf("The pay frequency is not set: choose it in the employer's details.")
	}
	if in.Period.Payday.IsZero() || in.Period.From.IsZero() || in.Period.To.Before(in.Period.From) {
		return Run{}, invalidf("The pay period is not valid: check the employer's payday.")
	}
	year, period, _ := payroll.PeriodOf(in.Period.Payday, freq)
	if _, err := payroll.RatesFor(year); err != nil {
		return Run{}, invalidf("The toolkit does not have the tax rates for %s yet, so it cannot pay on %s.", year, in.Period.Payday.UK())
	}
	run := Run{Period: in.Period, TaxYear: year, TaxPeriod: period, Frequency: freq}
	allowance, _ := payroll.NewEmploymentAllowance(year)
	allowance.EmployerNI, allowance.Used = in.EmployerNIBefore, min(in.AllowanceUsed, allowance.Allowance)
	for _, p := range in.PAs {
		r, ok := buildPA(p, in.Period, freq, year)
		if !ok {
			continue
		}
		if r.Calc && in.Employer.EmploymentAllowance {
			r.Allow = allowance.Offset(r.Payslip.EmployerNI)
		}
		run.Warnings = append(run.Warnings, r.Warnings...)
		run.PAs = append(run.PAs, r)
	}
	sort.SliceStable(run.PAs, func(i, j int) bool { return run.PAs[i].PA < run.PAs[j].PA })
	paid := 0
	for _, r := range run.PAs {
		if r.Calc {
			run.Totals.Add(r.Payslip, r.Allow)
			run.Totals.Recoverable += RecoverableOf(r.Lines)
			paid++
		}
	}
	if !in.Today.IsZero() && in.Today.Before(in.Period.From) {
		run.Warnings = append(run.Warnings, Warning{Message: "The pay period starts on " + in.Period.From.UK() + ", after today.",
			Fix: "Its pay run can be finalised once the period has started, when the hours are known.", Blocks: true})
	} else if paid > 0 && !in.Today.IsZero() && in.Today.Before(in.Period.To) {
		run.Warnings = append(run.Warnings, Warning{Message: "The pay period runs until " + in.Period.To.UK() + ", after today, so its timesheets may not all be made yet: PAs on fixed hours with no timesheet are paid their contracted hours.",
			Fix: "Finalise after the period ends, unless you mean to pay in advance."})
	}
	if paid == 0 && !run.Blocked() {
		run.Warnings = append(run.Warnings, Warning{Message: "No PA has pay for " + in.Period.Label() + ".",
			Fix: "Approve the PAs' timesheets for the period, or add a line by hand, then preview again.", Blocks: true})
	}
	return run, nil
}

// buildPA works out one PA's payslip; ok is false when the PA has nothing
// to be paid and nothing to be warned of.
func buildPA(in PAInput, per household.PayPeriod, freq payroll.Frequency, year payroll.TaxYear) (PAResult, bool) {
	pa := in.PA
	r := PAResult{PAID: pa.ID, PA: pa.Name, Period: per}
	warn := func(blocks bool, msg, fix string) {
		r.Warnings = append(r.Warnings, Warning{PA: pa.Name, Message: msg, Fix: fix, Blocks: blocks})
	}
	rates := RatesLookup(in.Contracts)
	c, haveContract := household.ContractOn(in.Contracts, per.To)
	if !haveContract {
		c, haveContract = lastContractIn(in.Contracts, per)
	}
	r.Contract = c

	// Timesheets.
	var usable []rota.Timesheet
	for _, ts := range in.Timesheets {
		name := "The timesheet for " + ts.From.UK() + " to " + ts.To.UK()
		switch ts.Status {
		case rota.Approved:
			usable = append(usable, ts)
		case rota.Locked:
			warn(false, name+" was paid by an earlier run, so it is not paid again.", "")
		case rota.Signed:
			warn(true, name+" is signed by "+pa.Name+" but not approved.", "Check it and approve it under Timesheets, then preview again.")
		default:
			warn(true, name+" is a draft: "+pa.Name+" has not signed it.", "Finish it and have "+pa.Name+" sign it, then approve it under Timesheets.")
		}
	}
	var worked money.Money // pay for work, for rolled-up holiday pay
	for _, ts := range usable {
		tp, err := ts.Pay(rates)
		if err != nil {
			warn(true, "The timesheet for "+ts.From.UK()+" to "+ts.To.UK()+" cannot be paid: "+err.Error(), "Correct the contract or the timesheet.")
			continue
		}
		src := "Timesheet " + ts.From.UK() + " to " + ts.To.UK() + ", " + text.Uncapitalise(ts.StatusText())
		for _, l := range tp.Lines {
			line := timesheetLine(l, src)
			r.Lines = append(r.Lines, line)
			worked += line.Amount
		}
		r.Minutes += int64(tp.PaidMinutes)
		r.Paid = append(r.Paid, ts.ID)
		totals := ts.Totals()
		if totals.Expenses > 0 {
			r.Lines = append(r.Lines, Line{Line: payroll.Line{Kind: payroll.Expenses, Description: "Expenses paid back", Amount: totals.Expenses}, Source: src})
		}
		if totals.MileageTenths > 0 {
			amount, err := payroll.MileagePay(in.MilesBefore+r.Miles, int64(totals.MileageTenths))
			if err != nil {
				warn(true, "The mileage on the timesheet for "+ts.From.UK()+" to "+ts.To.UK()+" cannot be paid: "+err.Error(), "Correct the timesheet.")
			} else {
				r.Lines = append(r.Lines, Line{Line: payroll.Line{Kind: payroll.Expenses, Description: "Mileage: " + milesText(int64(totals.MileageTenths)) + " miles", Amount: amount},
					Source: src + "; HMRC's approved rate (45p a mile for the first 10,000 miles in the tax year, 25p after): not taxed"})
			}
			r.Miles += int64(totals.MileageTenths)
		}
	}

	// Contracted hours with no timesheet.
	blockingTimesheet := len(usable) < len(in.Timesheets)
	if len(in.Timesheets) == 0 && pa.EmployedIn(per) {
		switch {
		case !haveContract:
			warn(true, pa.Name+" has no contract in force in "+per.Label()+", so there is nothing to pay them from.", "Add their contract under People.")
		case c.HoursType == household.FixedHours && c.ContractedMinutesWeek > 0:
			// Days off sick are paid as SSP. Holiday paid on its own line
			// (the rota shifts missed, at a week's pay) takes its hours
			// off the contracted hours, so a week's holiday and the rest
			// of the period add up to the contracted hours; holiday with
			// no shifts on the rota is paid as contracted hours.
			var off []rota.Absence
			for _, a := range in.Off {
				if a.Kind == rota.Sickness {
					off = append(off, a)
				}
			}
			// Days on family leave are paid as statutory family pay.
			off = append(off, familyOff(in, per)...)
			lines, minutes := contractLines(in.Contracts, pa, per, off, int64(in.Holiday.Minutes))
			r.Lines = append(r.Lines, lines...)
			for _, l := range lines {
				worked += l.Amount
			}
			r.Minutes += minutes
			if len(lines) > 0 { // none when every day is off sick, on holiday or on family leave
				warn(false, pa.Name+" has no timesheet for "+per.Label()+", so they are paid their contracted hours.", "If they worked different hours, make and approve a timesheet first.")
			}
		default:
			warn(false, pa.Name+" has no timesheet for "+per.Label()+" and no fixed hours, so there is no pay for their hours.", "If they worked, make their timesheet and approve it, then preview again.")
		}
	}

	// Holiday taken.
	if in.Holiday.Minutes > 0 || in.Holiday.SleepIns > 0 {
		if c.HolidayMethod == household.HolidayRolledUp {
			warn(false, pa.Name+" took "+text.Hours(in.Holiday.Minutes)+" of holiday. Their holiday pay is rolled up into each payslip, so the holiday itself is not paid again.", "")
		} else {
			r.Lines = append(r.Lines, holidayLines(in, c, rates)...)
		}
	}
	// Holiday not taken, paid on leaving.
	if pa.LastPaidIn(per) && in.Leaving != nil {
		line, note := leavingHolidayLine(in, c, r.Minutes)
		if line.Minutes > 0 || line.Amount > 0 { // the engine works out an amount from minutes
			r.Lines = append(r.Lines, line)
		}
		if note != "" {
			warn(false, note, "")
		}
	} else if pa.LastPaidIn(per) && in.LeavingProblem != "" {
		warn(false, pa.Name+"'s holiday not taken by their leaving date cannot be worked out: "+in.LeavingProblem, "Correct it, or work it out yourself and add it by hand as back pay.")
	}
	for _, l := range r.Lines {
		if l.Kind == payroll.Holiday {
			r.Holiday += l.Amount
		}
	}

	// Rolled-up holiday pay, its own line.
	if c.HolidayMethod == household.HolidayRolledUp && worked > 0 {
		r.Lines = append(r.Lines, Line{Line: payroll.Line{Kind: payroll.RolledUpHoliday, Description: "Holiday pay (12.07% of " + worked.Format() + ")", Amount: payroll.RolledUpHolidayPay(worked)},
			Source: "Rolled-up holiday pay: the contract pays holiday as 12.07% of pay for work, shown on its own line as the law requires"})
	}

	// Statutory Sick Pay.
	if line, notes := sickPayLine(in, per, freq); line.Amount > 0 || len(notes) > 0 {
		if line.Amount > 0 {
			r.Lines = append(r.Lines, line)
		}
		for _, n := range notes {
			warn(false, n, "")
		}
	}

	// Statutory family pay.
	family, familyNotes, familyBlocks := familyPayLines(in, per, freq)
	r.Lines = append(r.Lines, family...)
	for _, n := range familyNotes {
		warn(false, n, "")
	}
	for _, n := range familyBlocks {
		warn(true, n, "Check the dates of the PA's family leave, correct or remove it, then preview again.")
	}

	// Lines entered by hand.
	for _, a := range in.Adjustments {
		kind := payroll.Bonus
		if a.Kind == Expenses {
			kind = payroll.Expenses
		}
		r.Lines = append(r.Lines, Line{Line: payroll.Line{Kind: kind, Description: a.Description, Amount: a.Amount}, Source: a.Kind.Label() + ", entered by hand"})
		r.Adjusted = append(r.Adjusted, a.ID)
	}

	if len(r.Lines) == 0 {
		return r, len(r.Warnings) > 0 && (blockingTimesheet || pa.EmployedIn(per))
	}
	if blockingTimesheet {
		// Pay nothing until every timesheet is approved: a part payslip
		// would have to be corrected later.
		return r, true
	}

	// Leavers and starters.
	code, codeNote := taxCodeFor(pa, per, year)
	if codeNote != "" {
		warn(false, codeNote, "")
	}
	if !pa.LeavingDate.IsZero() {
		switch {
		case pa.LastPaidIn(per):
			r.FPS.LeavingDate = pa.LeavingDate
			warn(false, pa.Name+" left on "+pa.LeavingDate.UK()+": this is their last pay.", "Put the leaving date on this payday's FPS and give them a P45 (Basic PAYE Tools makes it).")
		case pa.LeavingDate.Before(per.From):
			warn(false, pa.Name+" left on "+pa.LeavingDate.UK()+", before this period: pay after a P45 is taxed on code 0T, week 1 / month 1, as HMRC requires.", "")
		}
	}
	if in.YearToDate == (payroll.YearToDate{}) && !pa.StartDate.IsZero() && !pa.StartDate.Before(per.From.AddDays(-40)) {
		r.FPS.Starter = pa.StarterStatement
	}
	if pa.NINumber == "" {
		warn(false, pa.Name+" has no National Insurance number on record.", "The FPS can go without it, with their date of birth and address; add it under People when they have it.")
	}
	if pa.DateOfBirth.IsZero() {
		warn(false, pa.Name+" has no date of birth on record, so the minimum wage and pension checks cannot be made.", "Add it under People.")
	}
	if haveContract {
		if c.HoursType == household.IrregularHours {
			r.FPS.HoursBand, r.FPS.Irregular = payroll.HoursOther, true
		} else {
			r.FPS.HoursBand = payroll.HoursBandFor(payroll.Weekly, int64(c.ContractedMinutesWeek))
		}
	} else {
		r.FPS.HoursBand = payroll.HoursOther
	}
	r.FPS.PeriodsCovered = 1

	// The engine.
	lines := make([]payroll.Line, len(r.Lines))
	for i, l := range r.Lines {
		lines[i] = l.Line
	}
	input, err := EngineInput(pa, c, freq, per.Payday, lines, in.YearToDate)
	if err != nil {
		warn(true, pa.Name+"'s pay cannot be worked out: "+err.Error()+".", "Correct their details under People.")
		return r, true
	}
	input.TaxCode, input.Week1Month1 = code.code, code.week1
	if in.Pension != nil {
		applyPensionDuties(&r, &input, in, c, per, freq, year, warn)
	}
	input.PayReferenceStart = per.From
	// A starter's P45 pay and tax count on every cumulative payslip of the
	// tax year they started in, not just the first: the code's free pay
	// and bands are for the year's pay from every job.
	if payroll.TaxYearOf(pa.StartDate) == year && !code.week1 {
		input.Previous = payroll.PreviousEmployment{TaxablePay: pa.P45PayToDate, Tax: pa.P45TaxToDate}
	}
	ps, err := payroll.Calculate(input)
	if err != nil {
		warn(true, pa.Name+"'s pay cannot be worked out: "+err.Error()+".", "Correct the lines or their details under People.")
		return r, true
	}
	for i := range r.Lines {
		r.Lines[i].Line = ps.Lines[i]
	}
	for _, n := range ps.Notes {
		warn(false, n, "")
	}
	if before, now := letterOf(in.LetterBefore), letterOf(input.NICategory); in.YearToDate != (payroll.YearToDate{}) && before != now {
		warn(false, pa.Name+"'s National Insurance letter has changed this tax year, from "+before.String()+" to "+now.String()+
			". The FPS needs the year to date for each letter apart: Basic PAYE Tools keeps them when you enter the new letter there; check its figures for both letters.", "")
	}
	r.Input, r.Payslip, r.Calc = input, ps, true
	r.Pension = c.PensionScheme
	return r, true
}

// letterOf is an NI category letter, A when none is set.
func letterOf(c payroll.NICategory) payroll.NICategory {
	if c == 0 {
		return 'A'
	}
	return c
}

// codeChoice is the tax code a payslip uses.
type codeChoice struct {
	code  payroll.TaxCode
	week1 bool
}

// taxCodeFor chooses the PA's tax code: their own; 0T week 1 / month 1
// for pay after they left; the emergency code, week 1 / month 1, when
// none is on record or it cannot be read. note says why, when it is not
// their own.
func taxCodeFor(pa household.PA, per household.PayPeriod, year payroll.TaxYear) (codeChoice, string) {
	if !pa.LeavingDate.IsZero() && pa.LeavingDate.Before(per.From) {
		c, _ := payroll.ParseTaxCode("0T")
		return codeChoice{c, true}, ""
	}
	c, err := payroll.ParseTaxCode(pa.TaxCode)
	if err == nil {
		em, _ := payroll.EmergencyCode(year)
		if c.Base() == em.Base() && (pa.Week1Month1 || c.NonCumulative()) {
			return codeChoice{c, pa.Week1Month1}, pa.Name + " is on the emergency tax code " + em.Base() + " (week 1 / month 1). HMRC will send the right code after the FPS; change it under People when it comes."
		}
		return codeChoice{c, pa.Week1Month1}, ""
	}
	why := "has no tax code on record"
	if pa.TaxCode != "" {
		why = "has a tax code that cannot be read (" + pa.TaxCode + ")"
	}
	// HMRC's starter routes: the statement's code, or 0T week 1 / month 1
	// with no P45 and no statement (payroll.StarterCode).
	statement := pa.StarterStatement
	if statement == "" && (pa.P45PayToDate > 0 || pa.P45TaxToDate > 0) {
		statement = "B" // a P45 with no readable code: the emergency code, non-cumulative
	}
	text, week1, rule, ok := payroll.StarterCode(per.Payday, statement)
	c, err = payroll.ParseTaxCode(text)
	if !ok || err != nil {
		c, _ = payroll.EmergencyCode(year)
		return codeChoice{c.WithBasis(payroll.Cumulative), true}, pa.Name + " " + why + ", so the emergency code " + c.Base() + " is used on a week 1 / month 1 basis. Enter the code from their P45 or HMRC's letter under People."
	}
	return codeChoice{c, week1}, pa.Name + " " + why + ". " + rule + " Enter the code from their P45 or HMRC's letter under People when it comes."
}

// lastContractIn returns the latest contract that starts in the period.
func lastContractIn(cs []household.Contract, per household.PayPeriod) (household.Contract, bool) {
	var out household.Contract
	ok := false
	for _, c := range cs {
		if !c.EffectiveFrom.After(per.To) && (!ok || c.EffectiveFrom.After(out.EffectiveFrom)) {
			out, ok = c, true
		}
	}
	return out, ok
}

// timesheetLine turns a timesheet's pay line into a payslip line:
// weekend and bank holiday premiums are Overtime for the minimum wage
// (reg 10(j): a premium does not count).
func timesheetLine(l rota.PayLine, src string) Line {
	desc := l.Class.Label()
	kind := payroll.Basic
	switch l.Class {
	case rota.ClassSleepIn:
		kind = payroll.SleepIn
		desc = "Sleep-in allowance: " + text.Count(l.Count, "night", "nights") + " at " + l.Rate.Format()
		return Line{Line: payroll.Line{Kind: kind, Description: desc, Amount: l.Amount}, Source: src}
	case rota.ClassWeekend, rota.ClassBankHoliday:
		kind = payroll.Overtime
	}
	desc += " hours"
	if l.Retained {
		desc = "Retainer (" + text.Uncapitalise(l.Class.Label()) + " hours not worked during a hospital stay)"
	}
	return Line{Line: payroll.Line{Kind: kind, Description: desc, Minutes: int64(l.Minutes), Rate: l.Rate, Amount: l.Amount}, Source: src}
}

// contractLines pays a fixed-hours PA's contracted hours for the days of
// the period they are employed, at the day rate of the contract in force
// on each day (household.Contract.MinutesOn spreads a week's hours), less
// the days off in off and the holiday minutes paid on their own line
// (taken from the latest rate's hours first).
func contractLines(cs []household.Contract, pa household.PA, per household.PayPeriod, off []rota.Absence, holiday int64) ([]Line, int64) {
	byRate := map[money.Money]int{}
	var rates []money.Money
	away := func(d civil.Date) bool {
		for _, a := range off {
			if a.Covers(d) {
				return true
			}
		}
		return false
	}
	for d := per.From; !d.After(per.To); d = d.AddDays(1) {
		if !pa.Active(d) || away(d) {
			continue
		}
		c, ok := household.ContractOn(cs, d)
		if !ok || c.HoursType != household.FixedHours {
			continue
		}
		if _, seen := byRate[c.DayRate]; !seen {
			rates = append(rates, c.DayRate)
		}
		byRate[c.DayRate] += c.MinutesOn(d)
	}
	for i := len(rates) - 1; i >= 0 && holiday > 0; i-- {
		take := min(int64(byRate[rates[i]]), holiday)
		byRate[rates[i]] -= int(take)
		holiday -= take
	}
	var out []Line
	var minutes int64
	for _, rate := range rates {
		m := byRate[rate]
		if m == 0 {
			continue
		}
		out = append(out, Line{Line: payroll.Line{Kind: payroll.Basic, Description: "Contracted hours", Minutes: int64(m), Rate: rate, Amount: rota.AmountFor(m, rate)},
			Source: "Contract: no timesheet, so the contracted hours for the days employed in " + per.Label() + ", less any days off sick and the hours of holiday paid on their own line"})
		minutes += int64(m)
	}
	return out, minutes
}

// holidayLines pays the holiday taken at a week's pay: the average pay an
// hour over the last 52 weeks with pay (at most 104 weeks back), times the
// hours the PA would have worked; with no earlier pay to average, at the
// contract's rates. Sleep-ins missed are paid their allowance.
func holidayLines(in PAInput, c household.Contract, rates func(civil.Date) (rota.Rates, bool)) []Line {
	var out []Line
	if m := in.Holiday.Minutes; m > 0 {
		avg, err := payroll.AverageWeekBefore(in.HolidayFrom, in.History)
		if err == nil && avg.Weeks > 0 && avg.HourlyRate > 0 {
			out = append(out, Line{Line: payroll.Line{Kind: payroll.Holiday, Description: "Holiday taken", Minutes: int64(m), Rate: avg.HourlyRate},
				Source: "A week's pay: the average pay for an hour's work over the last " + text.Count(avg.Weeks, "week", "weeks") + " with pay (weeks ending " +
					avg.Earliest.UK() + " to " + avg.Latest.UK() + "), for the hours the PA would have worked"})
		} else {
			rate := c.DayRate
			if r, ok := rates(in.HolidayFrom); ok {
				rate = r.Day
			}
			out = append(out, Line{Line: payroll.Line{Kind: payroll.Holiday, Description: "Holiday taken", Minutes: int64(m), Rate: rate},
				Source: "No earlier pay to average yet, so the holiday is paid at the contract's day rate"})
		}
	}
	if n := in.Holiday.SleepIns; n > 0 && c.SleepInAllowance > 0 {
		out = append(out, Line{Line: payroll.Line{Kind: payroll.Holiday, Description: "Holiday taken: " + text.Count(n, "sleep-in", "sleep-ins") + " at " + c.SleepInAllowance.Format(),
			Amount: money.Money(n) * c.SleepInAllowance}, Source: "The sleep-ins the PA would have done on holiday, at the contract's allowance"})
	}
	return out
}

// LeavingHoliday begins the description of the line that pays a leaver's
// holiday not taken.
const LeavingHoliday = "Holiday not taken, paid on leaving"

// leavingHolidayLine pays a leaver the holiday they earned in the leave
// year up to their leaving date and did not take (Working Time
// Regulations 1998 reg 14: the leave due pro rata to the part of the year
// worked, plus any carried over, less the leave taken), at a week's pay an
// hour as holiday taken is paid. workedMinutes are the minutes this run
// pays for work, which accrue holiday for a PA on irregular hours but are
// not in a stored payslip yet. note says what was done, or what the
// employer must decide when more was taken than earned (reg 14(4): it can
// be taken back from the last pay only where the contract says so).
func leavingHolidayLine(in PAInput, c household.Contract, workedMinutes int64) (Line, string) {
	rec, pa := *in.Leaving, in.PA
	if rec.RolledUp {
		return Line{}, pa.Name + " is paid rolled-up holiday pay in each payslip, so nothing more is owed for holiday not taken when they leave."
	}
	earned := rec.EntitlementMinutes
	if rec.Accrues {
		earned += payroll.AccruedHolidayMinutes(workedMinutes)
	}
	untaken := earned + rec.CarriedMinutes - rec.TakenMinutes
	switch {
	case untaken < 0:
		return Line{}, pa.Name + " took " + text.Hours(int(-untaken)) + " more holiday than they had earned by leaving on " + pa.LeavingDate.UK() + " (earned " +
			text.Hours(int(earned+rec.CarriedMinutes)) + ", taken " + text.Hours(int(rec.TakenMinutes)) + "). Nothing is taken back: the law allows it only where their contract says so. If it does and you decide to, add a correction by hand."
	case untaken == 0:
		return Line{}, ""
	}
	src := "Holiday not taken by the leaving date " + pa.LeavingDate.UK() + ": earned in the leave year from " + rec.Year.From.UK() + " " + text.Hours(int(earned))
	if rec.CarriedMinutes > 0 {
		src += ", carried over " + text.Hours(int(rec.CarriedMinutes))
	}
	src += ", taken " + text.Hours(int(rec.TakenMinutes)) + " (Working Time Regulations 1998, regulation 14); "
	desc := LeavingHoliday
	line := Line{Line: payroll.Line{Kind: payroll.Holiday, Description: desc, Minutes: untaken, Rate: c.DayRate},
		Source: src + "no earlier pay to average yet, so at the contract's day rate"}
	avg, err := payroll.AverageWeekBefore(pa.LeavingDate.AddDays(1), in.History)
	switch {
	case err != nil || avg.Weeks == 0:
	case !rec.Accrues && c.ContractedMinutesWeek > 0:
		// Holiday in contracted hours is paid as weeks of a week's pay.
		week := int64(c.ContractedMinutesWeek)
		amount := money.Money((2*int64(avg.Pay)*untaken + week) / (2 * week))
		line = Line{Line: payroll.Line{Kind: payroll.Holiday, Description: desc + ": " + text.Hours(int(untaken)) + " (a week's pay of " + avg.Pay.Format() +
			" for a week of " + text.Hours(c.ContractedMinutesWeek) + ")", Amount: amount},
			Source: src + "paid at a week's pay: the average weekly pay over the last " + text.Count(avg.Weeks, "week", "weeks") + " with pay, for each week of contracted hours"}
	case avg.HourlyRate > 0:
		line = Line{Line: payroll.Line{Kind: payroll.Holiday, Description: desc, Minutes: untaken, Rate: avg.HourlyRate},
			Source: src + "paid at a week's pay: the average pay for an hour's work over the last " + text.Count(avg.Weeks, "week", "weeks") + " with pay"}
	}
	return line, pa.Name + " leaves with " + text.Hours(int(untaken)) + " of holiday not taken: it is paid on this payslip."
}

// sickPayLine is the Statutory Sick Pay due for the days of the period,
// from the PA's sickness absences (payroll.SSP: linking, waiting days, the
// LEL test before 6 April 2026 and 80% of earnings after it, the 28-week
// limit), each spell's average weekly earnings worked out from the stored
// paydays before it (payroll.AverageWeeklyEarnings). notes say why days
// in the period earned nothing, for the employer's SSP1.
func sickPayLine(in PAInput, per household.PayPeriod, freq payroll.Frequency) (Line, []string) {
	var spells []payroll.SickSpell
	var pattern []time.Weekday
	touches := false
	var from, to civil.Date
	var awe payroll.AWEResult
	for _, a := range in.Sickness {
		if a.Kind != rota.Sickness || a.Validate() != nil || a.From.After(per.To) {
			continue
		}
		res := payroll.AverageWeeklyEarnings(a.From, in.EarlierPay, freq == payroll.Monthly)
		spells = append(spells, payroll.SickSpell{First: a.From, Last: a.To, AWE: res.AWE})
		pattern = a.QualifyingDays
		if !a.To.Before(per.From) {
			if !touches {
				from, awe = a.From, res
			}
			touches, to = true, a.To
		}
	}
	if !touches {
		return Line{}, nil
	}
	out, err := payroll.SSP(payroll.SSPInput{Spells: spells, QualifyingDays: payroll.WeekdaysOf(pattern...)})
	if err != nil {
		return Line{}, []string{in.PA.Name + "'s Statutory Sick Pay could not be worked out: " + err.Error() + ". Check their sickness absences on the rota."}
	}
	amount := out.AmountBetween(per.From, per.To)
	var ssp1 []string
	for _, f := range payroll.SSP1s(payroll.SSPInput{Spells: spells, QualifyingDays: payroll.WeekdaysOf(pattern...)}, out) {
		if !per.Contains(f.Stops) && (f.GiveBy.Before(per.From) || f.GiveBy.After(per.To)) {
			continue
		}
		n := "Give " + in.PA.Name + " form SSP1 by " + f.GiveBy.UK() + " (HMRC's form, so they can claim Employment and Support Allowance or Universal Credit): "
		if f.NotDue {
			n += "no SSP is due for their sickness from " + f.First.UK() + ", because " + f.Why() + "."
		} else {
			n += "their SSP stops on " + f.Stops.UK() + " (the last day paid is " + f.LastPaid.UK() + "), because " + f.Why() + "."
		}
		ssp1 = append(ssp1, n)
	}
	paidDays := 0
	for _, d := range out.Days {
		if d.Status == payroll.SSPPaid && per.Contains(d.Date) {
			paidDays++
		}
	}
	notes := ssp1
	if !awe.Known {
		notes = append(notes, in.PA.Name+" had no payday before their sickness from "+from.UK()+", so their average weekly earnings are not known from their payslips: check their SSP by HMRC's rules for new starters.")
	}
	for _, r := range out.Reasons {
		notes = append(notes, in.PA.Name+", sickness "+from.UK()+" to "+to.UK()+": "+r)
	}
	waiting := 0
	for _, d := range out.Days {
		if d.Status == payroll.SSPWaitingDay && per.Contains(d.Date) {
			waiting++
		}
	}
	if waiting > 0 {
		notes = append(notes, in.PA.Name+", sickness "+from.UK()+" to "+to.UK()+": "+text.Count(waiting, "qualifying day was a waiting day", "qualifying days were waiting days")+
			" (before 6 April 2026 the first 3 qualifying days of a period of sickness are not paid).")
	}
	if amount <= 0 {
		return Line{}, notes
	}
	src := "Sickness " + from.UK() + " to " + to.UK() + " on the rota; average weekly earnings " + awe.AWE.Format()
	if awe.Paydays > 0 {
		src += " (" + text.Count(awe.Paydays, "payday", "paydays") + " to " + awe.To.UK() + ")"
	}
	return Line{Line: payroll.Line{Kind: payroll.SickPay, Description: "Statutory Sick Pay: " + text.Count(paidDays, "day", "days"), Amount: amount}, Source: src}, notes
}

// milesText shows tenths of a mile: "12.5".
func milesText(tenths int64) string {
	s := strconv.FormatInt(tenths/10, 10)
	if tenths%10 != 0 {
		s += "." + strconv.FormatInt(tenths%10, 10)
	}
	return s
}
