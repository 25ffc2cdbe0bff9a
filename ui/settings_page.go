package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/service"
)

func textSizeLabel(p int) string {
	if p == 100 {
		return "100% (normal)"
	}
	return fmt.Sprintf("%d%%", p)
}

// showSettings shows the text size, the high-contrast colours, where the
// data file is and how to back it up.
func (u *UI) showSettings() { u.settingsPage(false) }

func (u *UI) settingsPage(focusContrast bool) {
	size := newKeySelect(nil, nil)
	for _, p := range TextSizes {
		size.Options = append(size.Options, textSizeLabel(p))
	}
	size.SetSelected(textSizeLabel(u.settings.TextSize()))
	size.OnChanged = func(string) {
		if i := size.SelectedIndex(); i >= 0 {
			u.SetTextSize(TextSizes[i])
		}
	}
	contrast := newKeyCheck("High contrast: white text on black, yellow focus", nil)
	contrast.SetChecked(u.settings.HighContrast())
	contrast.OnChanged = func(on bool) { u.SetHighContrast(on) }

	path := u.svc.Path()
	where := wrapLabel(path)
	// A button copies the path: a selectable label's text would take the
	// focus with no words for a screen reader to say.
	copyPath := newKeyButton("Copy the file's path", theme.ContentCopyIcon(), nil)
	copyPath.OnTapped = func() {
		u.app.Clipboard().SetContent(path)
		copyPath.SetText("Copied the file's path")
	}
	backupPath := newKeyEntry()
	backupPath.onShortcut = u.runShortcut
	backupPath.SetText(filepath.Join(filepath.Dir(path), "patoolkit-backup-"+civil.Of(u.now()).String()+".db"))
	result := wrapLabel("")
	result.Hide()
	var backup func(replace bool)
	var backedUp func(to string, replace bool, err error)
	backup = func(replace bool) {
		to := backupPath.Text
		var err error
		u.inBackground("Backing up to "+filepath.Base(to)+"…", func() { err = u.svc.Backup(to, replace) }, func() { backedUp(to, replace, err) })
	}
	backedUp = func(to string, replace bool, err error) {
		if service.IsFileExists(err) && !replace {
			u.askReplace(to, func() { backup(true) })
			return
		}
		result.Show()
		if err != nil {
			result.SetText("⚠ " + service.ErrorMessage(err))
			result.Importance = widget.DangerImportance
		} else {
			result.SetText("✔ Backup saved to " + to + ". Keep a copy somewhere safe, like a USB stick.")
			result.Importance = widget.SuccessImportance
		}
		result.Refresh()
	}
	backupPath.OnSubmitted = func(string) { backup(false) }
	backupBtn := newKeyButton("Back up now", theme.DocumentSaveIcon(), func() { backup(false) })

	parts := []fyne.CanvasObject{pageTitle("Settings")}
	var escape func()
	if u.account.ID == 0 {
		back := newKeyButton("Back to the welcome page", theme.NavigateBackIcon(), u.showWelcome)
		parts = append(parts, buttonRow(back))
		escape = u.showWelcome
	}
	parts = append(parts,
		heading(spokenAs(size, "Text size")),
		size,
		hintLabel("Makes the text, and everything with it, bigger. It changes at once and is kept for next time. With the keyboard: Left and Right choose."),
		heading("Colours"),
		contrast,
		heading("Dates"),
		wrapLabel("Dates are always shown and typed as day/month/year (DD/MM/YYYY), for example 06/04/2026 for 6 April 2026, whatever your computer's language settings."),
		heading("Your data file"),
		hintLabel("Everything you enter is kept in this one file on this computer. Nothing is sent anywhere."),
		where,
		buttonRow(copyPath),
		heading(spokenAs(backupPath, "Back up")),
		hintLabel("Saves a copy of your data file. Type where to save it (a new file name), then press Enter or \"Back up now\"."),
		backupPath,
		buttonRow(backupBtn),
		result,
	)
	size.onEscape, contrast.onEscape, backupPath.onEscape, copyPath.onEscape = escape, escape, escape, escape
	var first fyne.Focusable = size
	if focusContrast {
		first = contrast
	}
	u.showPage(page(parts...), first, escape)
}

// SetTextSize stores and applies a text size in per cent.
func (u *UI) SetTextSize(percent int) {
	if percent == u.settings.TextSize() {
		return
	}
	u.settings.SetTextSize(percent)
	u.applyTheme()
}

// SetHighContrast stores and applies the high-contrast choice.
func (u *UI) SetHighContrast(on bool) {
	if on == u.settings.HighContrast() {
		return
	}
	u.settings.SetHighContrast(on)
	u.applyTheme()
}

// applyTheme applies the stored settings and redraws the settings page,
// keeping the focus on the control that was changed.
func (u *UI) applyTheme() {
	u.app.Settings().SetTheme(u.settings.Theme())
	u.growWindow()
	if u.switcher != nil {
		u.reloadAccounts() // the switcher's width follows the text size
	}
	_, onContrast := u.win.Canvas().Focused().(*keyCheck)
	u.settingsPage(onContrast)
}

// growWindow makes the window as big as the text size asks for, up to
// the screen, and never smaller than it is. It does nothing when the
// screen's size is not known.
func (u *UI) growWindow() {
	if u.screen.Width <= 0 || u.screen.Height <= 0 {
		return
	}
	now := u.win.Canvas().Size()
	want := WindowSize(u.settings.TextSize(), u.screen).Max(now)
	if want != now {
		u.win.Resize(want)
	}
}
