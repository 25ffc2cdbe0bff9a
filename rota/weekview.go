package rota

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/text"
)

// WeekPA is a PA as the week view shows them.
type WeekPA struct {
	ID   int64
	Name string
}

// Block is one shift in the week view: the UI draws it as a labelled block.
// Status is never shown by colour alone: Marker says it in text.
type Block struct {
	ShiftID int64
	PAID    int64
	Start   time.Time
	End     time.Time
	Type    ShiftType
	Status  Status
	// Label is the block's short text: "08:00–12:00 Day".
	Label string
	// Who is who works it: a PA's name, "Needs cover" or "Agency".
	Who string
	// Marker shows the status and any warnings in text: "[needs cover]",
	// "[cover for Sarah Jones]", "[warning: Minimum wage]"; "" for a plain
	// planned shift.
	Marker string
	// Text is a sentence for a screen reader: "Zoë Ní Bhriain, Monday 6
	// April, 08:00 to 12:00, day shift, 4 hours".
	Text string
	// Minutes is the true length; PaidMinutes the time paid by the hour.
	Minutes, PaidMinutes int
	// Warnings are the codes of the rules the shift breaks (AttachWarnings).
	Warnings []string
}

// WeekRow is one row of the week view.
type WeekRow struct {
	Label string
	// PAID is the row's PA (by-PA view); 0 for the "Needs cover" and
	// "Agency" rows and for day rows.
	PAID int64
	// Day is the row's date (by-day view).
	Day civil.Date
	// Cells hold the blocks of each column, in time order.
	Cells [][]Block
	// PaidMinutes is the time paid by the hour in the row (the week's
	// hours of a PA), of shifts still to be delivered.
	PaidMinutes int
}

// Week is the week screen: rows of PAs with a column per day (Monday to
// Sunday), or rows of days with a column per PA.
type Week struct {
	// Start is the Monday; Days the seven dates.
	Start civil.Date
	Days  [7]civil.Date
	// Title is "Week of 06/04/2026".
	Title   string
	ByDay   bool
	Columns []string
	Rows    []WeekRow
}

// The names of the rows (or columns) for shifts with no PA.
const (
	NeedsCoverRow = "Needs cover"
	AgencyRow     = "Agency"
)

// BuildWeek lays out the shifts starting in the week that contains
// weekStart (from its Monday). With byDay false there is one row per PA
// (in the order of pas, then any PA not in pas), then a "Needs cover" and
// an "Agency" row, and a column per day; with byDay true there is one row
// per day and a column per PA, "Needs cover" and "Agency". A shift is
// shown on the day it starts, in the row of the PA on it (a shift
// suspended with nobody on it stays with the PA it was taken from).
func BuildWeek(weekStart civil.Date, shifts []Shift, pas []WeekPA, byDay bool) Week {
	mon := WeekStart(weekStart)
	w := Week{Start: mon, ByDay: byDay, Title: "Week of " + mon.UK()}
	for i := range w.Days {
		w.Days[i] = mon.AddDays(i)
	}
	from, to := mon.Time(london), mon.AddDays(7).Time(london)

	names := make(map[int64]string, len(pas))
	var who []WeekPA // columns or rows of people, in order
	for _, p := range pas {
		if _, dup := names[p.ID]; dup || p.ID == 0 {
			continue
		}
		names[p.ID] = p.Name
		who = append(who, p)
	}
	var in []*Shift
	for i := range shifts {
		s := &shifts[i]
		if s.Start.Before(from) || !s.Start.Before(to) || !s.End.After(s.Start) {
			continue
		}
		in = append(in, s)
	}
	sort.SliceStable(in, func(i, j int) bool { return in[i].Start.Before(in[j].Start) })
	// Any PA on a shift but not in pas gets a row too.
	var extra []int64
	for _, s := range in {
		if id := rowPA(s); id != 0 {
			if _, ok := names[id]; !ok {
				names[id] = fmt.Sprintf("PA number %d", id)
				extra = append(extra, id)
			}
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i] < extra[j] })
	for _, id := range extra {
		who = append(who, WeekPA{id, names[id]})
	}
	whoIdx := make(map[int64]int, len(who))
	for i, p := range who {
		whoIdx[p.ID] = i
	}
	nWho := len(who) + 2
	needIdx, agencyIdx := len(who), len(who)+1

	if byDay {
		for _, p := range who {
			w.Columns = append(w.Columns, p.Name)
		}
		w.Columns = append(w.Columns, NeedsCoverRow, AgencyRow)
		for _, d := range w.Days {
			w.Rows = append(w.Rows, WeekRow{Label: dayText(d), Day: d, Cells: make([][]Block, nWho)})
		}
	} else {
		for _, d := range w.Days {
			w.Columns = append(w.Columns, dayText(d))
		}
		for _, p := range who {
			w.Rows = append(w.Rows, WeekRow{Label: p.Name, PAID: p.ID, Cells: make([][]Block, 7)})
		}
		w.Rows = append(w.Rows, WeekRow{Label: NeedsCoverRow, Cells: make([][]Block, 7)},
			WeekRow{Label: AgencyRow, Cells: make([][]Block, 7)})
	}
	for _, s := range in {
		day := s.Date().DaysSince(mon)
		if day < 0 || day > 6 {
			continue
		}
		var p int
		switch id := rowPA(s); {
		case id != 0:
			p = whoIdx[id]
		case s.Status == Agency:
			p = agencyIdx
		default:
			p = needIdx
		}
		b := makeBlock(s, names)
		r, c := p, day
		if byDay {
			r, c = day, p
		}
		w.Rows[r].Cells[c] = append(w.Rows[r].Cells[c], b)
		if s.Status.Delivered() {
			w.Rows[r].PaidMinutes += b.PaidMinutes
		}
	}
	return w
}

// rowPA is the PA whose row a shift goes in, or 0 for the "Needs cover"
// or "Agency" row.
func rowPA(s *Shift) int64 {
	switch {
	case s.PAID != 0:
		return s.PAID
	case s.Status == Suspended || s.Status == Cancelled:
		return s.CoverForPAID
	}
	return 0
}

func makeBlock(s *Shift, names map[int64]string) Block {
	name := func(id int64) string {
		if n, ok := names[id]; ok && n != "" {
			return n
		}
		return fmt.Sprintf("PA number %d", id)
	}
	b := Block{ShiftID: s.ID, PAID: s.PAID, Start: s.Start, End: s.End, Type: s.Type, Status: s.Status,
		Minutes: s.Minutes(), PaidMinutes: s.PaidMinutes()}
	b.Label = clockOf(s.Start) + "–" + clockOf(s.End) + " " + s.Type.Label()
	var state string
	switch {
	case s.Status == Agency:
		b.Who = AgencyRow
	case s.PAID != 0:
		b.Who = name(s.PAID)
	case s.Status == NeedsCover:
		b.Who = NeedsCoverRow
	case s.CoverForPAID != 0:
		b.Who = name(s.CoverForPAID)
	default:
		b.Who = NeedsCoverRow
	}
	switch s.Status {
	case NeedsCover:
		b.Marker = "[needs cover]"
		state = "needs cover"
		if s.CoverForPAID != 0 {
			state += ", " + name(s.CoverForPAID) + " is away"
		}
	case Covered:
		b.Marker = "[cover for " + name(s.CoverForPAID) + "]"
		state = "covering for " + name(s.CoverForPAID)
	case Agency:
		b.Marker = "[agency]"
		state = "agency cover"
		if s.CoverForPAID != 0 {
			state += " for " + name(s.CoverForPAID)
		}
	case Suspended:
		b.Marker = "[suspended]"
		state = "suspended during a hospital stay, not worked"
	case Retained:
		b.Marker = "[retained]"
		state = "retained during a hospital stay, paid but not worked"
	case Cancelled:
		b.Marker = "[cancelled]"
		state = "cancelled"
	}
	var t strings.Builder
	t.WriteString(b.Who)
	t.WriteString(", ")
	t.WriteString(dayText(s.Date()))
	t.WriteString(", ")
	t.WriteString(span(s))
	t.WriteString(", ")
	t.WriteString(s.Type.Phrase())
	t.WriteString(", ")
	t.WriteString(text.Hours(b.Minutes))
	if s.BreakMinutes > 0 {
		t.WriteString(" with " + hoursOf(s.BreakMinutes) + " break")
	}
	if s.Type == SleepIn && s.WokenMinutes > 0 {
		t.WriteString(", woken for " + text.Hours(s.WokenMinutes))
	}
	if state != "" {
		t.WriteString(", " + state)
	}
	b.Text = t.String()
	return b
}

// AttachWarnings marks each block whose shift a warning names: its rule
// code is added to Warnings, and its plain name (RuleName) to the Marker
// ("[warning: 11 hours' rest between working days]") and to the Text. Warnings about a whole week (no shift) are left for the caller to
// show above the grid.
func (w *Week) AttachWarnings(ws []Warning) {
	byShift := map[int64][]string{}
	for _, x := range ws {
		if x.ShiftID == 0 {
			continue
		}
		rules := byShift[x.ShiftID]
		dup := false
		for _, r := range rules {
			dup = dup || r == x.Rule
		}
		if !dup {
			byShift[x.ShiftID] = append(rules, x.Rule)
		}
	}
	if len(byShift) == 0 {
		return
	}
	for r := range w.Rows {
		for c := range w.Rows[r].Cells {
			for i := range w.Rows[r].Cells[c] {
				b := &w.Rows[r].Cells[c][i]
				rules := byShift[b.ShiftID]
				if b.ShiftID == 0 || len(rules) == 0 {
					continue
				}
				for _, rule := range rules {
					if containsString(b.Warnings, rule) {
						continue
					}
					b.Warnings = append(b.Warnings, rule)
					b.Marker = strings.TrimSpace(b.Marker + " [warning: " + RuleName(rule) + "]")
				}
				if i := strings.Index(b.Text, warningSep); i >= 0 {
					b.Text = b.Text[:i]
				}
				names := make([]string, len(b.Warnings))
				for i, r := range b.Warnings {
					names[i] = RuleName(r)
				}
				b.Text += warningSep + strings.Join(names, "; ")
			}
		}
	}
}

const warningSep = ", warning: "

func containsString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// Pos is a place in the week grid: a row, a column and a block within the
// cell (Item is 0 in an empty cell).
type Pos struct{ Row, Col, Item int }

// Direction is a keyboard move.
type Direction int

// The keyboard moves: arrow keys.
const (
	Up Direction = iota
	Down
	Left
	Right
)

// clamp returns p moved inside the grid.
func (w Week) clamp(p Pos) Pos {
	if len(w.Rows) == 0 || len(w.Columns) == 0 {
		return Pos{}
	}
	p.Row = min(max(p.Row, 0), len(w.Rows)-1)
	p.Col = min(max(p.Col, 0), len(w.Columns)-1)
	n := w.cellLen(p.Row, p.Col)
	p.Item = min(max(p.Item, 0), max(n-1, 0))
	return p
}

func (w Week) cellLen(r, c int) int {
	if r < 0 || r >= len(w.Rows) || c < 0 || c >= len(w.Rows[r].Cells) {
		return 0
	}
	return len(w.Rows[r].Cells[c])
}

// Move returns where the focus goes from p on an arrow key: left and
// right move between columns; up and down move between the blocks of a
// cell and then on to the row above or below. It never leaves the grid.
func (w Week) Move(p Pos, d Direction) Pos {
	p = w.clamp(p)
	switch d {
	case Left:
		p.Col--
	case Right:
		p.Col++
	case Up:
		if p.Item > 0 {
			p.Item--
			return p
		}
		if p.Row > 0 {
			p.Row--
			p.Item = w.cellLen(p.Row, p.Col) - 1
		}
	case Down:
		if p.Item < w.cellLen(p.Row, p.Col)-1 {
			p.Item++
			return p
		}
		if p.Row < len(w.Rows)-1 {
			p.Row++
			p.Item = 0
		}
	}
	return w.clamp(p)
}

// BlockAt returns the block at p, false for an empty cell or a place off
// the grid.
func (w Week) BlockAt(p Pos) (Block, bool) {
	if p.Item < 0 || p.Item >= w.cellLen(p.Row, p.Col) {
		return Block{}, false
	}
	return w.Rows[p.Row].Cells[p.Col][p.Item], true
}

// Find returns where the shift is in the grid, to keep the focus on it
// after the week is rebuilt.
func (w Week) Find(shiftID int64) (Pos, bool) {
	for r, row := range w.Rows {
		for c, cell := range row.Cells {
			for i, b := range cell {
				if b.ShiftID == shiftID && shiftID != 0 {
					return Pos{r, c, i}, true
				}
			}
		}
	}
	return Pos{}, false
}

// Describe returns what a screen reader says at p: the block's sentence,
// or for an empty cell "Sarah Jones, Monday 6 April: no shifts".
func (w Week) Describe(p Pos) string {
	if b, ok := w.BlockAt(p); ok {
		return b.Text
	}
	if len(w.Rows) == 0 || len(w.Columns) == 0 {
		return w.Title + ": no shifts"
	}
	p = w.clamp(p)
	return w.Rows[p.Row].Label + ", " + w.Columns[p.Col] + ": no shifts"
}
