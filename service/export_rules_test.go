package service

import (
	"io"
	"strings"
	"testing"

	"patoolkit/civil"
)

// TestExportRefusesAgainstFields: the export jobs refuse the days (as
// rota.CheckExportRange) and a calendar for nobody against the form's
// fields, so the window and the CLI show the same.
func TestExportRefusesAgainstFields(t *testing.T) {
	s, a, _, _ := rotaSetup(t)
	d := civil.MustParse
	tests := []struct {
		name     string
		export   func() error
		field    string
		contains string
	}{
		{"rota backwards", func() error { return s.ExportRotaPDF(io.Discard, a.ID, d("2026-11-22"), d("2026-11-16")) }, "to", "before the start date"},
		{"timesheets with no first day", func() error {
			return s.ExportTimesheetsPDF(io.Discard, a.ID, civil.Date{}, d("2026-11-16"), 0)
		}, "from", "first and last dates"},
		{"calendar too long", func() error { return s.ExportICS(io.Discard, a.ID, d("2025-01-01"), d("2026-11-16"), 1) }, "to", "at most 400 days"},
		{"calendar for nobody", func() error { return s.ExportICS(io.Discard, a.ID, d("2026-11-16"), d("2026-11-22"), 0) }, "pa", "for one PA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.export()
			if got := FieldProblems(err).For(tt.field); !strings.Contains(got, tt.contains) {
				t.Errorf("%s problem = %q (error %v), want %q", tt.field, got, err, tt.contains)
			}
		})
	}
}
