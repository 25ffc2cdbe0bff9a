package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"patoolkit/service"
)

// queues holds, for each window under test, the results of background
// work waiting to be handed back to the window's thread (the test's).
var queues = map[*background]chan func(){}

// queueWork makes u hand background results to a queue that waitForWork
// empties on the test's goroutine, as fyne.Do does on the window's: the
// work still runs in its own goroutine.
func queueWork(u *UI) {
	q := make(chan func(), 8)
	queues[u.bg] = q
	u.bg.handBack = func(fn func()) { q <- fn }
}

// waitForWork waits until every job started in u has ended and its result
// has been shown, as a person waits for the progress box to go.
func waitForWork(t *testing.T, u *UI) {
	t.Helper()
	q := queues[u.bg]
	for u.bg.pending > 0 {
		select {
		case fn := <-q:
			fn()
		case <-time.After(time.Minute):
			t.Fatal("the background work did not end")
		}
	}
}

// startKey sends a key to the focused widget without waiting for the work
// it starts.
func startKey(t *testing.T, u *UI, key fyne.KeyName) {
	t.Helper()
	f := u.win.Canvas().Focused()
	if f == nil {
		t.Fatalf("pressing %s: nothing has the focus", key)
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

// TestImportIsReadAndImportedOffTheWindowsThread: while the statement is
// read and imported the window says so, and no key starts anything else;
// when it ends, the result is shown and the focus is where the keyboard
// flow goes on.
func TestImportIsReadAndImportedOffTheWindowsThread(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	before, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	path := filepath.Join(t.TempDir(), "statement.csv")
	if err := os.WriteFile(path, []byte("Date,Description,Amount\n10/12/2026,GARDEN CENTRE,-8.00\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	u.ShowSection(sectionMoney)
	u.showImport()
	if e, ok := focused(t, u).(*keyEntry); ok {
		e.SetText("")
	}
	typeText(t, u, path)
	startKey(t, u, fyne.KeyReturn)

	if got := u.working(); !strings.HasPrefix(got, "Reading statement.csv…") {
		t.Fatalf("the window says %q while reading", got)
	}
	if !u.bg.box.Visible() || u.win.Canvas().Focused() != nil {
		t.Fatal("the progress box is not up, or a control still takes keys")
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.runShortcut(sections[0].shortcut())
	u.ExploreExample() // a second job is not started
	waitForWork(t, u)
	if u.working() != "" || u.bg.box.Visible() {
		t.Error("the progress box stayed")
	}
	if !strings.Contains(pageText(u), "step 2 of 2") {
		t.Fatalf("no preview (did Escape or a shortcut act while reading?):\n%s", pageText(u))
	}
	if got := focusedButton(t, u); got != "Import 1 line" {
		t.Fatalf("focus on %q after reading", got)
	}

	startKey(t, u, fyne.KeyReturn)
	if got := u.working(); !strings.HasPrefix(got, "Importing 1 line…") {
		t.Fatalf("the window says %q while importing", got)
	}
	waitForWork(t, u)
	if !strings.Contains(pageText(u), "Imported 1 line") {
		t.Fatalf("no notice:\n%s", pageText(u))
	}
	if after, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{}); len(after.Entries) != len(before.Entries)+1 {
		t.Errorf("%d lines, was %d", len(after.Entries), len(before.Entries))
	}
}

// TestARefusedFileComesBackToTheFileBox: a refusal found off the window's
// thread is shown on step 1 with the focus back in the file box.
func TestARefusedFileComesBackToTheFileBox(t *testing.T) {
	u, _ := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionMoney)
	u.showImport()
	if e, ok := focused(t, u).(*keyEntry); ok {
		e.SetText("")
	}
	missing := filepath.Join(t.TempDir(), "no-such.csv")
	typeText(t, u, missing)
	press(t, u, fyne.KeyReturn)
	if !strings.Contains(pageText(u), "There is no file at "+missing) {
		t.Fatalf("no refusal:\n%s", pageText(u))
	}
	if _, ok := focused(t, u).(*keyEntry); !ok {
		t.Errorf("the focus is on %T, want the file box", focused(t, u))
	}
}

// TestExampleDataIsAddedOffTheWindowsThread: the welcome page's example
// data is made in the background, then its first budget opens.
func TestExampleDataIsAddedOffTheWindowsThread(t *testing.T) {
	u, svc := newTestUI(t, nil)
	u.win.Canvas().Focus(button(t, u, "Explore with example data"))
	startKey(t, u, fyne.KeyReturn)
	if got := u.working(); !strings.HasPrefix(got, "Adding the example household…") {
		t.Fatalf("the window says %q", got)
	}
	waitForWork(t, u)
	if accounts, _ := svc.Accounts(); len(accounts) != 2 || u.Account().ID != accounts[0].ID {
		t.Fatalf("%d budgets, open %q", len(accounts), u.Account().Name)
	}
	if !strings.Contains(pageText(u), "Example data added.") {
		t.Errorf("no notice:\n%s", pageText(u))
	}
}
