package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

// periodLabel is "01/11/2026 to 30/11/2026, paid on 30/11/2026".
func periodLabel(p household.PayPeriod, today civil.Date) string {
	s := p.Label() + ", paid on " + p.Payday.UK()
	if p.Contains(today) {
		s += " (now)"
	}
	return s
}

// showTimesheets shows the pay period chosen (the current one at first)
// and each PA's timesheet for it, with an Open button each.
func (u *UI) showTimesheets() { u.showTimesheetsFocus(false) }

func (u *UI) showTimesheetsFocus(focusPeriod bool) {
	r := u.rotaState()
	r.onWeek = false
	today := u.rotaToday()
	parts := []fyne.CanvasObject{
		pageTitle("Timesheets"),
		wrapLabel("Each PA's timesheet for a pay period starts from the rota. Change what was different, then the PA signs it and you approve it. Approved timesheets are what pay is worked out from."),
	}
	periods, err := u.svc.PayPeriods(u.account.ID, today.AddMonths(-12), today.AddDays(35))
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)+" Add them on the Home page with \"Employer details\"."))
		u.showPage(page(parts...), nil, nil)
		return
	}
	slices.Reverse(periods) // latest first
	if len(periods) == 0 {
		parts = append(parts, wrapLabel("There are no pay periods yet."))
		u.showPage(page(parts...), nil, nil)
		return
	}
	chosen := -1
	for i, p := range periods {
		if p == r.period {
			chosen = i
		}
	}
	if chosen < 0 {
		chosen = len(periods) - 1
		for i, p := range periods {
			if p.Contains(today) {
				chosen = i
			}
		}
	}
	period := periods[chosen]
	r.period = period
	labels := make([]string, len(periods))
	for i, p := range periods {
		labels[i] = periodLabel(p, today)
	}
	sel := newKeySelect(labels, nil)
	sel.SetSelectedIndex(chosen)
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 && periods[i] != r.period {
			r.period = periods[i]
			u.showTimesheetsFocus(true)
		}
	}
	parts = append(parts,
		caption("Pay period", sel),
		hintLabel("Latest first. Left and Right choose another period."),
		sel,
		heading("Pay period "+period.Label()),
	)
	sheets, err := u.svc.Timesheets(u.account.ID, period.From, period.To)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), sel, nil)
		return
	}
	pas, err := u.svc.PAs(u.account.ID)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), sel, nil)
		return
	}
	var first fyne.Focusable
	for _, p := range pas {
		if !p.EmployedIn(period) {
			continue
		}
		status := "Not started"
		for _, ts := range sheets {
			if ts.PAID == p.ID && ts.From == period.From {
				status = ts.StatusText()
			}
		}
		id := p.ID
		open := newKeyButton("Open "+p.Name+"'s timesheet", theme.DocumentIcon(), func() { u.openTimesheet(id, period.From) })
		open.Alignment = widget.ButtonAlignLeading
		if first == nil {
			first = open
		}
		parts = append(parts, open, hintLabel(p.Name+": "+status))
	}
	if first == nil {
		parts = append(parts, wrapLabel("No PA worked for you in this pay period."))
		first = sel
	}
	if focusPeriod {
		first = sel
	}
	u.showPage(page(parts...), first, nil)
}

// openTimesheet opens (making it from the rota when new) the PA's
// timesheet for the pay period containing day.
func (u *UI) openTimesheet(paID int64, day civil.Date) {
	ts, err := u.svc.OpenTimesheet(u.account.ID, paID, day)
	if err != nil {
		u.showError(err)
		return
	}
	u.showTimesheet(ts, "")
}

// tsRow is one editable line of a draft timesheet.
type tsRow struct {
	shiftID                                             int64
	retained                                            bool
	date, start, end, brk, woken, miles, expenses, note *keyEntry
	typ                                                 *keySelect
	title                                               *widget.Label
	box                                                 *fyne.Container
	// problem is the line's own problems, under it, after a failed save.
	problem *widget.Label
}

// timesheetPage is the timesheet in view.
type timesheetPage struct {
	u       *UI
	ts      rota.Timesheet
	name    string
	f       *form // for Enter, Ctrl+S and Escape
	rows    []*tsRow
	rowsBox *fyne.Container
	note    *keyEntry
	problem *widget.Label
	add     *keyButton
	scroll  *container.Scroll // the page
	// asked is set for one save when the person said a line the page
	// asked about is right.
	asked bool
}

// lineProblem is one box of a timesheet line that could not be read.
type lineProblem struct {
	row   *tsRow
	focus fyne.Focusable
	msg   string // "Line 2: …"
}

// showTimesheet shows a timesheet: its lines (editable while a draft),
// how they differ from the rota, the totals and the pay, and the actions
// its status allows.
func (u *UI) showTimesheet(ts rota.Timesheet, notice string) {
	pa, err := u.svc.PA(ts.PAID)
	if err != nil {
		u.showError(err)
		return
	}
	tp := &timesheetPage{u: u, ts: ts, name: pa.Name, problem: errorLabel()}
	back := func() {
		u.rotaState().period = household.PayPeriod{}
		for _, p := range u.periodsAround(ts.From) {
			if p.From == ts.From {
				u.rotaState().period = p
			}
		}
		u.showTimesheets()
	}
	escape := func() {
		if tp.changed() {
			u.askFirst("Leave without saving?", "You have changed this timesheet. Leave without saving the changes?", "Yes, leave without saving", back)
			return
		}
		back()
	}
	tp.f = newForm(u, "", "")
	tp.f.save = func() error { tp.save(); return nil }
	tp.f.cancel = escape

	backBtn := rotaBackButton("Back to timesheets", escape)
	parts := []fyne.CanvasObject{
		pageTitle("Timesheet: " + pa.Name),
		facts(
			fact{"PA", pa.Name},
			fact{"Pay period", ts.From.UK() + " to " + ts.To.UK()},
			fact{"Status", ts.StatusText()},
		),
	}
	if notice != "" {
		parts = append(parts, rotaNotice(notice))
	}
	parts = append(parts, tp.problem)

	var first fyne.Focusable = backBtn
	var actions []fyne.CanvasObject
	switch ts.Status {
	case rota.Draft:
		sign := newKeyButton("PA signs…", theme.DocumentCreateIcon(), tp.sign)
		sign.Importance = widget.HighImportance
		save := newKeyButton("Save changes", theme.DocumentSaveIcon(), tp.save)
		actions = append(actions, sign, save)
		first = sign
	case rota.Signed:
		approve := newKeyButton("Approve…", theme.ConfirmIcon(), func() { u.showApproveForm(ts, pa.Name) })
		approve.Importance = widget.HighImportance
		ret := newKeyButton("Return to draft…", theme.ContentUndoIcon(), func() {
			u.askFirst("Return to draft?", "The PA's signature will be removed so the timesheet can be corrected. The PA then signs it again.", "Yes, return it to draft", func() {
				saved, err := u.svc.ReturnTimesheet(ts.ID)
				if err != nil {
					u.showError(err)
					return
				}
				u.showTimesheet(saved, "Returned to draft. The PA's signature has been removed.")
			})
		})
		actions = append(actions, approve, ret)
		first = approve
	case rota.Approved:
		lock := newKeyButton("Mark as paid (lock)…", theme.ConfirmIcon(), func() {
			u.askFirst("Mark as paid and lock?", "Do this once "+pa.Name+" has been paid for this timesheet. A locked timesheet can never be changed: corrections go on the next timesheet.", "Yes, lock it", func() {
				saved, err := u.svc.LockTimesheet(ts.ID)
				if err != nil {
					u.showError(err)
					return
				}
				u.showTimesheet(saved, "Marked as paid and locked.")
			})
		})
		lock.Importance = widget.HighImportance
		actions = append(actions, lock)
		first = lock
	}
	actions = append(actions, backBtn)
	for _, a := range actions {
		if b, ok := a.(*keyButton); ok && b.onEscape == nil {
			b.onEscape = escape
		}
	}
	parts = append(parts, buttonRow(actions...))
	switch ts.Status {
	case rota.Draft:
		parts = append(parts, hintLabel("Change any line that was different from the rota, then press \"Save changes\" (or Enter in a box). When it is right, the PA reads it and signs."))
	case rota.Signed:
		parts = append(parts, hintLabel("The PA has signed. Check it and approve it, or return it to draft if something needs correcting."))
	case rota.Approved:
		parts = append(parts, hintLabel("Approved: it can no longer be changed. Once the PA has been paid, mark it as paid to lock it."))
	case rota.Locked:
		parts = append(parts, hintLabel("This timesheet has been paid and is locked, so it can't be changed. Corrections go on the next timesheet."))
	}
	if ts.SignedName != "" {
		parts = append(parts, wrapLabel(fmt.Sprintf("Signed by the PA: \"%s\" on %s, confirming it is a true record of the hours they worked.", ts.SignedName, ts.SignedOn.UK())))
	}
	if ts.ApprovedBy != "" {
		parts = append(parts, wrapLabel(fmt.Sprintf("Approved by %s on %s.", ts.ApprovedBy, ts.ApprovedOn.UK())))
	}

	diffs := ts.Differences()
	parts = append(parts, heading("Differences from the rota"))
	if len(diffs) == 0 {
		parts = append(parts, wrapLabel("✔ None: every line is as planned on the rota."))
	}
	for _, d := range diffs {
		parts = append(parts, warning(fmt.Sprintf("Line %s: %s", lineRef(d.Entry), d.Message)))
	}

	parts = append(parts, heading("Lines"))
	if ts.Status == rota.Draft {
		tp.rowsBox = container.NewVBox()
		for i, e := range ts.Entries {
			tp.rows = append(tp.rows, tp.newRow(e))
			tp.rowsBox.Add(tp.rows[i].box)
		}
		tp.renumber(diffs)
		tp.add = newKeyButton("Add a line for work not on the rota", theme.ContentAddIcon(), func() {
			row := tp.newRow(rota.Entry{Type: rota.Day})
			tp.rows = append(tp.rows, row)
			tp.rowsBox.Add(row.box)
			tp.renumber(nil)
			u.focus(row.date)
		})
		tp.add.onEscape = escape
		tp.note = tp.f.entry(ts.Note, "")
		parts = append(parts, tp.rowsBox, buttonRow(tp.add),
			caption("Note on the timesheet", tp.note), tp.note)
	} else {
		if len(ts.Entries) == 0 {
			parts = append(parts, wrapLabel("No lines."))
		}
		for i, e := range ts.Entries {
			parts = append(parts, wrapLabel(fmt.Sprintf("Line %d: %s", i+1, entryText(e))))
		}
		if ts.Note != "" {
			parts = append(parts, facts(fact{"Note", ts.Note}))
		}
	}

	parts = append(parts, heading("Totals"))
	if ts.Status == rota.Draft {
		parts = append(parts, hintLabel("The totals and pay are of the saved lines: save changes to bring them up to date."))
	}
	parts = append(parts, totalsFacts(ts.Totals()))
	parts = append(parts, heading("Pay"))
	parts = append(parts, u.payParts(ts)...)

	pg := page(parts...)
	tp.scroll, _ = pg.(*container.Scroll)
	u.showPage(pg, first, escape)
	u.setForm(tp.f)
	u.rotaState().sheet = tp
}

// lineRef is a line number from 0, or "—" for a shift missing from the
// timesheet.
func lineRef(i int) string {
	if i < 0 {
		return "—"
	}
	return fmt.Sprint(i + 1)
}

// periodsAround returns the pay periods around d.
func (u *UI) periodsAround(d civil.Date) []household.PayPeriod {
	ps, _ := u.svc.PayPeriods(u.account.ID, d, d)
	return ps
}

// newRow makes the editable line for e.
func (tp *timesheetPage) newRow(e rota.Entry) *tsRow {
	f := tp.f
	r := &tsRow{shiftID: e.ShiftID, retained: e.Retained, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), problem: errorLabel()}
	set := !e.Start.IsZero()
	txt := func(s string) string {
		if !set {
			return ""
		}
		return s
	}
	r.date = f.entry(txt(londonDate(e.Start).UK()), "DD/MM/YYYY")
	r.start = f.entry(txt(londonClock(e.Start)), "08:00")
	r.end = f.entry(txt(londonClock(e.End)), "12:00")
	r.brk = f.entry(minutesText(e.BreakMinutes), "0")
	r.woken = f.entry(minutesText(e.WokenMinutes), "0")
	r.miles = f.entry(milesText(e.MileageTenths), "0")
	r.expenses = f.entry(formatMoneyEntry(e.Expenses, true), "£0.00")
	r.note = f.entry(e.Note, "")
	var types []string
	ti := 0
	for i, t := range rota.ShiftTypes {
		types = append(types, t.Label())
		if t == e.Type {
			ti = i
		}
	}
	r.typ = newKeySelect(types, nil)
	r.typ.SetSelectedIndex(ti)
	r.typ.onEnter, r.typ.onEscape = f.Submit, f.Cancel
	remove := newKeyButton("Remove this line", theme.DeleteIcon(), func() {
		for i, o := range tp.rows {
			if o == r {
				tp.rows = append(tp.rows[:i], tp.rows[i+1:]...)
				tp.rowsBox.Remove(r.box)
				break
			}
		}
		tp.renumber(nil)
		tp.u.focus(tp.add)
	})
	remove.onEscape = f.Cancel
	cell := func(label string, box speakingBox) fyne.CanvasObject {
		return tableCell(label, box, r.title, r.problem)
	}
	cells := []fyne.CanvasObject{
		cell("Date", r.date), cell("Start", r.start), cell("End", r.end), cell("Type", r.typ),
		cell("Break (minutes)", r.brk), cell("Woken (minutes)", r.woken), cell("Mileage (miles)", r.miles),
		cell("Expenses (£)", r.expenses), cell("Note", r.note),
	}
	planned := "Not on the rota: work added to the timesheet."
	for _, s := range tp.ts.Rota {
		if s.ID == e.ShiftID && e.ShiftID != 0 {
			planned = "Planned on the rota: " + shiftSentence(s, map[int64]string{s.PAID: tp.name})
		}
	}
	if r.retained {
		planned += " Retained: paid but not worked, during a hospital stay."
	}
	r.box = container.NewVBox(r.title, hintLabel(planned), container.NewVBox(), container.NewGridWrap(maxMinSize(cells).Max(fyne.NewSize(170, 0)), cells...), r.problem, buttonRow(remove), widget.NewSeparator())
	return r
}

// renumber titles the lines and puts the differences (from the saved
// timesheet) beside their lines.
func (tp *timesheetPage) renumber(diffs []rota.Difference) {
	for i, r := range tp.rows {
		r.title.SetText(fmt.Sprintf("Line %d", i+1))
		if diffs == nil {
			continue
		}
		marks := r.box.Objects[2].(*fyne.Container)
		marks.RemoveAll()
		for _, d := range diffs {
			if d.Entry == i {
				if d.Kind == rota.DiffAdded {
					marks.Add(warning(d.Message))
				} else {
					marks.Add(warning("changed: " + d.Message))
				}
			}
		}
	}
	tp.rowsBox.Refresh()
}

// read returns the lines as typed, one entry for each line (as far as it
// could be read), and every box that can't be read, line by line, each
// with a message naming its line.
func (tp *timesheetPage) read() ([]rota.Entry, []lineProblem) {
	var out []rota.Entry
	var problems []lineProblem
	for i, r := range tp.rows {
		n := i + 1
		bad := false
		fail := func(focus fyne.Focusable, format string, a ...any) {
			problems = append(problems, lineProblem{row: r, focus: focus, msg: fmt.Sprintf("Line %d: %s", n, fmt.Sprintf(format, a...))})
			bad = true
		}
		d, err := parseDate(r.date.Text)
		switch {
		case err != nil:
			fail(r.date, "%s", service.ErrorMessage(err))
		case d.IsZero():
			fail(r.date, "type the date, as DD/MM/YYYY.")
		}
		sm, err := readClock(r.start.Text, "start")
		if err != nil {
			fail(r.start, "%s", service.ErrorMessage(err))
		}
		em, err := readClock(r.end.Text, "end")
		if err != nil {
			fail(r.end, "%s", service.ErrorMessage(err))
		}
		e := rota.Entry{ShiftID: r.shiftID, Retained: r.retained, Type: typeOf(r.typ)}
		if !bad {
			if e.Start, err = rota.LocalTime(d, sm); err != nil {
				fail(r.start, "%s", service.ErrorMessage(err))
			} else if e.End, err = rota.LocalTime(rota.EndDay(d, sm, em), em); err != nil {
				fail(r.end, "%s", service.ErrorMessage(err))
			}
		}
		if e.BreakMinutes, err = parseWholeNumber(r.brk.Text); err != nil {
			fail(r.brk, "break: %s", service.ErrorMessage(err))
		}
		if e.WokenMinutes, err = parseWholeNumber(r.woken.Text); err != nil {
			fail(r.woken, "woken time: %s", service.ErrorMessage(err))
		}
		if e.MileageTenths, err = parseMiles(r.miles.Text); err != nil {
			fail(r.miles, "%s", service.ErrorMessage(err))
		}
		if e.Expenses, err = parseMoney(r.expenses.Text); err != nil {
			fail(r.expenses, "expenses: %s", service.ErrorMessage(err))
		}
		e.Note = r.note.Text
		out = append(out, e)
	}
	return out, problems
}

// changed reports whether the lines or note typed differ from the saved
// timesheet (a line that can't be read counts as a change).
func (tp *timesheetPage) changed() bool {
	if tp.ts.Status != rota.Draft || tp.note == nil {
		return false
	}
	es, problems := tp.read()
	return len(problems) > 0 || tp.note.Text != tp.ts.Note || !rota.SameEntries(es, tp.ts.Entries)
}

// store saves the lines typed, then calls then with the timesheet saved
// (at once when nothing needed saving). Every problem of every line is
// shown under its line at once: the boxes that can't be read and what the
// check says of the other lines. A line that would run past midnight or
// be very long (rota.Entry.Doubt) is asked about first, with the focus on
// "No, change it".
func (tp *timesheetPage) store(then func(rota.Timesheet)) {
	tp.problem.Hide()
	for _, r := range tp.rows {
		r.problem.Hide()
	}
	if !tp.changed() {
		then(tp.ts)
		return
	}
	es, problems := tp.read()
	unread := map[*tsRow]bool{}
	for _, p := range problems {
		unread[p.row] = true
	}
	problems = append(problems, tp.lineProblems(tp.u.svc.CheckTimesheetEntries(es), unread)...)
	if len(problems) > 0 {
		tp.showLineProblems(tp.inLineOrder(problems))
		return
	}
	if !tp.asked {
		var doubts []string
		var first *tsRow
		for i, e := range es {
			if doubt := e.Doubt(); doubt != "" && !tp.saved(e) {
				doubts = append(doubts, fmt.Sprintf("Line %d %s", i+1, doubt))
				if first == nil {
					first = tp.rows[i]
				}
			}
		}
		if len(doubts) > 0 {
			tp.u.focus(first.end) // where "No, change it" leaves the focus
			tp.u.askFirstNo("Is this line right?", strings.Join(doubts, "\n")+"\n\nIs that right?", "No, change it", "Yes, save it", func() {
				tp.asked = true
				tp.store(then)
			})
			return
		}
	}
	tp.asked = false
	saved, err := tp.u.svc.SetTimesheetEntries(tp.ts.ID, es, tp.note.Text)
	if err != nil {
		if !service.IsInput(err) {
			tp.u.showError(err)
			return
		}
		if p := tp.lineProblems(err, nil); len(p) > 0 {
			tp.showLineProblems(p)
			return
		}
		tp.showProblem(service.ErrorMessage(err))
		return
	}
	then(saved)
}

// saved reports whether e is one of the saved timesheet's lines as it is.
func (tp *timesheetPage) saved(e rota.Entry) bool {
	for _, o := range tp.ts.Entries {
		if e.Equal(o) {
			return true
		}
	}
	return false
}

// lineProblems are the problems err gives on the lines (rota.LineField),
// each under its line with the focus on its date, leaving out the lines
// in skip (their boxes could not be read).
func (tp *timesheetPage) lineProblems(err error, skip map[*tsRow]bool) []lineProblem {
	var out []lineProblem
	for _, fe := range field.Of(err) {
		for i, r := range tp.rows {
			if fe.Field == rota.LineField(i+1) && !skip[r] {
				out = append(out, lineProblem{row: r, focus: r.start, msg: fe.Message})
			}
		}
	}
	return out
}

// inLineOrder sorts problems by their line, keeping their order within a
// line.
func (tp *timesheetPage) inLineOrder(problems []lineProblem) []lineProblem {
	var out []lineProblem
	for _, r := range tp.rows {
		for _, p := range problems {
			if p.row == r {
				out = append(out, p)
			}
		}
	}
	return out
}

// showProblem shows why the lines were not saved at the top of the page,
// and scrolls to it.
func (tp *timesheetPage) showProblem(msg string) {
	tp.problem.SetText("⚠ Not saved: " + msg)
	tp.problem.Show()
	tp.relayout()
	revealRect(nil, tp.problem, fyne.Position{}, tp.problem.Size())
}

// showLineProblems shows every box that can't be read at once: all of
// them at the top, and each line's under that line. The focus goes to
// the first, which is scrolled into view with its message.
func (tp *timesheetPage) showLineProblems(problems []lineProblem) {
	var all []string
	byRow := map[*tsRow][]string{}
	for _, p := range problems {
		all = append(all, p.msg)
		byRow[p.row] = append(byRow[p.row], "⚠ "+p.msg)
	}
	for r, msgs := range byRow {
		r.problem.SetText(strings.Join(msgs, "\n"))
		r.problem.Show()
	}
	what := "1 thing needs"
	if len(problems) > 1 {
		what = fmt.Sprintf("%d things need", len(problems))
	}
	tp.problem.SetText("⚠ Not saved: " + what + " putting right.\n• " + strings.Join(all, "\n• "))
	tp.problem.Show()
	tp.relayout()
	first := problems[0]
	tp.u.focus(first.focus)
	if obj, ok := first.focus.(fyne.CanvasObject); ok {
		// From the box to the line's messages under it.
		top := pathTo(first.row.box, obj)
		var y float32
		for _, o := range top[1:] {
			y += o.Position().Y
		}
		bottom := first.row.problem.Position().Y + first.row.problem.Size().Height
		revealRect(nil, first.row.box, fyne.NewPos(0, y), fyne.NewSize(first.row.box.Size().Width, bottom-y))
	}
}

// relayout lays the page out again at once after messages are shown.
func (tp *timesheetPage) relayout() {
	if tp.rowsBox != nil {
		tp.rowsBox.Refresh()
	}
	if tp.scroll != nil {
		tp.scroll.Refresh()
	}
}

// save is "Save changes".
func (tp *timesheetPage) save() {
	if !tp.changed() {
		tp.u.showTimesheet(tp.ts, "Nothing had changed, so nothing needed saving.")
		return
	}
	tp.store(func(saved rota.Timesheet) { tp.u.showTimesheet(saved, "Changes saved.") })
}

// sign saves any changes, then opens the PA's declaration.
func (tp *timesheetPage) sign() {
	tp.store(func(saved rota.Timesheet) { tp.u.showSignForm(saved, tp.name) })
}

// showSignForm is the PA's declaration: they type their full name.
func (u *UI) showSignForm(ts rota.Timesheet, name string) {
	typed := ""
	on := u.rotaToday()
	f := newForm(u, "The PA signs the timesheet", fmt.Sprintf("Timesheet of %s for %s to %s. %s reads it, then types their full name as their signature.", name, ts.From.UK(), ts.To.UK(), name))
	decl := wrapLabel("\"I confirm this timesheet is a true record of the hours I worked.\"")
	decl.TextStyle.Bold = true
	f.rows.Add(decl)
	f.text("signed_name", "The PA's full name", "Typed by the PA: "+name+".", &typed)
	f.date("signed_on", "Date signed", "", &on, false)
	u.showTimesheetStep(f, ts, "Sign", func() (rota.Timesheet, error) { return u.svc.SignTimesheet(ts.ID, typed, on) },
		func(saved rota.Timesheet) string {
			return fmt.Sprintf("Signed by %s on %s.", saved.SignedName, saved.SignedOn.UK())
		})
}

// showTimesheetStep shows f, a form that moves ts a step on: Save (saveText)
// does step and shows the saved timesheet with its notice; Cancel goes
// back to ts.
func (u *UI) showTimesheetStep(f *form, ts rota.Timesheet, saveText string, step func() (rota.Timesheet, error), notice func(rota.Timesheet) string) {
	f.saveText = saveText
	f.save = func() error {
		saved, err := step()
		if err != nil {
			return rotaSaveError(f, err)
		}
		u.showTimesheet(saved, notice(saved))
		return nil
	}
	f.cancel = func() { u.showTimesheet(ts, "") }
	u.showForm(f)
}

// showApproveForm records your approval of a signed timesheet.
func (u *UI) showApproveForm(ts rota.Timesheet, name string) {
	by := u.account.ManagedBy
	if by == "" {
		if e, ok, err := u.svc.Employer(u.account.ID); err == nil && ok {
			by = e.Name
		}
	}
	on := u.rotaToday()
	f := newForm(u, "Approve the timesheet", fmt.Sprintf("Timesheet of %s for %s to %s, signed by the PA on %s. Check the hours are right: once approved it can't be changed, and corrections go on the next timesheet.", name, ts.From.UK(), ts.To.UK(), ts.SignedOn.UK()))
	f.text("approved_by", "Approved by", "Your name, or the name of the person who manages the direct payment.", &by)
	if early := ts.EarlyApproval(on); early != "" {
		f.rows.Add(warning(early))
	}
	f.date("approved_on", "Date approved", "", &on, false)
	u.showTimesheetStep(f, ts, "Approve", func() (rota.Timesheet, error) { return u.svc.ApproveTimesheet(ts.ID, by, on) },
		func(saved rota.Timesheet) string {
			return fmt.Sprintf("Approved by %s on %s.", saved.ApprovedBy, saved.ApprovedOn.UK())
		})
	// Approving before the period ends is asked about first.
	approve := f.save
	var sure civil.Date // the approval date the person said yes for
	f.save = func() error {
		if early := ts.EarlyApproval(on); early != "" && on != sure {
			u.askFirst("Approve before the pay period ends?", early, "Yes, approve it now", func() {
				sure = on
				f.Submit()
			})
			return errLater
		}
		return approve()
	}
}

// entryText is a read-only line: "Monday 16/11/2026, 08:00 to 12:00, day
// shift, 4 hours, break 30 minutes, 12.5 miles, £3.20 expenses".
func entryText(e rota.Entry) string {
	end := londonClock(e.End)
	if d := londonDate(e.End); d != londonDate(e.Start) {
		end += " on " + dayAndDate(d)
	}
	s := fmt.Sprintf("%s, %s to %s, %s, %s", dayAndDate(londonDate(e.Start)), londonClock(e.Start), end, e.Type.Phrase(), text.Hours(e.Minutes()))
	if e.BreakMinutes > 0 {
		s += ", break " + text.Hours(e.BreakMinutes)
	}
	if e.WokenMinutes > 0 {
		s += ", woken for " + text.Hours(e.WokenMinutes)
	}
	if e.Retained {
		s += ", retained (paid, not worked)"
	}
	if e.MileageTenths > 0 {
		s += ", " + milesText(e.MileageTenths) + " miles"
	}
	if e.Expenses > 0 {
		s += ", " + e.Expenses.Format() + " expenses"
	}
	if e.Note != "" {
		s += ". Note: " + e.Note
	}
	return s
}

// totalsFacts shows a timesheet's totals.
func totalsFacts(t rota.Totals) fyne.CanvasObject {
	rows := []fact{
		{"Shifts worked", fmt.Sprint(t.Shifts)},
		{"Hours paid by the hour", text.Hours(t.PaidMinutes)},
		{"Of which day", text.Hours(t.DayMinutes)},
		{"Of which waking night", text.Hours(t.WakingNightMinutes)},
		{"Of which weekend", text.Hours(t.WeekendMinutes)},
		{"Of which bank holiday", text.Hours(t.BankHolidayMinutes)},
		{"Sleep-ins", fmt.Sprintf("%d, woken for %s in all", t.SleepIns, text.Hours(t.WokenMinutes))},
	}
	if t.RetainedMinutes > 0 || t.RetainedSleepIns > 0 {
		rows = append(rows, fact{"Retained (paid, not worked)", fmt.Sprintf("%s and %d sleep-ins", text.Hours(t.RetainedMinutes), t.RetainedSleepIns)})
	}
	rows = append(rows, fact{"Mileage", max(milesText(t.MileageTenths), "0") + " miles"}, fact{"Expenses", t.Expenses.Format()})
	return facts(rows...)
}

// payParts shows the gross pay the timesheet earns at the contract rates.
func (u *UI) payParts(ts rota.Timesheet) []fyne.CanvasObject {
	pay, err := u.svc.TimesheetPay(ts)
	if err != nil {
		return []fyne.CanvasObject{warning("Pay can't be worked out yet: " + service.ErrorMessage(err))}
	}
	var rows []fact
	for _, l := range pay.Lines {
		name := l.Class.Label()
		if l.Retained {
			name += " (retained)"
		}
		if l.Class == rota.ClassSleepIn {
			rows = append(rows, fact{name, fmt.Sprintf("%d at %s = %s", l.Count, l.Rate.Format(), l.Amount.Format())})
		} else {
			rows = append(rows, fact{name, fmt.Sprintf("%s at %s an hour = %s", text.Hours(l.Minutes), l.Rate.Format(), l.Amount.Format())})
		}
	}
	rows = append(rows, fact{"Gross pay", pay.Total.Format() + " (before tax, National Insurance and pension)"})
	rows = append(rows, fact{"Expenses to pay back", pay.Expenses.Format()})
	return []fyne.CanvasObject{facts(rows...)}
}

// milesText shows tenths of a mile: 125 is "12.5"; 0 is "".
func milesText(tenths int) string {
	if tenths == 0 {
		return ""
	}
	if tenths%10 == 0 {
		return fmt.Sprint(tenths / 10)
	}
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

// parseMiles reads miles with at most one decimal place as tenths.
func parseMiles(s string) (int, error) {
	m, ok := text.ParseMiles(s)
	if !ok {
		return 0, typed("%q is not a number of miles. Type miles with at most one decimal place, like 12.5.", s)
	}
	return m, nil
}
