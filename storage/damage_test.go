package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"patoolkit/storage/storagetest"
)

func TestADamagedIndexIsFoundAndNothingMoreIsWritten(t *testing.T) {
	db, path := openTemp(t)
	a, _ := seedPA(t, db)
	db.Close()
	if err := storagetest.DamageIndex(path); err != nil {
		t.Fatal(err)
	}

	db, err := Open(path)
	if err != nil {
		t.Fatalf("the quick check on opening was expected to pass: %v", err)
	}
	defer db.Close()
	// A write before any check runs the full check first, and is refused.
	err = db.Update(context.Background(), func(tx *Tx) error {
		a.Name = "Changed"
		return tx.UpdateAccount(a)
	})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("write to a damaged file: %v, want ErrDamaged", err)
	}
	problems, err := db.Check()
	if err != nil || len(problems) == 0 {
		t.Fatalf("Check = %v, %v; want problems", problems, err)
	}
	if !db.Damaged() {
		t.Error("not marked damaged")
	}
	// A backup of it is refused, and nothing is left behind.
	dir := t.TempDir()
	out := filepath.Join(dir, "backup.db")
	if err := db.BackupTo(out, false); !errors.Is(err, ErrDamaged) {
		t.Fatalf("backup of a damaged file: %v, want ErrDamaged", err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("left behind: %v", es)
	}
}

func TestBackupOfASoundFileIsWholeAndPrivate(t *testing.T) {
	db, _ := openTemp(t)
	seedPA(t, db)
	dir := t.TempDir()
	out := filepath.Join(dir, "backup.db")
	if err := db.BackupTo(out, false); err != nil {
		t.Fatal(err)
	}
	if err := CheckFile(out); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("files in the folder: %v", es)
	}
	// Writing it again is refused unless replace is set; with it, it is whole.
	if err := db.BackupTo(out, false); err == nil {
		t.Error("an existing backup was overwritten")
	}
	if err := db.BackupTo(out, true); err != nil {
		t.Fatal(err)
	}
	if err := CheckFile(out); err != nil {
		t.Fatal(err)
	}
}
