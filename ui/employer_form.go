package ui

import (
	"patoolkit/household"
)

const employmentAllowanceHint = "Employment Allowance lowers the employer's National Insurance you pay HMRC, by up to £10,500 a year. " +
	"People who employ a care or support worker can usually claim it. Tick if you have claimed it (in HMRC's Basic PAYE Tools)."

// employerFields adds the employer's fields to f, reading into e. prefix
// goes before each field's name (the set-up page uses "employer_", as the
// service's Setup does). indirect says whether the money is held for
// someone else, so the form can explain who the legal employer is.
func employerFields(f *form, e *household.Employer, prefix, nameHint string) *keyEntry {
	name := f.text(prefix+"name", "Employer's name", nameHint, &e.Name)
	f.multiline(prefix+"address", "Employer's address", "", &e.Address)
	f.text(prefix+"paye_reference", "Employer PAYE reference", "3 numbers, a slash, then letters and numbers, like 123/AB45678. It is on HMRC's letter from when you registered as an employer. Leave blank if you have not registered yet.", &e.PAYEReference)
	f.text(prefix+"accounts_office_reference", "Accounts Office reference", "13 characters, like 123PA00045678, on the same HMRC letter. You use it when you pay HMRC.", &e.AccountsOfficeReference)
	f.check(prefix+"employment_allowance", "Employment Allowance", "Employment Allowance is claimed", employmentAllowanceHint, &e.EmploymentAllowance)

	// The payday choices depend on how often PAs are paid.
	paydays := household.PaydayChoices(e.PayFrequency)
	payday := newKeySelect(paydayLabels(paydays), nil)
	payday.onEnter = f.Submit
	payday.onEscape = f.Cancel
	setChoice(payday, paydays, e.Payday)
	choice(f, prefix+"pay_frequency", "How often PAs are paid", "", household.PayFrequencies, household.Frequency.Label, &e.PayFrequency, func(fr household.Frequency) {
		chosen := household.Payday("")
		if i := payday.SelectedIndex(); i >= 0 && i < len(paydays) {
			chosen = paydays[i]
		}
		paydays = household.PaydayChoices(fr)
		payday.SetOptions(paydayLabels(paydays))
		setChoice(payday, paydays, chosen)
	})
	f.add(prefix+"payday", "Payday", "The day PAs are usually paid. A payday on a weekend or bank holiday moves to the working day before.", payday, payday, func() error {
		e.Payday = ""
		if i := payday.SelectedIndex(); i >= 0 && i < len(paydays) {
			e.Payday = paydays[i]
		}
		return nil
	})
	f.date(prefix+"pay_from", "First day of a pay period (optional)", "For weekly, fortnightly and four-weekly pay: the first day of any one pay period, such as the Monday the PAs' first period began. "+
		"Periods then run every 1, 2 or 4 weeks from it, each paid on the first payday after it ends. Leave it blank to count from the day the direct payment started. Monthly pay runs by calendar month and does not use it.", &e.PayFrom, true)
	return name
}

func paydayLabels(days []household.Payday) []string {
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = d.Label()
	}
	return out
}

// showEmployerForm shows the open budget's employer details for changing
// (or adding, the first time). For a new indirect payment the name starts
// as the holder's.
func (u *UI) showEmployerForm() { u.showEmployerFormThen(u.showHome) }

// showEmployerFormThen is showEmployerForm going to back once saved or
// cancelled (the Pay section's "Change the pay schedule").
func (u *UI) showEmployerFormThen(back func()) {
	a := u.account
	e, ok, err := u.svc.Employer(a.ID)
	if err != nil {
		u.showError(err)
		return
	}
	if !ok {
		e = household.Employer{AccountID: a.ID, Name: a.ManagedBy}
	}
	f := newForm(u, "Employer details: "+a.Name, "HMRC and your PAs' payslips use these details.")
	hint := "Your own name: you employ the PAs."
	if a.Capacity != household.Self {
		hint = "For an indirect payment the person who holds the money (" + a.ManagedBy + ") is the legal employer, not the person supported (" + a.PersonSupported + ")."
	}
	employerFields(f, &e, "", hint)
	f.validate = func() error { return u.svc.CheckEmployer(e) }
	f.save = func() error {
		if _, err := u.svc.SaveEmployer(e); err != nil {
			return err
		}
		u.notice = "Saved the employer details."
		back()
		return nil
	}
	f.cancel = back
	u.showForm(f)
}
