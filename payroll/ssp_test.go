package payroll

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

func spell(first, last string, awe money.Money) SickSpell {
	return SickSpell{First: civil.MustParse(first), Last: civil.MustParse(last), AWE: awe}
}

// TestSSP works the cases of GOV.UK's "Statutory Sick Pay (SSP): employer
// guide" (entitlement, "Linked periods of sickness", working out the
// daily rate: the weekly rate / qualifying days, rounded up) and of its
// guidance on the Employment Rights Act 2025 changes from 6 April 2026
// (no waiting days, no LEL test, the lower of the flat rate and 80% of
// average weekly earnings), each worked by hand below. They include a
// linked absence, a spell across 6 April 2026 and a PA below the old LEL.
// Rates: 2025-26 £118.75 flat, LEL £125; from 6 April 2026 the lower of
// £123.25 and 80% of AWE. 6 April 2026 is a Monday.
func TestSSP(t *testing.T) {
	mwf := WeekdaysOf(time.Monday, time.Wednesday, time.Friday)
	cases := []struct {
		name    string
		spells  []SickSpell
		days    Weekdays
		total   money.Money
		paid    int
		waiting int
		reason  string
	}{
		// Old rules: Mon 2 Feb to Fri 13 Feb 2026. Waiting 2, 3, 4 Feb; paid
		// Thu 5 and Fri 6 (2/5 x 118.75 = 47.50) and 9 to 13 Feb (118.75).
		{"old rules", []SickSpell{spell("2026-02-02", "2026-02-13", 40000)}, MondayToFriday, 16625, 7, 3, ""},
		{"old rules below LEL", []SickSpell{spell("2026-02-02", "2026-02-13", 10000)}, MondayToFriday, 0, 0, 0,
			"average weekly earnings £100.00 are below the lower earnings limit £125.00 (rule before 6 April 2026)"},
		{"old rules AWE at LEL", []SickSpell{spell("2026-02-02", "2026-02-13", 12500)}, MondayToFriday, 16625, 7, 3, ""},
		{"old rules three days", []SickSpell{spell("2026-02-02", "2026-02-04", 40000)}, MondayToFriday, 0, 0, 0,
			"lasted 3 days, fewer than 4, so it is not a period of incapacity for work (rule before 6 April 2026)"},
		// New rules: Tue 14 and Wed 15 April 2026, paid from day one at
		// 123.25 (80% of 400 is more): 2/5 x 123.25 = 49.30.
		{"new rules", []SickSpell{spell("2026-04-14", "2026-04-15", 40000)}, MondayToFriday, 4930, 2, 0, ""},
		// One day is enough from 6 April 2026.
		{"new rules one day", []SickSpell{spell("2026-04-14", "2026-04-14", 40000)}, MondayToFriday, 2465, 1, 0, ""},
		// Low earner: 80% of 100 = 80.00 a week; 2/5 = 32.00.
		{"new rules low earner", []SickSpell{spell("2026-04-14", "2026-04-15", 10000)}, MondayToFriday, 3200, 2, 0, ""},
		// 80% of 101.01 = 80.808, rounded up to 80.81; 3/5 = 48.486 -> 48.49.
		{"80% rounds up", []SickSpell{spell("2026-04-14", "2026-04-16", 10101)}, MondayToFriday, 4849, 3, 0, ""},
		// Daily rate rounds up: Mon/Wed/Fri, one day: 123.25/3 = 41.0833 -> 41.09.
		{"rounding up", []SickSpell{spell("2026-04-13", "2026-04-13", 40000)}, mwf, 4109, 1, 0, ""},
		// Across 6 April 2026: Wed 1 to Fri 10 April. 1, 2, 3 April are waiting
		// days under the old rules; from Monday 6 April paid under the new
		// rules: 5 days at 123.25.
		{"across 6 April", []SickSpell{spell("2026-04-01", "2026-04-10", 40000)}, MondayToFriday, 12325, 5, 3, ""},
		// Below the LEL on 6 April: paid from 6 April at 80% of 100 = 80.00.
		{"below LEL on 6 April", []SickSpell{spell("2026-04-01", "2026-04-10", 10000)}, MondayToFriday, 8000, 5, 0,
			"average weekly earnings £100.00 are below the lower earnings limit £125.00 (rule before 6 April 2026)"},
		// Already on SSP before 6 April and still off: keeps the flat rate.
		// Mon 23 March to Fri 17 April 2026, AWE 130 (80% would be 104).
		// Waiting 23-25 March; 26-27 March 2/5 x 118.75 = 47.50; 30 March to 3
		// April 118.75; 6-10 and 13-17 April 123.25 each: 412.75.
		{"transitional flat rate", []SickSpell{spell("2026-03-23", "2026-04-17", 13000)}, MondayToFriday, 41275, 17, 3, ""},
		// Back at work, then a linked spell: the new rules apply in full, with
		// the first spell's AWE: 80% of 130 = 104.00 a week.
		{"transitional then linked", []SickSpell{spell("2026-03-23", "2026-04-17", 13000), spell("2026-05-04", "2026-05-08", 90000)},
			MondayToFriday, 41275 + 10400, 22, 3, ""},
		// Absent since before 22 September 2025 without SSP: nothing (check).
		{"transitional nothing", []SickSpell{spell("2025-09-01", "2026-04-17", 10000)}, MondayToFriday, 0, 0, 0,
			"absent without SSP since before 22/09/2025, so nothing is due from 06/04/2026 (transitional rule; check)"},
		// Linking keeps the first AWE: 4-8 May 2026 (AWE 400: 123.25) and 29-30
		// June (gap 51 days; its own AWE 100 is ignored): 2/5 x 123.25.
		{"linked", []SickSpell{spell("2026-05-04", "2026-05-08", 40000), spell("2026-06-29", "2026-06-30", 10000)}, MondayToFriday, 12325 + 4930, 7, 0, ""},
		// A gap of exactly 56 days links (8 May + 57 = Sat 4 July).
		{"gap 56 links", []SickSpell{spell("2026-05-04", "2026-05-08", 40000), spell("2026-07-04", "2026-07-07", 10000)}, MondayToFriday, 12325 + 4930, 7, 0, ""},
		// A gap of 57 days does not: the second spell's own AWE gives 80.00.
		{"gap 57 does not", []SickSpell{spell("2026-05-04", "2026-05-08", 40000), spell("2026-07-05", "2026-07-07", 10000)}, MondayToFriday, 12325 + 3200, 7, 0, ""},
		// Old rules: waiting days served in a linked PIW are not served again.
		// Mon 5 to Thu 8 Jan 2026: waiting 5-7, paid 8 (23.75); Mon 2 to Thu 5
		// Feb: 4 days paid (95.00).
		{"linked waiting days", []SickSpell{spell("2026-01-05", "2026-01-08", 40000), spell("2026-02-02", "2026-02-05", 40000)}, MondayToFriday, 2375 + 9500, 5, 3, ""},
		// 28 weeks: 6 April to 1 November 2026 pays 28 x 123.25 = 3451.00 (6
		// April to 16 October), then nothing.
		{"28 weeks", []SickSpell{spell("2026-04-06", "2026-11-01", 40000)}, MondayToFriday, 28 * 12325, 140, 0,
			"the maximum of 28 weeks of SSP had been paid before 19/10/2026"},
		// 2024-25 flat rate 116.75 and LEL 123: Mon 3 to Fri 14 Feb 2025.
		{"2024-25", []SickSpell{spell("2025-02-03", "2025-02-14", 12300)}, MondayToFriday, 2*11675/5 + 11675, 7, 3, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := SSP(SSPInput{Spells: c.spells, QualifyingDays: c.days})
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				return
			}
			paid, waiting := 0, 0
			for _, d := range got.Days {
				switch d.Status {
				case SSPPaid:
					paid++
				case SSPWaitingDay:
					waiting++
				}
			}
			var sum money.Money
			for _, w := range got.Weeks {
				sum += w.Amount
			}
			if got.Total != c.total || paid != c.paid || waiting != c.waiting || sum != got.Total {
				t.Errorf("%s: total %s (weeks %s), %d paid, %d waiting; want %s, %d, %d", c.name, got.Total, sum, paid, waiting, c.total, c.paid, c.waiting)
				for _, w := range got.Weeks {
					t.Logf("  week %s rate %s q %d paid %d = %s", w.WeekStart, w.WeeklyRate, w.QualifyingDays, w.DaysPaid, w.Amount)
				}
			}
			if c.reason != "" && !containsString(got.Reasons, c.reason) {
				t.Errorf("%s: reasons %q, want %q", c.name, got.Reasons, c.reason)
			}
			if c.reason == "" && c.total > 0 && len(got.Reasons) != 0 {
				t.Errorf("%s: unexpected reasons %q", c.name, got.Reasons)
			}
		})
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

func TestSSPAmountBetween(t *testing.T) {
	got, err := SSP(SSPInput{Spells: []SickSpell{spell("2026-04-01", "2026-04-10", 40000)}, QualifyingDays: MondayToFriday})
	if err != nil {
		t.Fatal(err)
	}
	// A pay period ending Tuesday 7 April pays 2/5 x 123.25 = 49.30; the rest
	// of the week 3/5 = 73.95.
	if a := got.AmountBetween(civil.MustParse("2026-03-01"), civil.MustParse("2026-04-07")); a != 4930 {
		t.Errorf("to 7 April: %s", a)
	}
	if a := got.AmountBetween(civil.MustParse("2026-04-08"), civil.MustParse("2026-04-30")); a != 7395 {
		t.Errorf("from 8 April: %s", a)
	}
	if len(got.Weeks) != 1 || got.Weeks[0].WeekStart != civil.MustParse("2026-04-05") || got.Weeks[0].WeekStart.Weekday() != time.Sunday {
		t.Errorf("weeks %+v", got.Weeks)
	}
	// Every day is reported, with the rules that applied.
	if len(got.Days) != 10 || got.Days[0].NewRules || !got.Days[5].NewRules || got.Days[3].Status != SSPNotQualifying {
		t.Errorf("days %+v", got.Days)
	}
}

func TestSSPQualifyingDates(t *testing.T) {
	// A rota worker: qualifying days listed. Week of Sun 12 April 2026 has
	// Tue 14 and Sat 18; the week of 19 April has none agreed, so Wednesday
	// 22 April is the qualifying day.
	in := SSPInput{
		Spells:          []SickSpell{spell("2026-04-14", "2026-04-25", 40000)},
		QualifyingDates: []civil.Date{civil.MustParse("2026-04-14"), civil.MustParse("2026-04-18")},
	}
	got, err := SSP(in)
	if err != nil {
		t.Fatal(err)
	}
	// 2/2 x 123.25 + 1/1 x 123.25.
	if got.Total != 24650 {
		t.Errorf("total %s", got.Total)
		for _, w := range got.Weeks {
			t.Logf("  week %s q %d paid %d = %s", w.WeekStart, w.QualifyingDays, w.DaysPaid, w.Amount)
		}
	}
}

func TestSSPErrors(t *testing.T) {
	for _, in := range []SSPInput{
		{},
		{Spells: []SickSpell{spell("2026-04-14", "2026-04-15", 100)}},
		{Spells: []SickSpell{spell("2026-04-15", "2026-04-14", 100)}, QualifyingDays: MondayToFriday},
		{Spells: []SickSpell{spell("2026-04-14", "2026-04-15", -1)}, QualifyingDays: MondayToFriday},
		{Spells: []SickSpell{spell("2026-04-14", "2026-04-20", 100), spell("2026-04-18", "2026-04-25", 100)}, QualifyingDays: MondayToFriday},
		{Spells: []SickSpell{spell("2023-04-14", "2023-04-20", 100)}, QualifyingDays: MondayToFriday},
		{Spells: []SickSpell{spell("2024-04-14", "2028-04-20", 100)}, QualifyingDays: MondayToFriday},
		{Spells: []SickSpell{{}}, QualifyingDays: MondayToFriday},
	} {
		t.Run(fmt.Sprint(in), func(t *testing.T) {
			if _, err := SSP(in); err == nil {
				t.Errorf("SSP(%+v) should fail", in)
			}
		})
	}
}
