package service

import (
	"testing"
	"time"

	"patoolkit/budget"
)

// TestNewRecords: the forms start a PA with the starter tax code of
// today's tax year and a budget with the typical surplus limit.
func TestNewRecords(t *testing.T) {
	s := openTemp(t)
	tests := []struct {
		name, day, code string
	}{
		{"2026-27", "2026-11-16", "1257L"},
		{"the last day of 2025-26", "2026-04-05", "1257L"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day, _ := time.Parse(time.DateOnly, tt.day)
			s.SetClock(func() time.Time { return day.Add(12 * time.Hour) })
			p := s.NewPA(7)
			if p.AccountID != 7 || p.TaxCode != tt.code || p.NICategory != "A" {
				t.Errorf("NewPA = %+v", p)
			}
		})
	}
	if a := NewAccount(); a.SurplusLimitWeeks != budget.TypicalSurplusLimitWeeks {
		t.Errorf("NewAccount = %+v", a)
	}
}
