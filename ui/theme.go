package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// sizeNameFocusRing is the width of the ring drawn round the focused widget.
const sizeNameFocusRing fyne.ThemeSizeName = "patoolkitFocusRing"

// appTheme is Fyne's default theme with every size scaled by the chosen
// text size, and an optional high-contrast colour set: black background,
// white text, yellow for the focus and for the main buttons.
//
// The font is Fyne's default (Noto Sans, with Fyne's symbol and emoji
// fallbacks): it already prints £, ë, Ł and the other Latin letters in
// people's names, so the window does not swap it. The Go fonts in assets
// are for documents (PDF) that need an embedded font.
type appTheme struct {
	fyne.Theme
	scale        float32 // 1 = 100%
	highContrast bool
}

// newTheme returns the theme for a text size in per cent (100 to 200) and
// the high-contrast choice.
func newTheme(textPercent int, highContrast bool) *appTheme {
	return &appTheme{Theme: theme.DefaultTheme(), scale: float32(textPercent) / 100, highContrast: highContrast}
}

// Size scales every size, so padding and icons grow with the text.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == sizeNameFocusRing {
		return 3 * t.scale
	}
	return t.Theme.Size(n) * t.scale
}

// Color gives the high-contrast colours when chosen; otherwise the default
// colours, with darker red, amber and green on a light background so that
// messages in those colours are easy to read.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.highContrast {
		if c, ok := highContrastColors[n]; ok {
			return c
		}
		return t.Theme.Color(n, theme.VariantDark)
	}
	if v == theme.VariantLight {
		if c, ok := lightTextColors[n]; ok {
			return c
		}
	}
	return t.Theme.Color(n, v)
}

var lightTextColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameError:   color.NRGBA{R: 0xb3, G: 0x1b, B: 0x1b, A: 0xff},
	theme.ColorNameWarning: color.NRGBA{R: 0x8f, G: 0x4f, B: 0x00, A: 0xff},
	theme.ColorNameSuccess: color.NRGBA{R: 0x1b, G: 0x6e, B: 0x20, A: 0xff},
}

var (
	black  = color.NRGBA{A: 0xff}
	white  = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	yellow = color.NRGBA{R: 0xff, G: 0xe0, B: 0x00, A: 0xff}
)

var highContrastColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:          black,
	theme.ColorNameForeground:          white,
	theme.ColorNamePrimary:             yellow,
	theme.ColorNameForegroundOnPrimary: black,
	theme.ColorNameFocus:               color.NRGBA{R: 0xff, G: 0xe0, B: 0x00, A: 0x60},
	theme.ColorNameHover:               color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x40},
	theme.ColorNameButton:              color.NRGBA{R: 0x26, G: 0x26, B: 0x26, A: 0xff},
	theme.ColorNameDisabledButton:      color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff},
	theme.ColorNameDisabled:            color.NRGBA{R: 0xb0, G: 0xb0, B: 0xb0, A: 0xff},
	theme.ColorNameInputBackground:     black,
	theme.ColorNameInputBorder:         white,
	theme.ColorNamePlaceHolder:         color.NRGBA{R: 0xcc, G: 0xcc, B: 0xcc, A: 0xff},
	theme.ColorNameSelection:           color.NRGBA{R: 0x00, G: 0x55, B: 0xcc, A: 0xff},
	theme.ColorNameSeparator:           white,
	theme.ColorNameShadow:              color.Transparent,
	theme.ColorNameScrollBar:           color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xb0},
	theme.ColorNameHeaderBackground:    black,
	theme.ColorNameMenuBackground:      black,
	theme.ColorNameOverlayBackground:   black,
	theme.ColorNameError:               color.NRGBA{R: 0xff, G: 0x8a, B: 0x8a, A: 0xff},
	theme.ColorNameForegroundOnError:   black,
	theme.ColorNameSuccess:             color.NRGBA{R: 0x7d, G: 0xff, B: 0x7d, A: 0xff},
	theme.ColorNameForegroundOnSuccess: black,
	theme.ColorNameWarning:             color.NRGBA{R: 0xff, G: 0xb0, B: 0x20, A: 0xff},
	theme.ColorNameForegroundOnWarning: black,
	theme.ColorNameHyperlink:           yellow,
	theme.ColorNamePressed:             color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x60},
}
