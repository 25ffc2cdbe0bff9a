package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// familyEpisodes adds to the demo's maternity leave (Zoë's, paid from 5
// October 2026) a shared parental leave waiting for the birth (Sam) and a
// bereavement leave that is not due because the PA had left (Chris).
func familyEpisodes(t *testing.T, path string) {
	t.Helper()
	for _, args := range [][]string{
		{"--pa", "Sam Okafor", "--kind", "shared-parental", "--expected", "2027-03-10", "--from", "2027-03-14", "--weeks", "4"},
		{"--pa", "Chris Walker", "--kind", "SPBP", "--death", "2026-11-10", "--from", "2026-11-15", "--weeks", "2"},
	} {
		args = append([]string{"familypay", "add", "--account", priya, "--data", path}, args...)
		if code, out, stderr := cli(t, args...); code != 0 || !strings.HasPrefix(out, "Added ") {
			t.Fatalf("%v: exit %d: %s%s", args, code, out, stderr)
		}
	}
}

// TestGoldenFamilyPay keeps familypay list, as JSON and as text, of the
// three episodes: each with its weeks and total, or why it is not due and
// which form to give.
func TestGoldenFamilyPay(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	familyEpisodes(t, path)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"familypay-list-priya.json", []string{"--json"}},
		{"familypay-list-priya.txt", nil},
		{"familypay-list-priya-chris.json", []string{"--pa", "Chris Walker", "--json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"familypay", "list", "--account", priya, "--data", path}, tc.args...)
			code, out, stderr := cli(t, args...)
			if code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, stderr)
			}
			golden(t, tc.name, []byte(out))
		})
	}

	// What the JSON promises: snake_case keys, amounts with two decimals.
	_, out, _ := cli(t, "familypay", "list", "--account", priya, "--data", path, "--json", "--pa", "Zoë Ní Bhriain")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	for _, key := range []string{"id", "pa", "kind", "expected", "from", "weeks_claimed", "due", "weeks", "total", "reasons", "what_to_do", "average_weekly_earnings"} {
		if _, ok := got[0][key]; !ok {
			t.Errorf("no key %q in %v", key, got[0])
		}
	}
	// 6 weeks at 90% of £267.54 (£240.79) from 5 October 2026, then 20 at
	// £194.32 to 4 April 2027; the weeks after wait for 2027-28's rate.
	if got[0]["total"] != "5331.14" || got[0]["due"] != true {
		t.Errorf("Zoë's SMP: total %v, due %v", got[0]["total"], got[0]["due"])
	}

	// Remove takes an episode away; it is then not listed.
	if code, out, stderr := cli(t, "familypay", "remove", "--account", priya, "--data", path, "--id", "2"); code != 0 || out != "Removed family leave number 2.\n" {
		t.Fatalf("remove: exit %d: %s%s", code, out, stderr)
	}
	if _, out, _ := cli(t, "familypay", "list", "--account", priya, "--data", path, "--pa", "Sam Okafor"); !strings.HasPrefix(out, "No family leave is recorded.") {
		t.Errorf("after remove: %s", out)
	}
}

// TestFamilyPayRefusals: each refusal is exit 2 and one plain line, and
// the data file is as it was.
func TestFamilyPayRefusals(t *testing.T) {
	fixDemoClock(t)
	path := demoFile(t)
	familyEpisodes(t, path)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zoe := []string{"familypay", "add", "--account", priya, "--pa", "Zoë Ní Bhriain"}
	add := func(args ...string) []string { return append(append([]string{}, zoe...), args...) }
	for _, tc := range []struct {
		want string
		args []string
	}{
		{"say what to do: familypay add, familypay list or familypay remove", []string{"familypay"}},
		{`unknown familypay command "edit"`, []string{"familypay", "edit"}},
		{"--pa NAME is needed", []string{"familypay", "add", "--account", priya, "--kind", "maternity"}},
		{"--kind is needed", add("--from", "2027-01-24")},
		{`--kind: "holiday" is not a kind of family leave`, add("--kind", "holiday")},
		{"--expected: not a date: February 2027 has no day 30", add("--kind", "maternity", "--expected", "2027-02-30")},
		{"--expected: Enter the day the baby is due: Statutory Maternity Pay needs it.", add("--kind", "maternity", "--from", "2027-01-24", "--weeks", "39")},
		{"--death: The date the child died is not used for maternity leave: leave it out.", add("--kind", "maternity", "--expected", "2027-03-10", "--death", "2027-03-01")},
		{"--expected: The day the baby is due is not used for adoption leave", add("--kind", "adoption", "--matched", "2027-01-04", "--expected", "2027-03-10")},
		{"--care-from: Enter the day neonatal care began", add("--kind", "neonatal", "--birth", "2027-01-04")},
		{"--from is needed", add("--kind", "maternity", "--expected", "2027-03-10", "--weeks", "39")},
		{"--weeks is needed: how many weeks of Statutory Maternity Pay are claimed (1 to 39)", add("--kind", "maternity", "--expected", "2027-03-10", "--from", "2027-01-24")},
		{"Statutory Maternity Pay is paid for 1 to 39 weeks", add("--kind", "maternity", "--expected", "2027-03-10", "--from", "2027-01-24", "--weeks", "40")},
		{"can start no earlier than 20/12/2026", add("--kind", "maternity", "--expected", "2027-03-10", "--from", "2026-12-13", "--weeks", "39")},
		{"already has maternity leave from 05/10/2026", add("--kind", "maternity", "--expected", "2027-03-10", "--from", "2027-02-07", "--weeks", "39")},
		{"in a pay period already finalised", []string{"familypay", "add", "--account", priya, "--pa", "Sam Okafor", "--kind", "paternity", "--expected", "2026-10-20", "--birth", "2026-10-20", "--from", "2026-10-25", "--weeks", "1"}},
		{`There is no PA called "Nobody"`, []string{"familypay", "add", "--account", priya, "--pa", "Nobody", "--kind", "maternity", "--expected", "2027-03-10", "--from", "2027-01-24", "--weeks", "39"}},
		{"unexpected argument", add("--kind", "maternity", "extra")},
		{`There is no PA called "Nobody"`, []string{"familypay", "list", "--account", priya, "--pa", "Nobody"}},
		{"--id NUMBER is needed", []string{"familypay", "remove", "--account", priya}},
		{"That family leave is not in this budget.", []string{"familypay", "remove", "--account", priya, "--id", "99"}},
		{"That family leave is not in this budget.", []string{"familypay", "remove", "--account", "Tom's care", "--id", "1"}},
	} {
		t.Run(tc.want, func(t *testing.T) {
			wantRefusal(t, 2, tc.want, append(tc.args, "--data", path)...)
		})
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Error("a refused command changed the data file")
	}
}
