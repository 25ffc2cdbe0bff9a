// Package reporttest holds what the tests of every layer use to check the
// files the toolkit writes: a PDF's text as a person reads it, an HTML
// page against axe-core's WCAG 2.2 A/AA rules, and golden files refreshed
// with -update. It is for tests only.
package reporttest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// AxeCheck checks the HTML file at htmlPath with axe-core's WCAG 2.2 A and
// AA rules in headless Chromium, offline, through the repository's
// scripts/axe-check. The test fails with the script's account of each
// violation when there are any, and is skipped, with the script's word on
// what to install, where Chromium, Node.js or scripts/axe/node_modules is
// missing (scripts/deps.sh test, which make test runs, installs them on
// Debian).
func AxeCheck(t testing.TB, htmlPath string) {
	t.Helper()
	code, out := runAxeCheck(t, htmlPath)
	switch code {
	case 0:
	case 1:
		t.Errorf("%s breaks WCAG 2.2 A/AA rules (scripts/axe-check %s):\n%s", htmlPath, htmlPath, out)
	case 2:
		t.Skipf("the HTML check cannot run here: %s", strings.TrimSpace(out))
	default:
		t.Fatalf("scripts/axe-check %s failed (exit %d):\n%s", htmlPath, code, out)
	}
}

// axeTimeout bounds one run of scripts/axe-check: about a second a file
// on a quiet machine.
const axeTimeout = 2 * time.Minute

// runAxeCheck runs scripts/axe-check on the files and gives its exit code
// and what it printed, stdout and stderr together.
func runAxeCheck(t testing.TB, files ...string) (int, string) {
	t.Helper()
	script := filepath.Join(repoRoot(t), "scripts", "axe-check")
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("the HTML check needs bash to run scripts/axe-check")
	}
	ctx, cancel := context.WithTimeout(context.Background(), axeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", append([]string{script}, files...)...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, string(out)
	case ctx.Err() != nil:
		t.Fatalf("scripts/axe-check %s took more than %v:\n%s", strings.Join(files, " "), axeTimeout, out)
	case errors.As(err, &exit):
		return exit.ExitCode(), string(out)
	default:
		t.Fatalf("scripts/axe-check: %v", err)
	}
	return -1, ""
}

// repoRoot is the folder holding go.mod, found from the working directory
// up.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod in the working directory or above it: cannot find scripts/axe-check")
		}
		dir = up
	}
}
