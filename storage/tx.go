package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"patoolkit/civil"
)

// Tx is one transaction. The aggregate files add methods to it, so a job in
// the service layer composes them inside one transaction.
type Tx struct {
	tx *sql.Tx
}

// Update runs fn in a write transaction: all of it is stored, or none.
// Once a check has found the file damaged, nothing more is written.
func (db *DB) Update(ctx context.Context, fn func(*Tx) error) error {
	if err := db.checkBeforeWriting(); err != nil {
		return err
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	if err := fn(&Tx{tx: tx}); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return classify(err)
	}
	return nil
}

// View runs fn in a transaction that is always rolled back.
func (db *DB) View(ctx context.Context, fn func(*Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback()
	return fn(&Tx{tx: tx})
}

func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	return t.tx.Exec(query, args...)
}

// insert runs an INSERT and returns the new row's id.
func (t *Tx) insert(query string, args ...any) (int64, error) {
	res, err := t.tx.Exec(query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// updateOne runs an UPDATE that must change exactly one row.
func (t *Tx) updateOne(what string, query string, args ...any) error {
	res, err := t.tx.Exec(query, args...)
	if err != nil {
		return fmt.Errorf("updating %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}

// notFound maps sql.ErrNoRows to ErrNotFound.
func notFound(what string, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return err
}

// dateScan scans a TEXT date column (” when unset) into a civil.Date.
type dateScan struct{ d *civil.Date }

func (s dateScan) Scan(v any) error {
	var str string
	switch x := v.(type) {
	case nil:
	case string:
		str = x
	case []byte:
		str = string(x)
	default:
		return fmt.Errorf("date column holds %T", v)
	}
	d, err := civil.ParseOptional(str)
	if err != nil {
		return err
	}
	*s.d = d
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// scanAll runs query and calls scan for each row.
func scanAll(t *Tx, scan func(*sql.Rows) error, query string, args ...any) error {
	rows, err := t.tx.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// queryAll runs query and returns one value per row, as scan reads it.
func queryAll[T any](t *Tx, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	var out []T
	err := scanAll(t, func(r *sql.Rows) error {
		v, err := scan(r)
		if err != nil {
			return err
		}
		out = append(out, v)
		return nil
	}, query, args...)
	return out, err
}

// insertID runs an INSERT and, when it succeeds, sets *id to the new row's id.
func (t *Tx) insertID(id *int64, query string, args ...any) error {
	n, err := t.insert(query, args...)
	if err == nil {
		*id = n
	}
	return err
}

// filled returns out once fill has run on each of its elements, or nil and
// the first error (err, when the query that made out failed).
func filled[T any](out []T, err error, fill func(*T) error) ([]T, error) {
	for i := 0; err == nil && i < len(out); i++ {
		err = fill(&out[i])
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}
