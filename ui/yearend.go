package ui

// The Pay section's year end: each PA's P60 figures for a tax year, a
// leaver's P45 figures, and saving them as PDF. Every figure is the
// service's; nothing is worked out here.

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

// yearEndView is what the Year end page shows, kept for the tests.
type yearEndView struct {
	years []payroll.TaxYear // the tax years offered, latest first
}

// yearEndTitle is the Year end page's title, and the Pay home's button.
const yearEndTitle = "Year end: P60s and P45s"

// showYearEnd shows the Year end page for the tax year chosen last.
func (u *UI) showYearEnd() { u.showYearEndFocus(false) }

// showYearEndFocus shows the Year end page: the tax year to choose, each
// PA's P60 figures for it with a button to save them, then the leavers
// and their P45s. focusYear keeps the focus on the tax year (after it was
// changed with the arrow keys).
func (u *UI) showYearEndFocus(focusYear bool) {
	ps := u.payState()
	back := u.payBackButton()
	parts := []fyne.CanvasObject{
		pageTitle(yearEndTitle),
		wrapLabel("At the end of each tax year (5 April) every PA still working for you must be given a P60 by 31 May. A PA who leaves gets a P45 instead. " +
			"HMRC's Basic PAYE Tools makes the official forms: these are the figures from your finalised payslips, to check them against."),
	}
	years, err := u.svc.PayslipYears(u.account.ID)
	ps.yearEndView = yearEndView{years: years}
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)), buttonRow(back))
		u.showPage(page(parts...), back, u.showPay)
		return
	}
	var first fyne.Focusable = back
	if len(years) == 0 {
		parts = append(parts, heading("P60s"),
			wrapLabel("There are no finalised payslips yet, so there are no P60 figures. Finalise the pay runs under Pay first."),
			buttonRow(back))
	} else {
		year := ps.yearEnd
		if !slices.Contains(years, year) {
			year = defaultYearEnd(years, u.payToday())
			ps.yearEnd = year
		}
		labels := make([]string, len(years))
		for i, y := range years {
			labels[i] = "Tax year " + y.String()
		}
		sel := newKeySelect(labels, nil)
		sel.SetSelectedIndex(slices.Index(years, year))
		sel.OnChanged = func(string) {
			if i := sel.SelectedIndex(); i >= 0 && years[i] != ps.yearEnd {
				ps.yearEnd = years[i]
				u.showYearEndFocus(true)
			}
		}
		sel.onEscape = u.showPay
		p60s, err := u.svc.P60s(u.account.ID, year, 0)
		saveAll := newKeyButton("Save P60s as PDF…", theme.DocumentSaveIcon(), func() { u.showP60Export(year, p60s, 0) })
		saveAll.onEscape = u.showPay
		parts = append(parts,
			caption("Tax year", sel),
			hintLabel("The tax years with finalised payslips. Left and Right choose another."),
			sel,
		)
		first = sel
		if err != nil {
			saveAll.Disable()
			parts = append(parts, buttonRow(saveAll, back), warning(service.ErrorMessage(err)))
		} else {
			parts = append(parts, buttonRow(saveAll, back),
				wrapHeading(fmt.Sprintf("P60s for %s: %s", year, text.Count(len(p60s), "PA", "PAs"))))
			if !focusYear {
				first = saveAll
			}
			for _, p := range p60s {
				p := p
				save := newKeyButton("Save "+p.PA.Name+"'s P60 as PDF…", theme.DocumentSaveIcon(), func() { u.showP60Export(year, p60s, p.PA.ID) })
				save.onEscape = u.showPay
				parts = append(parts, heading("P60: "+p.PA.Name), facts(p60Facts(p)...))
				if !p.YearOver {
					parts = append(parts, warning(fmt.Sprintf("The tax year %s has not ended yet: these are the figures to date, from the payslips up to %s. Give the P60 after the last payday of the year.", p.Year, p.LastPayday.UK())))
				}
				parts = append(parts, buttonRow(save))
			}
		}
	}
	parts = append(parts, u.leaverParts()...)
	u.showPage(page(parts...), first, u.showPay)
}

// defaultYearEnd is the tax year the Year end page opens on: the latest
// one that has ended, else the latest.
func defaultYearEnd(years []payroll.TaxYear, today civil.Date) payroll.TaxYear {
	for _, y := range years {
		if today.After(y.End()) {
			return y
		}
	}
	return years[0]
}

// p60Facts is every figure of a P60, as the service gives it.
func p60Facts(p service.P60) []fact {
	rows := []fact{
		{"NI number", orNotGiven(household.FormatNINumber(p.PA.NINumber))},
		{"Final tax code", codeWithBasis(p.TaxCode, p.Week1Month1)},
		{"Pay in this employment", p.Pay.Format()},
		{"Tax in this employment", p.Tax.Format()},
		{"Pay in previous employment", p.Previous.TaxablePay.Format()},
		{"Tax in previous employment", p.Previous.Tax.Format()},
		{"Total pay for the year", p.TotalPay().Format()},
		{"Total tax for the year", p.TotalTax().Format()},
		{"Employee's National Insurance", p.EmployeeNI.Format()},
	}
	for _, n := range p.ByLetter {
		rows = append(rows, fact{"National Insurance, letter " + n.Letter.String(), fmt.Sprintf(
			"earnings at the lower earnings limit %s; above it, up to the primary threshold %s; above that, up to the upper earnings limit %s; employee's contributions %s",
			n.AtLEL.Format(), n.LELToPT.Format(), n.PTToUEL.Format(), n.EmployeeNI.Format())})
	}
	st := p.Statutory
	rows = append(rows,
		fact{"Student loan deductions", p.StudentLoan.Format()},
		fact{"Postgraduate loan deductions", p.PostgraduateLoan.Format()},
		fact{"Statutory Sick Pay", st.SSP.Format()},
		fact{"Statutory Maternity Pay", st.SMP.Format()},
		fact{"Statutory Paternity Pay", st.SPP.Format()},
		fact{"Statutory Adoption Pay", st.SAP.Format()},
		fact{"Statutory Shared Parental Pay", st.ShPP.Format()},
		fact{"Statutory Parental Bereavement Pay", st.SPBP.Format()},
		fact{"Statutory Neonatal Care Pay", st.SNCP.Format()},
		fact{"From", fmt.Sprintf("%s, the last paid on %s", text.Count(p.Payslips, "finalised payslip", "finalised payslips"), p.LastPayday.UK())},
		fact{"Give it to " + p.PA.Name + " by", dayAndDate(p.Due)},
	)
	return rows
}

// codeWithBasis is a tax code with its basis when week 1 / month 1.
func codeWithBasis(code string, w1m1 bool) string {
	if w1m1 {
		return code + " (week 1 / month 1 basis)"
	}
	return code
}

// yesNo is a yes or no answer in words.
func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// leaverParts lists the PAs with a leaving date, each with a button that
// opens their P45 figures and a line saying whether they are ready.
func (u *UI) leaverParts() []fyne.CanvasObject {
	parts := []fyne.CanvasObject{heading("Leavers: P45s")}
	pas, err := u.svc.PAs(u.account.ID)
	if err != nil {
		return append(parts, warning(service.ErrorMessage(err)))
	}
	n := 0
	for _, p := range pas {
		if p.LeavingDate.IsZero() {
			continue
		}
		n++
		id := p.ID
		b := newKeyButton("P45 details: "+p.Name, theme.DocumentIcon(), func() { u.showP45(id, u.showYearEnd, "Back to Year end") })
		b.Alignment = widget.ButtonAlignLeading
		b.onEscape = u.showPay
		status := "Left on " + p.LeavingDate.UK() + ". The P45 figures are ready."
		if _, err := u.svc.P45(u.account.ID, id); err != nil {
			status = "Left on " + p.LeavingDate.UK() + ". " + service.ErrorMessage(err)
		}
		parts = append(parts, b, hintLabel(status))
	}
	if n == 0 {
		parts = append(parts, wrapLabel("Nobody has a leaving date. When a PA leaves, record it on their page under People; their P45 figures are then here once their last pay is finalised."))
	}
	return parts
}

// showP45 shows a leaver's P45 figures, every one, and a button to save
// them as PDF; back (labelled backText) goes back where it came from.
func (u *UI) showP45(paID int64, back func(), backText string) {
	backBtn := newKeyButton(backText, theme.NavigateBackIcon(), back)
	backBtn.onEscape = back
	p, err := u.svc.P45(u.account.ID, paID)
	if err != nil {
		u.showPage(page(pageTitle("P45 details"), warning(service.ErrorMessage(err)), buttonRow(backBtn)), backBtn, back)
		return
	}
	again := func() { u.showP45(paID, back, backText) }
	name := p.PA.Name
	save := newKeyButton("Save as PDF…", theme.DocumentSaveIcon(), func() {
		account := u.account.ID
		u.showSaveDoc(saveDoc{
			title: "Save " + name + "'s P45 details as PDF",
			intro: "The figures " + name + "'s P45 must carry, on one page, to check against the P45 that HMRC's Basic PAYE Tools makes.",
			name:  "p45-" + fileSlug(name) + ".pdf",
			write: func(w io.Writer) error { return u.svc.ExportP45PDF(w, account, paID) },
			back:  again,
		})
	})
	save.onEscape = back
	period := fmt.Sprintf("Week %d", p.Period)
	if p.Monthly() {
		period = fmt.Sprintf("Month %d", p.Period)
	}
	parts := []fyne.CanvasObject{
		pageTitle("P45 details: " + name),
		wrapLabel("The figures " + name + "'s P45 must carry, from their last payslip. HMRC's Basic PAYE Tools makes the official P45: check that its figures match these. " +
			"Give " + name + " parts 1A, 2 and 3 on or soon after their leaving date; they hand parts 2 and 3 to their next employer."),
		buttonRow(save, backBtn),
		heading("Employee"),
		facts(
			fact{"Name", name},
			fact{"Address", p.PA.Address},
			fact{"NI number", orNotGiven(household.FormatNINumber(p.PA.NINumber))},
			fact{"Leaving date", dayAndDate(p.LeavingDate)},
		),
		heading("Employer"),
		facts(
			fact{"Name", p.Employer},
			fact{"Address", p.EmployerAddress},
			fact{"PAYE reference", orNotGiven(p.PAYEReference)},
		),
		heading("Tax code and last pay"),
		facts(
			fact{"Tax code at leaving", p.TaxCode},
			fact{"Week 1 / month 1 basis", yesNo(p.Week1Month1)},
			fact{"Tax year", p.Year.String()},
			fact{"Last tax week or month paid", period + ", paid on " + dayAndDate(p.LastPayday)},
		),
		heading("Pay and tax to date in " + p.Year.String()),
		facts(
			fact{"Total pay to date (previous employment included)", p.TotalPay().Format()},
			fact{"Total tax to date (previous employment included)", p.TotalTax().Format()},
			fact{"Pay in previous employment", p.Previous.TaxablePay.Format()},
			fact{"Tax in previous employment", p.Previous.Tax.Format()},
			fact{"Pay in this employment", p.Pay.Format()},
			fact{"Tax in this employment", p.Tax.Format()},
		),
		heading("Student loans"),
		facts(
			fact{"Student loan deductions to continue", yesNo(p.StudentLoan)},
			fact{"Postgraduate loan deductions to continue", yesNo(p.PostgraduateLoan)},
		),
	}
	u.showPage(page(parts...), save, back)
}

// showP60Export saves the P60 figures of a tax year as PDF, a page per
// PA: every PA's (paID 0) or one's, chosen in the form.
func (u *UI) showP60Export(year payroll.TaxYear, p60s []service.P60, paID int64) {
	home, _ := homeDir()
	account := u.account.ID
	ids := []int64{choiceAllPAs}
	names := map[int64]string{choiceAllPAs: fmt.Sprintf("All PAs with a P60 for %s (%d)", year, len(p60s))}
	for _, p := range p60s {
		ids = append(ids, p.PA.ID)
		names[p.PA.ID] = p.PA.Name
	}
	pa := choiceAllPAs
	if paID != 0 {
		pa = paID
	}
	fileName := func(id int64) string {
		if id == choiceAllPAs {
			return "p60s-" + year.String() + ".pdf"
		}
		return "p60-" + fileSlug(names[id]) + "-" + year.String() + ".pdf"
	}
	path := filepath.Join(home, fileName(pa))
	f := newForm(u, "Save P60s as PDF", "The P60 figures for "+year.String()+", a page per PA, to print and to check against the P60s that HMRC's Basic PAYE Tools makes.")
	var pathEntry *keyEntry
	choice(f, "pa", "Which PA", "", ids, func(id int64) string { return names[id] }, &pa, func(id int64) {
		pathEntry.SetText(filepath.Join(filepath.Dir(pathEntry.Text), fileName(id)))
	})
	pathEntry = f.text("path", "Save as", "The file to write, with its folder.", &path)
	f.saveText = "Save"
	f.save = func() error {
		to, err := savePath(home, path, fileName(pa))
		if err != nil {
			return err
		}
		who := pa
		if who == choiceAllPAs {
			who = 0
		}
		return u.saveMade(f, to, func(w io.Writer) error { return u.svc.ExportP60PDF(w, account, year, who) }, func() {
			u.notice = "Saved to " + to + "."
			u.showYearEnd()
		})
	}
	f.cancel = u.showYearEnd
	u.showForm(f)
}

// saveDoc is a PDF to save with a form that asks only where.
type saveDoc struct {
	title, intro string
	name         string // the file's name, in the home folder to begin with
	write        func(io.Writer) error
	back         func() // after saving or cancelling
}

// showSaveDoc asks where to save a PDF and saves it through the one save
// flow: made off the window's thread, never over a file unless the person
// says "Yes, replace it".
func (u *UI) showSaveDoc(d saveDoc) {
	home, _ := homeDir()
	path := filepath.Join(home, d.name)
	f := newForm(u, d.title, d.intro)
	f.text("path", "Save as", "The file to write, with its folder.", &path)
	f.saveText = "Save"
	f.save = func() error {
		to, err := savePath(home, path, d.name)
		if err != nil {
			return err
		}
		return u.saveMade(f, to, d.write, func() {
			u.notice = "Saved to " + to + "."
			d.back()
		})
	}
	f.cancel = d.back
	u.showForm(f)
}

// savePath is the file typed in the "Save as" box, with a leading "~/"
// meaning the home folder; a blank box is refused with an example.
func savePath(home, path, example string) (string, error) {
	if path == "" {
		return "", household.Problems{{Field: "path", Message: "Type the file to save to, for example " + filepath.Join(home, example) + "."}}
	}
	if strings.HasPrefix(path, "~"+string(filepath.Separator)) {
		path = filepath.Join(home, path[2:])
	}
	return path, nil
}
