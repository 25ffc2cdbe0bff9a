package service

import (
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
)

// TestPensionPAsAndEvents: with the duties recorded and May's run
// enrolling the PA (as TestPensionDutiesInPayRuns), the status says they
// are a member, the letter is due by 16/06/2026 (6 weeks from 06/05/2026,
// TPR guidance no. 3) and overdue after it; recording the letter gives the
// opt-out period of one month from it (guidance no. 4); an opt-out after
// the period is refused, naming the date field, and changes nothing; one
// inside it is kept.
func TestPensionPAsAndEvents(t *testing.T) {
	s, a, pa := payBudget(t, household.Monthly, nestContract)
	if err := s.SavePensionDuties(PensionDuties{AccountID: a.ID, Duties: payroll.Duties{Start: civil.MustParse("2026-04-06"), PostponeMonths: 1}}); err != nil {
		t.Fatal(err)
	}
	for _, day := range []string{"2026-04-24", "2026-05-22"} {
		if _, err := s.FinalisePayRun(a.ID, civil.MustParse(day)); err != nil {
			t.Fatal(err)
		}
	}
	one := func(today string) PensionPA {
		t.Helper()
		ps, err := s.PensionPAs(a.ID, civil.MustParse(today))
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 1 || ps[0].PAID != pa.ID {
			t.Fatalf("PensionPAs: %+v", ps)
		}
		return ps[0]
	}
	p := one("2026-06-01")
	if p.Category != payroll.EligibleJobholder || p.AssessedFor.Payday != civil.MustParse("2026-05-22") {
		t.Errorf("assessed as %s on %+v", p.Category, p.AssessedFor)
	}
	if p.LetterDue != civil.MustParse("2026-06-16") || p.LetterOverdue || p.OptOutKnown {
		t.Errorf("letter due %s overdue %v, opt-out known %v", p.LetterDue.UK(), p.LetterOverdue, p.OptOutKnown)
	}
	if !strings.Contains(p.Status, "A member of NEST from 06/05/2026") {
		t.Errorf("status %q", p.Status)
	}
	if p := one("2026-06-17"); !p.LetterOverdue {
		t.Error("the letter is not overdue the day after it was due")
	}

	if err := s.RecordPensionEvent(a.ID, pa.ID, PensionLetterGiven, civil.MustParse("2026-06-10")); err != nil {
		t.Fatal(err)
	}
	p = one("2026-06-11")
	if p.State.InfoGiven != civil.MustParse("2026-06-10") || !p.LetterDue.IsZero() || p.State.Enrolled != civil.MustParse("2026-05-06") {
		t.Errorf("after the letter: %+v", p)
	}
	if !p.OptOutKnown || p.OptOut.From != civil.MustParse("2026-06-10") || p.OptOut.To != civil.MustParse("2026-07-10") {
		t.Errorf("opt-out period %+v", p.OptOut)
	}

	for _, c := range []struct {
		name string
		ev   PensionEvent
		on   civil.Date
		want string
	}{
		{"opt-out too late", PensionOptedOut, civil.MustParse("2026-07-11"), "The opt-out period ended on 10/07/2026"},
		{"no date", PensionStopped, civil.Date{}, "Give the date"},
		{"enrolled before the first day", PensionEnrolled, civil.MustParse("2026-04-01"), "cannot be enrolled before then"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := s.PensionStates(a.ID)
			err := s.RecordPensionEvent(a.ID, pa.ID, c.ev, c.on)
			if err == nil || FieldProblems(err).For(FieldPensionDate) == "" || !strings.Contains(ErrorMessage(err), c.want) {
				t.Fatalf("got %v, want a refusal of the date saying %q", err, c.want)
			}
			if after, _ := s.PensionStates(a.ID); after[pa.ID] != before[pa.ID] {
				t.Errorf("a refusal changed the record: %+v", after[pa.ID])
			}
		})
	}
	// April's run postponed them, so the notice of postponement is kept.
	if err := s.RecordPensionEvent(a.ID, pa.ID, PensionNoticeGiven, civil.MustParse("2026-04-20")); err != nil {
		t.Fatal(err)
	}
	if p := one("2026-06-11"); p.State.PostponementNotice != civil.MustParse("2026-04-20") || p.State.InfoGiven != civil.MustParse("2026-06-10") {
		t.Errorf("after the notice: %+v", p.State)
	}
	if err := s.RecordPensionEvent(a.ID, pa.ID, PensionOptedOut, civil.MustParse("2026-06-20")); err != nil {
		t.Fatal(err)
	}
	if p := one("2026-06-21"); !strings.Contains(p.Status, "Opted out on 20/06/2026") {
		t.Errorf("status after opting out %q", p.Status)
	}
	if err := s.RecordPensionEvent(a.ID, 99999, PensionJoined, civil.MustParse("2026-06-20")); err == nil {
		t.Error("a PA not in the budget was accepted")
	}
}

// TestPensionDutiesRefusalsNameTheirField: each refusal of the duties
// names the box it is about, so the window can show it there.
func TestPensionDutiesRefusalsNameTheirField(t *testing.T) {
	s, a, _ := payBudget(t, household.Monthly, nestContract)
	start := civil.MustParse("2026-04-06")
	for _, c := range []struct {
		name  string
		d     PensionDuties
		field string
	}{
		{"no start", PensionDuties{}, FieldDutiesStart},
		{"postponement", PensionDuties{Duties: payroll.Duties{Start: start, PostponeMonths: 4}}, FieldPostpone},
		{"re-enrolment out of window", PensionDuties{Duties: payroll.Duties{Start: start, ReEnrolment: civil.MustParse("2027-04-06")}}, FieldReEnrolment},
		{"declared before the start", PensionDuties{Duties: payroll.Duties{Start: start}, Declared: civil.MustParse("2026-04-01")}, FieldDeclared},
		{"re-declared without re-enrolment", PensionDuties{Duties: payroll.Duties{Start: start}, ReDeclared: civil.MustParse("2029-06-01")}, FieldReDeclared},
		{"scheme reference too long", PensionDuties{Duties: payroll.Duties{Start: start}, SchemeRef: strings.Repeat("x", 41)}, FieldSchemeRef},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.d.AccountID = a.ID
			err := s.SavePensionDuties(c.d)
			if FieldProblems(err).For(c.field) == "" {
				t.Errorf("got %v, want a refusal of %s", err, c.field)
			}
			if _, ok, _ := s.PensionDuties(a.ID); ok {
				t.Error("a refusal stored the duties")
			}
		})
	}
}
