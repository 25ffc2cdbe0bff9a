package ui

import (
	"bytes"
	"io"
	"path/filepath"
)

// saveMade makes a file's contents with contents, then writes them to path
// through the service's one file writer, both off the window's thread: the
// contents are made first, so what was typed is checked before any file is
// touched. An existing file is replaced only once the person has said so
// (the form asks); done runs when the file is written.
func (u *UI) saveMade(f *form, path string, contents func(io.Writer) error, done func()) error {
	replace := f.replace
	var made, written error
	return f.inBackground("Making "+filepath.Base(path)+"…", func() {
		var buf bytes.Buffer
		if made = contents(&buf); made != nil {
			return
		}
		written = u.svc.WriteFile(path, replace, func(w io.Writer) error {
			_, err := w.Write(buf.Bytes())
			return err
		})
	}, func() error {
		if made != nil {
			return rotaSaveError(f, made)
		}
		if written != nil {
			return f.replaceFile(path, written)
		}
		done()
		return nil
	})
}
