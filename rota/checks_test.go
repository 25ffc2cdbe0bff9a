package rota

import (
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// sb builds shifts for check tests, numbering them from 1.
type sb struct {
	t  *testing.T
	id int64
	ss []Shift
}

func (b *sb) add(pa int64, start, end string, typ ShiftType, brk int) *Shift {
	b.t.Helper()
	b.id++
	s := Shift{ID: b.id, PAID: pa, Start: lt(b.t, start), End: lt(b.t, end), Type: typ, BreakMinutes: brk, Status: Planned}
	if pa == 0 {
		s.Status = NeedsCover
	}
	if err := s.Validate(); err != nil {
		b.t.Fatal(err)
	}
	b.ss = append(b.ss, s)
	return &b.ss[len(b.ss)-1]
}

// weekly adds shifts for pa on each weekday in days of every week from
// monday for n weeks.
func (b *sb) weekly(pa int64, monday string, n int, days []int, start, end string, typ ShiftType, brk int) {
	b.t.Helper()
	m := civil.MustParse(monday)
	for w := 0; w < n; w++ {
		for _, d := range days {
			day := m.AddDays(7*w + d)
			endDay := day
			if e, s := clock(b.t, end), clock(b.t, start); e <= s {
				endDay = day.AddDays(1)
			}
			b.add(pa, day.String()+" "+start, endDay.String()+" "+end, typ, brk)
		}
	}
}

var checkPAs = map[int64]CheckPA{1: {Name: "Sarah Jones"}, 2: {Name: "Ali Khan"}, 3: {Name: "Zoë Ní Bhriain", OptedOut48h: true}}

func TestCheckRules(t *testing.T) {
	monFri := []int{0, 1, 2, 3, 4}
	below := func(int64, civil.Date, ShiftType) (money.Money, bool) { return 1190, true }
	fair := func(int64, civil.Date, ShiftType) (money.Money, bool) { return 1271, true }
	noRate := func(int64, civil.Date, ShiftType) (money.Money, bool) { return 0, false }
	nlw := func(int64, civil.Date) (money.Money, string, bool) {
		return 1271, "National Living Wage for 21 and over", true
	}
	tests := []struct {
		name  string
		build func(b *sb, in *CheckInput)
		want  []string // rule of each warning, in order
		msg   string   // a part of the first warning's message
	}{
		// overlap
		{"overlap: one PA on two shifts at once", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			b.add(1, "2026-04-07 10:00", "2026-04-07 14:00", Day, 0)
		}, []string{RuleOverlap}, "Sarah Jones is booked on two shifts at the same time on 07/04/2026 (08:00 to 12:00, and 10:00 to 14:00)"},
		{"overlap: one PA, even with 2:1 support", func(b *sb, in *CheckInput) {
			in.AllowTwoToOne = true
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			b.add(1, "2026-04-07 11:00", "2026-04-07 13:00", Day, 0)
		}, []string{RuleOverlap}, "One person can't work both"},
		{"overlap: a sleep-in and a day shift of one PA", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 22:00", "2026-04-08 08:00", SleepIn, 0)
			b.add(1, "2026-04-08 07:00", "2026-04-08 11:00", Day, 0)
		}, []string{RuleOverlap}, "22:00 to 08:00 the next day, and 07:00 to 11:00"},
		{"overlap: not when back to back", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			b.add(1, "2026-04-07 12:00", "2026-04-07 14:00", Day, 0)
		}, nil, ""},
		{"overlap: two PAs at once without 2:1 support", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			b.add(2, "2026-04-07 11:00", "2026-04-07 15:00", Day, 0)
		}, []string{RuleOverlap}, "Sarah Jones and Ali Khan are both booked from 11:00 to 12:00 on 07/04/2026"},
		{"overlap: two PAs at once with 2:1 support", func(b *sb, in *CheckInput) {
			in.AllowTwoToOne = true
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			b.add(2, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
		}, nil, ""},
		{"overlap: a handover within the allowance", func(b *sb, in *CheckInput) {
			in.HandoverMinutes = 15
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			b.add(2, "2026-04-07 11:45", "2026-04-07 15:00", Day, 0)
		}, nil, ""},
		{"overlap: a handover longer than the allowance", func(b *sb, in *CheckInput) {
			in.HandoverMinutes = 15
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			b.add(2, "2026-04-07 11:30", "2026-04-07 15:00", Day, 0)
		}, []string{RuleOverlap}, "from 11:30 to 12:00"},
		{"overlap: a PA and an agency carer", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			s := b.add(0, "2026-04-07 09:00", "2026-04-07 10:00", Day, 0)
			s.Status = Agency
		}, []string{RuleOverlap}, "Sarah Jones and an agency carer"},
		{"overlap: a shift needing cover and a PA", func(b *sb, in *CheckInput) {
			b.add(0, "2026-04-07 07:00", "2026-04-07 10:00", Day, 0)
			b.add(2, "2026-04-07 09:00", "2026-04-07 12:00", Day, 0)
		}, []string{RuleOverlap}, "Ali Khan and a carer not yet found (the shift needs cover) are both booked from 09:00 to 10:00"},
		{"overlap: a cancelled shift does not count", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			b.add(1, "2026-04-07 10:00", "2026-04-07 14:00", Day, 0).Status = Cancelled
		}, nil, ""},

		// rest-11h
		{"rest-11h: 9 hours between working days", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 14:00", "2026-04-07 22:00", Day, 30)
			b.add(1, "2026-04-08 07:00", "2026-04-08 11:00", Day, 0)
		}, []string{RuleRest11h}, "Sarah Jones has only 9 hours' rest between the shift ending 07/04/2026 22:00 and the one starting 08/04/2026 07:00"},
		{"rest-11h: 11 hours exactly is enough", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 12:00", "2026-04-07 20:00", Day, 30)
			b.add(1, "2026-04-08 07:00", "2026-04-08 11:00", Day, 0)
		}, nil, ""},
		{"rest-11h: a split shift on one day is not checked", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 07:00", "2026-04-07 10:00", Day, 0)
			b.add(1, "2026-04-07 17:00", "2026-04-07 21:00", Day, 0)
		}, nil, ""},
		{"rest-11h: after a split shift, from its end", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 07:00", "2026-04-07 10:00", Day, 0)
			b.add(1, "2026-04-07 17:00", "2026-04-07 21:00", Day, 0)
			b.add(1, "2026-04-08 07:00", "2026-04-08 10:00", Day, 0)
		}, []string{RuleRest11h}, "only 10 hours' rest"},
		{"rest-11h: a sleep-in running into a day shift is one working period", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 22:00", "2026-04-08 08:00", SleepIn, 0)
			b.add(1, "2026-04-08 08:00", "2026-04-08 12:00", Day, 0)
		}, nil, ""},
		{"rest-11h: a sleep-in counts as work", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 22:00", "2026-04-08 08:00", SleepIn, 0)
			b.add(1, "2026-04-08 14:00", "2026-04-08 18:00", Day, 0)
		}, []string{RuleRest11h}, "only 6 hours' rest"},
		{"rest-11h: two PAs are not compared", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 14:00", "2026-04-07 22:00", Day, 30)
			b.add(2, "2026-04-08 07:00", "2026-04-08 11:00", Day, 0)
		}, nil, ""},

		// break-6h
		{"break-6h: 7 hours with no break", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 15:00", Day, 0)
		}, []string{RuleBreak6h}, "Sarah Jones's day shift on 07/04/2026 (08:00 to 15:00, 7 hours) has no break recorded"},
		{"break-6h: 15 minutes is too short", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 15:00", Day, 15)
		}, []string{RuleBreak6h}, "has only 15 minutes' break recorded"},
		{"break-6h: 20 minutes is enough", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 15:00", Day, 20)
		}, nil, ""},
		{"break-6h: 6 hours exactly needs none", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 14:00", Day, 0)
		}, nil, ""},
		{"break-6h: a waking night too", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 22:00", "2026-04-08 07:00", WakingNight, 0)
		}, []string{RuleBreak6h}, "waking night"},
		{"break-6h: not for a sleep-in", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 22:00", "2026-04-08 08:00", SleepIn, 0)
		}, nil, ""},

		// shift-over-24h
		{"shift-over-24h: 25 hours", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-08 09:00", Day, 60)
		}, []string{RuleOver24h}, "The day shift from 07/04/2026 08:00 to 08/04/2026 09:00 is 25 hours long"},
		{"shift-over-24h: 24 hours exactly", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-08 08:00", Day, 60)
		}, nil, ""},
		{"shift-over-24h: 24 wall-clock hours as the clocks go back are 25", func(b *sb, in *CheckInput) {
			b.add(1, "2026-10-24 08:00", "2026-10-25 08:00", Day, 60)
		}, []string{RuleOver24h}, "is 25 hours long"},
		{"shift-over-24h: also when it needs cover", func(b *sb, in *CheckInput) {
			b.add(0, "2026-04-07 08:00", "2026-04-08 09:00", Day, 60)
		}, []string{RuleOver24h}, "25 hours"},

		// average-48h
		{"average-48h: 50 hours a week for 17 weeks", func(b *sb, in *CheckInput) {
			b.weekly(1, "2026-04-06", 17, monFri, "08:00", "18:30", Day, 30)
		}, []string{RuleAverage48h}, "Sarah Jones's working time averages 50 hours a week over the 17 weeks to the week of 27/07/2026, more than the 48-hour limit (first over in the week of 06/04/2026). Reduce their hours"},
		{"average-48h: 47 hours a week", func(b *sb, in *CheckInput) {
			b.weekly(1, "2026-04-06", 17, monFri, "08:00", "17:54", Day, 30)
		}, nil, ""},
		{"average-48h: not for a PA who opted out", func(b *sb, in *CheckInput) {
			b.weekly(3, "2026-04-06", 17, monFri, "08:00", "18:30", Day, 30)
		}, nil, ""},
		{"average-48h: a long week among short ones averages out", func(b *sb, in *CheckInput) {
			in.From = civil.MustParse("2026-07-27")
			b.weekly(1, "2026-04-06", 16, monFri, "08:00", "16:30", Day, 30) // 40 hours
			b.weekly(1, "2026-07-27", 1, []int{0, 1, 2, 3, 4, 5}, "07:00", "18:30", Day, 30)
		}, nil, ""},
		{"average-48h: sleep-ins count in full", func(b *sb, in *CheckInput) {
			b.weekly(1, "2026-04-06", 4, []int{0, 1, 2, 3, 4}, "22:00", "08:00", SleepIn, 0) // 50 hours
		}, []string{RuleAverage48h}, "averages 50 hours a week"},

		// minimum-wage
		{"minimum-wage: below the National Living Wage", func(b *sb, in *CheckInput) {
			in.HourlyRate, in.MinimumWage = below, nlw
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
			b.add(1, "2026-04-08 08:00", "2026-04-08 12:00", Day, 0)
		}, []string{RuleMinimumWage}, "Sarah Jones is paid £11.90 an hour for day shifts, below the National Living Wage for 21 and over (£12.71 an hour), on 2 shifts from 07/04/2026"},
		{"minimum-wage: at the minimum", func(b *sb, in *CheckInput) {
			in.HourlyRate, in.MinimumWage = fair, nlw
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
		}, nil, ""},
		{"minimum-wage: no contract on the day", func(b *sb, in *CheckInput) {
			in.HourlyRate, in.MinimumWage = noRate, nlw
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
		}, []string{RuleMinimumWage}, "There is no pay rate for Sarah Jones on 07/04/2026"},
		{"minimum-wage: not checked when no rates are given", func(b *sb, in *CheckInput) {
			b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
		}, nil, ""},
		{"minimum-wage: a sleep-in's woken rate", func(b *sb, in *CheckInput) {
			in.HourlyRate, in.MinimumWage = below, nlw
			b.add(1, "2026-04-07 22:00", "2026-04-08 08:00", SleepIn, 0)
		}, []string{RuleMinimumWage}, "for time woken during sleep-ins"},

		// support-hours
		{"support-hours: more than agreed", func(b *sb, in *CheckInput) {
			in.SupportMinutesPerWeek = 42 * 60
			in.From, in.To = civil.MustParse("2026-04-13"), civil.MustParse("2026-04-19")
			b.weekly(1, "2026-04-13", 1, monFri, "08:00", "17:00", Day, 60) // 40 hours
			b.add(2, "2026-04-18 09:00", "2026-04-18 15:00", Day, 0)        // 6 hours
		}, []string{RuleSupportHours}, "Week of 13/04/2026: 46 hours planned, 4 hours more than the 42 hours agreed with the council."},
		{"support-hours: as agreed", func(b *sb, in *CheckInput) {
			in.SupportMinutesPerWeek = 20 * 60
			in.From, in.To = civil.MustParse("2026-04-13"), civil.MustParse("2026-04-19")
			b.weekly(1, "2026-04-13", 1, monFri, "08:00", "12:00", Day, 0)
		}, nil, ""},
		{"support-hours: fewer than agreed, with cover needed and a hospital stay", func(b *sb, in *CheckInput) {
			in.SupportMinutesPerWeek = 20 * 60
			in.From, in.To = civil.MustParse("2026-04-13"), civil.MustParse("2026-04-19")
			b.weekly(1, "2026-04-13", 1, []int{0, 1, 2}, "08:00", "12:00", Day, 0)
			b.add(0, "2026-04-16 08:00", "2026-04-16 10:00", Day, 0)
			b.add(1, "2026-04-17 08:00", "2026-04-17 12:00", Day, 0).Status = Suspended
		}, []string{RuleSupportHours},
			"Week of 13/04/2026: 14 hours planned, 6 hours fewer than the 20 hours agreed with the council. Add shifts or agency cover, or keep a note of why (the council may ask). This includes 2 hours that still need cover. 4 hours were not needed because of a hospital stay."},
		{"support-hours: a part week at the ends is not checked", func(b *sb, in *CheckInput) {
			in.SupportMinutesPerWeek = 20 * 60
			in.From, in.To = civil.MustParse("2026-04-15"), civil.MustParse("2026-04-19")
			b.add(1, "2026-04-15 08:00", "2026-04-15 12:00", Day, 0)
		}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := &sb{t: t}
			in := CheckInput{PAs: checkPAs}
			tc.build(b, &in)
			in.Shifts = b.ss
			got := Check(in)
			var rules []string
			for _, w := range got {
				rules = append(rules, w.Rule)
			}
			if strings.Join(rules, ",") != strings.Join(tc.want, ",") {
				for _, w := range got {
					t.Logf("%s %s %d: %s", w.Date, w.Rule, w.PAID, w.Message)
				}
				t.Fatalf("rules = %v, want %v", rules, tc.want)
			}
			if tc.msg != "" && !strings.Contains(got[0].Message, tc.msg) {
				t.Errorf("message %q\nwant it to contain %q", got[0].Message, tc.msg)
			}
		})
	}
}

func TestCheckSupportHoursMessage(t *testing.T) {
	b := &sb{t: t}
	b.weekly(1, "2026-04-13", 1, []int{0, 1, 2, 3, 4}, "08:00", "17:00", Day, 60) // 40 hours
	b.add(2, "2026-04-18 09:00", "2026-04-18 15:00", Day, 0)                      // 6 hours
	got := Check(CheckInput{Shifts: b.ss, PAs: checkPAs, SupportMinutesPerWeek: 42 * 60,
		From: civil.MustParse("2026-04-13"), To: civil.MustParse("2026-04-19")})
	if len(got) != 1 || got[0].Rule != RuleSupportHours || got[0].PAID != 0 || got[0].ShiftID != 0 ||
		got[0].Date != civil.MustParse("2026-04-13") {
		t.Fatalf("got %+v", got)
	}
	want := "Week of 13/04/2026: 46 hours planned, 4 hours more than the 42 hours agreed with the council."
	if !strings.HasPrefix(got[0].Message, want) {
		t.Errorf("message %q\nwant %q", got[0].Message, want)
	}
}

func TestCheckAverage48Runs(t *testing.T) {
	// 40 hours a week for 16 weeks, then 60 hours a week for 10 weeks: the
	// 17-week average first passes 48 hours after 7 of the long weeks
	// ((10 x 40 + 7 x 60) / 17 = 48.2); one warning, dated that week.
	b := &sb{t: t}
	b.weekly(1, "2026-01-05", 16, []int{0, 1, 2, 3, 4}, "08:00", "16:30", Day, 30)
	b.weekly(1, "2026-04-27", 10, []int{0, 1, 2, 3, 4}, "07:00", "19:30", Day, 30)
	got := Check(CheckInput{Shifts: b.ss, PAs: checkPAs, From: civil.MustParse("2026-04-27"), To: civil.MustParse("2026-07-05")})
	if len(got) != 1 || got[0].Rule != RuleAverage48h {
		t.Fatalf("got %+v", got)
	}
	if got[0].Date != civil.MustParse("2026-06-08") {
		t.Errorf("dated %s, want the week of 08/06/2026", got[0].Date)
	}
	// The peak is the last week: (6 x 40 + 10 x 60 ... over 17 weeks ending 29/06.
	if !strings.Contains(got[0].Message, "averages 51 hours 46 minutes a week over the 17 weeks to the week of 29/06/2026") {
		t.Errorf("message: %s", got[0].Message)
	}
}

func TestCheckOrderAndRange(t *testing.T) {
	b := &sb{t: t}
	b.add(2, "2026-04-08 08:00", "2026-04-08 15:00", Day, 0) // break-6h, PA 2
	b.add(1, "2026-04-08 08:00", "2026-04-08 15:00", Day, 0) // break-6h, PA 1 (overlaps PA 2)
	b.add(1, "2026-04-07 08:00", "2026-04-07 15:00", Day, 0) // break-6h
	b.add(1, "2026-04-20 08:00", "2026-04-20 15:00", Day, 0) // outside the range
	got := Check(CheckInput{Shifts: b.ss, PAs: checkPAs, From: civil.MustParse("2026-04-06"), To: civil.MustParse("2026-04-12")})
	var keys []string
	for _, w := range got {
		keys = append(keys, w.Date.String()+"/"+string(rune('0'+w.PAID))+"/"+w.Rule)
	}
	want := "2026-04-07/1/break-6h 2026-04-08/1/break-6h 2026-04-08/1/overlap 2026-04-08/2/break-6h"
	if strings.Join(keys, " ") != want {
		t.Errorf("order:\n%s\nwant\n%s", strings.Join(keys, " "), want)
	}
	if Check(CheckInput{}) != nil {
		t.Error("no shifts should give no warnings")
	}
	groups := GroupWarnings(got)
	if len(groups) != 3 || groups[0].Rule != RuleBreak6h || groups[0].PAID != 1 || groups[0].Count != 2 ||
		groups[0].First != civil.MustParse("2026-04-07") || groups[0].Last != civil.MustParse("2026-04-08") {
		t.Errorf("groups: %+v", groups)
	}
}

func TestOverlapsAndConcurrent(t *testing.T) {
	b := &sb{t: t}
	b.add(1, "2026-04-07 08:00", "2026-04-07 12:00", Day, 0)
	b.add(2, "2026-04-07 10:00", "2026-04-07 14:00", Day, 0)
	b.add(1, "2026-04-07 13:00", "2026-04-07 15:00", Day, 0).Status = Cancelled
	b.add(0, "2026-04-07 11:00", "2026-04-07 12:00", Day, 0).Status = Agency
	s := Shift{ID: 0, PAID: 1, Start: lt(t, "2026-04-07 11:00"), End: lt(t, "2026-04-07 14:00"), Type: Day, Status: Planned}
	if got := Overlaps(b.ss, s); len(got) != 1 || got[0].ID != 1 {
		t.Errorf("Overlaps = %+v", got)
	}
	if got := Concurrent(b.ss, s); len(got) != 2 || got[0].ID != 2 || got[1].ID != 4 {
		t.Errorf("Concurrent = %+v", got)
	}
	// Editing shift 1 does not clash with itself.
	if got := Overlaps(b.ss, b.ss[0]); len(got) != 0 {
		t.Errorf("a shift overlaps itself: %+v", got)
	}
	s.End = lt(t, "2026-04-07 08:00")
	s.Start = lt(t, "2026-04-07 07:00")
	if got := Overlaps(b.ss, s); len(got) != 0 {
		t.Errorf("touching shifts overlap: %+v", got)
	}
}

func TestCheckIgnoresBrokenShifts(t *testing.T) {
	// A shift ending before it starts is not stored, but Check must not
	// fail on one.
	s := Shift{ID: 1, PAID: 1, Start: time.Date(2026, 4, 7, 12, 0, 0, 0, London()), End: time.Date(2026, 4, 7, 8, 0, 0, 0, London()), Type: Day, Status: Planned}
	if got := Check(CheckInput{Shifts: []Shift{s}, SupportMinutesPerWeek: 60}); len(got) != 0 {
		t.Errorf("got %+v", got)
	}
	if got := Check(CheckInput{Shifts: []Shift{s}, From: civil.MustParse("2026-05-01"), To: civil.MustParse("2026-04-01")}); got != nil {
		t.Errorf("reversed range: %+v", got)
	}
}

func TestHoursOf(t *testing.T) {
	for _, tc := range []struct {
		name    string
		minutes int
		want    string
	}{
		{"one hour", 60, "1 hour's"},
		{"hours", 600, "10 hours'"},
		{"minutes", 15, "15 minutes'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := hoursOf(tc.minutes); got != tc.want {
				t.Errorf("hoursOf(%d) = %q, want %q", tc.minutes, got, tc.want)
			}
		})
	}
}
