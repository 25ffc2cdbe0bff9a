package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"patoolkit/civil"
	"patoolkit/money"
)

// TestSetUpAsksForTheBalanceAndTheImportHoldsTheLedgerAgainstTheBank is
// issue 12's first-day story in the window, by keyboard: set-up asks for
// the money in the account on the start date (here ticked "I'll import a
// statement" instead); the import preview says the toolkit would not
// agree with the bank and offers to set the opening balance; Where I
// stand says the figures cannot be trusted until it is set; the button
// sets it and the check then agrees.
func TestSetUpAsksForTheBalanceAndTheImportHoldsTheLedgerAgainstTheBank(t *testing.T) {
	u, svc := newTestUI(t, nil)
	press(t, u, fyne.KeyReturn) // "Set up my budget"
	f := u.form
	in := func(name, text string) {
		t.Helper()
		u.win.Canvas().Focus(f.field(name).focus)
		typeText(t, u, text)
	}
	pick := func(name string, i int) { f.field(name).focus.(*keySelect).SetSelectedIndex(i) }
	if f.field("opening_balance") == nil || f.field("import_instead") == nil {
		t.Fatalf("set-up does not ask for the balance:\n%s", pageText(u))
	}
	pick("capacity", 0)
	in("person_supported", "Pat Example")
	in("name", "My support")
	in("council", "Wigan Council")
	in("payment", "£2,400.00")
	pick("payment_frequency", 1) // every 4 weeks
	in("start_date", "06/04/2025")
	pick("return_period", 1)
	in("employer_paye_reference", "120/PX00001")
	pick("employer_pay_frequency", 3)
	pick("employer_payday", 0)
	u.win.Canvas().Focus(f.field("import_instead").focus)
	press(t, u, fyne.KeySpace) // tick it
	u.win.Canvas().Focus(f.field("name").focus)
	press(t, u, fyne.KeyReturn)
	accounts, err := svc.Accounts()
	if err != nil || len(accounts) != 1 {
		t.Fatalf("%d budgets (%v):\n%s", len(accounts), err, pageText(u))
	}
	a := accounts[0]

	// The bank sample: its balances start from £8,040.08 less the first
	// day's lines; the ledger has nothing before it, so the opening
	// balance should be the statement's balance brought forward.
	previewPath(t, u, "../testdata/bank-sample.csv")
	prev := u.moneyState().preview
	if prev.OpeningFix == nil {
		t.Fatalf("no opening balance offered:\n%s", pageText(u))
	}
	fix := *prev.OpeningFix
	capture(t, u, "bank-check-preview.png")
	text := pageText(u)
	for _, want := range []string{"After this import the toolkit would not agree with your bank", "Set the opening balance to " + fix.Format() + " to put it right."} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview does not say %q:\n%s", want, text)
		}
	}
	// Import as it is: Where I stand says the figures cannot be trusted.
	pressButton(t, u, "Import 16 lines")
	waitForWork(t, u)
	st, err := svc.MoneyStatus(a.ID, civil.MustParse("2026-11-20"))
	if err != nil || st.AgreesWithBank() || !strings.HasPrefix(st.Headline, "These figures cannot be trusted") {
		t.Fatalf("status %+v, %v", st, err)
	}
	u.ShowSection(sectionMoney)
	capture(t, u, "bank-check-where-i-stand.png")
	if !strings.Contains(pageText(u), "cannot be trusted until the toolkit agrees with your bank") || !strings.Contains(pageText(u), st.BankSays) || st.BankSays == "" {
		t.Errorf("Where I stand does not say so:\n%s", pageText(u))
	}
	// Read it again and take the fix: the opening balance is set, and the
	// check agrees.
	previewPath(t, u, "../testdata/bank-sample.csv")
	u.win.Canvas().Focus(button(t, u, "Set the opening balance to "+fix.Format()))
	press(t, u, fyne.KeyReturn)
	waitForWork(t, u)
	m, _ := svc.MoneyAccount(a.ID)
	if m.OpeningBalance != fix {
		t.Errorf("opening balance %s, want %s", m.OpeningBalance.Format(), fix.Format())
	}
	u.ShowSection(sectionHome)
	if strings.Contains(pageText(u), "cannot be trusted") {
		t.Errorf("the home headline still doubts the figures:\n%s", pageText(u))
	}
	previewPath(t, u, "../testdata/bank-sample.csv")
	if !strings.Contains(pageText(u), "After this import the toolkit agrees with your bank") {
		t.Errorf("after the fix the preview says:\n%s", pageText(u))
	}
	st, _ = svc.MoneyStatus(a.ID, civil.MustParse("2026-11-20"))
	if !st.AgreesWithBank() || st.Balance != money.MustParse("6393.01") {
		t.Errorf("after the fix: balance %s, agrees %v", st.Balance.Format(), st.AgreesWithBank())
	}
}

// TestSetUpStoresTheOpeningBalance: a balance given at set-up is the
// ledger's opening balance on the start date.
func TestSetUpStoresTheOpeningBalance(t *testing.T) {
	u, svc := newTestUI(t, nil)
	press(t, u, fyne.KeyReturn)
	f := u.form
	in := func(name, text string) {
		t.Helper()
		u.win.Canvas().Focus(f.field(name).focus)
		typeText(t, u, text)
	}
	f.field("capacity").focus.(*keySelect).SetSelectedIndex(0)
	in("person_supported", "Pat Example")
	in("name", "My support")
	in("council", "Wigan Council")
	in("payment", "£2,400.00")
	f.field("payment_frequency").focus.(*keySelect).SetSelectedIndex(1)
	in("start_date", "06/04/2025")
	f.field("return_period").focus.(*keySelect).SetSelectedIndex(1)
	in("employer_paye_reference", "120/PX00001")
	f.field("employer_pay_frequency").focus.(*keySelect).SetSelectedIndex(3)
	f.field("employer_payday").focus.(*keySelect).SetSelectedIndex(0)
	in("opening_balance", "£1,234.56")
	press(t, u, fyne.KeyReturn)
	accounts, _ := svc.Accounts()
	if len(accounts) != 1 {
		t.Fatalf("%d budgets: %s\n%s", len(accounts), f.summary.Text, pageText(u))
	}
	m, err := svc.MoneyAccount(accounts[0].ID)
	if err != nil || m.OpeningBalance != money.MustParse("1234.56") || m.OpeningDate != civil.MustParse("2025-04-06") {
		t.Errorf("money account %+v, %v", m, err)
	}
}
