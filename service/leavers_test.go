package service

import (
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/rota"
)

// leaverBudget is payBudget's monthly PA (30 hours a week at £14.00, from
// 6 April 2026) with a week's holiday on the rota, 13 to 17 July 2026
// (five 6-hour shifts), paid up to the payday before leavingOn; they
// then leave on leavingOn.
func leaverBudget(t *testing.T, leavingOn string) (*Service, household.Account, household.PA) {
	t.Helper()
	s, a, pa := payBudget(t, household.Monthly, fixedContract)
	for _, d := range []string{"2026-07-13", "2026-07-14", "2026-07-15", "2026-07-16", "2026-07-17"} {
		if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: pa.ID, Start: at(d + " 09:00"), End: at(d + " 15:00"), Type: rota.Day}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.RecordAbsence(a.ID, rota.Absence{PAID: pa.ID, Kind: rota.Holiday, From: civil.MustParse("2026-07-13"), To: civil.MustParse("2026-07-17")}); err != nil {
		t.Fatal(err)
	}
	leaving := civil.MustParse(leavingOn)
	rows, err := s.Paydays(a.ID, civil.MustParse("2026-04-06"), leaving.AddDays(-40))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if _, err := s.FinalisePayRun(a.ID, r.Period.Payday); err != nil {
			t.Fatalf("%s: %v", r.Period.Payday.UK(), err)
		}
	}
	pa.LeavingDate, pa.LeavingReason = leaving, "Moved away"
	if pa, err = s.SavePA(pa); err != nil {
		t.Fatal(err)
	}
	return s, a, pa
}

// lineLike returns the first line whose description starts with prefix.
func lineLike(lines []payroll.Line, prefix string) (payroll.Line, bool) {
	for _, l := range lines {
		if strings.HasPrefix(l.Description, prefix) {
			return l, true
		}
	}
	return payroll.Line{}, false
}

// TestLeaverPaidHolidayNotTaken follows GOV.UK's "Holiday entitlement:
// leaving a job" (and the Working Time Regulations 1998, reg 14: the
// leave due for the part of the leave year worked, less the leave taken,
// is paid in lieu). The PA's leave year starts on 6 April 2026; they work
// 30 hours over 5 days a week, so a full year is 5.6 weeks = 168 hours
// (28 days, the cap, exactly). They leave on 30 September 2026, 178 days
// into the 365-day year: 168 h x 178 / 365 = 81 h 56 m (4,916 minutes).
// They took a week (30 hours) in July, so 51 h 56 m (3,116 minutes) is
// paid on the last payslip, at a week's pay for each 30 hours.
func TestLeaverPaidHolidayNotTaken(t *testing.T) {
	s, a, pa := leaverBudget(t, "2026-09-30")
	v, err := s.PayRun(a.ID, civil.MustParse("2026-09-25"))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Run.PAs) != 1 || !v.Run.PAs[0].Calc {
		t.Fatalf("run %+v", v.Run.Warnings)
	}
	r := v.Run.PAs[0]
	l, ok := lineLike(r.Payslip.Lines, "Holiday not taken, paid on leaving")
	if !ok {
		t.Fatalf("no line for the holiday not taken: %+v; warnings %+v", r.Payslip.Lines, r.Warnings)
	}
	if !strings.Contains(l.Description, "51 hours 56 minutes") || !strings.Contains(l.Description, "for a week of 30 hours") {
		t.Errorf("line %q", l.Description)
	}
	// Every earlier period paid the contracted 30 hours at £14.00, so a
	// week's pay is £420.00: 3,116 / 1,800 weeks of it is £727.07.
	if !strings.Contains(l.Description, "a week's pay of £420.00") || l.Amount != money.MustParse("727.07") {
		t.Errorf("line %q: %s, want a week's pay of £420.00 and £727.07", l.Description, l.Amount.Format())
	}
	if l.Kind != payroll.Holiday || r.Holiday < l.Amount || r.FPS.LeavingDate != pa.LeavingDate {
		t.Errorf("kind %v, holiday on the payslip %s, FPS leaving date %s", l.Kind, r.Holiday.Format(), r.FPS.LeavingDate.UK())
	}
	said := false
	for _, w := range r.Warnings {
		said = said || strings.Contains(w.Message, "leaves with 51 hours 56 minutes of holiday not taken")
	}
	if !said {
		t.Errorf("warnings %+v", r.Warnings)
	}
	// Finalised, the P45 carries the pay including the holiday.
	if _, err := s.FinalisePayRun(a.ID, civil.MustParse("2026-09-25")); err != nil {
		t.Fatal(err)
	}
	p, err := s.P45(a.ID, pa.ID)
	if err != nil {
		t.Fatal(err)
	}
	slips, _ := s.Payslips(a.ID, civil.MustParse("2026-04-06"), civil.MustParse("2027-04-05"), pa.ID)
	var pay money.Money
	for _, x := range slips {
		pay += x.Result.TaxablePay
	}
	if p.Pay != pay || p.Period != 6 || p.Week1Month1 || p.Week53 {
		t.Errorf("P45 pay %s (payslips %s), month %d, week 1 %v, week 53 %v", p.Pay.Format(), pay.Format(), p.Period, p.Week1Month1, p.Week53)
	}
	// The payslip says the holiday is paid, not that it is still left.
	docs, err := s.PayslipDocs(a.ID, civil.MustParse("2026-09-25"), civil.MustParse("2026-09-25"), pa.ID)
	if err != nil || len(docs) != 1 {
		t.Fatalf("payslip docs: %d, %v", len(docs), err)
	}
	if want := "Your last pay: the holiday you had not taken by your leaving date (30/09/2026) is paid on this payslip, £727.07 on its own line."; docs[0].Holiday != want {
		t.Errorf("the payslip's holiday line is %q, want %q", docs[0].Holiday, want)
	}
}

// TestLeaverWhoTookMoreHolidayThanEarned: leaving on 31 July 2026, 117
// days into the leave year, the PA has earned 168 h x 117 / 365 = 53 h
// 51 m, and has taken two weeks (60 hours) in July: 6 h 9 m more than
// earned. GOV.UK ("Holiday entitlement: leaving a job"): the employer may
// take it back from the final pay only if the contract says so, so
// nothing is taken and the preview says what to decide.
func TestLeaverWhoTookMoreHolidayThanEarned(t *testing.T) {
	s, a, pa := leaverBudget(t, "2026-07-31")
	for _, d := range []string{"2026-07-20", "2026-07-21", "2026-07-22", "2026-07-23", "2026-07-24"} {
		if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: pa.ID, Start: at(d + " 09:00"), End: at(d + " 15:00"), Type: rota.Day}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.RecordAbsence(a.ID, rota.Absence{PAID: pa.ID, Kind: rota.Holiday, From: civil.MustParse("2026-07-20"), To: civil.MustParse("2026-07-24")}); err != nil {
		t.Fatal(err)
	}
	v, err := s.PayRun(a.ID, civil.MustParse("2026-07-24"))
	if err != nil {
		t.Fatal(err)
	}
	r := v.Run.PAs[0]
	if _, ok := lineLike(r.Payslip.Lines, "Holiday not taken"); ok {
		t.Errorf("a leaver who took too much was paid for holiday not taken: %+v", r.Payslip.Lines)
	}
	said := false
	for _, w := range r.Warnings {
		said = said || (strings.Contains(w.Message, "took 6 hours 9 minutes more holiday than they had earned") && strings.Contains(w.Message, "only where their contract says so"))
	}
	if !said || v.Run.Blocked() {
		t.Errorf("blocked %v, warnings %+v", v.Run.Blocked(), r.Warnings)
	}
}

// TestWeek53Leaver follows HMRC's guidance on week 53 payments ("Payroll:
// annual reporting and tasks"; the Employer Further Guide to PAYE, CWG2,
// "Payments made in week 53"): a PA paid weekly on Mondays through
// 2026-27 is paid on Monday 5 April 2027, tax week 53, worked out on a
// week 1 basis, for the week to Sunday 4 April, their last day. The P45 names week 53 as the last
// entries, keeps the code's own (cumulative) basis so the totals are
// filled in, and its pay and tax equal the payslips' sums.
func TestWeek53Leaver(t *testing.T) {
	s, a, pa := payBudget(t, household.Weekly, fixedContract)
	pa.LeavingDate = civil.MustParse("2027-04-04")
	pa, err := s.SavePA(pa)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Paydays(a.ID, civil.MustParse("2026-04-06"), civil.MustParse("2027-04-05"))
	if err != nil {
		t.Fatal(err)
	}
	// The first payday is Monday 13 April (for the week from 6 April), so
	// the 52nd, Monday 5 April 2027, is the 365th day of the tax year: tax
	// week 53.
	if len(rows) != 52 || rows[51].Period.Payday != civil.MustParse("2027-04-05") {
		t.Fatalf("%d paydays, the last %s", len(rows), rows[len(rows)-1].Period.Payday.UK())
	}
	for _, r := range rows {
		if _, err := s.FinalisePayRun(a.ID, r.Period.Payday); err != nil {
			t.Fatalf("%s: %v", r.Period.Payday.UK(), err)
		}
	}
	slips, err := s.Payslips(a.ID, civil.MustParse("2026-04-06"), civil.MustParse("2027-04-05"), pa.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := slips[len(slips)-1].Result
	if last.Period != 53 || last.FPS.Week53 != 53 || last.PAYE.Cumulative {
		t.Fatalf("last payslip: period %d, week 53 indicator %d, cumulative %v", last.Period, last.FPS.Week53, last.PAYE.Cumulative)
	}
	p, err := s.P45(a.ID, pa.ID)
	if err != nil {
		t.Fatal(err)
	}
	var pay, tax money.Money
	for _, x := range slips {
		pay += x.Result.TaxablePay
		tax += x.Result.Tax
	}
	if p.Period != 53 || p.Monthly() || p.Week1Month1 || !p.Week53 || p.Pay != pay || p.Tax != tax {
		t.Errorf("P45: week %d, monthly %v, week 1 %v, week 53 %v, pay %s tax %s; payslips %s and %s",
			p.Period, p.Monthly(), p.Week1Month1, p.Week53, p.Pay.Format(), p.Tax.Format(), pay.Format(), tax.Format())
	}
	doc, err := s.P45Doc(a.ID, pa.ID)
	if err != nil || doc.LastPeriod != "Week 53" || !doc.Week53 {
		t.Errorf("P45 doc: %q, week 53 %v, %v", doc.LastPeriod, doc.Week53, err)
	}
}

// TestSSP1WhenSickPayRunsOut: off sick from Monday 1 June 2026 to the end
// of January 2027, a PA is paid SSP for 28 weeks, to Friday 11 December;
// it stops on Monday 14 December. HMRC ("Statutory Sick Pay: employee is
// not entitled") asks for form SSP1 by the start of the 23rd week, 6
// weeks before: 2 November. The November run says so, and the December
// run, in which SSP stops, says it again.
func TestSSP1WhenSickPayRunsOut(t *testing.T) {
	s, a, pa := payBudget(t, household.Monthly, fixedContract)
	for _, d := range []string{"2026-04-24", "2026-05-22"} {
		if _, err := s.FinalisePayRun(a.ID, civil.MustParse(d)); err != nil {
			t.Fatal(err)
		}
	}
	weekdays := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	if _, err := s.RecordAbsence(a.ID, rota.Absence{PAID: pa.ID, Kind: rota.Sickness, From: civil.MustParse("2026-06-01"), To: civil.MustParse("2027-01-31"), QualifyingDays: weekdays}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Paydays(a.ID, civil.MustParse("2026-06-01"), civil.MustParse("2026-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	said := map[string]string{}
	for _, r := range rows {
		v, err := s.FinalisePayRun(a.ID, r.Period.Payday)
		if err != nil {
			t.Fatalf("%s: %v", r.Period.Payday.UK(), err)
		}
		for _, w := range v.Run.Warnings {
			if strings.Contains(w.Message, "form SSP1") {
				said[r.Period.Payday.String()[:7]] = w.Message
			}
		}
	}
	want := "Give Robin Example form SSP1 by 02/11/2026 (HMRC's form, so they can claim Employment and Support Allowance or Universal Credit): their SSP stops on 14/12/2026 (the last day paid is 11/12/2026), because they have been paid the most SSP there is: 28 weeks in a period of sickness."
	if len(said) != 2 || said["2026-11"] != want || said["2026-12"] != want {
		t.Errorf("SSP1 warnings by month: %q", said)
	}
}
