package ui

import (
	"fmt"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/service"
)

// rotaState is what the Rota and Timesheets sections remember while the
// window is open: the week in view and how it is shown, where the focus
// was, and the pay period chosen.
type rotaState struct {
	account int64      // the budget the state is for
	day     civil.Date // a day in the week in view
	byDay   bool       // rows are days (else PAs)
	list    bool       // the list view (else the grid)
	pos     rota.Pos   // the focused place in the grid
	// focusShift is the shift to put the focus on when the week is next
	// shown (after it was saved), 0 for none.
	focusShift int64
	// saved says what was just saved and warnings are the checks' findings
	// about it, shown once at the top of the week.
	saved      string
	warnings   []rota.Warning
	showWarned bool

	// In view, for the shortcuts and the tests.
	onWeek bool // the week page is in view
	week   rota.Week
	grid   *weekGrid
	status *widget.Label

	checksRange     int // 0 this week, 1 this month, 2 the next 4 weeks
	checksFocusSpan bool

	period household.PayPeriod // the pay period chosen in Timesheets
	sheet  *timesheetPage      // the timesheet in view
}

// rotaState returns the sections' state for the open budget.
func (u *UI) rotaState() *rotaState {
	if u.rota == nil || u.rota.account != u.account.ID {
		u.rota = &rotaState{account: u.account.ID, day: u.rotaToday()}
		u.rota.pos = u.rota.todayPos(u.rotaToday())
		u.registerRotaShortcuts()
	}
	return u.rota
}

// todayPos is today's place in the grid: its column when the rows are
// PAs, its row when they are days.
func (r *rotaState) todayPos(today civil.Date) rota.Pos {
	i := today.DaysSince(rota.WeekStart(today))
	if r.byDay {
		return rota.Pos{Row: i}
	}
	return rota.Pos{Col: i}
}

// The Rota section's shortcuts. Ctrl+1 to Ctrl+8 switch section and
// Ctrl+S saves, so these use other keys.
var (
	prevWeekShortcut    = &desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault}
	nextWeekShortcut    = &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault}
	prevWeekAltShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
	nextWeekAltShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}
	addShiftShortcut    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
)

// ctrl is "Ctrl", or "Cmd" on a Mac.
func ctrl() string {
	if runtime.GOOS == "darwin" {
		return "Cmd"
	}
	return "Ctrl"
}

// weekKeys names the shortcuts for a week before or after: "Ctrl+Page Up
// or Alt+Left" ("Cmd+Page Up" on a Mac).
func weekKeys(page, arrow string) string {
	if runtime.GOOS == "darwin" {
		return ctrl() + "+" + page
	}
	return ctrl() + "+" + page + " or Alt+" + arrow
}

// registerRotaShortcuts adds the Rota section's shortcuts to the window
// (once). They act only while the week is in view.
func (u *UI) registerRotaShortcuts() {
	if _, done := u.shortcuts[addShiftShortcut.ShortcutName()]; done {
		return
	}
	add := func(s *desktop.CustomShortcut, fn func()) {
		u.shortcuts[s.ShortcutName()] = fn
		u.win.Canvas().AddShortcut(s, func(fyne.Shortcut) { u.unlessBusy(fn) })
	}
	week := func(days int) func() {
		return func() {
			if r := u.rota; r != nil && r.onWeek && u.section == sectionRota {
				r.day = r.week.Start.AddDays(days)
				u.showRotaFocus(nil)
			}
		}
	}
	add(prevWeekShortcut, week(-7))
	add(nextWeekShortcut, week(7))
	if runtime.GOOS != "darwin" {
		// On a Mac, Option+Left and Right move by word in a text box.
		add(prevWeekAltShortcut, week(-7))
		add(nextWeekAltShortcut, week(7))
	}
	add(addShiftShortcut, func() {
		if r := u.rota; r != nil && r.onWeek && u.section == sectionRota {
			u.addShiftAt(r.pos)
		}
	})
}

// showRota shows the week in view, focusing the grid (or the list).
func (u *UI) showRota() { u.showRotaFocus(nil) }

// showRotaFocus shows the week and focuses want when it is on the page
// (a header control after a change of view), else the grid or list.
func (u *UI) showRotaFocus(want func(*rotaPage) fyne.Focusable) {
	r := u.rotaState()
	r.onWeek = false
	week, err := u.svc.WeekView(u.account.ID, r.day, r.byDay)
	if err != nil {
		u.showPage(page(pageTitle("Rota"), warning(service.ErrorMessage(err))), nil, nil)
		return
	}
	checks, err := u.svc.CheckRota(u.account.ID, week.Start, week.Start.AddDays(6))
	if err != nil {
		checks = nil
	}
	r.week = week
	p := u.rotaPage(r, week, checks)
	r.onWeek = true
	var first fyne.Focusable
	if want != nil {
		first = want(p)
	}
	if first == nil {
		first = p.first
	}
	u.showPage(p.content, first, nil)
	if r.grid != nil && !r.grid.Size().IsZero() {
		r.grid.reveal()
	}
}

// rotaPage is the week page's parts.
type rotaPage struct {
	content            fyne.CanvasObject
	first              fyne.Focusable
	prev, today, next  *keyButton
	rows, view         *keySelect
	add, absence, pats *keyButton
	checks, export     *keyButton
	lines              []*rotaLine
}

func (u *UI) rotaPage(r *rotaState, week rota.Week, checks []rota.Warning) *rotaPage {
	p := &rotaPage{}
	p.prev = newKeyButton("Previous week ("+weekKeys("Page Up", "Left")+")", theme.NavigateBackIcon(), week1(u, -7))
	p.today = newKeyButton("Today", theme.HomeIcon(), func() {
		r.day = u.rotaToday()
		r.pos = r.todayPos(r.day)
		r.focusShift = 0
		u.showRotaFocus(nil)
	})
	p.next = newKeyButton("Next week ("+weekKeys("Page Down", "Right")+")", theme.NavigateNextIcon(), week1(u, 7))
	p.next.IconPlacement = widget.ButtonIconTrailingText

	p.rows = newKeySelect([]string{"Rows are PAs", "Rows are days"}, nil)
	p.rows.setSpoken("Rota layout", nil) // its choices say what it is; nothing names it on the page
	p.rows.SetSelectedIndex(boolIndex(r.byDay))
	p.rows.OnChanged = func(string) {
		r.byDay = p.rows.SelectedIndex() == 1
		r.pos = r.todayPos(u.rotaToday())
		u.showRotaFocus(func(np *rotaPage) fyne.Focusable { return np.rows })
	}
	p.view = newKeySelect([]string{"Week view (grid)", "List view"}, nil)
	p.view.setSpoken("Rota view", nil)
	p.view.SetSelectedIndex(boolIndex(r.list))
	p.view.OnChanged = func(string) {
		r.list = p.view.SelectedIndex() == 1
		u.showRotaFocus(func(np *rotaPage) fyne.Focusable { return np.view })
	}

	p.add = newKeyButton(fmt.Sprintf("Add shift (%s+N)", ctrl()), theme.ContentAddIcon(), func() { u.addShiftAt(r.pos) })
	p.add.Importance = widget.HighImportance
	p.absence = newKeyButton("Absence…", theme.CalendarIcon(), func() { u.showAbsenceForm(0) })
	p.pats = newKeyButton("Patterns…", theme.ListIcon(), u.showPatterns)
	p.checks = newKeyButton(fmt.Sprintf("Checks (%d)", len(checks)), theme.WarningIcon(), u.showChecks)
	if len(checks) > 0 {
		p.checks.Importance = widget.WarningImportance
	}
	p.export = newKeyButton("Export…", theme.DocumentSaveIcon(), u.showRotaExport)

	parts := []fyne.CanvasObject{
		pageTitle("Rota"),
		heading(week.Title),
		buttonRow(p.prev, p.today, p.next),
		container.NewHBox(widget.NewLabel("Show:"), wideSelect(p.rows), wideSelect(p.view)),
		buttonRow(p.add, p.absence, p.pats, p.checks, p.export),
	}
	if r.saved != "" {
		parts = append(parts, rotaNotice(r.saved))
		r.saved = ""
	}
	if r.showWarned {
		parts = append(parts, u.warningList(r.warnings, "The checks found nothing to warn about.")...)
		r.showWarned, r.warnings = false, nil
	}
	// Warnings about a whole week are not on any block: show them here.
	for _, w := range checks {
		if w.ShiftID == 0 {
			parts = append(parts, warning(rota.RuleName(w.Rule)+": "+w.Message))
		}
	}

	if r.list {
		u.rotaList(r, p, week, &parts)
		p.content = page(parts...)
		return p
	}
	r.status = wrapLabel("")
	r.status.TextStyle.Bold = true
	grid := newWeekGrid(week, u.rotaToday())
	grid.canvas = u.win.Canvas()
	r.grid = grid
	if r.focusShift != 0 {
		if at, ok := week.Find(r.focusShift); ok {
			r.pos = at
		}
		r.focusShift = 0
	}
	grid.pos = week.Move(r.pos, -1)
	r.pos = grid.pos
	grid.updateRings()
	grid.onMove = func(at rota.Pos) {
		r.pos = at
		r.status.SetText("Selected: " + grid.describe())
	}
	grid.onOpen = func(at rota.Pos) { u.openAt(at) }
	grid.onKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyPageUp:
			week1(u, -7)()
		case fyne.KeyPageDown:
			week1(u, 7)()
		default:
			return false
		}
		return true
	}
	r.status.SetText("Selected: " + grid.describe())
	keys := hintLabel("In the grid: the arrow keys move between days and shifts, Enter opens a shift (or adds one in an empty place), Home and End go to the first and last column, Page Up and Page Down change the week. Tab leaves the grid.")
	parts = append(parts, r.status, grid, keys)
	p.content = page(parts...)
	p.first = grid
	return p
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// week1 returns what moves the view by days (±7) and keeps the focus in
// the grid's place.
func week1(u *UI, days int) func() {
	return func() {
		r := u.rotaState()
		r.day = r.week.Start.AddDays(days)
		u.showRotaFocus(nil)
	}
}

// rotaList is the list view: every shift of the week, one line each under
// its day, with the paid hours of each PA.
func (u *UI) rotaList(r *rotaState, p *rotaPage, week rota.Week, parts *[]fyne.CanvasObject) {
	byDay := map[civil.Date][]rota.Block{}
	for _, row := range week.Rows {
		for _, cell := range row.Cells {
			for _, b := range cell {
				d := londonDate(b.Start)
				byDay[d] = append(byDay[d], b)
			}
		}
	}
	*parts = append(*parts, hintLabel("Each shift is one line. Tab or Shift+Tab moves between them; Enter opens one."))
	for _, d := range week.Days {
		title := dayAndDate(d)
		if d == u.rotaToday() {
			title += " (today)"
		}
		*parts = append(*parts, heading(title))
		blocks := byDay[d]
		sortBlocks(blocks)
		if len(blocks) == 0 {
			*parts = append(*parts, wrapLabel("No shifts."))
		}
		for _, b := range blocks {
			id := b.ShiftID
			text := b.Text
			if len(b.Warnings) > 0 {
				text = "⚠ " + text
			}
			l := newRotaLine(text, func() { u.openShift(id, u.showRota) })
			p.lines = append(p.lines, l)
			if id == r.focusShift {
				p.first = l
			}
			*parts = append(*parts, l)
		}
	}
	r.focusShift = 0
	if !week.ByDay {
		*parts = append(*parts, heading("Hours this week"))
		for _, row := range week.Rows {
			if row.PaidMinutes > 0 || row.PAID != 0 {
				*parts = append(*parts, wrapLabel(row.Label+": "+paidText(row.PaidMinutes)))
			}
		}
	}
	if p.first == nil {
		if len(p.lines) > 0 {
			p.first = p.lines[0]
		} else {
			p.first = p.add
		}
	}
}

func sortBlocks(bs []rota.Block) {
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && bs[j].Start.Before(bs[j-1].Start); j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
}

// openAt opens the block at p in the editor, or adds a shift there.
func (u *UI) openAt(p rota.Pos) {
	r := u.rotaState()
	if b, ok := r.week.BlockAt(p); ok {
		u.openShift(b.ShiftID, u.showRota)
		return
	}
	u.addShiftAt(p)
}

// addShiftAt opens "Add shift" for the day (and PA) of the place p.
func (u *UI) addShiftAt(p rota.Pos) {
	r := u.rotaState()
	byName := map[string]int64{}
	for id, n := range u.paNames() {
		if _, dup := byName[n]; dup {
			byName[n] = 0 // two PAs of one name: choose by hand
			continue
		}
		byName[n] = id
	}
	day, pa := weekDayOf(r.week, p, byName)
	u.showShiftForm(rota.Shift{PAID: pa, Start: day.Time(rota.London()), Type: rota.Day}, true, u.showRota)
}

// openShift opens a stored shift in the editor; back is where Cancel goes.
func (u *UI) openShift(id int64, back func()) {
	sh, err := u.svc.Shift(id)
	if err != nil {
		u.showError(err)
		return
	}
	u.showShiftForm(sh, false, back)
}

// warningList shows the checks' warnings as lines, each opening its shift
// (or, for a weekly rule, its week). none is said when there are none.
func (u *UI) warningList(ws []rota.Warning, none string) []fyne.CanvasObject {
	if len(ws) == 0 {
		return []fyne.CanvasObject{rotaNotice(none)}
	}
	what := "1 thing"
	if len(ws) > 1 {
		what = fmt.Sprintf("%d things", len(ws))
	}
	out := []fyne.CanvasObject{warning(fmt.Sprintf("The checks found %s to look at. The rota is saved; these are warnings.", what))}
	names := u.paNames()
	for _, w := range ws {
		out = append(out, u.warningLine(w, names, u.showRota))
	}
	return out
}

// warningText is "⚠ 11 hours' rest. Sarah Lee, 17/11/2026: message":
// the rule's plain name, never its code.
func warningText(w rota.Warning, names map[int64]string) string {
	who := names[w.PAID]
	if who != "" {
		who += ", "
	}
	return fmt.Sprintf("⚠ %s. %s%s: %s", rota.RuleName(w.Rule), who, w.Date.UK(), w.Message)
}

// warningLine is a warning that Enter follows to its shift, or for a
// weekly rule to its week.
func (u *UI) warningLine(w rota.Warning, names map[int64]string, back func()) *rotaLine {
	return newRotaLine(warningText(w, names), func() {
		if w.ShiftID != 0 {
			u.openShift(w.ShiftID, back)
			return
		}
		r := u.rotaState()
		r.day = w.Date
		r.list = false
		u.ShowSection(sectionRota)
	})
}
