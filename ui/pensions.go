package ui

// The Pensions part of the Pay section: the employer's automatic
// enrolment duties, each PA's pension with the letters and choices to
// record, and the contribution files to send to the scheme. Every figure
// and date shown comes from the service.

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
	"patoolkit/text"
)

// pensionState is what the Pensions pages show, for the tests.
type pensionState struct {
	pas     []service.PensionPA
	buttons map[string]*keyButton // by pensionFocus key
}

// The keys of the Pensions page's buttons, to focus one again on coming
// back to it.
const (
	focusDuties = "duties"
	focusExport = "export"
)

func focusPA(id int64) string { return fmt.Sprintf("pa:%d", id) }

func focusEvent(ev service.PensionEvent) string { return "event:" + string(ev) }

// postponeLabel is a postponement in words.
func postponeLabel(months int) string {
	switch months {
	case 0:
		return "No postponement"
	case 1:
		return "1 month"
	}
	return fmt.Sprintf("%d months", months)
}

// orNotYet is a date, or "Not yet" when there is none.
func orNotYet(d civil.Date, none string) string {
	if d.IsZero() {
		return none
	}
	return d.UK()
}

// showPensions shows the Pensions page with the focus on the button
// named by focus (a focus key; "" for the first).
func (u *UI) showPensions(focus string) {
	today := u.payToday()
	ps := &pensionState{buttons: map[string]*keyButton{}}
	u.payState().pensions = ps
	back := u.payBackButton()
	d, recorded, err := u.svc.PensionDuties(u.account.ID)
	if err != nil {
		u.showPage(page(pageTitle("Pensions"), warning(service.ErrorMessage(err)), buttonRow(back)), back, u.showPay)
		return
	}
	dutiesText := "Record your duties…"
	if recorded {
		dutiesText = "Change your duties…"
	}
	duties := newKeyButton(dutiesText, theme.DocumentCreateIcon(), func() { u.showPensionDutiesForm(d, recorded) })
	export := newKeyButton("Save contribution file…", theme.DocumentSaveIcon(), func() {
		u.showPensionExport(civil.Date{}, func() { u.showPensions(focusExport) })
	})
	ps.buttons[focusDuties], ps.buttons[focusExport] = duties, export
	parts := []fyne.CanvasObject{
		pageTitle("Pensions"),
		wrapLabel("Your duties as an employer to put your PAs in a workplace pension (automatic enrolment), each PA's pension, and the contribution files to send to the scheme after each payday."),
		buttonRow(duties, export, back),
		heading("Your duties"),
	}
	if !recorded {
		parts = append(parts, warning("Your duties are not recorded yet. Record your duties start date (the day your first PA started) with \"Record your duties…\", so each pay run can tell you when a PA must be enrolled."))
	} else {
		parts = append(parts, facts(
			fact{"Duties start date", d.Duties.Start.UK()},
			fact{"Postponement", postponeLabel(d.Duties.PostponeMonths)},
			fact{"The scheme's reference for you", orNotGiven(d.SchemeRef)},
			fact{"Payment source", orNotGiven(d.PaymentSource)},
			fact{"Declaration of compliance made on", orNotYet(d.Declared, "Not made yet")},
			fact{"Re-enrolment date chosen", orNotYet(d.Duties.ReEnrolment, "Not chosen yet")},
			fact{"Re-declaration made on", orNotYet(d.ReDeclared, "Not made yet")},
		))
	}
	if rs, err := u.svc.PensionReminders(u.account.ID, today); err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
	} else if recorded && len(rs) > 0 {
		parts = append(parts, heading("What is due"))
		for _, r := range rs {
			line := r.Title + ": " + r.Text
			if r.Overdue {
				parts = append(parts, warning(line))
			} else {
				parts = append(parts, wrapLabel(line))
			}
		}
	}

	parts = append(parts, heading("Each PA"))
	pas, err := u.svc.PensionPAs(u.account.ID, today)
	ps.pas = pas
	parts = append(parts, listNote(err, len(pas), "There are no PAs in this budget yet.")...)
	for _, p := range pas {
		p := p
		b := newKeyButton(p.Name+"'s pension record…", theme.DocumentCreateIcon(), func() { u.showPensionPA(p.PAID, "") })
		b.onEscape = u.showPay
		ps.buttons[focusPA(p.PAID)] = b
		parts = append(parts, heading(p.Name), facts(pensionFacts(p)...))
		if p.LetterOverdue {
			parts = append(parts, warning(fmt.Sprintf("%s's enrolment letter was due by %s and is not recorded as given.", p.Name, p.LetterDue.UK())))
		}
		parts = append(parts, buttonRow(b))
	}
	for _, b := range []*keyButton{duties, export} {
		b.onEscape = u.showPay
	}
	var first fyne.Focusable = duties
	if b, ok := ps.buttons[focus]; ok {
		first = b
	}
	u.showPage(page(parts...), first, u.showPay)
}

// pensionFacts are a PA's pension lines as the service gives them.
func pensionFacts(p service.PensionPA) []fact {
	st := p.State
	category := "Not assessed yet: no payslip so far."
	if !p.AssessedFor.From.IsZero() {
		category = text.Capitalise(p.Category.String()) + " (pay for " + p.AssessedFor.Label() + ")"
	}
	letter := "Not recorded as given."
	switch {
	case !st.InfoGiven.IsZero():
		letter = "Given on " + st.InfoGiven.UK() + "."
	case p.LetterOverdue:
		letter = "⚠ Was due by " + p.LetterDue.UK() + ", and is not recorded as given."
	case !p.LetterDue.IsZero():
		letter = "Due by " + p.LetterDue.UK() + ", not recorded as given yet."
	}
	optOut := "Starts once they are enrolled and have been given the letter."
	if p.OptOutKnown {
		optOut = p.OptOut.From.UK() + " to " + p.OptOut.To.UK()
	}
	out := []fact{
		{"Where they stand", p.Status},
		{"Category on the latest payslip", category},
		{"Enrolled from", orNotYet(st.Enrolled, "Not enrolled")},
		{"Enrolment letter", letter},
		{"Opt-out period", optOut},
	}
	if !st.PostponedTo.IsZero() {
		out = append(out, fact{"Enrolment postponed to", st.PostponedTo.UK()},
			fact{"Postponement notice", orNotYet(st.PostponementNotice, "Not recorded as given")})
	}
	for _, x := range []struct {
		label string
		on    civil.Date
	}{{"Opted out on", st.OptedOut}, {"Asked to join on", st.Joined}, {"Asked to stop on", st.Stopped}, {"Left on", p.Left}} {
		if !x.on.IsZero() {
			out = append(out, fact{x.label, x.on.UK()})
		}
	}
	return out
}

// showPensionPA shows one PA's pension with a button for each thing to
// record, the focus on the one named by focus ("" for the first).
func (u *UI) showPensionPA(paID int64, focus string) {
	back := func() { u.showPensions(focusPA(paID)) }
	backBtn := newKeyButton("Back to Pensions", theme.NavigateBackIcon(), back)
	backBtn.onEscape = back
	pas, err := u.svc.PensionPAs(u.account.ID, u.payToday())
	i := slices.IndexFunc(pas, func(p service.PensionPA) bool { return p.PAID == paID })
	if err != nil || i < 0 {
		msg := "That PA is no longer in this budget."
		if err != nil {
			msg = service.ErrorMessage(err)
		}
		u.showPage(page(pageTitle("Pension record"), warning(msg), buttonRow(backBtn)), backBtn, back)
		return
	}
	p := pas[i]
	ps := &pensionState{pas: pas, buttons: map[string]*keyButton{}}
	u.payState().pensions = ps
	var buttons []fyne.CanvasObject
	for _, ev := range service.PensionEvents {
		ev := ev
		b := newKeyButton(ev.Label()+"…", theme.DocumentCreateIcon(), func() { u.showPensionEventForm(p, ev) })
		b.onEscape = back
		ps.buttons[focusEvent(ev)] = b
		buttons = append(buttons, b)
	}
	buttons = append(buttons, backBtn)
	parts := []fyne.CanvasObject{
		pageTitle("Pension record: " + p.Name),
		facts(pensionFacts(p)...),
	}
	if p.LetterOverdue {
		parts = append(parts, warning(fmt.Sprintf("The enrolment letter was due by %s. Give it to %s in writing now, then record the day with \"Enrolment letter given on…\".", p.LetterDue.UK(), p.Name)))
	}
	parts = append(parts,
		heading("Record what happened"),
		hintLabel("Choose what happened, then give the day. Pay runs record automatic enrolment themselves; the next pay run acts on what you record here."),
		buttonRow(buttons...),
	)
	var first fyne.Focusable = buttons[0].(*keyButton)
	if b, ok := ps.buttons[focus]; ok {
		first = b
	}
	u.showPage(page(parts...), first, back)
}

// pensionEventIntro says what recording ev means, for name.
func pensionEventIntro(ev service.PensionEvent, name string) string {
	switch ev {
	case service.PensionLetterGiven:
		return "The day you gave " + name + " the enrolment information in writing: the scheme's letter, or The Pensions Regulator's template letter. Their opt-out period of one month starts then (or on their enrolment date, if that is later)."
	case service.PensionNoticeGiven:
		return "The day you gave " + name + " the written notice that their automatic enrolment is postponed."
	case service.PensionOptedOut:
		return "The day you received " + name + "'s opt-out notice. It counts only inside their opt-out period; the contributions taken from their pay are then given back on their next payslip."
	case service.PensionJoined:
		return "The day " + name + " asked you in writing to join the scheme. Then record the day their membership starts with \"Enrolled from…\"."
	case service.PensionStopped:
		return "The day " + name + " asked to stop paying into the scheme, after their opt-out period. What has been paid in stays in the scheme."
	case service.PensionEnrolled:
		return "The day " + name + "'s membership of the scheme starts: a request to join takes effect from the start of their next pay period. Pay runs record automatic enrolment themselves."
	}
	return ""
}

// pensionEventDate is the date already recorded for ev, if any.
func pensionEventDate(p service.PensionPA, ev service.PensionEvent) civil.Date {
	st := p.State
	if d := ev.In(&st); d != nil {
		return *d
	}
	return civil.Date{}
}

// showPensionEventForm records the day ev happened for the PA: today's
// date is suggested (or the date already recorded); a refusal is shown
// beside the date.
func (u *UI) showPensionEventForm(p service.PensionPA, ev service.PensionEvent) {
	back := func() { u.showPensionPA(p.PAID, focusEvent(ev)) }
	on := pensionEventDate(p, ev)
	if on.IsZero() {
		on = u.payToday()
	}
	f := newForm(u, p.Name+": "+text.Uncapitalise(ev.Label()), pensionEventIntro(ev, p.Name))
	f.date(service.FieldPensionDate, ev.Label(), "Today's date is filled in: change it if it was another day.", &on, false)
	f.saveText = "Record it"
	f.save = func() error {
		if err := u.svc.RecordPensionEvent(u.account.ID, p.PAID, ev, on); err != nil {
			return rotaSaveError(f, err)
		}
		u.notice = fmt.Sprintf("Recorded for %s: %s %s.", p.Name, text.Uncapitalise(ev.Label()), on.UK())
		back()
		return nil
	}
	f.cancel = back
	u.showForm(f)
}

// showPensionDutiesForm records or changes the employer's duties.
func (u *UI) showPensionDutiesForm(d service.PensionDuties, recorded bool) {
	back := func() { u.showPensions(focusDuties) }
	d.AccountID = u.account.ID
	title := "Change your pension duties"
	if !recorded {
		title = "Record your pension duties"
	}
	f := newForm(u, title, "What you chose and did about automatic enrolment. The pay runs use it to enrol each PA on time, and the reminders use it for your declarations to The Pensions Regulator.")
	f.date(service.FieldDutiesStart, "Duties start date", "The day your first PA started work.", &d.Duties.Start, false)
	choice(f, service.FieldPostpone, "Postponement", "You may put off assessing a PA for up to 3 months from their first day (you must tell them in writing).",
		[]int{0, 1, 2, 3}, postponeLabel, &d.Duties.PostponeMonths, nil)
	f.text(service.FieldSchemeRef, "The scheme's reference for you", "NEST's is EMP and 9 digits, for example EMP123456789: NEST's contribution file needs it.", &d.SchemeRef)
	f.date(service.FieldDeclared, "Declaration of compliance made on", "The day you told The Pensions Regulator how you met your duties.", &d.Declared, true)
	f.date(service.FieldReEnrolment, "Re-enrolment date chosen", "Every three years: a day within 3 months either side of the third anniversary of your duties start date.", &d.Duties.ReEnrolment, true)
	f.date(service.FieldReDeclared, "Re-declaration made on", "The day you told The Pensions Regulator about the re-enrolment.", &d.ReDeclared, true)
	f.text(service.FieldPaymentSource, "Payment source", "As your scheme account names it. Leave blank for Direct debit.", &d.PaymentSource)
	f.saveText = "Save the duties"
	f.save = func() error {
		if err := u.svc.SavePensionDuties(d); err != nil {
			return rotaSaveError(f, err)
		}
		u.notice = "Saved your pension duties."
		back()
		return nil
	}
	f.cancel = back
	u.showForm(f)
}

// pensionFormats are the contribution file formats, as the form names
// them.
var pensionFormats = []string{service.PensionPAPDIS, service.PensionNEST, service.PensionGeneric}

func pensionFormatLabel(f string) string {
	switch f {
	case service.PensionPAPDIS:
		return "PAPDIS (most schemes take it)"
	case service.PensionNEST:
		return "NEST contribution schedule"
	case service.PensionGeneric:
		return "Plain CSV (to read or send by hand)"
	}
	return f
}

// pensionFileName is "pension-2026-10-30-nest.csv".
func pensionFileName(payday civil.Date, format string) string {
	return "pension-" + payday.String() + "-" + format + ".csv"
}

// showPensionExport saves the contribution file of a finalised payday:
// the payday (payday, when not zero, is chosen first), the format and
// the file; an existing file is replaced only when the person says so.
func (u *UI) showPensionExport(payday civil.Date, back func()) {
	today := u.payToday()
	from := today.AddMonths(-24)
	if from.Before(u.account.StartDate) {
		from = u.account.StartDate // no paydays before the budget's start
	}
	rows, err := u.svc.Paydays(u.account.ID, from, today.AddMonths(2))
	if err != nil {
		u.showError(err)
		return
	}
	var days []civil.Date
	for _, r := range rows {
		if r.State == service.PaydayFinalised || r.State == service.PaydayPaid {
			days = append(days, r.Period.Payday)
		}
	}
	slices.Reverse(days) // newest first
	if !payday.IsZero() && !slices.Contains(days, payday) {
		days = append([]civil.Date{payday}, days...)
	}
	if payday.IsZero() && len(days) > 0 {
		payday = days[0]
	}
	format := service.PensionPAPDIS
	home, _ := homeDir()
	path := filepath.Join(home, pensionFileName(payday, format))
	f := newForm(u, "Save contribution file", "The file to upload to your pension scheme for a finalised payday: what each PA and you pay in. Most schemes take PAPDIS; NEST takes its own contribution schedule.")
	var pathEntry *keyEntry
	rename := func() {
		pathEntry.SetText(filepath.Join(filepath.Dir(pathEntry.Text), pensionFileName(payday, format)))
	}
	choice(f, "payday", "Payday", "The finalised paydays of the last two years, newest first.", days, dayAndDate, &payday, func(d civil.Date) {
		payday = d
		rename()
	})
	choice(f, "format", "Format", "Ask your scheme which it takes if you are not sure.", pensionFormats, pensionFormatLabel, &format, func(s string) {
		format = s
		rename()
	})
	pathEntry = f.text("path", "Save as", "The file to write, with its folder.", &path)
	f.saveText = "Save"
	f.save = func() error {
		if payday.IsZero() {
			return household.Problems{{Field: "payday", Message: "Choose a finalised payday. If there is none, finalise a pay run first."}}
		}
		if format == "" {
			return household.Problems{{Field: "format", Message: "Choose the format your scheme takes."}}
		}
		if path == "" {
			return household.Problems{{Field: "path", Message: "Type the file to save to, for example " + filepath.Join(home, pensionFileName(payday, format)) + "."}}
		}
		if strings.HasPrefix(path, "~"+string(filepath.Separator)) {
			path = filepath.Join(home, path[2:])
		}
		account, path, payday, format := u.account.ID, path, payday, format
		return u.saveMade(f, path, func(w io.Writer) error { return u.svc.ExportPensionCSV(w, account, payday, format) }, func() {
			u.notice = "Saved to " + path + "."
			back()
		})
	}
	f.cancel = back
	u.showForm(f)
}
