package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/service"
	"patoolkit/text"
)

// familyLeavePart is the "Family leave" part of a PA's page: each episode
// of maternity, paternity, adoption, shared parental, bereavement or
// neonatal care leave with what service works out it pays each week, or
// why it is not due and what to give the PA; then "Add family leave".
func (u *UI) familyLeavePart(p household.PA) []fyne.CanvasObject {
	add := newKeyButton("Add family leave", theme.ContentAddIcon(), func() { u.showFamilyLeaveForm(p) })
	add.onEscape = u.showPeople
	parts := []fyne.CanvasObject{
		heading("Family leave"),
		hintLabel("Maternity, paternity, adoption, shared parental, bereavement and neonatal care leave. Each pay run pays the statutory pay due for it as its own line."),
	}
	list, err := u.svc.FamilyLeaves(u.account.ID, p.ID)
	parts = append(parts, listNote(err, len(list), "No family leave recorded for "+p.Name+".")...)
	for _, v := range list {
		parts = append(parts, u.familyLeaveRows(p, v)...)
	}
	return append(parts, buttonRow(add))
}

// familyKeyDateLabels name the key dates on the page.
var familyKeyDateLabels = map[string]string{
	payroll.KeyExpected: "Baby due",
	payroll.KeyMatched:  "Matched with the child",
	payroll.KeyBirth:    "Born or placed",
	payroll.KeyDeath:    "Child died",
	payroll.KeyCareFrom: "Neonatal care began",
}

// familyLeaveRows shows one episode as service returns it.
func (u *UI) familyLeaveRows(p household.PA, v service.FamilyLeaveView) []fyne.CanvasObject {
	l, r := v.Leave, v.Pay
	title := widget.NewLabelWithStyle(fmt.Sprintf("%s: %s from %s, %s claimed", l.Kind.Name(), l.Kind.Leave(), l.From.UK(), text.Count(l.Weeks, "week", "weeks")),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	var rows []fact
	for _, d := range l.Kind.KeyDates(!l.Matched.IsZero()) {
		if day := *l.KeyDateOf(d.Field); !day.IsZero() {
			rows = append(rows, fact{familyKeyDateLabels[d.Field], day.UK()})
		}
	}
	if !l.To.IsZero() {
		rows = append(rows, fact{"Leave ends", l.To.UK()})
	}
	rows = append(rows, fact{"Qualifying week", r.QualifyingWeek.UK() + " to " + r.QualifyingWeek.AddDays(6).UK()})
	if r.AWE.Known {
		rows = append(rows, fact{"Average weekly earnings", fmt.Sprintf("%s (the lower earnings limit is %s)", r.AWE.AWE.Format(), r.LEL.Format())})
	}
	out := []fyne.CanvasObject{widget.NewSeparator(), title, facts(rows...)}
	if !r.Due {
		for _, why := range r.Reasons {
			out = append(out, warning("Not due: "+why+"."))
		}
		if r.Tell != "" {
			out = append(out, markedLine("What to do: ", r.Tell, widget.MediumImportance))
		}
	} else {
		var paid []fact
		for _, g := range r.Runs() {
			which := fmt.Sprintf("Weeks %d to %d", g.First, g.Last)
			if g.First == g.Last {
				which = fmt.Sprintf("Week %d", g.First)
			}
			how := "the standard rate, or 90% of their average weekly earnings if that is less"
			if g.EarningsRelated {
				how = "90% of their average weekly earnings"
			}
			paid = append(paid, fact{fmt.Sprintf("%s (%s to %s)", which, g.From.UK(), g.To.UK()), fmt.Sprintf("%s a week: %s", g.Rate.Format(), how)})
		}
		if len(paid) > 0 {
			paid = append(paid, fact{"Total", fmt.Sprintf("%s for %s", r.Total.Format(), text.Count(len(r.Weeks), "week", "weeks"))})
			out = append(out, wrapLabel("Paid each week:"), facts(paid...))
		}
		for _, why := range r.Reasons {
			out = append(out, markedLine("", text.Capitalise(why)+".", widget.MediumImportance))
		}
	}
	if v.Note != "" {
		out = append(out, facts(fact{"Note", v.Note}))
	}
	if !v.PaidOn.IsZero() {
		// Paid leave stays: a pay run's payslips depend on it.
		return append(out, hintLabel("The pay run for "+v.PaidOn.UK()+" paid it, so it stays. To change it, reverse that run (and any after it) under Pay first."))
	}
	remove := newKeyButton("Remove this "+l.Kind.Leave()+"…", theme.DeleteIcon(), func() { u.askRemoveFamilyLeave(p, v) })
	remove.onEscape = u.showPeople
	return append(out, buttonRow(remove))
}

// askRemoveFamilyLeave asks before removing an episode; the focus starts
// on "No, keep it".
func (u *UI) askRemoveFamilyLeave(p household.PA, v service.FamilyLeaveView) {
	l := v.Leave
	q := fmt.Sprintf("Remove %s's %s from %s? Pay runs not yet finalised will then not pay %s for it.", p.Name, l.Kind.Leave(), l.From.UK(), l.Kind.Name())
	u.askFirstNo("Remove this family leave?", q, "No, keep it", "Yes, remove it", func() {
		if err := u.svc.RemoveFamilyLeave(u.account.ID, v.ID); err != nil {
			u.showError(err)
			return
		}
		u.notice = fmt.Sprintf("Removed %s's %s from %s.", p.Name, l.Kind.Leave(), l.From.UK())
		u.showPA(p.ID)
	})
}

// familyKindLabel is a kind as the form offers it: "Maternity leave"
// (short, so the list fits at the largest text; the pay's name follows in
// the hints).
func familyKindLabel(k payroll.FamilyPayKind) string {
	return text.Capitalise(k.Leave())
}

// familyDateHint is what a key date's box says for a kind of leave.
func familyDateHint(field string, k payroll.FamilyPayKind) string {
	switch field {
	case payroll.KeyExpected:
		if k == payroll.Neonatal {
			return "The week the baby was due: the Sunday it starts, or any day in it. Leave blank if not known."
		}
		return "The week the baby is due: the Sunday it starts, or any day in it. It is on the MATB1 form from the midwife or doctor."
	case payroll.KeyMatched:
		return "The day they were told they had been matched with the child, on the adoption agency's matching certificate."
	case payroll.KeyBirth:
		switch k {
		case payroll.Maternity:
			return "Leave blank until the baby is born."
		case payroll.Neonatal:
			return "The baby's date of birth."
		}
		return "The day the child was born, or placed with them for an adoption. Leave blank until then: the pay is paid from that day."
	case payroll.KeyDeath:
		return "The day the child died, or was stillborn after 24 weeks of pregnancy."
	case payroll.KeyCareFrom:
		return "The first day of the baby's neonatal care in hospital."
	}
	return ""
}

// familyFromHint is what the first day's box says for a kind of leave.
func familyFromHint(k payroll.FamilyPayKind) string {
	switch k {
	case payroll.Maternity:
		return "The first day of maternity leave and pay: no earlier than the 11th week before the week the baby is due, and no later than the day after the birth."
	case payroll.Paternity:
		return "The first day of paternity leave: on or after the birth or placement."
	case payroll.Adoption:
		return "The first day of adoption leave: the day the child is placed, or up to 14 days before."
	case payroll.SharedParental:
		return "The first day of this block of shared parental leave."
	case payroll.Bereavement:
		return "The first day of bereavement leave: on or after the day the child died."
	case payroll.Neonatal:
		return "The first day of neonatal care leave."
	}
	return ""
}

// dateHinted adds a date field whose hint can change (with the kind of
// leave); blank reads as no date.
func (f *form) dateHinted(name, label string, dst *civil.Date) (*formField, *widget.Label) {
	e := f.entry(dst.UK(), "DD/MM/YYYY")
	hint := hintLabel("")
	fld := f.add(name, label, "", container.NewVBox(hint, e), e, func() error {
		v, err := parseDate(e.Text)
		if err == nil {
			*dst = v
		}
		return err
	})
	return fld, hint
}

// showFamilyLeaveForm records an episode of a PA's family leave: the kind
// first, then only the dates that kind needs (payroll.KeyDates).
func (u *UI) showFamilyLeaveForm(p household.PA) {
	var l payroll.FamilyLeave
	var note string
	adoption := false
	f := newForm(u, "Add family leave", "For "+p.Name+". Choose the kind of leave first: the dates it needs then appear. What it pays is worked out from their payslips and shown on their page.")
	var forFld, toFld, weeksFld, fromFld *formField
	var fromHint, weeksHint *widget.Label
	dateFlds := map[string]*formField{}
	dateHints := map[string]*widget.Label{}
	var weeksBox *keyEntry
	lastMax := 0
	show := func() {
		chosen := l.Kind != ""
		f.setVisible(forFld, chosen && l.Kind.ForBirthOrAdoption())
		uses := map[string]bool{}
		if chosen {
			for _, d := range l.Kind.KeyDates(adoption) {
				uses[d.Field] = true
				dateHints[d.Field].SetText(familyDateHint(d.Field, l.Kind))
			}
			fromHint.SetText(familyFromHint(l.Kind))
			max := l.Kind.MaxWeeks()
			weeksHint.SetText(fmt.Sprintf("How many weeks of %s they claim: 1 to %d.", l.Kind.Name(), max))
			if weeksBox.Text == "" || weeksBox.Text == fmt.Sprint(lastMax) {
				weeksBox.SetText(fmt.Sprint(max))
			}
			lastMax = max
		}
		for field, fld := range dateFlds {
			f.setVisible(fld, uses[field])
		}
		for _, fld := range []*formField{fromFld, toFld, weeksFld} {
			f.setVisible(fld, chosen)
		}
	}
	choice(f, "kind", "Kind of leave", "Space, Up or Down opens the list; Left and Right step through the kinds.", payroll.FamilyPayKinds, familyKindLabel, &l.Kind,
		func(k payroll.FamilyPayKind) { l.Kind = k; show() })
	choice(f, "for", "For a birth or an adoption", "", []bool{false, true}, func(a bool) string {
		if a {
			return "An adoption"
		}
		return "A birth"
	}, &adoption, func(a bool) { adoption = a; show() })
	forFld = f.field("for")
	for _, d := range []struct{ field, label string }{
		{payroll.KeyExpected, "Baby due"},
		{payroll.KeyMatched, "Matched with the child on"},
		{payroll.KeyBirth, "Born or placed on"},
		{payroll.KeyDeath, "Child died on"},
		{payroll.KeyCareFrom, "Neonatal care began on"},
	} {
		dateFlds[d.field], dateHints[d.field] = f.dateHinted(d.field, d.label, l.KeyDateOf(d.field))
	}
	fromFld, fromHint = f.dateHinted("from", "First day of leave", &l.From)
	f.date("to", "Last day of leave, if it ends early", "Only when they come back before the weeks claimed are over. A week they come back to work in is not paid.", &l.To, true)
	toFld = f.field("to")
	weeksBox = f.entry("", "")
	weeksHint = hintLabel("")
	weeksFld = f.add("weeks", "Weeks of pay claimed", "", container.NewVBox(weeksHint, weeksBox), weeksBox, func() error {
		n, err := parseWholeNumber(weeksBox.Text)
		if err == nil {
			l.Weeks = n
		}
		return err
	})
	f.text("note", "Note", "Optional: what you have seen (the MATB1 form, a matching certificate) and when they told you.", &note)
	show()

	f.saveText = "Add family leave"
	// build is the leave as the form gives it: only the key dates its
	// kind uses.
	build := func() payroll.FamilyLeave {
		in := l
		uses := map[string]bool{}
		if in.Kind != "" {
			for _, d := range in.Kind.KeyDates(adoption) {
				uses[d.Field] = true
			}
		}
		for _, field := range []string{payroll.KeyExpected, payroll.KeyMatched, payroll.KeyBirth, payroll.KeyDeath, payroll.KeyCareFrom} {
			if !uses[field] {
				*in.KeyDateOf(field) = civil.Date{}
			}
		}
		return in
	}
	f.validate = func() error { return u.svc.CheckFamilyLeave(build(), adoption) }
	f.save = func() error {
		in := build()
		if err := u.svc.CheckFamilyLeave(in, adoption); err != nil {
			return err
		}
		saved, err := u.svc.AddFamilyLeave(service.FamilyLeave{AccountID: u.account.ID, PAID: p.ID, Leave: in, Note: note})
		if err != nil {
			if service.ErrorCode(err) == service.Conflict {
				// An overlap or a finalised pay period: both are about when
				// the leave starts.
				return household.Problems{{Field: "from", Message: service.ErrorMessage(err)}}
			}
			return err
		}
		u.notice = fmt.Sprintf("Added %s's %s from %s.", p.Name, saved.Leave.Kind.Leave(), saved.Leave.From.UK())
		u.showPA(p.ID)
		return nil
	}
	f.cancel = func() { u.showPA(p.ID) }
	u.showForm(f)
}
