package payroll

import (
	"sort"

	"patoolkit/civil"
	"patoolkit/money"
)

// HolidayAccrualRate is the share of hours worked that irregular-hours and
// part-year workers accrue as holiday, and the rate of rolled-up holiday
// pay: 12.07% (5.6 weeks / 46.4 weeks; Working Time Regulations 1998 reg
// 15A and 16, from leave years starting on or after 1 April 2024).
const HolidayAccrualRate Percent = 1207

// AccruedHolidayMinutes returns the holiday accrued by working
// workedMinutes in a pay period: 12.07% of the minutes, rounded to the
// nearest whole minute (halves up). Rounding per period to the minute
// keeps the error under half a minute a period, far inside what the
// regulations' own rounding (to the nearest hour or above) allows.
func AccruedHolidayMinutes(workedMinutes int64) int64 {
	if workedMinutes <= 0 {
		return 0
	}
	return divRoundHalfUp(workedMinutes*int64(HolidayAccrualRate), 10000)
}

// RolledUpHolidayPay returns rolled-up holiday pay on pay for work done:
// 12.07%, rounded to the nearest penny (halves up). It must appear as its
// own line on the payslip.
func RolledUpHolidayPay(pay money.Money) money.Money {
	if pay <= 0 {
		return 0
	}
	return HolidayAccrualRate.OfHalfUp(pay)
}

// WeekPay is one week's pay for working out a week's holiday pay.
type WeekPay struct {
	WeekEnding civil.Date
	Pay        money.Money
}

// WeeksPayResult is a week's pay for a worker with variable pay.
type WeeksPayResult struct {
	// Average is the week's pay: Total / Weeks, to the nearest penny
	// (halves up). Zero when no week had pay.
	Average money.Money
	Total   money.Money
	// Weeks is the number of paid weeks used (at most 52).
	Weeks int
	// Earliest and Latest are the week endings of the weeks used.
	Earliest, Latest civil.Date
}

// WeeksPay returns a week's pay for holiday starting on leaveStarts: the
// average pay of the last 52 weeks with pay that ended before the leave,
// skipping weeks without pay and looking back no more than 104 weeks
// (Employment Rights Act 1996 s.224 as amended from 6 April 2020). Fewer
// than 52 paid weeks are averaged over the number there are.
func WeeksPay(leaveStarts civil.Date, history []WeekPay) (WeeksPayResult, error) {
	if leaveStarts.IsZero() {
		return WeeksPayResult{}, invalid("the first day of the leave is needed to find the weeks before it")
	}
	limit := leaveStarts.AddDays(-104 * 7)
	weeks := make([]WeekPay, 0, len(history))
	for _, w := range history {
		if w.WeekEnding.IsZero() {
			return WeeksPayResult{}, invalid("a week in the pay history has no week-ending date")
		}
		if err := checkAmount("pay for the week ending "+w.WeekEnding.UK(), w.Pay, MaxPeriodPay); err != nil {
			return WeeksPayResult{}, err
		}
		if w.Pay == 0 || !w.WeekEnding.Before(leaveStarts) || !w.WeekEnding.After(limit) {
			continue
		}
		weeks = append(weeks, w)
	}
	sort.Slice(weeks, func(i, j int) bool { return weeks[i].WeekEnding.After(weeks[j].WeekEnding) })
	for i := 1; i < len(weeks); i++ {
		if weeks[i].WeekEnding == weeks[i-1].WeekEnding {
			return WeeksPayResult{}, invalidf("the week ending %s appears twice in the pay history", weeks[i].WeekEnding.UK())
		}
	}
	if len(weeks) > 52 {
		weeks = weeks[:52]
	}
	var res WeeksPayResult
	if len(weeks) == 0 {
		return res, nil
	}
	for _, w := range weeks {
		res.Total += w.Pay
	}
	res.Weeks = len(weeks)
	res.Average = money.Money(divRoundHalfUp(int64(res.Total), int64(res.Weeks)))
	res.Latest, res.Earliest = weeks[0].WeekEnding, weeks[len(weeks)-1].WeekEnding
	return res, nil
}
