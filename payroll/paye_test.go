package payroll

import (
	"fmt"
	"math/big"
	"math/rand"
	"testing"

	"patoolkit/money"
)

func mustCode(t testing.TB, s string) TaxCode {
	t.Helper()
	c, err := ParseTaxCode(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Cases beyond HMRC's test data, worked by hand (workings in comments).
// 1257L free pay: weekly 49.60 + 2 x 96.16 = 241.92; monthly 214.92 + 2 x
// 416.67 = 1048.26.
func TestPAYECases(t *testing.T) {
	cases := []struct {
		name              string
		year              TaxYear
		code              string
		f                 Frequency
		period            int
		w1                bool
		pay, prevPay      money.Money
		prevTax           money.Money
		tax               money.Money
		cumulative        bool
		tablePeriod       int
		shortfall, toDate money.Money
	}{
		// Fortnightly, payday in week 1: week 2 tables. 1000 - 483.84 =
		// 516.16 -> 516 x 20% = 103.20.
		{"fortnightly week 2", 2026, "1257L", Fortnightly, 1, false, 100000, 0, 0, 10320, true, 2, 0, 10320},
		// Payday in week 3: week 4 tables. 2000 - 967.68 = 1032.32 -> 1032 x
		// 20% = 206.40 to date, less 103.20 paid.
		{"fortnightly week 4", 2026, "1257L", Fortnightly, 3, false, 100000, 100000, 10320, 10320, true, 4, 0, 20640},
		// Four-weekly, payday in week 5: week 8 tables. 4000 - 1935.36 =
		// 2064.64 -> 2064 x 20% = 412.80, less 206.40.
		{"four-weekly week 8", 2026, "1257L", FourWeekly, 5, false, 200000, 200000, 20640, 20640, true, 8, 0, 41280},
		// Week 53: week 1 basis whatever the history. 500 - 241.92 = 258.08
		// -> 258 x 20% = 51.60.
		{"weekly week 53", 2026, "1257L", Weekly, 53, false, 50000, 2600000, 300000, 5160, false, 1, 0, 305160},
		// Fortnightly week 54 and four-weekly week 56: week 2 and week 4
		// figures, non-cumulative.
		{"fortnightly week 54", 2026, "1257L", Fortnightly, 53, false, 100000, 2600000, 300000, 10320, false, 2, 0, 310320},
		{"four-weekly week 56", 2026, "1257L", FourWeekly, 53, false, 200000, 2600000, 300000, 20640, false, 4, 0, 320640},
		// W1 fortnightly: week 2 figures, history ignored.
		{"W1 fortnightly", 2026, "1257L W1", Fortnightly, 20, false, 100000, 900000, 5000, 10320, false, 2, 0, 15320},
		// The Week1Month1 flag does the same as a suffix.
		{"month 1 flag", 2026, "1257L", Monthly, 7, true, 115625, 500000, 9999, 2140, false, 1, 0, 12139},
		// Refund: month 2, no pay; 5000 - 2096.52 = 2903.48 -> 2903 x 20% =
		// 580.60 due to date, 800 paid: refund 219.40.
		{"refund", 2026, "1257L", Monthly, 2, false, 0, 500000, 80000, -21940, true, 2, 0, 58060},
		// Pay below free pay: nothing.
		{"below allowance", 2026, "1257L", Monthly, 1, false, 100000, 0, 0, 0, true, 1, 0, 0},
		// 0T: no allowance. 1000 x 20% = 200.
		{"0T", 2026, "0T", Monthly, 1, false, 100000, 0, 0, 20000, true, 1, 0, 20000},
		// K500 monthly, month 1: additional pay 5009/12 = 417.4167 -> 417.42.
		// 200 + 417.42 = 617.42 -> 617 x 20% = 123.40, limited to 50% of 200 =
		// 100: shortfall 23.40.
		{"K limit", 2026, "K500", Monthly, 1, false, 20000, 0, 0, 10000, true, 1, 2340, 10000},
		// Month 2, pay 2000: 2200 + 834.84 = 3034.84 -> 3034 x 20% = 606.80;
		// less 100 paid = 506.80 (under 1000): the shortfall is collected.
		{"K catch-up", 2026, "K500", Monthly, 2, false, 200000, 20000, 10000, 50680, true, 2, 0, 60680},
		// K code week 1 basis: 50 + 96.33 = 146.33 -> 146 x 20% = 29.20,
		// limited to 25.00; the 4.20 is not carried (reported only).
		{"K W1 limit", 2026, "K500 W1", Weekly, 9, false, 5000, 0, 0, 2500, false, 1, 420, 2500},
		// BR cumulative fortnightly: pay to date in pounds x 20%. 1234.56 +
		// 1000 -> 2234 x 20% = 446.80 less 246.80.
		{"BR fortnightly", 2026, "BR", Fortnightly, 4, false, 100000, 123456, 24680, 20000, true, 4, 0, 44680},
		// D1 week 1: 99.99 -> 99 x 45% = 44.55.
		{"D1", 2025, "D1 W1", Weekly, 3, false, 9999, 0, 0, 4455, false, 1, 0, 4455},
		// NT: no tax; cumulative NT refunds tax paid.
		{"NT", 2024, "NT", Weekly, 3, false, 100000, 50000, 1000, -1000, true, 3, 0, 0},
		// Scottish 2024-25 monthly S1257L, month 1, 3000: 1951.74 -> 1951.
		// Limits 2306/12 = 192.1667, 13991/12 = 1165.9167 and 31092/12 = 2591:
		// 19% x 192.1667 = 36.5117; 20% x 973.75 = 194.75; 21% x (1951 -
		// 1165.9167) = 164.8675: 396.1292 -> 396.12.
		{"Scottish 2024-25", 2024, "S1257L", Monthly, 1, false, 300000, 0, 0, 39612, true, 1, 0, 39612},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, _ := RatesFor(c.year)
			got, err := r.PAYE(PAYEInput{Code: mustCode(t, c.code), Frequency: c.f, Period: c.period, Week1Month1: c.w1,
				Pay: c.pay, PreviousPay: c.prevPay, PreviousTax: c.prevTax})
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				return
			}
			if got.Tax != c.tax || got.Cumulative != c.cumulative || got.TablePeriod != c.tablePeriod || got.Shortfall != c.shortfall || got.TaxToDate != c.toDate {
				t.Errorf("%s: tax %s cumulative %v p %d shortfall %s to date %s; want %s %v %d %s %s", c.name,
					got.Tax, got.Cumulative, got.TablePeriod, got.Shortfall, got.TaxToDate, c.tax, c.cumulative, c.tablePeriod, c.shortfall, c.toDate)
			}
			if got.TaxablePayToDate != c.pay+c.prevPay {
				t.Errorf("%s: taxable pay to date %s", c.name, got.TaxablePayToDate)
			}
		})
	}
}

func TestFreePay(t *testing.T) {
	// HMRC's pay adjustment tables (Tables A): 1257L is 241.92 a week and
	// 1048.26 a month; 1000L: q = 1, r = 500: 5009/52 = 96.33 + 96.16 =
	// 192.49 a week; 5009/12 = 417.42 + 416.67 = 834.09 a month.
	for _, c := range []struct {
		n       int
		monthly bool
		want    int64
	}{{1257, false, 24192}, {1257, true, 104826}, {1000, false, 19249}, {1000, true, 83409}, {1, false, 37}, {1, true, 159}, {500, false, 9633}, {501, false, 9616 + 37}, {0, true, 0}} {
		t.Run(fmt.Sprint(c.n), func(t *testing.T) {
			if got := freePayPeriod1(c.n, c.monthly); got != c.want {
				t.Errorf("freePayPeriod1(%d, %v) = %d, want %d", c.n, c.monthly, got, c.want)
			}
		})
	}
}

// exactBandTax against an exact big.Rat reading of the rule, for random
// and extreme inputs (which also shows nothing overflows at the limits),
// and bandTax, which repeats HMRC's floating-point arithmetic, never more
// than a penny from it.
func TestBandTaxReference(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	checked, differ := 0, 0
	for _, y := range SupportedTaxYears() {
		r, _ := RatesFor(y)
		for _, reg := range []Region{RestOfUK, Scotland, Wales} {
			t.Run(fmt.Sprint(reg), func(t *testing.T) {
				bands := r.Bands(reg).Bands
				for i := 0; i < 3000; i++ {
					perYear := int64(52)
					if i%2 == 0 {
						perYear = 12
					}
					p := rng.Int63n(perYear) + 1
					if perYear == 52 && i%7 == 0 {
						p = []int64{2, 4, 54, 56}[i%4]
					}
					tp := rng.Int63n(200000)
					switch i % 5 {
					case 0:
						tp = rng.Int63n(int64(MaxYearToDate+MaxPeriodPay)/100 + 50_000_000)
					case 1: // near a band limit
						b := bands[rng.Intn(len(bands))].Upper
						tp = ceilDiv(b*p, perYear) + rng.Int63n(3) - 1
					}
					if tp < 1 {
						tp = 1
					}
					want := refBandTax(bands, tp, p, perYear)
					if got := exactBandTax(bands, tp, p, perYear); got != want {
						t.Fatalf("%s %v: exactBandTax(%d, p=%d/%d) = %d, want %d", y, reg, tp, p, perYear, got, want)
					}
					hmrc := bandTax(bands, tp, p, perYear)
					if hmrc < want-1 || hmrc > want+1 {
						t.Fatalf("%s %v: bandTax(%d, p=%d/%d) = %d, more than 1p from the exact %d", y, reg, tp, p, perYear, hmrc, want)
					}
					checked++
					if hmrc != want {
						differ++
					}
				}
			})
		}
	}
	t.Logf("%d cases: HMRC's arithmetic differs from the exact figure by 1p in %d", checked, differ)
}

func refBandTax(bands []Band, t, p, perYear int64) int64 {
	tax := new(big.Rat)
	prev := new(big.Rat)
	tr := new(big.Rat).SetInt64(t)
	for i, b := range bands {
		rate := big.NewRat(int64(b.Rate), 10000)
		if b.Upper != 0 && i < len(bands)-1 {
			lim := big.NewRat(b.Upper*p, perYear)
			ceil := new(big.Int).Quo(new(big.Int).Add(lim.Num(), new(big.Int).Sub(lim.Denom(), big.NewInt(1))), lim.Denom())
			if big.NewInt(t).Cmp(ceil) > 0 {
				tax.Add(tax, new(big.Rat).Mul(rate, new(big.Rat).Sub(lim, prev)))
				prev = lim
				continue
			}
		}
		tax.Add(tax, new(big.Rat).Mul(rate, new(big.Rat).Sub(tr, prev)))
		break
	}
	pence := new(big.Rat).Mul(tax, big.NewRat(100, 1))
	return new(big.Int).Quo(pence.Num(), pence.Denom()).Int64()
}

func TestPAYEErrors(t *testing.T) {
	r, _ := RatesFor(2026)
	code := mustCode(t, "1257L")
	for _, in := range []PAYEInput{
		{Code: code, Frequency: Monthly, Period: 13, Pay: 1},
		{Code: code, Frequency: Weekly, Period: 0, Pay: 1},
		{Code: code, Frequency: 0, Period: 1, Pay: 1},
		{Code: code, Frequency: Monthly, Period: 1, Pay: -1},
		{Code: code, Frequency: Monthly, Period: 1, Pay: MaxPeriodPay + 1},
		{Code: code, Frequency: Monthly, Period: 1, PreviousPay: -5},
		{Code: code, Frequency: Monthly, Period: 1, PreviousTax: MaxYearToDate + 1},
	} {
		t.Run(fmt.Sprint(in), func(t *testing.T) {
			if _, err := r.PAYE(in); err == nil {
				t.Errorf("PAYE(%+v) should fail", in)
			}
		})
	}
	// The largest inputs work.
	for _, s := range []string{"K999999", "999999L", "S1L", "SD3", "BR"} {
		t.Run(s, func(t *testing.T) {
			got, err := r.PAYE(PAYEInput{Code: mustCode(t, s), Frequency: Weekly, Period: 52, Pay: MaxPeriodPay, PreviousPay: MaxYearToDate, PreviousTax: MaxYearToDate})
			if err != nil || got.TaxDue < 0 {
				t.Errorf("%s at the limits: %+v, %v", s, got, err)
			}
		})
	}
}
