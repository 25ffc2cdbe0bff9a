package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/civil"
	"patoolkit/rota"
	"patoolkit/text"
)

// weekGrid is the week view: a focusable grid of the week's shifts as
// labelled blocks. It is one widget that keeps a position (rota.Pos): the
// arrow keys move it as Week.Move says, Home and End go to the first and
// last column, Page Up and Page Down change week, and Enter opens the
// block (or adds a shift in an empty cell). The focused block has a thick
// ring; each block says its status and warnings in text, so colour is
// never the only signal.
type weekGrid struct {
	widget.BaseWidget
	week    rota.Week
	pos     rota.Pos
	focused bool
	today   civil.Date

	onMove   func(rota.Pos) // the position changed
	onOpen   func(rota.Pos) // Enter, Space or a double click
	onKey    func(*fyne.KeyEvent) bool
	onEscape func()

	content  *fyne.Container
	cellsBox *fyne.Container   // the cells, beside the row headers
	scroll   *container.Scroll // scrolls the cells sideways
	// tail is room after the last column, so the view can always start
	// at a column, even when scrolled to the end.
	tail   *canvas.Rectangle
	cells  map[rota.Pos]*gridCell // by position; Item is the block (0 in an empty cell)
	canvas fyne.Canvas            // the window's, for scrolling the page
	// revealPending scrolls the focus into view at the next layout.
	revealPending bool
}

func newWeekGrid(w rota.Week, today civil.Date) *weekGrid {
	g := &weekGrid{week: w, today: today, cells: map[rota.Pos]*gridCell{}, revealPending: true}
	g.ExtendBaseWidget(g)
	g.build()
	return g
}

// Pos returns the focused place.
func (g *weekGrid) Pos() rota.Pos { return g.pos }

// SetPos moves the focus to p (kept inside the grid).
func (g *weekGrid) SetPos(p rota.Pos) {
	g.pos = g.week.Move(p, -1) // a move in no direction only clamps
	g.updateRings()
	if g.onMove != nil {
		g.onMove(g.pos)
	}
	g.reveal()
}

func (g *weekGrid) FocusGained() {
	g.focused = true
	g.updateRings()
	g.reveal()
}

func (g *weekGrid) FocusLost() {
	g.focused = false
	g.updateRings()
}

func (g *weekGrid) TypedRune(rune) {}

func (g *weekGrid) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		g.SetPos(g.week.Move(g.pos, rota.Up))
	case fyne.KeyDown:
		g.SetPos(g.week.Move(g.pos, rota.Down))
	case fyne.KeyLeft:
		g.SetPos(g.week.Move(g.pos, rota.Left))
	case fyne.KeyRight:
		g.SetPos(g.week.Move(g.pos, rota.Right))
	case fyne.KeyHome:
		g.SetPos(rota.Pos{Row: g.pos.Row})
	case fyne.KeyEnd:
		g.SetPos(rota.Pos{Row: g.pos.Row, Col: len(g.week.Columns) - 1})
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if g.onOpen != nil {
			g.onOpen(g.pos)
		}
	case fyne.KeyEscape:
		if g.onEscape != nil {
			g.onEscape()
		}
	default:
		if g.onKey != nil {
			g.onKey(ev)
		}
	}
}

func (g *weekGrid) CreateRenderer() fyne.WidgetRenderer {
	return &gridRenderer{WidgetRenderer: widget.NewSimpleRenderer(g.content), g: g}
}

// gridRenderer scrolls the focused block into view once the grid has
// been laid out (it has no size when the page is first shown).
type gridRenderer struct {
	fyne.WidgetRenderer
	g *weekGrid
}

func (r *gridRenderer) Layout(s fyne.Size) {
	r.WidgetRenderer.Layout(s)
	if r.g.revealPending && !s.IsZero() {
		r.g.revealPending = false
		r.g.reveal()
		// Once more when the window has drawn: the scrollers around the
		// grid may not have their final size yet.
		fyne.Do(r.g.reveal)
	}
}

// gridCell is a block, or an empty cell, in the grid: a background, the
// text, and a ring shown when it has the focus. A click focuses it; a
// double click opens it.
type gridCell struct {
	widget.BaseWidget
	g        *weekGrid
	pos      rota.Pos
	bg, ring *canvas.Rectangle
	body     fyne.CanvasObject
}

func (c *gridCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, halfPadded(c.body), c.ring))
}

func (c *gridCell) Tapped(*fyne.PointEvent) {
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.g); cv != nil {
		cv.Focus(c.g)
	}
	c.g.SetPos(c.pos)
}

func (c *gridCell) DoubleTapped(*fyne.PointEvent) {
	c.Tapped(nil)
	if c.g.onOpen != nil {
		c.g.onOpen(c.pos)
	}
}

// text is a line of the grid in the theme's text colour.
func gridText(s string, bold bool, size fyne.ThemeSizeName) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextStyle.Bold = bold
	t.TextSize = theme.Size(size)
	return t
}

// build makes the grid's objects: a header row of column names, then a
// row header (with the paid hours) and the cells of each row.
func (g *weekGrid) build() {
	w := g.week
	// The row headers (who, or which day, with the paid hours) stay in
	// place on the left; the days (or people) scroll sideways beside them
	// when they do not fit.
	sync := &rowSync{}
	heads := []fyne.CanvasObject{headerBox(gridText("", false, theme.SizeNameText))}
	var cols []fyne.CanvasObject
	for c, name := range w.Columns {
		var parts []fyne.CanvasObject
		if !w.ByDay {
			// "Wednesday 18 November" on two lines keeps the days narrow.
			day, date, _ := strings.Cut(name, " ")
			parts = append(parts, gridText(day, true, theme.SizeNameText), gridText(date, true, theme.SizeNameText))
		} else {
			parts = append(parts, gridText(name, true, theme.SizeNameText))
		}
		if !w.ByDay && w.Days[c] == g.today {
			parts = append(parts, gridText("(today)", false, theme.SizeNameText))
		}
		cols = append(cols, headerBox(parts...))
	}
	sync.rows = append(sync.rows, append([]fyne.CanvasObject{heads[0]}, cols...))
	cells := cols
	for r, row := range w.Rows {
		parts := []fyne.CanvasObject{gridText(row.Label, true, theme.SizeNameText)}
		if w.ByDay && row.Day == g.today {
			parts = append(parts, gridText("(today)", false, theme.SizeNameText))
		}
		parts = append(parts, gridText(paidText(row.PaidMinutes), false, theme.SizeNameCaptionText))
		head := headerBox(parts...)
		heads = append(heads, head)
		line := []fyne.CanvasObject{head}
		for c, cell := range row.Cells {
			box := container.NewVBox()
			if len(cell) == 0 {
				p := rota.Pos{Row: r, Col: c}
				box.Add(g.newCell(p, nil))
			}
			for i := range cell {
				p := rota.Pos{Row: r, Col: c, Item: i}
				box.Add(g.newCell(p, &cell[i]))
			}
			bg := canvas.NewRectangle(color.Transparent)
			bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
			bg.StrokeWidth = 1
			obj := container.NewStack(bg, box)
			cells = append(cells, obj)
			line = append(line, obj)
		}
		sync.rows = append(sync.rows, line)
	}
	g.cellsBox = container.New(&tableLayout{cols: len(w.Columns), sync: sync}, cells...)
	g.tail = canvas.NewRectangle(color.Transparent)
	g.scroll = container.NewHScroll(container.NewBorder(nil, nil, nil, g.tail, g.cellsBox))
	left := container.New(&columnLayout{sync: sync}, heads...)
	g.content = container.NewBorder(nil, nil, left, nil, g.scroll)
	g.updateRings()
}

// rowSync gives the row headers and the scrolling cells the same row
// heights: each row is as tall as its tallest part.
type rowSync struct{ rows [][]fyne.CanvasObject }

func (s *rowSync) heights() []float32 {
	out := make([]float32, len(s.rows))
	for i, row := range s.rows {
		for _, o := range row {
			out[i] = max(out[i], o.MinSize().Height)
		}
	}
	return out
}

// columnLayout stacks the row headers at the rows' heights.
type columnLayout struct{ sync *rowSync }

func (c *columnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s.Width = max(s.Width, o.MinSize().Width)
	}
	for _, h := range c.sync.heights() {
		s.Height += h
	}
	return s
}

func (c *columnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	hs := c.sync.heights()
	for i, o := range objs {
		if i >= len(hs) {
			break
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, hs[i]))
		y += hs[i]
	}
}

func headerBox(parts ...fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	return container.NewStack(bg, halfPadded(container.NewVBox(parts...)))
}

// halfPadded puts half the usual padding round obj, so seven days fit
// across a normal window.
func halfPadded(obj fyne.CanvasObject) fyne.CanvasObject {
	p := theme.Padding() / 2
	return container.New(layout.NewCustomPaddedLayout(p, p, p, p), obj)
}

// newCell makes the block b at p, or an empty cell when b is nil.
func (g *weekGrid) newCell(p rota.Pos, b *rota.Block) *gridCell {
	c := &gridCell{g: g, pos: p, bg: canvas.NewRectangle(color.Transparent), ring: canvas.NewRectangle(color.Transparent)}
	c.ExtendBaseWidget(c)
	if b == nil {
		c.body = container.NewVBox(gridText("—", false, theme.SizeNameText))
		g.cells[p] = c
		return c
	}
	// "08:00–12:00 Day" on two lines, the times and then the kind, keeps
	// the days narrow enough for the whole week to fit across.
	var lines []fyne.CanvasObject
	if times, kind, ok := strings.Cut(b.Label, " "); ok {
		lines = append(lines, gridText(times, true, theme.SizeNameText), gridText(kind, false, theme.SizeNameText))
	} else {
		lines = append(lines, gridText(b.Label, true, theme.SizeNameText))
	}
	// Who works it, unless the row (or column) already says so.
	if who := g.week.Rows[p.Row].Label; g.week.ByDay {
		if b.Who != g.week.Columns[p.Col] {
			lines = append(lines, gridText(b.Who, false, theme.SizeNameText))
		}
	} else if b.Who != who {
		lines = append(lines, gridText(b.Who, false, theme.SizeNameText))
	}
	for _, m := range markerLines(b.Marker) {
		lines = append(lines, gridText(m, true, theme.SizeNameText))
	}
	for _, rule := range b.Warnings {
		lines = append(lines, gridText("⚠ "+rota.RuleName(rule), true, theme.SizeNameText))
	}
	c.body = container.NewVBox(lines...)
	c.bg.FillColor = statusTint(b.Status)
	c.bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	if len(b.Warnings) > 0 {
		c.bg.StrokeColor = theme.Color(theme.ColorNameError)
		c.bg.StrokeWidth = 2
	}
	g.cells[p] = c
	return c
}

// markerLines splits "[needs cover] [warning: rest-11h]" into one line per
// bracket, leaving out the warnings (shown on their own ⚠ line).
func markerLines(m string) []string {
	var out []string
	for _, part := range strings.SplitAfter(m, "]") {
		part = strings.TrimSpace(part)
		if part == "" || strings.HasPrefix(part, "[warning:") {
			continue
		}
		out = append(out, part)
	}
	return out
}

// statusTint is a light tint of the block's status. The status is always
// written in the block too.
func statusTint(s rota.Status) color.Color {
	tint := func(c color.Color, a uint8) color.Color {
		r, g, b, _ := c.RGBA()
		return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
	}
	switch s {
	case rota.NeedsCover:
		return tint(theme.Color(theme.ColorNameWarning), 0x50)
	case rota.Agency, rota.Covered:
		return tint(theme.Color(theme.ColorNamePrimary), 0x30)
	case rota.Suspended, rota.Cancelled, rota.Retained:
		return theme.Color(theme.ColorNameDisabledButton)
	}
	return theme.Color(theme.ColorNameButton)
}

// updateRings draws the ring on the focused block: thick in the primary
// colour while the grid has the focus, thin when it does not.
func (g *weekGrid) updateRings() {
	ringW := theme.Size(sizeNameFocusRing)
	for p, c := range g.cells {
		c.ring.FillColor = color.Transparent
		c.ring.CornerRadius = theme.Size(theme.SizeNameInputRadius)
		switch {
		case p == g.pos && g.focused:
			c.ring.StrokeColor, c.ring.StrokeWidth = theme.Color(theme.ColorNamePrimary), ringW
		case p == g.pos:
			c.ring.StrokeColor, c.ring.StrokeWidth = theme.Color(theme.ColorNameForeground), 1
		default:
			c.ring.StrokeColor, c.ring.StrokeWidth = color.Transparent, 0
		}
		c.ring.Refresh()
	}
}

// reveal scrolls the focused block into view in every scroller around
// the grid.
func (g *weekGrid) reveal() {
	c, ok := g.cells[g.pos]
	if !ok {
		return
	}
	if g.Size().IsZero() {
		g.revealPending = true
		return
	}
	path := pathTo(g.cellsBox, c)
	var at fyne.Position
	for _, o := range path[1:] {
		at = at.Add(o.Position())
	}
	size := c.Size()
	// Sideways, in the grid's own scroller, always to the edge of a
	// column, so no day's name is cut in half.
	if sw := g.scroll.Size().Width; sw > 0 {
		off := g.scroll.Offset
		switch {
		case at.X < off.X:
			off.X = at.X
		case at.X+size.Width > off.X+sw:
			off.X = at.X + size.Width - sw
		}
		off.X = snapToColumn(g.columnStarts(), off.X, at.X)
		need := float32(0)
		if total := g.cellsBox.MinSize().Width; total > sw {
			need = max(off.X+sw-total, 0) // only when the week does not fit
		}
		if need != g.tail.MinSize().Width {
			g.tail.SetMinSize(fyne.NewSize(need, 0))
			g.scroll.Refresh()
		}
		if off != g.scroll.Offset {
			g.scroll.ScrollToOffset(off)
		}
	}
	// Up and down, in the page; in the top row with the days' names too.
	at.X += g.scroll.Position().X - g.scroll.Offset.X
	if g.pos.Row == 0 && g.pos.Item == 0 {
		size.Height += at.Y
		at.Y = 0
	}
	revealRect(g.canvas, g, at, size)
}

// columnStarts is where each column of the cells starts, across.
func (g *weekGrid) columnStarts() []float32 {
	n := len(g.week.Columns)
	out := make([]float32, 0, n)
	for i := 0; i < n && i < len(g.cellsBox.Objects); i++ {
		out = append(out, g.cellsBox.Objects[i].Position().X) // the header row
	}
	return out
}

// snapToColumn moves a sideways offset that falls inside a column on to
// the start of the next one, so the first column in view is whole, but
// never past focusAt, where the focused cell starts.
func snapToColumn(starts []float32, off, focusAt float32) float32 {
	for i, x := range starts {
		if x < off {
			continue
		}
		if x == off || i == 0 || x > focusAt {
			return min(off, focusAt)
		}
		return x
	}
	return off
}

// describe is what the line under the header says about the focus.
func (g *weekGrid) describe() string {
	text := g.week.Describe(g.pos)
	if _, ok := g.week.BlockAt(g.pos); ok {
		return text + ". Enter opens it."
	}
	return text + ". Enter adds a shift here."
}

// tableLayout lays objects out in rows of cols: each column as wide as
// its widest object, each row as tall as sync says (else its tallest);
// spare width is shared by the columns.
type tableLayout struct {
	cols int
	sync *rowSync
}

func (t *tableLayout) sizes(objs []fyne.CanvasObject) (widths, heights []float32) {
	widths = make([]float32, t.cols)
	rows := (len(objs) + t.cols - 1) / t.cols
	heights = make([]float32, rows)
	for i, o := range objs {
		m := o.MinSize()
		r, c := i/t.cols, i%t.cols
		widths[c] = max(widths[c], m.Width)
		heights[r] = max(heights[r], m.Height)
	}
	if t.sync != nil {
		for i, h := range t.sync.heights() {
			if i < len(heights) {
				heights[i] = max(heights[i], h)
			}
		}
	}
	return widths, heights
}

func (t *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	widths, heights := t.sizes(objs)
	var s fyne.Size
	for _, w := range widths {
		s.Width += w
	}
	for _, h := range heights {
		s.Height += h
	}
	return s
}

func (t *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widths, heights := t.sizes(objs)
	var total float32
	for _, w := range widths {
		total += w
	}
	if spare := size.Width - total; spare > 0 && t.cols > 0 {
		for c := range widths {
			widths[c] += spare / float32(t.cols)
		}
	}
	var y float32
	for r, h := range heights {
		var x float32
		for c := 0; c < t.cols; c++ {
			i := r*t.cols + c
			if i >= len(objs) {
				break
			}
			objs[i].Move(fyne.NewPos(x, y))
			objs[i].Resize(fyne.NewSize(widths[c], h))
			x += widths[c]
		}
		y += h
	}
}

// weekDayOf returns the day and the PA (0: none) of the cell at p.
func weekDayOf(w rota.Week, p rota.Pos, paByName map[string]int64) (civil.Date, int64) {
	if p.Row < 0 || p.Row >= len(w.Rows) || p.Col < 0 || p.Col >= len(w.Columns) {
		return w.Start, 0
	}
	if w.ByDay {
		return w.Rows[p.Row].Day, paByName[w.Columns[p.Col]]
	}
	return w.Days[p.Col], w.Rows[p.Row].PAID
}

// paidText is a row's paid hours for the list view: "12 hours paid".
func paidText(m int) string { return fmt.Sprintf("%s paid", text.Hours(m)) }
