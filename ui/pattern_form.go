package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/service"
)

// fillWeeks is how far a new pattern fills the rota unless told.
const fillWeeks = 12

func cycleLabel(c int) string {
	if c == 2 {
		return "Every 2 weeks (fortnightly)"
	}
	return "Every week"
}

// showPatterns lists the budget's patterns with what can be done to each.
func (u *UI) showPatterns() { u.showPatternsNotice("") }

func (u *UI) showPatternsNotice(notice string) {
	u.rotaState().onWeek = false
	back := rotaBackButton("Back to the rota", u.showRota)
	add := newKeyButton("New pattern", theme.ContentAddIcon(), func() { u.showPatternForm(rota.Pattern{Cycle: 1}) })
	add.onEscape = u.showRota
	parts := []fyne.CanvasObject{
		pageTitle("Patterns"),
		wrapLabel("A pattern is the usual week (or fortnight) of shifts. It fills the rota for the dates you choose; you can still change any one shift by hand, and a refill leaves those alone."),
	}
	if notice != "" {
		parts = append(parts, rotaNotice(notice))
	}
	parts = append(parts, buttonRow(back, add))
	pats, err := u.svc.Patterns(u.account.ID)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), add, u.showRota)
		return
	}
	names := u.paNames()
	if len(pats) == 0 {
		parts = append(parts, wrapLabel("No patterns yet. Press \"New pattern\" to make one."))
	}
	for _, p := range pats {
		p := p
		until := "No end date"
		if !p.Until.IsZero() {
			until = p.Until.UK()
		}
		var lines []string
		for _, e := range p.Entries {
			lines = append(lines, names[e.PAID]+": "+e.Label(p.Cycle))
		}
		edit := newKeyButton("Edit", theme.DocumentCreateIcon(), func() { u.showPatternForm(p) })
		change := newKeyButton("Change from a date…", theme.HistoryIcon(), func() { u.showPatternChange(p) })
		fill := newKeyButton("Fill the rota again…", theme.ViewRefreshIcon(), func() { u.showPatternFill(p) })
		for _, b := range []*keyButton{edit, change, fill} {
			b.onEscape = u.showRota
		}
		parts = append(parts,
			heading(p.Name),
			facts(fact{"Repeats", cycleLabel(p.Cycle)}, fact{"From", p.From.UK()}, fact{"Until", until}),
			wrapLabel(strings.Join(lines, "\n")),
			buttonRow(edit, change, fill),
		)
	}
	u.showPage(page(parts...), add, u.showRota)
}

// patternRows is the table of a pattern's shifts in a form: one row of
// boxes per shift, with buttons to add and remove rows.
type patternRows struct {
	f      *form
	pas    []household.PA
	rows   []*patternRow
	box    *fyne.Container
	add    *keyButton
	nextID int64
	// bad is, from the last read, the first box of each row that could
	// not be read, by the row's field.
	bad map[string]fyne.Focusable
}

type patternRow struct {
	id                 int64
	pa, week, day, typ *keySelect
	start, end, brk    *keyEntry
	remove             *keyButton
	title              *widget.Label
	box                fyne.CanvasObject
}

func newPatternRows(f *form, pas []household.PA, entries []rota.PatternEntry) *patternRows {
	t := &patternRows{f: f, pas: pas, box: container.NewVBox()}
	for _, e := range entries {
		t.nextID = max(t.nextID, e.ID)
	}
	t.add = newKeyButton("Add a shift to the pattern", theme.ContentAddIcon(), func() {
		row := t.newRow(rota.PatternEntry{Week: 1, Weekday: time.Monday, Type: rota.Day})
		t.rows = append(t.rows, row)
		t.layout()
		f.u.focus(row.pa)
	})
	t.add.onEscape = f.Cancel
	for _, e := range entries {
		t.rows = append(t.rows, t.newRow(e))
	}
	t.layout()
	return t
}

func (t *patternRows) newRow(e rota.PatternEntry) *patternRow {
	if e.ID == 0 {
		t.nextID++
		e.ID = t.nextID
	}
	r := &patternRow{id: e.ID, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	sel := func(options []string, i int) *keySelect {
		s := newKeySelect(options, nil)
		if i >= 0 && i < len(options) {
			s.SetSelectedIndex(i)
		}
		s.onEnter, s.onEscape = t.f.Submit, t.f.Cancel
		return s
	}
	var paNames []string
	paIdx := -1
	for i, p := range t.pas {
		paNames = append(paNames, p.Name)
		if p.ID == e.PAID {
			paIdx = i
		}
	}
	r.pa = sel(paNames, paIdx)
	r.week = sel([]string{"Week 1", "Week 2"}, e.Week-1)
	var days []string
	dayIdx := 0
	for i, d := range weekdaysMonFirst {
		days = append(days, d.String())
		if d == e.Weekday {
			dayIdx = i
		}
	}
	r.day = sel(days, dayIdx)
	var types []string
	typeIdx := 0
	for i, st := range rota.ShiftTypes {
		types = append(types, st.Label())
		if st == e.Type {
			typeIdx = i
		}
	}
	r.typ = sel(types, typeIdx)
	clockText := func(m int, set bool) string {
		if !set {
			return ""
		}
		return rota.FormatClock(m)
	}
	set := e.Start != 0 || e.End != 0
	r.start = t.f.entry(clockText(e.Start, set), "08:00")
	r.end = t.f.entry(clockText(e.End, set), "12:00")
	r.brk = t.f.entry(minutesText(e.BreakMinutes), "0")
	r.remove = newKeyButton("Remove this shift", theme.DeleteIcon(), func() {
		for i, o := range t.rows {
			if o == r {
				t.rows = append(t.rows[:i], t.rows[i+1:]...)
				break
			}
		}
		t.layout()
		t.f.u.focus(t.add)
	})
	r.remove.onEscape = t.f.Cancel
	cell := func(label string, box speakingBox) fyne.CanvasObject { return tableCell(label, box, r.title, nil) }
	cells := []fyne.CanvasObject{
		cell("PA", r.pa), cell("Week", r.week), cell("Day", r.day), cell("Start", r.start),
		cell("End", r.end), cell("Type", r.typ), cell("Break (minutes)", r.brk),
	}
	r.box = container.NewVBox(r.title, container.NewGridWrap(maxMinSize(cells).Max(fyne.NewSize(160, 0)), cells...), buttonRow(r.remove))
	return r
}

func (t *patternRows) layout() {
	t.box.RemoveAll()
	if len(t.rows) == 0 {
		t.box.Add(wrapLabel("No shifts in the pattern yet."))
	}
	for i, r := range t.rows {
		r.title.SetText(fmt.Sprintf("Shift %d", i+1))
		t.box.Add(r.box)
	}
	t.box.Add(buttonRow(t.add))
	t.box.Refresh()
}

// first is the first box of the table, for the focus.
func (t *patternRows) first() fyne.Focusable {
	if len(t.rows) > 0 {
		return t.rows[0].pa
	}
	return t.add
}

// read returns the entries typed, one for each row, and every box that
// can't be read, each on its row's field (rota.EntryField) with the box to
// focus. A row that can't be read is still given (as far as it could be
// read), so the rows after it keep their numbers.
func (t *patternRows) read() ([]rota.PatternEntry, household.Problems) {
	var out []rota.PatternEntry
	var problems household.Problems
	t.bad = map[string]fyne.Focusable{}
	for i, r := range t.rows {
		n := i + 1
		name := rota.EntryField(n)
		fail := func(focus fyne.Focusable, format string, a ...any) {
			problems.Add(name, format, a...)
			if t.bad[name] == nil {
				t.bad[name] = focus
			}
		}
		e := rota.PatternEntry{ID: r.id, Week: max(r.week.SelectedIndex()+1, 1)}
		if pi := r.pa.SelectedIndex(); pi < 0 || pi >= len(t.pas) {
			fail(r.pa, "Shift %d: choose the PA who works it.", n)
		} else {
			e.PAID = t.pas[pi].ID
		}
		if di := r.day.SelectedIndex(); di < 0 || di >= len(weekdaysMonFirst) {
			fail(r.day, "Shift %d: choose the day of the week.", n)
		} else {
			e.Weekday = weekdaysMonFirst[di]
		}
		var err error
		if e.Start, err = readClock(r.start.Text, "start"); err != nil {
			fail(r.start, "Shift %d: %s", n, service.ErrorMessage(err))
		}
		if e.End, err = readClock(r.end.Text, "end"); err != nil {
			fail(r.end, "Shift %d: %s", n, service.ErrorMessage(err))
		}
		e.Type = rota.ShiftTypes[max(r.typ.SelectedIndex(), 0)]
		if e.BreakMinutes, err = parseWholeNumber(r.brk.Text); err != nil {
			fail(r.brk, "Shift %d, break: %s", n, service.ErrorMessage(err))
		}
		out = append(out, e)
	}
	return out, problems
}

// part is the box to focus for a problem on name (rota.EntryField of a
// row): the first box of that row that could not be read, or its PA.
func (t *patternRows) part(name string) (fyne.Focusable, bool) {
	for i, r := range t.rows {
		if rota.EntryField(i+1) == name {
			if b := t.bad[name]; b != nil {
				return b, true
			}
			return r.pa, true
		}
	}
	return nil, false
}

// field adds the table to the form as one field, read as entries; a
// problem with one shift is shown under the table, naming the shift.
func (t *patternRows) field(dst *[]rota.PatternEntry) {
	fld := t.f.add("entries", "The shifts of the pattern", "One row for each shift of the week (or fortnight). An end at or before the start means the next day.", t.box, t.first(), func() error {
		e, problems := t.read()
		*dst = e
		return problems.Err()
	})
	fld.parts = t.part
}

// showPatternForm makes a new pattern or edits one, and fills the rota.
func (u *UI) showPatternForm(p rota.Pattern) {
	pas, today, ok := u.patternPAs()
	if !ok {
		return
	}
	isNew := p.ID == 0
	if p.From.IsZero() {
		p.From = rota.WeekStart(today).AddDays(7)
	}
	if p.Cycle == 0 {
		p.Cycle = 1
	}
	title := "New pattern"
	if !isNew {
		title = "Edit pattern: " + p.Name
	}
	f := newForm(u, title, "Changes here apply from the pattern's start date. To change the pattern from a later date, keeping the rota before it, use \"Change from a date…\" instead.")
	f.text("name", "Name", "For example: Weekday mornings.", &p.Name)
	choice(f, "cycle", "Repeats", "", []int{1, 2}, cycleLabel, &p.Cycle, nil)
	f.date("from", "Starting date", "For a fortnightly pattern, week 1 is the week (from Monday) of this date.", &p.From, false)
	f.date("until", "Last date", "Leave blank if it carries on.", &p.Until, true)
	rows := newPatternRows(f, pas, p.Entries)
	rows.field(&p.Entries)
	fillFrom, fillTo := p.From, civil.Date{}
	if fillFrom.Before(today) {
		fillFrom = rota.WeekStart(today)
	}
	f.heading("Fill the rota")
	f.date("fill_from", "Fill the rota from", "", &fillFrom, false)
	f.date("fill_to", "Fill the rota to", fmt.Sprintf("Blank: %d weeks from the first day.", fillWeeks), &fillTo, true)
	f.validate = func() error {
		q := p
		q.Anchor = rota.WeekStart(q.From)
		if q.From.IsZero() {
			q.Anchor = civil.Date{}
		}
		return u.svc.CheckPattern(q, fillFrom, fillEnd(fillFrom, fillTo))
	}
	u.showPatternStep(f, "Save and fill the rota", func() (string, error) {
		p.Anchor = rota.WeekStart(p.From)
		if p.From.IsZero() {
			p.Anchor = civil.Date{}
		}
		to := fillEnd(fillFrom, fillTo)
		saved, res, err := u.svc.SavePattern(u.account.ID, p, fillFrom, to)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("Pattern \"%s\" saved. From %s to %s: %s.", saved.Name, fillFrom.UK(), to.UK(), res), nil
	})
}

// showPatternStep shows f, a form that saves a pattern or fills the rota
// from one: Save (saveText) does step and goes back to the patterns with
// the notice it returns; Cancel goes back to the patterns.
func (u *UI) showPatternStep(f *form, saveText string, step func() (notice string, err error)) {
	f.saveText = saveText
	f.save = func() error {
		notice, err := step()
		if err != nil {
			return rotaSaveError(f, err)
		}
		u.showPatternsNotice(notice)
		return nil
	}
	f.cancel = u.showPatterns
	u.showForm(f)
}

// fillEnd is the last day to fill from from: to, or fillWeeks weeks on
// when to is blank.
func fillEnd(from, to civil.Date) civil.Date {
	if to.IsZero() {
		return from.AddDays(fillWeeks*7 - 1)
	}
	return to
}

// showPatternChange changes a pattern's shifts from a date: the pattern
// before that date and the rota before it are kept.
func (u *UI) showPatternChange(p rota.Pattern) {
	pas, today, ok := u.patternPAs()
	if !ok {
		return
	}
	from := rota.WeekStart(today).AddDays(7)
	if !from.After(p.From) {
		from = p.From.AddDays(7)
	}
	var to civil.Date
	entries := append([]rota.PatternEntry(nil), p.Entries...)
	f := newForm(u, "Change \""+p.Name+"\" from a date", "The pattern stays as it is before this date; the new shifts apply from it, and the rota from that date is filled again.")
	f.date("from", "Change from", "", &from, false)
	rows := newPatternRows(f, pas, entries)
	rows.field(&entries)
	f.date("fill_to", "Fill the rota to", fmt.Sprintf("Blank: %d weeks from the change.", fillWeeks), &to, true)
	u.showPatternStep(f, "Save the change", func() (string, error) {
		end := fillEnd(from, to)
		_, res, err := u.svc.ChangePattern(u.account.ID, p.ID, from, entries, end)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("\"%s\" changed from %s. Up to %s: %s.", p.Name, from.UK(), end.UK(), res), nil
	})
}

// showPatternFill fills the rota again from a stored pattern.
func (u *UI) showPatternFill(p rota.Pattern) {
	from := rota.WeekStart(u.rotaToday())
	if from.Before(p.From) {
		from = p.From
	}
	to := fillEnd(from, civil.Date{})
	f := newForm(u, "Fill the rota from \""+p.Name+"\"", "Adds the pattern's shifts to the rota for these days. Shifts you changed by hand, and shifts that need cover, are left as they are.")
	f.date("from", "From", "", &from, false)
	f.date("to", "To", "", &to, false)
	u.showPatternStep(f, "Fill the rota", func() (string, error) {
		res, err := u.svc.FillPattern(u.account.ID, p.ID, from, to)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("Filled from \"%s\", %s to %s: %s.", p.Name, from.UK(), to.UK(), res), nil
	})
}

// patternPAs are the PAs a pattern may give shifts to: those still working
// for the budget on or after today. ok is false, the error shown, when the
// PAs cannot be read.
func (u *UI) patternPAs() (pas []household.PA, today civil.Date, ok bool) {
	all, err := u.svc.PAs(u.account.ID)
	if err != nil {
		u.showError(err)
		return nil, civil.Date{}, false
	}
	today = u.rotaToday()
	return activePAs(all, today), today, true
}

// activePAs are the PAs still working for the budget on or after d.
func activePAs(pas []household.PA, d civil.Date) []household.PA {
	var out []household.PA
	for _, p := range pas {
		if !p.HasLeft(d) {
			out = append(out, p)
		}
	}
	return out
}
