package payroll

// The employer's automatic enrolment duties, pay run by pay run (Pensions
// Act 2008 Part 1, chapter 1; The Pensions Regulator's detailed guidance
// for employers: no. 1 "Assessing the workforce", no. 2 "Postponement",
// no. 3 "Automatic enrolment", no. 4 "Opting in, joining and opting out",
// no. 5 "Automatic re-enrolment" and no. 7 "Declaration of compliance").
// Pure: the dates and state come in, nothing is read from a clock.

import (
	"patoolkit/civil"
	"patoolkit/money"
)

// addMonthsClamped adds n calendar months to d, keeping the day of the
// month or, where that month is shorter, the last day of it: one month
// from 31 January is 28 (or 29) February, as a period "of one month" is
// counted in law (the corresponding date rule, Dodds v Walker [1981]).
func addMonthsClamped(d civil.Date, n int) civil.Date {
	first := civil.New(d.Year, d.Month, 1).AddMonths(n)
	last := first.AddMonths(1).AddDays(-1)
	if d.Day > last.Day {
		return last
	}
	return civil.New(first.Year, first.Month, d.Day)
}

// Assessment is a worker's category in one pay reference period.
type Assessment struct {
	Category WorkerCategory `json:"category"`
	// From is the first day of the period the category holds on: the
	// period's first day, or the worker's 22nd birthday when it falls in
	// the period (TPR guidance no. 1: someone who turns 22 in a pay
	// reference period becomes an eligible jobholder on their birthday).
	From civil.Date `json:"from"`
	// Earnings are the earnings assessed: the pay in the period.
	Earnings money.Money `json:"earnings"`
}

// AssessPeriod assesses a worker born on dob, paid earnings for the pay
// reference period from..to of frequency f (Pensions Act 2008 ss1, 3 and
// 13; TPR guidance no. 1). The age tests look across the whole period, as
// TPR's guidance does: the worker is an eligible jobholder if on any day
// of it they are 22 or over and under State Pension age and the earnings
// are above the period's earnings trigger; a non-eligible jobholder if 16
// to 74 on some day of it and above the lower limit of qualifying
// earnings; an entitled worker if 16 to 74 and at or below it.
func (r *Rates) AssessPeriod(dob, from, to civil.Date, f Frequency, earnings money.Money) Assessment {
	a := Assessment{From: from, Earnings: earnings}
	if dob.IsZero() || from.IsZero() || to.Before(from) || !f.valid() {
		return a
	}
	i := f.index()
	sixteen, twentyTwo, seventyFive := dob.AddMonths(16*12), dob.AddMonths(22*12), dob.AddMonths(75*12)
	spa := StatePensionDate(dob)
	if to.Before(sixteen) || !from.Before(seventyFive) {
		a.Category = OutsideAgeRange
		return a
	}
	eligibleFrom := from
	if eligibleFrom.Before(twentyTwo) {
		eligibleFrom = twentyTwo
	}
	switch {
	case earnings > r.PensionTrigger[i] && !eligibleFrom.After(to) && eligibleFrom.Before(spa):
		a.Category, a.From = EligibleJobholder, eligibleFrom
	case earnings > r.PensionLower[i]:
		a.Category = NonEligibleJobholder
	default:
		a.Category = EntitledWorker
	}
	return a
}

// Duties are the employer's choices about automatic enrolment.
type Duties struct {
	// Start is the duties start date: the day the first PA started work
	// (TPR: a new employer's duties start on the day its first member of
	// staff starts).
	Start civil.Date `json:"start"`
	// PostponeMonths is the postponement the employer uses (0 to 3 whole
	// months; Pensions Act 2008 s4): each PA's assessment may be put off
	// that long from the later of the duties start date and their first
	// day, or from the day they first become an eligible jobholder.
	PostponeMonths int `json:"postpone_months"`
	// ReEnrolment is the re-enrolment date the employer chose for the
	// next round (zero: not chosen yet).
	ReEnrolment civil.Date `json:"reenrolment"`
}

// Validate checks the duties in plain English.
func (d Duties) Validate() error {
	if d.Start.IsZero() {
		return invalid("give the duties start date: the day your first PA started work")
	}
	if d.PostponeMonths < 0 || d.PostponeMonths > 3 {
		return invalidf("postponement can be 0 to 3 months, not %d (Pensions Act 2008 s4)", d.PostponeMonths)
	}
	if !d.ReEnrolment.IsZero() {
		if _, ok := d.ReEnrolmentRound(d.ReEnrolment); !ok {
			w := d.ReEnrolmentWindow(1)
			return invalidf("the re-enrolment date %s is not in a re-enrolment window: choose a day within 3 months either side of a third anniversary of the duties start date (the first window is %s to %s)",
				d.ReEnrolment.UK(), w.From.UK(), w.To.UK())
		}
	}
	return nil
}

// Deferral is the last day of postponement begun on from: PostponeMonths
// later (TPR guidance no. 2: the deferral date may be no more than three
// months after the date the postponement was used from). Zero when the
// employer does not postpone.
func (d Duties) Deferral(from civil.Date) civil.Date {
	if d.PostponeMonths <= 0 || from.IsZero() {
		return civil.Date{}
	}
	return addMonthsClamped(from, d.PostponeMonths)
}

// PostponementNoticeBy is the last day the written notice of postponement
// may be given: 6 weeks after the date postponement was used from (TPR
// guidance no. 2; the Employers' Duties Regulations 2010 reg 5).
func PostponementNoticeBy(from civil.Date) civil.Date { return from.AddDays(6*7 - 1) }

// Window is a span of days, both ends counted.
type Window struct {
	From civil.Date `json:"from"`
	To   civil.Date `json:"to"`
}

// Contains reports whether d is in the window.
func (w Window) Contains(d civil.Date) bool {
	return !w.From.IsZero() && !d.Before(w.From) && !d.After(w.To)
}

// EnrolmentInfoBy is the last day the enrolment information may be given
// to a PA automatically enrolled on enrolled: within 6 weeks of it (the
// joining window; TPR guidance no. 3).
func EnrolmentInfoBy(enrolled civil.Date) civil.Date { return enrolled.AddDays(6*7 - 1) }

// OptOutWindow is the opt-out period: one month from the later of the
// day active membership began (enrolled) and the day the enrolment
// information was given (TPR guidance no. 4; Employers' Duties
// Regulations 2010 reg 9). ok is false until both are known: an opt-out
// notice given before the period starts is not valid.
func OptOutWindow(enrolled, infoGiven civil.Date) (w Window, ok bool) {
	if enrolled.IsZero() || infoGiven.IsZero() {
		return Window{}, false
	}
	start := enrolled
	if infoGiven.After(start) {
		start = infoGiven
	}
	return Window{From: start, To: addMonthsClamped(start, 1)}, true
}

// PensionState is what has happened about one PA's workplace pension.
type PensionState struct {
	// Enrolled is the automatic enrolment date (or the day an opt-in or
	// join took effect): active membership from then.
	Enrolled civil.Date `json:"enrolled"`
	// InfoGiven is the day the enrolment information (the letter) was
	// given.
	InfoGiven civil.Date `json:"info_given"`
	// PostponedTo is the deferral date of a postponement, and
	// PostponementNotice the day its written notice was given.
	PostponedTo        civil.Date `json:"postponed_to"`
	PostponementNotice civil.Date `json:"postponement_notice"`
	// OptedOut is the day a valid opt-out notice was received.
	OptedOut civil.Date `json:"opted_out"`
	// Joined is the day a non-eligible jobholder (opt in) or an entitled
	// worker (join) asked in writing to join.
	Joined civil.Date `json:"joined"`
	// Stopped is the day the PA asked to stop being an active member
	// after the opt-out period (ceased active membership).
	Stopped civil.Date `json:"stopped"`
}

// Validate checks the dates against each other, in plain English.
func (s PensionState) Validate() error {
	if !s.OptedOut.IsZero() {
		w, ok := OptOutWindow(s.Enrolled, s.InfoGiven)
		switch {
		case s.Enrolled.IsZero():
			return invalid("an opt-out needs the enrolment date first: a PA can only opt out of a scheme they were enrolled in")
		case !ok:
			return invalid("an opt-out is only valid once the PA has been given the enrolment information: record the day the letter was given first")
		case s.OptedOut.Before(w.From):
			return invalidf("an opt-out notice dated %s is before the opt-out period starts (%s), so it is not valid: the PA can opt out from %s to %s", s.OptedOut.UK(), w.From.UK(), w.From.UK(), w.To.UK())
		case s.OptedOut.After(w.To):
			return invalidf("the opt-out period ended on %s, so an opt-out on %s is too late: record it as asking to stop (leaving the scheme) instead", w.To.UK(), s.OptedOut.UK())
		}
		if !s.Stopped.IsZero() {
			return invalid("a PA who opted out cannot also have stopped: give one or the other")
		}
	}
	if !s.Stopped.IsZero() && (s.Enrolled.IsZero() || s.Stopped.Before(s.Enrolled)) {
		return invalid("a PA can only stop being a member on or after the day they were enrolled")
	}
	if !s.InfoGiven.IsZero() && !s.Enrolled.IsZero() && s.InfoGiven.Before(s.Enrolled.AddDays(-6*7)) {
		return invalid("the enrolment information is given around the enrolment date (from 6 weeks before it, when postponing): check the dates")
	}
	if !s.PostponementNotice.IsZero() && s.PostponedTo.IsZero() {
		return invalid("give the date postponement runs to as well as the day the notice was given")
	}
	return nil
}

// Member reports whether the PA is an active member on day d.
func (s PensionState) Member(d civil.Date) bool {
	if s.Enrolled.IsZero() || d.Before(s.Enrolled) {
		return false
	}
	if !s.OptedOut.IsZero() {
		return false // treated as never having been a member
	}
	return s.Stopped.IsZero() || d.Before(s.Stopped)
}

// Step is what a pay run does about a PA's pension.
type Step byte

// The steps.
const (
	// NoDuty: nothing to do (no duties yet, or not an eligible
	// jobholder, and not a member).
	NoDuty Step = iota
	// Postponed: an eligible jobholder whose assessment is postponed.
	Postponed
	// EnrolNow: enrol the PA automatically from Decision.Enrolled; take
	// contributions on this pay.
	EnrolNow
	// Contribute: an active member; take contributions.
	Contribute
	// RefundOptOut: the PA opted out in the opt-out period; refund the
	// employee's contributions on this pay and take none.
	RefundOptOut
	// OptedOutDone: opted out, refund already made; nothing taken.
	OptedOutDone
	// StoppedMember: stopped after the opt-out period; nothing taken, no
	// refund (the money stays in the scheme).
	StoppedMember
)

// Decision is one PA's pension on one payday.
type Decision struct {
	Step       Step       `json:"step"`
	Assessment Assessment `json:"assessment"`
	// Enrolled is the automatic enrolment date, when Step is EnrolNow (or
	// the stored one for a member).
	Enrolled civil.Date `json:"enrolled"`
	// Employer is false for an entitled worker who joined: the employer
	// need not contribute (TPR guidance no. 4).
	Employer bool `json:"employer"`
	// InfoBy is the day the enrolment information must be given by, when
	// it has not been given yet (zero otherwise).
	InfoBy civil.Date `json:"info_by"`
	// OptOut is the opt-out period, when known.
	OptOut Window `json:"opt_out"`
	// Deferral is the postponement's end, when postponed.
	Deferral civil.Date `json:"deferral"`
	// ReEnrolled is set when Step is EnrolNow because the PA is enrolled
	// again on the employer's re-enrolment date (TPR guidance no. 5).
	ReEnrolled bool `json:"reenrolled,omitempty"`
}

// Decide works out a PA's pension on a payday from the duties, what has
// happened so far and the period's assessment: per TPR's guidance an
// eligible jobholder who is not a member is enrolled from the day they
// became eligible (or the deferral date, when postponed and still eligible
// on it); a member pays in; an opt-out in the opt-out period is refunded
// once (refunded says it has been).
func Decide(d Duties, st PensionState, a Assessment, per Window, firstDay civil.Date, refunded bool) Decision {
	out := Decision{Assessment: a, Employer: true, Enrolled: st.Enrolled}
	if w, ok := OptOutWindow(st.Enrolled, st.InfoGiven); ok {
		out.OptOut = w
	}
	if !st.Enrolled.IsZero() && st.InfoGiven.IsZero() && st.OptedOut.IsZero() {
		out.InfoBy = EnrolmentInfoBy(st.Enrolled)
	}
	// Re-enrolment: in the pay period holding the re-enrolment date, an
	// eligible jobholder who left the scheme more than 12 months before is
	// enrolled again from that date, with a new opt-out period.
	if !d.ReEnrolment.IsZero() && per.Contains(d.ReEnrolment) && ReEnrol(st, d.ReEnrolment, a) {
		out.Step, out.Enrolled, out.ReEnrolled = EnrolNow, d.ReEnrolment, true
		out.OptOut, out.InfoBy = Window{}, EnrolmentInfoBy(d.ReEnrolment)
		return out
	}
	switch {
	case !st.OptedOut.IsZero() && !refunded:
		out.Step = RefundOptOut
		return out
	case !st.OptedOut.IsZero():
		out.Step = OptedOutDone
		return out
	case !st.Stopped.IsZero() && !per.To.Before(st.Stopped):
		out.Step = StoppedMember
		return out
	case !st.Enrolled.IsZero() && !per.To.Before(st.Enrolled):
		out.Step = Contribute
		if !st.Joined.IsZero() && !st.Joined.Before(st.Enrolled.AddDays(-31)) && a.Category == EntitledWorker {
			out.Employer = false
		}
		return out
	case !st.Enrolled.IsZero():
		return out // enrolment date set for later
	}
	if d.Start.IsZero() || per.To.Before(d.Start) || a.Category != EligibleJobholder {
		return out
	}
	// The day the PA became an eligible jobholder, no earlier than the
	// duties start date and their first day.
	from := a.From
	for _, x := range []civil.Date{d.Start, firstDay} {
		if from.Before(x) {
			from = x
		}
	}
	if from.After(per.To) {
		return out
	}
	deferral := st.PostponedTo
	if deferral.IsZero() && d.PostponeMonths > 0 {
		start := d.Start
		if firstDay.After(start) {
			start = firstDay
		}
		// Postponement used from the duties start date or the PA's first
		// day covers them if they are eligible on its deferral date;
		// someone who first becomes eligible after it may be postponed
		// from that day instead. The service stores the deferral date
		// once a run has used it, so it does not move on.
		deferral = d.Deferral(start)
		if from.After(deferral) {
			deferral = d.Deferral(from)
		}
	}
	if !deferral.IsZero() && per.To.Before(deferral) {
		out.Step, out.Deferral = Postponed, deferral
		return out
	}
	if !deferral.IsZero() && from.Before(deferral) {
		// Still eligible in the period holding the deferral date: enrolled
		// from it (TPR guidance no. 2).
		from = deferral
		if from.Before(per.From) {
			from = per.From
		}
	}
	out.Step, out.Enrolled = EnrolNow, from
	out.InfoBy = EnrolmentInfoBy(from)
	return out
}

// Takes reports whether contributions are taken on this pay.
func (d Decision) Takes() bool { return d.Step == EnrolNow || d.Step == Contribute }

// ReEnrolmentWindow is the n-th re-enrolment window (n from 1): 3 months
// either side of the n-th third anniversary of the duties start date (TPR
// guidance no. 5).
func (d Duties) ReEnrolmentWindow(n int) Window {
	anniversary := addMonthsClamped(d.Start, 36*n)
	return Window{From: addMonthsClamped(anniversary, -3), To: addMonthsClamped(anniversary, 3)}
}

// ReEnrolmentRound returns which round (1, 2, ...) a re-enrolment date
// belongs to; ok is false when it is in no window.
func (d Duties) ReEnrolmentRound(date civil.Date) (int, bool) {
	if d.Start.IsZero() {
		return 0, false
	}
	for n := 1; n <= 40; n++ {
		w := d.ReEnrolmentWindow(n)
		if w.Contains(date) {
			return n, true
		}
		if w.From.After(date) {
			break
		}
	}
	return 0, false
}

// ReEnrol reports whether a PA is to be re-enrolled on the re-enrolment
// date: an eligible jobholder on that day (assessed in the pay reference
// period holding it) who is not an active member because they opted out
// or stopped, more than 12 months before the date (TPR guidance no. 5:
// those who left in the 12 months before may be left out).
func ReEnrol(st PensionState, date civil.Date, a Assessment) bool {
	if a.Category != EligibleJobholder || st.Member(date) {
		return false
	}
	left := st.OptedOut
	if left.IsZero() {
		left = st.Stopped
	}
	if left.IsZero() {
		return false // never a member: enrolled by the usual assessment
	}
	return left.Before(addMonthsClamped(date, -12))
}

// DeclarationDue is when the declaration of compliance must reach The
// Pensions Regulator: within 5 months of the duties start date (TPR
// guidance no. 7), so by the day before the date 5 months on.
func DeclarationDue(start civil.Date) civil.Date {
	if start.IsZero() {
		return civil.Date{}
	}
	return addMonthsClamped(start, 5).AddDays(-1)
}

// ReDeclarationDue is when the re-declaration of compliance is due for a
// re-enrolment on date: within 5 months of the re-enrolment date (TPR
// guidance no. 7), and never later than 5 months after the third
// anniversary of the duties start date the round belongs to, so a date
// chosen late in the window does not push the deadline past what TPR
// asks. ok is false when date is in no re-enrolment window.
func (d Duties) ReDeclarationDue(date civil.Date) (due civil.Date, ok bool) {
	round, ok := d.ReEnrolmentRound(date)
	if !ok {
		return civil.Date{}, false
	}
	due = addMonthsClamped(date, 5).AddDays(-1)
	if cap := addMonthsClamped(addMonthsClamped(d.Start, 36*round), 5).AddDays(-1); cap.Before(due) {
		due = cap
	}
	return due, true
}
