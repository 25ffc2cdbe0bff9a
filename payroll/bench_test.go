package payroll

import (
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

func benchInput(b *testing.B) PayslipInput {
	code, err := ParseTaxCode("1257L")
	if err != nil {
		b.Fatal(err)
	}
	return PayslipInput{
		TaxYear: 2026, Frequency: Weekly, Period: 10, PayDate: civil.MustParse("2026-06-12"),
		Lines: []Line{
			{Kind: Basic, Description: "Care", Minutes: 30 * 60, Rate: 1300},
			{Kind: SleepIn, Description: "Sleep-in allowance", Amount: 5000},
			{Kind: Overtime, Description: "Extra hours", Minutes: 120, Rate: 1950},
		},
		TaxCode:     code,
		StudentLoan: Plan2,
		Pension:     PensionSettings{Membership: Enrolled, Method: ReliefAtSource, Basis: QualifyingEarnings, EmployeePercent: 500, EmployerPercent: 300},
		DateOfBirth: civil.MustParse("1990-03-01"),
		YearToDate:  YearToDate{TaxablePay: 495450, Tax: 55540},
	}
}

// BenchmarkPayslip: one full payslip with tax, NI, a student loan, a
// pension, the pension assessment and the minimum wage check.
func BenchmarkPayslip(b *testing.B) {
	in := benchInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Calculate(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTaxYearSixPAsWeekly: 52 weekly payslips for each of six PAs,
// cumulative, each carrying its year to date forward.
func BenchmarkTaxYearSixPAsWeekly(b *testing.B) {
	base := benchInput(b)
	b.ReportAllocs()
	for b.Loop() {
		for pa := 0; pa < 6; pa++ {
			in := base
			in.YearToDate = YearToDate{}
			in.Lines = []Line{{Kind: Basic, Minutes: int64(20+pa*4) * 60, Rate: money.Money(1300 + 25*pa)}}
			for w := 1; w <= 52; w++ {
				in.Period = w
				in.PayDate = TaxYear(2026).Start().AddDays(7*(w-1) + 4)
				ps, err := Calculate(in)
				if err != nil {
					b.Fatal(err)
				}
				in.YearToDate = ps.YearToDate
			}
		}
	}
}
