// Package budgettest makes bank statements for the budget and service
// benchmarks. Only tests import it.
package budgettest

import (
	"bytes"
	"fmt"

	"patoolkit/civil"
	"patoolkit/money"
)

var payees = []string{
	"CARD PAYMENT TO SAMPLE SUPERMARKET CD 1234 ON %02d APR",
	"Z NI BHRIAIN WAGES",
	"HMRC CUMBERNAULD 123PA00045678",
	"DD SAMPLE INSURANCE LTD",
	"VIS SAMPLE CHEMIST %02dAPR26",
	"SAMPLE CAFE",
	"FPO SAMPLE PAYROLL SERVICE REF %d",
	"SAMPLE TAXIS",
}

// Statement builds an n-line CSV bank statement, oldest first: separate
// paid in and paid out columns, a running balance, "£" signs and
// thousands separators; a payment in every 20 lines, four lines a day
// from 2 April 2020. Benchmarks of the import read it.
func Statement(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Date,Description,Paid in,Paid out,Balance\n")
	bal := money.Money(500000)
	day := civil.MustParse("2020-04-01")
	for i := 0; i < n; i++ {
		if i%4 == 0 {
			day = day.AddDays(1)
		}
		var in, out money.Money
		if i%20 == 0 {
			in = 130000
		} else {
			out = money.Money(100 + (i*7919)%25000)
		}
		bal += in - out
		p := payees[i%len(payees)]
		desc := p
		if bytes.ContainsRune([]byte(p), '%') {
			desc = fmt.Sprintf(p, i%28+1)
		}
		inS, outS := "", ""
		if in != 0 {
			inS = "\"" + in.Format() + "\""
		}
		if out != 0 {
			outS = "\"" + out.Format() + "\""
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,\"%s\"\n", day.UK(), desc, inS, outS, bal.Format())
	}
	return b.Bytes()
}
