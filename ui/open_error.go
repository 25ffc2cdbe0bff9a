package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowOpenError fills w with the plain message for a data file that could
// not be opened (in use by another copy, damaged, not a toolkit file) and
// a Close button that has the focus; Enter, Space or Escape closes it.
// The file is never touched.
func ShowOpenError(a fyne.App, w fyne.Window, message string) {
	a.Settings().SetTheme(NewSettings(a.Preferences()).Theme())
	closeBtn := newKeyButton("Close", theme.CancelIcon(), w.Close)
	closeBtn.onEscape = w.Close
	closeBtn.Importance = widget.HighImportance
	w.SetContent(page(
		pageTitle("The data file could not be opened"),
		warning(message),
		wrapLabel("Nothing in the file has been changed."),
		buttonRow(closeBtn),
	))
	w.Canvas().Focus(closeBtn)
}
