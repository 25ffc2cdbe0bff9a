//go:build unix

package storagetest

import (
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

// Pipe makes a named pipe called name in dir, where a job expects a file,
// and watches it with no clock: opened, called once the job has returned,
// reports whether the job opened the pipe to read it (which, with no
// writer, would wait for ever; a job must refuse it as "not a file"
// first). It skips the test where named pipes can't be made.
func Pipe(t testing.TB, dir, name string) (path string, opened func() bool) {
	t.Helper()
	path = filepath.Join(dir, name)
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	was := make(chan struct{}, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		// Opening the writing end waits for a reader: it returns only
		// when the job (or release, below) opens the reading end.
		w, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		was <- struct{}{} // before Close, so before the job reads the end
		w.Close()
	}()
	var once sync.Once
	release := func() {
		once.Do(func() {
			// A reading end opened without waiting lets the writer above
			// return, so the goroutine ends with the test.
			if r, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
				<-done
				r.Close()
			}
		})
	}
	t.Cleanup(release)
	return path, func() bool {
		select {
		case <-was:
			release()
			return true
		default:
			release()
			return false
		}
	}
}
