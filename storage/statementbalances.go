package storage

import (
	"database/sql"
	"errors"

	"patoolkit/budget"
	"patoolkit/civil"
)

// SaveStatementBalances keeps the bank's end-of-day balances from an
// imported statement; a day already kept takes the newer figure.
func (t *Tx) SaveStatementBalances(accountID int64, days []budget.DayBalance) error {
	for _, d := range days {
		if _, err := t.exec(`INSERT INTO statement_balances (account_id, date, balance_pence) VALUES (?, ?, ?)
			ON CONFLICT (account_id, date) DO UPDATE SET balance_pence = excluded.balance_pence`, accountID, d.Date.String(), d.Balance); err != nil {
			return err
		}
	}
	return nil
}

// StatementBalances returns every end-of-day balance statements gave,
// oldest first.
func (t *Tx) StatementBalances(accountID int64) ([]budget.DayBalance, error) {
	return queryAll(t, func(r rowScanner) (budget.DayBalance, error) {
		var d budget.DayBalance
		var date string
		if err := r.Scan(&date, &d.Balance); err != nil {
			return d, err
		}
		var err error
		d.Date, err = civil.Parse(date)
		return d, err
	}, "SELECT date, balance_pence FROM statement_balances WHERE account_id = ? ORDER BY date", accountID)
}

// LatestStatementBalance returns the latest end-of-day balance a
// statement gave for a day on or before on; ok is false when none has.
func (t *Tx) LatestStatementBalance(accountID int64, on civil.Date) (d budget.DayBalance, ok bool, err error) {
	var date string
	err = t.tx.QueryRow("SELECT date, balance_pence FROM statement_balances WHERE account_id = ? AND date <= ? ORDER BY date DESC LIMIT 1",
		accountID, on.String()).Scan(&date, &d.Balance)
	if errors.Is(err, sql.ErrNoRows) {
		return budget.DayBalance{}, false, nil
	}
	if err != nil {
		return budget.DayBalance{}, false, err
	}
	d.Date, err = civil.Parse(date)
	return d, err == nil, err
}
