package budget

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/text"
)

// DefaultMaxStatementBytes is the largest statement file ParseStatement
// reads unless ParseOptions says otherwise. Ten years of a busy account is
// well under 2 MB.
const DefaultMaxStatementBytes = 20 << 20

// maxAmount is the largest amount one line may hold: far above any direct
// payment, and small enough that a million lines cannot overflow a sum.
// It is the one money limit of the money jobs: a statement line, a
// ledger line, an opening balance, money owed, set aside or billed.
const maxAmount = money.Money(10_000_000_00)

// minStatementYear and maxStatementYear bound the year of a statement
// line, as civil.Parse bounds every stored date.
const (
	minStatementYear = 1900
	maxStatementYear = 2200
)

// maxLineBytes is the longest line a statement may have.
const maxLineBytes = 10000

// headerSearchBytes is how much of the start of a file is searched for the
// row of column names.
const headerSearchBytes = 64 << 10

// longLine finds the first line longer than maxLineBytes.
func longLine(text string) (line int, ok bool) {
	line = 1
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		if i > maxLineBytes {
			return line, false
		}
		if i < len(text) {
			i++
		}
		text = text[i:]
		line++
	}
	return 0, true
}

// headerSearchLines is how many lines from the top may come before the row
// of column names (account details, the period, blank lines).
const headerSearchLines = 30

// ParseOptions adjust ParseStatement.
type ParseOptions struct {
	// MaxBytes is the largest file accepted; 0 means
	// DefaultMaxStatementBytes. A larger file is refused after reading at
	// most MaxBytes+1 bytes.
	MaxBytes int64
}

// StatementError says why a statement file was refused. Nothing in a
// refused file is imported.
type StatementError struct {
	// Line is the 1-based line of the file, as a spreadsheet numbers its
	// rows; 0 when the problem is the whole file (empty, too large, not a
	// CSV file).
	Line int `json:"line"`
	// Reason says what is wrong and how to fix it, in plain English.
	Reason string `json:"reason"`
	// More is how many further lines also have problems (0 when this is
	// the only one found). A balance that does not add up is reported on
	// its own.
	More int `json:"more"`
}

func (e *StatementError) Error() string {
	var s string
	if e.Line > 0 {
		s = fmt.Sprintf("Line %d: %s", e.Line, e.Reason)
	} else {
		s = e.Reason
	}
	switch {
	case e.More == 1:
		s += " (1 more line also has a problem.)"
	case e.More > 1:
		s += fmt.Sprintf(" (%d more lines also have problems.)", e.More)
	}
	return s
}

// Rejected is how many lines had problems: for a report's "rejected"
// count. A whole-file problem counts as 0 lines.
func (e *StatementError) Rejected() int {
	if e.Line == 0 {
		return 0
	}
	return 1 + e.More
}

// Layout is what ParseStatement found out about a file: which column holds
// what, how dates are written and which way round the lines are. A column
// index is 0-based; -1 means the file has no such column.
type Layout struct {
	Encoding   string   `json:"encoding"`  // "UTF-8", "UTF-8 with BOM", "UTF-8, with some unreadable characters replaced", "UTF-16", "Windows-1252"
	Delimiter  string   `json:"delimiter"` // ",", ";", "tab" or "|"
	HeaderLine int      `json:"header_line"`
	Columns    []string `json:"columns"` // the column names as the file writes them

	Date        int `json:"date"`
	Description int `json:"description"`
	Amount      int `json:"amount"`   // one signed amount: + in, − out
	PaidIn      int `json:"paid_in"`  // or separate paid in and
	PaidOut     int `json:"paid_out"` // paid out columns
	Balance     int `json:"balance"`
	Type        int `json:"type"`
	Reference   int `json:"reference"`

	DateFormat  string `json:"date_format"` // as the first line writes it: "dd/mm/yyyy", "yyyy-mm-dd", "dd mmm yyyy", ...
	NewestFirst bool   `json:"newest_first"`
}

// Describe says in plain English what the file was read as, for the
// preview: "Comma-separated (UTF-8), column names on line 4. Date: "Date"
// (dd/mm/yyyy); description: "Description"; paid in: "Money In"; paid
// out: "Money Out"; balance: "Balance". Newest lines first."
func (l Layout) Describe() string {
	if l.Encoding == "OFX" {
		return "An OFX statement (the format banks also call Microsoft Money or Quicken). OFX lists no running balance, so the balances are not checked line by line."
	}
	var b strings.Builder
	names := map[string]string{",": "Comma", ";": "Semicolon", "tab": "Tab", "|": "Bar"}
	fmt.Fprintf(&b, "%s-separated (%s), column names on line %d. ", names[l.Delimiter], l.Encoding, l.HeaderLine)
	col := func(i int) string {
		if i >= 0 && i < len(l.Columns) {
			return fmt.Sprintf("%q", l.Columns[i])
		}
		return "?"
	}
	parts := []string{fmt.Sprintf("Date: %s (%s)", col(l.Date), l.DateFormat), "description: " + col(l.Description)}
	if l.Amount >= 0 {
		parts = append(parts, "amount: "+col(l.Amount))
	} else {
		parts = append(parts, "paid in: "+col(l.PaidIn), "paid out: "+col(l.PaidOut))
	}
	for _, c := range []struct {
		label string
		i     int
	}{{"balance", l.Balance}, {"type", l.Type}, {"reference", l.Reference}} {
		if c.i >= 0 {
			parts = append(parts, c.label+": "+col(c.i))
		}
	}
	b.WriteString(strings.Join(parts, "; "))
	if l.NewestFirst {
		b.WriteString(". Newest lines first.")
	} else {
		b.WriteString(". Oldest lines first.")
	}
	return b.String()
}

// StatementLine is one transaction read from a statement file.
type StatementLine struct {
	LineNo      int         `json:"line"` // 1-based line in the file
	Date        civil.Date  `json:"date"`
	Description string      `json:"description"`
	Amount      money.Money `json:"amount"` // + paid in, − paid out
	Balance     money.Money `json:"balance"`
	HasBalance  bool        `json:"has_balance"`
	Type        string      `json:"type,omitempty"`
	Reference   string      `json:"reference,omitempty"`
	// BankID is the bank's own id for the line (an OFX file's FITID), or
	// "": the same line downloaded again has the same id.
	BankID string `json:"bank_id,omitempty"`
	// Occurrence counts identical lines (same date, amount and
	// description) within the file: 1 for the first, 2 for the second.
	// Two £5.00 coffees on one day are two lines with different keys.
	Occurrence int `json:"occurrence"`
}

// Statement is a parsed bank statement file.
type Statement struct {
	Name   string          `json:"name"`
	Layout Layout          `json:"layout"`
	Lines  []StatementLine `json:"lines"` // in file order; lines that move no money are left out
	// From and To are the first and last dates of the lines.
	From civil.Date `json:"from"`
	To   civil.Date `json:"to"`
	// OpeningBalance is the balance before the earliest line and
	// ClosingBalance after the latest, when the file has balances.
	OpeningBalance money.Money `json:"opening_balance"`
	ClosingBalance money.Money `json:"closing_balance"`
	HasBalances    bool        `json:"has_balances"`
	// LedgerAsOf is, for a statement with no running balance that gives
	// its ledger balance (an OFX file's LEDGERBAL), the day that balance,
	// ClosingBalance, is the balance at the end of; zero otherwise.
	LedgerAsOf civil.Date `json:"ledger_as_of,omitempty"`
	// Account is the bank account the statement says it is for, as far
	// as it says (the lines above a CSV file's column names, an OFX
	// file's account).
	Account BankAccount `json:"account,omitzero"`
}

// Chronological returns the lines oldest first (the file's order, or the
// reverse for a newest-first file). Lines on the same day keep the bank's
// order.
func (s Statement) Chronological() []StatementLine {
	out := make([]StatementLine, len(s.Lines))
	copy(out, s.Lines)
	if s.Layout.NewestFirst {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

func fileError(format string, a ...any) error {
	return &StatementError{Reason: fmt.Sprintf(format, a...)}
}

// ParseStatement reads a bank statement exported as CSV by a UK bank. name
// is the file's name, kept in the result (and used in messages). It works
// out the layout itself:
//
//   - encoding: UTF-8 with or without a byte order mark, UTF-16 with a
//     byte order mark, otherwise Windows-1252 (which includes Latin-1, so
//     a "£" saved by an older program reads right);
//   - delimiter: comma, semicolon, tab or bar, whichever gives a row of
//     recognised column names;
//   - the row of column names may come after up to 30 lines of account
//     details; blank lines anywhere are skipped; no line may be longer
//     than 10,000 characters;
//   - columns are found by the names UK banks use: a date ("Date",
//     "Transaction Date", "Posting Date", ...), a description
//     ("Description", "Details", "Memo", "Narrative", "Payee", ...), and
//     either one signed amount ("Amount", "Value") or separate paid in and
//     paid out columns ("Paid in"/"Paid out", "Money In"/"Money Out",
//     "Credit"/"Debit", "Deposits"/"Withdrawals", ...); optionally a
//     balance, a type and a reference;
//   - dates are day first: 06/04/2026, 6/4/2026, 06-04-2026, 06.04.26,
//     2026-04-06, 06 Apr 2026, 06-Apr-2026, 6 April 2026, with or without
//     a time after them. Month/day order is never read: "04/13/2026" is
//     refused. A two-digit year is in the 2000s;
//   - amounts may have "£", thousands commas, a leading "+" or "-",
//     brackets for money out, or a "CR"/"DR" ending;
//   - newest-first files are recognised by their dates, or by which order
//     makes the balances add up.
//
// Where the file has a balance column, each balance must follow from the
// one before (the earlier balance plus the amounts between). Lines with no
// amount (such as "balance brought forward") are used for this check but
// are not transactions.
//
// Any problem refuses the whole file: the error is a *StatementError
// naming the first bad line and why, and the Statement is empty. Only a
// failure of r itself is returned as another error (wrapping it), for the
// caller to treat as internal.
func ParseStatement(r io.Reader, name string, opts ParseOptions) (Statement, error) {
	name = cleanText(name) // a file's name is text from outside too
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxStatementBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return Statement{}, fmt.Errorf("reading the bank statement %q: %w", name, err)
	}
	if int64(len(data)) > max {
		return Statement{}, fileError("The file %q is larger than %s, far larger than a bank statement export: check you chose the right file, or export a shorter period.", name, sizeText(max))
	}
	if isOFX(data) {
		return parseOFX(data, name)
	}
	if msg := notCSV(data); msg != "" {
		return Statement{}, fileError("%s", msg)
	}
	text, enc := decode(data)
	if strings.ContainsRune(text, 0) {
		return Statement{}, fileError("The file %q is not a text file, so it can't be a CSV bank statement. Export the statement from your bank's website as CSV.", name)
	}
	if !strings.Contains(text, "\n") && strings.Contains(text, "\r") {
		text = strings.ReplaceAll(text, "\r", "\n") // old Mac line endings
	}
	if strings.TrimSpace(text) == "" {
		return Statement{}, fileError("The file %q is empty: it has no transactions. Export the statement again from your bank's website, choosing CSV.", name)
	}

	if n, ok := longLine(text); !ok {
		return Statement{}, &StatementError{Line: n, Reason: fmt.Sprintf(
			"the line is longer than %d characters, far longer than a line of a bank statement. Check you chose the right file.", maxLineBytes)}
	}

	lay, err := findHeader(text)
	if err != nil {
		return Statement{}, err
	}
	lay.Encoding = enc

	lines, err := readLines(text, &lay)
	if err != nil {
		return Statement{}, err
	}
	st := Statement{Name: name}
	if err := orderAndCheck(lines, &lay, &st); err != nil {
		return Statement{}, err
	}
	// Keep only lines that move money.
	out := make([]StatementLine, 0, len(lines))
	for _, l := range lines {
		if l.Amount != 0 {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return Statement{}, fileError("The file %q has no transactions: it has column names but no lines that pay money in or out. Check the period you exported.", name)
	}
	countOccurrences(out, lay.NewestFirst)
	st.Lines = out
	st.Layout = lay
	st.Account = preambleAccount(text, lay)
	first, last := out[0].Date, out[len(out)-1].Date
	if lay.NewestFirst {
		first, last = last, first
	}
	st.From, st.To = first, last
	// Dates within a file may be slightly out of order; widen to cover all.
	for _, l := range out {
		if l.Date.Before(st.From) {
			st.From = l.Date
		}
		if l.Date.After(st.To) {
			st.To = l.Date
		}
	}
	return st, nil
}

func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// notCSV recognises files people choose by mistake.
func notCSV(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "This file is an Excel workbook (or another zipped file), not a CSV file. Open it in a spreadsheet and save it as CSV, or export the statement from your bank's website as CSV."
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return "This file is an old-style Excel workbook (.xls), not a CSV file. Open it in a spreadsheet and save it as CSV, or export the statement from your bank's website as CSV."
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "This file is a PDF statement. This program reads CSV exports: on your bank's website, look for \"Export\" or \"Download transactions\" and choose CSV."
	}
	return ""
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252; other bytes are Latin-1.
var cp1252 = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
}

func decode(data []byte) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), "UTF-8 with BOM"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		le := data[0] == 0xFF
		data = data[2:]
		u := make([]uint16, len(data)/2)
		for i := range u {
			if le {
				u[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
			} else {
				u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
			}
		}
		return string(utf16.Decode(u)), "UTF-16"
	case utf8.Valid(data):
		return string(data), "UTF-8"
	case mostlyUTF8(data):
		return strings.ToValidUTF8(string(data), "\uFFFD"), "UTF-8, with some unreadable characters replaced"
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String(), "Windows-1252"
}

// mostlyUTF8 reports whether data, which is not valid UTF-8, is UTF-8
// with a few stray bytes (a file cut or edited by hand) rather than
// Windows-1252: it has at least as many characters written as UTF-8 ("£"
// as C2 A3) as bytes that are not UTF-8. A Windows-1252 file seldom has
// any: "£" is the one byte A3 there, and an accented letter is one byte
// that is not UTF-8. Reading a UTF-8 file as Windows-1252 would turn every
// "£" into "Â£", so its amounts could not be read.
func mostlyUTF8(data []byte) bool {
	multi, bad := 0, 0
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		data = data[n:]
	}
	return multi >= bad
}

type colKind int

const (
	colNone colKind = iota
	colDate
	colDesc
	colAmount
	colIn
	colOut
	colBalance
	colType
	colRef
)

// headerNames maps a normalised column name to what it holds and its
// priority within that kind (lower wins when a file has two).
var headerNames = map[string]struct {
	kind colKind
	prio int
}{
	"transaction date": {colDate, 0}, "date": {colDate, 1}, "completed date": {colDate, 2},
	"posting date": {colDate, 3}, "posted date": {colDate, 4}, "date posted": {colDate, 5},
	"trans date": {colDate, 6}, "value date": {colDate, 7}, "started date": {colDate, 8},

	"description": {colDesc, 0}, "transaction description": {colDesc, 1}, "details": {colDesc, 2},
	"transaction details": {colDesc, 3}, "narrative": {colDesc, 4}, "payee": {colDesc, 5},
	"name": {colDesc, 6}, "merchant": {colDesc, 7}, "merchant name": {colDesc, 8},
	"counter party": {colDesc, 9}, "counterparty": {colDesc, 10}, "memo": {colDesc, 11},
	"particulars": {colDesc, 12},

	"amount": {colAmount, 0}, "value": {colAmount, 1}, "transaction amount": {colAmount, 2},

	"paid in": {colIn, 0}, "money in": {colIn, 1}, "credit": {colIn, 2}, "credits": {colIn, 3},
	"credit amount": {colIn, 4}, "deposits": {colIn, 5}, "deposit": {colIn, 6},
	"amount in": {colIn, 7}, "receipts": {colIn, 8}, "in": {colIn, 9},

	"paid out": {colOut, 0}, "money out": {colOut, 1}, "debit": {colOut, 2}, "debits": {colOut, 3},
	"debit amount": {colOut, 4}, "withdrawals": {colOut, 5}, "withdrawal": {colOut, 6},
	"amount out": {colOut, 7}, "payments": {colOut, 8}, "out": {colOut, 9},

	"balance": {colBalance, 0}, "running balance": {colBalance, 1}, "account balance": {colBalance, 2},
	"balance after": {colBalance, 3},

	"type": {colType, 0}, "transaction type": {colType, 1}, "tran type": {colType, 2}, "trans type": {colType, 3},

	"reference": {colRef, 0}, "ref": {colRef, 1}, "transaction reference": {colRef, 2}, "payment reference": {colRef, 3},
}

// normHeader reduces a column name to lower-case words: "Paid in (£)" →
// "paid in", "Amount (GBP)" → "amount", "Transaction_Date" → "transaction
// date".
func normHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF")))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	out := words[:0]
	for _, w := range words {
		if w != "gbp" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// column is the field of l that holds the index of a kind of column.
func (l *Layout) column(k colKind) *int {
	return [...]*int{
		colDate: &l.Date, colDesc: &l.Description, colAmount: &l.Amount, colIn: &l.PaidIn,
		colOut: &l.PaidOut, colBalance: &l.Balance, colType: &l.Type, colRef: &l.Reference,
	}[k]
}

type headerGuess struct {
	lay        Layout
	recognised int
	complete   bool
	missing    string
}

// guessHeader says what a row would mean as the row of column names.
func guessHeader(rec []string) headerGuess {
	g := headerGuess{lay: Layout{Date: -1, Description: -1, Amount: -1, PaidIn: -1, PaidOut: -1, Balance: -1, Type: -1, Reference: -1}}
	best := map[colKind]int{}
	for i, cell := range rec {
		h, ok := headerNames[normHeader(cell)]
		if !ok {
			continue
		}
		g.recognised++
		if p, seen := best[h.kind]; seen && p <= h.prio {
			continue
		}
		best[h.kind] = h.prio
		*g.lay.column(h.kind) = i
	}
	if g.lay.Amount >= 0 {
		g.lay.PaidIn, g.lay.PaidOut = -1, -1
	}
	var miss []string
	if g.lay.Date < 0 {
		miss = append(miss, "no date column")
	}
	if g.lay.Description < 0 {
		miss = append(miss, "no description column")
	}
	switch {
	case g.lay.Amount >= 0 || (g.lay.PaidIn >= 0 && g.lay.PaidOut >= 0):
	case g.lay.PaidIn >= 0:
		miss = append(miss, fmt.Sprintf("a %q column but no column for money paid out", rec[g.lay.PaidIn]))
	case g.lay.PaidOut >= 0:
		miss = append(miss, fmt.Sprintf("a %q column but no column for money paid in", rec[g.lay.PaidOut]))
	default:
		miss = append(miss, "no amount column")
	}
	g.complete = len(miss) == 0
	g.missing = strings.Join(miss, ", ")
	return g
}

var delimiters = []struct {
	r    rune
	name string
}{{',', ","}, {';', ";"}, {'\t', "tab"}, {'|', "|"}}

// findHeader looks for the row of column names within the first lines,
// trying each delimiter.
func findHeader(text string) (Layout, error) {
	var found *headerGuess
	var partial *headerGuess
	partialCols := ""
	firstLine := 0
	if len(text) > headerSearchBytes {
		text = text[:headerSearchBytes]
	}
	for _, d := range delimiters {
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma = d.r
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		for n := 0; n < headerSearchLines; n++ {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			line, _ := cr.FieldPos(0)
			if firstLine == 0 || line < firstLine {
				firstLine = line
			}
			if line > headerSearchLines {
				break
			}
			cols := trimAll(rec)
			g := guessHeader(cols)
			g.lay.HeaderLine = line
			g.lay.Delimiter = d.name
			g.lay.Columns = cols
			if g.complete {
				if found == nil || g.recognised > found.recognised ||
					(g.recognised == found.recognised && line < found.lay.HeaderLine) {
					gg := g
					found = &gg
				}
				break
			}
			if g.recognised >= 2 && (partial == nil || g.recognised > partial.recognised) {
				gg := g
				partial = &gg
				partialCols = strings.Join(cols, ", ")
			}
		}
	}
	if found != nil {
		return found.lay, nil
	}
	const need = "A bank statement needs a date column, a description column, and either an amount column or separate paid in and paid out columns."
	if partial != nil {
		return Layout{}, &StatementError{Line: partial.lay.HeaderLine, Reason: fmt.Sprintf(
			"the columns are %s: there is %s. %s Check you exported the list of transactions as CSV.", partialCols, partial.missing, need)}
	}
	if firstLine == 0 {
		firstLine = 1
	}
	return Layout{}, &StatementError{Line: firstLine, Reason: "this does not look like a bank statement: no line in the first " +
		fmt.Sprint(headerSearchLines) + " names the columns (such as Date, Description, Amount, or Paid in and Paid out). " + need +
		" Export the statement from your bank's website as CSV and try again."}
}

// trimAll returns the column names of a line, cleaned.
func trimAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = cleanText(s)
	}
	return out
}

// lineOffset returns the byte offset where 1-based line n starts.
func lineOffset(text string, n int) int {
	off := 0
	for i := 1; i < n; i++ {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			return len(text)
		}
		off += j + 1
	}
	return off
}

// readLines reads every row after the column names. A row with no amount
// is kept with Amount 0 when it has a balance (a "brought forward" line);
// a bad row is an error naming its line.
func readLines(data string, lay *Layout) ([]StatementLine, error) {
	start := lineOffset(data, lay.HeaderLine)
	cr := csv.NewReader(strings.NewReader(data[start:]))
	cr.Comma = delimiters[0].r
	for _, d := range delimiters {
		if d.name == lay.Delimiter {
			cr.Comma = d.r
		}
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	lineShift := lay.HeaderLine - 1

	cr.LazyQuotes = true // the column names were found reading leniently
	if _, err := cr.Read(); err != nil {
		return nil, csvError(err, lineShift)
	}
	cr.LazyQuotes = false
	ncols := len(lay.Columns)
	used := 0
	for _, c := range []int{lay.Date, lay.Description, lay.Amount, lay.PaidIn, lay.PaidOut, lay.Balance, lay.Type, lay.Reference} {
		used = max(used, c+1)
	}

	var first *StatementError
	bad := 0
	fail := func(line int, format string, a ...any) {
		bad++
		if first == nil {
			first = &StatementError{Line: line, Reason: fmt.Sprintf(format, a...)}
		}
	}
	var lines []StatementLine
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			cerr := csvError(err, lineShift)
			if first == nil {
				return nil, cerr
			}
			bad++
			break
		}
		line, _ := cr.FieldPos(0)
		line += lineShift
		if blank(rec) {
			continue
		}
		if len(rec) < used {
			fail(line, "it has %d %s, but the column names on line %d have %d. Check the file has not been cut short or edited.",
				len(rec), text.Plural(len(rec), "column", "columns"), lay.HeaderLine, ncols)
			continue
		}
		if len(rec) > ncols && !blank(rec[ncols:]) {
			fail(line, "it has %d columns, but the column names on line %d have %d. A value may contain a %s that is not inside quotes: check the file has not been edited.",
				len(rec), lay.HeaderLine, ncols, delimName(lay.Delimiter))
			continue
		}
		sl := StatementLine{LineNo: line, Description: cleanText(rec[lay.Description])}
		d, format, why := parseStatementDate(rec[lay.Date])
		if why != "" {
			fail(line, "%s", why)
			continue
		}
		sl.Date = d
		if lay.DateFormat == "" {
			lay.DateFormat = format
		}
		hasAmount := true
		if lay.Amount >= 0 {
			v, isBlank, why := parseStatementAmount(rec[lay.Amount])
			if why != "" {
				fail(line, "%s", why)
				continue
			}
			sl.Amount, hasAmount = v, !isBlank
		} else {
			in, inBlank, why := parseStatementAmount(rec[lay.PaidIn])
			if why != "" {
				fail(line, "in the %q column, %s", lay.Columns[lay.PaidIn], why)
				continue
			}
			out, outBlank, why := parseStatementAmount(rec[lay.PaidOut])
			if why != "" {
				fail(line, "in the %q column, %s", lay.Columns[lay.PaidOut], why)
				continue
			}
			if in != 0 && out != 0 {
				fail(line, "it has an amount both in %q (%s) and in %q (%s). A line is either money in or money out: check the file has not been edited.",
					lay.Columns[lay.PaidIn], in.Abs().Format(), lay.Columns[lay.PaidOut], out.Abs().Format())
				continue
			}
			sl.Amount = in.Abs() - out.Abs()
			hasAmount = !(inBlank && outBlank)
		}
		if lay.Balance >= 0 {
			v, isBlank, why := parseStatementAmount(rec[lay.Balance])
			if why != "" {
				fail(line, "in the %q column, %s", lay.Columns[lay.Balance], why)
				continue
			}
			sl.Balance, sl.HasBalance = v, !isBlank
		}
		if !hasAmount && !sl.HasBalance {
			if lay.Amount >= 0 {
				fail(line, "it has no amount. Every line needs an amount in the %q column.", lay.Columns[lay.Amount])
			} else {
				fail(line, "it has no amount in %q or %q. Every line needs one or the other.", lay.Columns[lay.PaidIn], lay.Columns[lay.PaidOut])
			}
			continue
		}
		if lay.Type >= 0 {
			sl.Type = cleanText(rec[lay.Type])
		}
		if lay.Reference >= 0 {
			sl.Reference = cleanText(rec[lay.Reference])
		}
		lines = append(lines, sl)
	}
	if first != nil {
		first.More = bad - 1
		return nil, first
	}
	return lines, nil
}

func delimName(d string) string {
	switch d {
	case ",":
		return "comma"
	case ";":
		return "semicolon"
	case "tab":
		return "tab"
	}
	return "bar (|)"
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func csvError(err error, lineShift int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line := pe.StartLine + lineShift
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return &StatementError{Line: pe.Line + lineShift, Reason: "a quote mark (\") is inside a value that does not start with one. Check the file has not been edited; values with quote marks must be in quotes, with the marks doubled."}
		case errors.Is(pe.Err, csv.ErrQuote):
			return &StatementError{Line: line, Reason: "a value starts with a quote mark (\") that is never closed, or has text straight after its closing quote. Check the file has not been edited or cut short."}
		}
		return &StatementError{Line: line, Reason: "the line can't be read as CSV (" + pe.Err.Error() + ")."}
	}
	return fileError("The file could not be read (%v).", err)
}

// orderAndCheck decides which way round the file is and checks the running
// balance, filling the statement's opening and closing balances.
func orderAndCheck(lines []StatementLine, lay *Layout, st *Statement) error {
	if len(lines) == 0 {
		return nil
	}
	hasBal := false
	for _, l := range lines {
		hasBal = hasBal || l.HasBalance
	}
	hint := lines[0].Date.Compare(lines[len(lines)-1].Date) // >0: newest first
	if !hasBal {
		lay.NewestFirst = hint > 0
		return nil
	}
	rev := make([]StatementLine, len(lines))
	for i, l := range lines {
		rev[len(lines)-1-i] = l
	}
	errOld := checkBalances(lines)
	errNew := checkBalances(rev)
	switch {
	case hint > 0 && errNew == nil, hint <= 0 && errOld != nil && errNew == nil:
		lay.NewestFirst = true
	case errOld == nil:
		lay.NewestFirst = false
	case hint > 0:
		return errNew
	default:
		return errOld
	}
	chron := lines
	if lay.NewestFirst {
		chron = rev
	}
	st.HasBalances = true
	// Opening: the first balance minus every amount up to and including it.
	var sum money.Money
	for _, l := range chron {
		sum += l.Amount
		if l.HasBalance {
			st.OpeningBalance = l.Balance - sum
			break
		}
	}
	sum = 0
	for i := len(chron) - 1; i >= 0; i-- {
		l := chron[i]
		if l.HasBalance {
			st.ClosingBalance = l.Balance + sum
			break
		}
		sum += l.Amount
	}
	return nil
}

// checkBalances checks lines in the order given (oldest first): each
// balance must equal the last balance plus the amounts since.
func checkBalances(chron []StatementLine) *StatementError {
	prevIdx := -1
	var running money.Money
	for i, l := range chron {
		if prevIdx >= 0 {
			running += l.Amount
		}
		if !l.HasBalance {
			continue
		}
		if prevIdx >= 0 && running != l.Balance {
			p := chron[prevIdx]
			var how string
			if i == prevIdx+1 {
				how = fmt.Sprintf("%s %s %s = %s", p.Balance.Format(), signWord(l.Amount), l.Amount.Abs().Format(), running.Format())
			} else {
				moved := running - p.Balance
				how = fmt.Sprintf("%s, then %d lines moving %s, gives %s", p.Balance.Format(), i-prevIdx, signed(moved), running.Format())
			}
			return &StatementError{Line: l.LineNo, Reason: fmt.Sprintf(
				"the balance %s does not follow from the balance on line %d (%s). Check the file is a complete export, with no lines removed or edited.",
				l.Balance.Format(), p.LineNo, how)}
		}
		prevIdx, running = i, l.Balance
	}
	return nil
}

func signWord(m money.Money) string {
	if m < 0 {
		return "−"
	}
	return "+"
}

func signed(m money.Money) string {
	if m < 0 {
		return "−" + m.Abs().Format()
	}
	return "+" + m.Format()
}

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// parseStatementDate reads a statement's date cell. It returns the date,
// the form it was written in, or a reason it can't be read.
func parseStatementDate(cell string) (civil.Date, string, string) {
	s := strings.TrimSpace(cell)
	bad := func(why string) (civil.Date, string, string) {
		return civil.Date{}, "", why
	}
	if s == "" {
		return bad("the date is missing. Every line needs a date.")
	}
	shown := shorten(s)
	const notDateFmt = "%q is not a date this program reads. Dates must be day, month, year (like 06/04/2026 or 06 Apr 2026) or year-month-day (like 2026-04-06)."
	// A time after the date: "2026-04-06 10:12:00", "2026-04-06T10:12:00Z".
	if i := strings.IndexByte(s, ':'); i >= 0 {
		j := strings.LastIndexAny(s[:i], " T")
		if j <= 0 {
			return bad(fmt.Sprintf(notDateFmt, shown))
		}
		s = strings.TrimSpace(s[:j])
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ' ' })
	if len(parts) != 3 {
		return bad(fmt.Sprintf(notDateFmt, shown))
	}
	var y, m, d int
	var form string
	sep := "/"
	if i := strings.IndexAny(s, "/-. "); i >= 0 {
		sep = s[i : i+1]
	}
	if mn, ok := monthNames[strings.ToLower(parts[1])]; ok {
		var okD, okY bool
		d, okD = digits(parts[0], 1, 2)
		y, okY = digits(parts[2], 2, 4)
		if !okD || !okY {
			return bad(fmt.Sprintf(notDateFmt, shown))
		}
		m = mn
		mm := "mmm"
		if len(parts[1]) > 3 {
			mm = "mmmm"
		}
		form = "dd" + sep + mm + sep + "yyyy"
		if len(parts[2]) == 2 {
			form = "dd" + sep + mm + sep + "yy"
		}
	} else {
		a, okA := digits(parts[0], 1, 4)
		b, okB := digits(parts[1], 1, 2)
		c, okC := digits(parts[2], 1, 4)
		if !okA || !okB || !okC {
			return bad(fmt.Sprintf(notDateFmt, shown))
		}
		switch {
		case len(parts[0]) == 4 && len(parts[2]) <= 2:
			y, m, d = a, b, c
			form = "yyyy" + sep + "mm" + sep + "dd"
		case len(parts[0]) <= 2 && (len(parts[2]) == 4 || len(parts[2]) == 2):
			d, m, y = a, b, c
			form = "dd" + sep + "mm" + sep + "yyyy"
			if len(parts[2]) == 2 {
				form = "dd" + sep + "mm" + sep + "yy"
			}
		default:
			return bad(fmt.Sprintf(notDateFmt, shown))
		}
		if m > 12 && d <= 12 && form[0] == 'd' {
			return bad(fmt.Sprintf("%q has no month %d. It may be written month first (the American order), which this program never reads: export the statement with UK dates, day first, like 06/04/2026.", shown, m))
		}
	}
	if y < 100 {
		y += 2000
	}
	if y < minStatementYear || y > maxStatementYear {
		return bad(fmt.Sprintf("the year in %q should be between %d and %d.", shown, minStatementYear, maxStatementYear))
	}
	if m < 1 || m > 12 {
		return bad(fmt.Sprintf("%q has no month %d (months are 1 to 12).", shown, m))
	}
	date := civil.New(y, time.Month(m), d)
	if d < 1 || date.Day != d {
		return bad(fmt.Sprintf("%q is not a real date: %s %d has no day %d.", shown, time.Month(m), y, d))
	}
	return date, form, ""
}

// shorten keeps a cell quoted in a message to 40 bytes, cut on a
// character boundary.
func shorten(s string) string {
	if len(s) <= 40 {
		return s
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func digits(s string, minLen, maxLen int) (int, bool) {
	if len(s) < minLen || len(s) > maxLen {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// parseStatementAmount reads an amount cell: "£1,234.56", "-12.34",
// "+3.00", "(12.34)", "12.34 DR", "12.34CR", "12.34-", "GBP 5.00". A blank
// cell is 0 with isBlank true. why is a reason the cell can't be read.
func parseStatementAmount(cell string) (v money.Money, isBlank bool, why string) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return 0, true, ""
	}
	shown := shorten(s)
	bad := func() string {
		return fmt.Sprintf("%q is not an amount of money. Amounts look like -12.34, £1,234.56, (12.34) or 12.34 DR.", shown)
	}
	s = strings.ReplaceAll(s, "−", "-") // the minus sign
	s = strings.Join(strings.Fields(s), "")
	u := strings.ToUpper(s)
	sign := 0 // 0: as written; +1: CR; -1: DR
	switch {
	case strings.HasSuffix(u, "CR"):
		sign, u = 1, u[:len(u)-2]
	case strings.HasSuffix(u, "DR"):
		sign, u = -1, u[:len(u)-2]
	case strings.HasSuffix(u, "-") && len(u) > 1:
		sign, u = -1, u[:len(u)-1]
	}
	u = strings.TrimSuffix(u, "GBP")
	if u == "" || u == "-" || u == "+" {
		return 0, false, bad()
	}
	m, err := money.Parse(u)
	if err != nil {
		return 0, false, bad()
	}
	switch sign {
	case 1:
		m = m.Abs()
	case -1:
		m = -m.Abs()
	}
	if m.Abs() > maxAmount {
		return 0, false, fmt.Sprintf("%q is too large to be a line of a direct payment account. Check the file.", shown)
	}
	return m, false, ""
}
