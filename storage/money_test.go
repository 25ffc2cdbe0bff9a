package storage

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
)

func TestMoneyAccountRoundTrip(t *testing.T) {
	db, a := seeded(t)
	view(db, func(tx *Tx) {
		if _, err := tx.MoneyAccount(a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("unsaved money account: %v, want ErrNotFound", err)
		}
	})
	m := MoneyAccount{AccountID: a.ID, OpeningBalance: money.MustParse("1234.56"), OpeningDate: civil.MustParse("2026-04-01"),
		PaymentFirst: civil.MustParse("2026-04-03"), HMRCQuarterly: true}
	for i := 0; i < 2; i++ { // insert, then update the same row
		mustUpdate(t, db, func(tx *Tx) error { return tx.SaveMoneyAccount(m) })
		m.ContributionFirst = civil.MustParse("2026-04-07")
	}
	view(db, func(tx *Tx) {
		got, err := tx.MoneyAccount(a.ID)
		m.ContributionFirst = civil.MustParse("2026-04-07")
		if err != nil || got != m {
			t.Errorf("money account = %+v %v, want %+v", got, err, m)
		}
	})
}

func TestCategoriesSetAsidesAndBills(t *testing.T) {
	db, a := seeded(t)
	cats := []Category{{CategoryInfo: budget.CategoryInfo{Name: "Cleaning"}}, {CategoryInfo: budget.CategoryInfo{Name: "Council payment", Income: true}, Hidden: true}}
	sa := SetAside{AccountID: a.ID, Purpose: "HMRC quarter", Amount: 41050}
	b := Bill{AccountID: a.ID, Bill: budget.Bill{Payee: "Insurer", Amount: 12490, Date: civil.MustParse("2027-04-06"), Repeat: household.Monthly}}
	mustUpdate(t, db,
		func(tx *Tx) error { return tx.SaveCategories(a.ID, cats) },
		func(tx *Tx) error { return tx.InsertSetAside(&sa) },
		func(tx *Tx) error { return tx.InsertBill(&b) })
	view(db, func(tx *Tx) {
		got, err := tx.Categories(a.ID)
		if err != nil || !reflect.DeepEqual(got, cats) {
			t.Errorf("categories = %+v %v", got, err)
		}
		sas, err := tx.SetAsides(a.ID)
		if err != nil || len(sas) != 1 || sas[0] != sa {
			t.Errorf("set asides = %+v %v", sas, err)
		}
		bills, err := tx.Bills(a.ID)
		if err != nil || len(bills) != 1 || bills[0] != b {
			t.Errorf("bills = %+v %v", bills, err)
		}
	})
	mustUpdate(t, db, func(tx *Tx) error {
		sa.Amount = 0
		if err := tx.UpdateSetAside(sa); err != nil {
			return err
		}
		if err := tx.DeleteBill(b.ID); err != nil {
			return err
		}
		if err := tx.DeleteBill(b.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleting twice: %v", err)
		}
		return tx.SaveCategories(a.ID, cats[:1])
	})
	view(db, func(tx *Tx) {
		if got, _ := tx.SetAsideByID(sa.ID); got.Amount != 0 {
			t.Errorf("set aside after update = %+v", got)
		}
		if got, _ := tx.Categories(a.ID); len(got) != 1 {
			t.Errorf("categories after replace = %+v", got)
		}
	})
}

func TestLedgerOwedRulesAndReceipts(t *testing.T) {
	db, a := seeded(t)
	ctx := context.Background()
	o := budget.Owed{Kind: budget.OwedInvoice, Payee: "Sample Agency", Amount: 45000, Raised: civil.MustParse("2026-05-01"), Due: civil.MustParse("2026-05-31")}
	hand := budget.Transaction{Date: civil.MustParse("2026-05-02"), Payee: "Cash for stamps", Amount: -560, Category: budget.CatOther, Note: "Post office"}
	bank := []budget.Transaction{
		{Date: civil.MustParse("2026-05-01"), Payee: "WIGAN COUNCIL", Amount: 130000, Category: budget.CatCouncil, Reconciled: true, ImportKey: "k1"},
		{Date: civil.MustParse("2026-05-30"), Payee: "SAMPLE AGENCY LTD", Amount: -45000, Reconciled: true, ImportKey: "k2", Reference: "INV 12"},
	}
	pdf := []byte("%PDF-1.4 a receipt")
	var rc Receipt
	mustUpdate(t, db, func(tx *Tx) error {
		if err := tx.InsertOwed(a.ID, &o); err != nil {
			return err
		}
		if err := tx.InsertTransaction(a.ID, &hand); err != nil {
			return err
		}
		if err := tx.InsertTransactions(a.ID, bank); err != nil {
			return err
		}
		bank[1].SettlesID = o.ID
		if err := tx.UpdateTransaction(a.ID, bank[1]); err != nil {
			return err
		}
		rc = Receipt{TransactionID: hand.ID, FileName: "stamps.pdf", MediaType: "application/pdf", Added: civil.MustParse("2026-05-02")}
		if err := tx.InsertReceipt(&rc, pdf); err != nil {
			return err
		}
		if err := tx.AddPayeeRule(a.ID, budget.PayeeRule{Match: "SAMPLE AGENCY LTD", Category: budget.CatOther}); err != nil {
			return err
		}
		if err := tx.AddPayeeRule(a.ID, budget.PayeeRule{Match: "WIGAN COUNCIL", Category: budget.CatCouncil}); err != nil {
			return err
		}
		// A newer choice for the same payee replaces the old and is newest.
		return tx.AddPayeeRule(a.ID, budget.PayeeRule{Match: "SAMPLE AGENCY LTD", Category: budget.CatAgency})
	})
	view(db, func(tx *Tx) {
		all, err := tx.Transactions(a.ID)
		want := []budget.Transaction{bank[0], hand, bank[1]}
		if err != nil || !reflect.DeepEqual(all, want) {
			t.Errorf("transactions =\n%+v\nwant\n%+v (%v)", all, want, err)
		}
		entries, err := tx.LedgerEntries(a.ID, civil.MustParse("2026-05-02"), civil.Date{})
		if err != nil || len(entries) != 2 || entries[0].Receipts != 1 || entries[1].Receipts != 0 {
			t.Errorf("ledger entries from 02/05 = %+v %v", entries, err)
		}
		keys, _ := tx.ImportKeys(a.ID)
		if !reflect.DeepEqual(keys, map[string]bool{"k1": true, "k2": true}) {
			t.Errorf("import keys = %v", keys)
		}
		un, _ := tx.Unreconciled(a.ID)
		if len(un) != 1 || un[0].ID != hand.ID {
			t.Errorf("unreconciled = %+v", un)
		}
		rules, _ := tx.PayeeRules(a.ID)
		wantRules := []budget.PayeeRule{{Match: "WIGAN COUNCIL", Category: budget.CatCouncil}, {Match: "SAMPLE AGENCY LTD", Category: budget.CatAgency}}
		if !reflect.DeepEqual(rules, wantRules) {
			t.Errorf("rules = %+v", rules)
		}
		got, data, acc, err := tx.Receipt(rc.ID)
		if err != nil || acc != a.ID || got != rc || !bytes.Equal(data, pdf) || got.Size != int64(len(pdf)) {
			t.Errorf("receipt = %+v %q %d %v", got, data, acc, err)
		}
		owed, _ := tx.OwedItems(a.ID)
		if len(owed) != 1 || owed[0] != o {
			t.Errorf("owed = %+v", owed)
		}
	})
	// A second line with the same import key is refused by the database.
	err := db.Update(ctx, func(tx *Tx) error {
		dup := bank[0]
		return tx.InsertTransaction(a.ID, &dup)
	})
	if err == nil {
		t.Error("a duplicate import key was stored")
	}
	// Deleting a line deletes its receipts; deleting an owed item unlinks
	// its payment.
	mustUpdate(t, db, func(tx *Tx) error {
		if err := tx.DeleteTransaction(hand.ID); err != nil {
			return err
		}
		_, err := tx.exec("DELETE FROM owed WHERE id = ?", o.ID)
		return err
	})
	view(db, func(tx *Tx) {
		if _, _, _, err := tx.Receipt(rc.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("receipt after its line was deleted: %v", err)
		}
		tr, _, _ := tx.Transaction(bank[1].ID)
		if tr.SettlesID != 0 {
			t.Errorf("payment still settles a deleted item: %+v", tr)
		}
	})
}
