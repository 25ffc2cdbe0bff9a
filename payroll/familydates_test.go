package payroll

import (
	"errors"
	"testing"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
)

func TestCheckKeyDates(t *testing.T) {
	d := civil.MustParse("2026-12-01")
	for _, tt := range []struct {
		name     string
		l        FamilyLeave
		adoption bool
		field    string // "" when allowed
	}{
		{"maternity with a due date", FamilyLeave{Kind: Maternity, Expected: d}, false, ""},
		{"maternity with a due date and birth", FamilyLeave{Kind: Maternity, Expected: d, Birth: d}, false, ""},
		{"maternity without a due date", FamilyLeave{Kind: Maternity, Birth: d}, false, KeyExpected},
		{"maternity with a death", FamilyLeave{Kind: Maternity, Expected: d, Death: d}, false, KeyDeath},
		{"maternity asked as an adoption is still a birth", FamilyLeave{Kind: Maternity, Expected: d}, true, ""},
		{"adoption with a match", FamilyLeave{Kind: Adoption, Matched: d}, false, ""},
		{"adoption with a due date", FamilyLeave{Kind: Adoption, Matched: d, Expected: d}, false, KeyExpected},
		{"paternity for a birth", FamilyLeave{Kind: Paternity, Expected: d}, false, ""},
		{"paternity for an adoption", FamilyLeave{Kind: Paternity, Matched: d, Birth: d}, true, ""},
		{"paternity for an adoption with a due date", FamilyLeave{Kind: Paternity, Matched: d, Expected: d}, true, KeyExpected},
		{"paternity for an adoption without a match", FamilyLeave{Kind: Paternity}, true, KeyMatched},
		{"shared parental with care", FamilyLeave{Kind: SharedParental, Expected: d, CareFrom: d}, false, KeyCareFrom},
		{"bereavement", FamilyLeave{Kind: Bereavement, Death: d}, false, ""},
		{"bereavement with a birth", FamilyLeave{Kind: Bereavement, Death: d, Birth: d}, false, KeyBirth},
		{"neonatal without a due date", FamilyLeave{Kind: Neonatal, Birth: d, CareFrom: d}, false, ""},
		{"neonatal without care", FamilyLeave{Kind: Neonatal, Birth: d}, false, KeyCareFrom},
		{"neonatal adoption needs the match", FamilyLeave{Kind: Neonatal, Birth: d, CareFrom: d}, true, KeyMatched},
		{"no kind", FamilyLeave{Expected: d}, false, "kind"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.l.CheckKeyDates(tt.adoption)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var fe field.Error
			if !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, ErrInvalid) {
				t.Fatalf("%v, want a refusal of %s", err, tt.field)
			}
		})
	}
}

// TestKeyDatesAreTheDatesValidateReads: a leave with only the needed key
// dates of its kind (and a start and weeks) passes CheckKeyDates and
// Validate, so a form that asks for these can be saved.
func TestKeyDatesAreTheDatesValidateReads(t *testing.T) {
	for _, k := range FamilyPayKinds {
		for _, adoption := range []bool{false, true} {
			l := FamilyLeave{Kind: k, From: civil.MustParse("2026-12-06"), Weeks: 1}
			for _, kd := range k.KeyDates(adoption) {
				if kd.Needed {
					*l.KeyDateOf(kd.Field) = civil.MustParse("2026-12-01")
				}
			}
			if err := l.CheckKeyDates(adoption); err != nil {
				t.Errorf("%s (adoption %v): %v", k, adoption, err)
			}
			if err := l.Validate(); err != nil {
				t.Errorf("%s (adoption %v): Validate: %v", k, adoption, err)
			}
		}
	}
}

func TestRunsGroupWeeksAtOneRate(t *testing.T) {
	d := civil.MustParse("2027-01-03")
	week := func(i int, rate money.Money, er bool) FamilyPayWeek {
		return FamilyPayWeek{Start: d.AddDays(7 * i), Rate: rate, EarningsRelated: er}
	}
	r := FamilyPayResult{Weeks: []FamilyPayWeek{week(0, 45000, true), week(1, 45000, true), week(2, 19432, false), week(3, 19432, false), week(4, 20000, false)}}
	got := r.Runs()
	want := []FamilyPayRun{
		{First: 1, Last: 2, From: d, To: d.AddDays(13), Rate: 45000, EarningsRelated: true},
		{First: 3, Last: 4, From: d.AddDays(14), To: d.AddDays(27), Rate: 19432},
		{First: 5, Last: 5, From: d.AddDays(28), To: d.AddDays(34), Rate: 20000},
	}
	if len(got) != len(want) {
		t.Fatalf("runs %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("run %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if len((FamilyPayResult{}).Runs()) != 0 {
		t.Error("no weeks gave runs")
	}
}
