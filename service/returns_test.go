package service

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/report"
	"patoolkit/report/reporttest"
)

var niNumber = regexp.MustCompile(`\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b`)

// The return's summary is Where I stand's figures and the ledger's sums:
// opening plus money in less money out is the closing balance, the
// closing balance is money status's on the last day, and the headings add
// up to the totals.
func TestReturnAddsUpAndAgreesWithWhereIStand(t *testing.T) {
	s, accs := demoService(t)
	from, to := civil.MustParse("2026-04-01"), civil.MustParse("2026-06-30")
	for _, name := range []string{"Priya's support", "Tom's care"} {
		a := accs[name]
		r, err := s.ReturnDoc(a.ID, from, to)
		if err != nil {
			t.Fatal(err)
		}
		f := r.Figures
		if f.Opening+f.MoneyIn-f.MoneyOut != f.Closing {
			t.Errorf("%s: %s + %s - %s != %s", name, f.Opening, f.MoneyIn, f.MoneyOut, f.Closing)
		}
		st, err := s.MoneyStatus(a.ID, to)
		if err != nil {
			t.Fatal(err)
		}
		if f.Closing != st.Balance || r.Status.Surplus != st.Surplus || r.Status.Headline != st.Headline {
			t.Errorf("%s: closing %s, surplus %s, %q; money status says %s, %s, %q", name, f.Closing, r.Status.Surplus, r.Status.Headline, st.Balance, st.Surplus, st.Headline)
		}
		before, err := s.MoneyStatus(a.ID, from.AddDays(-1))
		if err != nil {
			t.Fatal(err)
		}
		if f.Opening != before.Balance {
			t.Errorf("%s: opening %s, money status on %s says %s", name, f.Opening, from.AddDays(-1).UK(), before.Balance)
		}
		var in, out money.Money
		for _, h := range f.In {
			in += h.Amount
		}
		for _, h := range f.Out {
			out += h.Amount
		}
		if in != f.MoneyIn || out != f.MoneyOut {
			t.Errorf("%s: headings add up to %s in and %s out, totals are %s and %s", name, in, out, f.MoneyIn, f.MoneyOut)
		}
		led, err := s.Ledger(a.ID, LedgerFilter{From: from, To: to})
		if err != nil {
			t.Fatal(err)
		}
		if led.MoneyIn != f.MoneyIn || led.MoneyOut != f.MoneyOut || len(led.Entries) != len(f.Lines) {
			t.Errorf("%s: the ledger has %d lines, %s in, %s out; the return %d, %s, %s", name, len(led.Entries), led.MoneyIn, led.MoneyOut, len(f.Lines), f.MoneyIn, f.MoneyOut)
		}
		if len(r.NetPaid) == 0 {
			t.Errorf("%s: no net pay against payments", name)
		}
		for _, n := range r.NetPaid {
			if n.NetPay != n.Paid {
				t.Errorf("%s: %s net pay %s, paid %s (%s)", name, n.PA, n.NetPay, n.Paid, n.Words)
			}
		}
	}
}

// The PDF reads back as text with the figures, £ and names right and no
// NI number, and the same return twice is the same bytes.
func TestReturnPDFText(t *testing.T) {
	s, accs := demoService(t)
	a := accs["Priya's support"]
	from, to := civil.MustParse("2026-04-01"), civil.MustParse("2026-06-30")
	x, err := s.ProduceReturn(a.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.ProduceReturn(a.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.PDF, again.PDF) || !bytes.Equal(x.HTML, again.HTML) || !bytes.Equal(x.CSV, again.CSV) {
		t.Error("the same return twice gave different bytes")
	}
	r, err := s.ReturnDoc(a.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	txt := reporttest.PDFText(t, x.PDF)
	flat := strings.Join(strings.Fields(txt), " ")
	st, _ := s.MoneyStatus(a.ID, to)
	for _, want := range []string{"Zoë Ní Bhriain", "Wigan Council", r.Figures.Opening.Format(), r.Figures.MoneyIn.Format(), r.Figures.MoneyOut.Format(),
		st.Balance.Format(), st.Surplus.Format(), "Staff costs (wages, tax, NI, pension)", "Declaration", "Priya Shah, who receives the direct payment"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the return does not say %q", want)
		}
	}
	if m := niNumber.FindString(txt + string(x.HTML) + string(x.CSV)); m != "" {
		t.Errorf("an NI number is in the return: %q", m)
	}
	pas, _ := s.PAs(a.ID)
	for _, p := range pas {
		for _, secret := range []string{p.NINumber, p.Address, p.DateOfBirth.UK()} {
			if strings.TrimSpace(secret) != "" && strings.Contains(txt+string(x.HTML)+string(x.CSV), secret) {
				t.Errorf("%s's personal detail %q is in the return", p.Name, secret)
			}
		}
	}
	if !strings.HasPrefix(string(x.CSV), strings.Join(report.CSVHeader, ",")+"\r\n") {
		t.Errorf("CSV header: %q", strings.SplitN(string(x.CSV), "\n", 2)[0])
	}
}

// An empty period, a period across a tax year's end and one whose ledger
// differs from the bank each give an honest return.
func TestReturnPeriodsThatAreHard(t *testing.T) {
	s, accs := demoService(t)
	a := accs["Priya's support"]
	// Two days with nothing in the ledger.
	empty, err := s.ReturnDoc(a.ID, civil.MustParse("2026-04-07"), civil.MustParse("2026-04-08"))
	if err != nil {
		t.Fatal(err)
	}
	if len(empty.Figures.Lines) != 0 || empty.Figures.Opening != empty.Figures.Closing {
		t.Errorf("empty period: %d lines, %s to %s", len(empty.Figures.Lines), empty.Figures.Opening, empty.Figures.Closing)
	}
	var buf bytes.Buffer
	if err := report.ReturnPDF(&buf, empty); err != nil {
		t.Fatal(err)
	}
	if txt := reporttest.PDFText(t, buf.Bytes()); !strings.Contains(txt, "No money went in or out of the account in this period.") {
		t.Error("the empty return does not say so")
	}

	// Across 5/6 April 2026: both tax years' HMRC records.
	across, err := s.ReturnDoc(a.ID, civil.MustParse("2026-03-01"), civil.MustParse("2026-04-30"))
	if err != nil {
		t.Fatal(err)
	}
	years := 0
	for _, e := range across.Evidence {
		if e.Kind == report.EvidenceHMRC {
			years++
		}
	}
	if years != 2 {
		t.Errorf("across the tax year's end: %d HMRC records, want 2 (%+v)", years, across.Evidence)
	}
	if across.Figures.Opening+across.Figures.MoneyIn-across.Figures.MoneyOut != across.Figures.Closing {
		t.Error("across the tax year's end the return does not add up")
	}

	// A ledger that does not agree with the bank says so.
	s2, b := newUserBudget(t)
	prev, err := s2.PlanImportFile(b.ID, bankSamplePath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s2.ImportStatement(b.ID, prev.Plan, nil); err != nil {
		t.Fatal(err)
	}
	r, err := s2.ReturnDoc(b.ID, civil.MustParse("2026-10-01"), civil.MustParse("2026-11-19"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.BankWords(), "Your bank said") || !strings.Contains(strings.Join(r.Warnings, " "), "Your bank said") {
		t.Errorf("the difference from the bank is not shown: %q %q", r.BankWords(), r.Warnings)
	}
}

// Marking a return as sent locks its period: a line dated in it can't be
// added, changed or removed (and nothing changes), the opening balance
// can't change, a correction goes in an open period and shows on the next
// return, and the sent return is produced again byte for byte.
func TestSentReturnLocksItsPeriod(t *testing.T) {
	s, accs := demoService(t)
	a := accs["Priya's support"]
	from, to := civil.MustParse("2026-04-01"), civil.MustParse("2026-06-30")
	sent, err := s.SendReturn(a.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if sent.Sent != s.today() {
		t.Errorf("sent on %s", sent.Sent)
	}
	if _, err := s.SendReturn(a.ID, from, to); err == nil {
		t.Error("a return was sent twice")
	}
	if _, err := s.SendReturn(a.ID, civil.MustParse("2026-06-01"), civil.MustParse("2026-07-31")); err == nil {
		t.Error("a return overlapping a sent one was sent")
	}
	before, _ := s.Ledger(a.ID, LedgerFilter{})
	_, err = s.SaveTransaction(a.ID, budget.Transaction{Date: civil.MustParse("2026-05-10"), Payee: "Late receipt", Amount: -1000, Category: budget.CatOther})
	if err == nil || !strings.Contains(err.Error(), "was sent to the council") {
		t.Errorf("a line in a sent period: %v", err)
	}
	line := before.Entries[len(before.Entries)/4].Transaction
	if !line.Date.After(to) && !line.Date.Before(from) {
		if err := s.DeleteTransaction(line.ID); err == nil {
			t.Error("a line in a sent period was removed")
		}
	}
	m, _ := s.MoneyAccount(a.ID)
	m.OpeningBalance += 100
	if _, err := s.SaveMoneyAccount(m); err == nil || !strings.Contains(err.Error(), "opening balance can't change") {
		t.Errorf("the opening balance changed under a sent return: %v", err)
	}
	after, _ := s.Ledger(a.ID, LedgerFilter{})
	if len(after.Entries) != len(before.Entries) || after.MoneyIn != before.MoneyIn || after.MoneyOut != before.MoneyOut {
		t.Error("refused changes changed the ledger")
	}

	// The correction, dated in an open period, names the return.
	fix, err := s.SaveTransaction(a.ID, budget.Transaction{Date: civil.MustParse("2026-07-10"), Payee: "Late receipt", Amount: -1000,
		Category: budget.CatOther, CorrectsReturn: sent.ID})
	if err != nil {
		t.Fatal(err)
	}
	next, err := s.ReturnDoc(a.ID, civil.MustParse("2026-07-01"), civil.MustParse("2026-09-30"))
	if err != nil {
		t.Fatal(err)
	}
	if len(next.Corrections) != 1 || next.Corrections[0].Line.ID != fix.ID || !strings.Contains(next.Corrections[0].Corrects, "01/04/2026 to 30/06/2026") {
		t.Errorf("corrections on the next return: %+v", next.Corrections)
	}

	// Produced again, byte for byte.
	again, err := s.ProduceReturn(a.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.PDF, sent.PDF) || !bytes.Equal(again.CSV, sent.CSV) || !bytes.Equal(again.HTML, sent.HTML) {
		t.Error("the sent return came out different")
	}
	list, err := s.Returns(a.ID)
	if err != nil || len(list) != 1 || list[0].Sent.IsZero() {
		t.Errorf("returns: %+v %v", list, err)
	}
}

// The evidence pack holds the return and its documents, with the index's
// page numbers right; a receipt PDF that can't be read is listed, not a
// crash, and a photo is placed on a page.
func TestEvidencePack(t *testing.T) {
	s, accs := demoService(t)
	a := accs["Priya's support"]
	from, to := civil.MustParse("2026-04-01"), civil.MustParse("2026-06-30")
	led, err := s.Ledger(a.ID, LedgerFilter{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	var fee int64
	for _, e := range led.Entries {
		if e.Category == budget.CatPayrollFees {
			fee = e.ID
		}
	}
	if fee == 0 {
		t.Fatal("no fee line in the demo's quarter")
	}
	if _, err := s.AddReceipt(fee, "broken.pdf", []byte("%PDF-1.4\nthis is not a PDF at all")); err != nil {
		t.Fatal(err)
	}
	// A real PDF receipt of two pages, and a photo.
	rd := report.NewDoc("Invoice from Sample Payroll Services", "A made-up invoice", time.Date(2026, 4, 3, 0, 0, 0, 0, time.UTC), false)
	rd.Para("Invoice SPS-EXAMPLE-1 for payroll services: £18.00")
	rd.NewPage()
	rd.Para("Terms: paid by bank transfer.")
	var inv bytes.Buffer
	if _, err := rd.WriteTo(&inv); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddReceipt(fee, "invoice.pdf", inv.Bytes()); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 40, 60))
	var photo bytes.Buffer
	if err := png.Encode(&photo, img); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddReceipt(fee, "till-slip.png", photo.Bytes()); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	res, err := s.ExportEvidencePDF(&buf, a.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NotMerged) != 1 || !strings.Contains(res.NotMerged[0], "broken.pdf") {
		t.Errorf("not merged: %q", res.NotMerged)
	}
	txt := reporttest.PDFText(t, buf.Bytes())
	pages := strings.Split(txt, "\f")
	r, _ := s.ReturnDoc(a.ID, from, to)
	last := pages[len(pages)-2] // the text ends with a form feed
	total := len(pages) - 1
	if !strings.Contains(last, "Invoice SPS-EXAMPLE-1") && !strings.Contains(pages[len(pages)-3], "Invoice SPS-EXAMPLE-1") {
		t.Error("the PDF receipt is not joined on at the end")
	}
	if !strings.Contains(last, fmt.Sprintf("Page %d of %d", total, total)) || !strings.Contains(pages[0], fmt.Sprintf("Page 1 of %d", total)) {
		t.Errorf("the footers do not count %d pages:\nfirst: %s\nlast: %s", total, pages[0][len(pages[0])-80:], last)
	}
	for _, want := range []string{"Evidence pack for the council", "Receipts that could not be put on a page", "broken.pdf", "Payslip", "till-slip.png", "Receipts that follow"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the pack does not say %q", want)
		}
	}
	// Each payslip's page in the index holds that payslip.
	for _, line := range strings.Split(pages[0], "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || f[1] != "Payslip" {
			continue
		}
		var n int
		if _, err := fmtSscan(f[len(f)-1], &n); err != nil || n < 1 || n > len(pages) {
			t.Errorf("index line %q: bad page", line)
			continue
		}
		name := strings.Join(f[2:len(f)-3], " ")
		if !strings.Contains(pages[n-1], strings.TrimSuffix(name, ",")) {
			t.Errorf("index says %q is on page %d, which does not name them", line, n)
		}
	}
	if total < len(r.Evidence) {
		t.Errorf("%d pages for %d evidence items", total, len(r.Evidence))
	}
}

func fmtSscan(s string, n *int) (int, error) { return fmt.Sscan(s, n) }

// The demo's real returns, as web pages, pass axe-core's WCAG 2.2 A and
// AA rules in headless Chromium.
func TestDemoReturnWebPageAxe(t *testing.T) {
	s, accs := demoService(t)
	for _, name := range []string{"Priya's support", "Tom's care"} {
		x, err := s.ProduceReturn(accs[name].ID, civil.MustParse("2025-04-06"), civil.MustParse("2026-11-19"))
		if err != nil {
			t.Fatal(err)
		}
		page := filepath.Join(t.TempDir(), "return.html")
		if err := os.WriteFile(page, x.HTML, 0o600); err != nil {
			t.Fatal(err)
		}
		reporttest.AxeCheck(t, page)
	}
}
