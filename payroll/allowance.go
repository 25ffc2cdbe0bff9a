package payroll

import "patoolkit/money"

// EmploymentAllowance tracks how much of the year's Employment Allowance
// has offset employer NI. Feed it each period's employer NI in order.
type EmploymentAllowance struct {
	Year TaxYear
	// Allowance is the year's maximum (£5,000 in 2024-25, £10,500 from
	// 2025-26).
	Allowance money.Money
	// EmployerNI is the employer NI fed in so far; Used is how much of it
	// the allowance has offset.
	EmployerNI, Used money.Money
}

// NewEmploymentAllowance starts a year's allowance.
func NewEmploymentAllowance(y TaxYear) (*EmploymentAllowance, error) {
	r, err := RatesFor(y)
	if err != nil {
		return nil, err
	}
	return &EmploymentAllowance{Year: y, Allowance: r.EmploymentAllowance}, nil
}

// Offset records one period's employer NI and returns how much of it the
// allowance offsets: all of it until the allowance is used up, then the
// rest of the allowance, then nothing. A negative amount (a correction)
// gives back allowance as far as it reduces the year's employer NI below
// the allowance, so the offset to date is always min(employer NI to date,
// allowance).
func (a *EmploymentAllowance) Offset(employerNI money.Money) money.Money {
	if employerNI > MaxPeriodPay || employerNI < -MaxPeriodPay || a.EmployerNI > MaxYearToDate {
		return 0 // beyond any real figure; refuse to move rather than overflow
	}
	a.EmployerNI += employerNI
	used := min(max(a.EmployerNI, 0), a.Allowance)
	off := used - a.Used
	a.Used = used
	return off
}

// Remaining returns the allowance not yet used.
func (a *EmploymentAllowance) Remaining() money.Money { return a.Allowance - a.Used }

// OffsetEmploymentAllowance applies the year's allowance to employer NI
// per period in order, returning the offset for each period and what
// remains.
func OffsetEmploymentAllowance(y TaxYear, employerNI []money.Money) ([]money.Money, money.Money, error) {
	a, err := NewEmploymentAllowance(y)
	if err != nil {
		return nil, 0, err
	}
	out := make([]money.Money, len(employerNI))
	for i, ni := range employerNI {
		if ni > MaxPeriodPay || ni < -MaxPeriodPay {
			return nil, 0, invalidf("employer NI of %s for period %d is out of range", ni.Format(), i+1)
		}
		out[i] = a.Offset(ni)
	}
	return out, a.Remaining(), nil
}
