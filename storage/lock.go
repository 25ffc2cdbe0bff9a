//go:build unix || windows

package storage

import (
	"errors"
	"fmt"
	"os"
)

// fileLock is an exclusive lock held on an open file.
type fileLock struct{ f *os.File }

// lockFile takes an exclusive lock on path (created 0600 if missing) so
// that a second copy of the app cannot open the same data file.
func lockFile(path string) (*fileLock, error) {
	return lockOpened(os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600))
}

// lockOpened takes an exclusive lock on f, just opened, without waiting:
// ErrInUse when another process holds it.
func lockOpened(f *os.File, err error) (*fileLock, error) {
	if err != nil {
		return nil, fmt.Errorf("locking the data file: %w", err)
	}
	if err := tryLock(f); err != nil {
		f.Close()
		if errors.Is(err, errLockHeld) {
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
	unlock(l.f)
	l.f.Close()
	l.f = nil
}
