package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/budget"
	"patoolkit/service"
	"patoolkit/text"
)

// importShown is how many new lines the preview lists with a category
// box each; the rest are imported with their suggestions.
const importShown = 200

// notSorted is the category box's choice for "no category yet".
const notSorted = "(Not sorted yet)"

// categorySelect is a category drop-down (a keySelect, so a letter jumps
// to the categories starting with it).
type categorySelect struct {
	keySelect
}

func newCategorySelect(options []string) *categorySelect {
	s := &categorySelect{}
	s.Options = options
	s.PlaceHolder = notSorted
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained marks the box and scrolls the page to it.
func (s *categorySelect) FocusGained() {
	s.keySelect.FocusGained()
	scrollIntoView(s)
}

// importRow is one new line of the preview and its category box, and,
// when the line may already be in the ledger, the box where the person
// says whether it is.
type importRow struct {
	p    budget.Proposed
	sel  *categorySelect
	same *keySelect // nil when there is no question
}

// importNewLine is the answer "it is a new line" to a preview question.
const importNewLine = "It is a new line: add it"

// sameAs is the answer "it is the same as c" to a preview question.
func sameAs(c budget.Candidate) string { return "It is the same as " + c.Describe() }

// answer returns the ledger line the person said the row's line is (0:
// a new line), and false when they have not said.
func (r *importRow) answer() (int64, bool) {
	if r.same == nil || r.same.Selected == "" {
		return 0, false
	}
	for _, c := range r.p.Maybe {
		if r.same.Selected == sameAs(c) {
			return c.ID, true
		}
	}
	return 0, r.same.Selected == importNewLine
}

// showImport asks for the statement file (step 1 of 2).
func (u *UI) showImport() { u.showImportFile("") }

// showImportFile shows step 1, with a refusal from the last try when
// there was one.
func (u *UI) showImportFile(refused string) {
	ms := u.moneyState()
	ms.preview = nil
	tabs, _ := u.moneyTabs(moneyTabImport)
	path := newKeyEntry()
	path.SetText(ms.importPath)
	path.PlaceHolder = examplePath("statement.csv")
	path.onEscape = u.showMoney
	path.onShortcut = u.runShortcut
	preview := func() {
		ms.importPath = strings.TrimSpace(path.Text)
		account, file := u.account.ID, ms.importPath
		var prev service.ImportPreview
		var err error
		u.inBackground("Reading "+filepath.Base(file)+"…", func() { prev, err = u.svc.PlanImportFile(account, file) }, func() {
			if err != nil {
				if service.IsInput(err) {
					u.showImportFile(service.ErrorMessage(err))
					return
				}
				u.showError(err)
				return
			}
			ms.preview = &prev
			u.showImportPreview()
		})
	}
	path.OnSubmitted = func(string) { preview() }
	next := newKeyButton("Preview", theme.NavigateNextIcon(), preview)
	next.Importance = widget.HighImportance
	next.onEscape = u.showMoney
	parts := []fyne.CanvasObject{
		pageTitle("Money"), tabs,
		wrapHeading("Import a bank statement: step 1 of 2"),
		wrapLabel("Download the statement from your bank's website as a CSV file (it may be called \"CSV\", \"spreadsheet\" or \"Excel\") or an OFX file (\"Microsoft Money\" or \"Quicken\"). Then type where you saved it. You will see what would be imported before anything is."),
		wrapLabel("Lines already in the ledger are skipped, so a statement that overlaps an earlier one is safe to import."),
	}
	if refused != "" {
		parts = append(parts, warning(refused))
	}
	parts = append(parts,
		caption("The statement file", path),
		hintLabel("Type the full path, for example "+examplePath("Downloads/statement.csv")+", or press Tab and \"Choose a file…\" to pick it. Enter shows the preview."),
		withChooser(path, u.chooseFileButton(path, []string{".csv", ".CSV", ".ofx", ".OFX", ".qfx", ".QFX"})), buttonRow(next))
	u.showPage(page(parts...), path, u.showMoney)
}

// showImportPreview shows what importing would do (step 2 of 2): the
// layout read, the new lines each with a category box, and how many lines
// are already in the ledger.
func (u *UI) showImportPreview() {
	ms := u.moneyState()
	prev := ms.preview
	if prev == nil {
		u.showImport()
		return
	}
	tabs, _ := u.moneyTabs(moneyTabImport)
	cats, err := u.svc.OfferedCategories(u.account.ID)
	if err != nil {
		u.showImportFile(service.ErrorMessage(err))
		return
	}
	options := []string{notSorted}
	for _, c := range cats {
		options = append(options, string(c.Name))
	}
	st := prev.Statement
	plan := prev.Plan
	about := fmt.Sprintf("From %s to %s.", st.From.UK(), st.To.UK())
	if st.HasBalances {
		about += fmt.Sprintf(" The running balance adds up, from %s to %s.", st.OpeningBalance.Format(), st.ClosingBalance.Format())
	}
	other := newKeyButton("Choose another file", theme.FolderOpenIcon(), u.showImport)
	cancel := newKeyButton("Cancel", theme.CancelIcon(), u.showMoney)
	other.onEscape, cancel.onEscape = u.showMoney, u.showMoney
	importLabel := fmt.Sprintf("Import %d %s", len(plan.New), text.Plural(len(plan.New), "line", "lines"))
	// The first line says what importing will do; how the file was read
	// comes after, under "Details".
	lead := plan.Summary()
	if len(plan.New) > 0 {
		lead += fmt.Sprintf(" Nothing is added to the ledger until you press \"%s\".", importLabel)
	}
	parts := []fyne.CanvasObject{
		pageTitle("Money"), tabs,
		wrapHeading("Import a bank statement: step 2 of 2"),
		bigText(lead),
	}
	if q := prev.AccountQuestion(u.account.Name); q != "" {
		parts = append(parts, warning(q))
	}
	if q := plan.QuestionSummary(); q != "" {
		parts = append(parts, wrapLabel(q+" Each such line has a box for your answer, after its category."))
	}
	// The ledger held against the statement's balances.
	var fixOpening *keyButton
	for i, l := range prev.BankSays {
		if i == 0 && !prev.Bank.Agrees() {
			parts = append(parts, warning(l))
		} else {
			parts = append(parts, wrapLabel(l))
		}
	}
	if prev.OpeningFix != nil {
		to := *prev.OpeningFix
		fixOpening = newKeyButton("Set the opening balance to "+to.Format(), theme.ConfirmIcon(), func() {
			account := u.account.ID
			if _, err := u.svc.SetOpeningBalance(account, to); err != nil {
				u.showError(err)
				return
			}
			// Read the statement again, so the check says they agree.
			var again service.ImportPreview
			var err error
			file := u.moneyState().importPath
			u.inBackground("Checking against your bank…", func() { again, err = u.svc.PlanImportFile(account, file) }, func() {
				if err != nil {
					u.showError(err)
					return
				}
				ms.preview = &again
				u.notice = "The opening balance is now " + to.Format() + "."
				u.showImportPreview()
			})
		})
		fixOpening.onEscape = u.showMoney
		parts = append(parts, buttonRow(fixOpening))
	}
	parts = append(parts, heading("Details"),
		facts(fact{"File", st.Name}, fact{"Period", about}, fact{"Read as", st.Layout.Describe()}))
	ms.imports = nil
	ms.importAsk = warning("")
	ms.importAsk.Hide()
	if len(plan.New) == 0 {
		parts = append(parts, wrapLabel("Everything in this file is in the ledger already."), buttonRow(other, cancel))
		u.showPage(page(parts...), other, u.showMoney)
		return
	}
	doImport := func() {
		if q := prev.AccountQuestion(u.account.Name); q != "" && !prev.Plan.ImportAnyway {
			u.askFirst("Another budget's statement?", q, "Import it here anyway", func() {
				prev.Plan.ImportAnyway = true
				u.runImport()
			})
			return
		}
		u.runImport()
	}
	topImport := newKeyButton(importLabel, theme.ConfirmIcon(), doImport)
	topImport.Importance = widget.HighImportance
	topImport.onEscape = u.showMoney
	parts = append(parts,
		wrapLabel("Choose a category for each new line, or leave it for later. Categories you choose are remembered: the next statement suggests them for the same payee."),
		hintLabel("Tab moves from line to line. In a category box, a letter jumps to the categories starting with it, Left and Right step through them, and Space opens the list."),
		buttonRow(topImport, other, cancel),
		ms.importAsk,
		widget.NewSeparator(),
	)
	for i, p := range plan.New {
		// Lines with a question are always shown, so that each can be answered.
		if i >= importShown && len(p.Maybe) == 0 {
			continue
		}
		if i == importShown {
			parts = append(parts, wrapLabel(fmt.Sprintf("…and %d more new lines, imported with the categories suggested (or none): sort them in the ledger afterwards.", len(plan.New)-importShown)))
		}
		sel := newCategorySelect(options)
		if p.Transaction.Category != "" {
			sel.SetSelected(string(p.Transaction.Category))
		}
		sel.onEnter = doImport
		sel.onEscape = u.showMoney
		r := &importRow{p: p, sel: sel}
		ms.imports = append(ms.imports, r)
		line := fmt.Sprintf("Line %d: %s, %s, %s", p.Line.LineNo, p.Line.Date.UK(), p.Line.Description, amountWords(p.Line.Amount))
		title := widget.NewLabelWithStyle(line, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		sel.setSpoken("category", nil)
		sel.inGroup(title)
		row := []fyne.CanvasObject{title}
		row = append(row, wideFor(sel.Options, sel))
		if len(p.Maybe) > 0 {
			answers := []string{importNewLine}
			for _, c := range p.Maybe {
				answers = append(answers, sameAs(c))
			}
			r.same = newKeySelect(answers, nil)
			r.same.PlaceHolder = "(Say whether it is the same line)"
			r.same.onEnter = doImport
			r.same.onEscape = u.showMoney
			r.same.setSpoken("already in the ledger?", nil)
			r.same.inGroup(title)
			row = append(row, warning("This line may already be in the ledger: it may be "+p.MayBe()+". Say whether it is the same line or a new one."), r.same)
		}
		switch {
		case len(p.Maybe) > 0:
		case p.Confirms != 0:
			row = append(row, hintLabel("✔ This is the bank's record of a line you entered by hand: that line will be marked as matched, not added again."))
		case p.SuggestedBy != "":
			row = append(row, hintLabel("Suggested by "+p.SuggestedBy+"."))
		}
		parts = append(parts, container.NewVBox(row...))
	}
	if len(plan.Duplicates) > 0 {
		parts = append(parts, wrapLabel(fmt.Sprintf("%d %s already in the ledger and will be skipped.", len(plan.Duplicates), text.Plural(len(plan.Duplicates), "line is", "lines are"))))
	}
	bottomImport := newKeyButton(importLabel, theme.ConfirmIcon(), doImport)
	bottomImport.Importance = widget.HighImportance
	bottomCancel := newKeyButton("Cancel", theme.CancelIcon(), u.showMoney)
	bottomImport.onEscape, bottomCancel.onEscape = u.showMoney, u.showMoney
	parts = append(parts, widget.NewSeparator(), buttonRow(bottomImport, bottomCancel))
	u.showPage(page(parts...), topImport, u.showMoney)
}

// runImport imports the previewed statement with the categories chosen.
func (u *UI) runImport() {
	ms := u.moneyState()
	if ms.preview == nil {
		return
	}
	confirmed := map[string]budget.Category{}
	answers := map[string]int64{}
	var unanswered []*importRow
	for _, r := range ms.imports {
		if c := r.sel.Selected; c != "" && c != notSorted {
			confirmed[r.p.Transaction.ImportKey] = budget.Category(c)
		}
		if r.same == nil {
			continue
		}
		if id, ok := r.answer(); ok {
			answers[r.p.Transaction.ImportKey] = id
		} else {
			unanswered = append(unanswered, r)
		}
	}
	if len(unanswered) > 0 {
		// Nothing is imported until every question is answered.
		ms.importAsk.SetText(fmt.Sprintf("⚠ %d %s may already be in the ledger: say for each whether it is the same line or a new one, then import.",
			len(unanswered), text.Plural(len(unanswered), "line", "lines")))
		ms.importAsk.Show()
		u.win.Canvas().Focus(unanswered[0].same)
		return
	}
	plan := ms.preview.Plan
	plan.New = append([]budget.Proposed(nil), plan.New...)
	for i := range plan.New {
		if id, ok := answers[plan.New[i].Transaction.ImportKey]; ok {
			plan.New[i].Answer(id)
		}
	}
	account := u.account.ID
	var res service.ImportResult
	var err error
	u.inBackground(fmt.Sprintf("Importing %d %s…", len(plan.New), text.Plural(len(plan.New), "line", "lines")),
		func() { res, err = u.svc.ImportStatement(account, plan, confirmed) },
		func() { u.imported(res, err) })
}

// imported shows the ledger after an import, with what was imported.
func (u *UI) imported(res service.ImportResult, err error) {
	ms := u.moneyState()
	if err != nil {
		u.showError(err)
		return
	}
	ms.preview, ms.imports = nil, nil
	msg := fmt.Sprintf("Imported %d %s", res.Imported, text.Plural(res.Imported, "line", "lines"))
	if res.Confirmed > 0 {
		msg += fmt.Sprintf(" (%d matched %s you had entered by hand)", res.Confirmed, text.Plural(res.Confirmed, "a line", "lines"))
	}
	msg += fmt.Sprintf("; %d %s already in the ledger.", res.Duplicates, text.Plural(res.Duplicates, "was", "were"))
	if res.InSentReturn > 0 {
		msg += fmt.Sprintf(" %d %s not imported because %s dated in a period whose return was sent to the council: add %s as a correction dated today if %s belong there.",
			res.InSentReturn, text.Plural(res.InSentReturn, "line was", "lines were"), text.Plural(res.InSentReturn, "it is", "they are"),
			text.Plural(res.InSentReturn, "it", "them"), text.Plural(res.InSentReturn, "it does", "they"))
	}
	if res.HeldBack > 0 {
		msg += fmt.Sprintf(" %d %s not imported: %s may be %s imported before.", res.HeldBack, text.Plural(res.HeldBack, "line was", "lines were"),
			text.Plural(res.HeldBack, "it", "they"), text.Plural(res.HeldBack, "a line", "lines"))
	}
	if res.Matched > 0 {
		msg += fmt.Sprintf(" %d %s matched to money owed.", res.Matched, text.Plural(res.Matched, "payment was", "payments were"))
	}
	if res.RulesLearned > 0 {
		msg += " The categories you chose will be suggested next time."
	}
	u.notice = msg
	ms.filter = service.LedgerFilter{Sort: service.NewestFirst}
	ms.ledgerPos = 0
	u.showLedger()
}
