package budget

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

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
}

// ImportPlan is the preview of an import: what would be added and what is
// already there. Nothing is saved until the caller saves New.
type ImportPlan struct {
	New        []Proposed      `json:"new"`        // oldest first
	Duplicates []StatementLine `json:"duplicates"` // lines already imported, oldest first
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
	plan := ImportPlan{New: make([]Proposed, 0, len(stmt.Lines))}
	seen := make(map[string]bool, len(stmt.Lines))
	for _, l := range stmt.Chronological() {
		key := ImportKey(l)
		if opts.ExistingKeys[key] || seen[key] {
			plan.Duplicates = append(plan.Duplicates, l)
			continue
		}
		seen[key] = true
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
		plan.New = append(plan.New, p)
	}
	if len(opts.Unreconciled) > 0 && len(plan.New) > 0 {
		confirmHandEntered(plan.New, opts.Unreconciled, opts.ToleranceDays)
	}
	return plan
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
// same amount within the tolerance, when each is clearly the other's
// nearest in date (as MatchPayments).
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
	type cand struct{ n, t, dist int }
	var cands []cand
	perNew := make(map[int][]int)
	perTx := make(map[int][]int)
	for ni, p := range news {
		for _, ti := range byAmount[p.Line.Amount] {
			d := p.Line.Date.DaysSince(manual[ti].Date)
			if d < 0 {
				d = -d
			}
			if d > toleranceDays {
				continue
			}
			perNew[ni] = append(perNew[ni], len(cands))
			perTx[ti] = append(perTx[ti], len(cands))
			cands = append(cands, cand{ni, ti, d})
		}
	}
	unique := func(list []int, c int) bool {
		for _, k := range list {
			if k != c && cands[k].dist < cands[c].dist+clearMarginDays {
				return false
			}
		}
		return true
	}
	for ci, c := range cands {
		if unique(perNew[c.n], ci) && unique(perTx[c.t], ci) {
			t := manual[c.t]
			p := &news[c.n]
			p.Confirms = t.ID
			// Keep what the person chose for the entry.
			if t.Category != "" {
				p.Transaction.Category = t.Category
				p.SuggestedBy = "the transaction you entered by hand on " + t.Date.UK()
			}
		}
	}
}
