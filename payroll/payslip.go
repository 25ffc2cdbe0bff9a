package payroll

import (
	"strconv"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/text"
)

// LineKind is the kind of a payslip line.
type LineKind byte

// The kinds of pay line. All but Expenses are pay: taxable, subject to NI
// and pensionable.
const (
	// Basic is pay for hours worked at the normal rate.
	Basic LineKind = iota + 1
	// Overtime is pay for extra hours; any premium over the basic rate is
	// left out of minimum wage pay.
	Overtime
	// SleepIn is the flat allowance for the sleeping part of a sleep-in:
	// pay, but not pay or time for the minimum wage.
	SleepIn
	// SleepInWaking is pay for time woken to work during a sleep-in: it
	// counts for the minimum wage.
	SleepInWaking
	// Holiday is holiday pay for leave taken.
	Holiday
	// RolledUpHoliday is rolled-up holiday pay (12.07%), its own line.
	RolledUpHoliday
	// SickPay is Statutory Sick Pay.
	SickPay
	// Bonus is any other pay (a bonus, a back payment).
	Bonus
	// Expenses are reimbursed costs: not pay, so not taxed, no NI, not
	// pensionable; added to net pay.
	Expenses
	// PensionRefund gives back the employee's pension contributions to a
	// worker who opted out in the opt-out period (TPR detailed guidance
	// no. 4): not pay, so no NI and not pensionable; added to net pay; and
	// taxable only when the contributions were taken before tax (a net
	// pay arrangement), since then they had tax relief through payroll.
	PensionRefund
	// The statutory family payments (FamilyPay): pay like SSP, taxable,
	// subject to NI and pensionable, and not pay for the minimum wage.
	// MaternityPay is SMP, PaternityPay SPP, AdoptionPay SAP,
	// SharedParentalPay ShPP, BereavementPay SPBP and NeonatalPay SNCP.
	MaternityPay
	PaternityPay
	AdoptionPay
	SharedParentalPay
	BereavementPay
	NeonatalPay
)

const numLineKinds = int(NeonatalPay)

var lineKindNames = [...]string{"", "basic", "overtime", "sleep-in", "sleep-in waking", "holiday", "rolled-up holiday", "SSP", "bonus", "expenses",
	"pension refund", "SMP", "SPP", "SAP", "ShPP", "SPBP", "SNCP"}

// Statutory reports whether the kind is statutory pay (SSP or a family
// payment), counted in the year to date's StatutoryPay.
func (k LineKind) Statutory() bool { return k == SickPay || (k >= MaternityPay && k <= NeonatalPay) }

// String gives the kind's name: "basic", "overtime", "sleep-in", "sleep-in
// waking", "holiday", "rolled-up holiday", "SSP", "bonus", "expenses",
// "pension refund", "SMP", "SPP", "SAP", "ShPP", "SPBP", "SNCP".
func (k LineKind) String() string {
	if int(k) < len(lineKindNames) {
		return lineKindNames[k]
	}
	return "unknown"
}

// Line is one line of a payslip. Give Minutes and Rate (per hour) for time
// worked, and Amount is worked out as Rate x Minutes / 60 rounded to the
// nearest penny; or give Amount alone (a flat sleep-in allowance, SSP).
// If all three are given they must agree.
type Line struct {
	Kind        LineKind
	Description string
	Minutes     int64
	Rate        money.Money
	Amount      money.Money
}

// Limits on pay lines.
const (
	maxLines       = 500
	maxLineMinutes = 200_000          // about 139 days: more than any pay period holds
	maxHourlyRate  = money.Money(1e6) // £10,000 an hour
)

// YearToDate is a worker's running totals in this employment for the tax
// year, before a payslip (in PayslipInput) or after it (in Payslip).
type YearToDate struct {
	// Gross is all pay (not expenses).
	Gross money.Money
	// TaxablePay is pay for PAYE (after pension under a net pay
	// arrangement); Tax the tax deducted (net of refunds).
	TaxablePay, Tax money.Money
	// NIablePay is the earnings for NI ("gross for NI").
	NIablePay              money.Money
	EmployeeNI, EmployerNI money.Money
	// Earnings at the LEL, from LEL to PT and from PT to UEL, for the FPS.
	AtLEL, LELToPT, PTToUEL       money.Money
	StudentLoan, PostgraduateLoan money.Money
	// PensionEmployee is all employee contributions deducted;
	// PensionNetPay is the part deducted under a net pay arrangement.
	PensionEmployee, PensionNetPay, PensionEmployer money.Money
	// TaxShortfall is tax due to date that the regulatory limit stopped
	// being deducted (cumulative K codes), still to be collected.
	TaxShortfall money.Money
	NetPay       money.Money
	// StatutoryPay is the Statutory Sick Pay (and other statutory pay)
	// paid to date.
	StatutoryPay money.Money
}

// PreviousEmployment holds the pay and tax to date from a P45 for an
// earlier job in the same tax year. They count for cumulative tax only.
type PreviousEmployment struct {
	TaxablePay, Tax money.Money
}

// PayslipInput is everything needed for one worker's payslip.
type PayslipInput struct {
	TaxYear   TaxYear
	Frequency Frequency
	// Period is the tax week of the payday (weekly, fortnightly,
	// four-weekly pay) or the tax month (monthly pay); see PeriodOf. When
	// TaxYear and Period are both zero they are taken from PayDate.
	Period int
	// PayDate is the payday. Optional, but needed for the minimum wage
	// check and the pension assessment; when given it must fall in
	// TaxYear and Period.
	PayDate civil.Date
	// PayReferenceStart is the first day of the pay reference period: the
	// minimum wage rate and the worker's age are those of that day (NMW
	// Regulations 2015: a new rate or a birthday during a period counts
	// from the next period); when zero, the payday is used.
	// The pension assessment stays on the payday.
	PayReferenceStart civil.Date
	Lines             []Line

	TaxCode TaxCode
	// Week1Month1 operates the code non-cumulatively even without a W1,
	// M1 or X suffix.
	Week1Month1 bool
	// NICategory; zero means A.
	NICategory       NICategory
	StudentLoan      StudentLoanPlan
	PostgraduateLoan bool
	Pension          PensionSettings

	// DateOfBirth (optional) for the minimum wage check and the pension
	// assessment; Apprentice for the apprentice rate.
	DateOfBirth civil.Date
	Apprentice  bool

	Previous   PreviousEmployment
	YearToDate YearToDate
}

// Payslip is one worker's pay for one period, every figure worked out.
type Payslip struct {
	TaxYear   TaxYear
	Frequency Frequency
	Period    int
	PayDate   civil.Date
	// Lines are the input lines with Amount filled in.
	Lines []Line

	// Gross is all pay (not expenses); Expenses are added to net pay.
	Gross, Expenses money.Money
	// PensionRefund is the employee's pension contributions given back
	// after an opt-out (PensionRefund lines): added to net pay, and to
	// taxable pay under a net pay arrangement.
	PensionRefund money.Money `json:",omitempty"`
	// TaxablePay is Gross less pension under a net pay arrangement;
	// NIablePay is Gross.
	TaxablePay, NIablePay money.Money

	TaxCode TaxCode
	PAYE    PAYEResult
	// Tax this period (negative is a refund).
	Tax money.Money
	NI  NIResult
	// EmployeeNI and EmployerNI repeat NI.Employee and NI.Employer.
	EmployeeNI, EmployerNI money.Money

	StudentLoanPlan  StudentLoanPlan
	StudentLoan      money.Money
	PostgraduateLoan money.Money

	Pension PensionResult

	// Deductions is everything taken from pay: tax, employee NI, loans
	// and the employee's pension.
	Deductions money.Money
	// NetPay = Gross - Deductions + Expenses + PensionRefund: what the
	// worker is paid.
	NetPay money.Money
	// EmployerCost = Gross + Expenses + employer NI + employer pension.
	EmployerCost money.Money

	// MinimumWage is the check of this period's pay; MinimumWageChecked
	// is false when there was no date of birth, payday or time worked to
	// check.
	MinimumWage        MinimumWageResult
	MinimumWageChecked bool

	// YearToDate is the running totals after this payslip.
	YearToDate YearToDate
	FPS        FPS
	// Notes are plain warnings for the person running payroll: pay below
	// the minimum wage, an eligible jobholder not enrolled, tax held back
	// by the regulatory limit.
	Notes []string
}

// FPS holds the figures for one employee's Full Payment Submission, to key
// into HMRC's Basic PAYE Tools.
type FPS struct {
	PaymentDate civil.Date
	// PayFrequency is W1, W2, W4 or M1.
	PayFrequency string
	// TaxWeek (weekly, fortnightly, four-weekly pay) or TaxMonth (monthly).
	TaxWeek, TaxMonth int
	// Week53 is 53, 54 or 56 for a payment in week 53 (weekly,
	// fortnightly, four-weekly pay), else 0.
	Week53 int
	// HoursBand is worked out from the minutes on the payslip's lines as
	// an average week (E when no time is given). It stands in for "hours
	// normally worked"; a caller that knows the contracted hours may
	// replace it.
	HoursBand HoursBand
	// TaxCode without its suffix (print it with String), and the week 1 /
	// month 1 indicator.
	TaxCode     TaxCode
	Week1Month1 bool
	// Taxable pay and tax in this period and to date in this employment.
	TaxablePay, TaxablePayToDate, Tax, TaxToDate money.Money
	NILetter                                     NICategory
	GrossForNI, GrossForNIToDate                 money.Money
	AtLEL, LELToPT, PTToUEL                      money.Money
	AtLELToDate, LELToPTToDate, PTToUELToDate    money.Money
	EmployeeNI, EmployerNI                       money.Money
	EmployeeNIToDate, EmployerNIToDate           money.Money
	// StudentLoanPlan is "01", "02", "04", "05" or "".
	StudentLoanPlan                    string
	StudentLoan, StudentLoanToDate     money.Money
	PostgraduateLoanIndicator          bool
	PostgraduateLoan, PGLoanToDate     money.Money
	PensionNetPay, PensionNotNetPay    money.Money
	PensionEmployerContributions       money.Money
	PensionNetPayToDate, PensionToDate money.Money
}

// Calculate works out a complete payslip: every line, tax, NI, loans,
// pension, net pay, the new year to date and the FPS figures. It is the
// only way the rest of the toolkit computes tax or NI. Bad input gives an
// error wrapping ErrInvalid with a plain message.
func Calculate(in PayslipInput) (Payslip, error) {
	if in.TaxYear == 0 && in.Period == 0 && !in.PayDate.IsZero() && in.Frequency.valid() {
		in.TaxYear, in.Period, _ = PeriodOf(in.PayDate, in.Frequency)
	}
	rates, err := RatesFor(in.TaxYear)
	if err != nil {
		return Payslip{}, err
	}
	if err := ValidatePeriod(in.Frequency, in.Period); err != nil {
		return Payslip{}, err
	}
	if !in.PayDate.IsZero() {
		y, p, _ := PeriodOf(in.PayDate, in.Frequency)
		if y != in.TaxYear || p != in.Period {
			unit := "week"
			if in.Frequency == Monthly {
				unit = "month"
			}
			return Payslip{}, invalidf("the payday %s is in tax year %s %s %d, not %s %s %d", in.PayDate.UK(), y, unit, p, in.TaxYear, unit, in.Period)
		}
	}
	cat := in.NICategory
	if cat == 0 {
		cat = 'A'
	}
	niRates := rates.niRates(cat)
	if niRates == nil {
		return Payslip{}, badCategory(cat)
	}
	if in.StudentLoan > Plan5 {
		return Payslip{}, invalid("the student loan plan is not valid: use plan1, plan2, plan4 or plan5")
	}
	if err := checkPension(in.Pension); err != nil {
		return Payslip{}, err
	}
	if err := checkYearToDate(in.YearToDate, in.Previous); err != nil {
		return Payslip{}, err
	}
	if len(in.Lines) > maxLines {
		return Payslip{}, invalidf("a payslip may have at most %d lines", maxLines)
	}
	if !in.TaxCode.valid() {
		return Payslip{}, invalid("the tax code is not valid: read it with ParseTaxCode")
	}

	ps := Payslip{
		TaxYear: in.TaxYear, Frequency: in.Frequency, Period: in.Period, PayDate: in.PayDate,
		TaxCode: in.TaxCode, StudentLoanPlan: in.StudentLoan,
	}

	// Lines.
	ps.Lines = make([]Line, len(in.Lines))
	var nmwPay money.Money
	var nmwMinutes, allMinutes int64
	lowestBasic := money.Money(-1)
	for _, l := range in.Lines {
		if l.Kind == Basic && l.Rate > 0 && (lowestBasic < 0 || l.Rate < lowestBasic) {
			lowestBasic = l.Rate
		}
	}
	for i, l := range in.Lines {
		if err := fillLine(&l, i); err != nil {
			return Payslip{}, err
		}
		ps.Lines[i] = l
		switch l.Kind {
		case Expenses:
			ps.Expenses += l.Amount
		case PensionRefund:
			ps.PensionRefund += l.Amount
		default:
			ps.Gross += l.Amount
			allMinutes += l.Minutes
		}
		if ps.Gross > MaxPeriodPay || ps.Expenses > MaxPeriodPay || ps.PensionRefund > MaxPeriodPay {
			return Payslip{}, invalidf("the pay for one period is more than %s, the most accepted", MaxPeriodPay.Format())
		}
		switch l.Kind {
		case Basic, SleepInWaking, Bonus:
			nmwPay += l.Amount
			nmwMinutes += l.Minutes
		case Overtime:
			// Overtime premiums do not count for the minimum wage (NMW
			// Regulations 2015 reg 10(j)): count the hours at no more than
			// the lowest basic rate when both rates are known.
			if l.Rate > 0 && l.Minutes > 0 && lowestBasic >= 0 && l.Rate > lowestBasic {
				nmwPay += money.Money(int64(lowestBasic) * l.Minutes / 60)
			} else {
				nmwPay += l.Amount
			}
			nmwMinutes += l.Minutes
		}
	}

	// Pension first: under a net pay arrangement it comes off before tax.
	ps.Pension = rates.pension(in.Pension, in.Frequency, ps.Gross)
	ps.Pension.Category = rates.AssessWorker(in.DateOfBirth, in.PayDate, in.Frequency, ps.Gross)
	ps.TaxablePay = ps.Gross
	if in.Pension.Method == NetPay {
		ps.TaxablePay += ps.PensionRefund - ps.Pension.Employee
	}
	ps.NIablePay = ps.Gross

	// Tax.
	ytd := in.YearToDate
	ps.PAYE = rates.paye(PAYEInput{
		Code: in.TaxCode, Frequency: in.Frequency, Period: in.Period, Week1Month1: in.Week1Month1,
		Pay:         ps.TaxablePay,
		PreviousPay: in.Previous.TaxablePay + ytd.TaxablePay,
		PreviousTax: in.Previous.Tax + ytd.Tax,
	})
	ps.Tax = ps.PAYE.Tax

	// NI and loans, on the earnings for NI.
	ps.NI = rates.ni(niRates, in.Frequency, ps.NIablePay)
	ps.EmployeeNI, ps.EmployerNI = ps.NI.Employee, ps.NI.Employer
	ps.StudentLoan = loanDeduction(rates.annualThreshold(in.StudentLoan), rates.StudentLoanRate, in.Frequency, ps.NIablePay)
	if in.PostgraduateLoan {
		ps.PostgraduateLoan = loanDeduction(rates.Postgraduate, rates.PostgraduateRate, in.Frequency, ps.NIablePay)
	}

	ps.Deductions = ps.Tax + ps.EmployeeNI + ps.StudentLoan + ps.PostgraduateLoan + ps.Pension.Employee
	ps.NetPay = ps.Gross - ps.Deductions + ps.Expenses + ps.PensionRefund
	ps.EmployerCost = ps.Gross + ps.Expenses + ps.EmployerNI + ps.Pension.Employer

	// Year to date.
	n := ytd
	n.Gross += ps.Gross
	n.TaxablePay += ps.TaxablePay
	n.Tax += ps.Tax
	n.NIablePay += ps.NIablePay
	n.EmployeeNI += ps.EmployeeNI
	n.EmployerNI += ps.EmployerNI
	n.AtLEL += ps.NI.AtLEL
	n.LELToPT += ps.NI.LELToPT
	n.PTToUEL += ps.NI.PTToUEL
	n.StudentLoan += ps.StudentLoan
	n.PostgraduateLoan += ps.PostgraduateLoan
	for _, l := range ps.Lines {
		if l.Kind.Statutory() {
			n.StatutoryPay += l.Amount
		}
	}
	n.PensionEmployee += ps.Pension.Employee
	if in.Pension.Method == NetPay {
		n.PensionNetPay += ps.Pension.Employee
	}
	n.PensionEmployer += ps.Pension.Employer
	n.NetPay += ps.NetPay
	n.TaxShortfall = 0
	if ps.PAYE.Cumulative && in.TaxCode.Kind == CodeK && ps.PAYE.TaxDue > ps.PAYE.TaxToDate {
		n.TaxShortfall = ps.PAYE.TaxDue - ps.PAYE.TaxToDate
	}
	ps.YearToDate = n

	ps.FPS = fpsFor(&ps, in, allMinutes)

	// Checks and notes.
	nmwDate := in.PayDate
	if !in.PayReferenceStart.IsZero() {
		nmwDate = in.PayReferenceStart
	}
	if !in.DateOfBirth.IsZero() && !nmwDate.IsZero() && nmwMinutes > 0 && !in.DateOfBirth.After(nmwDate) {
		mw, err := CheckMinimumWage(MinimumWageCheck{Date: nmwDate, DateOfBirth: in.DateOfBirth, Apprentice: in.Apprentice, Pay: nmwPay, Minutes: nmwMinutes})
		switch {
		case err != nil:
			ps.Notes = append(ps.Notes, "The minimum wage was not checked: "+err.Error()+".")
		default:
			ps.MinimumWage, ps.MinimumWageChecked = mw, true
			if mw.Below {
				ps.Notes = append(ps.Notes, mw.Warning)
			}
		}
	}
	ps.addNotes(in, rates)
	return ps, nil
}

// fillLine checks a line and works out its amount. Messages are built
// only on failure, so a good line costs no allocation.
func fillLine(l *Line, i int) error {
	name := func() string {
		if l.Description != "" {
			return l.Description
		}
		return "line " + strconv.Itoa(i+1)
	}
	if int(l.Kind) < 1 || int(l.Kind) > numLineKinds {
		return invalidf("pay line %q has no kind: use basic, overtime, sleep-in, sleep-in waking, holiday, rolled-up holiday, SSP, bonus, expenses, pension refund, SMP, SPP, SAP, ShPP, SPBP or SNCP", name())
	}
	if l.Minutes < 0 || l.Minutes > maxLineMinutes {
		return invalidf("pay line %q: the time must be from 0 to %d minutes", name(), maxLineMinutes)
	}
	if l.Rate < 0 || l.Rate > maxHourlyRate {
		return invalidf("pay line %q: the hourly rate must be from £0.00 to %s", name(), maxHourlyRate.Format())
	}
	if l.Amount < 0 || l.Amount > MaxPeriodPay {
		return checkAmount("pay line \""+name()+"\"", l.Amount, MaxPeriodPay)
	}
	if l.Rate > 0 && l.Minutes > 0 {
		want := money.Money(divRoundHalfUp(int64(l.Rate)*l.Minutes, 60))
		switch {
		case l.Amount == 0:
			l.Amount = want
		case l.Amount != want:
			return invalidf("pay line %q: %s is not %s an hour for %s (that is %s)", name(), l.Amount.Format(), l.Rate.Format(), text.Hours(int(l.Minutes)), want.Format())
		}
	}
	return nil
}

func checkYearToDate(y YearToDate, p PreviousEmployment) error {
	fields := [...]struct {
		name string
		v    money.Money
	}{
		{"gross pay to date", y.Gross}, {"taxable pay to date", y.TaxablePay}, {"tax to date", y.Tax},
		{"earnings for NI to date", y.NIablePay}, {"employee NI to date", y.EmployeeNI}, {"employer NI to date", y.EmployerNI},
		{"earnings at the LEL to date", y.AtLEL}, {"earnings from LEL to PT to date", y.LELToPT}, {"earnings from PT to UEL to date", y.PTToUEL},
		{"student loan to date", y.StudentLoan}, {"postgraduate loan to date", y.PostgraduateLoan},
		{"employee pension to date", y.PensionEmployee}, {"net pay arrangement pension to date", y.PensionNetPay},
		{"employer pension to date", y.PensionEmployer}, {"tax shortfall to date", y.TaxShortfall}, {"net pay to date", y.NetPay},
		{"statutory pay to date", y.StatutoryPay},
		{"taxable pay in the previous employment", p.TaxablePay}, {"tax in the previous employment", p.Tax},
	}
	for _, f := range fields {
		// Tax to date in this employment is below 0 when the first pay
		// refunded some of what the previous employment took (a starter
		// with a P45, on a cumulative code): only the total is never
		// below 0.
		if f.v < 0 && f.name == "tax to date" && y.Tax+p.Tax >= 0 {
			continue
		}
		if f.v < 0 {
			return invalidf("%s cannot be negative (it is %s)", f.name, f.v.Format())
		}
		if f.v > MaxYearToDate {
			return invalidf("%s of %s is too large: the most accepted is %s", f.name, f.v.Format(), MaxYearToDate.Format())
		}
	}
	return nil
}

func fpsFor(ps *Payslip, in PayslipInput, minutes int64) FPS {
	y := &ps.YearToDate
	f := FPS{
		PaymentDate:                  ps.PayDate,
		PayFrequency:                 ps.Frequency.FPSCode(),
		HoursBand:                    HoursBandFor(ps.Frequency, minutes),
		TaxCode:                      ps.TaxCode.WithBasis(Cumulative),
		Week1Month1:                  !ps.PAYE.Cumulative,
		TaxablePay:                   ps.TaxablePay,
		TaxablePayToDate:             y.TaxablePay,
		Tax:                          ps.Tax,
		TaxToDate:                    y.Tax,
		NILetter:                     ps.NI.Category,
		GrossForNI:                   ps.NIablePay,
		GrossForNIToDate:             y.NIablePay,
		AtLEL:                        ps.NI.AtLEL,
		LELToPT:                      ps.NI.LELToPT,
		PTToUEL:                      ps.NI.PTToUEL,
		AtLELToDate:                  y.AtLEL,
		LELToPTToDate:                y.LELToPT,
		PTToUELToDate:                y.PTToUEL,
		EmployeeNI:                   ps.EmployeeNI,
		EmployerNI:                   ps.EmployerNI,
		EmployeeNIToDate:             y.EmployeeNI,
		EmployerNIToDate:             y.EmployerNI,
		StudentLoanPlan:              ps.StudentLoanPlan.FPSCode(),
		StudentLoan:                  ps.StudentLoan,
		StudentLoanToDate:            y.StudentLoan,
		PostgraduateLoanIndicator:    in.PostgraduateLoan,
		PostgraduateLoan:             ps.PostgraduateLoan,
		PGLoanToDate:                 y.PostgraduateLoan,
		PensionEmployerContributions: ps.Pension.Employer,
		PensionNetPayToDate:          y.PensionNetPay,
		PensionToDate:                y.PensionEmployee,
	}
	if in.Pension.Method == NetPay {
		f.PensionNetPay = ps.Pension.Employee
	} else {
		f.PensionNotNetPay = ps.Pension.Employee
	}
	if ps.Frequency == Monthly {
		f.TaxMonth = ps.Period
	} else {
		f.TaxWeek = ps.Period
		if ps.Period == 53 {
			f.Week53 = TablePeriod(ps.Frequency, 53)
		}
	}
	return f
}

// The automatic enrolment minimum contributions on qualifying earnings
// (The Pensions Regulator, "Automatic enrolment: contributions"): 8% in
// all, at least 3% of it from the employer.
const (
	MinimumTotalPension    Percent = 800
	MinimumEmployerPension Percent = 300
	MinimumEmployeePension         = MinimumTotalPension - MinimumEmployerPension
)

// addNotes adds plain warnings. It allocates only when there is something
// to say.
func (ps *Payslip) addNotes(in PayslipInput, rates *Rates) {
	if ps.Pension.Category == EligibleJobholder && in.Pension.Membership == NotEnrolled {
		ps.Notes = append(ps.Notes, "This worker is an eligible jobholder this period: they must be enrolled in a workplace pension (unless they have already opted out).")
	}
	if in.Pension.Membership == Enrolled && in.Pension.Basis == QualifyingEarnings &&
		(in.Pension.EmployerPercent < MinimumEmployerPension || in.Pension.EmployeePercent+in.Pension.EmployerPercent < MinimumTotalPension) {
		ps.Notes = append(ps.Notes, "Pension contributions are below the automatic enrolment minimum of 8% of qualifying earnings, with at least 3% from the employer.")
	}
	if in.StudentLoan == Plan5 && rates.Plan5 == 0 {
		ps.Notes = append(ps.Notes, "Plan 5 student loan deductions start on 6 April 2026, so none are taken in "+rates.Year.String()+".")
	}
	if ps.PAYE.Shortfall > 0 {
		ps.Notes = append(ps.Notes, "Tax of "+ps.PAYE.Shortfall.Format()+" was not deducted because tax may not take more than half of the pay (the regulatory limit for K codes).")
	}
	if ps.NetPay < 0 {
		ps.Notes = append(ps.Notes, "Net pay is negative: the deductions are more than the pay.")
	}
}
