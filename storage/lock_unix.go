//go:build unix

package storage

import (
	"os"
	"syscall"
)

// errLockHeld is what tryLock returns when another process holds the lock.
var errLockHeld = syscall.EWOULDBLOCK

// lockSelf takes an exclusive lock on the data file itself. Every name of
// the file, hard links included, shares it. It is a flock lock, which does
// not touch the POSIX locks SQLite takes on the same file.
func lockSelf(path string) (*fileLock, error) {
	return lockOpened(os.Open(path))
}

// tryLock takes an exclusive flock lock on f without waiting.
func tryLock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

func unlock(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
