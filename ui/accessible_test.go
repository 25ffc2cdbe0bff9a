package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/service"
)

// a11yScreens are the pages the focus is walked round: the pages the
// screen pictures show, every section, the pages and forms that open
// from them, and a question asked in a dialog.
func a11yScreens(t *testing.T) []screenPage {
	pa := func(u *UI) household.PA {
		pas, err := u.svc.PAs(u.Account().ID)
		if err != nil || len(pas) == 0 {
			t.Fatalf("the demo's PAs: %v, %v", pas, err)
		}
		return pas[0]
	}
	shift := func(u *UI) {
		from := civil.Of(today)
		shifts, err := u.svc.Shifts(u.Account().ID, from, from.AddDays(14))
		if err != nil || len(shifts) == 0 {
			t.Fatalf("the demo's shifts: %v, %v", len(shifts), err)
		}
		u.showShiftForm(shifts[0], false, u.showRota)
	}
	transaction := func(u *UI) {
		l, err := u.svc.Ledger(u.Account().ID, service.LedgerFilter{})
		if err != nil || len(l.Entries) == 0 {
			t.Fatalf("the demo's ledger: %v", err)
		}
		u.ShowSection(sectionMoney)
		u.showTransactionForm(l.Entries[0].Transaction)
	}
	pages := append([]screenPage{}, screenPages...)
	for _, s := range sections {
		pages = append(pages, screenPage{"section-" + strings.ToLower(s.String()), func(u *UI) { u.ShowSection(s) }})
	}
	return append(pages,
		screenPage{"pa-page", func(u *UI) { u.ShowSection(sectionPeople); u.showPA(pa(u).ID) }},
		screenPage{"pa-form-new", func(u *UI) { u.ShowSection(sectionPeople); u.showAddPA() }},
		screenPage{"pa-form-edit", func(u *UI) { u.ShowSection(sectionPeople); u.showEditPA(pa(u)) }},
		screenPage{"contracts", func(u *UI) { u.ShowSection(sectionPeople); u.showContracts(pa(u).ID) }},
		screenPage{"absence-form", func(u *UI) { u.ShowSection(sectionPeople); u.showAbsenceForm(pa(u).ID) }},
		screenPage{"employer-form", func(u *UI) { u.ShowSection(sectionHome); u.showEmployerForm() }},
		screenPage{"insurance", func(u *UI) { u.ShowSection(sectionHome); u.showInsurance() }},
		screenPage{"insurance-form", func(u *UI) { u.ShowSection(sectionHome); u.showNewInsuranceForm() }},
		screenPage{"rota-list", func(u *UI) { u.ShowSection(sectionRota); u.rota.list = true; u.showRota() }},
		screenPage{"rota-checks", func(u *UI) { u.ShowSection(sectionRota); u.showChecks() }},
		screenPage{"patterns", func(u *UI) { u.ShowSection(sectionRota); u.showPatterns() }},
		screenPage{"shift-form", func(u *UI) { u.ShowSection(sectionRota); shift(u) }},
		screenPage{"money-ledger", func(u *UI) { u.ShowSection(sectionMoney); u.showLedger() }},
		screenPage{"money-form-transaction", transaction},
		screenPage{"money-form-bill", func(u *UI) { u.ShowSection(sectionMoney); u.showBillForm() }},
		screenPage{"money-form-owed", func(u *UI) { u.ShowSection(sectionMoney); u.showOwedForm() }},
		screenPage{"money-import", func(u *UI) { u.ShowSection(sectionMoney); u.showImport() }},
		screenPage{"money-forecast", func(u *UI) { u.ShowSection(sectionMoney); u.showForecast() }},
		screenPage{"money-settings", func(u *UI) { u.ShowSection(sectionMoney); u.showMoneySettings() }},
		screenPage{"money-category-form", func(u *UI) { u.ShowSection(sectionMoney); u.showCategoryForm() }},
		screenPage{"pay-hmrc", func(u *UI) { u.ShowSection(sectionPay); u.showHMRC() }},
		screenPage{"pay-year-end", func(u *UI) { u.ShowSection(sectionPay); u.showYearEnd() }},
		screenPage{"pay-pensions", func(u *UI) { u.ShowSection(sectionPay); u.showPensions("") }},
		screenPage{"returns-dates", func(u *UI) { u.ShowSection(sectionReturns); u.showReturnDates() }},
		screenPage{"contract-form", func(u *UI) {
			u.ShowSection(sectionPeople)
			p := pa(u)
			cs, _ := u.svc.Contracts(p.ID)
			u.showNewContractForm(p, cs)
		}},
		screenPage{"welcome", func(u *UI) { u.showWelcome() }},
		screenPage{"set-up", func(u *UI) { u.showSetup() }},
		screenPage{"pattern-form", func(u *UI) { u.ShowSection(sectionRota); u.showPatternForm(rota.Pattern{}) }},
		screenPage{"pattern-form-with-a-shift", func(u *UI) {
			u.ShowSection(sectionRota)
			u.showPatternForm(rota.Pattern{})
			button(t, u, "Add a shift to the pattern").OnTapped()
		}},
		screenPage{"timesheet-line-added", func(u *UI) {
			u.ShowSection(sectionTimesheets)
			from := civil.Of(today)
			sheets, _ := u.svc.Timesheets(u.Account().ID, from.AddDays(-40), from.AddDays(40))
			for _, ts := range sheets {
				if ts.Status == rota.Draft {
					u.showTimesheet(ts, "")
					button(t, u, "Add a line for work not on the rota").OnTapped()
					return
				}
			}
			t.Fatal("no draft timesheet in the demo")
		}},
		screenPage{"timesheet", func(u *UI) {
			u.ShowSection(sectionTimesheets)
			from := civil.Of(today)
			sheets, err := u.svc.Timesheets(u.Account().ID, from.AddDays(-40), from.AddDays(40))
			if err != nil || len(sheets) == 0 {
				t.Fatalf("the demo's timesheets: %v, %v", len(sheets), err)
			}
			for _, ts := range sheets {
				if ts.Status == rota.Draft {
					u.showTimesheet(ts, "")
					return
				}
			}
			u.showTimesheet(sheets[0], "")
		}},
		screenPage{"pay-run", func(u *UI) {
			u.ShowSection(sectionPay)
			if len(u.pay.buttons) == 0 {
				t.Fatal("no paydays on the Pay page")
			}
			u.pay.buttons[0].OnTapped()
		}},
		screenPage{"money-import-preview", func(u *UI) {
			previewFile(t, u, "Date,Description,Amount\n10/12/2026,CHEMIST,-12.34\n11/12/2026,COUNCIL PAYMENT,1500.00\n")
		}},
		screenPage{"message", func(u *UI) { u.ShowSection(sectionHome); u.message("Not saved", "The date can't be read.") }},
		screenPage{"family-leave-form", func(u *UI) { u.ShowSection(sectionPeople); u.showFamilyLeaveForm(pa(u)) }},
		screenPage{"attach-receipt", func(u *UI) {
			l, _ := u.svc.Ledger(u.Account().ID, service.LedgerFilter{})
			u.ShowSection(sectionMoney)
			u.showAttachReceipt(l.Entries[0].Transaction)
		}},
		screenPage{"question-leave-a-changed-form", func(u *UI) {
			u.ShowSection(sectionPeople)
			u.showAddPA()
			typeText(t, u, "Changed")
			u.form.Cancel()
		}},
	)
}

// TestEveryFocusableObjectHasASpokenLabel walks the focus round every
// screen with Tab (Canvas.FocusNext) and fails on any object that takes
// the focus and has no accessibility label, or one that says nothing
// ("", "Entry", a lone "…", its type's name), or that has a box with no
// name.
func TestEveryFocusableObjectHasASpokenLabel(t *testing.T) {
	for _, p := range a11yScreens(t) {
		t.Run(p.name, func(t *testing.T) {
			u, svc := newDemoUI(t)
			svc.SetClock(func() time.Time { return today })
			openPriya(t, u)
			waitForWork(t, u)
			p.open(u)
			waitForWork(t, u)
			ring := focusRingOf(t, u.win.Canvas())
			for i, o := range ring {
				if problem := unspoken(o); problem != "" {
					t.Errorf("stop %d of %d on the Tab ring: %s", i+1, len(ring), problem)
				}
			}
		})
	}
}

// The check itself refuses what it should: a bare Fyne entry, a box of
// ours with no name, and a button with only an icon.
func TestTheSpokenLabelCheckRefusesUnlabelledObjects(t *testing.T) {
	u, _ := newTestUI(t, nil)
	bareEntry := widget.NewEntry()
	unnamedSelect := newKeySelect([]string{"One", "Two"}, nil)
	unnamedSelect.SetSelected("One")
	unnamedEntry := newKeyEntry()
	unnamedEntry.SetText("QQ 12 34 56 C")
	iconButton := newKeyButton("", nil, func() {})
	dots := newKeyButton("…", nil, func() {})
	named := newKeyEntry()
	caption("NI number", named)
	u.showPage(container.NewVBox(bareEntry, unnamedSelect, unnamedEntry, iconButton, dots, named), bareEntry, nil)
	ring := focusRingOf(t, u.win.Canvas())
	if len(ring) != 6 {
		t.Fatalf("%d objects on the ring, want 6", len(ring))
	}
	for _, o := range ring[:5] {
		if unspoken(o) == "" {
			t.Errorf("%T (%v) passed the check, want it refused", o, label(o))
		}
	}
	if p := unspoken(named); p != "" {
		t.Errorf("a named box refused: %s", p)
	}
}

// A form's box is read by the field's own label, its value and the
// problem shown under it.
func TestAFormBoxSaysItsLabelValueAndProblem(t *testing.T) {
	u, _ := newDemoUI(t)
	u.ShowSection(sectionPeople)
	u.showAddPA()
	f := u.form
	typeText(t, u, "Sam Okafor")
	ni := f.field("ni_number").focus.(*keyEntry)
	u.win.Canvas().Focus(ni)
	typeText(t, u, "QQ 12 34 56 C")
	niLabel := f.field("ni_number").label
	if got, want := ni.AccessibilityLabel(), niLabel+", QQ 12 34 56 C"; got != want {
		t.Errorf("before saving: %q, want %q", got, want)
	}
	press(t, u, fyne.KeyReturn)
	want := niLabel + ", QQ 12 34 56 C, refused: " + household.CheckNINumber(household.NormaliseNINumber("QQ 12 34 56 C"))
	if got := ni.AccessibilityLabel(); got != want {
		t.Errorf("after saving: %q, want %q", got, want)
	}
	for _, c := range []struct {
		o    fyne.Accessible
		want string
	}{
		{f.field("name").focus.(*keyEntry), f.field("name").label + ", Sam Okafor"},
		{f.field("start_date").focus.(*keyEntry), f.field("start_date").label + ", empty, for example DD/MM/YYYY, refused: " + strings.TrimPrefix(f.problem("start_date"), "⚠ ")},
	} {
		if got := c.o.AccessibilityLabel(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	sel := newKeySelect([]string{"Weekly", "Monthly"}, nil)
	sel.SetSelected("Monthly")
	caption("How often PAs are paid", sel)
	if got, want := sel.AccessibilityLabel(), "How often PAs are paid, drop-down, Monthly"; got != want {
		t.Errorf("drop-down: %q, want %q", got, want)
	}
	secret := newKeyEntry()
	secret.Password = true
	secret.SetText("hunter2")
	caption("Password", secret)
	if got := secret.AccessibilityLabel(); strings.Contains(got, "hunter2") || got != "Password, hidden, 7 characters typed" {
		t.Errorf("password box: %q", got)
	}
}

// The rota's week grid says the day, date, PA, times and kind of the
// shift it is on, and its warnings.
func TestTheWeekGridSaysTheFocusedShift(t *testing.T) {
	u, svc := newDemoUI(t)
	svc.SetClock(func() time.Time { return today })
	openPriya(t, u)
	u.ShowSection(sectionRota)
	g := u.rota.grid
	u.win.Canvas().Focus(g)
	for _, key := range []fyne.KeyName{fyne.KeyHome, fyne.KeyRight, fyne.KeyRight} {
		press(t, u, key)
		got := g.AccessibilityLabel()
		if !strings.HasPrefix(got, g.week.Title+": ") || !strings.HasSuffix(got, g.describe()) {
			t.Errorf("after %s: %q, want the week and %q", key, got, g.describe())
		}
		if b, ok := g.week.BlockAt(g.Pos()); ok {
			for _, part := range []string{b.Who, londonClock(b.Start), b.Type.Phrase()} {
				if !strings.Contains(got, part) {
					t.Errorf("after %s: %q does not say %q", key, got, part)
				}
			}
		}
	}
}

// focusRingOf is every object Tab reaches on c, once each, from the one
// focused now (the first focusable, when none is).
func focusRingOf(t *testing.T, c fyne.Canvas) []fyne.Focusable {
	t.Helper()
	if c.Focused() == nil {
		c.FocusNext()
	}
	first := c.Focused()
	if first == nil {
		t.Fatal("nothing on the page takes the focus")
	}
	ring := []fyne.Focusable{first}
	for range 3000 {
		c.FocusNext()
		o := c.Focused()
		if o == first || o == nil {
			return ring
		}
		ring = append(ring, o)
	}
	t.Fatalf("Tab did not come back to %T after %d stops", first, len(ring))
	return nil
}

// unspoken says what is wrong with what a screen reader would say of o
// ("" when nothing is).
func unspoken(o fyne.Focusable) string {
	a, ok := o.(fyne.Accessible)
	if !ok {
		return fmt.Sprintf("%T takes the focus and has no accessibility label (fyne.Accessible)", o)
	}
	l, role := strings.TrimSpace(a.AccessibilityLabel()), a.AccessibilityRole()
	if genericLabel(o, l) {
		return fmt.Sprintf("%T is read out as %q, which says nothing", o, l)
	}
	if role == "" || role == fyne.AccessibleRoleContainer {
		return fmt.Sprintf("%T (%q) has the role %q", o, l, role)
	}
	if s, ok := o.(speaker); ok && s.spokenName() == "" {
		if c, ok := o.(*keyCheck); !ok || strings.TrimSpace(c.Text) == "" {
			return fmt.Sprintf("%T (%q) has no name: give it its field's label (form.add) or a caption", o, l)
		}
	}
	return ""
}

// genericLabel reports whether l says nothing a person can use: empty,
// no letters (a lone "…"), or a widget's kind or type name.
func genericLabel(o fyne.Focusable, l string) bool {
	if !strings.ContainsFunc(l, unicode.IsLetter) {
		return true
	}
	low := strings.ToLower(strings.Trim(l, " .,:"))
	typ := strings.ToLower(fmt.Sprintf("%T", o))
	for _, g := range []string{"entry", "select", "button", "check", "list", "container", "text", "drop-down", "tick box",
		"(choose one)", typ, strings.TrimPrefix(typ, "*"), typ[strings.LastIndex(typ, ".")+1:]} {
		if low == g {
			return true
		}
	}
	return false
}

// label is what o is read out as, for a message.
func label(o fyne.Focusable) string {
	if a, ok := o.(fyne.Accessible); ok {
		return a.AccessibilityLabel()
	}
	return "no label"
}

// The button that has the focus in a message or a question says what it
// answers, not a bare "OK".
func TestADialogsButtonSaysWhatItAnswers(t *testing.T) {
	u, _ := newTestUI(t, nil)
	u.message("Not saved", "The date can't be read.")
	if got, want := label(u.win.Canvas().Focused()), "OK, Not saved: The date can't be read."; got != want {
		t.Errorf("the message's OK: %q, want %q", got, want)
	}
	u.askFirst("Replace it?", "report.pdf already exists.", "Yes, replace it", func() {})
	if got, want := label(u.win.Canvas().Focused()), "No, go back, Replace it? report.pdf already exists."; got != want {
		t.Errorf("the question's no: %q, want %q", got, want)
	}
}

// Settings copies the data file's path with a button (a selectable label
// would take the focus with nothing for a screen reader to say).
func TestSettingsCopiesTheDataFilesPath(t *testing.T) {
	u, svc := newDemoUI(t)
	u.ShowSection(sectionSettings)
	b := button(t, u, "Copy the file's path")
	u.win.Canvas().Focus(b)
	press(t, u, fyne.KeyReturn)
	if got := u.app.Clipboard().Content(); got != svc.Path() {
		t.Errorf("the clipboard holds %q, want %q", got, svc.Path())
	}
	if b.Text != "Copied the file's path" {
		t.Errorf("the button says %q after copying", b.Text)
	}
}
