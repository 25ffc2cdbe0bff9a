package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"patoolkit/text"
)

// What a screen reader says. Fyne 2.8, built with -tags accessibility,
// hands the objects it finds in the window to the screen reader on
// Windows and macOS, each with the label and role of fyne.Accessible.
// Fyne's own Button, Label and Hyperlink have one; its Entry, Select,
// Check and List do not. Every widget here that takes the focus has one,
// with the words a person needs in order: what the box is for, what it
// holds, and what is wrong with it ("NI number, QQ 12 34 56 C, refused:
// no NI number starts with QQ"). The methods are plain Go: they compile,
// and the tests check them, with and without the tag.

var (
	_ fyne.Accessible = (*keyEntry)(nil)
	_ fyne.Accessible = (*keySelect)(nil)
	_ fyne.Accessible = (*keyCheck)(nil)
	_ fyne.Accessible = (*keyButton)(nil)
	_ fyne.Accessible = (*wrapButton)(nil)
	_ fyne.Accessible = (*rotaLine)(nil)
	_ fyne.Accessible = (*weekGrid)(nil)
	_ fyne.Accessible = (*ledgerList)(nil)
)

// spoken is the name a box is read out by and the error line shown under
// it. A form gives each of its boxes the field's own label (form.add);
// a box outside a form gets the words of the bold line above it
// (caption). A box named nowhere is read by its contents alone, which
// the accessibility test refuses.
type spoken struct {
	name    string
	problem *widget.Label
	// group, when not nil, is the line the box is on ("Line 2"), read
	// before its name, as it is shown above the box.
	group *widget.Label
}

// speaker is a box that can be given its spoken name and error line.
type speaker interface {
	spokenName() string
	setSpoken(name string, problem *widget.Label)
	inGroup(line *widget.Label)
}

func (s *spoken) spokenName() string { return s.name }

func (s *spoken) setSpoken(name string, problem *widget.Label) {
	s.name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), ":"))
	s.problem = problem
}

func (s *spoken) inGroup(line *widget.Label) { s.group = line }

// say joins the box's name, the words given and the problem shown under
// it, leaving out any that are empty.
func (s *spoken) say(words ...string) string {
	parts := make([]string, 0, len(words)+3)
	if s.group != nil && strings.TrimSpace(s.group.Text) != "" {
		parts = append(parts, strings.TrimSpace(s.group.Text))
	}
	if s.name != "" {
		parts = append(parts, s.name)
	}
	for _, w := range words {
		if w != "" {
			parts = append(parts, w)
		}
	}
	if p := s.problemText(); p != "" {
		parts = append(parts, "refused: "+p)
	}
	return strings.Join(parts, ", ")
}

// problemText is the error line under the box as one sentence, without
// its ⚠ marks ("" when none is shown).
func (s *spoken) problemText() string {
	if s.problem == nil || !s.problem.Visible() {
		return ""
	}
	var lines []string
	for _, l := range strings.Split(s.problem.Text, "\n") {
		if l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "⚠")); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "; ")
}

// nameBoxes gives every box in obj that has no name yet the name and
// error line of the field it belongs to.
func nameBoxes(obj fyne.CanvasObject, name string, problem *widget.Label) {
	walkPage(obj, func(o fyne.CanvasObject) {
		if s, ok := o.(speaker); ok && s.spokenName() == "" {
			s.setSpoken(name, problem)
		}
	})
}

// caption is the bold line that names a box or drop-down outside a form
// ("Pay period"); it gives box the same words to be read out by.
func caption(words string, box speaker) *widget.Label {
	return widget.NewLabelWithStyle(spokenAs(box, words), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// AccessibilityLabel is the box's name, what is in it (hidden for a
// password; "empty" and the example when nothing is) and its problem.
func (e *keyEntry) AccessibilityLabel() string {
	var value string
	switch {
	case e.Text == "" && strings.HasPrefix(e.PlaceHolder, "for example"):
		value = "empty, " + e.PlaceHolder
	case e.Text == "" && e.PlaceHolder != "":
		value = "empty, for example " + e.PlaceHolder
	case e.Text == "":
		value = "empty"
	case e.Password:
		n := utf8.RuneCountInString(e.Text)
		value = fmt.Sprintf("hidden, %d %s typed", n, text.Plural(n, "character", "characters"))
	default:
		value = strings.Join(strings.Fields(strings.ReplaceAll(e.Text, "\n", ", ")), " ")
	}
	if e.Disabled() {
		value += ", cannot be changed"
	}
	return e.say(value)
}

// AccessibilityRole: Fyne 2.8 has no role for a box to type in; text is
// the nearest.
func (e *keyEntry) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// AccessibilityLabel is the drop-down's name and its choice.
func (s *keySelect) AccessibilityLabel() string {
	choice := s.Selected
	if choice == "" {
		choice = strings.Trim(s.PlaceHolder, "()")
	}
	if choice == "" || s.PlaceHolder == "(Choose one)" && s.Selected == "" {
		choice = "nothing chosen yet"
	}
	return s.say("drop-down", choice)
}

// AccessibilityRole: Space opens the list, as it presses a button.
func (s *keySelect) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// AccessibilityLabel is the tick box's name (when it has one besides its
// own words), its words and whether it is ticked.
func (c *keyCheck) AccessibilityLabel() string {
	state := "not ticked"
	if c.Checked {
		state = "ticked"
	}
	words := c.Text
	if words == c.name {
		words = ""
	}
	return c.say(words, "tick box", state)
}

// AccessibilityRole: Space ticks the box, as it presses a button.
func (c *keyCheck) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// AccessibilityLabel is the button's words (Fyne's own falls back on the
// icon's file name, which says nothing to a person), and whether it can
// be pressed.
func (b *keyButton) AccessibilityLabel() string {
	words := b.Text
	if b.shownNow {
		words = strings.TrimPrefix(words, shownMark) + ", shown now"
	}
	if b.about != "" {
		words += ", " + b.about
	}
	return buttonWords(words, b.Disabled())
}

// shownMark goes before the words of the tab in view ("▸ Ledger"); it is
// not read out, as "shown now" says it.
const shownMark = "▸ "

func buttonWords(words string, disabled bool) string {
	if disabled {
		return words + ", unavailable"
	}
	return words
}

// AccessibilityLabel is the words drawn over the button.
func (b *wrapButton) AccessibilityLabel() string {
	return buttonWords(b.label.Text, b.Disabled())
}

// AccessibilityRole: Enter or Space chooses the line.
func (l *rotaLine) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// AccessibilityLabel is the focused place in the week, as the line under
// the grid says it: "Sam Okafor, Tuesday 3 March, 08:00 to 14:00, day
// shift, 6 hours, warning: …. Enter opens it."
func (g *weekGrid) AccessibilityLabel() string { return g.week.Title + ": " + g.describe() }

// AccessibilityRole: Enter opens the block, as it presses a button.
func (g *weekGrid) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// AccessibilityLabel is the ledger line the list is on, in words.
func (l *ledgerList) AccessibilityLabel() string {
	if len(l.entries) == 0 {
		return "Ledger: no lines"
	}
	return "Ledger, " + ledgerLineText(min(max(l.current, 0), len(l.entries)-1), l.entries)
}

// AccessibilityRole: Enter opens the line, as it presses a button.
func (l *ledgerList) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// speakingBox is a box on the page that can be given its spoken name.
type speakingBox interface {
	fyne.CanvasObject
	speaker
}

// tableCell is a box in a line of a table (a timesheet's, a pattern's)
// with its column's label above it. The box is read out by the line's
// title, that label and the line's problem: "Line 2, Start, 17:00".
func tableCell(label string, box speakingBox, line, problem *widget.Label) fyne.CanvasObject {
	box.setSpoken(label, problem)
	box.inGroup(line)
	return container.NewVBox(widget.NewLabel(label), box)
}

// spokenAs gives box words as its spoken name and returns them, for the
// line that names it on the page: heading(spokenAs(size, "Text size")).
func spokenAs(box speaker, words string) string {
	box.setSpoken(words, nil)
	return words
}
