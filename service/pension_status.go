package service

// Each PA's workplace pension as the window's Pensions page shows it, and
// the one-date records it keeps: the enrolment letter given, the notice of
// postponement given, an opt-out, a request to join or to stop.

import (
	"fmt"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/storage"
)

// PensionPA is one PA's workplace pension: what is recorded, their
// category on their latest payslip, and what it means, in words.
type PensionPA struct {
	PAID int64
	Name string
	// Left is their leaving date, when they have one.
	Left civil.Date
	// Scheme is the scheme their contract names ("" when none).
	Scheme string
	// State is what is recorded.
	State payroll.PensionState
	// Category is their automatic enrolment category on their latest
	// payslip up to today, for the pay period AssessedFor (zero: no
	// payslip yet, Category NotAssessed).
	Category    payroll.WorkerCategory
	AssessedFor household.PayPeriod
	// LetterDue is the last day the enrolment letter may be given, when
	// they are enrolled and it is not recorded as given; LetterOverdue
	// says that day has passed.
	LetterDue     civil.Date
	LetterOverdue bool
	// OptOut is the opt-out period, once the enrolment date and the
	// letter are both recorded (OptOutKnown).
	OptOut      payroll.Window
	OptOutKnown bool
	// Status says where they stand, in one sentence.
	Status string
}

// PensionPAs returns each PA of the budget with their workplace pension,
// by name, as it stands on today.
func (s *Service) PensionPAs(accountID int64, today civil.Date) ([]PensionPA, error) {
	return readMoney(s, "reading the pension records", accountID, func(tx *storage.Tx) ([]PensionPA, error) {
		pas, err := tx.PAs(accountID)
		if err != nil {
			return nil, err
		}
		states, err := tx.PensionStates(accountID)
		if err != nil {
			return nil, err
		}
		slips, err := tx.Payslips(accountID, civil.New(1900, 1, 1), today, 0)
		if err != nil {
			return nil, err
		}
		latest := map[int64]Payslip{}
		for _, p := range slips {
			latest[p.PAID] = p // oldest first: the last one stays
		}
		out := make([]PensionPA, 0, len(pas))
		for _, pa := range pas {
			cs, err := tx.Contracts(pa.ID)
			if err != nil {
				return nil, err
			}
			c, _ := household.ContractOn(cs, today)
			p := PensionPA{PAID: pa.ID, Name: pa.Name, Left: pa.LeavingDate, Scheme: c.PensionScheme, State: states[pa.ID]}
			if slip, ok := latest[pa.ID]; ok {
				p.AssessedFor = slip.Detail.Period
				p.Category = slip.Result.Pension.Category
				if d := slip.Detail.Duties; d != nil {
					p.Category = d.Assessment.Category
				}
			}
			st := p.State
			if !st.Enrolled.IsZero() && st.InfoGiven.IsZero() && st.OptedOut.IsZero() {
				p.LetterDue = payroll.EnrolmentInfoBy(st.Enrolled)
				p.LetterOverdue = today.After(p.LetterDue)
			}
			p.OptOut, p.OptOutKnown = payroll.OptOutWindow(st.Enrolled, st.InfoGiven)
			p.Status = pensionStatusWords(p, today)
			out = append(out, p)
		}
		return out, nil
	})
}

// pensionStatusWords is where a PA stands, in one sentence.
func pensionStatusWords(p PensionPA, today civil.Date) string {
	st := p.State
	scheme := p.Scheme
	if scheme == "" {
		scheme = "the workplace pension"
	}
	switch {
	case !p.Left.IsZero() && p.Left.Before(today) && !st.Member(p.Left):
		return fmt.Sprintf("Left on %s, and was not a member of %s then.", p.Left.UK(), scheme)
	case !p.Left.IsZero() && p.Left.Before(today) && st.OptedOut.IsZero():
		return fmt.Sprintf("Left on %s: their membership of %s as your PA ended then (what was paid in stays in the scheme).", p.Left.UK(), scheme)
	case !st.OptedOut.IsZero():
		return fmt.Sprintf("Opted out on %s: treated as never having been a member of %s, and the contributions taken from their pay are given back.", st.OptedOut.UK(), scheme)
	case !st.Stopped.IsZero() && !today.Before(st.Stopped):
		return fmt.Sprintf("Asked to stop on %s: no longer paying into %s (what was paid in stays in the scheme).", st.Stopped.UK(), scheme)
	case st.Member(today):
		return fmt.Sprintf("A member of %s from %s: contributions are taken each payday.", scheme, st.Enrolled.UK())
	case !st.Enrolled.IsZero():
		return fmt.Sprintf("To be enrolled in %s on %s.", scheme, st.Enrolled.UK())
	case !st.Joined.IsZero():
		return fmt.Sprintf("Asked to join on %s: record the day their membership starts with \"Enrolled from…\" (the start of their next pay period).", st.Joined.UK())
	case !st.PostponedTo.IsZero() && today.Before(st.PostponedTo):
		return fmt.Sprintf("Enrolment is postponed to %s: they are enrolled then if they are still an eligible jobholder.", st.PostponedTo.UK())
	case p.Category == payroll.EligibleJobholder:
		return "Not a member yet. They were an eligible jobholder on their latest payslip, so the next pay run enrols them once your duties are recorded."
	}
	return "Not a member. Each pay run checks their age and pay, and enrols them when they become an eligible jobholder."
}

// PensionEvent is one thing that happens about a PA's pension on a day.
type PensionEvent string

// The events.
const (
	// PensionLetterGiven: the enrolment information (the letter) given.
	PensionLetterGiven PensionEvent = "letter"
	// PensionNoticeGiven: the written notice of postponement given.
	PensionNoticeGiven PensionEvent = "notice"
	// PensionOptedOut: a valid opt-out notice received.
	PensionOptedOut PensionEvent = "opted_out"
	// PensionJoined: the PA asked in writing to join (opt in).
	PensionJoined PensionEvent = "joined"
	// PensionStopped: the PA asked to stop, after the opt-out period.
	PensionStopped PensionEvent = "stopped"
	// PensionEnrolled: active membership starts (an opt-in or a join
	// taking effect, or an enrolment made before the toolkit kept the
	// record).
	PensionEnrolled PensionEvent = "enrolled"
)

// PensionEvents are the events, in the order the window offers them.
var PensionEvents = []PensionEvent{PensionLetterGiven, PensionNoticeGiven, PensionOptedOut, PensionJoined, PensionStopped, PensionEnrolled}

// Label is the event as a button names it: "Enrolment letter given on…"
// without the dots.
func (e PensionEvent) Label() string {
	switch e {
	case PensionLetterGiven:
		return "Enrolment letter given on"
	case PensionNoticeGiven:
		return "Postponement notice given on"
	case PensionOptedOut:
		return "Opted out on"
	case PensionJoined:
		return "Asked to join on"
	case PensionStopped:
		return "Asked to stop on"
	case PensionEnrolled:
		return "Enrolled from"
	}
	return string(e)
}

// FieldPensionDate is the field a refusal of RecordPensionEvent names:
// the event's date.
const FieldPensionDate = "on"

// In returns the date of st that the event is recorded in (nil for an
// event the record does not keep): the one place the events and the
// record's dates are matched.
func (ev PensionEvent) In(st *payroll.PensionState) *civil.Date {
	switch ev {
	case PensionLetterGiven:
		return &st.InfoGiven
	case PensionNoticeGiven:
		return &st.PostponementNotice
	case PensionOptedOut:
		return &st.OptedOut
	case PensionJoined:
		return &st.Joined
	case PensionStopped:
		return &st.Stopped
	case PensionEnrolled:
		return &st.Enrolled
	}
	return nil
}

// RecordPensionEvent records that ev happened on day on for the PA,
// keeping the rest of their record, after checking it against the rest
// (payroll.PensionState.Validate: an opt-out only inside the opt-out
// period, for example). A refusal names FieldPensionDate and changes
// nothing. The postponement notice needs the date postponement runs to,
// which the pay run that postponed them recorded.
func (s *Service) RecordPensionEvent(accountID, paID int64, ev PensionEvent, on civil.Date) error {
	if on.IsZero() {
		return fieldError(FieldPensionDate, "Give the date (DD/MM/YYYY).")
	}
	return s.update("saving the pension record", func(tx *storage.Tx) error {
		pa, err := budgetPA(tx, accountID, paID)
		if err != nil {
			return err
		}
		states, err := tx.PensionStates(accountID)
		if err != nil {
			return err
		}
		st := states[paID]
		date := ev.In(&st)
		switch {
		case date == nil:
			return Invalidf("%q is not something the pension record keeps.", string(ev))
		case ev == PensionNoticeGiven && st.PostponedTo.IsZero():
			return fieldError(FieldPensionDate, "%s's enrolment has not been postponed by a pay run, so there is no notice of postponement to record.", pa.Name)
		}
		*date = on
		if err := st.Validate(); err != nil {
			return fieldError(FieldPensionDate, "%s", pensionMessage(err))
		}
		if err := s.savePensionState(tx, accountID, pa, st); err != nil {
			if msg, ok := invalidMessage(err); ok {
				return fieldError(FieldPensionDate, "%s", msg)
			}
			return err
		}
		return nil
	})
}

// invalidMessage is the message of an Invalid service error.
func invalidMessage(err error) (string, bool) {
	if se, ok := err.(*Error); ok && se.Code == Invalid {
		return se.Message, true
	}
	return "", false
}
