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
