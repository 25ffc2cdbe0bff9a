package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/service"
)

// inView reports whether obj is laid out with some height and lies inside
// the visible part of the form's scroller.
func inView(t *testing.T, f *form, obj fyne.CanvasObject) bool {
	t.Helper()
	if obj.Size().Height <= 0 || !obj.Visible() {
		return false
	}
	path := pathTo(f.scroll, obj)
	if path == nil {
		t.Fatal("the object is not on the form's page")
	}
	// The scroller moves its content up by its offset, so this is where
	// obj is in the scroller's view.
	var y float32
	for _, o := range path[1:] {
		y += o.Position().Y
	}
	return y >= 0 && y+obj.Size().Height <= f.scroll.Size().Height
}

// TestSetupShowsEveryProblemAtOnce: Enter on the set-up page shows every
// problem at once, laid out and in view (not after the next key press),
// with the focus on the first; an amount that can't be read does not
// hide the PAYE reference's problem.
func TestSetupShowsEveryProblemAtOnce(t *testing.T) {
	u, svc := newTestUI(t, nil)
	press(t, u, fyne.KeyReturn) // "Set up my budget"
	wantForm(t, u, "Set up your budget")
	f := u.form
	capacity := f.field("capacity")
	if u.win.Canvas().Focused() != capacity.focus {
		t.Fatal("the set-up does not start on its first box")
	}
	press(t, u, fyne.KeyReturn) // straight away, nothing filled in
	if got := f.problem("capacity"); !strings.HasPrefix(got, "⚠ Choose who manages the money") {
		t.Fatalf("first problem %q", got)
	}
	if u.win.Canvas().Focused() != capacity.focus {
		t.Error("the focus is not on the first problem")
	}
	if !inView(t, f, capacity.error) {
		t.Error("the first problem's message is not laid out in view at once")
	}
	if f.summary.Size().Height <= f.summary.MinSize().Height/2 {
		t.Error("the summary is not laid out at once")
	}

	// One round: an unreadable amount and date beside a wrong PAYE
	// reference and a missing council, all at once.
	in := func(name, text string) {
		t.Helper()
		u.win.Canvas().Focus(f.field(name).focus)
		typeText(t, u, text)
	}
	f.field("capacity").focus.(*keySelect).SetSelectedIndex(0) // themselves
	in("person_supported", "Ann Lee")
	in("name", "Ann's care")
	in("payment", "£12.3.4")
	in("start_date", "31/02/2026")
	in("employer_paye_reference", "ABC")
	shortcut(t, u, saveShortcut)
	for _, name := range []string{"payment", "start_date", "council", "employer_paye_reference", "payment_frequency", "return_period", "employer_pay_frequency"} {
		if f.problem(name) == "" {
			t.Errorf("no problem shown for %s in the same round:\n%s", name, f.summary.Text)
		}
	}
	if f.problem("start_date") == "⚠ The date the direct payment started is needed (DD/MM/YYYY)." {
		t.Error("the unreadable date is said to be missing")
	}
	if !strings.Contains(f.summary.Text, "• Payment from the council: ") {
		t.Errorf("the summary does not name the unreadable box: %q", f.summary.Text)
	}
	// The summary reads down the page: the council before the payment.
	if i, j := strings.Index(f.summary.Text, "council's name"), strings.Index(f.summary.Text, "Payment from the council"); i < 0 || j < 0 || i > j {
		t.Errorf("the summary is not in the order of the page:\n%s", f.summary.Text)
	}
	if u.win.Canvas().Focused() != f.field("council").focus {
		t.Error("the focus is not on the first problem (the council)")
	}
	if accounts, _ := svc.Accounts(); len(accounts) != 0 {
		t.Fatal("something was stored")
	}
}

// TestAFailedSaveScrollsToTheFirstProblem: a problem far down a long form
// is scrolled into view with its message.
func TestAFailedSaveScrollsToTheFirstProblem(t *testing.T) {
	u, _ := newDemoUI(t)
	u.ShowSection(sectionPeople)
	pressButton(t, u, "Add PA")
	f := u.form
	typeText(t, u, "Far Down")
	u.win.Canvas().Focus(f.field("start_date").focus)
	typeText(t, u, "01/12/2026")
	p45 := f.field("p45_pay_to_date")
	p45.focus.(*keyEntry).SetText("lots") // the last box on the page
	u.win.Canvas().Focus(f.field("name").focus)
	f.scroll.ScrollToTop()
	press(t, u, fyne.KeyReturn)
	if f.problem("p45_pay_to_date") == "" {
		t.Fatalf("no problem shown:\n%s", f.summary.Text)
	}
	if u.win.Canvas().Focused() != p45.focus {
		t.Error("the focus is not on the box with the problem")
	}
	if f.scroll.Offset.Y == 0 || !inView(t, f, p45.error) {
		t.Errorf("the problem's message is not scrolled into view (offset %v)", f.scroll.Offset.Y)
	}
}

// TestPAFormListsEveryProblemInOneRound: a date that can't be read does
// not hide a missing name or a wrong NI number.
func TestPAFormListsEveryProblemInOneRound(t *testing.T) {
	u, _ := newDemoUI(t)
	u.ShowSection(sectionPeople)
	pressButton(t, u, "Add PA")
	f := u.form
	u.win.Canvas().Focus(f.field("ni_number").focus)
	typeText(t, u, "QQ 12 34 56 C")
	u.win.Canvas().Focus(f.field("start_date").focus)
	typeText(t, u, "yesterday")
	press(t, u, fyne.KeyReturn)
	for _, name := range []string{"name", "ni_number", "start_date"} {
		if f.problem(name) == "" {
			t.Errorf("no problem for %s:\n%s", name, f.summary.Text)
		}
	}
	if !strings.HasPrefix(f.summary.Text, "⚠ Nothing has been saved yet: 3 things need putting right.") {
		t.Errorf("summary %q", f.summary.Text)
	}
	if u.win.Canvas().Focused() != f.field("name").focus {
		t.Error("the focus is not on the first problem")
	}
}

// TestNIHintExampleIsAccepted: the example in the NI number's hint is one
// the toolkit accepts.
func TestNIHintExampleIsAccepted(t *testing.T) {
	u, _ := newDemoUI(t)
	u.showAddPA()
	text := pageText(u)
	i := strings.Index(text, "like ")
	if !strings.Contains(text, "Two letters, six numbers and a letter, like ") || i < 0 {
		t.Fatalf("no NI hint:\n%s", text)
	}
	example := text[i+len("like ") : i+len("like ")+len("AB 12 34 56 C")]
	if msg := household.CheckNINumber(example); msg != "" {
		t.Errorf("the hint's example %q is refused: %s", example, msg)
	}
}

// TestContractRateBelowTheMinimumWage: a day rate below the apprentice
// rate is refused under its box, naming the rate; one below the rate for
// the PA's age asks first, and "No" stores nothing while "Yes" saves.
func TestContractRateBelowTheMinimumWage(t *testing.T) {
	u, svc := newDemoUI(t)
	p, _ := findPA(t, svc, u.Account().ID, "Zoë Ní Bhriain") // born 1988
	before, _ := svc.Contracts(p.ID)
	u.showContracts(p.ID)
	pressButton(t, u, "Add new terms")
	f := u.form
	typeText(t, u, "01/04/2027")
	day := f.field("day_rate").focus.(*keyEntry)
	day.SetText("5.00")
	u.win.Canvas().Focus(f.field("effective_from").focus)
	press(t, u, fyne.KeyReturn)
	want := "⚠ The day rate of £5.00 an hour is below the lowest minimum wage the law allows, the apprentice rate of £8.00 an hour (from 01/04/2026). Nobody may be paid less: give at least £8.00 an hour."
	if got := f.problem("day_rate"); got != want {
		t.Errorf("day rate's message %q, want %q", got, want)
	}
	capture(t, u, "forms12-contract-refused.png")
	if u.win.Canvas().Focused() != day {
		t.Error("the focus is not on the day rate")
	}

	// Below the National Living Wage for Zoë (38): asked, not refused.
	day.SetText("10.00")
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "The day rate of £10.00 an hour is below the National Living Wage of £12.71 an hour for someone aged 21 or over on 01/04/2027.")
	capture(t, u, "forms12-contract-warning.png")
	pressButton(t, u, "No, change the rate")
	if u.form != f || u.win.Canvas().Focused() != day {
		t.Fatal("\"No\" did not go back to the day rate")
	}
	if after, _ := svc.Contracts(p.ID); len(after) != len(before) {
		t.Fatal("terms were stored after \"No\"")
	}
	press(t, u, fyne.KeyReturn)
	test.FocusNext(u.win.Canvas())
	pressButton(t, u, "Yes, save them")
	after, _ := svc.Contracts(p.ID)
	if len(after) != len(before)+1 || after[len(after)-1].DayRate != 1000 {
		t.Fatalf("the terms were not saved after \"Yes\": %d", len(after))
	}
	wantText(t, u, "Saved the terms from 01/04/2027.")
}

// TestFirstTermsStartOnThePAsFirstDay and blank optional rates show as
// the day rate.
func TestFirstTermsStartOnThePAsFirstDay(t *testing.T) {
	u, svc := newDemoUI(t)
	p, err := svc.SavePA(household.PA{AccountID: u.Account().ID, Name: "New Starter", StartDate: civil.New(2026, time.December, 7), TaxCode: "1257L", NICategory: "A"})
	if err != nil {
		t.Fatal(err)
	}
	u.showContracts(p.ID)
	pressButton(t, u, "Add new terms")
	f := u.form
	if got := f.field("effective_from").focus.(*keyEntry).Text; got != "07/12/2026" {
		t.Errorf("\"These terms start on\" is %q, want the first day of work 07/12/2026", got)
	}
	f.field("hours_type").focus.(*keySelect).SetSelectedIndex(1) // irregular
	f.field("holiday_method").focus.(*keySelect).SetSelectedIndex(0)
	f.field("pension_method").focus.(*keySelect).SetSelectedIndex(0) // none
	f.field("day_rate").focus.(*keyEntry).SetText("12.71")
	u.win.Canvas().Focus(f.field("day_rate").focus)
	press(t, u, fyne.KeyReturn)
	if u.form != nil {
		t.Fatalf("not saved:\n%s", f.summary.Text)
	}
	capture(t, u, "forms12-contract-day-rate.png")
	text := pageText(u)
	for _, want := range []string{"Weekend rate: the day rate", "Bank holiday rate: the day rate", "Waking night rate: the day rate"} {
		if !strings.Contains(text, want) {
			t.Errorf("the terms do not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "£0.00 an hour") {
		t.Errorf("a blank rate shows as £0.00 an hour:\n%s", text)
	}
}

// TestTypingALetterInADropDown: a letter moves to the first choice
// starting with it, then to the next, round again; a letter no choice
// starts with changes nothing.
func TestTypingALetterInADropDown(t *testing.T) {
	s := newKeySelect([]string{"(None)", "Banana", "Apple", "Blueberry", "avocado", "Cherry"}, nil)
	s.SetSelected("Cherry")
	for _, tc := range []struct {
		r    rune
		want string
	}{
		{'b', "Banana"},    // the first starting with b, not the next after Cherry
		{'B', "Blueberry"}, // again: the next one
		{'b', "Banana"},    // and round
		{'a', "Apple"},
		{'a', "avocado"}, // case is ignored
		{'n', "(None)"},  // the bracket is passed over
		{'z', "(None)"},  // nothing starts with z
	} {
		s.TypedRune(tc.r)
		if s.Selected != tc.want {
			t.Errorf("after %q: %q, want %q", tc.r, s.Selected, tc.want)
		}
	}
}

// TestTypingALetterInTheTransactionsCategory: the transaction form's
// category, by keyboard, as the import preview's does.
func TestTypingALetterInTheTransactionsCategory(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionMoney)
	u.showLedger()
	press(t, u, fyne.KeyHome)
	press(t, u, fyne.KeyDown)
	press(t, u, fyne.KeyReturn) // the contribution of 16/11/2026
	f := u.form
	if f == nil {
		t.Fatal("Enter did not open the line")
	}
	focusField(t, u, "category")
	cat := focused(t, u).(*keySelect)
	var first string
	for _, o := range cat.Options {
		if strings.HasPrefix(strings.ToLower(o), "o") {
			first = o
			break
		}
	}
	if first == "" {
		t.Fatalf("no category starts with O: %v", cat.Options)
	}
	typeText(t, u, "o")
	if cat.Selected != first {
		t.Fatalf("typing o chose %q, want %q", cat.Selected, first)
	}
	shortcut(t, u, saveShortcut)
	l, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	if got := string(l.Entries[1].Category); got != first {
		t.Errorf("stored category %q, want %q", got, first)
	}
}

// TestADayShiftEndingBeforeItStartsIsAskedAbout: 09:00 to 08:00 as a day
// shift would be 23 hours: the form asks, "No" changes nothing, "Yes"
// saves it as typed.
func TestADayShiftEndingBeforeItStartsIsAskedAbout(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	acc := u.Account().ID
	shortcut(t, u, sectionRota.shortcut())
	press(t, u, fyne.KeyHome)
	shortcut(t, u, addShiftShortcut)
	wantForm(t, u, "Add a shift")
	f := u.form
	focusField(t, u, "start")
	typeText(t, u, "09:00")
	u.win.Canvas().FocusNext()
	typeText(t, u, "08:00")
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "This day shift ends the next day, at 08:00 on 17/11/2026, because its end time is before its start time.")
	wantText(t, u, "It is 23 hours long, more than 16 hours.")
	capture(t, u, "forms12-shift-question.png")
	pressButton(t, u, "No, change it")
	if u.form != f {
		t.Fatal("\"No\" left the form")
	}
	week := func() int {
		shifts, err := svc.Shifts(acc, civil.New(2026, 11, 16), civil.New(2026, 11, 22))
		if err != nil {
			t.Fatal(err)
		}
		return len(shifts)
	}
	if week() != 0 {
		t.Fatal("the shift was stored after \"No\"")
	}
	press(t, u, fyne.KeyReturn)
	test.FocusNext(u.win.Canvas())
	pressButton(t, u, "Yes, save it")
	if u.form != nil || week() != 1 {
		t.Fatalf("the shift was not saved after \"Yes\":\n%s", allText(u))
	}

	// A day shift the right way round is saved without a question.
	shortcut(t, u, addShiftShortcut)
	focusField(t, u, "date")
	u.form.field("date").focus.(*keyEntry).SetText("18/11/2026")
	focusField(t, u, "start")
	typeText(t, u, "09:00")
	u.win.Canvas().FocusNext()
	typeText(t, u, "17:00")
	press(t, u, fyne.KeyReturn)
	if u.form != nil || week() != 2 {
		t.Fatalf("an ordinary shift was not saved at once:\n%s", allText(u))
	}
}

// TestTimesheetLinesShowEveryProblemAtOnce: every box that can't be read,
// on every line, is shown under its line and at the top in one round,
// with no pop-up, and the focus on the first.
func TestTimesheetLinesShowEveryProblemAtOnce(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	addShift(t, u, svc, "Sarah Lee", "17/11/2026 08:00", "17/11/2026 12:00", rota.Day, 0)
	sarah, _ := findPA(t, svc, u.Account().ID, "Sarah Lee")
	ts, err := svc.OpenTimesheet(u.Account().ID, sarah.ID, civil.New(2026, 11, 16))
	if err != nil {
		t.Fatal(err)
	}
	u.showTimesheet(ts, "")
	tp := u.rota.sheet
	if len(tp.rows) != 2 {
		t.Fatalf("%d lines, want 2", len(tp.rows))
	}
	tp.rows[0].end.SetText("25:00")
	tp.rows[0].expenses.SetText("£abc")
	tp.rows[1].date.SetText("32/11/2026")
	u.win.Canvas().Focus(button(t, u, "Save changes"))
	press(t, u, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the problems were shown in a pop-up")
	}
	capture(t, u, "forms12-timesheet-lines.png")
	if !strings.HasPrefix(tp.problem.Text, "⚠ Not saved: 3 things need putting right.") {
		t.Errorf("summary %q", tp.problem.Text)
	}
	for i, want := range [][]string{{`Line 1: "25:00"`, "Line 1: expenses:"}, {`Line 2: "32/11/2026"`}} {
		r := tp.rows[i]
		if !r.problem.Visible() {
			t.Errorf("line %d shows no problem", i+1)
			continue
		}
		for _, w := range want {
			if !strings.Contains(r.problem.Text, w) {
				t.Errorf("line %d's problems %q lack %q", i+1, r.problem.Text, w)
			}
		}
	}
	if u.win.Canvas().Focused() != tp.rows[0].end {
		t.Error("the focus is not on the first box that can't be read")
	}
	if again, _ := svc.Timesheet(ts.ID); !rota.SameEntries(again.Entries, ts.Entries) {
		t.Error("something was saved")
	}
}

// TestReceiptAndImportOfferAFileDialog: after the path box, Tab reaches
// "Choose a file…", and Enter on it opens the file dialog; the file it
// gives goes into the box with the focus, and Enter then attaches it. A
// typed path still works (TestABankLineKeepsItsAmountAndTakesAReceipt).
func TestReceiptAndImportOfferAFileDialog(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionMoney)
	e := ledgerLine(t, svc, u.Account().ID, "Sample DBS Checks")
	u.showTransactionForm(e.Transaction)
	button(t, u, "Attach a receipt…").OnTapped()
	wantForm(t, u, "Attach a receipt")
	box, ok := focused(t, u).(*keyEntry)
	if !ok {
		t.Fatalf("the focus is on %T, want the path box", focused(t, u))
	}
	test.FocusNext(u.win.Canvas())
	pressButton(t, u, "Choose a file…")
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Enter on \"Choose a file…\" opened no dialog")
	}
	capture(t, u, "forms12-file-dialog.png")
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())

	pdf := filepath.Join(t.TempDir(), "dbs.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 receipt"), 0o600)
	u.fileChosen(box, pdf) // what the dialog does with the file chosen
	if box.Text != pdf || focused(t, u) != box {
		t.Fatalf("the box holds %q and the focus is on %T", box.Text, focused(t, u))
	}
	press(t, u, fyne.KeyReturn)
	if rs, _ := svc.Receipts(e.ID); len(rs) != 1 {
		t.Fatalf("%d receipts after choosing a file, want 1", len(rs))
	}

	// The statement import has the same button after its box.
	u.showImportFile("")
	test.FocusNext(u.win.Canvas())
	pressButton(t, u, "Choose a file…")
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the import's \"Choose a file…\" opened no dialog")
	}
}

func TestStartFolder(t *testing.T) {
	dir := t.TempDir()
	if got := startFolder(filepath.Join(dir, "statement.csv")); got != dir {
		t.Errorf("a file typed in %s: starts in %q", dir, got)
	}
	if got := startFolder(dir); got != dir {
		t.Errorf("a folder typed: starts in %q", got)
	}
	home, _ := os.UserHomeDir()
	if got := startFolder(filepath.Join(dir, "no such folder", "x.csv")); got != home {
		t.Errorf("a folder that does not exist: starts in %q, want the home folder %q", got, home)
	}
}

// TestTransactionAndMoneySettingsListEveryProblemInOneRound: an amount
// that cannot be read does not hide the other problems of the
// transaction form, nor an unreadable date those of the money settings.
func TestTransactionAndMoneySettingsListEveryProblemInOneRound(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionMoney)
	before, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	u.showTransactionForm(budget.Transaction{})
	f := u.form
	focusField(t, u, "amount")
	typeText(t, u, "twelve pounds")
	focusField(t, u, "payee")
	focused(t, u).(*keyEntry).SetText("")
	press(t, u, fyne.KeyReturn)
	if f.problem("amount") == "" || f.problem("payee") == "" {
		t.Errorf("amount %q, payee %q:\n%s", f.problem("amount"), f.problem("payee"), f.summary.Text)
	}
	if after, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{}); len(after.Entries) != len(before.Entries) {
		t.Error("a refused line was stored")
	}

	u.showMoneySettings()
	f = u.form
	focusField(t, u, "opening_date")
	focused(t, u).(*keyEntry).SetText("31/02/2025")
	focusField(t, u, "payment_first")
	focused(t, u).(*keyEntry).SetText("")
	press(t, u, fyne.KeyReturn)
	if f.problem("opening_date") == "" || f.problem("payment_first") == "" {
		t.Errorf("opening date %q, payment first %q:\n%s", f.problem("opening_date"), f.problem("payment_first"), f.summary.Text)
	}
}

// TestMoneyOwedAndBillFormsListEveryProblemInOneRound: an unreadable
// amount does not hide a missing payee or date.
func TestMoneyOwedAndBillFormsListEveryProblemInOneRound(t *testing.T) {
	u, _ := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionMoney)
	for _, open := range []func(){u.showOwedForm, u.showBillForm} {
		open()
		f := u.form
		focusField(t, u, "amount")
		typeText(t, u, "lots")
		press(t, u, fyne.KeyReturn)
		if f.problem("amount") == "" || f.problem("payee") == "" {
			t.Errorf("%s: amount %q, payee %q:\n%s", f.title, f.problem("amount"), f.problem("payee"), f.summary.Text)
		}
	}
}
