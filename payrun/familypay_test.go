package payrun

import (
	"testing"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
)

// monthlyPay is £amount paid on the 22nd of each month from first to last.
func monthlyPay(first, last string, amount money.Money) []payroll.PaidOn {
	var out []payroll.PaidOn
	for d := civil.MustParse(first); !d.After(civil.MustParse(last)); d = d.AddMonths(1) {
		out = append(out, payroll.PaidOn{Payday: d, Pay: amount})
	}
	return out
}

// Robin, paid £1,000 on the 22nd of each month, is due on Monday 15 June
// 2026: the qualifying week is 1 to 7 March 2026, the relevant period the
// paydays of 22 January and 22 February (gov.uk "Work out your employee's
// payments for Statutory Maternity Pay": the last payday on or before the
// qualifying week's Saturday, back to the last one at least 8 weeks
// before), AWE £2,000 x 12 / 52 / 2 = £230.76..., 90% rounded up £207.70.
// SMP from Sunday 3 May: May pays weeks 1 to 4 whole (£830.80) and 31 May,
// one day of week 5 (£207.70 / 7 = £29.671... rounded up, £29.68):
// £860.48, its own line beside the contracted hours of 1 and 2 May. With
// Small Employers' Relief 109% of it (2026-27) is recoverable, £937.92;
// without, 92%, £791.64.
func TestSMPLineInAPayRun(t *testing.T) {
	smp := payroll.FamilyLeave{Kind: payroll.Maternity, Expected: civil.MustParse("2026-06-15"), From: civil.MustParse("2026-05-03"), Weeks: 39}
	in := PAInput{PA: robin, Contracts: []household.Contract{fixed("2025-04-06", "12.00")},
		EarlierPay: monthlyPay("2025-05-22", "2026-04-22", 100000), Family: []FamilyEpisode{{Leave: smp, Class1NI: 0}}}
	run, err := Build(RunInput{Employer: employer, Period: may, PAs: []PAInput{in}})
	if err != nil || len(run.PAs) != 1 {
		t.Fatalf("%v %+v", err, run.Warnings)
	}
	r := run.PAs[0]
	if len(r.Lines) != 2 || r.Lines[0].Kind != payroll.Basic || r.Lines[0].Minutes != 2*60 || r.Lines[1].Kind != payroll.MaternityPay {
		t.Fatalf("lines %+v", r.Lines)
	}
	l := r.Lines[1]
	if l.Amount != money.MustParse("860.48") || l.Description != "Statutory Maternity Pay: 29 days" || l.Recoverable != money.MustParse("937.92") {
		t.Errorf("SMP line %+v", l)
	}
	if r.Payslip.Gross != money.MustParse("884.48") || r.Payslip.YearToDate.StatutoryPay != money.MustParse("860.48") || r.Payslip.NIablePay != r.Payslip.Gross {
		t.Errorf("gross %s, statutory pay to date %s, NI-able %s", r.Payslip.Gross, r.Payslip.YearToDate.StatutoryPay, r.Payslip.NIablePay)
	}
	if run.Totals.Recoverable != money.MustParse("937.92") || run.Blocked() {
		t.Errorf("recoverable %s, blocked %v %+v", run.Totals.Recoverable, run.Blocked(), run.Blocking())
	}

	in.Family[0].Class1NI = money.MustParse("45000.01")
	run, _ = Build(RunInput{Employer: employer, Period: may, PAs: []PAInput{in}})
	if got := run.PAs[0].Lines[1].Recoverable; got != money.MustParse("791.64") {
		t.Errorf("recoverable without Small Employers' Relief %s, want £791.64", got)
	}

	// Paid £500 a month, below the LEL (£500 x 12 / 52 = £115.38): no SMP,
	// and the employer is told to give her form SMP1.
	in.EarlierPay = monthlyPay("2025-05-22", "2026-04-22", 50000)
	run, _ = Build(RunInput{Employer: employer, Period: may, PAs: []PAInput{in}})
	r = run.PAs[0]
	if len(r.Lines) != 1 || !hasWarning(r, "below the lower earnings limit of £125.00", false) || !hasWarning(r, "form SMP1", false) || run.Totals.Recoverable != 0 {
		t.Errorf("lines %+v, warnings %+v", r.Lines, r.Warnings)
	}
}
