package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const priya = "Priya's support"

func jsonObject(t *testing.T, out string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	return m
}

func moneyStatus(t *testing.T, path, account string) map[string]any {
	t.Helper()
	code, out, stderr := cli(t, "money", "status", "--data", path, "--account", account, "--on", "2026-11-20", "--json")
	if code != 0 {
		t.Fatalf("money status: %d %s", code, stderr)
	}
	return jsonObject(t, out)
}

func TestImportBankSample(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", "../../testdata/bank-sample.csv", "--dry-run", "--json")
	if code != 0 || out != "{\n  \"imported\": 6,\n  \"duplicates\": 10,\n  \"rejected\": 0\n}\n" {
		t.Fatalf("dry run: %d %q %q", code, out, stderr)
	}
	before := moneyStatus(t, path, priya)
	code, out, stderr = cli(t, "import", "bank", "--data", path, "--account", priya, "--file", "../../testdata/bank-sample.csv", "--json")
	if code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	got := jsonObject(t, out)
	if !reflect.DeepEqual(keys(got), []string{"duplicates", "imported", "rejected"}) || got["imported"] != 6.0 || got["duplicates"] != 10.0 || got["rejected"] != 0.0 {
		t.Errorf("import: %v", got)
	}
	after := moneyStatus(t, path, priya)
	// The three new lines are money out: £12.99 + £45.00 + £9.60.
	if before["balance"] != "6491.76" || after["balance"] != "6424.17" {
		t.Errorf("balance before %v, after %v", before["balance"], after["balance"])
	}
	// Importing again imports nothing.
	code, out, _ = cli(t, "import", "bank", "--data", path, "--account", priya, "--file", "../../testdata/bank-sample.csv", "--json")
	if code != 0 || out != "{\n  \"imported\": 0,\n  \"duplicates\": 16,\n  \"rejected\": 0\n}\n" {
		t.Errorf("again: %d %q", code, out)
	}
	code, out, _ = cli(t, "import", "bank", "--data", path, "--account", priya, "--file", "../../testdata/bank-sample.csv")
	if code != 0 || !strings.Contains(out, "Imported 0 transactions into Priya's support; 16 were already in the ledger.") {
		t.Errorf("text: %d %q", code, out)
	}
}

func TestImportRefusesABadFileAndChangesNothing(t *testing.T) {
	path := demoFile(t)
	before, _ := os.ReadFile(path)
	for _, tc := range []struct {
		file, want string
		json       string
	}{
		{"../../budget/testdata/bad_date.csv", `Line 4: "31/02/2026" is not a real date`, `"rejected": 1`},
		{"../../budget/testdata/bad_balance.csv", "Line ", `"rejected": 1`},
		{"../../budget/testdata/empty.csv", "is empty", `"rejected": 0`},
	} {
		code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", tc.file, "--json")
		if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "nothing was imported") {
			t.Errorf("%s: exit %d, stderr %q", tc.file, code, stderr)
		}
		if !strings.Contains(out, `"imported": 0`) || !strings.Contains(out, tc.json) {
			t.Errorf("%s: stdout %q", tc.file, out)
		}
	}
	wantRefusal(t, 2, "There is no file", "import", "bank", "--data", path, "--account", priya, "--file", "nowhere.csv")
	wantRefusal(t, 2, "--file", "import", "bank", "--data", path, "--account", priya)
	wantRefusal(t, 2, `unknown import command "fish"`, "import", "fish")
	wantRefusal(t, 2, "say what to do", "import")
	wantRefusal(t, 2, `no budget called "Nobody"`, "import", "bank", "--data", path, "--account", "Nobody", "--file", "../../testdata/bank-sample.csv")
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused import changed the data file")
	}
}

func TestMoneyAddAndStatus(t *testing.T) {
	path := demoFile(t)
	got := moneyStatus(t, path, priya)
	want := map[string]any{"balance": "6491.76", "owed": "49.16", "set_aside": "630.00", "contingency": "600.00",
		"surplus": "5212.60", "surplus_limit": "4800.00", "over_limit": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("status = %v, want %v", got, want)
	}
	if tom := moneyStatus(t, path, "Tom's care"); tom["over_limit"] != false {
		t.Errorf("Tom: %v", tom)
	}
	code, out, stderr := cli(t, "money", "add", "--data", path, "--account", priya, "--date", "2026-11-20", "--payee", "Sample Chemist",
		"--amount", "-12.34", "--category", "other agreed items", "--note", "Gloves")
	if code != 0 || out != "Added to Priya's support: 20/11/2026, Sample Chemist, money out £12.34 (Other agreed items).\n" {
		t.Fatalf("money add: %d %q %q", code, out, stderr)
	}
	if got := moneyStatus(t, path, priya); got["balance"] != "6479.42" || got["surplus"] != "5200.26" {
		t.Errorf("after adding: %v", got)
	}
	code, out, _ = cli(t, "money", "status", "--data", path, "--account", priya, "--on", "20/11/2026")
	if code != 0 || !strings.Contains(out, "You hold £400.26 more than Wigan Council's 8-week limit.") {
		t.Errorf("text status: %d %q", code, out)
	}
	before, _ := os.ReadFile(path)
	wantRefusal(t, 2, `--category "Biscuits" is not one of Priya's support's categories: "PA wages (net)"`, "money", "add", "--data", path,
		"--account", priya, "--date", "2026-11-20", "--payee", "X", "--amount", "-1", "--category", "Biscuits")
	// Respite is hidden in Priya's budget.
	wantRefusal(t, 2, `--category "Respite" is not one of`, "money", "add", "--data", path,
		"--account", priya, "--date", "2026-11-20", "--payee", "X", "--amount", "-1", "--category", "Respite")
	wantRefusal(t, 2, "--amount", "money", "add", "--data", path, "--account", priya, "--date", "2026-11-20", "--payee", "X", "--amount", "twelve", "--category", "Other agreed items")
	wantRefusal(t, 2, "can't be £0.00", "money", "add", "--data", path, "--account", priya, "--date", "2026-11-20", "--payee", "X", "--amount", "0", "--category", "Other agreed items")
	wantRefusal(t, 2, "--date", "money", "add", "--data", path, "--account", priya, "--date", "31/02/2026", "--payee", "X", "--amount", "-1", "--category", "Other agreed items")
	wantRefusal(t, 2, "--payee is required", "money", "add", "--data", path, "--account", priya, "--date", "2026-11-20", "--amount", "-1", "--category", "Other agreed items")
	wantRefusal(t, 2, "before the account's opening balance", "money", "add", "--data", path, "--account", priya, "--date", "2025-01-01", "--payee", "X", "--amount", "-1", "--category", "Other agreed items")
	wantRefusal(t, 2, "--on", "money", "status", "--data", path, "--account", priya, "--on", "soon")
	wantRefusal(t, 2, "before the account's opening balance", "money", "status", "--data", path, "--account", priya, "--on", "2025-01-01")
	wantRefusal(t, 2, `unknown money command "spend"`, "money", "spend")
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused money command changed the data file")
	}
}

func TestForecastJSON(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := cli(t, "forecast", "--data", path, "--account", "Tom's care", "--from", "2026-11-21", "--weeks", "12", "--json")
	if code != 0 {
		t.Fatalf("forecast: %d %s", code, stderr)
	}
	var weeks []map[string]any
	if err := json.Unmarshal([]byte(out), &weeks); err != nil {
		t.Fatal(err)
	}
	if len(weeks) != 12 {
		t.Fatalf("%d weeks", len(weeks))
	}
	if !reflect.DeepEqual(keys(weeks[0]), []string{"balance", "income", "spending", "week_start"}) || weeks[0]["week_start"] != "2026-11-21" ||
		weeks[11]["week_start"] != "2027-02-06" {
		t.Errorf("weeks[0] = %v, weeks[11] = %v", weeks[0], weeks[11])
	}
	for _, w := range weeks {
		for _, k := range []string{"income", "spending", "balance"} {
			s, ok := w[k].(string)
			if !ok || len(s) < 4 || s[len(s)-3] != '.' {
				t.Errorf("%s = %v: want a string with two decimals", k, w[k])
			}
		}
	}
	// Tom's demo balance at the start: £1,600.65; the council pays £1,150 on 10 December.
	if weeks[0]["balance"] != "1600.65" || weeks[2]["income"] != "1150.00" {
		t.Errorf("weeks = %v", weeks[:3])
	}
	code, out, _ = cli(t, "forecast", "--data", path, "--account", "Tom's care", "--from", "2026-11-21", "--year-end")
	if code != 0 || !strings.Contains(out, "forecast for 19 weeks from 21/11/2026") || !strings.Contains(out, "Week from") {
		t.Errorf("year end: %d %q", code, out)
	}
	wantRefusal(t, 2, "--weeks must be from 1", "forecast", "--data", path, "--account", "Tom's care", "--weeks", "0")
	wantRefusal(t, 2, "can't start before the account's opening balance", "forecast", "--data", path, "--account", "Tom's care", "--from", "2024-01-01")
}

func TestImportBankOFX(t *testing.T) {
	path := demoFile(t)
	ofx := filepath.Join("..", "..", "budget", "testdata", "layout7_ofx1_sgml.ofx")
	code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", "Priya's support", "--file", ofx, "--json")
	if code != 0 {
		t.Fatalf("import OFX: %d %s", code, stderr)
	}
	var got map[string]int
	if err := json.Unmarshal([]byte(out), &got); err != nil || got["imported"] != 4 || got["duplicates"] != 0 || got["rejected"] != 0 {
		t.Errorf("first import = %s %v", out, err)
	}
	_, out, _ = cli(t, "import", "bank", "--data", path, "--account", "Priya's support", "--file", ofx, "--json")
	if err := json.Unmarshal([]byte(out), &got); err != nil || got["imported"] != 0 || got["duplicates"] != 4 {
		t.Errorf("second import = %s", out)
	}
}

// An OFX line with a date or amount no statement can hold is refused like
// the same line in a CSV file: exit 2, one plain line, nothing stored.
func TestImportBankOFXOutOfRangeIsRefused(t *testing.T) {
	path := demoFile(t)
	good, err := os.ReadFile(filepath.Join("..", "..", "budget", "testdata", "layout7_ofx1_sgml.ofx"))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	for name, c := range map[string]struct{ old, new, want string }{
		"year 7026": {"<DTPOSTED>20261105", "<DTPOSTED>70261105", "the year should be between 1900 and 2200"},
		"huge":      {"<TRNAMT>-12.34", "<TRNAMT>-99999999999.99", "too large"},
	} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "statement.ofx")
			if err := os.WriteFile(file, []byte(strings.Replace(string(good), c.old, c.new, 1)), 0o600); err != nil {
				t.Fatal(err)
			}
			code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", file)
			if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) ||
				!strings.Contains(stderr, "nothing was imported") || strings.Contains(stderr, "sql") {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
			}
		})
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused import changed the data file")
	}
}
