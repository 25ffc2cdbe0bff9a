package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/report/reporttest"
)

// exampleHMRCRecord is a made-up employer's year to date.
func exampleHMRCRecord() HMRCRecordDoc {
	doc := HMRCRecordDoc{Employer: "Tom Example", PAYEReference: "123/XA00000", AccountsOfficeReference: "123PX00000000",
		TaxYear: "2026-27",
		Filings: []FilingRow{
			{What: "Employer Payment Summary: Employment Allowance claimed", Due: civil.New(2026, 5, 19), Done: civil.New(2026, 5, 2)},
			{What: "Full Payment Submission for Month 7", Due: civil.New(2026, 10, 30), Done: civil.New(2026, 11, 2)},
			{What: "Full Payment Submission for Month 8", Due: civil.New(2026, 11, 28), Done: civil.New(2026, 11, 27)},
			{What: "Full Payment Submission for Month 9", Due: civil.New(2026, 12, 28)},
			{What: "P60 to each PA for 2026-27", Due: civil.New(2027, 5, 31)},
		},
		Penalties: []string{
			"If a Full Payment Submission is late, HMRC can charge a penalty each month, from £100 for an employer with 1 to 9 employees.",
			"If a payment is late, HMRC charges interest from the day after it was due, and can add a penalty if payments are late more than once in the tax year.",
		},
	}
	months := []string{"April", "May", "June", "July", "August", "September", "October", "November"}
	for i, m := range months {
		next := "December"
		if i+1 < len(months) {
			next = months[i+1]
		}
		r := HMRCRow{Period: fmt.Sprintf("Month %d: 6 %s to 5 %s 2026", i+1, m, next),
			Tax: money.MustParse("180.40"), EmployeeNI: money.MustParse("65.90"), EmployerNI: money.MustParse("218.45"),
			StudentLoan: money.MustParse("12.00"), DueDate: civil.New(2026, time.Month(5+i), 22)}
		if i < 4 {
			r.EmploymentAllowance = r.EmployerNI
		}
		if i == 5 {
			r.Recovered = money.MustParse("150.00")
		}
		r.Due = r.Tax + r.EmployeeNI + r.EmployerNI + r.StudentLoan - r.EmploymentAllowance - r.Recovered
		switch {
		case i == 6:
			r.PaidDate, r.Late = civil.New(2026, 11, 25), true
		case i < 7:
			r.PaidDate = r.DueDate.AddDays(-3)
		}
		doc.Periods = append(doc.Periods, r)
	}
	return doc
}

func TestHMRCRecordPDF(t *testing.T) {
	made := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	build := func() []byte {
		var buf bytes.Buffer
		if err := HMRCRecordPDF(&buf, "Managed by Jane Example for Tom Example", made, exampleHMRCRecord()); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := build(), build()
	if !bytes.Equal(a, b) {
		t.Error("the same record gave different bytes")
	}
	keepPDF(t, "hmrc.pdf", a)
	text := reporttest.PDFText(t, a)
	reporttest.Golden(t, filepath.Join("testdata", "hmrc.txt"), []byte(text), *update, refresh)
	for _, want := range []string{
		"What is owed to HMRC: tax year 2026-27", "123/XA00000", "123PX00000000", "Every month",
		"Month 8: 6 November to 5 December 2026", "−£218.45", "−£150.00", "Total for the year",
		"£1,443.20", // 8 × £180.40 of tax
		"−£873.80",  // 4 × £218.45 of Employment Allowance
		"£2,790.20", // due for the year
		"Paid 19/05/2026", "Paid late, 25/11/2026", "Not paid yet", "7 of 8 paid",
		"Done 02/05/2026", "Done late, 02/11/2026", "To do", "What being late costs", "from £100",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("HMRC record text lacks %q", want)
		}
	}
}

func TestHMRCPaidAndFilingWords(t *testing.T) {
	due := civil.New(2026, 12, 22)
	for _, tc := range []struct {
		name string
		row  HMRCRow
		want string
	}{
		{"paid", HMRCRow{DueDate: due, PaidDate: due}, "Paid 22/12/2026"},
		{"paid late", HMRCRow{DueDate: due, PaidDate: due.AddDays(2), Late: true}, "Paid late, 24/12/2026"},
		{"not paid", HMRCRow{DueDate: due}, "Not paid yet"},
		{"not paid and late", HMRCRow{DueDate: due, Late: true}, "Not paid yet: LATE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := paidText(tc.row); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	doc := HMRCRecordDoc{Employer: "Tom Example", TaxYear: "2026-27", Quarterly: true,
		Filings: []FilingRow{{What: "Full Payment Submission for Month 1", Due: civil.New(2026, 5, 5)}}}
	var buf bytes.Buffer
	if err := HMRCRecordPDF(&buf, "Tom Example", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), doc); err != nil {
		t.Fatal(err)
	}
	text := reporttest.PDFText(t, buf.Bytes())
	for _, want := range []string{"Every quarter", "No pay periods in this tax year yet", "To do: LATE, was due 05/05/2026", "not known yet"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}
