//go:build ci && linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoDisplayMakesNothing builds the real windowed program (not the ci
// build the other tests use) and starts it where no window can open: with
// no display at all, and with one named that does not exist. Each time it
// says so in one line, exits 1 and makes no data file.
func TestNoDisplayMakesNothing(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on the PATH, so the real program cannot be built here")
	}
	bin := filepath.Join(t.TempDir(), "patoolkit")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the windowed program: %v\n%s", err, out)
	}
	for _, display := range []string{"", ":9999"} {
		t.Run("DISPLAY="+display, func(t *testing.T) {
			dir := t.TempDir()
			data := filepath.Join(dir, "new.db")
			cmd := exec.Command(bin, "--data", data)
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + dir, "DISPLAY=" + display}
			out, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Fatalf("exit %v, want 1\n%s", err, out)
			}
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, "patoolkit: no display found") {
				t.Errorf("last line %q", last)
			}
			if strings.Contains(string(out), "goroutine") || strings.Contains(string(out), "panic") {
				t.Errorf("a Go trace was shown:\n%s", out)
			}
			if display == "" && len(lines) != 1 {
				t.Errorf("more than one line:\n%s", out)
			}
			if _, err := os.Stat(data); err == nil {
				t.Error("a data file was made")
			}
			if _, err := os.Stat(data + ".lock"); err == nil {
				t.Error("a lock file was made")
			}
		})
	}
}
