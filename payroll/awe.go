package payroll

import (
	"sort"

	"patoolkit/civil"
	"patoolkit/money"
)

// PaidOn is one payday's earnings subject to Class 1 NI (gross for NI).
type PaidOn struct {
	Payday civil.Date
	Pay    money.Money
}

// AWEResult is average weekly earnings and the relevant period they were
// worked out over.
type AWEResult struct {
	AWE money.Money
	// From and To are the paydays that bound the relevant period: it runs
	// from the day after From to To. Paydays is how many paydays fell in
	// it.
	From, To civil.Date
	Paydays  int
	// Known is false when there was no payday before the day to go on
	// (a new starter): the caller must then use what the contract says.
	Known bool
}

// AverageWeeklyEarnings works out average weekly earnings for Statutory
// Sick Pay (and the family payments) for a period starting on first, from
// the worker's paydays, as HMRC's guidance says (gov.uk "Statutory Sick
// Pay: employer guide", "Work out your employee's average weekly
// earnings"; SSP (General) Regulations 1982 reg 19): the relevant period
// ends with the last payday before first and begins after the last payday
// at least 8 weeks before that; the earnings paid in it are divided by the
// number of weeks it spans: for monthly pay, by the months it holds times
// 52 / 12 (that is, x 12 / 52 / months); otherwise by its days / 7. The
// result is rounded down to the penny, so it is never above what was
// earned. With no payday before the one at least 8 weeks back, the
// relevant period starts with the worker's first payday and Known is
// still true; with no payday before first at all, Known is false.
func AverageWeeklyEarnings(first civil.Date, paid []PaidOn, monthly bool) AWEResult {
	days := append([]PaidOn(nil), paid...)
	sort.Slice(days, func(i, j int) bool { return days[i].Payday.Before(days[j].Payday) })
	last := -1
	for i, p := range days {
		if p.Payday.Before(first) {
			last = i
		}
	}
	if last < 0 {
		return AWEResult{}
	}
	to := days[last].Payday
	limit := to.AddDays(-56)
	start := -1 // the payday that opens the period (not in it)
	for i := last - 1; i >= 0; i-- {
		if !days[i].Payday.After(limit) {
			start = i
			break
		}
	}
	res := AWEResult{To: to, Known: true}
	var total int64
	firstIn := start + 1
	for i := firstIn; i <= last; i++ {
		total += int64(days[i].Pay)
		res.Paydays++
	}
	if start >= 0 {
		res.From = days[start].Payday
	} else {
		// No payday 8 weeks back: the period runs from the worker's first
		// pay period, taken as the first payday's distance before it.
		res.From = limit
	}
	if monthly {
		res.AWE = money.Money(total * 12 / 52 / int64(res.Paydays))
		return res
	}
	span := int64(to.DaysSince(res.From))
	if span <= 0 {
		span = 7
	}
	res.AWE = money.Money(total * 7 / span)
	return res
}
