package service

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"patoolkit/outfile"
	"patoolkit/storage"
)

// The log keeps the cause of every internal error (what was being done and
// what failed), so that a person can be told "details are in the log"
// without the details, which mean nothing to them, being put in front of
// them. It lives in the user's cache folder, never beside the data file:
// it is refused if its name is an open data file or one of its companions.
// It is private (mode 0600) and bounded: past MaxLogBytes it is moved to
// patoolkit.log.1 (replacing the one before) and a new one is begun.

// MaxLogBytes is the size at which the log is rotated.
const MaxLogBytes = 1 << 20

var logState struct {
	mu   sync.Mutex
	path string // "" until first used: then the default
	// open counts the open data files, whose companions the log never is.
	open map[string]int
}

// DefaultLogPath is the log in the user's cache folder, e.g.
// ~/.cache/patoolkit/patoolkit.log on Linux; the configuration folder
// when there is no cache folder, and the system's temporary folder when
// there is neither. PATOOLKIT_LOG names another file (tests
// of the command line point it into their own folder).
func DefaultLogPath() string {
	if p := os.Getenv("PATOOLKIT_LOG"); p != "" {
		return p
	}
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		dir, err = os.UserConfigDir()
	}
	if err != nil || dir == "" {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "patoolkit", "patoolkit.log")
}

// SetLogPath sets where internal errors are logged (tests give a file in
// t.TempDir()); "" is the default. It returns the path it replaced.
func SetLogPath(path string) string {
	logState.mu.Lock()
	defer logState.mu.Unlock()
	old := logState.path
	logState.path = path
	return old
}

// LogPath returns where internal errors are logged.
func LogPath() string {
	logState.mu.Lock()
	defer logState.mu.Unlock()
	return logPathLocked()
}

func logPathLocked() string {
	if logState.path == "" {
		logState.path = DefaultLogPath()
	}
	return logState.path
}

// dataOpened and dataClosed keep count of the open data files.
func dataOpened(path string) {
	logState.mu.Lock()
	defer logState.mu.Unlock()
	if logState.open == nil {
		logState.open = map[string]int{}
	}
	logState.open[path]++
}

func dataClosed(path string) {
	logState.mu.Lock()
	defer logState.mu.Unlock()
	if logState.open[path]--; logState.open[path] <= 0 {
		delete(logState.open, path)
	}
}

// logInternal writes one internal error to the log, with the time. It
// reports whether it was written; a log that cannot be written is not a
// second failure to show.
func logInternal(now time.Time, doing string, cause error) bool {
	logState.mu.Lock()
	defer logState.mu.Unlock()
	path := logPathLocked()
	var protected []string
	for p := range logState.open {
		protected = append(protected, storage.Companions(p)...)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return false
	}
	target, err := outfile.Check(path, outfile.Options{Replace: true, Protected: protected})
	if err != nil {
		return false
	}
	line := fmt.Sprintf("%s %s: %s\n", now.UTC().Format(time.RFC3339), doing, oneLineText(fmt.Sprintf("%+v", cause)))
	if st, err := os.Stat(target); err == nil && st.Size()+int64(len(line)) > MaxLogBytes {
		old, err := outfile.Check(target+".1", outfile.Options{Replace: true, Protected: protected})
		if err != nil {
			return false
		}
		if err := os.Rename(target, old); err != nil {
			return false
		}
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return false
	}
	_ = f.Chmod(0o600)
	_, err = f.WriteString(line)
	return err == nil
}

// oneLineText keeps a log entry on one line, whatever the cause held.
func oneLineText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
