package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/report/reporttest"
)

// The people and references are made up: QQ is HMRC's example NI prefix.
func exampleP60() P60Doc {
	return P60Doc{TaxYear: "2025-26", Employer: "Tom Example", PAYEReference: "123/XA00000",
		PA: "Zoë Ní Bhriain", NINumber: "QQ123456C", TaxCode: "1257L",
		PreviousPay: money.MustParse("1000.00"), PreviousTax: money.MustParse("20.00"),
		Pay: money.MustParse("13285.90"), Tax: money.MustParse("141.20"),
		NI:         []NILetterRow{{Letter: "A", AtLEL: money.MustParse("6504.00"), LELToPT: money.MustParse("5907.90"), PTToUEL: money.MustParse("874.00"), EmployeeNI: money.MustParse("69.91")}},
		EmployeeNI: money.MustParse("69.91"), StudentLoan: money.MustParse("12.00"),
		Statutory: []PayslipAmount{{Label: "Statutory Sick Pay", Amount: money.MustParse("118.75")}, {Label: "Statutory Maternity Pay"}},
		Due:       civil.New(2026, 5, 31)}
}

func TestYearEndPDFs(t *testing.T) {
	made := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	p45 := P45Doc{Employer: "Tom Example", PAYEReference: "123/XA00000", PA: "Chris Example", LeavingDate: civil.New(2026, 8, 31),
		TaxYear: "2026-27", TaxCode: "BR", Week1Month1: true, LastPeriod: "Month 5", LastPayday: civil.New(2026, 8, 28),
		TotalPay: money.MustParse("3639.17"), TotalTax: money.MustParse("727.80"), Pay: money.MustParse("3639.17"), Tax: money.MustParse("727.80"), StudentLoan: true}
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  []string
	}{
		{"p60", func(b *bytes.Buffer) error {
			return P60PDF(b, "Managed by Tom Example", made, []P60Doc{exampleP60(), exampleP60()})
		},
			[]string{"P60 figures", "official form is made by HMRC", "Basic PAYE Tools", "Zoë Ní Bhriain", "QQ123456C", "123/XA00000",
				"£14,285.90", "£161.20", "£13,285.90", "£69.91", "Statutory Sick Pay", "£118.75", "31 May 2026", "Page 2 of 2"}},
		{"p45", func(b *bytes.Buffer) error { return P45PDF(b, "Managed by Tom Example", made, p45) },
			[]string{"P45 figures", "official form is made by HMRC", "Chris Example", "31/08/2026", "BR", "Month 5", "£3,639.17", "£727.80",
				"week 1 / month 1 basis", "Student loan deductions to continue Yes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := tc.write(&a); err != nil {
				t.Fatal(err)
			}
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("the same document gave different bytes")
			}
			keepPDF(t, tc.name+".pdf", a.Bytes())
			text := strings.Join(strings.Fields(reporttest.PDFText(t, a.Bytes())), " ")
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the text has no %q:\n%s", w, text)
				}
			}
		})
	}
}

func TestP60PDFRefuses(t *testing.T) {
	bad := exampleP60()
	bad.EmployeeNI++
	for _, tc := range []struct {
		name string
		docs []P60Doc
		want string
	}{
		{"none", nil, "no P60s"},
		{"NI does not add up", []P60Doc{bad}, "NI letters add up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := P60PDF(&b, "who", time.Time{}, tc.docs)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if tc.docs == nil && !errors.Is(err, ErrNoP60s) {
				t.Errorf("err = %v, want ErrNoP60s", err)
			}
			if b.Len() != 0 {
				t.Error("something was written")
			}
		})
	}
}
