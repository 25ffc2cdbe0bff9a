package service

import (
	"errors"
	"fmt"
	"strings"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/storage"
)

// farFuture is a date after any real one, for "everything so far".
var farFuture = civil.New(2200, 12, 31)

// owedAndPaid reads a budget's owed items and its ledger's transactions,
// what budget.OutstandingOn works out what is still owed from.
func owedAndPaid(tx *storage.Tx, accountID int64) ([]budget.Owed, []budget.Transaction, error) {
	owed, err := tx.OwedItems(accountID)
	if err != nil {
		return nil, nil, err
	}
	txs, err := tx.Transactions(accountID)
	return owed, txs, err
}

// autoMatch records the payments that certainly settle owed items (same
// amount, payee and nearby date; see budget.MatchPayments), giving each
// payment with no category the category of what it settles. It returns how
// many it recorded.
func (s *Service) autoMatch(tx *storage.Tx, accountID int64) (int, error) {
	owed, err := tx.OwedItems(accountID)
	if err != nil || len(owed) == 0 {
		return 0, err
	}
	txs, err := tx.Transactions(accountID)
	if err != nil {
		return 0, err
	}
	outstanding := budget.OutstandingOn(owed, txs, farFuture)
	if len(outstanding) == 0 {
		return 0, nil
	}
	byID := make(map[int64]budget.Transaction, len(txs))
	for _, t := range txs {
		byID[t.ID] = t
	}
	kinds := make(map[int64]budget.OwedKind, len(owed))
	for _, o := range owed {
		kinds[o.ID] = o.Kind
	}
	n := 0
	for _, m := range budget.MatchPayments(outstanding, txs, 0) {
		if !m.Auto {
			continue
		}
		t := byID[m.TxID]
		t.SettlesID = m.OwedID
		if t.Category == "" {
			t.Category = budget.CategoryForOwed(kinds[m.OwedID])
		}
		if err := tx.UpdateTransaction(accountID, t); err != nil {
			return n, err
		}
		if err := tx.Audit(s.now(), accountID, "payment matched", m.Reason); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// owedItem reads an owed item and the budget it belongs to; NotFound when
// it no longer exists.
func owedItem(tx *storage.Tx, id int64) (budget.Owed, int64, error) {
	o, accountID, err := tx.OwedItem(id)
	if errors.Is(err, storage.ErrNotFound) {
		return o, 0, NotFoundf("That money owed no longer exists.")
	}
	return o, accountID, err
}

// OwedItem is an owed item and what is left to pay on a day.
type OwedItem struct {
	budget.Owed
	// Left is what is still to pay (0 when settled).
	Left money.Money `json:"left"`
	// PaidBy are the ledger lines that settle it.
	PaidBy []budget.Transaction `json:"paid_by,omitempty"`
}

// OwedItems returns a budget's owed items, by due date: all of them, or
// only those still owed at the end of on (when on is not zero).
func (s *Service) OwedItems(accountID int64, on civil.Date) ([]OwedItem, error) {
	var out []OwedItem
	err := s.view("reading what is owed", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, accountID); err != nil {
			return err
		}
		owed, txs, err := owedAndPaid(tx, accountID)
		if err != nil {
			return err
		}
		day := on
		if day.IsZero() {
			day = farFuture
		}
		left := map[int64]money.Money{}
		for _, o := range budget.OutstandingOn(owed, txs, day) {
			left[o.ID] = o.Amount
		}
		paid := map[int64][]budget.Transaction{}
		for _, t := range txs {
			if t.SettlesID != 0 {
				paid[t.SettlesID] = append(paid[t.SettlesID], t)
			}
		}
		for _, o := range owed {
			if !on.IsZero() && left[o.ID] == 0 {
				continue
			}
			out = append(out, OwedItem{Owed: o, Left: left[o.ID], PaidBy: paid[o.ID]})
		}
		return nil
	})
	return out, err
}

// CheckOwed checks money owed as AddOwed does, every problem at once, and
// stores nothing.
func (s *Service) CheckOwed(o budget.Owed) error {
	o.Payee = strings.TrimSpace(o.Payee)
	if p := budget.CheckOwed(o); len(p) > 0 {
		return invalid(p)
	}
	return nil
}

// AddOwed records money the budget owes: an unpaid invoice, wages, HMRC or
// pension. A payment already in the ledger that certainly settles it is
// matched at once.
func (s *Service) AddOwed(accountID int64, o budget.Owed) (budget.Owed, error) {
	o.Payee = strings.TrimSpace(o.Payee)
	o.Settled = false
	if p := budget.CheckOwed(o); len(p) > 0 {
		return o, invalid(p)
	}
	err := s.update("recording money owed", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, accountID); err != nil {
			return err
		}
		if err := tx.InsertOwed(accountID, &o); err != nil {
			return err
		}
		if err := tx.Audit(s.now(), accountID, "money owed added", fmt.Sprintf("%s %s to %s, due %s", o.Amount.Format(), o.Kind.Label(), o.Payee, o.Due.UK())); err != nil {
			return err
		}
		_, err := s.autoMatch(tx, accountID)
		return err
	})
	return o, err
}

// SettleOwed records by hand that the ledger line txID pays (all or part
// of) the owed item owedID. The line must be money out of the same budget
// that settles nothing else yet.
func (s *Service) SettleOwed(owedID, txID int64) error {
	return s.update("recording the payment", func(tx *storage.Tx) error {
		o, accountID, err := owedItem(tx, owedID)
		if err != nil {
			return err
		}
		t, txAccount, err := tx.Transaction(txID)
		if errors.Is(err, storage.ErrNotFound) || (err == nil && txAccount != accountID) {
			return NotFoundf("That payment is not in this budget's ledger.")
		}
		if err != nil {
			return err
		}
		switch {
		case t.Amount >= 0:
			return Invalidf("%s from %s on %s is money in, so it can't pay what is owed. Choose a payment out.", t.Amount.Format(), t.Payee, t.Date.UK())
		case t.SettlesID == owedID:
			return nil
		case t.SettlesID != 0:
			return Conflictf("The payment of %s to %s on %s already settles something else. Choose another payment.", (-t.Amount).Format(), t.Payee, t.Date.UK())
		case o.Settled:
			return Conflictf("The %s to %s is already marked as paid.", o.Kind.Label(), o.Payee)
		}
		txs, err := tx.Transactions(accountID)
		if err != nil {
			return err
		}
		if len(budget.OutstandingOn([]budget.Owed{o}, txs, farFuture)) == 0 {
			return Conflictf("The %s to %s is already paid in full.", o.Kind.Label(), o.Payee)
		}
		t.SettlesID = owedID
		if t.Category == "" {
			t.Category = budget.CategoryForOwed(o.Kind)
		}
		if err := tx.UpdateTransaction(accountID, t); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "payment matched by hand",
			fmt.Sprintf("%s to %s on %s settles %s owed to %s", (-t.Amount).Format(), t.Payee, t.Date.UK(), o.Amount.Format(), o.Payee))
	})
}

// MarkOwedSettled records that an owed item was paid without a line in
// this ledger (from another account) or that the person wrote it off.
func (s *Service) MarkOwedSettled(owedID int64) error {
	return s.update("marking the money owed as paid", func(tx *storage.Tx) error {
		o, accountID, err := owedItem(tx, owedID)
		if err != nil {
			return err
		}
		o.Settled = true
		if err := tx.UpdateOwed(accountID, o); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "money owed marked paid", fmt.Sprintf("%s %s to %s", o.Amount.Format(), o.Kind.Label(), o.Payee))
	})
}

// SettleCandidates returns the payments out that could pay an owed item,
// best first (see budget.SettleCandidates).
func (s *Service) SettleCandidates(owedID int64) ([]budget.Transaction, error) {
	return read(s, "finding payments", func(tx *storage.Tx) ([]budget.Transaction, error) {
		o, accountID, err := owedItem(tx, owedID)
		if err != nil {
			return nil, err
		}
		txs, err := tx.Transactions(accountID)
		if err != nil {
			return nil, err
		}
		return budget.SettleCandidates(o, txs), nil
	})
}
