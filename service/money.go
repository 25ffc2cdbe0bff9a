package service

import (
	"errors"
	"fmt"

	"patoolkit/budget"
	"patoolkit/household"
	"patoolkit/storage"
)

// The money records, as storage keeps them.
type (
	// MoneyAccount is the money side of a budget: opening balance and the
	// dates its payment schedules run from.
	MoneyAccount = storage.MoneyAccount
	// Category is one of a budget's categories, perhaps hidden.
	Category = storage.Category
	// SetAside is money held for a named purpose.
	SetAside = storage.SetAside
	// Bill is a known payment out in the future.
	Bill = storage.Bill
	// LedgerEntry is a ledger line and how many receipts it has.
	LedgerEntry = storage.LedgerEntry
	// Receipt is a receipt or invoice kept for a ledger line.
	Receipt = storage.Receipt
)

// moneyContext is what the money jobs need to know of a budget.
type moneyContext struct {
	account  household.Account
	settings MoneyAccount
	cats     []Category // every category, hidden ones too
}

func loadMoney(tx *storage.Tx, accountID int64) (moneyContext, error) {
	a, err := findBudget(tx, accountID)
	if err != nil {
		return moneyContext{}, err
	}
	mc := moneyContext{account: a}
	mc.settings, err = tx.MoneyAccount(accountID)
	if errors.Is(err, storage.ErrNotFound) {
		mc.settings = defaultMoneyAccount(a)
	} else if err != nil {
		return moneyContext{}, err
	}
	if mc.cats, err = tx.Categories(accountID); err != nil {
		return moneyContext{}, err
	}
	if len(mc.cats) == 0 {
		for _, c := range budget.DefaultCategories() {
			mc.cats = append(mc.cats, Category{CategoryInfo: c})
		}
	}
	return mc, nil
}

// defaultMoneyAccount is the money side of a budget never set up: £0.00 on
// the day the direct payment started, both schedules from that day.
func defaultMoneyAccount(a household.Account) MoneyAccount {
	return MoneyAccount{AccountID: a.ID, OpeningDate: a.StartDate, PaymentFirst: a.StartDate, ContributionFirst: a.StartDate}
}

// all is every category, hidden ones too: any may be on a stored line.
func (mc moneyContext) all() budget.Categories {
	out := make(budget.Categories, len(mc.cats))
	for i, c := range mc.cats {
		out[i] = c.CategoryInfo
	}
	return out
}

// offered is the categories offered for new lines.
func (mc moneyContext) offered() budget.Categories {
	var out budget.Categories
	for _, c := range mc.cats {
		if !c.Hidden {
			out = append(out, c.CategoryInfo)
		}
	}
	return out
}

// incomeSchedules are the council's payment and the person's contribution.
func (mc moneyContext) incomeSchedules() []budget.Schedule {
	a := mc.account
	out := []budget.Schedule{{Label: "Council payment", Amount: a.Payment, Frequency: a.PaymentFrequency, First: mc.settings.PaymentFirst}}
	if a.Contribution > 0 {
		out = append(out, budget.Schedule{Label: "Your contribution", Amount: a.Contribution, Frequency: a.ContributionFrequency, First: mc.settings.ContributionFirst})
	}
	return out
}

// MoneyAccount returns the money side of a budget (the defaults when it
// has never been set).
func (s *Service) MoneyAccount(accountID int64) (MoneyAccount, error) {
	var m MoneyAccount
	err := s.view("reading the account", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		m = mc.settings
		return err
	})
	return m, err
}

// CheckMoneyAccount checks the money settings as SaveMoneyAccount does,
// every problem at once, and stores nothing.
func (s *Service) CheckMoneyAccount(m MoneyAccount) error {
	return s.view("checking the account", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, m.AccountID)
		if err != nil {
			return err
		}
		o := budget.Opening{Balance: m.OpeningBalance, Date: m.OpeningDate, PaymentFirst: m.PaymentFirst, ContributionFirst: m.ContributionFirst}
		if p := budget.CheckOpening(o, mc.account); len(p) > 0 {
			return invalid(p)
		}
		return nil
	})
}

// SaveMoneyAccount stores the opening balance and date and the dates the
// payments start from, after checking them.
func (s *Service) SaveMoneyAccount(m MoneyAccount) (MoneyAccount, error) {
	err := s.update("saving the account", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, m.AccountID)
		if err != nil {
			return err
		}
		o := budget.Opening{Balance: m.OpeningBalance, Date: m.OpeningDate, PaymentFirst: m.PaymentFirst, ContributionFirst: m.ContributionFirst}
		if problems := budget.CheckOpening(o, mc.account); len(problems) > 0 {
			return invalid(problems)
		}
		if m.OpeningBalance != mc.settings.OpeningBalance || m.OpeningDate != mc.settings.OpeningDate {
			rs, err := tx.Returns(m.AccountID)
			if err != nil {
				return err
			}
			for _, x := range rs {
				if !x.Sent.IsZero() {
					return fieldError("opening_balance", "The return for %s to %s was sent to the council on %s, and it starts from the opening balance, so the opening balance can't change now. Enter a correction dated today instead: it will show on the next return.",
						x.From.UK(), x.To.UK(), x.Sent.UK())
				}
			}
		}
		if err := tx.SaveMoneyAccount(m); err != nil {
			return err
		}
		return tx.Audit(s.now(), m.AccountID, "account details changed",
			fmt.Sprintf("opening balance %s on %s", m.OpeningBalance.Format(), m.OpeningDate.UK()))
	})
	return m, err
}
