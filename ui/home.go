package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"patoolkit/civil"
	"patoolkit/service"
	"patoolkit/text"
)

// showHome shows the open budget at a glance: whose it is, the council and
// payment, the employer's details and the insurance.
func (u *UI) showHome() {
	a := u.account
	edit := newKeyButton("Edit budget details", theme.DocumentCreateIcon(), u.showAccountForm)
	employer := newKeyButton("Employer details", theme.AccountIcon(), u.showEmployerForm)
	insurance := newKeyButton("Insurance", theme.DocumentIcon(), u.showInsurance)
	another := newKeyButton("Add another budget", theme.ContentAddIcon(), u.showNewAccountForm)

	payment := a.Payment.Format() + " " + text.Uncapitalise(a.PaymentFrequency.Label())
	contribution := "None"
	if a.Contribution > 0 {
		contribution = a.Contribution.Format() + " " + text.Uncapitalise(a.ContributionFrequency.Label())
	}
	hours := "Not given"
	if a.SupportMinutesPerWeek > 0 {
		hours = formatHours(a.SupportMinutesPerWeek) + " hours a week"
	}
	review := a.ReviewDate.UK()
	if review == "" {
		review = "Not known yet"
	}
	council := a.Council
	if a.CouncilReference != "" {
		council += " (reference " + a.CouncilReference + ")"
	}
	parts := []fyne.CanvasObject{
		pageTitle(a.Name),
		wrapLabel(a.Description() + "."),
		buttonRow(edit, employer, insurance, another),
		u.yearEndReminders(),
		u.moneyAtAGlance(),
		heading("The direct payment"),
		facts(
			fact{"Council", council},
			fact{"Payment from the council", payment},
			fact{"Contribution paid in", contribution},
			fact{"Support agreed", hours},
			fact{"Started", a.StartDate.UK()},
			fact{"Returns to the council", a.ReturnPeriod.Label()},
			fact{"Surplus limit", fmt.Sprintf("%d weeks of payment (the council may take back money above this)", a.SurplusLimitWeeks)},
			fact{"Contingency agreed", a.Contingency.Format()},
			fact{"Next review", review},
		),
		heading("Employer details"),
	}
	parts = append(parts, u.employerSummary()...)
	parts = append(parts, heading("Employer's liability insurance"))
	parts = append(parts, u.insuranceSummary()...)
	if pension := u.pensionSummary(); len(pension) > 0 {
		parts = append(parts, heading("Workplace pension"))
		parts = append(parts, pension...)
	}
	u.showPage(page(parts...), edit, nil)
}

func (u *UI) employerSummary() []fyne.CanvasObject {
	e, ok, err := u.svc.Employer(u.account.ID)
	if err != nil {
		return []fyne.CanvasObject{warning(service.ErrorMessage(err))}
	}
	if !ok {
		return []fyne.CanvasObject{warning("No employer details yet. Add them with \"Employer details\": payroll needs your PAYE reference and payday.")}
	}
	allowance := "Not claimed"
	if e.EmploymentAllowance {
		allowance = "Claimed"
	}
	return []fyne.CanvasObject{facts(
		fact{"Employer", e.Name},
		fact{"Address", e.Address},
		fact{"Employer PAYE reference", orNotGiven(e.PAYEReference)},
		fact{"Accounts Office reference", orNotGiven(e.AccountsOfficeReference)},
		fact{"Employment Allowance", allowance},
		fact{"PAs are paid", e.PayFrequency.Label() + ", payday: " + e.Payday.Label()},
	)}
}

// insuranceSummary shows the policy in force today and warns plainly when
// there is none or its renewal date has passed.
func (u *UI) insuranceSummary() []fyne.CanvasObject {
	today := civil.Of(u.now())
	cover, err := u.svc.InsuranceCover(u.account.ID, today)
	if err != nil {
		return []fyne.CanvasObject{warning(service.ErrorMessage(err))}
	}
	switch {
	case !cover.Any:
		return []fyne.CanvasObject{warning("No employer's liability insurance is recorded. By law you need it (at least £5 million cover) from the day a PA starts. Add your policy with \"Insurance\".")}
	case !cover.InForce && cover.HasNext:
		return []fyne.CanvasObject{warning(fmt.Sprintf("No policy covers today: the next one (%s) starts on %s. Check the dates with \"Insurance\".", cover.Next.Insurer, cover.Next.StartDate.UK()))}
	case !cover.InForce:
		return []fyne.CanvasObject{warning(fmt.Sprintf("Your insurance with %s needed renewing on %s. Renew it now and add the new policy with \"Insurance\": you must be insured while you employ PAs.", cover.Lapsed.Insurer, cover.Lapsed.RenewalDate.UK()))}
	}
	current := cover.Policy
	out := []fyne.CanvasObject{facts(
		fact{"Insurer", current.Insurer},
		fact{"Policy number", current.PolicyNumber},
		fact{"Cover", current.Cover.Format()},
		fact{"Renewal date", current.RenewalDate.UK()},
	)}
	if days, due := cover.RenewalDue(today); due {
		out = append(out, warning(fmt.Sprintf("The policy needs renewing in %d days, on %s.", days, cover.Until.UK())))
	}
	return out
}

// pensionSummary shows the pension reminders the service gives: the
// declaration of compliance and the re-declaration, with their due dates.
func (u *UI) pensionSummary() []fyne.CanvasObject {
	rs, err := u.svc.PensionReminders(u.account.ID, civil.Of(u.now()))
	if err != nil {
		return []fyne.CanvasObject{warning(service.ErrorMessage(err))}
	}
	var out []fyne.CanvasObject
	for _, r := range rs {
		line := r.Title + ": " + r.Text
		if r.Overdue {
			out = append(out, warning(line))
			continue
		}
		out = append(out, wrapLabel(line))
	}
	return out
}

func orNotGiven(s string) string {
	if s == "" {
		return "Not given yet"
	}
	return s
}
