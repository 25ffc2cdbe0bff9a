package budget

import (
	"slices"
	"strings"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/text"
)

// Opening is where a budget's ledger starts and the dates its income
// schedules run from, as a person sets them.
type Opening struct {
	Balance money.Money // at the start of Date
	Date    civil.Date
	// PaymentFirst and ContributionFirst are the dates the council's
	// payment and the person's contribution were first paid.
	PaymentFirst, ContributionFirst civil.Date
}

// CheckOpening checks the opening of a budget's ledger, each problem beside
// its field ("opening_date", "opening_balance", "payment_first",
// "contribution_first"). A schedule's first date is needed when the
// budget a has that payment.
func CheckOpening(o Opening, a household.Account) field.Errors {
	var p field.Errors
	if o.Date.IsZero() {
		p.Add("opening_date", "Give the date of the opening balance (DD/MM/YYYY): usually the day the account started or the date of your first bank statement.")
	}
	if o.Balance.Abs() > maxAmount {
		p.Add("opening_balance", "The opening balance is too large to be right: check it.")
	}
	if a.Payment > 0 && o.PaymentFirst.IsZero() {
		p.Add("payment_first", "Give the date of the council's first payment (DD/MM/YYYY), so the expected payments can be worked out.")
	}
	if a.Contribution > 0 && o.ContributionFirst.IsZero() {
		p.Add("contribution_first", "Give the date your first contribution was paid in (DD/MM/YYYY).")
	}
	return p
}

// CheckOwed checks money owed as a person entered it: its kind, payee,
// amount and dates ("kind", "payee", "amount", "due").
func CheckOwed(o Owed) field.Errors {
	var p field.Errors
	if !slices.Contains(OwedKinds, o.Kind) {
		p.Add("kind", "Say what the money is owed for: an invoice, wages, HMRC or pension.")
	}
	checkPayee(&p, o.Payee, "Say who is owed the money.")
	checkAmount(&p, o.Amount, "Give the amount owed, more than £0.00.")
	if o.Due.IsZero() {
		p.Add("due", "Give the date it must be paid by (DD/MM/YYYY).")
	}
	if !o.Raised.IsZero() && !o.Due.IsZero() && o.Due.Before(o.Raised) {
		p.Add("due", "The due date %s is before the date it was raised (%s).", o.Due.UK(), o.Raised.UK())
	}
	return p
}

// setAsidePurpose is what the purpose of money set aside may hold: one
// line, short, as it is a row of Where I stand.
var setAsidePurpose = text.Line.Shorter(100)

// CheckSetAside checks money set aside as a person entered it ("purpose",
// "amount").
func CheckSetAside(s SetAside) field.Errors {
	var p field.Errors
	if strings.TrimSpace(s.Purpose) == "" {
		p.Add("purpose", "Say what the money is for, like \"HMRC quarter\" or \"holiday cover\".")
	} else if msg := text.Check("The purpose", s.Purpose, setAsidePurpose); msg != "" {
		p.Add("purpose", "%s", msg)
	}
	checkAmount(&p, s.Amount, "Give the amount set aside, more than £0.00.")
	return p
}

// CheckBill checks a known bill as a person entered it ("payee", "amount",
// "date", "repeat", "until"). It may repeat as BillRepeats offers.
func CheckBill(b Bill) field.Errors {
	var p field.Errors
	checkPayee(&p, b.Payee, "Say who the bill is from.")
	checkAmount(&p, b.Amount, "Give the amount of the bill, more than £0.00.")
	if b.Date.IsZero() {
		p.Add("date", "Give the date the bill is paid (DD/MM/YYYY).")
	}
	if !slices.Contains(BillRepeats, b.Repeat) {
		p.Add("repeat", "Choose how often the bill repeats: once, weekly, fortnightly, every 4 weeks, monthly or yearly.")
	}
	if !b.Until.IsZero() && !b.Date.IsZero() && b.Until.Before(b.Date) {
		p.Add("until", "The last date is before the first.")
	}
	return p
}

// checkPayee refuses a payee that is missing (with the message missing) or
// not one line of text.
func checkPayee(p *field.Errors, payee, missing string) {
	if strings.TrimSpace(payee) == "" {
		p.Add("payee", "%s", missing)
	} else if msg := text.Check("The payee", payee, text.Line); msg != "" {
		p.Add("payee", "%s", msg)
	}
}

// checkAmount refuses an amount of £0.00 or less (with the message
// notPositive) or one too large to be right.
func checkAmount(p *field.Errors, m money.Money, notPositive string) {
	if m <= 0 {
		p.Add("amount", "%s", notPositive)
	} else if m > maxAmount {
		p.Add("amount", "The amount is too large to be right: check it.")
	}
}
