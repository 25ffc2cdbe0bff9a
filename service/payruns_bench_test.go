package service

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
)

// benchPayBudget is a monthly budget with six PAs on the rota: a day
// shift every weekday for each (different hours), approved timesheets for
// every month of 2026-27, so each run pays six PAs from their timesheets.
func benchPayBudget(b *testing.B) (*Service, household.Account, []civil.Date) {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return time.Date(2027, 4, 20, 10, 0, 0, 0, time.UTC) })
	a := mustSetup(b, s, household.Account{Name: "Bench", PersonSupported: "Pat Example", Capacity: household.Self,
		Council: "Example Council", Payment: money.MustParse("6000"), PaymentFrequency: household.FourWeekly,
		StartDate: civil.MustParse("2026-04-01"), ReturnPeriod: household.ReturnYearly, SurplusLimitWeeks: 8},
		household.Employer{Name: "Pat Example", PayFrequency: household.Monthly, Payday: "last-working-day", EmploymentAllowance: true})
	var pas []household.PA
	for i := 0; i < 6; i++ {
		p, err := s.SavePA(household.PA{AccountID: a.ID, Name: fmt.Sprintf("PA %d Example", i+1), StartDate: civil.MustParse("2026-04-01"),
			DateOfBirth: civil.MustParse("1990-05-01"), TaxCode: "1257L"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.SaveContract(household.Contract{PAID: p.ID, EffectiveFrom: civil.MustParse("2026-04-01"), HoursType: household.IrregularHours,
			DayRate: money.MustParse("13.50"), WeekendRate: money.MustParse("14.50"), BankHolidayRate: money.MustParse("20.25"),
			HolidayMethod: household.HolidayAccrued, PensionScheme: "NEST", PensionMethod: household.PensionReliefAtSource,
			PensionBasis: household.PensionQualifying, PensionEmployeeBP: 500, PensionEmployerBP: 300}); err != nil {
			b.Fatal(err)
		}
		pas = append(pas, p)
	}
	for d := civil.MustParse("2026-04-01"); d.Before(civil.MustParse("2027-04-01")); d = d.AddDays(1) {
		for i, p := range pas {
			if (int(d.Weekday())+i)%7 >= 5 {
				continue
			}
			start := fmt.Sprintf("%s %02d:00", d, 5+3*i)
			end := fmt.Sprintf("%s %02d:00", d, 8+3*i)
			if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: p.ID, Start: at(start), End: at(end), Type: rota.Day}); err != nil {
				b.Fatal(err)
			}
		}
	}
	rows, err := s.Paydays(a.ID, civil.MustParse("2026-04-06"), civil.MustParse("2027-04-05"))
	if err != nil {
		b.Fatal(err)
	}
	var paydays []civil.Date
	for _, r := range rows {
		paydays = append(paydays, r.Period.Payday)
		for _, p := range pas {
			ts, err := s.OpenTimesheet(a.ID, p.ID, r.Period.From)
			if err != nil {
				b.Fatal(err)
			}
			if ts, err = s.SignTimesheet(ts.ID, p.Name, r.Period.To); err != nil {
				b.Fatal(err)
			}
			if _, err = s.ApproveTimesheet(ts.ID, "Pat Example", r.Period.To); err != nil {
				b.Fatal(err)
			}
		}
	}
	return s, a, paydays
}

// BenchmarkFinaliseTaxYearSixPAs finalises the twelve monthly runs of a
// tax year for six PAs through the data file (target: under 1 s), then
// reverses them (not timed) so the next round can run them again.
func BenchmarkFinaliseTaxYearSixPAs(b *testing.B) {
	s, a, paydays := benchPayBudget(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range paydays {
			if _, err := s.FinalisePayRun(a.ID, d); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		for j := len(paydays) - 1; j >= 0; j-- {
			if err := s.ReversePayRun(a.ID, paydays[j], "benchmark"); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
	}
}

// BenchmarkPayRunPreview previews the last run of the year for six PAs,
// with eleven runs of history before it (target: under 50 ms).
func BenchmarkPayRunPreview(b *testing.B) {
	s, a, paydays := benchPayBudget(b)
	for _, d := range paydays[:len(paydays)-1] {
		if _, err := s.FinalisePayRun(a.ID, d); err != nil {
			b.Fatal(err)
		}
	}
	last := paydays[len(paydays)-1]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v, err := s.PayRun(a.ID, last)
		if err != nil || len(v.Run.PAs) != 6 || !v.CanFinalise() {
			b.Fatalf("%+v, %v", v.Run.Warnings, err)
		}
	}
}
