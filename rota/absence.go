package rota

import (
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/field"
)

// AbsenceKind is the reason for an absence.
type AbsenceKind string

// The kinds of absence.
const (
	// Holiday is a PA's paid holiday, counted against their entitlement.
	Holiday AbsenceKind = "holiday"
	// Sickness is a PA off sick; its qualifying days feed Statutory Sick Pay.
	Sickness AbsenceKind = "sickness"
	// OtherLeave is any other leave of a PA (compassionate, parental,
	// unpaid).
	OtherLeave AbsenceKind = "other"
	// HospitalStay is a stay in hospital of the person supported: no PA is
	// absent, but the support is not needed, so shifts are suspended or
	// retained.
	HospitalStay AbsenceKind = "hospital"
)

// Label returns the kind as shown.
func (k AbsenceKind) Label() string { return labelOr(absenceLabels, k, "Unknown absence") }

var absenceLabels = map[AbsenceKind]string{
	Holiday: "Holiday", Sickness: "Sickness", OtherLeave: "Other leave", HospitalStay: "Hospital stay",
}

// HospitalMode says what happens to shifts during a hospital stay.
type HospitalMode string

// The hospital modes.
const (
	// HospitalSuspend: shifts are suspended, not worked and not paid.
	HospitalSuspend HospitalMode = "suspend"
	// HospitalRetain: PAs' shifts are retained, paid though not worked
	// (as many councils allow, to keep the PAs).
	HospitalRetain HospitalMode = "retain"
)

// Absence is a period, in whole days, when a PA is absent or the person
// supported is in hospital.
type Absence struct {
	ID int64
	// PAID is the absent PA; 0 for a hospital stay.
	PAID int64
	Kind AbsenceKind
	// From and To are the first and last days, inclusive.
	From, To civil.Date
	// QualifyingDays are, for sickness, the days of the week the PA
	// usually works (the qualifying days for Statutory Sick Pay).
	QualifyingDays []time.Weekday
	// Hospital is, for a hospital stay, whether shifts are suspended or
	// retained.
	Hospital HospitalMode
	Note     string
}

// Validate checks the absence and says what to fix: every problem at
// once, each on the field of the absence form it is about ("who",
// "kind", "hospital", "from", "to", "qualifying", "note").
func (a Absence) Validate() error { return invalidAll(a.Problems()) }

// Problems is every problem of the absence, each on its field.
func (a Absence) Problems() field.Errors {
	var errs field.Errors
	switch a.Kind {
	case Holiday, Sickness, OtherLeave:
		if a.PAID <= 0 {
			errs.Add("who", "Choose the PA who is absent.")
		}
	case HospitalStay:
		if a.PAID != 0 {
			errs.Add("who", "A hospital stay is for the person supported, not a PA: leave the PA blank.")
		}
		if a.Hospital != HospitalSuspend && a.Hospital != HospitalRetain {
			errs.Add("hospital", "Choose whether the PAs' shifts during the hospital stay are suspended (not paid) or retained (paid).")
		}
	default:
		errs.Add("kind", "Choose the kind of absence: holiday, sickness, other leave or hospital stay.")
	}
	if a.From.IsZero() {
		errs.Add("from", "Enter the first day away, as DD/MM/YYYY.")
	}
	if a.To.IsZero() {
		errs.Add("to", "Enter the last day away, as DD/MM/YYYY (the same as the first day for one day).")
	}
	if !a.From.IsZero() && !a.To.IsZero() && a.To.Before(a.From) {
		errs.Add("to", "The absence ends (%s) before it starts (%s): check the dates.", a.To.UK(), a.From.UK())
	}
	if a.Kind == Sickness {
		if len(a.QualifyingDays) == 0 {
			errs.Add("qualifying", "Choose the days of the week the PA usually works (their qualifying days), so Statutory Sick Pay can be worked out.")
		}
		var seen [7]bool
		for _, d := range a.QualifyingDays {
			if d < time.Sunday || d > time.Saturday {
				errs.Add("qualifying", "A qualifying day is not a day of the week: choose from Monday to Sunday.")
				break
			}
			if seen[d] {
				errs.Add("qualifying", "%s is chosen twice as a qualifying day: choose each day once.", d)
				break
			}
			seen[d] = true
		}
	}
	problemsOf(&errs, "note", CheckNote(a.Note))
	return errs
}

// Covers reports whether d is one of the days of the absence.
func (a Absence) Covers(d civil.Date) bool { return !d.Before(a.From) && !d.After(a.To) }

// ApplyAbsence returns the shifts the absence changes (only those), for the
// caller to store. A shift belongs to a day by the date it starts.
//
// For a PA's holiday, sickness or other leave, each of that PA's Planned
// or Covered shifts on the days becomes NeedsCover: PAID is cleared and
// kept in CoverForPAID. For a hospital stay, every shift still to be
// delivered on the days (planned, covered, needing cover, agency) is
// Suspended; or, when the stay retains shifts, a PA's shift is Retained
// (PAID kept, paid) and one with no PA on it is Suspended.
func ApplyAbsence(shifts []Shift, a Absence) ([]Shift, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	var out []Shift
	for _, s := range shifts {
		if !a.Covers(s.Date()) {
			continue
		}
		if a.Kind == HospitalStay {
			if !s.Status.Delivered() {
				continue
			}
			if a.Hospital == HospitalRetain && s.PAID != 0 {
				s.Status = Retained
			} else {
				s.Status = Suspended
			}
			out = append(out, s)
			continue
		}
		if s.PAID != a.PAID || !s.Status.WorkedByPA() {
			continue
		}
		s.CoverForPAID = s.PAID
		s.PAID = 0
		s.Status = NeedsCover
		out = append(out, s)
	}
	return out, nil
}

// Cover gives a shift that needs cover (or is covered by another PA or an
// agency) to the PA paID. The shift becomes Covered, or Planned when it
// was not taken off anyone (CoverForPAID is 0).
func Cover(s Shift, paID int64) (Shift, error) {
	if s.Status != NeedsCover && s.Status != Covered && s.Status != Agency {
		return Shift{}, refusedf("Only a shift that needs cover can be given to another PA, and this one is %s.", strings.ToLower(s.Status.Label()))
	}
	if paID <= 0 {
		return Shift{}, invalidf("Choose the PA who will cover the shift.")
	}
	if paID == s.CoverForPAID {
		return Shift{}, refusedf("That is the PA who is absent for this shift. If they are back, reinstate the shift instead.")
	}
	s.PAID = paID
	s.Status = Covered
	if s.CoverForPAID == 0 {
		s.Status = Planned
	}
	return s, s.Validate()
}

// AgencyCover marks a shift that needs cover (or is covered by a PA) as
// covered by an agency: PAID is cleared, CoverForPAID kept.
func AgencyCover(s Shift) (Shift, error) {
	if s.Status != NeedsCover && s.Status != Covered {
		return Shift{}, refusedf("Only a shift that needs cover can be given to an agency, and this one is %s.", strings.ToLower(s.Status.Label()))
	}
	s.PAID = 0
	s.Status = Agency
	return s, nil
}

// Reinstate undoes an absence or a cancellation for one shift (when an
// absence is deleted or shortened, or a PA comes back early): a shift
// taken off a PA goes back to them as Planned; a suspended or retained one
// goes back to what it was before the hospital stay; a cancelled one is
// planned again.
func Reinstate(s Shift) (Shift, error) {
	switch s.Status {
	case Planned:
		return s, nil
	case NeedsCover, Covered, Agency:
		if s.CoverForPAID == 0 {
			return Shift{}, refusedf("This shift was not taken off a PA, so there is nobody to give it back to: give it to a PA with Cover.")
		}
		s.PAID, s.CoverForPAID = s.CoverForPAID, 0
		s.Status = Planned
	case Suspended, Retained, Cancelled:
		switch {
		case s.PAID != 0 && s.CoverForPAID != 0:
			s.Status = Covered
		case s.PAID != 0:
			s.Status = Planned
		default:
			s.Status = NeedsCover
		}
	default:
		return Shift{}, invalidf("%q is not a shift status.", string(s.Status))
	}
	return s, s.Validate()
}

// HolidayUse is the holiday a PA has taken in a period, counted from the
// shifts they would have worked.
type HolidayUse struct {
	// Minutes is the paid time of the day and waking-night shifts missed.
	Minutes int
	// SleepIns is the number of sleep-ins missed: how a sleep-in counts
	// against holiday depends on the contract, so they are counted apart.
	SleepIns int
	// Shifts is the number of shifts missed, sleep-ins included.
	Shifts int
}

// HolidayTaken counts the holiday the PA paID took from from to to: the
// shifts taken off them (CoverForPAID is paID; needing cover, covered,
// agency, or later suspended or retained) that start on a day of one of
// their Holiday absences within the period. Sickness and other leave are
// not counted.
func HolidayTaken(shifts []Shift, absences []Absence, paID int64, from, to civil.Date) HolidayUse {
	var hols []Absence
	for _, a := range absences {
		if a.Kind == Holiday && a.PAID == paID && paID != 0 {
			hols = append(hols, a)
		}
	}
	var u HolidayUse
	if len(hols) == 0 {
		return u
	}
	for _, s := range shifts {
		if s.CoverForPAID != paID || s.Status == Planned || s.Status == Cancelled {
			continue
		}
		d := s.Date()
		if d.Before(from) || d.After(to) {
			continue
		}
		on := false
		for _, a := range hols {
			if a.Covers(d) {
				on = true
				break
			}
		}
		if !on {
			continue
		}
		u.Shifts++
		if s.Type == SleepIn {
			u.SleepIns++
			continue
		}
		u.Minutes += s.PaidMinutes()
	}
	return u
}

// StatutoryEntitlementMinutes returns the statutory holiday a year, in
// minutes, of a PA contracted for minutesPerWeek over daysPerWeek days:
// 5.6 weeks, capped at 28 days (which matters for six or seven days a
// week), rounded to the nearest minute. PAs with irregular hours accrue
// 12.07% of the hours they work instead (see payroll).
func StatutoryEntitlementMinutes(minutesPerWeek, daysPerWeek int) (int, error) {
	if minutesPerWeek < 0 || minutesPerWeek > 7*24*60 {
		return 0, invalidf("The contracted hours a week must be between 0 and 168: check the contract.")
	}
	if daysPerWeek < 1 || daysPerWeek > 7 {
		return 0, invalidf("The working days a week must be between 1 and 7: check the contract.")
	}
	w := int64(minutesPerWeek)
	weeks := (56*w + 5) / 10                                     // 5.6 weeks
	capped := (28*w + int64(daysPerWeek)/2) / int64(daysPerWeek) // 28 days
	return int(min(weeks, capped)), nil
}

// SicknessDays returns the qualifying days in a sickness absence, in date
// order: the days Statutory Sick Pay is worked out for. It returns nothing
// for an absence that is not sickness or is not valid.
func SicknessDays(a Absence) []civil.Date {
	if a.Kind != Sickness || a.Validate() != nil {
		return nil
	}
	var q [7]bool
	for _, d := range a.QualifyingDays {
		q[d] = true
	}
	var out []civil.Date
	for d := a.From; !d.After(a.To); d = d.AddDays(1) {
		if q[d.Weekday()] {
			out = append(out, d)
		}
	}
	return out
}
