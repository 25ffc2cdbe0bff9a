package report

import (
	"errors"
	"fmt"
	"io"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// FormNotice is printed on every P60 and P45 page: the toolkit gives the
// figures, HMRC prescribes the form.
const FormNotice = "These are the figures your P60/P45 must carry: the official form is made by HMRC's Basic PAYE Tools. " +
	"Key the payroll into Basic PAYE Tools, print the form from it, and check that its figures match these."

// NILetterRow is one NI category letter's line of a P60: earnings in
// each band and the employee's NI.
type NILetterRow struct {
	Letter                  string
	AtLEL, LELToPT, PTToUEL money.Money
	EmployeeNI              money.Money
}

// P60Doc is one PA's P60 figures for a tax year, worked out by the caller.
type P60Doc struct {
	TaxYear                                  string // "2025-26"
	Employer, EmployerAddress, PAYEReference string
	PA, PAAddress, NINumber                  string // NINumber "": printed "not known yet"
	TaxCode                                  string // final code as printed: "1257L (week 1 / month 1 basis)"
	PreviousPay, PreviousTax                 money.Money
	Pay, Tax                                 money.Money // in this employment
	NI                                       []NILetterRow
	EmployeeNI                               money.Money // the sum of NI's EmployeeNI
	StudentLoan, PostgraduateLoan            money.Money
	Statutory                                []PayslipAmount // SSP, SMP, ...: each listed, zero or not
	Due                                      civil.Date      // the day the PA must have it
	Notes                                    []string
}

// P45Doc is a leaver's P45 figures, worked out by the caller.
type P45Doc struct {
	Employer, EmployerAddress, PAYEReference string
	PA, PAAddress, NINumber                  string
	LeavingDate                              civil.Date
	TaxYear                                  string
	TaxCode                                  string // without the basis
	Week1Month1                              bool
	LastPeriod                               string // "Month 5" or "Week 22"
	LastPayday                               civil.Date
	TotalPay, TotalTax                       money.Money // to date in the year, previous employment included
	Pay, Tax                                 money.Money // in this employment
	StudentLoan, PostgraduateLoan            bool        // deductions continue
	// Week53 is set when the last pay was the extra payday of the year
	// (tax week 53, 54 or 56), worked out on a week 1 basis.
	Week53 bool
}

// ErrNoP60s is returned by P60PDF given no P60s.
var ErrNoP60s = errors.New("there are no P60s to print")

// P60PDF writes one A4 page per PA's P60 figures, titled "P60 figures".
// A P60 whose NI lines do not add up to its employee NI is refused, and
// nothing is written.
func P60PDF(w io.Writer, who string, made time.Time, docs []P60Doc) error {
	if len(docs) == 0 {
		return ErrNoP60s
	}
	for i, p := range docs {
		var ni money.Money
		for _, n := range p.NI {
			ni += n.EmployeeNI
		}
		if ni != p.EmployeeNI {
			return fmt.Errorf("P60 %d of %d (%s): the NI letters add up to %s, not the employee NI %s", i+1, len(docs), p.PA, ni.Format(), p.EmployeeNI.Format())
		}
	}
	d := NewDoc("P60 figures", who, made, false)
	for i, p := range docs {
		if i > 0 {
			d.NewPage()
		}
		p60Page(d, p)
	}
	_, err := d.WriteTo(w)
	return err
}

func notKnown(s string) string {
	if s == "" {
		return "not known yet"
	}
	return s
}

// parties puts the employee's and the employer's details side by side,
// with one more line for the employee (extra).
func parties(d *Doc, employer, employerAddress, payeRef, pa, paAddress, ni string, extra [2]string) {
	emp := [][2]string{{"Name", employer}}
	if employerAddress != "" {
		emp = append(emp, [2]string{"Address", employerAddress})
	}
	emp = append(emp, [2]string{"PAYE reference", payeRef})
	who := [][2]string{{"Name", pa}}
	if paAddress != "" {
		who = append(who, [2]string{"Address", paAddress})
	}
	who = append(who, [2]string{"NI number", notKnown(ni)}, extra)
	d.Blocks(Block{Title: "Employee (personal assistant)", Pairs: who}, Block{Title: "Employer", Pairs: emp})
}

func p60Page(d *Doc, p P60Doc) {
	d.Heading("P60 End of Year Certificate for " + p.PA + ", tax year " + p.TaxYear)
	d.Boxed("Figures only: not the official form", "", "")
	d.Para(FormNotice)
	parties(d, p.Employer, p.EmployerAddress, p.PAYEReference, p.PA, p.PAAddress, p.NINumber, [2]string{"Final tax code", p.TaxCode})

	d.Heading("Pay and Income Tax")
	amountCols := []Column{{Heading: "", Width: 0}, {Heading: "Pay", Width: 34, Align: "R"}, {Heading: "Tax deducted", Width: 34, Align: "R"}}
	d.TableTotal(amountCols, [][]string{
		{"In previous employment(s)", signed(p.PreviousPay), signed(p.PreviousTax)},
		{"In this employment", signed(p.Pay), signed(p.Tax)},
	}, []string{"Total for the year", signed(p.PreviousPay + p.Pay), signed(p.PreviousTax + p.Tax)})

	d.Heading("National Insurance contributions in this employment")
	var rows [][]string
	for _, n := range p.NI {
		rows = append(rows, []string{n.Letter, signed(n.AtLEL), signed(n.LELToPT), signed(n.PTToUEL), signed(n.EmployeeNI)})
	}
	d.Table([]Column{{Heading: "NI letter", Width: 20}, {Heading: "Earnings at the LEL", Align: "R"}, {Heading: "Above the LEL, up to the PT", Align: "R"},
		{Heading: "Above the PT, up to the UEL", Align: "R"}, {Heading: "Employee's contributions", Align: "R"}}, rows)

	d.Blocks(Block{Title: "Student loans", RightValues: true, Pairs: [][2]string{
		{"Student loan deductions", signed(p.StudentLoan)}, {"Postgraduate loan deductions", signed(p.PostgraduateLoan)}}},
		Block{Title: "Statutory payments", RightValues: true, Pairs: amountPairs(p.Statutory)})

	d.Para("Give this P60 to " + p.PA + " by " + p.Due.Long() + ". They should keep it: it proves the tax they paid in the year.")
	for _, n := range p.Notes {
		d.Para(n)
	}
}

// P45PDF writes a leaver's P45 figures on one A4 page, titled "P45
// figures".
func P45PDF(w io.Writer, who string, made time.Time, p P45Doc) error {
	d := NewDoc("P45 figures", who, made, false)
	d.Heading("P45 Details of employee leaving work: " + p.PA)
	d.Boxed("Figures only: not the official form", "", "")
	d.Para(FormNotice)
	parties(d, p.Employer, p.EmployerAddress, p.PAYEReference, p.PA, p.PAAddress, p.NINumber, [2]string{"Leaving date", p.LeavingDate.UK()})

	d.Heading("Tax code and last pay")
	d.Pairs([][2]string{
		{"Tax code at leaving", p.TaxCode},
		{"Week 1 / month 1 basis", yesNo(p.Week1Month1)},
		{"Tax year", p.TaxYear},
		{"Last entries: tax week or month", p.LastPeriod + " (paid " + p.LastPayday.UK() + ")"},
	})

	d.Heading("Pay and tax to date in " + p.TaxYear)
	total := []string{"Total to date, previous employment included", signed(p.TotalPay), signed(p.TotalTax)}
	if p.Week1Month1 {
		total[1], total[2] = "leave blank", "leave blank"
	}
	d.Table([]Column{{Heading: ""}, {Heading: "Pay", Width: 34, Align: "R"}, {Heading: "Tax", Width: 34, Align: "R"}}, [][]string{
		total,
		{"In this employment", signed(p.Pay), signed(p.Tax)},
	})
	if p.Week1Month1 {
		d.Para("The tax code was operated on a week 1 / month 1 basis, so HMRC's form leaves the total pay and tax to date blank: it is to be filled in only for a cumulative code.")
	}
	if p.Week53 && !p.Week1Month1 {
		d.Para("The last pay was the extra payday of the tax year (" + p.LastPeriod + "), which HMRC's rule works out on a week 1 basis; the tax code itself is cumulative, so the totals are filled in.")
	}

	d.Heading("Student loans")
	d.Pairs([][2]string{
		{"Student loan deductions to continue", yesNo(p.StudentLoan)},
		{"Postgraduate loan deductions to continue", yesNo(p.PostgraduateLoan)},
	})
	d.Para("Give " + p.PA + " parts 1A, 2 and 3 of the P45 on or soon after their leaving date; they hand parts 2 and 3 to their next employer. Report the leaving date on the FPS of their last pay.")
	_, err := d.WriteTo(w)
	return err
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}
