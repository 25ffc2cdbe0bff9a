package service

import (
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/storage"
)

// Robin (fixed hours, paid monthly on the 25th from April 2026) is due on
// 12 January 2027 and takes SMP from Sunday 1 November 2026. Each pay run
// pays the SMP for its days as its own line, worked out as payroll.FamilyPay
// says from the stored payslips (gov.uk "Work out your employee's payments
// for Statutory Maternity Pay"), and no contracted hours for the days on
// leave; the HMRC record takes the 109% recoverable with Small Employers'
// Relief (no Class 1 NI in 2025-26) off what is due, as the EPS claims
// it; the P60 lists the SMP; the money owed to HMRC matches the record.
func TestSMPFromRuleToPayRunToHMRCRecord(t *testing.T) {
	s, a, pa := payBudget(t, household.Monthly, fixedContract)
	for _, d := range []string{"2026-04-24", "2026-05-22", "2026-06-25", "2026-07-24", "2026-08-25", "2026-09-25", "2026-10-23"} {
		if _, err := s.FinalisePayRun(a.ID, civil.MustParse(d)); err != nil {
			t.Fatalf("%s: %v", d, err)
		}
	}
	leave := payroll.FamilyLeave{Kind: payroll.Maternity, Expected: civil.MustParse("2027-01-12"), From: civil.MustParse("2026-11-01"), Weeks: 39}

	// Refusals store nothing.
	for _, tt := range []struct {
		name, want string
		f          FamilyLeave
	}{
		{"too many weeks", "1 to 39 weeks", FamilyLeave{AccountID: a.ID, PAID: pa.ID, Leave: payroll.FamilyLeave{Kind: payroll.Maternity, Expected: leave.Expected, From: leave.From, Weeks: 40}}},
		{"in a finalised period", "already finalised", FamilyLeave{AccountID: a.ID, PAID: pa.ID, Leave: payroll.FamilyLeave{Kind: payroll.Maternity, Expected: civil.MustParse("2026-12-01"), From: civil.MustParse("2026-10-20"), Weeks: 39}}},
		{"another budget's PA", "not in this budget", FamilyLeave{AccountID: a.ID + 100, PAID: pa.ID, Leave: leave}},
	} {
		if _, err := s.AddFamilyLeave(tt.f); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	f, err := s.AddFamilyLeave(FamilyLeave{AccountID: a.ID, PAID: pa.ID, Leave: leave, Note: "MATB1 seen"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddFamilyLeave(FamilyLeave{AccountID: a.ID, PAID: pa.ID, Leave: payroll.FamilyLeave{Kind: payroll.SharedParental, Expected: leave.Expected, From: civil.MustParse("2027-02-07"), Weeks: 4}}); err == nil || !strings.Contains(err.Error(), "overlaps") {
		t.Errorf("overlapping leave: %v", err)
	}
	list, err := s.FamilyLeaves(a.ID, 0)
	if err != nil || len(list) != 1 || list[0].ID != f.ID || list[0].PA != "Robin Example" || !list[0].Pay.Due || len(list[0].Pay.Weeks) != 22 { // weeks from Sunday 4 April 2027 wait for the 2027-28 rates
		t.Fatalf("FamilyLeaves = %+v %v", list, err)
	}
	want := list[0].Pay

	var smp money.Money
	for _, d := range []string{"2026-11-25", "2026-12-24"} {
		v, err := s.FinalisePayRun(a.ID, civil.MustParse(d))
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		r := v.Run.PAs[0]
		per := v.Period
		if len(r.Lines) != 1 || r.Lines[0].Kind != payroll.MaternityPay {
			t.Fatalf("%s: lines %+v (no contracted hours for days on leave)", d, r.Lines)
		}
		l := r.Lines[0]
		if l.Amount != want.AmountBetween(per.From, per.To) || l.Amount == 0 {
			t.Errorf("%s: SMP %s, want %s", d, l.Amount, want.AmountBetween(per.From, per.To))
		}
		if rate, _ := payroll.FamilyPayRecovery(per.Payday, true); l.Recoverable != payroll.Recovered(l.Amount, rate) || rate != 10900 {
			t.Errorf("%s: recoverable %s at %s", d, l.Recoverable, rate)
		}
		smp += l.Amount
		if r.Payslip.YearToDate.StatutoryPay != smp || r.Payslip.NIablePay != l.Amount || r.Payslip.TaxablePay != l.Amount {
			t.Errorf("%s: statutory pay to date %s, want %s; NI-able %s", d, r.Payslip.YearToDate.StatutoryPay, smp, r.Payslip.NIablePay)
		}
	}

	rec, err := s.HMRCRecord(a.ID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var recovered money.Money
	for _, row := range rec.Periods {
		if row.FamilyPay == 0 {
			if row.Recovered != 0 {
				t.Errorf("%s: recovered %s with no family pay", row.Period.Key(), row.Recovered)
			}
			continue
		}
		recovered += row.Recovered
		gross := row.Tax + row.EmployeeNI + row.EmployerNI + row.StudentLoan - row.EmploymentAllowance
		if row.Due != max(gross-row.Recovered, 0) || row.Reclaim != max(row.Recovered-gross, 0) {
			t.Errorf("%s: owes %s before recovery, recovered %s, due %s, reclaim %s", row.Period.Key(), gross, row.Recovered, row.Due, row.Reclaim)
		}
		err := s.view("checking", func(tx *storage.Tx) error {
			o, ok, err := tx.HMRCOwed(a.ID, row.Period.Key())
			if err != nil {
				return err
			}
			if (row.Due > 0) != ok || (ok && o.Owed.Amount != row.Due) {
				t.Errorf("%s: owed to HMRC in Money %+v (found %v), the record says %s", row.Period.Key(), o.Owed, ok, row.Due)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if recovered == 0 || rec.Total.Recovered != recovered || rec.Total.FamilyPay != smp || len(rec.Recovery) != 2 ||
		!strings.Contains(rec.Recovery[0], "Statutory Maternity Pay paid") || !strings.Contains(rec.Recovery[0], "Employer Payment Summary (EPS)") {
		t.Errorf("recovered %s (total %s), family pay %s, words %q", recovered, rec.Total.Recovered, rec.Total.FamilyPay, rec.Recovery)
	}

	p60s, err := s.P60s(a.ID, 2026, pa.ID)
	if err != nil || len(p60s) != 1 || p60s[0].Statutory.SMP != smp || p60s[0].Statutory.SSP != 0 {
		t.Errorf("P60 statutory pay %+v, want SMP %s (%v)", p60s, smp, err)
	}

	// The leave cannot go while a run has paid it; reversing the runs
	// takes their recovery out of what is owed too.
	if err := s.RemoveFamilyLeave(a.ID, f.ID); err == nil || !strings.Contains(err.Error(), "paid Statutory Maternity Pay") {
		t.Errorf("removing paid leave: %v", err)
	}
	for _, d := range []string{"2026-12-24", "2026-11-25"} {
		if err := s.ReversePayRun(a.ID, civil.MustParse(d), "SMP dates were wrong"); err != nil {
			t.Fatalf("reversing %s: %v", d, err)
		}
	}
	if err := s.RemoveFamilyLeave(a.ID, f.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.FamilyLeaves(a.ID, 0); len(list) != 0 {
		t.Errorf("%d episodes after removing", len(list))
	}
	v, err := s.PayRun(a.ID, civil.MustParse("2026-11-25"))
	if err != nil || len(v.Run.PAs) != 1 || v.Run.PAs[0].Lines[0].Kind != payroll.Basic || payrun.RecoverableOf(v.Run.PAs[0].Lines) != 0 {
		t.Errorf("November without the leave: %+v %v", v.Run.PAs, err)
	}
}
