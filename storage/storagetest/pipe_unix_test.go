//go:build unix

package storagetest

import (
	"io"
	"os"
	"testing"
)

// Pipe tells a job that opened the pipe from one that refused it unread.
func TestPipe(t *testing.T) {
	t.Run("refused unread", func(t *testing.T) {
		path, opened := Pipe(t, t.TempDir(), "p")
		if _, err := os.Lstat(path); err != nil {
			t.Fatal(err)
		}
		if opened() {
			t.Error("opened() = true for a pipe nothing read")
		}
	})
	t.Run("opened and read", func(t *testing.T) {
		path, opened := Pipe(t, t.TempDir(), "p")
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		io.ReadAll(f)
		f.Close()
		if !opened() {
			t.Error("opened() = false for a pipe that was read")
		}
	})
}
