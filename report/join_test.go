package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"patoolkit/report/reporttest"
)

var joinMade = time.Date(2026, 5, 14, 9, 30, 0, 0, time.UTC)

// packBase draws a base document of pages pages (at least 2) with a
// nested outline and footers "Page N of total".
func packBase(t testing.TB, pages, total int) ([]byte, []Bookmark) {
	t.Helper()
	d := NewDoc("Evidence pack", "Managed by Jane Smith for Tom Smith", joinMade, false)
	d.SetPageTotal(total)
	d.Bookmark("Summary", 0)
	d.Para("Base summary page: the money in and out, May 2026.")
	for p := 2; p <= pages; p++ {
		d.NewPage()
		if p == 2 {
			d.Bookmark("Ledger", 0)
			d.Bookmark("Ledger for May 2026", 1)
		}
		d.Para(fmt.Sprintf("Base ledger page %d.", p))
	}
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), d.Bookmarks()
}

// receipt is a PDF as a shop or a scanner might make it: plain fpdf, core
// fonts, its own page size.
func receipt(t testing.TB, name string, pages int, orientation, size string) []byte {
	t.Helper()
	pdf := fpdf.New(orientation, "mm", size, "")
	pdf.SetCreationDate(joinMade)
	pdf.SetModificationDate(joinMade)
	pdf.SetTitle(name, false)
	pdf.SetFont("Helvetica", "", 14)
	for p := 1; p <= pages; p++ {
		pdf.AddPage()
		pdf.Cell(0, 10, fmt.Sprintf("%s receipt sheet %d", name, p))
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func receipts(t testing.TB) []Appendix {
	return []Appendix{
		{Title: "Receipt: B&Q, 12/05/2026, £34.99", Name: "bq-receipt.pdf", Data: receipt(t, "Hardware", 1, "P", "A4")},
		{Title: "Insurance certificate 2026", Name: "insurance.pdf", Data: receipt(t, "Insurance", 3, "P", "A4")},
		{Title: "Receipt: taxi, 13/05/2026, £12.00", Name: "taxi.pdf", Data: receipt(t, "Taxi", 1, "L", "A5")},
	}
}

// order checks that each of want appears in text, in order.
func order(t *testing.T, text string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("%q is missing, or out of order, in the joined PDF's text:\n%s", w, text)
			return
		}
		at += i + len(w)
	}
}

func pages(t *testing.T, pdf []byte) int {
	t.Helper()
	n, err := PDFPages(pdf)
	if err != nil {
		t.Fatalf("PDFPages of the joined PDF: %v", detail(err))
	}
	return n
}

func TestJoinPDFsPagesAndOrder(t *testing.T) {
	parts := receipts(t)
	base, marks := packBase(t, 2, 7)
	out, notMerged, err := JoinPDFs(base, marks, parts)
	if err != nil {
		t.Fatal(err)
	}
	if len(notMerged) != 0 {
		t.Fatalf("notMerged = %+v, want none", notMerged)
	}
	if got := pages(t, out); got != 7 {
		t.Errorf("joined PDF has %d pages, want 2 + 1 + 3 + 1 = 7", got)
	}
	text := reporttest.PDFText(t, out)
	order(t, text,
		"Base summary page", "Page 1 of 7",
		"Base ledger page 2", "Page 2 of 7",
		"Hardware receipt sheet 1", "Page 3 of 7",
		"Insurance receipt sheet 1", "Page 4 of 7",
		"Insurance receipt sheet 2", "Page 5 of 7",
		"Insurance receipt sheet 3", "Page 6 of 7",
		"Taxi receipt sheet 1", "Page 7 of 7")
	// One footer per page, each on its own page.
	for i, page := range strings.Split(text, "\f")[:7] {
		if got := strings.Count(page, " of 7"); got != 1 {
			t.Errorf("page %d shows %d footers, want 1:\n%s", i+1, got, page)
		}
	}
	// The page tree is one level over base's and the receipts' trees, not
	// one level deeper for each receipt.
	ctx, err := api.ReadContext(bytes.NewReader(out), pdfcpuConf())
	if err != nil {
		t.Fatal(err)
	}
	root, err := ctx.Pages()
	if err != nil {
		t.Fatal(err)
	}
	d, err := ctx.DereferenceDict(*root)
	if err != nil {
		t.Fatal(err)
	}
	if kids := d.ArrayEntry("Kids"); len(kids) != 4 {
		t.Errorf("the page tree's root has %d kids, want 4 (base and 3 receipts)", len(kids))
	}
	// The A5 landscape receipt keeps its page size.
	dims, err := api.PageDims(bytes.NewReader(out), pdfcpuConf())
	if err != nil {
		t.Fatal(err)
	}
	if w, h := dims[6].Width, dims[6].Height; w < h || w < 590 || w > 600 {
		t.Errorf("the A5 landscape page is %.0f x %.0f pt, want about 595 x 420", w, h)
	}
}

func TestJoinPDFsConcurrent(t *testing.T) {
	parts := receipts(t)
	base, marks := packBase(t, 2, 7)
	want, _, err := JoinPDFs(base, marks, parts)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []byte)
	for range 4 {
		go func() {
			out, _, _ := JoinPDFs(base, marks, parts)
			done <- out
		}()
	}
	for range 4 {
		if got := <-done; !bytes.Equal(got, want) {
			t.Error("JoinPDFs run at the same time as others gave different bytes")
		}
	}
}

func TestJoinPDFsNoParts(t *testing.T) {
	base, marks := packBase(t, 2, 0)
	out, notMerged, err := JoinPDFs(base, marks, nil)
	if err != nil || len(notMerged) != 0 {
		t.Fatalf("JoinPDFs = %v, %v", notMerged, err)
	}
	if got := pages(t, out); got != 2 {
		t.Errorf("%d pages, want 2", got)
	}
	order(t, reporttest.PDFText(t, out), "Base summary page", "Page 1 of 2", "Page 2 of 2")
}

type flatMark struct {
	Title       string
	Page, Level int
}

func readOutline(t *testing.T, pdf []byte) []flatMark {
	t.Helper()
	bms, err := api.Bookmarks(bytes.NewReader(pdf), pdfcpuConf())
	if err != nil {
		t.Fatalf("reading the outline: %v", err)
	}
	var out []flatMark
	var walk func([]pdfcpu.Bookmark, int)
	walk = func(bms []pdfcpu.Bookmark, level int) {
		for _, b := range bms {
			out = append(out, flatMark{b.Title, b.PageFrom, level})
			walk(b.Kids, level+1)
		}
	}
	walk(bms, 0)
	return out
}

func TestJoinPDFsOutline(t *testing.T) {
	want := []flatMark{
		{"Summary", 1, 0},
		{"Ledger", 2, 0},
		{"Ledger for May 2026", 2, 1},
		{"Receipt: B&Q, 12/05/2026, £34.99", 3, 0},
		{"Insurance certificate 2026", 4, 0},
		{"Receipt: taxi, 13/05/2026, £12.00", 7, 0},
	}
	parts := receipts(t)
	base, marks := packBase(t, 2, 7)

	t.Run("base's outline kept", func(t *testing.T) {
		out, _, err := JoinPDFs(base, marks, parts)
		if err != nil {
			t.Fatal(err)
		}
		checkOutline(t, readOutline(t, out), want)
	})
	t.Run("base's outline rebuilt from bookmarks", func(t *testing.T) {
		// A base whose outline is gone: the same document without one.
		plain := stripOutline(t, base)
		if got := readOutline(t, plain); len(got) != 0 {
			t.Fatalf("stripping the outline left %v", got)
		}
		out, _, err := JoinPDFs(plain, marks, parts)
		if err != nil {
			t.Fatal(err)
		}
		checkOutline(t, readOutline(t, out), want)
	})
	t.Run("no bookmarks given", func(t *testing.T) {
		out, _, err := JoinPDFs(base, nil, parts[:1])
		if err != nil {
			t.Fatal(err)
		}
		checkOutline(t, readOutline(t, out), want[:4])
	})
}

func checkOutline(t *testing.T, got, want []flatMark) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("outline:\n got %v\nwant %v", got, want)
	}
}

func stripOutline(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := api.RemoveBookmarks(bytes.NewReader(pdf), &buf, pdfcpuConf()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestJoinPDFsDeterministicAndInfo(t *testing.T) {
	parts := receipts(t)
	base, marks := packBase(t, 2, 7)
	first, _, err := JoinPDFs(base, marks, parts)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, _, err := JoinPDFs(base, marks, parts)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("JoinPDFs gave different bytes for the same inputs (%d and %d bytes)", len(first), len(again))
		}
	}
	if bytes.Contains(first, []byte("pdfcpu")) {
		t.Errorf("the joined PDF names pdfcpu (its Producer or dates were not restored)")
	}
	if !regexp.MustCompile(`/Lang\s*\(en-GB\)`).Match(first) {
		t.Errorf("the catalogue's /Lang (en-GB) is gone")
	}

	info := pdfinfo(t, first)
	for _, want := range []string{
		`Title:\s+Evidence pack`,
		`Subject:\s+Managed by Jane Smith for Tom Smith`,
		`Creator:\s+PA Employer Toolkit`,
		`Producer:\s+PA Employer Toolkit`,
		`Encrypted:\s+no`,
		`Pages:\s+7`,
		`CreationDate:\s+Thu May 14 09:30:00 2026`,
		`ModDate:\s+Thu May 14 09:30:00 2026`,
	} {
		if !regexp.MustCompile(want).MatchString(info) {
			t.Errorf("pdfinfo does not show %s:\n%s", want, info)
		}
	}
}

func pdfinfo(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo is missing: install poppler-utils")
	}
	in := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pdfinfo", in)
	cmd.Env = []string{"TZ=UTC"}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	return string(out)
}

func encrypted(t *testing.T, pdf []byte) []byte {
	t.Helper()
	conf := model.NewAESConfiguration("user-secret", "owner-secret", 256)
	conf.Offline = true
	var buf bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(pdf), &buf, conf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// jpeg is the start of a JPEG file (SOI, JFIF APP0).
var jpeg = append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00}, bytes.Repeat([]byte{0x42}, 200)...)

func TestJoinPDFsBadAppendices(t *testing.T) {
	good := receipts(t)
	whole := good[1].Data
	bad := []struct {
		name   string
		data   []byte
		why    string // part of NotMerged.Why
		attach bool
	}{
		{"truncated.pdf", whole[:len(whole)/2], "damaged", true},
		{"garbage.pdf", []byte("%PDF-1.4 garbage"), "damaged", true},
		{"locked.pdf", encrypted(t, good[0].Data), "password", true},
		{"empty.pdf", nil, "empty", false},
		{"photo.pdf", jpeg, "JPEG picture", true},
	}
	// Each bad file on its own, and all of them among the good ones.
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			n, err := PDFPages(b.data)
			if err == nil || n != 0 || !strings.Contains(err.Error(), b.why) {
				t.Errorf("PDFPages = %d, %v; want an error saying %q", n, err, b.why)
			}
		})
	}

	var parts []Appendix
	parts = append(parts, good[0])
	for _, b := range bad {
		parts = append(parts, Appendix{Title: "Bad " + b.name, Name: b.name, Data: b.data})
	}
	parts = append(parts, good[1], good[2])
	base, marks := packBase(t, 2, 7)
	out, notMerged, err := JoinPDFs(base, marks, parts)
	if err != nil {
		t.Fatal(err)
	}
	if len(notMerged) != len(bad) {
		t.Fatalf("notMerged = %+v, want %d", notMerged, len(bad))
	}
	for i, b := range bad {
		nm := notMerged[i]
		if nm.Name != b.name || nm.Title != "Bad "+b.name || !strings.Contains(nm.Why, b.why) || nm.Attached != b.attach {
			t.Errorf("notMerged[%d] = %+v, want %s, saying %q, attached %v", i, nm, b.name, b.why, b.attach)
		}
		if strings.Contains(nm.Why, "pdfcpu") {
			t.Errorf("notMerged[%d].Why is not plain words: %q", i, nm.Why)
		}
	}
	if got := pages(t, out); got != 7 {
		t.Errorf("joined PDF has %d pages, want the 7 of base and the good receipts", got)
	}
	order(t, reporttest.PDFText(t, out),
		"Base summary page", "Hardware receipt sheet 1", "Page 3 of 7",
		"Insurance receipt sheet 3", "Page 6 of 7", "Taxi receipt sheet 1", "Page 7 of 7")
	checkOutline(t, readOutline(t, out)[3:], []flatMark{
		{"Receipt: B&Q, 12/05/2026, £34.99", 3, 0},
		{"Insurance certificate 2026", 4, 0},
		{"Receipt: taxi, 13/05/2026, £12.00", 7, 0},
	})

	// The attached files are there, byte for byte.
	atts, err := api.ExtractAttachmentsRaw(bytes.NewReader(out), "", nil, pdfcpuConf())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, a := range atts {
		data, err := io.ReadAll(a)
		if err != nil {
			t.Fatal(err)
		}
		got[a.FileName] = data
	}
	for _, b := range bad {
		data, ok := got[b.name]
		if ok != b.attach {
			t.Errorf("%s attached: %v, want %v", b.name, ok, b.attach)
		}
		if ok && !bytes.Equal(data, b.data) {
			t.Errorf("%s is attached as %d bytes that differ from the %d given", b.name, len(data), len(b.data))
		}
	}
	if len(got) != 4 {
		t.Errorf("%d files attached, want 4: %v", len(got), keys(got))
	}

	again, _, err := JoinPDFs(base, marks, parts)
	if err != nil || !bytes.Equal(out, again) {
		t.Errorf("with attachments, JoinPDFs gave different bytes the second time (err %v)", err)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestJoinPDFsSameNameAttachedTwice(t *testing.T) {
	base, marks := packBase(t, 2, 2)
	parts := []Appendix{
		{Title: "One", Name: "scan.pdf", Data: []byte("not a pdf")},
		{Title: "Two", Name: "phone/scan.pdf", Data: []byte("not a pdf either")},
		{Title: "Three", Data: []byte("no name")},
	}
	_, notMerged, err := JoinPDFs(base, marks, parts)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, nm := range notMerged {
		if !nm.Attached {
			t.Errorf("%+v not attached", nm)
		}
		names = append(names, nm.Name)
	}
	if got, want := strings.Join(names, ", "), "scan.pdf, scan (2).pdf, attachment-3.pdf"; got != want {
		t.Errorf("attached as %s, want %s", got, want)
	}
}

func TestJoinPDFsBadBase(t *testing.T) {
	for _, base := range [][]byte{nil, []byte("%PDF-1.4 garbage"), jpeg} {
		if out, _, err := JoinPDFs(base, nil, receipts(t)); err == nil || out != nil {
			t.Errorf("JoinPDFs of a bad base = %d bytes, %v; want an error", len(out), err)
		}
	}
}

func FuzzPDFPages(f *testing.F) {
	r := receipt(f, "Fuzz", 2, "P", "A4")
	f.Add(r)
	f.Add(r[:len(r)-40])
	f.Add([]byte("%PDF-1.4 garbage"))
	f.Add(jpeg)
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := PDFPages(data)
		if (err == nil) != (n > 0) {
			t.Errorf("PDFPages = %d, %v", n, err)
		}
	})
}

func FuzzJoinPDFs(f *testing.F) {
	base, marks := packBase(f, 2, 0)
	r := receipt(f, "Fuzz", 2, "P", "A4")
	f.Add(r)
	f.Add(r[:len(r)/2])
	f.Add(bytes.Replace(r, []byte("/Count"), []byte("/Cnt"), 1))
	f.Add(bytes.Replace(r, []byte("/Type /Page"), []byte("/Type /Pagx"), 1))
	f.Add([]byte("%PDF-1.4 garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, notMerged, err := JoinPDFs(base, marks, []Appendix{{Title: "Fuzzed", Name: "fuzz.pdf", Data: data}})
		if err != nil {
			t.Fatalf("JoinPDFs: %v", err)
		}
		n, perr := PDFPages(out)
		if perr != nil {
			t.Fatalf("the joined PDF cannot be read: %v", detail(perr))
		}
		if len(notMerged) == 0 {
			if want, _ := PDFPages(data); n != 2+want {
				t.Errorf("joined PDF has %d pages, want 2 + %d", n, want)
			}
		} else if n != 2 {
			t.Errorf("joined PDF has %d pages with the appendix not merged, want 2", n)
		}
	})
}

func BenchmarkJoinPDFs(b *testing.B) {
	base, marks := packBase(b, 60, 100)
	one := receipt(b, "Bench", 1, "P", "A4")
	parts := make([]Appendix, 40)
	for i := range parts {
		parts[i] = Appendix{Title: fmt.Sprintf("Receipt %d", i+1), Name: fmt.Sprintf("r%d.pdf", i+1), Data: one}
	}
	b.ReportAllocs()
	for b.Loop() {
		out, notMerged, err := JoinPDFs(base, marks, parts)
		if err != nil || len(notMerged) > 0 || len(out) == 0 {
			b.Fatal(err, notMerged)
		}
	}
}

func TestJoinPDFsOtherReceipts(t *testing.T) {
	one := receipt(t, "Hardware", 1, "P", "A4")
	conf := model.NewAESConfiguration("", "owner-secret", 256)
	conf.Offline = true
	var ownerOnly bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(one), &ownerOnly, conf); err != nil {
		t.Fatal(err)
	}
	var rotated bytes.Buffer
	if err := api.Rotate(bytes.NewReader(receipt(t, "Sideways", 1, "P", "A4")), &rotated, 90, nil, pdfcpuConf()); err != nil {
		t.Fatal(err)
	}
	pdf20 := bytes.Replace(receipt(t, "Newer", 1, "P", "A4"), []byte("%PDF-1.3"), []byte("%PDF-2.0"), 1)

	base, marks := packBase(t, 2, 4)
	out, notMerged, err := JoinPDFs(base, marks, []Appendix{
		{Title: "Locked for editing only", Name: "owner.pdf", Data: ownerOnly.Bytes()},
		{Title: "Sideways", Name: "rotated.pdf", Data: rotated.Bytes()},
		{Title: "Newer", Name: "pdf20.pdf", Data: pdf20},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(notMerged) != 1 || notMerged[0].Name != "pdf20.pdf" || !strings.Contains(notMerged[0].Why, "PDF 2.0") || !notMerged[0].Attached {
		t.Errorf("notMerged = %+v, want only pdf20.pdf, attached", notMerged)
	}
	if got := pages(t, out); got != 4 {
		t.Errorf("%d pages, want 4", got)
	}
	order(t, reporttest.PDFText(t, out), "Base ledger page 2", "Hardware receipt sheet 1", "Page 3 of 4", "Sideways receipt sheet 1", "Page 4 of 4")
}
