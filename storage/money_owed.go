package storage

import (
	"patoolkit/budget"
)

const owedCols = "id, kind, payee, amount_pence, raised, due, settled"

func scanOwed(r rowScanner, extra ...any) (budget.Owed, error) {
	var o budget.Owed
	var kind string
	var settled int
	err := r.Scan(append([]any{&o.ID, &kind, &o.Payee, &o.Amount, dateScan{&o.Raised}, dateScan{&o.Due}, &settled}, extra...)...)
	o.Kind = budget.OwedKind(kind)
	o.Settled = settled == 1
	return o, err
}

// OwedItems returns all of an account's owed items, settled or not, by
// due date.
func (t *Tx) OwedItems(accountID int64) ([]budget.Owed, error) {
	return queryAll(t, func(r rowScanner) (budget.Owed, error) { return scanOwed(r) },
		"SELECT "+owedCols+" FROM owed WHERE account_id = ? ORDER BY due, id", accountID)
}

// OwedItem returns one owed item and its account.
func (t *Tx) OwedItem(id int64) (budget.Owed, int64, error) {
	var accountID int64
	o, err := scanOwed(t.tx.QueryRow("SELECT "+owedCols+", account_id FROM owed WHERE id = ?", id), &accountID)
	return o, accountID, notFound("money owed", err)
}

// InsertOwed stores a new owed item and sets its ID.
func (t *Tx) InsertOwed(accountID int64, o *budget.Owed) error {
	return t.insertID(&o.ID, "INSERT INTO owed (account_id, kind, payee, amount_pence, raised, due, settled) VALUES (?, ?, ?, ?, ?, ?, ?)",
		accountID, string(o.Kind), o.Payee, o.Amount, o.Raised.String(), o.Due.String(), boolInt(o.Settled))
}

// UpdateOwed stores changes to an owed item.
func (t *Tx) UpdateOwed(accountID int64, o budget.Owed) error {
	return t.updateOne("money owed", "UPDATE owed SET kind = ?, payee = ?, amount_pence = ?, raised = ?, due = ?, settled = ? WHERE id = ? AND account_id = ?",
		string(o.Kind), o.Payee, o.Amount, o.Raised.String(), o.Due.String(), boolInt(o.Settled), o.ID, accountID)
}
