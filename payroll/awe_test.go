package payroll

import (
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

func TestAverageWeeklyEarnings(t *testing.T) {
	d := civil.MustParse
	monthly := []PaidOn{{d("2025-10-31"), 130000}, {d("2025-11-28"), 120000}, {d("2025-12-31"), 140000}}
	weekly := []PaidOn{}
	for p := d("2025-11-07"); p.Before(d("2026-01-10")); p = p.AddDays(7) {
		weekly = append(weekly, PaidOn{p, 40000})
	}
	for _, tt := range []struct {
		name    string
		first   string
		paid    []PaidOn
		monthly bool
		want    money.Money
		paydays int
		known   bool
	}{
		// HMRC's monthly method: the paydays of 28/11 and 31/12 after the one
		// of 31/10 (8 weeks or more before 31/12): (1,200 + 1,400) x 12 / 52 / 2.
		{"monthly: two months after the one 8 weeks back", "2026-01-12", monthly, true, 30000, 2, true},
		// Weekly: the 8 paydays after the one 56 days before the last.
		{"weekly: eight weeks of £400", "2026-01-12", weekly, false, 40000, 8, true},
		{"no payday before the sickness", "2025-10-01", monthly, true, 0, 0, false},
		{"a payday on the first day is not before it", "2025-12-31", monthly, true, money.Money((130000 + 120000) * 12 / 52 / 2), 2, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := AverageWeeklyEarnings(d(tt.first), tt.paid, tt.monthly)
			if got.AWE != tt.want || got.Paydays != tt.paydays || got.Known != tt.known {
				t.Errorf("got %+v, want AWE %s over %d paydays (known %v)", got, tt.want, tt.paydays, tt.known)
			}
		})
	}
}
