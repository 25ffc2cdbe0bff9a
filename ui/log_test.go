package ui

import (
	"os"
	"path/filepath"
	"testing"

	"patoolkit/service"
)

// testDir is a folder for the whole test run, removed at its end.
var testDir string

// TestMain keeps the log of internal errors out of the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "patoolkit-ui-log")
	if err != nil {
		panic(err)
	}
	testDir = dir
	service.SetLogPath(filepath.Join(dir, "patoolkit.log"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
