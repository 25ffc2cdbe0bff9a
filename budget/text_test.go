package budget

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"patoolkit/text"
)

// TestStatementTextIsCleaned: what a bank file brings in (descriptions,
// types, references, column names) is cleaned before anything keeps or
// shows it: terminal codes and control characters dropped, bytes that are
// not UTF-8 replaced, spaces tidied, at most text.MaxLen characters.
func TestStatementTextIsCleaned(t *testing.T) {
	for _, c := range []struct {
		name, file            string
		desc, typ, ref, col   string // the first line's, and the description column's name
		encoding              string
		wantLines, wantAmount int
	}{
		{name: "terminal code in a description",
			file: "Date,Description,Amount\n06/04/2026,\"SHOP\x1b[2J\x1b]0;pwned\a LTD\",-1.00\n",
			desc: "SHOP LTD", encoding: "UTF-8"},
		{name: "control characters in type and reference",
			file: "Date,Type,Description,Amount,Reference\n06/04/2026,D\x07D,NEST,-1.00,\"REF\x08 \t 12\x1b[0m\"\n",
			desc: "NEST", typ: "DD", ref: "REF 12", encoding: "UTF-8"},
		{name: "escape in the column names",
			file: "Date,\"Descr\x1b[8mip\x1b[0mtion\",Amount\n06/04/2026,NEST,-1.00\n",
			desc: "NEST", col: "Description", encoding: "UTF-8"},
		{name: "a stray byte in a UTF-8 file is replaced, the rest read as UTF-8",
			file: "Date,Description,Amount\n06/04/2026,CAF\xc3\x89 \xff ROYAL,-1.00\n06/04/2026,£ SHOP,-2.00\n",
			desc: "CAFÉ \uFFFD ROYAL", encoding: "UTF-8, with some unreadable characters replaced"},
		{name: "one pound sign and one stray byte: UTF-8",
			file: "Date,Description,Amount\n06/04/2026,\xff SHOP,£1.00\n",
			desc: "\uFFFD SHOP", encoding: "UTF-8, with some unreadable characters replaced"},
		{name: "a Windows-1252 file keeps its letters",
			file: "Date,Description,Amount\n06/04/2026,CAF\xc9 \x81ROYAL,-1.00\n",
			desc: "CAFÉ ROYAL", encoding: "Windows-1252"},
		{name: "bidi override dropped",
			file: "Date,Description,Amount\n06/04/2026,SHOP \u202ELTD,-1.00\n",
			desc: "SHOP LTD", encoding: "UTF-8"},
		{name: "line breaks inside quotes become spaces",
			file: "Date,Description,Amount\n06/04/2026,\"NEW\r\nLINE\",-1.00\n",
			desc: "NEW LINE", encoding: "UTF-8"},
		{name: "a description of only control characters",
			file: "Date,Description,Amount\n06/04/2026,\x1b[2J,-1.00\n",
			desc: "", encoding: "UTF-8"},
		{name: "a very long description is cut",
			file: "Date,Description,Amount\n06/04/2026," + strings.Repeat("SHOP ", 300) + ",-1.00\n",
			desc: strings.TrimSpace(strings.Repeat("SHOP ", 100)), encoding: "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, err := ParseStatement(strings.NewReader(c.file), "s.csv", ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			l := st.Lines[0]
			if l.Description != c.desc || l.Type != c.typ || l.Reference != c.ref {
				t.Errorf("line = description %q, type %q, reference %q; want %q, %q, %q", l.Description, l.Type, l.Reference, c.desc, c.typ, c.ref)
			}
			if c.col != "" && st.Layout.Columns[st.Layout.Description] != c.col {
				t.Errorf("column %q, want %q", st.Layout.Columns[st.Layout.Description], c.col)
			}
			if st.Layout.Encoding != c.encoding {
				t.Errorf("encoding %q, want %q", st.Layout.Encoding, c.encoding)
			}
			checkClean(t, st)
			p := Plan(st, PlanOptions{})
			if py := p.New[0].Transaction.Payee; text.Check("The payee", py, text.Line) != "" || py == "" {
				t.Errorf("payee %q", py)
			}
		})
	}
}

// checkClean fails when any text of st is not clean.
func checkClean(t *testing.T, st Statement) {
	t.Helper()
	for _, l := range st.Lines {
		for _, s := range []string{l.Description, l.Type, l.Reference} {
			t.Run(s, func(t *testing.T) {
				if m := text.Check("The text", s, text.Line); m != "" || text.Clean(s) != s {
					t.Fatalf("line %d holds %q: %s", l.LineNo, s, m)
				}
			})
		}
	}
	for _, s := range st.Layout.Columns {
		if text.Clean(s) != s {
			t.Fatalf("column %q", s)
		}
	}
	if d := st.Layout.Describe(); !utf8.ValidString(d) || strings.ContainsFunc(d, text.IsControl) {
		t.Fatalf("Describe = %q", d)
	}
}

func TestStatementNameIsCleaned(t *testing.T) {
	st, err := ParseStatement(strings.NewReader("Date,Description,Amount\n06/04/2026,NEST,-1.00\n"), "statement\x1b[2J.csv", ParseOptions{})
	if err != nil || st.Name != "statement.csv" {
		t.Errorf("name %q, %v", st.Name, err)
	}
}

func TestOFXTextIsCleaned(t *testing.T) {
	ofx := "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:UTF-8\nCHARSET:NONE\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n" +
		"<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20261120120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\n" +
		"<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n" +
		"<STMTRS><CURDEF>GBP<BANKACCTFROM><BANKID>000000<ACCTID>00000000<ACCTTYPE>CHECKING</BANKACCTFROM>\n" +
		"<BANKTRANLIST><DTSTART>20261101<DTEND>20261120\n" +
		"<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261105<TRNAMT>-12.34<FITID>EX\u009b2J01<NAME>SAMPLE\u009b2J  CHEMIST\u202E<MEMO>GLOVES\x7f</STMTTRN>\n" +
		"</BANKTRANLIST><LEDGERBAL><BALAMT>2417.82<DTASOF>20261120</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n"
	st, err := ParseStatement(strings.NewReader(ofx), "s.ofx", ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l := st.Lines[0]; l.Description != "SAMPLE CHEMIST GLOVES" || l.Reference != "EX01" {
		t.Errorf("line = %q, reference %q", l.Description, l.Reference)
	}
	checkClean(t, st)
}

// FuzzStatementText: whatever a file holds, every text ParseStatement
// returns is clean.
func FuzzStatementText(f *testing.F) {
	f.Add([]byte("Date,Description,Amount\n06/04/2026,\"SHOP\x1b[2J\",-1.00\n"))
	f.Add([]byte("Date,Description,Amount,Reference,Type\n06/04/2026,CAF\xc3\x89 \xff,-1.00,\x1b]0;t\a,\x9b\n"))
	f.Add([]byte("Date;Descr\x1bption;Amount\n06/04/2026;\x81\x8d\x8f\x90\x9d;-1,00\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseStatement(bytes.NewReader(data), "fuzz.csv", ParseOptions{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		checkClean(t, st)
	})
}
