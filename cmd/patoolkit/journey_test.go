//go:build ci

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/service"
	"patoolkit/ui"
)

// TestTheWholeJobFromATerminal sets up a budget from an empty file to an
// approved timesheet and an imported bank statement with the commands
// alone, then opens the window on the same file and finds each record on
// its page: the commands and the window share one service.
func TestTheWholeJobFromATerminal(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	path := filepath.Join(dir, "new.db")
	today := civil.Of(time.Now())
	start := today.AddDays(-60)
	must := func(args ...string) string {
		t.Helper()
		code, out, errOut := cli(t, append(args, "--data", path)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return out
	}
	const budget, pa, manager = "Kit's care", "Rosa Mendes", "Jo Kit"
	must("budget", "add", "--name", budget, "--person-supported", "Kit Example", "--managed-by", manager, "--capacity", "suitable-person",
		"--council", "Example Borough Council", "--payment", "1200.00", "--payment-every", "four-weekly", "--start", start.String(),
		"--surplus-weeks", "8", "--contingency", "250", "--opening-balance", "500.00")
	must("employer", "set", "--account", budget, "--name", manager, "--paye-reference", "123/AB45678", "--pay-every", "weekly", "--payday", "friday")
	must("insurance", "add", "--account", budget, "--insurer", "Example Mutual", "--policy", "EL-4821", "--from", start.String(),
		"--to", start.AddDays(364).String(), "--premium", "95.00")
	must("pa", "add", "--account", budget, "--name", pa, "--start", start.String(), "--ni-number", "AB123456C", "--starter-statement", "A")
	must("contract", "add", "--account", budget, "--pa", pa, "--from", start.String(), "--hours-type", "fixed", "--weekly-hours", "20",
		"--day-rate", "13.50", "--pension", "none")

	// The pay period the window's Timesheets page opens on: today's.
	svc, err := service.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	acc, _ := svc.FindAccount(budget)
	periods, err := svc.PayPeriods(acc.ID, today, today)
	svc.Close()
	if err != nil || len(periods) != 1 {
		t.Fatalf("pay periods %v, %v", periods, err)
	}
	period := periods[0]
	day := period.From.String()
	must("rota", "add", "--account", budget, "--pa", pa, "--start", day+" 09:00", "--end", day+" 13:00")
	ts := []string{"--account", budget, "--pa", pa, "--period-start", day}
	must(append([]string{"timesheet", "line", "--line", "1", "--end", day + " 14:00"}, ts...)...)
	wantRefusal(t, 2, "does not match the PA's name", append([]string{"timesheet", "sign", "--name", "Someone Else", "--data", path}, ts...)...)
	must(append([]string{"timesheet", "sign", "--name", pa}, ts...)...)
	must(append([]string{"timesheet", "approve", "--name", manager, "--before-period-ends"}, ts...)...)
	list := must("timesheet", "list", "--account", budget, "--json")
	for _, want := range []string{`"status": "approved"`, `"minutes": 300`, `"gross": "67.50"`, `"period_start": "` + day + `"`} {
		if !strings.Contains(list, want) {
			t.Errorf("timesheet list --json lacks %s:\n%s", want, list)
		}
	}

	paidIn, paidOut := start.AddDays(1), start.AddDays(3)
	statement := filepath.Join(dir, "statement.csv")
	csv := fmt.Sprintf(`"Account Name:","EXAMPLE DIRECT PAYMENT ****4821"
"Statement period:","%s to %s"
"Example data: every name and number here is made up."

"Date","Type","Description","Paid out","Paid in","Balance"
"%s","DEB","CARD PAYMENT TO EXAMPLE STATIONERY CD 4821","£12.99","","£1,687.01"
"%s","BGC","EXAMPLE BOROUGH COUNCIL DIRECT PAYMENT","","£1,200.00","£1,700.00"
`, start.UK(), paidOut.UK(), paidOut.UK(), paidIn.UK())
	if err := os.WriteFile(statement, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := must("import", "bank", "--account", budget, "--file", statement, "--json"); !strings.Contains(out, `"imported": 2`) {
		t.Fatalf("import: %s", out)
	}

	// The window, on the same file.
	a := test.NewTempApp(t)
	svc, err = service.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	w := a.NewWindow(ui.Title)
	w.Resize(fyne.NewSize(1100, 720))
	ui.Create(a, w, svc)
	for _, tc := range []struct {
		section string
		tab     string
		want    []string
	}{
		{"Home", "", []string{budget, "Example Borough Council", "Example Mutual"}},
		{"People", "", []string{pa}},
		{"Timesheets", "", []string{pa, "Approved on " + today.UK() + " by " + manager}},
		{"Money", "Ledger", []string{"EXAMPLE BOROUGH COUNCIL DIRECT PAYMENT", "CARD PAYMENT TO EXAMPLE STATIONERY", "£1,200.00", "£12.99"}},
	} {
		t.Run(tc.section, func(t *testing.T) {
			tapButton(t, w, tc.section+"  (")
			if tc.tab != "" {
				tapButton(t, w, tc.tab)
			}
			shown := shownText(w.Canvas().Content())
			for _, want := range tc.want {
				if !strings.Contains(shown, want) {
					t.Errorf("the %s page does not show %q; it shows:\n%s", tc.section, want, shown)
				}
			}
		})
	}
}

// shownText is every piece of text in o's tree, a line each.
func shownText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		switch v := x.(type) {
		case *canvas.Text:
			b.WriteString(v.Text + "\n")
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		}
	}
	return b.String()
}

// tapButton taps the first button whose text starts with label.
func tapButton(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	for _, x := range test.LaidOutObjects(w.Canvas().Content()) {
		tap, ok := x.(fyne.Tappable)
		if !ok {
			continue
		}
		wid, ok := x.(fyne.Widget)
		if !ok {
			continue
		}
		if _, isEntry := x.(*widget.Entry); isEntry {
			continue
		}
		for _, line := range strings.Split(shownText(wid), "\n") {
			if strings.HasPrefix(strings.TrimPrefix(line, "▸ "), label) {
				test.Tap(tap)
				return
			}
		}
	}
	t.Fatalf("no button %q in the window; it shows:\n%s", label, shownText(w.Canvas().Content()))
}
