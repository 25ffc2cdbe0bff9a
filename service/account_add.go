package service

import (
	"fmt"

	"patoolkit/budget"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/storage"
)

// AddAccount stores a new budget, as "Add another budget" does
// (SaveAccount), with the balance of its bank account at the start of the
// day the payment started as the ledger's opening balance, in one go:
// nothing is stored unless the budget and the balance are both right.
func (s *Service) AddAccount(a household.Account, balance money.Money) (household.Account, error) {
	if a.ID != 0 {
		return a, Invalidf("That budget is already stored: change it rather than adding it again.")
	}
	tidyAccount(&a)
	problems := FieldProblems(household.ValidateAccount(a))
	m := defaultMoneyAccount(a)
	m.OpeningBalance = balance
	problems = append(problems, openingBalanceProblems(m, a)...)
	if len(problems) > 0 {
		return a, invalid(problems)
	}
	err := s.update("saving the new budget", func(tx *storage.Tx) error {
		if err := s.saveAccount(tx, &a); err != nil {
			return err
		}
		m.AccountID = a.ID
		if err := tx.SaveMoneyAccount(m); err != nil {
			return err
		}
		return tx.Audit(s.now(), a.ID, "account details changed", fmt.Sprintf("opening balance %s on %s", m.OpeningBalance.Format(), m.OpeningDate.UK()))
	})
	if err != nil {
		a.ID = 0
	}
	return a, err
}

// openingBalanceProblems is what is wrong with a new budget's opening
// balance (budget.CheckOpening's opening_balance field).
func openingBalanceProblems(m MoneyAccount, a household.Account) household.Problems {
	var out household.Problems
	for _, p := range budget.CheckOpening(budget.Opening{Balance: m.OpeningBalance, Date: m.OpeningDate, PaymentFirst: m.PaymentFirst, ContributionFirst: m.ContributionFirst}, a) {
		if p.Field == "opening_balance" {
			out = append(out, p)
		}
	}
	return out
}
