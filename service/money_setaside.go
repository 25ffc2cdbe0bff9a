package service

import (
	"fmt"
	"strings"

	"patoolkit/budget"
	"patoolkit/storage"
)

// SetAsides returns a budget's money set aside.
func (s *Service) SetAsides(accountID int64) ([]SetAside, error) {
	return readMoney(s, "reading the money set aside", accountID, func(tx *storage.Tx) ([]SetAside, error) {
		return tx.SetAsides(accountID)
	})
}

// SaveSetAside stores money set aside for a purpose (ID 0: new), or a
// change to it.
func (s *Service) SaveSetAside(sa SetAside) (SetAside, error) {
	sa.Purpose = strings.TrimSpace(sa.Purpose)
	if p := budget.CheckSetAside(budget.SetAside{Purpose: sa.Purpose, Amount: sa.Amount}); len(p) > 0 {
		return sa, invalid(p)
	}
	detail := fmt.Sprintf("%s for %s", sa.Amount.Format(), sa.Purpose)
	err := s.storeMoney("saving the money set aside", sa.AccountID, sa.ID == 0, recordAudit{"That money set aside no longer exists.", "money set aside", "money set aside changed"}, detail,
		func(tx *storage.Tx) error { return tx.InsertSetAside(&sa) }, func(tx *storage.Tx) error { return tx.UpdateSetAside(sa) })
	return sa, err
}

// CheckSetAside checks money set aside as SaveSetAside does, every
// problem at once, and stores nothing.
func (s *Service) CheckSetAside(sa SetAside) error {
	if p := budget.CheckSetAside(budget.SetAside{Purpose: strings.TrimSpace(sa.Purpose), Amount: sa.Amount}); len(p) > 0 {
		return invalid(p)
	}
	return nil
}

// RemoveSetAside stops holding money for a purpose.
func (s *Service) RemoveSetAside(id int64) error {
	return s.remove("removing the money set aside", "That money set aside no longer exists.", "money no longer set aside", func(tx *storage.Tx) (int64, string, error) {
		sa, err := tx.SetAsideByID(id)
		return sa.AccountID, fmt.Sprintf("%s for %s", sa.Amount.Format(), sa.Purpose), err
	}, func(tx *storage.Tx) error { return tx.DeleteSetAside(id) })
}
