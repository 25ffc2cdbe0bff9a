package storage

import (
	"patoolkit/civil"
)

// Receipt is a receipt or invoice kept for a ledger line: an image (PNG,
// JPEG) or a PDF, stored inside the data file.
type Receipt struct {
	ID            int64      `json:"id"`
	TransactionID int64      `json:"transaction_id"`
	FileName      string     `json:"file_name"`
	MediaType     string     `json:"media_type"`
	Size          int64      `json:"size"`
	Added         civil.Date `json:"added"`
}

const receiptCols = "id, transaction_id, file_name, media_type, size, added"

func scanReceipt(r rowScanner, extra ...any) (Receipt, error) {
	var rc Receipt
	err := r.Scan(append([]any{&rc.ID, &rc.TransactionID, &rc.FileName, &rc.MediaType, &rc.Size, dateScan{&rc.Added}}, extra...)...)
	return rc, err
}

// Receipts returns a ledger line's receipts (without their bytes), in the
// order added.
func (t *Tx) Receipts(transactionID int64) ([]Receipt, error) {
	return queryAll(t, func(r rowScanner) (Receipt, error) { return scanReceipt(r) },
		"SELECT "+receiptCols+" FROM receipts WHERE transaction_id = ? ORDER BY id", transactionID)
}

// Receipt returns one receipt, its bytes and the account it belongs to.
func (t *Tx) Receipt(id int64) (Receipt, []byte, int64, error) {
	var data []byte
	var accountID int64
	rc, err := scanReceipt(t.tx.QueryRow("SELECT r.id, r.transaction_id, r.file_name, r.media_type, r.size, r.added, r.bytes, l.account_id "+
		"FROM receipts r JOIN ledger l ON l.id = r.transaction_id WHERE r.id = ?", id), &data, &accountID)
	return rc, data, accountID, notFound("receipt", err)
}

// InsertReceipt stores a receipt's details and bytes and sets its ID.
func (t *Tx) InsertReceipt(rc *Receipt, data []byte) error {
	rc.Size = int64(len(data))
	return t.insertID(&rc.ID, "INSERT INTO receipts (transaction_id, file_name, media_type, size, bytes, added) VALUES (?, ?, ?, ?, ?, ?)",
		rc.TransactionID, rc.FileName, rc.MediaType, rc.Size, data, rc.Added.String())
}

// DeleteReceipt removes a receipt.
func (t *Tx) DeleteReceipt(id int64) error {
	return t.updateOne("receipt", "DELETE FROM receipts WHERE id = ?", id)
}
