package rota

import (
	"fmt"
	"strings"
	"testing"

	"patoolkit/civil"
)

func weekShifts(t *testing.T) []Shift {
	return []Shift{
		{ID: 1, PAID: 1, Start: lt(t, "2026-04-06 08:00"), End: lt(t, "2026-04-06 12:00"), Type: Day, Status: Planned},
		{ID: 2, PAID: 1, Start: lt(t, "2026-04-06 17:00"), End: lt(t, "2026-04-06 19:00"), Type: Day, Status: Planned},
		{ID: 3, PAID: 2, Start: lt(t, "2026-04-11 22:00"), End: lt(t, "2026-04-12 08:00"), Type: SleepIn, WokenMinutes: 30, Status: Planned},
		{ID: 4, CoverForPAID: 1, Start: lt(t, "2026-04-08 08:00"), End: lt(t, "2026-04-08 12:00"), Type: Day, Status: NeedsCover},
		{ID: 5, PAID: 2, CoverForPAID: 1, Start: lt(t, "2026-04-09 08:00"), End: lt(t, "2026-04-09 12:00"), Type: Day, Status: Covered},
		{ID: 6, CoverForPAID: 1, Start: lt(t, "2026-04-10 08:00"), End: lt(t, "2026-04-10 12:00"), Type: Day, Status: Agency},
		{ID: 7, PAID: 9, Start: lt(t, "2026-04-07 09:00"), End: lt(t, "2026-04-07 17:00"), Type: Day, BreakMinutes: 30, Status: Planned},
		// The Sunday night before and the Monday after are not in the week.
		{ID: 8, PAID: 1, Start: lt(t, "2026-04-05 22:00"), End: lt(t, "2026-04-06 07:00"), Type: WakingNight, Status: Planned},
		{ID: 9, PAID: 1, Start: lt(t, "2026-04-13 08:00"), End: lt(t, "2026-04-13 12:00"), Type: Day, Status: Planned},
	}
}

var weekPAs = []WeekPA{{1, "Zoë Ní Bhriain"}, {2, "Ali Khan"}}

func TestBuildWeekByPA(t *testing.T) {
	// Any day of the week gives the week from its Monday.
	w := BuildWeek(civil.MustParse("2026-04-09"), weekShifts(t), weekPAs, false)
	if w.Start != civil.MustParse("2026-04-06") || w.Title != "Week of 06/04/2026" {
		t.Errorf("week %s %q", w.Start, w.Title)
	}
	var labels []string
	for _, r := range w.Rows {
		labels = append(labels, r.Label)
	}
	if strings.Join(labels, "|") != "Zoë Ní Bhriain|Ali Khan|PA number 9|Needs cover|Agency" {
		t.Fatalf("rows %v", labels)
	}
	if w.Columns[0] != "Monday 6 April" || w.Columns[6] != "Sunday 12 April" {
		t.Errorf("columns %v", w.Columns)
	}
	mon := w.Rows[0].Cells[0]
	if len(mon) != 2 || mon[0].ShiftID != 1 || mon[1].ShiftID != 2 {
		t.Fatalf("Monday cell %+v", mon)
	}
	b := mon[0]
	if b.Label != "08:00–12:00 Day" || b.Who != "Zoë Ní Bhriain" || b.Marker != "" {
		t.Errorf("block %+v", b)
	}
	if b.Text != "Zoë Ní Bhriain, Monday 6 April, 08:00 to 12:00, day shift, 4 hours" {
		t.Errorf("text %q", b.Text)
	}
	sleep := w.Rows[1].Cells[5][0]
	if sleep.Text != "Ali Khan, Saturday 11 April, 22:00 to 08:00 the next day, sleep-in, 10 hours, woken for 30 minutes" || sleep.Label != "22:00–08:00 Sleep-in" {
		t.Errorf("sleep-in %q %q", sleep.Text, sleep.Label)
	}
	cov := w.Rows[1].Cells[3][0]
	if cov.Marker != "[cover for Zoë Ní Bhriain]" || !strings.HasSuffix(cov.Text, "covering for Zoë Ní Bhriain") {
		t.Errorf("covered %q %q", cov.Marker, cov.Text)
	}
	need := w.Rows[3].Cells[2][0]
	if need.Marker != "[needs cover]" || need.Who != "Needs cover" ||
		need.Text != "Needs cover, Wednesday 8 April, 08:00 to 12:00, day shift, 4 hours, needs cover, Zoë Ní Bhriain is away" {
		t.Errorf("needs cover %q %q", need.Marker, need.Text)
	}
	ag := w.Rows[4].Cells[4][0]
	if ag.Marker != "[agency]" || ag.Who != "Agency" {
		t.Errorf("agency %+v", ag)
	}
	unknown := w.Rows[2].Cells[1][0]
	if unknown.Text != "PA number 9, Tuesday 7 April, 09:00 to 17:00, day shift, 8 hours with 30 minutes' break" {
		t.Errorf("unknown PA %q", unknown.Text)
	}
	// Row hours: Zoë 4 + 2; Ali 0.5 woken + 4 covered.
	if w.Rows[0].PaidMinutes != 360 || w.Rows[1].PaidMinutes != 270 {
		t.Errorf("row minutes %d %d", w.Rows[0].PaidMinutes, w.Rows[1].PaidMinutes)
	}
	// Shifts outside the week are not shown.
	if _, ok := w.Find(8); ok {
		t.Error("the Sunday before is shown")
	}
	if _, ok := w.Find(9); ok {
		t.Error("the Monday after is shown")
	}
}

func TestBuildWeekByDay(t *testing.T) {
	w := BuildWeek(civil.MustParse("2026-04-06"), weekShifts(t), weekPAs, true)
	if len(w.Rows) != 7 || w.Rows[0].Label != "Monday 6 April" || w.Rows[0].Day != civil.MustParse("2026-04-06") {
		t.Fatalf("rows %+v", w.Rows)
	}
	if strings.Join(w.Columns, "|") != "Zoë Ní Bhriain|Ali Khan|PA number 9|Needs cover|Agency" {
		t.Errorf("columns %v", w.Columns)
	}
	if p, ok := w.Find(4); !ok || p != (Pos{Row: 2, Col: 3, Item: 0}) {
		t.Errorf("needs-cover shift at %+v %v", p, ok)
	}
	if w.Rows[0].PaidMinutes != 360 {
		t.Errorf("Monday minutes %d", w.Rows[0].PaidMinutes)
	}
}

func TestWeekStatusMarkers(t *testing.T) {
	base := Shift{PAID: 1, Start: lt(t, "2026-04-06 08:00"), End: lt(t, "2026-04-06 12:00"), Type: Day}
	for st, want := range map[Status]string{Planned: "", Suspended: "[suspended]", Retained: "[retained]", Cancelled: "[cancelled]"} {
		t.Run(fmt.Sprint(st), func(t *testing.T) {
			s := base
			s.ID, s.Status = 1, st
			w := BuildWeek(civil.MustParse("2026-04-06"), []Shift{s}, weekPAs, false)
			b, ok := w.BlockAt(Pos{0, 0, 0})
			if !ok || b.Marker != want {
				t.Errorf("%s: marker %q, want %q", st, b.Marker, want)
			}
		})
	}
	// A suspended shift with nobody on it stays in its PA's row.
	s := base
	s.ID, s.PAID, s.CoverForPAID, s.Status = 1, 0, 2, Suspended
	w := BuildWeek(civil.MustParse("2026-04-06"), []Shift{s}, weekPAs, false)
	if p, ok := w.Find(1); !ok || p.Row != 1 {
		t.Errorf("suspended shift at %+v", p)
	}
}

func TestWeekAttachWarnings(t *testing.T) {
	w := BuildWeek(civil.MustParse("2026-04-06"), weekShifts(t), weekPAs, false)
	ws := []Warning{{Rule: RuleBreak6h, ShiftID: 7}, {Rule: RuleRest11h, ShiftID: 7}, {Rule: RuleBreak6h, ShiftID: 7}, {Rule: RuleSupportHours}}
	w.AttachWarnings(ws)
	w.AttachWarnings(ws) // twice changes nothing
	p, _ := w.Find(7)
	b, _ := w.BlockAt(p)
	if b.Marker != "[warning: Break needed] [warning: 11 hours' rest]" || len(b.Warnings) != 2 {
		t.Errorf("marker %q warnings %v", b.Marker, b.Warnings)
	}
	if !strings.HasSuffix(b.Text, "break, warning: Break needed; 11 hours' rest") {
		t.Errorf("text %q", b.Text)
	}
	p, _ = w.Find(4)
	b, _ = w.BlockAt(p)
	if b.Marker != "[needs cover]" {
		t.Errorf("unwarned block marker %q", b.Marker)
	}
}

func TestWeekMove(t *testing.T) {
	w := BuildWeek(civil.MustParse("2026-04-06"), weekShifts(t), weekPAs, false)
	// Zoë's Monday has two blocks.
	tests := []struct {
		from Pos
		dir  Direction
		want Pos
	}{
		{Pos{0, 0, 0}, Down, Pos{0, 0, 1}},   // next block in the cell
		{Pos{0, 0, 1}, Down, Pos{1, 0, 0}},   // then the row below
		{Pos{1, 0, 0}, Up, Pos{0, 0, 1}},     // up lands on the last block
		{Pos{0, 0, 1}, Up, Pos{0, 0, 0}},     // up within the cell
		{Pos{0, 0, 0}, Up, Pos{0, 0, 0}},     // top edge
		{Pos{0, 0, 1}, Right, Pos{0, 1, 0}},  // item clamped in an empty cell
		{Pos{0, 0, 0}, Left, Pos{0, 0, 0}},   // left edge
		{Pos{4, 6, 0}, Down, Pos{4, 6, 0}},   // bottom edge
		{Pos{4, 6, 0}, Right, Pos{4, 6, 0}},  // right edge
		{Pos{99, -3, 7}, Left, Pos{4, 0, 0}}, // off the grid: clamped first
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.from), func(t *testing.T) {
			if got := w.Move(tc.from, tc.dir); got != tc.want {
				t.Errorf("Move(%+v, %d) = %+v, want %+v", tc.from, tc.dir, got, tc.want)
			}
		})
	}
	if got := w.Describe(Pos{0, 1, 0}); got != "Zoë Ní Bhriain, Tuesday 7 April: no shifts" {
		t.Errorf("Describe empty = %q", got)
	}
	if got := w.Describe(Pos{0, 0, 1}); !strings.HasPrefix(got, "Zoë Ní Bhriain, Monday 6 April, 17:00 to 19:00") {
		t.Errorf("Describe block = %q", got)
	}
	if _, ok := w.BlockAt(Pos{-1, 0, 0}); ok {
		t.Error("BlockAt off the grid")
	}
	empty := BuildWeek(civil.MustParse("2026-04-06"), nil, nil, false)
	if got := empty.Move(Pos{}, Down); got != (Pos{1, 0, 0}) {
		t.Errorf("empty week move: %+v", got)
	}
	if len(empty.Rows) != 2 {
		t.Errorf("empty week rows: %d", len(empty.Rows))
	}
}
