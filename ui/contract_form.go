package ui

import (
	"strings"

	"patoolkit/household"
	"patoolkit/service"
)

var (
	hoursTypes     = []household.HoursType{household.FixedHours, household.IrregularHours}
	holidayMethods = []household.HolidayMethod{household.HolidayAccrued, household.HolidayRolledUp}
	pensionMethods = []household.PensionMethod{household.PensionNone, household.PensionReliefAtSource, household.PensionNetPay}
	pensionBases   = []household.PensionBasis{household.PensionQualifying, household.PensionAllPay}
)

// showNewContractForm starts new terms for a PA, filled in from the latest
// terms so only what changes needs typing (service.NewContract).
func (u *UI) showNewContractForm(p household.PA, contracts []household.Contract) {
	u.showContractForm(p, service.NewContract(p, contracts))
}

// showContractForm shows the form for new terms (ID 0) or for correcting
// stored ones.
func (u *UI) showContractForm(p household.PA, c household.Contract) {
	title := "New terms for " + p.Name
	intro := "These terms apply from the date you give until any later terms start. Earlier terms are kept."
	if c.ID != 0 {
		title = "Correct the terms from " + c.EffectiveFrom.UK()
		intro = "Correct a mistake in these terms. If the pay or hours changed on a date, go back and use \"Add new terms\" instead, so past pay keeps the old rates."
	}
	f := newForm(u, title, intro)
	asked := false // the person said to save below the rate for the PA's age
	f.date("effective_from", "These terms start on", "", &c.EffectiveFrom, false)

	f.heading("Hours")
	hoursType := c.HoursType
	var hoursRow *formField
	choice(f, "hours_type", "Hours", "Choose irregular for a zero-hours contract or hours that change week to week.", hoursTypes, household.HoursType.Label, &hoursType, func(h household.HoursType) {
		f.setVisible(hoursRow, h == household.FixedHours)
	})
	minutes := c.ContractedMinutesWeek
	f.hours("contracted_hours", "Contracted hours a week", "For example 20 or 37.5.", &minutes)
	hoursRow = f.field("contracted_hours")
	hoursRow.row.Hidden = hoursType != household.FixedHours

	f.heading("Pay rates")
	f.amount("day_rate", "Hourly rate for day shifts", "At least the minimum wage for the PA's age on the day these terms start.", &c.DayRate, true)
	const dayRate = "Leave blank to pay the day rate."
	f.amount("waking_night_rate", "Hourly rate for waking nights", dayRate, &c.WakingNightRate, true)
	f.amount("weekend_rate", "Hourly rate at weekends", dayRate, &c.WeekendRate, true)
	f.amount("bank_holiday_rate", "Hourly rate on bank holidays", dayRate, &c.BankHolidayRate, true)
	f.amount("sleep_in_allowance", "Sleep-in allowance per night", "A flat amount for a night asleep at the home. Time woken to work is paid by the hour.", &c.SleepInAllowance, true)

	f.heading("Holiday")
	choice(f, "holiday_method", "How holiday is given", "Most PAs have accrued holiday. Rolled-up holiday pay is only allowed for irregular hours.", holidayMethods, household.HolidayMethod.Label, &c.HolidayMethod, nil)
	f.hours("holiday_carry", "Holiday that may be carried over, at most (hours)", "What the contract lets the PA carry into the next leave year; 0 if nothing. At most 1.6 weeks of their hours, for example 48 for 30 hours a week.", &c.HolidayCarryMinutes)

	f.heading("Workplace pension")
	method := c.PensionMethod
	var pensionRows []*formField
	choice(f, "pension_method", "Pension scheme type", "Your pension provider tells you which it is. NEST uses relief at source.", pensionMethods, household.PensionMethod.Label, &method, func(m household.PensionMethod) {
		for _, r := range pensionRows {
			f.setVisible(r, m != household.PensionNone)
		}
	})
	f.text("pension_scheme", "Scheme name", "", &c.PensionScheme)
	choice(f, "pension_basis", "Contributions are worked out on", "", pensionBases, household.PensionBasis.Label, &c.PensionBasis, nil)
	f.percent("pension_employee", "The PA pays (per cent)", "For example 5.", &c.PensionEmployeeBP)
	f.percent("pension_employer", "You pay (per cent)", "At least 3.", &c.PensionEmployerBP)
	for _, n := range []string{"pension_scheme", "pension_basis", "pension_employee", "pension_employer"} {
		r := f.field(n)
		r.row.Hidden = method == household.PensionNone
		pensionRows = append(pensionRows, r)
	}

	// read puts the choices that show or hide other boxes into c.
	read := func() {
		c.HoursType = hoursType
		c.ContractedMinutesWeek = minutes
		if hoursType != household.FixedHours {
			c.ContractedMinutesWeek = 0
		}
		c.PensionMethod = method
		if method == household.PensionNone {
			c.PensionEmployeeBP, c.PensionEmployerBP = 0, 0
		}
	}
	f.validate = func() error { read(); return u.svc.CheckContract(c) }
	f.save = func() error {
		read()
		store := func() error {
			saved, err := u.svc.SaveContract(c)
			if err != nil {
				return err
			}
			u.notice = "Saved the terms from " + saved.EffectiveFrom.UK() + "."
			u.showContracts(p.ID)
			return nil
		}
		if asked {
			asked = false
			return store()
		}
		warnings, err := u.svc.ContractWarnings(c)
		if err != nil {
			return err
		}
		if len(warnings) == 0 {
			return store()
		}
		var lines []string
		for _, w := range warnings {
			lines = append(lines, w.Message)
		}
		// Refusals come first: only terms that could be saved are asked about.
		if err := u.svc.CheckContract(c); err != nil {
			return err
		}
		u.askFirstNo("Below the minimum wage?", strings.Join(lines, "\n\n")+"\n\nSave these terms anyway?", "No, change the rate", "Yes, save them", func() {
			asked = true
			f.Submit()
		})
		return errAsked
	}
	f.cancel = func() { u.showContracts(p.ID) }
	u.showForm(f)
}
