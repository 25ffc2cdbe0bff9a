package rota

import (
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

func TestEndDay(t *testing.T) {
	d := civil.MustParse("2026-10-24")
	tests := []struct {
		name       string
		start, end int
		nextDay    bool
	}{
		{"a morning", 8 * 60, 12 * 60, false},
		{"ends a minute later", 8 * 60, 8*60 + 1, false},
		{"a night", 22 * 60, 8 * 60, true},
		{"ends at midnight", 18 * 60, 0, true},
		{"end equal to start: 24 hours", 9 * 60, 9 * 60, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := d
			if tt.nextDay {
				want = d.AddDays(1)
			}
			if got := EndDay(d, tt.start, tt.end); got != want {
				t.Errorf("EndDay = %s, want %s", got, want)
			}
		})
	}
}

func TestEntryEqual(t *testing.T) {
	start := time.Date(2026, 11, 16, 8, 0, 0, 0, London())
	base := Entry{ShiftID: 3, Start: start, End: start.Add(4 * time.Hour), Type: Day, BreakMinutes: 20, WokenMinutes: 0,
		MileageTenths: 125, Expenses: money.MustParse("3.20"), Note: "Shopping"}
	tests := []struct {
		name   string
		change func(*Entry)
		equal  bool
	}{
		{"the same", func(*Entry) {}, true},
		{"the same instant in UTC", func(e *Entry) { e.Start, e.End = e.Start.UTC(), e.End.UTC() }, true},
		{"another shift", func(e *Entry) { e.ShiftID = 4 }, false},
		{"a minute later", func(e *Entry) { e.End = e.End.Add(time.Minute) }, false},
		{"another type", func(e *Entry) { e.Type = WakingNight }, false},
		{"a longer break", func(e *Entry) { e.BreakMinutes = 30 }, false},
		{"woken", func(e *Entry) { e.WokenMinutes = 10 }, false},
		{"retained", func(e *Entry) { e.Retained = true }, false},
		{"more miles", func(e *Entry) { e.MileageTenths = 130 }, false},
		{"other expenses", func(e *Entry) { e.Expenses = 0 }, false},
		{"another note", func(e *Entry) { e.Note = "" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := base
			tt.change(&o)
			if got := base.Equal(o); got != tt.equal {
				t.Errorf("Equal = %v, want %v", got, tt.equal)
			}
			if got := SameEntries([]Entry{base, base}, []Entry{base, o}); got != tt.equal {
				t.Errorf("SameEntries = %v, want %v", got, tt.equal)
			}
		})
	}
	if SameEntries([]Entry{base}, nil) || !SameEntries(nil, []Entry{}) {
		t.Error("SameEntries with different lengths")
	}
}
