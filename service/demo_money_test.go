package service

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/storage"
)

var updateSample = flag.Bool("update-bank-sample", false, "rewrite ../testdata/bank-sample.csv from the demo ledger")

const bankSamplePath = "../testdata/bank-sample.csv"

// bankSampleFrom is the first day of the sample statement.
var bankSampleFrom = civil.MustParse("2026-10-19")

// bankSampleNew are the lines of the sample statement that are not in the
// demo ledger at all (the person has not typed them in).
var bankSampleNew = []struct {
	date, kind, desc string
	amount           money.Money
}{
	{"2026-11-12", "DEB", "CARD PAYMENT TO SAMPLE STATIONERY CD 4821", -1299},
	{"2026-11-13", "DEB", "CARD PAYMENT TO SAMPLE JOBS BOARD CD 4821", -4500},
	{"2026-11-18", "FPO", "Z NI BHRIAIN EXPENSES", -960},
}

// bankSampleCSV writes Priya's bank statement for bankSampleFrom to
// DemoEnd as her bank would export it: newest first, a type column,
// separate paid out and paid in columns with £ signs, and a running
// balance.
func bankSampleCSV(t *testing.T) []byte {
	t.Helper()
	p := demoPlan(t, "Priya's support")
	type row struct {
		date   civil.Date
		kind   string
		desc   string
		amount money.Money
	}
	kindOf := map[budget.Category]string{
		budget.CatCouncil: "BGC", budget.CatContribution: "FPI", budget.CatPension: "DD", budget.CatInsurance: "DD",
	}
	bal := p.settings.OpeningBalance
	var rows []row
	for _, l := range p.lines {
		if l.t.Date.Before(bankSampleFrom) {
			bal += l.t.Amount
			continue
		}
		k := kindOf[l.t.Category]
		if k == "" {
			k = "FPO"
		}
		rows = append(rows, row{l.t.Date, k, l.bank, l.t.Amount})
	}
	for _, n := range bankSampleNew {
		d := civil.MustParse(n.date)
		at := len(rows)
		for i, r := range rows {
			if r.date.After(d) {
				at = i
				break
			}
		}
		rows = append(rows[:at], append([]row{{d, n.kind, n.desc, n.amount}}, rows[at:]...)...)
	}
	balances := make([]money.Money, len(rows))
	for i, r := range rows {
		bal += r.amount
		balances[i] = bal
	}
	var b bytes.Buffer
	b.WriteString("\"Account Name:\",\"SAMPLE DIRECT PAYMENT ****4821\"\r\n")
	fmt.Fprintf(&b, "\"Statement period:\",\"%s to %s\"\r\n", bankSampleFrom.UK(), DemoEnd.UK())
	b.WriteString("\"Example data: every name and number here is made up.\"\r\n\r\n")
	b.WriteString("\"Date\",\"Type\",\"Description\",\"Paid out\",\"Paid in\",\"Balance\"\r\n")
	for i := len(rows) - 1; i >= 0; i-- {
		r := rows[i]
		out, in := "", ""
		if r.amount < 0 {
			out = (-r.amount).Format()
		} else {
			in = r.amount.Format()
		}
		fmt.Fprintf(&b, "\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\"\r\n", r.date.UK(), r.kind, r.desc, out, in, balances[i].Format())
	}
	return b.Bytes()
}

// demoPlan is the money plan the demo stores for a budget: the demo is
// made in a transaction that is then rolled back.
func demoPlan(t *testing.T, name string) demoMoneyPlan {
	t.Helper()
	s := openTemp(t)
	var plan demoMoneyPlan
	found := false
	rollback := errors.New("rolled back")
	err := s.db.Update(context.Background(), func(tx *storage.Tx) error {
		s.now = func() time.Time { return DemoEnd.Time(time.UTC).Add(9 * time.Hour) }
		if err := s.demoInto(tx, func(a household.Account, p demoMoneyPlan) {
			if a.Name == name {
				plan, found = p, true
			}
		}); err != nil {
			return err
		}
		return rollback
	})
	if !errors.Is(err, rollback) || !found {
		t.Fatalf("making the demo: %v (found %v)", err, found)
	}
	return plan
}

func TestBankSampleIsUpToDate(t *testing.T) {
	want := bankSampleCSV(t)
	if *updateSample {
		if err := os.WriteFile(bankSamplePath, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(bankSamplePath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the demo's statement: run go test ./service -run TestBankSampleIsUpToDate -update-bank-sample", bankSamplePath)
	}
}

// demoTemplate is the demo, made once for the test run (making it runs
// every pay run of two tax years); demoService copies it.
var demoTemplate struct {
	sync.Once
	path string
	err  error
}

func demoService(t *testing.T) (*Service, map[string]household.Account) {
	t.Helper()
	demoTemplate.Do(func() {
		demoTemplate.path = filepath.Join(testDir, "demo-template.db")
		s, err := Open(demoTemplate.path)
		if err != nil {
			demoTemplate.err = err
			return
		}
		demoTemplate.err = s.Demo()
		if err := s.Close(); demoTemplate.err == nil {
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
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC) })
	t.Cleanup(func() { s.Close() })
	accs, err := s.Accounts()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]household.Account{}
	for _, a := range accs {
		out[a.Name] = a
	}
	return s, out
}

func TestDemoMoneyTellsPriyaAndTomsStories(t *testing.T) {
	s, accs := demoService(t)
	priya, tom := accs["Priya's support"], accs["Tom's care"]
	for _, tc := range []struct {
		a              household.Account
		over           bool
		overBy, within string
	}{
		{priya, true, "412.60", ""},
		{tom, false, "", "1204.35"},
	} {
		t.Run(tc.a.Name, func(t *testing.T) {
			st, err := s.MoneyStatus(tc.a.ID, DemoEnd)
			if err != nil {
				t.Fatal(err)
			}
			if st.OverLimit != tc.over {
				t.Errorf("%s: over the limit = %v: %s", tc.a.Name, st.OverLimit, st.Headline)
			}
			if tc.over && st.OverBy != money.MustParse(tc.overBy) {
				t.Errorf("%s: over by %s, want %s", tc.a.Name, st.OverBy, tc.overBy)
			}
			if !tc.over && st.SurplusLimit-st.Surplus != money.MustParse(tc.within) {
				t.Errorf("%s: %s below the limit, want %s", tc.a.Name, st.SurplusLimit-st.Surplus, tc.within)
			}
			if st.Owed <= 0 || st.SetAside <= 0 || len(st.Warnings) != 0 {
				t.Errorf("%s: owed %s, set aside %s, warnings %v", tc.a.Name, st.Owed, st.SetAside, st.Warnings)
			}
			m, _ := s.MoneyAccount(tc.a.ID)
			if m.OpeningBalance < 0 || m.OpeningBalance > money.FromPounds(5000) || m.OpeningDate != DemoStart {
				t.Errorf("%s: an implausible opening balance %s on %s", tc.a.Name, m.OpeningBalance.Format(), m.OpeningDate.UK())
			}
			l, err := s.Ledger(tc.a.ID, LedgerFilter{})
			if err != nil {
				t.Fatal(err)
			}
			cats := map[budget.Category]int{}
			for _, e := range l.Entries {
				cats[e.Category]++
				if e.Date.Before(DemoStart) || e.Date.After(DemoEnd) || e.Category == "" {
					t.Errorf("%s: line %+v", tc.a.Name, e)
				}
			}
			if l.NotReconciled == 0 || l.NotReconciled > 5 || len(l.Entries) < 60 {
				t.Errorf("%s: %d lines, %d not reconciled", tc.a.Name, len(l.Entries), l.NotReconciled)
			}
			for _, c := range []budget.Category{budget.CatCouncil, budget.CatWages, budget.CatPension, budget.CatInsurance} {
				t.Run(fmt.Sprint(c), func(t *testing.T) {
					if cats[c] == 0 {
						t.Errorf("%s: no %s lines", tc.a.Name, c)
					}
				})
			}
			// Every owed item due by the end is paid, except the last invoice.
			owed, _ := s.OwedItems(tc.a.ID, DemoEnd)
			for _, o := range owed {
				if o.Due.Before(DemoEnd) {
					t.Errorf("%s: still owed after its due date: %+v", tc.a.Name, o)
				}
			}
		})
	}
	// Priya pays HMRC quarterly and has one agency-free invoice still owed;
	// Tom's agency invoice was owed, then paid.
	l, _ := s.Ledger(priya.ID, LedgerFilter{Category: budget.CatHMRC})
	if len(l.Entries) != 6 {
		t.Errorf("Priya paid HMRC %d times, want 6 quarters", len(l.Entries))
	}
	all, _ := s.OwedItems(tom.ID, civil.Date{})
	paid := false
	for _, o := range all {
		if o.Kind == budget.OwedInvoice && len(o.PaidBy) == 1 && o.Left == 0 {
			paid = true
		}
	}
	if !paid {
		t.Error("Tom's agency invoice is not owed then paid")
	}
	// The forecast keeps Tom within the limit; Priya's starts over it.
	for _, tc := range []struct {
		a    household.Account
		over bool
	}{{priya, true}, {tom, false}} {
		t.Run(tc.a.Name, func(t *testing.T) {
			f, err := s.Forecast(tc.a.ID, DemoEnd.AddDays(1), 12)
			if err != nil {
				t.Fatal(err)
			}
			if !f.Summary.OverLimitWeek.IsZero() != tc.over {
				t.Errorf("%s forecast: %s", tc.a.Name, f.Summary.Message)
			}
		})
	}
}

func TestDemoBankSampleImportsCleanly(t *testing.T) {
	s, accs := demoService(t)
	priya := accs["Priya's support"]
	before, _ := s.Ledger(priya.ID, LedgerFilter{})
	prev, err := s.PlanImportFile(priya.ID, bankSamplePath)
	if err != nil {
		t.Fatal(err)
	}
	confirms, suggested := 0, 0
	for _, n := range prev.Plan.New {
		if n.Confirms != 0 {
			confirms++
		}
		if n.SuggestedBy != "" && n.Confirms == 0 {
			suggested++
		}
	}
	if len(prev.Plan.New) != 6 || confirms != 3 || suggested != 1 || len(prev.Plan.Duplicates) != 10 {
		t.Fatalf("plan: %d new (%d confirm, %d suggested), %d duplicates: %s", len(prev.Plan.New), confirms, suggested, len(prev.Plan.Duplicates), prev.Plan.Summary())
	}
	res, err := s.ImportStatement(priya.ID, prev.Plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res != (ImportResult{Imported: 6, Confirmed: 3, Duplicates: 10}) {
		t.Errorf("import = %+v", res)
	}
	after, _ := s.Ledger(priya.ID, LedgerFilter{})
	if len(after.Entries) != len(before.Entries)+3 || after.NotReconciled != 0 {
		t.Errorf("ledger: %d lines (was %d), %d not reconciled", len(after.Entries), len(before.Entries), after.NotReconciled)
	}
	st, _ := s.MoneyStatus(priya.ID, DemoEnd)
	if st.Balance != prev.Statement.ClosingBalance {
		t.Errorf("balance after import %s, bank says %s", st.Balance, prev.Statement.ClosingBalance)
	}
	again, err := s.PlanImportFile(priya.ID, filepath.Clean(bankSamplePath))
	if err != nil || len(again.Plan.New) != 0 || len(again.Plan.Duplicates) != 16 {
		t.Errorf("importing again: %d new, %d duplicates, %v", len(again.Plan.New), len(again.Plan.Duplicates), err)
	}
}
