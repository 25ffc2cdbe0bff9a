package service

import (
	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/storage"
)

// MoneyStatus says where a budget stands at the end of on: balance, money
// owed, set aside and contingency, the surplus and the council's limit,
// with a plain-English headline.
func (s *Service) MoneyStatus(accountID int64, on civil.Date) (budget.Status, error) {
	if on.IsZero() {
		return budget.Status{}, Invalidf("Choose the date to report on.")
	}
	var st budget.Status
	err := s.view("working out where you stand", func(tx *storage.Tx) (err error) {
		st, err = moneyStatus(tx, accountID, on)
		return err
	})
	return st, err
}

// moneyStatus is Where I stand at the end of on.
func moneyStatus(tx *storage.Tx, accountID int64, on civil.Date) (budget.Status, error) {
	var st budget.Status
	err := func() error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		owed, txs, err := owedAndPaid(tx, accountID)
		if err != nil {
			return err
		}
		sas, err := tx.SetAsides(accountID)
		if err != nil {
			return err
		}
		in := budget.StatusInput{
			OpeningBalance: mc.settings.OpeningBalance, OpeningDate: mc.settings.OpeningDate,
			Transactions: txs, On: on, Owed: budget.OutstandingOn(owed, txs, on),
			Contingency: mc.account.Contingency, Payment: mc.account.Payment, PaymentFrequency: mc.account.PaymentFrequency,
			SurplusLimitWeeks: mc.account.SurplusLimitWeeks, Council: mc.account.Council,
		}
		for _, sa := range sas {
			in.SetAside = append(in.SetAside, budget.SetAside{Purpose: sa.Purpose, Amount: sa.Amount})
		}
		if in.Bank, in.HasBank, err = tx.LatestStatementBalance(accountID, on); err != nil {
			return err
		}
		st, err = budget.WhereIStand(in)
		if err != nil {
			return refusedInput(err)
		}
		return nil
	}()
	return st, err
}
