package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/service"
)

// familyDemo is the demo with Priya's budget open, Zoë on maternity leave
// from 24/01/2027 (due 10/03/2027) and Chris (who left on 31/08/2026) on
// bereavement leave that is not due.
func familyDemo(t *testing.T) (*UI, *service.Service, household.PA, household.PA) {
	t.Helper()
	u, svc := newDemoUI(t)
	openPriya(t, u)
	zoe, ok := findPA(t, svc, u.Account().ID, "Zoë Ní Bhriain")
	chris, ok2 := findPA(t, svc, u.Account().ID, "Chris Walker")
	if !ok || !ok2 {
		t.Fatal("no Zoë or Chris in the demo")
	}
	// Zoë's maternity leave from 5 October 2026 is in the demo.
	for _, f := range []service.FamilyLeave{
		{AccountID: u.Account().ID, PAID: chris.ID, Leave: payroll.FamilyLeave{Kind: payroll.Bereavement,
			Death: civil.MustParse("2026-11-10"), From: civil.MustParse("2026-11-15"), Weeks: 2}},
	} {
		if _, err := svc.AddFamilyLeave(f); err != nil {
			t.Fatal(err)
		}
	}
	return u, svc, zoe, chris
}

// TestThePAPageShowsFamilyPayAsServiceWorksItOut: every weekly rate, the
// run of weeks it is paid for, the total and the notes on Zoë's page are
// those service returns; Chris's page says why nothing is due and which
// form to give.
func TestThePAPageShowsFamilyPayAsServiceWorksItOut(t *testing.T) {
	u, svc, zoe, chris := familyDemo(t)
	list, err := svc.FamilyLeaves(u.Account().ID, zoe.ID)
	if err != nil || len(list) != 1 || !list[0].Pay.Due {
		t.Fatalf("FamilyLeaves = %+v, %v", list, err)
	}
	r := list[0].Pay
	u.showPA(zoe.ID)
	capture(t, u, "family-zoe.png")
	wantText(t, u, "Statutory Maternity Pay: maternity leave from 05/10/2026, 39 weeks claimed")
	wantText(t, u, "Baby due: 28/10/2026")
	wantText(t, u, "Qualifying week: "+r.QualifyingWeek.UK()+" to "+r.QualifyingWeek.AddDays(6).UK())
	wantText(t, u, "Average weekly earnings: "+r.AWE.AWE.Format())
	runs := r.Runs()
	if len(runs) != 2 || !runs[0].EarningsRelated || runs[1].EarningsRelated {
		t.Fatalf("runs %+v: want 6 weeks at 90%% then the standard rate", runs)
	}
	wantText(t, u, "Weeks 1 to 6 ("+runs[0].From.UK()+" to "+runs[0].To.UK()+"): "+runs[0].Rate.Format()+" a week: 90% of their average weekly earnings")
	wantText(t, u, "Weeks 7 to 26 ("+runs[1].From.UK()+" to "+runs[1].To.UK()+"): "+runs[1].Rate.Format()+" a week: the standard rate")
	wantText(t, u, "Total: "+r.Total.Format()+" for 26 weeks")
	if len(r.Reasons) != 1 {
		t.Fatalf("reasons %q", r.Reasons)
	}
	wantText(t, u, "The week from 05/04/2027 is not paid yet")
	wantText(t, u, "Note: MATB1 seen")
	// The October run paid it, so it stays: no Remove, and the page says why.
	if list[0].PaidOn != civil.MustParse("2026-10-30") {
		t.Errorf("paid on %s, want the October payday", list[0].PaidOn.UK())
	}
	wantText(t, u, "The pay run for 30/10/2026 paid it, so it stays.")
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*keyButton); ok && b.Text == "Remove this maternity leave…" {
			t.Error("a paid leave offers Remove")
		}
	})
	if got := r.Total.Format(); got != "£5,331.14" {
		t.Errorf("service's total is %s: the figures above are checked against it, and it against the hand sum 6 x £240.79 + 20 x £194.32", got)
	}

	not, err := svc.FamilyLeaves(u.Account().ID, chris.ID)
	if err != nil || len(not) != 1 || not[0].Pay.Due || not[0].Pay.Tell == "" {
		t.Fatalf("Chris: %+v, %v", not, err)
	}
	u.showPA(chris.ID)
	capture(t, u, "family-chris.png")
	wantText(t, u, "⚠ Not due: "+not[0].Pay.Reasons[0]+".")
	wantText(t, u, "What to do: "+not[0].Pay.Tell)
	if strings.Contains(allText(u), "Paid each week") {
		t.Error("a leave not due shows weeks paid")
	}
	// A PA with none says so.
	sam, _ := findPA(t, svc, u.Account().ID, "Sam Okafor")
	u.showPA(sam.ID)
	wantText(t, u, "No family leave recorded for Sam Okafor.")
}

// focusField puts the focus on a form field's box.
func focusField(t *testing.T, u *UI, name string) {
	t.Helper()
	fld := u.form.field(name)
	if fld == nil || fld.row.Hidden {
		t.Fatalf("no field %q shown:\n%s", name, allText(u))
	}
	u.win.Canvas().Focus(fld.focus)
}

// shownFields are the names of a form's fields on show.
func shownFields(f *form) string {
	var names []string
	for _, fld := range f.fields {
		if !fld.row.Hidden {
			names = append(names, fld.name)
		}
	}
	return strings.Join(names, " ")
}

// TestAddFamilyLeaveByKeyboard: the form shows only the kind at first,
// then the dates the kind needs; a refusal is shown beside its field and
// stores nothing; a good one is stored and shown on the page; removing
// asks first, with the focus on "No, keep it".
func TestAddFamilyLeaveByKeyboard(t *testing.T) {
	u, svc, _, chris := familyDemo(t)
	sam, _ := findPA(t, svc, u.Account().ID, "Sam Okafor")
	u.showPA(sam.ID)
	u.win.Canvas().Focus(button(t, u, "Add family leave"))
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Add family leave")
	wantText(t, u, "For Sam Okafor.")
	if got := shownFields(u.form); got != "kind note" {
		t.Errorf("before a kind is chosen the form shows %q", got)
	}
	// Right steps to maternity, then to paternity.
	focusField(t, u, "kind")
	press(t, u, fyne.KeyRight)
	if got := shownFields(u.form); got != "kind expected birth from to weeks note" {
		t.Errorf("maternity shows %q", got)
	}
	wantText(t, u, "The week the baby is due: the Sunday it starts, or any day in it.")
	press(t, u, fyne.KeyRight)
	if got := shownFields(u.form); got != "kind for expected birth from to weeks note" {
		t.Errorf("paternity shows %q", got)
	}
	if got := u.form.field("weeks").focus.(*keyEntry).Text; got != "2" {
		t.Errorf("weeks for paternity %q, want its most, 2", got)
	}
	focusField(t, u, "for")
	press(t, u, fyne.KeyRight) // an adoption
	if got := shownFields(u.form); got != "kind for matched birth from to weeks note" {
		t.Errorf("paternity for an adoption shows %q", got)
	}
	press(t, u, fyne.KeyLeft) // a birth again

	// A needed date left out is refused beside it; nothing is stored.
	focusField(t, u, "from")
	typeText(t, u, "14/03/2027")
	press(t, u, fyne.KeyReturn)
	if got := u.form.problem("expected"); !strings.Contains(got, "Enter the day the baby is due") {
		t.Errorf("expected: %q\n%s", got, allText(u))
	}
	// The service's refusal is beside its field too: the leave before the birth.
	focusField(t, u, "expected")
	typeText(t, u, "10/03/2027")
	focusField(t, u, "birth")
	typeText(t, u, "16/03/2027")
	focusField(t, u, "from")
	press(t, u, fyne.KeyReturn)
	capture(t, u, "family-form-refused.png")
	if got := u.form.problem("from"); !strings.Contains(got, "starts on or after the child's birth or placement (16/03/2027)") {
		t.Errorf("from: %q\n%s", got, allText(u))
	}
	if got := u.form.problem("expected"); got != "" {
		t.Errorf("expected still refused: %q", got)
	}
	if l, _ := svc.FamilyLeaves(u.Account().ID, sam.ID); len(l) != 0 {
		t.Fatalf("a refused form stored %+v", l)
	}
	// With the birth left blank and a later start it is stored.
	focusField(t, u, "birth")
	u.form.field("birth").focus.(*keyEntry).SetText("")
	focusField(t, u, "from")
	u.form.field("from").focus.(*keyEntry).SetText("17/03/2027")
	focusField(t, u, "note")
	typeText(t, u, "Told us on 01/11/2026")
	press(t, u, fyne.KeyReturn)
	if u.form != nil {
		t.Fatalf("not saved: %s\n%s", u.form.summary.Text, allText(u))
	}
	got, err := svc.FamilyLeaves(u.Account().ID, sam.ID)
	if err != nil || len(got) != 1 {
		t.Fatalf("stored %+v, %v", got, err)
	}
	l := got[0]
	if l.Leave.Kind != payroll.Paternity || l.Leave.Expected != civil.MustParse("2027-03-10") || !l.Leave.Birth.IsZero() || l.Leave.From != civil.MustParse("2027-03-17") ||
		l.Leave.Weeks != 2 || l.Note != "Told us on 01/11/2026" || !l.Leave.Matched.IsZero() {
		t.Errorf("stored %+v", l)
	}
	wantText(t, u, "Added Sam Okafor's paternity leave from 17/03/2027.")
	wantText(t, u, "Statutory Paternity Pay: paternity leave from 17/03/2027, 2 weeks claimed")
	wantText(t, u, strings.ToUpper(l.Pay.Reasons[0][:1])+l.Pay.Reasons[0][1:]+".")

	// An overlap (a clash with what is stored) is shown beside the first day.
	u.showFamilyLeaveForm(sam)
	focusField(t, u, "kind")
	press(t, u, fyne.KeyRight)
	focusField(t, u, "expected")
	typeText(t, u, "10/03/2027")
	focusField(t, u, "from")
	typeText(t, u, "21/03/2027")
	press(t, u, fyne.KeyReturn)
	if got := u.form.problem("from"); !strings.Contains(got, "already has paternity leave from 17/03/2027") {
		t.Errorf("overlap: %q\n%s", got, allText(u))
	}
	escapeWithoutSaving(t, u)

	// Remove asks first; "No, keep it" has the focus and keeps it. (Zoë's
	// leave in the demo has been paid, so it cannot be removed: Chris's
	// is taken away instead.)
	u.showPA(chris.ID)
	u.win.Canvas().Focus(button(t, u, "Remove this parental bereavement leave…"))
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "Remove Chris Walker's parental bereavement leave from 15/11/2026?")
	capture(t, u, "family-remove.png")
	pressButton(t, u, "No, keep it")
	if l, _ := svc.FamilyLeaves(u.Account().ID, chris.ID); len(l) != 1 {
		t.Fatal("No, keep it removed the leave")
	}
	press(t, u, fyne.KeyReturn)
	u.win.Canvas().FocusNext()
	pressButton(t, u, "Yes, remove it")
	if l, _ := svc.FamilyLeaves(u.Account().ID, chris.ID); len(l) != 0 {
		t.Fatalf("still stored: %+v", l)
	}
	wantText(t, u, "Removed Chris Walker's parental bereavement leave from 15/11/2026.")
	wantText(t, u, "No family leave recorded for Chris Walker.")
}

// TestFamilyLeaveAtTheLargestTextSize: the PA's page with family leave
// and the form fit the window's width at the largest text.
func TestFamilyLeaveAtTheLargestTextSize(t *testing.T) {
	u, _, zoe, _ := familyDemo(t)
	u.SetTextSize(TextSizes[len(TextSizes)-1])
	u.showPA(zoe.ID)
	if w, have := u.main.MinSize().Width, u.main.Size().Width; w > have {
		t.Errorf("the PA's page needs %v wide at the largest text, and has %v", w, have)
	}
	capture(t, u, "family-zoe-large.png")
	u.showFamilyLeaveForm(zoe)
	focusField(t, u, "kind")
	press(t, u, fyne.KeyRight)
	for _, k := range payroll.FamilyPayKinds {
		u.form.field("kind").focus.(*keySelect).SetSelected(familyKindLabel(k))
		if w, have := u.main.MinSize().Width, u.main.Size().Width; w > have {
			t.Errorf("the form for %s needs %v wide at the largest text, and has %v", k, w, have)
		}
	}
	u.form.field("kind").focus.(*keySelect).SetSelectedIndex(0)
	capture(t, u, "family-form-large.png")
}
