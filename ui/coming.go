package ui

import "fmt"

// comingSoon says, for each section not built yet, what will be there,
// when, and what to do until then. These pages have no buttons, so none
// can do nothing.
var comingSoon = map[section][2]string{
	sectionRota: {
		"Coming next: the rota.",
		"Plan shifts, sleep-ins and waking nights, see who covers when someone is off, and check rest breaks and the 48-hour week. " +
			"Until then, plan shifts as you do now. Each PA's hours and pay rates can already be kept under People (%s).",
	},
	sectionTimesheets: {
		"Coming after the rota: timesheets.",
		"Timesheets made from the rota, for you and each PA to check and approve. Approved timesheets are locked, so your records stay trustworthy at a review. " +
			"Until then, keep signed paper or emailed timesheets.",
	},
	sectionPay: {
		"Coming after timesheets: pay.",
		"Pay runs from approved timesheets: tax, National Insurance, pension and student loan deductions, payslips, and the figures to send with HMRC's free Basic PAYE Tools. " +
			"Until then, keep using your payroll service or Basic PAYE Tools.",
	},
	sectionMoney: {
		"Coming after pay: the money.",
		"The direct payment account: money in from the council, wages, HMRC and other spending, the balance, and any surplus above the council's limit. You will be able to bring in bank statements. " +
			"Until then, keep your bank statements and receipts safe.",
	},
	sectionReturns: {
		"Coming after the money: returns to the council.",
		"The council's return for a period you choose, with an evidence pack: bank statements, timesheets, payslips, HMRC payments and insurance. " +
			"Until then, the budget, PA, contract and insurance details you keep here will be ready for it.",
	},
}

// showComingSoon shows what a section not built yet will hold.
func (u *UI) showComingSoon(s section) {
	text := comingSoon[s]
	body := text[1]
	if s == sectionRota {
		body = fmt.Sprintf(body, shortcutLabel(sectionPeople.key()))
	}
	u.showPage(page(pageTitle(s.String()), heading(text[0]), wrapLabel(body)), nil, nil)
}
