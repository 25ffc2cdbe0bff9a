package service

import (
	"errors"
	"fmt"
	"strings"

	"patoolkit/budget"
	"patoolkit/storage"
)

// Bills returns a budget's known bills.
func (s *Service) Bills(accountID int64) ([]Bill, error) {
	return readMoney(s, "reading the bills", accountID, func(tx *storage.Tx) ([]Bill, error) {
		return tx.Bills(accountID)
	})
}

// SaveBill stores a known bill (ID 0: new) or a change to it, after
// checking it (budget.CheckBill). A yearly bill is kept as one; the
// forecast takes it as one bill a year (budget.YearlyBills).
func (s *Service) SaveBill(b Bill) (Bill, error) {
	b.Payee = strings.TrimSpace(b.Payee)
	if p := budget.CheckBill(b.Bill); len(p) > 0 {
		return b, invalid(p)
	}
	err := s.update("saving the bill", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, b.AccountID); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s to %s from %s", b.Amount.Format(), b.Payee, b.Date.UK())
		if b.ID == 0 {
			if err := tx.InsertBill(&b); err != nil {
				return err
			}
			return tx.Audit(s.now(), b.AccountID, "bill added", detail)
		}
		if err := tx.UpdateBill(b); errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That bill no longer exists.")
		} else if err != nil {
			return err
		}
		return tx.Audit(s.now(), b.AccountID, "bill changed", detail)
	})
	return b, err
}

// RemoveBill removes a known bill.
func (s *Service) RemoveBill(id int64) error {
	return s.update("removing the bill", func(tx *storage.Tx) error {
		b, err := tx.BillByID(id)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That bill no longer exists.")
		}
		if err != nil {
			return err
		}
		if err := tx.DeleteBill(id); err != nil {
			return err
		}
		return tx.Audit(s.now(), b.AccountID, "bill removed", fmt.Sprintf("%s to %s", b.Amount.Format(), b.Payee))
	})
}

// forecastBills turns stored bills into the forecast's (see
// budget.YearlyBills).
func forecastBills(bills []Bill) []budget.Bill {
	out := make([]budget.Bill, len(bills))
	for i, b := range bills {
		out[i] = b.Bill
	}
	return budget.YearlyBills(out)
}
