package payroll

import (
	"errors"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

func TestCalculateHMRCMonth1(t *testing.T) {
	// HMRC's first monthly example: 1,156.25, 1257L, month 1. Tax 21.40;
	// NI (1156.25 - 1048) x 8% = 8.66; employer (1156.25 - 417) x 15% =
	// 110.8875 -> 110.89. Net 1156.25 - 21.40 - 8.66 = 1126.19.
	ps, err := Calculate(PayslipInput{
		TaxYear: 2026, Frequency: Monthly, Period: 1,
		Lines:   []Line{{Kind: Basic, Description: "Care", Amount: 115625}},
		TaxCode: mustCode(t, "1257L"),
	})
	if err != nil {
		t.Fatal(err)
	}
	check := []amountCheck{
		{"gross", ps.Gross, 115625}, {"taxable", ps.TaxablePay, 115625}, {"tax", ps.Tax, 2140},
		{"employee NI", ps.EmployeeNI, 866}, {"employer NI", ps.EmployerNI, 11089}, {"net", ps.NetPay, 112619},
		{"employer cost", ps.EmployerCost, 115625 + 11089}, {"deductions", ps.Deductions, 2140 + 866},
		{"ytd tax", ps.YearToDate.Tax, 2140}, {"ytd taxable", ps.YearToDate.TaxablePay, 115625},
		{"fps at LEL", ps.FPS.AtLEL, 55900}, {"fps LEL-PT", ps.FPS.LELToPT, 48900}, {"fps PT-UEL", ps.FPS.PTToUEL, 10825},
	}
	checkAmounts(t, check)
	if ps.NI.Category != 'A' || ps.FPS.NILetter != 'A' || ps.FPS.TaxMonth != 1 || ps.FPS.TaxWeek != 0 || ps.FPS.PayFrequency != "M1" || ps.FPS.HoursBand != HoursOther {
		t.Errorf("FPS = %+v", ps.FPS)
	}
	if len(ps.Notes) != 0 {
		t.Errorf("notes %q", ps.Notes)
	}
}

// A weekly PA's payslip with every kind of line, loans and a pension,
// worked by hand.
func TestCalculateFull(t *testing.T) {
	in := PayslipInput{
		TaxYear: 2026, Frequency: Weekly, Period: 10, PayDate: civil.MustParse("2026-06-12"),
		Lines: []Line{
			{Kind: Basic, Description: "Care", Minutes: 30 * 60, Rate: 1300},              // 390.00
			{Kind: SleepIn, Description: "Sleep-in allowance", Amount: 5000},              // 50.00
			{Kind: SleepInWaking, Description: "Woken at night", Minutes: 60, Rate: 1300}, // 13.00
			{Kind: Holiday, Description: "Holiday", Minutes: 450, Rate: 1300},             // 97.50
			{Kind: Expenses, Description: "Bus fares", Amount: 1250},                      // 12.50
		},
		TaxCode:          mustCode(t, "1257L"),
		StudentLoan:      Plan2,
		PostgraduateLoan: true,
		Pension:          PensionSettings{Membership: Enrolled, Method: ReliefAtSource, Basis: QualifyingEarnings, EmployeePercent: 500, EmployerPercent: 300},
		DateOfBirth:      civil.MustParse("1990-03-01"),
		YearToDate: YearToDate{
			Gross: 495450, TaxablePay: 495450, Tax: 55540, NIablePay: 495450, EmployeeNI: 22212, EmployerNI: 61353,
			AtLEL: 116100, LELToPT: 101700, PTToUEL: 277650, PostgraduateLoan: 7200, PensionEmployee: 15498, PensionEmployer: 11628, NetPay: 406350,
		},
	}
	ps, err := Calculate(in)
	if err != nil {
		t.Fatal(err)
	}
	// Gross 390 + 50 + 13 + 97.50 = 550.50.
	// Pension: 550.50 - 120 = 430.50 qualifying; 4% = 17.22 taken (5% =
	// 21.525 -> 21.53, relief 4.31); employer 3% = 12.915 -> 12.92.
	// Tax week 10: 5505.00 - 2419.20 = 3085.80 -> 3085 x 20% = 617.00,
	// less 555.40 = 61.60.
	// NI: (550.50 - 242) x 8% = 24.68; employer (550.50 - 96) x 15% =
	// 68.175 -> third decimal 5 rounds down -> 68.17.
	// Plan 2: 550.50 is under 565.09: nothing. Postgraduate: (550.50 -
	// 403.84) x 6% = 8.7996 -> 8.
	// Net: 550.50 - (61.60 + 24.68 + 8 + 17.22) + 12.50 = 451.50.
	// Employer cost: 550.50 + 12.50 + 68.17 + 12.92 = 644.09.
	check := []amountCheck{
		{"gross", ps.Gross, 55050}, {"expenses", ps.Expenses, 1250}, {"taxable", ps.TaxablePay, 55050},
		{"pension base", ps.Pension.Base, 43050}, {"pension employee", ps.Pension.Employee, 1722},
		{"pension relief", ps.Pension.TaxRelief, 431}, {"pension employer", ps.Pension.Employer, 1292},
		{"tax", ps.Tax, 6160}, {"employee NI", ps.EmployeeNI, 2468}, {"employer NI", ps.EmployerNI, 6817},
		{"student loan", ps.StudentLoan, 0}, {"pg loan", ps.PostgraduateLoan, 800},
		{"deductions", ps.Deductions, 11150}, {"net", ps.NetPay, 45150}, {"employer cost", ps.EmployerCost, 64409},
		{"ytd gross", ps.YearToDate.Gross, 495450 + 55050}, {"ytd tax", ps.YearToDate.Tax, 61700},
		{"ytd NI", ps.YearToDate.EmployeeNI, 22212 + 2468}, {"ytd employer NI", ps.YearToDate.EmployerNI, 61353 + 6817},
		{"ytd at LEL", ps.YearToDate.AtLEL, 116100 + 12900}, {"ytd LEL-PT", ps.YearToDate.LELToPT, 101700 + 11300},
		{"ytd PT-UEL", ps.YearToDate.PTToUEL, 277650 + 30850}, {"ytd pg", ps.YearToDate.PostgraduateLoan, 8000},
		{"ytd pension", ps.YearToDate.PensionEmployee, 15498 + 1722}, {"ytd employer pension", ps.YearToDate.PensionEmployer, 11628 + 1292},
		{"ytd net", ps.YearToDate.NetPay, 406350 + 45150},
		{"fps taxable to date", ps.FPS.TaxablePayToDate, 550500}, {"fps pension not NPA", ps.FPS.PensionNotNetPay, 1722},
		{"fps pension NPA", ps.FPS.PensionNetPay, 0}, {"fps gross for NI to date", ps.FPS.GrossForNIToDate, 550500},
	}
	checkAmounts(t, check)
	if ps.Lines[0].Amount != 39000 || ps.Lines[2].Amount != 1300 || ps.Lines[3].Amount != 9750 {
		t.Errorf("line amounts %+v", ps.Lines)
	}
	// 30h + 1h + 7.5h = 38.5 hours: band D.
	if f := ps.FPS; f.TaxWeek != 10 || f.PayFrequency != "W1" || f.HoursBand != Hours30Plus || f.TaxCode.String() != "1257L" || f.StudentLoanPlan != "02" ||
		!f.PostgraduateLoanIndicator || f.Week53 != 0 || f.PaymentDate != in.PayDate || f.Week1Month1 {
		t.Errorf("FPS %+v", f)
	}
	// Minimum wage: (390 + 13) / 31 hours = 13.00 an hour, above 12.71.
	if !ps.MinimumWageChecked || ps.MinimumWage.Below || ps.MinimumWage.HourlyPay != 1300 || ps.Pension.Category != EligibleJobholder {
		t.Errorf("checks: %+v %v", ps.MinimumWage, ps.Pension.Category)
	}
	if len(ps.Notes) != 0 {
		t.Errorf("notes %q", ps.Notes)
	}
	// The input lines are not changed.
	if in.Lines[0].Amount != 0 {
		t.Error("Calculate changed its input")
	}
}

func TestCalculateNetPayPension(t *testing.T) {
	// Monthly 2000, net pay arrangement 5% of qualifying earnings (2000 -
	// 520 = 1480): 74.00 before tax. Taxable 1926: 1926 - 1048.26 = 877.74
	// -> 877 x 20% = 175.40. NI on 2000: (2000 - 1048) x 8% = 76.16. Net
	// 2000 - 175.40 - 76.16 - 74.00 = 1674.44.
	ps, err := Calculate(PayslipInput{
		TaxYear: 2026, Frequency: Monthly, Period: 1, TaxCode: mustCode(t, "1257L"),
		Lines:   []Line{{Kind: Basic, Amount: 200000}},
		Pension: PensionSettings{Membership: Enrolled, Method: NetPay, EmployeePercent: 500, EmployerPercent: 300},
	})
	if err != nil {
		t.Fatal(err)
	}
	if ps.TaxablePay != 192600 || ps.Tax != 17540 || ps.EmployeeNI != 7616 || ps.NetPay != 167444 || ps.FPS.PensionNetPay != 7400 || ps.YearToDate.PensionNetPay != 7400 {
		t.Errorf("taxable %s tax %s NI %s net %s NPA %s", ps.TaxablePay, ps.Tax, ps.EmployeeNI, ps.NetPay, ps.FPS.PensionNetPay)
	}
}

func TestCalculateNotes(t *testing.T) {
	// 23-year-old paid 476.00 for 40 hours in November 2026: a warning.
	// Not enrolled though eligible: a warning.
	ps, err := Calculate(PayslipInput{
		TaxYear: 2026, Frequency: Monthly, Period: 8, PayDate: civil.MustParse("2026-11-30"),
		Lines:       []Line{{Kind: Basic, Minutes: 40 * 60, Amount: 47600}, {Kind: SleepIn, Amount: 50000}},
		TaxCode:     mustCode(t, "1257L"),
		DateOfBirth: civil.MustParse("2003-05-01"),
		StudentLoan: Plan5,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "Pay for this period works out at £11.90 an hour, below the National Living Wage of £12.71 for someone aged 23 on 30/11/2026."
	if len(ps.Notes) != 2 || ps.Notes[0] != want || !strings.Contains(ps.Notes[1], "eligible jobholder") {
		t.Errorf("notes %q", ps.Notes)
	}
	// 3 April 2027 is in 2026-27, but the rates from 1 April 2027 are not
	// held: the check is skipped with a note.
	ps, err = Calculate(PayslipInput{TaxYear: 2026, Frequency: Monthly, Period: 12, PayDate: civil.MustParse("2027-04-03"),
		Lines: []Line{{Kind: Basic, Minutes: 600, Amount: 13000}}, TaxCode: mustCode(t, "1257L"), DateOfBirth: civil.MustParse("1990-01-01")})
	if err != nil || ps.MinimumWageChecked || len(ps.Notes) != 1 || !strings.Contains(ps.Notes[0], "not checked") {
		t.Errorf("April 2027: %q %v", ps.Notes, err)
	}
	// Plan 5 in 2025-26: nothing taken, and a note.
	ps, err = Calculate(PayslipInput{TaxYear: 2025, Frequency: Monthly, Period: 1, TaxCode: mustCode(t, "1257L"),
		Lines: []Line{{Kind: Basic, Amount: 500000}}, StudentLoan: Plan5})
	if err != nil || ps.StudentLoan != 0 || len(ps.Notes) != 1 || !strings.Contains(ps.Notes[0], "Plan 5") {
		t.Errorf("plan 5: %s %q %v", ps.StudentLoan, ps.Notes, err)
	}
	// K code limit: the shortfall is noted and carried in the year to date.
	ps, err = Calculate(PayslipInput{TaxYear: 2026, Frequency: Monthly, Period: 1, TaxCode: mustCode(t, "K500"),
		Lines: []Line{{Kind: Basic, Amount: 20000}}})
	if err != nil || ps.Tax != 10000 || ps.YearToDate.TaxShortfall != 2340 || len(ps.Notes) != 1 {
		t.Errorf("K code: tax %s shortfall %s notes %q %v", ps.Tax, ps.YearToDate.TaxShortfall, ps.Notes, err)
	}
	ps, err = Calculate(PayslipInput{TaxYear: 2026, Frequency: Monthly, Period: 2, TaxCode: mustCode(t, "K500"),
		Lines: []Line{{Kind: Basic, Amount: 200000}}, YearToDate: ps.YearToDate})
	if err != nil || ps.Tax != 50680 || ps.YearToDate.TaxShortfall != 0 {
		t.Errorf("K code catch-up: tax %s shortfall %s %v", ps.Tax, ps.YearToDate.TaxShortfall, err)
	}
}

// A tax year of weekly payslips: the running totals agree with a single
// cumulative calculation at week 52.
func TestCalculateYear(t *testing.T) {
	var ytd YearToDate
	code := mustCode(t, "1257L")
	for w := 1; w <= 52; w++ {
		ps, err := Calculate(PayslipInput{TaxYear: 2026, Frequency: Weekly, Period: w, TaxCode: code,
			Lines: []Line{{Kind: Basic, Amount: 55050}}, YearToDate: ytd})
		if err != nil {
			t.Fatal(err)
		}
		ytd = ps.YearToDate
	}
	// 52 x 550.50 = 28626.00 - 52 x 241.92 = 12579.84 -> 16046.16 -> 16046
	// x 20% = 3209.20.
	if ytd.Tax != 320920 || ytd.TaxablePay != 2862600 || ytd.EmployeeNI != 52*2468 || ytd.EmployerNI != 52*6817 {
		t.Errorf("year: %+v", ytd)
	}
}

func TestCalculateFPSWeek53(t *testing.T) {
	ps, err := Calculate(PayslipInput{TaxYear: 2026, Frequency: Fortnightly, Period: 53, PayDate: civil.MustParse("2027-04-05"),
		TaxCode: mustCode(t, "1257L"), Lines: []Line{{Kind: Basic, Amount: 100000}},
		YearToDate: YearToDate{TaxablePay: 2600000, Tax: 300000}})
	if err != nil {
		t.Fatal(err)
	}
	// Week 2 figures, non-cumulative: 1000 - 483.84 -> 516 x 20% = 103.20.
	if ps.Tax != 10320 || ps.FPS.Week53 != 54 || ps.FPS.TaxWeek != 53 || !ps.FPS.Week1Month1 || ps.PAYE.Cumulative {
		t.Errorf("week 54: tax %s FPS %+v", ps.Tax, ps.FPS)
	}
}

func TestCalculateErrors(t *testing.T) {
	code := mustCode(t, "1257L")
	base := PayslipInput{TaxYear: 2026, Frequency: Monthly, Period: 1, TaxCode: code, Lines: []Line{{Kind: Basic, Amount: 100}}}
	cases := []struct {
		name   string
		change func(*PayslipInput)
		want   string
	}{
		{"year", func(in *PayslipInput) { in.TaxYear = 2023 }, "not supported"},
		{"period", func(in *PayslipInput) { in.Period = 13 }, "1 to 12"},
		{"frequency", func(in *PayslipInput) { in.Frequency = 0 }, "frequency"},
		{"payday", func(in *PayslipInput) { in.PayDate = civil.MustParse("2026-06-01") }, "month 2, not 2026-27 month 1"},
		{"negative line", func(in *PayslipInput) { in.Lines = []Line{{Kind: Basic, Amount: -1}} }, "cannot be negative"},
		{"no kind", func(in *PayslipInput) { in.Lines = []Line{{Amount: 1}} }, "no kind"},
		{"rate mismatch", func(in *PayslipInput) { in.Lines = []Line{{Kind: Basic, Minutes: 60, Rate: 1271, Amount: 1000}} }, "is not £12.71 an hour for 1 hour"},
		{"minutes", func(in *PayslipInput) { in.Lines = []Line{{Kind: Basic, Minutes: -1}} }, "minutes"},
		{"too much", func(in *PayslipInput) {
			in.Lines = []Line{{Kind: Basic, Amount: MaxPeriodPay}, {Kind: Bonus, Amount: 1}}
		}, "most accepted"},
		{"NI", func(in *PayslipInput) { in.NICategory = 'Q' }, "category"},
		{"ytd", func(in *PayslipInput) { in.YearToDate.Tax = -1 }, "tax to date cannot be negative"},
		{"previous", func(in *PayslipInput) { in.Previous.TaxablePay = MaxYearToDate + 1 }, "too large"},
		{"pension", func(in *PayslipInput) { in.Pension.EmployeePercent = 20000 }, "0 to 100"},
		{"plan", func(in *PayslipInput) { in.StudentLoan = 9 }, "plan"},
		{"code", func(in *PayslipInput) { in.TaxCode.Kind = 99 }, "tax code"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := base
			in.Lines = append([]Line(nil), base.Lines...)
			c.change(&in)
			_, err := Calculate(in)
			if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
			}
		})
	}
	// Year and period from the payday.
	in := base
	in.TaxYear, in.Period, in.PayDate = 0, 0, civil.MustParse("2026-06-01")
	if ps, err := Calculate(in); err != nil || ps.TaxYear != 2026 || ps.Period != 2 {
		t.Errorf("from the payday: %s %d %v", ps.TaxYear, ps.Period, err)
	}
	// A computed line: 12.71 x 7.5 hours = 95.325 -> 95.33.
	in = base
	in.Lines = []Line{{Kind: Basic, Minutes: 450, Rate: 1271}}
	ps, err := Calculate(in)
	if err != nil || ps.Gross != 9533 {
		t.Errorf("computed line: %s, %v", ps.Gross, err)
	}
	// Expenses only: no pay, nothing deducted, expenses paid.
	in.Lines = []Line{{Kind: Expenses, Amount: 2000}}
	ps, err = Calculate(in)
	if err != nil || ps.Gross != 0 || ps.NetPay != 2000 || ps.Tax != 0 {
		t.Errorf("expenses only: %+v, %v", ps, err)
	}
}

// FuzzCalculate: no input makes Calculate panic, and whatever it accepts
// adds up.
func FuzzCalculate(f *testing.F) {
	f.Add(2026, 4, 1, "1257L", int64(115625), int64(0), int64(0), int64(0), int64(0), byte('A'), byte(0), false, int64(500), int64(300), byte(1), byte(0), int64(0), int64(0), "1990-01-01", "")
	f.Add(2024, 1, 53, "SK630 W1", int64(100), int64(600), int64(1271), int64(5000), int64(123), byte('M'), byte(2), true, int64(450), int64(300), byte(1), byte(1), int64(99999), int64(50), "2005-02-29", "2025-04-04")
	f.Fuzz(func(t *testing.T, year, freq, period int, code string, amount, minutes, rate, expenses, prevPay int64, cat, plan byte, pg bool,
		ee, er int64, membership, method byte, ytdPay, ytdTax int64, dob, payday string) {
		c, err := ParseTaxCode(code)
		if err != nil {
			return
		}
		in := PayslipInput{
			TaxYear: TaxYear(year), Frequency: Frequency(freq), Period: period, TaxCode: c,
			Lines:       []Line{{Kind: Basic, Minutes: minutes, Rate: money.Money(rate), Amount: money.Money(amount)}, {Kind: Expenses, Amount: money.Money(expenses)}},
			NICategory:  NICategory(cat),
			StudentLoan: StudentLoanPlan(plan), PostgraduateLoan: pg,
			Pension:    PensionSettings{Membership: PensionMembership(membership), Method: PensionMethod(method), EmployeePercent: Percent(ee), EmployerPercent: Percent(er)},
			Previous:   PreviousEmployment{TaxablePay: money.Money(prevPay)},
			YearToDate: YearToDate{TaxablePay: money.Money(ytdPay), Tax: money.Money(ytdTax)},
		}
		in.DateOfBirth, _ = civil.ParseOptional(dob)
		in.PayDate, _ = civil.ParseOptional(payday)
		ps, err := Calculate(in)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		if ps.NetPay != ps.Gross-ps.Deductions+ps.Expenses {
			t.Fatalf("net pay %s != %s - %s + %s", ps.NetPay, ps.Gross, ps.Deductions, ps.Expenses)
		}
		if ps.Deductions != ps.Tax+ps.EmployeeNI+ps.StudentLoan+ps.PostgraduateLoan+ps.Pension.Employee {
			t.Fatal("deductions do not add up")
		}
		if ps.YearToDate.TaxablePay != in.YearToDate.TaxablePay+ps.TaxablePay || ps.YearToDate.Tax != in.YearToDate.Tax+ps.Tax {
			t.Fatal("year to date does not add up")
		}
		if c.Kind == CodeK && ps.Tax > ps.TaxablePay/2 {
			t.Fatalf("K code took %s of %s", ps.Tax, ps.TaxablePay)
		}
		if ps.EmployeeNI < 0 || ps.EmployerNI < 0 || ps.StudentLoan < 0 || ps.Pension.Employee < 0 || ps.TaxablePay < 0 {
			t.Fatalf("negative figure in %+v", ps)
		}
	})
}

// amountCheck is one figure of a payslip and the figure worked by hand.
type amountCheck struct {
	name      string
	got, want money.Money
}

// checkAmounts reports each figure that is not the one worked by hand.
func checkAmounts(t *testing.T, checks []amountCheck) {
	t.Helper()
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
}

// The minimum wage rate and the worker's age are those of the first day
// of the pay reference period; the payday when that is not given.
func TestCalculateMinimumWagePayReferenceStart(t *testing.T) {
	tests := []struct {
		name       string
		start      string // first day of the pay reference period; "" for none
		dob        string
		rate       money.Money // hourly rate paid
		wantRate   money.Money
		wantAge    int
		wantBelow  bool
		wantRateOf string
	}{
		{"period from 1 April 2026 uses the 2026 rate", "2026-04-01", "1990-01-01", 1250, 1271, 36, true, "National Living Wage"},
		{"period from 31 March 2026 uses the 2025 rate though paid in April", "2026-03-31", "1990-01-01", 1250, 1221, 36, false, "National Living Wage"},
		{"no period start: the payday's rate", "", "1990-01-01", 1250, 1271, 36, true, "National Living Wage"},
		{"21st birthday mid-period: the age on the first day", "2026-04-01", "2005-04-15", 1100, 1085, 20, false, "National Minimum Wage"},
		{"21st birthday before the payday: the payday's age without a start", "", "2005-04-15", 1100, 1271, 21, true, "National Living Wage"},
		{"21st birthday on the first day", "2026-04-15", "2005-04-15", 1100, 1271, 21, true, "National Living Wage"},
		// 22 on the payday, 21 on the first day: the pension assessment
		// (from 22) uses the payday, the minimum wage the first day.
		{"22nd birthday mid-period", "2026-04-01", "2004-04-15", 1300, 1271, 21, false, "National Living Wage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := PayslipInput{
				TaxYear: 2026, Frequency: Monthly, Period: 1, PayDate: civil.MustParse("2026-04-30"),
				Lines:       []Line{{Kind: Basic, Minutes: 100 * 60, Rate: tt.rate}},
				TaxCode:     mustCode(t, "1257L"),
				DateOfBirth: civil.MustParse(tt.dob),
			}
			if tt.start != "" {
				in.PayReferenceStart = civil.MustParse(tt.start)
			}
			ps, err := Calculate(in)
			if err != nil {
				t.Fatal(err)
			}
			mw := ps.MinimumWage
			if !ps.MinimumWageChecked || mw.Rate != tt.wantRate || mw.Age != tt.wantAge || mw.Below != tt.wantBelow || mw.RateName != tt.wantRateOf {
				t.Errorf("checked %v, %+v; want rate %s age %d below %v", ps.MinimumWageChecked, mw, tt.wantRate, tt.wantAge, tt.wantBelow)
			}
			// The pension assessment stays on the payday.
			if tt.dob == "2004-04-15" && ps.Pension.Category != EligibleJobholder {
				t.Errorf("pension category %v, want an eligible jobholder (22 on the payday)", ps.Pension.Category)
			}
			if ps.Pension.Category != rates2026(t).AssessWorker(in.DateOfBirth, in.PayDate, Monthly, ps.Gross) {
				t.Errorf("pension category %v", ps.Pension.Category)
			}
		})
	}
	t.Run("the warning names the first day", func(t *testing.T) {
		ps, err := Calculate(PayslipInput{
			TaxYear: 2026, Frequency: Monthly, Period: 1, PayDate: civil.MustParse("2026-04-30"),
			PayReferenceStart: civil.MustParse("2026-04-01"),
			Lines:             []Line{{Kind: Basic, Minutes: 100 * 60, Rate: 1250}},
			TaxCode:           mustCode(t, "1257L"), DateOfBirth: civil.MustParse("1990-01-01"),
		})
		if err != nil || len(ps.Notes) == 0 || !strings.Contains(ps.Notes[0], "aged 36 on 01/04/2026") {
			t.Errorf("notes %q, %v", ps.Notes, err)
		}
	})
}

func rates2026(t *testing.T) *Rates {
	t.Helper()
	r, err := RatesFor(2026)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestStarterWithAP45RefundedInTheFirstPay follows HMRC's cumulative
// method for a starter with a P45 (CWG2, "New employee with a P45"): the
// previous employment's pay and tax count towards the year, so a first
// pay can refund tax, leaving this employment's tax to date below 0; the
// next pay goes on from there. Month 7, 1257L: pay to date £8,940.00 +
// £1,054.55 = £9,994 (whole pounds) less free pay £7,337.75 = £2,656
// taxable, £531.20 due against £548.20 paid: £17.00 back. Month 8: £11,049
// less £8,386.00 = £2,663, £532.60 due against £531.20 paid: £1.40.
func TestStarterWithAP45RefundedInTheFirstPay(t *testing.T) {
	code, _ := ParseTaxCode("1257L")
	prev := PreviousEmployment{TaxablePay: 894000, Tax: 54820}
	in := PayslipInput{TaxYear: 2026, Frequency: Monthly, Period: 7, TaxCode: code, NICategory: 'A',
		Lines: []Line{{Kind: Basic, Amount: 105455}}, Previous: prev}
	first, err := Calculate(in)
	if err != nil {
		t.Fatal(err)
	}
	if first.Tax != -1700 || first.YearToDate.Tax != -1700 {
		t.Fatalf("first pay: tax %s, to date %s; want -£17.00", first.Tax, first.YearToDate.Tax)
	}
	in.Period, in.YearToDate = 8, first.YearToDate
	second, err := Calculate(in)
	if err != nil {
		t.Fatalf("the next pay refused: %v", err)
	}
	if second.Tax != 140 || second.YearToDate.Tax != -1560 {
		t.Errorf("second pay: tax %s, to date %s; want £1.40 and -£15.60", second.Tax, second.YearToDate.Tax)
	}
	// Below minus the previous employment's tax is still refused.
	in.YearToDate.Tax = -54821
	if _, err := Calculate(in); err == nil {
		t.Error("tax to date below the previous employment's tax was taken")
	}
}
