package ui

import (
	"strings"
	"testing"
	"time"
)

// TestHomeRenewalWarning: the home page warns that insurance needs
// renewing from household.RenewalWarningDays before cover ends, and not
// when the next year's policy is already recorded.
func TestHomeRenewalWarning(t *testing.T) {
	u, _ := newDemoUI(t)
	tests := []struct {
		name, day string
		want      string // "" for no warning
	}{
		{"renewal already bought", "2026-03-20", ""},
		{"the last policy, 17 days left", "2027-03-20", "The policy needs renewing in 17 days, on 06/04/2027."},
		{"the last policy, 31 days left", "2027-03-06", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day, _ := time.Parse(time.DateOnly, tt.day)
			u.now = func() time.Time { return day.Add(9 * time.Hour) }
			u.showHome()
			text := pageText(u)
			if tt.want == "" && strings.Contains(text, "needs renewing") {
				t.Errorf("a renewal warning on %s:\n%s", tt.day, text)
			}
			if tt.want != "" && !strings.Contains(text, tt.want) {
				t.Errorf("no %q on %s:\n%s", tt.want, tt.day, text)
			}
		})
	}
}
