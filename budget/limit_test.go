package budget

import "testing"

// TestMoneyLimitMessage: the messages that name the money limit print the
// one limit, maxAmount, as they always said it.
func TestMoneyLimitMessage(t *testing.T) {
	if got := maxAmount.Format(); got != "£10,000,000.00" {
		t.Errorf("maxAmount.Format() = %q", got)
	}
}
