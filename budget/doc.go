// Package budget holds the rules for the money side of a direct payment:
// the account's expected income, the ledger of transactions and their
// categories, bank statement CSV import (layout detection, duplicate
// detection, category suggestion), settling money owed, "where I stand"
// against the council's surplus limit, and a week-by-week forecast.
//
// It is pure: no storage, no clock, no files, no user interface. Callers
// pass dates and data in and get plain values and plain-English messages
// back. Money is always whole pence (money.Money); dates are civil.Date.
package budget
