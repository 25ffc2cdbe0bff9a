package civil

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	good := map[string]Date{
		"2026-04-06": {2026, time.April, 6},
		"06/04/2026": {2026, time.April, 6},
		"6/4/2026":   {2026, time.April, 6},
		"29.02.2024": {2024, time.February, 29},
		"31-12-2025": {2025, time.December, 31},
	}
	for in, want := range good {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2026-02-30", "29/02/2025", "31/04/2026", "04/31/2026", "6/4/26", "x", "2026/04/06", "1/1/1800", "00/01/2026", "2026-13-01"} {
		t.Run(in, func(t *testing.T) {
			if got, err := Parse(in); err == nil {
				t.Errorf("Parse(%q) = %v, want an error", in, got)
			}
		})
	}
	if d, err := ParseOptional("  "); err != nil || !d.IsZero() {
		t.Errorf("ParseOptional blank = %v, %v", d, err)
	}
}

func TestArithmetic(t *testing.T) {
	d := MustParse("2026-03-28")
	if got := d.AddDays(4).String(); got != "2026-04-01" {
		t.Errorf("AddDays = %s", got)
	}
	if n := MustParse("2027-04-05").DaysSince(MustParse("2026-04-06")); n != 364 {
		t.Errorf("DaysSince = %d", n)
	}
	if w := MustParse("2026-11-20").Weekday(); w != time.Friday {
		t.Errorf("Weekday = %v", w)
	}
	if got := d.UK(); got != "28/03/2026" {
		t.Errorf("UK = %s", got)
	}
	if got := d.Long(); got != "28 March 2026" {
		t.Errorf("Long = %s", got)
	}
	if !d.Before(d.AddDays(1)) || d.After(d) || d.Compare(d) != 0 {
		t.Error("Compare is wrong")
	}
}

func TestAgeOn(t *testing.T) {
	b := MustParse("2004-11-22")
	cases := map[string]int{"2026-11-21": 21, "2026-11-22": 22, "2025-01-01": 20}
	for on, want := range cases {
		if got := AgeOn(b, MustParse(on)); got != want {
			t.Errorf("AgeOn(%s) = %d, want %d", on, got, want)
		}
	}
	leap := MustParse("2008-02-29")
	if AgeOn(leap, MustParse("2026-02-28")) != 17 || AgeOn(leap, MustParse("2026-03-01")) != 18 {
		t.Error("leap-day birthday wrong")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-04-06", "06/04/2026", "29/02/2024", "a/b/c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		for _, out := range []string{d.String(), d.UK()} {
			if back, err := Parse(out); err != nil || back != d {
				t.Fatalf("%q -> %v -> %q -> %v, %v", s, d, out, back, err)
			}
		}
	})
}

func TestWorkingDayOnOrBefore(t *testing.T) {
	christmas := func(d Date) bool { return d.Month == time.December && (d.Day == 25 || d.Day == 26) }
	always := func(Date) bool { return true }
	for _, tt := range []struct {
		name, day, want string
		holiday         func(Date) bool
	}{
		{"a working day stays", "2026-11-20", "2026-11-20", nil},
		{"a Sunday moves to Friday", "2026-11-22", "2026-11-20", nil},
		{"Saturday 26 December 2026, after Christmas Day, to Thursday 24th", "2026-12-26", "2026-12-24", christmas},
		{"every day a holiday: stops after 31 days", "2026-12-31", "2026-11-30", always},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := WorkingDayOnOrBefore(MustParse(tt.day), tt.holiday); got != MustParse(tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
