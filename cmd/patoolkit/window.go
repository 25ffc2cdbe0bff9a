package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"patoolkit/assets"
	"patoolkit/service"
	"patoolkit/ui"
)

// appID is the application's ID, as in FyneApp.toml: Fyne keeps the
// window's settings (text size, contrast) under it.
const appID = "uk.patoolkit.app"

// openWindow opens the main window on the data file (the default when "").
// It returns the exit code: 1 when the file could not be opened (the
// window then says why and offers Close).
func openWindow(data string) int {
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
	w.Resize(fyne.NewSize(1100, 720))

	svc, err := openData(data)
	if err != nil {
		ui.ShowOpenError(a, w, service.ErrorMessage(err))
		w.ShowAndRun()
		return 1
	}
	defer svc.Close()
	ui.Create(a, w, svc)
	w.ShowAndRun()
	return 0
}
