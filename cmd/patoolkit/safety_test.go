package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"patoolkit/service"
	"patoolkit/storage/storagetest"
)

// unchanged fails the test when the file at path no longer holds before.
func unchanged(t *testing.T, path string, before []byte) {
	t.Helper()
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("%s changed (%v)", path, err)
	}
}

// names lists a folder.
func names(t *testing.T, dir string) string {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return strings.Join(out, " ")
}

func TestNoCommandWritesOverTheDataFile(t *testing.T) {
	path := demoFile(t)
	dir := filepath.Dir(path)
	before, _ := os.ReadFile(path)
	link := filepath.Join(dir, "link.db")
	os.Symlink(path, link)
	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(path, hard); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "old.pdf"), []byte("an earlier rota"), 0o600)
	// A pipe stands for every file that is not a regular file (/dev/null,
	// a device): a test that wrote over /dev/null by mistake would break
	// the machine it runs on.
	fifo := filepath.Join(dir, "pipe")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no pipes here")
	}
	rota := []string{"export", "rota", "--data", path, "--account", "Priya's support", "--from", "2026-11-16", "--to", "2026-11-22"}
	for _, c := range []struct {
		out, want string
	}{
		{path, "is your data file"},
		{path + ".lock", "is your data file"},
		{path + "-wal", "is your data file"},
		{path + "-journal", "is your data file"},
		{link, "is your data file"},
		{hard, "is your data file"},
		{fifo, "is not an ordinary file"},
		{dir, "is a folder"},
		{filepath.Join(dir, "old.pdf"), "already exists, so nothing was written. Choose a new name, or add --force to replace it."},
		{filepath.Join(dir, "no", "such", "rota.pdf"), "does not exist"},
	} {
		t.Run(filepath.Base(c.out), func(t *testing.T) {
			wantRefusal(t, 2, c.want, append(rota, "--out", c.out)...)
			if c.want[0] != 'a' { // --force overrules only "already exists"
				wantRefusal(t, 2, c.want, append(rota, "--out", c.out, "--force")...)
			}
			wantRefusal(t, 2, c.want, "backup", "--data", path, "--out", c.out)
		})
	}
	unchanged(t, path, before)
	if got, _ := os.ReadFile(filepath.Join(dir, "old.pdf")); string(got) != "an earlier rota" {
		t.Errorf("old.pdf was replaced")
	}
	if _, err := os.Stat(path + "-journal"); err == nil {
		t.Error("a journal was made beside the data file")
	}
	if code, _, stderr := cli(t, "check", "--data", path); code != 0 {
		t.Errorf("check after the refusals: %d %s", code, stderr)
	}
	// --force replaces a file of the person's own, whole.
	if code, _, stderr := cli(t, append(rota, "--out", filepath.Join(dir, "old.pdf"), "--force")...); code != 0 {
		t.Fatalf("--force: %d %s", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "old.pdf")); !bytes.HasPrefix(got, []byte("%PDF")) {
		t.Errorf("--force did not replace old.pdf")
	}
	if ls := names(t, dir); strings.Contains(ls, ".tmp") {
		t.Errorf("a temporary file was left: %s", ls)
	}
}

func TestBackupIsPrivateAndLeavesNothingBehind(t *testing.T) {
	path, dir, out := demoBackup(t)
	st, _ := os.Stat(out)
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", st.Mode().Perm())
	}
	if ls := names(t, dir); ls != "b.db" {
		t.Errorf("the folder holds %q", ls)
	}
	wantRefusal(t, 2, "add --force to replace it", "backup", "--data", path, "--out", out)
	if code, _, stderr := cli(t, "backup", "--data", path, "--out", out, "--force"); code != 0 {
		t.Fatalf("backup --force: %d %s", code, stderr)
	}
	if code, _, stderr := cli(t, "check", "--data", out); code != 0 {
		t.Errorf("the replaced backup does not check: %s", stderr)
	}
}

func TestADamagedFileIsRefusedWithWhatToDo(t *testing.T) {
	path := demoFile(t)
	if err := storagetest.DamageIndex(path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	code, out, _ := cli(t, "check", "--data", path)
	if code != 1 || !strings.Contains(out, "integrity:") {
		t.Errorf("check: %d %q", code, out)
	}
	const want = "is damaged. The toolkit will not write anything more to it, and your data has not been changed. Restore your last good backup with: patoolkit restore"
	wantRefusal(t, 2, want, "money", "status", "--data", path, "--account", "Tom's care")
	wantRefusal(t, 2, want, "forecast", "--data", path, "--account", "Tom's care")
	wantRefusal(t, 2, want, "money", "add", "--data", path, "--account", "Tom's care", "--date", "2026-11-20", "--payee", "Chemist", "--amount", "-42.50", "--category", "Equipment")
	wantRefusal(t, 2, want, "import", "bank", "--data", path, "--account", "Priya's support", "--file", filepath.Join("..", "..", "testdata", "bank-sample.csv"))
	backup := filepath.Join(t.TempDir(), "b.db")
	wantRefusal(t, 2, want, "backup", "--data", path, "--out", backup)
	if _, err := os.Stat(backup); err == nil {
		t.Error("a backup of the damaged file was written")
	}
	unchanged(t, path, before)
}

func TestRestoreIsRefusedPlainly(t *testing.T) {
	path := demoFile(t)
	before, _ := os.ReadFile(path)
	link := filepath.Join(t.TempDir(), "link.db")
	os.Symlink(path, link)
	wantRefusal(t, 2, "the same file", "restore", "--data", path, "--from", link)
	wantRefusal(t, 2, "the same file", "restore", "--data", link, "--from", path)
	wantRefusal(t, 2, "is not an ordinary file", "restore", "--data", path, "--from", t.TempDir())
	wantRefusal(t, 2, "is not a file the toolkit can keep its data in", "restore", "--data", os.DevNull, "--from", path)
	unchanged(t, path, before)
}

func TestOddDataFilesAreRefusedAndNothingIsMade(t *testing.T) {
	dir := t.TempDir()
	wantRefusal(t, 2, "is not a file the toolkit can keep its data in", "check", "--data", os.DevNull)
	if _, err := os.Stat(os.DevNull + ".lock"); err == nil {
		t.Error("/dev/null.lock was made")
	}
	wantRefusal(t, 2, "is not a file the toolkit can keep its data in", "accounts", "--data", dir)
	os.Symlink(filepath.Join(dir, "gone.db"), filepath.Join(dir, "dangling.db"))
	wantRefusal(t, 2, "is not a file the toolkit can keep its data in", "accounts", "--data", filepath.Join(dir, "dangling.db"))
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, bytes.Repeat([]byte("not a database "), 100), 0o600)
	wantRefusal(t, 2, "is not a PA Employer Toolkit data file", "accounts", "--data", text)
	if ls := names(t, dir); ls != "dangling.db notes.db" {
		t.Errorf("the folder holds %q", ls)
	}
}

func TestALeftOverRestoreIsNotHiddenBehindANewFile(t *testing.T) {
	path := demoFile(t)
	// What an earlier version's restore left when killed between its two steps.
	if err := os.Rename(path, path+".before-restore.db"); err != nil {
		t.Fatal(err)
	}
	wantRefusal(t, 2, "a restore stopped part way. Nothing was made", "accounts", "--data", path)
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a new empty data file was made")
	}
	// Restoring is the way out.
	if code, _, stderr := cli(t, "restore", "--data", path, "--from", path+".before-restore.db"); code != 0 {
		t.Fatalf("restore: %s", stderr)
	}
	if code, out, _ := cli(t, "accounts", "--data", path); code != 0 || !strings.Contains(out, "Tom's care") {
		t.Errorf("after restore: %d %s", code, out)
	}
}

func TestTheLockHoldsThroughOtherNames(t *testing.T) {
	path := demoFile(t)
	svc, err := service.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	link := filepath.Join(t.TempDir(), "link.db")
	os.Symlink(path, link)
	wantRefusal(t, 2, "is open in another copy", "accounts", "--data", link)
	if runtime.GOOS != "windows" {
		hard := filepath.Join(filepath.Dir(path), "hard.db")
		if err := os.Link(path, hard); err != nil {
			t.Fatal(err)
		}
		wantRefusal(t, 2, "is open in another copy", "accounts", "--data", hard)
		backup := filepath.Join(t.TempDir(), "b.db")
		os.WriteFile(backup, nil, 0o600)
		svc.Backup(backup, true)
		wantRefusal(t, 2, "is open in another copy", "restore", "--data", hard, "--from", backup)
	}
}

func TestLooseModesAreTightened(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	path := demoFile(t)
	os.Chmod(path, 0o644)
	if code, _, stderr := cli(t, "accounts", "--data", path); code != 0 {
		t.Fatal(stderr)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("data file mode %v, want 0600", st.Mode().Perm())
	}
	// The usual folder, which is the toolkit's own, is made private too.
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("HOME", config)
	if err := os.MkdirAll(filepath.Join(config, "patoolkit"), 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(config, "patoolkit"), 0o777)
	usual, err := service.DefaultDataPath()
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(filepath.Dir(usual)); st.Mode().Perm() != 0o700 {
		t.Errorf("data folder mode %v, want 0700", st.Mode().Perm())
	}
}
