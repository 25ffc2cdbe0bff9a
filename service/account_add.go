package service

import (
	"patoolkit/budget"
	"patoolkit/household"
	"patoolkit/money"
)

// AddAccount stores a new budget, as "Add another budget" does, with the
// balance of its bank account at the start of the day the payment started
// as the ledger's opening balance, in one go (the first run's set-up
// without the employer details, which are given after): nothing is stored
// unless the budget and the balance are both right.
func (s *Service) AddAccount(a household.Account, balance money.Money) (household.Account, error) {
	if a.ID != 0 {
		return a, Invalidf("That budget is already stored: change it rather than adding it again.")
	}
	return s.setup(a, nil, &balance)
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
