package service

import (
	"fmt"
	"strings"

	"patoolkit/budget"
	"patoolkit/storage"
)

// Categories returns a budget's categories in order, hidden ones too.
func (s *Service) Categories(accountID int64) ([]Category, error) {
	var out []Category
	err := s.view("reading the categories", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		out = mc.cats
		return err
	})
	return out, err
}

// OfferedCategories returns the categories a new ledger line may have: the
// budget's categories less the hidden ones.
func (s *Service) OfferedCategories(accountID int64) (budget.Categories, error) {
	var out budget.Categories
	err := s.view("reading the categories", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		out = mc.offered()
		return err
	})
	return out, err
}

// AddCategory adds a category to a budget's list: income (money in) or
// spending.
func (s *Service) AddCategory(accountID int64, name string, income bool) error {
	name = strings.Join(strings.Fields(name), " ")
	return s.update("adding the category", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		if msg := mc.all().CheckNewCategory(name); msg != "" {
			return fieldError("name", "%s", msg)
		}
		cats := append(mc.cats, Category{CategoryInfo: budget.CategoryInfo{Name: budget.Category(name), Income: income}})
		if err := tx.SaveCategories(accountID, cats); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "category added", name)
	})
}

// SetCategoryHidden hides a category (it is no longer offered for new
// lines; lines that have it keep it) or shows it again.
func (s *Service) SetCategoryHidden(accountID int64, name string, hidden bool) error {
	return s.update("changing the category", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		found := false
		for i, c := range mc.cats {
			if strings.EqualFold(string(c.Name), strings.TrimSpace(name)) {
				mc.cats[i].Hidden, found = hidden, true
				name = string(c.Name)
			}
		}
		if !found {
			return NotFoundf("There is no category called %q.", name)
		}
		if err := tx.SaveCategories(accountID, mc.cats); err != nil {
			return err
		}
		action := "category hidden"
		if !hidden {
			action = "category shown again"
		}
		return tx.Audit(s.now(), accountID, action, name)
	})
}

// RenameCategory renames a category, on every ledger line and payee rule
// that has it too.
func (s *Service) RenameCategory(accountID int64, old, new string) error {
	new = strings.Join(strings.Fields(new), " ")
	return s.update("renaming the category", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		at := -1
		var others budget.Categories
		for i, c := range mc.cats {
			if strings.EqualFold(string(c.Name), strings.TrimSpace(old)) {
				at = i
			} else {
				others = append(others, c.CategoryInfo)
			}
		}
		if at < 0 {
			return NotFoundf("There is no category called %q.", old)
		}
		if msg := others.CheckNewCategory(new); msg != "" {
			return fieldError("name", "%s", msg)
		}
		was := mc.cats[at].Name
		mc.cats[at].Name = budget.Category(new)
		if err := tx.SaveCategories(accountID, mc.cats); err != nil {
			return err
		}
		if err := tx.RenameCategory(accountID, was, budget.Category(new)); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "category renamed", fmt.Sprintf("%s to %s", was, new))
	})
}
