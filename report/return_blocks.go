package report

// The return is said once, as a list of blocks in reading order
// (returnBlocks in return.go): returnPages draws them in the PDF and
// ReturnHTML writes them as a web page, so the two hold the same words in
// the same order.

type blockKind int

const (
	blockMark    blockKind = iota // an outline entry of the PDF; no text of its own
	blockSection                  // a section's heading (h2 in HTML)
	blockSub                      // a heading inside a section (h3)
	blockPara
	blockSmall   // small print
	blockList    // a bulleted list
	blockPairs   // label and value lines
	blockAmounts // label and amount lines: the values are money
	blockTable
	blockSign // lines to sign and date by hand
)

// returnBlock is one piece of the return.
type returnBlock struct {
	kind  blockKind
	text  string // a heading, paragraph or small print; an outline entry's title
	level int    // an outline entry's level
	id    string // a heading's anchor in the HTML page
	items []string
	pairs [][2]string
	table *returnTable
}

// returnTable is a table of the return. Its caption (for the HTML page)
// is the heading it comes under.
type returnTable struct {
	caption string
	cols    []Column
	rows    [][]string
	total   []string // nil: no total row
	// rowHead says the first cell of each row names it.
	rowHead bool
	// flagged are the cells that need the reader's attention (a late
	// payment, an old DBS check), as row and column. Their words say so;
	// the HTML page also shows them in bold.
	flagged map[[2]int]bool
	// spoken names a column whose heading is blank on paper, for a screen
	// reader (the HTML page hides it from sight).
	spoken map[int]string
}

// flag marks a cell as needing attention.
func (t *returnTable) flag(row, col int) {
	if t.flagged == nil {
		t.flagged = map[[2]int]bool{}
	}
	t.flagged[[2]int{row, col}] = true
}

// returnOut collects the blocks. Its methods are named after Doc's, so
// that the return reads as it is drawn.
type returnOut struct {
	blocks  []returnBlock
	heading string // the last heading, for the next table's caption
}

func (o *returnOut) add(b returnBlock) { o.blocks = append(o.blocks, b) }

func (o *returnOut) Bookmark(title string, level int) {
	o.add(returnBlock{kind: blockMark, text: title, level: level})
}

// Section starts a section: id is its anchor in the HTML page.
func (o *returnOut) Section(id, s string) {
	o.heading = s
	o.add(returnBlock{kind: blockSection, id: id, text: s})
}

// Sub is a heading inside the section.
func (o *returnOut) Sub(id, s string) {
	o.heading = s
	o.add(returnBlock{kind: blockSub, id: id, text: s})
}

func (o *returnOut) Para(s string)              { o.add(returnBlock{kind: blockPara, text: s}) }
func (o *returnOut) Small(s string)             { o.add(returnBlock{kind: blockSmall, text: s}) }
func (o *returnOut) List(items []string)        { o.add(returnBlock{kind: blockList, items: items}) }
func (o *returnOut) Pairs(pairs [][2]string)    { o.add(returnBlock{kind: blockPairs, pairs: pairs}) }
func (o *returnOut) Amounts(pairs [][2]string)  { o.add(returnBlock{kind: blockAmounts, pairs: pairs}) }
func (o *returnOut) SignatureLines(l ...string) { o.add(returnBlock{kind: blockSign, items: l}) }
func (o *returnOut) Table(cols []Column, rows [][]string) *returnTable {
	return o.TableTotal(cols, rows, nil)
}

// TableTotal adds a table ending in a total row (none when total is nil).
// The caller may then set the returned table's rowHead and flag cells.
func (o *returnOut) TableTotal(cols []Column, rows [][]string, total []string) *returnTable {
	t := &returnTable{caption: o.heading, cols: cols, rows: rows, total: total}
	o.add(returnBlock{kind: blockTable, table: t})
	return t
}

// drawBlocks draws the blocks in the PDF.
func drawBlocks(d *Doc, blocks []returnBlock) {
	for _, b := range blocks {
		switch b.kind {
		case blockMark:
			d.Bookmark(b.text, b.level)
		case blockSection, blockSub:
			d.Heading(b.text)
		case blockPara:
			d.Para(b.text)
		case blockSmall:
			d.Small(b.text)
		case blockList:
			for _, s := range b.items {
				d.Para("• " + s)
			}
		case blockPairs, blockAmounts:
			d.Pairs(b.pairs)
		case blockTable:
			d.TableTotal(b.table.cols, b.table.rows, b.table.total)
		case blockSign:
			d.SignatureLines(b.items...)
		}
	}
}
