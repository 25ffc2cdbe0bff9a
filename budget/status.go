package budget

import (
	"fmt"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/text"
)

// TypicalSurplusLimitWeeks is the surplus limit most councils set: money
// left over above 8 weeks of the payment may be taken back. A new budget
// starts with it until the person enters their council's.
const TypicalSurplusLimitWeeks = 8

// SetAside is money the person holds for a named purpose: "HMRC quarter",
// "holiday cover".
type SetAside struct {
	Purpose string      `json:"purpose"`
	Amount  money.Money `json:"amount"`
}

// StatusInput is everything "where I stand" needs.
type StatusInput struct {
	OpeningBalance money.Money
	OpeningDate    civil.Date // the opening balance is the balance at the start of this day
	Transactions   []Transaction
	On             civil.Date // the day to report on (end of day)

	// Owed are the items still owed at the end of On, each with what is
	// left to pay (see OutstandingOn).
	Owed        []Owed
	SetAside    []SetAside
	Contingency money.Money // agreed with the council

	Payment           money.Money // the council's gross payment, per PaymentFrequency
	PaymentFrequency  household.Frequency
	SurplusLimitWeeks int    // 0: the council's limit is not known
	Council           string // "Wigan Council", for the messages

	// Bank is the latest end-of-day balance a bank statement gave, when
	// one has (HasBank): the ledger is held against it.
	Bank    DayBalance
	HasBank bool
}

// Status is where the account stands on a day. The JSON keys are those of
// "patoolkit money status --json".
type Status struct {
	On           civil.Date  `json:"on"`
	Balance      money.Money `json:"balance"`
	Owed         money.Money `json:"owed"`
	SetAside     money.Money `json:"set_aside"`
	Contingency  money.Money `json:"contingency"`
	Surplus      money.Money `json:"surplus"`
	SurplusLimit money.Money `json:"surplus_limit"` // 0 when the limit is not known
	OverLimit    bool        `json:"over_limit"`
	// OverBy is how far the surplus is above the limit (0 when not over).
	OverBy money.Money `json:"over_by"`
	// OwedByKind breaks Owed down, in the order unpaid wages, HMRC,
	// pension, invoices, other; kinds with nothing owed are left out.
	OwedByKind []KindAmount `json:"owed_by_kind,omitempty"`
	Headline   string       `json:"headline"`
	// Lines explain the figures, one sentence each, for the screen and
	// the report.
	Lines []string `json:"lines"`
	// Warnings are things the person should know about the figures
	// (transactions before the opening date were not counted).
	Warnings []string `json:"warnings,omitempty"`
	// The latest balance a bank statement gave (HasStatement), and the
	// ledger's balance on that date less it: the ledger is to be trusted
	// only when Difference is 0.
	StatementDate    civil.Date  `json:"statement_date"`
	StatementBalance money.Money `json:"statement_balance"`
	Difference       money.Money `json:"difference"`
	HasStatement     bool        `json:"has_statement"`
	// BankSays is "Your bank said £X on DATE; the toolkit has £Y (£Z
	// less)." when the two differ, else "".
	BankSays string `json:"bank_says,omitempty"`
}

// AgreesWithBank reports whether the ledger agrees with the latest
// balance a statement gave (true when no statement has given one).
func (st Status) AgreesWithBank() bool { return !st.HasStatement || st.Difference == 0 }

// KindAmount is the money owed of one kind.
type KindAmount struct {
	Kind   OwedKind    `json:"kind"`
	Label  string      `json:"label"`
	Amount money.Money `json:"amount"`
}

// WhereIStand works out the balance, what is owed and set aside, the
// surplus and whether it is over the council's limit.
//
// Balance is the opening balance plus every transaction from the opening
// date to On (see BalanceOn: earlier transactions are not counted, and a
// warning says so).
//
// Surplus = balance − money owed − money set aside − agreed contingency.
// DOMAIN.md gives the council's rule as balance − owed − contingency and
// says money held for a named purpose should be shown as such: money set
// aside is committed to that purpose (the next HMRC quarter, holiday
// cover), so it is not surplus, and it is shown on its own line so the
// council can see it and agree. A council that does not accept a purpose
// can be shown the figure without it.
//
// The limit is SurplusLimitWeeks weeks of the gross payment (WeeksOf). The
// account is over the limit only when the surplus is more than the limit:
// exactly at the limit is not over.
func WhereIStand(in StatusInput) (Status, error) {
	if err := checkStatusInput(in); err != nil {
		return Status{}, err
	}
	bal, ignored, _ := BalanceOn(in.OpeningBalance, in.OpeningDate, in.Transactions, in.On)
	st := Status{On: in.On, Balance: bal, Contingency: in.Contingency}
	if ignored > 0 {
		st.Warnings = append(st.Warnings, fmt.Sprintf(
			"%d %s dated before the opening balance (%s) %s not counted: the opening balance already includes %s. If the opening balance is wrong, correct it.",
			ignored, text.Plural(ignored, "transaction", "transactions"), in.OpeningDate.UK(), text.Plural(ignored, "is", "are"), text.Plural(ignored, "it", "them")))
	}

	byKind := map[OwedKind]money.Money{}
	for _, o := range in.Owed {
		if o.Amount > 0 {
			st.Owed += o.Amount
			byKind[o.Kind] += o.Amount
		}
	}
	for _, k := range []OwedKind{OwedNetPay, OwedHMRC, OwedPension, OwedInvoice} {
		if v := byKind[k]; v != 0 {
			st.OwedByKind = append(st.OwedByKind, KindAmount{k, k.Label(), v})
			delete(byKind, k)
		}
	}
	var other money.Money
	for _, v := range byKind {
		other += v
	}
	if other != 0 {
		st.OwedByKind = append(st.OwedByKind, KindAmount{"other", OwedKind("other").Label(), other})
	}

	var purposes []string
	for _, s := range in.SetAside {
		if s.Amount > 0 {
			st.SetAside += s.Amount
			purposes = append(purposes, fmt.Sprintf("%s %s", strings.TrimSpace(s.Purpose), s.Amount.Format()))
		}
	}
	st.Surplus = st.Balance - st.Owed - st.SetAside - st.Contingency
	if in.SurplusLimitWeeks > 0 {
		st.SurplusLimit = WeeksOf(in.SurplusLimitWeeks, in.Payment, in.PaymentFrequency)
		if st.Surplus > st.SurplusLimit {
			st.OverLimit = true
			st.OverBy = st.Surplus - st.SurplusLimit
		}
	}

	// Explanation lines.
	st.Lines = append(st.Lines, fmt.Sprintf("Balance at the end of %s: %s.", in.On.UK(), st.Balance.Format()))
	if st.Owed > 0 {
		var parts []string
		for _, k := range st.OwedByKind {
			parts = append(parts, fmt.Sprintf("%s %s", k.Label, k.Amount.Format()))
		}
		st.Lines = append(st.Lines, fmt.Sprintf("Money owed: %s (%s).", st.Owed.Format(), strings.Join(parts, ", ")))
	} else {
		st.Lines = append(st.Lines, "Money owed: nothing.")
	}
	if st.SetAside > 0 {
		st.Lines = append(st.Lines, fmt.Sprintf("Set aside for a purpose: %s (%s).", st.SetAside.Format(), strings.Join(purposes, ", ")))
	}
	if st.Contingency > 0 {
		st.Lines = append(st.Lines, fmt.Sprintf("Contingency agreed with the council: %s.", st.Contingency.Format()))
	}
	st.Lines = append(st.Lines, fmt.Sprintf("Surplus (balance less money owed, set aside and contingency): %s.", st.Surplus.Format()))
	if in.SurplusLimitWeeks > 0 {
		st.Lines = append(st.Lines, fmt.Sprintf("%s limit: %d %s of the payment (%s %s) = %s.",
			text.Capitalise(possessive(councilName(in.Council))), in.SurplusLimitWeeks, text.Plural(in.SurplusLimitWeeks, "week", "weeks"),
			in.Payment.Format(), freqWord(in.PaymentFrequency), st.SurplusLimit.Format()))
	}
	if in.HasBank {
		if ledger, _, ok := BalanceOn(in.OpeningBalance, in.OpeningDate, in.Transactions, in.Bank.Date); ok {
			st.StatementDate, st.StatementBalance, st.HasStatement = in.Bank.Date, in.Bank.Balance, true
			st.Difference = ledger - in.Bank.Balance
			if st.Difference != 0 {
				st.BankSays = fmt.Sprintf("Your bank said %s on %s; the toolkit has %s (%s %s).", in.Bank.Balance.Format(), in.Bank.Date.UK(),
					ledger.Format(), st.Difference.Abs().Format(), map[bool]string{true: "more", false: "less"}[st.Difference > 0])
				st.Lines = append(st.Lines, st.BankSays)
			}
		}
	}
	st.Headline = headline(st, in)
	if !st.AgreesWithBank() {
		st.Headline = fmt.Sprintf("These figures cannot be trusted until the toolkit agrees with your bank: on %s your bank said %s, the toolkit has %s. Import your latest statement, or correct the opening balance, to put it right. (As the toolkit stands: %s)",
			st.StatementDate.UK(), st.StatementBalance.Format(), (st.StatementBalance + st.Difference).Format(), st.Headline)
	}
	return st, nil
}

func checkStatusInput(in StatusInput) error {
	var msgs []string
	if in.On.IsZero() {
		msgs = append(msgs, "Choose the date to report on.")
	}
	if in.OpeningDate.IsZero() {
		msgs = append(msgs, "The account needs the date of its opening balance.")
	}
	if !in.On.IsZero() && !in.OpeningDate.IsZero() && in.On.Before(in.OpeningDate) {
		msgs = append(msgs, fmt.Sprintf("%s is before the account's opening balance on %s: choose a date on or after it.", in.On.UK(), in.OpeningDate.UK()))
	}
	if in.SurplusLimitWeeks < 0 || in.SurplusLimitWeeks > 52 {
		msgs = append(msgs, "The council's surplus limit should be between 1 and 52 weeks of the payment (0 if not known).")
	}
	if in.SurplusLimitWeeks > 0 {
		if !knownFrequency(in.PaymentFrequency) {
			msgs = append(msgs, "Say how often the council pays (weekly, every 4 weeks or monthly) so the surplus limit can be worked out.")
		}
		if in.Payment < 0 || in.Payment > maxAmount {
			msgs = append(msgs, "The council's payment should be between £0.00 and "+maxAmount.Format()+".")
		}
	}
	if in.Contingency < 0 {
		msgs = append(msgs, "The contingency can't be less than £0.00.")
	}
	for _, s := range in.SetAside {
		if s.Amount < 0 {
			msgs = append(msgs, fmt.Sprintf("Money set aside for %q can't be less than £0.00.", s.Purpose))
		}
	}
	if len(msgs) > 0 {
		return refused(msgs)
	}
	return nil
}

func councilName(c string) string {
	c = strings.TrimSpace(c)
	if c == "" {
		return "the council"
	}
	return c
}

// possessive makes "Wigan Council's", "St Helens'", "the council's".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

func freqWord(f household.Frequency) string {
	switch f {
	case household.Weekly:
		return "a week"
	case household.Fortnightly:
		return "a fortnight"
	case household.FourWeekly:
		return "every 4 weeks"
	case household.Monthly:
		return "a month"
	}
	return string(f)
}

func headline(st Status, in StatusInput) string {
	limit := fmt.Sprintf("%s %d-week limit", possessive(councilName(in.Council)), in.SurplusLimitWeeks)
	switch {
	case st.Balance-st.Owed < 0:
		return fmt.Sprintf("You owe more than you hold: %s short. Speak to the council before it gets worse.", (st.Owed - st.Balance).Format())
	case st.Surplus < 0:
		return fmt.Sprintf("You can pay what you owe, but you are %s short of the money set aside and the contingency. You have no surplus.", (-st.Surplus).Format())
	case in.SurplusLimitWeeks == 0:
		return fmt.Sprintf("Your surplus is %s. Enter the council's surplus limit (in weeks of the payment) to see whether the council may ask for some back.", st.Surplus.Format())
	case st.OverLimit:
		return fmt.Sprintf("You hold %s more than %s. The council may ask for it back at your review.", st.OverBy.Format(), limit)
	case st.Surplus == st.SurplusLimit:
		return fmt.Sprintf("You are exactly at %s (%s). Any more and the council may ask for the extra back.", limit, st.SurplusLimit.Format())
	}
	return fmt.Sprintf("You are within %s: %s below it.", limit, (st.SurplusLimit - st.Surplus).Format())
}
