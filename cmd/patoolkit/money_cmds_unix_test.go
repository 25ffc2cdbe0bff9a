//go:build unix

package main

import (
	"testing"

	"patoolkit/storage/storagetest"
)

// import bank --file on a named pipe refuses it at once: exit 2, one line.
func TestImportBankRefusesANamedPipe(t *testing.T) {
	path := demoFile(t)
	fifo, opened := storagetest.Pipe(t, t.TempDir(), "statement.csv")
	wantRefusal(t, 2, "is not a file", "import", "bank", "--data", path, "--account", priya, "--file", fifo)
	if opened() {
		t.Error("import bank opened the pipe, which waits for a writer")
	}
}
