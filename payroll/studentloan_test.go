package payroll

import (
	"testing"

	"patoolkit/money"
)

func TestStudentLoans(t *testing.T) {
	cases := []struct {
		name     string
		year     TaxYear
		plan     StudentLoanPlan
		pg       bool
		f        Frequency
		earnings money.Money
		want     money.Money
	}{
		// 2026-27 Plan 2 monthly threshold 29385/12 = 2448.75.
		{"plan 2 monthly", 2026, Plan2, false, Monthly, 300000, 4900},    // 551.25 x 9% = 49.6125 -> 49
		{"plan 2 at threshold", 2026, Plan2, false, Monthly, 244875, 0},  // nothing over
		{"plan 2 just under £1", 2026, Plan2, false, Monthly, 245986, 0}, // 11.11 x 9% = 0.9999 -> 0
		{"plan 2 first £1", 2026, Plan2, false, Monthly, 245987, 100},    // 11.12 x 9% = 1.0008 -> 1
		{"plan 2 weekly", 2026, Plan2, false, Weekly, 70000, 1200},       // 700 - 565.09 = 134.91 x 9% = 12.14 -> 12
		{"plan 2 fortnightly", 2026, Plan2, false, Fortnightly, 140000, 2400},
		// CSLM17065: 1141.30 a fortnight is 570.65 a week: 5.56 x 9% = 0.50 ->
		// 0, x 2 = 0 (the whole fortnight at once would give 1).
		{"plan 2 fortnightly split", 2026, Plan2, false, Fortnightly, 114130, 0},
		{"plan 2 four-weekly", 2026, Plan2, false, FourWeekly, 300000, 6400}, // 750 - 565.09 = 184.91 x 9% = 16.64 -> 16 x 4
		{"plan 1 monthly", 2026, Plan1, false, Monthly, 250000, 2300},        // 2500 - 2241.66 = 258.34 x 9% = 23.25 -> 23
		{"plan 4 monthly", 2026, Plan4, false, Monthly, 300000, 1600},        // 3000 - 2816.25 = 183.75 x 9% = 16.54 -> 16
		{"plan 5 monthly", 2026, Plan5, false, Monthly, 250000, 3700},        // 2500 - 2083.33 = 416.67 x 9% = 37.50 -> 37
		{"plan 5 before April 2026", 2025, Plan5, false, Monthly, 500000, 0},
		{"postgraduate monthly", 2026, 0, true, Monthly, 250000, 4500},               // 2500 - 1750 = 750 x 6% = 45
		{"postgraduate weekly", 2026, 0, true, Weekly, 50000, 500},                   // 500 - 403.84 = 96.16 x 6% = 5.77 -> 5
		{"plan 1 2024-25 weekly", 2024, Plan1, false, Weekly, 60000, 1000},           // 24990/52 = 480.57; 119.43 x 9% = 10.75 -> 10
		{"plan 2 2025-26 monthly", 2025, Plan2, false, Monthly, 300000, 5600},        // 28470/12 = 2372.50; 627.50 x 9% = 56.48 -> 56
		{"plan 4 2024-25 four-weekly", 2024, Plan4, false, FourWeekly, 300000, 5200}, // 31395/52 = 603.75; 750 - 603.75 = 146.25 x 9% = 13.16 -> 13 x 4 = 52
		{"no plan", 2026, NoStudentLoan, false, Monthly, 900000, 0},
		{"zero pay", 2026, Plan2, false, Weekly, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, _ := RatesFor(c.year)
			var got money.Money
			var err error
			if c.pg {
				got, err = r.PostgraduateLoan(c.f, c.earnings)
			} else {
				got, err = r.StudentLoan(c.plan, c.f, c.earnings)
			}
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got != c.want {
				t.Errorf("%s: %s on %s, want %s", c.name, got, c.earnings, c.want)
			}
		})
	}
	r, _ := RatesFor(2026)
	if w, m := r.LoanThreshold(Plan2, false, Weekly), r.LoanThreshold(Plan2, false, Monthly); w != 56509 || m != 244875 {
		t.Errorf("Plan 2 thresholds %s a week, %s a month; DOMAIN.md gives 565.09 and 2448.75", w, m)
	}
	if _, err := r.StudentLoan(Plan2, Weekly, -1); err == nil {
		t.Error("negative earnings should fail")
	}
	for in, want := range map[string]StudentLoanPlan{"plan1": Plan1, "Plan 2": Plan2, "plan4": Plan4, "5": Plan5, "": NoStudentLoan, "none": NoStudentLoan} {
		t.Run(in, func(t *testing.T) {
			if got, err := ParseStudentLoanPlan(in); err != nil || got != want {
				t.Errorf("ParseStudentLoanPlan(%q) = %v, %v", in, got, err)
			}
		})
	}
	for _, in := range []string{"plan3", "postgraduate", "6"} {
		t.Run(in, func(t *testing.T) {
			if _, err := ParseStudentLoanPlan(in); err == nil {
				t.Errorf("ParseStudentLoanPlan(%q) should fail", in)
			}
		})
	}
}
