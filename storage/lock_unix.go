//go:build unix

package storage

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

type fileLock struct{ f *os.File }

// lockFile takes an exclusive lock on path (created 0600 if missing) so
// that a second copy of the app cannot open the same data file.
func lockFile(path string) (*fileLock, error) {
	return flock(os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600))
}

// lockSelf takes an exclusive lock on the data file itself. Every name of
// the file, hard links included, shares it. It is a flock lock, which does
// not touch the POSIX locks SQLite takes on the same file.
func lockSelf(path string) (*fileLock, error) {
	return flock(os.Open(path))
}

// flock takes an exclusive lock on f, just opened, without waiting.
func flock(f *os.File, err error) (*fileLock, error) {
	if err != nil {
		return nil, fmt.Errorf("locking the data file: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrInUse
		}
		return nil, fmt.Errorf("locking the data file: %w", err)
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
}
