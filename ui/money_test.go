package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/service"
)

func bankSample(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../testdata/bank-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// openPriya opens Priya's budget, which has the bank sample's account.
func openPriya(t *testing.T, u *UI) {
	t.Helper()
	for _, a := range u.accounts {
		if a.Name == "Priya's support" {
			u.openAccount(a.ID)
			return
		}
	}
	t.Fatal("no Priya's support in the demo")
}

func focused(t *testing.T, u *UI) fyne.Focusable {
	t.Helper()
	f := u.win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the focus")
	}
	return f
}

func ledgerLine(t *testing.T, svc *service.Service, accountID int64, payee string) service.LedgerEntry {
	t.Helper()
	l, err := svc.Ledger(accountID, service.LedgerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range l.Entries {
		if strings.Contains(e.Payee, payee) {
			return e
		}
	}
	t.Fatalf("no ledger line for %q", payee)
	return service.LedgerEntry{}
}

// The acceptance case: a UI test imports a statement and categorises a
// line with the keyboard only.
func TestImportAStatementAndCategoriseALineByKeyboardOnly(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	before, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})

	shortcut(t, u, sectionMoney.shortcut())
	if u.section != sectionMoney || !strings.Contains(pageText(u), "You hold £412.60 more than Wigan Council's 8-week limit") {
		t.Fatalf("Ctrl+6 did not show where Priya stands:\n%s", pageText(u))
	}
	wantFocus(t, u, "▸ Where I stand")
	u.win.Canvas().FocusNext() // Ledger
	u.win.Canvas().FocusNext() // Import a statement
	pressButton(t, u, "Import a statement")
	if _, ok := focused(t, u).(*keyEntry); !ok {
		t.Fatalf("the file box has no focus: %T", focused(t, u))
	}
	typeText(t, u, bankSample(t))
	press(t, u, fyne.KeyReturn)
	text := pageText(u)
	// The first line after the step's heading says what will happen; the
	// file's format comes later, under "Details".
	lead := "6 new transactions to import (3 confirm ones you entered by hand); 10 lines were imported before and will be skipped. Nothing is added to the ledger until you press \"Import 6 lines\"."
	if _, after, _ := strings.Cut(text, "Import a bank statement: step 2 of 2\n"); !strings.HasPrefix(after, lead+"\n") {
		t.Errorf("the preview does not start with what will happen:\n%s", text)
	}
	if i, j := strings.Index(text, "\nDetails\n"), strings.Index(text, "Read as: Comma-separated"); i < 0 || j < i || j < strings.Index(text, lead) {
		t.Errorf("the file's format is not under \"Details\", after the first line:\n%s", text)
	}
	for _, want := range []string{"step 2 of 2", "Newest lines first", "6 new transactions to import (3 confirm ones you entered by hand); 10 lines were imported before and will be skipped.",
		"Line 11: 12/11/2026, CARD PAYMENT TO SAMPLE STATIONERY CD 4821, £12.99 out", "Suggested by your rule for SAMPLE JOBS BOARD."} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q:\n%s", want, text)
		}
	}
	wantFocus(t, u, "Import 6 lines")
	// Tab past "Choose another file" and "Cancel" to the first line's
	// category, and type "o" for "Other agreed items".
	for i := 0; i < 3; i++ {
		u.win.Canvas().FocusNext()
	}
	sel, ok := focused(t, u).(*categorySelect)
	if !ok || sel != u.money.imports[0].sel {
		t.Fatalf("the focus is on %T, want the first line's category", focused(t, u))
	}
	if sel.Selected != "" {
		t.Errorf("the stationery line was suggested %q", sel.Selected)
	}
	typeText(t, u, "o")
	if sel.Selected != string(budget.CatOther) {
		t.Fatalf("\"o\" chose %q", sel.Selected)
	}
	// The next line keeps its suggestion; Right steps a category on.
	u.win.Canvas().FocusNext()
	jobs := focused(t, u).(*categorySelect)
	if jobs.Selected != string(budget.CatRecruitment) {
		t.Errorf("the jobs board line shows %q", jobs.Selected)
	}
	press(t, u, fyne.KeyEnter) // Enter in a category box imports
	if u.money.preview != nil || !strings.Contains(pageText(u), "✔ Imported 6 lines (3 matched lines you had entered by hand); 10 were already in the ledger. The categories you chose will be suggested next time.") {
		t.Fatalf("after Enter:\n%s", pageText(u))
	}
	after, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	if len(after.Entries) != len(before.Entries)+3 || after.NotReconciled != 0 {
		t.Errorf("%d lines (was %d), %d not reconciled", len(after.Entries), len(before.Entries), after.NotReconciled)
	}
	if e := ledgerLine(t, svc, u.Account().ID, "SAMPLE STATIONERY"); e.Category != budget.CatOther || !e.Reconciled {
		t.Errorf("the stationery line: %+v", e)
	}
	// The ledger is shown with its list focused; the newest line first.
	if _, ok := focused(t, u).(*ledgerList); !ok {
		t.Fatalf("focus on %T, want the ledger", focused(t, u))
	}

	// Importing the same file again adds nothing. The file box remembers
	// the file.
	u.showImport()
	press(t, u, fyne.KeyReturn)
	if !strings.Contains(pageText(u), "Nothing new to import; 16 lines were imported before and will be skipped.") {
		t.Errorf("second import:\n%s", pageText(u))
	}
}

func TestARefusedStatementShowsItsLineAndImportsNothing(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	before, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	u.ShowSection(sectionMoney)
	u.showImport()
	bad, _ := filepath.Abs("../budget/testdata/bad_amount.csv")
	typeText(t, u, bad)
	press(t, u, fyne.KeyReturn)
	text := pageText(u)
	if !strings.Contains(text, "⚠ bad_amount.csv was refused, so nothing was imported. Line 5: ") {
		t.Errorf("no refusal naming the line:\n%s", text)
	}
	if e, ok := focused(t, u).(*keyEntry); !ok || e.Text != bad {
		t.Error("the file box lost its focus or its text")
	}
	after, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	if len(after.Entries) != len(before.Entries) {
		t.Error("a refused statement changed the ledger")
	}
}

func TestLedgerKeyboardOpensALineAndChangesItsCategory(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionMoney)
	u.showLedger()
	list, ok := focused(t, u).(*ledgerList)
	if !ok {
		t.Fatalf("focus on %T, want the ledger", focused(t, u))
	}
	// Newest first: NEST on 19/11, then the contribution and the council
	// payment on 16/11, entered by hand.
	if !strings.Contains(pageText(u), "Line 1 of 215: 19/11/2026, NEST, £37.42 out, Pension, not yet matched to a bank statement. Enter opens it.") {
		t.Errorf("the line under the list:\n%s", pageText(u))
	}
	press(t, u, fyne.KeyDown)
	press(t, u, fyne.KeyDown)
	if list.current != 2 || !strings.Contains(pageText(u), "Line 3 of 215: 16/11/2026, Wigan Council, £2,400.00 in") {
		t.Errorf("after Down Down: line %d\n%s", list.current, pageText(u))
	}
	press(t, u, fyne.KeyEnd)
	press(t, u, fyne.KeyPageUp)
	if list.current != 204 {
		t.Errorf("End then Page Up: line %d", list.current)
	}
	press(t, u, fyne.KeyHome)
	press(t, u, fyne.KeyDown)
	press(t, u, fyne.KeyReturn)
	f := u.form
	if f == nil || !strings.HasPrefix(f.title, "Transaction: Priya Shah (contribution)") {
		t.Fatalf("Enter did not open the line: %+v", f)
	}
	// Change the category with the keyboard and save with Ctrl+S.
	cat := f.field("category").focus.(*keySelect)
	u.win.Canvas().Focus(cat)
	press(t, u, fyne.KeyRight)
	want := cat.Selected
	shortcut(t, u, saveShortcut)
	if u.form != nil {
		t.Fatalf("not saved: %s", f.summary.Text)
	}
	// The second line, newest first, is the contribution of 16/11/2026.
	l, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	e := l.Entries[1]
	if string(e.Category) != want || want == string(budget.CatContribution) {
		t.Errorf("category %q, want %q", e.Category, want)
	}
	// Back on the same line of the ledger.
	if list := u.money.ledger; list.current != 1 || u.win.Canvas().Focused() != list {
		t.Errorf("after saving the ledger is on line %d", list.current)
	}
	// Filter by category: only the pension lines.
	u.money.filter.Category = budget.CatPension
	u.showLedger()
	for _, e := range u.money.entries {
		if e.Category != budget.CatPension {
			t.Errorf("the filter let through %+v", e)
		}
	}
	if len(u.money.entries) == 0 {
		t.Error("no pension lines")
	}
}

func TestABankLineKeepsItsAmountAndTakesAReceipt(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionMoney)
	e := ledgerLine(t, svc, u.Account().ID, "Sample DBS Checks")
	u.showTransactionForm(e.Transaction)
	f := u.form
	if !f.field("amount").focus.(*keyEntry).Disabled() || !f.field("date").focus.(*keyEntry).Disabled() {
		t.Error("a bank line's amount and date can be changed")
	}
	if _, ok := focused(t, u).(*keySelect); ok {
		t.Error("the first focus is on the disabled direction")
	}
	// Attach a PDF.
	pdf := filepath.Join(t.TempDir(), "dbs.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 receipt"), 0o600)
	button(t, u, "Attach a receipt…").OnTapped()
	typeText(t, u, pdf)
	press(t, u, fyne.KeyReturn)
	if !strings.Contains(pageText(u), "📎 dbs.pdf (PDF, 16 bytes, kept ") {
		t.Errorf("the receipt is not listed:\n%s", pageText(u))
	}
	// A file that is not a receipt is refused beside the box.
	txt := filepath.Join(t.TempDir(), "notes.pdf")
	os.WriteFile(txt, []byte("just text"), 0o600)
	button(t, u, "Attach a receipt…").OnTapped()
	typeText(t, u, txt)
	press(t, u, fyne.KeyReturn)
	if got := u.form.problem("path"); !strings.Contains(got, "is not a PNG or JPEG picture or a PDF") {
		t.Errorf("path problem %q", got)
	}
	rs, _ := svc.Receipts(e.ID)
	if len(rs) != 1 {
		t.Errorf("%d receipts", len(rs))
	}
}

func TestWhereIStandFormsAndForecast(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionMoney)
	button(t, u, "Set money aside").OnTapped()
	typeText(t, u, "HMRC quarter")
	u.win.Canvas().FocusNext()
	typeText(t, u, "31.16")
	press(t, u, fyne.KeyReturn)
	if !strings.Contains(pageText(u), "✔ £31.16 is set aside for HMRC quarter.") || !strings.Contains(pageText(u), "You hold £381.44 more than") {
		t.Errorf("after setting money aside:\n%s", pageText(u))
	}
	// Money owed by hand, refused without a due date.
	button(t, u, "Add money owed").OnTapped()
	f := u.form
	u.win.Canvas().Focus(f.field("payee").focus)
	typeText(t, u, "Sample Agency")
	u.win.Canvas().Focus(f.field("amount").focus)
	typeText(t, u, "120")
	press(t, u, fyne.KeyReturn)
	if f.problem("due") == "" || u.form != f {
		t.Fatalf("no due date was accepted: %q", f.summary.Text)
	}
	u.win.Canvas().Focus(f.field("due").focus)
	typeText(t, u, "30/11/2026")
	press(t, u, fyne.KeyReturn)
	st, _ := svc.MoneyStatus(u.Account().ID, civil.MustParse("2026-11-20"))
	if st.Owed.String() != "138.00" {
		t.Errorf("owed %s", st.Owed)
	}
	// The forecast: a chart and the same figures as a table.
	u.showForecast()
	text := pageText(u)
	for _, want := range []string{"Forecast from 21/11/2026, the next 12 weeks", "Your surplus is already over Wigan Council's 8-week limit.",
		"The figures, week by week", "How the wages are counted", "Over the limit?"} {
		if !strings.Contains(text, want) {
			t.Errorf("the forecast lacks %q", want)
		}
	}
	var chart *forecastChart
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*forecastChart); ok {
			chart = c
		}
	})
	if chart == nil || len(chart.weeks) != 12 || len(chart.limitAt) != 12 {
		t.Fatalf("chart = %+v", chart)
	}
	r := chart.CreateRenderer()
	r.Layout(fyne.NewSize(800, 300))
	if len(r.Objects()) < 12 {
		t.Errorf("the chart drew %d objects", len(r.Objects()))
	}
	// To the end of the council year.
	u.money.toYearEnd = true
	u.showForecast()
	if !strings.Contains(pageText(u), "to the end of the council year (31/03/2027)") {
		t.Error("the council year choice is not shown")
	}
	// The home page shows the headline and the next deadlines.
	u.ShowSection(sectionHome)
	text = pageText(u)
	for _, want := range []string{"⚠ You hold £261.44 more than Wigan Council's 8-week limit.", "Next deadlines",
		"Payday: Monday 30/11/2026 (in 10 days).", "HMRC payment due: Friday 22/01/2027 (in 63 days).", "Insurance renewal: Tuesday 06/04/2027", "Council review: Friday 15/01/2027"} {
		if !strings.Contains(text, want) {
			t.Errorf("home lacks %q:\n%s", want, text)
		}
	}
}
