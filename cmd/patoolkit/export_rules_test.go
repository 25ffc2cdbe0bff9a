package main

import (
	"path/filepath"
	"testing"
)

// TestExportDaysRefusedAsInTheWindow: the CLI's export refuses the days
// with the service's words (rota.CheckExportRange), as the window does.
func TestExportDaysRefusedAsInTheWindow(t *testing.T) {
	path := demoFile(t)
	out := filepath.Join(t.TempDir(), "rota.pdf")
	for _, tt := range []struct {
		name, from, to, want string
	}{
		{"backwards", "2026-11-29", "2026-11-16", "The end date 16/11/2026 is before the start date 29/11/2026."},
		{"too long", "2020-01-01", "2026-11-29", "Export at most 400 days at a time."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wantRefusal(t, 2, tt.want, "export", "rota", "--data", path, "--account", "Tom's care", "--from", tt.from, "--to", tt.to, "--out", out)
		})
	}
}
