package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/service"
)

// form is a page of labelled fields with an error line under each, and
// Save and Cancel buttons. Enter in a one-line box (or Ctrl+S anywhere)
// saves, Escape cancels. Saving first reads every typed value (a date, an
// amount); a value that cannot be read is shown beside its field and the
// service is not called. Then save runs; the service's refusals are shown
// beside their fields with a summary at the top, and nothing is stored.
type form struct {
	u       *UI
	title   string
	intro   string
	rows    *fyne.Container
	summary *widget.Label
	// scroll is the page the form scrolls in, once shown.
	scroll *container.Scroll
	fields []*formField
	// save stores the record; it is called only when every typed value
	// could be read. It returns the service's error, if any.
	save func() error
	// validate, when not nil, checks the record as save would without
	// storing it (a service Check function). It is called when some
	// typed values could not be read, so every other problem is shown
	// in the same round.
	validate func() error
	// cancel leaves the form; nothing is stored.
	cancel   func()
	saveText string
	// initial holds each field's value when the form was shown, so
	// leaving a changed form can ask first; saving is set while it saves.
	initial []string
	saving  bool
	// replace is set for one save when the person answered "Replace it?"
	// with yes (see replaceFile).
	replace bool
}

// formField is one field: its widget, its error line, and how to read it.
type formField struct {
	name  string
	label string
	row   *fyne.Container
	error *widget.Label
	focus fyne.Focusable
	read  func() error // reads the widget into the record; a parse error
	// parts, when not nil, names the parts of the field that problems
	// may be about (the rows of a table: "entry 2"), and gives the box
	// to focus for each. read may then return field errors on those
	// parts, so only they are taken as unread.
	parts func(name string) (fyne.Focusable, bool)
}

// about reports whether a problem on name is shown under this field.
func (fld *formField) about(name string) bool {
	if name == fld.name {
		return true
	}
	if fld.parts == nil {
		return false
	}
	_, ok := fld.parts(name)
	return ok
}

// readProblems are what a failed read says, each on its field: the parts
// named, when the field has parts and the error names only them, or
// else the field itself.
func (fld *formField) readProblems(err error) household.Problems {
	if fe := field.Of(err); fld.parts != nil && len(fe) > 0 {
		all := true
		for _, e := range fe {
			if _, ok := fld.parts(e.Field); !ok {
				all = false
			}
		}
		if all {
			return fe
		}
	}
	return household.Problems{{Field: fld.name, Message: service.ErrorMessage(err)}}
}

// value is what the field's widget holds now, to tell whether it changed.
func (fld *formField) value() string {
	switch w := fld.focus.(type) {
	case *keyEntry:
		return w.Text
	case *keySelect:
		return w.Selected
	case *keyCheck:
		if w.Checked {
			return "yes"
		}
		return "no"
	}
	return ""
}

// markClean notes every field's value as it is shown.
func (f *form) markClean() {
	f.initial = f.initial[:0]
	for _, fld := range f.fields {
		f.initial = append(f.initial, fld.value())
	}
}

// changed reports whether the person has changed any field since the form
// was shown (and is not saving it).
func (f *form) changed() bool {
	if f.saving || len(f.initial) != len(f.fields) {
		return false
	}
	for i, fld := range f.fields {
		if fld.value() != f.initial[i] {
			return true
		}
	}
	return false
}

func newForm(u *UI, title, intro string) *form {
	f := &form{u: u, title: title, intro: intro, rows: container.NewVBox(), saveText: "Save"}
	f.summary = errorLabel()
	return f
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.TextStyle.Bold = true
	l.Hide()
	return l
}

func hintLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// heading adds a sub-heading that groups the fields after it.
func (f *form) heading(text string) {
	f.rows.Add(heading(text))
}

// note adds a line of explanation.
func (f *form) note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	f.rows.Add(l)
	return l
}

// add puts a field in the form: its label, a hint, the widget and its
// error line.
func (f *form) add(name, label, hint string, obj fyne.CanvasObject, focus fyne.Focusable, read func() error) *formField {
	fld := &formField{name: name, label: label, error: errorLabel(), focus: focus, read: read}
	nameBoxes(obj, label, fld.error)
	row := container.NewVBox(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if hint != "" {
		row.Add(hintLabel(hint))
	}
	row.Add(obj)
	row.Add(fld.error)
	fld.row = row
	f.rows.Add(row)
	f.fields = append(f.fields, fld)
	return fld
}

// entry makes a one-line box that saves on Enter and cancels on Escape.
func (f *form) entry(value, placeholder string) *keyEntry {
	e := newKeyEntry()
	e.SetText(value)
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(string) { f.Submit() }
	e.onEscape = f.Cancel
	e.onShortcut = f.u.runShortcut
	return e
}

// text adds a one-line text field read into dst.
func (f *form) text(name, label, hint string, dst *string) *keyEntry {
	e := f.entry(*dst, "")
	f.add(name, label, hint, e, e, func() error { *dst = strings.TrimSpace(e.Text); return nil })
	return e
}

// multiline adds a box for several lines (an address, notes). Enter starts
// a new line there; Ctrl+S saves.
func (f *form) multiline(name, label, hint string, dst *string) *keyEntry {
	e := newKeyMultiLineEntry()
	e.SetText(*dst)
	e.onEscape = f.Cancel
	e.onShortcut = f.u.runShortcut
	if hint != "" {
		hint += " "
	}
	hint += "Enter starts a new line; " + shortcutLabel(fyne.KeyS) + " saves."
	f.add(name, label, hint, e, e, func() error { *dst = strings.TrimSpace(e.Text); return nil })
	return e
}

// date adds a date field typed as DD/MM/YYYY.
func (f *form) date(name, label, hint string, dst *civil.Date, optional bool) *keyEntry {
	e := f.entry(dst.UK(), "DD/MM/YYYY")
	if optional {
		hint = strings.TrimSpace(hint + " Leave blank if not known.")
	}
	parsedField(f, name, label, hint, e, dst, parseDate)
	return e
}

// amount adds a money field (£); blank reads as £0.00.
func (f *form) amount(name, label, hint string, dst *money.Money, blankZero bool) *keyEntry {
	e := f.entry(formatMoneyEntry(*dst, blankZero), "£0.00")
	parsedField(f, name, label, hint, e, dst, parseMoney)
	return e
}

// hours adds an hours-a-week field, stored as whole minutes.
func (f *form) hours(name, label, hint string, dst *int) *keyEntry {
	e := f.entry(formatHours(*dst), "for example 37.5")
	parsedField(f, name, label, hint, e, dst, parseHours)
	return e
}

// percent adds a percentage field, stored exactly as basis points.
func (f *form) percent(name, label, hint string, dst *int) *keyEntry {
	e := f.entry(formatPercent(*dst), "for example 5")
	parsedField(f, name, label, hint, e, dst, parsePercent)
	return e
}

// number adds a whole-number field.
func (f *form) number(name, label, hint string, dst *int) *keyEntry {
	e := f.entry(fmt.Sprint(*dst), "")
	parsedField(f, name, label, hint, e, dst, parseWholeNumber)
	return e
}

// parsedField adds e as a field whose text parse reads into dst; dst is
// left alone when the text does not parse.
func parsedField[T any](f *form, name, label, hint string, e *keyEntry, dst *T, parse func(string) (T, error)) {
	f.add(name, label, hint, e, e, func() error {
		v, err := parse(e.Text)
		if err == nil {
			*dst = v
		}
		return err
	})
}

// check adds a tick box.
func (f *form) check(name, label, text, hint string, dst *bool) *keyCheck {
	c := newKeyCheck(text, nil)
	c.SetChecked(*dst)
	c.onEnter = f.Submit
	c.onEscape = f.Cancel
	f.add(name, label, hint, c, c, func() error { *dst = c.Checked; return nil })
	return c
}

// choice adds a drop-down list of values shown by their labels; dst gets
// the chosen value (its zero value when none is chosen). changed, when not
// nil, is called as the choice changes.
func choice[T comparable](f *form, name, label, hint string, values []T, labelOf func(T) string, dst *T, changed func(T)) *keySelect {
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = labelOf(v)
	}
	s := newKeySelect(labels, nil)
	s.onEnter = f.Submit
	s.onEscape = f.Cancel
	setChoice(s, values, *dst)
	s.OnChanged = func(string) {
		if changed != nil && s.SelectedIndex() >= 0 && s.SelectedIndex() < len(values) {
			changed(values[s.SelectedIndex()])
		}
	}
	f.add(name, label, hint, s, s, func() error {
		var zero T
		*dst = zero
		if i := s.SelectedIndex(); i >= 0 && i < len(values) {
			*dst = values[i]
		}
		return nil
	})
	return s
}

// setChoice selects v in s, or nothing when v is not one of values.
func setChoice[T comparable](s *keySelect, values []T, v T) {
	for i, o := range values {
		if o == v {
			s.SetSelectedIndex(i)
			return
		}
	}
	s.ClearSelected()
}

// setVisible shows or hides a field; a hidden field is not read or saved.
func (f *form) setVisible(fld *formField, visible bool) {
	if visible {
		fld.row.Show()
	} else {
		fld.row.Hide()
	}
	f.rows.Refresh()
}

// field returns the field called name, or nil.
func (f *form) field(name string) *formField {
	for _, fld := range f.fields {
		if fld.name == name {
			return fld
		}
	}
	return nil
}

// Submit reads the fields and saves. It is what Enter, Ctrl+S and the
// Save button do. When a typed value cannot be read, nothing is saved,
// and the form's check (when it has one) finds the other problems, so
// every problem is shown in one round.
func (f *form) Submit() {
	f.clearProblems()
	var problems household.Problems
	unread := map[string]bool{}
	for _, fld := range f.fields {
		if fld.row.Hidden {
			continue
		}
		if err := fld.read(); err != nil {
			for _, p := range fld.readProblems(err) {
				problems = append(problems, p)
				unread[p.Field] = true
			}
		}
	}
	if len(problems) > 0 {
		labelled := map[string]bool{}
		for name := range unread {
			labelled[name] = true
		}
		if f.validate != nil {
			// A field that could not be read keeps its old value: what
			// the check says of it is not about what was typed.
			for _, p := range service.FieldProblems(f.validate()) {
				if !unread[p.Field] {
					problems = append(problems, p)
				}
			}
		}
		f.showProblems(f.inFieldOrder(problems), labelled)
		return
	}
	f.saving = true
	err := f.save()
	f.saving = false
	f.replace = false
	f.finish(err)
}

// finish shows what a save returned: nothing when it saved (or asked a
// question, or goes on in the background), each problem beside its field,
// or the message for any other error.
func (f *form) finish(err error) {
	if err == nil || errors.Is(err, errAsked) || errors.Is(err, errLater) {
		return
	}
	if p := service.FieldProblems(err); len(p) > 0 {
		f.showProblems(f.inFieldOrder(p), nil)
		return
	}
	f.u.showError(err)
}

// errLater: the save goes on in the background (see inBackground).
var errLater = errors.New("saving in the background")

// inBackground lets a save do its long part (making and writing an
// export) off the window's thread: save returns what this returns, work
// runs in a goroutine with a progress box, and then result, on the
// window's thread, returns what save would have returned, which the form
// shows as Submit does.
func (f *form) inBackground(doing string, work func(), result func() error) error {
	f.u.inBackground(doing, work, func() {
		f.saving = true
		err := result()
		f.saving = false
		f.replace = false
		f.finish(err)
	})
	return errLater
}

// errAsked: the form asked a question ("Replace it?", "Save anyway?")
// and waits for the answer.
var errAsked = errors.New("asked a question first")

// replaceFile handles err from writing the file at path: when the file
// exists it asks "Replace it?", and a yes saves the form again with
// f.replace set for that one save. Other errors are returned as they are.
func (f *form) replaceFile(path string, err error) error {
	if !service.IsFileExists(err) {
		return err
	}
	f.u.askReplace(path, func() {
		f.replace = true
		f.Submit()
	})
	return errAsked
}

// Cancel leaves the form without storing anything: what Escape and the
// Cancel button do. A changed form asks first, as leaving it for
// another section does.
func (f *form) Cancel() {
	if f.cancel == nil {
		return
	}
	if f.changed() {
		f.u.askFirst("Leave without saving?", "You have changed this form and not saved it. Leave it without saving the changes?",
			"Yes, leave without saving", func() {
				f.u.form = nil
				f.cancel()
			})
		return
	}
	f.cancel()
}

// inFieldOrder sorts problems into the order of the form's fields (those
// of no field last, in their order), so the summary reads down the page.
func (f *form) inFieldOrder(p household.Problems) household.Problems {
	out := make(household.Problems, 0, len(p))
	used := make([]bool, len(p))
	for _, fld := range f.fields {
		for i, e := range p {
			if !used[i] && fld.about(e.Field) {
				out, used[i] = append(out, e), true
			}
		}
	}
	for i, e := range p {
		if !used[i] {
			out = append(out, e)
		}
	}
	return out
}

func (f *form) clearProblems() {
	f.summary.SetText("")
	f.summary.Hide()
	for _, fld := range f.fields {
		fld.error.SetText("")
		fld.error.Hide()
	}
}

// showProblems shows each message under its field (marked with ⚠ as well
// as the error colour) and all of them in a summary at the top, at once,
// then moves the focus to the first field with a problem and scrolls it
// into view with its message. withLabels names the fields whose label
// goes before their message in the summary (the window's own messages,
// which do not name the field).
func (f *form) showProblems(p household.Problems, withLabels map[string]bool) {
	var lines []string
	var first *formField
	var firstFocus fyne.Focusable
	for _, fld := range f.fields {
		if fld.row.Hidden {
			continue
		}
		var msgs []string
		for _, e := range p {
			if fld.about(e.Field) {
				msgs = append(msgs, "⚠ "+e.Message)
				if first == nil {
					first, firstFocus = fld, fld.focus
					if e.Field != fld.name {
						firstFocus, _ = fld.parts(e.Field)
					}
				}
			}
		}
		if len(msgs) == 0 {
			continue
		}
		fld.error.SetText(strings.Join(msgs, "\n"))
		fld.error.Show()
	}
	for _, e := range p {
		msg := e.Message
		if fld := f.field(e.Field); withLabels[e.Field] && fld != nil {
			msg = fld.label + ": " + msg
		}
		lines = append(lines, "• "+msg)
	}
	what := "1 thing needs"
	if len(p) > 1 {
		what = fmt.Sprintf("%d things need", len(p))
	}
	f.summary.SetText(fmt.Sprintf("⚠ Nothing has been saved yet: %s putting right.\n%s", what, strings.Join(lines, "\n")))
	f.summary.Show()
	// Lay the page out again now: the messages change its height, and
	// Fyne would otherwise wait for the next focus change to show them.
	f.rows.Refresh()
	if f.scroll != nil {
		f.scroll.Refresh()
	}
	if first == nil {
		f.u.focus(nil)
		if f.scroll != nil {
			f.scroll.ScrollToTop()
		}
		return
	}
	f.u.focus(firstFocus)
	revealRect(nil, first.row, fyne.Position{}, first.row.Size())
}

// problem returns the error line shown under a field ("" when none).
func (f *form) problem(name string) string {
	if fld := f.field(name); fld != nil && fld.error.Visible() {
		return fld.error.Text
	}
	return ""
}

// content lays the form out: the title, intro and summary, the fields,
// then the buttons, all in a scrolling page.
func (f *form) content() (fyne.CanvasObject, fyne.Focusable) {
	save, cancel := f.saveCancel()
	page := container.NewVBox(f.header(), f.rows, widget.NewSeparator(), container.NewHBox(save, cancel), formKeysHint())
	f.scroll = container.NewVScroll(container.NewPadded(page))
	return f.scroll, f.firstFocus(save)
}

// saveCancel makes the form's Save and Cancel buttons; Escape on either
// cancels.
func (f *form) saveCancel() (save, cancel *keyButton) {
	save = newKeyButton(f.saveText, theme.DocumentSaveIcon(), f.Submit)
	save.Importance = widget.HighImportance
	save.onEscape = f.Cancel
	cancel = newKeyButton("Cancel", theme.CancelIcon(), f.Cancel)
	cancel.onEscape = f.Cancel
	return save, cancel
}

// formKeysHint says which keys save, cancel and move through a form.
func formKeysHint() *widget.Label {
	return hintLabel(fmt.Sprintf("Enter or %s saves. Escape cancels. Tab moves to the next box.", shortcutLabel(fyne.KeyS)))
}

// header is the form's title, its intro when it has one, and its summary.
func (f *form) header() *fyne.Container {
	top := container.NewVBox(pageTitle(f.title))
	if f.intro != "" {
		top.Add(wrapLabel(f.intro))
	}
	top.Add(f.summary)
	return top
}

// firstFocus is the first shown field, or fallback when none is shown.
func (f *form) firstFocus(fallback fyne.Focusable) fyne.Focusable {
	for _, fld := range f.fields {
		if !fld.row.Hidden {
			if fld.focus != nil {
				return fld.focus
			}
			break
		}
	}
	return fallback
}

// show puts the form in the page area and focuses its first field.
func (u *UI) showForm(f *form) {
	page, first := f.content()
	u.showPage(page, first, f.Cancel)
	u.setForm(f)
}

// setForm records the form now shown, as it is shown, so that leaving it
// changed can ask first.
func (u *UI) setForm(f *form) {
	u.form = f
	if f != nil {
		f.markClean()
	}
}
