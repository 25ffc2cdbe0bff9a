package budget

import (
	"strings"
	"testing"
)

func keysOf(p ImportPlan) map[string]bool {
	out := map[string]bool{}
	for _, n := range p.New {
		out[n.Transaction.ImportKey] = true
	}
	return out
}

func TestReimportFindsDuplicates(t *testing.T) {
	st := mustParseFile(t, "layout1_signed_newest_first.csv")
	first := Plan(st, PlanOptions{})
	if len(first.New) != 8 || len(first.Duplicates) != 0 {
		t.Fatalf("first import: %d new, %d duplicates", len(first.New), len(first.Duplicates))
	}
	// Oldest first, ready to save.
	n0 := first.New[0].Transaction
	if n0.Date != d("2026-04-01") || n0.Payee != "WIGAN COUNCIL DIRECT PAYMENT" || n0.Amount != m("1300.00") ||
		!n0.Reconciled || len(n0.ImportKey) != 32 || n0.ID != 0 {
		t.Errorf("first proposed %+v", n0)
	}
	existing := keysOf(first)
	if len(existing) != 8 {
		t.Fatalf("%d distinct keys for 8 lines", len(existing))
	}

	again := Plan(st, PlanOptions{ExistingKeys: existing})
	if len(again.New) != 0 || len(again.Duplicates) != 8 {
		t.Errorf("re-import: %d new, %d duplicates", len(again.New), len(again.Duplicates))
	}
	if got := again.Summary(); got != "Nothing new to import; 8 lines were imported before and will be skipped." {
		t.Errorf("summary %q", got)
	}

	// The same account exported later, as another layout, overlapping from
	// 10 April: only the lines after 14 April are new.
	overlap := "Date,Description,Amount,Balance\n" +
		"16/04/2026,SAMPLE CAFE,-5.00,1828.81\n" +
		"15/04/2026,SAMPLE CAFE,-5.00,1833.81\n" +
		"14/04/2026,SAMPLE SUPERMARKET CD 1234,-23.45,1838.81\n" +
		"10/04/2026,CLIENT CONTRIBUTION J DOE,150.00,1862.26\n" +
		"10/04/2026,Z NI BHRIAIN WAGES,-480.00,1712.26\n"
	st2, err := parseString(t, overlap)
	if err != nil {
		t.Fatal(err)
	}
	p := Plan(st2, PlanOptions{ExistingKeys: existing})
	if len(p.New) != 2 || len(p.Duplicates) != 3 {
		t.Fatalf("overlap: %d new, %d duplicates", len(p.New), len(p.Duplicates))
	}
	if p.New[0].Line.LineNo != 3 || p.New[1].Line.LineNo != 2 {
		t.Errorf("new lines %d, %d (want oldest first: 3, 2)", p.New[0].Line.LineNo, p.New[1].Line.LineNo)
	}
	if got := p.Summary(); got != "2 new transactions to import; 3 lines were imported before and will be skipped." {
		t.Errorf("summary %q", got)
	}
	// A third coffee on 3 April in a later export is new; the first two are not.
	coffee := "Date,Description,Amount\n03/04/2026,SAMPLE CAFE,-5.00\n03/04/2026,Sample  Cafe,-5.00\n03/04/2026,SAMPLE CAFE,-5.00\n"
	st3, err := parseString(t, coffee)
	if err != nil {
		t.Fatal(err)
	}
	if p := Plan(st3, PlanOptions{ExistingKeys: existing}); len(p.New) != 1 || len(p.Duplicates) != 2 {
		t.Errorf("coffees: %d new, %d duplicates", len(p.New), len(p.Duplicates))
	}
}

func TestPlanSuggestsCategories(t *testing.T) {
	st := mustParseFile(t, "layout3_money_in_out_preamble.csv")
	rules := []PayeeRule{
		LearnRule("WIGAN COUNCIL DIRECT PAYMENT", CatCouncil),
		LearnRule("HMRC CUMBERNAULD", CatHMRC),
		LearnRule("Z NI BHRIAIN WAGES", CatWages),
		LearnRule("SAMPLE CAFE", "Biscuits"), // no longer a category
		LearnRule("CLIENT CONTRIBUTION", CatContribution),
		LearnRule("SAMPLE SUPERMARKET", CatEquipment),
	}
	p := Plan(st, PlanOptions{Rules: rules})
	got := map[string]string{}
	for _, n := range p.New {
		got[n.Line.Description] = string(n.Transaction.Category) + " / " + n.SuggestedBy
	}
	want := map[string]string{
		"WIGAN COUNCIL DIRECT PAYMENT":   "Council payment / your rule for WIGAN COUNCIL DIRECT PAYMENT",
		"SAMPLE CAFE":                    " / ",
		"SAMPLE INSURANCE LTD":           " / ",
		"HMRC CUMBERNAULD 123PA00045678": "HMRC (tax and NI) / your rule for HMRC CUMBERNAULD",
		"Z NI BHRIAIN WAGES":             "PA wages (net) / your rule for Z NI BHRIAIN WAGES",
		"CLIENT CONTRIBUTION J DOE":      "Client contribution / your rule for CLIENT CONTRIBUTION",
		"SAMPLE SUPERMARKET CD 1234":     "Equipment and adaptations / your rule for SAMPLE SUPERMARKET",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}

	// Money back from a shop the rules file under spending is a refund.
	refund, err := parseString(t, "Date,Description,Amount\n20/04/2026,SAMPLE SUPERMARKET CD 1234,12.00\n")
	if err != nil {
		t.Fatal(err)
	}
	p = Plan(refund, PlanOptions{Rules: rules})
	if c := p.New[0].Transaction.Category; c != CatRefund || !strings.Contains(p.New[0].SuggestedBy, "money back") {
		t.Errorf("refund: %q %q", c, p.New[0].SuggestedBy)
	}
	// An income rule is not used for money out.
	out, _ := parseString(t, "Date,Description,Amount\n20/04/2026,WIGAN COUNCIL DIRECT PAYMENT,-12.00\n")
	if c := Plan(out, PlanOptions{Rules: rules}).New[0].Transaction.Category; c != "" {
		t.Errorf("income rule used for money out: %q", c)
	}
}

func TestPlanConfirmsHandEntered(t *testing.T) {
	st := mustParseFile(t, "layout4_semicolon_debit_credit.csv")
	manual := []Transaction{
		{ID: 7, Date: d("2026-04-09"), Payee: "Zoe wages", Amount: m("-480.00"), Category: CatWages},
		{ID: 8, Date: d("2026-04-03"), Payee: "coffee", Amount: m("-5.00")},                           // two coffees that day: not certain
		{ID: 9, Date: d("2026-04-08"), Payee: "HMRC", Amount: m("-212.30"), Reconciled: true},         // already reconciled
		{ID: 10, Date: d("2026-03-01"), Payee: "insurance", Amount: m("-120.00"), Category: CatOther}, // too far away
	}
	p := Plan(st, PlanOptions{Unreconciled: manual})
	confirms := map[string]int64{}
	for _, n := range p.New {
		if n.Confirms != 0 {
			confirms[n.Line.Description] = n.Confirms
			if n.Transaction.Category != CatWages || n.SuggestedBy != "the transaction you entered by hand on 09/04/2026" {
				t.Errorf("%+v", n)
			}
		}
	}
	if len(confirms) != 1 || confirms["Z NI BHRIAIN WAGES"] != 7 {
		t.Errorf("confirms %v", confirms)
	}
	if got := p.Summary(); got != "8 new transactions to import (1 confirms one you entered by hand)." {
		t.Errorf("summary %q", got)
	}
}
