//go:build windows

package storage

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

type fileLock struct{ f *os.File }

// lockFile takes an exclusive lock on path (created if missing) so that a
// second copy of the app cannot open the same data file.
func lockFile(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("locking the data file: %w", err)
	}
	ol := new(windows.Overlapped)
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return nil, ErrInUse
		}
		return nil, fmt.Errorf("locking the data file: %w", err)
	}
	return &fileLock{f: f}, nil
}

// lockSelf would lock the data file itself. Windows locks are mandatory and
// would stop SQLite reading the file, so there the lock file beside the
// file's real path is the only lock (symlinks are resolved; hard links to
// a data file are not seen through).
func lockSelf(string) (*fileLock, error) { return nil, nil }

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	windows.UnlockFileEx(windows.Handle(l.f.Fd()), 0, 1, 0, new(windows.Overlapped))
	l.f.Close()
	l.f = nil
}
