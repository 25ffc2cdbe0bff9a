package main

import (
	"fmt"
	"io"
	"strings"

	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/service"
)

func init() {
	registerIn(groupPay, "p60", "the figures of each PA's P60 for a tax year (p60 --tax-year 2025-26 [--pa NAME])", cmdP60)
	registerIn(groupPay, "p45", "the figures of a leaver's P45 (p45 --pa NAME)", cmdP45)
}

type niLetterJSON struct {
	Letter     string `json:"letter"`
	AtLEL      string `json:"earnings_at_lel"`
	LELToPT    string `json:"earnings_lel_to_pt"`
	PTToUEL    string `json:"earnings_pt_to_uel"`
	EmployeeNI string `json:"employee_ni"`
}

// p60JSON is one P60, with the keys "p60 --json" promises first.
type p60JSON struct {
	PA               string         `json:"pa"`
	Pay              string         `json:"pay"`
	Tax              string         `json:"tax"`
	EmployeeNI       string         `json:"employee_ni"`
	StudentLoan      string         `json:"student_loan"`
	PostgraduateLoan string         `json:"postgraduate_loan"`
	SSP              string         `json:"ssp"`
	SMP              string         `json:"smp"`
	SPP              string         `json:"spp"`
	SAP              string         `json:"sap"`
	ShPP             string         `json:"shpp"`
	SPBP             string         `json:"spbp"`
	SNCP             string         `json:"sncp"`
	TaxYear          string         `json:"tax_year"`
	Employer         string         `json:"employer"`
	PAYEReference    string         `json:"paye_reference"`
	NINumber         string         `json:"ni_number"`
	TaxCode          string         `json:"tax_code"`
	Week1Month1      bool           `json:"week1_month1"`
	PreviousPay      string         `json:"previous_pay"`
	PreviousTax      string         `json:"previous_tax"`
	TotalPay         string         `json:"total_pay"`
	TotalTax         string         `json:"total_tax"`
	ByLetter         []niLetterJSON `json:"by_letter"`
	Payslips         int            `json:"payslips"`
	DueDate          string         `json:"due_date"`
	YearOver         bool           `json:"year_over"`
}

func p60Out(p service.P60) p60JSON {
	st := p.Statutory
	j := p60JSON{PA: p.PA.Name, Pay: amount(p.Pay), Tax: amount(p.Tax), EmployeeNI: amount(p.EmployeeNI),
		StudentLoan: amount(p.StudentLoan), PostgraduateLoan: amount(p.PostgraduateLoan),
		SSP: amount(st.SSP), SMP: amount(st.SMP), SPP: amount(st.SPP), SAP: amount(st.SAP), ShPP: amount(st.ShPP), SPBP: amount(st.SPBP), SNCP: amount(st.SNCP),
		TaxYear: p.Year.String(), Employer: p.Employer, PAYEReference: p.PAYEReference, NINumber: p.PA.NINumber,
		TaxCode: p.TaxCode, Week1Month1: p.Week1Month1, PreviousPay: amount(p.Previous.TaxablePay), PreviousTax: amount(p.Previous.Tax),
		TotalPay: amount(p.TotalPay()), TotalTax: amount(p.TotalTax()), ByLetter: []niLetterJSON{}, Payslips: p.Payslips,
		DueDate: p.Due.String(), YearOver: p.YearOver}
	for _, n := range p.ByLetter {
		j.ByLetter = append(j.ByLetter, niLetterJSON{Letter: n.Letter.String(), AtLEL: amount(n.AtLEL), LELToPT: amount(n.LELToPT),
			PTToUEL: amount(n.PTToUEL), EmployeeNI: amount(n.EmployeeNI)})
	}
	return j
}

func cmdP60(args []string, stdout io.Writer) error {
	return taxYearCommand("p60", args, stdout, func(svc *service.Service, a household.Account, y payroll.TaxYear, paID int64, asJSON bool) error {
		ps, err := svc.P60s(a.ID, y, paID)
		if err != nil {
			return err
		}
		if asJSON {
			out := make([]p60JSON, len(ps))
			for i, p := range ps {
				out[i] = p60Out(p)
			}
			return writeJSON(stdout, out)
		}
		printP60s(stdout, ps)
		return nil
	})
}

func printP60s(w io.Writer, ps []service.P60) {
	fmt.Fprintln(w, "P60 figures: the official P60 is made by HMRC's Basic PAYE Tools; check that its figures match these.")
	for _, p := range ps {
		fmt.Fprintf(w, "\n%s, tax year %s (NI number %s), employer %s, PAYE reference %s\n", p.PA.Name, p.Year, orNotKnown(p.PA.NINumber), p.Employer, p.PAYEReference)
		pairs := [][2]string{
			{"Final tax code", p.TaxCode + weekOneText(p.Week1Month1)},
			{"Pay in previous employment", p.Previous.TaxablePay.Format()},
			{"Tax in previous employment", p.Previous.Tax.Format()},
			{"Pay in this employment", p.Pay.Format()},
			{"Tax in this employment", p.Tax.Format()},
			{"Total pay for the year", p.TotalPay().Format()},
			{"Total tax for the year", p.TotalTax().Format()},
		}
		for _, n := range p.ByLetter {
			pairs = append(pairs, [2]string{"NI letter " + n.Letter.String(), fmt.Sprintf("at LEL %s, LEL to PT %s, PT to UEL %s, employee NI %s",
				n.AtLEL.Format(), n.LELToPT.Format(), n.PTToUEL.Format(), n.EmployeeNI.Format())})
		}
		st := p.Statutory
		pairs = append(pairs,
			[2]string{"Employee NI", p.EmployeeNI.Format()},
			[2]string{"Student loan", p.StudentLoan.Format()},
			[2]string{"Postgraduate loan", p.PostgraduateLoan.Format()},
			[2]string{"Statutory pay", fmt.Sprintf("SSP %s, SMP %s, SPP %s, SAP %s, ShPP %s, SPBP %s, SNCP %s",
				st.SSP.Format(), st.SMP.Format(), st.SPP.Format(), st.SAP.Format(), st.ShPP.Format(), st.SPBP.Format(), st.SNCP.Format())},
			[2]string{"Give it by", p.Due.UK()},
		)
		for _, x := range pairs {
			fmt.Fprintf(w, "  %s: %s\n", x[0], x[1])
		}
		if !p.YearOver {
			fmt.Fprintf(w, "  The tax year has not ended yet: these are the figures to %s.\n", p.LastPayday.UK())
		}
	}
}

type p45JSON struct {
	PA               string `json:"pa"`
	NINumber         string `json:"ni_number"`
	Employer         string `json:"employer"`
	PAYEReference    string `json:"paye_reference"`
	LeavingDate      string `json:"leaving_date"`
	TaxYear          string `json:"tax_year"`
	TaxCode          string `json:"tax_code"`
	Week1Month1      bool   `json:"week1_month1"`
	TaxWeek          int    `json:"tax_week,omitempty"`
	TaxMonth         int    `json:"tax_month,omitempty"`
	LastPayday       string `json:"last_payday"`
	TotalPay         string `json:"total_pay_to_date"`
	TotalTax         string `json:"total_tax_to_date"`
	Pay              string `json:"pay_this_employment"`
	Tax              string `json:"tax_this_employment"`
	StudentLoan      bool   `json:"student_loan_continues"`
	PostgraduateLoan bool   `json:"postgraduate_loan_continues"`
}

func cmdP45(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("p45", stdout)
	paName := fs.String("pa", "", "the leaver (`NAME`)")
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error {
		if strings.TrimSpace(*paName) == "" {
			return badInput("--pa NAME is needed: a P45 is for one leaver")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		paID, err := paFlag(svc, a, *paName)
		if err != nil {
			return err
		}
		p, err := svc.P45(a.ID, paID)
		if err != nil {
			return err
		}
		j := p45JSON{PA: p.PA.Name, NINumber: p.PA.NINumber, Employer: p.Employer, PAYEReference: p.PAYEReference,
			LeavingDate: p.LeavingDate.String(), TaxYear: p.Year.String(), TaxCode: p.TaxCode, Week1Month1: p.Week1Month1,
			LastPayday: p.LastPayday.String(), TotalPay: amount(p.TotalPay()), TotalTax: amount(p.TotalTax()),
			Pay: amount(p.Pay), Tax: amount(p.Tax), StudentLoan: p.StudentLoan, PostgraduateLoan: p.PostgraduateLoan}
		if p.Monthly() {
			j.TaxMonth = p.Period
		} else {
			j.TaxWeek = p.Period
		}
		if *asJSON {
			return writeJSON(stdout, j)
		}
		fmt.Fprintln(stdout, "P45 figures: the official P45 is made by HMRC's Basic PAYE Tools; check that its figures match these.")
		fmt.Fprintf(stdout, "\n%s (NI number %s), employer %s, PAYE reference %s\n", p.PA.Name, orNotKnown(p.PA.NINumber), p.Employer, p.PAYEReference)
		for _, x := range [][2]string{
			{"Leaving date", p.LeavingDate.UK()},
			{"Tax code at leaving", p.TaxCode},
			{"Week 1 / month 1 basis", yesNo(p.Week1Month1)},
			{"Last tax week or month", periodText(j.TaxWeek, j.TaxMonth) + " of " + p.Year.String() + " (paid " + p.LastPayday.UK() + ")"},
			{"Total pay to date", p.TotalPay().Format()},
			{"Total tax to date", p.TotalTax().Format()},
			{"Pay in this employment", p.Pay.Format()},
			{"Tax in this employment", p.Tax.Format()},
			{"Student loan continues", yesNo(p.StudentLoan)},
			{"Postgraduate loan continues", yesNo(p.PostgraduateLoan)},
		} {
			fmt.Fprintf(stdout, "  %s: %s\n", x[0], x[1])
		}
		return nil
	})
}
