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
	if before["balance"] != "6460.60" || after["balance"] != "6393.01" {
		t.Errorf("balance before %v, after %v", before["balance"], after["balance"])
	}
	// The statement's balances are kept: the ledger agrees with the
	// bank's last one (19/11/2026).
	if before["statement_date"] != "" || after["statement_date"] != "2026-11-19" || after["statement_balance"] != "6393.01" || after["difference"] != "0.00" {
		t.Errorf("against the bank: before %v, after %v", before, after)
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
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", tc.file, "--json")
			if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "nothing was imported") {
				t.Errorf("%s: exit %d, stderr %q", tc.file, code, stderr)
			}
			if !strings.Contains(out, `"imported": 0`) || !strings.Contains(out, tc.json) {
				t.Errorf("%s: stdout %q", tc.file, out)
			}
		})
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
	want := map[string]any{"balance": "6460.60", "owed": "18.00", "set_aside": "630.00", "contingency": "600.00",
		"surplus": "5212.60", "surplus_limit": "4800.00", "over_limit": true,
		"statement_date": "", "statement_balance": "", "difference": ""} // no statement has given a balance yet
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
	if got := moneyStatus(t, path, priya); got["balance"] != "6448.26" || got["surplus"] != "5200.26" {
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
			t.Run(k, func(t *testing.T) {
				s, ok := w[k].(string)
				if !ok || len(s) < 4 || s[len(s)-3] != '.' {
					t.Errorf("%s = %v: want a string with two decimals", k, w[k])
				}
			})
		}
	}
	// Tom's demo balance at the start: £1,601.49; the council pays £1,150 on 10 December.
	if weeks[0]["balance"] != "1601.49" || weeks[2]["income"] != "1150.00" {
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

// decemberFiles writes one December week of Priya's account as CSV (with a
// running balance) and as OFX (the layout7 fixture moved on a month), the
// OFX's lines renamed by replace.
func decemberFiles(t *testing.T, replace ...string) (csvFile, ofxFile string) {
	t.Helper()
	dir := t.TempDir()
	csvFile, ofxFile = filepath.Join(dir, "december.csv"), filepath.Join(dir, "december.ofx")
	csv := "Date,Description,Amount,Balance\n" +
		"02/12/2026,WIGAN COUNCIL DIRECT PAYMENT,2400.00,8800.00\n" +
		"05/12/2026,SAMPLE CHEMIST,-12.34,8787.66\n" +
		"05/12/2026,SAMPLE CHEMIST,-12.34,8775.32\n" +
		"06/12/2026,P SHAH CONTRIBUTION,42.50,8817.82\n"
	ofx, err := os.ReadFile(filepath.Join("..", "..", "budget", "testdata", "layout7_ofx1_sgml.ofx"))
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.NewReplacer(append([]string{"202611", "202612"}, replace...)...).Replace(string(ofx))
	if err := os.WriteFile(csvFile, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ofxFile, []byte(moved), 0o600); err != nil {
		t.Fatal(err)
	}
	return csvFile, ofxFile
}

// The case: the same days imported as CSV and then as OFX add the
// council's £2,400 once.
func TestImportBankCSVThenOFXCountsTheSameLinesOnce(t *testing.T) {
	path := demoFile(t)
	csv, ofx := decemberFiles(t)
	if code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", csv, "--json"); code != 0 || !strings.Contains(out, `"imported": 4`) {
		t.Fatalf("CSV: %d %q %q", code, out, stderr)
	}
	code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", ofx, "--json")
	if code != 0 || out != "{\n  \"imported\": 0,\n  \"duplicates\": 4,\n  \"rejected\": 0\n}\n" {
		t.Errorf("OFX: %d %q %q", code, out, stderr)
	}
}

// A line of the same day and amount whose payee does not agree is neither
// merged nor added twice unasked: it is held back and reported.
func TestImportBankHoldsBackANearMatchOfALineImportedBefore(t *testing.T) {
	path := demoFile(t)
	csv, ofx := decemberFiles(t, "<NAME>WIGAN COUNCIL DP<MEMO>DIRECT PAYMENT", "<NAME>MBC DP 0042")
	cli(t, "import", "bank", "--data", path, "--account", priya, "--file", csv)
	before := moneyStatus(t, path, priya)
	code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", ofx, "--dry-run")
	if code != 0 || !strings.Contains(out, "1 line may already be in the ledger") ||
		!strings.Contains(out, "Will not be imported: line 1 (02/12/2026, MBC DP 0042, £2,400.00 in) may be the line imported before on 02/12/2026 (WIGAN COUNCIL DIRECT PAYMENT, £2,400.00 in).") {
		t.Errorf("dry run: %d %q %q", code, out, stderr)
	}
	code, out, stderr = cli(t, "import", "bank", "--data", path, "--account", priya, "--file", ofx, "--json")
	got := jsonObject(t, out)
	if code != 0 || got["imported"] != 0.0 || got["duplicates"] != 3.0 || got["rejected"] != 0.0 || got["held_back"] != 1.0 {
		t.Fatalf("import: %d %v %q", code, got, stderr)
	}
	pm, _ := got["possible_matches"].([]any)
	if len(pm) != 1 {
		t.Fatalf("possible matches: %v", got["possible_matches"])
	}
	m := pm[0].(map[string]any)
	may := m["may_be"].([]any)[0].(map[string]any)
	if m["line"] != 1.0 || m["date"] != "2026-12-02" || m["amount"] != "2400.00" || m["imported"] != false ||
		may["payee"] != "WIGAN COUNCIL DIRECT PAYMENT" || may["entered_by_hand"] != false {
		t.Errorf("possible match: %v", m)
	}
	if after := moneyStatus(t, path, priya); after["balance"] != before["balance"] {
		t.Errorf("balance before %v, after %v", before["balance"], after["balance"])
	}
	code, out, _ = cli(t, "import", "bank", "--data", path, "--account", priya, "--file", ofx)
	if code != 0 || !strings.Contains(out, "Not imported: line 1 (02/12/2026, MBC DP 0042, £2,400.00 in) may be the line imported before") {
		t.Errorf("text: %d %q", code, out)
	}
}

// The case: a hand-entered "Chemist" is not confirmed by another
// payee's line: the bank's line is imported as new and the possible match
// reported.
func TestImportBankReportsAPossibleMatchOfAHandEnteredLine(t *testing.T) {
	path := demoFile(t)
	if code, _, stderr := cli(t, "money", "add", "--data", path, "--account", priya, "--date", "2026-12-05", "--payee", "Chemist",
		"--amount", "-12.34", "--category", "Other agreed items"); code != 0 {
		t.Fatal(stderr)
	}
	stmt := filepath.Join(t.TempDir(), "december.csv")
	os.WriteFile(stmt, []byte("Date,Description,Amount\n10/12/2026,TOTALLY DIFFERENT SHOP,-12.34\n"), 0o600)
	code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", stmt, "--dry-run", "--json")
	if got := jsonObject(t, out); code != 0 || got["imported"] != 1.0 || got["held_back"] != nil || got["possible_matches"] == nil {
		t.Errorf("dry run: %d %v %q", code, got, stderr)
	}
	code, out, stderr = cli(t, "import", "bank", "--data", path, "--account", priya, "--file", stmt)
	want := "Check: line 2 (10/12/2026, TOTALLY DIFFERENT SHOP, £12.34 out) was imported as a new line, but it may be the line you entered by hand on 05/12/2026 (Chemist, £12.34 out)."
	if code != 0 || !strings.Contains(out, "Imported 1 transaction into Priya's support; 0 were already in the ledger.") || !strings.Contains(out, want) {
		t.Errorf("import: %d %q %q", code, out, stderr)
	}
	code, out, _ = cli(t, "money", "status", "--data", path, "--account", priya, "--on", "2026-12-20", "--json")
	// Both lines count: £6,460.60 on 20 November, less £12.34 twice.
	if st := jsonObject(t, out); code != 0 || st["balance"] != "6435.92" {
		t.Errorf("status: %v", st)
	}
}

// A statement for the account another budget's statements came from is
// refused unless --anyway says to import it.
func TestImportBankAsksBeforeAnotherBudgetsStatement(t *testing.T) {
	path := demoFile(t)
	sample := "../../testdata/bank-sample.csv"
	before, _ := os.ReadFile(path)
	wantRefusal(t, 2, "bank-sample.csv looks like it is for Priya's support's account (account ****4821), so nothing was imported into Tom's care: check --account and --file, or add --anyway",
		"import", "bank", "--data", path, "--account", "Tom's care", "--file", sample)
	wantRefusal(t, 2, "--anyway", "import", "bank", "--data", path, "--account", "Tom's care", "--file", sample, "--dry-run", "--json")
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused import changed the data file")
	}
	code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", "Tom's care", "--file", sample, "--anyway")
	if code != 0 || !strings.Contains(out, "into Tom's care") {
		t.Errorf("--anyway: %d %q %q", code, out, stderr)
	}
	// Its own budget asks nothing.
	if code, _, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", sample, "--dry-run"); code != 0 {
		t.Errorf("Priya's own statement: %d %q", code, stderr)
	}
}

func TestImportBankHelpNamesAnyway(t *testing.T) {
	code, out, stderr := cli(t, "import", "bank", "-h")
	if !strings.Contains(out+stderr, "-anyway") || !strings.Contains(out+stderr, "another budget's bank account") {
		t.Errorf("help: %d %q %q", code, out, stderr)
	}
}

// A line with no category is allowed, as in the window: it waits in the
// ledger to be sorted (budget.CheckTransaction).
func TestMoneyAddWithoutACategory(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := cli(t, "money", "add", "--data", path, "--account", priya, "--date", "2026-11-20", "--payee", "Sample Chemist",
		"--amount", "-12.34")
	if code != 0 || out != "Added to Priya's support: 20/11/2026, Sample Chemist, money out £12.34 (no category yet: choose it in the window's ledger).\n" {
		t.Fatalf("money add: %d %q %q", code, out, stderr)
	}
}
