package storage

import (
	"database/sql"

	"patoolkit/budget"
	"patoolkit/money"
)

// BankLines returns what the bank said about each statement line already
// in an account's ledger, oldest first. A ledger line with an import key
// but no record of its own (stored by an older version, or by a path that
// did not record one) is returned with what the ledger has: its date,
// amount and payee.
func (t *Tx) BankLines(accountID int64) ([]budget.BankRecord, error) {
	return queryAll(t, func(r rowScanner) (budget.BankRecord, error) {
		var b budget.BankRecord
		var balance sql.NullInt64
		if err := r.Scan(&b.LedgerID, &b.Key, dateScan{&b.Date}, &b.Amount, &b.Description, &b.BankID, &balance); err != nil {
			return b, err
		}
		b.Balance, b.HasBalance = money.Money(balance.Int64), balance.Valid
		return b, nil
	}, `SELECT ledger_id, import_key, date, amount_pence, description, bank_id, balance_pence
		FROM bank_lines WHERE account_id = ?
		UNION ALL
		SELECT l.id, l.import_key, l.date, l.amount_pence, l.payee, '', NULL FROM ledger l
		WHERE l.account_id = ? AND l.import_key IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM bank_lines b WHERE b.account_id = l.account_id AND b.import_key = l.import_key)
		ORDER BY 3, 1`, accountID, accountID)
}

// AddBankLines records statement lines as being in an account's ledger
// (each record's LedgerID). A key already recorded is left as it is.
func (t *Tx) AddBankLines(accountID int64, recs []budget.BankRecord) error {
	if len(recs) == 0 {
		return nil
	}
	stmt, err := t.tx.Prepare(`INSERT INTO bank_lines (account_id, import_key, ledger_id, date, amount_pence, description, bank_id, balance_pence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, import_key) DO NOTHING`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, b := range recs {
		var balance any
		if b.HasBalance {
			balance = int64(b.Balance)
		}
		if _, err := stmt.Exec(accountID, b.Key, b.LedgerID, b.Date.String(), b.Amount, b.Description, b.BankID, balance); err != nil {
			return err
		}
	}
	return nil
}

// StatementAccount is a bank account that a budget's statements said they
// were for.
type StatementAccount struct {
	AccountID int64              `json:"account_id"` // the budget
	Bank      budget.BankAccount `json:"bank"`
}

// StatementAccounts returns the bank accounts every budget's imported
// statements said they were for, by budget.
func (t *Tx) StatementAccounts() ([]StatementAccount, error) {
	return queryAll(t, func(r rowScanner) (StatementAccount, error) {
		var s StatementAccount
		err := r.Scan(&s.AccountID, &s.Bank.SortCode, &s.Bank.Number)
		return s, err
	}, "SELECT account_id, sort_code, number FROM statement_accounts ORDER BY account_id, sort_code, number")
}

// AddStatementAccount records that a budget imported a statement for the
// bank account b. Nothing is recorded for a statement that did not say.
func (t *Tx) AddStatementAccount(accountID int64, b budget.BankAccount) error {
	if b.IsZero() {
		return nil
	}
	_, err := t.exec("INSERT INTO statement_accounts (account_id, sort_code, number) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
		accountID, b.SortCode, b.Number)
	return err
}
