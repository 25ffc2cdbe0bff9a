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
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	c := app.Driver().CanvasForObject(obj)
	if c == nil {
		return
	}
	path := pathTo(c.Content(), obj)
	// Work from the innermost scroller outwards.
	for i := len(path) - 1; i >= 0; i-- {
		s, ok := path[i].(*container.Scroll)
		if !ok || s.Direction == container.ScrollNone || s.Size().Height <= 0 {
			continue
		}
		// obj's position inside the scroller's content.
		var y float32
		for _, o := range path[i+1:] {
			y += o.Position().Y
		}
		h := obj.Size().Height
		pad := theme.Padding() * 2
		off := s.Offset
		switch {
		case y-pad < off.Y:
			off.Y = y - pad
		case y+h+pad > off.Y+s.Size().Height:
			off.Y = y + h + pad - s.Size().Height
		default:
			continue
		}
		if off.Y < 0 {
			off.Y = 0
		}
		s.ScrollToOffset(off)
	}
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
