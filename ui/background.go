package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Long work (reading and importing a bank statement, making an export,
// filling the file with the example household, the full check of the data
// file) is done off the window's thread, so the window keeps drawing and
// says what it is doing. Only the window's thread touches widgets: the
// work itself calls the service and nothing else, and hands its result
// back through handBack, which is the window's one fyne.Do.
type background struct {
	// handBack runs fn on the window's thread: fyne.Do. Tests queue it
	// instead, and run it when they wait for the work (see waitForWork).
	handBack func(fn func())
	busy     bool // a job with a progress box is running
	box      *widget.PopUp
	label    *widget.Label
	// pending counts the jobs whose result has not been handed back yet
	// (read and written on the window's thread only).
	pending int
}

func newBackground() *background {
	return &background{handBack: func(fn func()) { fyne.Do(fn) }}
}

// offThread runs work in a goroutine and then done on the window's thread.
// It shows nothing: for work the person did not start and need not wait
// for (the full check at start).
func (u *UI) offThread(work func(), done func()) {
	bg := u.bg
	bg.pending++
	go func() {
		work()
		bg.handBack(func() {
			bg.pending--
			done()
		})
	}()
}

// inBackground runs work off the window's thread while a box over the
// window says what is being done (doing, e.g. "Importing the bank
// statement…") with a moving bar, and keeps the rest of the window still:
// no key or click starts anything else until it ends. Then, on the
// window's thread, the box goes, the focus goes back where it was, and
// done is called (it shows the result, and may move the focus on). A
// second job asked for while one runs is not started.
func (u *UI) inBackground(doing string, work func(), done func()) {
	bg := u.bg
	if bg.busy {
		return
	}
	bg.busy = true
	c := u.win.Canvas()
	previous := c.Focused()
	if bg.box == nil {
		bg.label = widget.NewLabel("")
		bg.label.Wrapping = fyne.TextWrapWord
		bar := widget.NewProgressBarInfinite()
		bg.box = widget.NewModalPopUp(container.NewVBox(bg.label, bar), c)
	}
	bg.label.SetText(doing + " Please wait: this can take a little while for a large file.")
	bg.box.Resize(fyne.NewSize(480, bg.box.MinSize().Height))
	bg.box.Show()
	c.Unfocus()
	u.offThread(work, func() {
		bg.box.Hide()
		bg.busy = false
		if previous != nil && c.Focused() == nil {
			c.Focus(previous)
		}
		done()
	})
}

// working returns what the window is busy with ("" when it is not): the
// progress box's text.
func (u *UI) working() string {
	if !u.bg.busy {
		return ""
	}
	return u.bg.label.Text
}

// unlessBusy does fn unless a job is running: a shortcut or Escape does
// nothing until it ends.
func (u *UI) unlessBusy(fn func()) {
	if !u.bg.busy {
		fn()
	}
}
