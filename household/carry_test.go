package household

import (
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

// TestHolidayCarryLimit: a contract may let at most the 1.6 weeks of
// regulation 13A be carried over: 48 hours for 30 hours a week.
func TestHolidayCarryLimit(t *testing.T) {
	c := Contract{PAID: 1, EffectiveFrom: civil.MustParse("2026-04-06"), HoursType: FixedHours, ContractedMinutesWeek: 30 * 60,
		DayRate: money.MustParse("13.00"), HolidayMethod: HolidayAccrued, PensionMethod: PensionNone}
	if got := MaxHolidayCarryMinutes(c); got != 48*60 {
		t.Errorf("the most for 30 hours a week is %d minutes, want 2,880", got)
	}
	c.HolidayCarryMinutes = 48 * 60
	if err := ValidateContract(c); err != nil {
		t.Errorf("48 hours refused: %v", err)
	}
	c.HolidayCarryMinutes = 48*60 + 1
	if err := ValidateContract(c); err == nil || !strings.Contains(err.Error(), "At most 48 hours of holiday can be carried over by agreement for 30 hours a week") {
		t.Errorf("48 hours and a minute: %v", err)
	}
	c.HolidayCarryMinutes = -1
	if err := ValidateContract(c); err == nil || !strings.Contains(err.Error(), "cannot be less than 0") {
		t.Errorf("-1 minute: %v", err)
	}
}
