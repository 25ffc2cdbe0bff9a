package ui

// The PA's page: their holiday in the current leave year and, for a
// leaver, where their P45 figures are. Every figure is the service's.

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
	"patoolkit/text"
)

// saveHolidayText is the PA page's button that saves the holiday record.
const saveHolidayText = "Save holiday record as PDF…"

// holidayParts shows the PA's holiday in the leave year of today (or of
// their leaving date): entitlement, carried over, taken, booked and
// remaining, and a button to save the record as PDF.
func (u *UI) holidayParts(p household.PA) []fyne.CanvasObject {
	today := civil.Of(u.now())
	parts := []fyne.CanvasObject{heading("Holiday")}
	recs, err := u.svc.HolidayRecords(u.account.ID, p.ID, today)
	switch {
	case err != nil && service.IsInput(err):
		return append(parts, wrapLabel("No holiday record: "+service.ErrorMessage(err)))
	case err != nil:
		return append(parts, warning(service.ErrorMessage(err)))
	case len(recs) == 0:
		return append(parts, wrapLabel("No holiday record: "+p.Name+" is not employed on "+today.UK()+"."))
	}
	r := recs[0]
	hours := func(m int64) string { return text.Hours(int(m)) }
	entitlement := hours(r.EntitlementMinutes)
	if r.RolledUp {
		entitlement += " (holiday pay is paid in each payslip)"
	}
	parts = append(parts,
		facts(
			fact{"Leave year", r.Year.From.UK() + " to " + r.Year.To.UK()},
			fact{"Worked out on", dayAndDate(r.On)},
			fact{"How the entitlement is worked out", r.Method()},
			fact{"Entitlement", entitlement},
			fact{"Carried over from last leave year", hours(r.CarriedMinutes)},
			fact{"Taken", hours(r.TakenMinutes)},
			fact{"Booked on the rota", hours(r.BookedMinutes)},
			fact{"Remaining", hours(r.RemainingMinutes)},
		),
	)
	for _, line := range r.Explanation() {
		parts = append(parts, hintLabel(line))
	}
	id, name, on := p.ID, p.Name, r.On
	account := u.account.ID
	save := newKeyButton(saveHolidayText, theme.DocumentSaveIcon(), func() {
		u.showSaveDoc(saveDoc{
			title: "Save " + name + "'s holiday record as PDF",
			intro: "The holiday record for the leave year " + r.Year.From.UK() + " to " + r.Year.To.UK() + " as on " + on.UK() +
				": the entitlement and how it was worked out, each holiday taken and booked, and what remains. For your records or the council.",
			name:  "holiday-" + fileSlug(name) + "-" + r.Year.From.String() + ".pdf",
			write: func(w io.Writer) error { return u.svc.ExportHolidayPDF(w, account, id, on) },
			back: func() {
				u.showPA(id)
				u.focusButton(saveHolidayText) // back where the person was
			},
		})
	})
	save.onEscape = u.showPeople
	return append(parts, buttonRow(save))
}

// leaverP45Parts says whether a leaver's P45 figures are ready and where
// they are, with a button that opens them; nothing for a PA who has no
// leaving date.
func (u *UI) leaverP45Parts(p household.PA) []fyne.CanvasObject {
	if p.LeavingDate.IsZero() {
		return nil
	}
	parts := []fyne.CanvasObject{heading("P45")}
	id := p.ID
	if _, err := u.svc.P45(u.account.ID, id); err != nil {
		return append(parts, wrapLabel("Not ready yet: "+service.ErrorMessage(err)))
	}
	open := newKeyButton("P45 details", theme.DocumentIcon(), func() { u.showP45(id, func() { u.showPA(id) }, "Back to "+p.Name) })
	open.onEscape = u.showPeople
	return append(parts,
		wrapLabel(p.Name+"'s P45 details are ready: under Pay ("+shortcutLabel(sectionPay.key())+"), \""+yearEndTitle+"\", or with \"P45 details\" here. "+
			"Make the official P45 with HMRC's Basic PAYE Tools and check its figures against these."),
		buttonRow(open))
}

// focusButton gives the focus to the button labelled label on the page in
// view, if there is one.
func (u *UI) focusButton(label string) {
	var found *keyButton
	walkPage(u.main, func(o fyne.CanvasObject) {
		if b, ok := o.(*keyButton); ok && b.Text == label && found == nil {
			found = b
		}
	})
	if found != nil {
		u.win.Canvas().Focus(found)
		scrollIntoView(found)
	}
}

// walkPage calls fn for every object of a page, through its containers
// and scrollers.
func walkPage(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walkPage(child, fn)
		}
	case *container.Scroll:
		walkPage(c.Content, fn)
	}
}
