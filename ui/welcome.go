package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/service"
)

// showWelcome is the first-run page, for a data file with no budget yet:
// set up your own budget, or look round a made-up example household.
func (u *UI) showWelcome() {
	setup := newKeyButton("Set up my budget", theme.ContentAddIcon(), u.showSetup)
	setup.Importance = widget.HighImportance
	demo := newKeyButton("Explore with example data", theme.SearchIcon(), u.ExploreExample)
	settings := newKeyButton("Text size and colours  ("+shortcutLabel(sectionSettings.key())+")", theme.SettingsIcon(), u.showSettings)
	big := maxMinSize([]fyne.CanvasObject{setup, demo})
	big = fyne.NewSize(big.Width+4*theme.Padding(), big.Height*1.6)
	// "Text size and colours" comes first, under the title, so a person
	// who needs larger text or other colours finds it before anything
	// else, at every text size.
	u.showPage(page(
		pageTitle("Welcome to PA Employer Toolkit"),
		buttonRow(settings),
		wrapLabel("This toolkit keeps the records you need when you employ personal assistants (PAs) with a council direct payment, or hold an indirect payment for someone: your budget, your PAs, their contracts and pay rates, and your insurance."),
		wrapLabel("Everything stays in one file on this computer. Nothing is sent anywhere."),
		container.NewGridWrap(big, setup, demo),
		hintLabel("\"Explore with example data\" fills this data file with a made-up household (Priya, who manages her own payment, and Jane Smith, who holds one for her son Tom), so you can look around safely. Nothing in it is real."),
		hintLabel("Use Tab to move between buttons, and Enter or Space to press one."),
	), setup, nil)
}

// ExploreExample fills the empty data file with the example household and
// opens its first budget.
func (u *UI) ExploreExample() {
	var accounts []household.Account
	var err error
	u.inBackground("Adding the example household…", func() {
		if err = u.svc.Demo(); err == nil {
			accounts, err = u.svc.Accounts()
		}
	}, func() { u.exampleAdded(accounts, err) })
}

// exampleAdded opens the example household's first budget once it is in
// the file.
func (u *UI) exampleAdded(accounts []household.Account, err error) {
	if err != nil {
		u.showError(err)
		return
	}
	if len(accounts) == 0 {
		u.message("Something went wrong", "The example data could not be read back from the data file.")
		return
	}
	u.buildMain()
	u.notice = "Example data added. Everything here is made up: look around and try things out."
	u.openAccount(accounts[0].ID)
}

// showSetup is the short first-run set-up: who manages the money and for
// whom, the council and payment, and the employer's details. Nothing is
// stored until all of it is right.
func (u *UI) showSetup() {
	a := service.NewAccount()
	e := household.Employer{}
	f := newForm(u, "Set up your budget", "Three short parts. You can add the rest later from the Home page. Nothing is saved until everything needed is filled in.")
	f.heading("Who manages the money, and for whom")
	capacity, managedBy, person := accountFields(f, &a, true)
	f.heading("Employer details")
	f.note("The employer is the person who manages the money: for a direct payment, the person supported; for an indirect payment, the person who holds it.")
	empName := employerFields(f, &e, "employer_", "Filled in from the names above; change it if it is wrong.")

	// Fill the employer's name from the names above until it is typed.
	typed, filling := false, false
	empName.OnChanged = func(string) {
		if !filling {
			typed = true
		}
	}
	fill := func() {
		if typed {
			return
		}
		name := managedBy.Text
		if i := capacity.SelectedIndex(); i >= 0 && household.Capacities[i] == household.Self {
			name = person.Text
		}
		filling = true
		empName.SetText(name)
		filling = false
	}
	managedBy.OnChanged = func(string) { fill() }
	person.OnChanged = func(string) { fill() }
	onCapacity := capacity.OnChanged
	capacity.OnChanged = func(s string) {
		onCapacity(s)
		fill()
	}

	f.heading("Money in the bank")
	f.note("So that the toolkit agrees with your bank from the start, give what was in the budget's bank account (or prepaid card) at the start of the day the payment started, before anything was paid in or out. Or import a bank statement: its balances will show what the figure should be.")
	var opening money.Money
	var importInstead bool
	f.amount("opening_balance", "Money in the account on the day the payment started", "Leave blank, or type 0, if the account was new and empty.", &opening, true)
	f.check("import_instead", "Or", "I'll import a bank statement instead", "The import will say what the opening balance should be, and set it when you say.", &importInstead)

	f.saveText = "Save and start"
	f.validate = func() error { return u.svc.CheckSetup(a, e) }
	f.save = func() error {
		var saved household.Account
		var err error
		if importInstead {
			saved, err = u.svc.Setup(a, e)
		} else {
			saved, err = u.svc.SetupWithBalance(a, e, opening)
		}
		if err != nil {
			return err
		}
		u.buildMain()
		u.notice = "Your budget is set up. Next: add your PAs under People (" + shortcutLabel(sectionPeople.key()) + "), and your insurance from Home."
		u.openAccount(saved.ID)
		return nil
	}
	f.cancel = u.showWelcome
	u.showForm(f)
}
