// Package storage keeps the toolkit's records in one SQLite file: embedded
// migrations, a lock so that only one copy of the app uses a file at once,
// integrity checks, backups and restores, and one file per aggregate.
package storage

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID marks a SQLite file as a PA Employer Toolkit file ("PAET").
const ApplicationID = 0x50414554

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationFS is where migrations are read from; tests swap it.
var migrationFS fs.FS = migrationFiles

// Errors a caller can tell apart with errors.Is.
var (
	ErrNotFound     = errors.New("not found")
	ErrInUse        = errors.New("the data file is open in another copy of the toolkit")
	ErrNotToolkit   = errors.New("not a PA Employer Toolkit data file")
	ErrDamaged      = errors.New("the data file is damaged")
	ErrNewerVersion = errors.New("the data file was written by a newer version of the toolkit")
)

// DB is an open data file. It holds one connection, which does all reads
// and writes, and an exclusive lock on the file for as long as it is open.
type DB struct {
	path string
	sql  *sql.DB
	lock *fileLock
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", e.Name())
		}
		b, err := fs.ReadFile(migrationFS, "migrations/"+e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations must be numbered 1, 2, 3...: %s is out of order", m.name)
		}
	}
	return out, nil
}

// LatestVersion is the schema version this build writes.
func LatestVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

func dsn(path string) string {
	return path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)" +
		"&_pragma=synchronous(FULL)&_txlock=immediate&_time_format=sqlite"
}

var sqliteHeader = []byte("SQLite format 3\x00")

// sniff reports whether path is missing or empty (a new file), and refuses
// a file that is not SQLite at all.
func sniff(path string) (isNew bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return false, err
	}
	if st.IsDir() {
		return false, fmt.Errorf("%w: %s is a folder", ErrNotToolkit, path)
	}
	if st.Size() == 0 {
		return true, nil
	}
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return false, fmt.Errorf("%w: %s is not a database file", ErrNotToolkit, path)
	}
	return false, nil
}

// Open opens the data file at path, creating it (mode 0600) when it does
// not exist, and brings its schema up to date. A copy of the file is kept
// before any migration. It refuses, and leaves untouched, a file that is
// not a toolkit file, is damaged, was written by a newer version, or is
// open in another copy of the toolkit.
func Open(path string) (*DB, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("the data file's name %q has a ? or #: choose a name without them", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(filepath.Dir(abs)); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("the folder %s does not exist", filepath.Dir(abs))
	}
	lock, err := lockFile(abs + ".lock")
	if err != nil {
		return nil, err
	}
	db, err := open(abs, lock)
	if err != nil {
		lock.release()
		return nil, err
	}
	return db, nil
}

func open(path string, lock *fileLock) (*DB, error) {
	isNew, err := sniff(path)
	if err != nil {
		return nil, err
	}
	if isNew {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("creating the data file: %w", err)
		}
		f.Close()
	}
	sqldb, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, err
	}
	sqldb.SetMaxOpenConns(1)
	sqldb.SetMaxIdleConns(1)
	sqldb.SetConnMaxLifetime(0)
	db := &DB{path: path, sql: sqldb, lock: lock}
	if err := db.prepare(isNew); err != nil {
		sqldb.Close()
		return nil, err
	}
	return db, nil
}

// prepare checks the file is sound and ours, then migrates it.
func (db *DB) prepare(isNew bool) error {
	ctx := context.Background()
	if err := db.sql.PingContext(ctx); err != nil {
		return classify(err)
	}
	if !isNew {
		if msg, err := db.quickCheck(); err != nil {
			return classify(err)
		} else if msg != "" {
			return fmt.Errorf("%w: %s", ErrDamaged, msg)
		}
	}
	var appID int64
	if err := db.sql.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return classify(err)
	}
	var tables int
	if err := db.sql.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").Scan(&tables); err != nil {
		return classify(err)
	}
	if appID != ApplicationID && (appID != 0 || tables > 0) {
		return fmt.Errorf("%w: %s holds another program's data", ErrNotToolkit, db.path)
	}
	return db.migrate()
}

func (db *DB) quickCheck() (string, error) {
	rows, err := db.sql.Query("PRAGMA quick_check")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		if s != "ok" {
			msgs = append(msgs, s)
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return strings.Join(msgs, "; "), nil
}

// classify turns SQLite's "not a database" and corruption errors into the
// errors a person can act on.
func classify(err error) error {
	s := err.Error()
	switch {
	case strings.Contains(s, "file is not a database"), strings.Contains(s, "(26)"):
		return fmt.Errorf("%w (%v)", ErrNotToolkit, err)
	case strings.Contains(s, "malformed"), strings.Contains(s, "(11)"), strings.Contains(s, "corrupt"):
		return fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	return err
}

// Version returns the schema version recorded in the file.
func (db *DB) Version() (int, error) {
	return schemaVersion(db.sql)
}

func schemaVersion(q interface {
	QueryRow(string, ...any) *sql.Row
}) (int, error) {
	var exists int
	if err := q.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").Scan(&exists); err != nil {
		return 0, classify(err)
	}
	if exists == 0 {
		return 0, nil
	}
	var v sql.NullInt64
	if err := q.QueryRow("SELECT max(version) FROM schema_migrations").Scan(&v); err != nil {
		return 0, classify(err)
	}
	return int(v.Int64), nil
}

func (db *DB) migrate() error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	current, err := db.Version()
	if err != nil {
		return err
	}
	if current > len(ms) {
		return fmt.Errorf("%w: the file is at version %d and this copy of the toolkit knows up to version %d", ErrNewerVersion, current, len(ms))
	}
	if current == len(ms) {
		return nil
	}
	if current > 0 {
		if _, err := db.backupBeforeMigration(current); err != nil {
			return fmt.Errorf("keeping a copy before updating the data file: %w", err)
		}
	}
	if _, err := db.sql.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (datetime('now'))) STRICT`); err != nil {
		return err
	}
	for _, m := range ms[current:] {
		tx, err := db.sql.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.Exec("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", m.version, m.name); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
			tx.Rollback()
			return err
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// backupBeforeMigration keeps a consistent copy of the file beside it,
// named after the version it holds, and returns the copy's path.
func (db *DB) backupBeforeMigration(version int) (string, error) {
	base := fmt.Sprintf("%s.before-update-from-v%d", db.path, version)
	out := base + ".db"
	for i := 2; fileExists(out); i++ {
		out = fmt.Sprintf("%s-%d.db", base, i)
	}
	return out, db.BackupTo(out)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Path returns the data file's path.
func (db *DB) Path() string { return db.path }

// Close closes the file and releases its lock.
func (db *DB) Close() error {
	if db == nil || db.sql == nil {
		return nil
	}
	// Fold the write-ahead log into the file so a copy of the one file is whole.
	db.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	err := db.sql.Close()
	db.sql = nil
	db.lock.release()
	return err
}

// BackupTo writes a consistent copy of the whole file to out (mode 0600).
// out must not exist yet.
func (db *DB) BackupTo(out string) error {
	if fileExists(out) {
		return fmt.Errorf("%s already exists: choose a new name for the backup", out)
	}
	if strings.ContainsRune(out, '\x00') {
		return fmt.Errorf("bad file name")
	}
	if _, err := db.sql.Exec("VACUUM INTO ?", out); err != nil {
		os.Remove(out)
		return fmt.Errorf("writing the backup: %w", err)
	}
	return os.Chmod(out, 0o600)
}

// Problem is one thing Check found wrong.
type Problem string

// Check runs SQLite's integrity and foreign-key checks and confirms the
// schema version. It returns nothing when all is well.
func (db *DB) Check() ([]Problem, error) {
	var out []Problem
	rows, err := db.sql.Query("PRAGMA integrity_check")
	if err != nil {
		return nil, classify(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		if s != "ok" {
			out = append(out, Problem("integrity: "+s))
		}
	}
	rows.Close()
	rows, err = db.sql.Query("PRAGMA foreign_key_check")
	if err != nil {
		return nil, classify(err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int64
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, Problem(fmt.Sprintf("foreign key: row %d of %s points to a missing %s", rowid.Int64, table, parent)))
	}
	rows.Close()
	v, err := db.Version()
	if err != nil {
		return nil, err
	}
	if v != LatestVersion() {
		out = append(out, Problem(fmt.Sprintf("schema: version %d, expected %d", v, LatestVersion())))
	}
	return out, nil
}

// CheckFile opens a file that is not in use, read-only, and checks that it
// is a sound toolkit file this version can read. It is used on a backup
// before restoring it.
func CheckFile(path string) error {
	if _, err := sniff(path); err != nil {
		return err
	}
	if !fileExists(path) {
		return fmt.Errorf("%s does not exist", path)
	}
	sqldb, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer sqldb.Close()
	sqldb.SetMaxOpenConns(1)
	var appID int64
	if err := sqldb.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return classify(err)
	}
	if appID != ApplicationID {
		return fmt.Errorf("%w: %s", ErrNotToolkit, path)
	}
	var res string
	if err := sqldb.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return classify(err)
	}
	if res != "ok" {
		return fmt.Errorf("%w: %s", ErrDamaged, res)
	}
	v, err := schemaVersion(sqldb)
	if err != nil {
		return err
	}
	if v > LatestVersion() {
		return fmt.Errorf("%w: version %d", ErrNewerVersion, v)
	}
	return nil
}

// Restore replaces the data file at path with the backup at from, after
// checking the backup. The current file is kept aside, and its new name is
// returned ("" when there was no current file). Restore takes the file's
// lock, so it refuses while the app has the file open.
func Restore(path, from string) (keptAside string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	fromAbs, err := filepath.Abs(from)
	if err != nil {
		return "", err
	}
	if abs == fromAbs {
		return "", fmt.Errorf("the backup and the data file are the same file")
	}
	if err := CheckFile(fromAbs); err != nil {
		return "", err
	}
	lock, err := lockFile(abs + ".lock")
	if err != nil {
		return "", err
	}
	defer lock.release()
	if fileExists(abs) {
		// Fold any write-ahead log into the current file before moving it.
		if isNew, err := sniff(abs); err == nil && !isNew {
			if cur, err := sql.Open("sqlite", dsn(abs)); err == nil {
				cur.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
				cur.Close()
			}
		}
		keptAside = abs + ".before-restore.db"
		for i := 2; fileExists(keptAside); i++ {
			keptAside = fmt.Sprintf("%s.before-restore-%d.db", abs, i)
		}
		if err := os.Rename(abs, keptAside); err != nil {
			return "", fmt.Errorf("keeping the current file aside: %w", err)
		}
	}
	os.Remove(abs + "-wal")
	os.Remove(abs + "-shm")
	if err := copyFile(fromAbs, abs); err != nil {
		if keptAside != "" {
			os.Remove(abs)
			os.Rename(keptAside, abs)
		}
		return "", fmt.Errorf("copying the backup: %w", err)
	}
	return keptAside, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
