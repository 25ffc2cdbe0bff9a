package service

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
)

// newUserBudget is the new user: a budget with a payment of
// £2,400 every 4 weeks from 06/04/2025, no opening balance set, and
// £2,400 added by hand on that day.
func newUserBudget(t *testing.T) (*Service, household.Account) {
	t.Helper()
	s := openTemp(t)
	s.SetClock(func() time.Time { return time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC) })
	a := mustSetup(t, s, household.Account{Name: "My support", PersonSupported: "Pat Example", Capacity: household.Self,
		Council: "Wigan Council", Payment: money.MustParse("2400"), PaymentFrequency: household.FourWeekly,
		StartDate: civil.MustParse("2025-04-06"), ReturnPeriod: household.ReturnQuarterly, SurplusLimitWeeks: 8},
		household.Employer{Name: "Pat Example", PayFrequency: household.Monthly, Payday: "last-working-day"})
	if _, err := s.SaveTransaction(a.ID, budget.Transaction{Date: civil.MustParse("2025-04-06"), Payee: "Wigan Council",
		Amount: money.MustParse("2400.00"), Category: budget.CatCouncil}); err != nil {
		t.Fatal(err)
	}
	return s, a
}

// TestLedgerHeldAgainstTheBank is the story of issue 12, item 1: the
// import preview says the toolkit would not agree with the bank, by the
// same amount every day, and offers to set the opening balance; Where I
// stand, until then, says the figure cannot be trusted, and the JSON
// carries the bank's balance and the difference; after the fix they
// agree.
func TestLedgerHeldAgainstTheBank(t *testing.T) {
	s, a := newUserBudget(t)
	prev, err := s.PlanImportFile(a.ID, bankSamplePath)
	if err != nil {
		t.Fatal(err)
	}
	if prev.Bank.Fix != budget.FixOpeningBalance || prev.OpeningFix == nil {
		t.Fatalf("the check against the bank: %+v\n%s", prev.Bank, strings.Join(prev.BankSays, "\n"))
	}
	// The statement starts from £5,640.08 at the end of 18/10/2026; the
	// ledger then has only the £2,400 added by hand (the statement's own
	// lines come after): the opening balance should be £5,640.08 -
	// £2,400.00 = £3,240.08.
	if got := *prev.OpeningFix; got != money.MustParse("3240.08") {
		t.Errorf("opening fix %s, want £3,240.08", got.Format())
	}
	says := strings.Join(prev.BankSays, " ")
	for _, want := range []string{"would not agree with your bank", "the same on every day", "Set the opening balance to £3,240.08"} {
		if !strings.Contains(says, want) {
			t.Errorf("the preview does not say %q:\n%s", want, says)
		}
	}
	if _, err := s.ImportStatement(a.ID, prev.Plan, nil); err != nil {
		t.Fatal(err)
	}
	on := civil.MustParse("2026-11-20")
	st, err := s.MoneyStatus(a.ID, on)
	if err != nil {
		t.Fatal(err)
	}
	if !st.HasStatement || st.StatementDate != civil.MustParse("2026-11-19") || st.StatementBalance != money.MustParse("6393.01") ||
		st.Difference != -money.MustParse("3240.08") || st.AgreesWithBank() {
		t.Errorf("status against the bank: %+v", st)
	}
	if !strings.HasPrefix(st.Headline, "These figures cannot be trusted until the toolkit agrees with your bank") ||
		!strings.Contains(strings.Join(st.Lines, " "), "Your bank said £6,393.01 on 19/11/2026; the toolkit has £3,152.93") {
		t.Errorf("headline %q, lines %q", st.Headline, st.Lines)
	}
	// The fix, then they agree.
	if _, err := s.SetOpeningBalance(a.ID, *prev.OpeningFix); err != nil {
		t.Fatal(err)
	}
	st, _ = s.MoneyStatus(a.ID, on)
	if !st.AgreesWithBank() || st.Difference != 0 || strings.Contains(st.Headline, "cannot be trusted") || st.Balance != money.MustParse("6393.01") {
		t.Errorf("after the fix: %+v", st)
	}
}

// TestBankCheckFindsAMissingLineAndAHandLine: a second statement that
// follows the first with a line left out of the ledger shows a gap
// between two dates; a line entered by hand that the bank never paid is
// named.
func TestBankCheckFindsAMissingLineAndAHandLine(t *testing.T) {
	s, a := newUserBudget(t)
	prev, err := s.PlanImportFile(a.ID, bankSamplePath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportStatement(a.ID, prev.Plan, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetOpeningBalance(a.ID, *prev.OpeningFix); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// From £6,393.01 on 19/11/2026: a £20.00 card payment on 23/11 the
	// file leaves out (its balance on 24/11 is £20.00 lower than 23/11's
	// line alone makes it).
	gap := write("gap.csv", "Date,Description,Amount,Balance\n23/11/2026,SAMPLE SHOP,-10.00,6383.01\n25/11/2026,SAMPLE CAFE,-5.00,6358.01\n")
	if _, err := s.PlanImportFile(a.ID, gap); err == nil {
		t.Log("a file whose balances do not add up is read")
	}
	// Balances that add up, but a line of the bank's missing between two
	// statements: the second statement starts £20.00 lower than the first
	// ended.
	next := write("next.csv", "Date,Description,Amount,Balance\n24/11/2026,SAMPLE CAFE,-5.00,6368.01\n")
	p, err := s.PlanImportFile(a.ID, next)
	if err != nil {
		t.Fatal(err)
	}
	if p.Bank.Fix != budget.FixMissingLine || p.Bank.Change != -money.MustParse("20.00") || p.Bank.From != civil.MustParse("2026-11-19") ||
		!strings.Contains(strings.Join(p.BankSays, " "), "a line of money out of £20.00 between those dates is missing from the ledger") {
		t.Errorf("missing line: %+v\n%s", p.Bank, strings.Join(p.BankSays, "\n"))
	}
	// A line entered by hand on 22/11/2026 that the bank does not have.
	if _, err := s.SaveTransaction(a.ID, budget.Transaction{Date: civil.MustParse("2026-11-22"), Payee: "Chemist",
		Amount: -money.MustParse("20.00"), Category: budget.CatOther}); err != nil {
		t.Fatal(err)
	}
	hand := write("hand.csv", "Date,Description,Amount,Balance\n21/11/2026,SAMPLE CAFE,-5.00,6388.01\n24/11/2026,SAMPLE BAKER,-3.00,6385.01\n")
	p, err = s.PlanImportFile(a.ID, hand)
	if err != nil {
		t.Fatal(err)
	}
	if p.Bank.Fix != budget.FixHandLines || len(p.Bank.Lines) != 1 || !strings.Contains(strings.Join(p.BankSays, " "), "22/11/2026 Chemist") {
		t.Errorf("hand line: %+v\n%s", p.Bank, strings.Join(p.BankSays, "\n"))
	}
}

// TestAnOFXStatementsLedgerBalanceIsHeldAgainstTheLedger: an OFX file has
// no running balance, but its ledger balance (LEDGERBAL, as of DTASOF) is
// the bank's balance at the end of that day: the preview compares the
// ledger with it as it does a CSV statement's balances, saying they agree,
// or by how much they differ and the fix.
func TestAnOFXStatementsLedgerBalanceIsHeldAgainstTheLedger(t *testing.T) {
	const ofx = "../budget/testdata/layout7_ofx1_sgml.ofx"
	t.Run("differs", func(t *testing.T) {
		// The new user's £2,400 by hand on 06/04/2025 comes before the
		// statement, so on 20/11/2026 the ledger has £2,400.00 more than
		// the bank's £2,417.82.
		s, a := newUserBudget(t)
		prev, err := s.PlanImportFile(a.ID, ofx)
		if err != nil {
			t.Fatal(err)
		}
		if len(prev.Plan.Balances) != 1 || prev.Plan.Balances[0] != (budget.DayBalance{Date: civil.MustParse("2026-11-20"), Balance: money.MustParse("2417.82")}) {
			t.Fatalf("balances kept %+v", prev.Plan.Balances)
		}
		says := strings.Join(prev.BankSays, " ")
		for _, want := range []string{"would not agree with your bank", "on 20/11/2026 your bank says £2,417.82 and the toolkit would have £4,817.82 (£2,400.00 more)",
			"Set the opening balance to -£2,400.00"} {
			if !strings.Contains(says, want) {
				t.Errorf("the preview does not say %q:\n%s", want, says)
			}
		}
		if prev.Bank.Fix != budget.FixOpeningBalance || prev.OpeningFix == nil || *prev.OpeningFix != -money.MustParse("2400.00") {
			t.Errorf("check %+v, fix %v", prev.Bank, prev.OpeningFix)
		}
		// Imported, Where I stand carries the bank's figure and the
		// difference.
		if _, err := s.ImportStatement(a.ID, prev.Plan, nil); err != nil {
			t.Fatal(err)
		}
		st, err := s.MoneyStatus(a.ID, civil.MustParse("2026-11-20"))
		if err != nil {
			t.Fatal(err)
		}
		if !st.HasStatement || st.StatementDate != civil.MustParse("2026-11-20") || st.StatementBalance != money.MustParse("2417.82") ||
			st.Difference != money.MustParse("2400.00") {
			t.Errorf("status against the bank: %+v", st)
		}
	})
	t.Run("agrees", func(t *testing.T) {
		s := openTemp(t)
		s.SetClock(func() time.Time { return time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC) })
		a := mustSetup(t, s, household.Account{Name: "My support", PersonSupported: "Pat Example", Capacity: household.Self,
			Council: "Wigan Council", Payment: money.MustParse("2400"), PaymentFrequency: household.FourWeekly,
			StartDate: civil.MustParse("2026-11-01"), ReturnPeriod: household.ReturnQuarterly, SurplusLimitWeeks: 8},
			household.Employer{Name: "Pat Example", PayFrequency: household.Monthly, Payday: "last-working-day"})
		prev, err := s.PlanImportFile(a.ID, ofx)
		if err != nil {
			t.Fatal(err)
		}
		if !prev.Bank.Agrees() || !strings.Contains(strings.Join(prev.BankSays, " "), "agrees with your bank on every day the statement covers: £2,417.82 on 20/11/2026") {
			t.Errorf("check %+v:\n%s", prev.Bank, strings.Join(prev.BankSays, "\n"))
		}
	})
}
