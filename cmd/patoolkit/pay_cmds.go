package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupPay, "payrun", "preview, or finalise, the pay run for a payday (payrun --payday DATE [--finalise]), or reverse a finalised one (payrun reverse --payday DATE --reason TEXT)", cmdPayrun)
	registerIn(groupPay, "payslips", "list the finalised payslips of a tax year (payslips --tax-year 2026-27 [--pa NAME])", cmdPayslips)
	registerIn(groupPay, "hmrc", "the HMRC record of a tax year: what is owed, when due, when paid", cmdHMRC)
	registerIn(groupPay, "fps", "the figures for a payday's Full Payment Submission, to key into Basic PAYE Tools", cmdFPS)
}

// amount is money as the JSON of the pay commands holds it: "1234.56".
func amount(m money.Money) string { return m.String() }

// hoursDecimal is minutes as a decimal string of hours: "152.50".
func hoursDecimal(minutes int64) string { return text.DecimalHours(minutes) }

type payLineJSON struct {
	Kind        string `json:"kind"`
	Description string `json:"description"`
	Hours       string `json:"hours,omitempty"`
	Rate        string `json:"rate,omitempty"`
	Amount      string `json:"amount"`
	Source      string `json:"source"`
}

type payWarningJSON struct {
	PA      string `json:"pa,omitempty"`
	Message string `json:"message"`
	Blocks  bool   `json:"blocks"`
}

// payslipJSON is one payslip, with the keys "payslips --json" promises.
type payslipJSON struct {
	PA                 string        `json:"pa"`
	Payday             string        `json:"payday"`
	TaxYear            string        `json:"tax_year"`
	Frequency          string        `json:"frequency"`
	TaxPeriod          int           `json:"tax_period"`
	TaxCode            string        `json:"tax_code"`
	Week1Month1        bool          `json:"week1_month1"`
	NICategory         string        `json:"ni_category"`
	Gross              string        `json:"gross"`
	TaxablePay         string        `json:"taxable_pay"`
	NIPay              string        `json:"ni_pay"`
	Tax                string        `json:"tax"`
	TaxablePayToDate   string        `json:"taxable_pay_to_date"`
	TaxToDate          string        `json:"tax_to_date"`
	EmployeeNI         string        `json:"employee_ni"`
	EmployerNI         string        `json:"employer_ni"`
	StudentLoan        string        `json:"student_loan"`
	PostgraduateLoan   string        `json:"postgraduate_loan"`
	PensionEmployee    string        `json:"pension_employee"`
	PensionEmployer    string        `json:"pension_employer"`
	NetPay             string        `json:"net_pay"`
	Hours              string        `json:"hours"`
	Lines              []payLineJSON `json:"lines,omitempty"`
	NICategoryResolved string        `json:"-"`
}

func payslipOut(r payrun.PAResult, withLines bool) payslipJSON {
	ps := r.Payslip
	cat := r.Input.NICategory
	if cat == 0 {
		cat = 'A'
	}
	out := payslipJSON{
		PA: r.PA, Payday: ps.PayDate.String(), TaxYear: ps.TaxYear.String(), Frequency: ps.Frequency.String(),
		TaxPeriod: ps.Period, TaxCode: ps.TaxCode.Base(), Week1Month1: !ps.PAYE.Cumulative, NICategory: cat.String(),
		Gross: amount(ps.Gross), TaxablePay: amount(ps.TaxablePay), NIPay: amount(ps.NIablePay), Tax: amount(ps.Tax),
		TaxablePayToDate: amount(ps.YearToDate.TaxablePay), TaxToDate: amount(ps.YearToDate.Tax),
		EmployeeNI: amount(ps.EmployeeNI), EmployerNI: amount(ps.EmployerNI), StudentLoan: amount(ps.StudentLoan),
		PostgraduateLoan: amount(ps.PostgraduateLoan), PensionEmployee: amount(ps.Pension.Employee),
		PensionEmployer: amount(ps.Pension.Employer), NetPay: amount(ps.NetPay), Hours: hoursDecimal(r.Minutes),
	}
	if withLines {
		for _, l := range r.Lines {
			j := payLineJSON{Kind: l.Kind.String(), Description: l.Description, Amount: amount(l.Amount), Source: l.Source}
			if l.Minutes > 0 {
				j.Hours = hoursDecimal(l.Minutes)
			}
			if l.Rate > 0 {
				j.Rate = amount(l.Rate)
			}
			out.Lines = append(out.Lines, j)
		}
	}
	return out
}

type payTotalsJSON struct {
	Gross               string `json:"gross"`
	Tax                 string `json:"tax"`
	EmployeeNI          string `json:"employee_ni"`
	EmployerNI          string `json:"employer_ni"`
	EmploymentAllowance string `json:"employment_allowance"`
	StudentLoan         string `json:"student_loan"`
	Pension             string `json:"pension"`
	Expenses            string `json:"expenses"`
	NetPay              string `json:"net_pay"`
	HMRC                string `json:"hmrc"`
}

type payrunJSON struct {
	Payday      string           `json:"payday"`
	PeriodFrom  string           `json:"period_from"`
	PeriodTo    string           `json:"period_to"`
	TaxYear     string           `json:"tax_year"`
	Frequency   string           `json:"frequency"`
	TaxPeriod   int              `json:"tax_period"`
	State       string           `json:"state"`
	Finalised   bool             `json:"finalised"`
	CanFinalise bool             `json:"can_finalise"`
	Warnings    []payWarningJSON `json:"warnings"`
	Payslips    []payslipJSON    `json:"payslips"`
	Totals      payTotalsJSON    `json:"totals"`
}

func payrunOut(v service.PayRunView) payrunJSON {
	r := v.Run
	out := payrunJSON{Payday: v.Period.Payday.String(), PeriodFrom: v.Period.From.String(), PeriodTo: v.Period.To.String(),
		TaxYear: r.TaxYear.String(), Frequency: r.Frequency.String(), TaxPeriod: r.TaxPeriod, State: string(v.State),
		Finalised: v.Stored != nil, CanFinalise: v.CanFinalise(), Warnings: []payWarningJSON{}, Payslips: []payslipJSON{}}
	for _, w := range r.Warnings {
		out.Warnings = append(out.Warnings, payWarningJSON{PA: w.PA, Message: w.Text(), Blocks: w.Blocks})
	}
	for _, p := range r.PAs {
		if p.Calc {
			out.Payslips = append(out.Payslips, payslipOut(p, true))
		}
	}
	t := r.Totals
	out.Totals = payTotalsJSON{Gross: amount(t.Gross), Tax: amount(t.Tax), EmployeeNI: amount(t.EmployeeNI), EmployerNI: amount(t.EmployerNI),
		EmploymentAllowance: amount(t.Allowance), StudentLoan: amount(t.StudentLoan + t.PostgraduateLoan), Pension: amount(t.Pension),
		Expenses: amount(t.Expenses), NetPay: amount(t.NetPay), HMRC: amount(t.HMRC)}
	return out
}

// runBudget parses a command's flags, runs check on what they hold
// (before the data file is opened, so a typing mistake is refused
// first), opens the data file and the budget, and runs do.
func runBudget(fs *flag.FlagSet, af accountFlags, args []string, check func() error, do func(*service.Service, household.Account) error) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := check(); err != nil {
		return err
	}
	svc, a, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	return do(svc, a)
}

// paydayCommand is a command about one payday: it reads --payday and
// --json (and the flags extra adds), opens the data file and the budget,
// and runs do.
func paydayCommand(name string, args []string, stdout io.Writer, extra func(*flag.FlagSet),
	do func(svc *service.Service, a household.Account, day civil.Date, asJSON bool) error) error {
	fs, af := addAccountFlags(name, stdout)
	payday := fs.String("payday", "", "the payday (`DATE`, YYYY-MM-DD)")
	asJSON := fs.Bool("json", false, "write JSON")
	if extra != nil {
		extra(fs)
	}
	var day civil.Date
	return runBudget(fs, af, args, func() (err error) {
		day, err = parseDateFlag("payday", *payday)
		return err
	}, func(svc *service.Service, a household.Account) error { return do(svc, a, day, *asJSON) })
}

func cmdPayrun(args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "reverse" {
		return payrunReverse(args[1:], stdout)
	}
	var finalise *bool
	return paydayCommand("payrun", args, stdout, func(fs *flag.FlagSet) {
		finalise = fs.Bool("finalise", false, "finalise the run: store the payslips, lock the timesheets and record what is owed")
	}, func(svc *service.Service, a household.Account, day civil.Date, asJSON bool) error {
		return showPayrun(svc, a, day, *finalise, asJSON, stdout)
	})
}

func showPayrun(svc *service.Service, a household.Account, day civil.Date, finalise, asJSON bool, stdout io.Writer) error {
	var err error
	var v service.PayRunView
	if finalise {
		v, err = svc.FinalisePayRun(a.ID, day)
	} else {
		v, err = svc.PayRun(a.ID, day)
	}
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(stdout, payrunOut(v))
	}
	printPayrun(stdout, v, finalise)
	return nil
}

func printPayrun(w io.Writer, v service.PayRunView, finalised bool) {
	r := v.Run
	unit := "week"
	if r.Frequency == payroll.Monthly {
		unit = "month"
	}
	fmt.Fprintf(w, "Pay run for %s (%s pay, %s), tax year %s %s %d\n", v.Period.Payday.UK(), r.Frequency, v.Period.Label(), r.TaxYear, unit, r.TaxPeriod)
	switch {
	case finalised:
		fmt.Fprintln(w, "Finalised: the payslips are stored, the timesheets locked, and the pay, HMRC and pension are owed under Money.")
	case v.Stored != nil:
		fmt.Fprintf(w, "%s on %s.\n", v.State.Label(), civil.Of(v.Stored.FinalisedAt.In(rota.London())).UK())
	default:
		fmt.Fprintln(w, "Preview: nothing is stored until you finalise (add --finalise).")
	}
	for _, p := range r.PAs {
		if !p.Calc {
			continue
		}
		ps := p.Payslip
		fmt.Fprintf(w, "\n%s: gross %s, tax %s, NI %s, net pay %s\n", p.PA, ps.Gross.Format(), ps.Tax.Format(), ps.EmployeeNI.Format(), ps.NetPay.Format())
		for _, l := range p.Lines {
			hours := ""
			if l.Minutes > 0 {
				hours = " (" + text.Hours(int(l.Minutes)) + " at " + l.Rate.Format() + ")"
			}
			fmt.Fprintf(w, "  %s%s: %s. %s\n", l.Description, hours, l.Amount.Format(), l.Source)
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintln(w, "\nWarnings:")
		for _, x := range r.Warnings {
			mark := "  - "
			if x.Blocks {
				mark = "  ! "
			}
			fmt.Fprintln(w, mark+x.Text())
		}
	}
	t := r.Totals
	fmt.Fprintf(w, "\nTotal: gross %s, net pay %s, to HMRC %s (Employment Allowance %s), to the pension %s\n",
		t.Gross.Format(), t.NetPay.Format(), t.HMRC.Format(), t.Allowance.Format(), t.Pension.Format())
	if v.Stored == nil && r.Blocked() {
		fmt.Fprintln(w, "This run cannot be finalised until the points marked ! are put right.")
	}
}

func taxYearFlag(s string) (payroll.TaxYear, error) {
	if strings.TrimSpace(s) == "" {
		return 0, badInput("--tax-year is needed: a tax year like 2026-27")
	}
	y, err := payroll.ParseTaxYear(s)
	if err != nil {
		return 0, badInput("--tax-year: %s", messageOf(err))
	}
	return y, nil
}

// taxYearCommand is a command about one tax year and perhaps one PA: it
// reads --tax-year, --pa and --json, opens the budget, finds the PA and
// runs do (paID 0: every PA).
func taxYearCommand(name string, args []string, stdout io.Writer,
	do func(svc *service.Service, a household.Account, y payroll.TaxYear, paID int64, asJSON bool) error) error {
	fs, af := addAccountFlags(name, stdout)
	year := fs.String("tax-year", "", "the tax `YEAR` (2026-27)")
	paName := fs.String("pa", "", "only this PA (`NAME`)")
	asJSON := fs.Bool("json", false, "write JSON")
	var y payroll.TaxYear
	return runBudget(fs, af, args, func() (err error) {
		y, err = taxYearFlag(*year)
		return err
	}, func(svc *service.Service, a household.Account) error {
		paID, err := paFlag(svc, a, *paName)
		if err != nil {
			return err
		}
		return do(svc, a, y, paID, *asJSON)
	})
}

func cmdPayslips(args []string, stdout io.Writer) error {
	return taxYearCommand("payslips", args, stdout, func(svc *service.Service, a household.Account, y payroll.TaxYear, paID int64, asJSON bool) error {
		return listPayslips(svc, a, y, paID, asJSON, stdout)
	})
}

func listPayslips(svc *service.Service, a household.Account, y payroll.TaxYear, paID int64, asJSON bool, stdout io.Writer) error {
	slips, err := svc.Payslips(a.ID, y.Start(), y.End(), paID)
	if err != nil {
		return err
	}
	out := []payslipJSON{}
	for _, p := range slips {
		out = append(out, payslipOut(payrun.PAResult{PA: p.PA, Lines: p.Detail.Lines, Input: p.Input, Payslip: p.Result, Minutes: p.Minutes}, false))
	}
	if asJSON {
		return writeJSON(stdout, out)
	}
	if len(out) == 0 {
		fmt.Fprintf(stdout, "No finalised payslips in %s.\n", y)
		return nil
	}
	for _, p := range slips {
		ps := p.Result
		fmt.Fprintf(stdout, "%s, %s: gross %s, tax %s, NI %s, net %s.\n", p.Payday.UK(), p.PA, ps.Gross.Format(), ps.Tax.Format(), ps.EmployeeNI.Format(), ps.NetPay.Format())
	}
	return nil
}

type hmrcJSON struct {
	Period              string `json:"period"`
	Tax                 string `json:"tax"`
	EmployeeNI          string `json:"employee_ni"`
	EmployerNI          string `json:"employer_ni"`
	StudentLoan         string `json:"student_loan"`
	EmploymentAllowance string `json:"employment_allowance"`
	Recovered           string `json:"recovered"`
	Due                 string `json:"due"`
	DueDate             string `json:"due_date"`
	PaidDate            string `json:"paid_date"`
	Late                bool   `json:"late"`
}

func cmdHMRC(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("hmrc", stdout)
	year := fs.String("tax-year", "", "the tax `YEAR` (2026-27)")
	asJSON := fs.Bool("json", false, "write JSON")
	markPaid := fs.String("mark-paid", "", "mark a `PERIOD` paid (its key, like \"2026-27 M08\"), on --paid-on")
	paidOn := fs.String("paid-on", "", "the `DATE` the HMRC payment left the bank (default today)")
	markSent := fs.String("mark-sent", "", "mark an item of the list of what to send to HMRC as sent (its `KEY`, like \"fps 2026-11-27\", as the list gives it), on --sent-on")
	sentOn := fs.String("sent-on", "", "the `DATE` it was sent (default today)")
	var y payroll.TaxYear
	return runBudget(fs, af, args, func() (err error) {
		y, err = taxYearFlag(*year)
		return err
	}, func(svc *service.Service, a household.Account) error {
		if err := markFiled(svc, a, y, *markSent, *sentOn); err != nil {
			return err
		}
		return showHMRC(svc, a, y, *markPaid, *paidOn, *asJSON, stdout)
	})
}

func showHMRC(svc *service.Service, a household.Account, y payroll.TaxYear, markPaid, paidOn string, asJSON bool, stdout io.Writer) error {
	if markPaid != "" {
		on, err := moneyDayFlag("paid-on", paidOn)
		if err != nil {
			return err
		}
		if err := svc.MarkHMRCPaid(a.ID, markPaid, on); err != nil {
			return err
		}
	}
	rec, err := svc.HMRCRecord(a.ID, y)
	if err != nil {
		return err
	}
	if asJSON {
		out := []hmrcJSON{}
		for _, p := range rec.Periods {
			out = append(out, hmrcJSON{Period: p.Period.Key(), Tax: amount(p.Tax), EmployeeNI: amount(p.EmployeeNI), EmployerNI: amount(p.EmployerNI),
				StudentLoan: amount(p.StudentLoan), EmploymentAllowance: amount(p.EmploymentAllowance), Recovered: amount(p.Recovered),
				Due: amount(p.Due), DueDate: p.DueDate.String(), PaidDate: p.PaidDate.String(), Late: p.Late})
		}
		return writeJSON(stdout, out)
	}
	how := "monthly"
	if rec.Quarterly {
		how = "quarterly"
	}
	fmt.Fprintf(stdout, "HMRC record for %s, %s (paid %s)\n", rec.Employer.Name, rec.Year, how)
	for _, p := range rec.Periods {
		paid := "not paid"
		switch {
		case !p.PaidDate.IsZero():
			paid = "paid " + p.PaidDate.UK()
		case p.Due <= 0:
			paid = "nothing to pay"
		}
		if p.Late {
			paid += " (late)"
		}
		fmt.Fprintf(stdout, "%s: %s due by %s, %s.\n", p.Period.Label(), p.Due.Format(), p.DueDate.UK(), paid)
	}
	fmt.Fprintf(stdout, "Total due for the year: %s (Employment Allowance used: %s)\n", rec.Total.Due.Format(), rec.Total.EmploymentAllowance.Format())
	for _, r := range rec.Recovery {
		fmt.Fprintln(stdout, r)
	}
	fmt.Fprintln(stdout, "\nTo send to HMRC:")
	for _, f := range rec.Filings {
		done := "to do; once sent, say so with --mark-sent \"" + filingKey(f) + "\""
		if !f.Done.IsZero() {
			done = "done " + f.Done.UK()
		}
		fmt.Fprintf(stdout, "  %s (due %s, %s)\n", strings.TrimSuffix(f.What, "."), f.Due.UK(), done)
	}
	for _, p := range rec.Penalties {
		fmt.Fprintln(stdout, "\n"+p)
	}
	return nil
}

type fpsJSON struct {
	PA                string `json:"pa"`
	NINumber          string `json:"ni_number"`
	DateOfBirth       string `json:"date_of_birth"`
	PaymentDate       string `json:"payment_date"`
	TaxYear           string `json:"tax_year"`
	PayFrequency      string `json:"pay_frequency"`
	TaxWeek           int    `json:"tax_week,omitempty"`
	TaxMonth          int    `json:"tax_month,omitempty"`
	Week53            int    `json:"week53,omitempty"`
	PeriodsCovered    int    `json:"periods_covered"`
	HoursBand         string `json:"hours_band"`
	Irregular         bool   `json:"irregular_payment"`
	Starter           string `json:"starter_declaration,omitempty"`
	LeavingDate       string `json:"leaving_date,omitempty"`
	TaxCode           string `json:"tax_code"`
	Week1Month1       bool   `json:"week1_month1"`
	NILetter          string `json:"ni_letter"`
	GrossPay          string `json:"gross_pay"`
	TaxablePay        string `json:"taxable_pay"`
	TaxablePayToDate  string `json:"taxable_pay_to_date"`
	Tax               string `json:"tax"`
	TaxToDate         string `json:"tax_to_date"`
	NIPay             string `json:"ni_pay"`
	AtLELToDate       string `json:"earnings_at_lel_to_date"`
	LELToPTToDate     string `json:"earnings_lel_to_pt_to_date"`
	PTToUELToDate     string `json:"earnings_pt_to_uel_to_date"`
	EmployeeNI        string `json:"employee_ni"`
	EmployerNI        string `json:"employer_ni"`
	EmployeeNIToDate  string `json:"employee_ni_to_date"`
	EmployerNIToDate  string `json:"employer_ni_to_date"`
	StudentLoanPlan   string `json:"student_loan_plan,omitempty"`
	StudentLoan       string `json:"student_loan"`
	PostgraduateLoan  string `json:"postgraduate_loan"`
	PensionNetPay     string `json:"pension_net_pay"`
	PensionNotNetPay  string `json:"pension_not_net_pay"`
	PensionEmployer   string `json:"pension_employer"`
	NetPay            string `json:"net_pay"`
	PensionToDateNote string `json:"-"`
}

func cmdFPS(args []string, stdout io.Writer) error {
	return paydayCommand("fps", args, stdout, nil, func(svc *service.Service, a household.Account, day civil.Date, asJSON bool) error {
		return showFPS(svc, a, day, asJSON, stdout)
	})
}

func showFPS(svc *service.Service, a household.Account, day civil.Date, asJSON bool, stdout io.Writer) error {
	rows, err := svc.FPS(a.ID, day)
	if err != nil {
		return err
	}
	out := []fpsJSON{}
	for _, r := range rows {
		f := r.FPS
		ps := r.Payslip.Result
		j := fpsJSON{PA: r.PA.Name, NINumber: r.PA.NINumber, DateOfBirth: r.PA.DateOfBirth.String(), PaymentDate: f.PaymentDate.String(),
			TaxYear: ps.TaxYear.String(), PayFrequency: f.PayFrequency, TaxWeek: f.TaxWeek, TaxMonth: f.TaxMonth, Week53: f.Week53,
			PeriodsCovered: r.Periods, HoursBand: r.HoursBand.String(), Irregular: r.Irregular, Starter: r.Starter,
			TaxCode: f.TaxCode.String(), Week1Month1: f.Week1Month1, NILetter: f.NILetter.String(),
			GrossPay: amount(ps.Gross), TaxablePay: amount(f.TaxablePay), TaxablePayToDate: amount(f.TaxablePayToDate),
			Tax: amount(f.Tax), TaxToDate: amount(f.TaxToDate), NIPay: amount(f.GrossForNI),
			AtLELToDate: amount(f.AtLELToDate), LELToPTToDate: amount(f.LELToPTToDate), PTToUELToDate: amount(f.PTToUELToDate),
			EmployeeNI: amount(f.EmployeeNI), EmployerNI: amount(f.EmployerNI), EmployeeNIToDate: amount(f.EmployeeNIToDate), EmployerNIToDate: amount(f.EmployerNIToDate),
			StudentLoanPlan: f.StudentLoanPlan, StudentLoan: amount(f.StudentLoan), PostgraduateLoan: amount(f.PostgraduateLoan),
			PensionNetPay: amount(f.PensionNetPay), PensionNotNetPay: amount(f.PensionNotNetPay), PensionEmployer: amount(f.PensionEmployerContributions),
			NetPay: amount(ps.NetPay)}
		if !r.LeavingDate.IsZero() {
			j.LeavingDate = r.LeavingDate.String()
		}
		out = append(out, j)
	}
	if asJSON {
		return writeJSON(stdout, out)
	}
	fmt.Fprintf(stdout, "FPS figures for the payday %s. Key them into HMRC's Basic PAYE Tools, on or before the payday.\n", day.UK())
	fmt.Fprintln(stdout, "Basic PAYE Tools works out tax and NI itself: check that its figures match these. If they do not, do not send it; check the PA's tax code and NI letter.")
	for _, j := range out {
		fmt.Fprintf(stdout, "\n%s (NI number %s)\n", j.PA, orNotKnown(j.NINumber))
		pairs := [][2]string{
			{"Payment date", j.PaymentDate}, {"Pay frequency", j.PayFrequency}, {"Tax week / month", periodText(j.TaxWeek, j.TaxMonth)},
			{"Hours normally worked", j.HoursBand}, {"Irregular payment pattern", yesNo(j.Irregular)},
			{"Tax code", j.TaxCode + weekOneText(j.Week1Month1)}, {"NI letter", j.NILetter},
			{"Gross pay", "£" + j.GrossPay}, {"Taxable pay", "£" + j.TaxablePay + " (to date £" + j.TaxablePayToDate + ")"},
			{"Tax", "£" + j.Tax + " (to date £" + j.TaxToDate + ")"},
			{"Employee NI", "£" + j.EmployeeNI + " (to date £" + j.EmployeeNIToDate + ")"},
			{"Employer NI", "£" + j.EmployerNI + " (to date £" + j.EmployerNIToDate + ")"},
			{"Student loan", "£" + j.StudentLoan + planText(j.StudentLoanPlan)}, {"Postgraduate loan", "£" + j.PostgraduateLoan},
			{"Pension (employee, not net pay)", "£" + j.PensionNotNetPay}, {"Pension (net pay arrangement)", "£" + j.PensionNetPay},
		}
		if j.Starter != "" {
			pairs = append(pairs, [2]string{"Starter declaration", j.Starter})
		}
		if j.LeavingDate != "" {
			pairs = append(pairs, [2]string{"Leaving date", j.LeavingDate})
		}
		for _, p := range pairs {
			fmt.Fprintf(stdout, "  %s: %s\n", p[0], p[1])
		}
	}
	return nil
}

func orNotKnown(s string) string {
	if s == "" {
		return "not known"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func weekOneText(b bool) string {
	if b {
		return " (week 1 / month 1)"
	}
	return ""
}

func planText(p string) string {
	if p == "" {
		return ""
	}
	return " (plan " + strings.TrimLeft(p, "0") + ")"
}

func periodText(week, month int) string {
	if month > 0 {
		return fmt.Sprintf("month %d", month)
	}
	return fmt.Sprintf("week %d", week)
}
