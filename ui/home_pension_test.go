package ui

import (
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/payroll"
	"patoolkit/service"
)

// TestHomePensionReminder: the home page shows the declaration of
// compliance's due date as the service gives it (5 months from the duties
// start date), and says so as overdue once it has passed. Tom's budget in
// the demo has recorded no duties yet (Priya's has, and has declared).
func TestHomePensionReminder(t *testing.T) {
	u, _ := newDemoUI(t)
	for _, a := range u.accounts {
		if a.Name == "Tom's care" {
			u.openAccount(a.ID)
		}
	}
	if u.account.Name != "Tom's care" {
		t.Fatal("no Tom's care in the demo")
	}
	u.now = func() time.Time { return time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC) }
	u.showHome()
	if text := pageText(u); !strings.Contains(text, "Record your duties start date") {
		t.Errorf("no prompt to record the duties:\n%s", text)
	}
	if err := u.svc.SavePensionDuties(service.PensionDuties{AccountID: u.account.ID, Duties: payroll.Duties{Start: civil.MustParse("2025-04-06")}}); err != nil {
		t.Fatal(err)
	}
	u.showHome()
	if text := pageText(u); !strings.Contains(text, "Declaration of compliance: Tell The Pensions Regulator by 05/09/2025") {
		t.Errorf("no declaration reminder:\n%s", text)
	}
	u.now = func() time.Time { return time.Date(2025, 9, 8, 9, 0, 0, 0, time.UTC) }
	u.showHome()
	if text := pageText(u); !strings.Contains(text, "was due by 05/09/2025") {
		t.Errorf("no overdue reminder:\n%s", text)
	}
}
