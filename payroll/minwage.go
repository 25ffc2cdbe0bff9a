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

// MinimumWageRatesOn returns the National Minimum and Living Wage rates
// in force on d. After the last year held the latest rates are returned
// (they are the least that applies: the rates have never been lowered);
// before the first year held there is an error.
func MinimumWageRatesOn(d civil.Date) (MinimumWageRates, error) {
	if r, err := minimumWageOn(d); err == nil {
		return *r, nil
	} else if len(registry) == 0 || d.Before(registry[len(registry)-1].MinimumWage.From) {
		return MinimumWageRates{}, err
	}
	return registry[len(registry)-1].MinimumWage, nil
}

// MinimumRateFor is the hourly minimum wage that applies on d to a worker
// born on dob, with its name and whom it is for in plain words
// ("National Living Wage", "someone aged 21 or over"). When the date of
// birth is not known (zero) it is the rate for 21 and over, the highest,
// and ageKnown is false. ok is false when the rates for d are not held or
// the worker is under 16 (not entitled).
func MinimumRateFor(d, dob civil.Date) (rate money.Money, name, who string, ageKnown, ok bool) {
	rates, err := MinimumWageRatesOn(d)
	if err != nil {
		return 0, "", "", false, false
	}
	if dob.IsZero() || dob.After(d) {
		return rates.Age21Plus, "National Living Wage", "someone aged 21 or over", false, true
	}
	age := civil.AgeOn(dob, d)
	switch {
	case age < 16:
		return 0, "", "", true, false
	case age >= 21:
		return rates.Age21Plus, "National Living Wage", "someone aged 21 or over", true, true
	case age >= 18:
		return rates.Age18To20, "National Minimum Wage", "someone aged 18 to 20", true, true
	}
	return rates.Under18, "National Minimum Wage", "someone aged under 18", true, true
}

// ContractRateCheck is what an hourly rate agreed in a contract is
// against the minimum wage on the day the terms start.
type ContractRateCheck struct {
	// Refuse, when not empty, says the rate is below the lowest minimum
	// wage of the day (the apprentice rate), which nobody may be paid
	// less than: the terms can't be saved.
	Refuse string
	// Warning, when not empty, says the rate is below the rate for the
	// worker's age on the day (the National Living Wage when the age is
	// not known): allowed for an apprentice, so a warning, not a refusal.
	Warning string
}

// CheckContractRate checks an hourly rate (what, like "The day rate")
// agreed from the day from, for a worker born on dob (zero when not
// known). A rate of zero is not checked: a blank optional rate is paid at
// the day rate. Nothing is said when the rates for from are not held.
func CheckContractRate(what string, rate money.Money, from, dob civil.Date) ContractRateCheck {
	if rate <= 0 || from.IsZero() {
		return ContractRateCheck{}
	}
	rates, err := MinimumWageRatesOn(from)
	if err != nil {
		return ContractRateCheck{}
	}
	lowest := min(rates.Apprentice, rates.Under18, rates.Age18To20, rates.Age21Plus)
	if rate < lowest {
		return ContractRateCheck{Refuse: what + " of " + rate.Format() + " an hour is below the lowest minimum wage the law allows, the apprentice rate of " +
			lowest.Format() + " an hour (from " + rates.From.UK() + "). Nobody may be paid less: give at least " + lowest.Format() + " an hour."}
	}
	want, name, who, known, ok := MinimumRateFor(from, dob)
	if !ok || rate >= want {
		return ContractRateCheck{}
	}
	msg := what + " of " + rate.Format() + " an hour is below the " + name + " of " + want.Format() + " an hour for " + who + " on " + from.UK() + "."
	if known {
		msg += " It is only allowed for an apprentice. Otherwise raise it to at least " + want.Format() + " an hour."
	} else {
		msg += " Their date of birth is not entered, so the rate for 21 and over is used. It is only allowed for an apprentice or someone under 21."
	}
	return ContractRateCheck{Warning: msg}
}
