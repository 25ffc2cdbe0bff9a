package rota

import (
	"testing"
	"time"
)

// TestOverlapAndHandover: one arithmetic for the service's refusal
// (TwoAtOnce, Overlaps) and the rota checks' overlap warning.
func TestOverlapAndHandover(t *testing.T) {
	tests := []struct {
		name              string
		aPA, bPA          int64
		aFrom, aTo        string
		bFrom, bTo        string
		handover          int
		overlap           time.Duration
		samePA, twoAtOnce bool
	}{
		{"apart", 1, 2, "08:00", "12:00", "13:00", "15:00", 30, 0, false, false},
		{"touching", 1, 2, "08:00", "12:00", "12:00", "15:00", 30, 0, false, false},
		{"a 30-minute handover", 1, 2, "08:00", "12:00", "11:30", "15:00", 30, 30 * time.Minute, false, false},
		{"31 minutes together", 1, 2, "08:00", "12:00", "11:29", "15:00", 30, 31 * time.Minute, false, true},
		{"no handover allowed", 1, 2, "08:00", "12:00", "11:59", "15:00", 0, time.Minute, false, true},
		{"one inside the other", 1, 2, "08:00", "18:00", "10:00", "11:00", 30, time.Hour, false, true},
		{"the same PA, one minute", 1, 1, "08:00", "12:00", "11:59", "15:00", 30, time.Minute, true, false},
		{"agency and PA", 0, 2, "08:00", "12:00", "10:00", "15:00", 30, 2 * time.Hour, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := "2026-04-07 "
			a := Shift{ID: 1, PAID: tt.aPA, Start: lt(t, day+tt.aFrom), End: lt(t, day+tt.aTo), Type: Day, Status: Planned}
			if tt.aPA == 0 {
				a.Status = Agency
			}
			b := Shift{ID: 2, PAID: tt.bPA, Start: lt(t, day+tt.bFrom), End: lt(t, day+tt.bTo), Type: Day, Status: Planned}
			if got := Overlap(a, b); got != tt.overlap {
				t.Errorf("Overlap = %v, want %v", got, tt.overlap)
			}
			if got := Overlap(b, a); got != tt.overlap {
				t.Errorf("Overlap the other way = %v, want %v", got, tt.overlap)
			}
			if got := len(Overlaps([]Shift{a}, b)) > 0; got != tt.samePA {
				t.Errorf("Overlaps = %v, want %v", got, tt.samePA)
			}
			if got := len(TwoAtOnce([]Shift{a}, b, tt.handover)) > 0; got != tt.twoAtOnce {
				t.Errorf("TwoAtOnce = %v, want %v", got, tt.twoAtOnce)
			}
			// The checks warn about exactly what the service refuses.
			ws := Check(CheckInput{Shifts: []Shift{a, b}, PAs: map[int64]CheckPA{1: {Name: "Ann"}, 2: {Name: "Bo"}},
				HandoverMinutes: tt.handover})
			warned := false
			for _, w := range ws {
				if w.Rule == RuleOverlap {
					warned = true
				}
			}
			if want := tt.samePA || tt.twoAtOnce; warned != want {
				t.Errorf("overlap warning = %v, want %v (%+v)", warned, want, ws)
			}
		})
	}
}
