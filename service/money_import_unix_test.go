//go:build unix

package service

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe is not a statement file: reading it would wait for ever, so
// it is refused at once. (A device such as /dev/null is refused the same
// way; it is not tested, as another program may replace it while the test
// runs.)
func TestImportRefusesAFileThatIsNotARegularFile(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	before := rows(t, s, a.ID)
	fifo := filepath.Join(t.TempDir(), "statement.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, path := range []string{fifo} {
		done := make(chan error, 1)
		go func() {
			_, err := s.PlanImportFile(a.ID, path)
			done <- err
		}()
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			// Unblock the reader so that the test can end.
			if w, werr := os.OpenFile(path, os.O_WRONLY, 0); werr == nil {
				w.Close()
			}
			err = <-done
			t.Errorf("%s: reading it waited for a writer", path)
		}
		if ErrorCode(err) != Invalid || !strings.Contains(ErrorMessage(err), "is not a file") {
			t.Errorf("%s: %v, want Invalid saying it is not a file", path, err)
		}
	}
	if after := rows(t, s, a.ID); after != before {
		t.Errorf("refusing a pipe changed the data:\n%s\n%s", before, after)
	}
}
