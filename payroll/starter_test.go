package payroll

import (
	"testing"

	"patoolkit/civil"
)

func TestStarterTaxCode(t *testing.T) {
	years := SupportedTaxYears()
	first, last := years[0], years[len(years)-1]
	code := func(y TaxYear) string {
		c, err := EmergencyCode(y)
		if err != nil {
			t.Fatal(err)
		}
		return c.String()
	}
	tests := []struct {
		name string
		day  civil.Date
		want string
	}{
		{"the first day of a tax year", civil.New(2026, 4, 6), code(2026)},
		{"the last day of the year before", civil.New(2026, 4, 5), code(2025)},
		{"past the years with rates", last.End().AddDays(400), code(last)},
		{"before the years with rates", first.Start().AddDays(-400), code(first)},
		{"2026-27 is 1257L", civil.New(2026, 11, 16), "1257L"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StarterTaxCode(tt.day); got != tt.want {
				t.Errorf("StarterTaxCode(%s) = %q, want %q", tt.day, got, tt.want)
			}
		})
	}
	if StandardNICategory.String() != "A" {
		t.Errorf("StandardNICategory = %s", StandardNICategory)
	}
}

// TestStarterCode follows HMRC's starter checklist routes (gov.uk "Tell
// HMRC about a new employee"): A emergency cumulative, B emergency week 1 /
// month 1, C BR, nothing given 0T week 1 / month 1.
func TestStarterCode(t *testing.T) {
	day := civil.MustParse("2026-06-01")
	for _, tt := range []struct {
		statement, code string
		week1, ok       bool
	}{
		{"A", "1257L", false, true},
		{"B", "1257L", true, true},
		{"C", "BR", false, true},
		{"", "0T", true, true},
		{"D", "", false, false},
	} {
		t.Run("statement "+tt.statement, func(t *testing.T) {
			code, week1, why, ok := StarterCode(day, tt.statement)
			if code != tt.code || week1 != tt.week1 || ok != tt.ok || (ok && why == "") {
				t.Errorf("got %q %v %q %v", code, week1, why, ok)
			}
			if ok {
				if _, err := ParseTaxCode(code); err != nil {
					t.Errorf("%q does not parse: %v", code, err)
				}
			}
		})
	}
}
