package household

import (
	"testing"

	"patoolkit/civil"
)

func TestCoverOn(t *testing.T) {
	d := civil.MustParse
	pol := func(id int64, start, renew string) Insurance {
		return Insurance{ID: id, StartDate: d(start), RenewalDate: d(renew)}
	}
	y1 := pol(1, "2025-04-06", "2026-04-06")
	y2 := pol(2, "2026-04-06", "2027-04-06")
	y3 := pol(3, "2027-04-06", "2028-04-06")
	later := pol(4, "2026-06-01", "2027-06-01")
	longer := pol(5, "2025-10-01", "2026-10-01")
	tests := []struct {
		name       string
		policies   []Insurance
		day        string
		inForce    int64 // 0: none
		until      string
		next       int64
		lapsed     int64
		renewDays  int
		renewalDue bool
	}{
		{"none recorded", nil, "2026-01-01", 0, "", 0, 0, 0, false},
		{"in its first day", []Insurance{y1}, "2025-04-06", 1, "2026-04-06", 0, 0, 365, false},
		{"the day before renewal", []Insurance{y1}, "2026-04-05", 1, "2026-04-06", 0, 0, 1, true},
		{"30 days before renewal", []Insurance{y1}, "2026-03-07", 1, "2026-04-06", 0, 0, 30, true},
		{"31 days before renewal", []Insurance{y1}, "2026-03-06", 1, "2026-04-06", 0, 0, 31, false},
		{"on the renewal date: lapsed", []Insurance{y1}, "2026-04-06", 0, "", 0, 1, 0, false},
		{"renewed: cover follows on", []Insurance{y2, y1}, "2026-03-20", 1, "2027-04-06", 2, 0, 382, false},
		{"renewed twice, oldest first", []Insurance{y1, y2, y3}, "2026-03-20", 1, "2028-04-06", 2, 0, 748, false},
		{"the renewal date: the new policy", []Insurance{y2, y1}, "2026-04-06", 2, "2027-04-06", 0, 1, 365, false},
		{"two in force: the longer", []Insurance{y1, longer}, "2026-01-01", 5, "2026-10-01", 0, 0, 273, false},
		{"a gap: the next one", []Insurance{later, y1}, "2026-05-01", 0, "", 4, 1, 0, false},
		{"before the first", []Insurance{y2, y1}, "2025-01-01", 0, "", 1, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := CoverOn(tt.policies, d(tt.day))
			if c.Any != (len(tt.policies) > 0) {
				t.Errorf("Any = %v", c.Any)
			}
			if c.InForce != (tt.inForce != 0) || (c.InForce && c.Policy.ID != tt.inForce) {
				t.Errorf("in force = %v %d, want %d", c.InForce, c.Policy.ID, tt.inForce)
			}
			if tt.until != "" && c.Until != d(tt.until) || tt.until == "" && !c.Until.IsZero() {
				t.Errorf("Until = %s, want %s", c.Until, tt.until)
			}
			if c.HasNext != (tt.next != 0) || (c.HasNext && c.Next.ID != tt.next) {
				t.Errorf("next = %v %d, want %d", c.HasNext, c.Next.ID, tt.next)
			}
			if c.HasLapsed != (tt.lapsed != 0) || (c.HasLapsed && c.Lapsed.ID != tt.lapsed) {
				t.Errorf("lapsed = %v %d, want %d", c.HasLapsed, c.Lapsed.ID, tt.lapsed)
			}
			days, due := c.RenewalDue(d(tt.day))
			if days != tt.renewDays || due != tt.renewalDue {
				t.Errorf("RenewalDue = %d, %v; want %d, %v", days, due, tt.renewDays, tt.renewalDue)
			}
		})
	}
}

func TestNextPolicy(t *testing.T) {
	d := civil.MustParse
	y1 := Insurance{ID: 1, Insurer: "Old Mutual", StartDate: d("2025-04-06"), RenewalDate: d("2026-04-06")}
	y2 := Insurance{ID: 2, Insurer: "New Mutual", StartDate: d("2026-04-06"), RenewalDate: d("2027-04-06")}
	tests := []struct {
		name     string
		policies []Insurance
		insurer  string
		start    civil.Date
	}{
		{"the first policy", nil, "", civil.Date{}},
		{"after the latest, newest first", []Insurance{y2, y1}, "New Mutual", d("2027-04-06")},
		{"after the latest, oldest first", []Insurance{y1, y2}, "New Mutual", d("2027-04-06")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NextPolicy(9, tt.policies)
			if got.AccountID != 9 || got.ID != 0 || got.Cover != UsualCover || got.Insurer != tt.insurer || got.StartDate != tt.start {
				t.Errorf("NextPolicy = %+v", got)
			}
			if UsualCover < MinimumCover {
				t.Error("the usual cover is below the legal minimum")
			}
		})
	}
}
