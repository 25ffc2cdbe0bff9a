// Package rota holds the rules of the rota: shifts and their true lengths,
// weekly and fortnightly patterns, absences and cover, the working-time and
// support-plan checks, timesheets and the model of the week screen.
//
// The package is pure: it reads no files, no clock and no database, and
// shows nothing. Dates and times are passed in. Money is whole pence
// (money.Money), durations are whole minutes, and every shift time is an
// instant that is read in Europe/London, so a shift across a clock change
// has its true length (22:00 on 28/03/2026 to 08:00 the next day is 9
// hours; 22:00 on 24/10/2026 to 08:00 the next day is 11 hours).
//
// Every error caused by the input is a field.Error (patoolkit/field), the
// toolkit's one typed refusal, naming the field of a form it is about
// ("note", "signed_name") or none, and saying in plain English what is
// wrong and how to fix it. It also wraps ErrInvalid (bad input) or
// ErrRefused (an action the current state does not allow, such as editing
// an approved timesheet), for callers that tell the two apart.
package rota

import (
	"errors"
	"fmt"
	"time"

	"patoolkit/field"
	// The time zone database is built in, so Europe/London is known even
	// on a computer without one (Windows, small containers).
	_ "time/tzdata"
)

// ErrInvalid is wrapped by every error that describes bad input.
var ErrInvalid = errors.New("invalid rota input")

// ErrRefused is wrapped by every error that refuses an action in the
// current state (a signed, approved or locked timesheet, a shift that does
// not need cover).
var ErrRefused = errors.New("rota action refused")

type rotaError struct {
	msg   string
	kind  error
	field string // the field of a form it is about, or ""
}

func (e *rotaError) Error() string { return e.msg }

// Unwrap gives the kind (ErrInvalid or ErrRefused) and the field error.
func (e *rotaError) Unwrap() []error {
	return []error{e.kind, field.Error{Field: e.field, Message: e.msg}}
}

// invalidAll is every refused field of one piece of input, at once, as
// one error wrapping ErrInvalid; nil when errs is empty.
func invalidAll(errs field.Errors) error {
	if len(errs) == 0 {
		return nil
	}
	return &rotaErrors{errs: errs}
}

type rotaErrors struct{ errs field.Errors }

func (e *rotaErrors) Error() string { return e.errs.Error() }

// Unwrap gives ErrInvalid and the field errors.
func (e *rotaErrors) Unwrap() []error { return []error{ErrInvalid, e.errs} }

// problemsOf adds err's refused fields to errs; an error that names no
// field is kept under name.
func problemsOf(errs *field.Errors, name string, err error) {
	if err == nil {
		return
	}
	for _, fe := range field.Of(err) {
		if fe.Field == "" {
			fe.Field = name
		}
		*errs = append(*errs, fe)
	}
}

func invalidf(format string, a ...any) error {
	return &rotaError{msg: fmt.Sprintf(format, a...), kind: ErrInvalid}
}

// fieldf is invalidf about one field of a form ("note", "signed_name").
func fieldf(field, format string, a ...any) error {
	return &rotaError{msg: fmt.Sprintf(format, a...), kind: ErrInvalid, field: field}
}

// Field returns the field an error of this package is about ("note",
// "name", "signed_name", "approved_by"), or "" when it is about no one
// field, so a form can show the message beside it.
func Field(err error) string {
	var re *rotaError
	if errors.As(err, &re) {
		return re.field
	}
	return ""
}

func refusedf(format string, a ...any) error {
	return &rotaError{msg: fmt.Sprintf(format, a...), kind: ErrRefused}
}

var london = mustLondon()

func mustLondon() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		// Unreachable: time/tzdata is linked in. A programming error.
		panic("rota: Europe/London time zone: " + err.Error())
	}
	return loc
}

// London returns the Europe/London location every shift time is read in.
func London() *time.Location { return london }
