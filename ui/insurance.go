package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
)

// showInsurance lists the budget's employer's liability policies, newest
// first, with the one in force today marked.
func (u *UI) showInsurance() {
	back := newKeyButton("Back to Home", theme.NavigateBackIcon(), u.showHome)
	back.onEscape = u.showHome
	add := newKeyButton("Add a policy", theme.ContentAddIcon(), func() { u.showNewInsuranceForm() })
	add.onEscape = u.showHome
	parts := []fyne.CanvasObject{
		pageTitle("Employer's liability insurance"),
		wrapLabel("By law an employer needs employer's liability insurance with at least £5 million cover (most policies give £10 million). Councils ask to see it at every review."),
		buttonRow(back, add),
	}
	policies, err := u.svc.Insurance(u.account.ID)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), add, u.showHome)
		return
	}
	parts = append(parts, u.insuranceSummary()...)
	cover := household.CoverOn(policies, civil.Of(u.now()))
	for _, p := range policies {
		title := p.Insurer + ", " + p.PolicyNumber
		if cover.InForce && p.ID == cover.Policy.ID {
			title += " (in force today)"
		}
		p := p
		correct := newKeyButton("Correct this policy", theme.DocumentCreateIcon(), func() { u.showInsuranceForm(p) })
		correct.onEscape = u.showHome
		parts = append(parts, heading(title), facts(
			fact{"Cover", p.Cover.Format()},
			fact{"Starts", p.StartDate.UK()},
			fact{"Renewal date", p.RenewalDate.UK()},
			fact{"Premium", p.Premium.Format()},
			fact{"Notes", p.Notes},
		), buttonRow(correct))
	}
	u.showPage(page(parts...), add, u.showHome)
}

// showNewInsuranceForm adds a policy; it starts when the latest one needs
// renewing, and with £10,000,000 cover, the usual amount.
func (u *UI) showNewInsuranceForm() {
	policies, _ := u.svc.Insurance(u.account.ID)
	u.showInsuranceForm(household.NextPolicy(u.account.ID, policies))
}

// showInsuranceForm shows the form for a new policy (ID 0) or a correction.
func (u *UI) showInsuranceForm(i household.Insurance) {
	title := "Add an insurance policy"
	if i.ID != 0 {
		title = "Correct the policy " + i.PolicyNumber
	}
	f := newForm(u, title, "The details are on the policy schedule or certificate.")
	f.text("insurer", "Insurer", "", &i.Insurer)
	f.text("policy_number", "Policy number", "", &i.PolicyNumber)
	f.amount("cover", "Employer's liability cover", "At least £5,000,000.", &i.Cover, false)
	f.date("start_date", "Cover starts on", "", &i.StartDate, false)
	f.date("renewal_date", "Renewal date", "The day the policy ends and must be renewed.", &i.RenewalDate, false)
	f.amount("premium", "Premium paid", "What the policy cost.", &i.Premium, true)
	f.multiline("notes", "Notes", "", &i.Notes)
	f.validate = func() error { return u.svc.CheckInsurance(i) }
	f.save = func() error {
		saved, err := u.svc.SaveInsurance(i)
		if err != nil {
			return err
		}
		u.notice = "Saved the policy " + saved.PolicyNumber + "."
		u.showInsurance()
		return nil
	}
	f.cancel = u.showInsurance
	u.showForm(f)
}
