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
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"patoolkit/field"
	"patoolkit/outfile"

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
	lock *dataLock
	// checking is held while the full check runs; checked says it has run
	// since the file was opened, and damaged that it found problems.
	checking sync.Mutex
	checked  atomic.Bool
	damaged  atomic.Bool
	closed   bool // under checking
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
	// Numbers need not be contiguous (two branches may each add one at
	// once), but each is used once, from 1 up.
	for i, m := range out {
		if m.version < 1 || (i > 0 && m.version == out[i-1].version) {
			return nil, fmt.Errorf("migrations must be numbered 1, 2, 3..., each number once: %s repeats or is not above 0", m.name)
		}
	}
	return out, nil
}

// LatestVersion is the schema version this build writes: the highest
// migration number.
func LatestVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
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

// Companions returns the data file at path and the files beside it that
// belong to it: its lock, SQLite's write-ahead log and shared memory, and
// its rollback journal. Nothing the toolkit writes for a person may be one
// of them.
func Companions(path string) []string {
	return []string{path, path + ".lock", path + "-wal", path + "-shm", path + "-journal"}
}

// Open opens the data file at path, creating it (mode 0600) when it does
// not exist, and brings its schema up to date. A copy of the file is kept
// before any migration. It refuses, and leaves untouched, a file that is
// not a toolkit file, is damaged, was written by a newer version, or is
// open in another copy of the toolkit; nothing is created when it refuses.
//
// A symlink is followed, and the lock is taken on the real file, so no
// other name for the same file (a symlink or, on Unix, a hard link) can
// open it at the same time. A new file is made under a temporary name and
// takes its real name only once its first migration has committed, so a
// half-made file never has the real name.
func Open(path string) (*DB, error) {
	real, err := dataPath(path)
	if err != nil {
		return nil, err
	}
	// Refuse what is plainly not ours before making the lock file.
	if _, err := sniff(real); err != nil {
		return nil, err
	}
	lock, err := lockData(real)
	if err != nil {
		return nil, err
	}
	db, err := open(real, lock)
	if err != nil {
		lock.release()
		return nil, err
	}
	return db, nil
}

// CheckDataPath says whether path can be a data file, creating nothing:
// its folder exists, and it is a regular file or a new name.
func CheckDataPath(path string) error {
	_, err := dataPath(path)
	return err
}

// dataPath checks the data file's name and returns its real path: where
// it is, or where it will be made. It creates nothing.
func dataPath(path string) (string, error) {
	if strings.TrimSpace(path) == "" || strings.ContainsRune(path, 0) {
		return "", fmt.Errorf("%w: no file name given", ErrNotAFile)
	}
	if strings.ContainsAny(path, "?#") {
		return "", field.New("data", "The data file's name %q has a ? or #: choose a name without them.", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(filepath.Dir(abs)); err != nil || !st.IsDir() {
		return "", field.New("data", "The folder %s does not exist.", filepath.Dir(abs))
	}
	if _, err := os.Lstat(abs); err == nil {
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return "", fmt.Errorf("%w: %s is a link to a file that is not there", ErrNotAFile, path)
		}
		st, err := os.Stat(real)
		if err != nil {
			return "", err
		}
		if !st.Mode().IsRegular() {
			return "", fmt.Errorf("%w: %s is a folder, a device or another special file", ErrNotAFile, path)
		}
		return real, nil
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return "", err
	}
	real := filepath.Join(dir, filepath.Base(abs))
	if aside := restoreLeftOver(real); aside != "" {
		return "", &InterruptedRestoreError{Path: real, Aside: aside}
	}
	return real, nil
}

// ErrNotAFile: the data file's name is a folder, a device or a pipe.
var ErrNotAFile = errors.New("not a file")

// InterruptedRestoreError: the data file is missing and a file kept aside
// by a restore is there. An earlier version's restore stopped between
// moving the file aside and copying the backup in. Nothing is made, so the
// person's records are not hidden behind a new empty file.
type InterruptedRestoreError struct {
	Path, Aside string
}

func (e *InterruptedRestoreError) Error() string {
	return fmt.Sprintf("%s is missing and %s is there: a restore stopped part way", e.Path, e.Aside)
}

// restoreLeftOver returns a file kept aside by a restore of path, or "".
func restoreLeftOver(path string) string {
	matches, _ := filepath.Glob(globEscape(path) + ".before-restore*.db")
	sort.Strings(matches)
	if len(matches) == 0 {
		return ""
	}
	return matches[len(matches)-1]
}

func globEscape(p string) string {
	r := strings.NewReplacer("*", "[*]", "?", "[?]", "[", "[[]")
	if filepath.Separator == '\\' {
		return p // backslash is the separator there, and cannot escape
	}
	return r.Replace(p)
}

// lockData takes the data file's locks: a lock file beside its real path
// (which also covers a file not made yet) and, where the system allows, a
// lock on the file itself, which every hard link shares.
func lockData(real string) (*dataLock, error) {
	lf, err := lockFile(real + ".lock")
	if err != nil {
		return nil, err
	}
	l := &dataLock{name: lf}
	if err := l.lockFile(real); err != nil {
		l.release()
		return nil, err
	}
	return l, nil
}

// dataLock is the lock file and the lock on the data file itself.
type dataLock struct {
	name, file *fileLock
}

// lockFile locks the data file itself, once it exists.
func (l *dataLock) lockFile(real string) error {
	if l.file != nil || !fileExists(real) {
		return nil
	}
	f, err := lockSelf(real)
	if err != nil {
		return err
	}
	l.file = f
	return nil
}

func (l *dataLock) release() {
	if l == nil {
		return
	}
	l.file.release()
	l.name.release()
}

func open(path string, lock *dataLock) (*DB, error) {
	// What a kill during an earlier create or restore of this file left
	// (hidden temporary files, maybe as large as a backup); the lock says
	// no one is making them now.
	dir, base := filepath.Split(path)
	removeLeftOvers(dir, "."+base+".new-*")
	removeLeftOvers(dir, "."+base+".restore-*")
	isNew, err := sniff(path)
	if err != nil {
		return nil, err
	}
	if isNew {
		if err := createNew(path); err != nil {
			return nil, err
		}
	}
	if err := lock.lockFile(path); err != nil {
		return nil, err
	}
	tighten(path)
	sqldb, err := openSQL(path)
	if err != nil {
		return nil, err
	}
	db := &DB{path: path, sql: sqldb, lock: lock}
	if err := db.prepare(false); err != nil {
		sqldb.Close()
		return nil, err
	}
	return db, nil
}

func openSQL(path string) (*sql.DB, error) {
	sqldb, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, err
	}
	sqldb.SetMaxOpenConns(1)
	sqldb.SetMaxIdleConns(1)
	sqldb.SetConnMaxLifetime(0)
	return sqldb, nil
}

// createNew makes a new data file at path (which is missing or empty):
// it is built and migrated under a temporary name in the same folder,
// synced, and only then given its name. The caller holds the lock.
func createNew(path string) error {
	dir, base := filepath.Split(path)
	f, err := os.CreateTemp(dir, "."+base+".new-*")
	if err != nil {
		return fmt.Errorf("creating the data file: %w", err)
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		os.Remove(tmp)
		os.Remove(tmp + "-wal")
		os.Remove(tmp + "-shm")
	}()
	sqldb, err := openSQL(tmp)
	if err != nil {
		return err
	}
	nd := &DB{path: tmp, sql: sqldb}
	if err := nd.prepare(true); err != nil {
		sqldb.Close()
		return fmt.Errorf("creating the data file: %w", err)
	}
	nd.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if err := sqldb.Close(); err != nil {
		return fmt.Errorf("creating the data file: %w", err)
	}
	if err := outfile.SyncFile(tmp); err != nil {
		return fmt.Errorf("creating the data file: %w", err)
	}
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		err = os.Rename(tmp, path) // an empty file: there is nothing to lose
		if err != nil {
			return fmt.Errorf("creating the data file: %w", err)
		}
	} else if err := outfile.PlaceNew(tmp, path); err != nil {
		return fmt.Errorf("creating the data file: %w", err)
	}
	outfile.SyncDir(dir)
	return nil
}

// removeLeftOvers removes the temporary files (pattern, in dir) that a
// kill during an earlier create or restore of the data file left. The
// caller holds the data file's lock, so no one else is making them now.
func removeLeftOvers(dir, pattern string) {
	old, _ := filepath.Glob(filepath.Join(dir, globEscape(pattern[:len(pattern)-1])+"*"))
	for _, o := range old {
		os.Remove(o)
	}
}

// tighten makes the data file and its companions private (0600) where
// they are not, as a file copied in from elsewhere may be.
func tighten(path string) {
	if runtime.GOOS == "windows" {
		return // no Unix modes; the folder's own permissions apply
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o077 != 0 {
			os.Chmod(p, st.Mode().Perm()&0o700)
		}
	}
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

// appliedVersions returns the migration numbers recorded in the file.
func appliedVersions(q *sql.DB) (map[int]bool, error) {
	out := map[int]bool{}
	var exists int
	if err := q.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").Scan(&exists); err != nil {
		return nil, classify(err)
	}
	if exists == 0 {
		return out, nil
	}
	rows, err := q.Query("SELECT version FROM schema_migrations")
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
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
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	if current > latest {
		return fmt.Errorf("%w: the file is at version %d and this copy of the toolkit knows up to version %d", ErrNewerVersion, current, latest)
	}
	applied, err := appliedVersions(db.sql)
	if err != nil {
		return err
	}
	var pending []migration
	for _, m := range ms {
		if !applied[m.version] {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
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
	for _, m := range pending {
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
		current = max(current, m.version)
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", current)); err != nil {
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
	return out, db.BackupTo(out, false)
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
	// A check running in the background finishes first; none starts after.
	db.checking.Lock()
	defer db.checking.Unlock()
	db.closed = true
	// Fold the write-ahead log into the file so a copy of the one file is whole.
	db.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	err := db.sql.Close()
	db.sql = nil
	db.lock.release()
	return err
}

// BackupTo writes a consistent copy of the whole file to out, through the
// toolkit's one file writer (outfile): never over the data file or its
// companions, never over an existing file unless replace is set, mode
// 0600, under a temporary name until it is whole. The copy gets the same
// full check as a restore before it takes its name; when it fails, the
// data file itself is damaged, and ErrDamaged is returned with nothing
// written.
func (db *DB) BackupTo(out string, replace bool) error {
	p, err := outfile.Prepare(out, outfile.Options{Replace: replace, Protected: Companions(db.path)})
	if err != nil {
		return err
	}
	defer p.Abort()
	defer os.Remove(p.Temp + "-journal")
	if _, err := db.sql.Exec("VACUUM INTO ?", p.Temp); err != nil {
		return fmt.Errorf("writing the backup: %w", classify(err))
	}
	if err := CheckFile(p.Temp); err != nil {
		if errors.Is(err, ErrDamaged) || errors.Is(err, ErrNotToolkit) {
			return fmt.Errorf("%w: its copy fails the check (%v)", ErrDamaged, err)
		}
		return fmt.Errorf("checking the backup: %w", err)
	}
	return p.Commit()
}

// Problem is one thing Check found wrong.
type Problem string

// Check runs SQLite's full integrity and foreign-key checks and confirms
// the schema version. It returns nothing when all is well. It reads
// through a connection of its own, so the window can run it in the
// background while the person works. When it finds the file damaged, the
// file is marked so: every later write is refused with ErrDamaged, so
// nothing more is written to a file that may lose it. The first write
// after opening waits for a check, running one if none has run (see
// Update): SQLite's quick check on opening does not look inside indexes.
func (db *DB) Check() ([]Problem, error) {
	db.checking.Lock()
	defer db.checking.Unlock()
	return db.check()
}

// checkBeforeWriting runs the full check unless one has run since opening,
// and says whether the file may be written.
func (db *DB) checkBeforeWriting() error {
	if !db.checked.Load() {
		db.checking.Lock()
		var err error
		if !db.checked.Load() {
			_, err = db.check()
		}
		db.checking.Unlock()
		if err != nil {
			return err
		}
	}
	if db.damaged.Load() {
		return fmt.Errorf("%w: a check found problems, so nothing more is written to it", ErrDamaged)
	}
	return nil
}

func (db *DB) check() ([]Problem, error) {
	if db.closed {
		return nil, errors.New("the data file is closed")
	}
	ro, err := sql.Open("sqlite", "file:"+db.path+"?mode=ro&_pragma=query_only(1)&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, err
	}
	defer ro.Close()
	ro.SetMaxOpenConns(1)
	out, err := checkAll(ro)
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			db.damaged.Store(true)
			db.checked.Store(true)
		}
		return nil, err
	}
	for _, p := range out {
		if !strings.HasPrefix(string(p), "schema:") {
			db.damaged.Store(true)
		}
	}
	db.checked.Store(true)
	return out, nil
}

// Damaged reports whether a check has found the file damaged.
func (db *DB) Damaged() bool { return db.damaged.Load() }

// checkAll is the full check: integrity, foreign keys and the version.
func checkAll(q *sql.DB) ([]Problem, error) {
	var out []Problem
	rows, err := q.Query("PRAGMA integrity_check")
	if err != nil {
		return nil, classify(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, classify(err)
		}
		if s != "ok" {
			out = append(out, Problem("integrity: "+s))
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, classify(err)
	}
	rows.Close()
	rows, err = q.Query("PRAGMA foreign_key_check")
	if err != nil {
		return nil, classify(err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int64
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return nil, classify(err)
		}
		out = append(out, Problem(fmt.Sprintf("foreign key: row %d of %s points to a missing %s", rowid.Int64, table, parent)))
	}
	rows.Close()
	v, err := schemaVersion(q)
	if err != nil {
		return nil, err
	}
	if v != LatestVersion() {
		out = append(out, Problem(fmt.Sprintf("schema: version %d, expected %d", v, LatestVersion())))
	}
	return out, nil
}

// CheckFile opens a file that is not in use, read-only and as immutable
// (so nothing is made beside it, and only the file itself is read: what a
// restore copies), and gives it the full check: a sound toolkit file this version can read, with no
// integrity or foreign-key problem. It is used on a backup before it is
// restored, and on every backup before it takes its name.
func CheckFile(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%s does not exist", path)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%w: %s is not a regular file", ErrNotAFile, path)
	}
	if isNew, err := sniff(path); err != nil {
		return err
	} else if isNew {
		return fmt.Errorf("%w: %s is empty", ErrNotToolkit, path)
	}
	sqldb, err := sql.Open("sqlite", "file:"+path+"?mode=ro&immutable=1&_pragma=query_only(1)")
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
	v, err := schemaVersion(sqldb)
	if err != nil {
		return err
	}
	if v > LatestVersion() {
		return fmt.Errorf("%w: version %d", ErrNewerVersion, v)
	}
	problems, err := checkAll(sqldb)
	if err != nil {
		return err
	}
	for _, p := range problems {
		if strings.HasPrefix(string(p), "schema:") {
			continue // an older version is brought up to date when opened
		}
		return fmt.Errorf("%w: %s", ErrDamaged, p)
	}
	return nil
}

// ErrSameFile: a restore was asked to restore the data file onto itself.
var ErrSameFile = errors.New("the backup and the data file are the same file")

// Restore replaces the data file at path with the backup at from, after
// checking the backup. The current file is kept aside, and its new name is
// returned ("" when there was no current file). Restore takes the file's
// lock, so it refuses while the app has the file open.
//
// At every moment the data file's name holds either the old file or the
// whole restored one: the backup is copied to a temporary file beside the
// data file, synced and checked, the current file is kept aside under a
// second name (a hard link, or a copy where the file system has none), and
// only then does the copy take the data file's name, in one rename.
func Restore(path, from string) (keptAside string, err error) {
	real, err := dataPath(path)
	var ir *InterruptedRestoreError
	if errors.As(err, &ir) {
		real, err = ir.Path, nil // restoring is the way out of that state
	}
	if err != nil {
		return "", err
	}
	fromAbs, err := filepath.Abs(from)
	if err != nil {
		return "", err
	}
	if fromReal, err := filepath.EvalSymlinks(fromAbs); err == nil {
		fromAbs = fromReal
	}
	if fromAbs == real {
		return "", ErrSameFile
	}
	if a, err := os.Stat(fromAbs); err == nil {
		if b, err := os.Stat(real); err == nil && os.SameFile(a, b) {
			return "", ErrSameFile
		}
	}
	if err := CheckFile(fromAbs); err != nil {
		return "", err
	}
	lock, err := lockData(real)
	if err != nil {
		return "", err
	}
	defer lock.release()

	dir, base := filepath.Split(real)
	removeLeftOvers(dir, "."+base+".restore-*") // a killed restore's; we hold the lock
	tmp, err := copyToTemp(fromAbs, dir, "."+base+".restore-*")
	if err != nil {
		return "", fmt.Errorf("copying the backup: %w", err)
	}
	defer os.Remove(tmp)
	if err := CheckFile(tmp); err != nil {
		return "", fmt.Errorf("the copy of the backup fails the check: %w", err)
	}
	if fileExists(real) {
		// Fold any write-ahead log into the current file, so the file kept
		// aside is whole and no old log is left to be read with the new one.
		if cur, err := openSQL(real); err == nil {
			cur.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
			cur.Close()
		}
		keptAside = real + ".before-restore.db"
		for i := 2; fileExists(keptAside); i++ {
			keptAside = fmt.Sprintf("%s.before-restore-%d.db", real, i)
		}
		// A log that could not be folded in (the file may be damaged: the
		// reason to restore) is kept aside with its file, not lost.
		if st, err := os.Stat(real + "-wal"); err == nil && st.Size() > 0 {
			if err := keepAside(real+"-wal", keptAside+"-wal"); err != nil {
				return "", fmt.Errorf("keeping the current file's log aside: %w", err)
			}
		}
		if err := keepAside(real, keptAside); err != nil {
			return "", fmt.Errorf("keeping the current file aside: %w", err)
		}
	}
	os.Remove(real + "-wal")
	os.Remove(real + "-shm")
	if err := os.Rename(tmp, real); err != nil {
		return "", fmt.Errorf("putting the restored file in place: %w", err)
	}
	outfile.SyncDir(dir)
	return keptAside, nil
}

// keepAside gives the file at path a second name, aside: a hard link, so
// the data file keeps its name meanwhile, or a whole copy put in place
// with a rename where hard links are not to be had.
func keepAside(path, aside string) error {
	if err := os.Link(path, aside); err == nil {
		return nil
	}
	tmp, err := copyToTemp(path, filepath.Dir(aside), "."+filepath.Base(aside)+".*")
	if err != nil {
		return err
	}
	if fileExists(aside) {
		os.Remove(tmp)
		return fmt.Errorf("%s already exists", aside)
	}
	if err := os.Rename(tmp, aside); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// copyToTemp copies from to a new temporary file (mode 0600) in dir, named
// by pattern, synced; it returns the temporary file's path.
func copyToTemp(from, dir, pattern string) (string, error) {
	in, err := os.Open(from)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", err
	}
	fail := func(err error) (string, error) {
		out.Close()
		os.Remove(out.Name())
		return "", err
	}
	if _, err := io.Copy(out, in); err != nil {
		return fail(err)
	}
	if err := out.Sync(); err != nil {
		return fail(err)
	}
	if err := out.Close(); err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}
