package storage

import (
	"patoolkit/civil"
)

// Return is a council return produced for a budget and period, with its
// files as they were made.
type Return struct {
	ID        int64      `json:"-"`
	AccountID int64      `json:"-"`
	From      civil.Date `json:"from"`
	To        civil.Date `json:"to"`
	Produced  civil.Date `json:"produced"`
	Sent      civil.Date `json:"sent"` // zero: not sent yet
	PDF       []byte     `json:"-"`
	HTML      []byte     `json:"-"`
	CSV       []byte     `json:"-"`
}

const returnCols = "id, account_id, from_date, to_date, produced_on, sent_on"

func scanReturn(r rowScanner, files bool) (Return, error) {
	var x Return
	dest := []any{&x.ID, &x.AccountID, dateScan{&x.From}, dateScan{&x.To}, dateScan{&x.Produced}, dateScan{&x.Sent}}
	if files {
		dest = append(dest, &x.PDF, &x.HTML, &x.CSV)
	}
	return x, r.Scan(dest...)
}

// Returns lists a budget's returns, newest period first, without their
// files.
func (t *Tx) Returns(accountID int64) ([]Return, error) {
	return queryAll(t, func(r rowScanner) (Return, error) { return scanReturn(r, false) },
		"SELECT "+returnCols+" FROM returns WHERE account_id = ? ORDER BY to_date DESC, from_date DESC", accountID)
}

// ReturnFor returns the return for exactly this period, with its files.
func (t *Tx) ReturnFor(accountID int64, from, to civil.Date) (Return, error) {
	x, err := scanReturn(t.tx.QueryRow("SELECT "+returnCols+", pdf, html, csv FROM returns WHERE account_id = ? AND from_date = ? AND to_date = ?",
		accountID, from.String(), to.String()), true)
	return x, notFound("return", err)
}

// SaveReturn stores a return produced for a period, replacing one not yet
// sent for the same period, and sets its ID.
func (t *Tx) SaveReturn(x *Return) error {
	if _, err := t.exec("DELETE FROM returns WHERE account_id = ? AND from_date = ? AND to_date = ? AND sent_on = ''",
		x.AccountID, x.From.String(), x.To.String()); err != nil {
		return err
	}
	return t.insertID(&x.ID, "INSERT INTO returns (account_id, from_date, to_date, produced_on, sent_on, pdf, html, csv) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		x.AccountID, x.From.String(), x.To.String(), x.Produced.String(), x.Sent.String(), x.PDF, x.HTML, x.CSV)
}

// MarkReturnSent records the day a return was sent to the council.
func (t *Tx) MarkReturnSent(id int64, on civil.Date) error {
	return t.updateOne("return", "UPDATE returns SET sent_on = ? WHERE id = ?", on.String(), id)
}

// SentReturnCovering returns the sent return whose period holds day, if
// any (ok false when none).
func (t *Tx) SentReturnCovering(accountID int64, day civil.Date) (x Return, ok bool, err error) {
	rows, err := queryAll(t, func(r rowScanner) (Return, error) { return scanReturn(r, false) },
		"SELECT "+returnCols+" FROM returns WHERE account_id = ? AND sent_on != '' AND from_date <= ? AND to_date >= ? ORDER BY to_date DESC LIMIT 1",
		accountID, day.String(), day.String())
	if err != nil || len(rows) == 0 {
		return Return{}, false, err
	}
	return rows[0], true, nil
}

// ReturnByID returns a return without its files.
func (t *Tx) ReturnByID(id int64) (Return, error) {
	x, err := scanReturn(t.tx.QueryRow("SELECT "+returnCols+" FROM returns WHERE id = ?", id), false)
	return x, notFound("return", err)
}
