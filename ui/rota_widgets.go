package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

// Helpers shared by the Rota and Timesheets sections.

// rotaLine is a line of text that can be focused and chosen: a shift in
// the list view, a warning in the checks, a shift that needs cover. Its
// text wraps at the page's width (a button's would be cut off at large
// text sizes). Enter or Space chooses it, Escape goes back, and a thick
// ring shows it has the focus.
type rotaLine struct {
	widget.Label
	onTap    func()
	onEscape func()
	focused  bool
}

func newRotaLine(text string, tap func()) *rotaLine {
	l := &rotaLine{onTap: tap}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

func (l *rotaLine) FocusGained() {
	l.focused = true
	l.Refresh()
	revealRect(nil, l, fyne.Position{}, l.Size())
}
func (l *rotaLine) FocusLost()     { l.focused = false; l.Refresh() }
func (l *rotaLine) TypedRune(rune) {}

func (l *rotaLine) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if l.onTap != nil {
			l.onTap()
		}
	case fyne.KeyEscape:
		if l.onEscape != nil {
			l.onEscape()
		}
	}
}

// Tapped chooses the line with the mouse.
func (l *rotaLine) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Focus(l)
	}
	if l.onTap != nil {
		l.onTap()
	}
}

func (l *rotaLine) CreateRenderer() fyne.WidgetRenderer {
	return newRingRenderer(l.Label.CreateRenderer(), &l.focused)
}

// rotaRefuse shows a service refusal (an overlap, a locked timesheet) at the
// top of the form and in a dialog, keeping what was typed. Failures that
// are not about the input go to the usual error dialog.
func rotaRefuse(f *form, err error) {
	if !service.IsInput(err) {
		f.u.showError(err)
		return
	}
	f.clearProblems()
	f.summary.SetText("⚠ Not saved: " + service.ErrorMessage(err) + "\nNothing has been changed. Put it right and save again, or press Escape to cancel.")
	f.summary.Show()
	f.u.message("Not saved", service.ErrorMessage(err))
}

// rotaFormPage lays a form out like form.content, with more buttons after
// Save and Cancel (Cancel this shift, Give to another PA…).
func rotaFormPage(f *form, extra ...fyne.CanvasObject) (fyne.CanvasObject, fyne.Focusable) {
	save, cancel := f.saveCancel()
	buttons := []fyne.CanvasObject{save, cancel}
	for _, e := range extra {
		if b, ok := e.(*keyButton); ok && b.onEscape == nil {
			b.onEscape = f.Cancel
		}
	}
	parts := []fyne.CanvasObject{f.header(), f.rows, widget.NewSeparator(), buttonRow(buttons...), formKeysHint()}
	if len(extra) > 0 {
		parts = append(parts, widget.NewSeparator(), buttonRow(extra...))
	}
	return container.NewVScroll(container.NewPadded(container.NewVBox(parts...))), f.firstFocus(save)
}

// showRotaForm shows a form laid out by rotaFormPage.
func (u *UI) showRotaForm(f *form, extra ...fyne.CanvasObject) {
	page, first := rotaFormPage(f, extra...)
	u.showPage(page, first, f.Cancel)
	u.setForm(f)
}

// londonClock shows an instant's time of day in London: "08:00".
func londonClock(t time.Time) string { return t.In(rota.London()).Format("15:04") }

// londonDate is an instant's date in London.
func londonDate(t time.Time) civil.Date { return civil.Of(t.In(rota.London())) }

// dayAndDate is "Monday 16/11/2026".
func dayAndDate(d civil.Date) string { return d.Weekday().String() + " " + d.UK() }

// shiftSentence describes a shift in full: "Monday 16/11/2026, 08:00 to
// 12:00, Sarah Lee, day shift, 4 hours [needs cover]". names gives PAs'
// names by ID.
func shiftSentence(s rota.Shift, names map[int64]string) string {
	who := names[s.PAID]
	switch {
	case s.Status == rota.Agency:
		who = "Agency"
	case s.PAID == 0:
		who = "Nobody yet"
	}
	end := londonClock(s.End)
	if ed := londonDate(s.End); ed != s.Date() {
		end += " on " + dayAndDate(ed)
	}
	text := fmt.Sprintf("%s, %s to %s, %s, %s, %s", dayAndDate(s.Date()), londonClock(s.Start), end, who, s.Type.Phrase(), text.Hours(s.Minutes()))
	switch s.Status {
	case rota.Planned:
	case rota.NeedsCover:
		text += " [needs cover"
		if n := names[s.CoverForPAID]; n != "" {
			text += ": " + n + " is away"
		}
		text += "]"
	case rota.Covered:
		text += " [cover for " + names[s.CoverForPAID] + "]"
	default:
		text += " [" + strings.ToLower(s.Status.Label()) + "]"
	}
	return text
}

// paNames maps the open budget's PAs' IDs to their names.
func (u *UI) paNames() map[int64]string {
	out := map[int64]string{}
	pas, err := u.svc.PAs(u.account.ID)
	if err != nil {
		return out
	}
	for _, p := range pas {
		out[p.ID] = p.Name
	}
	return out
}

// rotaToday is the UI clock's date.
func (u *UI) rotaToday() civil.Date { return civil.Of(u.now()) }

// rotaBackButton is a "Back to …" button that Escape also presses.
func rotaBackButton(label string, back func()) *keyButton {
	b := newKeyButton(label, theme.NavigateBackIcon(), back)
	b.onEscape = back
	return b
}

// rotaNotice is a confirmation line: ✔ and the success colour.
func rotaNotice(text string) *widget.Label {
	return markedLine("✔ ", text, widget.SuccessImportance)
}

// wideSelect keeps a drop-down list wide enough to show its longest
// choice in full at any text size.
func wideSelect(s *keySelect) fyne.CanvasObject { return wideFor(s.Options, s) }

// wideFor keeps obj, a drop-down list of options, wide enough to show
// the longest option in full at any text size.
func wideFor(options []string, obj fyne.CanvasObject) fyne.CanvasObject {
	var w float32
	for _, o := range options {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	min := canvas.NewRectangle(color.Transparent)
	min.SetMinSize(fyne.NewSize(w+theme.IconInlineSize()+6*theme.Padding(), 0))
	return container.NewStack(min, obj)
}
