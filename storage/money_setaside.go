package storage

import (
	"patoolkit/money"
)

// SetAside is money held for a named purpose.
type SetAside struct {
	ID        int64       `json:"id"`
	AccountID int64       `json:"account_id"`
	Purpose   string      `json:"purpose"`
	Amount    money.Money `json:"amount"`
}

// SetAsides returns an account's money set aside, in the order added.
func (t *Tx) SetAsides(accountID int64) ([]SetAside, error) {
	return queryAll(t, func(r rowScanner) (SetAside, error) {
		var s SetAside
		err := r.Scan(&s.ID, &s.AccountID, &s.Purpose, &s.Amount)
		return s, err
	}, "SELECT id, account_id, purpose, amount_pence FROM set_asides WHERE account_id = ? ORDER BY id", accountID)
}

// SetAsideByID returns one amount set aside.
func (t *Tx) SetAsideByID(id int64) (SetAside, error) {
	var s SetAside
	err := t.tx.QueryRow("SELECT id, account_id, purpose, amount_pence FROM set_asides WHERE id = ?", id).
		Scan(&s.ID, &s.AccountID, &s.Purpose, &s.Amount)
	return s, notFound("money set aside", err)
}

// InsertSetAside stores a new amount set aside and sets its ID.
func (t *Tx) InsertSetAside(s *SetAside) error {
	return t.insertID(&s.ID, "INSERT INTO set_asides (account_id, purpose, amount_pence) VALUES (?, ?, ?)", s.AccountID, s.Purpose, s.Amount)
}

// UpdateSetAside stores a change to an amount set aside.
func (t *Tx) UpdateSetAside(s SetAside) error {
	return t.updateOne("money set aside", "UPDATE set_asides SET purpose = ?, amount_pence = ? WHERE id = ? AND account_id = ?",
		s.Purpose, s.Amount, s.ID, s.AccountID)
}

// DeleteSetAside removes an amount set aside.
func (t *Tx) DeleteSetAside(id int64) error {
	return t.updateOne("money set aside", "DELETE FROM set_asides WHERE id = ?", id)
}
