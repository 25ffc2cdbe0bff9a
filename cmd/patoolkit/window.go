package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"patoolkit/assets"
	"patoolkit/service"
	"patoolkit/ui"
)

// appID is the application's ID, as in FyneApp.toml: Fyne keeps the
// window's settings (text size, contrast) under it.
const appID = "uk.patoolkit.app"

// noDisplay is what a person is told when there is no screen to open the
// window on (a terminal over SSH, a server): the commands still work.
const noDisplay = "patoolkit: no display found, so the window cannot open. Nothing was changed. " +
	"The commands work without one: run \"patoolkit help\" to list them."

// openWindow opens the main window on the data file (the default when "").
// It returns the exit code: 1 when there is no display (nothing is made)
// or the file could not be opened (the window then says why and offers
// Close).
func openWindow(data string) int {
	if !displayAvailable() {
		fmt.Fprintln(os.Stderr, noDisplay)
		return 1
	}
	// Fyne logs why the graphics library could not start; that is kept
	// back until the window is up, and said in one line if it is not.
	var logged bytes.Buffer
	log.SetOutput(&logged)
	// What "fyne build" would take from FyneApp.toml, so that a plain
	// "go build" behaves the same.
	app.SetMetadata(fyne.AppMetadata{
		ID: appID, Name: ui.Title, Version: Version, Build: 1, Icon: assets.Icon,
		Migrations: map[string]bool{"fyneDo": true},
	})
	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	ui.ApplySettings(a)
	w := a.NewWindow(ui.Title)
	w.SetIcon(assets.Icon)
	w.Resize(ui.OpenSize(a, fyne.Size{}))
	w.SetContent(widget.NewLabel("Opening your data file…"))
	// The window is made before the data file is touched: where no display
	// can be had, nothing is created.
	if !showWindow(w, &logged) {
		fmt.Fprintln(os.Stderr, noDisplay)
		return 1
	}
	// Larger text gets a larger window, up to the screen.
	screen := screenRoom(w)
	w.Resize(ui.OpenSize(a, screen))

	svc, err := openUnchecked(data) // the window checks it in the background
	if err != nil {
		ui.ShowOpenError(a, w, service.ErrorMessage(err))
		a.Run()
		return 1
	}
	defer svc.Close()
	ui.Create(a, w, svc).SetScreen(screen)
	a.Run()
	return 0
}

// screenRoom is the room the screen has for w, in the window's units (the
// screen's pixels over the window's scale), zero when it is not known.
func screenRoom(w fyne.Window) fyne.Size {
	pw, ph, ok := screenPixels()
	if !ok {
		return fyne.Size{}
	}
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(pw)/scale, float32(ph)/scale)
}

// showWindow shows w, and reports false when the graphics library found no
// display to show it on: it panics then, after logging why, which is
// caught here so the person gets one plain line instead of a trace. Any
// other panic is not ours to hide.
func showWindow(w fyne.Window, logged *bytes.Buffer) (ok bool) {
	defer func() {
		log.SetOutput(os.Stderr)
		if r := recover(); r != nil {
			if !strings.Contains(fmt.Sprint(r), "GLFW") && !strings.Contains(logged.String(), "GLFW") {
				io.Copy(os.Stderr, logged)
				panic(r)
			}
			ok = false
			return
		}
		io.Copy(os.Stderr, logged)
	}()
	w.Show()
	return true
}
