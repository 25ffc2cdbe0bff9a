package payrun

import (
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
)

// PensionInput is a PA's stored automatic enrolment record, given when
// the employer has recorded their duties; without it the contract alone
// decides the pension, as before.
type PensionInput struct {
	Duties payroll.Duties
	State  payroll.PensionState
	// Deducted is the employee's contributions taken from the
	// enrolment date on, for a refund after an opt-out; Refunded says the
	// refund has been paid.
	Deducted money.Money
	Refunded bool
}

// applyPensionDuties sets the PA's pension on this pay from their stored
// record and the period's assessment (payroll.Decide): an eligible
// jobholder past postponement is enrolled, a member pays in, an opt-out in
// the opt-out period is refunded on its own line; and says what to do
// when a letter or notice is due.
func applyPensionDuties(r *PAResult, input *payroll.PayslipInput, in PAInput, c household.Contract, per household.PayPeriod, freq payroll.Frequency, year payroll.TaxYear, warn func(bool, string, string)) {
	p := in.Pension
	pa := in.PA
	rates, err := payroll.RatesFor(year)
	if err != nil {
		return
	}
	var gross money.Money
	for _, l := range input.Lines {
		if l.Kind != payroll.Expenses && l.Kind != payroll.PensionRefund {
			gross += l.Amount
			if l.Amount == 0 && l.Rate > 0 {
				gross += money.Money((int64(l.Rate)*l.Minutes + 30) / 60)
			}
		}
	}
	a := rates.AssessPeriod(pa.DateOfBirth, per.From, per.To, freq, gross)
	dec := payroll.Decide(p.Duties, p.State, a, payroll.Window{From: per.From, To: per.To}, pa.StartDate, p.Refunded)
	r.Duties = &dec
	scheme := c.PensionScheme
	if scheme == "" {
		scheme = "the workplace pension"
	}
	settings := payroll.PensionSettings{Membership: payroll.NotEnrolled,
		EmployeePercent: payroll.Percent(c.PensionEmployeeBP), EmployerPercent: payroll.Percent(c.PensionEmployerBP)}
	if c.PensionMethod == household.PensionNetPay {
		settings.Method = payroll.NetPay
	}
	if c.PensionBasis == household.PensionAllPay {
		settings.Basis = payroll.AllPay
	}
	infoDue := func(by civil.Date) {
		if by.IsZero() {
			return
		}
		if per.Payday.After(by) {
			warn(false, pa.Name+"'s enrolment information was due by "+by.UK()+" and is not recorded as given.",
				"Give it to them in writing now (the scheme's letter, or The Pensions Regulator's template letter), then record the day it was given under Pay, Pensions (or: patoolkit pension pa --pa \""+pa.Name+"\" --letter-given DATE).")
			return
		}
		warn(false, pa.Name+"'s enrolment information must be given in writing by "+by.UK()+" (within 6 weeks of their enrolment date).",
			"Give them the scheme's letter or The Pensions Regulator's template letter: that they are enrolled in "+scheme+", what goes in each payday, and how to opt out. Then record the day it was given under Pay, Pensions (or: patoolkit pension pa --pa \""+pa.Name+"\" --letter-given DATE).")
	}
	switch dec.Step {
	case payroll.EnrolNow, payroll.Contribute:
		if c.PensionMethod != household.PensionReliefAtSource && c.PensionMethod != household.PensionNetPay {
			warn(true, pa.Name+" must be a member of a workplace pension from "+dec.Enrolled.UK()+", but their contract names no scheme.",
				"Add the scheme (NEST, for example) and the contributions to their contract under People, then preview again.")
			input.Pension = settings
			return
		}
		settings.Membership = payroll.Enrolled
		switch {
		case dec.Step == payroll.EnrolNow && dec.ReEnrolled:
			warn(false, pa.Name+" left "+scheme+" more than 12 months before your re-enrolment date, "+dec.Enrolled.UK()+", and is an eligible jobholder again, so they are re-enrolled from that day and contributions start on this payslip. They may opt out again.", "")
		case dec.Step == payroll.EnrolNow:
			warn(false, pa.Name+" is an eligible jobholder from "+dec.Enrolled.UK()+", so they are enrolled in "+scheme+" from that day (their automatic enrolment date) and contributions start on this payslip.", "")
		}
		infoDue(dec.InfoBy)
	case payroll.Postponed:
		settings.Membership = payroll.PostponedMember
		from := p.Duties.Start
		if pa.StartDate.After(from) {
			from = pa.StartDate
		}
		if a.From.After(p.Duties.Deferral(from)) {
			from = a.From
		}
		fix := ""
		if p.State.PostponementNotice.IsZero() {
			fix = "Give them the written notice of postponement by " + payroll.PostponementNoticeBy(from).UK() + " (within 6 weeks), then record the day it was given under Pay, Pensions (or: patoolkit pension pa --pa \"" + pa.Name + "\" --notice-given DATE)."
		}
		warn(false, pa.Name+" is an eligible jobholder, but their automatic enrolment is postponed to "+dec.Deferral.UK()+": they are enrolled then if they are still eligible.", fix)
	case payroll.RefundOptOut:
		settings.Membership = payroll.OptedOut
		if p.Deducted > 0 {
			l := Line{Line: payroll.Line{Kind: payroll.PensionRefund, Description: "Pension contributions given back (opted out)", Amount: p.Deducted},
				Source: "Opted out of " + scheme + " on " + p.State.OptedOut.UK() + ", inside the opt-out period (" + dec.OptOut.From.UK() + " to " + dec.OptOut.To.UK() +
					"): the contributions taken from their pay since " + p.State.Enrolled.UK() + " are given back, as The Pensions Regulator's guidance says"}
			r.Lines = append(r.Lines, l)
			input.Lines = append(input.Lines, l.Line)
			warn(false, pa.Name+" opted out of "+scheme+" in the opt-out period, so the "+p.Deducted.Format()+" taken from their pay is given back on this payslip.",
				"The employer's contributions come back to you from the scheme: ask "+scheme+" for them if they have not arrived within a month.")
		}
	case payroll.OptedOutDone, payroll.StoppedMember:
		settings.Membership = payroll.OptedOut
	}
	input.Pension = settings
}
