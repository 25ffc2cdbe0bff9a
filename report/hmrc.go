package report

import (
	"fmt"
	"io"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// HMRCRecordDoc is a tax year's record of what the employer owes HMRC
// under PAYE, what was paid and when, and what has been filed.
type HMRCRecordDoc struct {
	Employer, PAYEReference, AccountsOfficeReference string
	TaxYear                                          string // "2026-27"
	Quarterly                                        bool   // pays HMRC a quarter at a time
	Periods                                          []HMRCRow
	Filings                                          []FilingRow
	Penalties                                        []string // plain sentences about what being late costs
}

// HMRCRow is one payment period: what it comes to and whether it was paid.
// EmploymentAllowance and Recovered (statutory pay claimed back) are the
// amounts taken off, as positive figures.
type HMRCRow struct {
	Period                                                                        string // "Month 8: 6 November to 5 December 2026"
	Tax, EmployeeNI, EmployerNI, StudentLoan, EmploymentAllowance, Recovered, Due money.Money
	DueDate, PaidDate                                                             civil.Date // PaidDate zero: not paid
	Late                                                                          bool
}

// FilingRow is a return or form to send HMRC.
type FilingRow struct {
	What      string
	Due, Done civil.Date // Done zero: not done
}

// HMRCRecordPDF writes the tax year's record of what is owed to HMRC on
// landscape A4: a row per period and a totals row, whether each was paid
// (lateness in words, never colour alone), the filings, and what being late
// costs.
func HMRCRecordPDF(w io.Writer, who string, made time.Time, doc HMRCRecordDoc) error {
	d := NewDoc("What is owed to HMRC: tax year "+doc.TaxYear, who, made, true)
	hmrcPages(d, doc)
	_, err := d.WriteTo(w)
	return err
}

// hmrcPages draws the HMRC record from the current page on.
func hmrcPages(d *Doc, doc HMRCRecordDoc) {
	often := "Every month"
	if doc.Quarterly {
		often = "Every quarter"
	}
	aor := doc.AccountsOfficeReference
	if aor == "" {
		aor = "not known yet"
	}
	d.Pairs([][2]string{{"Employer", doc.Employer}, {"PAYE reference", doc.PAYEReference},
		{"Accounts Office reference", aor + " (quote it when you pay)"}, {"Pays HMRC", often}})

	d.Heading("Payments to HMRC")
	if len(doc.Periods) == 0 {
		d.Para("No pay periods in this tax year yet.")
	} else {
		var rows [][]string
		var t HMRCRow
		paid := 0
		for _, r := range doc.Periods {
			rows = append(rows, []string{r.Period, signed(r.Tax), signed(r.EmployeeNI), signed(r.EmployerNI),
				signed(r.StudentLoan), less(r.EmploymentAllowance), less(r.Recovered), signed(r.Due), r.DueDate.UK(), paidText(r)})
			t.Tax += r.Tax
			t.EmployeeNI += r.EmployeeNI
			t.EmployerNI += r.EmployerNI
			t.StudentLoan += r.StudentLoan
			t.EmploymentAllowance += r.EmploymentAllowance
			t.Recovered += r.Recovered
			t.Due += r.Due
			if !r.PaidDate.IsZero() {
				paid++
			}
		}
		d.TableTotal([]Column{{Heading: "Period"}, {Heading: "Income\nTax", Width: 19.5, Align: "R"},
			{Heading: "Employee\nNI", Width: 19.5, Align: "R"}, {Heading: "Employer\nNI", Width: 19.5, Align: "R"},
			{Heading: "Student\nloan", Width: 19.5, Align: "R"}, {Heading: "Less\nEmployment\nAllowance", Width: 24, Align: "R"},
			{Heading: "Less\nstatutory pay\nrecovered", Width: 25, Align: "R"}, {Heading: "Due to\nHMRC", Width: 20, Align: "R"},
			{Heading: "Due by", Width: 20}, {Heading: "Paid", Width: 35}},
			rows, []string{"Total for the year", signed(t.Tax), signed(t.EmployeeNI), signed(t.EmployerNI), signed(t.StudentLoan),
				less(t.EmploymentAllowance), less(t.Recovered), signed(t.Due), "",
				fmt.Sprintf("%d of %d paid", paid, len(doc.Periods))})
		d.Small("Due to HMRC is tax, employee and employer NI and student loan, less the Employment Allowance used and the statutory pay (sick, maternity and other) recovered. " +
			"A period marked “Paid late” or “LATE” was paid, or is still unpaid, after its due date.")
	}

	d.Heading("Returns and forms to send")
	if len(doc.Filings) == 0 {
		d.Para("Nothing to send yet.")
	} else {
		today := civil.Of(d.made)
		var rows [][]string
		for _, f := range doc.Filings {
			done := "To do"
			switch {
			case !f.Done.IsZero() && f.Done.After(f.Due):
				done = "Done late, " + f.Done.UK()
			case !f.Done.IsZero():
				done = "Done " + f.Done.UK()
			case today.After(f.Due):
				done = "To do: LATE, was due " + f.Due.UK()
			}
			rows = append(rows, []string{f.What, f.Due.UK(), done})
		}
		d.Table([]Column{{Heading: "What"}, {Heading: "Due by", Width: 30}, {Heading: "Done", Width: 60}}, rows)
	}

	if len(doc.Penalties) > 0 {
		d.Heading("What being late costs")
		for _, p := range doc.Penalties {
			d.Para(p)
		}
	}
}

// less formats an amount taken off what is due: "−£1,000.00", or "£0.00".
func less(m money.Money) string {
	if m == 0 {
		return m.Format()
	}
	return signed(-m)
}

func paidText(r HMRCRow) string {
	switch {
	case r.PaidDate.IsZero() && r.Late:
		return "Not paid yet: LATE"
	case r.PaidDate.IsZero():
		return "Not paid yet"
	case r.Late:
		return "Paid late, " + r.PaidDate.UK()
	}
	return "Paid " + r.PaidDate.UK()
}
