package budget

import (
	"os"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

func TestParseOFX(t *testing.T) {
	cases := []struct {
		file    string
		want    []string // date description amount type reference
		closing string
	}{
		{"layout7_ofx1_sgml.ofx", []string{
			"2026-11-02 WIGAN COUNCIL DP DIRECT PAYMENT 2400.00 CREDIT EX0001",
			"2026-11-05 SAMPLE CHEMIST -12.34 DEBIT EX0002",
			"2026-11-05 SAMPLE CHEMIST -12.34 DEBIT EX0003",
			"2026-11-06 P SHAH CONTRIBUTION 42.50 CREDIT EX0004",
		}, "2417.82"},
		{"layout8_ofx2_card.ofx", []string{
			"2026-11-03 ST HELENS COUNCIL 1150.00 CREDIT CARD-1",
			"2026-11-10 SAMPLE CARE INSURERS -96.00 DEBIT CARD-2",
		}, "1054.00"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open("testdata/" + c.file)
			if err != nil {
				t.Fatal(err)
			}
			st, err := ParseStatement(f, c.file, ParseOptions{})
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", c.file, err)
			}
			var got []string
			for _, l := range st.Lines {
				got = append(got, strings.Join([]string{l.Date.String(), l.Description, l.Amount.String(), l.Type, l.Reference}, " "))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("%s lines:\n%s\nwant:\n%s", c.file, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if st.ClosingBalance.String() != c.closing || st.Layout.Encoding != "OFX" || !strings.Contains(st.Layout.Describe(), "OFX") {
				t.Errorf("%s: closing %s, layout %+v", c.file, st.ClosingBalance, st.Layout)
			}
			// Two identical £12.34 lines on one day are two lines.
			if c.file == "layout7_ofx1_sgml.ofx" && (st.Lines[1].Occurrence != 1 || st.Lines[2].Occurrence != 2 || ImportKey(st.Lines[1]) == ImportKey(st.Lines[2])) {
				t.Error("identical lines share an import key")
			}
		})
	}
}

func TestParseOFXRefusals(t *testing.T) {
	good, _ := os.ReadFile("testdata/layout7_ofx1_sgml.ofx")
	cases := map[string]struct{ data, want string }{
		"dollars":    {strings.Replace(string(good), "<CURDEF>GBP", "<CURDEF>USD", 1), "only accounts in pounds"},
		"half penny": {strings.Replace(string(good), "<TRNAMT>-12.34", "<TRNAMT>-12.345", 1), "not a whole number of pence"},
		"broken":     {string(good[:len(good)/2]), "can't be read"},
		"no lines":   {strings.NewReplacer("<STMTTRN>", "<!--", "</STMTTRN>", "-->").Replace(string(good)), ""},
	}
	for name, c := range cases {
		_, err := ParseStatement(strings.NewReader(c.data), name+".ofx", ParseOptions{})
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if _, ok := err.(*StatementError); !ok {
			t.Errorf("%s: %T %v, want a *StatementError", name, err, err)
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want it to say %q", name, err, c.want)
		}
	}
}

// A date or amount no bank statement can hold is refused when the file is
// read, as the same line in a CSV file is, so nothing reaches the ledger.
func TestParseOFXRefusesDatesAndAmountsOutOfRange(t *testing.T) {
	good, _ := os.ReadFile("testdata/layout7_ofx1_sgml.ofx")
	cases := map[string]struct{ old, new, want string }{
		"year 7026":       {"<DTPOSTED>20261105", "<DTPOSTED>70261105", "the year should be between 1900 and 2200"},
		"year 1066":       {"<DTPOSTED>20261105", "<DTPOSTED>10661105", "the year should be between 1900 and 2200"},
		"eleven millions": {"<TRNAMT>-12.34", "<TRNAMT>-11000000.00", "too large to be a line of a direct payment account"},
		"a huge amount":   {"<TRNAMT>-12.34", "<TRNAMT>-123456789012345678901234567890", "too large to be a line of a direct payment account"},
		"an exponent":     {"<TRNAMT>-12.34", "<TRNAMT>-1e300", "too large to be a line of a direct payment account"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			data := strings.Replace(string(good), c.old, c.new, 1)
			st, err := ParseStatement(strings.NewReader(data), "statement.ofx", ParseOptions{})
			wantRefused(t, st, err)
			if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "Transaction 2 (EX0002)") {
				t.Errorf("%v, want it to name transaction 2 and say %q", err, c.want)
			}
		})
	}
}

// TestOFXLedgerBalanceIsADayBalance: an OFX statement's ledger balance
// becomes the bank's balance at the end of the day it is given as of, the
// date in London: a date alone is that day; a later time given in UTC
// (23:30 GMT on 30 June is 00:30 on 1 July in London) is London's day.
func TestOFXLedgerBalanceIsADayBalance(t *testing.T) {
	good, _ := os.ReadFile("testdata/layout7_ofx1_sgml.ofx")
	later, _ := os.ReadFile("testdata/layout9_ofx2_ledger_later.ofx")
	cases := []struct {
		name, data string
		want       []DayBalance
	}{
		{"the statement's last day", string(good), []DayBalance{{civil.New(2026, 11, 20), money.MustParse("2417.82")}}},
		{"a later time in UTC, in summer", string(later), []DayBalance{{civil.New(2026, 7, 1), money.MustParse("2250.00")}}},
		{"a time in winter with an offset", strings.Replace(string(good), "<DTASOF>20261120", "<DTASOF>20261121063000[+8]", 1),
			[]DayBalance{{civil.New(2026, 11, 20), money.MustParse("2417.82")}}},
		{"no date that can be right", strings.Replace(string(good), "<DTASOF>20261120", "<DTASOF>18000101", 1), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, err := ParseStatement(strings.NewReader(c.data), "statement.ofx", ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got := st.DayBalances()
			if len(got) != len(c.want) || (len(got) == 1 && got[0] != c.want[0]) {
				t.Errorf("day balances %+v, want %+v", got, c.want)
			}
			if st.HasBalances {
				t.Error("an OFX statement claims a running balance")
			}
		})
	}
}
