package rota

import (
	"strings"
	"testing"

	"patoolkit/civil"
)

func TestCheckExportRange(t *testing.T) {
	d := civil.MustParse
	tests := []struct {
		name            string
		from, to        civil.Date
		field, contains string // "" for no refusal
	}{
		{"one day", d("2026-11-16"), d("2026-11-16"), "", ""},
		{"a week", d("2026-11-16"), d("2026-11-22"), "", ""},
		{"no first day", civil.Date{}, d("2026-11-22"), "from", "first and last dates"},
		{"no last day", d("2026-11-16"), civil.Date{}, "to", "first and last dates"},
		{"backwards", d("2026-11-22"), d("2026-11-16"), "to", "The end date 16/11/2026 is before the start date 22/11/2026."},
		{"exactly the most", d("2026-01-01"), d("2026-01-01").AddDays(MaxExportDays), "", ""},
		{"one day too many", d("2026-01-01"), d("2026-01-01").AddDays(MaxExportDays + 1), "to", "at most 400 days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckExportRange(tt.from, tt.to)
			if tt.field == "" {
				if got != nil {
					t.Errorf("refused: %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Field != tt.field || !strings.Contains(got[0].Message, tt.contains) {
				t.Errorf("got %+v, want %s: %q", got, tt.field, tt.contains)
			}
		})
	}
}

func TestCheckDays(t *testing.T) {
	d := civil.MustParse
	for _, tt := range []struct {
		name     string
		from, to civil.Date
		refused  bool
	}{
		{"one day", d("2026-11-16"), d("2026-11-16"), false},
		{"forwards", d("2026-11-16"), d("2027-11-16"), false},
		{"backwards by a day", d("2026-11-16"), d("2026-11-15"), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckDays(tt.from, tt.to)
			if (got != nil) != tt.refused || (got != nil && got[0].Field != "to") {
				t.Errorf("CheckDays = %+v", got)
			}
		})
	}
}
