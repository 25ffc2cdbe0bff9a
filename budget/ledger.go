package budget

import (
	"fmt"
	"sort"
	"strings"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
	"patoolkit/text"
)

// Transaction is one line of the ledger: money in (positive) or out
// (negative) of the direct payment account.
type Transaction struct {
	ID        int64       `json:"id"`
	Date      civil.Date  `json:"date"`
	Payee     string      `json:"payee"`
	Amount    money.Money `json:"amount"` // + money in, − money out
	Category  Category    `json:"category"`
	Reference string      `json:"reference,omitempty"`
	Note      string      `json:"note,omitempty"`
	// Reconciled is true once the transaction is matched to a line of a
	// bank statement.
	Reconciled bool `json:"reconciled"`
	// ImportKey is the key of the bank statement line it came from or was
	// matched to (see ImportKey); "" when entered by hand and not yet
	// reconciled. Storage keeps it unique per account.
	ImportKey string `json:"import_key,omitempty"`
	// SettlesID is the ID of the owed item (Owed.ID) this payment settles,
	// or 0.
	SettlesID int64 `json:"settles_id,omitempty"`
	// CorrectsReturn is the ID of the sent return this line corrects (a
	// line that belongs in a locked period, entered in an open one), or 0.
	CorrectsReturn int64 `json:"corrects_return,omitempty"`
}

// CheckTransaction returns what is wrong with a transaction before it is
// saved, one plain sentence for each field at fault ("date", "payee",
// "amount", "category", "reference", "note"), or nil. An empty category is
// allowed (a line imported but not yet sorted); any other category must be
// in cats.
func CheckTransaction(t Transaction, cats Categories) field.Errors {
	var out field.Errors
	if t.Date.IsZero() {
		out.Add("date", "The date is needed.")
	}
	if strings.TrimSpace(t.Payee) == "" {
		out.Add("payee", "Say who the money was paid to or came from.")
	}
	if t.Amount == 0 {
		out.Add("amount", "The amount can't be £0.00: enter money in as a positive amount and money out as a negative one.")
	}
	if t.Amount.Abs() > maxAmount {
		out.Add("amount", "%s is too large to be right: check the amount.", t.Amount.Format())
	}
	if t.Category != "" && !cats.Has(t.Category) {
		out.Add("category", "%q is not one of this account's categories: choose one from the list, or add it first.", t.Category)
	}
	// The payee and reference are one line (a row of the ledger, a cell of
	// the return); the note may have several lines.
	for _, f := range []struct {
		name, label, v string
		kind           text.Kind
	}{{"payee", "The payee", t.Payee, text.Line}, {"reference", "The reference", t.Reference, text.Line}, {"note", "The note", t.Note, text.Lines}} {
		if msg := text.Check(f.label, f.v, f.kind); msg != "" {
			out = append(out, field.Error{Field: f.name, Message: msg})
		}
	}
	return out
}

// refused is the refusal of input with the problems msgs, none about one
// field of a form: field errors, shown together.
func refused(msgs []string) error {
	out := make(field.Errors, len(msgs))
	for i, m := range msgs {
		out[i] = field.Error{Message: m}
	}
	return out
}

// BalanceOn returns the balance at the end of day on: the opening balance
// plus every transaction dated from the opening date to on, inclusive.
//
// The opening balance is the balance at the start of openingDate, so a
// transaction dated on the opening date counts. Transactions dated before
// the opening date are already inside the opening balance: they are not
// counted, and their number is returned in ignored so the caller can say
// so. When on is before the opening date the balance is not known: ok is
// false.
func BalanceOn(opening money.Money, openingDate civil.Date, txs []Transaction, on civil.Date) (balance money.Money, ignored int, ok bool) {
	if on.Before(openingDate) {
		return 0, 0, false
	}
	balance = opening
	for i := range txs {
		t := &txs[i]
		if t.Date.Before(openingDate) {
			ignored++
			continue
		}
		if !t.Date.After(on) {
			balance += t.Amount
		}
	}
	return balance, ignored, true
}

// OwedKind says what an owed item is for.
type OwedKind string

const (
	OwedNetPay  OwedKind = "net-pay" // a PA's net wages from a pay run
	OwedHMRC    OwedKind = "hmrc"    // PAYE tax and NI due to HMRC
	OwedPension OwedKind = "pension" // contributions due to the pension scheme
	OwedInvoice OwedKind = "invoice" // a bill from a supplier or agency
)

// owedNames holds each kind's two names: in plain English, as in "unpaid
// wages", and on a form.
var owedNames = map[OwedKind]struct{ label, form string }{
	OwedNetPay:  {"unpaid wages", "A PA's wages (net pay)"},
	OwedHMRC:    {"HMRC due", "Tax and NI due to HMRC"},
	OwedPension: {"pension due", "Pension contributions"},
	OwedInvoice: {"unpaid invoices", "An invoice or bill"},
}

// Label is the plain-English name of a kind, as in "unpaid wages".
func (k OwedKind) Label() string {
	if n, ok := owedNames[k]; ok {
		return n.label
	}
	return "other money owed"
}

// OwedKinds lists the kinds of owed item as a form offers them.
var OwedKinds = []OwedKind{OwedInvoice, OwedNetPay, OwedHMRC, OwedPension}

// FormLabel is a kind's name on a form: "An invoice or bill", "A PA's
// wages (net pay)".
func (k OwedKind) FormLabel() string {
	if n, ok := owedNames[k]; ok {
		return n.form
	}
	return string(k)
}

// Owed is money the account owes: what a pay run says a PA, HMRC or the
// pension scheme is due, or an invoice.
type Owed struct {
	ID     int64       `json:"id"`
	Kind   OwedKind    `json:"kind"`
	Payee  string      `json:"payee"`
	Amount money.Money `json:"amount"` // positive: the amount owed
	// Raised is when it became owed (the pay run or invoice date); zero
	// means it is owed on every date.
	Raised civil.Date `json:"raised,omitempty"`
	Due    civil.Date `json:"due"`
	// Settled is set when the item was settled without a transaction in
	// this ledger (paid from elsewhere, or written off by the person).
	Settled bool `json:"settled"`
}

// OutstandingOn returns the items still owed at the end of day on, each
// with Amount reduced to what is left to pay. An item counts from its
// Raised date. It is paid by the transactions whose SettlesID is its ID and
// that are dated on or before on (a part payment leaves the rest owed); an
// item marked Settled with no settling transaction is settled on every
// date.
func OutstandingOn(owed []Owed, txs []Transaction, on civil.Date) []Owed {
	paid := make(map[int64]money.Money)
	hasTx := make(map[int64]bool)
	for _, t := range txs {
		if t.SettlesID == 0 {
			continue
		}
		hasTx[t.SettlesID] = true
		if !t.Date.After(on) {
			paid[t.SettlesID] += -t.Amount
		}
	}
	var out []Owed
	for _, o := range owed {
		if o.Amount <= 0 || (!o.Raised.IsZero() && o.Raised.After(on)) {
			continue
		}
		if o.Settled && !hasTx[o.ID] {
			continue
		}
		left := o.Amount - paid[o.ID]
		if left <= 0 {
			continue
		}
		o.Amount = left
		out = append(out, o)
	}
	return out
}

// settleWindowDays and maxSettleCandidates bound the payments offered to
// settle an owed item by hand.
const (
	settleWindowDays    = 60
	maxSettleCandidates = 30
)

// SettleCandidates returns the payments out of txs that could pay o, for
// a person to choose from, best first: not settling anything yet, dated
// within 60 days of the due date, the exact amount before the rest, then
// the nearest in date; 30 at most.
func SettleCandidates(o Owed, txs []Transaction) []Transaction {
	var out []Transaction
	for _, t := range txs {
		if t.Amount < 0 && t.SettlesID == 0 && daysApart(t.Date, o.Due) <= settleWindowDays {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ei, ej := -out[i].Amount == o.Amount, -out[j].Amount == o.Amount
		if ei != ej {
			return ei
		}
		return daysApart(out[i].Date, o.Due) < daysApart(out[j].Date, o.Due)
	})
	if len(out) > maxSettleCandidates {
		out = out[:maxSettleCandidates]
	}
	return out
}

// DefaultToleranceDays is how far apart a payment and an owed item's due
// date may be for MatchPayments to pair them.
const DefaultToleranceDays = 7

// Match pairs an owed item with the payment that settles it.
type Match struct {
	OwedID int64 `json:"owed_id"`
	TxID   int64 `json:"tx_id"`
	// Auto is true when the pair is certain enough to record without
	// asking; false when it is one of several possible pairs for a person
	// to choose from.
	Auto   bool   `json:"auto"`
	Reason string `json:"reason"`
}

// MatchPayments pairs unsettled owed items with payments out that settle
// them. A pair needs the same amount (the payment is exactly the amount
// owed, going out), the payee to agree (see PayeeMatches) and the payment
// dated within toleranceDays of the due date (0 or less means
// DefaultToleranceDays). Transactions already settling something and items
// already settled are left alone.
//
// A pair is automatic (Auto) only when the payment is clearly the nearest
// in date of the item's possible payments, and the item clearly the
// nearest of the payment's possible items: every other possible pair is at
// least 4 days further apart. Two weekly wages of the same amount to the
// same PA, each paid on its due date, match automatically; a payment half
// way between two due dates, or two payments on consecutive days, is left
// for a person. Pairs that are
// possible but not certain are returned with Auto false, so a screen can
// offer them. The result is ordered by owed ID, then transaction ID.
func MatchPayments(owed []Owed, txs []Transaction, toleranceDays int) []Match {
	if toleranceDays <= 0 {
		toleranceDays = DefaultToleranceDays
	}
	// Index payments out by amount so each item looks only at its own.
	byAmount := make(map[money.Money][]int)
	for i, t := range txs {
		if t.Amount < 0 && t.SettlesID == 0 {
			byAmount[-t.Amount] = append(byAmount[-t.Amount], i)
		}
	}
	var cands datePairs // a: owed index, b: transaction index
	for oi, o := range owed {
		if o.Settled || o.Amount <= 0 {
			continue
		}
		for _, ti := range byAmount[o.Amount] {
			t := txs[ti]
			d := daysApart(t.Date, o.Due)
			if d > toleranceDays || !PayeeMatches(o.Payee, t.Payee) {
				continue
			}
			cands.add(oi, ti, d)
		}
	}
	out := make([]Match, 0, len(cands.list))
	for ci, c := range cands.list {
		o, t := owed[c.a], txs[c.b]
		m := Match{OwedID: o.ID, TxID: t.ID}
		if cands.clearlyNearest(ci) {
			m.Auto = true
			m.Reason = fmt.Sprintf("%s to %s on %s matches %s owed to %s, due %s.",
				(-t.Amount).Format(), t.Payee, t.Date.UK(), o.Amount.Format(), o.Payee, o.Due.UK())
		} else {
			m.Reason = fmt.Sprintf("%s to %s on %s could settle %s owed to %s, due %s, but another payment or item fits as well: choose by hand.",
				(-t.Amount).Format(), t.Payee, t.Date.UK(), o.Amount.Format(), o.Payee, o.Due.UK())
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].OwedID != out[j].OwedID {
			return out[i].OwedID < out[j].OwedID
		}
		return out[i].TxID < out[j].TxID
	})
	return out
}

// PayeeMatches reports whether the payee of an owed item (as the toolkit
// knows it: "Zoe Ni Bhriain", "HMRC", "NEST") and the payee of a bank
// transaction ("Z NI BHRIAIN WAGES", "HMRC CUMBERNAULD") name the same
// party. Both are normalised (NormalisePayee); every word of the owed
// payee must appear in the transaction's payee, where a single letter
// matches a word it is the initial of, and at least one matched word must
// be whole and three letters or longer. "HM Revenue & Customs" and "HMRC"
// are the same party.
func PayeeMatches(owedPayee, txPayee string) bool {
	a := strings.Fields(hmrcAlias(NormalisePayee(owedPayee)))
	b := strings.Fields(hmrcAlias(NormalisePayee(txPayee)))
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	strong := false
	for _, w := range a {
		found := false
		for _, v := range b {
			switch {
			case w == v:
				found = true
				if len(w) >= 3 {
					strong = true
				}
			case len(w) == 1 && v[0] == w[0], len(v) == 1 && w[0] == v[0]:
				found = true
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return strong
}

func hmrcAlias(s string) string {
	for _, long := range []string{"HM REVENUE & CUSTOMS", "HM REVENUE AND CUSTOMS", "HM REVENUE CUSTOMS", "HMRC NDDS", "HMRC SHIPLEY", "HMRC CUMBERNAULD"} {
		if strings.Contains(s, long) {
			s = strings.Replace(s, long, "HMRC", 1)
		}
	}
	return s
}
