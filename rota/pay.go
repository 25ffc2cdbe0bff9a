package rota

import (
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// Rates are a PA's contract rates in force on a day. A zero WakingNight,
// Weekend or BankHoliday rate means "use the Day rate".
type Rates struct {
	Day, WakingNight, Weekend, BankHoliday money.Money // per hour
	SleepIn                                money.Money // flat, per sleep-in
}

// maxRate is the largest rate accepted (£10,000 an hour or a night):
// anything more is a typing mistake, and keeping rates small keeps the
// arithmetic far from overflowing.
const maxRate = money.Money(1_000_000)

// Validate checks the rates.
func (r Rates) Validate() error {
	for _, x := range []struct {
		name string
		v    money.Money
	}{{"day", r.Day}, {"waking night", r.WakingNight}, {"weekend", r.Weekend}, {"bank holiday", r.BankHoliday}, {"sleep-in", r.SleepIn}} {
		if x.v < 0 {
			return invalidf("The %s rate in the contract is negative (%s): correct the contract.", x.name, x.v.Format())
		}
		if x.v > maxRate {
			return invalidf("The %s rate in the contract is %s, which looks like a typing mistake: correct the contract.", x.name, x.v.Format())
		}
	}
	return nil
}

// PayClass says which rate a piece of paid time is paid at.
type PayClass string

// The pay classes.
const (
	ClassDay         PayClass = "day"
	ClassWakingNight PayClass = "waking-night"
	ClassWeekend     PayClass = "weekend"
	ClassBankHoliday PayClass = "bank-holiday"
	// ClassSleepIn is the flat sleep-in allowance.
	ClassSleepIn PayClass = "sleep-in allowance"
)

// Label returns the class as shown on a payslip or timesheet.
func (c PayClass) Label() string { return labelOr(payClassLabels, c, string(c)) }

var payClassLabels = map[PayClass]string{
	ClassDay: "Day", ClassWakingNight: "Waking night", ClassWeekend: "Weekend",
	ClassBankHoliday: "Bank holiday", ClassSleepIn: "Sleep-in allowance",
}

// ClassOn returns the class of hourly time of a shift of type t falling on
// local date d: the bank holiday rate on a bank holiday, else the weekend
// rate on a Saturday or Sunday, else the waking-night rate for a waking
// night (and for time woken during a sleep-in), else the day rate.
func ClassOn(d civil.Date, t ShiftType) PayClass {
	switch {
	case IsBankHoliday(d):
		return ClassBankHoliday
	case d.Weekday() == time.Saturday || d.Weekday() == time.Sunday:
		return ClassWeekend
	case t == WakingNight || t == SleepIn:
		return ClassWakingNight
	}
	return ClassDay
}

// Hourly returns the hourly rate of class c, falling back to the day rate
// where the contract leaves it at zero. It returns the flat allowance for
// ClassSleepIn.
func (r Rates) Hourly(c PayClass) money.Money {
	var v money.Money
	switch c {
	case ClassSleepIn:
		return r.SleepIn
	case ClassWakingNight:
		v = r.WakingNight
	case ClassWeekend:
		v = r.Weekend
	case ClassBankHoliday:
		v = r.BankHoliday
	}
	if v == 0 {
		v = r.Day
	}
	return v
}

// HourlyFor returns the hourly rate for time of a shift of type t on
// local date d (for a sleep-in, the rate its woken time is paid at). It is
// the rate the minimum wage check compares.
func (r Rates) HourlyFor(d civil.Date, t ShiftType) money.Money { return r.Hourly(ClassOn(d, t)) }

// PayPart is one line of a shift's pay.
type PayPart struct {
	Date  civil.Date
	Class PayClass
	// Minutes paid at Rate; 0 on the sleep-in allowance line (a flat sum).
	Minutes int
	Rate    money.Money // per hour, or the allowance
	Amount  money.Money
}

// ShiftPay is what a shift pays.
type ShiftPay struct {
	Lines []PayPart
	Total money.Money
	// PaidMinutes is the time paid at hourly rates (Shift.PaidMinutes).
	PaidMinutes int
}

// AmountFor returns minutes at rate per hour, rounded to the nearest penny
// with a half penny rounded up.
func AmountFor(minutes int, rate money.Money) money.Money {
	p := int64(minutes) * int64(rate)
	if p >= 0 {
		return money.Money((p + 30) / 60)
	}
	return -money.Money((-p + 30) / 60)
}

// part is a piece of a shift's paid time on one local date.
type part struct {
	date    civil.Date
	class   PayClass
	minutes int
}

// paidParts splits the shift's paid hourly time by local date and class.
//
// Day and waking-night shifts are split at local midnights; the unpaid
// break is taken from the part with the most minutes (the earlier on a
// tie), and any rest from the next largest. A sleep-in's woken minutes are
// one part dated the day the shift starts, of ClassOn(that date, SleepIn).
// Parts with no minutes are left out.
func paidParts(s Shift) []part {
	start := s.Date()
	if s.Type == SleepIn {
		if s.WokenMinutes <= 0 {
			return nil
		}
		return []part{{start, ClassOn(start, SleepIn), s.WokenMinutes}}
	}
	total := s.Minutes()
	if total > MaxShiftMinutes {
		return nil // not a shift: Validate refuses it
	}
	var parts []part
	done := 0
	for d := start; done < total; d = d.AddDays(1) {
		edge := d.AddDays(1).Time(london)
		upTo := total
		if edge.Before(s.End) {
			upTo = int(edge.Sub(s.Start) / time.Minute)
		}
		if upTo > done {
			parts = append(parts, part{d, ClassOn(d, s.Type), upTo - done})
			done = upTo
		}
	}
	brk := max(s.BreakMinutes, 0)
	for brk > 0 {
		big := -1
		for i, p := range parts {
			if p.minutes > 0 && (big < 0 || p.minutes > parts[big].minutes) {
				big = i
			}
		}
		if big < 0 {
			break
		}
		take := min(brk, parts[big].minutes)
		parts[big].minutes -= take
		brk -= take
	}
	out := parts[:0]
	for _, p := range parts {
		if p.minutes > 0 {
			out = append(out, p)
		}
	}
	return out
}

// CostShift returns what the shift pays the PA, at the contract rates in
// force on the day the shift STARTS (rates(date) returns them, false when
// no contract covers the date): a rise from 1 April applies to shifts
// starting on or after 1 April, and a night shift starting on 31 March is
// paid wholly at the old rates.
//
// Paid time is split at local midnights (see ClassOn for which rate each
// part gets, and paidParts for where the break comes off). A sleep-in pays
// its allowance once, plus its woken minutes at the waking-night rate (or
// the weekend or bank holiday rate if it starts on such a day). Each
// line's amount is minutes x rate / 60 rounded to the nearest penny, half
// up; the total is the sum of the lines.
//
// The status is not looked at: the caller costs the shifts that are paid
// (Status.PaysPA).
func CostShift(s Shift, rates func(civil.Date) (Rates, bool)) (ShiftPay, error) {
	if err := s.Validate(); err != nil {
		return ShiftPay{}, err
	}
	if rates == nil {
		return ShiftPay{}, invalidf("No contract rates were given for this shift: add a contract for the PA.")
	}
	d := s.Date()
	r, ok := rates(d)
	if !ok {
		return ShiftPay{}, invalidf("No contract is in force on %s for this shift's PA: add a contract that starts on or before that date.", d.UK())
	}
	if err := r.Validate(); err != nil {
		return ShiftPay{}, err
	}
	var out ShiftPay
	if s.Type == SleepIn {
		if r.SleepIn == 0 {
			return ShiftPay{}, invalidf("The contract in force on %s has no sleep-in allowance: add one to the contract.", d.UK())
		}
		out.Lines = append(out.Lines, PayPart{Date: d, Class: ClassSleepIn, Rate: r.SleepIn, Amount: r.SleepIn})
	}
	for _, p := range paidParts(s) {
		rate := r.Hourly(p.class)
		if rate == 0 {
			return ShiftPay{}, invalidf("The contract in force on %s has no hourly rate: add the day rate to the contract.", d.UK())
		}
		out.Lines = append(out.Lines, PayPart{Date: p.date, Class: p.class, Minutes: p.minutes, Rate: rate, Amount: AmountFor(p.minutes, rate)})
		out.PaidMinutes += p.minutes
	}
	for _, l := range out.Lines {
		out.Total += l.Amount
	}
	return out, nil
}
