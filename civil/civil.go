// Package civil holds Date, a calendar date with no time of day and no time
// zone: a start date, a date of birth, a payday. Dates are shown and typed
// day/month/year (06/04/2026) whatever the system locale, and stored as
// YYYY-MM-DD.
package civil

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date. The zero Date means "not set".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// New returns the date, normalising overflow as time.Date does.
func New(y int, m time.Month, d int) Date {
	return Of(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// Of returns the calendar date of t in t's own location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight at the start of d in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

func (d Date) utc() time.Time { return d.Time(time.UTC) }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return Of(d.utc().AddDate(0, 0, n)) }

// AddMonths returns d moved by n calendar months (31 Jan + 1 month = 3 Mar,
// as time.AddDate).
func (d Date) AddMonths(n int) Date { return Of(d.utc().AddDate(0, n, 0)) }

// DaysSince returns the number of days from e to d (d - e).
func (d Date) DaysSince(e Date) int {
	return int(d.utc().Sub(e.utc()).Hours() / 24)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp(int(d.Month), int(e.Month))
	default:
		return cmp(d.Day, e.Day)
	}
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// String returns the ISO form YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// UK returns the form shown to a person, DD/MM/YYYY, or "" when unset.
func (d Date) UK() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// Long returns "6 April 2026".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// ErrFormat is wrapped by every parse failure.
var ErrFormat = errors.New("not a date")

// Parse reads YYYY-MM-DD (files, CLI) or DD/MM/YYYY (typed by a person;
// "-" and "." also separate, and day and month may be one digit). It never
// reads MM/DD/YYYY. The empty string is an error; use ParseOptional where a
// date may be left blank.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, fmt.Errorf("%w: it is empty (write it as DD/MM/YYYY)", ErrFormat)
	}
	var y, m, d int
	var err error
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, m, d, err = nums(s[0:4], s[5:7], s[8:10])
	} else {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
		if len(parts) != 3 || len(parts[2]) != 4 {
			return Date{}, fmt.Errorf("%w: %q should be written as DD/MM/YYYY, for example 06/04/2026", ErrFormat, s)
		}
		d, m, y, err = nums(parts[0], parts[1], parts[2])
	}
	if err != nil {
		return Date{}, fmt.Errorf("%w: %q should be written as DD/MM/YYYY, for example 06/04/2026", ErrFormat, s)
	}
	if y < 1900 || y > 2200 {
		return Date{}, fmt.Errorf("%w: the year in %q should be between 1900 and 2200", ErrFormat, s)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("%w: %q has no month %d (months are 1 to 12)", ErrFormat, s, m)
	}
	out := New(y, time.Month(m), d)
	if d < 1 || out.Day != d {
		return Date{}, fmt.Errorf("%w: %s %d has no day %d", ErrFormat, time.Month(m), y, d)
	}
	return out, nil
}

// ParseOptional is Parse, but a blank string gives the zero Date.
func ParseOptional(s string) (Date, error) {
	if strings.TrimSpace(s) == "" {
		return Date{}, nil
	}
	return Parse(s)
}

// MustParse is Parse for literals in code and tests; it panics on a bad literal.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func nums(a, b, c string) (int, int, int, error) {
	var out [3]int
	for i, s := range []string{a, b, c} {
		if s == "" || len(s) > 4 {
			return 0, 0, 0, ErrFormat
		}
		for _, r := range s {
			if r < '0' || r > '9' {
				return 0, 0, 0, ErrFormat
			}
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, 0, 0, err
		}
		out[i] = n
	}
	return out[0], out[1], out[2], nil
}

// AgeOn returns the age in whole years of someone born on birth, on day d.
// Someone born on 29 February has their birthday on 1 March in other years.
func AgeOn(birth, d Date) int {
	age := d.Year - birth.Year
	if d.Month < birth.Month || (d.Month == birth.Month && d.Day < birth.Day) {
		age--
	}
	return age
}

// MarshalText writes YYYY-MM-DD ("" when unset).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads what Parse reads; "" is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseOptional(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// IsWeekend reports whether d is a Saturday or a Sunday.
func (d Date) IsWeekend() bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// WorkingDayOnOrBefore returns d, or the working day before it when d is
// a weekend day or a holiday (isHoliday may be nil): where a payday or a
// payment's due date moves to. It looks back at most 31 days, so a holiday
// function that says yes to every day cannot make it loop for ever.
func WorkingDayOnOrBefore(d Date, isHoliday func(Date) bool) Date {
	for i := 0; i < 31 && (d.IsWeekend() || (isHoliday != nil && isHoliday(d))); i++ {
		d = d.AddDays(-1)
	}
	return d
}
