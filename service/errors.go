package service

import (
	"errors"
	"fmt"
	"time"

	"patoolkit/budget"
	"patoolkit/field"
)

// Code says what kind of failure an Error is.
type Code int

const (
	// Internal: something went wrong that the person did not cause.
	Internal Code = iota
	// Invalid: the person's input was refused; the message says how to fix it.
	Invalid
	// NotFound: the thing asked for does not exist.
	NotFound
	// Conflict: the request clashes with what is stored (a duplicate, a locked record).
	Conflict
)

// Error is a failure with a message safe and plain enough to show a person.
type Error struct {
	Code    Code
	Message string
	Err     error // the underlying cause, for logs; never shown
}

// Error is the message with, for an internal error, its cause: for logs
// and tests. What a person sees is ErrorMessage's.
func (e *Error) Error() string {
	if e.Code == Internal && e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Invalidf returns an Invalid error with a plain message.
func Invalidf(format string, a ...any) error {
	return &Error{Code: Invalid, Message: fmt.Sprintf(format, a...)}
}

// NotFoundf returns a NotFound error with a plain message.
func NotFoundf(format string, a ...any) error {
	return &Error{Code: NotFound, Message: fmt.Sprintf(format, a...)}
}

// Conflictf returns a Conflict error with a plain message.
func Conflictf(format string, a ...any) error {
	return &Error{Code: Conflict, Message: fmt.Sprintf(format, a...)}
}

// internal wraps an unexpected error with what was being done. A refusal
// that reached it unconverted (a field error of a validator, a refused
// bank statement) is kept as the refusal it is.
func internal(doing string, err error) error {
	if err == nil {
		return nil
	}
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	if msg, ok := refusal(err); ok {
		return &Error{Code: Invalid, Message: msg, Err: err}
	}
	logInternal(time.Now(), doing, err)
	return &Error{Code: Internal, Message: "Something went wrong while " + doing, Err: err}
}

// refusal returns the plain message of an error that refuses the person's
// input without being a service Error: the field errors every validator
// returns (household, rota, payroll, the ledger, the window's own reading
// of typed text) and a refused bank statement, which keeps its line.
func refusal(err error) (string, bool) {
	if fe := field.Of(err); len(fe) > 0 {
		return fe.Error(), true
	}
	var st *budget.StatementError
	if errors.As(err, &st) {
		return st.Error(), true
	}
	return "", false
}

// refusedInput is a pure package's refusal (a field error) as an Invalid
// error with its message; any other error is returned as it is, for the
// job to wrap as internal.
func refusedInput(err error) error {
	if msg, ok := refusal(err); ok {
		return &Error{Code: Invalid, Message: msg, Err: err}
	}
	return err
}

// refusalText is a refusal's message, for a sentence the service makes
// ("Wages are not in the forecast: …"). Any other error is logged, and
// named only as a fault with where the log is.
func refusalText(doing string, err error) string {
	if msg, ok := refusal(err); ok {
		return msg
	}
	logInternal(time.Now(), doing, err)
	return "something went wrong; details are in the log at " + LogPath()
}

// prefixed puts prefix ("line 2: ") before each message of a refusal, so
// the person knows which of several it is about; another error is wrapped
// with it.
func prefixed(prefix string, err error) error {
	fe := field.Of(err)
	if fe == nil {
		return fmt.Errorf("%s%w", prefix, err)
	}
	out := make(field.Errors, len(fe))
	for i, e := range fe {
		out[i] = field.Error{Field: e.Field, Message: prefix + e.Message}
	}
	return out
}

// ErrorCode returns the Code of err: Invalid for a field error or a
// refused statement, Internal for any other error not made here.
func ErrorCode(err error) Code {
	var se *Error
	if errors.As(err, &se) {
		return se.Code
	}
	if _, ok := refusal(err); ok {
		return Invalid
	}
	return Internal
}

// ErrorMessage is the one way an error becomes what a person sees, in the
// window and from the CLI. A refusal of their input (a service Error that
// is not Internal, a field error, a refused statement) is its plain
// message, which says what is wrong and how to put it right. Anything else
// is internal: its cause is written to the log, and the person is told only
// that something went wrong, that nothing was changed, and where the log
// is. The cause is never part of the message.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var se *Error
	if errors.As(err, &se) && se.Code != Internal {
		return se.Message
	}
	if msg, ok := refusal(err); ok {
		return msg
	}
	what := "Something went wrong"
	if se != nil {
		what = se.Message // logged when it was made, by internal
	} else {
		logInternal(time.Now(), "(not wrapped)", err)
	}
	return what + "; nothing was changed. Details are in the log at " + LogPath() + "."
}

// IsInput reports whether err is a refusal of the person's input (bad
// value, unknown name, clash with stored data) rather than a failure.
func IsInput(err error) bool {
	c := ErrorCode(err)
	return c == Invalid || c == NotFound || c == Conflict
}
