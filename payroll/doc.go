// Package payroll is the payroll engine of the PA Employer Toolkit: tax
// periods, tax codes, PAYE, National Insurance, student and postgraduate
// loans, workplace pensions, Statutory Sick Pay, holiday pay, the minimum
// wage check and the Employment Allowance, for the tax years whose rates are
// registered (see RatesFor and SupportedTaxYears); and what is owed to HMRC
// when: payment periods and due dates (HMRCPeriod), the FPS and EPS
// deadlines (Filings), penalties in plain words, and approved mileage
// payments (MileagePay).
//
// The package is pure: it reads no files, no clock and no database, and it
// keeps money as whole pence (money.Money), hours as whole minutes and
// percentages as basis points (Percent). Every rounding is the one HMRC or
// the regulations name, and is done once, with integer arithmetic. The one
// exception is inside bandTax, which repeats HMRC's own floating-point
// steps for the tax on a band so its figures agree with HMRC's to the penny
// (see bandTax); amounts go in and come out as whole pence.
//
// Calculate is the one function the rest of the toolkit calls to turn a
// period's pay lines and a worker's year to date into a complete payslip
// with its FPS figures. Nothing else in the toolkit computes tax or NI.
//
// Every error caused by the input is a field.Error (patoolkit/field), the
// toolkit's one typed refusal, and wraps ErrInvalid; it says, in plain
// English, what was wrong and what is allowed.
package payroll

import (
	"errors"
	"fmt"

	"patoolkit/field"
)

// ErrInvalid is wrapped by every error that describes bad input: an
// unsupported tax year, a tax code that is not valid, a negative amount.
// Such errors are safe to show to a person as they are.
var ErrInvalid = errors.New("invalid payroll input")

// inputError is a refusal of the input with a plain message.
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

// Unwrap gives ErrInvalid and the field error (about no one field).
func (e *inputError) Unwrap() []error {
	return []error{ErrInvalid, field.Error{Message: e.msg}}
}

// invalidf returns an error wrapping ErrInvalid with a plain message.
func invalidf(format string, a ...any) error {
	return &inputError{msg: fmt.Sprintf(format, a...)}
}

// invalid returns an error wrapping ErrInvalid with msg as it is.
func invalid(msg string) error { return &inputError{msg: msg} }
