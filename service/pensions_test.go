package service

import (
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
)

var nestContract = household.Contract{HoursType: household.FixedHours, ContractedMinutesWeek: 30 * 60, DayRate: money.MustParse("14.00"),
	HolidayMethod: household.HolidayAccrued, PensionScheme: "NEST", PensionMethod: household.PensionReliefAtSource,
	PensionBasis: household.PensionQualifying, PensionEmployeeBP: 500, PensionEmployerBP: 300}

func hasWarning(ws []payrun.Warning, part string) bool {
	for _, w := range ws {
		if strings.Contains(w.Text(), part) {
			return true
		}
	}
	return false
}

// TestPensionDutiesInPayRuns: with the duties recorded (start 6 April
// 2026, one month's postponement), a PA earning above the trigger is
// postponed on the April payday, enrolled from the deferral date on May's
// (TPR guidance no. 2: eligible on the deferral date), told the letter is
// due within 6 weeks; after a valid opt-out inside the opt-out period
// (TPR guidance no. 4) the June payslip gives back May's contribution on
// its own line and takes none.
func TestPensionDutiesInPayRuns(t *testing.T) {
	s, a, pa := payBudget(t, household.Monthly, nestContract)
	// 30 hours a week at £14.00: about £1,820 a month, above £833.
	if err := s.SavePensionDuties(PensionDuties{AccountID: a.ID, Duties: payroll.Duties{Start: civil.MustParse("2026-04-06"), PostponeMonths: 8}}); err == nil {
		t.Fatal("8 months of postponement was accepted")
	}
	if _, ok, _ := s.PensionDuties(a.ID); ok {
		t.Fatal("a refused save stored something")
	}
	if err := s.SavePensionDuties(PensionDuties{AccountID: a.ID, Duties: payroll.Duties{Start: civil.MustParse("2026-04-06"), PostponeMonths: 1}}); err != nil {
		t.Fatal(err)
	}
	april, err := s.FinalisePayRun(a.ID, civil.MustParse("2026-04-24"))
	if err != nil {
		t.Fatal(err)
	}
	if got := april.Payslips[0].Result.Pension.Employee; got != 0 || !hasWarning(april.Run.Warnings, "postponed to 06/05/2026") || !hasWarning(april.Run.Warnings, "notice of postponement by 17/05/2026") {
		t.Fatalf("April: pension %s, warnings %+v", got.Format(), april.Run.Warnings)
	}
	st, _ := s.PensionStates(a.ID)
	if st[pa.ID].PostponedTo != civil.MustParse("2026-05-06") {
		t.Errorf("deferral date stored: %+v", st[pa.ID])
	}
	may, err := s.FinalisePayRun(a.ID, civil.MustParse("2026-05-22"))
	if err != nil {
		t.Fatal(err)
	}
	ps := may.Payslips[0].Result
	if ps.Pension.Employee <= 0 || ps.Pension.Employer <= 0 {
		t.Fatalf("May: no contributions: %+v", ps.Pension)
	}
	if !hasWarning(may.Run.Warnings, "enrolled in NEST from that day") || !hasWarning(may.Run.Warnings, "must be given in writing by 16/06/2026") {
		t.Errorf("May warnings: %+v", may.Run.Warnings)
	}
	if d := may.Payslips[0].Detail.Duties; d == nil || d.Assessment.Category != payroll.EligibleJobholder || d.Enrolled != civil.MustParse("2026-05-06") {
		t.Errorf("May's stored decision: %+v", d)
	}
	st, _ = s.PensionStates(a.ID)
	rec := st[pa.ID]
	if rec.Enrolled != civil.MustParse("2026-05-06") {
		t.Fatalf("enrolment date stored: %+v", rec)
	}
	// An opt-out before the letter is refused, and nothing changes.
	early := rec
	early.OptedOut = civil.MustParse("2026-05-20")
	if err := s.SavePensionState(a.ID, pa.ID, early); err == nil || !strings.Contains(ErrorMessage(err), "enrolment information") {
		t.Errorf("opt-out before the letter: %v", err)
	}
	rec.InfoGiven, rec.OptedOut = civil.MustParse("2026-05-28"), civil.MustParse("2026-06-10")
	if err := s.SavePensionState(a.ID, pa.ID, rec); err != nil {
		t.Fatal(err)
	}
	june, err := s.PayRun(a.ID, civil.MustParse("2026-06-25"))
	if err != nil {
		t.Fatal(err)
	}
	var refund money.Money
	for _, l := range june.Run.PAs[0].Lines {
		if l.Kind == payroll.PensionRefund {
			refund += l.Amount
		}
	}
	if refund != ps.Pension.Employee || june.Run.PAs[0].Payslip.Pension.Employee != 0 {
		t.Errorf("June: refund %s, want May's %s; contribution %s", refund.Format(), ps.Pension.Employee.Format(), june.Run.PAs[0].Payslip.Pension.Employee.Format())
	}
	if _, err := s.FinalisePayRun(a.ID, civil.MustParse("2026-06-25")); err != nil {
		t.Fatal(err)
	}
	july, err := s.PayRun(a.ID, civil.MustParse("2026-07-24"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range july.Run.PAs[0].Lines {
		if l.Kind == payroll.PensionRefund {
			t.Errorf("July gives the refund again: %+v", l)
		}
	}
	// The home screen's reminders: the declaration is due within 5
	// months of the duties start date.
	rs, err := s.PensionReminders(a.ID, civil.MustParse("2026-07-01"))
	if err != nil || len(rs) == 0 || rs[0].Due != civil.MustParse("2026-09-05") || rs[0].Overdue {
		t.Fatalf("reminders %+v %v", rs, err)
	}
	if rs, _ := s.PensionReminders(a.ID, civil.MustParse("2026-09-06")); !rs[0].Overdue {
		t.Errorf("after 05/09/2026 the declaration is overdue: %+v", rs[0])
	}
}

// TestContractOnlyPensionUnchanged: with no duties recorded the contract
// alone decides, as before.
func TestContractOnlyPensionUnchanged(t *testing.T) {
	s, a, _ := payBudget(t, household.Monthly, nestContract)
	v, err := s.PayRun(a.ID, civil.MustParse("2026-04-24"))
	if err != nil {
		t.Fatal(err)
	}
	if v.Run.PAs[0].Duties != nil || v.Run.PAs[0].Payslip.Pension.Employee <= 0 {
		t.Errorf("contract pension: %+v, decision %+v", v.Run.PAs[0].Payslip.Pension, v.Run.PAs[0].Duties)
	}
	rs, err := s.PensionReminders(a.ID, civil.MustParse("2026-04-24"))
	if err != nil || len(rs) != 1 || !strings.Contains(rs[0].Text, "duties start date") {
		t.Errorf("reminders with no duties: %+v %v", rs, err)
	}
}
