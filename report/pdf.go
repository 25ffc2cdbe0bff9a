// Package report writes the documents the toolkit hands to people: PDFs
// (rotas, timesheets, payslips, returns) and iCalendar files. Every PDF
// embeds a Unicode font, so £, ë and Ł print correctly, and is
// deterministic: the same data and date give the same bytes.
package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
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
	tight int // 0 normal, up to Tightest: see SetTight
	// total, when set, is the page count the footer gives ("Page 3 of
	// total"): a pack whose last pages are joined on after (JoinPDFs).
	total int
	marks []Bookmark
}

// SetAuthor sets the PDF's author: the person who manages the money.
func (d *Doc) SetAuthor(name string) { d.pdf.SetAuthor(name, true) }

// SetHeading sets the title and the line under it for the pages started
// from here on: a pack's parts each carry their own.
func (d *Doc) SetHeading(title, who string) { d.title, d.who = title, who }

// NewPageLandscape starts a landscape page (a wide table in a portrait
// pack).
func (d *Doc) NewPageLandscape() { d.pdf.AddPageFormat("L", d.pdf.GetPageSizeStr("A4")) }

// spacing is how close together a Doc sets its text, by tightness.
type spacing struct {
	cell, pad, tableFont     float64 // table line height, padding, type size
	line, paraFont           float64 // body and blocks line height, body type size
	headGap, headH, headFont float64
}

var spacings = [...]spacing{
	{cell: 4.6, pad: 1.5, tableFont: 9, line: lineH, paraFont: 10, headGap: 2, headH: 7, headFont: 12},
	{cell: 4.0, pad: 1.0, tableFont: 8.5, line: 4.7, paraFont: 10, headGap: 1.5, headH: 6, headFont: 11},
	{cell: 3.5, pad: 0.7, tableFont: 8, line: 4.0, paraFont: 9.5, headGap: 1, headH: 5.5, headFont: 10.5},
	{cell: 3.2, pad: 0.5, tableFont: 7.5, line: 3.7, paraFont: 9, headGap: 0.8, headH: 5, headFont: 10},
	{cell: 3.0, pad: 0.4, tableFont: 7.5, line: 3.5, paraFont: 8.5, headGap: 0.6, headH: 4.8, headFont: 10},
}

// Tightest is the closest spacing SetTight gives.
const Tightest = len(spacings) - 1

// SetTight sets how close together headings, tables and blocks are from
// here on: 0 is normal, Tightest the closest, for a page that must fit.
func (d *Doc) SetTight(level int) { d.tight = min(max(level, 0), Tightest) }

func (d *Doc) sp() spacing { return spacings[d.tight] }

// PageNo is the number of the page being written.
func (d *Doc) PageNo() int { return d.pdf.PageNo() }

// ensure starts a new page unless h mm are left on this one.
func (d *Doc) ensure(h float64) {
	_, pageH := d.pdf.GetPageSize()
	_, _, _, bottom := d.pdf.GetMargins()
	if d.pdf.GetY()+h > pageH-bottom {
		d.pdf.AddPage()
	}
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
	of := "{nb}"
	if d.total > 0 {
		of = fmt.Sprint(d.total)
	}
	p.CellFormat(0, 4, fmt.Sprintf("Page %d of %s", p.PageNo(), of), "", 0, "R", false, 0, "")
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
	sp := d.sp()
	p.Ln(sp.headGap)
	p.SetFont(font, "B", sp.headFont)
	p.MultiCell(0, sp.headH, s, "", "L", false)
	p.SetFont(font, "", 10)
}

// Para writes a paragraph of body text.
func (d *Doc) Para(s string) {
	sp := d.sp()
	d.pdf.SetFont(font, "", sp.paraFont)
	d.pdf.MultiCell(0, sp.line, s, "", "L", false)
	d.pdf.Ln(sp.line / lineH)
	d.pdf.SetFont(font, "", 10)
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
func (d *Doc) Table(cols []Column, rows [][]string) { d.TableTotal(cols, rows, nil) }

// TableTotal is Table ending in a bold, shaded total row (none when total
// is nil).
func (d *Doc) TableTotal(cols []Column, rows [][]string, total []string) {
	p := d.pdf
	widths := d.widths(cols)
	size := d.sp().tableFont
	drawHead := func() {
		p.SetFont(font, "B", size)
		p.SetFillColor(225, 225, 225)
		d.row(cols, widths, headings(cols), true)
		p.SetFont(font, "", size)
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
	if total != nil {
		p.SetFont(font, "B", size)
		if p.GetY()+d.rowHeight(widths, total) > pageH-bottom-8 {
			p.AddPage()
			drawHead()
			p.SetFont(font, "B", size)
		}
		p.SetFillColor(240, 240, 240)
		d.row(cols, widths, total, true)
		p.SetFont(font, "", size)
	}
	p.Ln(d.sp().cell / 2.3)
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

func (d *Doc) rowHeight(widths []float64, cells []string) float64 {
	lines := 1
	for i, c := range cells {
		if i < len(widths) {
			lines = max(lines, len(d.pdf.SplitText(c, widths[i]-2)))
		}
	}
	return float64(lines)*d.sp().cell + d.sp().pad
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
		p.SetXY(x+1, y+d.sp().pad/2)
		align := cols[i].Align
		if align == "" {
			align = "L"
		}
		p.MultiCell(widths[i]-2, d.sp().cell, text, "", align, false)
		x += widths[i]
	}
	p.SetXY(pageMargin, y+h)
}

// Block is a titled list of label and value lines, for Blocks; Note is
// small print under them. RightValues sets the values flush right, for
// columns of money.
type Block struct {
	Title       string
	Pairs       [][2]string
	Note        string
	RightValues bool
}

// Blocks writes blocks side by side, each an equal share of the width, and
// carries on under the longest. Labels and values both wrap.
func (d *Doc) Blocks(blocks ...Block) {
	if len(blocks) == 0 {
		return
	}
	p := d.pdf
	sp := d.sp()
	const gap = 8.0
	colW := (d.Width() - gap*float64(len(blocks)-1)) / float64(len(blocks))
	d.ensure(d.blockHeight(blocks[0], colW))
	top, bottom := p.GetY(), p.GetY()
	for i, b := range blocks {
		x := pageMargin + float64(i)*(colW+gap)
		y := top
		if b.Title != "" {
			p.SetFont(font, "B", sp.headFont-1)
			p.SetXY(x, y)
			p.MultiCell(colW, sp.headH-0.5, b.Title, "", "L", false)
			y = p.GetY()
		}
		labelW := d.labelWidth(b, colW)
		for _, kv := range b.Pairs {
			p.SetFont(font, "B", sp.paraFont-0.5)
			p.SetXY(x, y)
			p.MultiCell(labelW, sp.line, kv[0], "", "L", false)
			below := p.GetY()
			p.SetFont(font, "", sp.paraFont-0.5)
			p.SetXY(x+labelW, y)
			align := "L"
			if b.RightValues {
				align = "R"
			}
			p.MultiCell(colW-labelW, sp.line, kv[1], "", align, false)
			y = max(below, p.GetY())
		}
		if b.Note != "" {
			p.SetFont(font, "", 8)
			p.SetXY(x, y+0.5)
			p.MultiCell(colW, 3.8, b.Note, "", "L", false)
			y = p.GetY()
		}
		bottom = max(bottom, y)
	}
	p.SetFont(font, "", 10)
	p.SetXY(pageMargin, bottom+sp.line/3)
}

func (d *Doc) labelWidth(b Block, colW float64) float64 {
	p := d.pdf
	p.SetFont(font, "B", d.sp().paraFont-0.5)
	w := 0.0
	for _, kv := range b.Pairs {
		w = max(w, p.GetStringWidth(kv[0])+3)
	}
	limit := 0.42
	if b.RightValues {
		limit = 0.68
	}
	return min(w, colW*limit)
}

func (d *Doc) blockHeight(b Block, colW float64) float64 {
	sp := d.sp()
	h := sp.headH
	h += float64(len(b.Pairs)) * sp.line
	return h
}

// Boxed writes one line in large bold type in a ruled, shaded box (label on
// the left, value on the right), with a line of ordinary text under it
// when under is not "": the figure a reader looks for first.
func (d *Doc) Boxed(label, value, under string) {
	p := d.pdf
	big, h, underY, underH := 15.0, 10.0, 9.0, 5.0
	if d.tight >= 2 {
		big, h, underY, underH = 13, 8.5, 7.4, 4.2
	}
	if under != "" {
		h += underH
	}
	d.ensure(h + 3)
	x, y := pageMargin, p.GetY()+1
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.7)
	p.SetFillColor(242, 242, 242)
	p.Rect(x, y, d.Width(), h, "FD")
	p.SetLineWidth(0.2)
	p.SetFont(font, "B", big)
	p.SetXY(x+3, y+1.2)
	p.CellFormat(d.Width()/2, 7, label, "", 0, "L", false, 0, "")
	p.CellFormat(d.Width()/2-6, 7, value, "", 0, "R", false, 0, "")
	if under != "" {
		p.SetFont(font, "", 10)
		p.SetXY(x+3, y+underY)
		p.CellFormat(d.Width()-6, underH, under, "", 0, "L", false, 0, "")
	}
	p.SetFont(font, "", 10)
	p.SetXY(pageMargin, y+h+2)
}

// signWords name the two lines of a signature: under each on paper, the
// label of each field on a web page.
var signWords = [2]string{"Signature", "Date"}

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
		p.CellFormat(105, 4, signWords[0], "", 0, "L", false, 0, "")
		p.CellFormat(45, 4, signWords[1], "", 1, "L", false, 0, "")
		p.Ln(4)
	}
	p.SetFont(font, "", 10)
}

// SetPageTotal makes every footer say "Page N of total", for a document
// that JoinPDFs will carry on with attached pages: call it before the first
// page is finished. 0 (the default) counts the document's own pages.
func (d *Doc) SetPageTotal(total int) { d.total = max(total, 0) }

// Bookmark adds an outline entry (a PDF bookmark) for the page being
// written, at the current position; level 0 is the top level.
func (d *Doc) Bookmark(title string, level int) {
	level = max(level, 0)
	d.pdf.Bookmark(title, level, -1)
	d.marks = append(d.marks, Bookmark{Title: title, Page: d.pdf.PageNo(), Level: level})
}

// Bookmarks returns the outline entries added so far, for JoinPDFs.
func (d *Doc) Bookmarks() []Bookmark { return slices.Clone(d.marks) }

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
