package service

import (
	"errors"
	"fmt"
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

// internal wraps an unexpected error with what was being done.
func internal(doing string, err error) error {
	if err == nil {
		return nil
	}
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	return &Error{Code: Internal, Message: "Something went wrong while " + doing, Err: err}
}

// ErrorCode returns the Code of err (Internal for errors not made here).
func ErrorCode(err error) Code {
	var se *Error
	if errors.As(err, &se) {
		return se.Code
	}
	return Internal
}

// ErrorMessage returns the message to show a person for err.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var se *Error
	if errors.As(err, &se) {
		if se.Code == Internal && se.Err != nil {
			return se.Message + " (" + se.Err.Error() + ")"
		}
		return se.Message
	}
	return "Something went wrong: " + err.Error()
}

// IsInput reports whether err is a refusal of the person's input (bad
// value, unknown name, clash with stored data) rather than a failure.
func IsInput(err error) bool {
	c := ErrorCode(err)
	return c == Invalid || c == NotFound || c == Conflict
}
