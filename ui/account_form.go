package ui

import (
	"fmt"

	"patoolkit/budget"
	"patoolkit/household"
	"patoolkit/service"
)

// accountFields adds a budget's fields to f, reading into a. The short
// form (first-run setup) leaves out what can be added later. It returns the
// boxes the set-up page uses to fill in the employer's name.
func accountFields(f *form, a *household.Account, short bool) (capacitySelect *keySelect, managedBy, personSupported *keyEntry) {
	var managedRow *formField
	capacity := a.Capacity
	capacitySelect = choice(f, "capacity", "Who manages the money?", "", household.Capacities, household.Capacity.Label, &a.Capacity, func(c household.Capacity) {
		capacity = c
		f.setVisible(managedRow, c != household.Self)
	})
	managedBy = f.text("managed_by", "Name of the person who manages the money", "For an indirect payment this is the family member or friend who holds it, for example Jane Smith.", &a.ManagedBy)
	managedRow = f.field("managed_by")
	if capacity == household.Self {
		managedRow.row.Hide()
	}
	personSupported = f.text("person_supported", "Name of the person who gets the support", "For example Tom Smith.", &a.PersonSupported)
	f.text("name", "A short name for this budget", "Shown in the budget list at the top of the window, for example \"Tom's care\".", &a.Name)

	f.heading("The council and the payment")
	f.text("council", "Council", "The council that pays the direct payment, for example St Helens Council.", &a.Council)
	f.text("council_reference", "The council's reference", "On the council's letters. Leave blank if you do not know it.", &a.CouncilReference)
	f.amount("payment", "Payment from the council", "The gross amount on the council's letter, before any contribution.", &a.Payment, true)
	choice(f, "payment_frequency", "How often the council pays", "", household.PaymentFrequencies, household.Frequency.Label, &a.PaymentFrequency, nil)
	if !short {
		f.amount("contribution", "Contribution you pay in", "Your own contribution to the care, if the council asks for one. Leave blank if none.", &a.Contribution, true)
		choice(f, "contribution_frequency", "How often the contribution is paid in", "", household.PaymentFrequencies, household.Frequency.Label, &a.ContributionFrequency, nil)
		f.hours("support_hours", "Support hours a week", "The hours of support in the council's care and support plan, for example 42.", &a.SupportMinutesPerWeek)
	}
	f.date("start_date", "The direct payment started on", "", &a.StartDate, false)
	choice(f, "return_period", "How often the council asks for a return", "A return shows the council how the money was spent. It is on the direct payment agreement.", household.ReturnPeriods, household.ReturnPeriod.Label, &a.ReturnPeriod, nil)
	f.number("surplus_limit_weeks", "Surplus limit (weeks of payment)", fmt.Sprintf("Money left over above this many weeks of payment may be taken back by the council. Often %d.", budget.TypicalSurplusLimitWeeks), &a.SurplusLimitWeeks)
	if !short {
		f.amount("contingency", "Contingency agreed with the council", "An amount the council lets you keep for emergencies. Leave blank if none.", &a.Contingency, true)
		f.date("review_date", "Next review", "When the council next reviews the support.", &a.ReviewDate, true)
		f.multiline("notes", "Notes", "", &a.Notes)
	}
	return capacitySelect, managedBy, personSupported
}

// showAccountForm changes the open budget's details.
func (u *UI) showAccountForm() {
	a := u.account
	f := newForm(u, "Budget details: "+a.Name, "")
	accountFields(f, &a, false)
	f.validate = func() error { return u.svc.CheckAccount(a) }
	f.save = func() error {
		saved, err := u.svc.SaveAccount(a)
		if err != nil {
			return err
		}
		u.notice = "Saved the budget details."
		u.openAccount(saved.ID)
		return nil
	}
	f.cancel = u.showHome
	u.showForm(f)
}

// showNewAccountForm adds another budget (for example a second person's
// payment held by the same family member).
func (u *UI) showNewAccountForm() {
	a := service.NewAccount()
	f := newForm(u, "Add another budget", "A budget is one direct payment (or indirect payment) agreement with a council. After saving, add its employer details on its Home page.")
	accountFields(f, &a, false)
	f.validate = func() error { return u.svc.CheckAccount(a) }
	f.save = func() error {
		saved, err := u.svc.SaveAccount(a)
		if err != nil {
			return err
		}
		u.notice = "Added the budget " + saved.Name + ". Next, add its employer details."
		u.openAccount(saved.ID)
		return nil
	}
	f.cancel = u.showHome
	u.showForm(f)
}
