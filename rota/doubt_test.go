package rota

import (
	"strings"
	"testing"

	"patoolkit/civil"
)

func TestShiftDoubt(t *testing.T) {
	d := civil.MustParse("2026-11-17")
	at := func(day civil.Date, h, m int) Shift {
		t.Helper()
		tm, err := LocalTime(day, h*60+m)
		if err != nil {
			t.Fatal(err)
		}
		return Shift{Start: tm}
	}
	shift := func(sh, sm, eh, em int, typ ShiftType) Shift {
		s := at(d, sh, sm)
		s.End = at(EndDay(d, sh*60+sm, eh*60+em), eh, em).Start
		s.Type = typ
		return s
	}
	cases := []struct {
		name  string
		s     Shift
		words []string // "" for no doubt
	}{
		{"an ordinary day", shift(9, 0, 15, 0, Day), nil},
		{"a day shift ending at midnight", shift(16, 0, 0, 0, Day), nil},
		{"a day shift with its end before its start", shift(9, 0, 8, 0, Day), []string{"ends the next day, at 08:00 on 18/11/2026", "23 hours long"}},
		{"a day shift into the night", shift(18, 0, 2, 0, Day), []string{"ends the next day, at 02:00"}},
		{"a waking night across midnight", shift(22, 0, 8, 0, WakingNight), nil},
		{"a sleep-in across midnight", shift(22, 0, 7, 0, SleepIn), nil},
		{"16 hours exactly", shift(6, 0, 22, 0, Day), nil},
		{"16 hours and a minute", shift(6, 0, 22, 1, Day), []string{"16 hours 1 minute long, more than 16 hours"}},
		{"a long waking night", shift(18, 0, 11, 0, WakingNight), []string{"17 hours long"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.s.Doubt()
			if (got == "") != (tc.words == nil) {
				t.Fatalf("Doubt() = %q, want words %q", got, tc.words)
			}
			for _, w := range tc.words {
				if !strings.Contains(got, w) {
					t.Errorf("Doubt() = %q, lacks %q", got, w)
				}
			}
		})
	}
}
