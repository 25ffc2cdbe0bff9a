package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
)

// showPeople lists the open budget's PAs, those still working first.
// Each name is a button that opens the PA's page.
func (u *UI) showPeople() {
	add := newKeyButton("Add PA", theme.ContentAddIcon(), u.showAddPA)
	parts := []fyne.CanvasObject{
		pageTitle("People"),
		wrapLabel("The personal assistants (PAs) you employ. Choose a name to see their details, change them, record that they left, or set their pay and terms."),
		buttonRow(add),
	}
	pas, err := u.svc.PAs(u.account.ID)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), add, nil)
		return
	}
	today := civil.Of(u.now())
	var working, left []fyne.CanvasObject
	for _, p := range pas {
		row := u.paRow(p)
		if p.HasLeft(today) {
			left = append(left, row...)
		} else {
			working = append(working, row...)
		}
	}
	switch {
	case len(pas) == 0:
		parts = append(parts, wrapLabel("No PAs yet. Press \"Add PA\" to add the first one."))
	default:
		parts = append(parts, heading("Working for you"))
		if len(working) == 0 {
			parts = append(parts, wrapLabel("Nobody at the moment."))
		}
		parts = append(parts, working...)
		if len(left) > 0 {
			parts = append(parts, heading("Have left"))
			parts = append(parts, left...)
		}
	}
	u.showPage(page(parts...), add, nil)
}

// paRow is a PA's name as a button, with a line of details under it.
func (u *UI) paRow(p household.PA) []fyne.CanvasObject {
	id := p.ID
	b := newKeyButton(p.Name, theme.AccountIcon(), func() { u.showPA(id) })
	b.Alignment = widget.ButtonAlignLeading
	details := []string{"Started " + p.StartDate.UK()}
	if p.NINumber != "" {
		details = append([]string{"NI number " + household.FormatNINumber(p.NINumber)}, details...)
	} else {
		details = append([]string{"NI number not given yet"}, details...)
	}
	if !p.LeavingDate.IsZero() {
		details = append(details, "Left "+p.LeavingDate.UK())
	}
	return []fyne.CanvasObject{b, hintLabel(strings.Join(details, " · "))}
}

// showPA shows one PA's details and what can be done about them.
func (u *UI) showPA(id int64) {
	back := newKeyButton("Back to People", theme.NavigateBackIcon(), u.showPeople)
	p, err := u.svc.PA(id)
	if err != nil {
		u.showPage(page(pageTitle("People"), warning(service.ErrorMessage(err)), back), back, u.showPeople)
		return
	}
	edit := newKeyButton("Edit details", theme.DocumentCreateIcon(), func() { u.showEditPA(p) })
	leaving := newKeyButton("Record leaving", theme.LogoutIcon(), func() { u.showLeavingForm(p) })
	contracts := newKeyButton("Contracts and rates", theme.DocumentIcon(), func() { u.showContracts(p.ID) })
	for _, b := range []*keyButton{back, edit, leaving, contracts} {
		b.onEscape = u.showPeople
	}

	left := "Still working for you"
	if !p.LeavingDate.IsZero() {
		left = p.LeavingDate.UK()
		if p.LeavingReason != "" {
			left += " (" + p.LeavingReason + ")"
		}
	}
	rtw := "Not recorded"
	if !p.RightToWorkDate.IsZero() {
		rtw = "Checked on " + p.RightToWorkDate.UK()
		if p.RightToWorkDoc != "" {
			rtw += " using " + p.RightToWorkDoc
		}
	}
	dbs := "Not recorded"
	if p.DBSNumber != "" {
		dbs = "Certificate " + p.DBSNumber
		if !p.DBSIssueDate.IsZero() {
			dbs += ", issued " + p.DBSIssueDate.UK()
		}
	}
	taxCode := p.TaxCode
	if p.Week1Month1 {
		taxCode += " (week 1 / month 1 basis)"
	}
	postgrad := "No"
	if p.PostgradLoan {
		postgrad = "Yes"
	}

	parts := []fyne.CanvasObject{
		pageTitle(p.Name),
		buttonRow(back, edit, leaving, contracts),
	}
	parts = append(parts, u.leaverP45Parts(p)...)
	if c, ok, err := u.svc.ContractOn(p.ID, civil.Of(u.now())); err == nil && ok {
		parts = append(parts, wrapLabel("Terms in force today: from "+c.EffectiveFrom.UK()+", "+contractRates(c)+"."))
	} else if err == nil && p.Active(civil.Of(u.now())) {
		parts = append(parts, warning("No contract terms cover today. Add them with \"Contracts and rates\" so pay can be worked out."))
	}
	parts = append(parts,
		heading("About "+p.Name),
		facts(
			fact{"NI number", orNotGiven(household.FormatNINumber(p.NINumber))},
			fact{"Date of birth", orNotGiven(p.DateOfBirth.UK())},
			fact{"Started", p.StartDate.UK()},
			fact{"Left", left},
			fact{"Address", p.Address},
			fact{"Phone", p.Phone},
			fact{"Email", p.Email},
			fact{"Right to work", rtw},
			fact{"DBS check", dbs},
			fact{"Emergency contact", p.EmergencyContact},
			fact{"Notes", p.Notes},
		),
		heading("Payroll"),
		facts(
			fact{"Tax code", taxCode},
			fact{"NI category", p.NICategory},
			fact{"Student loan", studentLoanLabel(p.StudentLoan)},
			fact{"Postgraduate loan", postgrad},
			fact{"Starter statement", starterLabel(p.StarterStatement)},
			fact{"Pay to date on the P45", p.P45PayToDate.Format()},
			fact{"Tax to date on the P45", p.P45TaxToDate.Format()},
		),
	)
	parts = append(parts, u.holidayParts(p)...)
	parts = append(parts, u.familyLeavePart(p)...)
	u.showPage(page(parts...), edit, u.showPeople)
}
