package storage

import (
	"database/sql"

	"patoolkit/budget"
	"patoolkit/civil"
)

const ledgerCols = `id, date, payee, amount_pence, category, reference, note, reconciled,
	coalesce(import_key, ''), coalesce(settles_id, 0), coalesce(corrects_return_id, 0)`

func scanTransaction(r rowScanner, extra ...any) (budget.Transaction, error) {
	var t budget.Transaction
	var reconciled int
	var cat string
	dest := append([]any{&t.ID, dateScan{&t.Date}, &t.Payee, &t.Amount, &cat, &t.Reference, &t.Note, &reconciled,
		&t.ImportKey, &t.SettlesID, &t.CorrectsReturn}, extra...)
	err := r.Scan(dest...)
	t.Category = budget.Category(cat)
	t.Reconciled = reconciled == 1
	return t, err
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Transactions returns all of an account's ledger, oldest first (by date,
// then in the order entered).
func (t *Tx) Transactions(accountID int64) ([]budget.Transaction, error) {
	return queryAll(t, func(r rowScanner) (budget.Transaction, error) { return scanTransaction(r) },
		"SELECT "+ledgerCols+" FROM ledger WHERE account_id = ? ORDER BY date, id", accountID)
}

// LedgerEntry is a ledger line and how many receipts it has.
type LedgerEntry struct {
	budget.Transaction
	Receipts int `json:"receipts"`
}

// LedgerEntries returns an account's ledger lines dated from..to
// (inclusive; a zero date leaves that end open), oldest first.
func (t *Tx) LedgerEntries(accountID int64, from, to civil.Date) ([]LedgerEntry, error) {
	q := "SELECT " + ledgerCols + ", (SELECT count(*) FROM receipts WHERE transaction_id = ledger.id) FROM ledger WHERE account_id = ?"
	args := []any{accountID}
	if !from.IsZero() {
		q += " AND date >= ?"
		args = append(args, from.String())
	}
	if !to.IsZero() {
		q += " AND date <= ?"
		args = append(args, to.String())
	}
	return queryAll(t, func(r rowScanner) (LedgerEntry, error) {
		var e LedgerEntry
		var err error
		e.Transaction, err = scanTransaction(r, &e.Receipts)
		return e, err
	}, q+" ORDER BY date, id", args...)
}

// Transaction returns one ledger line and its account.
func (t *Tx) Transaction(id int64) (budget.Transaction, int64, error) {
	var accountID int64
	tr, err := scanTransaction(t.tx.QueryRow("SELECT "+ledgerCols+", account_id FROM ledger WHERE id = ?", id), &accountID)
	return tr, accountID, notFound("transaction", err)
}

func transactionArgs(accountID int64, tr budget.Transaction) []any {
	return []any{accountID, tr.Date.String(), tr.Payee, tr.Amount, string(tr.Category), tr.Reference, tr.Note,
		boolInt(tr.Reconciled), nullText(tr.ImportKey), nullID(tr.SettlesID), nullID(tr.CorrectsReturn)}
}

const insertTransaction = `INSERT INTO ledger (account_id, date, payee, amount_pence, category, reference, note,
	reconciled, import_key, settles_id, corrects_return_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// InsertTransaction stores a new ledger line and sets its ID.
func (t *Tx) InsertTransaction(accountID int64, tr *budget.Transaction) error {
	return t.insertID(&tr.ID, insertTransaction, transactionArgs(accountID, *tr)...)
}

// InsertTransactions stores many new ledger lines (a bank statement) with
// one prepared statement, setting their IDs.
func (t *Tx) InsertTransactions(accountID int64, trs []budget.Transaction) error {
	stmt, err := t.tx.Prepare(insertTransaction)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range trs {
		res, err := stmt.Exec(transactionArgs(accountID, trs[i])...)
		if err != nil {
			return err
		}
		if trs[i].ID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return nil
}

// UpdateTransaction stores changes to a ledger line.
func (t *Tx) UpdateTransaction(accountID int64, tr budget.Transaction) error {
	return t.updateOne("transaction", `UPDATE ledger SET account_id = ?, date = ?, payee = ?, amount_pence = ?,
		category = ?, reference = ?, note = ?, reconciled = ?, import_key = ?, settles_id = ?, corrects_return_id = ? WHERE id = ?`,
		append(transactionArgs(accountID, tr), tr.ID)...)
}

// DeleteTransaction removes a ledger line (and its receipts).
func (t *Tx) DeleteTransaction(id int64) error {
	return t.updateOne("transaction", "DELETE FROM ledger WHERE id = ?", id)
}

// ImportKeys returns the bank statement keys already in an account's
// ledger: the ledger lines' own, and those of the statement lines the
// person said were the same as one of them (see AddBankLines).
func (t *Tx) ImportKeys(accountID int64) (map[string]bool, error) {
	out := map[string]bool{}
	err := scanAll(t, func(r *sql.Rows) error {
		var k string
		err := r.Scan(&k)
		out[k] = true
		return err
	}, `SELECT import_key FROM ledger WHERE account_id = ? AND import_key IS NOT NULL
		UNION SELECT import_key FROM bank_lines WHERE account_id = ?`, accountID, accountID)
	return out, err
}

// Unreconciled returns an account's lines entered by hand and not yet
// matched to a bank statement line, oldest first.
func (t *Tx) Unreconciled(accountID int64) ([]budget.Transaction, error) {
	return queryAll(t, func(r rowScanner) (budget.Transaction, error) { return scanTransaction(r) },
		"SELECT "+ledgerCols+" FROM ledger WHERE account_id = ? AND reconciled = 0 AND import_key IS NULL ORDER BY date, id", accountID)
}

// PayeeRules returns the categories a person has confirmed for payees,
// oldest first.
func (t *Tx) PayeeRules(accountID int64) ([]budget.PayeeRule, error) {
	return queryAll(t, func(r rowScanner) (budget.PayeeRule, error) {
		var p budget.PayeeRule
		var cat string
		err := r.Scan(&p.Match, &cat)
		p.Category = budget.Category(cat)
		return p, err
	}, "SELECT match_text, category FROM payee_rules WHERE account_id = ? ORDER BY position", accountID)
}

// AddPayeeRule stores a rule as the newest, replacing any rule with the
// same match (so a person's newer choice wins). A rule with an empty
// match is not stored.
func (t *Tx) AddPayeeRule(accountID int64, p budget.PayeeRule) error {
	if p.Match == "" {
		return nil
	}
	if _, err := t.exec("DELETE FROM payee_rules WHERE account_id = ? AND match_text = ?", accountID, p.Match); err != nil {
		return err
	}
	_, err := t.exec(`INSERT INTO payee_rules (account_id, position, match_text, category)
		VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM payee_rules WHERE account_id = ?), ?, ?)`,
		accountID, accountID, p.Match, string(p.Category))
	return err
}
