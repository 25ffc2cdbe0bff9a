package payroll

import (
	"strings"

	"patoolkit/money"
)

// StudentLoanPlan is an undergraduate student loan plan. A worker repays
// at most one plan at a time; a postgraduate loan may run alongside.
type StudentLoanPlan byte

// The plans.
const (
	NoStudentLoan StudentLoanPlan = iota
	Plan1
	Plan2
	Plan4
	Plan5
)

// planNumbers are the plans' numbers, the one home of their names: "plan2"
// on the command line, "Plan 2" to a person, "02" on an FPS.
var planNumbers = map[StudentLoanPlan]string{Plan1: "1", Plan2: "2", Plan4: "4", Plan5: "5"}

// String gives the name used on the command line: "plan1" etc., or "none".
func (p StudentLoanPlan) String() string {
	if n, ok := planNumbers[p]; ok {
		return "plan" + n
	}
	return "none"
}

// Label gives the name shown to a person: "Plan 2".
func (p StudentLoanPlan) Label() string {
	if n, ok := planNumbers[p]; ok {
		return "Plan " + n
	}
	return "none"
}

// FPSCode is the plan type as an FPS gives it ("01", "02", "04", "05"), or
// "" for none.
func (p StudentLoanPlan) FPSCode() string {
	if n, ok := planNumbers[p]; ok {
		return "0" + n
	}
	return ""
}

// ParseStudentLoanPlan reads "plan1", "plan 2", "Plan4", "5", "none" or "".
func ParseStudentLoanPlan(s string) (StudentLoanPlan, error) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	t = strings.TrimPrefix(t, "plan")
	if t == "" || t == "none" {
		return NoStudentLoan, nil
	}
	for p, n := range planNumbers {
		if t == n {
			return p, nil
		}
	}
	return 0, invalidf("student loan plan %q is not valid: use plan1, plan2, plan4 or plan5 (a postgraduate loan is separate)", s)
}

// annualThreshold returns the plan's threshold, or 0 when the plan takes
// no deductions this year.
func (r *Rates) annualThreshold(p StudentLoanPlan) money.Money {
	switch p {
	case Plan1:
		return r.Plan1
	case Plan2:
		return r.Plan2
	case Plan4:
		return r.Plan4
	case Plan5:
		return r.Plan5
	}
	return 0
}

// StudentLoan returns the student loan deduction for one period's earnings
// (the earnings used for NI). A plan with no threshold this year (Plan 5
// before 2026-27) deducts nothing.
func (r *Rates) StudentLoan(p StudentLoanPlan, f Frequency, earnings money.Money) (money.Money, error) {
	if !f.valid() {
		return 0, invalid("the pay frequency is not set: use weekly, fortnightly, four-weekly or monthly")
	}
	if p > Plan5 {
		return 0, invalidf("student loan plan %d is not valid: use plan1, plan2, plan4 or plan5", p)
	}
	if err := checkAmount("earnings", earnings, MaxPeriodPay); err != nil {
		return 0, err
	}
	return loanDeduction(r.annualThreshold(p), r.StudentLoanRate, f, earnings), nil
}

// PostgraduateLoan returns the postgraduate loan deduction for one
// period's earnings.
func (r *Rates) PostgraduateLoan(f Frequency, earnings money.Money) (money.Money, error) {
	if !f.valid() {
		return 0, invalid("the pay frequency is not set: use weekly, fortnightly, four-weekly or monthly")
	}
	if err := checkAmount("earnings", earnings, MaxPeriodPay); err != nil {
		return 0, err
	}
	return loanDeduction(r.Postgraduate, r.PostgraduateRate, f, earnings), nil
}

// loanDeduction is the one place student and postgraduate loan deductions
// are worked out. Deductions are non-cumulative:
//
//   - monthly: (earnings - annual/12) x rate, the threshold truncated to
//     the penny and the deduction rounded down to whole pounds;
//   - weekly: the same with annual/52;
//   - fortnightly and four-weekly (HMRC's manual method, CSLM17065): split
//     the earnings into equal weeks, work out one week's deduction (rounded
//     down to whole pounds) and multiply by the number of weeks. The split
//     is exact: with k weeks, one week's deduction is
//     floor((earnings - k x weekly threshold) x rate / k).
func loanDeduction(annual money.Money, rate Percent, f Frequency, earnings money.Money) money.Money {
	if annual <= 0 || rate <= 0 {
		return 0
	}
	if f == Monthly {
		over := int64(earnings) - int64(annual)/12
		if over <= 0 {
			return 0
		}
		return pounds(over * int64(rate) / 10000 / 100)
	}
	k := int64(f.Weeks())
	if k <= 0 {
		return 0
	}
	over := int64(earnings) - k*(int64(annual)/52)
	if over <= 0 {
		return 0
	}
	// one week's deduction in pounds: over x rate / (10000 x 100 x k), down.
	week := over * int64(rate) / (10000 * 100 * k)
	return pounds(week * k)
}

// LoanThreshold returns the period threshold of a plan as used by the
// deduction: annual/12 or annual/52 x weeks, truncated to the penny.
func (r *Rates) LoanThreshold(p StudentLoanPlan, postgraduate bool, f Frequency) money.Money {
	annual := r.annualThreshold(p)
	if postgraduate {
		annual = r.Postgraduate
	}
	switch {
	case !f.valid():
		return 0
	case f == Monthly:
		return annual / 12
	}
	return money.Money(f.Weeks()) * (annual / 52)
}
