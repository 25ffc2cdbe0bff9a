package service

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
	"patoolkit/storage"
)

// LedgerSort is the order of the ledger on screen.
type LedgerSort string

// The orders.
const (
	NewestFirst     LedgerSort = "newest"
	OldestFirst     LedgerSort = "oldest"
	LargestOutFirst LedgerSort = "largest-out"
	LargestInFirst  LedgerSort = "largest-in"
)

// LedgerSorts lists the orders as a screen offers them.
var LedgerSorts = []LedgerSort{NewestFirst, OldestFirst, LargestOutFirst, LargestInFirst}

// Label is the plain-English name of an order.
func (o LedgerSort) Label() string {
	switch o {
	case OldestFirst:
		return "Oldest first"
	case LargestOutFirst:
		return "Largest money out first"
	case LargestInFirst:
		return "Largest money in first"
	}
	return "Newest first"
}

// LedgerFilter chooses which ledger lines to show, and in what order.
type LedgerFilter struct {
	From, To civil.Date // inclusive; zero leaves that end open
	// Category shows only lines with this category ("" for all).
	Category budget.Category
	// Unsorted shows only lines with no category yet.
	Unsorted bool
	Sort     LedgerSort
}

// Ledger is the lines a filter chose and their totals.
type Ledger struct {
	Entries       []LedgerEntry
	MoneyIn       money.Money
	MoneyOut      money.Money // positive
	NotReconciled int
}

// Ledger returns a budget's ledger lines as f chooses.
func (s *Service) Ledger(accountID int64, f LedgerFilter) (Ledger, error) {
	if !f.From.IsZero() && !f.To.IsZero() { // either may be left open
		if p := rota.CheckDays(f.From, f.To); p != nil {
			return Ledger{}, invalid(p) // the one rule for days that run backwards
		}
	}
	var out Ledger
	err := s.view("reading the ledger", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, accountID); err != nil {
			return err
		}
		all, err := tx.LedgerEntries(accountID, f.From, f.To)
		if err != nil {
			return err
		}
		for _, e := range all {
			switch {
			case f.Unsorted && e.Category != "":
				continue
			case f.Category != "" && !strings.EqualFold(string(e.Category), string(f.Category)):
				continue
			}
			out.Entries = append(out.Entries, e)
			if e.Amount > 0 {
				out.MoneyIn += e.Amount
			} else {
				out.MoneyOut -= e.Amount
			}
			if !e.Reconciled {
				out.NotReconciled++
			}
		}
		return nil
	})
	sortLedger(out.Entries, f.Sort)
	return out, err
}

func sortLedger(es []LedgerEntry, o LedgerSort) {
	less := func(a, b LedgerEntry) bool { // oldest first, as stored
		if c := a.Date.Compare(b.Date); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	}
	switch o {
	case OldestFirst:
		return // already so
	case LargestOutFirst:
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].Amount != es[j].Amount {
				return es[i].Amount < es[j].Amount
			}
			return less(es[j], es[i])
		})
	case LargestInFirst:
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].Amount != es[j].Amount {
				return es[i].Amount > es[j].Amount
			}
			return less(es[j], es[i])
		})
	default:
		for i, j := 0, len(es)-1; i < j; i, j = i+1, j-1 {
			es[i], es[j] = es[j], es[i]
		}
	}
}

// readLedgerLine reads a ledger line and the budget it belongs to; NotFound
// when it no longer exists.
func readLedgerLine(tx *storage.Tx, id int64) (budget.Transaction, int64, error) {
	t, accountID, err := tx.Transaction(id)
	if errors.Is(err, storage.ErrNotFound) {
		return t, 0, NotFoundf("That transaction no longer exists.")
	}
	return t, accountID, err
}

// Transaction returns one ledger line of a budget.
func (s *Service) Transaction(id int64) (budget.Transaction, error) {
	var t budget.Transaction
	err := s.view("reading the transaction", func(tx *storage.Tx) (err error) {
		t, _, err = readLedgerLine(tx, id)
		return err
	})
	return t, err
}

// transactionProblems checks a line as the person typed it: each problem
// is a field error on the field it is about.
func transactionProblems(t budget.Transaction, cats budget.Categories) household.Problems {
	return budget.CheckTransaction(t, cats)
}

// CheckTransaction checks a transaction as SaveTransaction does, every
// problem at once, and stores nothing: a form that could not read some
// of its boxes still shows every other problem in the same round.
func (s *Service) CheckTransaction(accountID int64, t budget.Transaction) error {
	trimSpaces(&t.Payee, &t.Reference, &t.Note)
	return s.view("checking the transaction", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		t.Category = canonicalCategory(t.Category, mc.all())
		if p := transactionProblems(t, mc.all()); len(p) > 0 {
			return invalid(p)
		}
		return nil
	})
}

// canonicalCategory returns the category as the list writes it (the
// person may type it in any case).
func canonicalCategory(c budget.Category, cats budget.Categories) budget.Category {
	if info, ok := cats.Find(c); ok {
		return info.Name
	}
	return budget.Category(strings.TrimSpace(string(c)))
}

func describeTx(t budget.Transaction) string {
	s := fmt.Sprintf("%s %s %s", t.Date.UK(), t.Payee, t.Amount.Format())
	if t.Category != "" {
		s += " (" + string(t.Category) + ")"
	}
	return s
}

// SaveTransaction stores a new ledger line entered by hand (ID 0) or a
// change to one, after checking it. A line from a bank statement keeps the
// bank's date and amount: only its payee, category, reference and note
// may change. A new line that pays something owed is matched to it when
// amount, payee and date agree.
func (s *Service) SaveTransaction(accountID int64, t budget.Transaction) (budget.Transaction, error) {
	trimSpaces(&t.Payee, &t.Reference, &t.Note)
	err := s.update("saving the transaction", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		t.Category = canonicalCategory(t.Category, mc.all())
		var stored budget.Transaction
		if t.ID != 0 {
			var acc int64
			stored, acc, err = tx.Transaction(t.ID)
			if errors.Is(err, storage.ErrNotFound) || (err == nil && acc != accountID) {
				return NotFoundf("That transaction no longer exists.")
			}
			if err != nil {
				return err
			}
		}
		problems := transactionProblems(t, mc.all())
		if t.Category != "" && t.Category != stored.Category && !mc.offered().Has(t.Category) && len(problems) == 0 {
			problems = append(problems, household.FieldError{Field: "category", Message: fmt.Sprintf("%q is hidden: choose another category, or show it again under Money settings.", t.Category)})
		}
		if !mc.settings.OpeningDate.IsZero() && !t.Date.IsZero() && t.Date.Before(mc.settings.OpeningDate) {
			problems = append(problems, household.FieldError{Field: "date", Message: fmt.Sprintf(
				"%s is before the account's opening balance on %s, so the line would not count. Check the date, or change the opening balance under Money settings.", t.Date.UK(), mc.settings.OpeningDate.UK())})
		}
		if stored.ImportKey != "" && (t.Date != stored.Date || t.Amount != stored.Amount) {
			problems = append(problems, household.FieldError{Field: "amount", Message: fmt.Sprintf(
				"This line came from your bank statement, so its date (%s) and amount (%s) stay as the bank has them. You can change the payee, category, reference and note.", stored.Date.UK(), stored.Amount.Format())})
		}
		if len(problems) > 0 {
			return invalid(problems)
		}
		if err := lockedLine(tx, accountID, t, stored); err != nil {
			return err
		}
		if t.ID == 0 {
			t.Reconciled, t.ImportKey, t.SettlesID = false, "", 0
			if err := tx.InsertTransaction(accountID, &t); err != nil {
				return err
			}
			if err := tx.Audit(s.now(), accountID, "transaction added", describeTx(t)); err != nil {
				return err
			}
			if _, err := s.autoMatch(tx, accountID); err != nil {
				return err
			}
			t, _, err = tx.Transaction(t.ID)
			return err
		}
		t.Reconciled, t.ImportKey, t.SettlesID = stored.Reconciled, stored.ImportKey, stored.SettlesID
		if err := tx.UpdateTransaction(accountID, t); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "transaction changed", describeTx(t))
	})
	return t, err
}

// DeleteTransaction removes a line entered by hand, with its receipts. A
// line from a bank statement cannot be removed: the bank has it.
func (s *Service) DeleteTransaction(id int64) error {
	return s.update("removing the transaction", func(tx *storage.Tx) error {
		t, accountID, err := readLedgerLine(tx, id)
		if err != nil {
			return err
		}
		if t.Reconciled || t.ImportKey != "" {
			return Conflictf("This line is on your bank statement, so it can't be removed: the council will see it there. Correct its category or note instead.")
		}
		if err := sentReturnError(tx, accountID, t.Date); err != nil {
			return err
		}
		if err := tx.DeleteTransaction(id); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "transaction removed", describeTx(t))
	})
}
