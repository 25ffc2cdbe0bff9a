package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/service"
)

// pageTitle is the large title at the top of a page.
func pageTitle(text string) fyne.CanvasObject {
	return widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleHeading, Text: text})
}

// heading is a sub-heading inside a page.
func heading(text string) fyne.CanvasObject {
	return widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: text})
}

// wrapLabel is a label whose text wraps at the page's width.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// warning is a line that needs attention: marked with ⚠ as well as the
// warning colour, so colour is never the only signal.
func warning(text string) *widget.Label {
	return markedLine("⚠ ", text, widget.DangerImportance)
}

// listNote is what a page shows where a list goes: a warning when the list
// could not be read, the empty text when it has no items (n), else nothing.
func listNote(err error, n int, empty string) []fyne.CanvasObject {
	switch {
	case err != nil:
		return []fyne.CanvasObject{warning(service.ErrorMessage(err))}
	case n == 0:
		return []fyne.CanvasObject{wrapLabel(empty)}
	}
	return nil
}

// markedLine is a bold wrapped line that starts with mark and has
// importance's colour, so colour is never the only signal.
func markedLine(mark, text string, importance widget.Importance) *widget.Label {
	l := wrapLabel(mark + text)
	l.Importance = importance
	l.TextStyle.Bold = true
	return l
}

// fact is one line of a summary: "Council: Wigan Council".
type fact struct{ key, value string }

// facts shows summary lines with the names in bold; the text wraps.
func facts(rows ...fact) fyne.CanvasObject {
	var segs []widget.RichTextSegment
	for _, r := range rows {
		if r.value == "" {
			r.value = "—"
		}
		segs = append(segs,
			&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: r.key + ": "},
			&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: r.value},
		)
	}
	t := widget.NewRichText(segs...)
	t.Wrapping = fyne.TextWrapWord
	return t
}

// buttonRow lays buttons out in a row, each as wide as its own text, that
// wraps onto more lines when they do not fit across (at a large text size
// or in a narrow window).
func buttonRow(buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&flowLayout{}, buttons...)
}

// flowLayout places objects at their own sizes from left to right, with
// the padding between them, starting a new line when the next would not
// fit. Each line is as tall as its tallest object and every object on it
// gets that height. Its minimum width is the widest object; its minimum
// height is what the lines take at the width it was last laid out at (one
// line before the first layout), so the page grows when the lines wrap.
type flowLayout struct {
	width float32 // the width last laid out at; 0 before the first layout
}

// lines splits objs (the visible ones) into lines for width.
func (l *flowLayout) lines(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	gap := theme.Padding()
	var out [][]fyne.CanvasObject
	var line []fyne.CanvasObject
	var x float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if len(line) > 0 && x+gap+w > width {
			out, line, x = append(out, line), nil, 0
		}
		if len(line) > 0 {
			x += gap
		}
		line = append(line, o)
		x += w
	}
	if len(line) > 0 {
		out = append(out, line)
	}
	return out
}

func lineHeight(line []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range line {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var widest float32
	for _, o := range objs {
		if o.Visible() {
			widest = max(widest, o.MinSize().Width)
		}
	}
	width := l.width
	if width == 0 {
		width = float32(math.MaxFloat32) // one line, until laid out
	}
	var h float32
	for i, line := range l.lines(objs, max(width, widest)) {
		if i > 0 {
			h += theme.Padding()
		}
		h += lineHeight(line)
	}
	return fyne.NewSize(widest, h)
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	gap := theme.Padding()
	var y float32
	for _, line := range l.lines(objs, size.Width) {
		h := lineHeight(line)
		var x float32
		for _, o := range line {
			w := o.MinSize().Width
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, h))
			x += w + gap
		}
		y += h + gap
	}
}

func maxMinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// page wraps a page's parts in a padded, scrolling column.
func page(parts ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(parts...)))
}

// message shows a plain message in a dialog with an OK button that has
// the focus, so Enter, Space or Escape closes it.
func (u *UI) message(title, text string) {
	var d dialog.Dialog
	ok := newKeyButton("OK", nil, func() { d.Hide() })
	ok.onEscape = func() { d.Hide() }
	ok.about = title + ": " + text
	body := wrapLabel(text)
	content := container.NewVBox(body, container.NewCenter(ok))
	d = dialog.NewCustomWithoutButtons(title, content, u.win)
	d.Resize(fyne.NewSize(520, 0).Max(content.MinSize()))
	previous := u.win.Canvas().Focused()
	d.SetOnClosed(func() {
		if previous != nil {
			u.win.Canvas().Focus(previous)
		}
	})
	d.Show()
	u.win.Canvas().Focus(ok)
}

// askFirstThen asks first, as askFirst does; on yes it does do, and then
// done, or shows do's error instead and leaves the page as it is.
func (u *UI) askFirstThen(title, text, yes string, do func() error, done func()) {
	u.askFirst(title, text, yes, func() {
		if err := do(); err != nil {
			u.showError(err)
			return
		}
		done()
	})
}

// askFirst asks before an action that can't be undone. The focus starts on
// "no", so a stray Enter changes nothing; Tab then Enter does it.
func (u *UI) askFirst(title, text, yes string, do func()) {
	u.askFirstNo(title, text, "No, go back", yes, do)
}

// askFirstNo is askFirst with its own words on the "no" button ("No,
// keep it"), which has the focus.
func (u *UI) askFirstNo(title, text, noText, yes string, do func()) {
	var d dialog.Dialog
	previous := u.win.Canvas().Focused()
	done := false
	no := newKeyButton(noText, theme.CancelIcon(), func() { d.Hide() })
	ok := newKeyButton(yes, theme.ConfirmIcon(), func() {
		done = true
		d.Hide()
		do()
	})
	ok.Importance = widget.DangerImportance
	no.about, ok.about = title+" "+text, title
	no.onEscape = func() { d.Hide() }
	ok.onEscape = no.onEscape
	content := container.NewVBox(wrapLabel(text), container.NewHBox(no, ok))
	d = dialog.NewCustomWithoutButtons(title, content, u.win)
	d.Resize(fyne.NewSize(560, 0).Max(content.MinSize()))
	d.SetOnClosed(func() {
		if !done && previous != nil {
			u.win.Canvas().Focus(previous)
		}
	})
	d.Show()
	u.win.Canvas().Focus(no)
}

// askReplace asks "Replace it?" about an existing file, and calls yes only
// when the person says so.
func (u *UI) askReplace(path string, yes func()) {
	u.askFirst("Replace it?", path+" already exists. Replace it with the new file? The file there now will be lost.", "Yes, replace it", yes)
}
