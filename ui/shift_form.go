package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

// Choices in the PA list of a shift with nobody on it.
const (
	choiceNeedsCover int64 = -1
	choiceAgency     int64 = -2
)

// pasByID reads the account's PAs and their names by ID; ok is false,
// the error shown, when they cannot be read.
func (u *UI) pasByID() (pas []household.PA, names map[int64]string, ok bool) {
	pas, err := u.svc.PAs(u.account.ID)
	if err != nil {
		u.showError(err)
		return nil, nil, false
	}
	names = map[int64]string{}
	for _, p := range pas {
		names[p.ID] = p.Name
	}
	return pas, names, true
}

// showShiftForm shows the shift editor: a new shift (isNew, prefilled with
// sh's PA and day) or a stored one. back is where Cancel goes.
func (u *UI) showShiftForm(sh rota.Shift, isNew bool, back func()) {
	r := u.rotaState()
	pas, names, ok := u.pasByID()
	if !ok {
		return
	}
	date := sh.Date()

	// The PA list: PAs working on the day, and the shift's own PA.
	var values []int64
	chosen := sh.PAID
	switch {
	case !isNew && sh.Status == rota.NeedsCover:
		values, chosen = append(values, choiceNeedsCover), choiceNeedsCover
	case !isNew && sh.Status == rota.Agency:
		values, chosen = append(values, choiceAgency), choiceAgency
	}
	for _, p := range pas {
		if p.Active(date) || p.ID == sh.PAID {
			values = append(values, p.ID)
		}
	}
	if !isNew && sh.Status == rota.NeedsCover {
		values = append(values, choiceAgency)
	}
	labelOf := func(id int64) string {
		switch id {
		case choiceNeedsCover:
			return "Nobody yet: needs cover"
		case choiceAgency:
			return "Agency"
		}
		return names[id]
	}

	title, intro := "Add a shift", "Choose who works it, the day, and the times. A night shift ends the next morning: type the end time as it is, for example 22:00 to 08:00."
	if !isNew {
		title = "Shift: " + shiftSentence(sh, names)
		intro = "Status: " + sh.Status.Label()
		if sh.CoverForPAID != 0 {
			intro += " (the shift of " + names[sh.CoverForPAID] + ", who is away)"
		}
		intro += "."
	}
	f := newForm(u, title, intro)
	if !isNew {
		if ws, err := u.svc.CheckRota(u.account.ID, date, date); err == nil {
			for _, w := range ws {
				if w.ShiftID == sh.ID {
					f.rows.Add(warning(rota.RuleName(w.Rule) + ": " + w.Message))
				}
			}
		}
	}

	startText, endText := "", ""
	if !isNew {
		startText, endText = londonClock(sh.Start), londonClock(sh.End)
	}
	shiftType := sh.Type
	var startMin, endMin int
	brk, woken := sh.BreakMinutes, sh.WokenMinutes
	note := sh.Note

	choice(f, "pa", "PA", "", values, labelOf, &chosen, nil)
	dateEntry := f.date("date", "Date", "The day the shift starts.", &date, false)
	startEntry := f.entry(startText, "08:00")
	f.add("start", "Start time", "24-hour clock, for example 08:00 or 22:00.", startEntry, startEntry, func() error {
		m, err := readClock(startEntry.Text, "start")
		startMin = m
		return err
	})
	endEntry := f.entry(endText, "12:00")
	endInfo := hintLabel("")
	f.add("end", "End time", "An end at or before the start means the next day.", container.NewVBox(endEntry, endInfo), endEntry, func() error {
		m, err := readClock(endEntry.Text, "end")
		endMin = m
		return err
	})
	var breakFld, wokenFld *formField
	typeSel := choice(f, "type", "Type of shift", "", rota.ShiftTypes, rota.ShiftType.Label, &shiftType, nil)
	breakEntry := f.entry(minutesText(brk), "for example 30")
	breakFld = f.add("break", "Unpaid break (minutes)", "Leave blank for no break.", breakEntry, breakEntry, func() error {
		n, err := parseWholeNumber(breakEntry.Text)
		brk = n
		return err
	})
	wokenEntry := f.entry(minutesText(woken), "for example 45")
	wokenFld = f.add("woken", "Time woken to work (minutes)", "Time the PA was woken to work during the sleep-in, paid by the hour. Leave blank for none.", wokenEntry, wokenEntry, func() error {
		n, err := parseWholeNumber(wokenEntry.Text)
		woken = n
		return err
	})
	f.text("note", "Note", "Anything the PA should know. Optional.", &note)

	update := func() {
		endInfo.SetText(endSentence(dateEntry.Text, startEntry.Text, endEntry.Text, breakEntry.Text, typeOf(typeSel)))
		sleep := typeOf(typeSel) == rota.SleepIn
		f.setVisible(breakFld, !sleep)
		f.setVisible(wokenFld, sleep)
	}
	for _, e := range []*keyEntry{dateEntry, startEntry, endEntry, breakEntry} {
		e.OnChanged = func(string) { update() }
	}
	typeSel.OnChanged = func(string) { update() }
	update()

	done := func(saved rota.Shift, ws []rota.Warning, what string) {
		r.saved = what + ": " + shiftSentence(saved, names) + "."
		r.warnings, r.showWarned = ws, true
		r.focusShift = saved.ID
		r.day = saved.Date()
		u.showRota()
	}

	f.saveText = "Save shift"
	asked := false // the person said to save a shift the form asked about
	f.save = func() error {
		if chosen == 0 {
			return household.Problems{{Field: "pa", Message: "Choose the PA who works this shift."}}
		}
		if date.IsZero() {
			return household.Problems{{Field: "date", Message: "Type the day the shift starts, as DD/MM/YYYY."}}
		}
		start, err := rota.LocalTime(date, startMin)
		if err != nil {
			return household.Problems{{Field: "start", Message: service.ErrorMessage(err)}}
		}
		end, err := rota.LocalTime(rota.EndDay(date, startMin, endMin), endMin)
		if err != nil {
			return household.Problems{{Field: "end", Message: service.ErrorMessage(err)}}
		}
		if shiftType == rota.SleepIn {
			brk = 0
		} else {
			woken = 0
		}
		if doubt := (rota.Shift{Start: start, End: end, Type: shiftType}).Doubt(); doubt != "" && !asked {
			u.askFirstNo("Is this shift right?", doubt+"\n\nSave the shift as it is?", "No, change it", "Yes, save it", func() {
				asked = true
				f.Submit()
			})
			return errAsked
		}
		asked = false
		if isNew {
			saved, ws, err := u.svc.AddShift(u.account.ID, service.ShiftInput{PAID: chosen, Start: start, End: end,
				Type: shiftType, BreakMinutes: brk, WokenMinutes: woken, Note: note})
			if err != nil {
				return rotaSaveError(f, err)
			}
			done(saved, ws, "Shift added")
			return nil
		}
		upd := sh
		upd.Start, upd.End, upd.Type, upd.BreakMinutes, upd.WokenMinutes, upd.Note = start, end, shiftType, brk, woken, note
		// Who is on it: a PA is changed here; a shift with nobody on it
		// (or covering for someone) is given to a PA or an agency.
		cover, coverTo := false, int64(0)
		switch {
		case sh.Status == rota.NeedsCover || sh.Status == rota.Agency || sh.Status == rota.Covered:
			cur := sh.PAID
			if sh.Status == rota.NeedsCover {
				cur = choiceNeedsCover
			} else if sh.Status == rota.Agency {
				cur = choiceAgency
			}
			if chosen != cur {
				if chosen == choiceNeedsCover {
					return household.Problems{{Field: "pa", Message: "A shift can't be put back to needing cover here. Choose the PA or the agency who covers it."}}
				}
				cover, coverTo = true, max(chosen, 0)
			}
		case chosen > 0:
			upd.PAID = chosen
		}
		saved, ws, err := u.svc.UpdateShift(upd)
		if err != nil {
			return rotaSaveError(f, err)
		}
		if cover {
			if saved, err = u.svc.CoverShift(sh.ID, coverTo); err != nil {
				rotaRefuse(f, err)
				return nil
			}
			ws = u.warningsFor(saved)
		}
		done(saved, ws, "Shift saved")
		return nil
	}
	f.cancel = func() {
		if !isNew {
			r.focusShift = sh.ID
		}
		back()
	}

	var extra []fyne.CanvasObject
	if !isNew {
		cancelShift := newKeyButton("Cancel this shift…", theme.DeleteIcon(), func() {
			u.askFirstThen("Cancel this shift?", "Take this shift off the rota: "+shiftSentence(sh, names)+". It will not be worked or paid.", "Yes, cancel the shift", func() error { return u.svc.CancelShift(sh.ID) }, func() {
				r.saved = "Shift cancelled: " + shiftSentence(sh, names) + "."
				r.day = sh.Date()
				u.showRota()
			})
		})
		extra = append(extra, cancelShift)
		if sh.Status == rota.NeedsCover || sh.Status == rota.Covered || sh.Status == rota.Agency {
			extra = append(extra, newKeyButton("Give to another PA…", theme.AccountIcon(), func() { u.showCoverForm(sh, back) }))
		}
		if from := names[sh.CoverForPAID]; from != "" && sh.Status != rota.Planned {
			extra = append(extra, newKeyButton("Give back to "+from, theme.ContentUndoIcon(), func() {
				saved, err := u.svc.ReinstateShift(sh.ID)
				if err != nil {
					u.showError(err)
					return
				}
				done(saved, u.warningsFor(saved), "Given back to "+from)
			}))
		}
		if sh.Status == rota.NeedsCover || sh.Status == rota.Covered {
			extra = append(extra, newKeyButton("Agency will cover", theme.ConfirmIcon(), func() {
				saved, err := u.svc.CoverShift(sh.ID, 0)
				if err != nil {
					u.showError(err)
					return
				}
				done(saved, u.warningsFor(saved), "An agency will cover")
			}))
		}
	}
	u.showRotaForm(f, extra...)
}

// rotaSaveError shows a save's error: per field when the service names
// fields (the form does that), else as a refusal.
func rotaSaveError(f *form, err error) error {
	if len(service.FieldProblems(err)) > 0 {
		return err
	}
	rotaRefuse(f, err)
	return nil
}

// warningsFor returns the checks' warnings about a shift's week that
// concern it, its PA or the whole rota.
func (u *UI) warningsFor(sh rota.Shift) []rota.Warning {
	mon := rota.WeekStart(sh.Date())
	ws, err := u.svc.CheckRota(u.account.ID, mon, mon.AddDays(6))
	if err != nil {
		return nil
	}
	var out []rota.Warning
	for _, w := range ws {
		if w.ShiftID == sh.ID || w.PAID == 0 || (sh.PAID != 0 && w.PAID == sh.PAID) {
			out = append(out, w)
		}
	}
	return out
}

// showCoverForm gives a shift that needs cover to another PA.
func (u *UI) showCoverForm(sh rota.Shift, back func()) {
	r := u.rotaState()
	pas, names, ok := u.pasByID()
	if !ok {
		return
	}
	var values []int64
	for _, p := range pas {
		if p.Active(sh.Date()) && p.ID != sh.CoverForPAID && p.ID != sh.PAID {
			values = append(values, p.ID)
		}
	}
	f := newForm(u, "Give this shift to another PA", shiftSentence(sh, names)+".")
	var pa int64
	choice(f, "pa", "Who will cover it", "Only PAs working for you on that day are listed.", values, func(id int64) string { return names[id] }, &pa, nil)
	f.saveText = "Give them the shift"
	f.save = func() error {
		if pa == 0 {
			return household.Problems{{Field: "pa", Message: "Choose the PA who will cover the shift."}}
		}
		saved, err := u.svc.CoverShift(sh.ID, pa)
		if err != nil {
			return rotaSaveError(f, err)
		}
		r.saved = "Shift given to " + names[pa] + ": " + shiftSentence(saved, names) + "."
		r.warnings, r.showWarned = u.warningsFor(saved), true
		r.focusShift, r.day = saved.ID, saved.Date()
		u.showRota()
		return nil
	}
	f.cancel = func() { u.openShift(sh.ID, back) }
	u.showForm(f)
}

// readClock reads a time of day typed in a field.
func readClock(s, which string) (int, error) {
	if strings.TrimSpace(s) == "" {
		return 0, typed("Type the %s time on the 24-hour clock, for example 08:00.", which)
	}
	m, err := rota.ParseClock(s)
	if err != nil {
		return 0, err // the rota's field error
	}
	return m, nil
}

// minutesText shows a number of minutes for editing, "" for none.
func minutesText(m int) string {
	if m == 0 {
		return ""
	}
	return fmt.Sprint(m)
}

func typeOf(s *keySelect) rota.ShiftType {
	if i := s.SelectedIndex(); i >= 0 && i < len(rota.ShiftTypes) {
		return rota.ShiftTypes[i]
	}
	return rota.Day
}

// endSentence says, as the times are typed, when the shift ends and how
// long it truly is: "Ends Sunday 25/10/2026 at 08:00: 11 hours (the
// clocks go back an hour that night)". It is empty until the date and
// times can be read.
func endSentence(dateText, startText, endText, breakText string, t rota.ShiftType) string {
	d, err := parseDate(dateText)
	if err != nil || d.IsZero() {
		return ""
	}
	sm, err1 := rota.ParseClock(startText)
	em, err2 := rota.ParseClock(endText)
	if err1 != nil || err2 != nil {
		return ""
	}
	endDay, next := rota.EndDay(d, sm, em), ""
	if endDay != d {
		next = " (the next day)"
	}
	start, err := rota.LocalTime(d, sm)
	if err != nil {
		return "⚠ " + service.ErrorMessage(err)
	}
	end, err := rota.LocalTime(endDay, em)
	if err != nil {
		return "⚠ " + service.ErrorMessage(err)
	}
	s := rota.Shift{Start: start, End: end, Type: t}
	m := s.Minutes()
	msg := fmt.Sprintf("Ends %s at %s%s: %s", dayAndDate(endDay), rota.FormatClock(em), next, text.Hours(m))
	switch change := s.ClockChangeMinutes(); {
	case change > 0:
		msg += " (the clocks go back an hour that night, so it is an hour longer)"
	case change < 0:
		msg += " (the clocks go forward an hour that night, so it is an hour shorter)"
	}
	if b, err := parseWholeNumber(breakText); err == nil && b > 0 && t != rota.SleepIn && b < m {
		msg += ", " + text.Hours(m-b) + " paid after the break"
	}
	return msg + "."
}
