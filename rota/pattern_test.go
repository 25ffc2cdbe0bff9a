package rota

import (
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/text"
)

func clock(t testing.TB, s string) int {
	t.Helper()
	m, err := ParseClock(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// weekdays returns an entry per weekday from Monday to Friday.
func weekdays(t testing.TB, pa int64, start, end string, typ ShiftType, brk int) []PatternEntry {
	var out []PatternEntry
	for d := time.Monday; d <= time.Friday; d++ {
		out = append(out, PatternEntry{PAID: pa, Week: 1, Weekday: d, Start: clock(t, start), End: clock(t, end), Type: typ, BreakMinutes: brk})
	}
	return out
}

// brief shows shifts as "2026-04-06 08:00-12:00 pa1" lines for comparison.
func brief(ss []Shift) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.Date().String() + " " + clockOf(s.Start) + "-" + clockOf(s.End) + " " + string(s.Type))
		b.WriteString(" pa" + string(rune('0'+s.PAID)) + " " + text.Hours(s.Minutes()) + "\n")
	}
	return b.String()
}

func TestOccurrences(t *testing.T) {
	anchor := civil.MustParse("2026-04-06") // a Monday
	tests := []struct {
		name     string
		p        Pattern
		from, to string
		want     string
	}{
		{
			name: "weekly Mon-Fri mornings",
			p:    Pattern{ID: 1, Cycle: 1, From: anchor, Entries: weekdays(t, 1, "08:00", "12:00", Day, 0)},
			from: "2026-04-06", to: "2026-04-12",
			want: "2026-04-06 08:00-12:00 day pa1 4 hours\n2026-04-07 08:00-12:00 day pa1 4 hours\n" +
				"2026-04-08 08:00-12:00 day pa1 4 hours\n2026-04-09 08:00-12:00 day pa1 4 hours\n2026-04-10 08:00-12:00 day pa1 4 hours\n",
		},
		{
			name: "fortnightly: week 2 Saturday sleep-in only in week 2",
			p: Pattern{ID: 2, Cycle: 2, Anchor: anchor, From: civil.MustParse("2026-03-01"), Entries: []PatternEntry{
				{PAID: 2, Week: 2, Weekday: time.Saturday, Start: clock(t, "22:00"), End: clock(t, "08:00"), Type: SleepIn},
				{PAID: 3, Week: 1, Weekday: time.Sunday, Start: clock(t, "10:00"), End: clock(t, "14:00"), Type: Day},
			}},
			// 23/03 is two weeks before the anchor: week 1; 30/03 is week 2.
			from: "2026-03-23", to: "2026-05-03",
			want: "2026-03-29 10:00-14:00 day pa3 4 hours\n" +
				"2026-04-04 22:00-08:00 sleep-in pa2 10 hours\n" +
				"2026-04-12 10:00-14:00 day pa3 4 hours\n" +
				"2026-04-18 22:00-08:00 sleep-in pa2 10 hours\n" +
				"2026-04-26 10:00-14:00 day pa3 4 hours\n" +
				"2026-05-02 22:00-08:00 sleep-in pa2 10 hours\n",
		},
		{
			name: "next-day end across both clock changes has true lengths",
			p: Pattern{ID: 3, Cycle: 1, From: civil.MustParse("2026-01-01"), Entries: []PatternEntry{
				{PAID: 1, Week: 1, Weekday: time.Saturday, Start: clock(t, "22:00"), End: clock(t, "08:00"), Type: WakingNight},
			}},
			from: "2026-03-21", to: "2026-03-28",
			want: "2026-03-21 22:00-08:00 waking-night pa1 10 hours\n2026-03-28 22:00-08:00 waking-night pa1 9 hours\n",
		},
		{
			name: "clocks going back",
			p: Pattern{ID: 3, Cycle: 1, From: civil.MustParse("2026-01-01"), Entries: []PatternEntry{
				{PAID: 1, Week: 1, Weekday: time.Saturday, Start: clock(t, "22:00"), End: clock(t, "08:00"), Type: WakingNight},
			}},
			from: "2026-10-24", to: "2026-10-31",
			want: "2026-10-24 22:00-08:00 waking-night pa1 11 hours\n2026-10-31 22:00-08:00 waking-night pa1 10 hours\n",
		},
		{
			name: "a time the clocks skip moves an hour later",
			p: Pattern{ID: 4, Cycle: 1, From: civil.MustParse("2026-01-01"), Entries: []PatternEntry{
				{PAID: 1, Week: 1, Weekday: time.Sunday, Start: clock(t, "01:30"), End: clock(t, "05:00"), Type: Day},
			}},
			from: "2026-03-29", to: "2026-03-29",
			want: "2026-03-29 02:30-05:00 day pa1 2 hours 30 minutes\n",
		},
		{
			name: "From and Until bound the fill",
			p: Pattern{ID: 5, Cycle: 1, From: civil.MustParse("2026-04-08"), Until: civil.MustParse("2026-04-09"),
				Entries: weekdays(t, 1, "08:00", "12:00", Day, 0)},
			from: "2026-04-01", to: "2026-04-30",
			want: "2026-04-08 08:00-12:00 day pa1 4 hours\n2026-04-09 08:00-12:00 day pa1 4 hours\n",
		},
		{
			name: "range before the pattern starts is empty",
			p:    Pattern{ID: 5, Cycle: 1, From: civil.MustParse("2026-04-08"), Entries: weekdays(t, 1, "08:00", "12:00", Day, 0)},
			from: "2026-04-01", to: "2026-04-07",
			want: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.p.Occurrences(civil.MustParse(tc.from), civil.MustParse(tc.to))
			if err != nil {
				t.Fatal(err)
			}
			if b := brief(got); b != tc.want {
				t.Errorf("got\n%s\nwant\n%s", b, tc.want)
			}
			for _, s := range got {
				if s.PatternID != tc.p.ID || s.PatternDate != s.Date() || s.Status != Planned || s.PatternEntryID == 0 {
					t.Errorf("occurrence not marked: %+v", s)
				}
				if err := s.Validate(); err != nil {
					t.Errorf("occurrence invalid: %v", err)
				}
			}
		})
	}
}

func TestPatternValidate(t *testing.T) {
	ok := func() Pattern {
		return Pattern{ID: 1, Cycle: 1, From: civil.MustParse("2026-04-06"), Entries: weekdays(t, 1, "08:00", "12:00", Day, 0)}
	}
	tests := []struct {
		name   string
		change func(*Pattern)
		want   string
	}{
		{"valid", func(*Pattern) {}, ""},
		{"cycle 3", func(p *Pattern) { p.Cycle = 3 }, "every week or every 2 weeks"},
		{"fortnightly without anchor", func(p *Pattern) { p.Cycle = 2 }, "needs the Monday that starts its week 1"},
		{"anchor not a Monday", func(p *Pattern) { p.Anchor = civil.MustParse("2026-04-07") }, "07/04/2026 is a Tuesday"},
		{"no start", func(p *Pattern) { p.From = civil.Date{} }, "Choose the date the pattern starts"},
		{"ends before it starts", func(p *Pattern) { p.Until = civil.MustParse("2026-04-01") }, "ends (01/04/2026) before it starts"},
		{"no PA", func(p *Pattern) { p.Entries[0].PAID = 0 }, "Shift 1 of the pattern has no PA"},
		{"week 2 in a weekly pattern", func(p *Pattern) { p.Entries[1].Week = 2 }, "Shift 2 of the pattern is in week 2, but the pattern is weekly"},
		{"week 3 in a fortnightly pattern", func(p *Pattern) {
			p.Cycle, p.Anchor = 2, civil.MustParse("2026-04-06")
			p.Entries[0].Week = 3
		}, "a fortnightly pattern has weeks 1 and 2"},
		{"bad weekday", func(p *Pattern) { p.Entries[0].Weekday = 7 }, "no day of the week"},
		{"time out of range", func(p *Pattern) { p.Entries[0].End = 1440 }, "outside 00:00 to 23:59"},
		{"same start and end", func(p *Pattern) { p.Entries[0].End = p.Entries[0].Start }, "starts and ends at 08:00"},
		{"no type", func(p *Pattern) { p.Entries[0].Type = "" }, "has no type"},
		{"negative break", func(p *Pattern) { p.Entries[0].BreakMinutes = -1 }, "negative break"},
		{"break too long", func(p *Pattern) { p.Entries[0].BreakMinutes = 240 }, "break as long as the shift"},
		{"sleep-in break", func(p *Pattern) { p.Entries[0].Type = SleepIn; p.Entries[0].BreakMinutes = 10 }, "which has no break"},
		{"duplicate entry IDs", func(p *Pattern) { p.Entries[0].ID = 2 }, "same number as another"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := ok()
			tc.change(&p)
			wantErr(t, "Validate()", p.Validate(), tc.want)
			if tc.want == "" {
				return
			}
			if _, err := p.Occurrences(p.From, p.From.AddDays(7)); err == nil {
				t.Error("Occurrences accepted an invalid pattern")
			}
		})
	}
}

func TestOccurrencesLimits(t *testing.T) {
	p := Pattern{ID: 1, Cycle: 1, From: civil.MustParse("2026-01-01"), Entries: weekdays(t, 1, "08:00", "12:00", Day, 0)}
	if _, err := p.Occurrences(civil.MustParse("2026-01-01"), civil.MustParse("2040-01-01")); err == nil || !strings.Contains(err.Error(), "over ten years") {
		t.Errorf("a 14-year fill: %v", err)
	}
	if _, err := p.Occurrences(civil.Date{}, civil.MustParse("2026-02-01")); err == nil {
		t.Error("an unset start was accepted")
	}
}

func TestRefill(t *testing.T) {
	from, to := civil.MustParse("2026-04-06"), civil.MustParse("2026-04-19") // two weeks
	p := Pattern{ID: 7, Cycle: 1, From: from, Entries: []PatternEntry{
		{ID: 1, PAID: 1, Week: 1, Weekday: time.Monday, Start: clock(t, "08:00"), End: clock(t, "12:00"), Type: Day},
		{ID: 2, PAID: 1, Week: 1, Weekday: time.Wednesday, Start: clock(t, "08:00"), End: clock(t, "12:00"), Type: Day},
		{ID: 3, PAID: 1, Week: 1, Weekday: time.Friday, Start: clock(t, "08:00"), End: clock(t, "12:00"), Type: Day},
	}}
	first, err := p.Occurrences(from, to)
	if err != nil {
		t.Fatal(err)
	}
	// Stored: give IDs 101...
	existing := make([]Shift, len(first))
	for i, s := range first {
		s.ID = int64(101 + i)
		existing[i] = s
	}
	// The first Monday was moved by hand; the first Wednesday needs cover.
	existing[0].Start = lt(t, "2026-04-06 09:00")
	existing[0].Edited = true
	existing[1].Status, existing[1].CoverForPAID, existing[1].PAID = NeedsCover, 1, 0
	// A shift added by hand, and one from another pattern.
	existing = append(existing,
		Shift{ID: 200, PAID: 1, Start: lt(t, "2026-04-07 08:00"), End: lt(t, "2026-04-07 09:00"), Type: Day, Status: Planned},
		Shift{ID: 201, PAID: 2, Start: lt(t, "2026-04-10 08:00"), End: lt(t, "2026-04-10 09:00"), Type: Day, Status: Planned,
			PatternID: 8, PatternEntryID: 3, PatternDate: civil.MustParse("2026-04-10")},
	)

	// Unchanged pattern: nothing to do.
	add, upd, rem, err := p.Refill(existing, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(add)+len(upd)+len(rem) != 0 {
		t.Fatalf("unchanged pattern: add %d update %d remove %d", len(add), len(upd), len(rem))
	}

	// Changed: Mondays end at 13:00, Fridays dropped, Saturday added.
	p2 := p
	p2.Entries = []PatternEntry{
		{ID: 1, PAID: 1, Week: 1, Weekday: time.Monday, Start: clock(t, "08:00"), End: clock(t, "13:00"), Type: Day},
		{ID: 2, PAID: 1, Week: 1, Weekday: time.Wednesday, Start: clock(t, "08:00"), End: clock(t, "12:00"), Type: Day},
		{ID: 4, PAID: 2, Week: 1, Weekday: time.Saturday, Start: clock(t, "22:00"), End: clock(t, "08:00"), Type: SleepIn},
	}
	existing[3].Note = "bring keys" // second Monday (IDs: Mon 101, Wed 102, Fri 103, Mon 104, Wed 105, Fri 106)
	add, upd, rem, err = p2.Refill(existing, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if got := brief(add); got != "2026-04-11 22:00-08:00 sleep-in pa2 10 hours\n2026-04-18 22:00-08:00 sleep-in pa2 10 hours\n" {
		t.Errorf("add:\n%s", got)
	}
	if len(upd) != 1 || upd[0].ID != 104 || clockOf(upd[0].End) != "13:00" || upd[0].Note != "bring keys" {
		t.Errorf("update: %+v (the edited first Monday must be left alone)", upd)
	}
	var remIDs []int64
	for _, s := range rem {
		remIDs = append(remIDs, s.ID)
	}
	if len(remIDs) != 2 || remIDs[0] != 103 || remIDs[1] != 106 {
		t.Errorf("remove: %v, want the two Fridays 103 and 106", remIDs)
	}

	// Refilling only from a date leaves earlier shifts alone.
	_, _, rem, _ = p2.Refill(existing, civil.MustParse("2026-04-13"), to)
	if len(rem) != 1 || rem[0].ID != 106 {
		t.Errorf("refill from 13/04: remove %v", rem)
	}

	// An unsaved pattern can't refill.
	p3 := p2
	p3.ID = 0
	if _, _, _, err := p3.Refill(existing, from, to); err == nil {
		t.Error("refill of an unsaved pattern accepted")
	}
}

func TestChangeFrom(t *testing.T) {
	p := Pattern{ID: 1, Name: "Weekdays", Cycle: 1, From: civil.MustParse("2026-04-06"), Entries: weekdays(t, 1, "08:00", "12:00", Day, 0)}
	old, next, err := p.ChangeFrom(civil.MustParse("2026-05-04"), weekdays(t, 2, "09:00", "13:00", Day, 0))
	if err != nil {
		t.Fatal(err)
	}
	if old.Until != civil.MustParse("2026-05-03") || old.ID != 1 {
		t.Errorf("old = %+v", old)
	}
	if next.ID != 0 || next.From != civil.MustParse("2026-05-04") || next.Entries[0].PAID != 2 || next.Name != "Weekdays" {
		t.Errorf("next = %+v", next)
	}
	// The old pattern no longer makes shifts from the change.
	occ, _ := old.Occurrences(civil.MustParse("2026-05-04"), civil.MustParse("2026-05-10"))
	if len(occ) != 0 {
		t.Errorf("old pattern still fills after the change: %d", len(occ))
	}
	for _, d := range []string{"2026-04-06", "2026-04-01"} {
		t.Run(d, func(t *testing.T) {
			if _, _, err := p.ChangeFrom(civil.MustParse(d), nil); err == nil {
				t.Errorf("change from %s accepted", d)
			}
		})
	}
	if _, _, err := p.ChangeFrom(civil.MustParse("2026-05-04"), []PatternEntry{{PAID: 0}}); err == nil {
		t.Error("invalid new entries accepted")
	}
}

func TestPatternEntryLabel(t *testing.T) {
	e := PatternEntry{PAID: 1, Week: 2, Weekday: time.Saturday, Start: 22 * 60, End: 8 * 60, Type: SleepIn}
	if got := e.Label(2); got != "Week 2, Saturday 22:00–08:00 Sleep-in" {
		t.Errorf("Label = %q", got)
	}
	if got := e.Label(1); got != "Saturday 22:00–08:00 Sleep-in" {
		t.Errorf("Label = %q", got)
	}
}
