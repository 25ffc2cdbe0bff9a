package service

import (
	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/storage"
)

// DefaultForecastWeeks is how far a forecast looks unless asked otherwise.
const DefaultForecastWeeks = 12

// ForecastResult is a budget's forecast and how it was worked out.
type ForecastResult struct {
	budget.Forecast
	Start          civil.Date  `json:"start"`
	OpeningBalance money.Money `json:"opening_balance"`
	// SurplusLimit is the council's limit in money (0 when not known);
	// Commitments the contingency plus money set aside.
	SurplusLimit money.Money `json:"surplus_limit"`
	Commitments  money.Money `json:"commitments"`
	// Periods are the planned rota's costs, one per PA per payday.
	Periods []PeriodCost `json:"periods"`
	// Notes say how the wages were counted and what was left out.
	Notes []string `json:"notes"`
}

// Forecast works out a budget's balance week by week for weeks weeks from
// start: the council's payments and the person's contribution on their
// schedules, the planned rota costed with the payroll engine, known bills
// and money owed. It says the week the money runs out, or the week the
// surplus passes the council's limit, if either happens.
func (s *Service) Forecast(accountID int64, start civil.Date, weeks int) (ForecastResult, error) {
	if weeks == 0 {
		weeks = DefaultForecastWeeks
	}
	if start.IsZero() {
		return ForecastResult{}, Invalidf("Choose the day the forecast starts.")
	}
	if weeks < 1 || weeks > budget.MaxForecastWeeks {
		return ForecastResult{}, Invalidf("A forecast is from 1 to %d weeks long.", budget.MaxForecastWeeks)
	}
	res := ForecastResult{Start: start}
	err := s.view("working out the forecast", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		if start.Before(mc.settings.OpeningDate) {
			return Invalidf("The forecast can't start before the account's opening balance on %s.", mc.settings.OpeningDate.UK())
		}
		txs, err := tx.Transactions(accountID)
		if err != nil {
			return err
		}
		res.OpeningBalance = mc.settings.OpeningBalance
		if start.After(mc.settings.OpeningDate) {
			res.OpeningBalance, _, _ = budget.BalanceOn(mc.settings.OpeningBalance, mc.settings.OpeningDate, txs, start.AddDays(-1))
		}
		owedAll, err := tx.OwedItems(accountID)
		if err != nil {
			return err
		}
		owed := budget.OutstandingOn(owedAll, txs, farFuture)
		sas, err := tx.SetAsides(accountID)
		if err != nil {
			return err
		}
		res.Commitments = mc.account.Contingency
		for _, sa := range sas {
			res.Commitments += sa.Amount
		}
		bills, err := tx.Bills(accountID)
		if err != nil {
			return err
		}
		cost, err := costRota(tx, mc, owed, start, weeks)
		if err != nil {
			return err
		}
		res.Periods, res.Notes = cost.periods, cost.notes
		if mc.account.SurplusLimitWeeks > 0 {
			res.SurplusLimit = budget.WeeksOf(mc.account.SurplusLimitWeeks, mc.account.Payment, mc.account.PaymentFrequency)
		}
		f, err := budget.MakeForecast(budget.ForecastInput{
			Start: start, Weeks: weeks, OpeningBalance: res.OpeningBalance,
			Income: mc.incomeSchedules(), WeeklySpending: cost.weekly, Bills: forecastBills(bills), Owed: owed,
			Commitments: res.Commitments, SurplusLimit: res.SurplusLimit, SurplusLimitWeeks: mc.account.SurplusLimitWeeks,
			Council: mc.account.Council,
		})
		if err != nil {
			return refusedInput(err)
		}
		res.Forecast = f
		return nil
	})
	return res, err
}
