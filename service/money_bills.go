package service

import (
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
	detail := fmt.Sprintf("%s to %s from %s", b.Amount.Format(), b.Payee, b.Date.UK())
	err := s.storeMoney("saving the bill", b.AccountID, b.ID == 0, recordAudit{"That bill no longer exists.", "bill added", "bill changed"}, detail,
		func(tx *storage.Tx) error { return tx.InsertBill(&b) }, func(tx *storage.Tx) error { return tx.UpdateBill(b) })
	return b, err
}

// CheckBill checks a bill as SaveBill does, every problem at once, and
// stores nothing.
func (s *Service) CheckBill(b Bill) error {
	b.Payee = strings.TrimSpace(b.Payee)
	if p := budget.CheckBill(b.Bill); len(p) > 0 {
		return invalid(p)
	}
	return nil
}

// RemoveBill removes a known bill.
func (s *Service) RemoveBill(id int64) error {
	return s.remove("removing the bill", "That bill no longer exists.", "bill removed", func(tx *storage.Tx) (int64, string, error) {
		b, err := tx.BillByID(id)
		return b.AccountID, fmt.Sprintf("%s to %s", b.Amount.Format(), b.Payee), err
	}, func(tx *storage.Tx) error { return tx.DeleteBill(id) })
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
