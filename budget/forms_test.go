package budget

import (
	"testing"

	"patoolkit/household"
)

// TestFormLabels: every choice a money form offers has a label of its own,
// not the stored value.
func TestFormLabels(t *testing.T) {
	for _, k := range OwedKinds {
		t.Run(string(k), func(t *testing.T) {
			if got := k.FormLabel(); got == "" || got == string(k) {
				t.Errorf("FormLabel = %q", got)
			}
		})
	}
	for _, f := range BillRepeats {
		t.Run("repeat "+string(f), func(t *testing.T) {
			if got := RepeatLabel(f); got == "" || got == string(f) {
				t.Errorf("RepeatLabel = %q", got)
			}
		})
	}
	for _, c := range []struct {
		f    household.Frequency
		want string
	}{{"", "Once"}, {household.FourWeekly, "Every 4 weeks"}, {RepeatYearly, "Every year"}} {
		if got := RepeatLabel(c.f); got != c.want {
			t.Errorf("RepeatLabel(%q) = %q, want %q", c.f, got, c.want)
		}
	}
	if got := OwedNetPay.FormLabel(); got != "A PA's wages (net pay)" {
		t.Errorf("OwedNetPay.FormLabel() = %q", got)
	}
}
