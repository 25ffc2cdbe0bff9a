package service

// The service's benchmarks: the rota, the demo file and the money jobs,
// each in a real SQLite file.

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/budget/budgettest"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
	"patoolkit/storage"
)

func benchDemo(b *testing.B) (*Service, household.Account) {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.Demo(); err != nil {
		b.Fatal(err)
	}
	a, _ := s.FindAccount("Priya's support")
	return s, a
}

// BenchmarkWeekViewService builds the week screen from the demo's data
// file: reading 18 weeks of shifts, the checks, and the layout.
func BenchmarkWeekViewService(b *testing.B) {
	s, a := benchDemo(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.WeekView(a.ID, civil.MustParse("2026-11-16"), false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckRotaYearService runs every check over a year of the
// demo's rota, read from the data file.
func BenchmarkCheckRotaYearService(b *testing.B) {
	s, a := benchDemo(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.CheckRota(a.ID, civil.MustParse("2025-11-17"), civil.MustParse("2026-11-15")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFillYearSixPAsService fills a year of patterns for six PAs
// (about 4,000 shifts) into a data file and runs every check over it.
func BenchmarkFillYearSixPAsService(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("fill%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		a := mustSetup(b, s, household.Account{Name: "Bench", PersonSupported: "A Person", Capacity: household.Self,
			Council: "Example Council", Payment: money.MustParse("3000"), PaymentFrequency: household.FourWeekly,
			StartDate: civil.MustParse("2026-04-06"), ReturnPeriod: household.ReturnQuarterly, SurplusLimitWeeks: 8,
			SupportMinutesPerWeek: 80 * 60},
			household.Employer{Name: "A Person", PayFrequency: household.Monthly, Payday: "last-working-day"})
		var entries []rota.PatternEntry
		for n := 0; n < 6; n++ {
			p, err := s.SavePA(household.PA{AccountID: a.ID, Name: fmt.Sprintf("PA %d", n+1),
				StartDate: civil.MustParse("2026-04-06"), TaxCode: "1257L", DateOfBirth: civil.MustParse("1990-01-01")})
			if err != nil {
				b.Fatal(err)
			}
			for d := 0; d < 6; d++ {
				day := time.Weekday((n + d) % 7)
				entries = append(entries,
					rota.PatternEntry{PAID: p.ID, Week: 1, Weekday: day, Start: 7 * 60, End: 11 * 60, Type: rota.Day},
					rota.PatternEntry{PAID: p.ID, Week: 1, Weekday: day, Start: 15 * 60, End: 19 * 60, Type: rota.Day})
			}
			if n%2 == 0 {
				entries = append(entries, rota.PatternEntry{PAID: p.ID, Week: 1, Weekday: time.Weekday((n + 5) % 7), Start: 22 * 60, End: 7 * 60, Type: rota.SleepIn})
			}
		}
		pat := rota.Pattern{Name: "Bench week", Cycle: 1, From: civil.MustParse("2026-04-06"), Entries: entries}
		b.StartTimer()
		from, to := civil.MustParse("2026-04-06"), civil.MustParse("2027-04-04")
		if _, _, err := s.SavePattern(a.ID, pat, from, to); err != nil {
			b.Fatal(err)
		}
		shifts, _ := s.Shifts(a.ID, from, to)
		if _, err := s.CheckRota(a.ID, from, to); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		b.ReportMetric(float64(len(shifts)), "shifts")
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkVerifyDemo is the full check (integrity, indexes, foreign keys)
// that the CLI runs before every command and the window in the background,
// on the demo's file (about 1 MB).
func BenchmarkVerifyDemo(b *testing.B) {
	s, _ := benchDemo(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Verify(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBackupDemo writes and checks a backup of the demo's file.
func BenchmarkBackupDemo(b *testing.B) {
	s, _ := benchDemo(b)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Backup(filepath.Join(dir, fmt.Sprintf("b%d.db", i)), false); err != nil {
			b.Fatal(err)
		}
	}
}

func benchService(b *testing.B, dir string) (*Service, household.Account) {
	b.Helper()
	s, err := Open(filepath.Join(dir, "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	a := mustSetup(b, s, household.Account{Name: "Bench", PersonSupported: "Alex Doe", Capacity: household.Self,
		Council: "Wigan Council", Payment: money.MustParse("1300"), PaymentFrequency: household.Monthly,
		StartDate: civil.MustParse("2020-04-01"), ReturnPeriod: household.ReturnQuarterly, SurplusLimitWeeks: 8},
		household.Employer{Name: "Alex Doe", PayFrequency: household.Monthly, Payday: "25"})
	return s, a
}

// BenchmarkImportStatement10000: a 10,000-line bank statement read,
// planned against the ledger and stored, in a real SQLite file. Target:
// under 1 s.
func BenchmarkImportStatement10000(b *testing.B) {
	data := budgettest.Statement(10000)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, a := benchService(b, b.TempDir())
		b.StartTimer()
		prev, err := s.PlanImport(a.ID, bytes.NewReader(data), "bench.csv")
		if err != nil {
			b.Fatal(err)
		}
		res, err := s.ImportStatement(a.ID, prev.Plan, nil)
		if err != nil || res.Imported != 10000 {
			b.Fatalf("%+v %v", res, err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkMoneyStatusSixYears: "where I stand" over six years of a busy
// ledger (about 11,000 lines: 4 to 6 a day) with owed items and their
// payments, through the service on a real SQLite file. Target: under 100
// ms.
func BenchmarkMoneyStatusSixYears(b *testing.B) {
	s, a := benchService(b, b.TempDir())
	defer s.Close()
	start := civil.MustParse("2020-04-01")
	end := start.AddDays(6*365 + 1)
	err := s.update("bench", func(tx *storage.Tx) error {
		var txs []budget.Transaction
		n := 0
		for d := start; !d.After(end); d = d.AddDays(1) {
			for k := 0; k < 4+d.Day%3; k++ {
				n++
				amt := -money.Money(100 + (n*7919)%25000)
				cat := budget.CatOther
				if k == 0 && d.Day == 1 {
					amt, cat = 130000*2, budget.CatCouncil
				}
				txs = append(txs, budget.Transaction{Date: d, Payee: fmt.Sprintf("PAYEE %d", n%40), Amount: amt, Category: cat,
					Reconciled: true, ImportKey: fmt.Sprintf("%032x", n)})
			}
		}
		// Monthly owed wages, each paid.
		for m := start; m.Before(end); m = m.AddMonths(1) {
			o := budget.Owed{Kind: budget.OwedNetPay, Payee: "Zoe Ni Bhriain", Amount: 98765, Raised: m.AddDays(24), Due: m.AddDays(24)}
			if err := tx.InsertOwed(a.ID, &o); err != nil {
				return err
			}
			txs = append(txs, budget.Transaction{Date: o.Due, Payee: "Z NI BHRIAIN WAGES", Amount: -o.Amount, Category: budget.CatWages, SettlesID: o.ID})
		}
		b.Logf("%d ledger lines", len(txs))
		return tx.InsertTransactions(a.ID, txs)
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.MoneyStatus(a.ID, end); err != nil {
			b.Fatal(err)
		}
	}
}
