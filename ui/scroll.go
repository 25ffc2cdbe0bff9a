package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// scrollIntoView scrolls the page so obj, which has just gained the focus,
// can be seen: Fyne moves the focus with Tab but does not scroll to it, and
// a long form would otherwise hide the box being typed in.
func scrollIntoView(obj fyne.CanvasObject) {
	revealRect(nil, obj, fyne.Position{}, obj.Size())
}

// revealRect scrolls every scroller that holds obj, on the canvas cv, so
// the rectangle at pos (inside obj) of size is in view, horizontally and
// vertically.
func revealRect(cv fyne.Canvas, obj fyne.CanvasObject, pos fyne.Position, size fyne.Size) {
	if cv == nil {
		if app := fyne.CurrentApp(); app != nil {
			cv = app.Driver().CanvasForObject(obj)
		}
	}
	if cv == nil {
		return
	}
	path := pathTo(cv.Content(), obj)
	// Lay the containers on the way out again first: a line above obj may
	// have just changed height (the status line), and Fyne lays out only
	// when it next draws.
	for _, o := range path {
		if c, ok := o.(*fyne.Container); ok && c.Layout != nil {
			c.Layout.Layout(c.Objects, c.Size())
		}
	}
	pad := theme.Padding() * 2
	for i := len(path) - 1; i >= 0; i-- {
		s, ok := path[i].(*container.Scroll)
		if !ok || s.Direction == container.ScrollNone || s.Size().IsZero() {
			continue
		}
		// Where the rectangle is in the scroller's content. (The content
		// itself is moved by -Offset to scroll it, so add that back.)
		at := pos.Add(s.Offset)
		for _, o := range path[i+1:] {
			at = at.Add(o.Position())
		}
		off := s.Offset
		if s.Direction != container.ScrollHorizontalOnly {
			off.Y = revealSpan(off.Y, at.Y, size.Height, s.Size().Height, pad)
		}
		if s.Direction != container.ScrollVerticalOnly {
			off.X = revealSpan(off.X, at.X, size.Width, s.Size().Width, pad)
		}
		off.X, off.Y = max(off.X, 0), max(off.Y, 0)
		if off != s.Offset {
			s.ScrollToOffset(off)
		}
	}
}

// revealSpan is a scroller's offset along one axis that shows the span
// from at of length, with pad around it, in a view of length view that now
// starts at off; off itself when the span is already in view.
func revealSpan(off, at, length, view, pad float32) float32 {
	switch {
	case at-pad < off:
		return at - pad
	case at+length+pad > off+view:
		return at + length + pad - view
	}
	return off
}

// pathTo returns the objects from root down to target (both included), or
// nil when target is not inside root. It looks through containers and
// scrollers, which is how the pages are built.
func pathTo(root, target fyne.CanvasObject) []fyne.CanvasObject {
	if root == nil {
		return nil
	}
	if root == target {
		return []fyne.CanvasObject{root}
	}
	var children []fyne.CanvasObject
	switch o := root.(type) {
	case *fyne.Container:
		children = o.Objects
	case *container.Scroll:
		children = []fyne.CanvasObject{o.Content}
	}
	for _, child := range children {
		if p := pathTo(child, target); p != nil {
			return append([]fyne.CanvasObject{root}, p...)
		}
	}
	return nil
}
