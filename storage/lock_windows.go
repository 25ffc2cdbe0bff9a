//go:build windows

package storage

import (
	"os"

	"golang.org/x/sys/windows"
)

// errLockHeld is what tryLock returns when another process holds the lock.
var errLockHeld = windows.ERROR_LOCK_VIOLATION

// lockSelf would lock the data file itself. Windows locks are mandatory and
// would stop SQLite reading the file, so there the lock file beside the
// file's real path is the only lock (symlinks are resolved; hard links to
// a data file are not seen through).
func lockSelf(string) (*fileLock, error) { return nil, nil }

// tryLock takes an exclusive lock on f's first byte without waiting.
func tryLock(f *os.File) error {
	return windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, new(windows.Overlapped))
}

func unlock(f *os.File) {
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, new(windows.Overlapped))
}
