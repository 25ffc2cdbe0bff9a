package reporttest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFirstDifference(t *testing.T) {
	for _, tc := range []struct {
		name, want, got, says string
	}{
		{"a changed line", "a\nb\nc", "a\nB\nc", "line 2 is"},
		{"a line more", "a\n", "a\nb\n", "line 2 is"},
		{"line endings", "a\r\n", "a\r\n", "only the line endings differ"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstDifference([]byte(tc.want), []byte(tc.got)); !strings.Contains(got, tc.says) {
				t.Errorf("firstDifference = %q, want it to say %q", got, tc.says)
			}
		})
	}
}

func TestGoldenUpdateThenCompare(t *testing.T) {
	path := filepath.Join(t.TempDir(), "golden", "out.txt")
	Golden(t, path, []byte("hello\n"), true, "go test -update")
	if b, err := os.ReadFile(path); err != nil || string(b) != "hello\n" {
		t.Fatalf("written = %q %v", b, err)
	}
	Golden(t, path, []byte("hello\n"), false, "go test -update")
}
