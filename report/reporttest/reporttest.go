// Package reporttest holds what the tests of every layer use to check the
// files the toolkit writes: a PDF's text as a person reads it, and golden
// files refreshed with -update. It is for tests only.
package reporttest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// PDFText returns the text of a PDF as pdftotext -layout (poppler-utils)
// reads it. It skips the test, naming the package to install, where
// pdftotext is missing.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is missing: install poppler-utils (scripts/deps.sh test does) to check the PDFs' text")
	}
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// PDFFileText is PDFText of the file at path.
func PDFFileText(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return PDFText(t, b)
}

// Golden compares got with the file at path or, when update is set (each
// package's -update flag), writes got there, so that a change of output
// shows in review as a change of the file. refresh is the command that
// rewrites it, named in the failure.
func Golden(t testing.TB, path string, got []byte, update bool, refresh string) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: write it with %s", err, refresh)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s has changed: %s\nIf the change is meant, run %s and review the diff.", path, firstDifference(want, got), refresh)
	}
}

// firstDifference names the first line where got differs from want.
func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d is\n\t%q\nwas\n\t%q", i+1, gl, wl)
		}
	}
	return "only the line endings differ"
}
