package budget

import (
	"sort"

	"patoolkit/civil"
	"patoolkit/money"
)

// DayBalance is the bank's balance at the end of a day.
type DayBalance struct {
	Date    civil.Date  `json:"date"`
	Balance money.Money `json:"balance"`
}

// DayBalances returns the statement's balance at the end of each day it
// has lines for, oldest first, starting with the day before its first
// line (the balance brought forward); none when the file carries no
// balances. The running balance is worked from the opening balance, which
// the reader has checked against every balance the file gives. A
// statement with no running balance but a ledger balance (OFX) gives that
// one day: LedgerAsOf's, at ClosingBalance.
func (s Statement) DayBalances() []DayBalance {
	if !s.HasBalances && !s.LedgerAsOf.IsZero() && len(s.Lines) > 0 {
		return []DayBalance{{Date: s.LedgerAsOf, Balance: s.ClosingBalance}}
	}
	if !s.HasBalances || len(s.Lines) == 0 {
		return nil
	}
	chron := s.Chronological()
	out := []DayBalance{{Date: chron[0].Date.AddDays(-1), Balance: s.OpeningBalance}}
	run := s.OpeningBalance
	for i, l := range chron {
		run += l.Amount
		if i == len(chron)-1 || chron[i+1].Date != l.Date {
			out = append(out, DayBalance{Date: l.Date, Balance: run})
		}
	}
	return out
}

// MergeDayBalances returns the days of a and b, oldest first, b's figure
// taking the place of a's for a day both have.
func MergeDayBalances(a, b []DayBalance) []DayBalance {
	by := map[civil.Date]money.Money{}
	for _, d := range a {
		by[d.Date] = d.Balance
	}
	for _, d := range b {
		by[d.Date] = d.Balance
	}
	out := make([]DayBalance, 0, len(by))
	for day, bal := range by {
		out = append(out, DayBalance{Date: day, Balance: bal})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// BankDifference is the ledger's balance against the bank's at the end
// of a day: Difference is the ledger's less the bank's.
type BankDifference struct {
	Date         civil.Date
	Bank, Ledger money.Money
	Difference   money.Money
}

// FixKind says what most likely explains a difference from the bank.
type FixKind byte

// The explanations, in the order they are tried.
const (
	// FixNone: the ledger agrees with the bank.
	FixNone FixKind = iota
	// FixHandLines: lines entered by hand that the statement does not
	// have (Lines) make up the difference exactly.
	FixHandLines
	// FixOpeningBalance: the difference is the same on every date, from
	// the first: the opening balance is out by it (change it by Change).
	FixOpeningBalance
	// FixMissingLine: the two agree (or differ by one amount) up to From
	// and differ by Change more from To: a line of that size between them
	// is missing from the ledger (or one is there that the bank does not
	// have).
	FixMissingLine
	// FixUnknown: the differences change more than once.
	FixUnknown
)

// BankCheck is the ledger held against the bank's balances.
type BankCheck struct {
	// Days are the dates compared (those on or after the ledger's opening
	// date), oldest first; Differences those on which the two differ.
	Days        []BankDifference
	Differences []BankDifference
	Fix         FixKind
	// Change is what to add to the opening balance (FixOpeningBalance),
	// or the amount missing from the ledger (FixMissingLine: positive for
	// money in the bank has and the ledger has not).
	Change money.Money
	// From and To bound the gap a missing line is in (FixMissingLine).
	From, To civil.Date
	// Lines are the hand-entered lines not on the statement
	// (FixHandLines).
	Lines []Transaction
}

// Agrees reports whether every day compared agrees.
func (c BankCheck) Agrees() bool { return len(c.Days) > 0 && len(c.Differences) == 0 }

// CheckAgainstBank compares the ledger's balance at the end of each of
// the bank's days with the bank's. balanceOn gives the ledger's balance at
// the end of a day (ok false before its opening date). handLines are the
// lines entered by hand, not yet matched to a bank line, that fall in the
// statement's dates: when some of them make up the latest difference
// exactly, they are the explanation.
func CheckAgainstBank(days []DayBalance, balanceOn func(civil.Date) (money.Money, bool), handLines []Transaction) BankCheck {
	var c BankCheck
	for _, d := range days {
		ledger, ok := balanceOn(d.Date)
		if !ok {
			continue
		}
		x := BankDifference{Date: d.Date, Bank: d.Balance, Ledger: ledger, Difference: ledger - d.Balance}
		c.Days = append(c.Days, x)
		if x.Difference != 0 {
			c.Differences = append(c.Differences, x)
		}
	}
	if len(c.Differences) == 0 {
		return c
	}
	last := c.Days[len(c.Days)-1].Difference
	var hand money.Money
	for _, t := range handLines {
		hand += t.Amount
	}
	if last != 0 && hand == last && len(handLines) > 0 && c.Days[0].Difference == 0 {
		c.Fix, c.Lines = FixHandLines, handLines
		return c
	}
	steps := 0
	for i := 1; i < len(c.Days); i++ {
		if c.Days[i].Difference != c.Days[i-1].Difference {
			steps++
			if steps == 1 {
				c.From, c.To = c.Days[i-1].Date, c.Days[i].Date
				c.Change = c.Days[i-1].Difference - c.Days[i].Difference
			}
		}
	}
	switch {
	case steps == 0:
		c.Fix, c.Change, c.From, c.To = FixOpeningBalance, -c.Days[0].Difference, civil.Date{}, civil.Date{}
	case steps == 1 && c.Days[0].Difference == 0:
		c.Fix = FixMissingLine
	default:
		c.Fix, c.Change, c.From, c.To = FixUnknown, 0, civil.Date{}, civil.Date{}
	}
	return c
}
