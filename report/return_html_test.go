package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/report/reporttest"
)

// testReturn is a return built by hand: three lines of money out, one
// in, evidence for some, a late HMRC payment, a PA whose DBS check is too
// old, and names that need escaping and UTF-8.
func testReturn() ReturnDoc {
	d := func(m time.Month, day int) civil.Date { return civil.New(2026, m, day) }
	line := func(id int64, date civil.Date, payee string, amount string, cat budget.Category, bal string, heading string, reconciled bool) budget.ReturnLine {
		return budget.ReturnLine{Transaction: budget.Transaction{ID: id, Date: date, Payee: payee, Amount: money.MustParse(amount), Category: cat, Reconciled: reconciled},
			Balance: money.MustParse(bal), Heading: heading, Income: money.MustParse(amount) > 0}
	}
	lines := []budget.ReturnLine{
		line(1, d(time.April, 2), "Wigan Council", "1500.00", "Council payment", "2700.00", "Direct payment received", true),
		line(2, d(time.April, 28), "Zoë Ní Bhriain", "-812.40", "PA wages", "1887.60", "Personal assistants' wages", true),
		line(3, d(time.May, 19), "HMRC", "-96.20", "HMRC", "1791.40", "Personal assistants' wages", false),
		line(4, d(time.June, 3), "<b>Bold</b> & Co", "-45.00", "Care supplies", "1746.40", "Other spending", false),
		line(5, d(time.June, 9), "<script>alert(1)</script>", "-12.50", "", "1733.90", "Not sorted into a category yet", true),
	}
	return ReturnDoc{
		Who:       "Zoë Ní Bhriain for Tom Smith",
		Person:    "Tom Smith",
		ManagedBy: "Zoë Ní Bhriain",
		Capacity:  "as the suitable person for Tom Smith",
		Council:   "Wigan Council",
		Reference: "DP-4471",
		Profile:   "Wigan Council",
		From:      d(time.April, 1),
		To:        d(time.June, 30),
		Made:      d(time.July, 4),
		Funding: []FundingRow{{Source: "Wigan Council", Weekly: money.MustParse("125.00"), Yearly: money.MustParse("6500.00"),
			Expected: money.MustParse("1500.00"), Paid: money.MustParse("1500.00"), ExpectedKnown: true, Note: "as expected"}},
		Figures: budget.ReturnFigures{
			From: d(time.April, 1), To: d(time.June, 30),
			Opening: money.MustParse("1200.00"), Closing: money.MustParse("1733.90"),
			MoneyIn: money.MustParse("1500.00"), MoneyOut: money.MustParse("966.10"),
			In: []budget.HeadingTotal{{Label: "Direct payment received", Amount: money.MustParse("1500.00"),
				Categories: []budget.CategoryTotal{{Category: "Council payment", Amount: money.MustParse("1500.00"), Lines: 1}}}},
			Out: []budget.HeadingTotal{
				{Label: "Personal assistants' wages", Amount: money.MustParse("908.60"), Categories: []budget.CategoryTotal{
					{Category: "PA wages", Amount: money.MustParse("812.40"), Lines: 1}, {Category: "HMRC", Amount: money.MustParse("96.20"), Lines: 1}}},
				{Label: "Other spending", Amount: money.MustParse("45.00"), Categories: []budget.CategoryTotal{{Category: "Care supplies", Amount: money.MustParse("45.00"), Lines: 1}}},
				{Label: "Not sorted into a category yet", Amount: money.MustParse("12.50"), Categories: []budget.CategoryTotal{{Category: "", Amount: money.MustParse("12.50"), Lines: 1}}},
			},
			Council:  money.MustParse("1500.00"),
			Lines:    lines,
			Unsorted: 1,
			Notes:    []string{"1 line dated before the opening balance (01/04/2026) is not counted: the opening balance already includes it."},
		},
		Status: budget.Status{On: d(time.June, 30), Balance: money.MustParse("1733.90"), Owed: money.MustParse("96.20"),
			Contingency: money.MustParse("200.00"), Surplus: money.MustParse("1437.70"), SurplusLimit: money.MustParse("1000.00"), OverLimit: true, OverBy: money.MustParse("437.70"),
			OwedByKind:   []budget.KindAmount{{Kind: budget.OwedHMRC, Label: "HMRC", Amount: money.MustParse("96.20")}},
			Headline:     "You hold £437.70 more than Wigan Council's 8-week limit. The council may ask for it back at your review.",
			Lines:        []string{"Balance at the end of 30/06/2026: £1,733.90.", "Surplus (balance less money owed, set aside and contingency): £1,437.70."},
			HasStatement: true, StatementDate: d(time.June, 30), StatementBalance: money.MustParse("1733.90")},
		SetAside: []budget.SetAside{{Purpose: "holiday cover", Amount: money.MustParse("0.00")}},
		Evidence: []EvidenceItem{
			{Ref: "E1", Kind: EvidencePayslip, Title: "Zoë Ní Bhriain, paid 28/04/2026", Page: 3},
			{Ref: "E2", Kind: EvidenceTimesheet, Title: "Zoë Ní Bhriain, 01/04/2026 to 28/04/2026", Page: 4},
			{Ref: "E3", Kind: EvidenceHMRC, Title: "HMRC, month 1"},
		},
		LineEvidence: map[int64][]int{2: {0, 1}, 3: {2}, 9: {0}},
		Payroll: []PayrollRow{{PA: "Zoë Ní Bhriain", Month: "April 2026", Payslips: 1, Minutes: 4 * 60 * 15,
			Gross: money.MustParse("900.00"), Net: money.MustParse("812.40"), Tax: money.MustParse("60.00"), EmployeeNI: money.MustParse("27.60"),
			EmployerNI: money.MustParse("8.60")}},
		NetPaid: []NetPaidRow{{PA: "Zoë Ní Bhriain", NetPay: money.MustParse("812.40"), Paid: money.MustParse("812.40"), Words: "agrees: paid in full", Agrees: true}},
		HMRC: []HMRCPaymentRow{
			{Period: "Month 1 (6 April to 5 May 2026)", Due: money.MustParse("96.20"), DueDate: d(time.May, 22), PaidDate: d(time.May, 19), Words: "paid 19/05/2026, on time"},
			{Period: "Month 2 (6 May to 5 June 2026)", Due: money.MustParse("96.20"), DueDate: d(time.June, 22), PaidDate: d(time.June, 29), Late: true, Words: "paid 29/06/2026: LATE"},
		},
		Timesheets: []TimesheetHeld{
			{PA: "Zoë Ní Bhriain", From: d(time.April, 1), To: d(time.April, 28), Held: true, Status: "signed by both", Evidence: 1},
			{PA: "Zoë Ní Bhriain", From: d(time.April, 29), To: d(time.May, 26), Evidence: -1},
		},
		Insurance: []InsuranceRow{{Insurer: "Fish Insurance", Policy: "EL-1234", Cover: money.MustParse("10000000.00"), Premium: money.MustParse("312.00"),
			Start: d(time.April, 1), Renewal: civil.New(2027, time.March, 31), PremiumPaid: "no payment found in the ledger"}},
		Staff: []StaffRow{{PA: "Zoë Ní Bhriain", Employed: "from 01/04/2025", Contract: "signed 01/04/2025", DBS: "issued 02/03/2022: over 3 years old", DBSFlag: true,
			RightToWork: "checked 20/03/2025"}},
		Corrections: []CorrectionRow{{Line: budget.Transaction{ID: 8, Date: d(time.April, 3), Payee: "Boots", Amount: money.MustParse("-9.99")},
			Corrects: "the return for 01/01/2026 to 31/03/2026, sent 05/04/2026"}},
		Warnings: []string{"HMRC, Month 2 (6 May to 5 June 2026): paid 29/06/2026: LATE.", "Zoë Ní Bhriain: DBS check issued 02/03/2022: over 3 years old.",
			"1 line is not sorted into a category yet."},
	}
}

// htmlElem is one element of a page, as the tests read it.
type htmlElem struct {
	name   string
	attr   map[string]string
	parent int // index of the enclosing element, -1 for none
	text   string
}

// htmlTree is a page read by encoding/xml in its lenient HTML mode: the
// elements in document order, and the words of main outside the contents
// list, one text node each.
type htmlTree struct {
	elems []htmlElem
	words []string
	style string
}

func parseHTML(t *testing.T, b []byte) htmlTree {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var tr htmlTree
	var open []int
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("reading the page: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := htmlElem{name: strings.ToLower(tok.Name.Local), attr: map[string]string{}, parent: -1}
			for _, a := range tok.Attr {
				e.attr[strings.ToLower(a.Name.Local)] = a.Value
			}
			if len(open) > 0 {
				e.parent = open[len(open)-1]
			}
			tr.elems = append(tr.elems, e)
			open = append(open, len(tr.elems)-1)
		case xml.EndElement:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case xml.CharData:
			inMain, inNav := false, false
			for _, i := range open {
				tr.elems[i].text += string(tok)
				switch tr.elems[i].name {
				case "main":
					inMain = true
				case "nav":
					inNav = true
				case "style":
					tr.style += string(tok)
				}
			}
			if s := strings.TrimSpace(string(tok)); s != "" && inMain && !inNav {
				tr.words = append(tr.words, s)
			}
		}
	}
	return tr
}

func (tr htmlTree) all(name string) []int {
	var out []int
	for i, e := range tr.elems {
		if e.name == name {
			out = append(out, i)
		}
	}
	return out
}

// inside is the nearest enclosing element of element i named name, or -1.
func (tr htmlTree) inside(i int, name string) int {
	for p := tr.elems[i].parent; p >= 0; p = tr.elems[p].parent {
		if tr.elems[p].name == name {
			return p
		}
	}
	return -1
}

// rows are the page's table rows, each as its cells' text.
func (tr htmlTree) rows() [][]string {
	var out [][]string
	for _, r := range tr.all("tr") {
		var cells []string
		for i, e := range tr.elems {
			if (e.name == "td" || e.name == "th") && e.parent == r {
				cells = append(cells, strings.TrimSpace(tr.elems[i].text))
			}
		}
		out = append(out, cells)
	}
	return out
}

func returnHTML(t *testing.T, r ReturnDoc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ReturnHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("REPORT_HTML_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".html"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// checkStructure checks what every return page must have: the language,
// the character set, a title, one h1, sections with anchors the contents
// list reaches, and tables with captions and header cells inside a
// region that scrolls.
func checkStructure(t *testing.T, r ReturnDoc, b []byte) htmlTree {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">")) {
		t.Errorf("the page starts %q, want the doctype, lang=\"en-GB\" and the charset first", b[:min(len(b), 80)])
	}
	if !utf8.Valid(b) {
		t.Error("the page is not valid UTF-8")
	}
	tr := parseHTML(t, b)
	if ts := tr.all("title"); len(ts) != 1 || !strings.HasPrefix(tr.elems[ts[0]].text, r.Title()) || !strings.Contains(tr.elems[ts[0]].text, r.PeriodText()) {
		t.Errorf("want one title naming the return and its period; got %d", len(ts))
	}
	if hs := tr.all("h1"); len(hs) != 1 || tr.elems[hs[0]].text != r.Title() {
		t.Errorf("want one h1 %q, got %d", r.Title(), len(hs))
	}
	ids := map[string]bool{}
	for i, e := range tr.elems {
		if id, ok := e.attr["id"]; ok {
			if ids[id] {
				t.Errorf("id %q is used twice", id)
			}
			ids[id] = true
		}
		if (e.name == "h2" || e.name == "h3") && e.attr["id"] == "" {
			t.Errorf("%s %q has no id for the contents list", e.name, e.text)
		}
		if e.name == "h3" {
			// an h3 comes after an h2
			if h2 := tr.all("h2"); len(h2) == 0 || h2[0] > i {
				t.Errorf("h3 %q before any h2", e.text)
			}
		}
		switch e.name {
		case "script", "img", "link", "iframe", "object", "embed", "svg", "frame":
			t.Errorf("the page has a <%s>: it must hold no scripts, images or other files", e.name)
		}
		if _, ok := e.attr["style"]; ok {
			t.Errorf("<%s> has a style attribute: the style sheet says it all", e.name)
		}
		if src, ok := e.attr["src"]; ok {
			t.Errorf("<%s src=%q>: the page must not load anything", e.name, src)
		}
	}
	navs := tr.all("nav")
	if len(navs) != 1 {
		t.Fatalf("want one nav, got %d", len(navs))
	}
	if l := tr.elems[navs[0]].attr["aria-labelledby"]; l == "" || !ids[l] {
		t.Errorf("the contents list is not labelled: aria-labelledby=%q", l)
	}
	links := 0
	for i, e := range tr.elems {
		if e.name != "a" {
			continue
		}
		href := e.attr["href"]
		if !strings.HasPrefix(href, "#") || !ids[href[1:]] {
			t.Errorf("link %q goes nowhere in the page", href)
		}
		if tr.inside(i, "nav") >= 0 {
			links++
		}
	}
	if h := len(tr.all("h2")) + len(tr.all("h3")); links != h {
		t.Errorf("the contents list has %d links for %d headings", links, h)
	}

	tables, captions := tr.all("table"), tr.all("caption")
	if len(tables) != len(captions) {
		t.Errorf("%d tables, %d captions: every table needs one", len(tables), len(captions))
	}
	for _, c := range captions {
		if tr.elems[c].parent < 0 || tr.elems[tr.elems[c].parent].name != "table" || strings.TrimSpace(tr.elems[c].text) == "" {
			t.Errorf("caption %q is not a table's", tr.elems[c].text)
		}
	}
	for _, ti := range tables {
		wrap := tr.elems[ti].parent
		w := tr.elems[wrap]
		cap := ""
		cols := 0
		for i, e := range tr.elems {
			if e.parent == ti && e.name == "caption" {
				cap = e.text
			}
			if e.name == "th" && tr.inside(i, "table") == ti && e.attr["scope"] == "col" {
				cols++
			}
		}
		if w.name != "div" || w.attr["role"] != "region" || w.attr["tabindex"] != "0" || w.attr["aria-label"] != cap {
			t.Errorf("table %q: want it inside <div role=region tabindex=0 aria-label=its caption>, got <%s %v>", cap, w.name, w.attr)
		}
		if cols == 0 {
			t.Errorf("table %q has no column headers", cap)
		}
	}
	for i, e := range tr.elems {
		if e.name != "th" {
			continue
		}
		want := "row"
		if tr.inside(i, "thead") >= 0 {
			want = "col"
		}
		if e.attr["scope"] != want {
			t.Errorf("th %q has scope %q, want %q", e.text, e.attr["scope"], want)
		}
		if want == "row" {
			// a row's header is its first cell
			for j := i - 1; j >= 0 && j > e.parent; j-- {
				if p := tr.elems[j]; p.parent == e.parent && (p.name == "td" || p.name == "th") {
					t.Errorf("row header %q is not the first cell of its row", e.text)
				}
			}
		}
	}
	// Money is right-aligned by the style sheet.
	if !regexp.MustCompile(`\.num\s*\{[^}]*text-align:\s*right`).MatchString(tr.style) {
		t.Error("the style sheet does not right-align .num")
	}
	for _, e := range tr.elems {
		if (e.name == "td" || e.name == "th") && regexp.MustCompile(`^-?£`).MatchString(strings.TrimSpace(e.text)) && e.attr["class"] != "num" {
			t.Errorf("amount %q is not in a right-aligned cell", e.text)
		}
	}
	// No fixed widths, so that the page reflows at 200%: only the one
	// pixel of the text hidden from sight.
	for _, m := range regexp.MustCompile(`width:\s*([\d.]+)(px|pt|cm|mm|in)\b`).FindAllStringSubmatch(tr.style, -1) {
		if m[0] != "width: 1px" {
			t.Errorf("fixed width %q in the style sheet", m[0])
		}
	}
	return tr
}

func TestReturnHTMLStructure(t *testing.T) {
	r := testReturn()
	tr := checkStructure(t, r, returnHTML(t, r))
	if n := len(tr.all("table")); n != 12 {
		t.Errorf("%d tables, want 12 (summary to personal assistants)", n)
	}
	if len(tr.all("h3")) == 0 {
		t.Error("no h3: the parts of a section have none")
	}
	// The signature and date are blank fields with labels.
	for _, want := range signWords {
		found := false
		for _, e := range tr.elems {
			if e.name == "label" && e.text == want {
				for _, in := range tr.elems {
					if in.name == "input" && in.attr["id"] == e.attr["for"] && in.attr["value"] == "" {
						found = true
					}
				}
			}
		}
		if !found {
			t.Errorf("no blank field labelled %q to sign", want)
		}
	}
}

func TestReturnHTMLEmptyReturn(t *testing.T) {
	r := ReturnDoc{Who: "Tom Smith", Person: "Tom Smith", ManagedBy: "Tom Smith", Capacity: "for myself", Council: "Wigan Council",
		From: civil.New(2026, time.April, 1), To: civil.New(2026, time.June, 30), Made: civil.New(2026, time.July, 1)}
	b := returnHTML(t, r)
	tr := checkStructure(t, r, b)
	for _, want := range []string{"No money went in or out of the account in this period.", "No wages were paid through a pay run in this period.",
		"Nothing was due to HMRC for this period.", "No PA was employed in this period.",
		"No bank statement with balances has been imported for this budget, so the closing balance has not been checked against the bank. Attach the bank statements for the period."} {
		if !strings.Contains(strings.Join(tr.words, "\n"), want) {
			t.Errorf("an empty return does not say %q", want)
		}
	}
}

func TestReturnHTMLEscapes(t *testing.T) {
	r := testReturn()
	b := returnHTML(t, r)
	tr := parseHTML(t, b)
	for _, e := range tr.elems {
		if e.name == "b" || e.name == "script" {
			t.Errorf("a payee's name made a <%s> element", e.name)
		}
	}
	for _, raw := range []string{"<b>Bold</b>", "<script>"} {
		if bytes.Contains(b, []byte(raw)) {
			t.Errorf("%q is in the page unescaped", raw)
		}
	}
	// Each still reads as written, in the ledger and in the lines with no
	// evidence.
	for _, payee := range []string{"<b>Bold</b> & Co", "<script>alert(1)</script>"} {
		n := 0
		for _, row := range tr.rows() {
			if len(row) > 1 && row[1] == payee {
				n++
			}
		}
		if n != 2 {
			t.Errorf("payee %q is in %d rows, want 2 (the ledger and the lines with no evidence)", payee, n)
		}
	}
	// UTF-8 as written, not as entities.
	for _, want := range []string{"Zoë Ní Bhriain", "£1,733.90"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("%q is not in the page as UTF-8", want)
		}
	}
}

func TestReturnHTMLSummaryFigures(t *testing.T) {
	r := testReturn()
	tr := parseHTML(t, returnHTML(t, r))
	rows := tr.rows()
	for _, kv := range r.Summary() {
		found := false
		for _, row := range rows {
			if len(row) == 2 && row[0] == kv[0] && row[1] == kv[1] {
				found = true
			}
		}
		if !found {
			t.Errorf("the summary has no row %q %q", kv[0], kv[1])
		}
	}
	rowHeads := map[string]bool{}
	for _, e := range tr.elems {
		if e.name == "th" && e.attr["scope"] == "row" {
			rowHeads[e.text] = true
		}
	}
	for _, kv := range r.Summary() {
		if !rowHeads[kv[0]] {
			t.Errorf("%q is not the header of its row", kv[0])
		}
	}
	check := "Check: £1,200.00 brought forward, plus £1,500.00 in, less £966.10 out, is £1,733.90 carried forward."
	if !strings.Contains(strings.Join(tr.words, "\n"), check) {
		t.Errorf("the summary's check sentence is missing: %q", check)
	}
}

// TestReturnHTMLFlagsInWords: what needs attention says so in words (and
// is in bold), never by colour alone.
func TestReturnHTMLFlagsInWords(t *testing.T) {
	r := testReturn()
	tr := parseHTML(t, returnHTML(t, r))
	strong := map[string]bool{}
	for i, e := range tr.elems {
		if e.name == "strong" {
			if strings.TrimSpace(e.text) == "" {
				t.Error("an empty <strong>: a flag must be words")
			}
			strong[e.text] = true
			if c := tr.inside(i, "td"); c < 0 {
				t.Errorf("<strong>%s</strong> is not in a table cell", e.text)
			}
		}
	}
	for _, want := range []string{"paid 29/06/2026: LATE", "issued 02/03/2022: over 3 years old", "no timesheet held", "no evidence held"} {
		if !strong[want] {
			t.Errorf("%q is not shown as needing attention; flagged: %v", want, strong)
		}
	}
	if strong["paid 19/05/2026, on time"] || strong["checked 20/03/2025"] {
		t.Errorf("an item that is in order is flagged: %v", strong)
	}
	late := false
	for _, row := range tr.rows() {
		if len(row) == 4 && row[0] == r.HMRC[1].Period && strings.Contains(row[3], "LATE") {
			late = true
		}
	}
	if !late {
		t.Error("the late HMRC payment does not say LATE in its row")
	}
	if strings.Contains(strings.ToLower(tr.style), "red") {
		t.Error("the style sheet uses red: meaning must not rest on colour")
	}
}

func TestReturnHTMLSameBytes(t *testing.T) {
	r := testReturn()
	a := returnHTML(t, r)
	// The same return with its maps built in another order.
	r2 := testReturn()
	r2.LineEvidence = map[int64][]int{}
	for _, id := range []int64{9, 3, 2} {
		r2.LineEvidence[id] = testReturn().LineEvidence[id]
	}
	for range 5 {
		if b := returnHTML(t, r2); !bytes.Equal(a, b) {
			t.Fatal("the same return gave different pages")
		}
	}
}

func TestReturnHTMLNoNINumber(t *testing.T) {
	b := returnHTML(t, testReturn())
	ni := regexp.MustCompile(`(?i)\b[a-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[a-z]\b`)
	if m := ni.Find(b); m != nil {
		t.Errorf("the page holds something like an NI number: %q", m)
	}
}

// TestReturnHTMLSaysWhatThePDFSays: every word of the return's blocks is
// on the page, in order, and the PDF has the page's headings in the same
// order.
func TestReturnHTMLSaysWhatThePDFSays(t *testing.T) {
	r := testReturn()
	tr := parseHTML(t, returnHTML(t, r))
	var want []string
	for _, b := range returnBlocks(r) {
		switch b.kind {
		case blockMark:
		case blockPairs, blockAmounts:
			for _, kv := range b.pairs {
				want = append(want, kv[0], kv[1])
			}
		case blockTable:
			want = append(want, b.table.caption)
			for _, c := range b.table.cols {
				want = append(want, c.Heading)
			}
			for _, row := range b.table.rows {
				want = append(want, row...)
			}
			want = append(want, b.table.total...)
		case blockSign:
			for _, l := range b.items {
				want = append(want, l, signWords[0], signWords[1])
			}
		default:
			want = append(want, b.text)
			want = append(want, b.items...)
		}
	}
	i := 0
	for _, w := range want {
		if w == "" {
			continue
		}
		for i < len(tr.words) && tr.words[i] != w {
			i++
		}
		if i == len(tr.words) {
			t.Fatalf("the page does not say %q where the PDF does", w)
		}
		i++
	}

	var pdf bytes.Buffer
	if err := ReturnPDF(&pdf, r); err != nil {
		t.Fatal(err)
	}
	text := reporttest.PDFText(t, pdf.Bytes())
	at := 0
	for i, e := range tr.elems {
		if e.name != "h2" && e.name != "h3" || tr.inside(i, "main") < 0 {
			continue
		}
		j := strings.Index(text[at:], e.text)
		if j < 0 {
			t.Errorf("the PDF has no heading %q after the one before", e.text)
			continue
		}
		at += j + len(e.text)
	}
}

// The web page has no violations of axe-core's WCAG 2.2 A and AA rules in
// headless Chromium, full and empty (skipped, saying what to install,
// where Chromium or axe-core is missing).
func TestReturnHTMLAxe(t *testing.T) {
	dir := t.TempDir()
	empty := ReturnDoc{Who: "Tom Smith", Person: "Tom Smith", ManagedBy: "Tom Smith", Capacity: "for myself", Council: "Wigan Council",
		From: civil.New(2026, time.April, 1), To: civil.New(2026, time.June, 30), Made: civil.New(2026, time.July, 1)}
	for name, r := range map[string]ReturnDoc{"full.html": testReturn(), "empty.html": empty} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, returnHTML(t, r), 0o600); err != nil {
			t.Fatal(err)
		}
		reporttest.AxeCheck(t, path)
	}
}
