package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chooseFileButton is a "Choose a file…" button for a box where a file's
// path is typed: it opens the file dialog (Tab, the arrow keys and Enter
// work in it), starting in the folder of the path typed so far, or the
// home folder. The path chosen goes into the box, which gets the focus
// back; typing the path works as before.
func (u *UI) chooseFileButton(box *keyEntry, extensions []string) *keyButton {
	b := newKeyButton("Choose a file…", theme.FolderOpenIcon(), nil)
	b.OnTapped = func() { u.chooseFile(box, extensions) }
	b.onEscape = box.onEscape
	return b
}

// chooseFile opens the file dialog for box.
func (u *UI) chooseFile(box *keyEntry, extensions []string) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			u.focus(box) // cancelled: back to the box, as it was
			return
		}
		path := r.URI().Path()
		r.Close()
		u.fileChosen(box, path)
	}, u.win)
	if len(extensions) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(extensions))
	}
	if dir := startFolder(box.Text); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
	d.Resize(u.win.Canvas().Size().Subtract(fyne.NewSize(40, 40))) // only once shown: Fyne builds it in Show
	// Fyne's open dialog focuses nothing, so no key works until Tab is
	// pressed: start on the list of files, where the arrow keys move and
	// Space chooses (a folder opens; a file is chosen for Open).
	// (The dialog's parts are not reachable from here, so Tab is walked
	// through it, within the dialog, until the list has the focus.)
	c := u.win.Canvas()
	for i := 0; i < 20; i++ {
		c.FocusNext()
		switch c.Focused().(type) {
		case *widget.GridWrap, *widget.List:
			if _, fav := c.Focused().(*widget.List); fav && i == 0 {
				continue // the first list is the favourite folders
			}
			return
		}
	}
	c.Unfocus()
}

// fileChosen puts the path chosen in the dialog into box and gives it the
// focus, so Enter then goes on.
func (u *UI) fileChosen(box *keyEntry, path string) {
	box.SetText(path)
	u.focus(box)
}

// startFolder is the folder the file dialog opens in: that of the path
// typed, when it is a folder there, else the home folder ("" when there
// is none).
func startFolder(typed string) string {
	typed = strings.TrimSpace(typed)
	for _, dir := range []string{typed, filepath.Dir(typed)} {
		if dir == "" || dir == "." {
			continue
		}
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return ""
}

// withChooser lays a path box out with its "Choose a file…" button after it.
func withChooser(box *keyEntry, choose *keyButton) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, choose, box)
}
