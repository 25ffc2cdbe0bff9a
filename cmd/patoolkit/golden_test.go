package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/report/reporttest"
	"patoolkit/service"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from what the commands give now (go test -tags ci ./cmd/patoolkit -run Golden -update)")

// golden compares got with testdata/golden/name, or writes it there with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	reporttest.Golden(t, filepath.Join("testdata", "golden", name), got, *update, "go test -tags ci ./cmd/patoolkit -run Golden -update")
}

// fixDemoClock makes the commands' clock and "today" the demo's last day,
// 20/11/2026 at 09:00 UTC, for the length of the test.
func fixDemoClock(t *testing.T) {
	t.Helper()
	now := service.DemoEnd.Time(time.UTC).Add(9 * time.Hour)
	oldClock, oldToday := clock, moneyToday
	clock = func() time.Time { return now }
	moneyToday = func() civil.Date { return service.DemoEnd }
	t.Cleanup(func() { clock, moneyToday = oldClock, oldToday })
}

// TestGoldenJSON keeps every --json output of the demo in
// testdata/golden.
func TestGoldenJSON(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	tom := "Tom's care"
	bank := filepath.Join("..", "..", "testdata", "bank-sample.csv")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"accounts", []string{"accounts"}},
		{"people-priya", []string{"people", "--account", priya}},
		{"people-tom", []string{"people", "--account", tom}},
		{"rota-list-tom-clock-change", []string{"rota", "list", "--account", tom, "--from", "2026-10-19", "--to", "2026-10-25"}},
		{"rota-list-priya", []string{"rota", "list", "--account", priya, "--from", "2025-08-11", "--to", "2025-08-17"}},
		{"rota-list-tom-hospital-stay", []string{"rota", "list", "--account", tom, "--from", "2026-07-13", "--to", "2026-07-19"}},
		{"rota-check-clean", []string{"rota", "check", "--account", priya, "--from", "2025-08-11", "--to", "2025-08-17"}},
		{"rota-check-tom-hospital-stay", []string{"rota", "check", "--account", tom, "--from", "2026-07-06", "--to", "2026-07-26"}},
		{"rota-check-priya-unplanned", []string{"rota", "check", "--account", priya, "--from", "2027-02-22", "--to", "2027-03-14"}},
		{"import-bank-dry-run", []string{"import", "bank", "--account", priya, "--file", bank, "--dry-run"}},
		{"money-status-priya", []string{"money", "status", "--account", priya}},
		{"money-status-tom", []string{"money", "status", "--account", tom, "--on", "2026-11-20"}},
		{"forecast-priya", []string{"forecast", "--account", priya}},
		{"forecast-tom-year-end", []string{"forecast", "--account", tom, "--year-end"}},
		{"payrun-priya-finalised", []string{"payrun", "--account", priya, "--payday", "2025-08-29"}},
		{"payrun-tom-blocked", []string{"payrun", "--account", tom, "--payday", "2026-12-18"}},
		{"payslips-tom-2026-27", []string{"payslips", "--account", tom, "--tax-year", "2026-27"}},
		{"payslips-priya-zoe-2025-26", []string{"payslips", "--account", priya, "--tax-year", "2025-26", "--pa", "Zoë Ní Bhriain"}},
		{"hmrc-priya-2025-26", []string{"hmrc", "--account", priya, "--tax-year", "2025-26"}},
		{"hmrc-tom-2026-27", []string{"hmrc", "--account", tom, "--tax-year", "2026-27"}},
		{"fps-priya-leaver", []string{"fps", "--account", priya, "--payday", "2026-08-28"}},
		{"p60-priya-2025-26", []string{"p60", "--account", priya, "--tax-year", "2025-26"}},
		{"p60-tom-2026-27-to-date", []string{"p60", "--account", tom, "--tax-year", "2026-27"}},
		{"p45-priya-chris", []string{"p45", "--account", priya, "--pa", "Chris Walker"}},
		{"holiday-priya-2025-08-12", []string{"holiday", "--account", priya, "--on", "2025-08-12"}},
		{"holiday-priya-today", []string{"holiday", "--account", priya}},
		{"holiday-priya-chris-leaver", []string{"holiday", "--account", priya, "--pa", "Chris Walker", "--on", "2026-10-01"}},
		{"budget-list", []string{"budget", "list"}},
		{"employer-show-tom", []string{"employer", "show", "--account", tom}},
		{"insurance-list-priya", []string{"insurance", "list", "--account", priya}},
		{"contract-list-priya", []string{"contract", "list", "--account", priya}},
		{"pattern-list-tom", []string{"pattern", "list", "--account", tom}},
		{"absence-list-tom", []string{"absence", "list", "--account", tom}},
		{"timesheet-list-tom", []string{"timesheet", "list", "--account", tom, "--from", "2026-10-01", "--to", "2026-11-20"}},
		{"owed-list-priya-all", []string{"owed", "list", "--account", priya, "--all"}},
		{"setaside-list-priya", []string{"setaside", "list", "--account", priya}},
		{"bill-list-tom", []string{"bill", "list", "--account", tom}},
		{"category-list-priya", []string{"category", "list", "--account", priya}},
		{"ledger-list-tom-november", []string{"ledger", "list", "--account", tom, "--from", "2026-11-01", "--to", "2026-11-20"}},
		{"money-settings-tom", []string{"money-settings", "show", "--account", tom}},
		{"reminders-priya", []string{"reminders", "--account", priya}},
		// The import that writes goes last: the outputs above are of the
		// demo as it is made.
		{"import-bank", []string{"import", "bank", "--account", priya, "--file", bank}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append(tc.args, "--data", path), "--json")
			code, out, stderr := cli(t, args...)
			if code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, stderr)
			}
			golden(t, tc.name+".json", []byte(out))
		})
	}
}

// TestGoldenCalc keeps calc --json for a few payslips.
func TestGoldenCalc(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"calc-monthly", []string{"--tax-year", "2026-27", "--frequency", "monthly", "--period", "1", "--gross", "3000", "--tax-code", "1257L"}},
		{"calc-net-pay-pension", []string{"--tax-year", "2026-27", "--frequency", "monthly", "--period", "1", "--gross", "3000", "--tax-code", "1257L",
			"--pension-employee", "4.5", "--pension-employer", "3", "--pension-basis", "all", "--pension-method", "net-pay"}},
		{"calc-weekly-student-loan", []string{"--payday", "2026-11-20", "--frequency", "weekly", "--gross", "650", "--tax-code", "1257L", "--student-loan", "plan2", "--postgraduate-loan"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCalc(append(tc.args, "--json")...)
			if code != 0 {
				t.Fatalf("calc %v: exit %d: %s", tc.args, code, errOut)
			}
			golden(t, tc.name+".json", []byte(out))
		})
	}
}

// TestGoldenExports keeps the text of the demo's PDFs (as pdftotext
// -layout reads it) and its iCalendar file, and checks each export gives
// the same bytes twice.
func TestGoldenExports(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"rota-priya.pdf", []string{"export", "rota", "--account", priya, "--from", "2025-08-11", "--to", "2025-08-17"}},
		{"rota-tom-clock-change.pdf", []string{"export", "rota", "--account", "Tom's care", "--from", "2026-10-19", "--to", "2026-11-01"}},
		{"timesheets-tom.pdf", []string{"export", "timesheets", "--account", "Tom's care", "--from", "2026-11-01", "--to", "2026-11-20"}},
		{"timesheets-priya-zoe.pdf", []string{"export", "timesheets", "--account", priya, "--from", "2026-10-01", "--to", "2026-10-31", "--pa", "Zoë Ní Bhriain"}},
		{"calendar-lukasz.ics", []string{"export", "ics", "--account", "Tom's care", "--from", "2026-11-16", "--to", "2026-11-29", "--pa", "Łukasz Nowak"}},
		{"payslips-priya-2025-08.pdf", []string{"export", "payslips", "--account", priya, "--from", "2025-08-29", "--to", "2025-08-29"}},
		{"hmrc-priya-2025-26.pdf", []string{"export", "hmrc", "--account", priya, "--from", "2025-04-06", "--to", "2026-04-05"}},
		{"p60-priya-2025-26.pdf", []string{"export", "p60", "--account", priya, "--tax-year", "2025-26"}},
		{"p45-priya-chris.pdf", []string{"export", "p45", "--account", priya, "--pa", "Chris Walker"}},
		{"holiday-priya-2025-08-12.pdf", []string{"export", "holiday", "--account", priya, "--on", "2025-08-12"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var outs [2][]byte
			for i := range outs {
				out := filepath.Join(t.TempDir(), tc.name)
				if code, _, stderr := cli(t, append(tc.args, "--data", path, "--out", out)...); code != 0 {
					t.Fatalf("%v: exit %d: %s", tc.args, code, stderr)
				}
				b, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				outs[i] = b
			}
			if !bytes.Equal(outs[0], outs[1]) {
				t.Error("the same export gave different bytes")
			}
			if strings.HasSuffix(tc.name, ".ics") {
				golden(t, tc.name, outs[0])
				return
			}
			golden(t, strings.TrimSuffix(tc.name, ".pdf")+".txt", []byte(reporttest.PDFText(t, outs[0])))
		})
	}
}

// TestGoldenPensionFiles keeps the demo's contribution files for a payday
// in each format, after recording the employer's NEST reference.
func TestGoldenPensionFiles(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	if code, _, stderr := cli(t, "pension", "duties", "--account", priya, "--duties-start", "2025-04-06", "--declared-on", "2025-08-20",
		"--scheme-ref", "EMP123456789", "--payment-source", "Direct debit", "--data", path); code != 0 {
		t.Fatalf("pension duties: exit %d: %s", code, stderr)
	}
	for _, format := range []string{"papdis", "nest", "generic"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), format+".csv")
			args := []string{"export", "pension", "--account", priya, "--payday", "2025-08-29", "--format", format, "--out", out, "--data", path}
			if code, _, stderr := cli(t, args...); code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, stderr)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "pension-priya-2025-08-29-"+format+".csv", b)
			// The same file again is refused without --force, and left as it was.
			if code, _, stderr := cli(t, args...); code != 2 || !strings.Contains(stderr, "already exists") {
				t.Errorf("again without --force: exit %d: %s", code, stderr)
			}
			if again, _ := os.ReadFile(out); !bytes.Equal(again, b) {
				t.Error("the refused export changed the file")
			}
		})
	}
	for _, c := range []struct{ name, want string }{
		{"no run that day", "no finalised pay run on 28/08/2025"},
		{"unknown format", "unknown format"},
	} {
		t.Run(c.name, func(t *testing.T) {
			day, format := "2025-08-28", "generic"
			if c.name == "unknown format" {
				day, format = "2025-08-29", "xml"
			}
			code, _, stderr := cli(t, "export", "pension", "--account", priya, "--payday", day, "--format", format,
				"--out", filepath.Join(t.TempDir(), "x.csv"), "--data", path)
			if code != 2 || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("exit %d: %q, want 2 and one line saying %q", code, stderr, c.want)
			}
		})
	}
}
