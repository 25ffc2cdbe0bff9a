package rota

import (
	"errors"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
)

// lt parses a local London time for a test.
func lt(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := ParseLocal(s)
	if err != nil {
		t.Fatalf("ParseLocal(%q): %v", s, err)
	}
	return v
}

func TestShiftLengths(t *testing.T) {
	tests := []struct {
		name          string
		start, end    string
		typ           ShiftType
		brk, woken    int
		minutes, paid int
	}{
		{"same day", "2026-04-06 08:00", "2026-04-06 12:00", Day, 0, 0, 240, 240},
		{"same day with break", "2026-04-06 08:00", "2026-04-06 16:00", Day, 30, 0, 480, 450},
		{"across midnight", "2026-04-06 22:00", "2026-04-07 06:00", WakingNight, 0, 0, 480, 480},
		{"clocks go forward 28/29 March 2026", "2026-03-28 22:00", "2026-03-29 08:00", WakingNight, 0, 0, 540, 540},
		{"clocks go back 24/25 October 2026", "2026-10-24 22:00", "2026-10-25 08:00", WakingNight, 0, 0, 660, 660},
		{"clocks go back, with a break", "2026-10-24 22:00", "2026-10-25 08:00", WakingNight, 30, 0, 660, 630},
		{"sleep-in, not woken", "2026-04-06 22:00", "2026-04-07 08:00", SleepIn, 0, 0, 600, 0},
		{"sleep-in, woken 90 minutes", "2026-04-06 22:00", "2026-04-07 08:00", SleepIn, 0, 90, 600, 90},
		{"sleep-in across clocks going forward", "2026-03-28 22:00", "2026-03-29 08:00", SleepIn, 0, 30, 540, 30},
		{"25 hours across clocks going back", "2026-10-24 08:00", "2026-10-25 08:00", Day, 60, 0, 1500, 1440},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := NewShift(1, lt(t, tc.start), lt(t, tc.end), tc.typ, tc.brk, tc.woken)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Minutes(); got != tc.minutes {
				t.Errorf("Minutes() = %d, want %d", got, tc.minutes)
			}
			if got := s.PaidMinutes(); got != tc.paid {
				t.Errorf("PaidMinutes() = %d, want %d", got, tc.paid)
			}
		})
	}
}

func TestParseLocal(t *testing.T) {
	tests := []struct {
		in       string
		wantUTC  string // RFC3339 in UTC; "" for an error
		wantZone string
		wantErr  string
	}{
		{in: "2026-03-28 22:00", wantUTC: "2026-03-28T22:00:00Z", wantZone: "GMT"},
		{in: "28/03/2026 22:00", wantUTC: "2026-03-28T22:00:00Z", wantZone: "GMT"},
		{in: "2026-03-28T22:00", wantUTC: "2026-03-28T22:00:00Z", wantZone: "GMT"},
		{in: " 6/4/2026 8:05 ", wantUTC: "2026-04-06T07:05:00Z", wantZone: "BST"},
		{in: "2026-03-29 00:59", wantUTC: "2026-03-29T00:59:00Z", wantZone: "GMT"},
		{in: "2026-03-29 02:00", wantUTC: "2026-03-29T01:00:00Z", wantZone: "BST"},
		{in: "2026-03-29 01:30", wantErr: "There is no 01:30 on 29/03/2026 in the UK: the clocks go forward"},
		{in: "2026-03-29 01:00", wantErr: "There is no 01:00 on 29/03/2026"},
		// Happens twice: the first, in British Summer Time.
		{in: "2026-10-25 01:30", wantUTC: "2026-10-25T00:30:00Z", wantZone: "BST"},
		{in: "2026-10-25 00:59", wantUTC: "2026-10-24T23:59:00Z", wantZone: "BST"},
		{in: "2026-10-25 02:00", wantUTC: "2026-10-25T02:00:00Z", wantZone: "GMT"},
		{in: "", wantErr: "is not a date and time"},
		{in: "28/03/2026", wantErr: "is not a date and time"},
		{in: "28/03/2026 25:00", wantErr: "hours go from 00 to 23"},
		{in: "28/03/2026 8am", wantErr: "is not a time of day"},
		{in: "31/02/2026 08:00", wantErr: "has no valid date (February 2026 has no day 31)"},
		{in: "03/28/2026 08:00", wantErr: "has no valid date"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseLocal(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseLocal(%q) error = %v, want it to contain %q", tc.in, err, tc.wantErr)
				}
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("error does not wrap ErrInvalid")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := got.UTC().Format(time.RFC3339); s != tc.wantUTC {
				t.Errorf("ParseLocal(%q) = %s, want %s", tc.in, s, tc.wantUTC)
			}
			if z, _ := got.Zone(); z != tc.wantZone {
				t.Errorf("zone = %s, want %s", z, tc.wantZone)
			}
		})
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"08:00", 480, true}, {"8:00", 480, true}, {"22.30", 1350, true}, {"2230", 1350, true},
		{"00:00", 0, true}, {"23:59", 1439, true},
		{"24:00", 0, false}, {"12:60", 0, false}, {"8", 0, false}, {"", 0, false}, {"1:2", 0, false},
		{"-1:00", 0, false}, {"123:00", 0, false}, {"ab:cd", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseClock(tc.in)
			if (err == nil) != tc.ok || got != tc.want {
				t.Errorf("ParseClock(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
			}
		})
	}
	if got := FormatClock(1350); got != "22:30" {
		t.Errorf("FormatClock(1350) = %q", got)
	}
	if got := FormatClock(-60); got != "23:00" {
		t.Errorf("FormatClock(-60) = %q", got)
	}
}

func TestShiftValidate(t *testing.T) {
	base := func() Shift {
		return Shift{ID: 1, PAID: 1, Start: lt(t, "2026-04-06 08:00"), End: lt(t, "2026-04-06 16:00"), Type: Day, Status: Planned}
	}
	tests := []struct {
		name   string
		change func(*Shift)
		want   string // "" for valid
	}{
		{"valid", func(*Shift) {}, ""},
		{"ends before it starts", func(s *Shift) { s.End = lt(t, "2026-04-06 07:00") }, "The shift ends before it starts"},
		{"ends when it starts", func(s *Shift) { s.End = s.Start }, "The shift ends before it starts"},
		{"over 7 days", func(s *Shift) { s.End = s.Start.Add(7*24*time.Hour + time.Minute) }, "longer than 7 days"},
		{"7 days exactly is accepted", func(s *Shift) { s.End = s.Start.Add(7 * 24 * time.Hour); s.BreakMinutes = 60 }, ""},
		{"no start", func(s *Shift) { s.Start = time.Time{} }, "needs a start and an end"},
		{"negative break", func(s *Shift) { s.BreakMinutes = -5 }, "break can't be negative"},
		{"break as long as the shift", func(s *Shift) { s.BreakMinutes = 480 }, "as long as the shift"},
		{"woken on a day shift", func(s *Shift) { s.WokenMinutes = 30 }, "Woken time is only for sleep-ins"},
		{"sleep-in woken too long", func(s *Shift) { s.Type = SleepIn; s.WokenMinutes = 481 }, "longer than the sleep-in"},
		{"sleep-in with break", func(s *Shift) { s.Type = SleepIn; s.BreakMinutes = 30 }, "A sleep-in has no break"},
		{"negative woken", func(s *Shift) { s.Type = SleepIn; s.WokenMinutes = -1 }, "woken time can't be negative"},
		{"bad type", func(s *Shift) { s.Type = "evening" }, `"evening" is not a shift type`},
		{"no status", func(s *Shift) { s.Status = "" }, "has no status"},
		{"bad status", func(s *Shift) { s.Status = "maybe" }, `"maybe" is not a shift status`},
		{"planned with no PA", func(s *Shift) { s.PAID = 0 }, "Choose the PA"},
		{"needs cover with a PA", func(s *Shift) { s.Status = NeedsCover }, "has no PA on it"},
		{"covering own shift", func(s *Shift) { s.Status = Covered; s.CoverForPAID = 1 }, "can't cover their own shift"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := base()
			tc.change(&s)
			wantErr(t, "Validate()", s.Validate(), tc.want)
		})
	}
}

func TestNewShiftNeedsCover(t *testing.T) {
	s, err := NewShift(0, lt(t, "2026-04-06 08:00"), lt(t, "2026-04-06 12:00"), Day, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if s.Status != NeedsCover {
		t.Errorf("status = %s, want needs-cover", s.Status)
	}
}

func TestParseShiftTypeAndStatus(t *testing.T) {
	for in, want := range map[string]ShiftType{"day": Day, "Day": Day, "Waking night": WakingNight, "waking-night": WakingNight,
		"sleep-in": SleepIn, "Sleep in": SleepIn, "SLEEPIN": SleepIn} {
		got, err := ParseShiftType(in)
		if err != nil || got != want {
			t.Errorf("ParseShiftType(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseShiftType("evening"); err == nil {
		t.Error("ParseShiftType(evening) accepted")
	}
	for _, ty := range ShiftTypes {
		back, err := ParseShiftType(ty.Label())
		if err != nil || back != ty {
			t.Errorf("label %q does not read back: %q %v", ty.Label(), back, err)
		}
	}
	if Day.Label() != "Day" || WakingNight.Label() != "Waking night" || SleepIn.Label() != "Sleep-in" {
		t.Error("labels changed")
	}
}

func TestShiftDates(t *testing.T) {
	// 23:30 BST on 5 April is 22:30 UTC: the local date is what counts.
	s := Shift{Start: lt(t, "2026-04-05 23:30").UTC(), End: lt(t, "2026-04-06 07:30").UTC()}
	if got := s.Date(); got != civil.New(2026, time.April, 5) {
		t.Errorf("Date() = %s", got)
	}
	if got := s.EndDate(); got != civil.New(2026, time.April, 6) {
		t.Errorf("EndDate() = %s", got)
	}
}

func FuzzParseLocal(f *testing.F) {
	for _, s := range []string{"2026-03-28 22:00", "28/03/2026 22:00", "2026-03-29 01:30", "2026-10-25 01:30",
		"2026-10-25T01:59", "1/1/2027 0:00", "", "x y", "2026-13-01 08:00", "31/12/2199 23:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseLocal(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseLocal(%q): error %v does not wrap ErrInvalid", s, err)
			}
			return
		}
		if got.Location() != London() {
			t.Fatalf("ParseLocal(%q) not in London: %v", s, got.Location())
		}
		// Shown again and read back, it is the same instant (for a time
		// that happens twice, the first both times).
		again, err := ParseLocal(got.Format("2006-01-02 15:04"))
		if err != nil || !again.Equal(got) {
			t.Fatalf("ParseLocal(%q) = %v; read back as %v, %v", s, got, again, err)
		}
		if got.Second() != 0 || got.Nanosecond() != 0 {
			t.Fatalf("ParseLocal(%q) has seconds: %v", s, got)
		}
	})
}
