package report

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/report/reporttest"
)

// keepPDF writes b to $REPORT_PDF_DIR, when it is set, to look at by eye
// (pdftoppm -png -r 60 name.pdf /tmp/x).
func keepPDF(t *testing.T, name string, b []byte) {
	t.Helper()
	if dir := os.Getenv("REPORT_PDF_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// The people, places and references here are made up: QQ is the prefix
// HMRC keeps for example NI numbers, and the demo PAs are fictional.
func examplePayslips() []PayslipDoc {
	zoe := PayslipDoc{
		Employer: "Tom Example", EmployerAddress: "5 Illustration Street\nExampletown EX1 2MP", PAYEReference: "123/XA00000",
		PA: "Zoë Ní Bhriain", PAAddress: "Flat 2, 9 Sample Road\nExampletown EX2 4ZZ", NINumber: "",
		TaxCode: "1257L (week 1 / month 1 basis)", NICategory: "A", Frequency: "Monthly", TaxPeriod: "Month 8",
		PeriodFrom: civil.New(2026, 11, 1), PeriodTo: civil.New(2026, 11, 30), Payday: civil.New(2026, 11, 28),
		Pay: []PayslipLine{
			{Description: "Day shifts", Hours: "96 h 30 min", Rate: money.MustParse("12.60"), Amount: money.MustParse("1215.90")},
			{Description: "Sleep-ins (4 nights)", Rate: money.MustParse("50.00"), Amount: money.MustParse("200.00")},
			{Description: "Bank holiday enhancement", Hours: "8 h", Rate: money.MustParse("6.30"), Amount: money.MustParse("50.40")},
		},
		Gross: money.MustParse("1466.30"),
		Deductions: []PayslipAmount{
			{Label: "Income Tax", Note: "Income Tax under PAYE, code 1257L (week 1 / month 1 basis)", Amount: money.MustParse("-12.40")},
			{Label: "National Insurance", Note: "Your Class 1 National Insurance, category A", Amount: money.MustParse("42.30")},
			{Label: "Pension (you)", Note: "Your contribution to the workplace pension (NEST)", Amount: money.MustParse("44.99")},
		},
		Additions: []PayslipLine{
			{Description: "Mileage: 84.0 miles", Rate: money.MustParse("0.45"), Amount: money.MustParse("37.80")},
			{Description: "Expenses: shopping for Tom", Amount: money.MustParse("12.35")},
		},
		NetPay: money.MustParse("1441.56"),
		PaidBy: "Bank transfer on 28/11/2026",
		YearToDate: []PayslipAmount{
			{Label: "Taxable pay", Amount: money.MustParse("9874.20")}, {Label: "Tax", Amount: money.MustParse("612.40")},
			{Label: "Employee NI", Amount: money.MustParse("301.56")}, {Label: "Pension (you)", Amount: money.MustParse("310.22")},
		},
		EmployerPays: []PayslipAmount{
			{Label: "Employer NI", Amount: money.MustParse("120.45")},
			{Label: "Employer pension", Note: "NEST", Amount: money.MustParse("26.99")},
		},
		Holiday: "Holiday left this year: 61 h 30 min",
		Notes: []string{"This payslip replaces the one dated 27/11/2026, which was reversed: the bank holiday hours were missing.",
			"Your NI number is not known yet: please give it to Tom so HMRC can match your pay to your record."},
	}
	lukasz := PayslipDoc{
		Employer: "Tom Example", EmployerAddress: "5 Illustration Street\nExampletown EX1 2MP", PAYEReference: "123/XA00000",
		PA: "Łukasz Nowak", PAAddress: "14 Placeholder Lane, Exampletown EX3 1AB", NINumber: "QQ 12 34 56 C", PayrollID: "PA-002",
		TaxCode: "1257L", NICategory: "A", Frequency: "Four-weekly", TaxPeriod: "Week 32",
		PeriodFrom: civil.New(2026, 10, 19), PeriodTo: civil.New(2026, 11, 15), Payday: civil.New(2026, 11, 20),
		PaidBy: "Bank transfer on 20/11/2026",
	}
	for i := range 25 {
		day := civil.New(2026, 10, 19).AddDays(i)
		amount := money.MustParse("50.40")
		lukasz.Pay = append(lukasz.Pay, PayslipLine{Description: fmt.Sprintf("Day shift %s (%s)", day.UK(), day.Weekday()),
			Hours: "4 h", Rate: money.MustParse("12.60"), Amount: amount})
		lukasz.Gross += amount
	}
	lukasz.Deductions = []PayslipAmount{
		{Label: "Income Tax", Note: "Income Tax under PAYE, code 1257L", Amount: money.MustParse("59.00")},
		{Label: "National Insurance", Note: "Your Class 1 National Insurance, category A", Amount: money.MustParse("23.60")},
		{Label: "Student loan", Note: "Plan 2 student loan repayment, passed to HMRC", Amount: money.MustParse("12.00")},
		{Label: "Postgraduate loan", Note: "Postgraduate loan repayment, passed to HMRC", Amount: money.MustParse("9.00")},
		{Label: "Pension (you)", Note: "Your contribution to the workplace pension", Amount: money.MustParse("38.00")},
	}
	lukasz.NetPay = lukasz.Gross - money.MustParse("141.60")
	lukasz.YearToDate = []PayslipAmount{{Label: "Taxable pay", Amount: money.MustParse("10080.00")}, {Label: "Tax", Amount: money.MustParse("472.00")},
		{Label: "Employee NI", Amount: money.MustParse("188.80")}, {Label: "Student loan", Amount: money.MustParse("96.00")},
		{Label: "Postgraduate loan", Amount: money.MustParse("72.00")}, {Label: "Pension (you)", Amount: money.MustParse("304.00")}}
	lukasz.EmployerPays = []PayslipAmount{{Label: "Employer NI", Amount: money.MustParse("98.10")}, {Label: "Employer pension", Amount: money.MustParse("22.80")}}
	lukasz.Notes = []string{"Your pay for these hours is £12.60 an hour, at least the National Living Wage of £12.21 an hour for your age.",
		"Sleep-ins are paid at a flat rate; the hours you were woken are paid by the hour and count towards the minimum wage."}
	return []PayslipDoc{zoe, lukasz}
}

func TestPayslipsPDF(t *testing.T) {
	made := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	build := func() []byte {
		var buf bytes.Buffer
		if err := PayslipsPDF(&buf, "Managed by Jane Example for Tom Example", made, examplePayslips()); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := build(), build()
	if !bytes.Equal(a, b) {
		t.Error("the same payslips gave different bytes")
	}
	keepPDF(t, "payslips.pdf", a)
	text := reporttest.PDFText(t, a)
	reporttest.Golden(t, filepath.Join("testdata", "payslips.txt"), []byte(text), *update, refresh)
	for _, want := range []string{
		"Payslips", "Zoë Ní Bhriain", "Łukasz Nowak",
		"NI number", "not known yet", "QQ 12 34 56 C", "1257L (week 1 / month 1 basis)", "Month 8", "Week 32", "Four-weekly",
		"01/11/2026 to 30/11/2026", "28/11/2026", "96 h 30 min", "£12.60", "Gross pay", "£1,466.30",
		"Total deductions", "−£12.40 (refund)", "Added to your pay (not taxed)", "£37.80", "Total added", "£50.15",
		"Net pay", "£1,441.56", "How it was paid: Bank transfer on 28/11/2026",
		"This tax year so far", "£9,874.20", "Paid by your employer as well", "not taken from it.", "Employer pension (NEST)",
		"Holiday left this year: 61 h 30 min", "which was reversed", "Postgraduate loan",
		"Day shift 12/11/2026 (Thursday)", "National Living Wage", "Page 1 of 2", "Page 2 of 2",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("payslip text lacks %q", want)
		}
	}
	// Each payslip is on one page, even the one with 25 lines of pay.
	pages := strings.Split(text, "\f")
	if len(pages) < 2 || !strings.Contains(pages[0], "Zoë Ní Bhriain") || !strings.Contains(pages[1], "Łukasz Nowak") ||
		!strings.Contains(pages[1], "Day shift 19/10/2026") || !strings.Contains(pages[1], "National Living Wage") {
		t.Error("a payslip is not on a page of its own")
	}
	if strings.Contains(text, "Page 3") {
		t.Error("a payslip ran onto a second page")
	}
}

func TestPayslipsPDFRefuses(t *testing.T) {
	made := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	short := examplePayslips()
	short[0].NetPay += 1
	lines := examplePayslips()
	lines[1].Gross -= 100
	for _, tc := range []struct {
		name  string
		slips []PayslipDoc
		want  string
	}{
		{"none", nil, "there are no payslips to print"},
		{"net does not add up", short, "not the net pay £1,441.57"},
		{"pay lines do not add up to gross", lines, "the pay lines add up to £1,260.00 but gross pay is £1,259.00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := PayslipsPDF(&buf, "Tom Example", made, tc.slips)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error saying %q", err, tc.want)
			}
			if tc.slips == nil && !errors.Is(err, ErrNoPayslips) {
				t.Errorf("got %v, want ErrNoPayslips", err)
			}
			if buf.Len() != 0 {
				t.Error("a refused payslip wrote something")
			}
		})
	}
}

// A payslip far too long for a page is still written, set as close as it
// goes, rather than refused.
func TestPayslipTooLongStillWrites(t *testing.T) {
	s := examplePayslips()[1]
	for range 40 {
		s.Pay = append(s.Pay, PayslipLine{Description: "Extra shift", Hours: "1 h", Rate: 1260, Amount: 1260})
		s.Gross += 1260
		s.NetPay += 1260
	}
	if got := payslipTightness("Payslips", "", time.Time{}, s); got != Tightest {
		t.Errorf("tightness %d, want %d", got, Tightest)
	}
	var buf bytes.Buffer
	if err := PayslipsPDF(&buf, "Tom Example", time.Time{}, []PayslipDoc{s}); err != nil {
		t.Fatal(err)
	}
}

// Twenty-five lines of pay, five deductions, additions, holiday and notes
// still fit on one page.
func TestPayslipLongFitsOnePage(t *testing.T) {
	s := examplePayslips()[1]
	s.Additions = examplePayslips()[0].Additions
	s.NetPay += money.MustParse("50.15")
	s.Holiday = "Holiday left this year: 61 h 30 min"
	var buf bytes.Buffer
	if err := PayslipsPDF(&buf, "Tom Example", time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), []PayslipDoc{s}); err != nil {
		t.Fatal(err)
	}
	keepPDF(t, "payslip-long.pdf", buf.Bytes())
	text := reporttest.PDFText(t, buf.Bytes())
	if !strings.Contains(text, "Page 1 of 1") {
		t.Errorf("a payslip with %d lines of pay, additions and notes ran onto a second page", len(s.Pay))
	}
	if !strings.Contains(text, "National Living Wage") || !strings.Contains(text, "Total added") {
		t.Error("the long payslip lost its notes or additions")
	}
}
