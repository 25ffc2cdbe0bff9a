package service

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
)

// setupMoney makes a budget of £1,300 a month from Wigan Council (limit 8
// weeks: £2,400.00; contingency £200), paying its PA monthly on the last
// working day, with an opening balance of £1,000 on 1 April 2026.
func setupMoney(t *testing.T, s *Service, allowance bool) household.Account {
	t.Helper()
	a := mustSetup(t, s, household.Account{Name: "Money test", PersonSupported: "Alex Doe", Capacity: household.Self,
		Council: "Wigan Council", Payment: money.MustParse("1300"), PaymentFrequency: household.Monthly,
		StartDate: civil.MustParse("2026-04-01"), ReturnPeriod: household.ReturnQuarterly, SurplusLimitWeeks: 8,
		Contingency: money.MustParse("200")},
		household.Employer{Name: "Alex Doe", PayFrequency: household.Monthly, Payday: "last-working-day", EmploymentAllowance: allowance})
	if _, err := s.SaveMoneyAccount(MoneyAccount{AccountID: a.ID, OpeningBalance: money.MustParse("1000"),
		OpeningDate: civil.MustParse("2026-04-01"), PaymentFirst: civil.MustParse("2026-04-01")}); err != nil {
		t.Fatal(err)
	}
	return a
}

func addTx(t *testing.T, s *Service, accountID int64, date, payee, amount string, cat budget.Category) budget.Transaction {
	t.Helper()
	tr, err := s.SaveTransaction(accountID, budget.Transaction{Date: civil.MustParse(date), Payee: payee, Amount: money.MustParse(amount), Category: cat})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// rows is a fingerprint of everything the money jobs store, to show that
// a refused job wrote nothing.
func rows(t *testing.T, s *Service, accountID int64) string {
	t.Helper()
	l, err := s.Ledger(accountID, LedgerFilter{Sort: OldestFirst})
	if err != nil {
		t.Fatal(err)
	}
	owed, _ := s.OwedItems(accountID, civil.Date{})
	cats, _ := s.Categories(accountID)
	var b strings.Builder
	for _, e := range l.Entries {
		b.WriteString(describeTx(e.Transaction) + "|" + e.ImportKey + "\n")
	}
	for _, o := range owed {
		b.WriteString(o.Payee + o.Amount.String() + "\n")
	}
	for _, c := range cats {
		b.WriteString(string(c.Name) + "\n")
	}
	return b.String()
}

// wantUnchanged fails the test when the account's rows differ from before.
func wantUnchanged(t *testing.T, s *Service, accountID int64, before, what string) {
	t.Helper()
	if after := rows(t, s, accountID); after != before {
		t.Errorf("%s:\n%s\n%s", what, before, after)
	}
}

func TestTransactionsAreCheckedAndBankLinesKeepTheirAmounts(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	_, err := s.SaveTransaction(a.ID, budget.Transaction{Date: civil.MustParse("2026-03-01"), Amount: 0, Category: "Biscuits"})
	p := FieldProblems(err)
	for _, f := range []string{"date", "payee", "amount", "category"} {
		t.Run(f, func(t *testing.T) {
			if p.For(f) == "" {
				t.Errorf("no message for %s: %v", f, err)
			}
		})
	}
	if !strings.Contains(p.For("date"), "before the account's opening balance") {
		t.Errorf("date message %q", p.For("date"))
	}
	tr := addTx(t, s, a.ID, "2026-04-03", " Sample Cafe ", "-5.00", "other agreed items")
	if tr.Category != budget.CatOther || tr.Payee != "Sample Cafe" || tr.Reconciled {
		t.Errorf("saved %+v", tr)
	}
	// A hidden category is not offered for new lines.
	if err := s.SetCategoryHidden(a.ID, "Respite", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveTransaction(a.ID, budget.Transaction{Date: civil.MustParse("2026-04-04"), Payee: "X", Amount: -100, Category: budget.CatRespite}); FieldProblems(err).For("category") == "" {
		t.Errorf("a hidden category was accepted: %v", err)
	}
	// A line from the bank keeps its date and amount.
	prev, err := s.PlanImport(a.ID, strings.NewReader("Date,Description,Amount\n05/04/2026,SAMPLE SHOP,-7.50\n"), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportStatement(a.ID, prev.Plan, nil); err != nil {
		t.Fatal(err)
	}
	l, _ := s.Ledger(a.ID, LedgerFilter{Sort: NewestFirst})
	bank := l.Entries[0].Transaction
	bank.Amount = -750 + 1
	if _, err := s.SaveTransaction(a.ID, bank); FieldProblems(err).For("amount") == "" {
		t.Errorf("changed the bank's amount: %v", err)
	}
	bank.Amount, bank.Category, bank.Note = -750, budget.CatEquipment, "Batteries"
	if got, err := s.SaveTransaction(a.ID, bank); err != nil || got.Category != budget.CatEquipment || !got.Reconciled || got.ImportKey == "" {
		t.Errorf("recategorising a bank line: %+v %v", got, err)
	}
	if err := s.DeleteTransaction(bank.ID); ErrorCode(err) != Conflict {
		t.Errorf("deleting a bank line: %v", err)
	}
	if err := s.DeleteTransaction(tr.ID); err != nil {
		t.Errorf("deleting a hand-entered line: %v", err)
	}
	// Filters and sorting.
	addTx(t, s, a.ID, "2026-04-01", "Wigan Council", "1300", budget.CatCouncil)
	addTx(t, s, a.ID, "2026-04-10", "Z Ni Bhriain", "-480.00", budget.CatWages)
	addTx(t, s, a.ID, "2026-04-12", "Sample Chemist", "-3.20", "")
	for _, tc := range []struct {
		f     LedgerFilter
		first string
		n     int
	}{
		{LedgerFilter{}, "Sample Chemist", 4},
		{LedgerFilter{Sort: OldestFirst}, "Wigan Council", 4},
		{LedgerFilter{Sort: LargestOutFirst}, "Z Ni Bhriain", 4},
		{LedgerFilter{Sort: LargestInFirst}, "Wigan Council", 4},
		{LedgerFilter{Category: "pa wages (net)"}, "Z Ni Bhriain", 1},
		{LedgerFilter{Unsorted: true}, "Sample Chemist", 1},
		{LedgerFilter{From: civil.MustParse("2026-04-05"), To: civil.MustParse("2026-04-10"), Sort: OldestFirst}, "SAMPLE SHOP", 2},
	} {
		t.Run(tc.first, func(t *testing.T) {
			l, err := s.Ledger(a.ID, tc.f)
			if err != nil || len(l.Entries) != tc.n || l.Entries[0].Payee != tc.first {
				t.Errorf("%+v: %d lines, first %+v, %v", tc.f, len(l.Entries), l.Entries, err)
			}
		})
	}
	if _, err := s.Ledger(a.ID, LedgerFilter{From: civil.MustParse("2026-05-01"), To: civil.MustParse("2026-04-01")}); ErrorCode(err) != Invalid {
		t.Errorf("backwards dates: %v", err)
	}
}

func TestCategoriesAddHideRename(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	if err := s.AddCategory(a.ID, "  Cleaning  ", false); err != nil {
		t.Fatal(err)
	}
	if err := s.AddCategory(a.ID, "cleaning", false); FieldProblems(err).For("name") == "" {
		t.Errorf("a duplicate category: %v", err)
	}
	tr := addTx(t, s, a.ID, "2026-04-02", "Sample Cleaners", "-40", "Cleaning")
	if err := s.RenameCategory(a.ID, "cleaning", "Cleaning and laundry"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Transaction(tr.ID)
	if got.Category != "Cleaning and laundry" {
		t.Errorf("renamed category on the line: %q", got.Category)
	}
	if err := s.SetCategoryHidden(a.ID, "Cleaning and laundry", true); err != nil {
		t.Fatal(err)
	}
	offered, _ := s.OfferedCategories(a.ID)
	if offered.Has("Cleaning and laundry") || !offered.Has(budget.CatWages) {
		t.Errorf("offered = %v", offered)
	}
	all, _ := s.Categories(a.ID)
	if len(all) != len(budget.DefaultCategories())+1 || !all[len(all)-1].Hidden {
		t.Errorf("all = %+v", all)
	}
	if err := s.SetCategoryHidden(a.ID, "Nope", true); ErrorCode(err) != NotFound {
		t.Errorf("hiding an unknown category: %v", err)
	}
}

// The acceptance case: "where I stand" under, at and over the council's
// limit, with money set aside and money owed.
func TestWhereIStandUnderAtAndOverTheLimit(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	on := civil.MustParse("2026-04-30")
	addTx(t, s, a.ID, "2026-04-01", "Wigan Council", "1300.00", budget.CatCouncil)
	addTx(t, s, a.ID, "2026-04-30", "Z Ni Bhriain", "-480.00", budget.CatWages)
	inv, err := s.AddOwed(a.ID, budget.Owed{Kind: budget.OwedInvoice, Payee: "Sample Agency", Amount: money.MustParse("300"),
		Raised: civil.MustParse("2026-04-10"), Due: civil.MustParse("2026-05-10")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSetAside(SetAside{AccountID: a.ID, Purpose: "Holiday cover", Amount: money.MustParse("150")}); err != nil {
		t.Fatal(err)
	}
	// Balance 1,000 + 1,300 − 480 = 1,820; surplus 1,820 − 300 owed − 150
	// set aside − 200 contingency = 1,170; limit 8 × 1,300 × 12 / 52 =
	// 2,400: 1,230 below it.
	check := func(name string, surplus, limit string, over bool, overBy string, headline string) {
		t.Helper()
		st, err := s.MoneyStatus(a.ID, on)
		if err != nil {
			t.Fatal(err)
		}
		if st.Surplus != money.MustParse(surplus) || st.SurplusLimit != money.MustParse(limit) || st.OverLimit != over ||
			st.OverBy != money.MustParse(overBy) || st.Owed != money.MustParse("300") || st.SetAside != money.MustParse("150") ||
			st.Contingency != money.MustParse("200") {
			t.Errorf("%s: %+v", name, st)
		}
		if st.Headline != headline {
			t.Errorf("%s: headline %q, want %q", name, st.Headline, headline)
		}
	}
	check("under", "1170.00", "2400.00", false, "0", "You are within Wigan Council's 8-week limit: £1,230.00 below it.")

	// A part payment of the invoice: the balance and owed both fall by
	// £100, so the surplus stays the same.
	pay := addTx(t, s, a.ID, "2026-04-20", "Sample Agency Ltd", "-100.00", "")
	if err := s.SettleOwed(inv.ID, pay.ID); err != nil {
		t.Fatal(err)
	}
	st, _ := s.MoneyStatus(a.ID, on)
	if st.Owed != money.MustParse("200") || st.Surplus != money.MustParse("1170") {
		t.Errorf("after a part payment: owed %s surplus %s", st.Owed, st.Surplus)
	}
	if got, _ := s.Transaction(pay.ID); got.Category != "" {
		t.Errorf("an invoice payment got category %q", got.Category)
	}
	if err := s.SettleOwed(inv.ID, pay.ID); err != nil {
		t.Errorf("settling with the same payment again: %v", err)
	}
	in := addTx(t, s, a.ID, "2026-04-21", "Refund", "1.00", budget.CatRefund)
	if err := s.SettleOwed(inv.ID, in.ID); ErrorCode(err) != Invalid {
		t.Errorf("settling with money in: %v", err)
	}
	// Restore the owed figure for the headline checks: pay the rest later.
	if err := s.DeleteTransaction(pay.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTransaction(in.ID); err != nil {
		t.Fatal(err)
	}

	addTx(t, s, a.ID, "2026-04-29", "Sample Insurer", "1230.00", budget.CatRefund)
	check("at", "2400.00", "2400.00", false, "0", "You are exactly at Wigan Council's 8-week limit (£2,400.00). Any more and the council may ask for the extra back.")
	addTx(t, s, a.ID, "2026-04-29", "Sample Bank", "0.01", budget.CatRefund)
	check("over", "2400.01", "2400.00", true, "0.01", "You hold £0.01 more than Wigan Council's 8-week limit. The council may ask for it back at your review.")

	// The invoice paid on its due date is matched automatically.
	addTx(t, s, a.ID, "2026-05-10", "SAMPLE AGENCY", "-300.00", "")
	owed, _ := s.OwedItems(a.ID, civil.MustParse("2026-05-10"))
	if len(owed) != 0 {
		t.Errorf("still owed after the matching payment: %+v", owed)
	}
	if _, err := s.MoneyStatus(a.ID, civil.MustParse("2026-03-31")); ErrorCode(err) != Invalid {
		t.Errorf("a date before the opening balance: %v", err)
	}
}

func TestOwedSetAsideAndBillsAreChecked(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	before := rows(t, s, a.ID)
	_, err := s.AddOwed(a.ID, budget.Owed{Kind: "gift", Amount: -1, Raised: civil.MustParse("2026-05-02"), Due: civil.MustParse("2026-05-01")})
	p := FieldProblems(err)
	for _, f := range []string{"kind", "payee", "amount", "due"} {
		t.Run(f, func(t *testing.T) {
			if p.For(f) == "" {
				t.Errorf("owed: no message for %s: %v", f, err)
			}
		})
	}
	if _, err := s.SaveSetAside(SetAside{AccountID: a.ID, Amount: -5}); len(FieldProblems(err)) != 2 {
		t.Errorf("set aside: %v", err)
	}
	if _, err := s.SaveBill(Bill{AccountID: a.ID, Bill: budget.Bill{Payee: "X", Amount: 100, Date: civil.MustParse("2026-05-01"), Repeat: "daily"}}); FieldProblems(err).For("repeat") == "" {
		t.Errorf("bill: %v", err)
	}
	wantUnchanged(t, s, a.ID, before, "refused input changed the data")
	b, err := s.SaveBill(Bill{AccountID: a.ID, Bill: budget.Bill{Payee: "Insurer", Amount: 12490, Date: civil.MustParse("2027-04-06"), Repeat: "yearly"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := forecastBills([]Bill{b}); len(got) != 10 || got[1].Date != civil.MustParse("2028-04-06") || got[0].Repeat != "" {
		t.Errorf("a yearly bill = %+v", got)
	}
	o, err := s.AddOwed(a.ID, budget.Owed{Kind: budget.OwedHMRC, Payee: "HMRC", Amount: 5000, Due: civil.MustParse("2026-07-22")})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkOwedSettled(o.ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.OwedItems(a.ID, civil.MustParse("2026-07-01")); len(left) != 0 {
		t.Errorf("a settled item is still owed: %+v", left)
	}
}

func TestReceiptsAreCheckedByContent(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	tr := addTx(t, s, a.ID, "2026-04-02", "Sample Shop", "-12.00", budget.CatEquipment)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pdf := append([]byte("%PDF-1.7\n"), make([]byte, 100)...)
	png := []byte("\x89PNG\r\n\x1a\n rest of a picture")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"receipt.pdf", []byte("MZ not a pdf at all"), "not a PNG or JPEG"},
		{"empty.png", nil, "is empty"},
		{"huge.pdf", append([]byte("%PDF-"), make([]byte, MaxReceiptBytes)...), "at most 10 MB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.AddReceiptFile(tr.ID, write(tc.name, tc.data))
			if !strings.Contains(FieldProblems(err).For("path"), tc.want) {
				t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
			}
		})
	}
	if _, err := s.AddReceiptFile(tr.ID, filepath.Join(dir, "missing.pdf")); FieldProblems(err).For("path") == "" {
		t.Errorf("missing file: %v", err)
	}
	if got, _ := s.Receipts(tr.ID); len(got) != 0 {
		t.Fatalf("refused receipts were kept: %+v", got)
	}
	r1, err := s.AddReceiptFile(tr.ID, write("till roll.pdf", pdf))
	if err != nil || r1.MediaType != "application/pdf" || r1.Size != int64(len(pdf)) || r1.Added != civil.MustParse("2026-11-20") {
		t.Fatalf("pdf: %+v %v", r1, err)
	}
	// The name does not decide the type: a PNG called .jpg is a PNG.
	r2, err := s.AddReceipt(tr.ID, "../../photo.jpg", png)
	if err != nil || r2.MediaType != "image/png" || r2.FileName != "photo.jpg" {
		t.Fatalf("png: %+v %v", r2, err)
	}
	l, _ := s.Ledger(a.ID, LedgerFilter{})
	if l.Entries[0].Receipts != 2 {
		t.Errorf("receipt count %d", l.Entries[0].Receipts)
	}
	out := filepath.Join(dir, "copy.pdf")
	if err := s.ExportReceipt(r1.ID, out, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); !reflect.DeepEqual(got, pdf) {
		t.Error("the exported copy differs")
	}
	if err := s.ExportReceipt(r1.ID, out, false); FieldProblems(err).For("path") == "" {
		t.Errorf("overwrote an existing file: %v", err)
	}
	if err := s.RemoveReceipt(r2.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ReceiptData(r2.ID); ErrorCode(err) != NotFound {
		t.Errorf("removed receipt: %v", err)
	}
}

func layoutFixtures(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../budget/testdata/layout*.csv")
	if err != nil || len(files) < 5 {
		t.Fatalf("layout fixtures: %v %v", files, err)
	}
	return append(files, bankSamplePath)
}

// The acceptance case: bank statements in at least five layouts import
// correctly, and importing again adds nothing.
func TestImportStatementLayouts(t *testing.T) {
	for _, file := range layoutFixtures(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			s := openTemp(t)
			a := setupMoney(t, s, false)
			if _, err := s.SaveMoneyAccount(MoneyAccount{AccountID: a.ID, OpeningDate: civil.MustParse("2026-01-01"), PaymentFirst: civil.MustParse("2026-04-01")}); err != nil {
				t.Fatal(err)
			}
			prev, err := s.PlanImportFile(a.ID, file)
			if err != nil {
				t.Fatal(err)
			}
			n := len(prev.Statement.Lines)
			var sum money.Money
			for _, l := range prev.Statement.Lines {
				sum += l.Amount
			}
			if n < 5 || len(prev.Plan.New) != n || prev.Statement.Layout.Describe() == "" {
				t.Fatalf("%d lines, %d new", n, len(prev.Plan.New))
			}
			res, err := s.ImportStatement(a.ID, prev.Plan, nil)
			if err != nil || res.Imported != n || res.Duplicates != 0 {
				t.Fatalf("import = %+v %v", res, err)
			}
			l, _ := s.Ledger(a.ID, LedgerFilter{})
			if len(l.Entries) != n || l.MoneyIn-l.MoneyOut != sum || l.NotReconciled != 0 {
				t.Errorf("ledger: %d lines, net %s, want %d and %s", len(l.Entries), l.MoneyIn-l.MoneyOut, n, sum)
			}
			// HMRC and NEST lines get the starter rules' categories.
			for _, e := range l.Entries {
				if strings.Contains(e.Payee, "HMRC") && e.Category != budget.CatHMRC {
					t.Errorf("%s filed under %q", e.Payee, e.Category)
				}
			}
			again, err := s.PlanImportFile(a.ID, file)
			if err != nil || len(again.Plan.New) != 0 || len(again.Plan.Duplicates) != n {
				t.Errorf("again: %d new, %d duplicates, %v", len(again.Plan.New), len(again.Plan.Duplicates), err)
			}
			// Importing the same plan twice adds nothing the second time.
			res, err = s.ImportStatement(a.ID, prev.Plan, nil)
			if err != nil || res.Imported != 0 || res.Duplicates != n {
				t.Errorf("the same plan twice: %+v %v", res, err)
			}
		})
	}
}

// The acceptance case: a bad file is refused with its line named and the
// data left as it was.
func TestImportRefusesBadFilesAndWritesNothing(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	addTx(t, s, a.ID, "2026-04-02", "Sample Shop", "-12.00", budget.CatEquipment)
	huge := filepath.Join(t.TempDir(), "huge.csv")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // 50 MB
		t.Fatal(err)
	}
	f.Close()
	before := rows(t, s, a.ID)
	for _, tc := range []struct {
		file     string
		want     string
		rejected int
	}{
		{"../budget/testdata/bad_columns.csv", "Line 1: the columns are Date, Description, Balance", 1},
		{"../budget/testdata/bad_date.csv", "Line 4:", 1},
		{"../budget/testdata/bad_amount.csv", "Line 5:", 1},
		{"../budget/testdata/bad_balance.csv", "Line ", 1},
		{"../budget/testdata/empty.csv", "empty", 0},
		{"../budget/testdata/no_transactions.csv", "no transactions", 0},
		{huge, "50 MB", 0},
		{filepath.Join(t.TempDir(), "nowhere.csv"), "There is no file", 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			_, err := s.PlanImportFile(a.ID, tc.file)
			if ErrorCode(err) != Invalid || !strings.Contains(ErrorMessage(err), tc.want) || refusedLines(err) != tc.rejected {
				t.Errorf("%s: %v (rejected %d), want Invalid holding %q, %d rejected", filepath.Base(tc.file), err, refusedLines(err), tc.want, tc.rejected)
			}
			if strings.HasSuffix(tc.file, "bad_columns.csv") && !strings.Contains(ErrorMessage(err), "nothing was imported") {
				t.Errorf("bad columns: %q", ErrorMessage(err))
			}
		})
	}
	// A category that is not the budget's refuses the whole import.
	prev, err := s.PlanImportFile(a.ID, "../budget/testdata/layout2_paidin_paidout.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ImportStatement(a.ID, prev.Plan, map[string]budget.Category{prev.Plan.New[2].Transaction.ImportKey: "Biscuits"})
	if ErrorCode(err) != Invalid || !strings.Contains(ErrorMessage(err), "Biscuits") {
		t.Errorf("unknown category: %v", err)
	}
	// A plan tampered with (an amount changed) is refused.
	bad := prev.Plan
	bad.New = append([]budget.Proposed(nil), prev.Plan.New...)
	bad.New[0].Transaction.ImportKey = "0123456789abcdef0123456789abcdef"
	if _, err := s.ImportStatement(a.ID, bad, nil); ErrorCode(err) != Invalid {
		t.Errorf("tampered plan: %v", err)
	}
	wantUnchanged(t, s, a.ID, before, "a refused import changed the data")
}

func TestImportConfirmsHandEntriesAndLearnsCategories(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	// Entered by hand before the statement came: the wages two days early.
	hand := addTx(t, s, a.ID, "2026-04-08", "Zoë (April wages)", "-480.00", budget.CatWages)
	owed, err := s.AddOwed(a.ID, budget.Owed{Kind: budget.OwedHMRC, Payee: "HMRC", Amount: money.MustParse("212.30"), Due: civil.MustParse("2026-04-08")})
	if err != nil {
		t.Fatal(err)
	}
	stmt := "Date,Description,Amount,Balance\n" +
		"01/04/2026,WIGAN COUNCIL DIRECT PAYMENT,1300.00,2300.00\n" +
		"03/04/2026,CARD PAYMENT TO SAMPLE CAFE CD 1234,-5.00,2295.00\n" +
		"08/04/2026,HMRC CUMBERNAULD 123PA00045678,-212.30,2082.70\n" +
		"10/04/2026,Z NI BHRIAIN WAGES,-480.00,1602.70\n"
	prev, err := s.PlanImport(a.ID, strings.NewReader(stmt), "april.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(prev.Plan.New) != 4 || prev.Plan.New[3].Confirms != hand.ID || prev.Plan.New[2].Transaction.Category != budget.CatHMRC {
		t.Fatalf("plan: %+v", prev.Plan.New)
	}
	cafe := prev.Plan.New[1].Transaction.ImportKey
	council := prev.Plan.New[0].Transaction.ImportKey
	res, err := s.ImportStatement(a.ID, prev.Plan, map[string]budget.Category{cafe: budget.CatOther, council: "council payment"})
	if err != nil {
		t.Fatal(err)
	}
	if res != (ImportResult{Imported: 4, Confirmed: 1, RulesLearned: 2, Matched: 1}) {
		t.Errorf("result = %+v", res)
	}
	got, _ := s.Transaction(hand.ID)
	if !got.Reconciled || got.Date != civil.MustParse("2026-04-10") || got.Payee != "Zoë (April wages)" || got.ImportKey == "" {
		t.Errorf("the hand entry after import: %+v", got)
	}
	if o, _ := s.OwedItems(a.ID, civil.MustParse("2026-04-30")); len(o) != 0 {
		t.Errorf("HMRC still owed after its payment was imported: %+v (item %d)", o, owed.ID)
	}
	// The next statement suggests the categories the person chose.
	next := "Date,Description,Amount\n03/05/2026,CARD PAYMENT TO SAMPLE CAFE CD 1234 ON 03 MAY,-4.20\n01/05/2026,Wigan Council Direct Payment,1300.00\n"
	prev, err = s.PlanImport(a.ID, strings.NewReader(next), "may.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range prev.Plan.New {
		want := budget.CatOther
		if p.Line.Amount > 0 {
			want = budget.CatCouncil
		}
		if p.Transaction.Category != want || !strings.HasPrefix(p.SuggestedBy, "your rule") {
			t.Errorf("%s: suggested %q (%s)", p.Line.Description, p.Transaction.Category, p.SuggestedBy)
		}
	}
	st, _ := s.MoneyStatus(a.ID, civil.MustParse("2026-04-30"))
	if st.Balance != money.MustParse("1602.70") {
		t.Errorf("balance %s, the bank says 1602.70", st.Balance)
	}
}

// shiftAt makes a planned day shift for paID on d from startHour for
// hours hours.
func addDayShift(t *testing.T, s *Service, accountID, paID int64, d civil.Date, startHour, hours int) {
	t.Helper()
	start, err := rota.LocalTime(d, startHour*60)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddShift(accountID, ShiftInput{PAID: paID, Start: start, End: start.Add(time.Duration(hours) * time.Hour), Type: rota.Day}); err != nil {
		t.Fatal(err)
	}
}

// The acceptance case: a forecast costs a known rota with the payroll
// engine and matches a hand calculation to the penny.
func TestForecastCostsAKnownRota(t *testing.T) {
	for _, allowance := range []bool{false, true} {
		t.Run(fmt.Sprint(allowance), func(t *testing.T) {
			s := openTemp(t)
			a := setupMoney(t, s, allowance)
			pa, err := s.SavePA(household.PA{AccountID: a.ID, Name: "Zoë Ní Bhriain", DateOfBirth: civil.MustParse("1990-03-02"),
				StartDate: civil.MustParse("2026-04-01"), TaxCode: "1257L", NICategory: "A"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.SaveContract(household.Contract{PAID: pa.ID, EffectiveFrom: civil.MustParse("2026-04-01"),
				HoursType: household.FixedHours, ContractedMinutesWeek: 20 * 60, DayRate: money.MustParse("12.80"),
				HolidayMethod: household.HolidayAccrued, PensionScheme: "NEST", PensionMethod: household.PensionReliefAtSource,
				PensionBasis: household.PensionQualifying, PensionEmployeeBP: 500, PensionEmployerBP: 300}); err != nil {
				t.Fatal(err)
			}
			// 20 hours a week: 09:00 to 13:00, Monday to Friday, June and July 2026.
			for d := civil.MustParse("2026-06-01"); !d.After(civil.MustParse("2026-07-31")); d = d.AddDays(1) {
				if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
					addDayShift(t, s, a.ID, pa.ID, d, 9, 4)
				}
			}
			if _, err := s.SaveMoneyAccount(MoneyAccount{AccountID: a.ID, OpeningBalance: money.MustParse("1000"),
				OpeningDate: civil.MustParse("2026-06-01"), PaymentFirst: civil.MustParse("2026-06-01")}); err != nil {
				t.Fatal(err)
			}
			f, err := s.Forecast(a.ID, civil.MustParse("2026-06-01"), 12)
			if err != nil {
				t.Fatal(err)
			}
			// By hand, 2026-27 rates, monthly pay on the last working day:
			//
			// June: 22 weekdays × 4 h × £12.80 = £1,126.40.
			//   Employer NI: (1,126.40 − 417 secondary threshold) × 15% = £106.41.
			//   Pension: qualifying earnings 1,126.40 − 520 = 606.40; employer
			//   3% = 18.192, £18.19 (Zoë, 36, earns over the £833 trigger).
			//   Cost = 1,126.40 + 106.41 + 18.19 = £1,251.00, paid Tuesday 30 June
			//   (week 5, from 29 June).
			// July: 23 weekdays × £51.20 = £1,177.60.
			//   Employer NI: (1,177.60 − 417) × 15% = £114.09.
			//   Pension: (1,177.60 − 520) × 3% = 19.728, £19.73.
			//   Cost = 1,177.60 + 114.09 + 19.73 = £1,311.42, paid Friday 31 July
			//   (week 9, from 27 July).
			// With the Employment Allowance the employer NI is all offset:
			//   £1,144.59 and £1,197.33.
			// Council £1,300 on 1 June, 1 July, 1 August (weeks 1, 5 and 9).
			// Balance: 1,000 + 1,300 = 2,300.00 (weeks 1-4);
			//   + 1,300 − 1,251.00 = 2,349.00 (weeks 5-8);
			//   + 1,300 − 1,311.42 = 2,337.58 (weeks 9-12).
			//   With the allowance: 2,455.41, then 2,558.08.
			// The surplus (less the £200 contingency) stays under the £2,400 limit.
			june, july := "1251.00", "1311.42"
			bal := []string{"2300.00", "2349.00", "2337.58"}
			if allowance {
				june, july = "1144.59", "1197.33"
				bal = []string{"2300.00", "2455.41", "2558.08"}
			}
			if len(f.Periods) != 2 || f.Periods[0].Gross != money.MustParse("1126.40") || f.Periods[1].Gross != money.MustParse("1177.60") ||
				f.Periods[0].Cost != money.MustParse(june) || f.Periods[1].Cost != money.MustParse(july) || f.Periods[0].Estimated {
				t.Errorf("allowance %v: periods %+v", allowance, f.Periods)
			}
			if f.Periods[0].EmployerNI != money.MustParse("106.41") || f.Periods[0].EmployerPension != money.MustParse("18.19") {
				t.Errorf("allowance %v: June NI %s pension %s", allowance, f.Periods[0].EmployerNI, f.Periods[0].EmployerPension)
			}
			for i, w := range f.Weeks {
				want := bal[i/4]
				spend := money.Money(0)
				switch i {
				case 4:
					spend = money.MustParse(june)
				case 8:
					spend = money.MustParse(july)
				}
				if w.Balance != money.MustParse(want) || w.Spending != spend {
					t.Errorf("allowance %v: week %d (%s): balance %s spending %s, want %s and %s", allowance, i+1, w.WeekStart.UK(), w.Balance, w.Spending, want, spend)
				}
			}
			if !f.Summary.RunsOutWeek.IsZero() || !f.Summary.OverLimitWeek.IsZero() {
				t.Errorf("summary %+v", f.Summary)
			}
			// Past the planned rota (August), the contract's 20 hours count.
			g, err := s.Forecast(a.ID, civil.MustParse("2026-06-01"), 14)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Periods) != 3 || !g.Periods[2].Estimated || !strings.Contains(strings.Join(g.Notes, " "), "planned up to 31/07/2026") {
				t.Errorf("allowance %v: August %+v %v", allowance, g.Periods, g.Notes)
			}
		})
	}
}

func TestForecastAndStatusRefusals(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	for _, tc := range []struct {
		start civil.Date
		weeks int
	}{{civil.MustParse("2026-03-01"), 12}, {civil.MustParse("2026-05-01"), 600}, {civil.Date{}, 12}} {
		t.Run(fmt.Sprint(tc.start), func(t *testing.T) {
			if _, err := s.Forecast(a.ID, tc.start, tc.weeks); ErrorCode(err) != Invalid {
				t.Errorf("%v %d: %v", tc.start, tc.weeks, err)
			}
		})
	}
	if _, err := s.Forecast(999, civil.MustParse("2026-05-01"), 12); ErrorCode(err) != NotFound {
		t.Errorf("no budget: %v", err)
	}
	if weeks, end := WeeksToCouncilYearEnd(civil.MustParse("2026-11-21")); weeks != 19 || end != civil.MustParse("2027-03-31") {
		t.Errorf("to the council year's end: %d %s", weeks, end)
	}
}

func TestHMRCDueDatesAndDeadlines(t *testing.T) {
	for _, tc := range []struct {
		today     string
		quarterly bool
		due, end  string
	}{
		{"2026-11-20", false, "2026-11-20", "2026-11-05"}, // the 22nd is a Sunday
		{"2026-11-21", false, "2026-12-22", "2026-12-05"},
		{"2026-11-20", true, "2027-01-22", "2027-01-05"},
		{"2026-07-22", true, "2026-07-22", "2026-07-05"},
		{"2027-03-25", false, "2027-04-22", "2027-04-05"},
		{"2026-08-23", false, "2026-09-22", "2026-09-05"},
	} {
		t.Run(tc.today, func(t *testing.T) {
			due, end := HMRCDueOn(civil.MustParse(tc.today), tc.quarterly)
			if due != civil.MustParse(tc.due) || end != civil.MustParse(tc.end) {
				t.Errorf("%s quarterly %v: %s for %s, want %s for %s", tc.today, tc.quarterly, due, end, tc.due, tc.end)
			}
		})
	}
	s := openTemp(t)
	a := setupMoney(t, s, false)
	ds, err := s.Deadlines(a.ID, civil.MustParse("2026-04-10"))
	if err != nil {
		t.Fatal(err)
	}
	var whats []string
	for _, d := range ds {
		whats = append(whats, d.What+" "+d.Date.String())
	}
	// No insurance recorded: that is flagged today.
	want := []string{"Employer's liability insurance 2026-04-10", "HMRC payment due 2026-04-22", "Payday 2026-04-30"}
	if !reflect.DeepEqual(whats, want) {
		t.Errorf("deadlines = %v, want %v", whats, want)
	}
	if _, err := s.SaveInsurance(household.Insurance{AccountID: a.ID, Insurer: "Sample", PolicyNumber: "P1", Cover: money.FromPounds(10_000_000),
		StartDate: civil.MustParse("2026-04-01"), RenewalDate: civil.MustParse("2027-04-01")}); err != nil {
		t.Fatal(err)
	}
	ds, _ = s.Deadlines(a.ID, civil.MustParse("2026-04-10"))
	if ds[len(ds)-1].What != "Insurance renewal" || ds[len(ds)-1].Date != civil.MustParse("2027-04-01") || ds[len(ds)-1].DaysToGo(civil.MustParse("2026-04-10")) != 356 {
		t.Errorf("deadlines with insurance = %+v", ds)
	}
}

func TestMoneyAccountIsChecked(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	_, err := s.SaveMoneyAccount(MoneyAccount{AccountID: a.ID})
	p := FieldProblems(err)
	if p.For("opening_date") == "" || p.For("payment_first") == "" {
		t.Errorf("problems = %v", err)
	}
	if _, err := s.MoneyAccount(12345); ErrorCode(err) != NotFound {
		t.Errorf("unknown budget: %v", err)
	}
	m, _ := s.MoneyAccount(a.ID)
	if m.OpeningBalance != money.MustParse("1000") {
		t.Errorf("money account = %+v", m)
	}
}

// refusedLines returns how many lines a refused statement had problems
// with (budget.StatementError.Rejected), or 0 when err is not a refused
// statement.
func refusedLines(err error) int {
	var se *budget.StatementError
	if errors.As(err, &se) {
		return se.Rejected()
	}
	return 0
}
