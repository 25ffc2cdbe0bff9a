package main

import (
	"strings"
	"testing"
)

// snapshot is what the demo's listings say, to see that a refusal changed
// nothing.
func snapshot(t *testing.T, path string) string {
	t.Helper()
	var b strings.Builder
	for _, args := range [][]string{
		{"budget", "list"}, {"people", "--account", priya}, {"contract", "list", "--account", priya},
		{"insurance", "list", "--account", priya}, {"employer", "show", "--account", priya},
		{"timesheet", "list", "--account", priya}, {"absence", "list", "--account", priya},
		{"pattern", "list", "--account", priya}, {"owed", "list", "--account", priya, "--all"},
		{"setaside", "list", "--account", priya}, {"bill", "list", "--account", priya},
		{"category", "list", "--account", priya}, {"ledger", "list", "--account", priya},
		{"money-settings", "show", "--account", priya}, {"rota", "list", "--account", priya, "--from", "2026-11-01", "--to", "2026-11-30"},
	} {
		code, out, errOut := cli(t, append(args, "--data", path, "--json")...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		b.WriteString(out)
	}
	return b.String()
}

// TestRecordCommandsRefuseInOneLineAndChangeNothing: each refusal of the
// record commands exits 2 with one line saying what to fix (the flag it is
// about named), and the data file is as it was.
func TestRecordCommandsRefuseInOneLineAndChangeNothing(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	before := snapshot(t, path)
	acc := []string{"--account", priya, "--data", path}
	for _, tc := range []struct {
		want string
		args []string
	}{
		{"--council: The council's name is needed", []string{"budget", "add", "--name", "New", "--person-supported", "Ann Lee", "--capacity", "self", "--payment", "100", "--payment-every", "monthly", "--start", "2026-01-01", "--data", path}},
		{"--capacity \"myself\" is not one of self, suitable-person, nominated-person", []string{"budget", "add", "--name", "New", "--capacity", "myself", "--data", path}},
		{"already a budget called", []string{"budget", "add", "--name", priya, "--person-supported", "Ann Lee", "--capacity", "self", "--council", "X Council", "--payment", "100", "--payment-every", "monthly", "--start", "2026-01-01", "--data", path}},
		{"say what to change", append([]string{"budget", "edit"}, acc...)},
		{"--payday: Choose the day of the week", append([]string{"employer", "set", "--pay-every", "weekly", "--payday", "someday"}, acc...)},
		{"--paye-reference", append([]string{"employer", "set", "--paye-reference", "nonsense"}, acc...)},
		{"--start is needed", append([]string{"pa", "add", "--name", "New Person"}, acc...)},
		{"--ni-number", append([]string{"pa", "add", "--name", "New Person", "--start", "2026-11-01", "--ni-number", "XX"}, acc...)},
		{"There is no PA called", append([]string{"pa", "leave", "--pa", "Nobody", "--leaving-date", "2026-11-30"}, acc...)},
		{"--day-rate is needed", append([]string{"contract", "add", "--pa", "Zoë Ní Bhriain", "--from", "2026-12-01", "--hours-type", "fixed"}, acc...)},
		{"below-minimum-wage", append([]string{"contract", "add", "--pa", "Zoë Ní Bhriain", "--from", "2026-12-01", "--hours-type", "fixed", "--weekly-hours", "20", "--day-rate", "9.00", "--pension", "none"}, acc...)},
		{"--to: The renewal date must be after the start date", append([]string{"insurance", "add", "--insurer", "X", "--policy", "P1", "--from", "2026-12-01", "--to", "2026-11-01"}, acc...)},
		{"is not the first day of a pay period", append([]string{"timesheet", "sign", "--pa", "Zoë Ní Bhriain", "--period-start", "2026-11-03", "--name", "Zoë Ní Bhriain"}, acc...)},
		{"--name is needed", append([]string{"timesheet", "approve", "--pa", "Zoë Ní Bhriain", "--period-start", "2026-11-01"}, acc...)},
		{"--to: The absence ends", append([]string{"absence", "add", "--pa", "Zoë Ní Bhriain", "--kind", "holiday", "--from", "2026-12-10", "--to", "2026-12-09"}, acc...)},
		{"--kind \"away\" is not one of", append([]string{"absence", "add", "--pa", "Zoë Ní Bhriain", "--kind", "away", "--from", "2026-12-10", "--to", "2026-12-11"}, acc...)},
		{"starts and ends at 08:00", append([]string{"pattern", "add", "--name", "P", "--from", "2026-12-07", "--shift", "Zoë Ní Bhriain,mon,08:00,08:00", "--fill-to", "2026-12-31"}, acc...)},
		{"--payee is needed", append([]string{"owed", "add", "--amount", "10", "--due", "2026-12-01"}, acc...)},
		{"--amount: Give the amount", append([]string{"setaside", "add", "--purpose", "X", "--amount", "0"}, acc...)},
		{"--repeat \"daily\" is not one of", append([]string{"bill", "add", "--payee", "X", "--amount", "5", "--date", "2026-12-01", "--repeat", "daily"}, acc...)},
		{"already a category called", append([]string{"category", "add", "--name", "Training"}, acc...)},
		{"is not one of Priya's support's categories", append([]string{"ledger", "edit", "--line", "1", "--category", "Sweets"}, acc...)},
	} {
		wantRefusal(t, 2, tc.want, tc.args...)
	}
	if after := snapshot(t, path); after != before {
		t.Error("a refused command changed the data file")
	}
}

// TestListsArePlainLines: what the listings print for a person is plain
// lines a screen reader reads in order: no box-drawing characters, no
// rules, no columns padded with runs of spaces.
func TestListsArePlainLines(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	tom := "Tom's care"
	for _, args := range [][]string{
		{"budget", "list"}, {"accounts"}, {"people", "--account", priya}, {"contract", "list", "--account", priya},
		{"insurance", "list", "--account", priya}, {"employer", "show", "--account", tom},
		{"timesheet", "list", "--account", tom}, {"timesheet", "show", "--account", tom, "--pa", "Łukasz Nowak", "--period-start", "2026-10-18"},
		{"absence", "list", "--account", tom}, {"pattern", "list", "--account", tom}, {"owed", "list", "--account", priya},
		{"setaside", "list", "--account", priya}, {"bill", "list", "--account", tom}, {"category", "list", "--account", priya},
		{"ledger", "list", "--account", tom, "--from", "2026-11-01"}, {"money-settings", "show", "--account", tom},
		{"reminders", "--account", priya}, {"payslips", "--account", tom, "--tax-year", "2026-27"},
		{"hmrc", "--account", tom, "--tax-year", "2026-27"}, {"forecast", "--account", tom}, {"p60", "--account", priya, "--tax-year", "2025-26"},
		{"calc", "--gross", "1156.25", "--tax-code", "1257L", "--frequency", "monthly", "--tax-year", "2026-27", "--period", "1"},
		{"rota", "list", "--account", tom, "--from", "2026-11-16", "--to", "2026-11-22"}, {"rota", "check", "--account", tom, "--from", "2026-07-06", "--to", "2026-07-26"},
		{"returns", "--account", tom, "--periods"}, {"returns", "--account", priya},
		{"help"},
	} {
		code, out, errOut := cli(t, append(args, "--data", path)...)
		if args[0] == "help" || args[0] == "calc" {
			code, out, errOut = cli(t, args...)
		}
		if code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
			continue
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.ContainsAny(line, "─│┌┐└┘├┤┬┴┼═║") || strings.Contains(line, "---") || strings.Contains(strings.TrimLeft(line, " "), "  ") || strings.Contains(line, "\t") {
				t.Errorf("%v prints a line that is not plain: %q", args, line)
			}
		}
	}
}
