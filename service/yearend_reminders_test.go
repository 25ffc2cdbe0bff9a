package service

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/payroll"
)

// TestP60ReminderRunsFrom6AprilTo31May: the home screen's P60 reminder is
// given from the day after the tax year ends until the P60s are due, for
// the PAs paid in that year, and not outside those days or for a year
// nobody was paid in.
func TestP60ReminderRunsFrom6AprilTo31May(t *testing.T) {
	s, accounts := demoService(t)
	priya, tom := accounts["Priya's support"], accounts["Tom's care"]
	const priyas = "3 PAs are due one: Chris Walker, Sam Okafor and Zoë Ní Bhriain."
	for _, tc := range []struct {
		name    string
		account int64
		day     string
		what    string // "" for no reminder
		detail  string
	}{
		{"the last day of the tax year", priya.ID, "2026-04-05", "", ""},
		{"the day after it ends", priya.ID, "2026-04-06", "Give each PA their P60 for 2025-26 by 31 May 2026", priyas},
		{"the day they are due", priya.ID, "2026-05-31", "Give each PA their P60 for 2025-26 by 31 May 2026", priyas},
		{"the day after they are due", priya.ID, "2026-06-01", "", ""},
		{"in the autumn", priya.ID, "2026-11-20", "", ""},
		{"one PA", tom.ID, "2026-05-01", "Give each PA their P60 for 2025-26 by 31 May 2026", "1 PA is due one: Łukasz Nowak."},
		{"a year nobody was paid in", priya.ID, "2025-05-01", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.YearEndReminders(tc.account, civil.MustParse(tc.day))
			if err != nil {
				t.Fatal(err)
			}
			if tc.what == "" {
				if len(got) != 0 {
					t.Fatalf("reminders on %s: %+v", tc.day, got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d reminders on %s, want 1: %+v", len(got), tc.day, got)
			}
			r := got[0]
			if r.What != tc.what || r.Date != civil.New(2026, 5, 31) || !strings.HasPrefix(r.Detail, tc.detail) {
				t.Errorf("reminder %q due %s, %q; want %q due 31/05/2026, starting %q", r.What, r.Date.UK(), r.Detail, tc.what, tc.detail)
			}
		})
	}
	t.Run("no day", func(t *testing.T) {
		var se *Error
		if _, err := s.YearEndReminders(priya.ID, civil.Date{}); !errors.As(err, &se) || se.Code != Invalid {
			t.Errorf("err = %v, want a refusal", err)
		}
	})
}

// TestPayslipYearsAreTheYearsP60sCanBeMadeFor: each year listed has P60
// figures, and the years around them have none.
func TestPayslipYearsAreTheYearsP60sCanBeMadeFor(t *testing.T) {
	s, accounts := demoService(t)
	for _, name := range []string{"Priya's support", "Tom's care"} {
		t.Run(name, func(t *testing.T) {
			a := accounts[name]
			years, err := s.PayslipYears(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if want := []payroll.TaxYear{2026, 2025}; !slices.Equal(years, want) {
				t.Fatalf("years %v, want %v", years, want)
			}
			for _, y := range years {
				if _, err := s.P60s(a.ID, y, 0); err != nil {
					t.Errorf("%s is listed but has no P60s: %v", y, err)
				}
			}
			for _, y := range []payroll.TaxYear{2024, 2027} {
				if _, err := s.P60s(a.ID, y, 0); !IsInput(err) {
					t.Errorf("%s is not listed but P60s gave %v", y, err)
				}
			}
		})
	}
}
