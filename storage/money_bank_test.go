package storage

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"patoolkit/budget"
	"patoolkit/civil"
)

func TestBankLinesAndStatementAccounts(t *testing.T) {
	db, a := seeded(t)
	b := sampleAccount()
	b.Name = "Another budget"
	bank := budget.Transaction{Date: civil.MustParse("2026-11-02"), Payee: "WIGAN COUNCIL DIRECT PAYMENT", Amount: 240000, Reconciled: true, ImportKey: "k1"}
	old := budget.Transaction{Date: civil.MustParse("2026-11-05"), Payee: "Chemist", Amount: -1234, Reconciled: true, ImportKey: "k2"}
	mustUpdate(t, db, func(tx *Tx) error {
		if err := tx.InsertAccount(&b); err != nil {
			return err
		}
		if err := tx.InsertTransaction(a.ID, &bank); err != nil {
			return err
		}
		if err := tx.InsertTransaction(a.ID, &old); err != nil { // recorded by no bank line
			return err
		}
		recs := []budget.BankRecord{
			{LedgerID: bank.ID, Key: "k1", Date: bank.Date, Amount: bank.Amount, Description: bank.Payee, Balance: 250000, HasBalance: true},
			// The same line in an OFX download, said by the person to be it.
			{LedgerID: bank.ID, Key: "k9", Date: bank.Date, Amount: bank.Amount, Description: "MBC DP", BankID: "EX0001"},
		}
		if err := tx.AddBankLines(a.ID, recs); err != nil {
			return err
		}
		if err := tx.AddBankLines(a.ID, recs[:1]); err != nil { // again: left as it is
			return err
		}
		for _, s := range []budget.BankAccount{{SortCode: "123456", Number: "87654321"}, {}, {SortCode: "123456", Number: "87654321"}} {
			if err := tx.AddStatementAccount(a.ID, s); err != nil {
				return err
			}
		}
		return tx.AddStatementAccount(b.ID, budget.BankAccount{Number: "****4821"})
	})
	view(db, func(tx *Tx) {
		got, err := tx.BankLines(a.ID)
		want := []budget.BankRecord{
			{LedgerID: bank.ID, Key: "k1", Date: bank.Date, Amount: bank.Amount, Description: bank.Payee, Balance: 250000, HasBalance: true},
			{LedgerID: bank.ID, Key: "k9", Date: bank.Date, Amount: bank.Amount, Description: "MBC DP", BankID: "EX0001"},
			{LedgerID: old.ID, Key: "k2", Date: old.Date, Amount: old.Amount, Description: "Chemist"},
		}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("bank lines =\n%+v\nwant\n%+v (%v)", got, want, err)
		}
		keys, _ := tx.ImportKeys(a.ID)
		if !reflect.DeepEqual(keys, map[string]bool{"k1": true, "k2": true, "k9": true}) {
			t.Errorf("import keys = %v", keys)
		}
		if other, _ := tx.BankLines(b.ID); len(other) != 0 {
			t.Errorf("another budget's bank lines: %+v", other)
		}
		accs, err := tx.StatementAccounts()
		wantAccs := []StatementAccount{{a.ID, budget.BankAccount{SortCode: "123456", Number: "87654321"}}, {b.ID, budget.BankAccount{Number: "****4821"}}}
		if err != nil || !reflect.DeepEqual(accs, wantAccs) {
			t.Errorf("statement accounts = %+v %v", accs, err)
		}
	})
}

// Lines imported before the bank_lines table existed are recorded by the
// migration that adds it, from what the ledger has of them.
func TestBankLinesMigrationRecordsEarlierImports(t *testing.T) {
	older := fstest.MapFS{}
	ms, _ := fs.ReadDir(migrationFiles, "migrations")
	for _, m := range ms {
		if strings.HasPrefix(m.Name(), "0004_") {
			break
		}
		b, _ := fs.ReadFile(migrationFiles, "migrations/"+m.Name())
		older["migrations/"+m.Name()] = &fstest.MapFile{Data: b}
	}
	migrationFS = older
	defer func() { migrationFS = migrationFiles }()
	db, path := openTemp(t)
	a := seedOld(t, db)
	line := budget.Transaction{Date: civil.MustParse("2026-11-02"), Payee: "WIGAN COUNCIL", Amount: 240000, Reconciled: true, ImportKey: "k1"}
	hand := budget.Transaction{Date: civil.MustParse("2026-11-03"), Payee: "Chemist", Amount: -1234}
	// The ledger's columns before migration 0011.
	insertOld := func(tr *budget.Transaction) func(*Tx) error {
		return func(tx *Tx) error {
			return tx.insertID(&tr.ID, `INSERT INTO ledger (account_id, date, payee, amount_pence, category, reference, note,
				reconciled, import_key, settles_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				transactionArgs(a.ID, *tr)[:10]...)
		}
	}
	mustUpdate(t, db, insertOld(&line), insertOld(&hand))
	db.Close()

	migrationFS = migrationFiles
	db2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	var n int
	var desc string
	if err := db2.sql.QueryRow("SELECT count(*), max(description) FROM bank_lines WHERE ledger_id = ? AND import_key = 'k1'", line.ID).Scan(&n, &desc); err != nil || n != 1 || desc != "WIGAN COUNCIL" {
		t.Errorf("bank lines after migrating: %d %q %v", n, desc, err)
	}
	if err := db2.sql.QueryRow("SELECT count(*) FROM bank_lines").Scan(&n); err != nil || n != 1 {
		t.Errorf("%d bank lines, want the imported one only (%v)", n, err)
	}
}
