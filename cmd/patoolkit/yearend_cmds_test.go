package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestP60P45Refusals: each refusal is exit 2 and one plain line, and no
// file is written.
func TestP60P45Refusals(t *testing.T) {
	path := demoFile(t)
	out := filepath.Join(t.TempDir(), "x.pdf")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"p60 without a tax year", []string{"p60", "--account", priya}, "--tax-year is needed"},
		{"p60 with no payslips", []string{"p60", "--account", priya, "--tax-year", "2024-25"}, "no finalised payslips in 2024-25"},
		{"p60 for a leaver", []string{"p60", "--account", priya, "--tax-year", "2026-27", "--pa", "Chris Walker"}, "a leaver gets a P45"},
		{"p45 without a PA", []string{"p45", "--account", priya}, "--pa NAME is needed"},
		{"p45 for a PA who has not left", []string{"p45", "--account", priya, "--pa", "Sam Okafor"}, "Sam Okafor has not left: set their leaving date under People first."},
		{"export p60 with days", []string{"export", "p60", "--account", priya, "--from", "2025-04-06", "--to", "2026-04-05", "--out", out}, "--from and --to are not used with export p60"},
		{"export p60 without a tax year", []string{"export", "p60", "--account", priya, "--out", out}, "--tax-year is needed"},
		{"export p45 with a tax year", []string{"export", "p45", "--account", priya, "--pa", "Chris Walker", "--tax-year", "2026-27", "--out", out}, "--tax-year is not used with export p45"},
		{"export p45 without a PA", []string{"export", "p45", "--account", priya, "--out", out}, "--pa NAME is needed"},
		{"export hmrc with a tax year", []string{"export", "hmrc", "--account", priya, "--tax-year", "2025-26", "--out", out}, "--tax-year is only used with export p60"},
		{"export p45 for a PA who has not left", []string{"export", "p45", "--account", priya, "--pa", "Sam Okafor", "--out", out}, "has not left"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := cli(t, append(tc.args, "--data", path)...)
			if code != 2 || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("exit %d, stderr %q: want exit 2 and one line with %q", code, stderr, tc.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a file was written: %v", err)
			}
		})
	}
}
