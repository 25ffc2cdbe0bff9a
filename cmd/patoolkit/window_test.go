//go:build ci

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"patoolkit/service"
)

// With the ci tag the window runs on Fyne's headless driver and
// ShowAndRun returns at once, so openWindow can be tested end to end.

func TestOpenWindowOnAToolkitFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // Fyne's preferences
	path := filepath.Join(t.TempDir(), "new.db")
	if code := openWindow(path); code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	svc, err := service.Open(path)
	if err != nil {
		t.Fatalf("the new file does not open again: %v", err)
	}
	svc.Close()
}

func TestOpenWindowRefusesAForeignFileAndLeavesItAlone(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "notes.db")
	content := bytes.Repeat([]byte("not a database "), 500)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	if code := openWindow(path); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
		t.Error("the file was changed")
	}
}

func TestOpenWindowOnAFileInUse(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "busy.db")
	first, err := service.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if code := openWindow(path); code != 1 {
		t.Errorf("exit code %d, want 1 for a file open in another copy", code)
	}
}
