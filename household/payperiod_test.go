package household

import (
	"testing"

	"patoolkit/civil"
)

func TestPayPeriods(t *testing.T) {
	anchor := civil.MustParse("2025-04-06") // a Sunday
	holiday := func(d civil.Date) bool { return d == civil.MustParse("2026-08-31") }
	cases := []struct {
		name     string
		e        Employer
		from, to string
		want     []string // from to payday
	}{
		{"monthly last working day", Employer{PayFrequency: Monthly, Payday: "last-working-day"}, "2026-08-10", "2026-10-01",
			[]string{"2026-08-01 2026-08-31 2026-08-28", "2026-09-01 2026-09-30 2026-09-30", "2026-10-01 2026-10-31 2026-10-30"}},
		{"monthly 25th on a Sunday", Employer{PayFrequency: Monthly, Payday: "25"}, "2026-10-01", "2026-10-31",
			[]string{"2026-10-01 2026-10-31 2026-10-23"}},
		{"four-weekly friday", Employer{PayFrequency: FourWeekly, Payday: "friday"}, "2025-04-06", "2025-05-10",
			[]string{"2025-04-06 2025-05-03 2025-05-09", "2025-05-04 2025-05-31 2025-06-06"}},
		{"weekly friday mid-year", Employer{PayFrequency: Weekly, Payday: "friday"}, "2026-11-20", "2026-11-20",
			[]string{"2026-11-15 2026-11-21 2026-11-27"}},
		{"fortnightly sunday", Employer{PayFrequency: Fortnightly, Payday: "sunday"}, "2025-04-06", "2025-04-19",
			[]string{"2025-04-06 2025-04-19 2025-04-18"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := PayPeriods(c.e, anchor, civil.MustParse(c.from), civil.MustParse(c.to), holiday)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var gs []string
			for _, p := range got {
				gs = append(gs, p.From.String()+" "+p.To.String()+" "+p.Payday.String())
			}
			if len(gs) != len(c.want) {
				t.Errorf("%s: got %v, want %v", c.name, gs, c.want)
				return
			}
			for i := range gs {
				if gs[i] != c.want[i] {
					t.Errorf("%s: period %d = %s, want %s", c.name, i, gs[i], c.want[i])
				}
			}
		})
	}
	if _, err := PayPeriods(Employer{PayFrequency: Monthly, Payday: "friday"}, anchor, anchor, anchor, nil); err == nil {
		t.Error("a weekday payday for monthly pay was accepted")
	}
}

func TestPayPeriodContains(t *testing.T) {
	p := PayPeriod{From: civil.MustParse("2026-11-01"), To: civil.MustParse("2026-11-30")}
	for _, tt := range []struct {
		name, day string
		want      bool
	}{
		{"the day before", "2026-10-31", false},
		{"the first day", "2026-11-01", true},
		{"a middle day", "2026-11-16", true},
		{"the last day", "2026-11-30", true},
		{"the day after", "2026-12-01", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Contains(civil.MustParse(tt.day)); got != tt.want {
				t.Errorf("Contains(%s) = %v, want %v", tt.day, got, tt.want)
			}
		})
	}
}
