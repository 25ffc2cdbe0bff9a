//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"patoolkit/storage"
)

// The kill tests run a command in a helper process (this test binary, told
// by killArgsEnv to act as patoolkit), kill it with SIGKILL at a random
// moment, and check what is left: the data file either as it was or fully
// changed, sound, and no partial file under a name the toolkit reads.
// "go test -run Kill -count=1 ./cmd/patoolkit" runs 50 kills of each job;
// with -short (make test) 8.

func killTrials() int {
	if testing.Short() {
		return 8
	}
	return 50
}

// helper starts the CLI with args in a helper process.
func helper(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	a, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), killArgsEnv+"="+string(a))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// timed finds about how long a command runs, without reading the clock:
// it starts the command with a kill set for 20 ms, then twice that, and so
// on, until a run ends before its kill. fresh gives each run the file it
// needs, from a new folder.
func timed(t *testing.T, fresh func(dir string) []string) time.Duration {
	t.Helper()
	for d := 20 * time.Millisecond; d < 10*time.Minute; d *= 2 {
		if killAfter(t, d, fresh(t.TempDir())...) {
			return d
		}
	}
	t.Fatal("the command never finished")
	return 0
}

// killDuring runs args in a helper and kills it after a random part of
// span (a little past it, now and then, so the end is covered too).
// It reports whether the command had finished before the kill.
func killDuring(t *testing.T, rng *rand.Rand, span time.Duration, args ...string) (finished bool) {
	t.Helper()
	return killAfter(t, time.Duration(rng.Int64N(int64(span)*11/10+1)), args...)
}

// killAfter runs args in a helper and kills it with SIGKILL after d,
// unless it has finished by then, which it reports.
func killAfter(t *testing.T, d time.Duration, args ...string) (finished bool) {
	t.Helper()
	cmd := helper(t, args...)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%v: %v (%s)", args, err, cmd.Stderr)
		}
		return true
	case <-time.After(d):
	}
	cmd.Process.Kill()
	<-done
	return false
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// mustCheck runs "check" on path: it must pass.
func mustCheck(t *testing.T, path string) {
	t.Helper()
	if code, out, stderr := cli(t, "check", "--data", path); code != 0 || out != "ok\n" {
		t.Fatalf("check after a kill: %d %q %q", code, out, stderr)
	}
}

// onlyHidden fails when dir holds a name the toolkit would read that is
// not one of want: the toolkit's temporary files start with a dot.
func onlyHidden(t *testing.T, dir string, want ...string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	allowed := map[string]bool{}
	for _, w := range want {
		allowed[w] = true
	}
	for _, e := range es {
		if !strings.HasPrefix(e.Name(), ".") && !allowed[e.Name()] {
			t.Fatalf("left after a kill: %s (folder: %v)", e.Name(), es)
		}
	}
}

func seedRand(t *testing.T) *rand.Rand {
	seed := uint64(time.Now().UnixNano())
	t.Logf("random seed %d", seed)
	return rand.New(rand.NewPCG(seed, seed>>1))
}

func TestKillDuringDemo(t *testing.T) {
	rng := seedRand(t)
	span := timed(t, func(dir string) []string { return []string{"demo", "--data", filepath.Join(dir, "d.db")} })
	finished := 0
	for i := range killTrials() {
		dir := t.TempDir()
		path := filepath.Join(dir, "d.db")
		if killDuring(t, rng, span, "demo", "--data", path) {
			finished++
		}
		onlyHidden(t, dir, "d.db", "d.db.lock", "d.db-wal", "d.db-shm")
		if _, err := os.Stat(path); err != nil {
			// As before: no file. Making it again works, over what was left.
			if i%4 == 0 {
				if code, _, stderr := cli(t, "demo", "--data", path); code != 0 {
					t.Fatalf("demo after a kill: %s", stderr)
				}
				mustCheck(t, path)
			}
			continue
		}
		// Or fully made, or made and empty (killed after creating the file,
		// before the example data's one transaction committed).
		mustCheck(t, path)
		code, out, _ := cli(t, "accounts", "--data", path)
		if code != 0 || !(out == "No budgets yet.\n" || strings.Contains(out, "Priya's support") && strings.Contains(out, "Tom's care")) {
			t.Fatalf("after a kill: accounts %d %q", code, out)
		}
	}
	t.Logf("%d kills, %d after the command had finished", killTrials(), finished)
}

// demoTemplate makes one demo file to copy for each trial.
func demoTemplate(t *testing.T) string {
	t.Helper()
	path := demoFile(t)
	mustCheck(t, path)
	return path
}

func TestKillDuringImport(t *testing.T) {
	rng := seedRand(t)
	template := demoTemplate(t)
	csv, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "bank-sample.csv"))
	importArgs := func(path string) []string {
		return []string{"import", "bank", "--data", path, "--account", priya, "--file", csv}
	}
	span := timed(t, func(dir string) []string {
		copyFile(t, template, filepath.Join(dir, "d.db"))
		return importArgs(filepath.Join(dir, "d.db"))
	})
	for range killTrials() {
		dir := t.TempDir()
		path := filepath.Join(dir, "d.db")
		copyFile(t, template, path)
		killDuring(t, rng, span, importArgs(path)...)
		onlyHidden(t, dir, "d.db", "d.db.lock", "d.db-wal", "d.db-shm")
		mustCheck(t, path)
		balance := moneyStatus(t, path, priya)["balance"]
		code, out, _ := cli(t, append(importArgs(path), "--dry-run", "--json")...)
		if code != 0 {
			t.Fatalf("dry run after a kill: %d", code)
		}
		left := jsonObject(t, out)["imported"]
		switch {
		case left == 6.0 && balance == "6460.60": // as before
		case left == 0.0 && balance == "6393.01": // fully imported
		default:
			t.Fatalf("half an import: %v lines still to import, balance %v", left, balance)
		}
	}
}

func TestKillDuringRestore(t *testing.T) {
	rng := seedRand(t)
	template := demoTemplate(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	copyFile(t, template, backup)
	// The live file differs from the backup by one line.
	changed := filepath.Join(t.TempDir(), "changed.db")
	copyFile(t, template, changed)
	if code, _, stderr := cli(t, "money", "add", "--data", changed, "--account", priya, "--date", "2026-11-20", "--payee", "Chemist", "--amount", "-42.50", "--category", "Equipment and adaptations"); code != 0 {
		t.Fatal(stderr)
	}
	const before, restored = "6418.10", "6460.60"
	if got := moneyStatus(t, changed, priya)["balance"]; got != before {
		t.Fatalf("changed balance %v", got)
	}
	span := timed(t, func(dir string) []string {
		copyFile(t, changed, filepath.Join(dir, "d.db"))
		return []string{"restore", "--data", filepath.Join(dir, "d.db"), "--from", backup}
	})
	for range killTrials() {
		dir := t.TempDir()
		path := filepath.Join(dir, "d.db")
		copyFile(t, changed, path)
		killDuring(t, rng, span, "restore", "--data", path, "--from", backup)
		es, _ := os.ReadDir(dir)
		var aside []string
		for _, e := range es {
			if strings.HasPrefix(e.Name(), "d.db.before-restore") {
				aside = append(aside, e.Name())
				if err := storage.CheckFile(filepath.Join(dir, e.Name())); err != nil {
					t.Fatalf("the file kept aside is not whole: %v", err)
				}
			}
		}
		onlyHidden(t, dir, append(aside, "d.db", "d.db.lock", "d.db-wal", "d.db-shm")...)
		mustCheck(t, path)
		switch got := moneyStatus(t, path, priya)["balance"]; got {
		case before, restored:
		default:
			t.Fatalf("after a killed restore the balance is %v", got)
		}
	}
}

func TestKillDuringBackup(t *testing.T) {
	rng := seedRand(t)
	template := demoTemplate(t)
	path := filepath.Join(t.TempDir(), "d.db")
	copyFile(t, template, path)
	span := timed(t, func(dir string) []string {
		return []string{"backup", "--data", path, "--out", filepath.Join(dir, "b.db")}
	})
	for i := range killTrials() {
		dir := t.TempDir()
		out := filepath.Join(dir, "b.db")
		if i%2 == 1 {
			// Over an older backup, which must then be whole too.
			copyFile(t, template, out)
			killDuring(t, rng, span, "backup", "--data", path, "--out", out, "--force")
		} else {
			killDuring(t, rng, span, "backup", "--data", path, "--out", out)
		}
		onlyHidden(t, dir, "b.db")
		if _, err := os.Stat(out); err == nil {
			if err := storage.CheckFile(out); err != nil {
				t.Fatalf("a partial backup under its real name: %v", err)
			}
		}
		// A later backup is not blocked by what the kill left.
		if i%4 == 0 {
			next := filepath.Join(dir, fmt.Sprintf("next-%d.db", i))
			if code, _, stderr := cli(t, "backup", "--data", path, "--out", next); code != 0 {
				t.Fatalf("backup after a kill: %s", stderr)
			}
			os.Remove(next)
		}
		mustCheck(t, path)
	}
	if got := moneyStatus(t, path, priya)["balance"]; got != "6460.60" {
		t.Errorf("backups changed the data: balance %v", got)
	}
}
