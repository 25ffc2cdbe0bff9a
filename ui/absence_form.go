package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"patoolkit/rota"
	"patoolkit/text"
)

// choiceHospital is the "who" of a hospital stay of the person supported.
const choiceHospital int64 = -1

// weekdaysMonFirst are the days of the week in the order a UK week shows.
var weekdaysMonFirst = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

func hospitalModeLabel(m rota.HospitalMode) string {
	if m == rota.HospitalRetain {
		return "Keep paying the PAs (retained)"
	}
	return "Suspend shifts (not paid)"
}

// showAbsenceForm records a PA's holiday, sickness or other leave, or a
// hospital stay of the person supported. paID preselects a PA (0: none).
func (u *UI) showAbsenceForm(paID int64) {
	pas, names, ok := u.pasByID()
	if !ok {
		return
	}
	today := u.rotaToday()
	var who []int64
	for _, p := range pas {
		if p.CurrentOrRecent(today) {
			who = append(who, p.ID)
		}
	}
	who = append(who, choiceHospital)
	a := rota.Absence{PAID: paID, Kind: rota.Holiday, From: today, To: today, Hospital: rota.HospitalSuspend}
	chosen := paID
	f := newForm(u, "Record an absence", "When a PA is away, their shifts on those days are marked as needing cover. When the person you support is in hospital, the shifts are suspended or kept paid.")
	var kindFld, qualFld, hospFld *formField
	show := func() {
		hospital := chosen == choiceHospital
		f.setVisible(kindFld, !hospital)
		f.setVisible(hospFld, hospital)
		f.setVisible(qualFld, !hospital && a.Kind == rota.Sickness)
	}
	choice(f, "who", "Who is away", "", who, func(id int64) string {
		if id == choiceHospital {
			return "The person I support is in hospital"
		}
		return names[id]
	}, &chosen, func(v int64) { chosen = v; show() })
	choice(f, "kind", "Why", "", []rota.AbsenceKind{rota.Holiday, rota.Sickness, rota.OtherLeave}, func(k rota.AbsenceKind) string {
		if k == rota.OtherLeave {
			return "Other leave"
		}
		return k.Label()
	}, &a.Kind, func(k rota.AbsenceKind) { a.Kind = k; show() })
	kindFld = f.field("kind")
	f.date("from", "First day away", "", &a.From, false)
	f.date("to", "Last day away", "The same as the first day for one day.", &a.To, false)

	checks := make([]*keyCheck, len(weekdaysMonFirst))
	boxes := make([]fyne.CanvasObject, len(weekdaysMonFirst))
	for i, d := range weekdaysMonFirst {
		c := newKeyCheck(d.String(), nil)
		c.SetChecked(d != time.Saturday && d != time.Sunday)
		c.onEnter, c.onEscape = f.Submit, f.Cancel
		checks[i], boxes[i] = c, c
	}
	qualFld = f.add("qualifying", "Days the PA usually works", "Their qualifying days, for Statutory Sick Pay. Space ticks or unticks a day.",
		container.NewGridWrap(maxMinSize(boxes), boxes...), checks[0], func() error {
			a.QualifyingDays = nil
			for i, c := range checks {
				if c.Checked {
					a.QualifyingDays = append(a.QualifyingDays, weekdaysMonFirst[i])
				}
			}
			return nil
		})
	choice(f, "hospital", "During the hospital stay", "Many councils let you keep paying PAs during a short stay so you don't lose them. Check what your council allows.",
		[]rota.HospitalMode{rota.HospitalSuspend, rota.HospitalRetain}, hospitalModeLabel, &a.Hospital, nil)
	hospFld = f.field("hospital")
	f.text("note", "Note", "Optional.", &a.Note)
	show()

	f.saveText = "Record absence"
	// build is the absence as the form gives it: a hospital stay, or a
	// PA's leave (with qualifying days only for sickness).
	build := func() rota.Absence {
		in := a
		if chosen == choiceHospital {
			in.PAID, in.Kind, in.QualifyingDays = 0, rota.HospitalStay, nil
		} else {
			in.PAID, in.Hospital = chosen, ""
			if in.Kind != rota.Sickness {
				in.QualifyingDays = nil
			}
		}
		return in
	}
	f.validate = func() error { return u.svc.CheckAbsence(build()) }
	f.save = func() error {
		in := build()
		changed, err := u.svc.RecordAbsence(u.account.ID, in)
		if err != nil {
			return rotaSaveError(f, err)
		}
		ids := make([]int64, len(changed))
		for i, s := range changed {
			ids[i] = s.ID
		}
		what := names[in.PAID]
		if in.Kind == rota.HospitalStay {
			what = "Hospital stay"
		} else {
			what += ": " + text.Uncapitalise(in.Kind.Label())
		}
		u.showAbsenceResult(fmt.Sprintf("%s recorded, %s to %s.", what, in.From.UK(), in.To.UK()), in, ids)
		return nil
	}
	f.cancel = u.showRota
	u.showForm(f)
}

// showAbsenceResult says what an absence did to the rota: the shifts that
// now need cover, each with "Find cover", or those suspended or retained.
func (u *UI) showAbsenceResult(done string, a rota.Absence, ids []int64) {
	names := u.paNames()
	back := rotaBackButton("Back to the rota", u.showRota)
	again := func() { u.showAbsenceResult(done, a, ids) }
	parts := []fyne.CanvasObject{pageTitle("Absence recorded"), rotaNotice(done), buttonRow(back)}
	var first fyne.Focusable = back
	var shifts []rota.Shift
	for _, id := range ids {
		if s, err := u.svc.Shift(id); err == nil {
			shifts = append(shifts, s)
		}
	}
	switch {
	case len(shifts) == 0:
		parts = append(parts, wrapLabel("No shifts on the rota were on those days, so nothing needs cover."))
	case a.Kind == rota.HospitalStay:
		how := "suspended (not worked, not paid)"
		if a.Hospital == rota.HospitalRetain {
			how = "kept paid (retained), though not worked; shifts with nobody on them are suspended"
		}
		parts = append(parts, heading(fmt.Sprintf("%d shifts %s", len(shifts), how)))
		for _, s := range shifts {
			id := s.ID
			parts = append(parts, newRotaLine(shiftSentence(s, names), func() { u.openShift(id, again) }))
		}
	default:
		need := 0
		for _, s := range shifts {
			if s.Status == rota.NeedsCover {
				need++
			}
		}
		title := fmt.Sprintf("%d shifts now need cover", need)
		if need == 1 {
			title = "1 shift now needs cover"
		}
		parts = append(parts, heading(title), hintLabel("Choose a shift to find cover: give it to another PA, or to an agency."))
		for _, s := range shifts {
			id := s.ID
			text := shiftSentence(s, names)
			if s.Status == rota.NeedsCover {
				text = "Find cover: " + text
			}
			l := newRotaLine(text, func() { u.openShift(id, again) })
			l.onEscape = u.showRota
			if first == back {
				first = l
			}
			parts = append(parts, l)
		}
	}
	u.showPage(page(parts...), first, u.showRota)
}
