package payroll

import "patoolkit/civil"

// SSP1 is what an employer's form SSP1 says for one spell of sickness:
// why SSP is not paid, or why it stops while the employee is still sick,
// so that they can claim Employment and Support Allowance or Universal
// Credit instead (HMRC, "Statutory Sick Pay: employee is not entitled";
// the Statutory Sick Pay (General) Regulations 1982, reg 15).
type SSP1 struct {
	// First and Last are the spell's days of sickness.
	First, Last civil.Date
	// LastPaid is the last day SSP is paid for (zero when none is), and
	// Stops the first qualifying day it is not.
	LastPaid, Stops civil.Date
	// Status is why it is not paid (below the LEL, the 28 weeks used up,
	// or the transitional rule of 6 April 2026).
	Status SSPDayStatus
	// NotDue is set when no SSP is paid for the spell at all.
	NotDue bool
	// GiveBy is when the form must be given: within 7 days of the first
	// day SSP is not paid; where the 28 weeks end while the spell goes on,
	// by the first day of the 23rd week of SSP (6 weeks before it ends).
	GiveBy civil.Date
}

// SSP1s returns the SSP1 forms a sickness history needs (res is SSP's
// result for in), one for each spell in which SSP is not due, or stops,
// for a reason other than waiting days or a spell too short to be a
// period of incapacity. A spell of fewer than 4 days needs none.
func SSP1s(in SSPInput, res SSPResult) []SSP1 {
	var out []SSP1
	for _, sp := range in.Spells {
		var f SSP1
		found := false
		for _, d := range res.Days {
			if d.Date.Before(sp.First) || d.Date.After(sp.Last) {
				continue
			}
			switch d.Status {
			case SSPPaid:
				f.LastPaid = d.Date
			case SSPBelowLEL, SSPExhausted, SSPTransitionalNone:
				if !found {
					f.Stops, f.Status, found = d.Date, d.Status, true
				}
			}
		}
		if !found {
			continue
		}
		f.First, f.Last = sp.First, sp.Last
		f.NotDue = f.LastPaid.IsZero()
		f.GiveBy = f.Stops.AddDays(7)
		if f.Status == SSPExhausted && !f.NotDue {
			if early := f.Stops.AddDays(-42); early.After(sp.First) {
				f.GiveBy = early
			}
		}
		out = append(out, f)
	}
	return out
}

// Why says in plain words why SSP is not paid from Stops.
func (f SSP1) Why() string {
	switch f.Status {
	case SSPBelowLEL:
		return "their average weekly earnings are below the lower earnings limit, so SSP is not due (rule before 6 April 2026)"
	case SSPExhausted:
		return "they have been paid the most SSP there is: 28 weeks in a period of sickness"
	case SSPTransitionalNone:
		return "they have been off sick without SSP since before 22 September 2025, so none is due under the rules from 6 April 2026 (transitional rule; check)"
	}
	return f.Status.String()
}
