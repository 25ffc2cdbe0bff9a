package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

// taxPeriodWords is "2026-27, month 7" or "2026-27, week 32".
func taxPeriodWords(r payrun.Run) string {
	unit := "week"
	if r.Frequency == payroll.Monthly {
		unit = "month"
	}
	return fmt.Sprintf("%s, %s %d", r.TaxYear, unit, r.TaxPeriod)
}

// payRunTitle is "Pay run: Friday 30/10/2026".
func payRunTitle(payday civil.Date) string { return "Pay run: " + dayAndDate(payday) }

// payBackButton goes back to the Pay home.
func (u *UI) payBackButton() *keyButton {
	b := newKeyButton("Back to Pay", theme.NavigateBackIcon(), u.showPay)
	b.onEscape = u.showPay
	return b
}

// showPayRun shows a payday's pay run: the warnings first (those that
// stop it being finalised first of all), each PA's payslip with where each
// line came from, the totals, and what can be done now.
func (u *UI) showPayRun(payday civil.Date, notice string) {
	ps := u.payState()
	ps.payday = payday
	back := u.payBackButton()
	problem := errorLabel()
	ps.problem, ps.run = problem, nil
	if notice != "" {
		u.notice = notice
	}
	v, err := u.svc.PayRun(u.account.ID, payday)
	if err != nil {
		u.showPage(page(pageTitle(payRunTitle(payday)), warning(service.ErrorMessage(err)), buttonRow(back)), back, u.showPay)
		return
	}
	ps.run = &v
	r := v.Run
	status := v.State.Label()
	if v.Stored != nil {
		status += " on " + civil.Of(v.Stored.FinalisedAt.In(rota.London())).UK()
	} else {
		status += ". This is a preview: nothing is stored until you finalise it."
	}
	parts := []fyne.CanvasObject{
		pageTitle(payRunTitle(payday)),
		facts(
			fact{"Payday", dayAndDate(payday)},
			fact{"Pay period", v.Period.Label()},
			fact{"Tax year and period", taxPeriodWords(r)},
			fact{"Where it stands", status},
		),
		problem,
	}
	if v.Stored != nil {
		parts = append(parts, wrapLabel(u.fpsWords(r.TaxYear, payday)))
	}
	parts = append(parts, payWarningParts(r, v.Stored != nil)...)

	var actions []fyne.CanvasObject
	var first fyne.Focusable = back
	var explain fyne.CanvasObject
	if v.Stored == nil {
		finalise := newKeyButton("Finalise…", theme.ConfirmIcon(), func() { u.showFinaliseReview(v) })
		finalise.Importance = widget.HighImportance
		add := newKeyButton("Add a line…", theme.ContentAddIcon(), func() { u.showPayLineForm(v) })
		actions = append(actions, finalise, add)
		if v.CanFinalise() {
			first = finalise
		} else {
			finalise.Disable()
			first = add
			n := len(r.Blocking())
			what := "1 thing"
			if n != 1 {
				what = fmt.Sprintf("%d things", n)
			}
			if n == 0 {
				explain = warning("Finalise is not available: there is nothing to pay on this payday.")
			} else {
				explain = warning(fmt.Sprintf("Finalise is not available yet: %s must be put right first, listed above under \"Must be put right before finalising\".", what))
				actions = append(actions, newKeyButton("Open Timesheets", theme.DocumentIcon(), func() { u.ShowSection(sectionTimesheets) }))
			}
		}
	} else {
		save := newKeyButton("Save these payslips as PDF…", theme.DocumentSaveIcon(), func() {
			u.showPayslipsExport(payday, payday, func() { u.showPayRun(payday, "") })
		})
		fps := newKeyButton("FPS figures", theme.DocumentIcon(), func() { u.showFPS(payday) })
		sent := newKeyButton("Mark FPS sent…", theme.ConfirmIcon(), func() { u.markFPSSent(r.TaxYear, payday, func() { u.showPayRun(payday, "") }) })
		reverse := newKeyButton("Reverse this run…", theme.ContentUndoIcon(), func() { u.showReverseForm(v) })
		pension := newKeyButton("Save contribution file…", theme.DocumentSaveIcon(), func() {
			u.showPensionExport(payday, func() { u.showPayRun(payday, "") })
		})
		actions = append(actions, save, pension, fps, sent, reverse)
		first = save
	}
	actions = append(actions, back)
	for _, a := range actions {
		if b, ok := a.(*keyButton); ok && b.onEscape == nil {
			b.onEscape = u.showPay
		}
	}
	parts = append(parts, buttonRow(actions...))
	if explain != nil {
		parts = append(parts, explain)
	}

	for _, p := range r.PAs {
		parts = append(parts, payslipParts(p)...)
	}
	if len(r.PAs) == 0 {
		parts = append(parts, heading("Payslips"), wrapLabel("No PA has anything to be paid on this payday yet."))
	}
	if v.Stored == nil {
		parts = append(parts, u.payLineParts(v)...)
	}
	t := r.Totals
	parts = append(parts, heading("Totals"), facts(
		fact{"Gross pay", t.Gross.Format()},
		fact{"Net pay to the PAs", t.NetPay.Format()},
		fact{"To HMRC", fmt.Sprintf("%s (tax, National Insurance and loans, less %s Employment Allowance)", t.HMRC.Format(), t.Allowance.Format())},
		fact{"To the pension scheme", t.Pension.Format()},
	))
	for _, old := range v.Reversed {
		parts = append(parts, hintLabel(fmt.Sprintf("An earlier run for this payday, finalised on %s, was reversed on %s: %s",
			civil.Of(old.FinalisedAt.In(rota.London())).UK(), civil.Of(old.ReversedAt.In(rota.London())).UK(), old.ReversalReason)))
	}
	u.showPage(page(parts...), first, u.showPay)
}

// payWarningParts lists a run's warnings: those that stop it being
// finalised first, under a heading that says so in words.
func payWarningParts(r payrun.Run, finalised bool) []fyne.CanvasObject {
	var blocking, other []fyne.CanvasObject
	for _, w := range r.Warnings {
		who := ""
		if w.PA != "" && !strings.Contains(w.Text(), w.PA) {
			who = w.PA + ": "
		}
		if w.Blocks && !finalised {
			blocking = append(blocking, warning(who+w.Text()))
		} else {
			other = append(other, markedLine("⚠ ", who+w.Text(), widget.WarningImportance))
		}
	}
	var parts []fyne.CanvasObject
	if len(blocking) > 0 {
		parts = append(parts, wrapHeading("Must be put right before finalising:"))
		parts = append(parts, blocking...)
	}
	if len(other) > 0 {
		title := "Check before finalising:"
		if finalised {
			title = "Warnings shown when it was finalised:"
		}
		parts = append(parts, wrapHeading(title))
		parts = append(parts, other...)
	}
	return parts
}

// smallLabel is a wrapped label in the caption size: the source under a
// payslip line.
func smallLabel(s string) *widget.Label {
	l := wrapLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// payslipParts is one PA's payslip: its lines as a table (line, hours,
// rate, amount) with where each came from under it, then the deductions
// and net pay.
func payslipParts(p payrun.PAResult) []fyne.CanvasObject {
	parts := []fyne.CanvasObject{heading("Payslip: " + p.PA)}
	if !p.Calc {
		return append(parts, wrapLabel("No payslip is worked out for "+p.PA+" on this payday: see the points above."))
	}
	bold := func(s string) *widget.Label {
		l := wrapLabel(s)
		l.TextStyle.Bold = true
		return l
	}
	parts = append(parts, container.NewGridWithColumns(4, bold("Line"), bold("Hours"), bold("Rate"), bold("Amount")))
	for _, l := range p.Lines {
		hours, rate := "—", "—"
		if l.Minutes > 0 {
			hours = text.Hours(int(l.Minutes))
		}
		if l.Rate > 0 {
			rate = l.Rate.Format() + " an hour"
		}
		parts = append(parts, container.NewGridWithColumns(4, wrapLabel(l.Description), wrapLabel(hours), wrapLabel(rate), wrapLabel(l.Amount.Format())))
		if l.Source != "" {
			parts = append(parts, smallLabel("From: "+l.Source))
		}
	}
	s := p.Payslip
	rows := []fact{
		{"Gross pay", s.Gross.Format()},
		{"Income Tax", s.Tax.Format()},
		{"National Insurance", s.EmployeeNI.Format()},
	}
	if s.StudentLoan > 0 {
		rows = append(rows, fact{"Student loan", s.StudentLoan.Format()})
	}
	if s.PostgraduateLoan > 0 {
		rows = append(rows, fact{"Postgraduate loan", s.PostgraduateLoan.Format()})
	}
	rows = append(rows, fact{"Pension (the PA's part)", s.Pension.Employee.Format()})
	if s.Expenses > 0 {
		rows = append(rows, fact{"Expenses paid back (not taxed)", s.Expenses.Format()})
	}
	return append(parts, widget.NewSeparator(), facts(rows...),
		wrapHeading("Net pay: "+s.NetPay.Format()),
		hintLabel(fmt.Sprintf("You also pay, on top: employer's National Insurance %s and employer's pension %s.", s.EmployerNI.Format(), s.Pension.Employer.Format())))
}

// payLineParts lists the lines entered by hand for the payday, each with
// a Remove button.
func (u *UI) payLineParts(v service.PayRunView) []fyne.CanvasObject {
	payday := v.Period.Payday
	parts := []fyne.CanvasObject{heading("Lines entered by hand")}
	lines, err := u.svc.PayLines(u.account.ID, payday)
	parts = append(parts, listNote(err, len(lines), "None. Use \"Add a line…\" for back pay, a correction, a bonus or expenses to pay back.")...)
	if len(lines) == 0 {
		return parts
	}
	names := map[int64]string{}
	if pas, err := u.svc.PAs(u.account.ID); err == nil {
		for _, p := range pas {
			names[p.ID] = p.Name
		}
	}
	for _, l := range lines {
		l := l
		what := fmt.Sprintf("%s: %s, \"%s\", %s", names[l.PAID], l.Kind.Label(), l.Description, l.Amount.Format())
		remove := newKeyButton("Remove", theme.DeleteIcon(), func() {
			u.askFirstThen("Remove this line?", what+" will not be paid on "+payday.UK()+".", "Yes, remove it",
				func() error { return u.svc.RemovePayLine(l.ID) },
				func() { u.showPayRun(payday, "Removed the line "+l.Description+".") })
		})
		remove.onEscape = u.showPay
		parts = append(parts, wrapLabel(what), buttonRow(remove))
	}
	return parts
}

// showPayLineForm adds a line entered by hand to a PA's pay on the
// payday: back pay, a correction, a bonus or expenses.
func (u *UI) showPayLineForm(v service.PayRunView) {
	payday := v.Period.Payday
	back := func() { u.showPayRun(payday, "") }
	pas, err := u.svc.PAs(u.account.ID)
	if err != nil {
		u.showError(err)
		return
	}
	names := map[int64]string{}
	var ids []int64
	for _, p := range pas {
		if p.EmployedIn(v.Period) {
			names[p.ID] = p.Name
			ids = append(ids, p.ID)
		}
	}
	a := payrun.Adjustment{Payday: payday, Kind: payrun.BackPay}
	if len(ids) == 1 {
		a.PAID = ids[0]
	}
	f := newForm(u, "Add a line to the pay on "+payday.UK(), "A line entered by hand is paid with this payday's run and printed on the payslip with its description.")
	choice(f, "pa", "Which PA", "", ids, func(id int64) string { return names[id] }, &a.PAID, nil)
	choice(f, "kind", "What it is", "Expenses paid back are not taxed; the others are pay.", payrun.AdjustmentKinds, payrun.AdjustmentKind.Label, &a.Kind, nil)
	f.text("description", "Description", "As the PA will read it on the payslip, for example \"Back pay for the rise from 1 April\".", &a.Description)
	f.amount("amount", "Amount", "", &a.Amount, true)
	f.saveText = "Add the line"
	f.validate = func() error { return u.svc.CheckPayLine(a) }
	f.save = func() error {
		saved, err := u.svc.AddPayLine(u.account.ID, a)
		if err != nil {
			return rotaSaveError(f, err)
		}
		u.showPayRun(payday, fmt.Sprintf("Added %s for %s: %s.", saved.Amount.Format(), names[saved.PAID], saved.Description))
		return nil
	}
	f.cancel = back
	u.showForm(f)
}

// showFinaliseReview is the step before finalising: it says exactly what
// finalising does, with "Go back" focused so a stray Enter changes
// nothing.
func (u *UI) showFinaliseReview(v service.PayRunView) {
	payday := v.Period.Payday
	r := v.Run
	back := func() { u.showPayRun(payday, "") }
	problem := errorLabel()
	u.payState().problem = problem
	var names []string
	var owed []fyne.CanvasObject
	n := 0
	for _, p := range r.PAs {
		if !p.Calc {
			continue
		}
		n++
		names = append(names, p.PA)
		owed = append(owed, wrapLabel(fmt.Sprintf("• Records net pay of %s owed to %s on the payday, %s.", p.Payslip.NetPay.Format(), p.PA, payday.UK())))
	}
	slips := "1 payslip"
	if n != 1 {
		slips = fmt.Sprintf("%d payslips", n)
	}
	due := "by " + dayAndDate(v.HMRCDue)
	t := r.Totals
	parts := []fyne.CanvasObject{
		pageTitle("Finalise the pay run for " + dayAndDate(payday) + "?"),
		wrapLabel("Check this before you finalise. Finalising:"),
		wrapLabel(fmt.Sprintf("• Stores %s (%s) for the pay period %s. They can't be changed afterwards.", slips, strings.Join(names, ", "), v.Period.Label())),
		wrapLabel("• Locks the timesheets they pay, so they can no longer be changed."),
	}
	parts = append(parts, owed...)
	if t.HMRC > 0 {
		parts = append(parts, wrapLabel(fmt.Sprintf("• Records %s owed to HMRC (tax, National Insurance and loans, less %s Employment Allowance), to be paid %s.", t.HMRC.Format(), t.Allowance.Format(), due)))
	} else {
		why := "the pay is below the thresholds for tax and National Insurance"
		if t.Allowance > 0 {
			why = "the Employment Allowance of " + t.Allowance.Format() + " covers the employer's National Insurance"
		}
		parts = append(parts, wrapLabel("• Owes HMRC nothing for this payday ("+why+"). The FPS still goes to HMRC on or before the payday."))
	}
	if t.Pension > 0 {
		parts = append(parts, wrapLabel(fmt.Sprintf("• Records %s owed to the pension scheme.", t.Pension.Format())))
	}
	parts = append(parts,
		wrapLabel("• Writes a line in the audit log."),
		wrapLabel("If something turns out to be wrong, the run can be reversed with a reason, as long as nothing it records has been paid yet; otherwise the correction goes in the next run."),
		problem,
	)
	goBack := newKeyButton("Go back", theme.NavigateBackIcon(), back)
	goBack.onEscape = back
	do := newKeyButton("Finalise the pay run", theme.ConfirmIcon(), func() {
		problem.Hide()
		saved, err := u.svc.FinalisePayRun(u.account.ID, payday)
		if err != nil {
			if !service.IsInput(err) {
				u.showError(err)
				return
			}
			problem.SetText("⚠ Not finalised: " + service.ErrorMessage(err))
			problem.Show()
			return
		}
		u.showPayRun(payday, fmt.Sprintf("Finalised: %d payslips are stored, the timesheets are locked, and %s net pay, %s to HMRC and %s to the pension scheme are owed under Money.",
			len(saved.Payslips), saved.Run.Totals.NetPay.Format(), saved.Run.Totals.HMRC.Format(), saved.Run.Totals.Pension.Format()))
	})
	do.Importance = widget.HighImportance
	do.onEscape = back
	parts = append(parts, buttonRow(goBack, do), hintLabel("Tab moves to \"Finalise the pay run\"; Escape goes back."))
	u.showPage(page(parts...), goBack, back)
}

// showReverseForm reverses a finalised run, with a reason for the audit
// log, after asking first.
func (u *UI) showReverseForm(v service.PayRunView) {
	payday := v.Period.Payday
	back := func() { u.showPayRun(payday, "") }
	reason := ""
	f := newForm(u, "Reverse the pay run for "+payday.UK(), "Reversing takes out what the run recorded under Money, unlocks its timesheets and keeps its lines entered by hand for the next run, so it can be run again. The payslips stay in the file, marked reversed. A run whose pay has already been paid can't be reversed: put the correction in the next run instead.")
	f.text("reason", "Why it is reversed", "Goes in the audit log, for the council and for you. For example \"Sam's hours on 12/10 were wrong\".", &reason)
	f.saveText = "Reverse…"
	f.save = func() error {
		if strings.TrimSpace(reason) == "" {
			return household.Problems{{Field: "reason", Message: "Say why the pay run is reversed: it goes in the audit log."}}
		}
		why := reason
		u.askFirst("Reverse this pay run?", fmt.Sprintf("The pay run for %s will be reversed, because: %s. You can then correct it and finalise it again.", payday.UK(), why), "Yes, reverse it", func() {
			if err := u.svc.ReversePayRun(u.account.ID, payday, why); err != nil {
				f.finish(rotaSaveError(f, err))
				return
			}
			u.showPayRun(payday, "Reversed the pay run for "+payday.UK()+". Its timesheets are approved again, ready to be paid again.")
		})
		return nil
	}
	f.cancel = back
	u.showForm(f)
}

// fpsFigures are one PA's FPS figures as the CLI's fps command shows them.
func fpsFigures(r service.FPSRow) []fact {
	f := r.FPS
	ps := r.Payslip.Result
	toDate := func(now, sum money.Money) string { return now.Format() + " (to date " + sum.Format() + ")" }
	period := fmt.Sprintf("week %d", f.TaxWeek)
	if f.TaxMonth > 0 {
		period = fmt.Sprintf("month %d", f.TaxMonth)
	}
	code := f.TaxCode.String()
	if f.Week1Month1 {
		code += " (week 1 / month 1)"
	}
	loan := f.StudentLoan.Format()
	if f.StudentLoanPlan != "" {
		loan += " (plan " + strings.TrimLeft(f.StudentLoanPlan, "0") + ")"
	}
	irregular := "No"
	if r.Irregular {
		irregular = "Yes"
	}
	out := []fact{
		{"Payment date", f.PaymentDate.UK()},
		{"Pay frequency", f.PayFrequency},
		{"Tax week or month", period},
		{"Periods covered", fmt.Sprint(r.Periods)},
		{"Hours normally worked", r.HoursBand.String()},
		{"Irregular payment pattern", irregular},
		{"Tax code", code},
		{"NI letter", f.NILetter.String()},
		{"Gross pay", ps.Gross.Format()},
		{"Taxable pay", toDate(f.TaxablePay, f.TaxablePayToDate)},
		{"Tax", toDate(f.Tax, f.TaxToDate)},
		{"Employee NI", toDate(f.EmployeeNI, f.EmployeeNIToDate)},
		{"Employer NI", toDate(f.EmployerNI, f.EmployerNIToDate)},
		{"Student loan", loan},
		{"Postgraduate loan", f.PostgraduateLoan.Format()},
		{"Pension (employee, not net pay)", f.PensionNotNetPay.Format()},
		{"Pension (net pay arrangement)", f.PensionNetPay.Format()},
	}
	if r.Starter != "" {
		out = append(out, fact{"Starter declaration", r.Starter})
	}
	if !r.LeavingDate.IsZero() {
		out = append(out, fact{"Leaving date", r.LeavingDate.UK()})
	}
	return out
}

// showFPS lists the figures for a finalised payday's Full Payment
// Submission, per PA, to key into HMRC's Basic PAYE Tools.
func (u *UI) showFPS(payday civil.Date) {
	back := func() { u.showPayRun(payday, "") }
	backBtn := newKeyButton("Back to the pay run", theme.NavigateBackIcon(), back)
	backBtn.onEscape = back
	parts := []fyne.CanvasObject{
		pageTitle("FPS figures for " + dayAndDate(payday)),
		wrapLabel("Key these into HMRC's Basic PAYE Tools for the Full Payment Submission (FPS), on or before the payday."),
		wrapLabel("Basic PAYE Tools works out tax and National Insurance itself: check that its figures match these. If they do not, do not send it; check the PA's tax code and NI letter first."),
	}
	rows, err := u.svc.FPS(u.account.ID, payday)
	var sent *keyButton
	if err == nil {
		sent = newKeyButton("Mark FPS sent…", theme.ConfirmIcon(), func() {
			year := payroll.TaxYearOf(payday)
			if len(rows) > 0 {
				year = rows[0].Payslip.Result.TaxYear
			}
			u.markFPSSent(year, payday, func() { u.showFPS(payday) })
		})
		sent.onEscape = back
		parts = append(parts, buttonRow(sent, backBtn))
	} else {
		parts = append(parts, buttonRow(backBtn))
	}
	parts = append(parts, listNote(err, len(rows), "There are no payslips in this run.")...)
	for _, r := range rows {
		ni := r.PA.NINumber
		if ni == "" {
			ni = "not known"
		}
		parts = append(parts, heading(r.PA.Name), wrapLabel("NI number: "+ni), facts(fpsFigures(r)...))
	}
	var first fyne.Focusable = backBtn
	if sent != nil {
		first = sent
	}
	u.showPage(page(parts...), first, back)
}

// fpsWords says whether the payday's FPS has been sent to HMRC.
func (u *UI) fpsWords(year payroll.TaxYear, payday civil.Date) string {
	rec, err := u.svc.HMRCRecord(u.account.ID, year)
	if err != nil {
		return "FPS: " + service.ErrorMessage(err)
	}
	for _, fl := range rec.Filings {
		if fl.Kind == payroll.FilingFPS && fl.Payday == payday {
			if fl.Done.IsZero() {
				return "FPS: not marked as sent yet. Send it to HMRC with Basic PAYE Tools on or before " + fl.Due.UK() + ", using \"FPS figures\"."
			}
			return "FPS: sent to HMRC on " + fl.Done.UK() + "."
		}
	}
	return "FPS: not on the filing list."
}

// markFPSSent finds the payday's FPS on the filing list and asks the day
// it was sent.
func (u *UI) markFPSSent(year payroll.TaxYear, payday civil.Date, back func()) {
	rec, err := u.svc.HMRCRecord(u.account.ID, year)
	if err != nil {
		u.showError(err)
		return
	}
	for _, fl := range rec.Filings {
		if fl.Kind == payroll.FilingFPS && fl.Payday == payday {
			u.showMarkFiledForm(fl, back)
			return
		}
	}
	u.message("No FPS to mark", "The filing list has no FPS for the payday "+payday.UK()+": finalise the pay run first.")
}

// showMarkFiledForm records the day an item of the filing list was sent
// to HMRC.
func (u *UI) showMarkFiledForm(fl service.Filing, back func()) {
	on := u.payToday()
	if !fl.Done.IsZero() {
		on = fl.Done
	}
	f := newForm(u, "Mark as sent to HMRC", fl.What)
	f.date("on", "Date sent", "The day you sent it in Basic PAYE Tools.", &on, false)
	f.saveText = "Mark as sent"
	f.save = func() error {
		if err := u.svc.MarkFiled(u.account.ID, fl, on); err != nil {
			return rotaSaveError(f, err)
		}
		u.notice = "Marked as sent on " + on.UK() + "."
		back()
		return nil
	}
	f.cancel = back
	u.showForm(f)
}
