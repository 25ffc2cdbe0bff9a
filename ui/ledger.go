package ui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
	"patoolkit/text"
)

// ledgerList is the ledger's lines as a list the keyboard moves through:
// Up and Down a line, Page Up and Page Down ten lines, Home and End to
// the first and last; Enter opens the highlighted line and Escape goes
// back. A thick ring shows it has the focus. A click opens a line too.
type ledgerList struct {
	widget.List
	entries  []service.LedgerEntry
	current  int
	onOpen   func(i int)
	onEscape func()
	onMove   func(i int)
	focused  bool
	// reveal is set when the list got the focus before it was laid out:
	// the page is scrolled to it once it has its place.
	reveal bool
	// above is what to keep in view above the list (its header).
	above fyne.CanvasObject
}

func newLedgerList(entries []service.LedgerEntry) *ledgerList {
	l := &ledgerList{entries: entries}
	l.Length = func() int { return len(l.entries) }
	l.CreateItem = func() fyne.CanvasObject { return newLedgerRow(false) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= 0 && id < len(l.entries) {
			setLedgerRow(o.(*fyne.Container), l.entries[id])
		}
	}
	l.OnHighlighted = func(id widget.ListItemID) {
		l.current = id
		if l.onMove != nil {
			l.onMove(id)
		}
	}
	l.OnSelected = func(id widget.ListItemID) {
		l.UnselectAll()
		l.current = id
		if l.onOpen != nil {
			l.onOpen(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// moveTo highlights line i (kept within the list).
func (l *ledgerList) moveTo(i int) {
	if len(l.entries) == 0 {
		return
	}
	i = min(max(i, 0), len(l.entries)-1)
	l.Highlight(i)
}

func (l *ledgerList) TypedKey(ev *fyne.KeyEvent) {
	// A key in the list brings it into view, if the page had not been
	// scrolled to it when it got the focus.
	revealTop(l, l.above)
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.onOpen != nil && l.current >= 0 && l.current < len(l.entries) {
			l.onOpen(l.current)
		}
	case fyne.KeyEscape:
		if l.onEscape != nil {
			l.onEscape()
		}
	case fyne.KeyPageDown:
		l.moveTo(l.current + 10)
	case fyne.KeyPageUp:
		l.moveTo(l.current - 10)
	case fyne.KeyHome:
		l.moveTo(0)
	case fyne.KeyEnd:
		l.moveTo(len(l.entries) - 1)
	default:
		l.List.TypedKey(ev)
	}
}

func (l *ledgerList) FocusGained() {
	l.focused = true
	l.List.FocusGained()
	l.Refresh()
	if l.Size().IsZero() {
		l.reveal = true
		return
	}
	revealTop(l, l.above)
}

// Resize lays the list out and, the first time after it got the focus,
// scrolls the page to it.
func (l *ledgerList) Resize(size fyne.Size) {
	l.List.Resize(size)
	if l.reveal && l.focused && !size.IsZero() {
		l.reveal = false
		revealTop(l, l.above)
	}
}

// revealTop scrolls the page so obj (and above it, when not nil) can be
// seen, its top at the top when it is taller than the page.
func revealTop(obj, above fyne.CanvasObject) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	c := app.Driver().CanvasForObject(obj)
	if c == nil {
		return
	}
	path := pathTo(c.Content(), obj)
	for i := len(path) - 1; i >= 0; i-- {
		s, ok := path[i].(*container.Scroll)
		if !ok || s.Direction == container.ScrollNone || s.Size().Height <= 0 {
			continue
		}
		var y float32
		for _, o := range path[i+1:] {
			y += o.Position().Y
		}
		top := y - theme.Padding()
		if above != nil {
			top -= above.Size().Height
		}
		off := s.Offset
		switch {
		case top < off.Y, y+obj.Size().Height > off.Y+s.Size().Height:
			off.Y = max(top, 0)
			s.ScrollToOffset(off)
		}
		return
	}
}

func (l *ledgerList) FocusLost() {
	l.focused = false
	l.List.FocusLost()
	l.Refresh()
}

func (l *ledgerList) CreateRenderer() fyne.WidgetRenderer {
	return newRingRenderer(l.List.CreateRenderer(), &l.focused)
}

// ledgerColumns lays out a ledger line: date, payee, amount, category,
// the bank mark and the receipts mark. The date, amount and mark columns
// are as wide as their widest text at the current size; the payee and
// category share the rest.
type ledgerColumns struct{}

var ledgerWidths struct {
	textSize                     float32
	date, amount, bank, receipts float32
}

// ledgerFixedWidths are the widths of the date, amount and mark columns
// at the current text size: those of labels holding their widest text.
func ledgerFixedWidths() (date, amount, bank, receipts float32) {
	w := &ledgerWidths
	if w.textSize != theme.TextSize() {
		width := func(s string) float32 {
			l := widget.NewLabel(s)
			l.TextStyle.Bold = true
			return l.MinSize().Width + theme.Padding()
		}
		w.textSize = theme.TextSize()
		w.date, w.amount, w.bank, w.receipts = width("00/00/0000"), width("£10,000.00 out"), width("Bank"), width("Receipts")
	}
	return w.date, w.amount, w.bank, w.receipts
}

// ledgerTwoLines reports whether a ledger line takes two lines: at text
// sizes of 150% and more, so the payee and category are not cut short.
// Line one is the date, payee and amount; line two the category and the
// marks.
func ledgerTwoLines() bool { return theme.TextSize() >= 21 }

func (ledgerColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	d, a, b, r := ledgerFixedWidths()
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	if ledgerTwoLines() {
		return fyne.NewSize(d+a+4*theme.TextSize(), 2*h)
	}
	return fyne.NewSize(d+a+b+r+2*theme.TextSize(), h)
}

func (ledgerColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) < 6 {
		return
	}
	d, a, b, r := ledgerFixedWidths()
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(max(w, 0), h))
	}
	if ledgerTwoLines() {
		h := size.Height / 2
		place(objs[0], 0, 0, d, h)                // date
		place(objs[1], d, 0, size.Width-d-a, h)   // payee
		place(objs[2], size.Width-a, 0, a, h)     // amount
		place(objs[3], d, h, size.Width-d-b-r, h) // category
		place(objs[4], size.Width-b-r, h, b, h)   // bank
		place(objs[5], size.Width-r, h, r, h)     // receipts
		return
	}
	rest := max(size.Width-d-a-b-r, 100)
	widths := []float32{d, rest * 0.55, a, rest * 0.45, b, r}
	var x float32
	for i, w := range widths {
		place(objs[i], x, 0, w, size.Height)
		x += w
	}
}

func newLedgerRow(header bool) *fyne.Container {
	var objs []fyne.CanvasObject
	for i := 0; i < 6; i++ {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.TextStyle.Bold = header
		if i == 2 {
			l.Alignment = fyne.TextAlignTrailing
		}
		if i >= 4 {
			l.Alignment = fyne.TextAlignCenter
		}
		objs = append(objs, l)
	}
	return container.New(ledgerColumns{}, objs...)
}

func setLedgerRow(row *fyne.Container, e service.LedgerEntry) {
	cat := string(e.Category)
	if cat == "" {
		cat = "(not sorted yet)"
	}
	bank := "—"
	if e.Reconciled {
		bank = "✔"
	}
	receipts := ""
	if e.Receipts > 0 {
		receipts = fmt.Sprintf("📎 %d", e.Receipts)
	}
	for i, s := range []string{e.Date.UK(), e.Payee, amountWords(e.Amount), cat, bank, receipts} {
		l := row.Objects[i].(*widget.Label)
		if l.Text != s {
			l.SetText(s)
		}
	}
}

// ledgerLineText reads a line out in words, for the line under the list.
func ledgerLineText(i int, es []service.LedgerEntry) string {
	e := es[i]
	cat := "not sorted into a category yet"
	if e.Category != "" {
		cat = string(e.Category)
	}
	bank := "not yet matched to a bank statement"
	if e.Reconciled {
		bank = "matched to the bank statement"
	}
	s := fmt.Sprintf("Line %d of %d: %s, %s, %s, %s, %s", i+1, len(es), e.Date.UK(), e.Payee, amountWords(e.Amount), cat, bank)
	if e.Receipts > 0 {
		s += fmt.Sprintf(", %d %s", e.Receipts, text.Plural(e.Receipts, "receipt", "receipts"))
	}
	return s + ". Enter opens it."
}

const (
	ledgerAll      = "All categories"
	ledgerUnsorted = "Not sorted yet"
)

// showLedger shows the ledger with the focus on its list.
func (u *UI) showLedger() { u.showLedgerFocus("list") }

// showLedgerFocus shows the ledger, filtered and sorted as chosen, with
// the focus on the control named focus ("list", "category", "from",
// "to", "sort", "add").
func (u *UI) showLedgerFocus(focus string) {
	ms := u.moneyState()
	tabs, here := u.moneyTabs(moneyTabLedger)
	cats, err := u.svc.Categories(u.account.ID)
	if err != nil {
		u.showPage(page(pageTitle("Money"), tabs, warning(service.ErrorMessage(err))), here, u.showMoney)
		return
	}
	ledger, err := u.svc.Ledger(u.account.ID, ms.filter)
	problem := ""
	if err != nil {
		problem = service.ErrorMessage(err)
		ms.filter.From, ms.filter.To = civil.Date{}, civil.Date{}
		ledger, _ = u.svc.Ledger(u.account.ID, ms.filter)
	}
	ms.entries = ledger.Entries

	// Filters.
	catOptions := []string{ledgerAll, ledgerUnsorted}
	for _, c := range cats {
		catOptions = append(catOptions, string(c.Name))
	}
	var category *keySelect
	category = newKeySelect(catOptions, nil)
	switch {
	case ms.filter.Unsorted:
		category.SetSelected(ledgerUnsorted)
	case ms.filter.Category != "":
		category.SetSelected(string(ms.filter.Category))
	default:
		category.SetSelected(ledgerAll)
	}
	category.OnChanged = func(s string) {
		ms.filter.Unsorted, ms.filter.Category = s == ledgerUnsorted, ""
		if s != ledgerAll && s != ledgerUnsorted {
			ms.filter.Category = budget.Category(s)
		}
		ms.ledgerPos = 0
		u.showLedgerFocus("category")
	}
	sortLabels := make([]string, len(service.LedgerSorts))
	for i, o := range service.LedgerSorts {
		sortLabels[i] = o.Label()
	}
	order := newKeySelect(sortLabels, nil)
	order.SetSelected(ms.filter.Sort.Label())
	order.OnChanged = func(string) {
		ms.filter.Sort = service.LedgerSorts[order.SelectedIndex()]
		ms.ledgerPos = 0
		u.showLedgerFocus("sort")
	}
	from, to := newKeyEntry(), newKeyEntry()
	from.SetText(ms.filter.From.UK())
	to.SetText(ms.filter.To.UK())
	from.PlaceHolder, to.PlaceHolder = "DD/MM/YYYY", "DD/MM/YYYY"
	apply := func(which string) {
		f, err1 := parseDate(from.Text)
		t, err2 := parseDate(to.Text)
		if err1 != nil || err2 != nil {
			msg := ""
			if err1 != nil {
				msg = "From: " + service.ErrorMessage(err1)
			} else {
				msg = "To: " + service.ErrorMessage(err2)
			}
			u.message("The dates can't be read", msg)
			return
		}
		ms.filter.From, ms.filter.To = f, t
		ms.ledgerPos = 0
		u.showLedgerFocus(which)
	}
	from.OnSubmitted = func(string) { apply("from") }
	to.OnSubmitted = func(string) { apply("to") }
	show := newKeyButton("Show these dates", theme.SearchIcon(), func() { apply("list") })
	add := newKeyButton("Add a transaction", theme.ContentAddIcon(), func() {
		u.showTransactionForm(budget.Transaction{Date: u.moneyToday(), Amount: -1})
	})
	for _, e := range []*keyEntry{from, to} {
		e.onEscape = u.showMoney
		e.onShortcut = u.runShortcut
	}
	category.onEscape, order.onEscape = u.showMoney, u.showMoney
	show.onEscape, add.onEscape = u.showMoney, u.showMoney
	filterBox := func(label string, box speakingBox) fyne.CanvasObject {
		return container.NewVBox(caption(label, box), box)
	}
	filters := buttonRow(
		filterBox("Category", category),
		filterBox("From", from),
		filterBox("To", to),
		filterBox("Order", order),
	)

	totals := fmt.Sprintf("%d %s: %s in, %s out.", len(ledger.Entries), text.Plural(len(ledger.Entries), "line", "lines"), ledger.MoneyIn.Format(), ledger.MoneyOut.Format())
	if ledger.NotReconciled > 0 {
		totals += fmt.Sprintf(" %d not yet matched to a bank statement (—).", ledger.NotReconciled)
	}
	top := container.NewVBox(pageTitle("Money"), tabs, filters, container.NewHBox(show, add))
	if problem != "" {
		top.Add(warning(problem))
	}
	top.Add(wrapLabel(totals))

	list := newLedgerList(ledger.Entries)
	ms.ledger = list
	status := wrapLabel("")
	list.onMove = func(i int) {
		ms.ledgerPos = i
		status.SetText(ledgerLineText(i, ledger.Entries))
	}
	list.onOpen = func(i int) {
		ms.ledgerPos = i
		e := ledger.Entries[i]
		u.showTransactionForm(e.Transaction)
	}
	list.onEscape = u.showMoney
	header := newLedgerRow(true)
	for i, s := range []string{"Date", "Payee", "Amount", "Category", "Bank", "Receipts"} {
		header.Objects[i].(*widget.Label).SetText(s)
	}
	hint := hintLabel("In the list: Up and Down move a line, Page Up and Page Down ten lines, Home and End to the first and last; Enter opens a line. ✔ matched to the bank statement, — not yet; 📎 receipts kept.")
	var body fyne.CanvasObject
	var first fyne.Focusable
	if len(ledger.Entries) == 0 {
		empty := "No lines yet. Add a transaction, or import a bank statement."
		if ms.filter.Category != "" || ms.filter.Unsorted || !ms.filter.From.IsZero() || !ms.filter.To.IsZero() {
			empty = "No lines match. Choose \"All categories\" or clear the dates to see more."
		}
		body = container.NewVBox(wrapLabel(empty))
		first = add
	} else {
		pos := min(ms.ledgerPos, len(ledger.Entries)-1)
		list.current = pos
		list.Highlight(pos)
		status.SetText(ledgerLineText(pos, ledger.Entries))
		// Ten lines show at once (five at the largest text); the page
		// scrolls when the text is large.
		rows := min(max(int(140/theme.TextSize()), 5), 10)
		tall := canvas.NewRectangle(color.Transparent)
		tall.SetMinSize(fyne.NewSize(0, float32(rows)*header.MinSize().Height))
		list.above = header
		body = container.NewVBox(header, container.NewStack(tall, list))
		first = list
	}
	switch focus {
	case "category":
		first = category
	case "sort":
		first = order
	case "from":
		first = from
	case "to":
		first = to
	case "add":
		first = add
	}
	u.showPage(page(top, body, status, hint), first, u.showMoney)
}

// showTransactionForm shows a ledger line to change (or a new one, ID 0),
// with its receipts.
func (u *UI) showTransactionForm(t budget.Transaction) {
	fromBank := t.ImportKey != ""
	title := "Add a transaction"
	intro := "Money in or out of the direct payment account that is not on a bank statement yet. When you import the statement, this line is matched to the bank's."
	if t.ID != 0 {
		title = "Transaction: " + t.Payee
		intro = ""
		if fromBank {
			intro = fmt.Sprintf("This line is from your bank statement, so its date (%s) and amount (%s) stay as the bank has them. You can change the payee, category, reference and note.", t.Date.UK(), amountWords(t.Amount))
		} else if !t.Reconciled {
			intro = "Entered by hand: not yet matched to a bank statement."
		}
		if t.SettlesID != 0 {
			intro += " It pays money that was owed (see Where I stand)."
		}
	}
	cats, err := u.svc.OfferedCategories(u.account.ID)
	if err != nil {
		u.showError(err)
		return
	}
	values := []budget.Category{""}
	for _, c := range cats {
		values = append(values, c.Name)
	}
	if t.Category != "" && !cats.Has(t.Category) {
		values = append(values, t.Category) // hidden, but this line has it
	}
	direction := "out"
	if t.Amount > 0 {
		direction = "in"
	}
	size := t.Amount.Abs()
	if t.ID == 0 {
		size = 0
	}
	f := newForm(u, title, intro)
	date := f.date("date", "Date", "", &t.Date, false)
	dir := choice(f, "direction", "Money in or out", "", []string{"out", "in"}, func(s string) string {
		if s == "in" {
			return "Money in (paid into the account)"
		}
		return "Money out (paid from the account)"
	}, &direction, nil)
	amount := f.amount("amount", "Amount", "Pounds and pence, without a sign: choose in or out above.", &size, true)
	f.text("payee", "Paid to or from", "", &t.Payee)
	choice(f, "category", "Category", "The council's categories for your return.", values, func(c budget.Category) string {
		if c == "" {
			return "(Not sorted yet)"
		}
		return string(c)
	}, &t.Category, nil)
	f.text("reference", "Reference", "An invoice number, or the bank's reference.", &t.Reference)
	f.multiline("note", "Note", "Anything the council may ask about.", &t.Note)
	if fromBank {
		date.Disable()
		dir.Disable()
		amount.Disable()
	}
	signed := func() budget.Transaction {
		out := t
		out.Amount = size
		if direction == "out" {
			out.Amount = -size
		}
		return out
	}
	f.validate = func() error { return u.svc.CheckTransaction(u.account.ID, signed()) }
	f.save = func() error {
		if size < 0 {
			return fieldProblem("amount", "Give the amount without a minus sign, and choose money in or out above it.")
		}
		t = signed()
		saved, err := u.svc.SaveTransaction(u.account.ID, t)
		if err != nil {
			return err
		}
		u.notice = fmt.Sprintf("Saved: %s, %s, %s.", saved.Date.UK(), saved.Payee, amountWords(saved.Amount))
		if saved.SettlesID != 0 && t.SettlesID == 0 {
			u.notice += " It pays money that was owed, so that is now settled."
		}
		u.showLedgerFocus("list")
		return nil
	}
	f.cancel = u.showLedger
	var extra []fyne.CanvasObject
	if t.ID != 0 {
		extra = append(extra, u.receiptsSection(t)...)
		if !t.Reconciled && !fromBank {
			remove := newKeyButton("Remove this line", theme.DeleteIcon(), func() {
				u.askFirstThen("Remove this line?", fmt.Sprintf("Remove %s, %s, %s from the ledger, with its receipts?", t.Date.UK(), t.Payee, amountWords(t.Amount)), "Yes, remove it", func() error { return u.svc.DeleteTransaction(t.ID) }, func() {
					u.notice = "Removed the line " + t.Payee + "."
					u.showLedger()
				})
			})
			extra = append(extra, widget.NewSeparator(), buttonRow(remove))
		}
	}
	u.showMoneyForm(f, extra...)
}

// fieldProblem is a window-side refusal shown beside its field.
func fieldProblem(field, msg string) error {
	return &service.Error{Code: service.Invalid, Message: msg, Err: householdProblems(field, msg)}
}

// receiptsSection lists a line's receipts, each with "Save a copy" and
// "Remove", and a button to attach another.
func (u *UI) receiptsSection(t budget.Transaction) []fyne.CanvasObject {
	parts := []fyne.CanvasObject{widget.NewSeparator(), heading("Receipts and invoices")}
	rs, err := u.svc.Receipts(t.ID)
	if err != nil {
		return append(parts, warning(service.ErrorMessage(err)))
	}
	if len(rs) == 0 {
		parts = append(parts, wrapLabel("None kept yet. Attach a photo (PNG or JPEG) or a PDF of the receipt or invoice: it is kept inside your data file, so it is in every backup."))
	}
	for _, r := range rs {
		r := r
		kind := map[string]string{"image/png": "PNG picture", "image/jpeg": "JPEG picture", "application/pdf": "PDF"}[r.MediaType]
		saveCopy := newKeyButton("Save a copy…", theme.DocumentSaveIcon(), func() { u.showExportReceipt(t, r) })
		remove := newKeyButton("Remove", theme.DeleteIcon(), func() {
			u.askFirstThen("Remove this receipt?", fmt.Sprintf("Remove %s from this line? Save a copy first if you may need it.", r.FileName), "Yes, remove it", func() error { return u.svc.RemoveReceipt(r.ID) }, func() {
				u.notice = "Removed " + r.FileName + "."
				u.reopenTransaction(t.ID)
			})
		})
		parts = append(parts, wrapLabel(fmt.Sprintf("📎 %s (%s, %s, kept %s)", r.FileName, kind, service.SizeWords(r.Size), r.Added.UK())), buttonRow(saveCopy, remove))
	}
	attach := newKeyButton("Attach a receipt…", theme.ContentAddIcon(), func() { u.showAttachReceipt(t) })
	return append(parts, buttonRow(attach))
}

// reopenTransaction shows a line's form again, as stored.
func (u *UI) reopenTransaction(id int64) {
	t, err := u.svc.Transaction(id)
	if err != nil {
		u.showError(err)
		u.showLedger()
		return
	}
	u.showTransactionForm(t)
}

// showAttachReceipt asks for the receipt's file.
func (u *UI) showAttachReceipt(t budget.Transaction) {
	path := ""
	f := newForm(u, "Attach a receipt", fmt.Sprintf("For %s, %s, %s. A photo (PNG or JPEG) or a PDF, up to 10 MB.", t.Date.UK(), t.Payee, amountWords(t.Amount)))
	box := f.entry("", "")
	f.add("path", "The receipt's file", "Type the full path, for example "+examplePath("receipt.pdf")+", or press Tab and \"Choose a file…\" to pick it.",
		withChooser(box, u.chooseFileButton(box, []string{".pdf", ".PDF", ".png", ".PNG", ".jpg", ".JPG", ".jpeg", ".JPEG"})), box,
		func() error { path = strings.TrimSpace(box.Text); return nil })
	f.saveText = "Attach"
	f.save = func() error {
		path := path
		var r service.Receipt
		var err error
		return f.inBackground("Reading "+filepath.Base(path)+"…", func() { r, err = u.svc.AddReceiptFile(t.ID, path) }, func() error {
			if err != nil {
				return err
			}
			u.notice = fmt.Sprintf("Kept %s (%s) with this line.", r.FileName, service.SizeWords(r.Size))
			u.reopenTransaction(t.ID)
			return nil
		})
	}
	f.cancel = func() { u.reopenTransaction(t.ID) }
	u.showMoneyForm(f)
}

// showExportReceipt saves a copy of a receipt where the person says.
func (u *UI) showExportReceipt(t budget.Transaction, r service.Receipt) {
	path := examplePath(r.FileName)
	f := newForm(u, "Save a copy of "+r.FileName, "The copy is written to a new file; if the file is there already, you are asked before it is replaced.")
	f.text("path", "Save the copy as", "The full path of a new file.", &path)
	f.saveText = "Save the copy"
	f.save = func() error {
		path, replace := path, f.replace
		var err error
		return f.inBackground("Saving a copy of "+r.FileName+"…", func() { err = u.svc.ExportReceipt(r.ID, path, replace) }, func() error {
			if err != nil {
				return f.replaceFile(path, err)
			}
			u.notice = "Saved a copy of " + r.FileName + " as " + path + "."
			u.reopenTransaction(t.ID)
			return nil
		})
	}
	f.cancel = func() { u.reopenTransaction(t.ID) }
	u.showMoneyForm(f)
}

// examplePath is name in the person's home folder, as an example.
func examplePath(name string) string {
	home, err := os.UserHomeDir()
	if err != nil || strings.TrimSpace(home) == "" {
		return name
	}
	return filepath.Join(home, name)
}

func householdProblems(field, msg string) household.Problems {
	return household.Problems{{Field: field, Message: msg}}
}
