package ui

import (
	"fyne.io/fyne/v2/widget"

	"patoolkit/household"
)

var studentLoans = []string{"", "plan1", "plan2", "plan4", "plan5"}

func studentLoanLabel(plan string) string {
	switch plan {
	case "":
		return "None"
	case "plan1":
		return "Plan 1"
	case "plan2":
		return "Plan 2"
	case "plan4":
		return "Plan 4 (Scotland)"
	case "plan5":
		return "Plan 5"
	}
	return plan
}

var starterStatements = []string{"", "A", "B", "C"}

// starterLabel gives the plain meaning of each starter checklist statement.
func starterLabel(s string) string {
	switch s {
	case "":
		return "None (they gave you a P45, or not known yet)"
	case "A":
		return "A: this is their first job since 6 April, and no taxable benefits or pension"
	case "B":
		return "B: this is now their only job, but they had another job or taxable benefits since 6 April"
	case "C":
		return "C: they have another job or a pension as well"
	}
	return s
}

var niCategories = []string{"A", "B", "C", "H", "J", "M", "Z"}

func niCategoryLabel(c string) string {
	switch c {
	case "A":
		return "A: most employees"
	case "B":
		return "B: married women and widows with reduced rate NI"
	case "C":
		return "C: over State Pension age"
	case "H":
		return "H: apprentice under 25"
	case "J":
		return "J: pays NI in another job (deferment)"
	case "M":
		return "M: under 21"
	case "Z":
		return "Z: under 21 with deferment"
	}
	return c
}

func (u *UI) showAddPA() {
	u.showPAForm(u.svc.NewPA(u.account.ID))
}

func (u *UI) showEditPA(p household.PA) { u.showPAForm(p) }

// showPAForm shows the form for a new PA (ID 0) or for changing one.
func (u *UI) showPAForm(p household.PA) {
	title, intro := "Add a PA", "Only the name, start date and tax code are needed now; add the rest when you have it."
	back := u.showPeople
	if p.ID != 0 {
		title, intro = "Edit "+p.Name, ""
		id := p.ID
		back = func() { u.showPA(id) }
	}
	p.NINumber = household.FormatNINumber(p.NINumber)
	f := newForm(u, title, intro)
	f.heading("About the PA")
	f.text("name", "Full name", "", &p.Name)
	f.date("date_of_birth", "Date of birth", "", &p.DateOfBirth, true)
	f.text("ni_number", "National Insurance (NI) number", "Two letters, six numbers and a letter, like AB 12 34 56 C. It is on their payslip, P45 or NI letter. Leave blank if not known yet.", &p.NINumber)
	f.multiline("address", "Address", "", &p.Address)
	f.text("phone", "Phone", "", &p.Phone)
	f.text("email", "Email", "", &p.Email)
	f.date("start_date", "First day of work", "", &p.StartDate, false)
	f.date("leave_year_from", "Leave year starts on (optional)", "A date the contract's leave year starts on, for example 01/01/2026 or 01/04/2026. Leave it empty for leave years from the first day of work.", &p.LeaveYearFrom, true)
	f.heading("Checks before they start")
	f.date("right_to_work_date", "Right-to-work check done on", "You must check every PA may work in the UK before they start, and keep a copy.", &p.RightToWorkDate, true)
	f.text("right_to_work_doc", "Document seen for the right-to-work check", "For example: UK passport, or share code.", &p.RightToWorkDoc)
	f.text("dbs_number", "DBS certificate number", "12 digits, at the top right of the certificate.", &p.DBSNumber)
	f.date("dbs_issue_date", "DBS certificate issued on", "", &p.DBSIssueDate, true)
	f.text("emergency_contact", "Emergency contact", "Name, how they are related, and phone number.", &p.EmergencyContact)
	f.multiline("notes", "Notes", "", &p.Notes)

	f.heading("Payroll")
	code := f.text("tax_code", "Tax code", "From their P45 or HMRC's letter. With neither, choose their starter checklist statement below and the code follows from it.", &p.TaxCode)
	week1 := f.check("week1_month1", "Week 1 / month 1", "Tax on a week 1 / month 1 basis", "Tick only if the P45 or HMRC says \"W1\", \"M1\" or \"X\" beside the tax code.", &p.Week1Month1)
	choice(f, "ni_category", "NI category letter", "A for most people.", niCategories, niCategoryLabel, &p.NICategory, nil)
	choice(f, "student_loan", "Student loan", "From their P45 or starter checklist.", studentLoans, studentLoanLabel, &p.StudentLoan, nil)
	f.check("postgrad_loan", "Postgraduate loan", "They are repaying a postgraduate loan", "", &p.PostgradLoan)
	var starterNote *widget.Label
	choice(f, "starter_statement", "Starter checklist statement", "If the PA had no P45, they chose one of these on HMRC's starter checklist. Choosing one sets the tax code HMRC's rules give.", starterStatements, starterLabel, &p.StarterStatement, func(st string) {
		c, w1, why, ok := u.svc.StarterCode(p.StartDate, st)
		if !ok || st == "" {
			starterNote.SetText("")
			return
		}
		code.SetText(c)
		week1.SetChecked(w1)
		starterNote.SetText(why + " The tax code above is set to match; change it when the PA's P45 or HMRC's letter comes.")
	})
	starterNote = f.note("")
	f.amount("p45_pay_to_date", "Pay to date on the P45", "Leave blank if there is no P45.", &p.P45PayToDate, true)
	f.amount("p45_tax_to_date", "Tax to date on the P45", "Leave blank if there is no P45.", &p.P45TaxToDate, true)

	f.validate = func() error { return u.svc.CheckPA(p) }
	f.save = func() error {
		saved, err := u.svc.SavePA(p)
		if err != nil {
			return err
		}
		u.notice = "Saved " + saved.Name + "."
		u.showPA(saved.ID)
		return nil
	}
	f.cancel = back
	u.showForm(f)
}

// showLeavingForm records that a PA left (or will leave), and why.
func (u *UI) showLeavingForm(p household.PA) {
	f := newForm(u, "Record that "+p.Name+" is leaving", "Give their last day of work. Their record and pay history are kept.")
	date, reason := p.LeavingDate, p.LeavingReason
	f.date("leaving_date", "Last day of work", "", &date, false)
	f.text("leaving_reason", "Why they left", "For example: resigned, moved away, end of contract.", &reason)
	f.saveText = "Record leaving"
	f.save = func() error {
		saved, err := u.svc.RecordLeaving(p.ID, date, reason)
		if err != nil {
			return err
		}
		u.notice = "Recorded that " + saved.Name + "'s last day is " + saved.LeavingDate.UK() + "."
		u.showPA(saved.ID)
		return nil
	}
	f.cancel = func() { u.showPA(p.ID) }
	u.showForm(f)
}
