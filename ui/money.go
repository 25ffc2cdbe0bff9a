package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/service"
	"patoolkit/text"
)

// moneyState is what the Money section remembers while the window is
// open: the ledger's filter and place, the file last imported and its
// preview, and the forecast's length.
type moneyState struct {
	account int64 // the budget the state is for

	filter    service.LedgerFilter
	ledgerPos int // the line the ledger highlights when shown again

	importPath string
	preview    *service.ImportPreview

	toYearEnd bool // the forecast runs to the end of the council year

	// In view, for the tests.
	ledger  *ledgerList
	entries []service.LedgerEntry
	imports []*importRow
	// importAsk says what must be answered before importing; hidden
	// until the person tries to import without answering.
	importAsk *widget.Label
}

// moneyState returns the section's state for the open budget.
func (u *UI) moneyState() *moneyState {
	if u.money == nil || u.money.account != u.account.ID {
		u.money = &moneyState{account: u.account.ID, filter: service.LedgerFilter{Sort: service.NewestFirst}}
	}
	return u.money
}

// The Money section's pages, in the order of its tabs.
const (
	moneyTabStand    = "Where I stand"
	moneyTabLedger   = "Ledger"
	moneyTabImport   = "Import a statement"
	moneyTabForecast = "Forecast"
	moneyTabSettings = "Money settings"
)

// moneyTabs is the row of buttons that moves between the Money pages; the
// page in view is marked. It returns the row and the marked button.
func (u *UI) moneyTabs(current string) (fyne.CanvasObject, *keyButton) {
	var here *keyButton
	var btns []fyne.CanvasObject
	for _, t := range []struct {
		name string
		show func()
	}{
		{moneyTabStand, u.showMoney},
		{moneyTabLedger, u.showLedger},
		{moneyTabImport, u.showImport},
		{moneyTabForecast, u.showForecast},
		{moneyTabSettings, u.showMoneySettings},
	} {
		b := newKeyButton(t.name, nil, t.show)
		if t.name == current {
			b.Importance = widget.HighImportance
			b.Text = shownMark + t.name
			b.shownNow = true
			here = b
		}
		if current != moneyTabStand {
			b.onEscape = u.showMoney
		}
		btns = append(btns, b)
	}
	return buttonRow(btns...), here
}

// today is the date the money pages report on.
func (u *UI) moneyToday() civil.Date { return civil.Of(u.now()) }

// bigText is text in the heading size that wraps: the headline a person
// reads first. A line starting with ⚠ is in the warning colour too.
func bigText(text string) *widget.RichText {
	style := widget.RichTextStyleSubHeading
	if strings.HasPrefix(text, "⚠") {
		style.ColorName = theme.ColorNameError
	}
	t := widget.NewRichText(&widget.TextSegment{Style: style, Text: text})
	t.Wrapping = fyne.TextWrapWord
	return t
}

// wrapHeading is a sub-heading that wraps: for long ones.
func wrapHeading(text string) *widget.RichText {
	t := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: text})
	t.Wrapping = fyne.TextWrapWord
	return t
}

// statusMark puts ✔ or ⚠ before a headline, so colour is never the only
// signal.
func statusMark(st budget.Status) string {
	if st.OverLimit || st.Surplus < 0 || st.Balance < st.Owed || !st.AgreesWithBank() {
		return "⚠ " + st.Headline
	}
	return "✔ " + st.Headline
}

// meaning says in plain words what the figures mean.
func meaning(a household.Account, st budget.Status) string {
	if a.SurplusLimitWeeks == 0 {
		return "What does this mean? Your surplus is the money left after everything you owe, the money you have set aside for a purpose and the contingency the council agreed. Councils usually let you keep a few weeks of the payment as a surplus and may ask for the rest back: add your council's limit to the budget details on the Home page."
	}
	return fmt.Sprintf("What does this mean? %s lets you keep up to %d weeks of your payment (%s) as a surplus: the money left after everything you owe, the money set aside for a purpose and the agreed contingency. At your review they may ask for anything above that back.",
		a.Council, a.SurplusLimitWeeks, st.SurplusLimit.Format())
}

// showMoney shows "where I stand": the headline in large text, the
// figures, money owed, money set aside and known bills.
func (u *UI) showMoney() { u.showMoneyFocus("") }

// showMoneyFocus shows "where I stand" with the focus on the button
// labelled focus ("" for the page's tab).
func (u *UI) showMoneyFocus(focus string) {
	u.moneyState()
	tabs, here := u.moneyTabs(moneyTabStand)
	today := u.moneyToday()
	parts := []fyne.CanvasObject{pageTitle("Money"), tabs}
	st, err := u.svc.MoneyStatus(u.account.ID, today)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), here, nil)
		return
	}
	// The answer comes first, before the tabs, so it is seen at any text
	// size.
	parts = []fyne.CanvasObject{pageTitle("Money"), bigText(statusMark(st)), tabs, wrapHeading("Where I stand on " + today.UK())}
	if st.BankSays != "" {
		parts = append(parts, warning(st.BankSays))
	}
	for _, w := range st.Warnings {
		parts = append(parts, warning(w))
	}
	var figures []fact
	figures = append(figures, fact{"Balance", st.Balance.Format()})
	figures = append(figures, fact{"Money owed", st.Owed.Format()})
	figures = append(figures, fact{"Set aside for a purpose", st.SetAside.Format()})
	figures = append(figures, fact{"Contingency agreed", st.Contingency.Format()})
	figures = append(figures, fact{"Surplus", st.Surplus.Format()})
	if st.SurplusLimit > 0 {
		figures = append(figures, fact{"The council's limit", st.SurplusLimit.Format()})
	}
	parts = append(parts, facts(figures...), wrapLabel(meaning(u.account, st)))

	setAside := newKeyButton("Set money aside", theme.ContentAddIcon(), func() { u.showSetAsideForm(service.SetAside{AccountID: u.account.ID}) })
	addOwed := newKeyButton("Add money owed", theme.ContentAddIcon(), func() { u.showOwedForm() })
	addBill := newKeyButton("Add a bill", theme.ContentAddIcon(), func() { u.showBillForm() })
	parts = append(parts, buttonRow(setAside, addOwed, addBill))
	focusOn := map[string]*keyButton{"Set money aside": setAside, "Add money owed": addOwed, "Add a bill": addBill}

	parts = append(parts, heading("Money owed"))
	owed, err := u.svc.OwedItems(u.account.ID, today)
	parts = append(parts, listNote(err, len(owed), "Nothing is owed today.")...)
	for _, o := range owed {
		o := o
		text := fmt.Sprintf("%s to %s (%s), due %s", o.Left.Format(), o.Payee, o.Kind.Label(), o.Due.UK())
		if o.Left != o.Amount {
			text += fmt.Sprintf(": %s of %s is left to pay", o.Left.Format(), o.Amount.Format())
		}
		if o.Due.Before(today) {
			text = "⚠ " + text + ". It is overdue."
		}
		pay := newKeyButton("Record the payment", theme.ConfirmIcon(), func() { u.showSettle(o) })
		parts = append(parts, wrapLabel(text), buttonRow(pay))
	}

	parts = append(parts, heading("Set aside for a purpose"))
	sas, err := u.svc.SetAsides(u.account.ID)
	parts = append(parts, listNote(err, len(sas), "Nothing is set aside. Money you hold for a purpose (the next HMRC quarter, holiday cover) can be shown here, so the council sees it is not surplus.")...)
	for _, sa := range sas {
		sa := sa
		change := newKeyButton("Change", theme.DocumentCreateIcon(), func() { u.showSetAsideForm(sa) })
		remove := newKeyButton("No longer needed", theme.DeleteIcon(), func() {
			u.askFirstThen("Stop setting this money aside?", fmt.Sprintf("%s will no longer be held for %q: it will count as surplus.", sa.Amount.Format(), sa.Purpose), "Yes, stop", func() error { return u.svc.RemoveSetAside(sa.ID) }, func() {
				u.notice = fmt.Sprintf("%s is no longer set aside for %s.", sa.Amount.Format(), sa.Purpose)
				u.showMoney()
			})
		})
		parts = append(parts, wrapLabel(fmt.Sprintf("%s for %s", sa.Amount.Format(), sa.Purpose)), buttonRow(change, remove))
	}

	parts = append(parts, heading("Bills coming up"))
	bills, err := u.svc.Bills(u.account.ID)
	parts = append(parts, listNote(err, len(bills), "No bills recorded. Add the ones you know of (an insurance renewal, a payroll service) so the forecast counts them.")...)
	for _, b := range bills {
		b := b
		remove := newKeyButton("Remove", theme.DeleteIcon(), func() {
			u.askFirstThen("Remove this bill?", fmt.Sprintf("The bill of %s to %s will no longer be in the forecast.", b.Amount.Format(), b.Payee), "Yes, remove it", func() error { return u.svc.RemoveBill(b.ID) }, func() {
				u.notice = "Removed the bill to " + b.Payee + "."
				u.showMoney()
			})
		})
		parts = append(parts, wrapLabel(billText(b)), buttonRow(remove))
	}
	var first fyne.Focusable = here
	if b, ok := focusOn[focus]; ok {
		first = b
	}
	u.showPage(page(parts...), first, nil)
}

// billText is "£124.90 to Example Mutual Insurance on 06/04/2027, then
// every year".
func billText(b service.Bill) string {
	s := fmt.Sprintf("%s to %s on %s", b.Amount.Format(), b.Payee, b.Date.UK())
	if b.Repeat != "" {
		s += ", then " + text.Uncapitalise(budget.RepeatLabel(b.Repeat))
	}
	if !b.Until.IsZero() {
		s += " until " + b.Until.UK()
	}
	return s
}

// moneyFormPage lays a form out as form.content does, with more buttons
// after Save and Cancel.
func moneyFormPage(f *form, head fyne.CanvasObject, extra ...fyne.CanvasObject) (fyne.CanvasObject, fyne.Focusable) {
	save := newKeyButton(f.saveText, theme.DocumentSaveIcon(), f.Submit)
	save.Importance = widget.HighImportance
	save.onEscape = f.Cancel
	cancel := newKeyButton("Cancel", theme.CancelIcon(), f.Cancel)
	cancel.onEscape = f.Cancel
	keys := hintLabel(fmt.Sprintf("Enter or %s saves. Escape cancels. Tab moves to the next box.", shortcutLabel(fyne.KeyS)))
	top := container.NewVBox()
	if head != nil {
		top.Add(head)
		top.Add(heading(f.title))
	} else {
		top.Add(pageTitle(f.title))
	}
	if f.intro != "" {
		top.Add(wrapLabel(f.intro))
	}
	top.Add(f.summary)
	parts := []fyne.CanvasObject{top, f.rows, widget.NewSeparator(), buttonRow(save, cancel), keys}
	parts = append(parts, extra...)
	for _, e := range extra {
		walkButtons(e, func(b *keyButton) {
			if b.onEscape == nil {
				b.onEscape = f.Cancel
			}
		})
	}
	var first fyne.Focusable = save
	for _, fld := range f.fields {
		if !fld.row.Hidden && !isDisabled(fld.focus) {
			first = fld.focus
			break
		}
	}
	return container.NewVScroll(container.NewPadded(container.NewVBox(parts...))), first
}

func isDisabled(f fyne.Focusable) bool {
	d, ok := f.(fyne.Disableable)
	return ok && d.Disabled()
}

// walkButtons calls fn for each keyButton in o.
func walkButtons(o fyne.CanvasObject, fn func(*keyButton)) {
	switch c := o.(type) {
	case *keyButton:
		fn(c)
	case *fyne.Container:
		for _, child := range c.Objects {
			walkButtons(child, fn)
		}
	}
}

func (u *UI) showMoneyForm(f *form, extra ...fyne.CanvasObject) {
	content, first := moneyFormPage(f, nil, extra...)
	u.showPage(content, first, f.Cancel)
	u.setForm(f)
}

// showSetAsideForm sets money aside for a purpose, or changes it.
func (u *UI) showSetAsideForm(sa service.SetAside) {
	title := "Set money aside"
	if sa.ID != 0 {
		title = "Change money set aside"
	}
	f := newForm(u, title, "Money you hold for a named purpose is not surplus: the council sees what it is for. Keep to purposes the council would agree with.")
	f.text("purpose", "What it is for", "For example \"HMRC quarter\" or \"holiday cover\".", &sa.Purpose)
	f.amount("amount", "Amount", "", &sa.Amount, true)
	f.validate = func() error { return u.svc.CheckSetAside(sa) }
	f.save = func() error {
		saved, err := u.svc.SaveSetAside(sa)
		if err != nil {
			return err
		}
		u.notice = fmt.Sprintf("%s is set aside for %s.", saved.Amount.Format(), saved.Purpose)
		u.showMoney()
		return nil
	}
	f.cancel = u.showMoney
	u.showMoneyForm(f)
}

// showOwedForm records money owed by hand: usually an unpaid invoice.
func (u *UI) showOwedForm() {
	var o budget.Owed
	o.Kind = budget.OwedInvoice
	o.Raised = u.moneyToday()
	f := newForm(u, "Add money owed", "Money you owe counts against your balance until it is paid, so the surplus is right. When the payment is in the ledger (typed in or from your bank statement) it is matched to this.")
	choice(f, "kind", "What it is", "", budget.OwedKinds, budget.OwedKind.FormLabel, &o.Kind, nil)
	f.text("payee", "Who is owed", "The name as it appears on the invoice.", &o.Payee)
	f.amount("amount", "Amount owed", "", &o.Amount, true)
	f.date("raised", "Date of the invoice", "", &o.Raised, true)
	f.date("due", "Must be paid by", "", &o.Due, false)
	f.validate = func() error { return u.svc.CheckOwed(o) }
	f.save = func() error {
		saved, err := u.svc.AddOwed(u.account.ID, o)
		if err != nil {
			return err
		}
		u.notice = fmt.Sprintf("Recorded %s owed to %s, due %s.", saved.Amount.Format(), saved.Payee, saved.Due.UK())
		u.showMoney()
		return nil
	}
	f.cancel = u.showMoney
	u.showMoneyForm(f)
}

// showBillForm adds a known bill for the forecast.
func (u *UI) showBillForm() {
	b := service.Bill{AccountID: u.account.ID}
	f := newForm(u, "Add a bill", "A payment you know is coming, such as an insurance renewal. The forecast takes it off on its date.")
	f.text("payee", "Who it is paid to", "", &b.Payee)
	f.amount("amount", "Amount", "", &b.Amount, true)
	f.date("date", "Date it is paid", "The first date, if it repeats.", &b.Date, false)
	choice(f, "repeat", "How often", "", budget.BillRepeats, budget.RepeatLabel, &b.Repeat, nil)
	f.date("until", "Last payment", "For a bill that stops.", &b.Until, true)
	f.validate = func() error { return u.svc.CheckBill(b) }
	f.save = func() error {
		saved, err := u.svc.SaveBill(b)
		if err != nil {
			return err
		}
		u.notice = "Added the bill: " + billText(saved) + "."
		u.showMoney()
		return nil
	}
	f.cancel = u.showMoney
	u.showMoneyForm(f)
}

// showSettle records which payment paid something owed: the likely
// payments first (the exact amount, then the nearest date).
func (u *UI) showSettle(o service.OwedItem) {
	back := newKeyButton("Back to Where I stand", theme.NavigateBackIcon(), u.showMoney)
	back.onEscape = u.showMoney
	other := newKeyButton("It was paid another way", theme.ConfirmIcon(), func() {
		u.askFirstThen("Paid another way?", fmt.Sprintf("Mark the %s to %s as paid without a payment in this ledger (paid from another account, or written off)?", o.Kind.Label(), o.Payee), "Yes, it is paid", func() error { return u.svc.MarkOwedSettled(o.ID) }, func() {
			u.notice = fmt.Sprintf("The %s to %s is marked as paid.", o.Kind.Label(), o.Payee)
			u.showMoney()
		})
	})
	other.onEscape = u.showMoney
	parts := []fyne.CanvasObject{
		pageTitle("Which payment paid this?"),
		wrapLabel(fmt.Sprintf("%s owed to %s (%s), due %s. Choose the payment from the ledger that paid it.", o.Left.Format(), o.Payee, o.Kind.Label(), o.Due.UK())),
		buttonRow(back, other),
	}
	cands, err := u.svc.SettleCandidates(o.ID)
	parts = append(parts, listNote(err, len(cands), "No payment out within 60 days of the due date is free to match. Add the payment to the ledger (or import your bank statement) first.")...)
	var first fyne.Focusable = back
	for i, t := range cands {
		t := t
		label := fmt.Sprintf("%s, %s, %s", t.Date.UK(), t.Payee, amountWords(t.Amount))
		if -t.Amount == o.Left {
			label += " (the exact amount)"
		}
		b := newKeyButton(label, nil, func() {
			if err := u.svc.SettleOwed(o.ID, t.ID); err != nil {
				u.showError(err)
				return
			}
			u.notice = fmt.Sprintf("Recorded that %s on %s paid the %s to %s.", (-t.Amount).Format(), t.Date.UK(), o.Kind.Label(), o.Payee)
			u.showMoney()
		})
		b.Alignment = widget.ButtonAlignLeading
		b.onEscape = u.showMoney
		parts = append(parts, b)
		if i == 0 {
			first = b
		}
	}
	u.showPage(page(parts...), first, u.showMoney)
}

// amountWords is "£12.34 out" or "£2,400.00 in": never a bare sign.
func amountWords(m money.Money) string {
	if m < 0 {
		return (-m).Format() + " out"
	}
	return m.Format() + " in"
}
