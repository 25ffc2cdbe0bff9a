package budget

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

func parseFile(t *testing.T, name string) (Statement, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return ParseStatement(bytes.NewReader(data), name, ParseOptions{})
}

func mustParseFile(t *testing.T, name string) Statement {
	t.Helper()
	st, err := parseFile(t, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return st
}

// The April 2026 transactions every layout fixture holds, oldest first.
var aprilTx = []struct {
	date   string
	desc   string
	amount string
	typ    string
}{
	{"2026-04-01", "WIGAN COUNCIL DIRECT PAYMENT", "1300.00", "BGC"},
	{"2026-04-03", "SAMPLE CAFE", "-5.00", "DEB"},
	{"2026-04-03", "SAMPLE CAFE", "-5.00", "DEB"},
	{"2026-04-06", "SAMPLE INSURANCE LTD", "-120.00", "DD"},
	{"2026-04-08", "HMRC CUMBERNAULD 123PA00045678", "-212.30", "FPO"},
	{"2026-04-10", "Z NI BHRIAIN WAGES", "-480.00", "FPO"},
	{"2026-04-10", "CLIENT CONTRIBUTION J DOE", "150.00", "FPI"},
	{"2026-04-14", "SAMPLE SUPERMARKET CD 1234", "-23.45", "DEB"},
}

func TestParseLayouts(t *testing.T) {
	type want struct {
		file        string
		lineNos     []int    // file line of each April transaction, oldest first
		balances    []string // nil: no balance column
		newestFirst bool
		delim       string
		encoding    string
		headerLine  int
		dateFormat  string
		withType    bool
		refs        bool
		descFix     map[int]string // description differences
		opening     string
	}
	seq := func(from int) []int {
		out := make([]int, 8)
		for i := range out {
			out[i] = from + i
		}
		return out
	}
	cases := []want{
		{
			file: "layout1_signed_newest_first.csv", lineNos: []int{9, 8, 7, 6, 5, 4, 3, 2},
			balances:    []string{"2534.56", "2529.56", "2524.56", "2404.56", "2192.26", "1712.26", "1862.26", "1838.81"},
			newestFirst: true, delim: ",", encoding: "UTF-8", headerLine: 1, dateFormat: "dd/mm/yyyy", opening: "1234.56",
		},
		{
			file: "layout2_paidin_paidout.csv", lineNos: seq(2),
			balances: []string{"3800.00", "3795.00", "3790.00", "3670.00", "3457.70", "2977.70", "3127.70", "3104.25"},
			delim:    ",", encoding: "UTF-8", headerLine: 1, dateFormat: "dd/mm/yyyy",
			descFix: map[int]string{3: "SAMPLE INSURANCE, LTD"}, opening: "2500.00",
		},
		{
			file: "layout3_money_in_out_preamble.csv", lineNos: seq(7),
			balances: []string{"2287.65", "2282.65", "2277.65", "2157.65", "1945.35", "1465.35", "1615.35", "1591.90"},
			delim:    ",", encoding: "UTF-8", headerLine: 6, dateFormat: "dd/mm/yyyy", withType: true, opening: "987.65",
		},
		{
			file: "layout4_semicolon_debit_credit.csv", lineNos: seq(2),
			delim: ";", encoding: "UTF-8", headerLine: 1, dateFormat: "yyyy-mm-dd", refs: true,
		},
		{
			file: "layout5_latin1_type.csv", lineNos: seq(6),
			balances: []string{"2534.56", "2529.56", "2524.56", "2404.56", "2192.26", "1712.26", "1862.26", "1838.81"},
			delim:    ",", encoding: "Windows-1252", headerLine: 5, dateFormat: "dd mmm yyyy", withType: true, opening: "1234.56",
		},
		{
			file: "layout6_prepaid_tab_bom.csv", lineNos: seq(2),
			balances: []string{"1800.00", "1795.00", "1790.00", "1670.00", "1457.70", "977.70", "1127.70", "1104.25"},
			delim:    "tab", encoding: "UTF-8 with BOM", headerLine: 1, dateFormat: "dd-mmm-yyyy", opening: "500.00",
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			st := mustParseFile(t, c.file)
			l := st.Layout
			if l.NewestFirst != c.newestFirst || l.Delimiter != c.delim || l.Encoding != c.encoding ||
				l.HeaderLine != c.headerLine || l.DateFormat != c.dateFormat {
				t.Errorf("layout = %+v", l)
			}
			if len(st.Lines) != len(aprilTx) {
				t.Fatalf("got %d lines, want %d", len(st.Lines), len(aprilTx))
			}
			chron := st.Chronological()
			for i, w := range aprilTx {
				g := chron[i]
				desc := w.desc
				if d, ok := c.descFix[i]; ok {
					desc = d
				}
				if g.LineNo != c.lineNos[i] || g.Date != civil.MustParse(w.date) || g.Description != desc ||
					g.Amount != money.MustParse(w.amount) {
					t.Errorf("line %d = %+v, want line %d %s %q %s", i, g, c.lineNos[i], w.date, desc, w.amount)
				}
				if c.balances != nil {
					if !g.HasBalance || g.Balance != money.MustParse(c.balances[i]) {
						t.Errorf("line %d balance = %v %s, want %s", g.LineNo, g.HasBalance, g.Balance, c.balances[i])
					}
				} else if g.HasBalance {
					t.Errorf("line %d has a balance", g.LineNo)
				}
				if c.withType && g.Type != w.typ {
					t.Errorf("line %d type = %q, want %q", g.LineNo, g.Type, w.typ)
				}
				if c.refs && g.Reference != "REF000"+string(rune('1'+i)) {
					t.Errorf("line %d reference = %q", g.LineNo, g.Reference)
				}
			}
			// The two coffees are two lines.
			if chron[1].Occurrence != 1 || chron[2].Occurrence != 2 || chron[3].Occurrence != 1 {
				t.Errorf("occurrences %d %d %d", chron[1].Occurrence, chron[2].Occurrence, chron[3].Occurrence)
			}
			if st.From != civil.MustParse("2026-04-01") || st.To != civil.MustParse("2026-04-14") {
				t.Errorf("period %s to %s", st.From, st.To)
			}
			if c.balances != nil {
				if !st.HasBalances || st.OpeningBalance != money.MustParse(c.opening) || st.ClosingBalance != money.MustParse(c.balances[7]) {
					t.Errorf("opening %s closing %s", st.OpeningBalance, st.ClosingBalance)
				}
			}
			if d := l.Describe(); !strings.Contains(d, "column names on line") {
				t.Errorf("Describe() = %q", d)
			}
			if c.file == "layout3_money_in_out_preamble.csv" {
				want := `Comma-separated (UTF-8), column names on line 6. Date: "Date" (dd/mm/yyyy); description: "Description"; paid in: "Money In"; paid out: "Money Out"; balance: "Balance"; type: "Type". Oldest lines first.`
				if d := l.Describe(); d != want {
					t.Errorf("Describe() = %q", d)
				}
			}
		})
	}
}

// Every layout holds the same transactions, so they all give the same keys.
func TestSameTransactionsSameKeysAcrossLayouts(t *testing.T) {
	keys := func(name string) []string {
		var out []string
		for _, l := range mustParseFile(t, name).Chronological() {
			out = append(out, ImportKey(l))
		}
		return out
	}
	base := keys("layout1_signed_newest_first.csv")
	for _, f := range []string{"layout3_money_in_out_preamble.csv", "layout4_semicolon_debit_credit.csv", "layout5_latin1_type.csv", "layout6_prepaid_tab_bom.csv"} {
		t.Run(f, func(t *testing.T) {
			got := keys(f)
			for i := range base {
				if got[i] != base[i] {
					t.Errorf("%s line %d key %s, want %s", f, i, got[i], base[i])
				}
			}
		})
	}
}

func TestParseMalformed(t *testing.T) {
	cases := []struct {
		file string
		line int
		why  string
	}{
		{"bad_columns.csv", 1, `the columns are Date, Description, Balance: there is no amount column. A bank statement needs a date column, a description column, and either an amount column or separate paid in and paid out columns. Check you exported the list of transactions as CSV.`},
		{"bad_date.csv", 4, `"31/02/2026" is not a real date: February 2026 has no day 31.`},
		{"bad_amount.csv", 5, `in the "Paid out" column, "7.9O" is not an amount of money. Amounts look like -12.34, £1,234.56, (12.34) or 12.34 DR.`},
		{"bad_balance.csv", 14, `the balance £1,203.40 does not follow from the balance on line 13 (£1,250.00 − £46.50 = £1,203.50). Check the file is a complete export, with no lines removed or edited.`},
		{"empty.csv", 0, `The file "empty.csv" is empty: it has no transactions. Export the statement again from your bank's website, choosing CSV.`},
		{"no_transactions.csv", 0, `The file "no_transactions.csv" has no transactions: it has column names but no lines that pay money in or out. Check the period you exported.`},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			st, err := parseFile(t, c.file)
			se := wantRefused(t, st, err)
			if se.Line != c.line || se.Reason != c.why || se.More != 0 {
				t.Errorf("got line %d %q (more %d)\nwant line %d %q", se.Line, se.Reason, se.More, c.line, c.why)
			}
		})
	}
	_, err := parseFile(t, "bad_balance.csv")
	if got := err.Error(); got != "Line 14: the balance £1,203.40 does not follow from the balance on line 13 (£1,250.00 − £46.50 = £1,203.50). Check the file is a complete export, with no lines removed or edited." {
		t.Errorf("Error() = %q", got)
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// repeatReader gives left bytes of a block repeated.
type repeatReader struct {
	block []byte
	off   int
	left  int64
}

func newRepeatReader(line string, size int64) *repeatReader {
	block := bytes.Repeat([]byte(line), (64<<10)/len(line))
	return &repeatReader{block: block, left: size}
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.block[r.off:])
		n += c
		r.off = (r.off + c) % len(r.block)
	}
	r.left -= int64(n)
	return n, nil
}

func TestFiftyMegabyteFileRefusedWithoutReadingIt(t *testing.T) {
	const size = 50 << 20
	src := &countingReader{r: io.MultiReader(strings.NewReader("Date,Description,Amount\n"),
		newRepeatReader("01/04/2026,SAMPLE CAFE,-5.00\n", size))}
	_, err := ParseStatement(src, "huge.csv", ParseOptions{})
	var se *StatementError
	if !errors.As(err, &se) || se.Line != 0 || !strings.Contains(se.Reason, "larger than 20 MB") {
		t.Fatalf("err = %v", err)
	}
	// Reading no more than the limit is what keeps a huge file quick to
	// refuse; how quick is for BenchmarkRefuseFiftyMegabytes, not for a test.
	if src.n > DefaultMaxStatementBytes+64<<10 {
		t.Errorf("read %d bytes of a 50 MB file", src.n)
	}
	// A smaller limit is honoured.
	_, err = ParseStatement(strings.NewReader("Date,Description,Amount\n01/04/2026,X,1.00\n"), "a.csv", ParseOptions{MaxBytes: 10})
	if err == nil || !strings.Contains(err.Error(), "larger than 10 bytes") {
		t.Errorf("err = %v", err)
	}
}

// wantRefused fails the test unless a parse was refused with a
// *StatementError and no lines, and returns the error.
func wantRefused(t *testing.T, st Statement, err error) *StatementError {
	t.Helper()
	var se *StatementError
	if !errors.As(err, &se) || len(st.Lines) != 0 {
		t.Fatalf("%T %v, %d lines: want a *StatementError and no lines", err, err, len(st.Lines))
	}
	return se
}

func parseString(t *testing.T, s string) (Statement, error) {
	t.Helper()
	return ParseStatement(strings.NewReader(s), "test.csv", ParseOptions{})
}

func TestParseErrorsInline(t *testing.T) {
	cases := []struct {
		name, csv string
		line      int
		why       string
		more      int
	}{
		{"american date", "Date,Description,Amount\n04/13/2026,X,-1.00\n", 2,
			`"04/13/2026" has no month 13. It may be written month first (the American order), which this program never reads: export the statement with UK dates, day first, like 06/04/2026.`, 0},
		{"words for a date", "Date,Description,Amount\nyesterday,X,-1.00\n", 2,
			`"yesterday" is not a date this program reads. Dates must be day, month, year (like 06/04/2026 or 06 Apr 2026) or year-month-day (like 2026-04-06).`, 0},
		{"no amount", "Date,Description,Amount\n01/04/2026,X,\n", 2,
			`it has no amount. Every line needs an amount in the "Amount" column.`, 0},
		{"both in and out", "Date,Description,Paid in,Paid out\n01/04/2026,X,1.00,2.00\n", 2,
			`it has an amount both in "Paid in" (£1.00) and in "Paid out" (£2.00). A line is either money in or money out: check the file has not been edited.`, 0},
		{"short line", "Date,Description,Amount,Balance\n01/04/2026,X\n", 2,
			`it has 2 columns, but the column names on line 1 have 4. Check the file has not been cut short or edited.`, 0},
		{"unquoted comma", "Date,Description,Amount\n01/04/2026,SMITH, J,-1.00\n", 2,
			`it has 4 columns, but the column names on line 1 have 3. A value may contain a comma that is not inside quotes: check the file has not been edited.`, 0},
		{"several bad lines", "Date,Description,Amount\n01/04/2026,X,-1.00\n02/04/2026,X,abc\n31/04/2026,X,-1.00\n03/04/2026,X,xyz\n", 3,
			`"abc" is not an amount of money. Amounts look like -12.34, £1,234.56, (12.34) or 12.34 DR.`, 2},
		{"unclosed quote", "Date,Description,Amount\n01/04/2026,\"X,-1.00\n02/04/2026,Y,-1.00\n", 2,
			`a value starts with a quote mark (") that is never closed, or has text straight after its closing quote. Check the file has not been edited or cut short.`, 0},
		{"too large", "Date,Description,Amount\n01/04/2026,X,-99999999999.00\n", 2,
			`"-99999999999.00" is too large to be a line of a direct payment account. Check the file.`, 0},
		{"a very long line", "Date,Description,Amount\n01/04/2026,X,-1.00\n" + strings.Repeat("x", 10001) + "\n", 3,
			`the line is longer than 10000 characters, far longer than a line of a bank statement. Check you chose the right file.`, 0},
		{"not a statement", "hello\nworld\n", 1,
			`this does not look like a bank statement: no line in the first 30 names the columns (such as Date, Description, Amount, or Paid in and Paid out). A bank statement needs a date column, a description column, and either an amount column or separate paid in and paid out columns. Export the statement from your bank's website as CSV and try again.`, 0},
		{"paid in only", "Date,Description,Paid in\n01/04/2026,X,1.00\n", 1,
			`the columns are Date, Description, Paid in: there is a "Paid in" column but no column for money paid out. A bank statement needs a date column, a description column, and either an amount column or separate paid in and paid out columns. Check you exported the list of transactions as CSV.`, 0},
		{"excel", "PK\x03\x04rest", 0,
			`This file is an Excel workbook (or another zipped file), not a CSV file. Open it in a spreadsheet and save it as CSV, or export the statement from your bank's website as CSV.`, 0},
		{"blank only", "\n\n  \n", 0,
			`The file "test.csv" is empty: it has no transactions. Export the statement again from your bank's website, choosing CSV.`, 0},
		{"balance wrong newest first", "Date,Description,Amount,Balance\n03/04/2026,C,-1.00,97.00\n02/04/2026,B,-1.00,99.00\n01/04/2026,A,-1.00,99.00\n", 3,
			`the balance £99.00 does not follow from the balance on line 4 (£99.00 − £1.00 = £98.00). Check the file is a complete export, with no lines removed or edited.`, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, err := parseString(t, c.csv)
			se := wantRefused(t, st, err)
			if se.Line != c.line || se.Reason != c.why || se.More != c.more {
				t.Errorf("got line %d %q more %d\nwant line %d %q more %d", se.Line, se.Reason, se.More, c.line, c.why, c.more)
			}
		})
	}
}

func TestParseVariants(t *testing.T) {
	d := civil.MustParse
	m := money.MustParse
	cases := []struct {
		name        string
		csv         string
		want        []StatementLine // file order; only LineNo, Date, Description, Amount, Balance, HasBalance compared
		newestFirst bool
	}{
		{"datetime and value column, quoted comma and doubled quote",
			"Completed Date,Description,Value\n2026-04-06 10:12:00,\"SMITH, J \"\"PA\"\"\",-10.00\n2026-04-07T09:00:00Z,Refund,+2.50\n",
			[]StatementLine{
				{LineNo: 2, Date: d("2026-04-06"), Description: `SMITH, J "PA"`, Amount: m("-10.00")},
				{LineNo: 3, Date: d("2026-04-07"), Description: "Refund", Amount: m("2.50")},
			}, false},
		{"brackets, trailing minus, two-digit years, dots",
			"Date,Details,Amount\n06.04.26,A,(12.34)\n07.04.26,B,5.00-\n08.04.26,C,\"£1,000.00\"\n",
			[]StatementLine{
				{LineNo: 2, Date: d("2026-04-06"), Description: "A", Amount: m("-12.34")},
				{LineNo: 3, Date: d("2026-04-07"), Description: "B", Amount: m("-5.00")},
				{LineNo: 4, Date: d("2026-04-08"), Description: "C", Amount: m("1000.00")},
			}, false},
		{"newest first on one day, found by balances",
			"Date,Description,Amount,Balance\n06/04/2026,C,-3.00,94.00\n06/04/2026,B,-2.00,97.00\n06/04/2026,A,-1.00,99.00\n",
			[]StatementLine{
				{LineNo: 2, Date: d("2026-04-06"), Description: "C", Amount: m("-3.00"), Balance: m("94.00"), HasBalance: true},
				{LineNo: 3, Date: d("2026-04-06"), Description: "B", Amount: m("-2.00"), Balance: m("97.00"), HasBalance: true},
				{LineNo: 4, Date: d("2026-04-06"), Description: "A", Amount: m("-1.00"), Balance: m("99.00"), HasBalance: true},
			}, true},
		{"brought forward line and end-of-day balances",
			"Date,Description,Paid in,Paid out,Balance\n01/04/2026,BALANCE BROUGHT FORWARD,,,100.00\n02/04/2026,A,,10.00,\n02/04/2026,B,5.00,,95.00\n\n,,,,\n03/04/2026,C,,1.00,94.00\n",
			[]StatementLine{
				{LineNo: 3, Date: d("2026-04-02"), Description: "A", Amount: m("-10.00")},
				{LineNo: 4, Date: d("2026-04-02"), Description: "B", Amount: m("5.00"), Balance: m("95.00"), HasBalance: true},
				{LineNo: 7, Date: d("2026-04-06") /* replaced below */, Description: "C", Amount: m("-1.00"), Balance: m("94.00"), HasBalance: true},
			}, false},
		{"a stray quote mark in the column names",
			"Date,Description,Amount \"GBP\"\n06/04/2026,A,-1.00\n",
			[]StatementLine{{LineNo: 2, Date: d("2026-04-06"), Description: "A", Amount: m("-1.00")}}, false},
		{"old Mac line endings, no description text",
			"Date,Description,Amount\r06/04/2026,,-1.00\r",
			[]StatementLine{{LineNo: 2, Date: d("2026-04-06"), Description: "", Amount: m("-1.00")}}, false},
		{"header names with (£) and spaces, extra empty columns",
			"  Transaction Date , Narrative ,Debit Amount (£),Credit Amount (£),\n6 April 2026,A,1.00,,\n",
			[]StatementLine{{LineNo: 2, Date: d("2026-04-06"), Description: "A", Amount: m("-1.00")}}, false},
	}
	cases[3].want[2].Date = d("2026-04-03")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, err := parseString(t, c.csv)
			if err != nil {
				t.Fatal(err)
			}
			if st.Layout.NewestFirst != c.newestFirst {
				t.Errorf("newest first = %v", st.Layout.NewestFirst)
			}
			if len(st.Lines) != len(c.want) {
				t.Fatalf("got %+v", st.Lines)
			}
			for i, w := range c.want {
				g := st.Lines[i]
				if g.LineNo != w.LineNo || g.Date != w.Date || g.Description != w.Description || g.Amount != w.Amount ||
					g.Balance != w.Balance || g.HasBalance != w.HasBalance {
					t.Errorf("line %d = %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

func TestParseUTF16(t *testing.T) {
	s := "Date\tDescription\tAmount\n06/04/2026\tCAFÉ £\t-1.00\n"
	u := []byte{0xFF, 0xFE}
	for _, r := range s {
		u = append(u, byte(r), byte(r>>8))
	}
	st, err := ParseStatement(bytes.NewReader(u), "u.csv", ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Layout.Encoding != "UTF-16" || st.Lines[0].Description != "CAFÉ £" {
		t.Errorf("%+v", st)
	}
}

func TestLatin1Pound(t *testing.T) {
	st := mustParseFile(t, "layout5_latin1_type.csv")
	if st.Lines[0].Amount != money.MustParse("1300.00") {
		t.Errorf("£ amount read as %s", st.Lines[0].Amount)
	}
}

func FuzzParseStatement(f *testing.F) {
	entries, _ := os.ReadDir("testdata")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".csv") || strings.HasSuffix(e.Name(), ".ofx") {
			if b, err := os.ReadFile(filepath.Join("testdata", e.Name())); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("Date,Description,Amount,Balance\n06/04/2026,\"A\"\"B\",(1.00),£1,000.00 CR\n"))
	f.Add([]byte("\xff\xfeD\x00a\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseStatement(bytes.NewReader(data), "fuzz.csv", ParseOptions{MaxBytes: 1 << 20})
		if err != nil {
			var se *StatementError
			if !errors.As(err, &se) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if len(st.Lines) != 0 {
				t.Fatal("lines with an error")
			}
			return
		}
		if len(st.Lines) == 0 {
			t.Fatal("no lines and no error")
		}
		for _, l := range st.Lines {
			if l.Amount == 0 || l.Date.IsZero() || l.LineNo <= st.Layout.HeaderLine || l.Occurrence < 1 {
				t.Fatalf("bad line %+v", l)
			}
			_ = ImportKey(l)
		}
		p := Plan(st, PlanOptions{Rules: []PayeeRule{{Match: "A", Category: CatOther}}})
		if len(p.New)+len(p.Duplicates) != len(st.Lines) {
			t.Fatal("plan lost lines")
		}
		_ = st.Layout.Describe()
	})
}

func TestStatementErrorText(t *testing.T) {
	_, err := parseString(t, "Date,Description,Amount\n01/04/2026,X,-1.00\n02/04/2026,X,abc\n31/04/2026,X,-1.00\n03/04/2026,X,xyz\n")
	var se *StatementError
	if !errors.As(err, &se) || se.Rejected() != 3 {
		t.Fatalf("err = %v", err)
	}
	want := `Line 3: "abc" is not an amount of money. Amounts look like -12.34, £1,234.56, (12.34) or 12.34 DR. (2 more lines also have problems.)`
	if err.Error() != want {
		t.Errorf("Error() = %q", err.Error())
	}
	if (&StatementError{Reason: "Too big."}).Rejected() != 0 {
		t.Error("a whole-file error rejects no lines")
	}
	// A reader that fails is not the person's fault: not a StatementError.
	_, err = ParseStatement(iotestErrReader{}, "x.csv", ParseOptions{})
	if err == nil || errors.As(err, &se) {
		t.Errorf("err = %v", err)
	}
}

type iotestErrReader struct{}

func (iotestErrReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }
