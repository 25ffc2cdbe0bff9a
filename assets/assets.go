// Package assets holds the files built into the program: the icon and the
// fonts. The fonts are the Go fonts (golang.org/x/image/font/gofont, BSD
// licence), which print £, ë, Ł and the other Latin letters in people's
// names; documents such as PDFs embed them, since the PDF core fonts do not.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// IconPNG is the application icon, 256×256 pixels.
//
//go:embed icon.png
var IconPNG []byte

// The fonts as TrueType bytes.
var (
	FontRegularTTF = goregular.TTF
	FontBoldTTF    = gobold.TTF
	FontItalicTTF  = goitalic.TTF
)

// The same files as Fyne resources.
var (
	Icon        fyne.Resource = fyne.NewStaticResource("icon.png", IconPNG)
	FontRegular fyne.Resource = fyne.NewStaticResource("Go-Regular.ttf", FontRegularTTF)
	FontBold    fyne.Resource = fyne.NewStaticResource("Go-Bold.ttf", FontBoldTTF)
	FontItalic  fyne.Resource = fyne.NewStaticResource("Go-Italic.ttf", FontItalicTTF)
)
