package service

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"patoolkit/budget"
	"patoolkit/budget/budgettest"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/storage"
)

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
