package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestTheFileDialogByKeyboard: Fyne's file dialog, opened from "Choose a
// file…", starts with the focus on its list of files (Fyne's own starts
// on nothing); the arrow keys move through the files and Space chooses
// one; Tab reaches Open, which Space presses, and the path goes into the
// box with the focus back on it. Enter and Escape do nothing in Fyne's
// dialog (see the report): Cancel is reached by Tab, and Space presses it.
func TestTheFileDialogByKeyboard(t *testing.T) {
	u, _ := newDemoUI(t)
	dir := t.TempDir()
	csv := filepath.Join(dir, "statement.csv")
	if err := os.WriteFile(csv, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	u.showImportFile("")
	box := focused(t, u).(*keyEntry)
	box.SetText(dir + string(filepath.Separator))
	c := u.win.Canvas()
	key := func(k fyne.KeyName) {
		t.Helper()
		f := c.Focused()
		if f == nil {
			t.Fatalf("nothing has the focus for %s", k)
		}
		f.TypedKey(&fyne.KeyEvent{Name: k})
	}
	tabTo := func(label string) {
		t.Helper()
		for i := 0; i < 20; i++ {
			if b, ok := c.Focused().(*widget.Button); ok && b.Text == label {
				return
			}
			test.FocusNext(c)
		}
		t.Fatalf("Tab does not reach %q", label)
	}

	// Cancel by keyboard: back to the box, as it was.
	u.chooseFile(box, []string{".csv", ".ofx"})
	if _, ok := c.Focused().(*widget.GridWrap); !ok {
		t.Fatalf("the dialog opens with the focus on %T, not its files", c.Focused())
	}
	key(fyne.KeyEscape)
	if c.Overlays().Top() == nil {
		t.Log("Escape closes the dialog now: update the report")
	}
	tabTo("Cancel")
	key(fyne.KeySpace)
	if c.Overlays().Top() != nil || c.Focused() != box || box.Text != dir+string(filepath.Separator) {
		t.Fatalf("after Cancel: overlay %v, focus %T, box %q", c.Overlays().Top(), c.Focused(), box.Text)
	}

	// Choose the file: the one file is after the folder above ("..").
	u.chooseFile(box, []string{".csv", ".ofx"})
	key(fyne.KeyRight) // past ".."
	key(fyne.KeySpace)
	if openButton(t, u).Disabled() {
		t.Fatal("Space on the file did not choose it")
	}
	tabTo("Open")
	key(fyne.KeySpace)
	if box.Text != csv || c.Focused() != box || c.Overlays().Top() != nil {
		t.Fatalf("after Open the box holds %q, the focus is on %T", box.Text, c.Focused())
	}
}

// openButton is the file dialog's Open button.
func openButton(t *testing.T, u *UI) *widget.Button {
	t.Helper()
	c := u.win.Canvas()
	start := c.Focused()
	defer c.Focus(start)
	for i := 0; i < 30; i++ {
		test.FocusNext(c)
		if b, ok := c.Focused().(*widget.Button); ok && b.Text == "Open" {
			return b
		}
	}
	// A disabled button can't have the focus: say so by a disabled one.
	b := widget.NewButton("Open", nil)
	b.Disable()
	return b
}
