package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/rota"
	"patoolkit/service"
)

// checksRanges are the spans the checks list can cover.
var checksRanges = []string{"This week", "This month", "The next 4 weeks"}

// checksSpan returns the days the checks cover for choice i, from the week
// in view.
func checksSpan(i int, weekStart civil.Date) (civil.Date, civil.Date) {
	switch i {
	case 1:
		first := civil.New(weekStart.Year, weekStart.Month, 1)
		return first, first.AddMonths(1).AddDays(-1)
	case 2:
		return weekStart, weekStart.AddDays(27)
	}
	return weekStart, weekStart.AddDays(6)
}

// showChecks lists the rota's warnings, each with the name of its rule.
// Enter on a warning opens its shift; a warning about a whole week goes
// to that week.
func (u *UI) showChecks() {
	r := u.rotaState()
	r.onWeek = false
	start := r.week.Start
	if start.IsZero() {
		start = rota.WeekStart(r.day)
	}
	from, to := checksSpan(r.checksRange, start)
	back := rotaBackButton("Back to the rota", u.showRota)
	span := newKeySelect(checksRanges, nil)
	span.SetSelectedIndex(r.checksRange)
	span.OnChanged = func(string) {
		if i := span.SelectedIndex(); i >= 0 && i != r.checksRange {
			r.checksRange = i
			u.showChecksFocus(true)
		}
	}
	span.onEscape = u.showRota
	parts := []fyne.CanvasObject{
		pageTitle("Checks"),
		wrapLabel("The rota is checked against the Working Time Regulations and your support plan. Each warning starts with the name of the rule. They are warnings: the rota is saved as it is, but look at each one."),
		buttonRow(back),
		container.NewHBox(widget.NewLabel(spokenAs(span, "Check:")), wideSelect(span)),
		heading(fmt.Sprintf("From %s to %s", dayAndDate(from), dayAndDate(to))),
	}
	ws, err := u.svc.CheckRota(u.account.ID, from, to)
	var first fyne.Focusable = back
	switch {
	case err != nil:
		parts = append(parts, warning(service.ErrorMessage(err)))
	case len(ws) == 0:
		parts = append(parts, rotaNotice("Nothing to warn about in these days."))
	default:
		what := "1 warning"
		if len(ws) > 1 {
			what = fmt.Sprintf("%d warnings", len(ws))
		}
		parts = append(parts, wrapLabel(what+". Enter on a warning opens its shift."))
		names := u.paNames()
		for i, w := range ws {
			l := u.warningLine(w, names, u.showChecks)
			l.Importance = widget.DangerImportance
			l.onEscape = u.showRota
			if i == 0 {
				first = l
			}
			parts = append(parts, l)
		}
	}
	if r.checksFocusSpan {
		first = span
		r.checksFocusSpan = false
	}
	u.showPage(page(parts...), first, u.showRota)
}

// showChecksFocus shows the checks, focusing the choice of days when
// focusSpan is set (after it changed).
func (u *UI) showChecksFocus(focusSpan bool) {
	u.rotaState().checksFocusSpan = focusSpan
	u.showChecks()
}
