package payroll

import (
	"encoding/csv"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"patoolkit/money"
)

// hmrcRow is one row of HMRC's "Tax test data examples 2026-27" (v1.1).
type hmrcRow struct {
	file, line                 string
	freq                       Frequency
	gross, payToDate           money.Money
	code                       string
	wm1                        bool
	period                     int
	taxDue, taxDueToDate       money.Money
	previousPay, previousTaxes money.Money
}

func loadHMRC(t *testing.T) []hmrcRow {
	t.Helper()
	files, err := filepath.Glob("testdata/hmrc-tax-2026-27/*.csv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no HMRC test data: %v", err)
	}
	var rows []hmrcRow
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n := 0
		for i, rec := range recs {
			if len(rec) < 8 || rec[0] == "" || strings.HasPrefix(rec[0], "Pay frequency") || !strings.Contains(rec[0], "_") {
				continue
			}
			base := filepath.Base(name)
			r := hmrcRow{file: base, line: strconv.Itoa(i + 1), code: rec[3], wm1: rec[4] == "WM1"}
			switch lower := strings.ToLower(base); {
			case strings.Contains(lower, "mthly"), strings.Contains(lower, "monthly"):
				r.freq = Monthly
			case strings.Contains(lower, "wkly"), strings.Contains(lower, "weekly"):
				r.freq = Weekly
			default:
				t.Fatalf("%s: cannot tell the frequency", base)
			}
			r.gross = money.MustParse(rec[1])
			r.payToDate = money.MustParse(rec[2])
			r.period, err = strconv.Atoi(strings.TrimSpace(rec[5]))
			if err != nil {
				t.Fatalf("%s:%d: period %q", base, i+1, rec[5])
			}
			r.taxDue = money.MustParse(rec[6])
			r.taxDueToDate = money.MustParse(rec[7])
			r.previousPay = r.payToDate - r.gross
			r.previousTaxes = r.taxDueToDate - r.taxDue
			rows = append(rows, r)
			n++
		}
		if n == 0 {
			t.Fatalf("%s: no rows read", name)
		}
	}
	return rows
}

// TestHMRCTaxTestData runs every row of HMRC's 2026-27 test data through
// PAYE and requires the tax this period and to date to match exactly (HMRC
// would accept 1p either way; this engine must not need it).
func TestHMRCTaxTestData(t *testing.T) {
	rates, err := RatesFor(2026)
	if err != nil {
		t.Fatal(err)
	}
	rows := loadHMRC(t)
	for _, r := range rows {
		code, err := ParseTaxCode(r.code)
		if err != nil {
			t.Errorf("%s:%s: code %q: %v", r.file, r.line, r.code, err)
			continue
		}
		got, err := rates.PAYE(PAYEInput{
			Code: code, Frequency: r.freq, Period: r.period, Week1Month1: r.wm1,
			Pay: r.gross, PreviousPay: r.previousPay, PreviousTax: r.previousTaxes,
		})
		if err != nil {
			t.Errorf("%s:%s: %v", r.file, r.line, err)
			continue
		}
		wantDue, wantToDate := r.taxDue, r.taxDueToDate
		if got.Tax != wantDue || got.TaxToDate != wantToDate || got.TaxablePayToDate != r.payToDate {
			t.Errorf("%s:%s: %s %s period %d gross %s: tax %s, to date %s, pay to date %s; HMRC %s, %s, %s",
				r.file, r.line, r.code, r.freq, r.period, r.gross, got.Tax, got.TaxToDate, got.TaxablePayToDate,
				r.taxDue, r.taxDueToDate, r.payToDate)
		}
	}
	// 24 files; keep the count honest so a lost file is noticed.
	if len(rows) != 168 {
		t.Errorf("read %d HMRC rows, want 168", len(rows))
	}
	t.Logf("%d HMRC rows checked", len(rows))
}

// TestHMRCFloatArtefact shows why bandTax repeats HMRC's floating-point
// arithmetic: in scottish_Gen_cumul_wkly.csv line 9 (S1257L, week 4, pay
// to date £3,407.29, taxable £2,439) the exact tax is a whole number of
// pence, £506.03, and HMRC's double lands just below it, so HMRC prints
// £506.02. The engine gives HMRC's figure; exactBandTax gives the exact one.
func TestHMRCFloatArtefact(t *testing.T) {
	// Exact: 2439 x 42% - (1% x 3967 x 4 + 1% x 16956 x 4 + 21% x 31092 x 4) / 52,
	// in pounds.
	exact := new(big.Rat).SetFrac64(2439*42*52-(1*3967*4+1*16956*4+21*31092*4), 52*100)
	if exact.Cmp(big.NewRat(50603, 100)) != 0 {
		t.Fatalf("exact tax = %s, want 506.03", exact.FloatString(6))
	}
	// The same sum in float64 at run time (variables, so the compiler's
	// exact constant arithmetic does not step in), as HMRC's generator
	// evidently evaluates it: tax = T x top rate - sum of rate steps x
	// pro-rata limits.
	rates := []float64{0.19, 0.20, 0.21, 0.42}
	limits := []float64{3967, 16956, 31092}
	p, perYear, taxable := 4.0, 52.0, 2439.0
	f := taxable * rates[3]
	for j, l := range limits {
		f -= (rates[j+1] - rates[j]) * (l * p / perYear)
	}
	if !(f < 506.03) {
		t.Fatalf("float64 evaluation = %.17g; expected it just below 506.03", f)
	}
	// The engine gives HMRC's figure, and the exact reading is 1p above.
	r26, _ := RatesFor(2026)
	code, _ := ParseTaxCode("S1257L")
	got := r26.paye(PAYEInput{Code: code, Frequency: Weekly, Period: 4, Pay: 202109, PreviousPay: 138620, PreviousTax: 12971})
	if got.TaxDue != 50602 {
		t.Fatalf("tax due to date = %s, want HMRC's 506.02", got.TaxDue)
	}
	if e := exactBandTax(r26.Bands(Scotland).Bands, 2439, 4, 52); e != 50603 {
		t.Fatalf("exact = %d, want 50603", e)
	}
}
