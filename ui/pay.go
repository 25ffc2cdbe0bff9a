package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/service"
	"patoolkit/text"
)

// payState is what the Pay section remembers while the window is open:
// the payday last opened (focused again on the Pay home) and the tax year
// the HMRC record shows.
type payState struct {
	account int64 // the budget the state is for

	payday civil.Date
	year   payroll.TaxYear
	// yearEnd is the tax year the Year end page shows (yearend.go).
	yearEnd     payroll.TaxYear
	yearEndView yearEndView

	// In view, for the tests.
	rows    []service.PaydayRow
	buttons []*wrapButton
	run     *service.PayRunView
	problem *widget.Label // the error area of the page in view
	// pensions is the Pensions page in view (ui/pensions.go).
	pensions *pensionState
}

// payState returns the section's state for the open budget.
func (u *UI) payState() *payState {
	if u.pay == nil || u.pay.account != u.account.ID {
		u.pay = &payState{account: u.account.ID, year: payroll.TaxYearOf(u.payToday())}
	}
	return u.pay
}

// payToday is the date the pay pages work from.
func (u *UI) payToday() civil.Date { return civil.Of(u.now()) }

// scheduleWords is the pay schedule in words: "PAs are paid monthly, on
// the last working day of the month."
func scheduleWords(e household.Employer) string {
	if e.PayFrequency == "" || e.Payday == "" {
		return "The pay schedule is not set yet: choose how often PAs are paid and the payday in the employer details."
	}
	day := text.Uncapitalise(e.Payday.Label())
	if e.PayFrequency == household.Monthly {
		day = "the " + day
	} else {
		day = e.Payday.Label() + "s"
	}
	return fmt.Sprintf("PAs are paid %s, on %s.", text.Uncapitalise(e.PayFrequency.Label()), day)
}

// paydayTitle is a payday's row: "Friday 30/10/2026 — pay for 01/10/2026
// to 31/10/2026 — Finalised and paid — net pay £2,668.23".
func paydayTitle(r service.PaydayRow) string {
	s := dayAndDate(r.Period.Payday) + " — pay for " + r.Period.Label() + " — " + r.State.Label()
	if r.State == service.PaydayFinalised || r.State == service.PaydayPaid {
		s += " — net pay " + r.NetPay.Format()
	}
	return s
}

// showPay shows the Pay home: the pay schedule, then the paydays of the
// last 12 months and the next 2, newest first, each opening its pay run.
func (u *UI) showPay() {
	ps := u.payState()
	today := u.payToday()
	parts := []fyne.CanvasObject{
		pageTitle("Pay"),
		wrapLabel("Each payday's pay run works out the payslips from the approved timesheets. Check the preview, then finalise it: that stores the payslips and records what you owe each PA, HMRC and the pension scheme."),
		heading("Pay schedule"),
	}
	employer := newKeyButton("Change the pay schedule", theme.DocumentCreateIcon(), func() { u.editEmployer(u.showPay) })
	hmrc := newKeyButton("HMRC record", theme.DocumentIcon(), func() { u.showHMRC() })
	yearEnd := newKeyButton(yearEndTitle, theme.DocumentIcon(), u.showYearEnd)
	save := newKeyButton("Save payslips as PDF…", theme.DocumentSaveIcon(), func() {
		u.showPayslipsExport(payroll.TaxYearOf(today).Start(), today, u.showPay)
	})
	e, ok, err := u.svc.Employer(u.account.ID)
	switch {
	case err != nil:
		parts = append(parts, warning(service.ErrorMessage(err)))
	case !ok:
		parts = append(parts, warning("No employer details yet. Add them with \"Change the pay schedule\": pay needs your PAYE reference, how often PAs are paid and the payday."))
	default:
		parts = append(parts, wrapLabel(scheduleWords(e)))
	}
	pensions := newKeyButton("Pensions", theme.DocumentIcon(), func() { u.showPensions("") })
	parts = append(parts, buttonRow(employer, hmrc, pensions, yearEnd, save), heading("Paydays"),
		hintLabel("Newest first. Press Enter on a payday to open its pay run."))
	rows, err := u.svc.Paydays(u.account.ID, today.AddMonths(-12), today.AddMonths(2))
	slices.Reverse(rows) // newest first
	ps.rows, ps.buttons = rows, nil
	parts = append(parts, listNote(err, len(rows), "There are no paydays in the last 12 months or the next 2.")...)
	var first fyne.Focusable = employer
	var current, chosen fyne.Focusable
	for _, r := range rows {
		r := r
		b := newWrapButton(paydayTitle(r), func() { u.showPayRun(r.Period.Payday, "") })
		ps.buttons = append(ps.buttons, b)
		parts = append(parts, b)
		if r.Note != "" {
			parts = append(parts, hintLabel("Still to do: "+r.Note))
		}
		if r.Period.Contains(today) || (current == nil && !r.Period.Payday.Before(today) && r.Period.From.Before(today)) {
			current = b
		}
		if r.Period.Payday == ps.payday {
			chosen = b
		}
	}
	switch {
	case chosen != nil:
		first = chosen
	case current != nil:
		first = current
	case len(ps.buttons) > 0:
		first = ps.buttons[0]
	}
	u.showPage(page(parts...), first, nil)
}

// editEmployer shows the employer details form; saving or cancelling goes
// to back.
func (u *UI) editEmployer(back func()) {
	u.showEmployerFormThen(back)
}

// payExport is what a "Save as PDF" form of the Pay section writes.
type payExport struct {
	title, intro string
	from, to     civil.Date
	withPA       bool
	// name is the file's name for the days from and the PA's name ("" for
	// every PA).
	name  func(from civil.Date, pa string) string
	write func(w io.Writer, from, to civil.Date, paID int64) error
	back  func()
}

// payslipsName is "payslips-2026-04-06.pdf", or with the PA's name.
func payslipsName(from civil.Date, pa string) string {
	if pa != "" {
		return "payslips-" + fileSlug(pa) + "-" + from.String() + ".pdf"
	}
	return "payslips-" + from.String() + ".pdf"
}

// showPayslipsExport saves the finalised payslips with paydays from..to
// as a PDF, one page each.
func (u *UI) showPayslipsExport(from, to civil.Date, back func()) {
	account := u.account.ID
	u.showPayExport(payExport{
		title:  "Save payslips as PDF",
		intro:  "The finalised payslips with paydays in the days you choose, one page each, to print or to send to your PAs.",
		from:   from,
		to:     to,
		withPA: true,
		name:   payslipsName,
		write: func(w io.Writer, from, to civil.Date, paID int64) error {
			return u.svc.ExportPayslipsPDF(w, account, from, to, paID)
		},
		back: back,
	})
}

// showPayExport shows a form that writes a PDF of the Pay section: the
// days, perhaps the PA, and the file to save to. The PDF is made, then
// written, off the window's thread; an existing file is replaced only
// when the person says so.
func (u *UI) showPayExport(x payExport) {
	home, _ := homeDir()
	names := map[int64]string{choiceAllPAs: "All PAs"}
	paValues := []int64{choiceAllPAs}
	if x.withPA {
		pas, err := u.svc.PAs(u.account.ID)
		if err != nil {
			u.showError(err)
			return
		}
		for _, p := range pas {
			names[p.ID] = p.Name
			paValues = append(paValues, p.ID)
		}
	}
	pa := choiceAllPAs
	paName := func(id int64) string {
		if id == choiceAllPAs {
			return ""
		}
		return names[id]
	}
	from, to := x.from, x.to
	path := filepath.Join(home, x.name(from, ""))
	f := newForm(u, x.title, x.intro)
	var pathEntry *keyEntry
	rename := func() {
		pathEntry.SetText(filepath.Join(filepath.Dir(pathEntry.Text), x.name(from, paName(pa))))
	}
	if x.withPA {
		choice(f, "pa", "Which PA", "", paValues, func(id int64) string { return names[id] }, &pa, func(id int64) {
			pa = id
			rename()
		})
	}
	f.date("from", "Paydays from", "", &from, false)
	f.date("to", "Paydays to", "", &to, false)
	pathEntry = f.text("path", "Save as", "The file to write, with its folder.", &path)
	f.saveText = "Save"
	f.save = func() error {
		if path == "" {
			return household.Problems{{Field: "path", Message: "Type the file to save to, for example " + filepath.Join(home, x.name(from, paName(pa))) + "."}}
		}
		if strings.HasPrefix(path, "~"+string(filepath.Separator)) {
			path = filepath.Join(home, path[2:])
		}
		who := pa
		if who == choiceAllPAs {
			who = 0
		}
		path, from, to := path, from, to
		return u.saveMade(f, path, func(w io.Writer) error { return x.write(w, from, to, who) }, func() {
			u.notice = "Saved to " + path + "."
			x.back()
		})
	}
	f.cancel = x.back
	u.showForm(f)
}
