package service

import (
	"os"
	"strings"
	"testing"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
)

// novemberCSV holds the days of ../budget/testdata/layout7_ofx1_sgml.ofx
// as the same bank exports them as CSV: the council's payment described
// differently, a running balance, no bank ids.
const novemberCSV = "Date,Description,Amount,Balance\n" +
	"02/11/2026,WIGAN COUNCIL DIRECT PAYMENT,2400.00,3400.00\n" +
	"05/11/2026,SAMPLE CHEMIST,-12.34,3387.66\n" +
	"05/11/2026,SAMPLE CHEMIST,-12.34,3375.32\n" +
	"06/11/2026,P SHAH CONTRIBUTION,42.50,3417.82\n"

const novemberOFX = "../budget/testdata/layout7_ofx1_sgml.ofx"

func importText(t *testing.T, s *Service, accountID int64, name, text string) (ImportPreview, ImportResult) {
	t.Helper()
	prev, err := s.PlanImport(accountID, strings.NewReader(text), name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportStatement(accountID, prev.Plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	return prev, res
}

func ofxText(t *testing.T, replace ...string) string {
	t.Helper()
	b, err := os.ReadFile(novemberOFX)
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer(replace...).Replace(string(b))
}

func balanceOn(t *testing.T, s *Service, accountID int64, on string) money.Money {
	t.Helper()
	st, err := s.MoneyStatus(accountID, civil.MustParse(on))
	if err != nil {
		t.Fatal(err)
	}
	return st.Balance
}

// wantBalance fails the test unless the budget's balance on the day is want.
func wantBalance(t *testing.T, s *Service, accountID int64, on, want, why string) {
	t.Helper()
	if b := balanceOn(t, s, accountID, on); b != money.MustParse(want) {
		t.Errorf("balance %s %s, want %s", b.Format(), why, money.MustParse(want).Format())
	}
}

// The case: the same days imported as CSV and then as OFX (or the
// other way round) count the council's £2,400 once.
func TestTheSameStatementAsCSVAndOFXIsCountedOnce(t *testing.T) {
	for _, order := range [][2]string{{"csv", "ofx"}, {"ofx", "csv"}} {
		t.Run(order[0]+" then "+order[1], func(t *testing.T) {
			s := openTemp(t)
			a := setupMoney(t, s, false)
			text := map[string]string{"csv": novemberCSV, "ofx": ofxText(t)}
			_, first := importText(t, s, a.ID, "november."+order[0], text[order[0]])
			_, second := importText(t, s, a.ID, "november."+order[1], text[order[1]])
			if first.Imported != 4 || second.Imported != 0 || second.Duplicates != 4 {
				t.Errorf("first %+v, second %+v", first, second)
			}
			wantBalance(t, s, a.ID, "2026-11-20", "3417.82", "(the bank says £3,417.82)")
		})
	}
}

// novemberThenRenamed imports November's statement as CSV, then as OFX
// with the council's line named another way (renamed, the OFX's text):
// that line may be the same and waits for an answer.
func novemberThenRenamed(t *testing.T) (s *Service, a household.Account, prev ImportPreview, res ImportResult, renamed string) {
	t.Helper()
	s = openTemp(t)
	a = setupMoney(t, s, false)
	importText(t, s, a.ID, "november.csv", novemberCSV)
	renamed = ofxText(t, "<NAME>WIGAN COUNCIL DP<MEMO>DIRECT PAYMENT", "<NAME>MBC DP 0042")
	prev, res = importText(t, s, a.ID, "november.ofx", renamed)
	return s, a, prev, res, renamed
}

// A line of the same day and amount whose payee does not agree is not
// added again unasked: it waits for the person's answer.
func TestANearMatchOfALineImportedBeforeIsNotAddedUnasked(t *testing.T) {
	s, a, _, res, _ := novemberThenRenamed(t)
	if res.Imported != 0 || res.Duplicates != 3 {
		t.Errorf("unanswered: %+v", res)
	}
	wantBalance(t, s, a.ID, "2026-11-20", "3417.82", "(the bank says £3,417.82)")
}

// The person answers a near-match in the preview: the same line (recorded,
// so the next import of the file knows it) or a new one.
func TestANearMatchIsAnsweredInThePreview(t *testing.T) {
	s, a, prev, res, renamed := novemberThenRenamed(t)
	if res.HeldBack != 1 || prev.Plan.Questions() != 1 {
		t.Fatalf("held back %d, questions %d", res.HeldBack, prev.Plan.Questions())
	}
	council := ledgerLine(t, s, a.ID, "WIGAN COUNCIL")

	// An answer naming a line that is not a bank line of this budget is
	// refused, and nothing is stored.
	before := rows(t, s, a.ID)
	other := addTx(t, s, a.ID, "2026-11-02", "Cash", "2400.00", budget.CatOther)
	bad := prev.Plan
	bad.New = append([]budget.Proposed(nil), bad.New...)
	bad.New[0].SameAs = other.ID
	if _, err := s.ImportStatement(a.ID, bad, nil); ErrorCode(err) != Invalid {
		t.Errorf("a bad answer: %v", err)
	}
	s.DeleteTransaction(other.ID)
	wantUnchanged(t, s, a.ID, before, "a refused import changed the data")

	// The person says it is the same line: nothing is added, and the next
	// import of the file knows it.
	plan := prev.Plan
	plan.New = append([]budget.Proposed(nil), plan.New...)
	if !plan.New[0].Answer(council.ID) {
		t.Fatal("the council line is not a candidate")
	}
	res, err := s.ImportStatement(a.ID, plan, nil)
	if err != nil || res.Imported != 0 || res.Duplicates != 4 || res.HeldBack != 0 {
		t.Errorf("answered the same: %+v %v", res, err)
	}
	again, err := s.PlanImport(a.ID, strings.NewReader(renamed), "november.ofx")
	if err != nil || len(again.Plan.New) != 0 || len(again.Plan.Duplicates) != 4 {
		t.Errorf("again: %+v %v", again.Plan, err)
	}
	wantBalance(t, s, a.ID, "2026-11-20", "3417.82", "after saying it is the same")
}

func ledgerLine(t *testing.T, s *Service, accountID int64, payee string) LedgerEntry {
	t.Helper()
	l, err := s.Ledger(accountID, LedgerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range l.Entries {
		if strings.Contains(e.Payee, payee) {
			return e
		}
	}
	t.Fatalf("no ledger line for %q", payee)
	return LedgerEntry{}
}

// handEnteredChemist is a budget with "Chemist" −£12.34 entered by hand
// on 5 November, and a statement with another payee's line of the same
// amount on 10 November.
func handEnteredChemist(t *testing.T) (*Service, household.Account, budget.Transaction, string) {
	t.Helper()
	s := openTemp(t)
	a := setupMoney(t, s, false)
	hand := addTx(t, s, a.ID, "2026-11-05", "Chemist", "-12.34", budget.CatOther)
	return s, a, hand, "Date,Description,Amount\n10/11/2026,TOTALLY DIFFERENT SHOP,-12.34\n"
}

// The case: "Chemist" entered by hand is not taken over by
// another payee's bank line of the same amount days later: its date and
// payee stay, and the bank's line is added with the bank's payee.
func TestAHandEnteredLineIsNotTakenByAnotherPayee(t *testing.T) {
	s, a, hand, stmt := handEnteredChemist(t)
	_, res := importText(t, s, a.ID, "november.csv", stmt)
	got, err := s.Transaction(hand.ID)
	if err != nil || got.Reconciled || got.Date != civil.MustParse("2026-11-05") || got.Payee != "Chemist" || got.ImportKey != "" {
		t.Errorf("the hand-entered line after import: %+v %v", got, err)
	}
	if res.Confirmed != 0 || res.Imported != 1 {
		t.Errorf("import = %+v", res)
	}
	if e := ledgerLine(t, s, a.ID, "TOTALLY DIFFERENT SHOP"); !e.Reconciled || e.Date != civil.MustParse("2026-11-10") {
		t.Errorf("the bank's line: %+v", e)
	}
}

// Asked about a hand-entered line, the person may say it is the same: it
// is confirmed. Unanswered, the bank's line is added as a new one.
func TestAHandEnteredNearMatchIsAnsweredInThePreview(t *testing.T) {
	s, a, hand, stmt := handEnteredChemist(t)
	prev, res := importText(t, s, a.ID, "november.csv", stmt)
	if res.Unsure != 1 || len(prev.Plan.New[0].Maybe) != 1 || prev.Plan.New[0].Maybe[0].ID != hand.ID {
		t.Errorf("unsure %d, plan %+v", res.Unsure, prev.Plan.New)
	}

	// Answered as the same line, it confirms the hand-entered one.
	s2, a2, hand, _ := handEnteredChemist(t)
	prev, err := s2.PlanImport(a2.ID, strings.NewReader(stmt), "november.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !prev.Plan.New[0].Answer(hand.ID) {
		t.Fatal("the hand-entered line is not a candidate")
	}
	res, err = s2.ImportStatement(a2.ID, prev.Plan, nil)
	if err != nil || res != (ImportResult{Imported: 1, Confirmed: 1}) {
		t.Errorf("answered the same: %+v %v", res, err)
	}
	if got, _ := s2.Transaction(hand.ID); !got.Reconciled || got.Payee != "Chemist" || got.Date != civil.MustParse("2026-11-10") {
		t.Errorf("confirmed: %+v", got)
	}
}

func secondBudget(t *testing.T, s *Service) household.Account {
	t.Helper()
	a := mustSetup(t, s, household.Account{Name: "Second budget", PersonSupported: "Sam Roe", Capacity: household.Self,
		Council: "Wigan Council", Payment: money.MustParse("1300"), PaymentFrequency: household.Monthly,
		StartDate: civil.MustParse("2026-04-01"), ReturnPeriod: household.ReturnQuarterly, SurplusLimitWeeks: 8,
		Contingency: money.MustParse("200")},
		household.Employer{Name: "Sam Roe", PayFrequency: household.Monthly, Payday: "last-working-day"})
	return a
}

// anotherBudgetsAccount: budget a ("Money test") has imported October's
// statement of account 12-34-56 87654321 (head is that account's header)
// and b is a second budget; next is November's statement of the account.
func anotherBudgetsAccount(t *testing.T) (s *Service, a, b household.Account, head, next string) {
	t.Helper()
	s = openTemp(t)
	a = setupMoney(t, s, false)
	b = secondBudget(t, s)
	head = "Sort Code:,12-34-56\nAccount Number:,87654321\n\n"
	importText(t, s, a.ID, "october.csv", head+"Date,Description,Amount\n01/10/2026,WIGAN COUNCIL,1300.00\n")
	return s, a, b, head, head + "Date,Description,Amount\n01/11/2026,WIGAN COUNCIL,1300.00\n"
}

// A statement for the bank account another budget's statements came from
// is not imported without asking.
func TestAnotherBudgetsStatementIsNotImportedUnasked(t *testing.T) {
	s, _, b, _, next := anotherBudgetsAccount(t)
	before := rows(t, s, b.ID)
	prev, err := s.PlanImport(b.ID, strings.NewReader(next), "november.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ImportStatement(b.ID, prev.Plan, nil)
	if ErrorCode(err) != Invalid || !strings.Contains(ErrorMessage(err), "Money test's account (sort code 12-34-56, account 87654321)") {
		t.Errorf("another budget's statement: %v", err)
	}
	wantUnchanged(t, s, b.ID, before, "a refused import changed the data")
}

// The preview says whose account a statement looks like; said to, the
// service imports it anyway, and asks nothing the next time.
func TestAnotherBudgetsStatementCanBeImportedAnyway(t *testing.T) {
	s, a, b, head, next := anotherBudgetsAccount(t)
	prev, err := s.PlanImport(b.ID, strings.NewReader(next), "november.csv")
	if err != nil {
		t.Fatal(err)
	}
	if prev.OtherBudget != "Money test" || prev.AccountQuestion("Second budget") !=
		"This statement looks like it is for Money test's account (sort code 12-34-56, account 87654321): statements imported into Money test came from it. Import it into Second budget anyway?" {
		t.Errorf("other budget %q: %q", prev.OtherBudget, prev.AccountQuestion("Second budget"))
	}
	// The same statement into its own budget asks nothing.
	if own, err := s.PlanImport(a.ID, strings.NewReader(next), "november.csv"); err != nil || own.OtherBudget != "" {
		t.Errorf("its own budget: %q %v", own.OtherBudget, err)
	}
	// Said to import it anyway, it is imported, and the next asks nothing.
	prev.Plan.ImportAnyway = true
	if res, err := s.ImportStatement(b.ID, prev.Plan, nil); err != nil || res.Imported != 1 {
		t.Errorf("anyway: %+v %v", res, err)
	}
	if again, err := s.PlanImport(b.ID, strings.NewReader(head+"Date,Description,Amount\n01/12/2026,WIGAN COUNCIL,1300.00\n"), "december.csv"); err != nil || again.OtherBudget != "" {
		t.Errorf("after importing anyway: %q %v", again.OtherBudget, err)
	}
}

// The demo's sample statement is Priya's: importing it into Tom's budget
// asks first.
func TestDemoSampleStatementIsPriyas(t *testing.T) {
	s, accs := demoService(t)
	for name, want := range map[string]string{"Tom's care": "Priya's support", "Priya's support": ""} {
		t.Run(name, func(t *testing.T) {
			prev, err := s.PlanImportFile(accs[name].ID, bankSamplePath)
			if err != nil || prev.OtherBudget != want {
				t.Errorf("%s: other budget %q, want %q (%v)", name, prev.OtherBudget, want, err)
			}
		})
	}
}
