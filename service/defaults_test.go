package service

import (
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
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

func TestNewContract(t *testing.T) {
	d := civil.MustParse
	older := household.Contract{ID: 1, PAID: 5, EffectiveFrom: d("2025-04-06"), DayRate: 1280, PensionScheme: "NEST"}
	newer := household.Contract{ID: 2, PAID: 5, EffectiveFrom: d("2026-04-01"), DayRate: 1400, PensionScheme: "People's Pension"}
	tests := []struct {
		name      string
		contracts []household.Contract
		dayRate   money.Money
		scheme    string
	}{
		{"the first contract", nil, 0, "NEST"},
		{"copies the latest, oldest first", []household.Contract{older, newer}, 1400, "People's Pension"},
		{"copies the latest, newest first", []household.Contract{newer, older}, 1400, "People's Pension"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewContract(5, tt.contracts)
			if c.ID != 0 || !c.EffectiveFrom.IsZero() || c.PAID != 5 || c.DayRate != tt.dayRate || c.PensionScheme != tt.scheme {
				t.Errorf("NewContract = %+v", c)
			}
			if tt.contracts == nil && (c.PensionEmployeeBP != 500 || c.PensionEmployerBP != 300 || c.HolidayMethod != household.HolidayAccrued) {
				t.Errorf("first contract defaults = %+v", c)
			}
		})
	}
}
