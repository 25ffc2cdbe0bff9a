package report

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"
)

// EvidencePack is what the council's evidence pack holds: the return,
// then the documents behind it, in the order of the return's Evidence.
type EvidencePack struct {
	Return     ReturnDoc
	Payslips   []PayslipDoc    // one per EvidencePayslip item, in order
	Timesheets []TimesheetDoc  // one per EvidenceTimesheet item
	HMRC       []HMRCRecordDoc // one per EvidenceHMRC item
	// Receipts hold each receipt's file, by its ID (EvidenceItem.Receipt).
	Receipts map[int64]PackFile
}

// PackFile is a file the person attached: a photo (PNG, JPEG) or a PDF.
type PackFile struct {
	Name, MediaType string
	Data            []byte
}

// PackResult says what went into a pack: its pages, and the receipts
// that could not be put on its pages, each in a sentence.
type PackResult struct {
	Pages     int
	NotMerged []string
}

// EvidencePDF writes the evidence pack: an index with page numbers, the
// return (its ledger naming the page of each line's evidence), the
// payslips, timesheets and HMC record, the receipts (photos placed on a
// page each; PDFs joined on at the end, page for page), and the
// insurance. Every page says "Page x of y"; the outline has an entry per
// section and document. A receipt that cannot be read is listed, and
// attached inside the PDF when it can be, never a crash.
func EvidencePDF(w io.Writer, p EvidencePack) (PackResult, error) {
	r := p.Return
	// Which receipts are photos that can be placed, which PDFs can be
	// joined on (and their pages), and which neither.
	placeable := map[int64]bool{}
	pdfPages := map[int64]int{}
	why := map[int64]string{}
	for _, e := range r.Evidence {
		if e.Kind != EvidenceReceipt {
			continue
		}
		f, ok := p.Receipts[e.Receipt]
		switch {
		case !ok:
			why[e.Receipt] = "the file is no longer in the data file"
		case f.MediaType == "application/pdf":
			n, err := PDFPages(f.Data)
			if err != nil {
				why[e.Receipt] = err.Error()
			} else {
				pdfPages[e.Receipt] = n
			}
		case imageOK(f):
			placeable[e.Receipt] = true
		default:
			why[e.Receipt] = "the picture can't be read (it may be damaged)"
		}
	}
	for attempt := 0; attempt < 3; attempt++ {
		out, res, failed, err := buildPack(p, placeable, pdfPages, why)
		if err != nil {
			return res, err
		}
		if len(failed) == 0 {
			_, err := w.Write(out)
			return res, err
		}
		// A PDF that read but could not be joined: list it, and build
		// again so the page numbers stay right.
		for id, reason := range failed {
			delete(pdfPages, id)
			why[id] = reason
		}
	}
	return PackResult{}, fmt.Errorf("the receipts could not be joined on")
}

// imageOK reports whether a photo can be placed on a page: fpdf reads it
// in a document of its own first, so a damaged one never spoils the pack.
func imageOK(f PackFile) bool {
	typ := map[string]string{"image/png": "PNG", "image/jpeg": "JPG"}[f.MediaType]
	if typ == "" {
		return false
	}
	trial := fpdf.New("P", "mm", "A4", "")
	trial.RegisterImageOptionsReader("x", fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(f.Data))
	return !trial.Err()
}

// buildPack draws the pack until its page numbers settle (the index and
// the ledger print them, and printing them can move a page), then joins
// the PDF receipts on. failed names the PDFs that read but would not
// join.
func buildPack(p EvidencePack, placeable map[int64]bool, pdfPages map[int64]int, why map[int64]string) (out []byte, res PackResult, failed map[int64]string, err error) {
	r := p.Return
	r.Evidence = append([]EvidenceItem(nil), r.Evidence...)
	// Start with every page number at 999, the widest, then draw again
	// with the pages found until they no longer move.
	for i := range r.Evidence {
		r.Evidence[i].Page = 999
		r.Evidence[i].Missing = ""
		if e := r.Evidence[i]; e.Kind == EvidenceReceipt && !placeable[e.Receipt] && pdfPages[e.Receipt] == 0 {
			r.Evidence[i].Missing = why[e.Receipt]
			r.Evidence[i].Page = 0
		}
	}
	var d *Doc
	var starts []int
	total := 0
	for pass := 0; pass < 6; pass++ {
		var was int
		was, total = total, 0
		d, starts, total = drawPack(p, r, placeable, pdfPages, was)
		changed := total != was
		for i := range r.Evidence {
			if r.Evidence[i].Missing != "" {
				continue
			}
			if r.Evidence[i].Page != starts[i] {
				r.Evidence[i].Page = starts[i]
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	var base bytes.Buffer
	if _, err := d.WriteTo(&base); err != nil {
		return nil, res, nil, err
	}
	var parts []Appendix
	var ids []int64
	for i, e := range r.Evidence {
		if e.Kind == EvidenceReceipt && pdfPages[e.Receipt] > 0 {
			f := p.Receipts[e.Receipt]
			parts = append(parts, Appendix{Title: fmt.Sprintf("%s %s", r.Evidence[i].Ref, e.Title), Name: f.Name, Data: f.Data})
			ids = append(ids, e.Receipt)
		}
	}
	res.Pages = total
	for _, e := range r.Evidence {
		if e.Missing != "" {
			res.NotMerged = append(res.NotMerged, fmt.Sprintf("%s (%s) is not on the pack's pages: %s.", e.Ref, e.Title, e.Missing))
		}
	}
	if len(parts) == 0 {
		return base.Bytes(), res, nil, nil
	}
	joined, notMerged, err := JoinPDFs(base.Bytes(), d.Bookmarks(), parts)
	if err != nil {
		return nil, res, nil, err
	}
	if len(notMerged) > 0 {
		failed = map[int64]string{}
		for _, n := range notMerged {
			for k, a := range parts {
				if a.Title == n.Title {
					failed[ids[k]] = n.Why
				}
			}
		}
		return nil, res, failed, nil
	}
	return joined, res, nil, nil
}

// drawPack draws the pack's own pages once, with the page numbers r's
// evidence holds and total in every footer, and returns where each evidence item starts and the
// pack's whole page count (its own pages and the PDFs joined on).
func drawPack(p EvidencePack, r ReturnDoc, placeable map[int64]bool, pdfPages map[int64]int, total int) (*Doc, []int, int) {
	d := NewDoc("Evidence pack", r.Who, r.made(), false)
	// The footers say "of total", the count the last drawing found: a
	// footer is drawn as its page ends, before the pack's end is known.
	d.SetPageTotal(total)
	d.SetAuthor(r.ManagedBy)
	d.pdf.SetTitle("Evidence pack: direct payment return, "+r.From.UK()+" to "+r.To.UK(), true)
	starts := make([]int, len(r.Evidence))
	joined := 0
	for _, n := range pdfPages {
		joined += n
	}

	// The index: a first count of the pack's pages is needed for "of y",
	// so the pack is drawn twice by the caller when the numbers move.
	d.Bookmark("Index", 0)
	d.Heading("Evidence pack for the council")
	d.Pairs([][2]string{{"Person supported", r.Person}, {"Who manages the money", r.Who}, {"Council", r.Council}, {"Period", r.PeriodText()}})
	d.Para("This pack holds the return and the documents behind it. Each line of the return's ledger names its evidence by number (E1, E2 ...) and page.")
	var rows [][]string
	for _, e := range r.Evidence {
		page := fmt.Sprint(e.Page)
		if e.Missing != "" {
			page = "not on a page: " + e.Missing
		}
		rows = append(rows, []string{e.Ref, string(e.Kind), e.Title, page})
	}
	if len(rows) == 0 {
		d.Para("The toolkit holds no payslips, timesheets, HMRC record, receipts or insurance for this period: the pack is the return alone.")
	} else {
		d.Table([]Column{{Heading: "Ref", Width: 14}, {Heading: "What", Width: 30}, {Heading: "Document"}, {Heading: "Page", Width: 40}}, rows)
	}

	d.SetHeading(r.Title(), r.Who)
	d.NewPage()
	returnPages(d, r)

	byKind := func(k EvidenceKind) []int {
		var out []int
		for i, e := range r.Evidence {
			if e.Kind == k {
				out = append(out, i)
			}
		}
		return out
	}
	// each draws the documents of one kind, one per evidence item, each
	// from a new page (newPage starts it), under one part of the outline.
	each := func(kind EvidenceKind, part string, n int, newPage, body func(j int)) {
		for j, i := range byKind(kind) {
			if j >= n {
				return
			}
			newPage(j)
			starts[i] = d.PageNo()
			if j == 0 {
				d.Bookmark(part, 0)
			}
			d.Bookmark(r.Evidence[i].Ref+" "+r.Evidence[i].Title, 1)
			body(j)
		}
	}
	portrait := func(title string) func(int) {
		return func(int) {
			d.SetHeading(title, r.Who)
			d.NewPage()
		}
	}
	each(EvidencePayslip, "Payslips", len(p.Payslips), portrait("Payslip"), func(j int) {
		d.SetTight(payslipTightness("Payslip", r.Who, r.made(), p.Payslips[j]))
		payslipPage(d, p.Payslips[j])
		d.SetTight(0)
	})
	each(EvidenceTimesheet, "Timesheets", len(p.Timesheets), portrait("Timesheet"), func(j int) { timesheetPage(d, p.Timesheets[j]) })
	each(EvidenceHMRC, "HMRC record", len(p.HMRC), func(j int) {
		d.SetHeading("What is owed to HMRC: tax year "+p.HMRC[j].TaxYear, r.Who)
		d.NewPageLandscape()
	}, func(j int) { hmrcPages(d, p.HMRC[j]) })
	receipts := byKind(EvidenceReceipt)
	first := true
	d.SetHeading("Receipt", r.Who)
	for _, i := range receipts {
		e := r.Evidence[i]
		if !placeable[e.Receipt] {
			continue
		}
		d.NewPage()
		starts[i] = d.PageNo()
		if first {
			d.Bookmark("Receipts", 0)
			first = false
		}
		d.Bookmark(e.Ref+" "+e.Title, 1)
		d.Heading(e.Ref + ": " + e.Title)
		d.placeImage(p.Receipts[e.Receipt])
	}
	if items := byKind(EvidenceInsurance); len(items) > 0 {
		d.SetHeading("Employer's liability insurance", r.Who)
		d.NewPage()
		starts[items[0]] = d.PageNo()
		d.Bookmark("Insurance", 0)
		d.Heading(r.Evidence[items[0]].Ref + ": employer's liability insurance")
		for _, ins := range r.Insurance {
			d.Pairs([][2]string{{"Insurer", ins.Insurer}, {"Policy number", ins.Policy}, {"Cover", ins.Cover.Format()},
				{"Runs", ins.Start.UK() + " to " + ins.Renewal.UK()}, {"Premium", ins.Premium.Format()}, {"Premium paid", ins.PremiumPaid}})
		}
		d.Para("These are the policy's details as recorded in the toolkit. A copy of the certificate itself is not held: attach it to the premium's line in Money to include it here.")
	}
	// The PDF receipts come last, joined on page for page.
	var listed [][]string
	for _, i := range receipts {
		e := r.Evidence[i]
		if n := pdfPages[e.Receipt]; n > 0 {
			pages := fmt.Sprint(e.Page)
			if n > 1 {
				pages = fmt.Sprintf("%d to %d", e.Page, e.Page+n-1)
			}
			listed = append(listed, []string{e.Ref, e.Title, pages})
		}
	}
	var missing [][]string
	for _, e := range r.Evidence {
		if e.Missing != "" {
			missing = append(missing, []string{e.Ref, e.Title, e.Missing})
		}
	}
	if len(listed) > 0 || len(missing) > 0 {
		d.SetHeading("Receipts kept as PDFs", r.Who)
		d.NewPage()
		d.Bookmark("Receipts kept as PDFs", 0)
		if len(listed) > 0 {
			d.Heading("Receipts that follow, as they were kept")
			d.Table([]Column{{Heading: "Ref", Width: 14}, {Heading: "Receipt"}, {Heading: "Pages", Width: 30}}, listed)
		}
		if len(missing) > 0 {
			d.Heading("Receipts that could not be put on a page")
			d.Para("These files are held by the toolkit but could not be shown here. Where the PDF reader lists attachments, the file is attached to this pack as it was kept.")
			d.Table([]Column{{Heading: "Ref", Width: 14}, {Heading: "Receipt"}, {Heading: "Why", Width: 60}}, missing)
		}
		starts = fixStarts(starts, r, pdfPages, d.PageNo()+1)
	}
	return d, starts, d.PageNo() + joined
}

// fixStarts sets the first page of each joined PDF receipt, now that the
// list page before them is drawn and the pack's own pages are known.
func fixStarts(starts []int, r ReturnDoc, pdfPages map[int64]int, page int) []int {
	for i, e := range r.Evidence {
		if n := pdfPages[e.Receipt]; e.Kind == EvidenceReceipt && n > 0 {
			starts[i] = page
			page += n
		}
	}
	return starts
}

// placeImage puts a photo on the rest of the page, as large as fits,
// keeping its shape.
func (d *Doc) placeImage(f PackFile) {
	typ := map[string]string{"image/png": "PNG", "image/jpeg": "JPG"}[f.MediaType]
	name := fmt.Sprintf("receipt-%x", sha256.Sum256(f.Data))
	info := d.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(f.Data))
	if info == nil {
		d.Para("The picture can't be shown.")
		return
	}
	w, h := info.Extent()
	pageW, pageH := d.pdf.GetPageSize()
	maxW := pageW - 2*pageMargin
	maxH := pageH - d.pdf.GetY() - pageMargin - 12
	scale := min(maxW/w, maxH/h)
	d.pdf.ImageOptions(name, pageMargin, d.pdf.GetY()+2, w*scale, h*scale, false, fpdf.ImageOptions{ImageType: typ}, 0, "")
	d.Small(f.Name)
}
