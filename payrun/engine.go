package payrun

import (
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
)

// EngineInput is the payroll engine's input for a PA's pay lines paid on
// payday under contract c, with their year to date before it: the PA's
// tax code (the emergency code when theirs cannot be read), NI category,
// loans and the contract's pension terms. The pension is taken only when
// the PA is an eligible jobholder on that pay, or has no date of birth to
// tell. The forecast's typical payslips and the pay runs both use it, so
// they cannot differ.
func EngineInput(pa household.PA, c household.Contract, f payroll.Frequency, payday civil.Date, lines []payroll.Line, ytd payroll.YearToDate) (payroll.PayslipInput, error) {
	year := payroll.TaxYearOf(payday)
	code, err := payroll.ParseTaxCode(pa.TaxCode)
	if err != nil {
		if code, err = payroll.EmergencyCode(year); err != nil {
			return payroll.PayslipInput{}, err
		}
	}
	cat, err := payroll.ParseNICategory(pa.NICategory)
	if err != nil {
		cat = 0
	}
	plan, err := payroll.ParseStudentLoanPlan(pa.StudentLoan)
	if err != nil {
		plan = payroll.NoStudentLoan
	}
	var gross money.Money
	for _, l := range lines {
		if l.Kind != payroll.Expenses && l.Kind != payroll.PensionRefund {
			gross += l.Amount
			if l.Amount == 0 && l.Rate > 0 {
				gross += money.Money((int64(l.Rate)*l.Minutes + 30) / 60)
			}
		}
	}
	var pension payroll.PensionSettings
	if c.PensionMethod == household.PensionReliefAtSource || c.PensionMethod == household.PensionNetPay {
		rates, err := payroll.RatesFor(year)
		if err != nil {
			return payroll.PayslipInput{}, err
		}
		if w := rates.AssessWorker(pa.DateOfBirth, payday, f, gross); w == payroll.EligibleJobholder || w == payroll.NotAssessed {
			pension = payroll.PensionSettings{Membership: payroll.Enrolled,
				EmployeePercent: payroll.Percent(c.PensionEmployeeBP), EmployerPercent: payroll.Percent(c.PensionEmployerBP)}
			if c.PensionMethod == household.PensionNetPay {
				pension.Method = payroll.NetPay
			}
			if c.PensionBasis == household.PensionAllPay {
				pension.Basis = payroll.AllPay
			}
		}
	}
	return payroll.PayslipInput{
		Frequency: f, PayDate: payday, Lines: lines,
		TaxCode: code, Week1Month1: pa.Week1Month1, NICategory: cat, StudentLoan: plan, PostgraduateLoan: pa.PostgradLoan,
		Pension: pension, DateOfBirth: pa.DateOfBirth, YearToDate: ytd,
	}, nil
}
