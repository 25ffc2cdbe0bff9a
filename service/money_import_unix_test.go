//go:build unix

package service

import (
	"strings"
	"testing"

	"patoolkit/storage/storagetest"
)

// A named pipe is not a statement file: reading it would wait for ever, so
// it is refused at once. (A device such as /dev/null is refused the same
// way; it is not tested, as another program may replace it while the test
// runs.)
func TestImportRefusesAFileThatIsNotARegularFile(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	before := rows(t, s, a.ID)
	fifo, opened := storagetest.Pipe(t, t.TempDir(), "statement.csv")
	_, err := s.PlanImportFile(a.ID, fifo)
	if opened() {
		t.Error("it opened the pipe, which waits for a writer")
	}
	if ErrorCode(err) != Invalid || !strings.Contains(ErrorMessage(err), "is not a file") {
		t.Errorf("%v, want Invalid saying it is not a file", err)
	}
	wantUnchanged(t, s, a.ID, before, "refusing a pipe changed the data")
}
