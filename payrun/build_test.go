package payrun

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

var (
	employer = household.Employer{Name: "Pat Example", PayFrequency: household.Monthly, Payday: "25", EmploymentAllowance: true}
	may      = household.PayPeriod{From: civil.MustParse("2026-05-01"), To: civil.MustParse("2026-05-31"), Payday: civil.MustParse("2026-05-22")}
	robin    = household.PA{ID: 1, Name: "Robin Example", StartDate: civil.MustParse("2025-04-06"), DateOfBirth: civil.MustParse("1990-05-01"), TaxCode: "1257L", NINumber: "JY998877C"}
)

func fixed(from string, rate string) household.Contract {
	return household.Contract{PAID: 1, EffectiveFrom: civil.MustParse(from), HoursType: household.FixedHours, ContractedMinutesWeek: 7 * 60,
		DayRate: money.MustParse(rate), HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone}
}

func build(t *testing.T, p PAInput) PAResult {
	t.Helper()
	run, err := Build(RunInput{Employer: employer, Period: may, PAs: []PAInput{p}})
	if err != nil {
		t.Fatal(err)
	}
	if len(run.PAs) != 1 {
		t.Fatalf("%d payslips; warnings %+v", len(run.PAs), run.Warnings)
	}
	return run.PAs[0]
}

func hasWarning(r PAResult, part string, blocks bool) bool {
	for _, w := range r.Warnings {
		if strings.Contains(w.Text(), part) && w.Blocks == blocks {
			return true
		}
	}
	return false
}

func TestBuildPA(t *testing.T) {
	tests := []struct {
		name  string
		in    func() PAInput
		check func(t *testing.T, r PAResult)
	}{
		{"contracted hours across a pay rise, one line a rate", func() PAInput {
			return PAInput{PA: robin, Contracts: []household.Contract{fixed("2025-04-06", "12.00"), fixed("2026-05-18", "13.00")}}
		}, func(t *testing.T, r PAResult) {
			// 7 hours a week is an hour a day: 17 days at £12.00, 14 at £13.00.
			if len(r.Lines) != 2 || r.Lines[0].Minutes != 17*60 || r.Lines[1].Minutes != 14*60 || r.Payslip.Gross != money.MustParse("386.00") {
				t.Errorf("lines %+v, gross %s", r.Lines, r.Payslip.Gross)
			}
			if !hasWarning(r, "no timesheet", false) || r.FPS.HoursBand != payroll.HoursUnder16 {
				t.Errorf("warnings %+v, band %s", r.Warnings, r.FPS.HoursBand)
			}
		}},
		{"no tax code, no P45, no starter statement: 0T week 1 / month 1 (HMRC)", func() PAInput {
			p := robin
			p.TaxCode = ""
			return PAInput{PA: p, Contracts: []household.Contract{fixed("2025-04-06", "12.00")}}
		}, func(t *testing.T, r PAResult) {
			if !r.Input.Week1Month1 || r.Input.TaxCode.Base() != "0T" || !hasWarning(r, "no tax code on record", false) {
				t.Errorf("code %s week1 %v, warnings %+v", r.Input.TaxCode, r.Input.Week1Month1, r.Warnings)
			}
		}},
		{"no tax code, starter statement B: the emergency code, week 1 / month 1", func() PAInput {
			p := robin
			p.TaxCode, p.StarterStatement = "", "B"
			return PAInput{PA: p, Contracts: []household.Contract{fixed("2025-04-06", "12.00")}}
		}, func(t *testing.T, r PAResult) {
			if !r.Input.Week1Month1 || r.Input.TaxCode.Base() != "1257L" || !hasWarning(r, "Statement B", false) {
				t.Errorf("code %s week1 %v, warnings %+v", r.Input.TaxCode, r.Input.Week1Month1, r.Warnings)
			}
		}},
		{"paid after leaving: 0T week 1 / month 1", func() PAInput {
			p := robin
			p.LeavingDate = civil.MustParse("2026-04-20")
			return PAInput{PA: p, Contracts: []household.Contract{fixed("2025-04-06", "12.00")},
				Adjustments: []Adjustment{{ID: 9, PAID: 1, Payday: may.Payday, Kind: BackPay, Description: "Back pay for April", Amount: money.MustParse("40.00")}}}
		}, func(t *testing.T, r PAResult) {
			if r.Input.TaxCode.Base() != "0T" || !r.Input.Week1Month1 || len(r.Lines) != 1 || r.Adjusted[0] != 9 || !hasWarning(r, "pay after a P45", false) {
				t.Errorf("code %s, lines %+v, warnings %+v", r.Input.TaxCode, r.Lines, r.Warnings)
			}
		}},
		{"the last pay of a leaver in the period", func() PAInput {
			p := robin
			p.LeavingDate = civil.MustParse("2026-05-10")
			return PAInput{PA: p, Contracts: []household.Contract{fixed("2025-04-06", "12.00")}}
		}, func(t *testing.T, r PAResult) {
			if r.FPS.LeavingDate != p10May || r.Lines[0].Minutes != 10*60 || !hasWarning(r, "this is their last pay", false) {
				t.Errorf("leaving %s, lines %+v, warnings %+v", r.FPS.LeavingDate, r.Lines, r.Warnings)
			}
		}},
		{"the minimum wage is checked on the period's first day", func() PAInput {
			return PAInput{PA: robin, Contracts: []household.Contract{fixed("2025-04-06", "12.00")}}
		}, func(t *testing.T, r PAResult) {
			if r.Input.PayReferenceStart != may.From || !r.Payslip.MinimumWageChecked || !r.Payslip.MinimumWage.Below {
				t.Errorf("reference start %s, checked %v, below %v", r.Input.PayReferenceStart, r.Payslip.MinimumWageChecked, r.Payslip.MinimumWage.Below)
			}
			if !hasWarning(r, "below the National Living Wage", false) {
				t.Errorf("no minimum wage warning: %+v", r.Warnings)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, build(t, tt.in())) })
	}
}

var p10May = civil.MustParse("2026-05-10")

// TestBuildTimesheets: a draft blocks and pays nothing; an approved
// timesheet's weekend hours are a premium (overtime for the minimum wage)
// and its sleep-in its own allowance line; mileage is paid back at 45p.
func TestBuildTimesheets(t *testing.T) {
	c := household.Contract{PAID: 1, EffectiveFrom: civil.MustParse("2025-04-06"), HoursType: household.IrregularHours, DayRate: money.MustParse("13.00"),
		WeekendRate: money.MustParse("14.00"), SleepInAllowance: money.MustParse("80.00"), HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone}
	at := func(s string) time.Time {
		x, err := rota.ParseLocal(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	ts := rota.Timesheet{ID: 5, PAID: 1, From: may.From, To: may.To, Status: rota.Approved, ApprovedBy: "Pat Example", ApprovedOn: may.To,
		Entries: []rota.Entry{
			{Start: at("2026-05-05 09:00"), End: at("2026-05-05 17:00"), Type: rota.Day, MileageTenths: 125},
			{Start: at("2026-05-09 09:00"), End: at("2026-05-09 13:00"), Type: rota.Day},
			{Start: at("2026-05-12 22:00"), End: at("2026-05-13 07:00"), Type: rota.SleepIn},
		}}
	r := build(t, PAInput{PA: robin, Contracts: []household.Contract{c}, Timesheets: []rota.Timesheet{ts}})
	kinds := map[payroll.LineKind]money.Money{}
	for _, l := range r.Lines {
		kinds[l.Kind] += l.Amount
		if !strings.HasPrefix(l.Source, "Timesheet 01/05/2026 to 31/05/2026, approved on 31/05/2026 by Pat Example") {
			t.Errorf("source %q", l.Source)
		}
	}
	if kinds[payroll.Basic] != money.MustParse("104.00") || kinds[payroll.Overtime] != money.MustParse("56.00") ||
		kinds[payroll.SleepIn] != money.MustParse("80.00") || kinds[payroll.Expenses] != money.MustParse("5.63") {
		t.Errorf("lines by kind %v", kinds)
	}
	if r.Payslip.Gross != money.MustParse("240.00") || r.Payslip.NetPay != money.MustParse("245.63") || len(r.Paid) != 1 || r.Miles != 125 {
		t.Errorf("gross %s, net %s, paid %v, miles %d", r.Payslip.Gross, r.Payslip.NetPay, r.Paid, r.Miles)
	}
	draft := ts
	draft.Status = rota.Draft
	run, err := Build(RunInput{Employer: employer, Period: may, PAs: []PAInput{{PA: robin, Contracts: []household.Contract{c}, Timesheets: []rota.Timesheet{draft}}}})
	if err != nil {
		t.Fatal(err)
	}
	if !run.Blocked() || run.PAs[0].Calc || !strings.Contains(run.Blocking()[0].Text(), "is a draft: Robin Example has not signed it") {
		t.Errorf("a draft: blocked %v, %+v", run.Blocked(), run.Warnings)
	}
}

// TestBuildBeforeThePeriod: a run for a period not started yet is
// blocked; one still running says so, without blocking.
func TestBuildBeforeThePeriod(t *testing.T) {
	p := PAInput{PA: robin, Contracts: []household.Contract{fixed("2025-04-06", "13.00")}}
	for _, tt := range []struct {
		today       string
		blocked     bool
		warningPart string
	}{
		{"2026-04-20", true, "The pay period starts on 01/05/2026, after today."},
		{"2026-05-20", false, "runs until 31/05/2026, after today"},
		{"2026-06-01", false, ""},
	} {
		t.Run(tt.today, func(t *testing.T) {
			run, err := Build(RunInput{Employer: employer, Period: may, PAs: []PAInput{p}, Today: civil.MustParse(tt.today)})
			if err != nil {
				t.Fatal(err)
			}
			var found bool
			for _, w := range run.Warnings {
				found = found || (tt.warningPart != "" && strings.Contains(w.Text(), tt.warningPart))
			}
			if run.Blocked() != tt.blocked || found != (tt.warningPart != "") {
				t.Errorf("blocked %v, warnings %+v", run.Blocked(), run.Warnings)
			}
		})
	}
}
