package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/payroll"
)

func init() {
	registerIn(groupPay, "calc", "check a payslip: tax, NI, loans, pension and net pay for one payment", cmdCalc)
}

// calcJSON is the --json output: exactly these keys, amounts as strings
// with two decimals.
type calcJSON struct {
	TaxYear          string      `json:"tax_year"`
	Frequency        string      `json:"frequency"`
	Period           int         `json:"period"`
	TaxCode          string      `json:"tax_code"`
	Gross            money.Money `json:"gross"`
	TaxablePayToDate money.Money `json:"taxable_pay_to_date"`
	Tax              money.Money `json:"tax"`
	TaxToDate        money.Money `json:"tax_to_date"`
	NICategory       string      `json:"ni_category"`
	EmployeeNI       money.Money `json:"employee_ni"`
	EmployerNI       money.Money `json:"employer_ni"`
	StudentLoan      money.Money `json:"student_loan"`
	PostgraduateLoan money.Money `json:"postgraduate_loan"`
	PensionEmployee  money.Money `json:"pension_employee"`
	PensionEmployer  money.Money `json:"pension_employer"`
	NetPay           money.Money `json:"net_pay"`
}

func cmdCalc(args []string, stdout io.Writer) error {
	fs := newFlags("calc", stdout)
	taxYear := fs.String("tax-year", "", "tax year, like 2026-27 (or give --payday)")
	frequency := fs.String("frequency", "", "pay frequency: weekly, fortnightly, four-weekly or monthly")
	period := fs.String("period", "", "tax week of the payday (weekly, fortnightly, four-weekly pay) or tax month (monthly pay)")
	payday := fs.String("payday", "", "payday, YYYY-MM-DD, instead of --tax-year and --period")
	gross := fs.String("gross", "", "gross pay for the period, like 1156.25")
	taxCode := fs.String("tax-code", "", "tax code, like 1257L")
	week1 := fs.Bool("week1-month1", false, "operate the tax code on a week 1 / month 1 (non-cumulative) basis")
	prevPay := fs.String("previous-pay", "", "taxable pay earlier in the tax year (cumulative codes)")
	prevTax := fs.String("previous-tax", "", "tax deducted earlier in the tax year (cumulative codes)")
	niCat := fs.String("ni-category", payroll.StandardNICategory.String(), "National Insurance category letter: A, B, C, H, J, M or Z")
	loan := fs.String("student-loan", "", "student loan plan: plan1, plan2, plan4 or plan5")
	pgLoan := fs.Bool("postgraduate-loan", false, "the employee repays a postgraduate loan")
	penEE := fs.String("pension-employee", "", "employee pension contribution, per cent of the basis (gross), like 5")
	penER := fs.String("pension-employer", "", "employer pension contribution, per cent, like 3")
	penBasis := fs.String("pension-basis", "", "what the pension percentages apply to: qualifying (default) or all")
	penMethod := fs.String("pension-method", "", "relief-at-source (default) or net-pay")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	bad := func(err error) error {
		if errors.Is(err, payroll.ErrInvalid) || errors.Is(err, money.ErrFormat) || errors.Is(err, civil.ErrFormat) {
			return badInput("%s", err.Error())
		}
		return err
	}

	// Frequency, tax year and period.
	if !set["frequency"] {
		return badInput("--frequency is required: weekly, fortnightly, four-weekly or monthly")
	}
	freq, err := payroll.ParseFrequency(*frequency)
	if err != nil {
		return bad(err)
	}
	var year payroll.TaxYear
	var per int
	if set["tax-year"] {
		if year, err = payroll.ParseTaxYear(*taxYear); err != nil {
			return bad(err)
		}
	}
	if set["period"] {
		per, err = parsePeriod(*period)
		if err != nil {
			return err
		}
	}
	var pay civil.Date
	if set["payday"] {
		if pay, err = civil.Parse(*payday); err != nil {
			return bad(fmt.Errorf("--payday: %w", err))
		}
		y, p, _ := payroll.PeriodOf(pay, freq)
		unit := periodUnit(freq)
		if set["tax-year"] && y != year {
			return badInput("the payday %s is in tax year %s, not %s", pay.UK(), y, year)
		}
		if set["period"] && p != per {
			return badInput("the payday %s is in tax %s %d, not %d", pay.UK(), unit, p, per)
		}
		year, per = y, p
	} else if !set["tax-year"] || !set["period"] {
		return badInput("give --tax-year and --period (the tax %s of the payday), or --payday", periodUnit(freq))
	}
	rates, err := payroll.RatesFor(year)
	if err != nil {
		return bad(err)
	}
	if err := payroll.ValidatePeriod(freq, per); err != nil {
		return bad(err)
	}

	// Pay, code, history.
	if !set["gross"] {
		return badInput("--gross is required: the gross pay for the period, like 1156.25")
	}
	grossPay, err := parseAmount("--gross", *gross)
	if err != nil {
		return err
	}
	if !set["tax-code"] {
		return badInput("--tax-code is required, like 1257L (the emergency code for %s is %s)", year, rates.EmergencyCode)
	}
	code, err := payroll.ParseTaxCode(*taxCode)
	if err != nil {
		return bad(err)
	}
	var previousPay, previousTax money.Money
	if set["previous-pay"] {
		if previousPay, err = parseAmount("--previous-pay", *prevPay); err != nil {
			return err
		}
	}
	if set["previous-tax"] {
		if previousTax, err = parseAmount("--previous-tax", *prevTax); err != nil {
			return err
		}
	}
	cat, err := payroll.ParseNICategory(*niCat)
	if err != nil {
		return bad(err)
	}
	plan, err := payroll.ParseStudentLoanPlan(*loan)
	if err != nil {
		return bad(err)
	}

	// Pension.
	var pension payroll.PensionSettings
	if set["pension-employee"] || set["pension-employer"] {
		pension.Membership = payroll.Enrolled
		if set["pension-employee"] {
			if pension.EmployeePercent, err = payroll.ParsePercent(*penEE); err != nil {
				return badInput("--pension-employee: %s", err.Error())
			}
		}
		if set["pension-employer"] {
			if pension.EmployerPercent, err = payroll.ParsePercent(*penER); err != nil {
				return badInput("--pension-employer: %s", err.Error())
			}
		}
		if set["pension-basis"] {
			if pension.Basis, err = payroll.ParsePensionBasis(*penBasis); err != nil {
				return bad(err)
			}
		}
		if set["pension-method"] {
			if pension.Method, err = payroll.ParsePensionMethod(*penMethod); err != nil {
				return bad(err)
			}
		}
	} else if set["pension-basis"] || set["pension-method"] {
		return badInput("--pension-basis and --pension-method need --pension-employee and --pension-employer (the percentages)")
	}

	in := payroll.PayslipInput{
		TaxYear: year, Frequency: freq, Period: per, PayDate: pay,
		Lines:            []payroll.Line{{Kind: payroll.Basic, Description: "Gross pay", Amount: grossPay}},
		TaxCode:          code,
		Week1Month1:      *week1,
		NICategory:       cat,
		StudentLoan:      plan,
		PostgraduateLoan: *pgLoan,
		Pension:          pension,
		YearToDate:       payroll.YearToDate{TaxablePay: previousPay, Tax: previousTax},
	}
	ps, err := payroll.Calculate(in)
	if err != nil {
		return bad(err)
	}

	if *asJSON {
		out := calcJSON{
			TaxYear:          year.String(),
			Frequency:        freq.String(),
			Period:           per,
			TaxCode:          code.String(),
			Gross:            ps.Gross,
			TaxablePayToDate: ps.PAYE.TaxablePayToDate,
			Tax:              ps.Tax,
			TaxToDate:        ps.PAYE.TaxToDate,
			NICategory:       ps.NI.Category.String(),
			EmployeeNI:       ps.EmployeeNI,
			EmployerNI:       ps.EmployerNI,
			StudentLoan:      ps.StudentLoan,
			PostgraduateLoan: ps.PostgraduateLoan,
			PensionEmployee:  ps.Pension.Employee,
			PensionEmployer:  ps.Pension.Employer,
			NetPay:           ps.NetPay,
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	writePayslip(stdout, ps, in, set["previous-pay"] || set["previous-tax"])
	return nil
}

// parsePeriod reads a whole number for --period.
func parsePeriod(s string) (int, error) {
	t := strings.TrimSpace(s)
	n := 0
	if t == "" || len(t) > 3 {
		return 0, badInput("--period %q is not a number: give the tax week (1 to 53) or tax month (1 to 12) of the payday", s)
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return 0, badInput("--period %q is not a number: give the tax week (1 to 53) or tax month (1 to 12) of the payday", s)
		}
		n = n*10 + int(r-'0')
	}
	return n, nil
}

// parseAmount reads an amount of money that may not be negative.
func parseAmount(flagName, s string) (money.Money, error) {
	m, err := money.Parse(s)
	if err != nil {
		return 0, badInput("%s: %s", flagName, err.Error())
	}
	if m < 0 {
		return 0, badInput("%s cannot be negative (it is %s): give the amount as a positive number, like 1156.25", flagName, m.Format())
	}
	if m > payroll.MaxYearToDate {
		return 0, badInput("%s of %s is too large: the most accepted is %s", flagName, m.Format(), payroll.MaxYearToDate.Format())
	}
	return m, nil
}

func periodUnit(f payroll.Frequency) string {
	if f == payroll.Monthly {
		return "month"
	}
	return "week"
}

// writePayslip prints a breakdown a person can follow line by line.
func writePayslip(w io.Writer, ps payroll.Payslip, in payroll.PayslipInput, previousGiven bool) {
	unit := periodUnit(ps.Frequency)
	fmt.Fprintf(w, "Payslip check: tax year %s, %s pay, payday in tax %s %d\n", ps.TaxYear, ps.Frequency, unit, ps.Period)
	if !ps.PayDate.IsZero() {
		fmt.Fprintf(w, "Payday: %s\n", ps.PayDate.UK())
	}
	tableUnit := unit
	if ps.PAYE.Cumulative {
		fmt.Fprintf(w, "Tax is worked out cumulatively: pay and tax earlier in the tax year count.\n")
		if ps.PAYE.TablePeriod != ps.Period {
			fmt.Fprintf(w, "For %s pay the week %d tables are used.\n", ps.Frequency, ps.PAYE.TablePeriod)
		}
	} else {
		basis := "a week 1"
		if ps.Frequency == payroll.Monthly {
			basis = "a month 1"
		}
		why := "the code is operated non-cumulatively"
		if ps.Period == 53 && !in.Week1Month1 && !in.TaxCode.NonCumulative() {
			why = fmt.Sprintf("a payment in week %d is taxed that way", payroll.TablePeriod(ps.Frequency, 53))
		}
		fmt.Fprintf(w, "Tax is worked out on %s basis (%s): pay and tax earlier in the year do not change it.\n", basis, why)
		if previousGiven {
			fmt.Fprintf(w, "So --previous-pay and --previous-tax are ignored for this period's tax.\n")
		}
	}
	fmt.Fprintln(w)

	// A line each, "label: amount", read in order: no columns or rules.
	line := func(label string, m money.Money) { fmt.Fprintf(w, "  %s: %s\n", label, m.Format()) }
	line("Gross pay", ps.Gross)
	taxLabel := fmt.Sprintf("Tax (code %s, %s %d)", ps.TaxCode, tableUnit, ps.PAYE.TablePeriod)
	if ps.Tax < 0 {
		line("Tax refund"+strings.TrimPrefix(taxLabel, "Tax"), -ps.Tax)
	} else {
		line(taxLabel, -ps.Tax)
	}
	line(fmt.Sprintf("National Insurance (category %s)", ps.NI.Category), -ps.EmployeeNI)
	if in.StudentLoan != payroll.NoStudentLoan {
		line(fmt.Sprintf("Student loan (%s)", in.StudentLoan.Label()), -ps.StudentLoan)
	}
	if in.PostgraduateLoan {
		line("Postgraduate loan", -ps.PostgraduateLoan)
	}
	if in.Pension.Membership == payroll.Enrolled {
		basis := "qualifying earnings"
		if in.Pension.Basis == payroll.AllPay {
			basis = "all pay"
		}
		if in.Pension.Method == payroll.NetPay {
			line(fmt.Sprintf("Pension (%s of %s, before tax)", in.Pension.EmployeePercent, basis), -ps.Pension.Employee)
		} else {
			line(fmt.Sprintf("Pension (%s of %s, relief at source)", in.Pension.EmployeePercent, basis), -ps.Pension.Employee)
		}
	}
	line("Net pay", ps.NetPay)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Employer's costs")
	line("Gross pay", ps.Gross)
	line("Employer National Insurance", ps.EmployerNI)
	if in.Pension.Membership == payroll.Enrolled {
		line(fmt.Sprintf("Employer pension (%s)", in.Pension.EmployerPercent), ps.Pension.Employer)
	}
	line("Total cost to the employer", ps.EmployerCost)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "To date this tax year: taxable pay %s, tax %s.\n", ps.PAYE.TaxablePayToDate.Format(), ps.PAYE.TaxToDate.Format())
	if in.Pension.Membership == payroll.Enrolled && in.Pension.Method == payroll.ReliefAtSource && ps.Pension.TaxRelief > 0 {
		fmt.Fprintf(w, "The pension scheme adds %s basic-rate tax relief to the employee's %s.\n", ps.Pension.TaxRelief.Format(), ps.Pension.Employee.Format())
	}
	for _, n := range ps.Notes {
		fmt.Fprintf(w, "Note: %s\n", n)
	}
}
