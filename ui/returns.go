package ui

// The Returns section: the council's return for a period. The person
// chooses the period, sees the summary and every warning before anything
// is made (review before submission), saves the return, its web page,
// its ledger and the evidence pack, and marks it as sent. Every figure
// and word is the service's.

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/service"
	"patoolkit/text"
)

// returnsState is the period the Returns page shows, kept between visits.
type returnsState struct {
	from, to civil.Date
	lastDir  string // the folder of the last file saved, named on the page
}

func (u *UI) returnsState() *returnsState {
	if u.returns == nil {
		u.returns = &returnsState{}
	}
	return u.returns
}

const returnsTitle = "Returns to the council"

// showReturns shows the Returns page.
func (u *UI) showReturns() { u.showReturnsFocus(false) }

func (u *UI) showReturnsFocus(focusPeriod bool) {
	st := u.returnsState()
	parts := []fyne.CanvasObject{pageTitle(returnsTitle),
		wrapLabel("The council asks, at every review, where the money went. Choose the period, check what the return will say and every warning, then save it and the evidence pack to send."),
	}
	choices, err := u.svc.ReturnPeriodChoices(u.account.ID)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), nil, nil)
		return
	}
	if st.from.IsZero() && len(choices) > 0 {
		st.from, st.to = choices[0].From, choices[0].To
	}
	labels := make([]string, 0, len(choices)+1)
	selected := -1
	for i, c := range choices {
		labels = append(labels, c.Label)
		if c.From == st.from && c.To == st.to {
			selected = i
		}
	}
	custom := "Another period: " + st.from.UK() + " to " + st.to.UK()
	labels = append(labels, custom)
	if selected < 0 {
		selected = len(labels) - 1
	}
	sel := newKeySelect(labels, nil)
	sel.SetSelectedIndex(selected)
	sel.OnChanged = func(string) {
		i := sel.SelectedIndex()
		if i >= 0 && i < len(choices) && (choices[i].From != st.from || choices[i].To != st.to) {
			st.from, st.to = choices[i].From, choices[i].To
			u.showReturnsFocus(true)
		}
	}
	dates := newKeyButton("Choose the dates…", theme.CalendarIcon(), u.showReturnDates)
	parts = append(parts,
		caption("Period", sel),
		hintLabel("Left and Right choose another period; \"Choose the dates\" types your own."),
		sel, buttonRow(dates))

	profile := u.profileSelect()
	parts = append(parts, caption("The council's rules", profile),
		hintLabel("The headings and limits the return follows."), profile)

	r, err := u.svc.ReturnDoc(u.account.ID, st.from, st.to)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), sel, nil)
		return
	}
	parts = append(parts, wrapHeading("What the return for "+r.PeriodText()+" will say"))
	if len(r.Warnings) > 0 {
		parts = append(parts, heading(fmt.Sprintf("Check first: %s", text.Count(len(r.Warnings), "thing", "things"))))
		for _, w := range r.Warnings {
			parts = append(parts, warning(w))
		}
	} else {
		parts = append(parts, wrapLabel("Nothing to check: every line has its evidence and the ledger agrees with the bank."))
	}
	var rows []fact
	for _, kv := range r.Summary() {
		rows = append(rows, fact{kv[0], kv[1]})
	}
	parts = append(parts, heading("Summary"), facts(rows...), wrapLabel(r.BankWords()), wrapLabel(r.Status.Headline))
	parts = append(parts, facts(
		fact{"Ledger lines", fmt.Sprint(len(r.Figures.Lines))},
		fact{"Lines with no evidence held", fmt.Sprint(len(r.Unevidenced()))},
		fact{"Documents in the evidence pack", fmt.Sprint(len(r.Evidence))},
	))

	name := fmt.Sprintf("council-return-%s-to-%s", st.from, st.to)
	save := func(label, file, what string, pick func(service.Return) []byte) *keyButton {
		b := newKeyButton(label, theme.DocumentSaveIcon(), func() {
			from, to := st.from, st.to
			u.showSaveDoc(saveDoc{
				title: "Save the " + what, intro: "The return for " + r.PeriodText() + ".", name: file,
				write: func(w io.Writer) error {
					x, err := u.svc.ProduceReturn(u.account.ID, from, to)
					if err != nil {
						return err
					}
					_, err = w.Write(pick(x))
					return err
				},
				back: u.afterReturnSave,
			})
		})
		return b
	}
	pdf := save("Save the return as PDF…", name+".pdf", "return as PDF", func(x service.Return) []byte { return x.PDF })
	html := save("Save as a web page…", name+".html", "return as a web page (for a screen reader)", func(x service.Return) []byte { return x.HTML })
	csv := save("Save the ledger as CSV…", name+"-ledger.csv", "ledger as CSV", func(x service.Return) []byte { return x.CSV })
	pack := newKeyButton("Save the evidence pack as PDF…", theme.DocumentSaveIcon(), func() {
		from, to := st.from, st.to
		u.showSaveDoc(saveDoc{
			title: "Save the evidence pack", intro: "The return for " + r.PeriodText() + " and every document behind it, in one PDF.",
			name: fmt.Sprintf("evidence-pack-%s-to-%s.pdf", from, to),
			write: func(w io.Writer) error {
				_, err := u.svc.ExportEvidencePDF(w, u.account.ID, from, to)
				return err
			},
			back: u.afterReturnSave,
		})
	})
	parts = append(parts, heading("Make it"), buttonRow(pdf, html), buttonRow(csv, pack))
	if st.lastDir != "" {
		// The toolkit never starts another program, so it names the
		// folder rather than opening it.
		parts = append(parts, wrapLabel("Saved in "+st.lastDir+". Open that folder in your file manager to send the files."))
	}
	if r.Sent.IsZero() {
		send := newKeyButton("Mark as sent to the council…", theme.MailSendIcon(), func() {
			from, to := st.from, st.to
			u.askFirstThen("Mark the return as sent?",
				fmt.Sprintf("This records that the return for %s was sent to the council today, and closes the period: no line dated in it can be added, changed or removed after this. A correction goes on the next return instead.", r.PeriodText()),
				"Yes, mark it as sent", func() error {
					_, err := u.svc.SendReturn(u.account.ID, from, to)
					return err
				}, func() {
					u.notice = "The return for " + r.PeriodText() + " is marked as sent. Its period is closed."
					u.showReturns()
				})
		})
		parts = append(parts, heading("Sending it"), wrapLabel("When you have sent the return, mark it here. The toolkit keeps it as sent, to produce again exactly."), buttonRow(send))
	}
	parts = append(parts, u.pastReturnParts()...)
	first := fyne.Focusable(sel)
	if !focusPeriod {
		first = pdf
	}
	u.showPage(page(parts...), first, nil)
}

// afterReturnSave comes back to the Returns page after a save, offering
// the saved file's folder.
func (u *UI) afterReturnSave() {
	if dir := lastSavedDir(u.notice); dir != "" {
		u.returnsState().lastDir = dir
	}
	u.showReturns()
}

// lastSavedDir is the folder in a "Saved to PATH." notice (a path may
// hold spaces), or "".
func lastSavedDir(notice string) string {
	path, ok := strings.CutPrefix(notice, "Saved to ")
	if !ok || !strings.HasSuffix(path, ".") {
		return ""
	}
	return filepath.Dir(strings.TrimSuffix(path, "."))
}

// showReturnDates asks for a period of one's own.
func (u *UI) showReturnDates() {
	st := u.returnsState()
	from, to := st.from, st.to
	f := newForm(u, "Choose the return's dates", "The first and last days the return covers.")
	f.date("from", "First day", "", &from, false)
	f.date("to", "Last day", "", &to, false)
	f.saveText = "Use these dates"
	f.save = func() error {
		if msg := budget.CheckPeriod(from, to); msg != "" {
			return service.Invalidf("%s", msg)
		}
		st.from, st.to = from, to
		u.showReturns()
		return nil
	}
	f.cancel = u.showReturns
	u.showForm(f)
}

// profileSelect chooses the council's rules the budget's returns follow.
func (u *UI) profileSelect() *keySelect {
	labels := make([]string, len(budget.CouncilProfiles))
	cur := 0
	for i, p := range budget.CouncilProfiles {
		labels[i] = p.Label()
		if p.Key == budget.ProfileFor(u.account.CouncilProfile).Key {
			cur = i
		}
	}
	sel := newKeySelect(labels, nil)
	sel.SetSelectedIndex(cur)
	sel.OnChanged = func(string) {
		i := sel.SelectedIndex()
		if i < 0 || budget.CouncilProfiles[i].Key == budget.ProfileFor(u.account.CouncilProfile).Key {
			return
		}
		a, err := u.svc.SetCouncilProfile(u.account.ID, budget.CouncilProfiles[i].Key)
		if err != nil {
			u.showError(err)
			return
		}
		u.account = a
		u.showReturnsFocus(true)
	}
	return sel
}

// pastReturnParts lists the returns made before, each to save again as it
// was made.
func (u *UI) pastReturnParts() []fyne.CanvasObject {
	parts := []fyne.CanvasObject{heading("Past returns")}
	rs, err := u.svc.Returns(u.account.ID)
	if err != nil {
		return append(parts, warning(service.ErrorMessage(err)))
	}
	if len(rs) == 0 {
		return append(parts, wrapLabel("No return has been made yet."))
	}
	for _, x := range rs {
		x := x
		status := "made " + x.Produced.UK() + ", not sent yet"
		if !x.Sent.IsZero() {
			status = "made " + x.Produced.UK() + ", sent " + x.Sent.UK()
		}
		b := newKeyButton(fmt.Sprintf("Save again: %s to %s (%s)…", x.From.UK(), x.To.UK(), status), theme.DocumentSaveIcon(), func() {
			u.showSaveDoc(saveDoc{
				title: "Save the return again", intro: "The return for " + x.From.UK() + " to " + x.To.UK() + " exactly as it was made.",
				name: fmt.Sprintf("council-return-%s-to-%s.pdf", x.From, x.To),
				write: func(w io.Writer) error {
					stored, err := u.svc.StoredReturn(u.account.ID, x.From, x.To)
					if err != nil {
						return err
					}
					_, err = w.Write(stored.PDF)
					return err
				},
				back: u.afterReturnSave,
			})
		})
		b.Alignment = widget.ButtonAlignLeading
		parts = append(parts, b)
	}
	return parts
}
