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
	// Days is how many days the week covers, 1 to 7 (0 means 7): the
	// first week of a pay period split into weeks may be short.
	Days int
}

// days is the week's length in days.
func (w WeekPay) days() int64 {
	if w.Days <= 0 || w.Days > 7 {
		return 7
	}
	return int64(w.Days)
}

// WeeksPayResult is a week's pay for a worker with variable pay.
type WeeksPayResult struct {
	// Average is the week's pay: Total / Weeks, to the nearest penny
	// (halves up), a short week counting as the part of a week it covers
	// (Total x 7 / Days). Zero when no week had pay.
	Average money.Money
	Total   money.Money
	// Weeks is the number of paid weeks used (at most 52), and Days the
	// days they cover.
	Weeks int
	Days  int64
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
		res.Days += w.days()
	}
	res.Weeks = len(weeks)
	res.Average = money.Money(divRoundHalfUp(int64(res.Total)*7, res.Days))
	res.Latest, res.Earliest = weeks[0].WeekEnding, weeks[len(weeks)-1].WeekEnding
	return res, nil
}

// PaidPeriod is one past payslip's period: its days (From to To,
// inclusive), the pay that counts for holiday pay, and the minutes worked.
// The caller decides what pay counts; the law (Employment Rights Act 1996
// s.221-224 and the Working Time Regulations) does not simply take gross
// less holiday pay.
type PaidPeriod struct {
	From, To civil.Date
	Pay      money.Money
	Minutes  int64
}

// AverageWeek is a week's pay, and the average working week, worked out
// from past pay periods.
type AverageWeek struct {
	// Pay is a week's pay (see WeeksPay).
	Pay money.Money
	// Minutes is the average minutes worked a week over the same weeks,
	// to the nearest minute (halves up).
	Minutes int64
	// Weeks is the number of weeks used; Earliest and Latest are the last
	// days of the earliest and latest of them.
	Weeks            int
	Earliest, Latest civil.Date
	// HourlyRate is Pay x 60 / Minutes to the nearest penny (halves up),
	// zero when Minutes is zero.
	HourlyRate money.Money
}

// maxPaidPeriodDays is the longest pay period accepted: 53 weeks.
const maxPaidPeriodDays = 53 * 7

// AverageWeekBefore works out a week's pay for leave starting on
// leaveStarts. Each period is split into 7-day weeks counted back from its
// last day (the first week gets what is left over, so it may be short),
// and its pay and minutes are shared between the weeks by days, in whole
// pence and minutes, any remainder going to the last week so the weeks add
// up exactly to the period. WeeksPay then picks the weeks (the last 52
// weeks with pay before the leave, looking back at most 104 weeks) and the
// minutes are averaged over the same weeks. Periods may not overlap.
func AverageWeekBefore(leaveStarts civil.Date, periods []PaidPeriod) (AverageWeek, error) {
	if leaveStarts.IsZero() {
		return AverageWeek{}, invalid("the first day of the leave is needed to find the weeks before it")
	}
	sorted := make([]PaidPeriod, 0, len(periods))
	for _, p := range periods {
		if p.From.IsZero() || p.To.IsZero() {
			return AverageWeek{}, invalid("a pay period in the history has no first or last day")
		}
		if p.To.Before(p.From) {
			return AverageWeek{}, invalidf("the pay period %s to %s ends before it starts", p.From.UK(), p.To.UK())
		}
		if p.To.DaysSince(p.From)+1 > maxPaidPeriodDays {
			return AverageWeek{}, invalidf("the pay period %s to %s is longer than 53 weeks", p.From.UK(), p.To.UK())
		}
		if err := checkAmount("pay for the period "+p.From.UK()+" to "+p.To.UK(), p.Pay, MaxPeriodPay); err != nil {
			return AverageWeek{}, err
		}
		if p.Minutes < 0 || p.Minutes > maxLineMinutes {
			return AverageWeek{}, invalidf("minutes worked in the period %s to %s must be from 0 to %d", p.From.UK(), p.To.UK(), maxLineMinutes)
		}
		sorted = append(sorted, p)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].From.Before(sorted[j].From) })
	for i := 1; i < len(sorted); i++ {
		if a, b := sorted[i-1], sorted[i]; !b.From.After(a.To) {
			return AverageWeek{}, invalidf("the pay periods %s to %s and %s to %s overlap: each day may be in one period only",
				a.From.UK(), a.To.UK(), b.From.UK(), b.To.UK())
		}
	}

	var weeks []WeekPay
	minutes := make(map[civil.Date]int64)
	for _, p := range sorted {
		for _, w := range splitWeeks(p) {
			weeks = append(weeks, WeekPay{WeekEnding: w.end, Pay: w.pay, Days: w.days})
			minutes[w.end] = w.minutes
		}
	}
	wp, err := WeeksPay(leaveStarts, weeks)
	if err != nil {
		return AverageWeek{}, err
	}
	res := AverageWeek{Pay: wp.Average, Weeks: wp.Weeks, Earliest: wp.Earliest, Latest: wp.Latest}
	if wp.Weeks == 0 {
		return res, nil
	}
	// The weeks WeeksPay used are exactly the weeks with pay from Earliest
	// to Latest: week endings are unique because periods do not overlap.
	var total int64
	for _, w := range weeks {
		if w.Pay != 0 && !w.WeekEnding.Before(wp.Earliest) && !w.WeekEnding.After(wp.Latest) {
			total += minutes[w.WeekEnding]
		}
	}
	res.Minutes = divRoundHalfUp(total*7, wp.Days)
	if res.Minutes > 0 {
		res.HourlyRate = money.Money(divRoundHalfUp(int64(res.Pay)*60, res.Minutes))
	}
	return res, nil
}

// paidWeek is one week of a pay period.
type paidWeek struct {
	end     civil.Date
	days    int
	pay     money.Money
	minutes int64
}

// splitWeeks splits a checked period into 7-day weeks counted back from
// its last day, the earliest week holding the days left over. Pay and
// minutes are shared by days, rounded down, and the last week takes what
// is left, so the weeks add up exactly to the period.
func splitWeeks(p PaidPeriod) []paidWeek {
	days := int64(p.To.DaysSince(p.From) + 1)
	weeks := make([]paidWeek, 0, (days+6)/7)
	payLeft, minLeft := p.Pay, p.Minutes
	end := p.From.AddDays(int((days + 6) % 7)) // the earliest week's last day
	for {
		start := end.AddDays(-6)
		if start.Before(p.From) {
			start = p.From
		}
		wdays := int64(end.DaysSince(start) + 1)
		w := paidWeek{end: end, days: int(wdays), pay: money.Money(int64(p.Pay) * wdays / days), minutes: p.Minutes * wdays / days}
		if end == p.To {
			w.pay, w.minutes = payLeft, minLeft
		}
		payLeft -= w.pay
		minLeft -= w.minutes
		weeks = append(weeks, w)
		if end == p.To {
			return weeks
		}
		end = end.AddDays(7)
	}
}
