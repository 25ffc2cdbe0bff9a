//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// import bank --file on a named pipe refuses it at once: exit 2, one line.
func TestImportBankRefusesANamedPipe(t *testing.T) {
	path := demoFile(t)
	fifo := filepath.Join(t.TempDir(), "statement.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		wantRefusal(t, 2, "is not a file", "import", "bank", "--data", path, "--account", priya, "--file", fifo)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		<-done
		t.Error("import bank waited for a writer on the pipe")
	}
}
