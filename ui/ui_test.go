package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
	"patoolkit/storage/storagetest"
)

// today is the fixed date the tests run on.
var today = time.Date(2026, time.November, 20, 9, 0, 0, 0, time.UTC)

// newTestUI opens a new data file (filled by fill, when not nil) and
// builds the window on a test app, which needs no display.
func newTestUI(t *testing.T, fill func(*service.Service)) (*UI, *service.Service) {
	t.Helper()
	return newTestUIAt(t, filepath.Join(t.TempDir(), "t.db"), fill)
}

// demoTemplate is the demo data file, made once for the test run (making
// it runs every pay run of two tax years); newDemoUI copies it.
var demoTemplate struct {
	sync.Once
	path string
	err  error
}

// newDemoUI is newTestUI on a fresh copy of the demo.
func newDemoUI(t *testing.T) (*UI, *service.Service) {
	t.Helper()
	demoTemplate.Do(func() {
		demoTemplate.path = filepath.Join(testDir, "demo-template.db")
		svc, err := service.Open(demoTemplate.path)
		if err != nil {
			demoTemplate.err = err
			return
		}
		demoTemplate.err = svc.Demo()
		if err := svc.Close(); demoTemplate.err == nil {
			demoTemplate.err = err
		}
	})
	if demoTemplate.err != nil {
		t.Fatal(demoTemplate.err)
	}
	b, err := os.ReadFile(demoTemplate.path)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return newTestUIAt(t, path, nil)
}

func newTestUIAt(t *testing.T, path string, fill func(*service.Service)) (*UI, *service.Service) {
	t.Helper()
	a := test.NewTempApp(t)
	svc, err := service.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	if fill != nil {
		fill(svc)
	}
	w := a.NewWindow(Title)
	w.Resize(fyne.NewSize(1100, 720))
	u := create(a, w, svc, func() time.Time { return today })
	queueWork(u)
	return u, svc
}

// press sends a key to the focused widget, as the window would.
func press(t *testing.T, u *UI, key fyne.KeyName) {
	t.Helper()
	f := u.win.Canvas().Focused()
	if f == nil {
		t.Fatalf("pressing %s: nothing has the focus", key)
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
	waitForWork(t, u) // a key that starts long work: its result is shown
}

// typeText types into the focused widget, one key at a time.
func typeText(t *testing.T, u *UI, s string) {
	t.Helper()
	f := u.win.Canvas().Focused()
	if f == nil {
		t.Fatalf("typing %q: nothing has the focus", s)
	}
	for _, r := range s {
		f.TypedRune(r)
	}
}

// shortcut presses a window shortcut as the desktop driver does: the
// focused widget gets it when it takes shortcuts, else the canvas. (The
// test canvas cannot be handed a shortcut, so runShortcut, which holds the
// same handlers as the canvas, stands in for it.)
func shortcut(t *testing.T, u *UI, s fyne.Shortcut) {
	t.Helper()
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	if !u.runShortcut(s) {
		t.Fatalf("%s is not a window shortcut", s.ShortcutName())
	}
}

func focusedButton(t *testing.T, u *UI) string {
	t.Helper()
	b, ok := u.win.Canvas().Focused().(*keyButton)
	if !ok {
		t.Fatalf("the focus is on %T, want a button", u.win.Canvas().Focused())
	}
	return b.Text
}

// wantText fails the test (and goes on) unless the window shows want.
func wantText(t *testing.T, u *UI, want string) {
	t.Helper()
	if got := allText(u); !strings.Contains(got, want) {
		t.Errorf("the window does not show %q:\n%s", want, got)
	}
}

// wantFocus stops the test unless the focus is on the button labelled want.
func wantFocus(t *testing.T, u *UI, want string) {
	t.Helper()
	if got := focusedButton(t, u); got != want {
		t.Fatalf("focus on %q, want %q:\n%s", got, want, allText(u))
	}
}

// wantForm stops the test unless the form titled title is open.
func wantForm(t *testing.T, u *UI, title string) {
	t.Helper()
	if u.form == nil || u.form.title != title {
		t.Fatalf("the form %q is not open:\n%s", title, allText(u))
	}
}

// pressButton stops the test unless the focus is on the button labelled
// label, then presses Enter on it.
func pressButton(t *testing.T, u *UI, label string) {
	t.Helper()
	wantFocus(t, u, label)
	press(t, u, fyne.KeyReturn)
}

// walk calls fn for every object in the window, through containers and
// scrollers (walkPage, which the window itself uses).
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) { walkPage(o, fn) }

// pageText is every visible label's text in the window.
func pageText(u *UI) string {
	var b strings.Builder
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	})
	return b.String()
}

func button(t *testing.T, u *UI, text string) *keyButton {
	t.Helper()
	var found *keyButton
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*keyButton); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in the window:\n%s", text, pageText(u))
	}
	return found
}

func findPA(t *testing.T, svc *service.Service, accountID int64, name string) (household.PA, bool) {
	t.Helper()
	pas, err := svc.PAs(accountID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pas {
		if p.Name == name {
			return p, true
		}
	}
	return household.PA{}, false
}

func TestAddPAWithOnlyTheKeyboard(t *testing.T) {
	u, svc := newDemoUI(t)
	before, _ := svc.PAs(u.Account().ID)

	shortcut(t, u, sectionPeople.shortcut())
	pressButton(t, u, "Add PA")
	wantForm(t, u, "Add a PA")

	typeText(t, u, "Alex Jones") // the name box has the focus
	u.win.Canvas().FocusNext()
	typeText(t, u, "2/3/1990") // date of birth
	u.win.Canvas().FocusNext()
	typeText(t, u, "ab 12 34 56 c") // NI number
	u.win.Canvas().FocusNext()
	if e, ok := u.win.Canvas().Focused().(*keyEntry); !ok || !e.MultiLine || e.AcceptsTab() {
		t.Fatal("the address box would keep Tab: a keyboard user could not leave it")
	}
	typeText(t, u, "1 Test Road") // address
	u.win.Canvas().FocusNext()
	typeText(t, u, "07700 900999") // phone
	u.win.Canvas().FocusNext()
	typeText(t, u, "alex@example.org") // email
	u.win.Canvas().FocusNext()
	typeText(t, u, "01/12/2026") // first day of work
	press(t, u, fyne.KeyReturn)

	if u.form != nil {
		t.Fatalf("the form is still open after Enter:\n%s", pageText(u))
	}
	p, ok := findPA(t, svc, u.Account().ID, "Alex Jones")
	if !ok {
		t.Fatal("Alex Jones was not stored")
	}
	want := household.PA{
		ID: p.ID, AccountID: u.Account().ID, Name: "Alex Jones", Address: "1 Test Road",
		Phone: "07700 900999", Email: "alex@example.org",
		DateOfBirth: civil.New(1990, time.March, 2), NINumber: "AB123456C",
		StartDate: civil.New(2026, time.December, 1), TaxCode: "1257L", NICategory: "A",
	}
	if p != want {
		t.Errorf("stored\n%+v\nwant\n%+v", p, want)
	}
	after, _ := svc.PAs(u.Account().ID)
	if len(after) != len(before)+1 {
		t.Errorf("%d PAs after, want %d", len(after), len(before)+1)
	}
	if text := pageText(u); !strings.Contains(text, "✔ Saved Alex Jones.") || !strings.Contains(text, "AB 12 34 56 C") {
		t.Errorf("the PA's page does not confirm the save:\n%s", text)
	}
}

func TestInvalidNINumberIsRefusedAndNothingStored(t *testing.T) {
	for _, ni := range []string{"QQ123456Z", "AB 12 34 56 E"} {
		t.Run(ni, func(t *testing.T) {
			u, svc := newDemoUI(t)
			before, _ := svc.PAs(u.Account().ID)
			u.ShowSection(sectionPeople)
			press(t, u, fyne.KeyReturn) // Add PA
			f := u.form
			typeText(t, u, "Bad Number")
			u.win.Canvas().Focus(f.field("ni_number").focus)
			typeText(t, u, ni)
			u.win.Canvas().Focus(f.field("start_date").focus)
			typeText(t, u, "01/12/2026")
			press(t, u, fyne.KeyReturn)

			want := "⚠ " + household.CheckNINumber(household.NormaliseNINumber(ni))
			if got := f.problem("ni_number"); got != want {
				t.Errorf("NI number's message = %q, want %q", got, want)
			}
			if !strings.HasPrefix(f.summary.Text, "⚠ Nothing has been saved yet: 1 thing needs putting right.") {
				t.Errorf("summary = %q", f.summary.Text)
			}
			if u.win.Canvas().Focused() != f.field("ni_number").focus {
				t.Error("the focus did not move to the NI number")
			}
			if u.form != f {
				t.Error("the form closed")
			}
			after, _ := svc.PAs(u.Account().ID)
			if len(after) != len(before) {
				t.Errorf("%d PAs stored, want %d", len(after), len(before))
			}
			if _, ok := findPA(t, svc, u.Account().ID, "Bad Number"); ok {
				t.Error("the PA was stored")
			}
		})
	}
	// A message is exact, so this test can fail.
	if got := household.CheckNINumber("QQ123456Z"); got != `"QQ 12 34 56 Z" is not an NI number. An NI number is two letters, six numbers and a last letter A, B, C or D, like AB 12 34 56 C.` {
		t.Errorf("message changed: %q", got)
	}
}

func TestUnreadableDateIsShownBesideItsFieldWithoutSaving(t *testing.T) {
	u, svc := newDemoUI(t)
	before, _ := svc.PAs(u.Account().ID)
	u.ShowSection(sectionPeople)
	press(t, u, fyne.KeyReturn)
	f := u.form
	typeText(t, u, "Date Person")
	u.win.Canvas().Focus(f.field("start_date").focus)
	typeText(t, u, "12/31/2026") // month and day swapped
	press(t, u, fyne.KeyReturn)
	want := `⚠ "12/31/2026" is not a date we can read. Type it as DD/MM/YYYY (day, month, year), for example 06/04/2026.`
	if got := f.problem("start_date"); got != want {
		t.Errorf("start date's message = %q, want %q", got, want)
	}
	if !strings.Contains(f.summary.Text, "• First day of work: ") {
		t.Errorf("the summary does not name the field: %q", f.summary.Text)
	}
	after, _ := svc.PAs(u.Account().ID)
	if len(after) != len(before) {
		t.Error("something was stored")
	}
}

// escapeWithoutSaving presses Escape on a changed form and answers
// "Leave without saving?" with yes, by the keyboard.
func escapeWithoutSaving(t *testing.T, u *UI) {
	t.Helper()
	f := u.form
	press(t, u, fyne.KeyEscape)
	if u.form != f {
		t.Fatal("Escape left a changed form without asking")
	}
	wantText(t, u, "You have changed this form and not saved it. Leave it without saving the changes?")
	wantFocus(t, u, "No, go back")
	test.FocusNext(u.win.Canvas())
	pressButton(t, u, "Yes, leave without saving")
	if u.form == f {
		t.Fatal("\"Yes, leave without saving\" did not leave the form")
	}
}

func TestEscapeCancelsAForm(t *testing.T) {
	u, svc := newDemoUI(t)
	before, _ := svc.PAs(u.Account().ID)
	u.ShowSection(sectionPeople)
	press(t, u, fyne.KeyReturn)
	f := u.form
	typeText(t, u, "Never Saved")
	u.win.Canvas().FocusNext()
	typeText(t, u, "01/01/1990")

	// A changed form asks first, as leaving by Ctrl+1 does; "No, go
	// back" (which has the focus) keeps what was typed.
	press(t, u, fyne.KeyEscape)
	if u.form != f {
		t.Fatal("Escape threw away a changed form without asking")
	}
	wantText(t, u, "Leave it without saving the changes?")
	pressButton(t, u, "No, go back")
	if u.form != f || f.field("name").focus.(*keyEntry).Text != "Never Saved" {
		t.Fatal("\"No, go back\" lost the form")
	}
	if u.win.Canvas().Focused() != f.field("date_of_birth").focus {
		t.Error("the focus did not go back to the box it was in")
	}
	escapeWithoutSaving(t, u)
	if u.form != nil {
		t.Fatal("Escape did not close the form")
	}
	wantFocus(t, u, "Add PA")
	after, _ := svc.PAs(u.Account().ID)
	if len(after) != len(before) {
		t.Errorf("%d PAs, want %d: Escape stored something", len(after), len(before))
	}

	// Escape from a drop-down list and from a button cancels too.
	press(t, u, fyne.KeyReturn)
	u.win.Canvas().Focus(u.form.field("ni_category").focus)
	press(t, u, fyne.KeyEscape)
	if u.form != nil {
		t.Error("Escape on a drop-down list did not cancel")
	}
	press(t, u, fyne.KeyReturn)
	u.win.Canvas().Focus(button(t, u, "Save"))
	press(t, u, fyne.KeyEscape)
	if u.form != nil {
		t.Error("Escape on the Save button did not cancel")
	}
}

func TestFirstRunWelcomeAndExampleData(t *testing.T) {
	u, svc := newTestUI(t, nil)
	text := pageText(u)
	if !strings.Contains(text, "Welcome to PA Employer Toolkit") {
		t.Fatalf("no welcome:\n%s", text)
	}
	wantFocus(t, u, "Set up my budget")
	explore := button(t, u, "Explore with example data")
	u.win.Canvas().Focus(explore)
	press(t, u, fyne.KeyReturn)

	accounts, err := svc.Accounts()
	if err != nil || len(accounts) != 2 {
		t.Fatalf("%d budgets (%v), want 2", len(accounts), err)
	}
	if got := strings.Join(u.switcher.Options, ", "); got != "Priya's support, Tom's care" {
		t.Errorf("switcher lists %q", got)
	}
	if !strings.Contains(pageText(u), "Example data: every person, address and number in this budget is made up.") {
		t.Error("no example-data banner")
	}
	u.switcher.SetSelected("Tom's care")
	if u.Account().Name != "Tom's care" {
		t.Fatalf("open budget %q, want Tom's care", u.Account().Name)
	}
	if got := u.managed.Text; got != "Jane Smith manages the money for Tom Smith, as the suitable person" {
		t.Errorf("top bar says %q", got)
	}
	if !strings.Contains(pageText(u), "Council: St Helens Council (reference IP-EXAMPLE-0002)") {
		t.Errorf("home does not show Tom's council:\n%s", pageText(u))
	}
	if NewSettings(u.app.Preferences()).LastAccount() != u.Account().ID {
		t.Error("the open budget is not remembered")
	}
}

func TestShortcutsSwitchSections(t *testing.T) {
	u, _ := newDemoUI(t)
	if !strings.Contains(button(t, u, "People  (Ctrl+2)").Text, "Ctrl+2") {
		t.Error("the shortcut is not shown")
	}
	for _, tc := range []struct {
		s    section
		text string
	}{
		{sectionRota, "Week of 16/11/2026"},
		{sectionReturns, "Returns to the council"},
		{sectionSettings, "Text size"},
		{sectionPeople, "Working for you"},
		{sectionHome, "The direct payment"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			shortcut(t, u, tc.s.shortcut())
			if u.section != tc.s {
				t.Errorf("Ctrl+%s: section %s", tc.s.key(), u.section)
			}
			if !strings.Contains(pageText(u), tc.text) {
				t.Errorf("%s page lacks %q", tc.s, tc.text)
			}
			if u.navBtns[tc.s].Importance != widget.HighImportance {
				t.Errorf("%s is not marked in the navigation", tc.s)
			}
		})
	}
	// They work while typing in a box too.
	u.ShowSection(sectionPeople)
	press(t, u, fyne.KeyReturn)
	if _, ok := u.win.Canvas().Focused().(*keyEntry); !ok {
		t.Fatal("the form's first box has no focus")
	}
	shortcut(t, u, sectionRota.shortcut())
	if u.section != sectionRota || u.form != nil {
		t.Error("Ctrl+3 from a text box did not switch section")
	}
	// Ctrl+S saves the form, even from an address box.
	u.ShowSection(sectionPeople)
	press(t, u, fyne.KeyReturn)
	f := u.form
	u.win.Canvas().Focus(f.field("address").focus)
	shortcut(t, u, saveShortcut)
	if got := f.problem("name"); got != "⚠ The PA's name is needed." {
		t.Errorf("Ctrl+S: name's message = %q", got)
	}
}

func TestSettingsPersistAndScaleTheTheme(t *testing.T) {
	u, _ := newDemoUI(t)
	shortcut(t, u, sectionSettings.shortcut())
	// The text size list has the focus: Right steps to the next size.
	press(t, u, fyne.KeyRight)
	if got := u.app.Preferences().Int(keyTextSize); got != 125 {
		t.Errorf("stored text size %d, want 125", got)
	}
	u.SetTextSize(200)
	u.SetHighContrast(true)
	if got := u.app.Preferences().Int(keyTextSize); got != 200 {
		t.Errorf("stored text size %d, want 200", got)
	}
	if !u.app.Preferences().Bool(keyHighContrast) {
		t.Error("high contrast not stored")
	}
	th := u.app.Settings().Theme()
	if got, want := th.Size(theme.SizeNameText), 2*theme.DefaultTheme().Size(theme.SizeNameText); got != want {
		t.Errorf("text size at 200%% = %v, want %v", got, want)
	}
	if got := th.Color(theme.ColorNameBackground, theme.VariantLight); got != black {
		t.Errorf("high-contrast background %v, want black", got)
	}
	if got := th.Color(theme.ColorNamePrimary, theme.VariantLight); got != yellow {
		t.Errorf("high-contrast focus colour %v, want yellow", got)
	}

	// A new window on the same preferences (the next run) opens with them.
	s := NewSettings(u.app.Preferences())
	if s.TextSize() != 200 || !s.HighContrast() {
		t.Errorf("read back %d%%, high contrast %v", s.TextSize(), s.HighContrast())
	}
	u.app.Settings().SetTheme(theme.DefaultTheme())
	ApplySettings(u.app)
	if got := u.app.Settings().Theme().Size(theme.SizeNameText); got != 2*theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Errorf("ApplySettings: text size %v", got)
	}

	// Nonsense in the preferences reads as the default.
	u.app.Preferences().SetInt(keyTextSize, 130)
	if got := NewSettings(u.app.Preferences()).TextSize(); got != 100 {
		t.Errorf("text size 130 reads as %d, want 100", got)
	}
}

func TestSetupRefusesAMissingCouncilThenStoresEverything(t *testing.T) {
	u, svc := newTestUI(t, nil)
	press(t, u, fyne.KeyReturn) // "Set up my budget" has the focus
	f := u.form
	if f == nil || f.title != "Set up your budget" {
		t.Fatal("Enter did not open the set-up")
	}
	in := func(name, text string) {
		t.Helper()
		fld := f.field(name)
		if fld == nil {
			t.Fatalf("no field %s", name)
		}
		u.win.Canvas().Focus(fld.focus)
		typeText(t, u, text)
	}
	pick := func(name string, i int) {
		t.Helper()
		f.field(name).focus.(*keySelect).SetSelectedIndex(i)
	}
	pick("capacity", 1) // suitable person
	in("managed_by", "Jane Smith")
	in("person_supported", "Tom Smith")
	in("name", "Tom's care")
	in("payment", "£1,150.00")
	pick("payment_frequency", 2) // monthly
	in("start_date", "06/04/2025")
	pick("return_period", 3) // yearly
	in("employer_paye_reference", "120/ts00002")
	pick("employer_pay_frequency", 3) // monthly
	pick("employer_payday", 0)        // last working day
	if got := f.field("employer_name").focus.(*keyEntry).Text; got != "Jane Smith" {
		t.Errorf("employer's name filled in as %q, want Jane Smith", got)
	}
	u.win.Canvas().Focus(f.field("name").focus)
	press(t, u, fyne.KeyReturn)

	if got := f.problem("council"); got != "⚠ The council's name is needed." {
		t.Errorf("council's message = %q", got)
	}
	if accounts, _ := svc.Accounts(); len(accounts) != 0 {
		t.Fatalf("%d budgets stored, want none", len(accounts))
	}

	in("council", "St Helens Council")
	press(t, u, fyne.KeyReturn)
	accounts, err := svc.Accounts()
	if err != nil || len(accounts) != 1 {
		t.Fatalf("%d budgets (%v), want 1:\n%s", len(accounts), err, pageText(u))
	}
	a := accounts[0]
	want := household.Account{
		ID: a.ID, Name: "Tom's care", PersonSupported: "Tom Smith", ManagedBy: "Jane Smith",
		Capacity: household.SuitablePerson, Council: "St Helens Council",
		Payment: 115000, PaymentFrequency: household.Monthly,
		StartDate: civil.New(2025, time.April, 6), ReturnPeriod: household.ReturnYearly,
		SurplusLimitWeeks: 8, CouncilProfile: "st-helens", // the council's rules, found from its name
	}
	if a != want {
		t.Errorf("stored\n%+v\nwant\n%+v", a, want)
	}
	e, ok, err := svc.Employer(a.ID)
	if err != nil || !ok {
		t.Fatalf("no employer stored (%v)", err)
	}
	wantE := household.Employer{AccountID: a.ID, Name: "Jane Smith", PAYEReference: "120/TS00002",
		PayFrequency: household.Monthly, Payday: "last-working-day"}
	if e != wantE {
		t.Errorf("stored\n%+v\nwant\n%+v", e, wantE)
	}
	if u.managed.Text != "Jane Smith manages the money for Tom Smith, as the suitable person" {
		t.Errorf("top bar says %q", u.managed.Text)
	}
}

func TestNewContractTermsKeepHistoryAndExactPercentages(t *testing.T) {
	u, svc := newDemoUI(t)
	p, _ := findPA(t, svc, u.Account().ID, "Zoë Ní Bhriain")
	before, _ := svc.Contracts(p.ID)
	u.showContracts(p.ID)
	pressButton(t, u, "Add new terms")
	f := u.form
	typeText(t, u, "01/04/2027")
	set := func(name, text string) {
		e := f.field(name).focus.(*keyEntry)
		e.SetText(text)
	}
	set("day_rate", "13.60")
	set("pension_employee", "4.5")
	set("pension_employer", "3.5")
	u.win.Canvas().Focus(f.field("effective_from").focus)
	press(t, u, fyne.KeyReturn)
	if u.form != nil {
		t.Fatalf("not saved: %s", f.summary.Text)
	}
	after, _ := svc.Contracts(p.ID)
	if len(after) != len(before)+1 {
		t.Fatalf("%d contracts, want %d", len(after), len(before)+1)
	}
	c := after[len(after)-1]
	latest := before[len(before)-1]
	want := latest
	want.ID, want.EffectiveFrom, want.DayRate = c.ID, civil.New(2027, time.April, 1), 1360
	want.PensionEmployeeBP, want.PensionEmployerBP = 450, 350
	if c != want {
		t.Errorf("stored\n%+v\nwant\n%+v", c, want)
	}
	if after[len(after)-2] != latest {
		t.Error("the earlier terms changed")
	}
}

func TestRecordLeaving(t *testing.T) {
	u, svc := newDemoUI(t)
	p, _ := findPA(t, svc, u.Account().ID, "Sam Okafor")
	u.showPA(p.ID)
	u.win.Canvas().Focus(button(t, u, "Record leaving"))
	press(t, u, fyne.KeyReturn)
	typeText(t, u, "30/11/2026")
	u.win.Canvas().FocusNext()
	typeText(t, u, "Resigned")
	press(t, u, fyne.KeyReturn)
	got, _ := svc.PA(p.ID)
	if got.LeavingDate != civil.New(2026, time.November, 30) || got.LeavingReason != "Resigned" {
		t.Errorf("stored leaving %s %q", got.LeavingDate, got.LeavingReason)
	}
}

func TestInsuranceWarnings(t *testing.T) {
	u, svc := newDemoUI(t)
	if !strings.Contains(pageText(u), "Renewal date: 06/04/2027") {
		t.Errorf("home does not show the policy in force:\n%s", pageText(u))
	}
	u.now = func() time.Time { return time.Date(2027, time.April, 7, 9, 0, 0, 0, time.UTC) }
	u.showHome()
	if !strings.Contains(pageText(u), "⚠ Your insurance with Example Mutual Insurance needed renewing on 06/04/2027.") {
		t.Errorf("no warning after the renewal date:\n%s", pageText(u))
	}
	// A new budget has none.
	a, err := svc.SaveAccount(household.Account{Name: "New", PersonSupported: "Ann Lee", Capacity: household.Self,
		Council: "Wigan Council", Payment: 100, PaymentFrequency: household.Weekly,
		StartDate: civil.New(2026, 1, 1), ReturnPeriod: household.ReturnYearly})
	if err != nil {
		t.Fatal(err)
	}
	u.openAccount(a.ID)
	if !strings.Contains(pageText(u), "⚠ No employer's liability insurance is recorded.") {
		t.Errorf("no warning without insurance:\n%s", pageText(u))
	}
}

func TestBackupFromSettings(t *testing.T) {
	u, _ := newDemoUI(t)
	u.ShowSection(sectionSettings)
	var entry *keyEntry
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*keyEntry); ok {
			entry = e
		}
	})
	out := filepath.Join(t.TempDir(), "copy.db")
	entry.SetText(out)
	u.win.Canvas().Focus(entry)
	press(t, u, fyne.KeyReturn)
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("no backup: %v\n%s", err, pageText(u))
	}
	if !strings.Contains(pageText(u), "✔ Backup saved to "+out) {
		t.Errorf("no confirmation:\n%s", pageText(u))
	}
	before, _ := os.ReadFile(out)
	os.WriteFile(out, []byte("an older backup"), 0o600)
	press(t, u, fyne.KeyReturn) // again: the file exists now, so it asks first
	if !strings.Contains(allText(u), "Replace it?") || !strings.Contains(allText(u), out+" already exists") {
		t.Fatalf("overwriting was not asked about:\n%s", allText(u))
	}
	wantFocus(t, u, "No, go back")
	press(t, u, fyne.KeyReturn) // No
	if got, _ := os.ReadFile(out); string(got) != "an older backup" {
		t.Fatalf("the file was replaced after No")
	}
	u.win.Canvas().Focus(entry)
	press(t, u, fyne.KeyReturn)
	test.FocusNext(u.win.Canvas())
	wantFocus(t, u, "Yes, replace it")
	press(t, u, fyne.KeyReturn) // Yes
	if got, _ := os.ReadFile(out); len(got) != len(before) || !bytes.HasPrefix(got, []byte("SQLite format 3")) {
		t.Errorf("the backup was not replaced after Yes (%d bytes)", len(got))
	}
}

func TestOpenErrorIsShownAndTheFileLeftAlone(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "letter.db")
	content := bytes.Repeat([]byte("Dear council, this is not a database. "), 200)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := service.Open(path)
	if err == nil {
		t.Fatal("a text file opened as a toolkit file")
	}
	w := a.NewWindow(Title)
	ShowOpenError(a, w, service.ErrorMessage(err))
	var b strings.Builder
	walk(w.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	if !strings.Contains(b.String(), "is not a PA Employer Toolkit data file") {
		t.Errorf("window says:\n%s", b.String())
	}
	if c, ok := w.Canvas().Focused().(*keyButton); !ok || c.Text != "Close" {
		t.Error("Close has no focus")
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, content) {
		t.Error("the file was changed")
	}
}

func TestParsersAreExact(t *testing.T) {
	for _, tc := range []struct {
		fn    string
		parse func(string) (int, error)
		name  string
		in    string
		want  int
		fail  bool
	}{
		{"parsePercent", parsePercent, "percent whole", "5", 500, false},
		{"parsePercent", parsePercent, "percent one place", "4.5", 450, false},
		{"parsePercent", parsePercent, "percent two places", "1.85", 185, false},
		{"parsePercent", parsePercent, "percent with a sign", "5%", 500, false},
		{"parsePercent", parsePercent, "percent blank", "", 0, false},
		{"parsePercent", parsePercent, "percent all of it", "100", 10000, false},
		{"parsePercent", parsePercent, "percent three places", "4.555", 0, true},
		{"parsePercent", parsePercent, "percent words", "five", 0, true},
		{"parsePercent", parsePercent, "percent negative", "-1", 0, true},
		{"parsePercent", parsePercent, "percent over 100", "150", 0, true},
		{"parseHours", parseHours, "hours half", "37.5", 2250, false},
		{"parseHours", parseHours, "hours whole", "20", 1200, false},
		{"parseHours", parseHours, "hours quarter", "20.25", 1215, false},
		{"parseHours", parseHours, "hours blank", "", 0, false},
		{"parseHours", parseHours, "hours six minutes", "7.1", 426, false},
		{"parseHours", parseHours, "hours not whole minutes", "7.01", 0, true},
		{"parseHours", parseHours, "hours words", "x", 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.parse(tc.in)
			if (err != nil) != tc.fail || got != tc.want {
				t.Errorf("%s(%q) = %d, %v", tc.fn, tc.in, got, err)
			}
		})
	}
	if formatHours(2250) != "37.5" || formatPercent(450) != "4.5" || formatPercent(185) != "1.85" || formatPercent(500) != "5" {
		t.Error("formatting is not the inverse of parsing")
	}
	if _, err := parseDate("12/31/2026"); err == nil {
		t.Error("month 31 was read")
	}
	if d, _ := parseDate("6/4/2026"); d != civil.New(2026, time.April, 6) {
		t.Errorf("6/4/2026 read as %s", d)
	}
}

func TestLeavingAChangedFormAsksFirst(t *testing.T) {
	u, svc := newDemoUI(t)
	before, _ := svc.PAs(u.Account().ID)
	u.ShowSection(sectionPeople)
	u.win.Canvas().Focus(button(t, u, "Add PA"))
	press(t, u, fyne.KeyReturn)
	f := u.form
	if f == nil {
		t.Fatal("no form")
	}
	// Unchanged: switching section just goes.
	shortcut(t, u, sectionHome.shortcut())
	if u.form != nil || u.section != sectionHome {
		t.Fatalf("an unchanged form did not let go: section %v", u.section)
	}
	// Changed: it asks, and "No, go back" keeps what was typed.
	u.ShowSection(sectionPeople)
	u.win.Canvas().Focus(button(t, u, "Add PA"))
	press(t, u, fyne.KeyReturn)
	f = u.form
	typeText(t, u, "Half Typed")
	shortcut(t, u, sectionHome.shortcut())
	if u.form != f || u.section != sectionPeople {
		t.Fatal("a changed form was left without asking")
	}
	if got := u.win.Canvas().Focused(); got == nil {
		t.Fatal("nothing focused in the question")
	}
	press(t, u, fyne.KeyReturn) // "No, go back" has the focus
	if u.form != f || f.field("name").focus.(*keyEntry).Text != "Half Typed" {
		t.Fatal("going back lost the form")
	}
	// Asked again, "Yes, leave without saving" leaves and stores nothing.
	shortcut(t, u, sectionHome.shortcut())
	test.FocusNext(u.win.Canvas()) // from "No, go back" to "Yes, leave without saving"
	if b, ok := u.win.Canvas().Focused().(*keyButton); !ok || b.Text != "Yes, leave without saving" {
		t.Fatalf("focused %v", u.win.Canvas().Focused())
	}
	press(t, u, fyne.KeyReturn)
	if u.section != sectionHome || u.form != nil {
		t.Fatalf("did not leave: section %v", u.section)
	}
	after, _ := svc.PAs(u.Account().ID)
	if len(after) != len(before) {
		t.Error("leaving stored the PA")
	}
}

func TestSwitchingBudgetFromAChangedFormAsksFirst(t *testing.T) {
	u, _ := newDemoUI(t)
	start := u.Account()
	u.ShowSection(sectionPeople)
	u.win.Canvas().Focus(button(t, u, "Add PA"))
	press(t, u, fyne.KeyReturn)
	f := u.form
	typeText(t, u, "Half Typed")
	other := "Tom's care"
	if start.Name == other {
		other = "Priya's support"
	}
	u.switcher.SetSelected(other)
	if u.Account().ID != start.ID || u.form != f || u.switcher.Selected != start.Name {
		t.Fatalf("the budget changed under a changed form: %s", u.Account().Name)
	}
	test.FocusNext(u.win.Canvas())
	press(t, u, fyne.KeyReturn) // "Yes, leave without saving"
	if u.Account().Name != other || u.form != nil {
		t.Errorf("after leaving: budget %s, form %v", u.Account().Name, u.form)
	}
}

func TestADamagedFileIsSaidSoOnEveryPage(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "t.db")
	svc, err := service.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Demo(); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	if err := storagetest.DamageIndex(path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	svc, err = service.Open(path)
	if err != nil {
		t.Fatalf("the quick check on opening was expected to pass: %v", err)
	}
	t.Cleanup(func() { svc.Close() })
	w := a.NewWindow(Title)
	w.Resize(fyne.NewSize(1100, 720))
	u := create(a, w, svc, func() time.Time { return today })
	u.checked(svc.Verify()) // what the background check hands back
	want := "Your data file " + path + " is damaged"
	if !strings.Contains(allText(u), "Your data file is damaged") || !strings.Contains(allText(u), want) {
		t.Fatalf("no word of the damage:\n%s", allText(u))
	}
	press(t, u, fyne.KeyReturn) // OK
	u.ShowSection(sectionPeople)
	if !strings.Contains(pageText(u), "⚠ "+want) {
		t.Errorf("the warning is not on every page:\n%s", pageText(u))
	}
	// A change is refused with the same words, and the file is untouched.
	if _, err := svc.SaveAccount(u.Account()); err == nil || !strings.Contains(service.ErrorMessage(err), "is damaged") {
		t.Errorf("a change to a damaged file: %v", err)
	}
	svc.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the damaged file was changed")
	}
}
