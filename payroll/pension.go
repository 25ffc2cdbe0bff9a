package payroll

import (
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// PensionMethod is how the employee's contribution gets tax relief.
type PensionMethod byte

// The methods.
const (
	// ReliefAtSource: the contribution comes off net pay at 80% of its
	// gross value (5% becomes 4%) and the scheme claims the basic-rate
	// relief from HMRC (NEST and most master trusts).
	ReliefAtSource PensionMethod = iota
	// NetPay: the full contribution comes off pay before tax (not before
	// NI).
	NetPay
)

// String gives the command-line name: "relief-at-source" or "net-pay".
func (m PensionMethod) String() string {
	if m == NetPay {
		return "net-pay"
	}
	return "relief-at-source"
}

// ParsePensionMethod reads "relief-at-source" (or "ras") or "net-pay" (or
// "net pay arrangement").
func ParsePensionMethod(s string) (PensionMethod, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "relief-at-source", "relief at source", "ras":
		return ReliefAtSource, nil
	case "net-pay", "net pay", "net-pay-arrangement", "net pay arrangement", "npa":
		return NetPay, nil
	}
	return 0, invalidf("pension method %q is not valid: use relief-at-source (the contribution comes off pay after tax, as with NEST) or net-pay (it comes off pay before tax)", s)
}

// PensionBasis is what the percentages are applied to.
type PensionBasis byte

// The bases.
const (
	// QualifyingEarnings: pay between the lower and upper limits of
	// qualifying earnings for the period.
	QualifyingEarnings PensionBasis = iota
	// AllPay: all pensionable pay from the first pound.
	AllPay
)

// String gives the command-line name: "qualifying" or "all".
func (b PensionBasis) String() string {
	if b == AllPay {
		return "all"
	}
	return "qualifying"
}

// ParsePensionBasis reads "qualifying" (or "qualifying earnings") or "all"
// (or "all pay").
func ParsePensionBasis(s string) (PensionBasis, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "qualifying", "qualifying earnings", "qualifying-earnings":
		return QualifyingEarnings, nil
	case "all", "all pay", "all-pay":
		return AllPay, nil
	}
	return 0, invalidf("pension basis %q is not valid: use qualifying (pay between the qualifying earnings limits) or all (all pay)", s)
}

// PensionMembership says whether contributions are taken.
type PensionMembership byte

// The memberships.
const (
	NotEnrolled PensionMembership = iota
	Enrolled
	OptedOut
	// PostponedMember: an eligible jobholder whose automatic enrolment is
	// postponed (Pensions Act 2008 s4): nothing taken, no warning.
	PostponedMember
)

// PensionSettings are a worker's pension arrangements.
type PensionSettings struct {
	Membership PensionMembership
	Method     PensionMethod
	Basis      PensionBasis
	// EmployeePercent is the employee's contribution as a gross
	// percentage (5% under relief at source is deducted as 4%).
	EmployeePercent, EmployerPercent Percent
}

// WorkerCategory is a worker's automatic enrolment category in one pay
// period.
type WorkerCategory byte

// The categories.
const (
	// NotAssessed: no date of birth or payday was given.
	NotAssessed WorkerCategory = iota
	// EligibleJobholder: aged 22 to State Pension age and earning above the
	// trigger. Must be enrolled.
	EligibleJobholder
	// NonEligibleJobholder: aged 16 to 74, earning above the lower limit of
	// qualifying earnings, and not eligible. May opt in (with employer
	// contributions).
	NonEligibleJobholder
	// EntitledWorker: aged 16 to 74 earning at or below the lower limit.
	// May join (the employer need not contribute).
	EntitledWorker
	// OutsideAgeRange: under 16 or 75 and over: no duties.
	OutsideAgeRange
)

// String names the category.
func (c WorkerCategory) String() string {
	switch c {
	case EligibleJobholder:
		return "eligible jobholder"
	case NonEligibleJobholder:
		return "non-eligible jobholder"
	case EntitledWorker:
		return "entitled worker"
	case OutsideAgeRange:
		return "outside the automatic enrolment age range"
	}
	return "not assessed"
}

// StatePensionDate returns the day someone born on dob reaches State
// Pension age, for the people who can be working in the supported years:
//
//   - born 6 April 1960 to 5 March 1961: 66 years and 1 to 11 months
//     (Pensions Act 2014; gov.uk "State Pension age timetable", table 3):
//     6 April to 5 May 1960 gives 66 years 1 month, each following month of
//     birth one month more, to 6 February to 5 March 1961 giving 66 years 11
//     months;
//   - born 6 March 1961 or later: 67.
//   - born before 6 April 1960: 66.
//
// Simplified, honestly: anyone born before 6 April 1960 is treated as
// reaching State Pension age at 66. For those born 6 October 1954 to 5
// April 1960 that is the law; anyone born earlier reached an age of 65 or
// less long before April 2024, so the answer "past State Pension age" is
// the same. Everyone born from 6 March 1961 is given 67: the law already
// raises it towards 68 for people born from 6 April 1977, who are far from
// it in these years, and a review may change the timetable. A date that
// does not exist (31 November) rolls forward to the next day, as
// civil.Date.AddMonths does.
func StatePensionDate(dob civil.Date) civil.Date {
	start := civil.Date{Year: 1960, Month: time.April, Day: 6}
	end := civil.Date{Year: 1961, Month: time.March, Day: 6}
	switch {
	case dob.Before(start):
		return dob.AddMonths(66 * 12)
	case dob.Before(end):
		n := (dob.Year-1960)*12 + int(dob.Month) - int(time.April)
		if dob.Day >= 6 {
			n++
		}
		return dob.AddMonths(66*12 + n)
	}
	return dob.AddMonths(67 * 12)
}

// AssessWorker returns the automatic enrolment category of a worker born
// on dob, paid earnings (pensionable pay) for one period of frequency f
// paid on payday. Age is taken on the payday (the Pensions Regulator
// assesses "in the pay reference period"; someone who has a birthday
// during it is treated here from the payday on).
func (r *Rates) AssessWorker(dob, payday civil.Date, f Frequency, earnings money.Money) WorkerCategory {
	if dob.IsZero() || payday.IsZero() || !f.valid() {
		return NotAssessed
	}
	age := civil.AgeOn(dob, payday)
	if age < 16 || age >= 75 {
		return OutsideAgeRange
	}
	i := f.index()
	switch {
	case age >= 22 && payday.Before(StatePensionDate(dob)) && earnings > r.PensionTrigger[i]:
		return EligibleJobholder
	case earnings > r.PensionLower[i]:
		return NonEligibleJobholder
	}
	return EntitledWorker
}

// PensionResult is one period's pension contributions.
type PensionResult struct {
	Category WorkerCategory
	// Base is what the percentages were applied to: qualifying earnings or
	// all pensionable pay.
	Base money.Money
	// Employee is the amount taken from the employee's pay: under relief at
	// source 80% of the gross contribution, after tax; under net pay the
	// whole contribution, before tax.
	Employee money.Money
	// TaxRelief is the basic-rate relief the scheme adds under relief at
	// source (the gross contribution less Employee).
	TaxRelief money.Money
	Employer  money.Money
	Method    PensionMethod
}

// QualifyingEarningsFor returns min(pay, upper) - lower for one period,
// or nothing when pay is at or below the lower limit.
func (r *Rates) QualifyingEarningsFor(f Frequency, pay money.Money) money.Money {
	if !f.valid() {
		return 0
	}
	i := f.index()
	if pay <= r.PensionLower[i] {
		return 0
	}
	return min(pay, r.PensionUpper[i]) - r.PensionLower[i]
}

// Pension works out one period's contributions on pensionable pay. Each
// contribution is rounded to the nearest penny (halves up). Nothing is
// taken unless the worker is enrolled.
func (r *Rates) Pension(s PensionSettings, f Frequency, pay money.Money) (PensionResult, error) {
	if !f.valid() {
		return PensionResult{}, invalid("the pay frequency is not set: use weekly, fortnightly, four-weekly or monthly")
	}
	if err := checkPension(s); err != nil {
		return PensionResult{}, err
	}
	if err := checkAmount("pensionable pay", pay, MaxPeriodPay); err != nil {
		return PensionResult{}, err
	}
	return r.pension(s, f, pay), nil
}

func checkPension(s PensionSettings) error {
	if s.EmployeePercent < 0 || s.EmployeePercent > maxPercent || s.EmployerPercent < 0 || s.EmployerPercent > maxPercent {
		return invalid("pension percentages must be from 0 to 100")
	}
	if s.Membership > PostponedMember || s.Method > NetPay || s.Basis > AllPay {
		return invalid("the pension settings are not valid")
	}
	return nil
}

func (r *Rates) pension(s PensionSettings, f Frequency, pay money.Money) PensionResult {
	res := PensionResult{Method: s.Method}
	if s.Membership != Enrolled {
		return res
	}
	res.Base = pay
	if s.Basis == QualifyingEarnings {
		res.Base = r.QualifyingEarningsFor(f, pay)
	}
	gross := s.EmployeePercent.OfHalfUp(res.Base)
	res.Employee = gross
	if s.Method == ReliefAtSource {
		// 80% of the gross percentage, rounded once: base x pct x 8 / 10.
		res.Employee = money.Money(divRoundHalfUp(int64(res.Base)*int64(s.EmployeePercent)*8, 100000))
		res.TaxRelief = gross - res.Employee
	}
	res.Employer = s.EmployerPercent.OfHalfUp(res.Base)
	return res
}
