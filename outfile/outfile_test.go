package outfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// entries lists a folder's names, to show nothing was left behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteNewFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "rota.pdf")
	if err := Write(out, Options{}, writeString("hello")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	if string(got) != "hello" {
		t.Errorf("content %q", got)
	}
	st, _ := os.Stat(out)
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	if es := entries(t, dir); len(es) != 1 {
		t.Errorf("left behind: %v", es)
	}
}

func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "patoolkit.db")
	os.WriteFile(data, []byte("the records"), 0o600)
	lock := data + ".lock"
	os.WriteFile(lock, nil, 0o600)
	protected := []string{data, lock, data + "-wal", data + "-shm", data + "-journal"}
	existing := filepath.Join(dir, "old.pdf")
	os.WriteFile(existing, []byte("old"), 0o600)
	os.Symlink(data, filepath.Join(dir, "link.db"))
	os.Link(data, filepath.Join(dir, "hard.db"))
	os.Mkdir(filepath.Join(dir, "folder"), 0o700)
	os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "dangling"))
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	os.Symlink(dir, filepath.Join(sub, "up"))
	fifo := filepath.Join(dir, "fifo")
	haveFifo := mkfifo(fifo) == nil

	cases := []struct {
		name    string
		path    string
		replace bool
		want    Kind
	}{
		{"no name", "  ", false, NoName},
		{"missing folder", filepath.Join(dir, "nope", "x.pdf"), false, NoFolder},
		{"the data file", data, false, Protected},
		{"the data file, even with replace", data, true, Protected},
		{"its lock", lock, true, Protected},
		{"its write-ahead log, not yet there", data + "-wal", true, Protected},
		{"its journal, not yet there", data + "-journal", true, Protected},
		{"a symlink to it", filepath.Join(dir, "link.db"), true, Protected},
		{"a hard link to it", filepath.Join(dir, "hard.db"), true, Protected},
		{"through a linked folder", filepath.Join(sub, "up", "patoolkit.db"), true, Protected},
		{"a companion through a linked folder", filepath.Join(sub, "up", "patoolkit.db-wal"), true, Protected},
		{"a folder", filepath.Join(dir, "folder"), true, IsFolder},
		{"a dangling link", filepath.Join(dir, "dangling"), true, NotRegular},
		{"an existing file", existing, false, Exists},
	}
	if haveFifo {
		cases = append(cases, struct {
			name    string
			path    string
			replace bool
			want    Kind
		}{"a pipe", fifo, true, NotRegular})
	}
	before := entries(t, dir)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Write(c.path, Options{Replace: c.replace, Protected: protected}, writeString("PDF"))
			if KindOf(err) != c.want {
				t.Fatalf("got %v, want kind %d", err, c.want)
			}
		})
	}
	if got, _ := os.ReadFile(data); string(got) != "the records" {
		t.Errorf("data file changed: %q", got)
	}
	if got, _ := os.ReadFile(existing); string(got) != "old" {
		t.Errorf("existing file changed: %q", got)
	}
	if after := entries(t, dir); len(after) != len(before) {
		t.Errorf("files left behind: %v, before %v", after, before)
	}
}

func TestReplaceOnlyWhenAsked(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "rota.pdf")
	os.WriteFile(out, []byte("old"), 0o644)
	if err := Write(out, Options{Replace: true}, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); string(got) != "new" {
		t.Errorf("content %q", got)
	}
	st, _ := os.Stat(out)
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
}

func TestReplaceThroughASymlinkReplacesTheFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.pdf")
	os.WriteFile(real, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here")
	}
	if err := Write(link, Options{Replace: true}, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("content %q", got)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced instead of the file it points to")
	}
}

func TestAFailedWriteLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "rota.pdf")
	os.WriteFile(out, []byte("old"), 0o600)
	boom := errors.New("boom")
	err := Write(out, Options{Replace: true}, func(w io.Writer) error {
		w.Write(bytes.Repeat([]byte("x"), 1000))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
	if got, _ := os.ReadFile(out); string(got) != "old" {
		t.Errorf("content %q", got)
	}
	if es := entries(t, dir); len(es) != 1 {
		t.Errorf("left behind: %v", es)
	}
}

func TestCommitRefusesANameTakenMeanwhile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "backup.db")
	p, err := Prepare(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Abort()
	os.WriteFile(out, []byte("someone else's"), 0o600)
	if err := p.Commit(); KindOf(err) != Exists {
		t.Fatalf("got %v, want Exists", err)
	}
	if got, _ := os.ReadFile(out); string(got) != "someone else's" {
		t.Errorf("overwritten: %q", got)
	}
	p.Abort()
	if es := entries(t, dir); len(es) != 1 {
		t.Errorf("left behind: %v", es)
	}
}

func TestTemporaryFileIsPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	p, err := Prepare(filepath.Join(t.TempDir(), "b.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Abort()
	st, err := os.Stat(p.Temp)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("temporary file mode %v, want 0600", st.Mode().Perm())
	}
}
