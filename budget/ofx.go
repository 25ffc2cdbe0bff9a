package budget

import (
	"bytes"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"
	// The time zone database is built in, so Europe/London is known even
	// on a computer without one.
	_ "time/tzdata"

	"github.com/aclindsa/ofxgo"

	"patoolkit/civil"
	"patoolkit/money"
)

// london is where a bank's times are read as dates.
var london = mustLondon()

func mustLondon() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		// Unreachable: time/tzdata is linked in. A programming error.
		panic("budget: Europe/London time zone: " + err.Error())
	}
	return loc
}

// isOFX reports whether data is an OFX statement: SGML (OFX 1, starting
// "OFXHEADER:") or XML (OFX 2, with an <OFX> element near the start).
func isOFX(data []byte) bool {
	head := bytes.ToUpper(data[:min(len(data), 1024)])
	return bytes.HasPrefix(bytes.TrimSpace(head), []byte("OFXHEADER")) || bytes.Contains(head, []byte("<OFX>"))
}

// parseOFX reads an OFX bank or card statement (versions 1 and 2), as
// many UK banks offer beside CSV ("Microsoft Money" or "Quicken" format).
// The parsing itself is ofxgo's, a library that reads both versions; this
// turns its transactions into statement lines, in pounds only. OFX has no
// running balance on each line, so the balance check is not made; the
// ledger balance (LEDGERBAL) is kept as the closing balance, and as the
// balance at the end of the day it is given as of (DTASOF, read as a
// date in London), so the ledger is held against it (DayBalances).
func parseOFX(data []byte, name string) (Statement, error) {
	resp, err := ofxgo.ParseResponse(bytes.NewReader(data))
	if err != nil {
		return Statement{}, fileError("The file %q looks like an OFX statement but can't be read (%v). Download it again from your bank's website, or choose CSV instead.", name, err)
	}
	type account struct {
		currency string
		list     *ofxgo.TransactionList
		balance  ofxgo.Amount
		asOf     ofxgo.Date
		id       BankAccount
	}
	var accounts []account
	for _, m := range resp.Bank {
		if s, ok := m.(*ofxgo.StatementResponse); ok {
			accounts = append(accounts, account{s.CurDef.String(), s.BankTranList, s.BalAmt, s.DtAsOf,
				NewBankAccount(s.BankAcctFrom.BankID.String(), s.BankAcctFrom.AcctID.String())})
		}
	}
	for _, m := range resp.CreditCard {
		if s, ok := m.(*ofxgo.CCStatementResponse); ok {
			accounts = append(accounts, account{s.CurDef.String(), s.BankTranList, s.BalAmt, s.DtAsOf, NewBankAccount("", s.CCAcctFrom.AcctID.String())})
		}
	}
	if len(accounts) != 1 {
		if len(accounts) == 0 {
			return Statement{}, fileError("The file %q has no bank or card statement in it. Download the statement again from your bank's website.", name)
		}
		return Statement{}, fileError("The file %q holds statements for %d accounts. Download the statement of the direct payment account only.", name, len(accounts))
	}
	acc := accounts[0]
	if acc.currency != "" && acc.currency != "GBP" {
		return Statement{}, fileError("The statement in %q is in %s: only accounts in pounds (GBP) can be imported.", name, acc.currency)
	}
	st := Statement{Name: name, Layout: Layout{Encoding: "OFX", Date: -1, Description: -1, Amount: -1, PaidIn: -1,
		PaidOut: -1, Balance: -1, Type: -1, Reference: -1, DateFormat: "OFX"}, Account: acc.id}
	if acc.list == nil || len(acc.list.Transactions) == 0 {
		return Statement{}, fileError("The file %q has no transactions. Check the period you downloaded.", name)
	}
	for i, t := range acc.list.Transactions {
		n := i + 1
		if t.Currency != nil && t.Currency.CurSym.String() != "" && t.Currency.CurSym.String() != "GBP" {
			return Statement{}, &StatementError{Reason: fmt.Sprintf("Transaction %d (%s) is in another currency: only pounds can be imported.", n, cleanText(t.FiTID.String()))}
		}
		amount, why := ofxPence(&t.TrnAmt.Rat)
		if why != "" {
			return Statement{}, &StatementError{Reason: fmt.Sprintf("Transaction %d (%s) has the amount %s, %s", n, cleanText(t.FiTID.String()), shorten(t.TrnAmt.String()), why)}
		}
		if t.DtPosted.IsZero() {
			return Statement{}, &StatementError{Reason: fmt.Sprintf("Transaction %d (%s) has no date.", n, cleanText(t.FiTID.String()))}
		}
		date := civil.Of(t.DtPosted.Time)
		if date.Year < minStatementYear || date.Year > maxStatementYear {
			return Statement{}, &StatementError{Reason: fmt.Sprintf(
				"Transaction %d (%s) is dated %s, which can't be right: the year should be between %d and %d. Download the statement again from your bank's website.",
				n, cleanText(t.FiTID.String()), date.UK(), minStatementYear, maxStatementYear)}
		}
		desc := cleanText(t.Name.String())
		if desc == "" && t.Payee != nil {
			desc = cleanText(t.Payee.Name.String())
		}
		if memo := cleanText(t.Memo.String()); memo != "" && !strings.Contains(desc, memo) {
			desc = cleanText(desc + " " + memo)
		}
		if desc == "" {
			desc = t.TrnType.String()
		}
		if amount == 0 {
			continue
		}
		st.Lines = append(st.Lines, StatementLine{LineNo: n, Date: date, Description: desc,
			Amount: amount, Type: t.TrnType.String(), Reference: cleanText(t.FiTID.String()), BankID: cleanText(t.FiTID.String())})
	}
	if len(st.Lines) == 0 {
		return Statement{}, fileError("The file %q has no transactions that pay money in or out.", name)
	}
	sort.SliceStable(st.Lines, func(i, j int) bool { return st.Lines[i].Date.Before(st.Lines[j].Date) })
	countOccurrences(st.Lines, false)
	st.From, st.To = st.Lines[0].Date, st.Lines[len(st.Lines)-1].Date
	if closing, ok := penceOf(&acc.balance.Rat); ok {
		st.ClosingBalance = closing
		st.LedgerAsOf = ledgerDate(acc.asOf)
	}
	return st, nil
}

// ledgerDate is the day an OFX ledger balance is the balance at the end
// of: the date of DTASOF in London, whether the bank gives it as the
// statement's last day (a date alone) or as a later time (when the file
// was made, perhaps in UTC or with an offset). Zero when the file gives no
// date, or one that can't be right.
func ledgerDate(d ofxgo.Date) civil.Date {
	if d.IsZero() {
		return civil.Date{}
	}
	day := civil.Of(d.In(london))
	if day.Year < minStatementYear || day.Year > maxStatementYear {
		return civil.Date{}
	}
	return day
}

// ofxPence returns r pounds as whole pence, or why it can't be a line of
// a statement (the end of a sentence): not a whole number of pence, or
// larger than a line of a CSV statement may be.
func ofxPence(r *big.Rat) (money.Money, string) {
	limit := new(big.Rat).SetInt64(int64(maxAmount) / 100)
	if new(big.Rat).Abs(r).Cmp(limit) > 0 {
		return 0, "which is too large to be a line of a direct payment account. Check the file."
	}
	p, ok := penceOf(r)
	if !ok {
		return 0, "which is not a whole number of pence."
	}
	return p, ""
}

// penceOf returns r pounds as whole pence, false when it is not a whole
// number of pence or is too large.
func penceOf(r *big.Rat) (money.Money, bool) {
	p := new(big.Rat).Mul(r, big.NewRat(100, 1))
	if !p.IsInt() || !p.Num().IsInt64() || p.Num().Int64() > 1e13 || p.Num().Int64() < -1e13 {
		return 0, false
	}
	return money.Money(p.Num().Int64()), true
}
