package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestStarterStatementSetsTheCode: choosing a starter checklist statement
// on the PA form sets the tax code HMRC's rules give, and says why; the
// PA is stored with it.
func TestStarterStatementSetsTheCode(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	u.showAddPA()
	f := u.form
	f.field("name").focus.(*keyEntry).SetText("Robin Example")
	f.field("start_date").focus.(*keyEntry).SetText("01/12/2026")
	f.field("starter_statement").focus.(*keySelect).SetSelectedIndex(2) // B
	if got := f.field("tax_code").focus.(*keyEntry).Text; got != "1257L" {
		t.Errorf("tax code %q after statement B", got)
	}
	if !f.field("week1_month1").focus.(*keyCheck).Checked {
		t.Error("statement B leaves week 1 / month 1 unticked")
	}
	if !strings.Contains(pageText(u), "Statement B (only job now, but another job or benefits since 6 April): HMRC's rule is the emergency code 1257L on a week 1 / month 1 basis.") {
		t.Errorf("no reason on the form:\n%s", pageText(u))
	}
	f.field("starter_statement").focus.(*keySelect).SetSelectedIndex(3) // C
	if got := f.field("tax_code").focus.(*keyEntry).Text; got != "BR" || f.field("week1_month1").focus.(*keyCheck).Checked {
		t.Errorf("statement C: code %q", got)
	}
	u.win.Canvas().Focus(f.field("name").focus)
	press(t, u, fyne.KeyReturn)
	pas, _ := svc.PAs(u.Account().ID)
	var found bool
	for _, p := range pas {
		if p.Name == "Robin Example" {
			found = p.TaxCode == "BR" && !p.Week1Month1 && p.StarterStatement == "C"
		}
	}
	if !found {
		t.Errorf("stored: %+v", pas)
	}
}
