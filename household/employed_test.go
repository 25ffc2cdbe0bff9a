package household

import (
	"testing"

	"patoolkit/civil"
)

func TestEmployment(t *testing.T) {
	d := civil.MustParse
	pa := func(start, leave string) PA {
		var p PA
		if start != "" {
			p.StartDate = d(start)
		}
		if leave != "" {
			p.LeavingDate = d(leave)
		}
		return p
	}
	tests := []struct {
		name         string
		pa           PA
		from, to     string // to "" means no end
		want         bool
		activeOnFrom bool
	}{
		{"no dates at all", pa("", ""), "2026-05-04", "2026-05-10", true, true},
		{"started long ago, still working", pa("2025-04-06", ""), "2026-05-04", "2026-05-10", true, true},
		{"starts on the last day", pa("2026-05-10", ""), "2026-05-04", "2026-05-10", true, false},
		{"starts the day after", pa("2026-05-11", ""), "2026-05-04", "2026-05-10", false, false},
		{"left on the first day", pa("2025-04-06", "2026-05-04"), "2026-05-04", "2026-05-10", true, true},
		{"left the day before", pa("2025-04-06", "2026-05-03"), "2026-05-04", "2026-05-10", false, false},
		{"starts and leaves inside the week", pa("2026-05-05", "2026-05-08"), "2026-05-04", "2026-05-10", true, false},
		{"starts and leaves on one day", pa("2026-05-06", "2026-05-06"), "2026-05-06", "2026-05-06", true, true},
		{"open end, starts later", pa("2027-01-01", ""), "2026-05-04", "", true, false},
		{"open end, left before", pa("2025-04-06", "2026-01-31"), "2026-05-04", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var to civil.Date
			if tt.to != "" {
				to = d(tt.to)
			}
			if got := tt.pa.EmployedBetween(d(tt.from), to); got != tt.want {
				t.Errorf("EmployedBetween(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
			}
			if got := tt.pa.Active(d(tt.from)); got != tt.activeOnFrom {
				t.Errorf("Active(%s) = %v, want %v", tt.from, got, tt.activeOnFrom)
			}
			if !to.IsZero() {
				if got := tt.pa.EmployedIn(PayPeriod{From: d(tt.from), To: to}); got != tt.want {
					t.Errorf("EmployedIn = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestLeaving(t *testing.T) {
	d := civil.MustParse
	today := d("2026-05-10")
	tests := []struct {
		name            string
		leaving         string
		hasLeft, recent bool
	}{
		{"not leaving", "", false, true},
		{"leaves in the future", "2026-06-30", false, true},
		{"last day is today", "2026-05-10", false, true},
		{"left yesterday", "2026-05-09", true, true},
		{"left 60 days ago", "2026-03-11", true, true},
		{"left 61 days ago", "2026-03-10", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PA{StartDate: d("2025-04-06")}
			if tt.leaving != "" {
				p.LeavingDate = d(tt.leaving)
			}
			if got := p.HasLeft(today); got != tt.hasLeft {
				t.Errorf("HasLeft = %v, want %v", got, tt.hasLeft)
			}
			if got := p.CurrentOrRecent(today); got != tt.recent {
				t.Errorf("CurrentOrRecent = %v, want %v", got, tt.recent)
			}
		})
	}
}
