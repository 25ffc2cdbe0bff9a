package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPayCommandsRefuse: what the pay commands refuse, each with exit 2,
// one line, and the data file as it was.
func TestPayCommandsRefuse(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tom := "Tom's care"
	out := filepath.Join(t.TempDir(), "x.pdf")
	for _, tc := range []struct {
		want string
		args []string
	}{
		{"--payday is needed", []string{"payrun", "--account", tom}},
		{"not a payday of this budget's pay schedule. The paydays near it are", []string{"payrun", "--account", tom, "--payday", "2026-12-17"}},
		{"cannot be finalised yet: The timesheet for 15/11/2026 to 12/12/2026 is a draft", []string{"payrun", "--account", tom, "--payday", "2026-12-18", "--finalise"}},
		{"is already finalised", []string{"payrun", "--account", tom, "--payday", "2026-11-20", "--finalise"}},
		{"is before Tom's care's direct payment started (06/04/2025)", []string{"payrun", "--account", tom, "--payday", "1900-01-05"}},
		{"--tax-year is needed", []string{"payslips", "--account", tom}},
		{"--tax-year: ", []string{"payslips", "--account", tom, "--tax-year", "2026"}},
		{"no PA called", []string{"payslips", "--account", tom, "--tax-year", "2026-27", "--pa", "Nobody"}},
		{"tax year 2030-31 is not supported", []string{"hmrc", "--account", tom, "--tax-year", "2030-31"}},
		{"is not an HMRC payment period: write it like 2026-27 M08", []string{"hmrc", "--account", tom, "--tax-year", "2026-27", "--mark-paid", "May"}},
		{"There is no finalised pay run for 18/12/2026", []string{"fps", "--account", tom, "--payday", "2026-12-18"}},
		{"within one tax year", []string{"export", "hmrc", "--account", tom, "--from", "2025-04-06", "--to", "2026-11-20", "--out", out}},
		{"no finalised payslips", []string{"export", "payslips", "--account", tom, "--from", "2024-04-06", "--to", "2024-05-20", "--out", out}},
	} {
		t.Run(tc.want, func(t *testing.T) {
			wantRefusal(t, 2, tc.want, append(tc.args, "--data", path)...)
		})
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Error("a refused pay command changed the data file")
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused export wrote %s", out)
	}
}
