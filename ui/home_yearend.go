package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/service"
)

// yearEndReminders is the home page's year-end reminders (the P60s due
// from 6 April to 31 May), as the service works them out for today, each
// with a button to the Year end page. Outside those days the box is
// hidden, so the page's layout leaves no gap for it.
func (u *UI) yearEndReminders() fyne.CanvasObject {
	box := container.NewVBox()
	today := u.payToday()
	rs, err := u.svc.YearEndReminders(u.account.ID, today)
	switch {
	case err != nil:
		box.Add(warning(service.ErrorMessage(err)))
		return box
	case len(rs) == 0:
		box.Hide()
		return box
	}
	for _, r := range rs {
		box.Add(container.NewVBox(
			markedLine("Reminder: ", fmt.Sprintf("%s (%s).", r.What, daysToGo(r.DaysToGo(today))), widget.WarningImportance),
			wrapLabel(r.Detail)))
	}
	open := newKeyButton("Open "+yearEndTitle, theme.DocumentIcon(), func() {
		u.ShowSection(sectionPay)
		u.showYearEnd()
	})
	box.Add(buttonRow(open))
	return box
}
