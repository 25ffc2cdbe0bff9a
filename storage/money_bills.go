package storage

import (
	"patoolkit/budget"
	"patoolkit/household"
)

// Bill is a known payment out in the future.
type Bill struct {
	ID        int64 `json:"id"`
	AccountID int64 `json:"account_id"`
	budget.Bill
}

const billCols = "id, account_id, payee, amount_pence, date, repeat_every, until_date"

func scanBill(r rowScanner) (Bill, error) {
	var b Bill
	var repeat string
	err := r.Scan(&b.ID, &b.AccountID, &b.Payee, &b.Amount, dateScan{&b.Date}, &repeat, dateScan{&b.Until})
	b.Repeat = household.Frequency(repeat)
	return b, err
}

// Bills returns an account's known bills, by date.
func (t *Tx) Bills(accountID int64) ([]Bill, error) {
	return queryAll(t, scanBill, "SELECT "+billCols+" FROM bills WHERE account_id = ? ORDER BY date, id", accountID)
}

// BillByID returns one bill.
func (t *Tx) BillByID(id int64) (Bill, error) {
	b, err := scanBill(t.tx.QueryRow("SELECT "+billCols+" FROM bills WHERE id = ?", id))
	return b, notFound("bill", err)
}

// InsertBill stores a new bill and sets its ID.
func (t *Tx) InsertBill(b *Bill) error {
	return t.insertID(&b.ID, "INSERT INTO bills (account_id, payee, amount_pence, date, repeat_every, until_date) VALUES (?, ?, ?, ?, ?, ?)",
		b.AccountID, b.Payee, b.Amount, b.Date.String(), string(b.Repeat), b.Until.String())
}

// UpdateBill stores a change to a bill.
func (t *Tx) UpdateBill(b Bill) error {
	return t.updateOne("bill", "UPDATE bills SET payee = ?, amount_pence = ?, date = ?, repeat_every = ?, until_date = ? WHERE id = ? AND account_id = ?",
		b.Payee, b.Amount, b.Date.String(), string(b.Repeat), b.Until.String(), b.ID, b.AccountID)
}

// DeleteBill removes a bill.
func (t *Tx) DeleteBill(id int64) error {
	return t.updateOne("bill", "DELETE FROM bills WHERE id = ?", id)
}
