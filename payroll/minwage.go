package payroll

import (
	"strconv"

	"patoolkit/civil"
	"patoolkit/money"
)

// MinimumWageCheck is the input for checking one period's pay against the
// National Minimum Wage.
type MinimumWageCheck struct {
	// Date is the day the rate and the age are taken on: the first day
	// of the pay reference period (NMW Regulations 2015), or the payday
	// when that is not known.
	Date        civil.Date
	DateOfBirth civil.Date
	// Apprentice is true when the worker is entitled to the apprentice
	// rate (an apprentice under 19, or in the first year of the
	// apprenticeship).
	Apprentice bool
	// Pay is the pay that counts: for work done, without the sleep-in
	// allowance, holiday pay, SSP, expenses or overtime premiums.
	Pay money.Money
	// Minutes is the working time that counts: hours worked including
	// hours woken to work during a sleep-in, not the hours asleep.
	Minutes int64
}

// MinimumWageResult is the outcome of the check.
type MinimumWageResult struct {
	Age int
	// Rate is the hourly rate that applies, and RateName its name
	// ("National Living Wage", "National Minimum Wage", "apprentice
	// rate"). Rate is zero for someone under 16, who is not entitled.
	Rate     money.Money
	RateName string
	// HourlyPay is the pay per hour, rounded down to the penny.
	HourlyPay money.Money
	// Below is true when pay per hour is below the rate; Shortfall is the
	// extra pay needed for the period (rounded up to the penny) and
	// Warning says so in plain words.
	Below     bool
	Shortfall money.Money
	Warning   string
}

// CheckMinimumWage checks a period's effective hourly pay against the
// minimum wage for the worker's age on the date (rates change on 1
// April; the National Living Wage applies from 21 since April 2024).
func CheckMinimumWage(c MinimumWageCheck) (MinimumWageResult, error) {
	if c.Date.IsZero() || c.DateOfBirth.IsZero() {
		return MinimumWageResult{}, invalid("the minimum wage check needs the date of birth and the first day of the pay period (or the payday)")
	}
	if c.DateOfBirth.After(c.Date) {
		return MinimumWageResult{}, invalidf("the date of birth %s is after %s", c.DateOfBirth.UK(), c.Date.UK())
	}
	if err := checkAmount("pay", c.Pay, MaxPeriodPay); err != nil {
		return MinimumWageResult{}, err
	}
	if c.Minutes < 0 || c.Minutes > maxLineMinutes {
		return MinimumWageResult{}, invalidf("minutes worked must be from 0 to %d", maxLineMinutes)
	}
	rates, err := minimumWageOn(c.Date)
	if err != nil {
		return MinimumWageResult{}, err
	}
	res := MinimumWageResult{Age: civil.AgeOn(c.DateOfBirth, c.Date)}
	switch {
	case res.Age < 16:
		return res, nil
	case c.Apprentice:
		res.Rate, res.RateName = rates.Apprentice, "apprentice rate"
	case res.Age >= 21:
		res.Rate, res.RateName = rates.Age21Plus, "National Living Wage"
	case res.Age >= 18:
		res.Rate, res.RateName = rates.Age18To20, "National Minimum Wage"
	default:
		res.Rate, res.RateName = rates.Under18, "National Minimum Wage"
	}
	if c.Minutes == 0 {
		return res, nil
	}
	res.HourlyPay = money.Money(int64(c.Pay) * 60 / c.Minutes)
	// Below when pay / (minutes / 60) < rate, compared exactly.
	if int64(c.Pay)*60 < int64(res.Rate)*c.Minutes {
		res.Below = true
		res.Shortfall = money.Money(ceilDiv(int64(res.Rate)*c.Minutes, 60)) - c.Pay
		name := "the " + res.RateName
		if c.Apprentice {
			name = "the National Minimum Wage apprentice rate"
		}
		res.Warning = "Pay for this period works out at " + res.HourlyPay.Format() + " an hour, below " + name +
			" of " + res.Rate.Format() + " for someone aged " + strconv.Itoa(res.Age) + " on " + c.Date.UK() + "."
	}
	return res, nil
}
