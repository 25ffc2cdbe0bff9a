package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Appendix is a PDF file a person attached (a receipt, an insurance
// certificate), to go at the end of a pack.
type Appendix struct {
	Title string // the outline (bookmark) entry, e.g. "Receipt: B&Q, 12/05/2026, £34.99"
	Name  string // the file's own name, e.g. "bq-receipt.pdf", used when it is attached instead
	Data  []byte
}

// Bookmark is an outline entry of a document the toolkit drew: its title,
// its page (1-based) and its level (0 is the top level), as Doc.Bookmark
// records them.
type Bookmark struct {
	Title string
	Page  int
	Level int
}

// NotMerged is an appendix whose pages are not in the pack: Why says so in
// plain words, and Attached tells whether the file itself is embedded in
// the pack instead, as a PDF file attachment. Name is then the name it is
// attached under: the appendix's own, made unique ("scan (2).pdf"), or
// "attachment-N.pdf" when it had none.
type NotMerged struct {
	Name, Title, Why string
	Attached         bool
}

// PDFError is why a PDF could not be read or joined, in words a person can
// act on (Why); Err holds the detail, for a log.
type PDFError struct {
	Why string
	Err error
}

func (e *PDFError) Error() string { return e.Why }
func (e *PDFError) Unwrap() error { return e.Err }

const (
	whyEmpty    = "the file is empty"
	whyDamaged  = "the file is damaged and cannot be read as a PDF"
	whyPassword = "the PDF is locked with a password: save or print it again without the password, then attach that copy"
	whyNoPages  = "the PDF has no pages"
	whyPDF20    = "the PDF is in the newer PDF 2.0 format, whose pages cannot be joined to the pack"
	whyMerge    = "its pages could not be joined to the pack"
	whyStamp    = "its pages could not be numbered"
)

// PDFPages returns how many pages a PDF has, or a *PDFError saying in
// plain words why it cannot be read (damaged, locked with a password, not
// a PDF). It never panics.
func PDFPages(data []byte) (int, error) {
	ctx, err := readPDF(data)
	if err != nil {
		return 0, err
	}
	return ctx.PageCount, nil
}

// JoinPDFs returns base followed by the pages of each appendix, in order.
//
// base is a document the toolkit drew (Doc), with its own outline and page
// footers; bookmarks are its outline entries (Doc.Bookmarks), used to
// rebuild the outline should base's own not survive. Each merged appendix
// gets a top-level outline entry at its first page, and each of its pages a
// small grey footer at the bottom centre, "Page N of M", N counting on from
// base's pages and M being base's pages plus every merged page: the caller
// draws base's footers with the same M (Doc.SetPageTotal), worked out with
// PDFPages.
//
// An appendix that cannot be merged is left out and returned in notMerged
// with the reason; where it can be, the file itself is embedded in the pack
// as a file attachment under its Name. One that PDFPages could read but
// whose pages still could not be joined (rare) makes M smaller than the
// caller's: draw base again with the new total and join again.
//
// The document information (title, author, subject, creator, producer,
// dates), the first half of the /ID and the catalogue (its /Lang) of base
// are kept, and the same inputs always give the same bytes.
//
// err is set only when base itself cannot be read or the pack cannot be
// written; it is an internal error, not one for the person.
func JoinPDFs(base []byte, bookmarks []Bookmark, parts []Appendix) (out []byte, notMerged []NotMerged, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, notMerged, err = nil, nil, fmt.Errorf("joining the evidence pack: unexpected failure: %v", r)
		}
	}()
	j := joiner{base: base, bookmarks: bookmarks, parts: parts, why: make([]error, len(parts))}
	return j.join()
}

type joiner struct {
	base      []byte
	bookmarks []Bookmark
	parts     []Appendix
	why       []error // why parts[i] is not merged; nil while it may be
}

func (j *joiner) join() ([]byte, []NotMerged, error) {
	// A part that cannot be read is out before any merging.
	srcs := make([]*model.Context, len(j.parts))
	for i, p := range j.parts {
		srcs[i], j.why[i] = readPDF(p.Data)
	}
	for {
		ctx, starts, err := j.tryMerge(srcs)
		if err != nil {
			return nil, nil, err
		}
		if ctx == nil {
			// A part failed and is now marked: start again from base, without it.
			clear(srcs) // merging changed them: read them again
			continue
		}
		return j.finish(ctx, starts)
	}
}

// tryMerge reads base and merges every part still in, then numbers the
// merged pages. A part that fails is marked in j.why and ctx is nil: the
// context is spoiled and the caller starts again. starts[i] is the first
// page of part i in the pack, 0 for one not merged.
func (j *joiner) tryMerge(srcs []*model.Context) (ctx *model.Context, starts []int, err error) {
	ctx, err = readPDF(j.base)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the evidence pack before adding the attachments: %w", detail(err))
	}
	if ctx.Encrypt != nil {
		return nil, nil, errors.New("the evidence pack is encrypted: JoinPDFs takes the toolkit's own, unencrypted document")
	}
	starts = make([]int, len(j.parts))
	pages := make([]int, len(j.parts))
	var tree pageTree
	for i, p := range j.parts {
		if j.why[i] != nil {
			continue
		}
		src := srcs[i]
		srcs[i] = nil // a context is merged at most once
		if src == nil {
			if src, err = readPDF(p.Data); err != nil {
				j.why[i] = err
				return nil, nil, nil
			}
		}
		if ctx.XRefTable.Version() < model.V20 && src.XRefTable.Version() == model.V20 {
			j.why[i] = &PDFError{Why: whyPDF20, Err: pdfcpu.ErrUnsupportedVersion}
			return nil, nil, nil
		}
		before, n := ctx.PageCount, src.PageCount
		err := safely(func() error {
			if err := pdfcpu.MergeXRefTables(strconv.Itoa(i+1), src, ctx, false, false); err != nil {
				return err
			}
			return flattenPages(ctx, &tree)
		})
		if err == nil && ctx.PageCount != before+n {
			err = fmt.Errorf("the pack has %d pages after merging %d to %d", ctx.PageCount, n, before)
		}
		if err != nil {
			j.why[i] = &PDFError{Why: whyMerge, Err: err}
			return nil, nil, nil
		}
		starts[i], pages[i] = before+1, n
	}
	for i := range j.parts {
		if starts[i] == 0 {
			continue
		}
		if err := stampFooters(ctx, starts[i], starts[i]+pages[i]-1); err != nil {
			j.why[i] = &PDFError{Why: whyStamp, Err: err}
			return nil, nil, nil
		}
	}
	return ctx, starts, nil
}

// pageTree is the page tree of a pack as merging builds it: a root whose
// kids are base's page tree and each merged file's.
type pageTree struct {
	root types.IndirectRef
	kids types.Array
}

// flattenPages undoes the nesting MergeXRefTables adds. It makes a new page
// tree root over the old root and the merged file's, so after 40 receipts
// the tree would be 41 levels deep; instead the new root takes the kids of
// the one before, whose only entries were Type, Kids, Count and Parent.
func flattenPages(ctx *model.Context, t *pageTree) error {
	ref, err := ctx.Pages()
	if err != nil {
		return err
	}
	root, err := ctx.DereferenceDict(*ref)
	if err != nil || root == nil {
		return fmt.Errorf("the page tree is not a dictionary: %v", err)
	}
	kids := root.ArrayEntry("Kids")
	if len(kids) != 2 {
		return fmt.Errorf("the merged page tree has %d kids, want 2", len(kids))
	}
	if t.kids == nil {
		// The first merge: base's tree and the file's, as they are.
		t.root, t.kids = *ref, slices.Clone(kids)
		return nil
	}
	prev, ok := kids[0].(types.IndirectRef)
	if !ok || prev != t.root {
		return errors.New("the merged page tree is not built on the one before")
	}
	t.root, t.kids = *ref, append(t.kids, kids[1])
	for _, k := range t.kids {
		kr, ok := k.(types.IndirectRef)
		if !ok {
			return errors.New("a page tree kid is not a reference")
		}
		d, err := ctx.DereferenceDict(kr)
		if err != nil || d == nil {
			return fmt.Errorf("a page tree kid is not a dictionary: %v", err)
		}
		d["Parent"] = *ref
	}
	root["Kids"] = slices.Clone(t.kids)
	return nil
}

// stampFooters writes "Page N of M" at the bottom centre of pages from to
// thru.
func stampFooters(ctx *model.Context, from, thru int) error {
	return safely(func() error {
		wm, err := api.TextWatermark("Page %p of %P",
			"fontname:Helvetica, points:8, position:bc, offset:0 24, scalefactor:1 abs, rotation:0, fillcolor:#505050, opacity:1",
			true, false, types.POINTS)
		if err != nil {
			return err
		}
		pages := types.IntSet{}
		for p := from; p <= thru; p++ {
			pages[p] = true
		}
		return pdfcpu.AddWatermarks(ctx, pages, wm)
	})
}

// finish adds the outline entries and the attachments to the merged pack
// and writes it.
func (j *joiner) finish(ctx *model.Context, starts []int) ([]byte, []NotMerged, error) {
	info, err := infoDict(ctx)
	if err != nil {
		return nil, nil, err
	}
	id0 := baseID(ctx)
	made := infoDate(info)

	var items []Bookmark
	for i, p := range j.parts {
		if starts[i] > 0 {
			items = append(items, Bookmark{Title: p.label(i), Page: starts[i]})
		}
	}
	if err := safely(func() error { return outline(ctx, j.bookmarks, items) }); err != nil {
		return nil, nil, fmt.Errorf("adding the attachments to the pack's outline: %w", err)
	}

	var notMerged []NotMerged
	names := map[string]bool{}
	for i, p := range j.parts {
		if j.why[i] == nil {
			continue
		}
		nm := NotMerged{Name: p.Name, Title: p.Title, Why: plainWhy(j.why[i])}
		switch {
		case len(p.Data) == 0:
			nm.Why += ", so there is nothing to attach"
		default:
			name := uniqueName(names, p.fileName(i))
			err := safely(func() error {
				return ctx.AddAttachment(model.Attachment{
					Reader: bytes.NewReader(p.Data), ID: name, FileName: name,
					Desc: p.Title, ModTime: &made,
				}, false)
			})
			if err != nil {
				nm.Why += ", and it could not be attached to the pack either"
			} else {
				nm.Attached = true
				nm.Name = name
				nm.Why += ": it is attached to the pack as a file instead"
			}
		}
		notMerged = append(notMerged, nm)
	}

	if err := safely(func() error { return freeze(ctx) }); err != nil {
		return nil, nil, fmt.Errorf("writing the evidence pack: %w", err)
	}
	var buf bytes.Buffer
	if err := safely(func() error { return api.WriteContext(ctx, &buf) }); err != nil {
		return nil, nil, fmt.Errorf("writing the evidence pack: %w", err)
	}
	out, err := canonical(buf.Bytes(), ctx, info, id0)
	if err != nil {
		return nil, nil, fmt.Errorf("writing the evidence pack: %w", err)
	}
	return out, notMerged, nil
}

func (p Appendix) label(i int) string {
	switch {
	case strings.TrimSpace(p.Title) != "":
		return p.Title
	case strings.TrimSpace(p.Name) != "":
		return p.Name
	}
	return fmt.Sprintf("Attachment %d", i+1)
}

// fileName is the name the file is attached under: its own base name, or
// "attachment-N.pdf".
func (p Appendix) fileName(i int) string {
	n := strings.TrimSpace(strings.ReplaceAll(p.Name, `\`, "/"))
	n = path.Base(n)
	if n == "." || n == "/" || n == "" || n == ".." {
		return fmt.Sprintf("attachment-%d.pdf", i+1)
	}
	return n
}

// uniqueName returns name, or "name (2).ext" and so on when it is taken.
func uniqueName(taken map[string]bool, name string) string {
	out := name
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for k := 2; taken[out]; k++ {
		out = fmt.Sprintf("%s (%d)%s", stem, k, ext)
	}
	taken[out] = true
	return out
}

// detail is err with the detail behind a *PDFError, for a log.
func detail(err error) error {
	var pe *PDFError
	if errors.As(err, &pe) && pe.Err != nil {
		return fmt.Errorf("%s: %w", pe.Why, pe.Err)
	}
	return err
}

// plainWhy is the reason a person reads.
func plainWhy(err error) string {
	var pe *PDFError
	if errors.As(err, &pe) {
		return pe.Why
	}
	return whyDamaged
}

// pdfcpuConf is the configuration of every pdfcpu call: relaxed reading,
// no configuration folder (pdfcpu would otherwise create one in the user's
// home and exit the program on a problem with it), no network, and a plain
// file layout that canonical can put in order.
func pdfcpuConf() *model.Configuration {
	disableConfigDir.Do(api.DisableConfigDir)
	c := model.NewDefaultConfiguration()
	c.Cmd = model.MERGECREATE
	c.ValidationMode = model.ValidationRelaxed
	c.CreateBookmarks = false
	c.Offline = true
	c.WriteObjectStream = false
	c.WriteXRefStream = false
	return c
}

var disableConfigDir sync.Once

// safely runs f, turning a panic into an error.
func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfcpu failed: %v", r)
		}
	}()
	return f()
}

// readPDF reads and checks a PDF; its error is a *PDFError.
func readPDF(data []byte) (*model.Context, error) {
	if len(data) == 0 {
		return nil, &PDFError{Why: whyEmpty}
	}
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, &PDFError{Why: notPDF(data)}
	}
	var ctx *model.Context
	err := safely(func() (err error) {
		ctx, err = api.ReadAndValidate(bytes.NewReader(data), pdfcpuConf())
		return err
	})
	switch {
	case err != nil && (errors.Is(err, pdfcpu.ErrWrongPassword) || strings.Contains(err.Error(), "password")):
		return nil, &PDFError{Why: whyPassword, Err: err}
	case err != nil:
		return nil, &PDFError{Why: whyDamaged, Err: err}
	case ctx == nil:
		return nil, &PDFError{Why: whyDamaged, Err: errors.New("pdfcpu read nothing")}
	case ctx.PageCount < 1:
		return nil, &PDFError{Why: whyNoPages}
	}
	return ctx, nil
}

// notPDF says what a file that is not a PDF looks like.
func notPDF(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "the file is a JPEG picture, not a PDF"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "the file is a PNG picture, not a PDF"
	case bytes.HasPrefix(data, []byte("GIF8")), bytes.HasPrefix(data, []byte("RIFF")), bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "the file is a picture, not a PDF"
	case utf8.Valid(data) && !bytes.ContainsRune(data, 0):
		return "the file is text, not a PDF"
	}
	return "the file is not a PDF"
}

// infoDict returns a copy of the document information dictionary as base
// had it, before pdfcpu writes its own name and the time into it.
func infoDict(ctx *model.Context) (types.Dict, error) {
	if ctx.Info == nil {
		return nil, nil
	}
	out := types.Dict{}
	err := safely(func() error {
		d, err := ctx.DereferenceDict(*ctx.Info)
		if err != nil {
			return err
		}
		for k, v := range d {
			// Keep plain values: the dictionary is written back as it is.
			if v, err = ctx.Dereference(v); err != nil {
				return err
			}
			switch v.(type) {
			case types.StringLiteral, types.HexLiteral, types.Name, types.Integer, types.Float, types.Boolean:
				out[k] = v
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the evidence pack's document information: %w", err)
	}
	return out, nil
}

// baseID is the first half of base's /ID, nil when it has none.
func baseID(ctx *model.Context) types.Object {
	if len(ctx.ID) == 2 {
		return ctx.ID[0].Clone()
	}
	return nil
}

// infoDate is base's creation date, for the attachments' dates: a fixed
// day when it has none.
func infoDate(info types.Dict) time.Time {
	for _, key := range []string{"CreationDate", "ModDate"} {
		if s, ok := info[key].(types.StringLiteral); ok {
			if u, err := types.StringLiteralToString(s); err == nil {
				if t, ok := types.DateTime(u, true); ok {
					return t
				}
			}
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// outline keeps base's outline and adds items at the top level. Where
// base's outline is gone (or not the one bookmarks describe), it is built
// again from bookmarks first.
func outline(ctx *model.Context, bookmarks, items []Bookmark) error {
	if len(bookmarks) > 0 {
		have, err := pdfcpu.Bookmarks(ctx)
		if err != nil || countBookmarks(have) != len(bookmarks) {
			if _, err := pdfcpu.RemoveBookmarks(ctx); err != nil {
				return err
			}
			root, err := ctx.Catalog()
			if err != nil {
				return err
			}
			root.Delete("Outlines")
			return addOutline(ctx, append(slices.Clone(bookmarks), items...))
		}
	}
	return addOutline(ctx, items)
}

func countBookmarks(bms []pdfcpu.Bookmark) int {
	n := 0
	for _, b := range bms {
		n += 1 + countBookmarks(b.Kids)
	}
	return n
}

// addOutline adds bms, in order, after the outline's last top-level entry;
// Level nests an entry under the one before it.
func addOutline(ctx *model.Context, bms []Bookmark) error {
	if len(bms) == 0 {
		return nil
	}
	root, err := ctx.Catalog()
	if err != nil {
		return err
	}
	var top types.Dict
	var topRef types.IndirectRef
	if o, ok := root.Find("Outlines"); ok {
		ir, isRef := o.(types.IndirectRef)
		d, err := ctx.DereferenceDict(o)
		if err != nil || d == nil || !isRef {
			return fmt.Errorf("the outline is not a dictionary: %v", err)
		}
		top, topRef = d, ir
	} else {
		top = types.Dict{"Type": types.Name("Outlines")}
		ir, err := ctx.IndRefForNewObject(top)
		if err != nil {
			return err
		}
		topRef = *ir
		root["Outlines"] = topRef
	}

	// parents[k] is the open entry at level k-1 (parents[0] the outline).
	type node struct {
		ref types.IndirectRef
		d   types.Dict
	}
	parents := []*node{{ref: topRef, d: top}}
	for _, b := range bms {
		level := min(max(b.Level, 0), len(parents)-1)
		parents = parents[:level+1]
		parent := parents[level]
		_, page, _, err := ctx.PageDict(min(max(b.Page, 1), ctx.PageCount), false)
		if err != nil {
			return err
		}
		title, err := types.EscapedUTF16String(b.Title)
		if err != nil {
			return err
		}
		d := types.Dict{
			"Title":  types.StringLiteral(*title),
			"Parent": parent.ref,
			"Dest":   types.Array{*page, types.Name("XYZ"), nil, nil, nil},
		}
		ref, err := ctx.IndRefForNewObject(d)
		if err != nil {
			return err
		}
		if last := parent.d.IndirectRefEntry("Last"); last != nil {
			prev, err := ctx.DereferenceDict(*last)
			if err != nil || prev == nil {
				return fmt.Errorf("the outline's last entry is not a dictionary: %v", err)
			}
			prev["Next"] = *ref
			d["Prev"] = *last
		} else {
			parent.d["First"] = *ref
		}
		parent.d["Last"] = *ref
		parents = append(parents, &node{ref: *ref, d: d})
	}
	return recount(ctx, topRef)
}

// recount sets the /Count of every entry of the outline at ref: the number
// of entries shown below it, each open, and returns it.
func recount(ctx *model.Context, ref types.IndirectRef) error {
	_, err := count(ctx, ref, map[int]bool{})
	return err
}

func count(ctx *model.Context, ref types.IndirectRef, seen map[int]bool) (int, error) {
	if seen[ref.ObjectNumber.Value()] {
		return 0, errors.New("the outline loops")
	}
	seen[ref.ObjectNumber.Value()] = true
	d, err := ctx.DereferenceDict(ref)
	if err != nil || d == nil {
		return 0, fmt.Errorf("an outline entry is not a dictionary: %v", err)
	}
	n := 0
	for kid := d.IndirectRefEntry("First"); kid != nil; {
		below, err := count(ctx, *kid, seen)
		if err != nil {
			return 0, err
		}
		n += 1 + below
		kd, err := ctx.DereferenceDict(*kid)
		if err != nil || kd == nil {
			return 0, fmt.Errorf("an outline entry is not a dictionary: %v", err)
		}
		kid = kd.IndirectRefEntry("Next")
	}
	if n > 0 {
		d["Count"] = types.Integer(n)
	} else {
		d.Delete("Count")
	}
	return n, nil
}

// canonical puts pdfcpu's output in a fixed form. pdfcpu writes the
// objects in the order it meets them walking Go maps, which changes from
// run to run, and stamps its own name, the time and a time-based /ID. So
// the objects are put in order of their numbers, the document information
// is base's own, and the second half of the /ID (the first too when base
// had none) is a hash of the rest of the file.
func canonical(in []byte, ctx *model.Context, info types.Dict, id0 types.Object) ([]byte, error) {
	bad := func(what string) error { return fmt.Errorf("pdfcpu's output is not as expected: %s", what) }

	sx := bytes.LastIndex(in, []byte("startxref"))
	if sx < 0 {
		return nil, bad("no startxref")
	}
	f := strings.Fields(string(in[sx+len("startxref"):]))
	if len(f) < 1 {
		return nil, bad("no xref offset")
	}
	xrefAt, err := strconv.Atoi(f[0])
	if err != nil || xrefAt < 0 || xrefAt >= sx || !bytes.HasPrefix(in[xrefAt:], []byte("xref")) {
		return nil, bad("no xref table at startxref")
	}
	tr := bytes.Index(in[xrefAt:], []byte("trailer"))
	if tr < 0 {
		return nil, bad("no trailer")
	}
	tok := strings.Fields(string(in[xrefAt+len("xref") : xrefAt+tr]))

	type entry struct {
		off, gen int
		free     bool
	}
	entries := map[int]entry{}
	for k := 0; k < len(tok); {
		if k+2 > len(tok) {
			return nil, bad("xref subsection")
		}
		start, err1 := strconv.Atoi(tok[k])
		n, err2 := strconv.Atoi(tok[k+1])
		k += 2
		if err1 != nil || err2 != nil || n < 0 || k+3*n > len(tok) {
			return nil, bad("xref subsection")
		}
		for i := range n {
			off, err1 := strconv.Atoi(tok[k])
			gen, err2 := strconv.Atoi(tok[k+1])
			if err1 != nil || err2 != nil || (tok[k+2] != "n" && tok[k+2] != "f") {
				return nil, bad("xref entry")
			}
			entries[start+i] = entry{off: off, gen: gen, free: tok[k+2] == "f"}
			k += 3
		}
	}

	// The objects in use, by offset, to find where each ends.
	var used []int
	for nr, e := range entries {
		if !e.free {
			if e.off <= 0 || e.off >= xrefAt {
				return nil, bad("object offset")
			}
			used = append(used, nr)
		}
	}
	if len(used) == 0 {
		return nil, bad("no objects")
	}
	slices.SortFunc(used, func(a, b int) int { return entries[a].off - entries[b].off })
	span := map[int][]byte{}
	for k, nr := range used {
		end := xrefAt
		if k+1 < len(used) {
			end = entries[used[k+1]].off
		}
		obj := in[entries[nr].off:end]
		if !bytes.HasPrefix(obj, fmt.Appendf(nil, "%d %d obj", nr, entries[nr].gen)) {
			return nil, bad("object header")
		}
		span[nr] = obj
	}
	headerEnd := entries[used[0]].off
	slices.Sort(used)

	var out bytes.Buffer
	out.Grow(len(in) + 256)
	out.Write(in[:headerEnd])
	offsets := map[int]int{}
	infoNr := -1
	if ctx.Info != nil {
		infoNr = ctx.Info.ObjectNumber.Value()
	}
	for _, nr := range used {
		offsets[nr] = out.Len()
		if nr == infoNr {
			d := info
			if d == nil {
				d = types.Dict{}
			}
			fmt.Fprintf(&out, "%d %d obj\n%s\nendobj\n", nr, entries[nr].gen, d.PDFString())
			continue
		}
		out.Write(span[nr])
	}

	// The /ID: a hash of everything so far, and of the xref entries.
	size := 0
	for nr := range entries {
		size = max(size, nr+1)
	}
	if ctx.XRefTable.Size != nil {
		size = max(size, *ctx.XRefTable.Size)
	}
	sum := sha256.Sum256(out.Bytes())
	id1 := types.HexLiteral(hex.EncodeToString(sum[:16]))
	var first types.Object = id1
	if id0 != nil {
		first = id0
	}

	xref := out.Len()
	out.WriteString("xref\n")
	var nrs []int
	for nr := range entries {
		nrs = append(nrs, nr)
	}
	slices.Sort(nrs)
	for k := 0; k < len(nrs); {
		e := k + 1
		for e < len(nrs) && nrs[e] == nrs[e-1]+1 {
			e++
		}
		fmt.Fprintf(&out, "%d %d\n", nrs[k], e-k)
		for _, nr := range nrs[k:e] {
			en := entries[nr]
			if en.free {
				fmt.Fprintf(&out, "%010d %05d f \n", en.off, en.gen)
			} else {
				fmt.Fprintf(&out, "%010d %05d n \n", offsets[nr], en.gen)
			}
		}
		k = e
	}
	trailer := types.Dict{"Size": types.Integer(size), "Root": *ctx.Root, "ID": types.Array{first, id1}}
	if ctx.Info != nil {
		trailer["Info"] = *ctx.Info
	}
	fmt.Fprintf(&out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer.PDFString(), xref)
	return out.Bytes(), nil
}

// freeze numbers the objects of ctx in a fixed order, walking the object
// graph from the catalogue and the document information (dictionary keys
// in sorted order), and drops the objects nothing refers to. pdfcpu numbers
// a merged file's objects in Go's map order, which changes from run to
// run; after freeze the numbers depend only on the content.
func freeze(ctx *model.Context) error {
	if ctx.Root == nil {
		return errors.New("the pack has no catalogue")
	}
	// Write the cached name trees (attachments, destinations) into their
	// objects now: pdfcpu would do it while writing, after the numbering.
	if err := ctx.BindNameTrees(); err != nil {
		return err
	}
	ctx.Names = map[string]*model.Node{}

	renum := map[int]int{} // old number to new, for objects that exist
	seen := map[int]bool{}
	var order []int
	var visit func(o types.Object)
	visit = func(o types.Object) {
		switch v := o.(type) {
		case types.IndirectRef:
			nr := v.ObjectNumber.Value()
			if seen[nr] {
				return
			}
			seen[nr] = true
			e, ok := ctx.Table[nr]
			if !ok || e == nil || e.Free || e.Object == nil || nr == 0 {
				return // dangling: patched to null
			}
			order = append(order, nr)
			renum[nr] = len(order)
			visit(e.Object)
		case types.Dict:
			for _, k := range slices.Sorted(maps.Keys(v)) {
				visit(v[k])
			}
		case types.StreamDict:
			visit(v.Dict)
		case types.Array:
			for _, x := range v {
				visit(x)
			}
		}
	}
	visit(*ctx.Root)
	if ctx.Info != nil {
		visit(*ctx.Info)
	}
	if _, ok := renum[ctx.Root.ObjectNumber.Value()]; !ok {
		return errors.New("the pack's catalogue is missing")
	}

	table := map[int]*model.XRefTableEntry{0: model.NewFreeHeadXRefTableEntry()}
	for _, old := range order {
		e := *ctx.Table[old]
		zero := 0
		e.Generation, e.Offset = &zero, nil
		e.Compressed, e.ObjectStream, e.ObjectStreamInd = false, nil, nil
		e.Object = renumbered(e.Object, renum)
		table[renum[old]] = &e
	}
	ctx.Table = table
	size := len(order) + 1
	ctx.Size = &size
	ctx.Root = types.NewIndirectRef(renum[ctx.Root.ObjectNumber.Value()], 0)
	if ctx.Info != nil {
		if nr, ok := renum[ctx.Info.ObjectNumber.Value()]; ok {
			ctx.Info = types.NewIndirectRef(nr, 0)
		} else {
			ctx.Info = nil
		}
	}
	root, ok := table[ctx.Root.ObjectNumber.Value()].Object.(types.Dict)
	if !ok {
		return errors.New("the pack's catalogue is not a dictionary")
	}
	ctx.RootDict = root
	// pdfcpu's notes on the old numbers no longer apply.
	ctx.Optimize = &model.OptimizationContext{
		DuplicateFontObjs: types.IntSet{}, DuplicateImageObjs: types.IntSet{}, DuplicateInfoObjects: types.IntSet{},
	}
	ctx.LinearizationObjs = types.IntSet{}
	if ctx.Read != nil {
		ctx.Read.ObjectStreams = types.IntSet{}
		ctx.Read.XRefStreams = types.IntSet{}
		ctx.Read.Linearized = false
	}
	return nil
}

// renumbered is a copy of o with its references renumbered; a reference to
// an object that does not exist becomes null, as PDF reads it anyway.
func renumbered(o types.Object, renum map[int]int) types.Object {
	switch v := o.(type) {
	case types.IndirectRef:
		nr, ok := renum[v.ObjectNumber.Value()]
		if !ok {
			return nil
		}
		return *types.NewIndirectRef(nr, 0)
	case types.Dict:
		d := make(types.Dict, len(v))
		for k, x := range v {
			d[k] = renumbered(x, renum)
		}
		return d
	case types.StreamDict:
		v.Dict = renumbered(v.Dict, renum).(types.Dict)
		return v
	case types.Array:
		a := make(types.Array, len(v))
		for i, x := range v {
			a[i] = renumbered(x, renum)
		}
		return a
	}
	return o
}
