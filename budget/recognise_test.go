package budget

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// novemberCSV is the same account and days as testdata/layout7_ofx1_sgml.ofx,
// exported as CSV: the same lines, described a little differently, with a
// running balance and no bank ids.
const novemberCSV = "Date,Description,Amount,Balance\n" +
	"02/11/2026,WIGAN COUNCIL DIRECT PAYMENT,2400.00,2400.00\n" +
	"05/11/2026,SAMPLE CHEMIST,-12.34,2387.66\n" +
	"05/11/2026,SAMPLE CHEMIST,-12.34,2375.32\n" +
	"06/11/2026,P SHAH CONTRIBUTION,42.50,2417.82\n"

func novemberOFX(t *testing.T, replace ...string) Statement {
	t.Helper()
	data, err := os.ReadFile("testdata/layout7_ofx1_sgml.ofx")
	if err != nil {
		t.Fatal(err)
	}
	st, err := ParseStatement(strings.NewReader(strings.NewReplacer(replace...).Replace(string(data))), "november.ofx", ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// imported is what storage would keep after importing plan: the keys and
// a bank record for each new line, as ledger lines from firstID on.
func imported(plan ImportPlan, firstID int64) (map[string]bool, []BankRecord) {
	keys := map[string]bool{}
	var recs []BankRecord
	for i, p := range plan.New {
		keys[p.Transaction.ImportKey] = true
		recs = append(recs, RecordOf(p.Line, firstID+int64(i)))
	}
	return keys, recs
}

// The case: a statement imported as CSV and then as OFX for the
// same days must not add the council's £2,400 twice, whichever comes first.
func TestPlanRecognisesTheSameLinesInAnotherFormat(t *testing.T) {
	csv, err := parseString(t, novemberCSV)
	if err != nil {
		t.Fatal(err)
	}
	ofx := novemberOFX(t)
	for _, order := range []struct {
		name          string
		first, second Statement
	}{{"CSV then OFX", csv, ofx}, {"OFX then CSV", ofx, csv}} {
		t.Run(order.name, func(t *testing.T) {
			first := Plan(order.first, PlanOptions{})
			keys, recs := imported(first, 1)
			p := Plan(order.second, PlanOptions{ExistingKeys: keys, Imported: recs})
			if len(p.New) != 0 || len(p.Duplicates) != 4 || p.Questions() != 0 {
				t.Fatalf("%d new, %d duplicates: %s %+v", len(p.New), len(p.Duplicates), p.Summary(), p.New)
			}
		})
	}

	// The OFX line's bank id tells a later download of it, whatever it is
	// called then; a different id is a different line.
	first := Plan(ofx, PlanOptions{})
	keys, recs := imported(first, 1)
	renamed := novemberOFX(t, "<NAME>WIGAN COUNCIL DP<MEMO>DIRECT PAYMENT", "<NAME>WMBC 0042")
	if p := Plan(renamed, PlanOptions{ExistingKeys: keys, Imported: recs}); len(p.New) != 0 || len(p.Duplicates) != 4 {
		t.Errorf("renamed, same FITID: %d new, %d duplicates", len(p.New), len(p.Duplicates))
	}
	other := novemberOFX(t, "<NAME>WIGAN COUNCIL DP<MEMO>DIRECT PAYMENT", "<NAME>WMBC 0042", "<FITID>EX0001", "<FITID>EX0099")
	if p := Plan(other, PlanOptions{ExistingKeys: keys, Imported: recs}); len(p.New) != 1 || len(p.Duplicates) != 3 || len(p.New[0].Maybe) != 0 {
		t.Errorf("another FITID: %d new, %d duplicates, %+v", len(p.New), len(p.Duplicates), p.New)
	}
}

// The same day and amount with a payee that does not agree, and nothing
// the bank said to tell them apart, is a question: never added silently
// as a second line, never taken as the same line without asking.
func TestPlanAsksAboutANearMatchOfALineImportedBefore(t *testing.T) {
	csv, _ := parseString(t, novemberCSV)
	keys, recs := imported(Plan(csv, PlanOptions{}), 1)
	ofx := novemberOFX(t, "<NAME>WIGAN COUNCIL DP<MEMO>DIRECT PAYMENT", "<NAME>MBC DP 0042")
	p := Plan(ofx, PlanOptions{ExistingKeys: keys, Imported: recs})
	if len(p.New) != 1 || len(p.Duplicates) != 3 {
		t.Fatalf("%d new, %d duplicates", len(p.New), len(p.Duplicates))
	}
	n := p.New[0]
	if len(n.Maybe) != 1 || n.Maybe[0].ID != 1 || n.Maybe[0].HandEntered || !n.Unanswered() || !n.HeldBack() || n.Confirms != 0 {
		t.Fatalf("the council line: %+v", n)
	}
	if got := n.Maybe[0].Describe(); got != "the line imported before on 02/11/2026 (WIGAN COUNCIL DIRECT PAYMENT, £2,400.00 in)" {
		t.Errorf("described as %q", got)
	}
	if p.Questions() != 1 || p.QuestionSummary() != "1 line may already be in the ledger: say whether it is the same line or a new one." {
		t.Errorf("questions: %d %q", p.Questions(), p.QuestionSummary())
	}
	if n.Answer(99) || !n.Unanswered() {
		t.Error("an answer that is not one of the candidates was taken")
	}
	if !n.Answer(1) || n.SameAs != 1 || n.Confirms != 0 || n.Unanswered() || n.HeldBack() {
		t.Errorf("answered the same: %+v", n)
	}
	if !n.Answer(0) || !n.NewLine || n.SameAs != 0 || n.Unanswered() {
		t.Errorf("answered new: %+v", n)
	}

	// A third coffee in the other format is new: the two before are taken.
	cafes := "Date,Description,Amount,Balance\n03/04/2026,SAMPLE CAFE,-5.00,95.00\n03/04/2026,SAMPLE CAFE,-5.00,90.00\n"
	st, _ := parseString(t, cafes)
	keys, recs = imported(Plan(st, PlanOptions{}), 1)
	three, _ := parseString(t, "Date,Description,Amount\n03/04/2026,SAMPLE CAFE LONDON,-5.00\n03/04/2026,SAMPLE CAFE LONDON,-5.00\n03/04/2026,SAMPLE CAFE LONDON,-5.00\n")
	if p := Plan(three, PlanOptions{ExistingKeys: keys, Imported: recs}); len(p.New) != 1 || len(p.Duplicates) != 2 || p.Questions() != 0 {
		t.Errorf("three coffees: %d new, %d duplicates, %d questions", len(p.New), len(p.Duplicates), p.Questions())
	}
	// Different running balances are different lines.
	later, _ := parseString(t, "Date,Description,Amount,Balance\n03/04/2026,SAMPLE CAFE LTD,-5.00,85.00\n")
	if p := Plan(later, PlanOptions{ExistingKeys: keys, Imported: recs}); len(p.New) != 1 || p.Questions() != 0 {
		t.Errorf("another balance: %d new, %d questions", len(p.New), p.Questions())
	}
}

// The case: "Chemist" entered by hand is not confirmed by another
// payee's bank line of the same amount; the person is asked instead.
func TestPlanAsksBeforeAHandEnteredLineIsTakenByAnotherPayee(t *testing.T) {
	manual := []Transaction{{ID: 5, Date: d("2026-11-05"), Payee: "Chemist", Amount: m("-12.34"), Category: CatOther}}
	for _, c := range []struct {
		desc    string
		confirm bool
	}{
		{"TOTALLY DIFFERENT SHOP", false},
		{"SAMPLE CHEMIST", true},
		{"VIS SAMPLE CHEMIST 10NOV26", true},
	} {
		t.Run(c.desc, func(t *testing.T) {
			st, err := parseString(t, "Date,Description,Amount\n10/11/2026,"+c.desc+",-12.34\n")
			if err != nil {
				t.Fatal(err)
			}
			p := Plan(st, PlanOptions{Unreconciled: manual}).New[0]
			if c.confirm {
				if p.Confirms != 5 || len(p.Maybe) != 0 || p.Transaction.Category != CatOther {
					t.Errorf("%s: %+v, want it to confirm the chemist line", c.desc, p)
				}
				return
			}
			if p.Confirms != 0 || p.Transaction.Category != "" || p.SuggestedBy != "" ||
				len(p.Maybe) != 1 || p.Maybe[0] != (Candidate{ID: 5, Date: d("2026-11-05"), Payee: "Chemist", Amount: m("-12.34"), HandEntered: true}) {
				t.Errorf("%s: %+v, want a question about the chemist line", c.desc, p)
			}
			if !p.Unanswered() || p.HeldBack() {
				t.Errorf("%s: unanswered %v, held back %v", c.desc, p.Unanswered(), p.HeldBack())
			}
			if !p.Answer(5) || p.Confirms != 5 || p.SameAs != 0 {
				t.Errorf("%s: answered the same: %+v", c.desc, p)
			}
		})
	}
	// Two lines that fit one hand-entered line equally: both are asked.
	st, _ := parseString(t, "Date,Description,Amount\n05/11/2026,SAMPLE CHEMIST,-12.34\n05/11/2026,SAMPLE CHEMIST,-12.34\n")
	plan := Plan(st, PlanOptions{Unreconciled: manual})
	if plan.New[0].Confirms != 0 || plan.New[1].Confirms != 0 || plan.Questions() != 2 {
		t.Errorf("two chemists: %+v", plan.New)
	}
}

func TestStatementAccount(t *testing.T) {
	for _, c := range []struct {
		file string
		want BankAccount
	}{
		{"layout3_money_in_out_preamble.csv", BankAccount{Number: "****1234"}}, // sort code 00-00-00: not said
		{"layout7_ofx1_sgml.ofx", BankAccount{}},                               // zeros
		{"layout1_signed_newest_first.csv", BankAccount{}},
	} {
		t.Run(c.file, func(t *testing.T) {
			if got := mustParseFile(t, c.file).Account; got != c.want {
				t.Errorf("%s: %+v, want %+v", c.file, got, c.want)
			}
		})
	}
	sample, err := os.Open("../testdata/bank-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer sample.Close()
	if st, err := ParseStatement(sample, "bank-sample.csv", ParseOptions{}); err != nil || st.Account != (BankAccount{Number: "****4821"}) {
		t.Errorf("bank sample: %+v %v", st.Account, err)
	}
	csv := "Account:,\"12-34-56 87654321\"\nDate,Description,Amount\n01/04/2026,X,1.00\n"
	if st, _ := parseString(t, csv); st.Account != (BankAccount{SortCode: "123456", Number: "87654321"}) || st.Account.Describe() != "sort code 12-34-56, account 87654321" {
		t.Errorf("combined: %+v", st.Account)
	}
	csv = "Sort Code: 12-34-56;;\nAccount Number;\"87654321\"\nDate;Description;Amount\n01/04/2026;X;1.00\n"
	if st, _ := parseString(t, csv); st.Account != (BankAccount{SortCode: "123456", Number: "87654321"}) {
		t.Errorf("semicolons: %+v", st.Account)
	}
	ofx := novemberOFX(t, "<BANKID>000000<ACCTID>00000000", "<BANKID>123456<ACCTID>12345687654321")
	if ofx.Account != (BankAccount{SortCode: "123456", Number: "87654321"}) {
		t.Errorf("OFX: %+v", ofx.Account)
	}
	if p := Plan(ofx, PlanOptions{}); p.Account != ofx.Account {
		t.Errorf("the plan's account: %+v", p.Account)
	}

	a := BankAccount{SortCode: "123456", Number: "87654321"}
	for _, c := range []struct {
		b    BankAccount
		want bool
	}{
		{a, true},
		{BankAccount{Number: "****4321"}, true},
		{NewBankAccount("12-34-56", "XXXX4321"), true},
		{BankAccount{SortCode: "654321", Number: "87654321"}, false},
		{BankAccount{Number: "****1234"}, false},
		{BankAccount{Number: "87654322"}, false},
		{BankAccount{SortCode: "123456"}, true},
		{BankAccount{}, false},
	} {
		t.Run(fmt.Sprint(c.b), func(t *testing.T) {
			if got := SameBankAccount(a, c.b); got != c.want {
				t.Errorf("SameBankAccount(%+v, %+v) = %v", a, c.b, got)
			}
			if got := SameBankAccount(c.b, a); got != c.want {
				t.Errorf("SameBankAccount(%+v, %+v) = %v (the other way round)", c.b, a, got)
			}
		})
	}
	if SameBankAccount(BankAccount{}, BankAccount{}) {
		t.Error("two statements that say nothing are the same account")
	}
}
