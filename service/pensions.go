package service

// Workplace pensions: the employer's automatic enrolment duties, each
// PA's pension events, what a pay run does about them (payrun and
// payroll.Decide work it out), and the reminders for the home screen.

import (
	"errors"
	"fmt"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/storage"
	"patoolkit/text"
)

// PensionDuties is what a budget's employer has recorded about their
// automatic enrolment duties.
type PensionDuties = storage.PensionDuties

// pensionRefusal turns a payroll refusal into the service's sentence.
func pensionRefusal(err error) error {
	if err == nil {
		return nil
	}
	var fe interface{ Unwrap() []error }
	if errors.As(err, &fe) || errors.Is(err, payroll.ErrInvalid) {
		return Invalidf("%s.", text.Capitalise(err.Error()))
	}
	return err
}

// PensionDuties returns the budget's recorded duties; ok is false when
// none are recorded yet.
func (s *Service) PensionDuties(accountID int64) (d PensionDuties, ok bool, err error) {
	type out struct {
		d  PensionDuties
		ok bool
	}
	o, err := readMoney(s, "reading the pension duties", accountID, func(tx *storage.Tx) (out, error) {
		d, ok, err := tx.PensionDuties(accountID)
		return out{d, ok}, err
	})
	return o.d, o.ok, err
}

// The fields a refusal of SavePensionDuties names, so a form can show it
// beside the box it is about.
const (
	FieldDutiesStart   = "duties_start"
	FieldPostpone      = "postpone_months"
	FieldReEnrolment   = "reenrolment"
	FieldDeclared      = "declared"
	FieldReDeclared    = "redeclared"
	FieldSchemeRef     = "scheme_ref"
	FieldPaymentSource = "payment_source"
)

// dutiesField names the field a refusal of d.Validate is about: the
// duties start date, the postponement, or else the re-enrolment date
// (payroll checks them in that order).
func dutiesField(d payroll.Duties) string {
	switch {
	case d.Start.IsZero():
		return FieldDutiesStart
	case (payroll.Duties{Start: d.Start, PostponeMonths: d.PostponeMonths}).Validate() != nil:
		return FieldPostpone
	}
	return FieldReEnrolment
}

// pensionMessage is a payroll refusal as a sentence.
func pensionMessage(err error) string {
	return text.Capitalise(err.Error()) + "."
}

// SavePensionDuties checks and stores the employer's duties: the duties
// start date, the postponement, the re-enrolment date, when the
// declarations were made and the scheme's references. A refusal changes
// nothing and names the field it is about (FieldDutiesStart and the
// others).
func (s *Service) SavePensionDuties(d PensionDuties) error {
	d.SchemeRef = strings.TrimSpace(d.SchemeRef)
	d.PaymentSource = strings.TrimSpace(d.PaymentSource)
	if err := d.Duties.Validate(); err != nil {
		return fieldError(dutiesField(d.Duties), "%s", pensionMessage(err))
	}
	if !d.Declared.IsZero() && d.Declared.Before(d.Duties.Start) {
		return fieldError(FieldDeclared, "The declaration of compliance (%s) cannot be before the duties start date (%s): check the dates.", d.Declared.UK(), d.Duties.Start.UK())
	}
	if !d.ReDeclared.IsZero() && (d.Duties.ReEnrolment.IsZero() || d.ReDeclared.Before(d.Duties.ReEnrolment)) {
		return fieldError(FieldReDeclared, "A re-declaration follows a re-enrolment: give the re-enrolment date, and a re-declaration on or after it.")
	}
	if msg := text.Check("The scheme's reference for you", d.SchemeRef, text.Line.Shorter(40)); msg != "" {
		return fieldError(FieldSchemeRef, "%s", msg)
	}
	if msg := text.Check("The payment source", d.PaymentSource, text.Line.Shorter(60)); msg != "" {
		return fieldError(FieldPaymentSource, "%s", msg)
	}
	return s.update("saving the pension duties", func(tx *storage.Tx) error {
		a, err := findBudget(tx, d.AccountID)
		if err != nil {
			return err
		}
		if err := tx.SavePensionDuties(d); err != nil {
			return err
		}
		return tx.Audit(s.now(), a.ID, "pension duties saved", fmt.Sprintf("duties start %s, postponement %d months, re-enrolment %s, declared %s",
			d.Duties.Start.UK(), d.Duties.PostponeMonths, orNone(d.Duties.ReEnrolment.UK()), orNone(d.Declared.UK())))
	})
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// PensionStates returns what is recorded about each PA's pension, by PA.
func (s *Service) PensionStates(accountID int64) (map[int64]payroll.PensionState, error) {
	return readMoney(s, "reading the pension records", accountID, func(tx *storage.Tx) (map[int64]payroll.PensionState, error) {
		return tx.PensionStates(accountID)
	})
}

// SavePensionState checks and stores what has happened about a PA's
// pension: the enrolment date, the day the letter was given, a
// postponement and its notice, an opt-out, a request to join or to stop.
// A refusal changes nothing.
func (s *Service) SavePensionState(accountID, paID int64, st payroll.PensionState) error {
	if err := pensionRefusal(st.Validate()); err != nil {
		return err
	}
	return s.update("saving the pension record", func(tx *storage.Tx) error {
		pa, err := budgetPA(tx, accountID, paID)
		if err != nil {
			return err
		}
		return s.savePensionState(tx, accountID, pa, st)
	})
}

// budgetPA returns the budget's PA, or a refusal when the PA is not in it.
func budgetPA(tx *storage.Tx, accountID, paID int64) (household.PA, error) {
	pa, err := tx.PA(paID)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && pa.AccountID != accountID) {
		return pa, NotFoundf("That PA is not in this budget.")
	}
	return pa, err
}

// savePensionState stores a checked record for the PA, refusing an
// enrolment before their first day, and writes the audit line.
func (s *Service) savePensionState(tx *storage.Tx, accountID int64, pa household.PA, st payroll.PensionState) error {
	if !st.Enrolled.IsZero() && !pa.StartDate.IsZero() && st.Enrolled.Before(pa.StartDate) {
		return Invalidf("%s started on %s, so they cannot be enrolled before then (%s).", pa.Name, pa.StartDate.UK(), st.Enrolled.UK())
	}
	if !st.Enrolled.IsZero() && !pa.LeavingDate.IsZero() && st.Enrolled.After(pa.LeavingDate) {
		return Invalidf("%s left on %s, so they cannot be enrolled after then (%s).", pa.Name, pa.LeavingDate.UK(), st.Enrolled.UK())
	}
	if err := tx.SavePensionState(pa.ID, st); err != nil {
		return err
	}
	return tx.Audit(s.now(), accountID, "pension record saved", fmt.Sprintf("%s: enrolled %s, letter %s, opted out %s, joined %s, stopped %s",
		pa.Name, orNone(st.Enrolled.UK()), orNone(st.InfoGiven.UK()), orNone(st.OptedOut.UK()), orNone(st.Joined.UK()), orNone(st.Stopped.UK())))
}

// pensionInputs returns each PA's stored record for a pay run, or nil
// when the employer has recorded no duties.
func pensionInputs(tx *storage.Tx, accountID int64) (*storage.PensionDuties, map[int64]payroll.PensionState, error) {
	d, ok, err := tx.PensionDuties(accountID)
	if err != nil || !ok {
		return nil, nil, err
	}
	states, err := tx.PensionStates(accountID)
	return &d, states, err
}

// pensionInput is one PA's record for the run, with the contributions
// to give back after an opt-out, from their earlier payslips.
func pensionInput(d *storage.PensionDuties, st payroll.PensionState, history []Payslip) *payrun.PensionInput {
	if d == nil {
		return nil
	}
	in := &payrun.PensionInput{Duties: d.Duties, State: st}
	if st.OptedOut.IsZero() {
		return in
	}
	for _, h := range history {
		if !h.Payday.Before(st.Enrolled) {
			in.Deducted += h.Result.Pension.Employee
		}
		for _, l := range h.Result.Lines {
			if l.Kind == payroll.PensionRefund && !h.Payday.Before(st.OptedOut) {
				in.Refunded = true
			}
		}
	}
	if in.Refunded {
		in.Deducted = 0
	}
	return in
}

// recordPensionSteps stores what a finalised run decided: the automatic
// enrolment date of a PA it enrolled, the deferral date of a PA it
// postponed, and a fresh record for a PA it re-enrolled (their earlier
// opt-out or stop is in the audit log and their old payslips).
func (s *Service) recordPensionSteps(tx *storage.Tx, accountID int64, r payrun.Run) error {
	states, err := tx.PensionStates(accountID)
	if err != nil {
		return err
	}
	for _, p := range r.PAs {
		if p.Duties == nil || !p.Calc {
			continue
		}
		st := states[p.PAID]
		switch {
		case p.Duties.Step == payroll.EnrolNow && p.Duties.ReEnrolled:
			if err := tx.Audit(s.now(), accountID, "pension re-enrolment", fmt.Sprintf("%s: re-enrolled from %s (had opted out %s, stopped %s)",
				p.PA, p.Duties.Enrolled.UK(), orNone(st.OptedOut.UK()), orNone(st.Stopped.UK()))); err != nil {
				return err
			}
			st = payroll.PensionState{Enrolled: p.Duties.Enrolled}
		case p.Duties.Step == payroll.EnrolNow && st.Enrolled.IsZero():
			st.Enrolled = p.Duties.Enrolled
		case p.Duties.Step == payroll.Postponed && st.PostponedTo.IsZero():
			st.PostponedTo = p.Duties.Deferral
		default:
			continue
		}
		if err := tx.SavePensionState(p.PAID, st); err != nil {
			return err
		}
	}
	return nil
}

// PensionReminder is one pension deadline for the home screen.
type PensionReminder struct {
	// Title names it: "Declaration of compliance".
	Title string
	Due   civil.Date
	// Done is when it was done (zero: not yet).
	Done civil.Date
	// Text says what to do, in plain words, as the screen shows it.
	Text string
	// Overdue is set when the due date has passed and it is not done.
	Overdue bool
}

// PensionReminders returns the declaration of compliance and the
// re-declaration, each with its due date and what to do, for the home
// screen; none when the employer has recorded no duties yet (then one
// reminder says to record them, when any PA is employed).
func (s *Service) PensionReminders(accountID int64, today civil.Date) ([]PensionReminder, error) {
	return readMoney(s, "reading the pension reminders", accountID, func(tx *storage.Tx) ([]PensionReminder, error) {
		d, ok, err := tx.PensionDuties(accountID)
		if err != nil {
			return nil, err
		}
		if !ok {
			pas, err := tx.PAs(accountID)
			if err != nil || len(pas) == 0 {
				return nil, err
			}
			return []PensionReminder{{Title: "Workplace pension duties",
				Text: "Record your duties start date (the day your first PA started) under Pay, Pensions (or: patoolkit pension duties --duties-start DATE), so the toolkit can tell you when each PA must be enrolled and when your declaration of compliance is due."}}, nil
		}
		var out []PensionReminder
		due := payroll.DeclarationDue(d.Duties.Start)
		r := PensionReminder{Title: "Declaration of compliance", Due: due, Done: d.Declared}
		switch {
		case !d.Declared.IsZero():
			r.Text = "Declared to The Pensions Regulator on " + d.Declared.UK() + "."
		case today.After(due):
			r.Overdue = true
			r.Text = "Your declaration of compliance was due by " + due.UK() + ". Make it now on The Pensions Regulator's website: the Regulator can fine employers who are late."
		default:
			r.Text = "Tell The Pensions Regulator by " + due.UK() + " how you met your duties (your declaration of compliance), on its website. You will need your PAYE reference, your letter code and the scheme's details."
		}
		out = append(out, r)
		re := d.Duties.ReEnrolment
		if re.IsZero() {
			// The next window from today.
			for n := 1; n <= 40; n++ {
				w := d.Duties.ReEnrolmentWindow(n)
				if !w.To.Before(today) {
					out = append(out, PensionReminder{Title: "Re-enrolment", Due: w.To,
						Text: "Every three years you re-enrol PAs who left the scheme. Choose a re-enrolment date from " + w.From.UK() + " to " + w.To.UK() + " and record it under Pay, Pensions (or: patoolkit pension duties --reenrolment-date DATE)."})
					break
				}
			}
			return out, nil
		}
		if rdue, ok := d.Duties.ReDeclarationDue(re); ok {
			r := PensionReminder{Title: "Re-declaration of compliance", Due: rdue}
			switch {
			case !d.ReDeclared.IsZero() && !d.ReDeclared.Before(re):
				r.Done = d.ReDeclared
				r.Text = "Re-declared to The Pensions Regulator on " + d.ReDeclared.UK() + "."
			case today.After(rdue):
				r.Overdue = true
				r.Text = "Your re-declaration of compliance was due by " + rdue.UK() + ". Make it now on The Pensions Regulator's website."
			default:
				r.Text = "Re-enrol on " + re.UK() + " any PA who is an eligible jobholder and left the scheme more than 12 months before, then tell The Pensions Regulator by " + rdue.UK() + " (your re-declaration of compliance)."
			}
			out = append(out, r)
		}
		return out, nil
	})
}

// pensionMoney is a contribution as the files write it: 12.34.
func pensionMoney(m money.Money) string {
	neg := ""
	if m < 0 {
		neg, m = "-", -m
	}
	return fmt.Sprintf("%s%d.%02d", neg, int64(m)/100, int64(m)%100)
}
