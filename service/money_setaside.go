package service

import (
	"errors"
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
	err := s.update("saving the money set aside", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, sa.AccountID); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s for %s", sa.Amount.Format(), sa.Purpose)
		if sa.ID == 0 {
			if err := tx.InsertSetAside(&sa); err != nil {
				return err
			}
			return tx.Audit(s.now(), sa.AccountID, "money set aside", detail)
		}
		if err := tx.UpdateSetAside(sa); errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That money set aside no longer exists.")
		} else if err != nil {
			return err
		}
		return tx.Audit(s.now(), sa.AccountID, "money set aside changed", detail)
	})
	return sa, err
}

// RemoveSetAside stops holding money for a purpose.
func (s *Service) RemoveSetAside(id int64) error {
	return s.update("removing the money set aside", func(tx *storage.Tx) error {
		sa, err := tx.SetAsideByID(id)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That money set aside no longer exists.")
		}
		if err != nil {
			return err
		}
		if err := tx.DeleteSetAside(id); err != nil {
			return err
		}
		return tx.Audit(s.now(), sa.AccountID, "money no longer set aside", fmt.Sprintf("%s for %s", sa.Amount.Format(), sa.Purpose))
	})
}
