package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"patoolkit/household"
	"testing"
	"testing/fstest"
)

func openTemp(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data.db")
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// seeded opens a new data file holding one budget account.
func seeded(t *testing.T) (*DB, household.Account) {
	t.Helper()
	db, _ := openTemp(t)
	return db, seed(t, db)
}

// view runs check in a read transaction.
func view(db *DB, check func(*Tx)) {
	db.View(context.Background(), func(tx *Tx) error {
		check(tx)
		return nil
	})
}

// mustUpdate runs the steps in turn in one write transaction and stops the
// test if any fails.
func mustUpdate(t *testing.T, db *DB, steps ...func(*Tx) error) {
	t.Helper()
	err := db.Update(context.Background(), func(tx *Tx) error {
		for _, step := range steps {
			if err := step(tx); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenNewFile(t *testing.T) {
	db, path := openTemp(t)
	v, err := db.Version()
	if err != nil || v != LatestVersion() || v < 1 {
		t.Fatalf("version = %d, %v; want %d", v, err, LatestVersion())
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}
	problems, err := db.Check()
	if err != nil || len(problems) != 0 {
		t.Errorf("Check = %v, %v", problems, err)
	}
	// Reopening an up-to-date file changes nothing and keeps no backup copy.
	db.Close()
	db2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db2.Close()
	matches, _ := filepath.Glob(path + ".before-update*")
	if len(matches) != 0 {
		t.Errorf("a backup was kept with nothing to migrate: %v", matches)
	}
}

func TestSecondOpenRefused(t *testing.T) {
	db, path := openTemp(t)
	_, err := Open(path)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open = %v, want ErrInUse", err)
	}
	db.Close()
	db2, err := Open(path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	db2.Close()
}

func TestRefusesNewerVersion(t *testing.T) {
	db, path := openTemp(t)
	if _, err := db.sql.Exec("INSERT INTO schema_migrations (version, name) VALUES (?, 'from the future')", LatestVersion()+1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	_, err := Open(path)
	if !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("Open = %v, want ErrNewerVersion", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the refused file was changed")
	}
}

func TestRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("shopping list: milk, eggs, bread and more besides"), 0o600)
	if _, err := Open(text); !errors.Is(err, ErrNotToolkit) {
		t.Errorf("text file: %v, want ErrNotToolkit", err)
	}
	if b, _ := os.ReadFile(text); string(b) != "shopping list: milk, eggs, bread and more besides" {
		t.Error("text file was changed")
	}

	// Another program's SQLite file.
	other := filepath.Join(dir, "other.db")
	db, err := Open(other)
	if err != nil {
		t.Fatal(err)
	}
	db.sql.Exec("PRAGMA application_id = 1234")
	db.Close()
	if _, err := Open(other); !errors.Is(err, ErrNotToolkit) {
		t.Errorf("other program's file: %v, want ErrNotToolkit", err)
	}
}

func TestRefusesDamagedFile(t *testing.T) {
	db, path := openTemp(t)
	seed(t, db)
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over the pages after the header page.
	for i := 4096; i < len(b) && i < 4096*3; i++ {
		b[i] = 0xA5
	}
	os.WriteFile(path, b, 0o600)
	_, err = Open(path)
	if err == nil || !(errors.Is(err, ErrDamaged) || errors.Is(err, ErrNotToolkit)) {
		t.Fatalf("damaged file opened: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(b) {
		t.Error("the damaged file was changed")
	}
}

func TestMigrationKeepsCopy(t *testing.T) {
	db, path := openTemp(t)
	seed(t, db)
	db.Close()
	before := LatestVersion()

	// A newer build brings one more migration.
	next := fstest.MapFS{}
	ms, _ := fs.ReadDir(migrationFiles, "migrations")
	for _, m := range ms {
		b, _ := fs.ReadFile(migrationFiles, "migrations/"+m.Name())
		next["migrations/"+m.Name()] = &fstest.MapFile{Data: b}
	}
	next[fmt.Sprintf("migrations/%04d_test.sql", before+1)] = &fstest.MapFile{Data: []byte("CREATE TABLE test_added (id INTEGER PRIMARY KEY);")}
	migrationFS = next
	defer func() { migrationFS = migrationFiles }()

	db2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := db2.Version()
	if v != before+1 {
		t.Errorf("version after migrating = %d, want %d", v, before+1)
	}
	db2.Close()
	matches, _ := filepath.Glob(path + ".before-update-from-v*")
	if len(matches) != 1 || filepath.Base(matches[0]) != fmt.Sprintf("data.db.before-update-from-v%d.db", before) {
		t.Fatalf("copies kept: %v", matches)
	}
	// The copy is the old version, whole, with its data.
	migrationFS = migrationFiles
	if err := CheckFile(matches[0]); err != nil {
		t.Errorf("the copy is not sound: %v", err)
	}
	old, err := Open(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if v, _ := old.Version(); v != before {
		t.Errorf("copy version = %d", v)
	}
	old.View(context.Background(), func(tx *Tx) error {
		if a, _ := tx.Accounts(); len(a) != 1 {
			t.Errorf("copy lost its data: %+v", a)
		}
		return nil
	})

	// A migration that fails leaves the file at its old version.
	bad := fstest.MapFS{}
	for k, v := range next {
		bad[k] = v
	}
	bad[fmt.Sprintf("migrations/%04d_bad.sql", before+2)] = &fstest.MapFile{Data: []byte("CREATE TABLE broken (;")}
	migrationFS = bad
	if _, err := Open(path); err == nil {
		t.Fatal("a broken migration opened the file")
	}
	migrationFS = next
	db3, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := db3.Version(); v != before+1 {
		t.Errorf("version after a failed migration = %d", v)
	}
	db3.Close()
}

func TestBackupAndRestore(t *testing.T) {
	db, path := openTemp(t)
	seed(t, db)
	out := filepath.Join(t.TempDir(), "backup.db")
	if err := db.BackupTo(out, false); err != nil {
		t.Fatal(err)
	}
	if err := db.BackupTo(out, false); err == nil {
		t.Error("backup over an existing file was allowed")
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", st.Mode().Perm())
	}
	if err := CheckFile(out); err != nil {
		t.Fatalf("CheckFile(backup) = %v", err)
	}
	// While the file is open, restore is refused.
	if _, err := Restore(path, out); !errors.Is(err, ErrInUse) {
		t.Fatalf("restore while open = %v", err)
	}
	// Change the live file, close it, restore the backup: the change is gone.
	db.Update(context.Background(), func(tx *Tx) error {
		_, err := tx.exec("UPDATE accounts SET name = 'Changed'")
		return err
	})
	db.Close()
	aside, err := Restore(path, out)
	if err != nil {
		t.Fatal(err)
	}
	if CheckFile(aside) != nil {
		t.Error("the file kept aside is not sound")
	}
	db2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	db2.View(context.Background(), func(tx *Tx) error {
		accs, err := tx.Accounts()
		if err != nil || len(accs) != 1 || accs[0].Name != "Tom's care" {
			t.Errorf("after restore: %+v %v", accs, err)
		}
		return nil
	})
}

func TestRestoreRefusesBadBackup(t *testing.T) {
	db, path := openTemp(t)
	seed(t, db)
	db.Close()
	before, _ := os.ReadFile(path)
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("this is not a backup at all, just some words"), 0o600)
	if _, err := Restore(path, bad); err == nil {
		t.Fatal("a bad backup was restored")
	}
	if _, err := Restore(path, filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Fatal("a missing backup was restored")
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the data file changed after a refused restore")
	}
}

func TestAFailedFirstMigrationLeavesNoFileUnderTheName(t *testing.T) {
	bad := fstest.MapFS{"migrations/0001_bad.sql": &fstest.MapFile{Data: []byte("CREATE TABLE half_made (id INTEGER PRIMARY KEY); CREATE TABLE broken (;")}}
	migrationFS = bad
	defer func() { migrationFS = migrationFiles }()
	dir := t.TempDir()
	path := filepath.Join(dir, "new.db")
	if _, err := Open(path); err == nil {
		t.Fatal("a broken first migration opened the file")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a half-made file was left under the real name")
	}
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if e.Name() != "new.db.lock" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	// With the real migrations the same name then opens as a new file.
	migrationFS = migrationFiles
	db, err := Open(path)
	if err != nil {
		t.Fatalf("after a failed start: %v", err)
	}
	db.Close()
}

func TestAnEmptyFileBecomesANewDataFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o600)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.Version(); v != LatestVersion() {
		t.Errorf("version %d", v)
	}
}

func TestOpeningRemovesWhatAKilledCreateOrRestoreLeft(t *testing.T) {
	db, path := openTemp(t)
	db.Close()
	dir := filepath.Dir(path)
	left := []string{".data.db.restore-123", ".data.db.new-456", ".data.db.new-456-wal"}
	for _, name := range left {
		os.WriteFile(filepath.Join(dir, name), []byte("half a file"), 0o600)
	}
	other := filepath.Join(dir, ".other.db.restore-1")
	os.WriteFile(other, []byte("not ours"), 0o600)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, name := range left {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s is still there", name)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("another file's leftover was removed")
	}
}
