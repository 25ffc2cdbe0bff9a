package budget

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"patoolkit/civil"
	"patoolkit/money"
)

type lineIdentity struct {
	date   civil.Date
	amount money.Money
	desc   string
}

// countOccurrences numbers identical lines (same date, amount and
// normalised description) 1, 2, 3... oldest first.
func countOccurrences(lines []StatementLine, newestFirst bool) {
	seen := make(map[lineIdentity]int, len(lines))
	for j := range lines {
		i := j
		if newestFirst {
			i = len(lines) - 1 - j
		}
		l := &lines[i]
		k := lineIdentity{l.Date, l.Amount, normaliseDescription(l.Description)}
		seen[k]++
		l.Occurrence = seen[k]
	}
}

// ImportKey is the duplicate-detection key of a statement line: a hash of
// its date, amount, description (in capitals, spaces tidied) and its
// Occurrence among identical lines in the same file. The balance and the
// file's layout are not part of it, so the same transaction in a later,
// overlapping export (even in another layout) has the same key, and two
// identical £5.00 coffees on one day have two keys. The key is 32 hex
// characters, stable across versions: storage keeps it with the
// transaction, unique per account.
//
// An overlapping export gives the same keys as long as it covers whole
// days, as bank exports do; a line whose Occurrence is 0 (not counted by
// ParseStatement) is keyed as the first.
func ImportKey(l StatementLine) string {
	occ := l.Occurrence
	if occ < 1 {
		occ = 1
	}
	h := sha256.New()
	buf := make([]byte, 0, 64+len(l.Description))
	buf = append(buf, l.Date.String()...)
	buf = append(buf, '|')
	buf = strconv.AppendInt(buf, int64(l.Amount), 10)
	buf = append(buf, '|')
	buf = append(buf, normaliseDescription(l.Description)...)
	buf = append(buf, '|')
	buf = strconv.AppendInt(buf, int64(occ), 10)
	h.Write(buf)
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:16])
}

// PlanOptions are what Plan compares a statement with.
type PlanOptions struct {
	// ExistingKeys are the ImportKeys already in the account's ledger.
	ExistingKeys map[string]bool
	// Rules are the payee rules the person has confirmed, oldest first.
	Rules []PayeeRule
	// Categories are the account's categories; nil means
	// DefaultCategories(). A rule naming a category no longer in the list
	// is not used.
	Categories Categories
	// Unreconciled are transactions entered by hand and not yet matched to
	// a bank line (Reconciled false, ImportKey ""). A statement line that
	// is the same payment is proposed as confirming it instead of as a new
	// transaction.
	Unreconciled []Transaction
	// ToleranceDays is how far apart in date a hand-entered transaction
	// and its bank line may be; 0 means DefaultToleranceDays.
	ToleranceDays int
	// Imported are the statement lines already in the ledger, with what
	// the bank said about each (see BankRecord), so that the same line in
	// another export or format is recognised although its ImportKey
	// differs.
	Imported []BankRecord
}

// BankRecord is a statement line already in the ledger: what the bank
// said about it when it was imported, kept so that the same line is
// recognised when it comes again in another layout or format (a CSV
// export and an OFX download of the same days describe a line
// differently, so their ImportKeys differ).
type BankRecord struct {
	// LedgerID is the ledger line it is.
	LedgerID int64 `json:"ledger_id"`
	// Key is the ImportKey of the statement line.
	Key         string      `json:"key"`
	Date        civil.Date  `json:"date"`
	Amount      money.Money `json:"amount"`
	Description string      `json:"description"` // as the bank wrote it
	// BankID is the bank's own id for the line (OFX FITID), or "".
	BankID string `json:"bank_id,omitempty"`
	// Balance is the running balance after the line, when HasBalance.
	Balance    money.Money `json:"balance"`
	HasBalance bool        `json:"has_balance"`
}

// RecordOf is what is kept of statement line l imported as ledger line
// ledgerID (a new line, the hand-entered line it confirms, or the line
// the person said it is the same as).
func RecordOf(l StatementLine, ledgerID int64) BankRecord {
	return BankRecord{LedgerID: ledgerID, Key: ImportKey(l), Date: l.Date, Amount: l.Amount, Description: l.Description,
		BankID: l.BankID, Balance: l.Balance, HasBalance: l.HasBalance}
}

// Candidate is a line already in the ledger that a statement line may
// be, but not certainly: the person says whether it is.
type Candidate struct {
	ID     int64       `json:"id"` // the ledger line
	Date   civil.Date  `json:"date"`
	Payee  string      `json:"payee"`
	Amount money.Money `json:"amount"`
	// HandEntered is true for a line entered by hand and not yet matched
	// to a bank line; false for a bank line imported before.
	HandEntered bool `json:"entered_by_hand"`
}

// Describe names the candidate for a question: "the line you entered by
// hand on 05/11/2026 (Chemist, £12.34 out)", "the line imported before
// on 02/11/2026 (WIGAN COUNCIL DIRECT PAYMENT, £2,400.00 in)".
func (c Candidate) Describe() string {
	way := "in"
	if c.Amount < 0 {
		way = "out"
	}
	what := "the line imported before"
	if c.HandEntered {
		what = "the line you entered by hand"
	}
	return fmt.Sprintf("%s on %s (%s, %s %s)", what, c.Date.UK(), c.Payee, c.Amount.Abs().Format(), way)
}

// Proposed is one statement line that is not yet in the ledger, with the
// transaction that importing it would save.
type Proposed struct {
	Line StatementLine `json:"line"`
	// Transaction is ready to save: Date, Payee (the description, or the
	// type when there is none), Amount, the suggested Category (or ""),
	// Reference, Reconciled true and ImportKey. Its ID is 0.
	Transaction Transaction `json:"transaction"`
	// SuggestedBy says where the category came from, for the preview
	// ("your rule for SAMPLE SUPERMARKET"), or "" when there is no
	// suggestion.
	SuggestedBy string `json:"suggested_by,omitempty"`
	// Confirms is the ID of a hand-entered transaction that this line is
	// the bank's record of, or 0. Importing it should mark that
	// transaction Reconciled and give it this ImportKey, not add a new one.
	Confirms int64 `json:"confirms,omitempty"`
	// Maybe are lines already in the ledger that this line may be, when
	// that is not certain: a bank line imported before with the same date
	// and amount but a payee that does not agree, or a line entered by
	// hand with the same amount, a close date and a payee that does not
	// agree (or that another line fits as well). The person answers (see
	// Answer); until then the line is Unanswered.
	Maybe []Candidate `json:"maybe,omitempty"`
	// SameAs is the bank line imported before (one of Maybe) that the
	// person said this line is: it is not added again.
	SameAs int64 `json:"same_as,omitempty"`
	// NewLine is true when the person said the line is none of Maybe.
	NewLine bool `json:"new_line,omitempty"`
}

// Answer records the person's answer to a line's question: id is the
// ledger line of Maybe that it is the same as, or 0 for "a new line". A
// hand-entered line is then confirmed by this one (Confirms); a bank line
// imported before keeps its place and this line is not added (SameAs).
// It reports false, changing nothing, when id is not one of Maybe.
func (p *Proposed) Answer(id int64) bool {
	if id == 0 {
		p.Confirms, p.SameAs, p.NewLine = 0, 0, true
		return true
	}
	for _, c := range p.Maybe {
		if c.ID == id {
			p.Confirms, p.SameAs, p.NewLine = 0, 0, false
			if c.HandEntered {
				p.Confirms = id
			} else {
				p.SameAs = id
			}
			return true
		}
	}
	return false
}

// Describe names the statement line for a message: "line 3 (10/11/2026,
// TOTALLY DIFFERENT SHOP, £12.34 out)".
func (p Proposed) Describe() string {
	way := "in"
	if p.Line.Amount < 0 {
		way = "out"
	}
	return fmt.Sprintf("line %d (%s, %s, %s %s)", p.Line.LineNo, p.Line.Date.UK(), p.Line.Description, p.Line.Amount.Abs().Format(), way)
}

// MayBe says which lines already in the ledger the line may be: "the line
// you entered by hand on 05/11/2026 (Chemist, £12.34 out)", with "or"
// between two or more.
func (p Proposed) MayBe() string {
	parts := make([]string, len(p.Maybe))
	for i, c := range p.Maybe {
		parts[i] = c.Describe()
	}
	if len(parts) > 1 {
		return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
	}
	return strings.Join(parts, "")
}

// Unanswered reports whether the line has a question (Maybe) that the
// person has not answered.
func (p Proposed) Unanswered() bool {
	return len(p.Maybe) > 0 && p.Confirms == 0 && p.SameAs == 0 && !p.NewLine
}

// HeldBack reports whether an unanswered line is left out of an import
// rather than added: it may be a bank line imported before, which could
// not be removed if it were added twice. An unanswered line whose
// candidates are all entered by hand is added as a new line (the
// hand-entered one can still be removed, if it was the same).
func (p Proposed) HeldBack() bool {
	if !p.Unanswered() {
		return false
	}
	for _, c := range p.Maybe {
		if !c.HandEntered {
			return true
		}
	}
	return false
}

// ImportPlan is the preview of an import: what would be added and what is
// already there. Nothing is saved until the caller saves New.
type ImportPlan struct {
	New        []Proposed      `json:"new"`        // oldest first
	Duplicates []StatementLine `json:"duplicates"` // lines already imported, oldest first
	// Account is the bank account the statement says it is for, if it
	// says.
	Account BankAccount `json:"account,omitzero"`
	// ImportAnyway is set by the caller when the person said to import
	// the statement although its Account is another budget's.
	ImportAnyway bool `json:"import_anyway,omitempty"`
	// Balances are the statement's end-of-day balances
	// (Statement.DayBalances), kept on import so that the ledger can be
	// held against the bank.
	Balances []DayBalance `json:"balances,omitempty"`
}

// Questions is how many new lines have a question not yet answered.
func (p ImportPlan) Questions() int {
	n := 0
	for _, x := range p.New {
		if x.Unanswered() {
			n++
		}
	}
	return n
}

// QuestionSummary says what the questions are, or "" when there are none:
// "2 lines may already be in the ledger: say for each whether it is the
// same line or a new one."
func (p ImportPlan) QuestionSummary() string {
	switch n := p.Questions(); n {
	case 0:
		return ""
	case 1:
		return "1 line may already be in the ledger: say whether it is the same line or a new one."
	default:
		return fmt.Sprintf("%d lines may already be in the ledger: say for each whether it is the same line or a new one.", n)
	}
}

// Summary says in plain English what importing would do: "12 new
// transactions to import (2 confirm ones you entered by hand); 30 lines
// were imported before and will be skipped."
func (p ImportPlan) Summary() string {
	confirms := 0
	for _, n := range p.New {
		if n.Confirms != 0 {
			confirms++
		}
	}
	var s string
	switch len(p.New) {
	case 0:
		s = "Nothing new to import"
	case 1:
		s = "1 new transaction to import"
	default:
		s = fmt.Sprintf("%d new transactions to import", len(p.New))
	}
	switch {
	case confirms == 1 && len(p.New) == 1:
		s += " (it confirms one you entered by hand)"
	case confirms == 1:
		s += " (1 confirms one you entered by hand)"
	case confirms > 1:
		s += fmt.Sprintf(" (%d confirm ones you entered by hand)", confirms)
	}
	switch len(p.Duplicates) {
	case 0:
		return s + "."
	case 1:
		return s + "; 1 line was imported before and will be skipped."
	}
	return s + fmt.Sprintf("; %d lines were imported before and will be skipped.", len(p.Duplicates))
}

// Plan works out what importing a statement would do: which lines are new
// (with a suggested category from the person's payee rules) and which are
// duplicates of lines imported before. It changes nothing.
//
// A line is a duplicate when its ImportKey is in the ledger, or when a
// line imported before (opts.Imported), not already taken by another line
// of this statement, is certainly the same: the same bank id (OFX FITID)
// and amount; or the same date, amount and running balance; or the same
// date and amount, a payee that agrees (PayeesAgree) and nothing the bank
// said to tell them apart (a different bank id or balance). A line
// imported before with the same date and amount whose payee does not
// agree is offered as a question (Maybe), never taken as the same line
// nor silently added twice.
//
// A category is suggested only when a rule fits and names one of the
// account's categories. When a rule names a spending category but the
// line is money in (money back from a shop), "Refund" is suggested
// instead, if the account has it; a rule naming an income category is not
// used for money out.
func Plan(stmt Statement, opts PlanOptions) ImportPlan {
	cats := opts.Categories
	if cats == nil {
		cats = DefaultCategories()
	}
	plan := ImportPlan{New: make([]Proposed, 0, len(stmt.Lines)), Account: stmt.Account, Balances: stmt.DayBalances()}
	lines := stmt.Chronological()
	dup, maybe := recognise(lines, opts)
	for i, l := range lines {
		if dup[i] {
			plan.Duplicates = append(plan.Duplicates, l)
			continue
		}
		key := ImportKey(l)
		payee := l.Description
		if payee == "" {
			payee = l.Type
		}
		if payee == "" {
			payee = "(no description)"
		}
		p := Proposed{Line: l, Transaction: Transaction{
			Date: l.Date, Payee: payee, Amount: l.Amount, Reference: l.Reference,
			Reconciled: true, ImportKey: key,
		}}
		n := NormalisePayee(l.Description)
		if c, ok := suggestNormalised(n, opts.Rules); ok {
			if info, ok := cats.Find(c); ok {
				switch {
				case info.Income == (l.Amount > 0):
					p.Transaction.Category = info.Name
					p.SuggestedBy = "your rule for " + ruleFor(n, opts.Rules)
				case l.Amount > 0 && cats.Has(CatRefund):
					r, _ := cats.Find(CatRefund)
					p.Transaction.Category = r.Name
					p.SuggestedBy = fmt.Sprintf("money back from a payee your rule files under %q", info.Name)
				}
			}
		}
		p.Maybe = maybe[i]
		plan.New = append(plan.New, p)
	}
	if len(opts.Unreconciled) > 0 && len(plan.New) > 0 {
		confirmHandEntered(plan.New, opts.Unreconciled, opts.ToleranceDays)
	}
	return plan
}

// recognise finds the lines (oldest first) that are already in the ledger:
// dup[i] is true for those, and maybe[i] lists the lines imported before
// that line i may be, not certainly (see Plan). Each line imported before
// is taken by one line at most: by its key first, then by the bank's own
// evidence (bank id, balance), then by an agreeing payee.
func recognise(lines []StatementLine, opts PlanOptions) (dup []bool, maybe [][]Candidate) {
	dup = make([]bool, len(lines))
	maybe = make([][]Candidate, len(lines))
	recs := opts.Imported
	taken := make([]bool, len(recs))
	byKey := make(map[string]int, len(recs))
	type dateAmount struct {
		date   civil.Date
		amount money.Money
	}
	byDay := make(map[dateAmount][]int, len(recs))
	byBankID := make(map[string][]int)
	for i, r := range recs {
		byKey[r.Key] = i
		byDay[dateAmount{r.Date, r.Amount}] = append(byDay[dateAmount{r.Date, r.Amount}], i)
		if r.BankID != "" {
			byBankID[r.BankID] = append(byBankID[r.BankID], i)
		}
	}
	seen := make(map[string]bool, len(lines))
	for i, l := range lines {
		key := ImportKey(l)
		if opts.ExistingKeys[key] || seen[key] {
			dup[i] = true
			if ri, ok := byKey[key]; ok {
				taken[ri] = true
			}
		}
		seen[key] = true
	}
	if len(recs) == 0 {
		return dup, maybe
	}
	// tellApart reports whether the bank's own evidence says l and r are
	// different lines.
	tellApart := func(l StatementLine, r BankRecord) bool {
		return (l.BankID != "" && r.BankID != "" && l.BankID != r.BankID) ||
			(l.HasBalance && r.HasBalance && l.Balance != r.Balance)
	}
	pass := func(same func(StatementLine, BankRecord) bool, candidates func(StatementLine) []int) {
		for i, l := range lines {
			if dup[i] {
				continue
			}
			for _, ri := range candidates(l) {
				if !taken[ri] && recs[ri].Amount == l.Amount && same(l, recs[ri]) {
					dup[i], taken[ri] = true, true
					break
				}
			}
		}
	}
	sameDay := func(l StatementLine) []int { return byDay[dateAmount{l.Date, l.Amount}] }
	// The bank's own id for the line, or its running balance that day.
	pass(func(l StatementLine, r BankRecord) bool { return l.BankID != "" && l.BankID == r.BankID },
		func(l StatementLine) []int { return byBankID[l.BankID] })
	pass(func(l StatementLine, r BankRecord) bool {
		return l.HasBalance && r.HasBalance && l.Balance == r.Balance
	}, sameDay)
	// The same day and amount, and a payee that agrees.
	pass(func(l StatementLine, r BankRecord) bool {
		return !tellApart(l, r) && PayeesAgree(l.Description, r.Description)
	}, sameDay)
	// What is left on the same day with the same amount is a question.
	for i, l := range lines {
		if dup[i] {
			continue
		}
		for _, ri := range sameDay(l) {
			if r := recs[ri]; !taken[ri] && !tellApart(l, r) {
				maybe[i] = append(maybe[i], Candidate{ID: r.LedgerID, Date: r.Date, Payee: r.Description, Amount: r.Amount})
			}
		}
	}
	return dup, maybe
}

// ruleFor returns the Match of the rule that suggested for n.
func ruleFor(n string, rules []PayeeRule) string {
	best := ""
	for _, r := range rules {
		m := r.Match
		if m != "" && len(m) >= len(best) && (n == m || (len(n) > len(m) && n[len(m)] == ' ' && n[:len(m)] == m)) {
			best = m
		}
	}
	return best
}

// confirmHandEntered pairs new lines with hand-entered transactions of the
// same amount within the tolerance, when it is certain: the payees agree
// (PayeesAgree) and each is clearly the other's nearest in date of all
// the possible pairs (as MatchPayments). Other possible pairs become
// questions (Maybe), nearest first, for the person to answer: a line
// entered by hand is never taken over by a bank line of another payee.
func confirmHandEntered(news []Proposed, manual []Transaction, toleranceDays int) {
	if toleranceDays <= 0 {
		toleranceDays = DefaultToleranceDays
	}
	byAmount := make(map[money.Money][]int)
	for i, t := range manual {
		if !t.Reconciled && t.ImportKey == "" && t.ID != 0 {
			byAmount[t.Amount] = append(byAmount[t.Amount], i)
		}
	}
	if len(byAmount) == 0 {
		return
	}
	var pairs datePairs // a: new line index, b: hand-entered index
	for ni, p := range news {
		for _, ti := range byAmount[p.Line.Amount] {
			if d := daysApart(p.Line.Date, manual[ti].Date); d <= toleranceDays {
				pairs.add(ni, ti, d)
			}
		}
	}
	cands := pairs.list
	confirmed := make(map[int]bool)
	for ci, c := range cands {
		t := manual[c.b]
		p := &news[c.a]
		if len(p.Maybe) == 0 && PayeesAgree(t.Payee, p.Line.Description) && pairs.clearlyNearest(ci) {
			p.Confirms = t.ID
			confirmed[c.b] = true
			// Keep what the person chose for the entry.
			if t.Category != "" {
				p.Transaction.Category = t.Category
				p.SuggestedBy = "the transaction you entered by hand on " + t.Date.UK()
			}
		}
	}
	// Ask about the rest, nearest in date first.
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	for _, c := range cands {
		p := &news[c.a]
		if p.Confirms != 0 || confirmed[c.b] {
			continue
		}
		t := manual[c.b]
		p.Maybe = append(p.Maybe, Candidate{ID: t.ID, Date: t.Date, Payee: t.Payee, Amount: t.Amount, HandEntered: true})
	}
}
