package payroll

import (
	"fmt"
	"math/big"
	"testing"

	"patoolkit/money"
)

// Hand-computed anchors. Each comment is the working.
func TestNIHandComputed(t *testing.T) {
	cases := []struct {
		year               TaxYear
		f                  Frequency
		cat                NICategory
		pay                money.Money
		employee, employer money.Money
	}{
		// 2026-27 monthly A, £1,156.25 (HMRC's PAYE example): employee
		// (1156.25 - 1048) x 8% = 8.66; employer (1156.25 - 417) x 15% =
		// 110.8875 -> 110.887 -> third decimal 7 rounds up -> 110.89.
		{2026, Monthly, 'A', 115625, 866, 11089},
		// Weekly A at the PT (242): nothing; employer (242 - 96) x 15% = 21.90.
		{2026, Weekly, 'A', 24200, 0, 2190},
		// 242.07: 0.07 x 8% = 0.0056 -> 0.005 -> 5 rounds down -> 0.00.
		// Employer 146.07 x 15% = 21.9105 -> 21.910 -> 21.91.
		{2026, Weekly, 'A', 24207, 0, 2191},
		// 242.08: 0.08 x 8% = 0.0064 -> 0.006 -> 6 rounds up -> 0.01.
		// Employer 146.08 x 15% = 21.912 -> 21.91.
		{2026, Weekly, 'A', 24208, 1, 2191},
		// Employer at ST + 0.37: 0.0555 -> 0.055 -> down -> 0.05; + 0.38:
		// 0.057 -> up -> 0.06. Pay is below the LEL and PT: no employee NI.
		{2026, Weekly, 'A', 9637, 0, 5},
		{2026, Weekly, 'A', 9638, 0, 6},
		// Below the ST: nothing.
		{2026, Weekly, 'A', 9600, 0, 0},
		// Above the UEL, weekly 1000: (967 - 242) x 8% = 58.00 + (1000 - 967) x
		// 2% = 0.66 -> 58.66. Employer (1000 - 96) x 15% = 135.60.
		{2026, Weekly, 'A', 100000, 5866, 13560},
		// B: (500 - 242) x 1.85% = 4.773 -> 4.77; employer 404 x 15% = 60.60.
		{2026, Weekly, 'B', 50000, 477, 6060},
		// C: no employee NI; employer as A.
		{2026, Weekly, 'C', 100000, 0, 13560},
		// H and M: employee as A; employer 0% to the UEL then 15%: (1000 -
		// 967) x 15% = 4.95.
		{2026, Weekly, 'H', 100000, 5866, 495},
		{2026, Weekly, 'M', 100000, 5866, 495},
		{2026, Weekly, 'M', 96700, 5800, 0},
		// J: 2% throughout: (967 - 242) x 2% = 14.50 + 33 x 2% = 0.66.
		{2026, Weekly, 'J', 100000, 1516, 13560},
		// Z: as J for the employee, as M for the employer.
		{2026, Weekly, 'Z', 100000, 1516, 495},
		// Monthly M, 5000: (4189 - 1048) x 8% = 251.28 + 811 x 2% = 16.22 =
		// 267.50; employer 811 x 15% = 121.65.
		{2026, Monthly, 'M', 500000, 26750, 12165},
		// Fortnightly A, 1000: (1000 - 484) x 8% = 41.28; employer (1000 -
		// 193) x 15% = 121.05.
		{2026, Fortnightly, 'A', 100000, 4128, 12105},
		// Four-weekly A, 2000: (2000 - 967) x 8% = 82.64; employer (2000 -
		// 385) x 15% = 242.25.
		{2026, FourWeekly, 'A', 200000, 8264, 24225},
		// 2024-25 weekly A, 300: (300 - 242) x 8% = 4.64; employer (300 - 175)
		// x 13.8% = 17.25.
		{2024, Weekly, 'A', 30000, 464, 1725},
		// 2024-25 employer at ST + 0.25: 0.25 x 13.8% = 0.0345 -> 0.034 -> 0.03;
		// at ST + 1.00: 0.138 -> 0.14.
		{2024, Weekly, 'A', 17525, 0, 3},
		{2024, Weekly, 'A', 17600, 0, 14},
		// 2024-25 monthly A, 2000: (2000 - 1048) x 8% = 76.16; employer (2000 -
		// 758) x 13.8% = 171.396 -> 6 rounds up -> 171.40.
		{2024, Monthly, 'A', 200000, 7616, 17140},
		// 2025-26 monthly A, 2000: 76.16; employer (2000 - 417) x 15% = 237.45.
		{2025, Monthly, 'A', 200000, 7616, 23745},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.year), func(t *testing.T) {
			r, _ := RatesFor(c.year)
			got, err := r.NI(c.cat, c.f, c.pay)
			if err != nil {
				t.Fatal(err)
			}
			if got.Employee != c.employee || got.Employer != c.employer {
				t.Errorf("%s %s %s %s: employee %s employer %s; want %s %s", c.year, c.f, c.cat, c.pay, got.Employee, got.Employer, c.employee, c.employer)
			}
		})
	}
}

// refBand is an independent reading of the rounding rule, on big.Rat: the
// exact product, truncated to 3 decimal places of a pound, then a third
// decimal of 6 or more rounds up.
func refBand(amount money.Money, rate Percent) money.Money {
	if amount <= 0 {
		return 0
	}
	// pounds = amount/100 x rate/10000
	x := new(big.Rat).SetFrac(big.NewInt(int64(amount)*int64(rate)), big.NewInt(100*10000))
	thousandths := new(big.Int).Quo(new(big.Int).Mul(x.Num(), big.NewInt(1000)), x.Denom()) // truncated
	pence := new(big.Int).Quo(thousandths, big.NewInt(10))
	if new(big.Int).Rem(thousandths, big.NewInt(10)).Int64() >= 6 {
		pence.Add(pence, big.NewInt(1))
	}
	return money.Money(pence.Int64())
}

// TestNIThresholds checks every category and frequency in every year at
// and either side of every threshold (and some pay far above), against the
// reference, and checks the FPS bands.
func TestNIThresholds(t *testing.T) {
	n := 0
	for _, y := range SupportedTaxYears() {
		r, _ := RatesFor(y)
		for _, f := range []Frequency{Weekly, Fortnightly, FourWeekly, Monthly} {
			t.Run(fmt.Sprint(f), func(t *testing.T) {
				th := r.NIThresholdsFor(f)
				var pays []money.Money
				for _, x := range []money.Money{th.LEL, th.PT, th.ST, th.UEL} {
					pays = append(pays, x-1, x, x+1, x+7, x+37, x+38)
				}
				pays = append(pays, 0, 1, 2*th.UEL, 1234567, MaxPeriodPay)
				for _, cat := range allNICategories {
					cr := r.niRates(cat)
					for _, pay := range pays {
						got, err := r.NI(cat, f, pay)
						if err != nil {
							t.Fatal(err)
						}
						wantEE := refBand(min(pay, th.UEL)-th.PT, cr.EmployeeMain) + refBand(pay-th.UEL, cr.EmployeeUpper)
						wantER := refBand(pay-th.ST, cr.Employer)
						if cr.ZeroToUEL {
							wantER = refBand(pay-th.UEL, cr.Employer)
						}
						if got.Employee != wantEE || got.Employer != wantER {
							t.Errorf("%s %s %s pay %s: employee %s employer %s; want %s %s", y, f, cat, pay, got.Employee, got.Employer, wantEE, wantER)
						}
						// Bands: nothing below the LEL; otherwise LEL, LEL..PT, PT..UEL.
						var at, lp, pu money.Money
						if pay >= th.LEL {
							at = th.LEL
							lp = min(pay, th.PT) - th.LEL
							if pay > th.PT {
								pu = min(pay, th.UEL) - th.PT
							}
						}
						if got.AtLEL != at || got.LELToPT != lp || got.PTToUEL != pu || got.Pay != pay {
							t.Errorf("%s %s %s pay %s: bands %s/%s/%s, want %s/%s/%s", y, f, cat, pay, got.AtLEL, got.LELToPT, got.PTToUEL, at, lp, pu)
						}
						// At or below the PT no employee NI; at or below the ST no
						// employer NI.
						if pay <= th.PT && got.Employee != 0 {
							t.Errorf("%s %s %s: employee NI %s at or below the PT", y, f, cat, got.Employee)
						}
						if pay <= th.ST && got.Employer != 0 {
							t.Errorf("%s %s %s: employer NI %s at or below the ST", y, f, cat, got.Employer)
						}
						n++
					}
				}
			})
		}
	}
	t.Logf("%d NI cases checked", n)
}

// The published fortnightly and four-weekly thresholds follow HMRC's rule
// for k weeks: LEL x k; PT, ST, UEL = annual / 52 x k rounded up.
func TestNIThresholdsForWeeks(t *testing.T) {
	for _, y := range SupportedTaxYears() {
		r, _ := RatesFor(y)
		for _, f := range []Frequency{Fortnightly, FourWeekly} {
			t.Run(fmt.Sprint(f), func(t *testing.T) {
				got := r.niThresholdsForWeeks(int64(f.Weeks()))
				if want := r.NIThresholdsFor(f); got != want {
					t.Errorf("%s %s: rule gives %+v, published %+v", y, f, got, want)
				}
			})
		}
		// Published annual LEL is 52 weekly LELs.
		if r.NIAnnual.LEL != 52*r.NIThresholdsFor(Weekly).LEL {
			t.Errorf("%s: annual LEL %s is not 52 x weekly", y, r.NIAnnual.LEL)
		}
	}
}

func TestNIErrors(t *testing.T) {
	r, _ := RatesFor(2026)
	for _, c := range []struct {
		cat NICategory
		f   Frequency
		pay money.Money
	}{{'X', Weekly, 100}, {'j', Weekly, 100}, {'A', 0, 100}, {'A', Weekly, -1}, {'A', Weekly, MaxPeriodPay + 1}, {0, Weekly, 1}} {
		t.Run(fmt.Sprint(c.cat), func(t *testing.T) {
			if _, err := r.NI(c.cat, c.f, c.pay); err == nil {
				t.Errorf("NI(%q, %v, %d) should fail", c.cat, c.f, c.pay)
			}
		})
	}
	for _, s := range []string{"a", " Z ", "h"} {
		t.Run(s, func(t *testing.T) {
			if _, err := ParseNICategory(s); err != nil {
				t.Errorf("ParseNICategory(%q): %v", s, err)
			}
		})
	}
	for _, s := range []string{"", "X", "AA", "D"} {
		t.Run(s, func(t *testing.T) {
			if _, err := ParseNICategory(s); err == nil {
				t.Errorf("ParseNICategory(%q) should fail", s)
			}
		})
	}
}

func ExampleRates_NI() {
	r, _ := RatesFor(2026)
	ni, _ := r.NI('A', Monthly, money.MustParse("1156.25"))
	fmt.Println(ni.Employee, ni.Employer, ni.AtLEL, ni.LELToPT, ni.PTToUEL)
	// Output: 8.66 110.89 559.00 489.00 108.25
}
