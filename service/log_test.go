package service

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/field"
)

// testDir is a folder for the whole test run, removed at its end.
var testDir string

// TestMain keeps the log of every test run out of the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "patoolkit-service-log")
	if err != nil {
		panic(err)
	}
	testDir = dir
	SetLogPath(filepath.Join(dir, "patoolkit.log"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// useLog points the log at a new file in t.TempDir for one test.
func useLog(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "logs", "patoolkit.log")
	old := SetLogPath(p)
	t.Cleanup(func() { SetLogPath(old) })
	return p
}

func TestErrorMessage(t *testing.T) {
	logPath := useLog(t)
	secret := errors.New("database disk image is malformed at page 7")
	for _, c := range []struct {
		name string
		err  error
		want string
		code Code
	}{
		{"refused input", Invalidf("Type the PA's name."), "Type the PA's name.", Invalid},
		{"not found", NotFoundf("That budget no longer exists."), "That budget no longer exists.", NotFound},
		{"one field", field.New("date", "Type a date as DD/MM/YYYY."), "Type a date as DD/MM/YYYY.", Invalid},
		{"fields, wrapped", fmt.Errorf("saving: %w", field.Errors{{Field: "a", Message: "A is needed."}, {Field: "b", Message: "B is too long."}}), "A is needed. B is too long.", Invalid},
		{"statement keeps its line", &budget.StatementError{Line: 12, Reason: "the date can't be read.", More: 2}, "Line 12: the date can't be read. (2 more lines also have problems.)", Invalid},
		{"internal", internal("saving the shift", secret), "Something went wrong while saving the shift; nothing was changed. Details are in the log at " + logPath + ".", Internal},
		{"not wrapped", secret, "Something went wrong; nothing was changed. Details are in the log at " + logPath + ".", Internal},
		{"field error reaching internal", internal("saving", field.New("note", "The note is too long.")), "The note is too long.", Invalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ErrorMessage(c.err); got != c.want {
				t.Errorf("ErrorMessage = %q\nwant %q", got, c.want)
			}
			if got := ErrorCode(c.err); got != c.code {
				t.Errorf("ErrorCode = %v, want %v", got, c.code)
			}
			if strings.Contains(ErrorMessage(c.err), "malformed") {
				t.Error("the cause is shown")
			}
		})
	}
	b, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "saving the shift: database disk image is malformed at page 7") {
		t.Errorf("the log does not have the cause:\n%s", b)
	}
	if runtime.GOOS != "windows" {
		st, _ := os.Stat(logPath)
		if st.Mode().Perm() != 0o600 {
			t.Errorf("log mode %v", st.Mode().Perm())
		}
	}
}

func TestLogIsRotated(t *testing.T) {
	logPath := useLog(t)
	if err := os.MkdirAll(filepath.Dir(logPath), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(logPath, []byte(strings.Repeat("x", MaxLogBytes-10)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	if !logInternal(at, "exporting", errors.New("disk full")) {
		t.Fatal("not logged")
	}
	b, _ := os.ReadFile(logPath)
	if string(b) != "2026-11-20T10:00:00Z exporting: disk full\n" {
		t.Errorf("new log %q", b)
	}
	if st, err := os.Stat(logPath + ".1"); err != nil || st.Size() != MaxLogBytes-9 {
		t.Errorf("the old log was not kept as .1: %v", err)
	}
}

func TestLogIsNeverTheDataFile(t *testing.T) {
	s := openTemp(t)
	for _, p := range []string{s.Path(), s.Path() + "-wal"} {
		t.Run(filepath.Base(p), func(t *testing.T) {
			old := SetLogPath(p)
			defer SetLogPath(old)
			before, _ := os.ReadFile(p)
			if logInternal(time.Now(), "x", errors.New("y")) {
				t.Error("logged into the data file or its companion")
			}
			if after, _ := os.ReadFile(p); string(after) != string(before) {
				t.Error("the file was changed")
			}
		})
	}
}
