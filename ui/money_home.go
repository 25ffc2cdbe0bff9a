package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"patoolkit/service"
	"patoolkit/text"
)

// moneyAtAGlance is the home page's money part: where the budget stands,
// and the next deadlines with the days to go.
func (u *UI) moneyAtAGlance() fyne.CanvasObject {
	today := u.moneyToday()
	box := container.NewVBox(heading("Where you stand"))
	switch m, err := u.svc.MoneyAccount(u.account.ID); {
	case err != nil:
		box.Add(warning(service.ErrorMessage(err)))
	case today.Before(m.OpeningDate):
		box.Add(wrapLabel(fmt.Sprintf("The money figures start on %s, the date of the opening balance (Money settings, %s).", m.OpeningDate.UK(), shortcutLabel(sectionMoney.key()))))
	default:
		st, err := u.svc.MoneyStatus(u.account.ID, today)
		if err != nil {
			box.Add(warning(service.ErrorMessage(err)))
			break
		}
		box.Add(bigText(statusMark(st)))
		box.Add(hintLabel(fmt.Sprintf("Balance %s; owed %s; set aside %s; surplus %s. The figures and the forecast are under Money (%s).",
			st.Balance.Format(), st.Owed.Format(), st.SetAside.Format(), st.Surplus.Format(), shortcutLabel(sectionMoney.key()))))
	}
	box.Add(heading("Next deadlines"))
	ds, err := u.svc.Deadlines(u.account.ID, today)
	if err != nil {
		box.Add(warning(service.ErrorMessage(err)))
		return box
	}
	var rows []fact
	for _, d := range ds {
		rows = append(rows, fact{d.What, fmt.Sprintf("%s %s (%s). %s", d.Date.Weekday(), d.Date.UK(), daysToGo(d.DaysToGo(today)), d.Detail)})
	}
	box.Add(facts(rows...))
	return box
}

// daysToGo is "today", "tomorrow", "in 12 days" or "3 days ago".
func daysToGo(n int) string {
	switch {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n < 0:
		return fmt.Sprintf("%d %s ago", -n, text.Plural(-n, "day", "days"))
	}
	return fmt.Sprintf("in %d days", n)
}
