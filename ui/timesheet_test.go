package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"patoolkit/civil"
	"patoolkit/rota"
)

func TestTimesheetChangesAreSavedAndShownAgainstTheRota(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	sh := addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	u.ShowSection(sectionTimesheets)
	u.win.Canvas().Focus(button(t, u, "Open Sarah Lee's timesheet"))
	press(t, u, fyne.KeyReturn)
	tp := u.rota.sheet
	if tp == nil || len(tp.rows) != 1 {
		t.Fatalf("timesheet page has no line:\n%s", allText(u))
	}
	wantText(t, u, "✔ None: every line is as planned on the rota.")
	row := tp.rows[0]
	row.start.SetText("08:15")
	row.miles.SetText("12.5")
	row.expenses.SetText("3.20")
	u.win.Canvas().Focus(row.miles)
	press(t, u, fyne.KeyReturn) // Enter saves the changes
	ts, err := svc.Timesheet(tp.ts.ID)
	if err != nil {
		t.Fatal(err)
	}
	e := ts.Entries[0]
	if !e.Start.Equal(at(t, "16/11/2026 08:15")) || !e.End.Equal(sh.End) || e.MileageTenths != 125 || e.Expenses != 320 || e.ShiftID != sh.ID {
		t.Errorf("saved entry %+v", e)
	}
	text := allText(u)
	for _, want := range []string{
		"✔ Changes saved.",
		"⚠ changed: Started 08:15, planned 08:00 (15 minutes late).",
		"Hours paid by the hour: 3 hours 45 minutes",
		"Mileage: 12.5 miles",
		"Day: 3 hours 45 minutes at £12.80 an hour = £48.00",
		"Gross pay: £48.00",
		"Expenses to pay back: £3.20",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("page lacks %q:\n%s", want, text)
		}
	}

	// A line for work not on the rota.
	u.win.Canvas().Focus(button(t, u, "Add a line for work not on the rota"))
	press(t, u, fyne.KeyReturn)
	typeText(t, u, "18/11/2026") // the new line's date has the focus
	added := u.rota.sheet.rows[1]
	added.start.SetText("10:00")
	added.end.SetText("11:00")
	u.win.Canvas().Focus(button(t, u, "Save changes"))
	press(t, u, fyne.KeyReturn)
	ts, _ = svc.Timesheet(tp.ts.ID)
	if len(ts.Entries) != 2 || ts.Entries[1].ShiftID != 0 || !ts.Entries[1].Start.Equal(at(t, "18/11/2026 10:00")) {
		t.Fatalf("entries %+v", ts.Entries)
	}
	wantText(t, u, "⚠ Not on the rota: day shift, 10:00 to 11:00 on 18/11/2026 (1 hour).")

	// A line that can't be read is shown and nothing is saved.
	u.rota.sheet.rows[0].end.SetText("25:00")
	u.rota.sheet.save()
	if !strings.Contains(u.rota.sheet.problem.Text, "⚠ Not saved: 1 thing needs putting right.\n• Line 1: \"25:00\" is not a time of day") {
		t.Errorf("problem %q", u.rota.sheet.problem.Text)
	}
	if again, _ := svc.Timesheet(tp.ts.ID); !again.Entries[0].End.Equal(sh.End) {
		t.Error("a bad line was saved")
	}
}

func TestApprovedTimesheetHasNoEditableFieldsAndLocksByKeyboard(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	sarah, _ := findPA(t, svc, u.Account().ID, "Sarah Lee")
	ts, err := svc.OpenTimesheet(u.Account().ID, sarah.ID, civil.New(2026, 11, 16))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SignTimesheet(ts.ID, "Sarah Lee", civil.New(2026, 11, 18)); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ApproveTimesheet(ts.ID, "Jane Smith", civil.New(2026, 11, 19)); err != nil {
		t.Fatal(err)
	}
	u.ShowSection(sectionTimesheets)
	wantText(t, u, "Sarah Lee: Approved on 19/11/2026 by Jane Smith")
	u.win.Canvas().Focus(button(t, u, "Open Sarah Lee's timesheet"))
	press(t, u, fyne.KeyReturn)
	editable := 0
	walk(u.main, func(o fyne.CanvasObject) {
		switch o.(type) {
		case *keyEntry, *keySelect, *keyCheck:
			editable++
		}
	})
	if editable != 0 {
		t.Errorf("%d editable fields on an approved timesheet", editable)
	}
	for _, gone := range []string{"Save changes", "PA signs…", "Approve…", "Add a line for work not on the rota", "Remove this line"} {
		t.Run(gone, func(t *testing.T) {
			walk(u.win.Content(), func(o fyne.CanvasObject) {
				if b, ok := o.(*keyButton); ok && b.Text == gone {
					t.Errorf("button %q on an approved timesheet", gone)
				}
			})
		})
	}
	wantText(t, u, "Line 1: Monday 16/11/2026, 08:00 to 12:00, day shift, 4 hours")
	// Mark as paid: the confirmation starts on "No"; Tab then Enter locks.
	pressButton(t, u, "Mark as paid (lock)…")
	pressButton(t, u, "No, go back")
	if got, _ := svc.Timesheet(ts.ID); got.Status != rota.Approved {
		t.Fatal("No locked it")
	}
	press(t, u, fyne.KeyReturn)
	u.win.Canvas().FocusNext()
	pressButton(t, u, "Yes, lock it")
	if got, _ := svc.Timesheet(ts.ID); got.Status != rota.Locked {
		t.Errorf("status %s, want locked", got.Status)
	}
	wantText(t, u, "Corrections go on the next timesheet.")
}

func TestSigningWithAnotherNameIsRefused(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	u.ShowSection(sectionTimesheets)
	u.win.Canvas().Focus(button(t, u, "Open Sarah Lee's timesheet"))
	press(t, u, fyne.KeyReturn)
	press(t, u, fyne.KeyReturn) // PA signs…
	f := u.form
	typeText(t, u, "Ali Khan")
	press(t, u, fyne.KeyReturn)
	want := "The name typed (Ali Khan) does not match the PA's name (Sarah Lee): the PA should type their own full name."
	if u.form != f || !strings.Contains(f.summary.Text, want) {
		t.Errorf("summary %q", f.summary.Text)
	}
	sheets, _ := svc.Timesheets(u.Account().ID, civil.New(2026, 11, 1), civil.New(2026, 11, 30))
	if len(sheets) != 1 || sheets[0].Status != rota.Draft {
		t.Errorf("timesheets %+v", sheets)
	}
}
