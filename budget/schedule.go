package budget

import (
	"fmt"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
)

// Schedule is money paid on a regular pattern: the council's payment, the
// person's contribution, a monthly bill.
type Schedule struct {
	// Label names the money in a forecast's events ("Council payment");
	// it may be empty.
	Label     string              `json:"label,omitempty"`
	Amount    money.Money         `json:"amount"`
	Frequency household.Frequency `json:"frequency"`
	// First is the date of the first payment; the pattern runs from it.
	First civil.Date `json:"first"`
	// Until is the last date a payment may fall on; zero means no end.
	Until civil.Date `json:"until,omitempty"`
}

// CheckSchedule says what is wrong with a schedule, or "" when it is
// usable. label names it in the message ("The council's payment").
func CheckSchedule(label string, s Schedule) string {
	switch {
	case s.First.IsZero():
		return label + " needs the date of its first payment."
	case !knownFrequency(s.Frequency):
		return fmt.Sprintf("%s needs a frequency: weekly, fortnightly, every 4 weeks or monthly.", label)
	case s.Amount < 0:
		return label + " can't be less than £0.00."
	case !s.Until.IsZero() && s.Until.Before(s.First):
		return fmt.Sprintf("%s ends (%s) before its first payment (%s).", label, s.Until.UK(), s.First.UK())
	}
	return ""
}

func knownFrequency(f household.Frequency) bool {
	switch f {
	case household.Weekly, household.Fortnightly, household.FourWeekly, household.Monthly:
		return true
	}
	return false
}

func stepDays(f household.Frequency) int {
	switch f {
	case household.Weekly:
		return 7
	case household.Fortnightly:
		return 14
	case household.FourWeekly:
		return 28
	}
	return 0
}

// Dates returns the payment dates from from to to, both included, in
// order. Nothing falls before First or after Until. A schedule with no
// First or an unknown frequency has no dates.
//
// Monthly payments fall on First's day of the month; in a month too short
// for it they fall on the month's last day (from 31 January: 28 or 29
// February, 31 March, 30 April). The day never drifts: after February the
// payment is back on the 31st.
func (s Schedule) Dates(from, to civil.Date) []civil.Date {
	var out []civil.Date
	s.each(from, to, func(d civil.Date) { out = append(out, d) })
	return out
}

func (s Schedule) each(from, to civil.Date, f func(civil.Date)) {
	if s.First.IsZero() || !knownFrequency(s.Frequency) {
		return
	}
	if from.Before(s.First) {
		from = s.First
	}
	if !s.Until.IsZero() && s.Until.Before(to) {
		to = s.Until
	}
	if to.Before(from) {
		return
	}
	if step := stepDays(s.Frequency); step > 0 {
		k := 0
		if gap := from.DaysSince(s.First); gap > 0 {
			k = (gap + step - 1) / step
		}
		for d := s.First.AddDays(k * step); !d.After(to); d = d.AddDays(step) {
			f(d)
		}
		return
	}
	// Monthly: count months from First.
	k := (from.Year-s.First.Year)*12 + int(from.Month) - int(s.First.Month)
	if k < 0 {
		k = 0
	}
	for ; ; k++ {
		d := monthlyDate(s.First, k)
		if d.After(to) {
			return
		}
		if !d.Before(from) {
			f(d)
		}
	}
}

// monthlyDate is first moved k months, its day clamped to the month's end.
func monthlyDate(first civil.Date, k int) civil.Date {
	m0 := int(first.Month) - 1 + k
	y := first.Year + m0/12
	m := time.Month(m0%12 + 1)
	last := civil.New(y, m+1, 0).Day // day 0 of next month = last day of this one
	d := first.Day
	if d > last {
		d = last
	}
	return civil.Date{Year: y, Month: m, Day: d}
}

// WeeksOf is weeks weeks' worth of amount paid at freq, worked out exactly
// and rounded once, to the penny, halves away from zero: 8 weeks of
// £1,300.00 a month is £1,300.00 × 12 × 8 ÷ 52 = £2,400.00. Rounding once
// (rather than multiplying a rounded weekly figure) keeps the surplus
// limit to the penny a council would work out. An unknown frequency or
// weeks below 1 gives 0.
func WeeksOf(weeks int, amount money.Money, freq household.Frequency) money.Money {
	if weeks < 1 {
		return 0
	}
	var num, den int64
	switch freq {
	case household.Weekly:
		num, den = 1, 1
	case household.Fortnightly:
		num, den = 1, 2
	case household.FourWeekly:
		num, den = 1, 4
	case household.Monthly:
		num, den = 12, 52
	default:
		return 0
	}
	return money.Money(divRound(int64(amount)*num*int64(weeks), den))
}

// divRound divides, rounding halves away from zero.
func divRound(a, b int64) int64 {
	q, r := a/b, a%b
	if r < 0 {
		r = -r
	}
	if 2*r >= b {
		if a < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}
