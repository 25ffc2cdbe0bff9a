package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestHolidayCommandsRefuse: what holiday and export holiday refuse, each
// with exit 2, one line, and the data file as it was.
func TestHolidayCommandsRefuse(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "holiday.pdf")
	for _, tc := range []struct {
		want string
		args []string
	}{
		{`There is no PA called "Nobody". The PAs are:`, []string{"holiday", "--account", priya, "--pa", "Nobody"}},
		{`--on "2026-13-01" is not a date`, []string{"holiday", "--account", priya, "--on", "2026-13-01"}},
		{"had not started by 01/01/2020", []string{"holiday", "--account", priya, "--pa", "Zoë Ní Bhriain", "--on", "2020-01-01"}},
		{`There is no PA called "Nobody"`, []string{"export", "holiday", "--account", priya, "--pa", "Nobody", "--out", out}},
		{`--on "31/02/2026" is not a date`, []string{"export", "holiday", "--account", priya, "--on", "31/02/2026", "--out", out}},
		{"--from and --to are not used with export holiday", []string{"export", "holiday", "--account", priya, "--from", "2025-04-06", "--out", out}},
		{"--on is only used with export holiday", []string{"export", "rota", "--account", priya, "--on", "2025-08-11", "--from", "2025-08-11", "--to", "2025-08-17", "--out", out}},
		{"--out FILE is needed", []string{"export", "holiday", "--account", priya}},
	} {
		t.Run(tc.want, func(t *testing.T) {
			wantRefusal(t, 2, tc.want, append(tc.args, "--data", path)...)
		})
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused export wrote %s", out)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Error("a refused command changed the data file")
	}
}

// TestExportHolidayRefusesExistingFile: the holiday record is written
// through the one writer, so an existing file is kept unless --force.
func TestExportHolidayRefusesExistingFile(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	out := filepath.Join(t.TempDir(), "holiday.pdf")
	if err := os.WriteFile(out, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"export", "holiday", "--account", priya, "--data", path, "--out", out}
	wantRefusal(t, 2, "already exists", args...)
	if b, _ := os.ReadFile(out); string(b) != "keep" {
		t.Fatal("the existing file was changed")
	}
	if code, _, stderr := cli(t, append(args, "--force")...); code != 0 {
		t.Fatalf("with --force: exit %d: %s", code, stderr)
	}
}
