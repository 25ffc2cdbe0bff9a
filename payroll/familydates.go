package payroll

import (
	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
	"patoolkit/text"
)

// The key dates of a FamilyLeave, by the field names its refusals use.
const (
	KeyExpected = "expected"
	KeyMatched  = "matched"
	KeyBirth    = "birth"
	KeyDeath    = "death"
	KeyCareFrom = "care_from"
)

// KeyDate is one key date a kind of leave uses, and whether it must be
// given.
type KeyDate struct {
	Field  string
	Needed bool
}

// ForBirthOrAdoption reports whether the payment is paid for a birth or
// for an adoption, so the employer says which: paternity, shared parental
// and neonatal care pay. Maternity pay is for a birth, adoption pay for an
// adoption, and bereavement pay goes by the day the child died.
func (k FamilyPayKind) ForBirthOrAdoption() bool {
	return k == Paternity || k == SharedParental || k == Neonatal
}

// KeyDates lists the dates before the first day of pay that a kind of
// leave uses (for an adoption when adoption is true and the kind can be
// for one), as FamilyLeave.Validate and FamilyPay read them: any other is
// not used. A form asks for these only; the CLI refuses the others.
func (k FamilyPayKind) KeyDates(adoption bool) []KeyDate {
	adoption = k == Adoption || (adoption && k.ForBirthOrAdoption())
	switch k {
	case Maternity:
		return []KeyDate{{KeyExpected, true}, {KeyBirth, false}}
	case Adoption:
		return []KeyDate{{KeyMatched, true}}
	case Paternity, SharedParental:
		if adoption {
			return []KeyDate{{KeyMatched, true}, {KeyBirth, false}}
		}
		return []KeyDate{{KeyExpected, true}, {KeyBirth, false}}
	case Bereavement:
		return []KeyDate{{KeyDeath, true}}
	case Neonatal:
		// With neither a due date nor a match the qualifying week is the
		// week before care began (FamilyLeave.QualifyingWeek).
		if adoption {
			return []KeyDate{{KeyMatched, true}, {KeyBirth, true}, {KeyCareFrom, true}}
		}
		return []KeyDate{{KeyExpected, false}, {KeyBirth, true}, {KeyCareFrom, true}}
	}
	return nil
}

// KeyDateOf returns a pointer to the key date called field (KeyExpected,
// ...), or nil.
func (l *FamilyLeave) KeyDateOf(field string) *civil.Date {
	switch field {
	case KeyExpected:
		return &l.Expected
	case KeyMatched:
		return &l.Matched
	case KeyBirth:
		return &l.Birth
	case KeyDeath:
		return &l.Death
	case KeyCareFrom:
		return &l.CareFrom
	}
	return nil
}

// allKeyDates are the key dates in the order a form shows them.
var allKeyDates = []string{KeyExpected, KeyMatched, KeyBirth, KeyDeath, KeyCareFrom}

// CheckKeyDates refuses, as a field error, a key date given that the
// kind does not use (for a birth, or an adoption when adoption), and a
// needed one left out, before Validate's checks of the dates themselves.
func (l FamilyLeave) CheckKeyDates(adoption bool) error {
	if _, err := ParseFamilyPayKind(string(l.Kind)); err != nil {
		return leaveInvalid("kind", "Choose the kind of leave: maternity, paternity, adoption, shared parental, bereavement or neonatal care.")
	}
	var errs field.Errors
	uses := map[string]bool{}
	for _, d := range l.Kind.KeyDates(adoption) {
		uses[d.Field] = true
		if d.Needed && l.KeyDateOf(d.Field).IsZero() {
			errs.Add(d.Field, "Enter %s: %s needs it.", keyDateWords(d.Field, l.Kind), l.Kind.Name())
		}
	}
	for _, f := range allKeyDates {
		if !uses[f] && !l.KeyDateOf(f).IsZero() {
			errs.Add(f, "%s is not used for %s: leave it out.", text.Capitalise(keyDateWords(f, l.Kind)), l.Kind.Leave())
		}
	}
	if len(errs) > 0 {
		return &leaveErrors{errs: errs}
	}
	return nil
}

// keyDateWords names a key date in a sentence: "the day the baby is due".
func keyDateWords(field string, k FamilyPayKind) string {
	switch field {
	case KeyExpected:
		return "the day the baby is due"
	case KeyMatched:
		return "the day they were matched with the child"
	case KeyBirth:
		if k == Adoption || k == Paternity || k == SharedParental {
			return "the child's date of birth or placement"
		}
		return "the baby's date of birth"
	case KeyDeath:
		return "the date the child died"
	case KeyCareFrom:
		return "the day neonatal care began"
	}
	return field
}

// FamilyPayRun is a run of weeks one after another at one weekly rate:
// weeks First to Last (counted from 1), from From to To.
type FamilyPayRun struct {
	First, Last     int
	From, To        civil.Date
	Rate            money.Money
	EarningsRelated bool
}

// Runs groups the weeks paid into runs at one rate, as a person reads
// them: "weeks 1 to 6 at £450.00, weeks 7 to 39 at £194.32".
func (r FamilyPayResult) Runs() []FamilyPayRun {
	var out []FamilyPayRun
	for i, w := range r.Weeks {
		if n := len(out); n > 0 && out[n-1].Rate == w.Rate && out[n-1].EarningsRelated == w.EarningsRelated && out[n-1].To.AddDays(1) == w.Start {
			out[n-1].Last, out[n-1].To = i+1, w.End()
			continue
		}
		out = append(out, FamilyPayRun{First: i + 1, Last: i + 1, From: w.Start, To: w.End(), Rate: w.Rate, EarningsRelated: w.EarningsRelated})
	}
	return out
}
