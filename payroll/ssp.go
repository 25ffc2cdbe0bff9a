package payroll

import (
	"strconv"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/text"
)

// Weekdays is a set of days of the week (bit n is time.Weekday n).
type Weekdays uint8

// MondayToFriday is the usual set of qualifying days.
const MondayToFriday Weekdays = 1<<time.Monday | 1<<time.Tuesday | 1<<time.Wednesday | 1<<time.Thursday | 1<<time.Friday

// WeekdaysOf returns the set of the given days.
func WeekdaysOf(days ...time.Weekday) Weekdays {
	var w Weekdays
	for _, d := range days {
		if d >= time.Sunday && d <= time.Saturday {
			w |= 1 << d
		}
	}
	return w
}

// Has reports whether d is in the set.
func (w Weekdays) Has(d time.Weekday) bool { return d >= 0 && d <= 6 && w&(1<<d) != 0 }

// SickSpell is one unbroken run of days of incapacity for work, First to
// Last inclusive (every calendar day counts, working or not).
type SickSpell struct {
	First, Last civil.Date
	// AWE is the average weekly earnings over the relevant period (the
	// eight weeks ending with the last payday before First; earnings
	// subject to Class 1 NI). It is used when the spell starts a new
	// period of incapacity; a linked spell keeps the first one's AWE.
	AWE money.Money
}

// SSPInput is a worker's sickness history for working out SSP.
type SSPInput struct {
	// Spells in date order, not overlapping. Give the earlier spells that
	// may link (any that ended within 56 days of the next one, back to the
	// start of the linked series) so that linking, waiting days already
	// served and the 28-week maximum are applied.
	Spells []SickSpell
	// QualifyingDays is the weekly pattern of qualifying days (the days the
	// worker would normally work), used when QualifyingDates is empty.
	QualifyingDays Weekdays
	// QualifyingDates, when not empty, lists the qualifying days one by one
	// (for a worker on a rota); it should cover every Sunday-to-Saturday
	// week that a spell touches.
	QualifyingDates []civil.Date
}

// SSPDayStatus says what a day of sickness earned.
type SSPDayStatus byte

// The day statuses.
const (
	// SSPNotQualifying: not a qualifying day, so nothing is due for it.
	SSPNotQualifying SSPDayStatus = iota
	// SSPPaid: SSP is due.
	SSPPaid
	// SSPWaitingDay: one of the first qualifying days of a period of
	// incapacity, unpaid (rules before 6 April 2026).
	SSPWaitingDay
	// SSPNotPIW: the spell is too short to be a period of incapacity for
	// work (fewer than 4 days, rules before 6 April 2026).
	SSPNotPIW
	// SSPBelowLEL: average weekly earnings below the lower earnings limit
	// (rules before 6 April 2026).
	SSPBelowLEL
	// SSPExhausted: the 28-week maximum has been paid.
	SSPExhausted
	// SSPTransitionalNone: continuously absent without SSP since before 22
	// September 2025, so nothing is due from 6 April 2026 (transitional
	// rule; check).
	SSPTransitionalNone
)

// String names the status.
func (s SSPDayStatus) String() string {
	switch s {
	case SSPPaid:
		return "paid"
	case SSPWaitingDay:
		return "waiting day"
	case SSPNotPIW:
		return "not a period of incapacity"
	case SSPBelowLEL:
		return "earnings below the lower earnings limit"
	case SSPExhausted:
		return "28-week maximum reached"
	case SSPTransitionalNone:
		return "absent without SSP since before the change (transitional)"
	}
	return "not a qualifying day"
}

// SSPDay is the outcome for one day of sickness.
type SSPDay struct {
	Date       civil.Date
	Qualifying bool
	Status     SSPDayStatus
	// WeeklyRate is the weekly rate the day is paid at (paid days only).
	WeeklyRate money.Money
	// NewRules is true for days from 6 April 2026, under the Employment
	// Rights Act 2025 rules.
	NewRules bool
}

// SSPWeek is the SSP due for the paid days of one Sunday-to-Saturday
// week at one weekly rate.
type SSPWeek struct {
	WeekStart      civil.Date // a Sunday
	WeeklyRate     money.Money
	QualifyingDays int // qualifying days in the whole week
	DaysPaid       int
	// Amount = weekly rate x days paid / qualifying days, rounded up to the
	// penny.
	Amount money.Money
}

// SSPResult is the SSP due for a sickness history.
type SSPResult struct {
	Days  []SSPDay
	Weeks []SSPWeek
	Total money.Money
	// Reasons explain, in plain words, why days earned nothing (waiting
	// days aside from these when some SSP is paid). Empty when every
	// qualifying day is paid.
	Reasons []string
}

// AmountBetween returns the SSP for paid days from from to to inclusive,
// each week's part rounded up to the penny: what a pay period covering
// those days pays.
func (r SSPResult) AmountBetween(from, to civil.Date) money.Money {
	var total money.Money
	for _, w := range r.Weeks {
		n := 0
		for _, d := range r.Days {
			if d.Status == SSPPaid && d.WeeklyRate == w.WeeklyRate && !d.Date.Before(w.WeekStart) &&
				d.Date.Before(w.WeekStart.AddDays(7)) && !d.Date.Before(from) && !d.Date.After(to) {
				n++
			}
		}
		if n > 0 {
			total += sspAmount(w.WeeklyRate, n, w.QualifyingDays)
		}
	}
	return total
}

// Limits on the history, to keep the work bounded.
const (
	maxSpellDays    = 3 * 366 // a linked period of incapacity ends after three years
	maxSicknessDays = 10 * 366
)

// sspUnitsPerWeek counts a week of entitlement in units that divide
// exactly by any number of qualifying days from 1 to 7.
const sspUnitsPerWeek = 420

// SSP works out Statutory Sick Pay for a sickness history under the rules
// in force on each day:
//
// Before 6 April 2026: a period of incapacity for work (PIW) needs 4 or
// more consecutive days of incapacity; the first 3 qualifying days of a
// (linked) PIW are waiting days; average weekly earnings must reach the
// weekly LEL (of the tax year the linked period began in); the flat weekly
// rate of the tax year is paid.
//
// From 6 April 2026 (Employment Rights Act 2025): a PIW may be a single
// day; no waiting days; no LEL test; the weekly rate is the lower of the
// flat rate and 80% of AWE (80% rounded up to the penny; check).
//
// Always: PIWs no more than 56 days apart link, and the linked period keeps
// the first PIW's AWE (and waiting days already served); a linked period
// lasts at most three years; at most 28 weeks are paid, each paid day
// counting as 1/q of a week where q is the number of qualifying days in its
// Sunday-to-Saturday week (a week with none agreed has Wednesday, SSP
// (General) Regulations 1982 reg 5); the amount for n days in a week is the
// weekly rate x n / q rounded up to the penny.
//
// Transitional rules (DWP guidance as reported by payroll bodies; check):
// someone paid SSP before 6 April 2026 and still off keeps the flat rate
// rather than 80% of AWE until the spell ends; someone serving waiting days
// or below the LEL on 6 April is paid from 6 April under the new rules;
// someone continuously absent without SSP since before 22 September 2025
// (28 weeks before the change) gets nothing for that spell.
func SSP(in SSPInput) (SSPResult, error) {
	if err := checkSSPInput(in); err != nil {
		return SSPResult{}, err
	}
	change, hasChange := sspChangeDate()
	qualifying := qualifyingFunc(in)

	var res SSPResult
	reasons := map[string]bool{}
	addReason := func(s string) {
		if !reasons[s] {
			reasons[s] = true
			res.Reasons = append(res.Reasons, s)
		}
	}
	ruleNote := func(d civil.Date) string {
		if hasChange && d.Before(change) {
			return " (rule before " + change.Long() + ")"
		}
		return ""
	}

	// The linked series in progress.
	var (
		inSeries    bool
		seriesStart civil.Date
		seriesEnd   civil.Date
		seriesAWE   money.Money
		seriesLEL   money.Money
		waiting     int
		units       int
	)
	for _, sp := range in.Spells {
		length := sp.Last.DaysSince(sp.First) + 1
		// The first day of the spell that forms part of a PIW.
		piwStart := civil.Date{}
		for d := sp.First; !d.After(sp.Last); d = d.AddDays(1) {
			rates, err := RatesOn(d)
			if err != nil {
				return SSPResult{}, err
			}
			if length >= rates.SSP.MinPIWDays {
				piwStart = d
				break
			}
		}
		if piwStart.IsZero() {
			for d := sp.First; !d.After(sp.Last); d = d.AddDays(1) {
				res.Days = append(res.Days, SSPDay{Date: d, Qualifying: qualifying(d), Status: SSPNotPIW})
			}
			addReason("the sickness from " + sp.First.UK() + " to " + sp.Last.UK() + " lasted " + text.Count(length, "day", "days") +
				", fewer than 4, so it is not a period of incapacity for work" + ruleNote(sp.First))
			continue
		}
		// Link to the series, or start a new one.
		if !inSeries || piwStart.DaysSince(seriesEnd) > 57 || !piwStart.Before(seriesStart.AddMonths(36)) {
			inSeries, seriesStart, seriesAWE, waiting, units = true, piwStart, sp.AWE, 0, 0
			startRates, err := RatesOn(piwStart)
			if err != nil {
				return SSPResult{}, err
			}
			seriesLEL = startRates.NIThresholds[Weekly.index()].LEL
		}
		seriesEnd = sp.Last

		paidBeforeChange := false
		for d := sp.First; !d.After(sp.Last); d = d.AddDays(1) {
			rates, err := RatesOn(d)
			if err != nil {
				return SSPResult{}, err
			}
			rules := &rates.SSP
			day := SSPDay{Date: d, Qualifying: qualifying(d), NewRules: hasChange && !d.Before(change)}
			switch {
			case d.Before(piwStart):
				day.Status = SSPNotPIW
			case !day.Qualifying:
				day.Status = SSPNotQualifying
			case day.NewRules && sp.First.Before(change.AddDays(-28*7)) && !paidBeforeChange:
				day.Status = SSPTransitionalNone
				addReason("absent without SSP since before " + change.AddDays(-28*7).UK() + ", so nothing is due from " +
					change.UK() + " (transitional rule; check)")
			case rules.LELTest && seriesAWE < seriesLEL:
				day.Status = SSPBelowLEL
				addReason("average weekly earnings " + seriesAWE.Format() + " are below the lower earnings limit " +
					seriesLEL.Format() + ruleNote(d))
			case waiting < rules.WaitingDays:
				day.Status = SSPWaitingDay
				waiting++
			default:
				cost := sspUnitsPerWeek / qualifyingInWeek(d, qualifying)
				if units+cost > rules.MaxWeeks*sspUnitsPerWeek {
					day.Status = SSPExhausted
					addReason("the maximum of " + strconv.Itoa(rules.MaxWeeks) + " weeks of SSP had been paid before " + d.UK())
					break
				}
				units += cost
				day.Status = SSPPaid
				day.WeeklyRate = rules.WeeklyRate
				if rules.PercentOfAWE > 0 && !paidBeforeChange {
					pct := money.Money(ceilDiv(int64(seriesAWE)*int64(rules.PercentOfAWE), 10000))
					day.WeeklyRate = min(day.WeeklyRate, pct)
				}
				if !day.NewRules {
					paidBeforeChange = true
				}
			}
			res.Days = append(res.Days, day)
		}
	}

	// Group paid days by Sunday-to-Saturday week and weekly rate (a week
	// that spans 6 April 2026 may have two rates).
	for _, d := range res.Days {
		if d.Status != SSPPaid {
			continue
		}
		start := d.Date.AddDays(-int(d.Date.Weekday()))
		k := len(res.Weeks) - 1
		for ; k >= 0; k-- {
			if res.Weeks[k].WeekStart == start && res.Weeks[k].WeeklyRate == d.WeeklyRate {
				break
			}
		}
		if k < 0 {
			res.Weeks = append(res.Weeks, SSPWeek{WeekStart: start, WeeklyRate: d.WeeklyRate, QualifyingDays: qualifyingInWeek(d.Date, qualifying)})
			k = len(res.Weeks) - 1
		}
		res.Weeks[k].DaysPaid++
	}
	for k := range res.Weeks {
		w := &res.Weeks[k]
		w.Amount = sspAmount(w.WeeklyRate, w.DaysPaid, w.QualifyingDays)
		res.Total += w.Amount
	}
	return res, nil
}

// sspAmount is weekly x n / q rounded up to the penny.
func sspAmount(weekly money.Money, n, q int) money.Money {
	if q <= 0 || n <= 0 {
		return 0
	}
	return money.Money(ceilDiv(int64(weekly)*int64(n), int64(q)))
}

// sspChangeDate returns the first day of the first supported tax year
// whose SSP rules pay a share of AWE (6 April 2026).
func sspChangeDate() (civil.Date, bool) {
	for _, r := range registry {
		if r.SSP.PercentOfAWE > 0 {
			return r.Year.Start(), true
		}
	}
	return civil.Date{}, false
}

// qualifyingFunc returns the test for a qualifying day.
func qualifyingFunc(in SSPInput) func(civil.Date) bool {
	if len(in.QualifyingDates) > 0 {
		set := make(map[civil.Date]bool, len(in.QualifyingDates))
		for _, d := range in.QualifyingDates {
			set[d] = true
		}
		// A week with no qualifying day agreed has Wednesday.
		return func(d civil.Date) bool {
			if set[d] {
				return true
			}
			if d.Weekday() != time.Wednesday {
				return false
			}
			sun := d.AddDays(-int(time.Wednesday))
			for i := 0; i < 7; i++ {
				if set[sun.AddDays(i)] {
					return false
				}
			}
			return true
		}
	}
	pattern := in.QualifyingDays
	return func(d civil.Date) bool { return pattern.Has(d.Weekday()) }
}

// qualifyingInWeek counts the qualifying days in the Sunday-to-Saturday
// week containing d (at least 1).
func qualifyingInWeek(d civil.Date, qualifying func(civil.Date) bool) int {
	sun := d.AddDays(-int(d.Weekday()))
	n := 0
	for i := 0; i < 7; i++ {
		if qualifying(sun.AddDays(i)) {
			n++
		}
	}
	return max(n, 1)
}

func checkSSPInput(in SSPInput) error {
	if len(in.Spells) == 0 {
		return invalid("no sickness given: give each spell's first and last day")
	}
	if in.QualifyingDays&0x7f == 0 && len(in.QualifyingDates) == 0 {
		return invalid("no qualifying days given: say which days of the week the worker would normally work (for example Monday to Friday)")
	}
	total := 0
	for i, sp := range in.Spells {
		if sp.First.IsZero() || sp.Last.IsZero() {
			return invalidf("sickness spell %d has no first or last day", i+1)
		}
		if sp.Last.Before(sp.First) {
			return invalidf("the sickness from %s ends on %s, before it starts", sp.First.UK(), sp.Last.UK())
		}
		n := sp.Last.DaysSince(sp.First) + 1
		if n > maxSpellDays {
			return invalidf("the sickness from %s to %s is longer than three years, the most a period of incapacity for work can last", sp.First.UK(), sp.Last.UK())
		}
		total += n
		if total > maxSicknessDays {
			return invalid("the sickness history is longer than ten years: give only the spells that may link")
		}
		if sp.AWE < 0 || sp.AWE > MaxPeriodPay {
			return invalidf("average weekly earnings for the sickness from %s must be from £0.00 to %s", sp.First.UK(), MaxPeriodPay.Format())
		}
		if i > 0 && !sp.First.After(in.Spells[i-1].Last) {
			return invalidf("the sickness from %s overlaps or comes before the one from %s: give spells in date order without overlaps", sp.First.UK(), in.Spells[i-1].First.UK())
		}
		if _, err := RatesOn(sp.First); err != nil {
			return err
		}
		if _, err := RatesOn(sp.Last); err != nil {
			return err
		}
	}
	return nil
}
