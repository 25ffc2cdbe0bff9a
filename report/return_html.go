package report

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
)

// ReturnHTML writes the return as one self-contained HTML file for people who use a screen reader or large text.
//
// It says what the PDF says, in the same order and words: both lay out
// returnBlocks. The page has real headings (the title, then a heading for
// each section and under it for each part), a list of contents, tables
// with captions and header cells, and its own style sheet: no scripts,
// images or other files. Everything is escaped, and the same return gives
// the same bytes.
func ReturnHTML(w io.Writer, r ReturnDoc) error {
	page := htmlPage{Title: r.Title() + ", " + r.PeriodText(), H1: r.Title()}
	if r.Who != "" {
		page.Title = r.Title() + ": " + r.Who + ", " + r.PeriodText()
	}
	tables := 0
	for _, b := range returnBlocks(r) {
		hb := htmlBlock{Kind: htmlKinds[b.kind], ID: b.id, Text: b.text, Items: b.items, Pairs: b.pairs}
		switch b.kind {
		case blockMark:
			continue
		case blockSection:
			page.Nav = append(page.Nav, htmlNav{ID: b.id, Text: b.text})
		case blockSub:
			if n := len(page.Nav); n > 0 {
				page.Nav[n-1].Subs = append(page.Nav[n-1].Subs, htmlNav{ID: b.id, Text: b.text})
			} else {
				page.Nav = append(page.Nav, htmlNav{ID: b.id, Text: b.text})
			}
		case blockTable:
			tables++
			hb.Table = htmlTableOf(b.table, fmt.Sprintf("table-%d", tables))
		case blockSign:
			hb.Items = nil
			for i, l := range b.items {
				id := fmt.Sprintf("sign-%d", i+1)
				hb.Sign = append(hb.Sign, htmlSign{Label: l, Fields: [2]htmlField{
					{ID: id + "-signature", Label: signWords[0]}, {ID: id + "-date", Label: signWords[1]}}})
			}
		}
		page.Blocks = append(page.Blocks, hb)
	}
	bw := bufio.NewWriter(w)
	if err := returnTemplate.Execute(bw, page); err != nil {
		return err
	}
	return bw.Flush()
}

var htmlKinds = map[blockKind]string{
	blockSection: "h2", blockSub: "h3", blockPara: "p", blockSmall: "small", blockList: "list",
	blockPairs: "pairs", blockAmounts: "amounts", blockTable: "table", blockSign: "sign",
}

type htmlPage struct {
	Title, H1 string
	Nav       []htmlNav
	Blocks    []htmlBlock
}

type htmlNav struct {
	ID, Text string
	Subs     []htmlNav
}

type htmlBlock struct {
	Kind     string
	ID, Text string
	Items    []string
	Pairs    [][2]string
	Table    *htmlTable
	Sign     []htmlSign
}

type htmlTable struct {
	ID, Caption string
	Head        []htmlCell
	Rows        [][]htmlCell
	Total       []htmlCell
}

// htmlCell is a cell of a table. A header cell (Scope "col" or "row") is
// a th; Spoken is a column heading a screen reader reads but the eye does
// not see (the heading is blank on paper).
type htmlCell struct {
	Text   string
	Scope  string
	Num    bool
	Flag   bool
	Spoken bool
}

type htmlSign struct {
	Label  string
	Fields [2]htmlField
}

type htmlField struct{ ID, Label string }

func htmlTableOf(t *returnTable, id string) *htmlTable {
	ht := &htmlTable{ID: id, Caption: t.caption}
	for i, c := range t.cols {
		cell := htmlCell{Text: c.Heading, Scope: "col", Num: c.Align == "R"}
		if cell.Text == "" {
			if s, ok := t.spoken[i]; ok {
				cell.Text, cell.Spoken = s, true
			} else {
				cell.Scope = "" // a blank corner: a td, not an empty header
			}
		}
		ht.Head = append(ht.Head, cell)
	}
	row := func(cells []string, r int) []htmlCell {
		out := make([]htmlCell, len(cells))
		for i, s := range cells {
			out[i] = htmlCell{Text: s, Flag: t.flagged[[2]int{r, i}]}
			if i < len(t.cols) {
				out[i].Num = t.cols[i].Align == "R"
			}
			if i == 0 && t.rowHead && s != "" {
				out[i].Scope = "row"
			}
		}
		return out
	}
	for r, cells := range t.rows {
		ht.Rows = append(ht.Rows, row(cells, r))
	}
	if t.total != nil {
		ht.Total = row(t.total, -1)
	}
	return ht
}

var returnTemplate = template.Must(template.New("return").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
html { color-scheme: light; }
body {
  margin: 0;
  background: #ffffff;
  color: #1a1a1a;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 100%;
  line-height: 1.5;
}
main {
  max-width: 60rem;
  margin: 0 auto;
  padding: 1rem 1.25rem 3rem;
}
h1, h2, h3 { line-height: 1.25; margin: 1.5em 0 0.5em; }
h1 { font-size: 2rem; margin-top: 0.5em; }
h2 { font-size: 1.5rem; border-top: 0.125rem solid #595959; padding-top: 0.75em; }
h3 { font-size: 1.2rem; }
p, li, dd, dt { max-width: 45em; }
a { color: #0b4fa8; text-decoration: underline; }
a:visited { color: #5a2d91; }
a:focus-visible, .table-wrap:focus-visible, input:focus-visible {
  outline: 0.2rem solid #0b4fa8;
  outline-offset: 0.15rem;
}
nav { margin: 1rem 0 1.5rem; }
.contents { font-weight: bold; margin: 0; }
nav ol { margin: 0.25em 0; padding-left: 1.5em; }
.small { font-size: 0.9rem; }
dl.pairs {
  display: grid;
  grid-template-columns: auto auto;
  justify-content: start;
  gap: 0.25em 1.5em;
  margin: 1em 0;
}
dl.pairs div { display: contents; }
dl.pairs dt { font-weight: bold; }
dl.pairs dd { margin: 0; }
dl.amounts dd { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { overflow-x: auto; margin: 1em 0 1.5em; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: bold; padding: 0 0 0.4em; }
th, td {
  border: 0.0625rem solid #767676;
  padding: 0.35em 0.6em;
  text-align: left;
  vertical-align: top;
}
/* Text columns keep room to read: on a narrow screen the table scrolls
   inside its region rather than squeezing a column a word wide. */
td:not(.num), th:not(.num) { min-width: 7em; }
td:last-child:not(.num) { min-width: 12em; }
thead th, thead td { background: #e6e6e6; }
tbody tr:nth-child(even) { background: #f4f4f4; }
tbody th { font-weight: bold; }
tfoot th, tfoot td { background: #e6e6e6; font-weight: bold; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.visually-hidden {
  position: absolute;
  width: 1px; height: 1px;
  margin: -1px; padding: 0; border: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}
.sign { margin: 1.5em 0; }
.field { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5em 1em; margin: 1em 0; }
.field label { min-width: 6em; }
.field input {
  flex: 1 1 12em;
  max-width: 30em;
  font: inherit;
  color: inherit;
  background: transparent;
  border: 0;
  border-bottom: 0.125rem solid #1a1a1a;
  padding: 0.25em 0;
}
@media print {
  nav { display: none; }
  .table-wrap { overflow: visible; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
</style>
</head>
<body>
<main>
<h1>{{.H1}}</h1>
<nav aria-labelledby="contents">
<p id="contents" class="contents">Contents</p>
<ol>
{{- range .Nav}}
<li><a href="#{{.ID}}">{{.Text}}</a>
{{- with .Subs}}
<ol>
{{- range .}}
<li><a href="#{{.ID}}">{{.Text}}</a></li>
{{- end}}
</ol>
{{- end}}</li>
{{- end}}
</ol>
</nav>
{{range .Blocks -}}
{{if eq .Kind "h2"}}<h2 id="{{.ID}}">{{.Text}}</h2>
{{else if eq .Kind "h3"}}<h3 id="{{.ID}}">{{.Text}}</h3>
{{else if eq .Kind "p"}}<p>{{.Text}}</p>
{{else if eq .Kind "small"}}<p class="small">{{.Text}}</p>
{{else if eq .Kind "list"}}<ul>
{{- range .Items}}
<li>{{.}}</li>
{{- end}}
</ul>
{{else if or (eq .Kind "pairs") (eq .Kind "amounts")}}<dl class="pairs{{if eq .Kind "amounts"}} amounts{{end}}">
{{- range .Pairs}}
<div><dt>{{index . 0}}</dt><dd>{{index . 1}}</dd></div>
{{- end}}
</dl>
{{else if eq .Kind "table"}}{{with .Table}}<div class="table-wrap" role="region" aria-label="{{.Caption}}" tabindex="0">
<table id="{{.ID}}">
<caption class="visually-hidden">{{.Caption}}</caption>
<thead>
<tr>{{range .Head}}{{template "cell" .}}{{end}}</tr>
</thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}{{template "cell" .}}{{end}}</tr>
{{- end}}
</tbody>
{{- with .Total}}
<tfoot>
<tr>{{range .}}{{template "cell" .}}{{end}}</tr>
</tfoot>
{{- end}}
</table>
</div>
{{end}}{{else if eq .Kind "sign"}}{{range .Sign}}<div class="sign">
<p>{{.Label}}</p>
{{- range .Fields}}
<p class="field"><label for="{{.ID}}">{{.Label}}</label> <input type="text" id="{{.ID}}" autocomplete="off"></p>
{{- end}}
</div>
{{end}}{{end}}
{{- end -}}
</main>
</body>
</html>
{{define "cell"}}{{if .Scope}}<th scope="{{.Scope}}"{{if .Num}} class="num"{{end}}>{{else}}<td{{if .Num}} class="num"{{end}}>{{end -}}
{{if .Spoken}}<span class="visually-hidden">{{.Text}}</span>{{else if .Flag}}<strong>{{.Text}}</strong>{{else}}{{.Text}}{{end -}}
{{if .Scope}}</th>{{else}}</td>{{end}}{{end}}`))
