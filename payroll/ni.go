package payroll

import (
	"strings"

	"patoolkit/money"
)

// NICategory is a National Insurance category letter.
type NICategory byte

var allNICategories = []NICategory{'A', 'B', 'C', 'H', 'J', 'M', 'Z'}

// String returns the letter.
func (c NICategory) String() string {
	if c == 0 {
		return ""
	}
	return string(rune(c))
}

// ParseNICategory reads a category letter: A, B, C, H, J, M or Z (either
// case).
func ParseNICategory(s string) (NICategory, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	if len(t) == 1 {
		for _, c := range allNICategories {
			if byte(c) == t[0] {
				return c, nil
			}
		}
	}
	return 0, badCategoryText(s)
}

func badCategory(c NICategory) error { return badCategoryText(c.String()) }

func badCategoryText(s string) error {
	return invalidf("National Insurance category %q is not valid: use A (most employees), B (married women's reduced rate), C (over State Pension age), H (apprentice under 25), J (deferment), M (under 21) or Z (under 21, deferment)", s)
}

// NIResult is the Class 1 National Insurance on one payment.
type NIResult struct {
	Category NICategory
	// Pay is the earnings for NI ("gross for NI" on the FPS).
	Pay                money.Money
	Employee, Employer money.Money
	// Earnings in bands for the FPS: at the LEL (the LEL itself when pay
	// reaches it), above the LEL up to the PT, above the PT up to the UEL.
	// All are zero when pay is below the LEL.
	AtLEL, LELToPT, PTToUEL money.Money
}

// NI works out Class 1 National Insurance on pay for one period by HMRC's
// exact percentage method. NI is per pay period, never cumulative (PAs are
// not directors).
//
// Employee: (min(pay, UEL) - PT) x main rate + (pay - UEL) x upper rate,
// each part only where positive. Employer: (pay - ST) x rate; for H, M and
// Z the employer rate is 0% up to the AUST/UST (equal to the UEL), so
// (pay - UEL) x rate. Each band is rounded by HMRC's rule (see niRound)
// and then the bands are added.
func (r *Rates) NI(c NICategory, f Frequency, pay money.Money) (NIResult, error) {
	if !f.valid() {
		return NIResult{}, invalid("the pay frequency is not set: use weekly, fortnightly, four-weekly or monthly")
	}
	if err := checkAmount("pay for National Insurance", pay, MaxPeriodPay); err != nil {
		return NIResult{}, err
	}
	cr := r.niRates(c)
	if cr == nil {
		return NIResult{}, badCategory(c)
	}
	return r.ni(cr, f, pay), nil
}

func (r *Rates) ni(cr *NICategoryRates, f Frequency, pay money.Money) NIResult {
	t := &r.NIThresholds[f.index()]
	res := NIResult{Category: cr.Category, Pay: pay}
	res.Employee = niRound(min(pay, t.UEL)-t.PT, cr.EmployeeMain) + niRound(pay-t.UEL, cr.EmployeeUpper)
	if cr.ZeroToUEL {
		res.Employer = niRound(pay-t.UEL, cr.Employer)
	} else {
		res.Employer = niRound(pay-t.ST, cr.Employer)
	}
	if pay >= t.LEL {
		res.AtLEL = t.LEL
		res.LELToPT = min(pay, t.PT) - t.LEL
		res.PTToUEL = max(0, min(pay, t.UEL)-t.PT)
	}
	return res
}

// niRound returns rate x amount for one band (nothing when amount is not
// positive), rounded by the rule HMRC's test data requires: truncate the
// result to three decimal places of a pound (tenths of a penny), then
// round to the penny with a third decimal of 5 or less rounding down and 6
// or more rounding up.
func niRound(amount money.Money, rate Percent) money.Money {
	if amount <= 0 || rate <= 0 {
		return 0
	}
	x := int64(amount) * int64(rate) // ten-thousandths of a penny
	tenths := x / 1000               // truncated to tenths of a penny
	pence := tenths / 10
	if tenths%10 >= 6 {
		pence++
	}
	return money.Money(pence)
}
