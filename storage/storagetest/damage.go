// Package storagetest damages data files on purpose, for the tests of
// every layer that must notice: a file the toolkit never writes this way.
package storagetest

import (
	"database/sql"
	"fmt"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// DamageIndex damages the data file at path (closed) the way a bad disk
// or a copy cut short can: an index no longer matches its table. SQLite's
// quick check, run on every open, does not see it; the full check does.
func DamageIndex(path string) error {
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	for _, q := range []string{
		"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = 'CREATE INDEX pas_account ON pas(name)' WHERE name = 'pas_account'",
		"PRAGMA writable_schema = OFF",
	} {
		if _, err := raw.Exec(q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}
