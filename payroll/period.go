package payroll

import (
	"strings"
	"time"

	"patoolkit/civil"
)

// Frequency is how often a worker is paid. The zero value is "not set".
type Frequency int

// The pay frequencies the toolkit supports.
const (
	Weekly Frequency = iota + 1
	Fortnightly
	FourWeekly
	Monthly
)

const numFrequencies = 4

// frequencies holds what each frequency is called and how long it is,
// indexed by Frequency.index(): its name on the command line and in files,
// its code on an FPS, the weeks in one period (0 for monthly) and the
// periods in a year.
var frequencies = [numFrequencies]struct {
	name, fps      string
	weeks, perYear int
}{
	{"weekly", "W1", 1, 52},
	{"fortnightly", "W2", 2, 26},
	{"four-weekly", "W4", 4, 13},
	{"monthly", "M1", 0, 12},
}

// String gives the name used on the command line and in files: "weekly",
// "fortnightly", "four-weekly", "monthly".
func (f Frequency) String() string {
	if !f.valid() {
		return "unknown frequency"
	}
	return frequencies[f.index()].name
}

// FPSCode is the pay frequency as an FPS gives it: W1, W2, W4 or M1.
func (f Frequency) FPSCode() string {
	if !f.valid() {
		return ""
	}
	return frequencies[f.index()].fps
}

// ParseFrequency reads "weekly", "fortnightly", "four-weekly" (also
// "4-weekly" and "four weekly") or "monthly", in any case.
func ParseFrequency(s string) (Frequency, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "weekly":
		return Weekly, nil
	case "fortnightly":
		return Fortnightly, nil
	case "four-weekly", "4-weekly", "four weekly", "fourweekly":
		return FourWeekly, nil
	case "monthly":
		return Monthly, nil
	}
	return 0, invalidf("pay frequency %q is not valid: use weekly, fortnightly, four-weekly or monthly", s)
}

func (f Frequency) valid() bool { return f >= Weekly && f <= Monthly }

// index returns 0..3 for use in per-frequency tables.
func (f Frequency) index() int { return int(f) - 1 }

// Weeks returns the number of weeks in one pay period: 1, 2 or 4, or 0 for
// monthly pay.
func (f Frequency) Weeks() int {
	if !f.valid() {
		return 0
	}
	return frequencies[f.index()].weeks
}

// PeriodsPerYear returns 52, 26, 13 or 12 (a 53rd, 27th or 14th payday in
// a year is possible and is taxed on a week 1 basis).
func (f Frequency) PeriodsPerYear() int {
	if !f.valid() {
		return 0
	}
	return frequencies[f.index()].perYear
}

// TaxWeek returns the tax year of d and its tax week: week 1 is 6 to 12
// April, week n covers days 7(n-1) to 7n-1 after 6 April, and the last one
// or two days of the year (5 April, and 4 April in a leap year) are week
// 53.
func TaxWeek(d civil.Date) (TaxYear, int) {
	y := TaxYearOf(d)
	days := d.DaysSince(y.Start())
	return y, days/7 + 1
}

// TaxMonth returns the tax year of d and its tax month: month 1 is 6 April
// to 5 May, month 12 is 6 March to 5 April.
func TaxMonth(d civil.Date) (TaxYear, int) {
	y := TaxYearOf(d)
	m := int(d.Month) - int(time.April) // 0 for April
	if d.Day < 6 {
		m--
	}
	if m < 0 {
		m += 12
	}
	return y, m + 1
}

// PeriodOf returns the tax year and period of a payday: the tax week
// (weekly, fortnightly and four-weekly pay) or the tax month (monthly pay).
// week53 is true for a payday in week 53, which is taxed on a week 1 basis
// whatever the code (a 53rd weekly, 54th fortnightly or 56th four-weekly
// payday).
func PeriodOf(payday civil.Date, f Frequency) (year TaxYear, period int, week53 bool) {
	if f == Monthly {
		y, m := TaxMonth(payday)
		return y, m, false
	}
	y, w := TaxWeek(payday)
	return y, w, w == 53
}

// ValidatePeriod checks that period is a tax week (1 to 53) for pay by the
// week or a tax month (1 to 12) for monthly pay.
func ValidatePeriod(f Frequency, period int) error {
	if !f.valid() {
		return invalid("the pay frequency is not set: use weekly, fortnightly, four-weekly or monthly")
	}
	if f == Monthly {
		if period < 1 || period > 12 {
			return invalidf("period %d is out of range: for monthly pay the period is the tax month of the payday, 1 to 12 (month 1 is 6 April to 5 May)", period)
		}
		return nil
	}
	if period < 1 || period > 53 {
		return invalidf("period %d is out of range: for %s pay the period is the tax week of the payday, 1 to 53 (week 1 is 6 to 12 April)", period, f)
	}
	return nil
}

// TablePeriod returns the period number used for cumulative tax tables:
// the tax week for weekly pay, the even week (2, 4, ... 54) for fortnightly
// pay, the week 4, 8, ... 56 for four-weekly pay, and the tax month for
// monthly pay. A table period past 52 (week 53, 54 or 56) is taxed on a
// week 1 basis.
func TablePeriod(f Frequency, period int) int {
	switch f {
	case Fortnightly:
		return (period + 1) / 2 * 2
	case FourWeekly:
		return (period + 3) / 4 * 4
	}
	return period
}

// HoursBand is the FPS "hours normally worked" band.
type HoursBand byte

// The FPS hours bands.
const (
	HoursUnder16 HoursBand = 'A' // up to 15.99 hours a week
	Hours16To24  HoursBand = 'B' // 16 to 23.99
	Hours24To30  HoursBand = 'C' // 24 to 29.99
	Hours30Plus  HoursBand = 'D' // 30 or more
	HoursOther   HoursBand = 'E' // other, or irregular
)

// String returns the band letter.
func (b HoursBand) String() string { return string(rune(b)) }

// HoursBandFor returns the FPS hours band for the minutes worked in a
// period of frequency f, as an average week. No minutes gives E ("other").
func HoursBandFor(f Frequency, minutes int64) HoursBand {
	if minutes <= 0 || !f.valid() {
		return HoursOther
	}
	// Minutes in an average week, scaled by 12 to stay exact for monthly
	// pay (a month is 52/12 weeks).
	var week12 int64
	if f == Monthly {
		week12 = minutes * 12 * 12 / 52
	} else {
		week12 = minutes * 12 / int64(f.Weeks())
	}
	switch h := week12; {
	case h < 16*60*12:
		return HoursUnder16
	case h < 24*60*12:
		return Hours16To24
	case h < 30*60*12:
		return Hours24To30
	}
	return Hours30Plus
}
