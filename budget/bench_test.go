package budget

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"patoolkit/budget/budgettest"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
)

// BenchmarkImport10000: parse a 10,000-line statement, then plan it
// against 10,000 existing keys (half the file imported before) and 50
// payee rules.
func BenchmarkImport10000(b *testing.B) {
	data := budgettest.Statement(10000)
	st, err := ParseStatement(bytes.NewReader(data), "bench.csv", ParseOptions{})
	if err != nil {
		b.Fatal(err)
	}
	existing := make(map[string]bool, 10000)
	for i, l := range st.Lines {
		if i%2 == 0 {
			existing[ImportKey(l)] = true
		}
	}
	for i := 0; len(existing) < 10000; i++ {
		existing[fmt.Sprintf("%032x", i)] = true
	}
	var rules []PayeeRule
	for i := 0; i < 42; i++ {
		rules = append(rules, PayeeRule{Match: fmt.Sprintf("OTHER PAYEE %c%c", 'A'+i%26, 'A'+i/26), Category: CatOther})
	}
	rules = append(rules,
		PayeeRule{"SAMPLE SUPERMARKET", CatEquipment}, PayeeRule{"Z NI BHRIAIN", CatWages},
		PayeeRule{"HMRC", CatHMRC}, PayeeRule{"SAMPLE INSURANCE LTD", CatInsurance},
		PayeeRule{"SAMPLE CHEMIST", CatOther}, PayeeRule{"SAMPLE CAFE", CatOther},
		PayeeRule{"SAMPLE PAYROLL SERVICE", CatPayrollFees}, PayeeRule{"SAMPLE", CatOther})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		st, err := ParseStatement(bytes.NewReader(data), "bench.csv", ParseOptions{})
		if err != nil {
			b.Fatal(err)
		}
		p := Plan(st, PlanOptions{ExistingKeys: existing, Rules: rules})
		if len(p.New) != 5000 || len(p.Duplicates) != 5000 {
			b.Fatalf("%d new, %d duplicates", len(p.New), len(p.Duplicates))
		}
	}
}

// BenchmarkStatusSixYears: where I stand over six years of 1,500
// transactions a year, with 40 items owed.
func BenchmarkStatusSixYears(b *testing.B) {
	start := civil.MustParse("2020-04-01")
	var txs []Transaction
	for i := 0; i < 6*1500; i++ {
		amt := money.Money(-(100 + (i*7919)%25000))
		if i%20 == 0 {
			amt = 130000
		}
		txs = append(txs, Transaction{ID: int64(i + 1), Date: start.AddDays(i * 365 * 6 / 9000), Payee: "SAMPLE", Amount: amt, Category: CatOther})
	}
	var owed []Owed
	for i := 0; i < 40; i++ {
		owed = append(owed, Owed{ID: int64(i + 1), Kind: OwedNetPay, Payee: "Zoe", Amount: 48000, Due: start.AddDays(2000 + i)})
	}
	on := civil.MustParse("2026-03-31")
	in := StatusInput{
		OpeningBalance: 500000, OpeningDate: start, Transactions: txs, On: on,
		SetAside: []SetAside{{"HMRC quarter", 30000}}, Contingency: 50000,
		Payment: 130000, PaymentFrequency: household.Monthly, SurplusLimitWeeks: 8, Council: "Wigan Council",
	}
	b.ReportAllocs()
	for b.Loop() {
		in.Owed = OutstandingOn(owed, txs, on)
		if _, err := WhereIStand(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchPayments: a year of owed items against a year of payments.
func BenchmarkMatchPayments(b *testing.B) {
	start := civil.MustParse("2025-04-04")
	var owed []Owed
	var txs []Transaction
	for w := 0; w < 52; w++ {
		for pa, name := range []string{"Zoe Ni Bhriain", "Sam Jones", "Ann Lee"} {
			due := start.AddDays(7 * w)
			owed = append(owed, Owed{ID: int64(len(owed) + 1), Kind: OwedNetPay, Payee: name, Amount: money.Money(20000 + pa), Due: due})
			txs = append(txs, Transaction{ID: int64(len(txs) + 1), Date: due, Payee: name + " WAGES", Amount: -money.Money(20000 + pa)})
		}
	}
	for i := 0; i < 1000; i++ {
		txs = append(txs, Transaction{ID: int64(len(txs) + 1), Date: start.AddDays(i % 365), Payee: "SAMPLE", Amount: -money.Money(100 + i)})
	}
	b.ReportAllocs()
	for b.Loop() {
		auto := 0
		for _, m := range MatchPayments(owed, txs, 0) {
			if m.Auto {
				auto++
			}
		}
		if auto != len(owed) {
			b.Fatalf("%d automatic matches", auto)
		}
	}
}

// BenchmarkRefuseFiftyMegabytes is how long refusing a 50 MB statement
// takes: only the first 20 MB are read (TestFiftyMegabyteFileRefusedWithoutReadingIt).
func BenchmarkRefuseFiftyMegabytes(b *testing.B) {
	for b.Loop() {
		src := io.MultiReader(strings.NewReader("Date,Description,Amount\n"),
			newRepeatReader("01/04/2026,SAMPLE CAFE,-5.00\n", 50<<20))
		if _, err := ParseStatement(src, "huge.csv", ParseOptions{}); err == nil {
			b.Fatal("a 50 MB file was read")
		}
	}
}
