package rota

import (
	"strings"

	"patoolkit/text"
)

// The rota's free text is checked by the one text rule (package text).
// Every note of the rota is one line (text.Line): a shift's note is shown
// in a cell of the week, a calendar event's title line and a row of the
// PDF rota; an absence's note in a row of the list; a timesheet's note and
// each line's note in a row of the timesheet. A pattern's name and the
// names typed to sign and approve a timesheet are one line too.
//
// These checks are made where text is typed (a shift saved, an absence
// recorded, a timesheet changed, signed or approved), not in Validate, so
// a rota stored by an older version, with a longer note, can still be
// worked out and paid.

// CheckNote says what is wrong with the note of a shift, an absence or a
// line of a timesheet, or nil. The error's Field is "note".
func CheckNote(note string) error {
	return checkText("note", "The note", note)
}

// CheckPatternName says what is wrong with a pattern's name, or nil. The
// error's Field is "name".
func CheckPatternName(name string) error {
	if strings.TrimSpace(name) == "" {
		return fieldf("name", "Give the pattern a name, like \"Weekday mornings\".")
	}
	return checkText("name", "The pattern's name", name)
}

func checkText(field, label, s string) error {
	if msg := text.Check(label, s, text.Line); msg != "" {
		return fieldf(field, "%s", msg)
	}
	return nil
}
