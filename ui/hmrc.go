package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"patoolkit/civil"
	"patoolkit/payroll"
	"patoolkit/service"
)

// hmrcYears are the tax years the HMRC record offers: those around today
// that the toolkit has rates for, latest first.
func hmrcYears(today civil.Date) []payroll.TaxYear {
	var out []payroll.TaxYear
	now := payroll.TaxYearOf(today)
	for y := now + 1; y >= now-3; y-- {
		if _, err := payroll.RatesFor(y); err == nil {
			out = append(out, y)
		}
	}
	return out
}

// paidWords says when a tax month's or quarter's bill was paid, and
// whether late, in words.
func paidWords(p service.HMRCPeriodRow) string {
	switch {
	case !p.PaidDate.IsZero() && p.Late:
		return p.PaidDate.UK() + " — ⚠ Paid late"
	case !p.PaidDate.IsZero():
		return p.PaidDate.UK() + ", on time"
	case p.Due <= 0:
		return "Nothing to pay"
	case p.Late:
		return "⚠ Not paid yet, and overdue"
	}
	return "Not paid yet"
}

// showHMRC shows the HMRC record of the tax year chosen.
func (u *UI) showHMRC() { u.showHMRCFocus(false) }

func (u *UI) showHMRCFocus(focusYear bool) {
	ps := u.payState()
	today := u.payToday()
	years := hmrcYears(today)
	labels := make([]string, len(years))
	chosen := -1
	for i, y := range years {
		labels[i] = "Tax year " + y.String()
		if y == ps.year {
			chosen = i
		}
	}
	sel := newKeySelect(labels, nil)
	if chosen >= 0 {
		sel.SetSelectedIndex(chosen)
	}
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 && years[i] != ps.year {
			ps.year = years[i]
			u.showHMRCFocus(true)
		}
	}
	sel.onEscape = u.showPay
	back := u.payBackButton()
	year := ps.year
	save := newKeyButton("Save as PDF…", theme.DocumentSaveIcon(), func() { u.showHMRCExport(year) })
	save.onEscape = u.showPay
	parts := []fyne.CanvasObject{
		pageTitle("HMRC record"),
		wrapLabel("What the finalised pay runs owe HMRC for each tax month or quarter, when it must be paid and when it was, and what must be sent to HMRC. HMRC calls this record a P32."),
		caption("Tax year", sel),
		hintLabel("Left and Right choose another tax year."),
		sel,
		buttonRow(save, back),
	}
	rec, err := u.svc.HMRCRecord(u.account.ID, year)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), sel, u.showPay)
		return
	}
	how := "monthly"
	if rec.Quarterly {
		how = "quarterly"
	}
	parts = append(parts, wrapHeading(fmt.Sprintf("%s, %s: paid to HMRC %s", rec.Employer.Name, rec.Year, how)))
	var first fyne.Focusable = sel
	for _, p := range rec.Periods {
		p := p
		rows := []fact{
			{"Due", p.Due.Format()},
			{"Due date", dayAndDate(p.DueDate)},
			{"Paid", paidWords(p)},
		}
		if p.Paydays > 0 {
			rows = append(rows, fact{"Made up of", fmt.Sprintf("tax %s, employee's NI %s, employer's NI %s, loans %s, less Employment Allowance %s",
				p.Tax.Format(), p.EmployeeNI.Format(), p.EmployerNI.Format(), p.StudentLoan.Format(), p.EmploymentAllowance.Format())})
		}
		parts = append(parts, heading(p.Period.Label()), facts(rows...))
		switch {
		case p.Late && !p.PaidDate.IsZero():
			parts = append(parts, warning("Paid late: due on "+p.DueDate.UK()+", paid on "+p.PaidDate.UK()+"."))
		case p.Late && p.Due > 0:
			parts = append(parts, warning("Not paid yet, and late: the payment was due on "+p.DueDate.UK()+". Pay it as soon as you can."))
		}
		if p.Due > 0 && p.PaidDate.IsZero() {
			mark := newKeyButton("Mark as paid…", theme.ConfirmIcon(), func() { u.showMarkHMRCPaidForm(p) })
			mark.onEscape = u.showPay
			parts = append(parts, buttonRow(mark))
			if !focusYear && first == sel {
				first = mark
			}
		}
	}
	if focusYear || first == sel {
		first = sel
	}
	parts = append(parts, heading("The year"), facts(
		fact{"Total due for the year", rec.Total.Due.Format()},
		fact{"Employment Allowance used", rec.Total.EmploymentAllowance.Format()},
	))

	parts = append(parts, heading("What to send to HMRC"))
	parts = append(parts, listNote(nil, len(rec.Filings), "Nothing to send for this tax year yet.")...)
	for _, fl := range rec.Filings {
		fl := fl
		done := "Not sent yet."
		if !fl.Done.IsZero() {
			done = "✔ Sent on " + fl.Done.UK() + "."
		} else if fl.Due.Before(today) {
			done = "⚠ Not sent yet, and the due date has passed."
		}
		parts = append(parts, wrapLabel(fl.What), hintLabel("Due "+fl.Due.UK()+". "+done))
		if fl.Done.IsZero() {
			b := newKeyButton("Mark as sent…", theme.ConfirmIcon(), func() { u.showMarkFiledForm(fl, u.showHMRC) })
			b.onEscape = u.showPay
			parts = append(parts, buttonRow(b))
		}
	}
	if len(rec.Penalties) > 0 {
		parts = append(parts, heading("If you are late"))
		for _, p := range rec.Penalties {
			parts = append(parts, wrapLabel(p))
		}
	}
	u.showPage(page(parts...), first, u.showPay)
}

// showMarkHMRCPaidForm records the day a tax month's or quarter's bill
// was paid to HMRC.
func (u *UI) showMarkHMRCPaidForm(p service.HMRCPeriodRow) {
	on := u.payToday()
	f := newForm(u, "Mark as paid to HMRC", fmt.Sprintf("%s: %s due by %s.", p.Period.Label(), p.Due.Format(), p.DueDate.UK()))
	f.date("on", "Date paid", "The day the payment left your bank.", &on, false)
	f.saveText = "Mark as paid"
	f.save = func() error {
		if err := u.svc.MarkHMRCPaid(u.account.ID, p.Period.Key(), on); err != nil {
			return rotaSaveError(f, err)
		}
		u.notice = fmt.Sprintf("Marked %s as paid on %s.", p.Period.Label(), on.UK())
		u.showHMRC()
		return nil
	}
	f.cancel = u.showHMRC
	u.showForm(f)
}

// showHMRCExport saves the tax year's HMRC record as a PDF.
func (u *UI) showHMRCExport(year payroll.TaxYear) {
	account := u.account.ID
	u.showPayExport(payExport{
		title: "Save the HMRC record as PDF",
		intro: "The HMRC record for the days you choose: what is owed for each tax month or quarter, when due and when paid.",
		from:  year.Start(),
		to:    year.End(),
		name: func(from civil.Date, _ string) string {
			return "hmrc-record-" + payroll.TaxYearOf(from).String() + ".pdf"
		},
		write: func(w io.Writer, from, to civil.Date, _ int64) error {
			return u.svc.ExportHMRCPDF(w, account, from, to)
		},
		back: u.showHMRC,
	})
}
