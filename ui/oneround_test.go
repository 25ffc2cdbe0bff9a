package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"patoolkit/civil"
	"patoolkit/rota"
)

// wantProblems checks that each named field shows a problem containing
// its words, that the focus is on the first named field's box (or on
// focus, when not nil) and that its message is in view.
func wantProblems(t *testing.T, u *UI, f *form, want [][2]string, focus fyne.Focusable) {
	t.Helper()
	for _, w := range want {
		if got := f.problem(w[0]); !strings.Contains(got, w[1]) {
			t.Errorf("%s: %q, want %q\n%s", w[0], got, w[1], f.summary.Text)
		}
	}
	if !strings.Contains(f.summary.Text, "things need putting right") {
		t.Errorf("summary %q", f.summary.Text)
	}
	first := f.field(want[0][0])
	if focus == nil {
		focus = first.focus
	}
	if u.win.Canvas().Focused() != focus {
		t.Errorf("the focus is on %T, not on the first problem (%s)", u.win.Canvas().Focused(), want[0][0])
	}
	if !inView(t, f, first.error) {
		t.Errorf("the first problem (%s) is not in view", want[0][0])
	}
}

// TestAbsenceFormListsEveryProblemInOneRound: a first day that can't be
// read does not hide that nobody is chosen nor that no qualifying day
// is ticked; each is under its field, the focus on the first, and
// nothing changes on the rota.
func TestAbsenceFormListsEveryProblemInOneRound(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	before, _ := svc.Shifts(u.Account().ID, civil.New(2026, 11, 16), civil.New(2026, 11, 22))
	u.showAbsenceForm(0)
	wantForm(t, u, "Record an absence")
	f := u.form
	focusField(t, u, "kind")
	press(t, u, fyne.KeyRight) // sickness: the qualifying days appear
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*keyCheck); ok {
			c.SetChecked(false)
		}
	})
	focusField(t, u, "from")
	focused(t, u).(*keyEntry).SetText("31/02/2026")
	press(t, u, fyne.KeyReturn)
	wantProblems(t, u, f, [][2]string{
		{"who", "Choose the PA who is absent"},
		{"from", `"31/02/2026" is not a date we can read`},
		{"qualifying", "qualifying days"},
	}, nil)
	capture(t, u, "oneround-absence.png")
	if !strings.HasPrefix(f.summary.Text, "⚠ Nothing has been saved yet: 3 things need putting right.") {
		t.Errorf("summary %q", f.summary.Text)
	}
	after, _ := svc.Shifts(u.Account().ID, civil.New(2026, 11, 16), civil.New(2026, 11, 22))
	if len(after) != len(before) || after[0].Status != before[0].Status {
		t.Error("the rota changed")
	}
	if got, _ := svc.Absences(u.Account().ID, civil.New(2020, 1, 1), civil.New(2030, 1, 1)); len(got) != 0 {
		t.Errorf("stored %+v", got)
	}

	// Every date readable: the service's own check still gives all of
	// them at once (the last day before the first, nobody chosen).
	focusField(t, u, "from")
	focused(t, u).(*keyEntry).SetText("18/11/2026")
	focusField(t, u, "to")
	focused(t, u).(*keyEntry).SetText("17/11/2026")
	press(t, u, fyne.KeyReturn)
	wantProblems(t, u, f, [][2]string{
		{"who", "Choose the PA who is absent"},
		{"to", "ends (17/11/2026) before it starts (18/11/2026)"},
		{"qualifying", "qualifying days"},
	}, nil)
}

// TestFamilyLeaveFormListsEveryProblemInOneRound: a due date that can't be
// read does not hide a missing first day or too many weeks.
func TestFamilyLeaveFormListsEveryProblemInOneRound(t *testing.T) {
	u, svc, _, _ := familyDemo(t)
	sam, _ := findPA(t, svc, u.Account().ID, "Sam Okafor")
	u.showFamilyLeaveForm(sam)
	f := u.form
	focusField(t, u, "kind")
	press(t, u, fyne.KeyRight) // maternity
	focusField(t, u, "expected")
	typeText(t, u, "10/13/2027")
	focusField(t, u, "weeks")
	focused(t, u).(*keyEntry).SetText("40")
	press(t, u, fyne.KeyReturn)
	wantProblems(t, u, f, [][2]string{
		{"expected", `"10/13/2027" is not a date we can read`},
		{"from", "Enter the first day of the maternity leave"},
		{"weeks", "1 to 39 weeks"},
	}, nil)
	capture(t, u, "oneround-family.png")
	if l, _ := svc.FamilyLeaves(u.Account().ID, sam.ID); len(l) != 0 {
		t.Fatalf("stored %+v", l)
	}
	// All readable: the key dates' check and the leave's own, together.
	focusField(t, u, "expected")
	focused(t, u).(*keyEntry).SetText("")
	press(t, u, fyne.KeyReturn)
	wantProblems(t, u, f, [][2]string{
		{"expected", "Enter the day the baby is due"},
		{"from", "Enter the first day"},
		{"weeks", "1 to 39 weeks"},
	}, nil)
}

// TestPatternFormListsEveryProblemInOneRound: a time that can't be read
// in one shift of the pattern does not hide a missing name, a last date
// before the first, nor another shift's break as long as the shift; the
// shifts' problems are all under the table, naming their shifts.
func TestPatternFormListsEveryProblemInOneRound(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	u.showPatternForm(rota.Pattern{Cycle: 1})
	wantForm(t, u, "New pattern")
	f := u.form
	focusField(t, u, "from")
	focused(t, u).(*keyEntry).SetText("23/11/2026")
	focusField(t, u, "until")
	focused(t, u).(*keyEntry).SetText("01/11/2026")
	for i := 0; i < 2; i++ {
		u.win.Canvas().Focus(button(t, u, "Add a shift to the pattern"))
		press(t, u, fyne.KeyReturn)
	}
	rows := patternRowsOf(t, u)
	for _, r := range rows {
		r.pa.SetSelectedIndex(0)
	}
	rows[0].start.SetText("25:00")
	rows[0].end.SetText("12:00")
	rows[1].start.SetText("08:00")
	rows[1].end.SetText("12:00")
	rows[1].brk.SetText("240")
	focusField(t, u, "name")
	press(t, u, fyne.KeyReturn)
	wantProblems(t, u, f, [][2]string{
		{"name", "Give the pattern a name"},
		{"until", "The pattern ends (01/11/2026) before it starts (23/11/2026)"},
		{"entries", `Shift 1: "25:00"`},
		{"entries", "Shift 2 of the pattern has a break as long as the shift"},
	}, nil)
	capture(t, u, "oneround-pattern.png")
	if pats, _ := svc.Patterns(u.Account().ID); len(pats) != 0 {
		t.Fatalf("stored %+v", pats)
	}
	// With the name and dates right, the focus goes to the shift's box
	// that can't be read.
	focusField(t, u, "name")
	focused(t, u).(*keyEntry).SetText("Mornings")
	focusField(t, u, "until")
	focused(t, u).(*keyEntry).SetText("")
	press(t, u, fyne.KeyReturn)
	if f.problem("name") != "" || f.problem("until") != "" {
		t.Errorf("name %q, until %q", f.problem("name"), f.problem("until"))
	}
	if u.win.Canvas().Focused() != rows[0].start {
		t.Errorf("the focus is on %T, not shift 1's start", u.win.Canvas().Focused())
	}
	if !strings.Contains(f.problem("entries"), "Shift 2 of the pattern has a break") {
		t.Errorf("entries %q", f.problem("entries"))
	}
	// All put right, it saves.
	rows[0].start.SetText("08:00")
	rows[1].brk.SetText("0")
	focusField(t, u, "name")
	press(t, u, fyne.KeyReturn)
	if pats, _ := svc.Patterns(u.Account().ID); len(pats) != 1 || len(pats[0].Entries) != 2 {
		t.Fatalf("stored %+v\n%s", pats, allText(u))
	}
}

// patternBoxes are the boxes of the pattern form's rows, in order: per
// row, the PA, week, day and type lists and the start, end and break
// boxes.
type patternBoxes struct {
	pa              *keySelect
	start, end, brk *keyEntry
}

func patternRowsOf(t *testing.T, u *UI) []patternBoxes {
	t.Helper()
	var sels []*keySelect
	var entries []*keyEntry
	walk(u.form.field("entries").row, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *keySelect:
			sels = append(sels, w)
		case *keyEntry:
			entries = append(entries, w)
		}
	})
	if len(sels) != 4*len(entries)/3 {
		t.Fatalf("%d lists and %d boxes in the table", len(sels), len(entries))
	}
	var rows []patternBoxes
	for i := 0; i < len(entries)/3; i++ {
		rows = append(rows, patternBoxes{pa: sels[4*i], start: entries[3*i], end: entries[3*i+1], brk: entries[3*i+2]})
	}
	return rows
}

// TestPayLineFormListsEveryProblemInOneRound: an amount that can't be
// read does not hide a missing PA or description.
func TestPayLineFormListsEveryProblemInOneRound(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	approvedFixture(t, u, svc)
	shortcut(t, u, sectionPay.shortcut())
	press(t, u, fyne.KeyReturn)
	u.win.Canvas().Focus(button(t, u, "Add a line…"))
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Add a line to the pay on 30/11/2026")
	f := u.form
	focusField(t, u, "amount")
	typeText(t, u, "ten pounds")
	press(t, u, fyne.KeyReturn)
	wantProblems(t, u, f, [][2]string{
		{"pa", "Choose the PA"},
		{"description", "Say what the line is for"},
		{"amount", `"ten pounds"`},
	}, nil)
	capture(t, u, "oneround-payline.png")
	// Readable but nothing above £0.00: still every problem at once.
	focusField(t, u, "amount")
	focused(t, u).(*keyEntry).SetText("0")
	press(t, u, fyne.KeyReturn)
	wantProblems(t, u, f, [][2]string{
		{"pa", "Choose the PA"},
		{"description", "Say what the line is for"},
		{"amount", "Enter an amount above £0.00"},
	}, nil)
	escapeWithoutSaving(t, u)
	if strings.Contains(allText(u), "Back pay,") {
		t.Error("a refused line was added")
	}
}

// TestATimesheetLineEndingBeforeItStartsIsAskedAbout: a day line typed
// 09:00 to 08:00 would run 23 hours past midnight: saving asks, with the
// focus on "No, change it", which stores nothing and goes back to the
// line's end; "Yes" saves it as typed. A waking night the right way
// round is not asked about.
func TestATimesheetLineEndingBeforeItStartsIsAskedAbout(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	addShift(t, u, svc, "Sarah Lee", "17/11/2026 22:00", "18/11/2026 08:00", rota.WakingNight, 0)
	sarah, _ := findPA(t, svc, u.Account().ID, "Sarah Lee")
	ts, err := svc.OpenTimesheet(u.Account().ID, sarah.ID, civil.New(2026, 11, 16))
	if err != nil {
		t.Fatal(err)
	}
	u.showTimesheet(ts, "")
	tp := u.rota.sheet
	u.win.Canvas().Focus(tp.rows[0].start)
	tp.rows[0].start.SetText("09:00")
	tp.rows[0].end.SetText("08:00")
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "Line 1 ends before it starts, so it runs past midnight to 08:00 the next day (23 hours).")
	wantText(t, u, "Is that right?")
	if strings.Contains(allText(u), "Line 2") && strings.Contains(allText(u), "Line 2 ends") {
		t.Error("the waking night was asked about")
	}
	wantFocus(t, u, "No, change it")
	capture(t, u, "oneround-timesheet-question.png")
	press(t, u, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the question is still open")
	}
	if focused(t, u) != tp.rows[0].end {
		t.Errorf("after \"No\" the focus is on %T, not the line's end", focused(t, u))
	}
	if again, _ := svc.Timesheet(ts.ID); !rota.SameEntries(again.Entries, ts.Entries) {
		t.Fatal("\"No\" saved the line")
	}
	press(t, u, fyne.KeyReturn)
	test.FocusNext(u.win.Canvas())
	pressButton(t, u, "Yes, save it")
	again, _ := svc.Timesheet(ts.ID)
	if m := again.Entries[0].Minutes(); m != 23*60 {
		t.Fatalf("saved %d minutes, want 23 hours:\n%s", m, allText(u))
	}
	wantText(t, u, "Changes saved.")
}

// TestTimesheetLinesShowTheChecksProblemsAtOnce: a box that can't be read
// on one line does not hide the check's problems on the others (a break
// as long as the line, a negative mileage… ), each under its line, with
// no pop-up and nothing stored.
func TestTimesheetLinesShowTheChecksProblemsAtOnce(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	for _, d := range []string{"16", "17", "18"} {
		addShift(t, u, svc, "Sarah Lee", d+"/11/2026 08:00", d+"/11/2026 12:00", rota.Day, 0)
	}
	sarah, _ := findPA(t, svc, u.Account().ID, "Sarah Lee")
	ts, err := svc.OpenTimesheet(u.Account().ID, sarah.ID, civil.New(2026, 11, 16))
	if err != nil {
		t.Fatal(err)
	}
	u.showTimesheet(ts, "")
	tp := u.rota.sheet
	tp.rows[0].end.SetText("noon")
	tp.rows[1].brk.SetText("240")
	tp.rows[2].expenses.SetText("20000")
	u.win.Canvas().Focus(button(t, u, "Save changes"))
	press(t, u, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("a pop-up was shown")
	}
	capture(t, u, "oneround-timesheet-lines.png")
	if !strings.HasPrefix(tp.problem.Text, "⚠ Not saved: 3 things need putting right.") {
		t.Errorf("summary %q", tp.problem.Text)
	}
	for i, want := range []string{`Line 1: "noon"`, "Line 2: The break (4 hours) is as long as the shift", "Line 3: Expenses of £20,000.00 look like a typing mistake"} {
		if r := tp.rows[i]; !r.problem.Visible() || !strings.Contains(r.problem.Text, want) {
			t.Errorf("line %d shows %q, want %q", i+1, r.problem.Text, want)
		}
	}
	if focused(t, u) != tp.rows[0].end {
		t.Errorf("the focus is on %T, not line 1's end", focused(t, u))
	}
	if again, _ := svc.Timesheet(ts.ID); !rota.SameEntries(again.Entries, ts.Entries) {
		t.Error("something was saved")
	}
}
