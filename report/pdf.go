// Package report writes the documents the toolkit hands to people: PDFs
// (rotas, timesheets, payslips, returns) and iCalendar files. Every PDF
// embeds a Unicode font, so £, ë and Ł print correctly, and is
// deterministic: the same data and date give the same bytes.
package report

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

const (
	font       = "Go"
	pageMargin = 15.0 // mm
	lineH      = 5.5  // mm, body text
)

// Doc is a PDF with the toolkit's header and footer on every page: the
// title, whose budget it is, and "Page N of M".
type Doc struct {
	pdf   *fpdf.Fpdf
	title string
	who   string
	made  time.Time
}

// NewDoc starts a document. who names whose budget it belongs to
// ("Managed by Jane Smith for Tom Smith"); made is the date printed in the
// footer and stored as the PDF's creation date.
func NewDoc(title, who string, made time.Time, landscape bool) *Doc {
	orientation := "P"
	if landscape {
		orientation = "L"
	}
	pdf := fpdf.New(orientation, "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(made)
	pdf.SetModificationDate(made)
	pdf.SetLang("en-GB")
	pdf.SetTitle(title, true)
	pdf.SetSubject(who, true)
	pdf.SetCreator("PA Employer Toolkit", true)
	pdf.SetProducer("PA Employer Toolkit", true)
	pdf.AddUTF8FontFromBytes(font, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(font, "B", gobold.TTF)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin+8)
	pdf.AliasNbPages("{nb}")
	d := &Doc{pdf: pdf, title: title, who: who, made: made}
	pdf.SetHeaderFunc(d.header)
	pdf.SetFooterFunc(d.footer)
	pdf.AddPage()
	return d
}

func (d *Doc) header() {
	p := d.pdf
	p.SetFont(font, "B", 15)
	p.SetTextColor(0, 0, 0)
	p.CellFormat(0, 8, d.title, "", 1, "L", false, 0, "")
	p.SetFont(font, "", 10)
	p.CellFormat(0, 5, d.who, "", 1, "L", false, 0, "")
	y := p.GetY() + 1.5
	w, _ := p.GetPageSize()
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.3)
	p.Line(pageMargin, y, w-pageMargin, y)
	p.SetY(y + 3)
}

func (d *Doc) footer() {
	p := d.pdf
	p.SetY(-pageMargin - 2)
	p.SetFont(font, "", 8)
	p.SetTextColor(60, 60, 60)
	left := "Made with PA Employer Toolkit on " + d.made.Format("02/01/2006")
	p.CellFormat(0, 4, left, "", 0, "L", false, 0, "")
	p.CellFormat(0, 4, fmt.Sprintf("Page %d of {nb}", p.PageNo()), "", 0, "R", false, 0, "")
	p.SetTextColor(0, 0, 0)
}

// Width is the usable width of the page in mm.
func (d *Doc) Width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - 2*pageMargin
}

// Heading writes a section heading.
func (d *Doc) Heading(s string) {
	p := d.pdf
	p.Ln(2)
	p.SetFont(font, "B", 12)
	p.MultiCell(0, 7, s, "", "L", false)
	p.SetFont(font, "", 10)
}

// Para writes a paragraph of body text.
func (d *Doc) Para(s string) {
	d.pdf.SetFont(font, "", 10)
	d.pdf.MultiCell(0, lineH, s, "", "L", false)
	d.pdf.Ln(1)
}

// Small writes a line of small print.
func (d *Doc) Small(s string) {
	d.pdf.SetFont(font, "", 8)
	d.pdf.MultiCell(0, 4, s, "", "L", false)
	d.pdf.SetFont(font, "", 10)
}

// Pairs writes label: value lines, labels in bold.
func (d *Doc) Pairs(pairs [][2]string) {
	p := d.pdf
	labelW := 0.0
	p.SetFont(font, "B", 10)
	for _, kv := range pairs {
		labelW = max(labelW, p.GetStringWidth(kv[0])+4)
	}
	labelW = min(labelW, d.Width()/2)
	for _, kv := range pairs {
		p.SetFont(font, "B", 10)
		p.CellFormat(labelW, lineH, kv[0], "", 0, "L", false, 0, "")
		p.SetFont(font, "", 10)
		p.MultiCell(0, lineH, kv[1], "", "L", false)
	}
	p.Ln(1)
}

// Column is a table column: its heading, width in mm (0 shares what is
// left) and alignment ("L", "R", "C").
type Column struct {
	Heading string
	Width   float64
	Align   string
}

// Table writes a table with a bold heading row repeated on each new page.
// Cells wrap; rows never split across pages.
func (d *Doc) Table(cols []Column, rows [][]string) {
	p := d.pdf
	widths := d.widths(cols)
	drawHead := func() {
		p.SetFont(font, "B", 9)
		p.SetFillColor(225, 225, 225)
		d.row(cols, widths, headings(cols), true)
		p.SetFont(font, "", 9)
	}
	drawHead()
	_, pageH := p.GetPageSize()
	_, _, _, bottom := p.GetMargins()
	for _, r := range rows {
		h := d.rowHeight(widths, r)
		if p.GetY()+h > pageH-bottom-8 {
			p.AddPage()
			drawHead()
		}
		d.row(cols, widths, r, false)
	}
	p.Ln(2)
}

func headings(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Heading
	}
	return out
}

func (d *Doc) widths(cols []Column) []float64 {
	total, flex := 0.0, 0
	for _, c := range cols {
		total += c.Width
		if c.Width == 0 {
			flex++
		}
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = c.Width
		if c.Width == 0 {
			out[i] = (d.Width() - total) / float64(flex)
		}
	}
	return out
}

const cellLine = 4.6

func (d *Doc) rowHeight(widths []float64, cells []string) float64 {
	lines := 1
	for i, c := range cells {
		if i < len(widths) {
			lines = max(lines, len(d.pdf.SplitText(c, widths[i]-2)))
		}
	}
	return float64(lines)*cellLine + 1.5
}

func (d *Doc) row(cols []Column, widths []float64, cells []string, fill bool) {
	p := d.pdf
	h := d.rowHeight(widths, cells)
	x, y := p.GetX(), p.GetY()
	for i := range cols {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		style := "D"
		if fill {
			style = "FD"
		}
		p.SetDrawColor(120, 120, 120)
		p.SetLineWidth(0.2)
		p.Rect(x, y, widths[i], h, style)
		p.SetXY(x+1, y+0.75)
		align := cols[i].Align
		if align == "" {
			align = "L"
		}
		p.MultiCell(widths[i]-2, cellLine, text, "", align, false)
		x += widths[i]
	}
	p.SetXY(pageMargin, y+h)
}

// SignatureLines writes labelled lines to sign and date by hand.
func (d *Doc) SignatureLines(labels ...string) {
	p := d.pdf
	p.Ln(4)
	for _, l := range labels {
		if p.GetY() > 250 {
			p.AddPage()
		}
		p.SetFont(font, "", 10)
		p.CellFormat(0, lineH, l, "", 1, "L", false, 0, "")
		p.Ln(7)
		y := p.GetY()
		p.SetDrawColor(0, 0, 0)
		p.Line(pageMargin, y, pageMargin+95, y)
		p.Line(pageMargin+105, y, pageMargin+150, y)
		p.SetFont(font, "", 8)
		p.CellFormat(105, 4, "Signature", "", 0, "L", false, 0, "")
		p.CellFormat(45, 4, "Date", "", 1, "L", false, 0, "")
		p.Ln(4)
	}
	p.SetFont(font, "", 10)
}

// NewPage starts a new page.
func (d *Doc) NewPage() { d.pdf.AddPage() }

// WriteTo writes the finished PDF.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return 0, fmt.Errorf("making the PDF: %w", err)
	}
	return buf.WriteTo(w)
}
