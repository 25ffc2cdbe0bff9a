package payrun

import (
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/rota"
	"patoolkit/text"
)

// FamilyEpisode is an episode of a PA's family leave, as a pay run needs
// it.
type FamilyEpisode struct {
	Leave payroll.FamilyLeave
	// Class1NI is the employer's Class 1 NI (employee's and employer's,
	// before the Employment Allowance) for the last complete tax year
	// before the episode's qualifying week, from the stored payslips: it
	// decides Small Employers' Relief.
	Class1NI money.Money
}

// RecoverableOf is what HMRC gives back of the statutory pay on lines.
func RecoverableOf(lines []Line) money.Money {
	var n money.Money
	for _, l := range lines {
		n += l.Recoverable
	}
	return n
}

// familyOff returns the days of the period on family leave as absences,
// so contracted hours are not paid for them.
func familyOff(in PAInput, per household.PayPeriod) []rota.Absence {
	var out []rota.Absence
	for _, e := range in.Family {
		if e.Leave.From.After(per.To) || e.Leave.End().Before(per.From) {
			continue
		}
		out = append(out, rota.Absence{PAID: in.PA.ID, Kind: rota.OtherLeave, From: e.Leave.From, To: e.Leave.End()})
	}
	return out
}

// familyPayLines are the statutory family payments due for the days of
// the period, one line per episode (payroll.FamilyPay: the qualifying
// week, 26 weeks' employment, average weekly earnings from the stored
// paydays at the LEL, the 90% weeks, the April rate change, part weeks at
// a seventh of the weekly rate), each with what HMRC gives back of it (92%,
// or with Small Employers' Relief the year's rate). notes say why pay is
// not due and what the employer must then do (form SMP1, ...); blocking
// is true when an episode could not be worked out.
func familyPayLines(in PAInput, per household.PayPeriod, freq payroll.Frequency) (lines []Line, notes []string, blocking []string) {
	for _, e := range in.Family {
		l := e.Leave
		if l.From.After(per.To) || l.End().Before(per.From) {
			continue
		}
		name := l.Kind.Name()
		what := in.PA.Name + "'s " + l.Kind.Leave() + " from " + l.From.UK()
		res, err := payroll.FamilyPay(payroll.FamilyPayInput{Leave: l, EmployedFrom: in.PA.StartDate, LeftOn: in.PA.LeavingDate,
			Paid: in.EarlierPay, Monthly: freq == payroll.Monthly})
		if err != nil {
			blocking = append(blocking, name+" for "+what+" could not be worked out: "+err.Error()+".")
			continue
		}
		for _, r := range res.Reasons {
			notes = append(notes, name+", "+what+": "+r+".")
		}
		if res.Tell != "" {
			notes = append(notes, name+", "+what+": "+res.Tell)
		}
		amount := res.AmountBetween(per.From, per.To)
		if amount <= 0 {
			continue
		}
		small, err := payroll.SmallEmployer(res.QualifyingWeek, e.Class1NI)
		if err != nil {
			blocking = append(blocking, name+" for "+what+": "+err.Error()+".")
			continue
		}
		rate, err := payroll.FamilyPayRecovery(per.Payday, small)
		if err != nil {
			blocking = append(blocking, name+" for "+what+": "+err.Error()+".")
			continue
		}
		relief := "92% recoverable from HMRC (Class 1 NI in " + res.SmallEmployerYear().String() + " was over £45,000)"
		if small {
			relief = rate.String() + " recoverable from HMRC with Small Employers' Relief (Class 1 NI in " + res.SmallEmployerYear().String() + " was " + e.Class1NI.Format() + ", £45,000 or less)"
		}
		days := res.DaysBetween(per.From, per.To)
		src := text.Capitalise(l.Kind.Leave()) + " from " + l.From.UK() + "; qualifying week from " + res.QualifyingWeek.UK() +
			"; average weekly earnings " + res.AWE.AWE.Format() + " (" + text.Count(res.AWE.Paydays, "payday", "paydays") + " to " + res.AWE.To.UK() +
			"), 90% is " + res.Ninety.Format() + "; " + relief
		lines = append(lines, Line{Line: payroll.Line{Kind: l.Kind.LineKind(), Description: name + ": " + text.Count(days, "day", "days"), Amount: amount},
			Source: src, Recoverable: payroll.Recovered(amount, rate)})
	}
	return lines, notes, blocking
}
