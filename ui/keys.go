package ui

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The widgets here are Fyne's own with two additions for people who use
// only a keyboard:
//
//   - Enter and Escape: Fyne gives every key to the focused widget, so an
//     Entry swallows Escape and a Button ignores Enter. Each wrapper
//     overrides TypedKey to call onEnter (save the form, press the button)
//     and onEscape (cancel the form, go back).
//   - Window shortcuts: an Entry takes every Ctrl shortcut for itself, so
//     keyEntry offers them to the window first (Ctrl+2 switches section
//     even while typing).
//
// Every wrapper also draws a thick ring in the theme's primary colour
// around itself while it has the focus, so the focus is easy to see in
// every theme and at every text size.

// keyEntry is a text entry that passes Escape, Enter and the window's
// shortcuts on.
type keyEntry struct {
	widget.Entry
	onEscape   func()
	onShortcut func(fyne.Shortcut) bool // true when the window handled it
	focusRing
	spoken
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newKeyMultiLineEntry() *keyEntry {
	e := &keyEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(3)
	return e
}

// TypedKey handles Escape; everything else is the Entry's.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// AcceptsTab is false even for a box of several lines, so Tab always moves
// to the next box and nobody is trapped in an address box. (A tab
// character is never wanted in these boxes.)
func (e *keyEntry) AcceptsTab() bool { return false }

// TypedShortcut gives the window's shortcuts to the window first.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if e.onShortcut != nil && e.onShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

func (e *keyEntry) FocusGained() { e.gained(e, e.Entry.FocusGained) }
func (e *keyEntry) FocusLost()   { e.lost(e.Entry.FocusLost) }

func (e *keyEntry) CreateRenderer() fyne.WidgetRenderer { return e.ring(e.Entry.CreateRenderer()) }

// keyButton is a button that Enter presses as well as Space.
type keyButton struct {
	widget.Button
	onEscape func()
	focusRing
	// shownNow marks the button of the section or tab in view, which a
	// screen reader says.
	shownNow bool
	// about, when set, is the question or message the button answers,
	// read out after its words (the OK of a message says the message).
	about string
}

func newKeyButton(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text = label
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter and passes Escape on.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	press := func() {
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
	enterEscape(ev, press, b.onEscape, b.Button.TypedKey)
}

// enterEscape calls onEnter on Enter and onEscape on Escape (either may be
// nil) and gives every other key to rest, the wrapped widget's own TypedKey.
func enterEscape(ev *fyne.KeyEvent, onEnter, onEscape func(), rest func(*fyne.KeyEvent)) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if onEnter != nil {
			onEnter()
		}
	case fyne.KeyEscape:
		if onEscape != nil {
			onEscape()
		}
	default:
		rest(ev)
	}
}

func (b *keyButton) FocusGained() { b.gained(b, b.Button.FocusGained) }
func (b *keyButton) FocusLost()   { b.lost(b.Button.FocusLost) }

func (b *keyButton) CreateRenderer() fyne.WidgetRenderer { return b.ring(b.Button.CreateRenderer()) }

// wrapButton is a keyButton whose text wraps onto more lines, for a
// button as long as a sentence (a row of a list that opens something):
// at a large text size it grows taller, never wider than the page.
type wrapButton struct {
	keyButton
	label *widget.Label
}

func newWrapButton(text string, tapped func()) *wrapButton {
	b := &wrapButton{label: widget.NewLabel(text)}
	b.label.Wrapping = fyne.TextWrapWord
	b.label.TextStyle.Bold = true
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// Label is the button's text.
func (b *wrapButton) Label() string { return b.label.Text }

func (b *wrapButton) FocusGained() { b.gained(b, b.Button.FocusGained) }
func (b *wrapButton) FocusLost()   { b.lost(b.Button.FocusLost) }

func (b *wrapButton) CreateRenderer() fyne.WidgetRenderer {
	return b.ring(&wrapButtonRenderer{WidgetRenderer: b.Button.CreateRenderer(), label: b.label})
}

// wrapButtonRenderer draws the button (with no text of its own) and the
// wrapping label over it.
type wrapButtonRenderer struct {
	fyne.WidgetRenderer
	label *widget.Label
}

func (r *wrapButtonRenderer) Objects() []fyne.CanvasObject {
	return append(append([]fyne.CanvasObject{}, r.WidgetRenderer.Objects()...), r.label)
}

func (r *wrapButtonRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.label.Move(fyne.NewPos(0, 0))
	r.label.Resize(size)
}

func (r *wrapButtonRenderer) MinSize() fyne.Size { return r.label.MinSize() }

func (r *wrapButtonRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.label.Refresh()
}

// keySelect is a drop-down list: Space or Up/Down opens it, Left/Right
// step through the choices, Enter saves the form, Escape cancels it.
type keySelect struct {
	widget.Select
	onEnter  func()
	onEscape func()
	focusRing
	spoken
}

func newKeySelect(options []string, changed func(string)) *keySelect {
	s := &keySelect{}
	s.Options = options
	s.OnChanged = changed
	s.PlaceHolder = "(Choose one)"
	s.ExtendBaseWidget(s)
	return s
}

func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	enterEscape(ev, s.onEnter, s.onEscape, s.Select.TypedKey)
}

// TypedRune moves to the first choice starting with the letter typed
// (ignoring case, and a leading bracket as in "(None)"); typed again, to
// the next one starting with it, and round again, so "r" goes to
// "Recruitment", then "Refund", then "Respite".
func (s *keySelect) TypedRune(r rune) {
	r = unicode.ToLower(r)
	starts := func(i int) bool {
		o := []rune(strings.TrimLeft(s.Options[i], "( "))
		return len(o) > 0 && unicode.ToLower(o[0]) == r
	}
	n, at := len(s.Options), s.SelectedIndex()
	from := 0 // the first choice with the letter…
	if at >= 0 && at < n && starts(at) {
		from = at + 1 // …or the next, when one is chosen already
	}
	for k := 0; k < n; k++ {
		if i := (from + k) % n; starts(i) {
			if i != at {
				s.SetSelectedIndex(i)
			}
			return
		}
	}
}

func (s *keySelect) FocusGained() { s.gained(s, s.Select.FocusGained) }
func (s *keySelect) FocusLost()   { s.lost(s.Select.FocusLost) }

func (s *keySelect) CreateRenderer() fyne.WidgetRenderer {
	return s.ring(newBorderRenderer(s.Select.CreateRenderer()))
}

// borderRenderer draws a widget with a line round it in the theme's
// input-border colour, so a drop-down list looks like a control, not like
// plain text, in every theme: in high contrast its background is the
// page's own black.
type borderRenderer struct {
	fyne.WidgetRenderer
	border *canvas.Rectangle
}

func newBorderRenderer(r fyne.WidgetRenderer) *borderRenderer {
	b := &borderRenderer{WidgetRenderer: r, border: canvas.NewRectangle(color.Transparent)}
	b.style()
	return b
}

func (r *borderRenderer) Objects() []fyne.CanvasObject {
	return append(append([]fyne.CanvasObject{}, r.WidgetRenderer.Objects()...), r.border)
}

func (r *borderRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.border.Move(fyne.NewPos(0, 0))
	r.border.Resize(size)
}

func (r *borderRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.style()
}

func (r *borderRenderer) style() {
	r.border.FillColor = color.Transparent
	r.border.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	r.border.StrokeWidth = theme.Size(theme.SizeNameInputBorder)
	r.border.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	r.border.Refresh()
}

// keyCheck is a tick box: Space ticks it, Enter saves the form, Escape
// cancels it.
type keyCheck struct {
	widget.Check
	onEnter  func()
	onEscape func()
	focusRing
	spoken
}

func newKeyCheck(label string, changed func(bool)) *keyCheck {
	c := &keyCheck{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *keyCheck) TypedKey(ev *fyne.KeyEvent) {
	enterEscape(ev, c.onEnter, c.onEscape, c.Check.TypedKey)
}

func (c *keyCheck) FocusGained() { c.gained(c, c.Check.FocusGained) }
func (c *keyCheck) FocusLost()   { c.lost(c.Check.FocusLost) }

func (c *keyCheck) CreateRenderer() fyne.WidgetRenderer { return c.ring(c.Check.CreateRenderer()) }

// focusRing is the focus state every wrapper here keeps for its ring.
type focusRing struct{ focused bool }

// gained marks the ring, lets the wrapped widget take the focus (base) and
// scrolls the page to obj.
func (r *focusRing) gained(obj fyne.CanvasObject, base func()) {
	r.focused = true
	base()
	scrollIntoView(obj)
}

// lost clears the ring and lets the wrapped widget lose the focus (base).
func (r *focusRing) lost(base func()) {
	r.focused = false
	base()
}

// ring draws base, the wrapped widget's renderer, with the focus ring.
func (r *focusRing) ring(base fyne.WidgetRenderer) fyne.WidgetRenderer {
	return newRingRenderer(base, &r.focused)
}

// ringRenderer draws a widget and, while it has the focus, a thick ring
// around it, with a band of the background colour inside the ring so it
// stands out on a coloured button as well as on a plain one.
type ringRenderer struct {
	fyne.WidgetRenderer
	ring, gap *canvas.Rectangle
	focused   *bool
}

func newRingRenderer(r fyne.WidgetRenderer, focused *bool) *ringRenderer {
	rr := &ringRenderer{WidgetRenderer: r, focused: focused,
		ring: canvas.NewRectangle(color.Transparent), gap: canvas.NewRectangle(color.Transparent)}
	rr.updateRing()
	return rr
}

func (r *ringRenderer) Objects() []fyne.CanvasObject {
	objs := r.WidgetRenderer.Objects()
	out := make([]fyne.CanvasObject, 0, len(objs)+2)
	return append(append(out, objs...), r.gap, r.ring)
}

// Layout puts the ring just outside the widget and the gap along its edge.
func (r *ringRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	out := theme.Size(sizeNameFocusRing)
	r.ring.Move(fyne.NewPos(-out, -out))
	r.ring.Resize(size.AddWidthHeight(2*out, 2*out))
	r.gap.Move(fyne.NewPos(0, 0))
	r.gap.Resize(size)
}

func (r *ringRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.updateRing()
}

func (r *ringRenderer) updateRing() {
	w := theme.Size(sizeNameFocusRing)
	r.ring.FillColor, r.gap.FillColor = color.Transparent, color.Transparent
	if *r.focused {
		r.ring.StrokeColor, r.ring.StrokeWidth = theme.Color(theme.ColorNamePrimary), w
		r.gap.StrokeColor, r.gap.StrokeWidth = theme.Color(theme.ColorNameBackground), w*2/3
	} else {
		r.ring.StrokeColor, r.ring.StrokeWidth = color.Transparent, 0
		r.gap.StrokeColor, r.gap.StrokeWidth = color.Transparent, 0
	}
	r.ring.CornerRadius = theme.Size(theme.SizeNameInputRadius) + w
	r.gap.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	r.ring.Refresh()
	r.gap.Refresh()
}
