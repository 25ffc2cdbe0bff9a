package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/text"
)

// ReturnDoc is a council's return for one budget and period: everything
// the PDF, the HTML page and the CSV ledger print. The service fills it
// from what the toolkit holds; the writers only lay it out. It never holds
// a PA's NI number, date of birth or home address.
type ReturnDoc struct {
	Who       string // the budget's Description: who manages the money for whom
	Person    string
	ManagedBy string
	// Capacity is the manager's capacity in words, for the declaration:
	// "as the suitable person for Tom Smith", "for myself".
	Capacity  string
	Council   string
	Reference string
	Profile   string // the council profile's name
	Basis     string // where the profile's rules come from
	From, To  civil.Date
	Made      civil.Date

	Funding []FundingRow
	Figures budget.ReturnFigures
	// Status is Where I stand at the end of the period: the surplus and
	// the council's limit, in the same words as the screen.
	Status   budget.Status
	Owed     []OwedRow
	SetAside []budget.SetAside

	// Evidence lists what the pack holds, in its order; each line of the
	// ledger names the items that back it.
	Evidence     []EvidenceItem
	LineEvidence map[int64][]int // transaction ID → indexes into Evidence
	Payroll      []PayrollRow
	NetPaid      []NetPaidRow
	HMRC         []HMRCPaymentRow
	Timesheets   []TimesheetHeld
	Insurance    []InsuranceRow
	Staff        []StaffRow
	Corrections  []CorrectionRow
	// Warnings are the gaps and problems, said plainly, before anything
	// else in the return.
	Warnings []string
	// Sent is the day the return was marked as sent (zero: not yet).
	Sent civil.Date
}

// FundingRow is one stream of money for the support.
type FundingRow struct {
	Source         string
	Weekly, Yearly money.Money // 0: not agreed
	Expected, Paid money.Money // in the period
	ExpectedKnown  bool
	Note           string
}

// OwedRow is money owed at the end of the period.
type OwedRow struct {
	What, Payee string
	Due         civil.Date
	Amount      money.Money
}

// EvidenceKind says what an evidence item is.
type EvidenceKind string

const (
	EvidencePayslip   EvidenceKind = "Payslip"
	EvidenceTimesheet EvidenceKind = "Timesheet"
	EvidenceHMRC      EvidenceKind = "HMRC record"
	EvidenceReceipt   EvidenceKind = "Receipt"
	EvidenceInsurance EvidenceKind = "Insurance"
)

// EvidenceItem is one document of the evidence pack.
type EvidenceItem struct {
	Ref   string // "E1"
	Kind  EvidenceKind
	Title string // "Amy Jones, paid 25/05/2026"
	// Page is its first page in the evidence pack (0 in the return alone).
	Page int
	// Receipt is the stored receipt's ID, for a receipt.
	Receipt int64
	// Missing says why an item could not be put in the pack ("" when it
	// is there).
	Missing string
}

// PayrollRow is one PA's pay in one calendar month, from the payslips.
type PayrollRow struct {
	PA                          string
	Month                       string // "May 2026"
	Payslips                    int
	Minutes                     int64
	Gross, Net, Tax, EmployeeNI money.Money
	EmployerNI, EmployeePension money.Money
	EmployerPension             money.Money
}

// NetPaidRow holds a PA's net pay on the period's payslips against what
// the ledger shows paid to them.
type NetPaidRow struct {
	PA     string
	NetPay money.Money
	Paid   money.Money
	Unpaid money.Money // net pay still owed at the end of the period
	Words  string
	Agrees bool
}

// HMRCPaymentRow is one tax month or quarter's PAYE.
type HMRCPaymentRow struct {
	Period   string
	Due      money.Money
	DueDate  civil.Date
	PaidDate civil.Date
	Late     bool
	Words    string
}

// TimesheetHeld says whether a PA's timesheet for a pay period is held.
type TimesheetHeld struct {
	PA       string
	From, To civil.Date
	Held     bool
	Status   string
	Evidence int // index into Evidence, or -1
}

// InsuranceRow is an employer's liability policy in force in the period.
type InsuranceRow struct {
	Insurer, Policy string
	Cover, Premium  money.Money
	Start, Renewal  civil.Date
	PremiumPaid     string // "paid 14/04/2026 (£312.00)" or "no payment found in the ledger"
}

// StaffRow is one PA's employer's duties (no personal details).
type StaffRow struct {
	PA          string
	Employed    string // "from 01/04/2025", "01/04/2025 to 30/09/2026"
	Contract    string
	DBS         string
	DBSFlag     bool
	RightToWork string
	RTWFlag     bool
}

// CorrectionRow is a line entered to correct a return already sent.
type CorrectionRow struct {
	Line     budget.Transaction
	Corrects string // "the return for 01/04/2026 to 30/06/2026, sent 05/07/2026"
}

// EvidenceText is what a ledger line's evidence column says: the items
// that back it ("E3, page 14; E7") or "no evidence held".
func (r ReturnDoc) EvidenceText(l budget.ReturnLine) string {
	var parts []string
	for _, i := range r.LineEvidence[l.ID] {
		if i < 0 || i >= len(r.Evidence) {
			continue
		}
		e := r.Evidence[i]
		s := e.Ref + " " + strings.ToLower(string(e.Kind))
		if e.Page > 0 {
			s += fmt.Sprintf(", page %d", e.Page)
		}
		parts = append(parts, s)
	}
	if l.Reconciled && len(parts) == 0 {
		return "on the bank statement"
	}
	if len(parts) == 0 {
		return "no evidence held"
	}
	if l.Reconciled {
		parts = append(parts, "on the bank statement")
	}
	return strings.Join(parts, "; ")
}

// Unevidenced returns the period's lines of money out that no document
// backs (a line on the bank statement alone is not enough for spending),
// and the lines of money in that are neither on a statement nor backed.
func (r ReturnDoc) Unevidenced() []budget.ReturnLine {
	var out []budget.ReturnLine
	for _, l := range r.Figures.Lines {
		if len(r.LineEvidence[l.ID]) > 0 {
			continue
		}
		if l.Amount < 0 || !l.Reconciled {
			out = append(out, l)
		}
	}
	return out
}

// Title is the return's title.
func (r ReturnDoc) Title() string { return "Direct payment return" }

// PeriodText is "1 April 2026 to 30 June 2026".
func (r ReturnDoc) PeriodText() string { return r.From.Long() + " to " + r.To.Long() }

func (r ReturnDoc) made() time.Time { return r.Made.Time(time.UTC) }

// Summary is the summary's rows, in order, as label and amount: the same
// rows on paper, on the page and in words.
func (r ReturnDoc) Summary() [][2]string {
	f := r.Figures
	rows := [][2]string{{"Balance brought forward on " + f.From.UK(), f.Opening.Format()}}
	for _, h := range f.In {
		rows = append(rows, [2]string{"Money in: " + h.Label, h.Amount.Format()})
	}
	rows = append(rows, [2]string{"Total money in", f.MoneyIn.Format()})
	for _, h := range f.Out {
		rows = append(rows, [2]string{"Money out: " + h.Label, h.Amount.Format()})
	}
	rows = append(rows, [2]string{"Total money out", f.MoneyOut.Format()})
	rows = append(rows, [2]string{"Balance carried forward on " + f.To.UK(), f.Closing.Format()})
	return rows
}

// BankWords says how the closing balance stands against the bank, never
// hiding a difference.
func (r ReturnDoc) BankWords() string {
	st := r.Status
	if !st.HasStatement {
		return "No bank statement with balances has been imported for this budget, so the closing balance has not been checked against the bank. Attach the bank statements for the period."
	}
	if st.Difference == 0 {
		return fmt.Sprintf("The bank's statement gave %s on %s, and the toolkit's ledger agrees to the penny.", st.StatementBalance.Format(), st.StatementDate.UK())
	}
	return st.BankSays + " The difference is shown, not hidden: the lines behind it are not yet in the ledger, or the opening balance is wrong."
}

// CSVHeader is the ledger CSV's header line.
var CSVHeader = []string{"Date", "Payee", "Description", "Category", "Amount", "Balance", "Evidence"}

// ReturnCSV writes the period's ledger as CSV: a header line, then one
// row per line, amounts signed (money in positive) in pounds and pence,
// and the balance after each line.
func ReturnCSV(w io.Writer, r ReturnDoc) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, l := range r.Figures.Lines {
		desc := l.Reference
		if l.Note != "" {
			if desc != "" {
				desc += ": "
			}
			desc += strings.ReplaceAll(l.Note, "\n", " ")
		}
		if err := cw.Write([]string{l.Date.UK(), csvSafe(l.Payee), csvSafe(desc), csvSafe(string(l.Category)), l.Amount.String(), l.Balance.String(), r.EvidenceText(l)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe stops a spreadsheet reading a cell as a formula: a cell that
// begins with =, +, - or @ is given a leading apostrophe.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// ReturnPDF writes the return as a PDF.
func ReturnPDF(w io.Writer, r ReturnDoc) error {
	d := NewDoc(r.Title(), r.Who, r.made(), false)
	d.SetAuthor(r.ManagedBy)
	returnPages(d, r)
	_, err := d.WriteTo(w)
	return err
}

// returnPages draws the return from the current page on, with an outline
// entry for each section.
func returnPages(d *Doc, r ReturnDoc) { drawBlocks(d, returnBlocks(r)) }

// returnBlocks is everything the return says, in order, for the PDF and
// the HTML page alike.
func returnBlocks(r ReturnDoc) []returnBlock {
	d := &returnOut{}
	d.Bookmark("The return", 0)
	d.Pairs(cover(r))
	if len(r.Warnings) > 0 {
		d.Section("note", "Please note")
		d.List(r.Warnings)
	}

	d.Bookmark("Summary", 1)
	d.Section("summary", "Summary of the money")
	f := r.Figures
	var rows [][]string
	for _, kv := range r.Summary() {
		rows = append(rows, []string{kv[0], kv[1]})
	}
	d.Table([]Column{{Heading: "", Width: 0}, {Heading: "Amount", Width: 40, Align: "R"}}, rows).rowHead = true
	d.Para(fmt.Sprintf("Check: %s brought forward, plus %s in, less %s out, is %s carried forward.", f.Opening.Format(), f.MoneyIn.Format(), f.MoneyOut.Format(), f.Closing.Format()))
	for _, n := range f.Notes {
		d.Small(n)
	}

	d.Sub("bank", "The balance against the bank")
	d.Para(r.BankWords())

	d.Section("stands", "Where the budget stands on "+r.To.UK())
	d.Para(r.Status.Headline)
	d.Amounts(standPairs(r))
	for _, l := range r.Status.Lines {
		d.Small(l)
	}

	if len(r.Funding) > 0 {
		d.Section("funding", "Funding")
		var fr [][]string
		for _, x := range r.Funding {
			exp := "not agreed"
			if x.ExpectedKnown {
				exp = x.Expected.Format()
			}
			fr = append(fr, []string{x.Source, amountOr(x.Weekly), amountOr(x.Yearly), exp, x.Paid.Format(), x.Note})
		}
		d.Table([]Column{{Heading: "Source"}, {Heading: "A week", Width: 24, Align: "R"}, {Heading: "A year", Width: 26, Align: "R"},
			{Heading: "Due in period", Width: 26, Align: "R"}, {Heading: "Received", Width: 26, Align: "R"}, {Heading: "Note"}}, fr).rowHead = true
	}

	if len(f.Out) > 0 || len(f.In) > 0 {
		d.Section("categories", "Money in and out by category")
		var cr [][]string
		for _, side := range []struct {
			label string
			hs    []budget.HeadingTotal
		}{{"In", f.In}, {"Out", f.Out}} {
			for _, h := range side.hs {
				for _, c := range h.Categories {
					cr = append(cr, []string{side.label, h.Label, string(c.Category), fmt.Sprint(c.Lines), c.Amount.Format()})
				}
			}
		}
		d.Table([]Column{{Heading: "", Width: 12}, {Heading: "Council heading"}, {Heading: "Category"}, {Heading: "Lines", Width: 14, Align: "R"}, {Heading: "Amount", Width: 28, Align: "R"}}, cr).
			spoken = map[int]string{0: "In or out"}
	}

	d.Bookmark("Ledger", 1)
	d.Section("ledger", fmt.Sprintf("The ledger: %d %s", len(f.Lines), text.Plural(len(f.Lines), "line", "lines")))
	if len(f.Lines) == 0 {
		d.Para("No money went in or out of the account in this period.")
	} else {
		var lr [][]string
		for _, l := range f.Lines {
			lr = append(lr, []string{l.Date.UK(), l.Payee, categoryText(l), l.Amount.Format(), l.Balance.Format(), r.EvidenceText(l)})
		}
		t := d.TableTotal([]Column{{Heading: "Date", Width: 20}, {Heading: "Payee"}, {Heading: "Category"}, {Heading: "Amount", Width: 24, Align: "R"},
			{Heading: "Balance", Width: 24, Align: "R"}, {Heading: "Evidence", Width: 42}}, lr,
			[]string{"", "Change over the period", "", (f.MoneyIn - f.MoneyOut).Format(), f.Closing.Format(), ""})
		for i, l := range f.Lines {
			if len(r.LineEvidence[l.ID]) == 0 && !l.Reconciled {
				t.flag(i, 5)
			}
		}
	}
	if un := r.Unevidenced(); len(un) > 0 {
		d.Sub("unevidenced", fmt.Sprintf("Lines with no evidence held: %d", len(un)))
		d.Para("The toolkit holds no receipt, payslip or record for these lines. Attach a receipt to each in Money, or explain it to the council.")
		var ur [][]string
		var sum money.Money
		for _, l := range un {
			ur = append(ur, []string{l.Date.UK(), l.Payee, categoryText(l), l.Amount.Format()})
			sum += l.Amount
		}
		d.TableTotal([]Column{{Heading: "Date", Width: 22}, {Heading: "Payee"}, {Heading: "Category"}, {Heading: "Amount", Width: 28, Align: "R"}}, ur,
			[]string{"", "Total", "", sum.Format()})
	}
	if len(r.Corrections) > 0 {
		d.Sub("corrections", "Corrections to returns already sent")
		var cr [][]string
		for _, c := range r.Corrections {
			cr = append(cr, []string{c.Line.Date.UK(), c.Line.Payee, c.Line.Amount.Format(), c.Corrects})
		}
		d.Table([]Column{{Heading: "Date", Width: 22}, {Heading: "Payee"}, {Heading: "Amount", Width: 26, Align: "R"}, {Heading: "Corrects"}}, cr)
	}

	d.Bookmark("Payroll", 1)
	payrollBlocks(d, r)
	d.Bookmark("Employer's duties", 1)
	dutiesBlocks(d, r)
	d.Bookmark("Declaration", 1)
	declaration(d, r)
	return d.blocks
}

func amountOr(m money.Money) string {
	if m == 0 {
		return "—"
	}
	return m.Format()
}

func categoryText(l budget.ReturnLine) string {
	if l.Category == "" {
		return "not sorted yet"
	}
	return string(l.Category)
}

func cover(r ReturnDoc) [][2]string {
	council := r.Council
	if r.Reference != "" {
		council += ", reference " + r.Reference
	}
	pairs := [][2]string{
		{"Person supported", r.Person},
		{"Who manages the money", r.Who},
		{"Council", council},
		{"Period", r.PeriodText()},
		{"Council's rules", r.Profile},
		{"Made on", r.Made.Long()},
	}
	if !r.Sent.IsZero() {
		pairs = append(pairs, [2]string{"Sent to the council", r.Sent.Long()})
	}
	return pairs
}

func standPairs(r ReturnDoc) [][2]string {
	st := r.Status
	pairs := [][2]string{{"Balance", st.Balance.Format()}}
	for _, o := range st.OwedByKind {
		pairs = append(pairs, [2]string{"Less owed: " + o.Label, o.Amount.Format()})
	}
	for _, s := range r.SetAside {
		pairs = append(pairs, [2]string{"Less set aside for " + s.Purpose, s.Amount.Format()})
	}
	pairs = append(pairs, [2]string{"Less agreed contingency", st.Contingency.Format()}, [2]string{"Surplus", st.Surplus.Format()})
	if st.SurplusLimit > 0 {
		pairs = append(pairs, [2]string{"The council's limit", st.SurplusLimit.Format()})
	}
	return pairs
}

func payrollBlocks(d *returnOut, r ReturnDoc) {
	d.Section("payroll", "Payroll")
	if len(r.Payroll) == 0 {
		d.Para("No wages were paid through a pay run in this period.")
	} else {
		var rows [][]string
		var tot PayrollRow
		for _, p := range r.Payroll {
			rows = append(rows, []string{p.PA, p.Month, text.DecimalHours(p.Minutes), p.Gross.Format(), p.Tax.Format(), p.EmployeeNI.Format(),
				(p.EmployeePension + p.EmployerPension).Format(), p.Net.Format(), p.EmployerNI.Format()})
			tot.Minutes += p.Minutes
			tot.Gross += p.Gross
			tot.Tax += p.Tax
			tot.EmployeeNI += p.EmployeeNI
			tot.EmployeePension += p.EmployeePension
			tot.EmployerPension += p.EmployerPension
			tot.Net += p.Net
			tot.EmployerNI += p.EmployerNI
		}
		d.TableTotal([]Column{{Heading: "PA"}, {Heading: "Month", Width: 24}, {Heading: "Hours", Width: 16, Align: "R"}, {Heading: "Gross", Width: 20, Align: "R"},
			{Heading: "Tax", Width: 18, Align: "R"}, {Heading: "NI (PA)", Width: 18, Align: "R"}, {Heading: "Pension", Width: 18, Align: "R"},
			{Heading: "Net pay", Width: 20, Align: "R"}, {Heading: "Employer NI", Width: 20, Align: "R"}}, rows,
			[]string{"Total", "", text.DecimalHours(tot.Minutes), tot.Gross.Format(), tot.Tax.Format(), tot.EmployeeNI.Format(),
				(tot.EmployeePension + tot.EmployerPension).Format(), tot.Net.Format(), tot.EmployerNI.Format()}).rowHead = true
		d.Small("Pension is the PA's and the employer's contributions together.")
	}
	if len(r.NetPaid) > 0 {
		d.Sub("net-pay", "Net pay on the payslips against the payments to each PA")
		var rows [][]string
		for _, n := range r.NetPaid {
			rows = append(rows, []string{n.PA, n.NetPay.Format(), n.Paid.Format(), n.Words})
		}
		t := d.Table([]Column{{Heading: "PA"}, {Heading: "Net pay", Width: 26, Align: "R"}, {Heading: "Paid", Width: 26, Align: "R"}, {Heading: "", Width: 70}}, rows)
		t.rowHead = true
		for i, n := range r.NetPaid {
			if !n.Agrees {
				t.flag(i, 3)
			}
		}
	}
	d.Sub("hmrc", "Payments to HMRC")
	if len(r.HMRC) == 0 {
		d.Para("Nothing was due to HMRC for this period.")
	} else {
		var rows [][]string
		for _, h := range r.HMRC {
			rows = append(rows, []string{h.Period, h.Due.Format(), h.DueDate.UK(), h.Words})
		}
		t := d.Table([]Column{{Heading: "Tax period"}, {Heading: "Due", Width: 26, Align: "R"}, {Heading: "Due by", Width: 24}, {Heading: "Paid", Width: 70}}, rows)
		t.rowHead = true
		for i, h := range r.HMRC {
			if h.Late {
				t.flag(i, 3)
			}
		}
	}
	d.Sub("timesheets", "Timesheets")
	if len(r.Timesheets) == 0 {
		d.Para("No PA was employed in this period.")
	} else {
		var rows [][]string
		for _, t := range r.Timesheets {
			status := "no timesheet held"
			if t.Held {
				status = t.Status
				if t.Evidence >= 0 && t.Evidence < len(r.Evidence) {
					e := r.Evidence[t.Evidence]
					status += " (" + e.Ref
					if e.Page > 0 {
						status += fmt.Sprintf(", page %d", e.Page)
					}
					status += ")"
				}
			}
			rows = append(rows, []string{t.PA, t.From.UK() + " to " + t.To.UK(), status})
		}
		t := d.Table([]Column{{Heading: "PA"}, {Heading: "Pay period", Width: 48}, {Heading: "Timesheet", Width: 80}}, rows)
		for i, ts := range r.Timesheets {
			if !ts.Held {
				t.flag(i, 2)
			}
		}
	}
}

func dutiesBlocks(d *returnOut, r ReturnDoc) {
	d.Section("insurance", "Employer's liability insurance")
	if len(r.Insurance) == 0 {
		d.Para("No employer's liability insurance is recorded for this period. Every employer of a PA needs it (unless every employee is a close relative): add the policy under Settings.")
	} else {
		var rows [][]string
		for _, i := range r.Insurance {
			rows = append(rows, []string{i.Insurer, i.Policy, i.Cover.Format(), i.Start.UK() + " to " + i.Renewal.UK(), i.Premium.Format(), i.PremiumPaid})
		}
		d.Table([]Column{{Heading: "Insurer"}, {Heading: "Policy", Width: 32}, {Heading: "Cover", Width: 30, Align: "R"}, {Heading: "Runs", Width: 26},
			{Heading: "Premium", Width: 20, Align: "R"}, {Heading: "Paid"}}, rows).rowHead = true
	}
	d.Section("staff", "Personal assistants")
	if len(r.Staff) == 0 {
		d.Para("No PA was employed in this period.")
		return
	}
	var rows [][]string
	for _, s := range r.Staff {
		rows = append(rows, []string{s.PA, s.Employed, s.Contract, s.DBS, s.RightToWork})
	}
	t := d.Table([]Column{{Heading: "PA"}, {Heading: "Employed", Width: 32}, {Heading: "Contract"}, {Heading: "DBS check"}, {Heading: "Right to work"}}, rows)
	t.rowHead = true
	for i, s := range r.Staff {
		if s.DBSFlag {
			t.flag(i, 3)
		}
		if s.RTWFlag {
			t.flag(i, 4)
		}
	}
	d.Small("No National Insurance numbers, dates of birth or home addresses are printed in a return.")
}

func declaration(d *returnOut, r ReturnDoc) {
	d.Section("declaration", "Declaration")
	d.Para(r.DeclarationText())
	d.SignatureLines("Signed by " + r.ManagedBy)
}

// DeclarationText is the declaration the manager signs, in their own
// capacity.
func (r ReturnDoc) DeclarationText() string {
	return fmt.Sprintf("I, %s, %s, declare that this return is a true record of the money received and spent from the direct payment from %s, and that the money was spent on the support agreed with the council.",
		r.ManagedBy, r.Capacity, r.PeriodText())
}
