// Package outfile is the one way the toolkit writes a file for a person:
// an export, a backup, a saved receipt, a payslip or a return.
//
// It never writes the data file or its companions (found by real path, so
// symlinks and hard links are seen through), never writes anything that is
// not a regular file, and never replaces an existing file unless the person
// said so. The content goes to a new temporary file (mode 0600) in the same
// folder, is synced, and only then takes the file's name, so a kill at any
// moment leaves either the old file or the whole new one.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Kind says why a file was refused.
type Kind int

const (
	// NoName: no file name was given.
	NoName Kind = iota + 1
	// NoFolder: the folder to write in does not exist.
	NoFolder
	// IsFolder: the name is a folder, not a file.
	IsFolder
	// NotRegular: the name is a device, a pipe or another special file.
	NotRegular
	// Protected: the name is the data file or one of its companions.
	Protected
	// Exists: a file of that name exists and replacing it was not asked for.
	Exists
)

// Error is a refusal: nothing was written.
type Error struct {
	Kind Kind
	Path string
}

func (e *Error) Error() string {
	switch e.Kind {
	case NoName:
		return "no file name given"
	case NoFolder:
		return fmt.Sprintf("the folder of %s does not exist", e.Path)
	case IsFolder:
		return fmt.Sprintf("%s is a folder", e.Path)
	case NotRegular:
		return fmt.Sprintf("%s is not a regular file", e.Path)
	case Protected:
		return fmt.Sprintf("%s is the data file or one of its companions", e.Path)
	case Exists:
		return fmt.Sprintf("%s already exists", e.Path)
	}
	return "refused: " + e.Path
}

// KindOf returns the Kind of a refusal, or 0 when err is not one.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// Options say how a file may be written.
type Options struct {
	// Replace allows an existing regular file to be replaced; the person
	// said so (--force, or "Replace it?" answered yes).
	Replace bool
	// Protected are files never to be written, nor anything that is the
	// same file: the data file, its lock, write-ahead log and journal.
	Protected []string
}

// Pending is a file being written: its content goes to Temp, and Commit
// gives it its name. Abort (safe to defer) removes the temporary file.
type Pending struct {
	// Temp is the temporary file's path, in the same folder as the target.
	Temp    string
	target  string
	replace bool
	done    bool
}

// Prepare checks that path may be written and makes an empty temporary
// file (mode 0600) beside it. Nothing else is created.
func Prepare(path string, opt Options) (*Pending, error) {
	target, err := Check(path, opt)
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("making a temporary file beside %s: %w", target, err)
	}
	name := tmp.Name()
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return nil, err
	}
	return &Pending{Temp: name, target: target, replace: opt.Replace}, nil
}

// Commit syncs the temporary file and gives it the target's name. Without
// Replace it refuses (Exists) when a file of that name appeared meanwhile.
func (p *Pending) Commit() error {
	if p.done {
		return errors.New("outfile: committed twice")
	}
	if err := SyncFile(p.Temp); err != nil {
		return err
	}
	if err := os.Chmod(p.Temp, 0o600); err != nil {
		return err
	}
	if p.replace {
		if err := os.Rename(p.Temp, p.target); err != nil {
			return err
		}
	} else if err := PlaceNew(p.Temp, p.target); err != nil {
		return err
	}
	p.done = true
	SyncDir(filepath.Dir(p.target))
	return nil
}

// Abort removes the temporary file, unless Commit has given it its name.
func (p *Pending) Abort() {
	if p == nil || p.done {
		return
	}
	os.Remove(p.Temp)
	p.done = true
}

// Write writes a file through fn: to a temporary file, synced, then
// renamed. A failure of fn leaves nothing behind.
func Write(path string, opt Options, fn func(io.Writer) error) error {
	p, err := Prepare(path, opt)
	if err != nil {
		return err
	}
	defer p.Abort()
	f, err := os.OpenFile(p.Temp, os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return p.Commit()
}

// Check says whether path may be written under opt, and returns the real
// path to write: a symlink to a regular file is followed, so the file it
// points to is the one replaced.
func Check(path string, opt Options) (string, error) {
	if strings.TrimSpace(path) == "" || strings.ContainsRune(path, 0) {
		return "", &Error{Kind: NoName, Path: path}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", &Error{Kind: NoName, Path: path}
	}
	dir := filepath.Dir(abs)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", &Error{Kind: NoFolder, Path: path}
	}
	target := realPath(abs)
	st, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, err := os.Lstat(abs); err == nil {
			// A symlink that points nowhere: not a new name either.
			return "", &Error{Kind: NotRegular, Path: path}
		}
		st = nil
	case err != nil:
		return "", &Error{Kind: NotRegular, Path: path}
	case st.IsDir():
		return "", &Error{Kind: IsFolder, Path: path}
	case !st.Mode().IsRegular():
		return "", &Error{Kind: NotRegular, Path: path}
	}
	for _, p := range opt.Protected {
		if p == "" {
			continue
		}
		pabs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if samePath(realPath(pabs), target) {
			return "", &Error{Kind: Protected, Path: path}
		}
		if st != nil {
			if pst, err := os.Stat(pabs); err == nil && os.SameFile(st, pst) {
				return "", &Error{Kind: Protected, Path: path}
			}
		}
	}
	if st != nil && !opt.Replace {
		return "", &Error{Kind: Exists, Path: path}
	}
	return target, nil
}

// realPath resolves symlinks in abs as far as they exist: the whole path
// when it exists, otherwise its folder with the name added back.
func realPath(abs string) string {
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(d, filepath.Base(abs))
	}
	return abs
}

// samePath compares paths as the system does: without regard to case on
// Windows and macOS, whose usual file systems ignore it.
func samePath(a, b string) bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// PlaceNew gives the file tmp the name target only if target does not
// exist (an Exists refusal if it does): a hard link fails when the name is
// taken, which a rename would not. Where the file system has no hard links
// (a FAT USB stick), the name is checked and then renamed.
func PlaceNew(tmp, target string) error {
	err := os.Link(tmp, target)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return &Error{Kind: Exists, Path: target}
	}
	if _, serr := os.Lstat(target); serr == nil {
		return &Error{Kind: Exists, Path: target}
	}
	return os.Rename(tmp, target)
}

// SyncFile makes the file at path durable.
func SyncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// SyncDir makes a rename in dir durable. Some systems cannot sync a folder
// (Windows); the rename has happened all the same.
func SyncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
