package ui

import (
	"fmt"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// section is one part of the window, chosen in the navigation column or
// with its shortcut.
type section int

const (
	sectionHome section = iota
	sectionPeople
	sectionRota
	sectionTimesheets
	sectionPay
	sectionMoney
	sectionReturns
	sectionSettings
)

var sections = []section{sectionHome, sectionPeople, sectionRota, sectionTimesheets, sectionPay, sectionMoney, sectionReturns, sectionSettings}

func (s section) String() string {
	return [...]string{"Home", "People", "Rota", "Timesheets", "Pay", "Money", "Returns", "Settings"}[s]
}

// key is the number key that, with Ctrl (Cmd on a Mac), opens the section.
func (s section) key() fyne.KeyName { return fyne.KeyName(fmt.Sprint(int(s) + 1)) }

// shortcut is the section's window shortcut. Ctrl+number does not clash
// with typing in a text box (an Entry uses Ctrl+A/C/V/X/Z/Y and Ctrl+arrows).
func (s section) shortcut() *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: s.key(), Modifier: fyne.KeyModifierShortcutDefault}
}

// shortcutLabel says how to press a shortcut: "Ctrl+2", or "Cmd+2" on a Mac.
func shortcutLabel(k fyne.KeyName) string {
	if runtime.GOOS == "darwin" {
		return "Cmd+" + string(k)
	}
	return "Ctrl+" + string(k)
}

func (s section) navLabel() string {
	return fmt.Sprintf("%s  (%s)", s, shortcutLabel(s.key()))
}

// saveShortcut saves the form in view (Ctrl+S, Cmd+S on a Mac); Enter does
// the same from a one-line box, and this also works from an address box.
var saveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// registerShortcuts adds the window's shortcuts to its canvas. A text box
// that has the focus passes them on through runShortcut.
func (u *UI) registerShortcuts() {
	add := func(s *desktop.CustomShortcut, fn func()) {
		u.shortcuts[s.ShortcutName()] = fn
		u.win.Canvas().AddShortcut(s, func(fyne.Shortcut) { u.unlessBusy(fn) })
	}
	for _, s := range sections {
		s := s
		add(s.shortcut(), func() { u.ShowSection(s) })
	}
	add(saveShortcut, func() {
		if u.form != nil {
			u.form.Submit()
		}
	})
}

// runShortcut runs the window shortcut s, reporting whether it was one.
func (u *UI) runShortcut(s fyne.Shortcut) bool {
	fn, ok := u.shortcuts[s.ShortcutName()]
	if ok {
		u.unlessBusy(fn)
	}
	return ok
}

// ShowSection shows a section's first page and marks it in the
// navigation. Before the first budget is set up only Settings can be
// opened (from the welcome page).
func (u *UI) ShowSection(s section) {
	if u.form != nil && u.form.changed() {
		u.askFirst("Leave without saving?", "You have changed this form and not saved it. Leave it without saving the changes?",
			"Yes, leave without saving", func() {
				u.form = nil
				u.ShowSection(s)
			})
		return
	}
	if u.account.ID == 0 {
		if s == sectionSettings {
			u.showSettings()
		}
		return
	}
	u.section = s
	for sec, b := range u.navBtns {
		if sec == s {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.shownNow = sec == s
		b.Refresh()
	}
	switch s {
	case sectionHome:
		u.showHome()
	case sectionPeople:
		u.showPeople()
	case sectionRota:
		u.showRota()
	case sectionTimesheets:
		u.showTimesheets()
	case sectionPay:
		u.showPay()
	case sectionMoney:
		u.showMoney()
	case sectionReturns:
		u.showReturns()
	case sectionSettings:
		u.showSettings()
	default:
		u.showComingSoon(s)
	}
}
