package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
	"patoolkit/text"
)

// showContracts lists a PA's terms by the date they start, newest first.
// New terms from a date keep the earlier ones, so past pay is always
// worked out on the rates of the time.
func (u *UI) showContracts(paID int64) {
	back := newKeyButton("Back to the PA", theme.NavigateBackIcon(), func() { u.showPA(paID) })
	back.onEscape = func() { u.showPA(paID) }
	p, err := u.svc.PA(paID)
	if err != nil {
		u.showPage(page(pageTitle("Contracts and rates"), warning(service.ErrorMessage(err)), back), back, u.showPeople)
		return
	}
	contracts, err := u.svc.Contracts(paID)
	if err != nil {
		u.showPage(page(pageTitle("Contracts and rates"), warning(service.ErrorMessage(err)), back), back, func() { u.showPA(paID) })
		return
	}
	add := newKeyButton("Add new terms", theme.ContentAddIcon(), func() { u.showNewContractForm(p, contracts) })
	add.onEscape = back.onEscape
	parts := []fyne.CanvasObject{
		pageTitle("Contracts and rates: " + p.Name),
		wrapLabel("Each set of terms applies from its date until the next one starts. To change pay, add new terms from the date of the change; the earlier terms are kept for past pay."),
		buttonRow(back, add),
	}
	if len(contracts) == 0 {
		parts = append(parts, warning("No terms yet. Add them so pay can be worked out."))
	}
	inForce, ok, _ := u.svc.ContractOn(paID, civil.Of(u.now()))
	sorted := slices.Clone(contracts)
	slices.Reverse(sorted)
	for _, c := range sorted {
		title := "From " + c.EffectiveFrom.UK()
		if ok && c.ID == inForce.ID {
			title += " (in force today)"
		}
		c := c
		correct := newKeyButton("Correct these terms", theme.DocumentCreateIcon(), func() { u.showContractForm(p, c) })
		correct.onEscape = back.onEscape
		parts = append(parts, heading(title), facts(contractFacts(c)...), buttonRow(correct))
	}
	u.showPage(page(parts...), add, back.onEscape)
}

// contractRates is a one-line summary of the day rate and hours.
func contractRates(c household.Contract) string {
	return fmt.Sprintf("%s an hour for day shifts, %s", c.DayRate.Format(), hoursLabel(c))
}

func hoursLabel(c household.Contract) string {
	if c.HoursType == household.IrregularHours {
		return "irregular hours"
	}
	return formatHours(c.ContractedMinutesWeek) + " hours a week"
}

func contractFacts(c household.Contract) []fact {
	pension := "None"
	if c.PensionMethod != household.PensionNone {
		pension = fmt.Sprintf("%s (%s): %s%% from the PA and %s%% from you, on %s",
			c.PensionScheme, text.Uncapitalise(c.PensionMethod.Label()),
			formatPercent(c.PensionEmployeeBP), formatPercent(c.PensionEmployerBP),
			text.Uncapitalise(c.PensionBasis.Label()))
	}
	return []fact{
		{"Hours", hoursLabel(c)},
		{"Day rate", c.DayRate.Format() + " an hour"},
		{"Waking night rate", household.RateText(c.WakingNightRate)},
		{"Weekend rate", household.RateText(c.WeekendRate)},
		{"Bank holiday rate", household.RateText(c.BankHolidayRate)},
		{"Sleep-in allowance", c.SleepInAllowance.Format() + " a night"},
		{"Holiday", c.HolidayMethod.Label()},
		{"Pension", pension},
	}
}
