// Package field is the one typed error for input that is refused: which
// field, and a plain message that says what is wrong and how to put it
// right. Every validator returns it (household's records, the rota's
// shifts, the ledger's lines), the service passes it on, and the window
// shows each message beside its field; the CLI prints the messages on one
// line. A caller tells it apart with Of, never by matching words.
package field

import (
	"errors"
	"fmt"
	"strings"
)

// Error is one refused field.
type Error struct {
	Field   string
	Message string
}

func (e Error) Error() string { return e.Message }

// Errors is every refused field of one piece of input. Input with none may
// be stored.
type Errors []Error

func (e Errors) Error() string {
	msgs := make([]string, len(e))
	for i, f := range e {
		msgs[i] = f.Message
	}
	return strings.Join(msgs, " ")
}

// For returns the message for the field name, or "".
func (e Errors) For(name string) string {
	for _, f := range e {
		if f.Field == name {
			return f.Message
		}
	}
	return ""
}

// Add adds a refused field.
func (e *Errors) Add(name, format string, a ...any) {
	*e = append(*e, Error{Field: name, Message: fmt.Sprintf(format, a...)})
}

// Err returns e as an error, or nil when it holds none.
func (e Errors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// New returns the refusal of one field.
func New(name, format string, a ...any) Errors {
	return Errors{{Field: name, Message: fmt.Sprintf(format, a...)}}
}

// Of returns the refused fields behind err (wrapped or not), or nil.
func Of(err error) Errors {
	var e Errors
	if errors.As(err, &e) {
		return e
	}
	var one Error
	if errors.As(err, &one) {
		return Errors{one}
	}
	return nil
}
