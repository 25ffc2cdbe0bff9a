package payroll

import (
	"fmt"
	"strings"
	"testing"

	"patoolkit/civil"
)

func TestTaxYear(t *testing.T) {
	for _, c := range []struct {
		in   string
		want TaxYear
	}{{"2026-27", 2026}, {"2026/27", 2026}, {"2026-2027", 2026}, {" 2024 to 2025 ", 2024}, {"1999-00", 1999}, {"2099-2100", 2099}} {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseTaxYear(c.in)
			if err != nil || got != c.want {
				t.Errorf("ParseTaxYear(%q) = %v, %v; want %v", c.in, got, err, c.want)
			}
		})
	}
	for _, in := range []string{"", "2026", "2026-28", "2026-2028", "26-27", "abcd-ef", "2026-2", "2026--27"} {
		t.Run(in, func(t *testing.T) {
			if got, err := ParseTaxYear(in); err == nil {
				t.Errorf("ParseTaxYear(%q) = %v, want an error", in, got)
			}
		})
	}
	if s := TaxYear(2026).String(); s != "2026-27" {
		t.Errorf("String = %q", s)
	}
	if s := TaxYear(1999).String(); s != "1999-00" {
		t.Errorf("String = %q", s)
	}
	if s := TaxYear(2008).String(); s != "2008-09" {
		t.Errorf("String = %q", s)
	}
	for d, want := range map[string]TaxYear{"2026-04-05": 2025, "2026-04-06": 2026, "2027-04-05": 2026, "2027-01-01": 2026, "2026-03-31": 2025} {
		t.Run(d, func(t *testing.T) {
			if got := TaxYearOf(civil.MustParse(d)); got != want {
				t.Errorf("TaxYearOf(%s) = %s, want %s", d, got, want)
			}
		})
	}
	_, err := RatesFor(2023)
	want := "tax year 2023-24 is not supported: the supported tax years are 2024-25, 2025-26 and 2026-27"
	if err == nil || err.Error() != want {
		t.Errorf("RatesFor(2023) error = %v, want %q", err, want)
	}
	if got := SupportedTaxYears(); len(got) != 3 || got[0] != 2024 || got[2] != 2026 {
		t.Errorf("SupportedTaxYears = %v", got)
	}
}

func TestPeriodOf(t *testing.T) {
	cases := []struct {
		payday string
		f      Frequency
		year   TaxYear
		period int
		week53 bool
		table  int
	}{
		{"2026-04-06", Weekly, 2026, 1, false, 1},
		{"2026-04-12", Weekly, 2026, 1, false, 1},
		{"2026-04-13", Weekly, 2026, 2, false, 2},
		{"2027-03-29", Weekly, 2026, 52, false, 52}, // day 357 = 51 x 7: first day of week 52
		{"2027-04-04", Weekly, 2026, 52, false, 52}, // day 363: last day of week 52
		{"2027-04-05", Weekly, 2026, 53, true, 53},  // day 364: week 53
		{"2024-04-04", Weekly, 2023, 53, true, 53},  // leap year: 4 and 5 April are both week 53
		{"2024-04-05", Weekly, 2023, 53, true, 53},
		{"2026-04-10", Fortnightly, 2026, 1, false, 2},
		{"2026-04-24", Fortnightly, 2026, 3, false, 4},
		{"2026-05-01", Fortnightly, 2026, 4, false, 4},
		{"2027-04-05", Fortnightly, 2026, 53, true, 54},
		{"2026-05-01", FourWeekly, 2026, 4, false, 4},
		{"2026-05-04", FourWeekly, 2026, 5, false, 8},
		{"2027-04-05", FourWeekly, 2026, 53, true, 56},
		{"2026-04-06", Monthly, 2026, 1, false, 1},
		{"2026-05-05", Monthly, 2026, 1, false, 1},
		{"2026-05-06", Monthly, 2026, 2, false, 2},
		{"2026-12-31", Monthly, 2026, 9, false, 9},
		{"2027-01-05", Monthly, 2026, 9, false, 9},
		{"2027-01-06", Monthly, 2026, 10, false, 10},
		{"2027-03-06", Monthly, 2026, 12, false, 12},
		{"2027-04-05", Monthly, 2026, 12, false, 12},
	}
	for _, c := range cases {
		t.Run(c.payday, func(t *testing.T) {
			y, p, w53 := PeriodOf(civil.MustParse(c.payday), c.f)
			if y != c.year || p != c.period || w53 != c.week53 {
				t.Errorf("PeriodOf(%s, %s) = %s, %d, %v; want %s, %d, %v", c.payday, c.f, y, p, w53, c.year, c.period, c.week53)
			}
			if got := TablePeriod(c.f, p); got != c.table {
				t.Errorf("TablePeriod(%s, %d) = %d, want %d", c.f, p, got, c.table)
			}
		})
	}
}

func TestValidatePeriod(t *testing.T) {
	for _, c := range []struct {
		f      Frequency
		period int
		ok     bool
	}{
		{Weekly, 1, true}, {Weekly, 53, true}, {Weekly, 0, false}, {Weekly, 54, false},
		{Fortnightly, 53, true}, {FourWeekly, 53, true}, {FourWeekly, 56, false},
		{Monthly, 1, true}, {Monthly, 12, true}, {Monthly, 13, false}, {Monthly, 0, false}, {0, 1, false}, {9, 1, false},
	} {
		t.Run(fmt.Sprint(c.f), func(t *testing.T) {
			err := ValidatePeriod(c.f, c.period)
			if (err == nil) != c.ok {
				t.Errorf("ValidatePeriod(%v, %d) = %v", c.f, c.period, err)
			}
		})
	}
	err := ValidatePeriod(Monthly, 13)
	if err == nil || !strings.Contains(err.Error(), "1 to 12") {
		t.Errorf("message should give the range: %v", err)
	}
}

func TestFrequency(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Frequency
	}{{"weekly", Weekly}, {"Fortnightly", Fortnightly}, {"four-weekly", FourWeekly}, {"4-weekly", FourWeekly}, {" MONTHLY ", Monthly}} {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseFrequency(c.in)
			if err != nil || got != c.want {
				t.Errorf("ParseFrequency(%q) = %v, %v", c.in, got, err)
			}
			if back, _ := ParseFrequency(got.String()); back != got {
				t.Errorf("%v does not round-trip", got)
			}
		})
	}
	if _, err := ParseFrequency("daily"); err == nil || !strings.Contains(err.Error(), "weekly, fortnightly, four-weekly or monthly") {
		t.Errorf("ParseFrequency(daily) = %v", err)
	}
	want := map[Frequency][3]any{Weekly: {1, 52, "W1"}, Fortnightly: {2, 26, "W2"}, FourWeekly: {4, 13, "W4"}, Monthly: {0, 12, "M1"}}
	for f, w := range want {
		if f.Weeks() != w[0] || f.PeriodsPerYear() != w[1] || f.FPSCode() != w[2] {
			t.Errorf("%s: %d %d %s", f, f.Weeks(), f.PeriodsPerYear(), f.FPSCode())
		}
	}
}

func TestHoursBand(t *testing.T) {
	for _, c := range []struct {
		f       Frequency
		minutes int64
		want    HoursBand
	}{
		{Weekly, 0, HoursOther},
		{Weekly, 16*60 - 1, HoursUnder16},
		{Weekly, 16 * 60, Hours16To24},
		{Weekly, 24*60 - 1, Hours16To24},
		{Weekly, 24 * 60, Hours24To30},
		{Weekly, 30 * 60, Hours30Plus},
		{Fortnightly, 2 * 20 * 60, Hours16To24},
		{FourWeekly, 4*30*60 - 1, Hours24To30},
		// Monthly: 16 hours a week is 16 x 52 / 12 = 69h20m a month.
		{Monthly, 69*60 + 19, HoursUnder16},
		{Monthly, 69*60 + 20, Hours16To24},
		{Monthly, 130 * 60, Hours30Plus},
	} {
		t.Run(fmt.Sprint(c.f), func(t *testing.T) {
			if got := HoursBandFor(c.f, c.minutes); got != c.want {
				t.Errorf("HoursBandFor(%s, %d) = %s, want %s", c.f, c.minutes, got, c.want)
			}
		})
	}
}
