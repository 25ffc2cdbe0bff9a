//go:build !ci

package main

import (
	"github.com/go-gl/glfw/v3.4/glfw"
)

// screenPixels is the room the primary screen has for a window (its work
// area: the screen less any task bar), in the screen's pixels; ok is false
// when it can't be told (no monitor, or a system that does not say). Call
// it on the main goroutine once the window is made, as the graphics
// library (GLFW, which Fyne's window uses) is then running.
func screenPixels() (width, height int, ok bool) {
	defer func() {
		if recover() != nil { // GLFW not running: the size is not known
			ok = false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	_, _, width, height = m.GetWorkarea()
	if width <= 0 || height <= 0 {
		if mode := m.GetVideoMode(); mode != nil {
			width, height = mode.Width, mode.Height
		}
	}
	return width, height, width > 0 && height > 0
}
