package payroll

import (
	"strconv"
	"strings"
	"time"

	"patoolkit/civil"
)

// TaxYear is a UK tax year, named by the calendar year in which it starts:
// TaxYear(2026) is 2026-27, from 6 April 2026 to 5 April 2027.
type TaxYear int

// String gives the usual form, "2026-27".
func (y TaxYear) String() string {
	next := (int(y) + 1) % 100
	s := strconv.Itoa(int(y)) + "-"
	if next < 10 {
		s += "0"
	}
	return s + strconv.Itoa(next)
}

// Start returns 6 April of the year.
func (y TaxYear) Start() civil.Date { return civil.Date{Year: int(y), Month: time.April, Day: 6} }

// End returns 5 April of the following calendar year, the last day.
func (y TaxYear) End() civil.Date { return civil.Date{Year: int(y) + 1, Month: time.April, Day: 5} }

// Contains reports whether d falls in the tax year.
func (y TaxYear) Contains(d civil.Date) bool { return TaxYearOf(d) == y }

// TaxYearOf returns the tax year containing d.
func TaxYearOf(d civil.Date) TaxYear {
	if d.Month < time.April || (d.Month == time.April && d.Day < 6) {
		return TaxYear(d.Year - 1)
	}
	return TaxYear(d.Year)
}

// ParseTaxYear reads "2026-27" (also "2026/27", "2026-2027", "2026/2027"
// and "2026 to 2027"). It does not check that the year is supported: use
// RatesFor for that.
func ParseTaxYear(s string) (TaxYear, error) {
	orig := s
	s = strings.TrimSpace(s)
	fail := func() (TaxYear, error) {
		return 0, invalidf("tax year %q is not valid: write it like 2026-27 (the year that starts on 6 April 2026)", orig)
	}
	var a, b string
	switch {
	case strings.Contains(s, " to "):
		a, b, _ = strings.Cut(s, " to ")
	case strings.Contains(s, "-"):
		a, b, _ = strings.Cut(s, "-")
	case strings.Contains(s, "/"):
		a, b, _ = strings.Cut(s, "/")
	default:
		return fail()
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if len(a) != 4 || (len(b) != 2 && len(b) != 4) || !allDigits(a) || !allDigits(b) {
		return fail()
	}
	start, _ := strconv.Atoi(a)
	end, _ := strconv.Atoi(b)
	if start < 1900 || start > 2200 {
		return fail()
	}
	want := start + 1
	if len(b) == 2 {
		want %= 100
	}
	if end != want {
		return 0, invalidf("tax year %q is not valid: a tax year runs into the next calendar year, like 2026-27", orig)
	}
	return TaxYear(start), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
