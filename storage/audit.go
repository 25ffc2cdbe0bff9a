package storage

import (
	"time"
)

// AuditEntry is one recorded change.
type AuditEntry struct {
	ID        int64
	At        time.Time
	AccountID int64 // 0 when the change belongs to no account
	Action    string
	Detail    string
}

// Audit records a change. at is when it happened (the service passes the clock).
func (t *Tx) Audit(at time.Time, accountID int64, action, detail string) error {
	var acc any
	if accountID != 0 {
		acc = accountID
	}
	_, err := t.exec("INSERT INTO audit_log (at, account_id, action, detail) VALUES (?, ?, ?, ?)",
		at.UTC().Format(time.RFC3339), acc, action, detail)
	return err
}

// AuditLog returns an account's recorded changes, oldest first (0: all).
func (t *Tx) AuditLog(accountID int64) ([]AuditEntry, error) {
	q := "SELECT id, at, coalesce(account_id, 0), action, detail FROM audit_log"
	var args []any
	if accountID != 0 {
		q += " WHERE account_id = ?"
		args = append(args, accountID)
	}
	return queryAll(t, func(r rowScanner) (AuditEntry, error) {
		var e AuditEntry
		var at string
		if err := r.Scan(&e.ID, &at, &e.AccountID, &e.Action, &e.Detail); err != nil {
			return e, err
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		return e, nil
	}, q+" ORDER BY id", args...)
}
