// Package payrun builds a payday's pay run: each PA's pay lines from their
// approved timesheets, contract, holiday and the lines entered by hand,
// each with where it came from; the payroll engine's input for the PA's
// year to date; the checks that warn of a problem or stop the run being
// finalised; and the run's totals for HMRC and the pension scheme.
//
// It is pure: it reads no files, no database and no clock. The service
// gathers what it needs, calls Build, stores what it returns, and never
// works a figure out again.
package payrun

import (
	"errors"
	"fmt"
	"strings"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/text"
)

// ErrInvalid is wrapped by every refusal of the input.
var ErrInvalid = errors.New("invalid pay run")

type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

func (e *inputError) Unwrap() []error { return []error{ErrInvalid, field.Error{Message: e.msg}} }

func invalidf(format string, a ...any) error {
	return &inputError{msg: fmt.Sprintf(format, a...)}
}

// Frequency is the payroll engine's name for a pay frequency.
func Frequency(f household.Frequency) payroll.Frequency {
	switch f {
	case household.Weekly:
		return payroll.Weekly
	case household.Fortnightly:
		return payroll.Fortnightly
	case household.FourWeekly:
		return payroll.FourWeekly
	case household.Monthly:
		return payroll.Monthly
	}
	return 0
}

// AdjustmentKind is the kind of a line entered by hand.
type AdjustmentKind string

// The kinds of line entered by hand.
const (
	BackPay    AdjustmentKind = "back-pay"
	Correction AdjustmentKind = "correction"
	Bonus      AdjustmentKind = "bonus"
	Expenses   AdjustmentKind = "expenses"
)

// AdjustmentKinds lists the kinds as a form offers them.
var AdjustmentKinds = []AdjustmentKind{BackPay, Correction, Bonus, Expenses}

// Label is the kind's name on a form and a payslip.
func (k AdjustmentKind) Label() string {
	switch k {
	case BackPay:
		return "Back pay"
	case Correction:
		return "Correction (pay owed from an earlier payday)"
	case Bonus:
		return "Bonus"
	case Expenses:
		return "Expenses paid back (not taxed)"
	}
	return "Unknown kind"
}

// ParseAdjustmentKind reads a kind as typed.
func ParseAdjustmentKind(s string) (AdjustmentKind, error) {
	k := AdjustmentKind(strings.ToLower(strings.TrimSpace(s)))
	for _, x := range AdjustmentKinds {
		if k == x {
			return k, nil
		}
	}
	return "", invalidf("%q is not a kind of pay line: use back-pay, correction, bonus or expenses.", s)
}

// Adjustment is a line entered by hand for a PA's pay on a payday.
type Adjustment struct {
	ID          int64          `json:"id"`
	PAID        int64          `json:"pa_id"`
	Payday      civil.Date     `json:"payday"`
	Kind        AdjustmentKind `json:"kind"`
	Description string         `json:"description"`
	Amount      money.Money    `json:"amount"`
	// RunID is the run that paid it (0: not paid yet).
	RunID int64 `json:"run_id,omitempty"`
}

// Validate checks a line entered by hand: every problem at once, each on
// its field ("pa", "kind", "description", "amount", "payday").
func (a Adjustment) Validate() error {
	var errs field.Errors
	if a.PAID <= 0 {
		errs.Add("pa", "Choose the PA.")
	}
	if _, err := ParseAdjustmentKind(string(a.Kind)); err != nil {
		errs.Add("kind", "%s", err.Error())
	}
	if strings.TrimSpace(a.Description) == "" {
		errs.Add("description", "Say what the line is for, as the PA will read it on the payslip: \"Back pay for the rise from 1 April\".")
	} else if msg := text.Check("The description", a.Description, text.Line.Shorter(120)); msg != "" {
		errs.Add("description", "%s", msg)
	}
	if a.Amount <= 0 {
		errs.Add("amount", "Enter an amount above £0.00. To take back pay that was overpaid, reverse the run it was in and run it again.")
	} else if a.Amount > payroll.MaxPeriodPay {
		errs.Add("amount", "%s is more than one period's pay can be (%s): check the amount.", a.Amount.Format(), payroll.MaxPeriodPay.Format())
	}
	if a.Payday.IsZero() {
		errs.Add("payday", "Choose the payday the line is paid on.")
	}
	return errs.Err()
}

// Line is one line of a payslip and where it came from.
type Line struct {
	payroll.Line
	// Source says where the line came from, in words: "Timesheet
	// 01/11/2026 to 30/11/2026, approved 01/12/2026 by Priya Shah".
	Source string `json:"source"`
	// Recoverable is what HMRC gives back of a statutory family payment's
	// line (92%, or the Small Employers' Relief rate), claimed on an EPS.
	Recoverable money.Money `json:"recoverable,omitempty"`
}

// Warning is something the person should know before finalising. A
// warning that Blocks stops the run being finalised until it is put
// right; Fix says how.
type Warning struct {
	PA      string `json:"pa,omitempty"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
	Blocks  bool   `json:"blocks"`
}

// Text is the warning as one sentence or two.
func (w Warning) Text() string {
	s := w.Message
	if w.Fix != "" {
		s += " " + w.Fix
	}
	return s
}
