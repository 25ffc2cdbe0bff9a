package ui

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Keys of the window's settings in fyne.App.Preferences. They are kept
// between runs by Fyne, per user, apart from the data file.
const (
	keyTextSize     = "text-size-percent"
	keyHighContrast = "high-contrast"
	keyLastAccount  = "last-budget-id"
)

// TextSizes are the text sizes offered, in per cent of the normal size.
var TextSizes = []int{100, 125, 150, 175, 200}

// Defaults.
const (
	defaultTextSize     = 100
	defaultHighContrast = false
)

// Settings is a typed view of the window's preferences.
type Settings struct {
	p fyne.Preferences
}

// NewSettings reads and writes settings in p.
func NewSettings(p fyne.Preferences) *Settings { return &Settings{p: p} }

// TextSize is the text size in per cent; a stored value that is not one of
// TextSizes reads as the default.
func (s *Settings) TextSize() int {
	v := s.p.IntWithFallback(keyTextSize, defaultTextSize)
	if !slices.Contains(TextSizes, v) {
		return defaultTextSize
	}
	return v
}

// SetTextSize stores the text size; a value not in TextSizes is ignored.
func (s *Settings) SetTextSize(percent int) {
	if slices.Contains(TextSizes, percent) {
		s.p.SetInt(keyTextSize, percent)
	}
}

// HighContrast reports whether the high-contrast colours are chosen.
func (s *Settings) HighContrast() bool {
	return s.p.BoolWithFallback(keyHighContrast, defaultHighContrast)
}

// SetHighContrast stores the high-contrast choice.
func (s *Settings) SetHighContrast(on bool) { s.p.SetBool(keyHighContrast, on) }

// LastAccount is the budget that was open last (0 when none).
func (s *Settings) LastAccount() int64 { return int64(s.p.Int(keyLastAccount)) }

// SetLastAccount remembers the open budget.
func (s *Settings) SetLastAccount(id int64) { s.p.SetInt(keyLastAccount, int(id)) }

// Theme is the theme these settings ask for.
func (s *Settings) Theme() fyne.Theme { return newTheme(s.TextSize(), s.HighContrast()) }

// ApplySettings sets the app's theme from its stored settings. Call it
// before showing the first window so it opens at the right size.
func ApplySettings(a fyne.App) {
	a.Settings().SetTheme(NewSettings(a.Preferences()).Theme())
}
