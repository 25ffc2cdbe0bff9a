package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
	"patoolkit/service"
)

// rotaFixture is a budget managed by Jane Smith, paid monthly, with two PAs
// (Ali Khan and Sarah Lee) who have contracts. It has no shifts.
func rotaFixture(t *testing.T) func(*service.Service) {
	return func(svc *service.Service) {
		t.Helper()
		a, err := svc.Setup(household.Account{Name: "Tom's care", PersonSupported: "Tom Smith", ManagedBy: "Jane Smith",
			Capacity: household.SuitablePerson, Council: "Wigan Council", Payment: money.MustParse("1150"),
			PaymentFrequency: household.Monthly, StartDate: civil.MustParse("2025-04-06"),
			ReturnPeriod: household.ReturnYearly, SurplusLimitWeeks: 8},
			household.Employer{Name: "Jane Smith", PayFrequency: household.Monthly, Payday: "last-working-day"})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Sarah Lee", "Ali Khan"} {
			t.Run(name, func(t *testing.T) {
				p, err := svc.SavePA(household.PA{AccountID: a.ID, Name: name, StartDate: civil.MustParse("2025-04-06"), DateOfBirth: civil.MustParse("1990-01-01"), TaxCode: "1257L", NICategory: "A"})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := svc.SaveContract(household.Contract{PAID: p.ID, EffectiveFrom: civil.MustParse("2025-04-06"),
					HoursType: household.IrregularHours, DayRate: money.MustParse("12.80"), WeekendRate: money.MustParse("13.80"),
					SleepInAllowance: money.MustParse("80.00"), HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone}); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// at reads a London time like "16/11/2026 08:00".
func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := rota.ParseLocal(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func addShift(t *testing.T, u *UI, svc *service.Service, pa, from, to string, typ rota.ShiftType, brk int) rota.Shift {
	t.Helper()
	p, ok := findPA(t, svc, u.Account().ID, pa)
	if !ok {
		t.Fatalf("no PA %s", pa)
	}
	sh, _, err := svc.AddShift(u.Account().ID, service.ShiftInput{PAID: p.ID, Start: at(t, from), End: at(t, to), Type: typ, BreakMinutes: brk})
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

// allText is every visible label in the window, the rota's lines
// included, and the dialog on top.
func allText(u *UI) string {
	var b strings.Builder
	collect := func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *rotaLine:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	}
	walk(u.win.Content(), collect)
	for _, o := range u.win.Canvas().Overlays().List() {
		walkAll(o, collect)
	}
	return b.String()
}

// walkAll is walk that also looks inside widgets (for dialogs).
func walkAll(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	walk(o, func(c fyne.CanvasObject) {
		fn(c)
		switch c.(type) {
		case *widget.Label, *rotaLine, *widget.RichText:
			return
		}
		if w, ok := c.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(w).Objects() {
				walkAll(child, fn)
			}
		}
	})
}

func focusedLine(t *testing.T, u *UI) *rotaLine {
	t.Helper()
	l, ok := u.win.Canvas().Focused().(*rotaLine)
	if !ok {
		t.Fatalf("the focus is on %T, want a line", u.win.Canvas().Focused())
	}
	return l
}

func TestCreateShiftAndApproveTimesheetByKeyboardOnly(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	acc := u.Account().ID
	sarah, _ := findPA(t, svc, acc, "Sarah Lee")

	// Ctrl+3 opens the rota with the focus in the week grid, on today.
	shortcut(t, u, sectionRota.shortcut())
	g, ok := u.win.Canvas().Focused().(*weekGrid)
	if !ok {
		t.Fatalf("after Ctrl+3 the focus is on %T, want the week grid", u.win.Canvas().Focused())
	}
	if g.week.Title != "Week of 16/11/2026" || g.Pos() != (rota.Pos{Col: 4}) {
		t.Fatalf("grid shows %q at %+v, want the week of 16/11/2026 at Friday", g.week.Title, g.Pos())
	}
	// Home goes to Monday; Down to Sarah Lee's row (rows: Ali Khan, Sarah Lee).
	press(t, u, fyne.KeyHome)
	press(t, u, fyne.KeyDown)
	if got := u.rota.status.Text; got != "Selected: Sarah Lee, Monday 16 November: no shifts. Enter adds a shift here." {
		t.Errorf("status line says %q", got)
	}
	// Ctrl+N adds a shift there.
	shortcut(t, u, addShiftShortcut)
	f := u.form
	if f == nil || f.title != "Add a shift" {
		t.Fatalf("Ctrl+N did not open Add a shift:\n%s", allText(u))
	}
	pa, ok := u.win.Canvas().Focused().(*keySelect)
	if !ok || pa.Selected != "Sarah Lee" {
		t.Fatalf("the PA list should have the focus with Sarah Lee chosen; focus on %T", u.win.Canvas().Focused())
	}
	u.win.Canvas().FocusNext() // date: already Monday
	if e := u.win.Canvas().Focused().(*keyEntry); e.Text != "16/11/2026" {
		t.Errorf("date prefilled as %q", e.Text)
	}
	u.win.Canvas().FocusNext()
	typeText(t, u, "08:00")
	u.win.Canvas().FocusNext()
	typeText(t, u, "12:30")
	if got := f.field("end").row.Objects[2].(*fyne.Container).Objects[1].(*widget.Label).Text; got != "Ends Monday 16/11/2026 at 12:30: 4 hours 30 minutes." {
		t.Errorf("end line says %q", got)
	}
	u.win.Canvas().FocusNext() // type: Day
	u.win.Canvas().FocusNext()
	typeText(t, u, "30") // break
	press(t, u, fyne.KeyReturn)

	if u.form != nil {
		t.Fatalf("the form is still open:\n%s", allText(u))
	}
	shifts, err := svc.Shifts(acc, civil.New(2026, 11, 16), civil.New(2026, 11, 22))
	if err != nil || len(shifts) != 1 {
		t.Fatalf("%d shifts stored (%v), want 1", len(shifts), err)
	}
	sh := shifts[0]
	if sh.PAID != sarah.ID || !sh.Start.Equal(at(t, "16/11/2026 08:00")) || !sh.End.Equal(at(t, "16/11/2026 12:30")) ||
		sh.Type != rota.Day || sh.BreakMinutes != 30 || sh.Status != rota.Planned {
		t.Errorf("stored %+v", sh)
	}
	text := allText(u)
	if !strings.Contains(text, "✔ Shift added: Monday 16/11/2026, 08:00 to 12:30, Sarah Lee, day shift, 4 hours 30 minutes.") ||
		!strings.Contains(text, "✔ The checks found nothing to warn about.") {
		t.Errorf("no confirmation:\n%s", text)
	}
	if g := u.rota.grid; u.win.Canvas().Focused() != g || g.Pos() != (rota.Pos{Row: 1, Col: 0}) {
		t.Errorf("the focus is not back on the new shift")
	}

	// Ctrl+4: timesheets for this month; the first Open button has the focus.
	shortcut(t, u, sectionTimesheets.shortcut())
	wantFocus(t, u, "Open Ali Khan's timesheet")
	u.win.Canvas().FocusNext()
	wantFocus(t, u, "Open Sarah Lee's timesheet")
	wantText(t, u, "Sarah Lee: Not started")
	press(t, u, fyne.KeyReturn)
	pressButton(t, u, "PA signs…")
	wantForm(t, u, "The PA signs the timesheet")
	wantText(t, u, "I confirm this timesheet is a true record of the hours I worked.")
	typeText(t, u, "sarah  lee")
	press(t, u, fyne.KeyReturn)
	pressButton(t, u, "Approve…")
	wantForm(t, u, "Approve the timesheet")
	if e := u.win.Canvas().Focused().(*keyEntry); e.Text != "Jane Smith" {
		t.Errorf("approver prefilled as %q", e.Text)
	}
	// The pay period runs to 30/11/2026: the form warns, and Enter asks
	// first; "No, go back" leaves it signed.
	early := "This timesheet's pay period runs until 30/11/2026, so it has not ended on 20/11/2026."
	wantText(t, u, early)
	press(t, u, fyne.KeyReturn)
	wantFocus(t, u, "No, go back")
	press(t, u, fyne.KeyReturn)
	if sheets, _ := svc.Timesheets(acc, civil.New(2026, 11, 1), civil.New(2026, 11, 30)); len(sheets) != 1 || sheets[0].Status != rota.Signed {
		t.Fatalf("after \"No, go back\" the timesheet is %+v, want it signed", sheets)
	}
	wantForm(t, u, "Approve the timesheet")
	// Asked again, "Yes, approve it now" approves it.
	press(t, u, fyne.KeyReturn)
	test.FocusNext(u.win.Canvas())
	wantFocus(t, u, "Yes, approve it now")
	press(t, u, fyne.KeyReturn)

	sheets, err := svc.Timesheets(acc, civil.New(2026, 11, 1), civil.New(2026, 11, 30))
	if err != nil || len(sheets) != 1 {
		t.Fatalf("%d timesheets (%v)", len(sheets), err)
	}
	ts, err := svc.Timesheet(sheets[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if ts.Status != rota.Approved || ts.PAID != sarah.ID || ts.SignedName != "sarah lee" || ts.SignedOn != civil.New(2026, 11, 20) ||
		ts.ApprovedBy != "Jane Smith" || ts.ApprovedOn != civil.New(2026, 11, 20) {
		t.Errorf("timesheet %+v", ts)
	}
	if len(ts.Entries) != 1 || !ts.Entries[0].Start.Equal(sh.Start) || !ts.Entries[0].End.Equal(sh.End) || ts.Entries[0].BreakMinutes != 30 {
		t.Errorf("entries %+v", ts.Entries)
	}
	wantText(t, u, "✔ Approved by Jane Smith on 20/11/2026.")
}

func TestWeekGridArrowKeysFollowWeekMove(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	evening := addShift(t, u, svc, "Sarah Lee", "16/11/2026 18:00", "16/11/2026 20:00", rota.Day, 0)
	addShift(t, u, svc, "Ali Khan", "17/11/2026 13:00", "17/11/2026 17:00", rota.Day, 0)
	u.ShowSection(sectionRota)
	g := u.rota.grid
	if u.win.Canvas().Focused() != g {
		t.Fatal("the grid has no focus")
	}
	steps := []struct {
		key  fyne.KeyName
		dir  rota.Direction
		want rota.Pos
	}{
		{fyne.KeyLeft, rota.Left, rota.Pos{Row: 0, Col: 3}},
		{fyne.KeyLeft, rota.Left, rota.Pos{Row: 0, Col: 2}},
		{fyne.KeyLeft, rota.Left, rota.Pos{Row: 0, Col: 1}}, // Ali, Tuesday
		{fyne.KeyLeft, rota.Left, rota.Pos{Row: 0, Col: 0}},
		{fyne.KeyDown, rota.Down, rota.Pos{Row: 1, Col: 0, Item: 0}}, // Sarah, Monday 08:00
		{fyne.KeyDown, rota.Down, rota.Pos{Row: 1, Col: 0, Item: 1}}, // Sarah, Monday 18:00
		{fyne.KeyDown, rota.Down, rota.Pos{Row: 2, Col: 0}},          // Needs cover
		{fyne.KeyUp, rota.Up, rota.Pos{Row: 1, Col: 0, Item: 1}},
		{fyne.KeyRight, rota.Right, rota.Pos{Row: 1, Col: 1}},
		{fyne.KeyUp, rota.Up, rota.Pos{Row: 0, Col: 1}},
		{fyne.KeyLeft, rota.Left, rota.Pos{Row: 0, Col: 0}},
		{fyne.KeyDown, rota.Down, rota.Pos{Row: 1, Col: 0}},
		{fyne.KeyDown, rota.Down, rota.Pos{Row: 1, Col: 0, Item: 1}},
	}
	for i, s := range steps {
		before := g.Pos()
		press(t, u, s.key)
		if want := g.week.Move(before, s.dir); g.Pos() != want {
			t.Fatalf("step %d: %s moved to %+v, Week.Move says %+v", i, s.key, g.Pos(), want)
		}
		if g.Pos() != s.want {
			t.Fatalf("step %d: %s moved to %+v, want %+v", i, s.key, g.Pos(), s.want)
		}
		if got, want := u.rota.status.Text, "Selected: "+g.describe(); got != want {
			t.Errorf("step %d: status %q, want %q", i, got, want)
		}
	}
	if got := u.rota.status.Text; got != "Selected: "+g.week.Describe(g.Pos())+". Enter opens it." {
		t.Errorf("status %q", got)
	}
	if b, _ := g.week.BlockAt(g.Pos()); b.ShiftID != evening.ID || b.Label != "18:00–20:00 Day" {
		t.Fatalf("focused block %+v", b)
	}
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Shift: Monday 16/11/2026, 18:00 to 20:00, Sarah Lee, day shift, 2 hours")
	// Escape goes back with the focus on the same shift.
	press(t, u, fyne.KeyEscape)
	if u.form != nil || u.win.Canvas().Focused() != u.rota.grid || u.rota.grid.Pos() != (rota.Pos{Row: 1, Col: 0, Item: 1}) {
		t.Errorf("Escape did not return to the shift in the grid")
	}
	// Page Down shows the next week; the shortcut for the week before
	// brings it back.
	press(t, u, fyne.KeyPageDown)
	if got := u.rota.week.Title; got != "Week of 23/11/2026" {
		t.Errorf("Page Down shows %q", got)
	}
	shortcut(t, u, prevWeekShortcut)
	if got := u.rota.week.Title; got != "Week of 16/11/2026" {
		t.Errorf("Ctrl+Page Up shows %q", got)
	}
	shortcut(t, u, nextWeekAltShortcut)
	if got := u.rota.week.Title; got != "Week of 23/11/2026" {
		t.Errorf("Alt+Right shows %q", got)
	}
}

func TestRowsByDayAndListView(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 22:00", "17/11/2026 08:00", rota.SleepIn, 0)
	u.ShowSection(sectionRota)
	// Rows are days: Monday's row, Sarah Lee's column.
	var rows *keySelect
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if s, ok := o.(*keySelect); ok && len(s.Options) == 2 && s.Options[1] == "Rows are days" {
			rows = s
		}
	})
	rows.SetSelectedIndex(1)
	g := u.rota.grid
	if !g.week.ByDay || g.week.Rows[0].Label != "Monday 16 November" {
		t.Fatalf("rows are not days: %+v", g.week.Rows[0].Label)
	}
	if g.Pos() != (rota.Pos{Row: 4}) {
		t.Errorf("focus at %+v, want Friday's row", g.Pos())
	}
	if b, ok := g.week.BlockAt(rota.Pos{Row: 0, Col: 1}); !ok || b.Label != "22:00–08:00 Sleep-in" {
		t.Errorf("Monday, Sarah Lee: %+v", b)
	}
	// The list view says each shift in full; Enter opens it.
	u.rota.list = true
	u.showRota()
	l := focusedLine(t, u)
	if l.Text != "Sarah Lee, Monday 16 November, 22:00 to 08:00 the next day, sleep-in, 10 hours" {
		t.Errorf("list line %q", l.Text)
	}
	press(t, u, fyne.KeyReturn)
	if u.form == nil || !strings.Contains(u.form.title, "22:00 to 08:00 on Tuesday 17/11/2026, Sarah Lee, sleep-in, 10 hours") {
		t.Fatalf("Enter did not open the shift: %v", u.form)
	}
}

// sarahsMondayShiftForm opens the new-shift form from the week grid's
// first cell: Sarah, Monday 16/11/2026.
func sarahsMondayShiftForm(t *testing.T, u *UI) *form {
	t.Helper()
	u.ShowSection(sectionRota)
	press(t, u, fyne.KeyHome)
	press(t, u, fyne.KeyDown) // Sarah, Monday 08:00
	shortcut(t, u, addShiftShortcut)
	if u.form == nil {
		t.Fatal("Ctrl+N opened no form")
	}
	return u.form
}

func TestOverlappingShiftIsRefusedAndNothingStored(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	f := sarahsMondayShiftForm(t, u)
	f.field("start").focus.(*keyEntry).SetText("11:00")
	end := f.field("end").focus.(*keyEntry)
	u.win.Canvas().Focus(end)
	typeText(t, u, "13:00")
	press(t, u, fyne.KeyReturn)

	want := "Sarah Lee is already on a shift from 16/11/2026 08:00 to 16/11/2026 12:00, which overlaps this one. Change that shift first, or choose another PA."
	if u.form != f {
		t.Fatal("the form closed")
	}
	if !strings.Contains(f.summary.Text, want) || !f.summary.Visible() {
		t.Errorf("summary = %q", f.summary.Text)
	}
	wantText(t, u, want)
	if end.Text != "13:00" || f.field("start").focus.(*keyEntry).Text != "11:00" {
		t.Error("what was typed was lost")
	}
	shifts, _ := svc.Shifts(u.Account().ID, civil.New(2026, 11, 16), civil.New(2026, 11, 16))
	if len(shifts) != 1 {
		t.Errorf("%d shifts stored, want 1", len(shifts))
	}
}

func TestEndTimeSaysTheTrueLengthAcrossTheClockChange(t *testing.T) {
	for _, tc := range []struct{ date, start, end, brk, want string }{
		{"24/10/2026", "22:00", "08:00", "", "Ends Sunday 25/10/2026 at 08:00 (the next day): 11 hours (the clocks go back an hour that night, so it is an hour longer)."},
		{"28/03/2026", "22:00", "08:00", "", "Ends Sunday 29/03/2026 at 08:00 (the next day): 9 hours (the clocks go forward an hour that night, so it is an hour shorter)."},
		{"16/11/2026", "08:00", "16:00", "30", "Ends Monday 16/11/2026 at 16:00: 8 hours, 7 hours 30 minutes paid after the break."},
		{"29/03/2026", "01:30", "08:00", "", "⚠ There is no 01:30 on 29/03/2026 in the UK: the clocks go forward an hour that night. Check the time (for example, use 02:30)."},
		{"16/11/2026", "8", "16:00", "", ""},
	} {
		t.Run(fmt.Sprint(tc.date), func(t *testing.T) {
			if got := endSentence(tc.date, tc.start, tc.end, tc.brk, rota.Day); got != tc.want {
				t.Errorf("%s %s-%s: %q, want %q", tc.date, tc.start, tc.end, got, tc.want)
			}
		})
	}
}

func TestChecksListShowsTheRuleAndOpensTheShift(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	long := addShift(t, u, svc, "Sarah Lee", "17/11/2026 08:00", "17/11/2026 16:00", rota.Day, 0) // 8 hours, no break
	u.ShowSection(sectionRota)
	if b, ok := u.rota.week.BlockAt(rota.Pos{Row: 1, Col: 1}); !ok || strings.Join(b.Warnings, ",") != "break-6h" {
		t.Fatalf("block %+v has no break-6h warning", b)
	}
	if got := cellText(u.rota.grid, rota.Pos{Row: 1, Col: 1}); !strings.Contains(got, "⚠ Break needed") || strings.Contains(got, "break-6h") {
		t.Errorf("the grid's block says %q, want the rule's plain name", got)
	}
	checks := button(t, u, "Checks (1)")
	u.win.Canvas().Focus(checks)
	press(t, u, fyne.KeyReturn)
	l := focusedLine(t, u)
	if !strings.HasPrefix(l.Text, "⚠ Break needed. Sarah Lee, 17/11/2026: ") {
		t.Errorf("warning line %q", l.Text)
	}
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Shift: Tuesday 17/11/2026, 08:00 to 16:00, Sarah Lee, day shift, 8 hours")
	wantText(t, u, "⚠ Break needed: ")
	// The week shows the rule's plain name, never its code.
	for _, code := range rota.Rules {
		if strings.Contains(allText(u), code) {
			t.Errorf("the shift form shows the rule code %q:\n%s", code, allText(u))
		}
	}
	// Giving it a break clears the warning; the save says so.
	brk := u.form.field("break").focus.(*keyEntry)
	u.win.Canvas().Focus(brk)
	typeText(t, u, "30")
	press(t, u, fyne.KeyReturn)
	got, _ := svc.Shift(long.ID)
	if got.BreakMinutes != 30 {
		t.Errorf("break %d", got.BreakMinutes)
	}
	if !strings.Contains(allText(u), "✔ The checks found nothing to warn about.") || button(t, u, "Checks (0)") == nil {
		t.Errorf("page after save:\n%s", allText(u))
	}
}

func TestAbsenceMarksShiftsNeedingCoverAndCoverIsFound(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	sh := addShift(t, u, svc, "Sarah Lee", "18/11/2026 08:00", "18/11/2026 12:00", rota.Day, 0)
	ali, _ := findPA(t, svc, u.Account().ID, "Ali Khan")
	u.ShowSection(sectionRota)
	u.win.Canvas().Focus(button(t, u, "Absence…"))
	press(t, u, fyne.KeyReturn)
	f := u.form
	who := f.field("who").focus.(*keySelect)
	who.SetSelected("Sarah Lee")
	f.field("from").focus.(*keyEntry).SetText("18/11/2026")
	f.field("to").focus.(*keyEntry).SetText("19/11/2026")
	u.win.Canvas().Focus(f.field("to").focus)
	press(t, u, fyne.KeyReturn)
	if !strings.Contains(allText(u), "1 shift now needs cover") {
		t.Fatalf("result:\n%s", allText(u))
	}
	l := focusedLine(t, u)
	if l.Text != "Find cover: Wednesday 18/11/2026, 08:00 to 12:00, Nobody yet, day shift, 4 hours [needs cover: Sarah Lee is away]" {
		t.Errorf("line %q", l.Text)
	}
	press(t, u, fyne.KeyReturn)
	u.win.Canvas().Focus(button(t, u, "Give to another PA…"))
	press(t, u, fyne.KeyReturn)
	u.form.field("pa").focus.(*keySelect).SetSelected("Ali Khan")
	press(t, u, fyne.KeyReturn)
	got, _ := svc.Shift(sh.ID)
	if got.Status != rota.Covered || got.PAID != ali.ID || got.CoverForPAID != sh.PAID {
		t.Errorf("shift after cover: %+v", got)
	}

	// Sarah comes back early: the shift is given back to her.
	u.showShiftForm(got, false, u.showRota)
	u.win.Canvas().Focus(button(t, u, "Give back to Sarah Lee"))
	press(t, u, fyne.KeyReturn)
	got, _ = svc.Shift(sh.ID)
	if got.Status != rota.Planned || got.PAID != sh.PAID || got.CoverForPAID != 0 {
		t.Errorf("shift after giving it back: %+v", got)
	}
}

func TestPatternFillsTheRota(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	u.ShowSection(sectionRota)
	u.showPatterns()
	press(t, u, fyne.KeyReturn) // New pattern has the focus
	f := u.form
	typeText(t, u, "Weekday mornings")
	f.field("from").focus.(*keyEntry).SetText("23/11/2026")
	u.win.Canvas().Focus(button(t, u, "Add a shift to the pattern"))
	press(t, u, fyne.KeyReturn)
	row := u.win.Canvas().Focused().(*keySelect)
	row.SetSelected("Sarah Lee")
	typeIn := func(e fyne.Focusable, s string) { u.win.Canvas().Focus(e); typeText(t, u, s) }
	var entries []*keyEntry
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*keyEntry); ok && (e.PlaceHolder == "08:00" || e.PlaceHolder == "12:00") {
			entries = append(entries, e)
		}
	})
	typeIn(entries[0], "08:00")
	typeIn(entries[1], "12:00")
	f.field("fill_to").focus.(*keyEntry).SetText("06/12/2026")
	press(t, u, fyne.KeyReturn)
	if u.form != nil {
		t.Fatalf("not saved: %s", f.summary.Text)
	}
	wantText(t, u, "From 23/11/2026 to 06/12/2026: 2 shifts added, 0 changed, 0 removed.")
	shifts, _ := svc.Shifts(u.Account().ID, civil.New(2026, 11, 23), civil.New(2026, 12, 6))
	if len(shifts) != 2 || !shifts[0].Start.Equal(at(t, "23/11/2026 08:00")) || !shifts[1].Start.Equal(at(t, "30/11/2026 08:00")) {
		t.Errorf("shifts %+v", shifts)
	}
}

func TestFileSlug(t *testing.T) {
	for in, want := range map[string]string{"Zoë Ní Bhriain": "zoe-ni-bhriain", "Łukasz Nowak": "lukasz-nowak", " Sam  O'Kafor ": "sam-o-kafor"} {
		t.Run(in, func(t *testing.T) {
			if got := fileSlug(in); got != want {
				t.Errorf("fileSlug(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestExportWritesTheRotaAndRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	homeDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { homeDir = os.UserHomeDir })
	u, svc := newTestUI(t, rotaFixture(t))
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	u.ShowSection(sectionRota)
	u.win.Canvas().Focus(button(t, u, "Export…"))
	press(t, u, fyne.KeyReturn)
	f := u.form
	path := f.field("path").focus.(*keyEntry)
	want := filepath.Join(dir, "rota-2026-11-16.pdf")
	if path.Text != want {
		t.Errorf("path %q, want %q", path.Text, want)
	}
	press(t, u, fyne.KeyReturn) // the first field has the focus: Enter exports
	data, err := os.ReadFile(want)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("no PDF written (%v):\n%s", err, allText(u))
	}
	wantText(t, u, "✔ Saved to "+want+".")
	// Again: the file exists, so it asks "Replace it?" before writing.
	os.WriteFile(want, []byte("an older rota"), 0o600)
	u.win.Canvas().Focus(button(t, u, "Export…"))
	press(t, u, fyne.KeyReturn)
	f = u.form
	press(t, u, fyne.KeyReturn)
	if !strings.Contains(allText(u), "Replace it?") || !strings.Contains(allText(u), want+" already exists") {
		t.Fatalf("not asked before replacing:\n%s", allText(u))
	}
	press(t, u, fyne.KeyReturn) // "No, go back" has the focus
	if got, _ := os.ReadFile(want); string(got) != "an older rota" || u.form != f {
		t.Fatalf("No replaced the file or left the form")
	}
	u.win.Canvas().Focus(f.field("path").focus)
	press(t, u, fyne.KeyReturn)
	test.FocusNext(u.win.Canvas()) // to "Yes, replace it"
	press(t, u, fyne.KeyReturn)
	if data, _ := os.ReadFile(want); !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("Yes did not replace the file:\n%s", allText(u))
	}
	u.win.Canvas().Focus(button(t, u, "Export…"))
	press(t, u, fyne.KeyReturn)
	f = u.form
	// A calendar file is for one PA.
	f.field("what").focus.(*keySelect).SetSelectedIndex(2)
	if got := f.field("path").focus.(*keyEntry).Text; got != filepath.Join(dir, "shifts-ali-khan-2026-11-16.ics") {
		t.Errorf("the file name did not follow the choice: %q", got)
	}
	f.field("pa").focus.(*keySelect).SetSelected("All PAs")
	press(t, u, fyne.KeyReturn)
	if got := f.problem("pa"); got != "⚠ A calendar file is for one PA: choose who it is for." {
		t.Errorf("pa problem %q", got)
	}
	f.field("pa").focus.(*keySelect).SetSelected("Sarah Lee")
	ics := filepath.Join(dir, "shifts-sarah-lee-2026-11-16.ics")
	if got := f.field("path").focus.(*keyEntry).Text; got != ics {
		t.Errorf("calendar path %q, want %q", got, ics)
	}
	press(t, u, fyne.KeyReturn)
	if data, err := os.ReadFile(ics); err != nil || !strings.Contains(string(data), "BEGIN:VCALENDAR") {
		t.Errorf("no calendar written (%v):\n%s", err, allText(u))
	}
}

func TestPatternChangeFromADateKeepsTheRotaBefore(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	sarah, _ := findPA(t, svc, u.Account().ID, "Sarah Lee")
	_, _, err := svc.SavePattern(u.Account().ID, rota.Pattern{Name: "Mornings", Cycle: 1, Anchor: civil.New(2026, 11, 16), From: civil.New(2026, 11, 16),
		Entries: []rota.PatternEntry{{PAID: sarah.ID, Week: 1, Weekday: time.Monday, Start: 8 * 60, End: 12 * 60, Type: rota.Day}}},
		civil.New(2026, 11, 16), civil.New(2026, 12, 13))
	if err != nil {
		t.Fatal(err)
	}
	u.ShowSection(sectionRota)
	u.showPatterns()
	u.win.Canvas().Focus(button(t, u, "Change from a date…"))
	press(t, u, fyne.KeyReturn)
	f := u.form
	if got := f.field("from").focus.(*keyEntry).Text; got != "23/11/2026" {
		t.Errorf("change from %q, want next Monday", got)
	}
	var start *keyEntry
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*keyEntry); ok && e.Text == "08:00" {
			start = e
		}
	})
	start.SetText("09:00")
	f.field("fill_to").focus.(*keyEntry).SetText("13/12/2026")
	u.win.Canvas().Focus(start)
	press(t, u, fyne.KeyReturn)
	if u.form != nil {
		t.Fatalf("not saved: %s", f.summary.Text)
	}
	shifts, _ := svc.Shifts(u.Account().ID, civil.New(2026, 11, 16), civil.New(2026, 12, 13))
	var starts []string
	for _, s := range shifts {
		if s.Status == rota.Planned {
			starts = append(starts, s.Start.In(rota.London()).Format("02/01 15:04"))
		}
	}
	if got := strings.Join(starts, ", "); got != "16/11 08:00, 23/11 09:00, 30/11 09:00, 07/12 09:00" {
		t.Errorf("planned shifts %s", got)
	}
	wantText(t, u, "✔ \"Mornings\" changed from 23/11/2026. Up to 13/12/2026: 3 shifts added, 0 changed, 0 removed.")
}

// cellText is the text the grid shows in the cell at p, line by line.
func cellText(g *weekGrid, p rota.Pos) string {
	var b strings.Builder
	walkAll(g.cells[p], func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok {
			b.WriteString(t.Text + "\n")
		}
	})
	return b.String()
}
