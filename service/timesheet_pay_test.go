package service

import (
	"testing"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
)

// TestTimesheetPay: the service costs a timesheet at the contract in force
// on each day (household.ContractOn), and refuses a day no contract covers.
func TestTimesheetPay(t *testing.T) {
	s, a, sarah, _ := rotaSetup(t)
	// A pay rise from 18 November.
	if _, err := s.SaveContract(household.Contract{PAID: sarah.ID, EffectiveFrom: civil.MustParse("2026-11-18"),
		HoursType: household.IrregularHours, DayRate: money.MustParse("14.00"), BankHolidayRate: money.MustParse("21.00"),
		SleepInAllowance: money.MustParse("80.00"), HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone}); err != nil {
		t.Fatal(err)
	}
	for _, day := range []string{"2026-11-16", "2026-11-18"} {
		if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: sarah.ID, Start: at(day + " 08:00"), End: at(day + " 12:00"), Type: rota.Day}); err != nil {
			t.Fatal(err)
		}
	}
	ts, err := s.OpenTimesheet(a.ID, sarah.ID, civil.MustParse("2026-11-16"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		entries func([]rota.Entry) []rota.Entry
		total   string // "" for a refusal
	}{
		{"4 hours at £12.80 and 4 at £14.00", func(e []rota.Entry) []rota.Entry { return e }, "107.20"},
		{"a day before any contract", func(e []rota.Entry) []rota.Entry {
			e = append([]rota.Entry(nil), e...)
			e[0].Start, e[0].End = at("2025-01-06 08:00"), at("2025-01-06 12:00")
			return e
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := ts
			x.Entries = tt.entries(ts.Entries)
			pay, err := s.TimesheetPay(x)
			if tt.total == "" {
				if ErrorCode(err) != Invalid {
					t.Errorf("pay = %+v, %v; want a refusal", pay, err)
				}
				return
			}
			if err != nil || pay.Total != money.MustParse(tt.total) {
				t.Errorf("pay = %+v, %v; want %s", pay, err, tt.total)
			}
		})
	}
}
