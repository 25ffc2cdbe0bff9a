package report

import (
	"errors"
	"fmt"
	"io"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// PayslipDoc is one itemised payslip, every figure already worked out by
// the caller. PayslipsPDF only checks that the figures add up.
type PayslipDoc struct {
	Employer, EmployerAddress, PAYEReference string
	PA, PAAddress, NINumber                  string // NINumber "": printed "not known yet"
	PayrollID                                string // optional
	TaxCode                                  string // as printed: "1257L", "1257L (week 1 / month 1 basis)"
	NICategory                               string // the NI category letter: "A"
	Frequency                                string // "Monthly", "Four-weekly", ...
	TaxPeriod                                string // "Month 8" or "Week 32"
	PeriodFrom, PeriodTo, Payday             civil.Date
	Pay                                      []PayslipLine // earnings, each with hours and rate where pay varies with time
	Gross                                    money.Money   // the sum of Pay
	Deductions                               []PayslipAmount
	Additions                                []PayslipLine // not pay and not taxed: mileage, expenses
	NetPay                                   money.Money   // Gross less Deductions plus Additions
	PaidBy                                   string        // how net pay was paid: "Bank transfer on 28/11/2026"
	YearToDate                               []PayslipAmount
	EmployerPays                             []PayslipAmount // employer NI, employer pension: on top of pay, not taken from it
	Holiday                                  string          // "Holiday left this year: 61 h 30 min"; "" when not known
	Notes                                    []string
}

// PayslipLine is a line of pay (or of an addition): Hours "" and Rate 0
// when the amount does not go by time.
type PayslipLine struct {
	Description string
	Hours       string // "40 h 30 min" or ""
	Rate        money.Money
	Amount      money.Money
}

// PayslipAmount is a labelled amount: Note says what it is for.
type PayslipAmount struct {
	Label, Note string
	Amount      money.Money
}

// ErrNoPayslips is returned by PayslipsPDF given no payslips.
var ErrNoPayslips = errors.New("there are no payslips to print: run the payroll for a pay period first")

// PayslipsPDF writes one A4 portrait page per payslip, titled "Payslips",
// with who under the title. A payslip is set closer together, as far as Tightest, rather than
// run onto a second page. A payslip whose figures do not add up (pay lines
// to gross, gross less deductions plus additions to net) is refused, and
// nothing is written.
func PayslipsPDF(w io.Writer, who string, made time.Time, slips []PayslipDoc) error {
	if len(slips) == 0 {
		return ErrNoPayslips
	}
	for i, s := range slips {
		if err := checkPayslip(s); err != nil {
			return fmt.Errorf("payslip %d of %d (%s): %w", i+1, len(slips), s.PA, err)
		}
	}
	title := "Payslips"
	d := NewDoc(title, who, made, false)
	for i, s := range slips {
		if i > 0 {
			d.NewPage()
		}
		d.SetTight(payslipTightness(title, who, made, s))
		payslipPage(d, s)
	}
	_, err := d.WriteTo(w)
	return err
}

// payslipTightness is the least tightness at which s fits on one page,
// found by setting it on a page of its own; Tightest if none does.
func payslipTightness(title, who string, made time.Time, s PayslipDoc) int {
	for level := 0; level < Tightest; level++ {
		trial := NewDoc(title, who, made, false)
		trial.SetTight(level)
		payslipPage(trial, s)
		if trial.PageNo() == 1 {
			return level
		}
	}
	return Tightest
}

func checkPayslip(s PayslipDoc) error {
	var pay, ded, add money.Money
	for _, l := range s.Pay {
		pay += l.Amount
	}
	for _, a := range s.Deductions {
		ded += a.Amount
	}
	for _, l := range s.Additions {
		add += l.Amount
	}
	if pay != s.Gross {
		return fmt.Errorf("the pay lines add up to %s but gross pay is %s", pay.Format(), s.Gross.Format())
	}
	if net := s.Gross - ded + add; net != s.NetPay {
		return fmt.Errorf("gross pay %s less deductions %s plus additions %s is %s, not the net pay %s",
			s.Gross.Format(), ded.Format(), add.Format(), net.Format(), s.NetPay.Format())
	}
	return nil
}

func payslipPage(d *Doc, s PayslipDoc) {
	ni := s.NINumber
	if ni == "" {
		ni = "not known yet"
	}
	pa := [][2]string{{"Name", s.PA}}
	if s.PAAddress != "" {
		pa = append(pa, [2]string{"Address", s.PAAddress})
	}
	pa = append(pa, [2]string{"NI number", ni})
	if s.PayrollID != "" {
		pa = append(pa, [2]string{"Payroll ID", s.PayrollID})
	}
	pa = append(pa, [2]string{"Tax code", s.TaxCode}, [2]string{"NI letter", s.NICategory})
	emp := [][2]string{{"Name", s.Employer}}
	if s.EmployerAddress != "" {
		emp = append(emp, [2]string{"Address", s.EmployerAddress})
	}
	emp = append(emp, [2]string{"PAYE reference", s.PAYEReference}, [2]string{"Pay frequency", s.Frequency},
		[2]string{"Tax period", s.TaxPeriod}, [2]string{"Period worked", s.PeriodFrom.UK() + " to " + s.PeriodTo.UK()},
		[2]string{"Payday", s.Payday.UK()})
	d.Heading("Payslip for " + s.PA + ", paid " + s.Payday.Long())
	d.Blocks(Block{Title: "Employee (personal assistant)", Pairs: pa}, Block{Title: "Employer", Pairs: emp})

	d.Heading("Pay")
	var rows [][]string
	for _, l := range s.Pay {
		rows = append(rows, payslipLineRow(l))
	}
	d.TableTotal(payCols, rows, []string{"Gross pay", "", "", signed(s.Gross)})

	d.Heading("Deductions")
	if len(s.Deductions) == 0 {
		d.Para("Nothing was taken off your pay this time.")
	} else {
		rows = nil
		var total money.Money
		for _, a := range s.Deductions {
			rows = append(rows, []string{a.Label, a.Note, deduction(a.Amount)})
			total += a.Amount
		}
		d.TableTotal([]Column{{Heading: "What", Width: 42}, {Heading: "What it is for"}, {Heading: "Amount", Width: 34, Align: "R"}},
			rows, []string{"Total deductions", "", deduction(total)})
	}

	if len(s.Additions) > 0 {
		d.Heading("Added to your pay (not taxed)")
		rows = nil
		var total money.Money
		for _, l := range s.Additions {
			rows = append(rows, payslipLineRow(l))
			total += l.Amount
		}
		d.TableTotal(payCols, rows, []string{"Total added", "", "", signed(total)})
	}

	under := ""
	if s.PaidBy != "" {
		under = "How it was paid: " + s.PaidBy
	}
	d.Boxed("Net pay", signed(s.NetPay), under)

	var blocks []Block
	if ytd := amountPairs(s.YearToDate); len(ytd) > 3 && d.tight >= 2 {
		// The year so far in two columns, to fit a long payslip.
		half := (len(ytd) + 1) / 2
		blocks = append(blocks, Block{Title: "This tax year so far", Pairs: ytd[:half], RightValues: true},
			Block{Title: " ", Pairs: ytd[half:], RightValues: true})
	} else if len(ytd) > 0 {
		blocks = append(blocks, Block{Title: "This tax year so far", Pairs: ytd, RightValues: true})
	}
	if len(s.EmployerPays) > 0 {
		blocks = append(blocks, Block{Title: "Paid by your employer as well", Pairs: amountPairs(s.EmployerPays), RightValues: true,
			Note: "On top of your pay, not taken from it."})
	}
	d.Blocks(blocks...)
	if s.Holiday != "" {
		d.Para(s.Holiday)
	}
	if len(s.Notes) > 0 {
		d.Heading("Notes")
		for _, n := range s.Notes {
			d.Para(n)
		}
	}
}

var payCols = []Column{{Heading: "Description"}, {Heading: "Hours", Width: 30, Align: "R"},
	{Heading: "Rate", Width: 26, Align: "R"}, {Heading: "Amount", Width: 30, Align: "R"}}

func payslipLineRow(l PayslipLine) []string {
	rate := ""
	if l.Rate != 0 {
		rate = signed(l.Rate)
	}
	return []string{l.Description, l.Hours, rate, signed(l.Amount)}
}

func amountPairs(as []PayslipAmount) [][2]string {
	out := make([][2]string, len(as))
	for i, a := range as {
		label := a.Label
		if a.Note != "" {
			label += " (" + a.Note + ")"
		}
		out[i] = [2]string{label, signed(a.Amount)}
	}
	return out
}

// signed formats m with a true minus sign, "−£12.40", which reads more
// clearly in print than a hyphen.
func signed(m money.Money) string {
	if m < 0 {
		return "−" + m.Abs().Format()
	}
	return m.Format()
}

// deduction formats an amount taken off pay; a negative one is given
// back: "−£12.40 (refund)".
func deduction(m money.Money) string {
	if m < 0 {
		return signed(m) + " (refund)"
	}
	return m.Format()
}
