package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
)

// cli runs the CLI and returns the exit code, stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// wantRefusal checks a command exits with code and a one-line message
// holding want.
func wantRefusal(t *testing.T, code int, want string, args ...string) {
	t.Helper()
	got, _, stderr := cli(t, args...)
	if got != code {
		t.Errorf("%v: exit %d, want %d (stderr %q)", args, got, code, stderr)
	}
	if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, want) {
		t.Errorf("%v: stderr %q, want one line holding %q", args, stderr, want)
	}
}

// demo is the example data file, made once by the demo command for the
// whole test binary (it takes seconds under the race detector); each test
// gets a copy of its own.
var demo struct {
	once sync.Once
	dir  string
	err  string
}

// demoFile returns a new copy of the example data file.
func demoFile(t *testing.T) string {
	t.Helper()
	demo.once.Do(func() {
		dir, err := os.MkdirTemp("", "patoolkit-demo-")
		if err != nil {
			demo.err = err.Error()
			return
		}
		demo.dir = dir
		var out, errOut bytes.Buffer
		if code := run([]string{"demo", "--data", filepath.Join(dir, "d.db")}, &out, &errOut); code != 0 {
			demo.err = fmt.Sprintf("demo: %d %s", code, errOut.String())
		}
	})
	if demo.err != "" {
		t.Fatal(demo.err)
	}
	b, err := os.ReadFile(filepath.Join(demo.dir, "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "d.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMain runs the tests, or, in a helper process of the kill tests, the
// command line it is given (see kill_unix_test.go).
func TestMain(m *testing.M) {
	if args := os.Getenv(killArgsEnv); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			os.Exit(3)
		}
		os.Exit(run(a, io.Discard, os.Stderr))
	}
	code := m.Run()
	if demo.dir != "" {
		os.RemoveAll(demo.dir)
	}
	os.Exit(code)
}

// killArgsEnv, when set, holds the command line (as JSON) a helper
// process of the kill tests runs instead of the tests.
const killArgsEnv = "PATOOLKIT_KILL_TEST_ARGS"

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := cli(t, "version")
	if code != 0 || !strings.HasPrefix(out, "patoolkit ") {
		t.Errorf("version: %d %q", code, out)
	}
	code, out, _ = cli(t, "help")
	for _, c := range []string{"demo", "check", "backup", "restore", "accounts", "people"} {
		if !strings.Contains(out, "  "+c) {
			t.Errorf("help does not list %s", c)
		}
	}
	if code != 0 {
		t.Errorf("help exit %d", code)
	}
	wantRefusal(t, 2, `unknown command "fly"`, "fly")
	wantRefusal(t, 2, "flag provided but not defined", "version", "--loud")
	if _, out, _ := cli(t, "people", "--loud"); out != "" {
		t.Errorf("a refused flag printed %q on stdout", out)
	}
	if code, out, _ := cli(t, "people", "-h"); code != 0 || !strings.Contains(out, "-account NAME") {
		t.Errorf("people -h: %d %q", code, out)
	}
	wantRefusal(t, 2, `unexpected argument "now"`, "version", "now")
}

func TestDemoAndCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db") // made here by the command itself, not a copy
	if code, _, stderr := cli(t, "demo", "--data", path); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("demo file mode: %v %v", st.Mode(), err)
	}
	code, out, _ := cli(t, "check", "--data", path)
	if code != 0 || out != "ok\n" {
		t.Errorf("check: %d %q", code, out)
	}
	before, _ := os.ReadFile(path)
	wantRefusal(t, 2, "already holds data", "demo", "--data", path)
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("refused demo changed the file")
	}
	wantRefusal(t, 2, "--data FILE", "demo")
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("Dear diary, this is not a database of any kind at all."), 0o600)
	wantRefusal(t, 2, "not a PA Employer Toolkit data file", "check", "--data", notes)
	wantRefusal(t, 2, "does not exist", "check", "--data", filepath.Join(t.TempDir(), "no", "such.db"))
}

func TestAccountsAndPeople(t *testing.T) {
	path := demoFile(t)
	code, out, _ := cli(t, "accounts", "--data", path, "--json")
	if code != 0 {
		t.Fatalf("accounts: %d", code)
	}
	var accounts []map[string]any
	if err := json.Unmarshal([]byte(out), &accounts); err != nil || len(accounts) != 2 {
		t.Fatalf("accounts JSON: %v %s", err, out)
	}
	for _, a := range accounts {
		if got := keys(a); !reflect.DeepEqual(got, []string{"capacity", "council", "managed_by", "name", "person_supported"}) {
			t.Errorf("account keys = %v", got)
		}
	}
	if accounts[1]["name"] != "Tom's care" || accounts[1]["managed_by"] != "Jane Smith" || accounts[1]["capacity"] != "suitable-person" {
		t.Errorf("Tom's account = %v", accounts[1])
	}
	code, out, _ = cli(t, "accounts", "--data", path)
	if code != 0 || !strings.Contains(out, "Jane Smith manages the money for Tom Smith, as the suitable person") {
		t.Errorf("accounts text: %d %q", code, out)
	}

	code, out, _ = cli(t, "people", "--data", path, "--account", "PRIYA'S SUPPORT", "--json")
	if code != 0 {
		t.Fatalf("people: %d", code)
	}
	var people []map[string]any
	if err := json.Unmarshal([]byte(out), &people); err != nil || len(people) != 4 {
		t.Fatalf("people JSON: %v %s", err, out)
	}
	want := map[string]any{"name": "Chris Walker", "account": "Priya's support", "ni_number": "KA708090C",
		"start_date": "2025-04-06", "leaving_date": "2026-08-31"}
	if !reflect.DeepEqual(people[0], want) {
		t.Errorf("people[0] = %v, want %v", people[0], want)
	}
	if people[1]["name"] != "Dana Whitfield" || people[1]["start_date"] != "2026-10-05" || people[3]["name"] != "Zoë Ní Bhriain" || people[3]["leaving_date"] != "" {
		t.Errorf("people %v", people)
	}
	code, out, _ = cli(t, "people", "--data", path, "--account", "Tom's care")
	if code != 0 || !strings.Contains(out, "Łukasz Nowak") || !strings.Contains(out, "SN 11 22 33 D") {
		t.Errorf("people text: %d %q", code, out)
	}
	wantRefusal(t, 2, "choose one with --account", "people", "--data", path)
	wantRefusal(t, 2, `no budget called "Bob's"`, "people", "--data", path, "--account", "Bob's")

	// With one account, --account may be left out.
	one := filepath.Join(t.TempDir(), "one.db")
	cli(t, "check", "--data", one) // creates an empty file
	wantRefusal(t, 2, "no budgets yet", "people", "--data", one)
	code, out, _ = cli(t, "accounts", "--data", one, "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty accounts JSON: %d %q", code, out)
	}
}

// demoBackup makes the demo file and a backup of it, b.db in a folder of
// its own.
func demoBackup(t *testing.T) (path, dir, out string) {
	t.Helper()
	path = demoFile(t)
	dir = t.TempDir()
	out = filepath.Join(dir, "b.db")
	if code, _, stderr := cli(t, "backup", "--data", path, "--out", out); code != 0 {
		t.Fatalf("backup: %d %s", code, stderr)
	}
	return path, dir, out
}

func TestBackupAndRestore(t *testing.T) {
	path, dir, out := demoBackup(t)
	wantRefusal(t, 2, "already exists", "backup", "--data", path, "--out", out)
	wantRefusal(t, 2, "--out FILE", "backup", "--data", path)
	wantRefusal(t, 2, "does not exist", "backup", "--data", path, "--out", filepath.Join(dir, "x", "b.db"))
	if code, o, _ := cli(t, "check", "--data", out); code != 0 || o != "ok\n" {
		t.Errorf("check backup: %d %q", code, o)
	}

	other := filepath.Join(dir, "other.db")
	cli(t, "check", "--data", other)
	code, o, stderr := cli(t, "restore", "--data", other, "--from", out)
	if code != 0 || !strings.Contains(o, "kept as") {
		t.Fatalf("restore: %d %q %q", code, o, stderr)
	}
	code, o, _ = cli(t, "accounts", "--data", other, "--json")
	if code != 0 || !strings.Contains(o, "Tom's care") {
		t.Errorf("after restore: %q", o)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("junk junk junk junk junk junk junk junk"), 0o600)
	before, _ := os.ReadFile(other)
	wantRefusal(t, 2, "not a PA Employer Toolkit backup", "restore", "--data", other, "--from", junk)
	wantRefusal(t, 2, "--from FILE", "restore", "--data", other)
	if after, _ := os.ReadFile(other); !bytes.Equal(before, after) {
		t.Error("refused restore changed the file")
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
