package service

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/rota"
	"patoolkit/storage"
)

// TestDemoPayRunsReconcile runs the demo's tax years and proves they add
// up: per PA and in total, the sum of the payslips equals the year to date
// on the last payslip equals the HMRC record; every stored payslip is what
// the engine gives for its stored input; each PA's net pay was owed, then
// paid by a ledger line of the same amount.
func TestDemoPayRunsReconcile(t *testing.T) {
	s, accounts := demoService(t)
	s.SetClock(func() time.Time { return DemoEnd.Time(time.UTC).Add(12 * time.Hour) })
	for _, a := range accounts {
		for _, year := range []payroll.TaxYear{2025, 2026} {
			t.Run(a.Name+" "+year.String(), func(t *testing.T) {
				slips, err := s.Payslips(a.ID, year.Start(), year.End(), 0)
				if err != nil {
					t.Fatal(err)
				}
				if len(slips) < 5 {
					t.Fatalf("%d payslips in %s", len(slips), year)
				}
				type sums struct{ gross, taxable, tax, eeNI, erNI, loans, net money.Money }
				per := map[int64]*sums{}
				last := map[int64]payroll.YearToDate{}
				var total sums
				// What the statutory family pay allows back: each line at
				// the rate for its payday with Small Employers' Relief (no
				// demo employer pays anywhere near £45,000 of Class 1 NI).
				var recoverable money.Money
				for _, p := range slips {
					for _, l := range p.Detail.Lines {
						if _, ok := payroll.FamilyPayKindOf(l.Kind); !ok {
							continue
						}
						rate, err := payroll.FamilyPayRecovery(p.Payday, true)
						if err != nil {
							t.Fatal(err)
						}
						if want := payroll.Recovered(l.Amount, rate); l.Recoverable != want {
							t.Errorf("%s %s: %s recoverable of %s, want %s at %s", p.PA, p.Payday.UK(), l.Recoverable.Format(), l.Amount.Format(), want.Format(), rate)
						}
						recoverable += payroll.Recovered(l.Amount, rate)
					}
				}
				if a.Name == "Priya's support" && year == 2026 && recoverable == 0 {
					t.Error("no statutory family pay in 2026-27: Zoë's maternity pay is missing")
				}
				for _, p := range slips {
					again, err := payroll.Calculate(p.Input)
					if err != nil {
						t.Fatalf("%s %s: %v", p.PA, p.Payday.UK(), err)
					}
					if a, b := mustJSON(t, again), mustJSON(t, p.Result); a != b {
						t.Errorf("%s %s: the stored payslip is not the engine's result for its input", p.PA, p.Payday.UK())
					}
					if per[p.PAID] == nil {
						per[p.PAID] = &sums{}
					}
					for _, x := range []*sums{per[p.PAID], &total} {
						r := p.Result
						x.gross += r.Gross
						x.taxable += r.TaxablePay
						x.tax += r.Tax
						x.eeNI += r.EmployeeNI
						x.erNI += r.EmployerNI
						x.loans += r.StudentLoan + r.PostgraduateLoan
						x.net += r.NetPay
					}
					last[p.PAID] = p.Result.YearToDate
					if p.Input.PayReferenceStart != p.Detail.Period.From {
						t.Errorf("%s %s: the minimum wage is checked from %s, not the period's first day %s", p.PA, p.Payday.UK(), p.Input.PayReferenceStart.UK(), p.Detail.Period.From.UK())
					}
				}
				for id, x := range per {
					y := last[id]
					got := sums{y.Gross, y.TaxablePay, y.Tax, y.EmployeeNI, y.EmployerNI, y.StudentLoan + y.PostgraduateLoan, y.NetPay}
					if got != *x {
						t.Errorf("PA %d: the payslips add up to %+v, the last year to date says %+v", id, *x, got)
					}
				}
				rec, err := s.HMRCRecord(a.ID, year)
				if err != nil {
					t.Fatal(err)
				}
				h := rec.Total
				if h.Tax != total.tax || h.EmployeeNI != total.eeNI || h.EmployerNI != total.erNI || h.StudentLoan != total.loans {
					t.Errorf("HMRC record %+v, payslips %+v", h, total)
				}
				runs, err := s.PayRuns(a.ID, year.Start(), year.End())
				if err != nil {
					t.Fatal(err)
				}
				var allowance money.Money
				for _, r := range runs {
					allowance += r.Allowance
				}
				// Due is what the runs owe less the allowance and what is
				// recovered, except what the recovery comes to beyond a
				// period's bill (the reclaim, set against later periods).
				if h.Recovered != recoverable {
					t.Errorf("HMRC record recovered %s, the statutory pay allows %s", h.Recovered.Format(), recoverable.Format())
				}
				if h.EmploymentAllowance != allowance || h.Due != total.tax+total.eeNI+total.erNI+total.loans-allowance-h.Recovered+h.Reclaim {
					t.Errorf("HMRC record due %s with allowance %s, recovered %s, reclaim %s; the runs used %s", h.Due, h.EmploymentAllowance, h.Recovered, h.Reclaim, allowance)
				}
				// Each PA's net pay is owed, then paid by a line of the same amount.
				err = s.view("checking", func(tx *storage.Tx) error {
					for _, r := range runs {
						owed, err := tx.RunOwedPayments(r.ID)
						if err != nil {
							return err
						}
						nets := map[string]money.Money{}
						for _, o := range owed {
							if o.Owed.Kind != budget.OwedNetPay {
								continue
							}
							nets[o.Owed.Payee] = o.Owed.Amount
							if o.Payments != 1 || o.Paid != o.Owed.Amount || o.LastPaid != r.Period.Payday {
								t.Errorf("%s on %s: %s owed, %s paid in %d lines on %s", o.Owed.Payee, r.Period.Payday.UK(), o.Owed.Amount, o.Paid, o.Payments, o.LastPaid.UK())
							}
						}
						slips, err := tx.RunPayslips(r.ID)
						if err != nil {
							return err
						}
						for _, p := range slips {
							if nets[p.PA] != p.Result.NetPay {
								t.Errorf("%s on %s: net pay %s, owed %s", p.PA, r.Period.Payday.UK(), p.Result.NetPay, nets[p.PA])
							}
						}
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	// The demo shows one HMRC payment made late.
	priya, _ := s.FindAccount("Priya's support")
	rec, err := s.HMRCRecord(priya.ID, 2025)
	if err != nil {
		t.Fatal(err)
	}
	late := 0
	for _, p := range rec.Periods {
		if p.Late {
			late++
		}
	}
	if late != 1 {
		t.Errorf("%d late HMRC payments in 2025-26, want 1: %+v", late, rec.Periods)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// payBudget is a budget paying one PA: fixed hours four-weekly on
// Mondays, from Monday 6 April 2026, or (monthly) on the 25th.
func payBudget(t *testing.T, freq household.Frequency, contract household.Contract) (*Service, household.Account, household.PA) {
	t.Helper()
	s := openTemp(t)
	s.SetClock(func() time.Time { return time.Date(2027, 4, 20, 10, 0, 0, 0, time.UTC) })
	e := household.Employer{Name: "Pat Example", PayFrequency: freq, Payday: "monday", PayFrom: civil.MustParse("2026-04-06"), EmploymentAllowance: true}
	if freq == household.Monthly {
		e.Payday, e.PayFrom = "25", civil.Date{}
	}
	a := mustSetup(t, s, household.Account{Name: "Pat's care", PersonSupported: "Pat Example", Capacity: household.Self,
		Council: "Example Council", Payment: money.MustParse("2000"), PaymentFrequency: household.FourWeekly,
		StartDate: civil.MustParse("2026-04-06"), ReturnPeriod: household.ReturnYearly, SurplusLimitWeeks: 8}, e)
	pa, err := s.SavePA(household.PA{AccountID: a.ID, Name: "Robin Example", StartDate: civil.MustParse("2026-04-06"),
		DateOfBirth: civil.MustParse("1990-05-01"), TaxCode: "1257L", NINumber: "JY998877C"})
	if err != nil {
		t.Fatal(err)
	}
	contract.PAID = pa.ID
	if contract.EffectiveFrom.IsZero() {
		contract.EffectiveFrom = civil.MustParse("2026-04-06")
	}
	if _, err := s.SaveContract(contract); err != nil {
		t.Fatal(err)
	}
	return s, a, pa
}

var fixedContract = household.Contract{HoursType: household.FixedHours, ContractedMinutesWeek: 30 * 60, DayRate: money.MustParse("14.00"),
	HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone}

// TestFourWeeklyYearWithWeek53 pays a fixed-hours PA (no timesheets, so
// their contracted hours) four-weekly on Mondays through 2026-27: the
// 13th payday, Monday 5 April 2027, is in tax week 53 and is taxed on a
// week 1 basis as HMRC's week 56 rule says.
func TestFourWeeklyYearWithWeek53(t *testing.T) {
	s, a, _ := payBudget(t, household.FourWeekly, fixedContract)
	rows, err := s.Paydays(a.ID, civil.MustParse("2026-04-06"), civil.MustParse("2027-04-05"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 13 || rows[12].Period.Payday != civil.MustParse("2027-04-05") {
		t.Fatalf("paydays: %d, last %+v", len(rows), rows[len(rows)-1])
	}
	for _, r := range rows {
		v, err := s.FinalisePayRun(a.ID, r.Period.Payday)
		if err != nil {
			t.Fatalf("%s: %v", r.Period.Payday.UK(), err)
		}
		ps := v.Payslips[0].Result
		// 30 hours a week for 4 weeks at £14.00.
		if ps.Gross != money.MustParse("1680.00") {
			t.Errorf("%s: gross %s", r.Period.Payday.UK(), ps.Gross)
		}
	}
	slips, err := s.Payslips(a.ID, civil.MustParse("2026-04-06"), civil.MustParse("2027-04-05"), 0)
	if err != nil {
		t.Fatal(err)
	}
	lastSlip := slips[len(slips)-1].Result
	if lastSlip.Period != 53 || lastSlip.FPS.Week53 != 56 || lastSlip.PAYE.Cumulative {
		t.Errorf("the last payday: period %d, week 53 indicator %d, cumulative %v", lastSlip.Period, lastSlip.FPS.Week53, lastSlip.PAYE.Cumulative)
	}
	// The 12 payslips before are cumulative: £1,680 four-weekly is
	// £21,840 a year, so £2,224 tax a year on 1257L = 13 × 4-weekly × ...
	if slips[11].Result.Period != 49 || !slips[11].Result.PAYE.Cumulative {
		t.Errorf("the 12th payday: period %d, cumulative %v", slips[11].Result.Period, slips[11].Result.PAYE.Cumulative)
	}
}

// TestRunRefusedWhileTimesheetUnapproved: a signed timesheet blocks the
// run, the refusal names whose and what to do, and nothing is stored.
func TestRunRefusedWhileTimesheetUnapproved(t *testing.T) {
	s, a, pa := payBudget(t, household.Monthly, household.Contract{HoursType: household.IrregularHours, DayRate: money.MustParse("13.00"),
		HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone})
	if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: pa.ID, Start: at("2026-05-04 09:00"), End: at("2026-05-04 17:00"), Type: rota.Day}); err != nil {
		t.Fatal(err)
	}
	ts, err := s.OpenTimesheet(a.ID, pa.ID, civil.MustParse("2026-05-04"))
	if err != nil {
		t.Fatal(err)
	}
	if ts, err = s.SignTimesheet(ts.ID, pa.Name, civil.MustParse("2026-05-20")); err != nil {
		t.Fatal(err)
	}
	payday := civil.MustParse("2026-05-22")
	v, err := s.PayRun(a.ID, payday)
	if err != nil {
		t.Fatal(err)
	}
	if v.State != PaydayToDo || v.CanFinalise() {
		t.Errorf("state %s, can finalise %v", v.State, v.CanFinalise())
	}
	before := lastAudit(t, s, a.ID)
	_, err = s.FinalisePayRun(a.ID, payday)
	if ErrorCode(err) != Invalid || !strings.Contains(ErrorMessage(err), "Robin Example but not approved") {
		t.Fatalf("finalise: %v", err)
	}
	if runs, _ := s.PayRuns(a.ID, payday, payday); len(runs) != 0 || lastAudit(t, s, a.ID) != before {
		t.Errorf("a refused run stored %d runs", len(runs))
	}
	// Approved, it goes through, and the timesheet is locked.
	if _, err := s.ApproveTimesheet(ts.ID, "Pat Example", civil.MustParse("2026-05-21")); err != nil {
		t.Fatal(err)
	}
	v, err = s.FinalisePayRun(a.ID, payday)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Payslips[0].Result.Gross; got != money.MustParse("104.00") {
		t.Errorf("gross %s, want 8 hours at £13.00", got)
	}
	if ts, _ = s.Timesheet(ts.ID); ts.Status != rota.Locked {
		t.Errorf("timesheet %s after finalising", ts.Status)
	}
	if _, err := s.FinalisePayRun(a.ID, payday); ErrorCode(err) != Conflict {
		t.Errorf("finalising twice: %v", err)
	}
}

// TestRolledUpHolidayPayOwnLine: a rolled-up contract adds 12.07% of pay
// for work as its own line.
func TestRolledUpHolidayPayOwnLine(t *testing.T) {
	s, a, pa := payBudget(t, household.Monthly, household.Contract{HoursType: household.IrregularHours, DayRate: money.MustParse("13.00"),
		HolidayMethod: household.HolidayRolledUp, PensionMethod: household.PensionNone})
	for _, d := range []string{"2026-05-05", "2026-05-06"} {
		if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: pa.ID, Start: at(d + " 09:00"), End: at(d + " 17:00"), Type: rota.Day}); err != nil {
			t.Fatal(err)
		}
	}
	approvedTimesheet(t, s, a, pa, "2026-05-04")
	v, err := s.PayRun(a.ID, civil.MustParse("2026-05-22"))
	if err != nil {
		t.Fatal(err)
	}
	lines := v.Run.PAs[0].Lines
	if len(lines) != 2 || lines[1].Kind != payroll.RolledUpHoliday || lines[1].Amount != money.MustParse("25.11") {
		t.Fatalf("lines %+v; want 16 hours at £13.00 = £208.00 and rolled-up holiday pay of 12.07%% = £25.11", lines)
	}
	if v.Run.PAs[0].Payslip.Gross != money.MustParse("233.11") {
		t.Errorf("gross %s", v.Run.PAs[0].Payslip.Gross)
	}
}

func approvedTimesheet(t *testing.T, s *Service, a household.Account, pa household.PA, day string) rota.Timesheet {
	t.Helper()
	ts, err := s.OpenTimesheet(a.ID, pa.ID, civil.MustParse(day))
	if err != nil {
		t.Fatal(err)
	}
	if ts, err = s.SignTimesheet(ts.ID, pa.Name, ts.To); err != nil {
		t.Fatal(err)
	}
	if ts, err = s.ApproveTimesheet(ts.ID, "Pat Example", ts.To); err != nil {
		t.Fatal(err)
	}
	return ts
}

// TestHolidayTakenAtAWeeksPay: the demo's holiday (Zoë, 11 to 15 August
// 2025) is paid at the average pay an hour over her earlier paid weeks,
// worked out from her stored payslips.
func TestHolidayTakenAtAWeeksPay(t *testing.T) {
	s, accounts := demoService(t)
	priya := accounts["Priya's support"]
	zoe, err := s.FindPA(priya.ID, "Zoë Ní Bhriain")
	if err != nil {
		t.Fatal(err)
	}
	slips, err := s.Payslips(priya.ID, civil.MustParse("2025-08-29"), civil.MustParse("2025-08-29"), zoe.ID)
	if err != nil || len(slips) != 1 {
		t.Fatalf("%d payslips, %v", len(slips), err)
	}
	var hol payroll.Line
	for _, l := range slips[0].Result.Lines {
		if l.Kind == payroll.Holiday {
			hol = l
		}
	}
	earlier, err := s.Payslips(priya.ID, DemoStart, civil.MustParse("2025-08-28"), zoe.ID)
	if err != nil {
		t.Fatal(err)
	}
	var history []payroll.PaidPeriod
	for _, p := range earlier {
		history = append(history, paidPeriod(zoe, p)) // the days she was employed
	}
	if history[0].From != zoe.StartDate {
		t.Errorf("the first paid period starts on %s, not on her start date %s", history[0].From.UK(), zoe.StartDate.UK())
	}
	avg, err := payroll.AverageWeekBefore(civil.MustParse("2025-08-11"), history)
	if err != nil {
		t.Fatal(err)
	}
	if hol.Minutes != 20*60 || hol.Rate != avg.HourlyRate || hol.Amount != rota.AmountFor(20*60, avg.HourlyRate) || avg.Weeks < 15 {
		t.Errorf("holiday line %+v; want 20 hours at %s (%d weeks)", hol, avg.HourlyRate, avg.Weeks)
	}
}

// TestReverseAndRerun: a reversed run gives its timesheets back, takes
// what it raised out of Money, keeps its reason in the audit log, and runs
// again to the same figures; a run whose pay is paid cannot be reversed.
func TestReverseAndRerun(t *testing.T) {
	s, a, pa := payBudget(t, household.Monthly, household.Contract{HoursType: household.IrregularHours, DayRate: money.MustParse("15.00"),
		HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone})
	for d := civil.MustParse("2026-05-04"); d.Before(civil.MustParse("2026-05-30")); d = d.AddDays(1) {
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || rota.IsBankHoliday(d) {
			continue
		}
		if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: pa.ID, Start: at(d.String() + " 09:00"), End: at(d.String() + " 17:00"), Type: rota.Day}); err != nil {
			t.Fatal(err)
		}
	}
	ts := approvedTimesheet(t, s, a, pa, "2026-05-04")
	payday := civil.MustParse("2026-05-22")
	first, err := s.FinalisePayRun(a.ID, payday)
	if err != nil {
		t.Fatal(err)
	}
	owed, err := s.OwedItems(a.ID, payday)
	if err != nil || len(owed) != 2 {
		t.Fatalf("owed after finalising: %+v, %v; want net pay and HMRC", owed, err)
	}
	for _, o := range owed {
		if o.Kind == budget.OwedHMRC && o.Due != civil.MustParse("2026-06-22") {
			t.Errorf("HMRC due %s, want 22/06/2026 (month 2 ends 5 June)", o.Due.UK())
		}
	}
	if err := s.ReversePayRun(a.ID, payday, ""); ErrorCode(err) != Invalid {
		t.Errorf("a reversal with no reason: %v", err)
	}
	if err := s.ReversePayRun(a.ID, payday, "The hours on 12 May were wrong."); err != nil {
		t.Fatal(err)
	}
	if e := lastAuditEntry(t, s, a.ID); e.Action != "pay run reversed" || !strings.Contains(e.Detail, "The hours on 12 May were wrong.") {
		t.Errorf("audit: %+v", e)
	}
	if ts, _ = s.Timesheet(ts.ID); ts.Status != rota.Approved {
		t.Errorf("timesheet %s after the reversal", ts.Status)
	}
	if owed, _ := s.OwedItems(a.ID, payday); len(owed) != 0 {
		t.Errorf("still owed after the reversal: %+v", owed)
	}
	again, err := s.FinalisePayRun(a.ID, payday)
	if err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, again.Payslips[0].Result) != mustJSON(t, first.Payslips[0].Result) {
		t.Errorf("the rerun differs")
	}
	runs, _ := s.PayRuns(a.ID, payday, payday)
	if len(runs) != 2 || runs[0].Live() || !runs[1].Live() || runs[0].ReversalReason == "" {
		t.Errorf("runs %+v", runs)
	}
	// Paid in the ledger, it stays.
	owed, _ = s.OwedItems(a.ID, payday)
	for _, o := range owed {
		if o.Kind == budget.OwedNetPay {
			if _, err := s.SaveTransaction(a.ID, budget.Transaction{Date: payday, Payee: pa.Name, Amount: -o.Amount, Category: budget.CatWages, SettlesID: o.ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if v, _ := s.PayRun(a.ID, payday); v.State != PaydayPaid {
		t.Errorf("state %s once paid", v.State)
	}
	if err := s.ReversePayRun(a.ID, payday, "Try again"); ErrorCode(err) != Conflict {
		t.Errorf("reversing a paid run: %v", err)
	}
}

// TestHMRCRecordDueDatesAndNilEPS: a monthly payer's bill for month 8
// (due Sunday 22 November 2026) is due on Friday 20 November; a quarterly
// payer's whole quarter is due on 22 January; a tax month with no payday
// asks for a nil EPS by the 19th.
func TestHMRCRecordDueDatesAndNilEPS(t *testing.T) {
	s, a, _ := payBudget(t, household.Monthly, fixedContract)
	for _, d := range []string{"2026-04-24", "2026-05-22", "2026-07-24", "2026-08-25", "2026-09-25", "2026-10-23", "2026-11-25"} {
		if _, err := s.FinalisePayRun(a.ID, civil.MustParse(d)); err != nil {
			t.Fatalf("%s: %v", d, err)
		}
	}
	rec, err := s.HMRCRecord(a.ID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Periods) != 12 {
		t.Fatalf("%d periods", len(rec.Periods))
	}
	// Month 7 (6 October to 5 November) holds the 23 October payday; its
	// due date is Sunday 22 November, so Friday 20 November.
	m7 := rec.Periods[6]
	if m7.DueDate != civil.MustParse("2026-11-20") || m7.Paydays != 1 || m7.Due <= 0 {
		t.Errorf("month 7: %+v", m7)
	}
	var nil3 bool
	for _, f := range rec.Filings {
		if f.Kind == payroll.FilingNilEPS && f.Period.N == 3 {
			nil3 = f.Due == civil.MustParse("2026-07-19")
		}
	}
	if !nil3 {
		t.Errorf("no nil EPS for month 3 (6 June to 5 July, no payday): %+v", rec.Filings)
	}
	// Quarterly.
	err = s.update("test", func(tx *storage.Tx) error {
		m, err := tx.MoneyAccount(a.ID)
		if err != nil {
			m = defaultMoneyAccount(a)
		}
		m.AccountID, m.HMRCQuarterly = a.ID, true
		return tx.SaveMoneyAccount(m)
	})
	if err != nil {
		t.Fatal(err)
	}
	rec, err = s.HMRCRecord(a.ID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Periods) != 4 || rec.Periods[2].DueDate != civil.MustParse("2027-01-22") || rec.Periods[2].Paydays != 2 {
		t.Errorf("quarters: %+v", rec.Periods)
	}
	// Marked paid late.
	if err := s.MarkHMRCPaid(a.ID, rec.Periods[0].Period.Key(), civil.MustParse("2026-07-30")); err != nil {
		t.Fatal(err)
	}
	rec, _ = s.HMRCRecord(a.ID, 2026)
	if !rec.Periods[0].Late || rec.Periods[0].PaidDate != civil.MustParse("2026-07-30") {
		t.Errorf("quarter 1 after marking: %+v", rec.Periods[0])
	}
}

// TestPayLinesAndWarnings: a line entered by hand is paid once; a PA with
// no tax code is paid on the emergency code with a warning.
func TestPayLinesAndWarnings(t *testing.T) {
	s, a, pa := payBudget(t, household.Monthly, fixedContract)
	pa.TaxCode = ""
	if _, err := s.SavePA(pa); err == nil {
		// The form may refuse a blank code; then use one that cannot be
		// read by the engine only through storage, which the form guards.
		t.Log("a blank tax code was accepted")
	}
	payday := civil.MustParse("2026-05-22")
	if _, err := s.AddPayLine(a.ID, payrun.Adjustment{PAID: pa.ID, Payday: payday, Kind: payrun.BackPay, Description: "Back pay for April", Amount: money.MustParse("50.00")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPayLine(a.ID, payrun.Adjustment{PAID: pa.ID, Payday: payday, Kind: payrun.BackPay, Description: "", Amount: money.MustParse("50.00")}); ErrorCode(err) != Invalid {
		t.Errorf("a line with no description: %v", err)
	}
	v, err := s.FinalisePayRun(a.ID, payday)
	if err != nil {
		t.Fatal(err)
	}
	var back bool
	for _, l := range v.Payslips[0].Result.Lines {
		back = back || (l.Kind == payroll.Bonus && l.Amount == money.MustParse("50.00"))
	}
	if !back {
		t.Errorf("no back pay line: %+v", v.Payslips[0].Result.Lines)
	}
	next, err := s.PayRun(a.ID, civil.MustParse("2026-06-25"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range next.Run.PAs[0].Lines {
		if l.Kind == payroll.Bonus {
			t.Errorf("the back pay is paid again in June")
		}
	}
}

// TestSickPayInARun: a fixed-hours PA off sick from 1 to 12 June 2026
// (rules from 6 April 2026: no waiting days, the lower of the flat rate
// and 80% of average weekly earnings) is paid SSP as its own line, worked
// out from the earnings on their stored April and May payslips; the days
// off sick are not paid as contracted hours; the year to date counts it.
func TestSickPayInARun(t *testing.T) {
	s, a, pa := payBudget(t, household.Monthly, fixedContract)
	for _, d := range []string{"2026-04-24", "2026-05-22"} {
		if _, err := s.FinalisePayRun(a.ID, civil.MustParse(d)); err != nil {
			t.Fatal(err)
		}
	}
	weekdays := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	if _, err := s.RecordAbsence(a.ID, rota.Absence{PAID: pa.ID, Kind: rota.Sickness, From: civil.MustParse("2026-06-01"), To: civil.MustParse("2026-06-12"), QualifyingDays: weekdays}); err != nil {
		t.Fatal(err)
	}
	v, err := s.PayRun(a.ID, civil.MustParse("2026-06-25"))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.Payslips(a.ID, civil.MustParse("2026-04-01"), civil.MustParse("2026-05-31"), pa.ID)
	var paid []payroll.PaidOn
	for _, p := range before {
		paid = append(paid, payroll.PaidOn{Payday: p.Payday, Pay: p.Result.NIablePay})
	}
	awe := payroll.AverageWeeklyEarnings(civil.MustParse("2026-06-01"), paid, true)
	want, err := payroll.SSP(payroll.SSPInput{Spells: []payroll.SickSpell{{First: civil.MustParse("2026-06-01"), Last: civil.MustParse("2026-06-12"), AWE: awe.AWE}},
		QualifyingDays: payroll.WeekdaysOf(weekdays...)})
	if err != nil {
		t.Fatal(err)
	}
	r := v.Run.PAs[0]
	var ssp, contracted payroll.Line
	for _, l := range r.Lines {
		switch l.Kind {
		case payroll.SickPay:
			ssp = l.Line
		case payroll.Basic:
			contracted = l.Line
		}
	}
	if ssp.Amount == 0 || ssp.Amount != want.AmountBetween(civil.MustParse("2026-06-01"), civil.MustParse("2026-06-30")) || ssp.Description != "Statutory Sick Pay: 10 days" {
		t.Errorf("SSP line %+v; want %s for 10 days (AWE %s)", ssp, want.Total, awe.AWE)
	}
	// June has 30 days; 12 off sick: 18 days of the 30 hours a week.
	wantMinutes := int64(0)
	for d := civil.MustParse("2026-06-13"); !d.After(civil.MustParse("2026-06-30")); d = d.AddDays(1) {
		wantMinutes += int64(household.WeekMinutesOn(30*60, d))
	}
	if contracted.Minutes != wantMinutes {
		t.Errorf("contracted %d minutes, want %d (not the days off sick)", contracted.Minutes, wantMinutes)
	}
	if r.Payslip.YearToDate.StatutoryPay != ssp.Amount {
		t.Errorf("statutory pay to date %s, want %s", r.Payslip.YearToDate.StatutoryPay, ssp.Amount)
	}
}
