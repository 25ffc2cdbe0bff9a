package service

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"patoolkit/household"
	"patoolkit/outfile"
	"patoolkit/storage"
)

// WriteFile writes a file for the person (an export, a saved receipt, a
// payslip) through the toolkit's one file writer: never over the data
// file or its companions, never over anything but a regular file, and over
// an existing file only when replace is set (the person said so). The
// content goes to a temporary file (0600) beside it, is synced, and takes
// the name only when whole. A refusal is a field error on "path" with
// nothing written; IsFileExists tells the one the person can overrule.
func (s *Service) WriteFile(path string, replace bool, fn func(io.Writer) error) error {
	err := outfile.Write(path, outfile.Options{Replace: replace, Protected: storage.Companions(s.Path())}, fn)
	if outfile.KindOf(err) != 0 {
		return fileRefusal(err, path)
	}
	return err
}

// IsFileExists reports whether err refused to write over an existing file:
// the window then asks "Replace it?", and the CLI points to --force.
func IsFileExists(err error) bool { return outfile.KindOf(err) == outfile.Exists }

// fileRefusal puts a refusal of the file writer in plain words, as a
// problem with the "path" field. The writer's error stays inside it, so
// IsFileExists can see it.
func fileRefusal(err error, path string) error {
	var msg string
	switch outfile.KindOf(err) {
	case outfile.NoName:
		msg = "Say where to save it: a new file name, with its folder."
	case outfile.NoFolder:
		msg = fmt.Sprintf("The folder %s does not exist. Choose a folder that does.", filepath.Dir(path))
	case outfile.IsFolder:
		msg = fmt.Sprintf("%s is a folder. Give a file name in it, like %s.", path, filepath.Join(path, "copy.pdf"))
	case outfile.NotRegular:
		msg = fmt.Sprintf("%s is not an ordinary file (it is a device, a pipe or a broken link), so nothing was written. Choose a new file name.", path)
	case outfile.Protected:
		msg = fmt.Sprintf("%s is your data file or one of the files that go with it, so nothing was written. Choose another name.", path)
	case outfile.Exists:
		msg = fmt.Sprintf("%s already exists, so nothing was written.", path)
	default:
		return err
	}
	p := household.Problems{{Field: "path", Message: msg}}
	return &Error{Code: Invalid, Message: msg, Err: errors.Join(p, err)}
}
