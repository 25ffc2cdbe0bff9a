package rota

import (
	"testing"

	"patoolkit/civil"
)

func TestWeekStart(t *testing.T) {
	for _, tt := range []struct{ name, day, want string }{
		{"a Monday", "2026-11-16", "2026-11-16"},
		{"a Wednesday", "2026-11-18", "2026-11-16"},
		{"a Sunday", "2026-11-22", "2026-11-16"},
		{"across a month", "2026-12-02", "2026-11-30"},
		{"across a year", "2027-01-01", "2026-12-28"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := WeekStart(civil.MustParse(tt.day)); got != civil.MustParse(tt.want) {
				t.Errorf("WeekStart(%s) = %s, want %s", tt.day, got, tt.want)
			}
		})
	}
}

func TestClockChangeMinutes(t *testing.T) {
	for _, tt := range []struct {
		name, start, end string
		want             int
	}{
		{"a day", "2026-11-16 08:00", "2026-11-16 12:00", 0},
		{"a night", "2026-11-16 22:00", "2026-11-17 08:00", 0},
		{"the clocks go back", "2026-10-24 22:00", "2026-10-25 08:00", 60},
		{"the clocks go forward", "2026-03-28 22:00", "2026-03-29 08:00", -60},
		{"a day over the change", "2026-10-25 08:00", "2026-10-25 12:00", 0},
		{"ends before it starts", "2026-11-16 12:00", "2026-11-16 08:00", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := Shift{Start: lt(t, tt.start), End: lt(t, tt.end), Type: Day}
			if got := s.ClockChangeMinutes(); got != tt.want {
				t.Errorf("ClockChangeMinutes = %d, want %d", got, tt.want)
			}
		})
	}
}
