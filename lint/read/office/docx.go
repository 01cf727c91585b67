package office

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/citelint/citelint/lint"
)

// blockQuoteIndent is the left indentation, in twips, from which a
// paragraph that is not hanging-indented is a block quotation: half an
// inch, as MLA and APA ask.
const blockQuoteIndent = 720

// Docx reads a Word document. See the package comment for how positions
// map to paragraphs.
//
// What becomes what: heading styles (through word/styles.xml: outline
// levels, "heading N", "Title", localised ids) are headings; a paragraph
// all in bold or underlined is Strong; italic runs are Italics; numbered
// and bulleted paragraphs are list items, one List per numbering
// definition; a paragraph indented half an inch or more on the left (not
// a hanging indent) or in a quotation style is a block quotation;
// hyperlinks (elements and HYPERLINK fields) are Links; footnote and
// endnote references are NoteRefs whose text is the note's number, and the
// notes' paragraphs follow the body as blocks, each note a Note. Of a
// field only the displayed result is text: a Zotero or Mendeley citation
// reads as the citation it shows, its instruction and data are left out.
// Deleted tracked changes, drawings and text boxes are left out.
func Docx(path string, src []byte) (*lint.Document, error) {
	pkg, err := openDocx(path, src)
	if err != nil {
		return nil, err
	}
	body, notes, _, err := pkg.read()
	if err != nil {
		return nil, err
	}
	return build(path, lint.FormatDocx, body, notes), nil
}

// Comment is a Word comment, as the suppression feature reads it: a
// comment whose Text starts "citelint-disable" is a directive.
type Comment struct {
	ID     string
	Author string
	// Text is the comment's paragraphs joined by "\n".
	Text string
	// Paragraph is the 1-based number of the paragraph the comment is
	// anchored to (where its range starts) — the Src line of the Document
	// Docx returns — and EndParagraph where its range ends. Both are 0 for
	// a comment with no anchor in the body (one placed in a footnote).
	Paragraph, EndParagraph int
}

// DocxComments returns the comments of a Word document in the order of
// word/comments.xml, each with the paragraph it is anchored to.
func DocxComments(src []byte) ([]Comment, error) {
	pkg, err := openDocx("document", src)
	if err != nil {
		return nil, err
	}
	f := findPart(pkg.zr, "word/comments.xml")
	if f == nil {
		return nil, nil
	}
	_, _, anchors, err := pkg.read()
	if err != nil {
		return nil, err
	}
	rc, err := openPart(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	comments, err := parseComments(rc)
	for i := range comments {
		a := anchors[comments[i].ID]
		comments[i].Paragraph, comments[i].EndParagraph = a.start, max(a.end, a.start)
	}
	return comments, err
}

type docxPackage struct {
	path string
	zr   *zip.Reader
}

func openDocx(path string, src []byte) (*docxPackage, error) {
	zr, err := openPackage(path, src, "a Word document")
	if err != nil {
		return nil, err
	}
	if findPart(zr, "word/document.xml") == nil {
		return nil, fmt.Errorf("%s: not a Word document (word/document.xml missing)", path)
	}
	return &docxPackage{path: path, zr: zr}, nil
}

// partError wraps an error reading a part with the file's path and says
// what it means for the student.
func (p *docxPackage) partError(err error) error {
	if errors.Is(err, errEncrypted) {
		return fmt.Errorf("%s: the document is password-protected or in the old .doc format", p.path)
	}
	return fmt.Errorf("%s: %w", p.path, err)
}

// read parses the body and the notes. Parts other than document.xml are
// optional: a missing or broken styles, relationships or notes part loses
// what it would have added, not the essay.
func (p *docxPackage) read() ([]*para, []note, map[string]anchor, error) {
	var styles *wordStyles
	if f := findPart(p.zr, "word/styles.xml"); f != nil {
		if rc, err := openPart(f); err == nil {
			styles = parseStyles(rc)
			rc.Close()
		}
	}
	w := &docxWalker{styles: styles, lists: map[string]int{}, anchors: map[string]anchor{}}
	w.rels = p.rels("word/_rels/document.xml.rels")
	// Note labels are numbered in the order the body refers to them, so the
	// body is read first; the notes' own parts are read after it.
	f := findPart(p.zr, "word/document.xml")
	rc, err := openPart(f)
	if err != nil {
		return nil, nil, nil, p.partError(err)
	}
	err = w.walk(rc, nil)
	rc.Close()
	if err != nil {
		return nil, nil, nil, p.partError(fmt.Errorf("word/document.xml: %w", err))
	}
	fixEndnoteLabels(w.paras, w.noteOrder, w.footnotes)
	body := w.paras
	var notes []note
	for _, kind := range []string{"footnote", "endnote"} {
		part := "word/" + kind + "s.xml"
		f := findPart(p.zr, part)
		if f == nil {
			continue
		}
		nw := &docxWalker{styles: styles, lists: w.lists, anchors: map[string]anchor{}, inNotes: true}
		nw.rels = p.rels("word/_rels/" + kind + "s.xml.rels")
		rc, err := openPart(f)
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, nil, nil, p.partError(err)
			}
			continue
		}
		byID := map[string][]*para{}
		var ids []string
		err = nw.walk(rc, func(id string, paras []*para) {
			if _, dup := byID[id]; !dup {
				ids = append(ids, id)
			}
			byID[id] = paras
		})
		rc.Close()
		if errors.Is(err, ErrTooLarge) {
			return nil, nil, nil, p.partError(err)
		}
		// Referenced notes in the order of reference, with the labels the
		// body shows; notes never referenced are left out, as Word does.
		for _, ref := range w.noteOrder {
			if ref.kind != kind {
				continue
			}
			if paras, ok := byID[ref.id]; ok {
				notes = append(notes, note{label: ref.label, paras: paras})
				delete(byID, ref.id)
			}
		}
	}
	return body, notes, w.anchors, nil
}

// rels reads a relationships part: relationship id → external target.
func (p *docxPackage) rels(name string) map[string]string {
	out := map[string]string{}
	f := findPart(p.zr, name)
	if f == nil {
		return out
	}
	rc, err := openPart(f)
	if err != nil {
		return out
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "Relationship" {
			if strings.HasSuffix(attr(t, "Type"), "/hyperlink") {
				out[attr(t, "Id")] = attr(t, "Target")
			}
		}
	}
}

// anchor is where a comment stands: paragraph numbers, 1-based.
type anchor struct{ start, end int }

// noteRef is a note reference in the body, in order.
type noteRef struct{ kind, id, label string }

// field is an open Word field: its instruction and whether its displayed
// result is being read.
type field struct {
	instr  strings.Builder
	result bool
	// hideResult: a table of contents or an index repeats the essay's
	// headings with page numbers; it is not essay text.
	hideResult bool
	simple     bool
	link       string // the target of a HYPERLINK field
	linkPara   *para
	linkAt     int
}

// openLink is an open w:hyperlink element.
type openLink struct {
	url string
	p   *para
	at  int
}

// runProps are a run's own formatting.
type runProps struct {
	bold, italic, underline *bool
	style                   string
	vertAlign               string
}

// paraProps are a paragraph's own properties.
type paraProps struct {
	style   string
	outline int
	numID   string
	hasNum  bool
	ind     indent
}

// docxWalker reads one story (the body, or the footnotes or endnotes
// part) of a Word document.
type docxWalker struct {
	styles *wordStyles
	rels   map[string]string
	lists  map[string]int

	inNotes bool

	paras     []*para
	cur       *para
	pp        paraProps
	rp        runProps
	fields    []*field
	links     []openLink
	noteOrder []noteRef
	footnotes int
	endnotes  int
	anchors   map[string]anchor
}

// hidden reports whether text at this point is a field instruction rather
// than displayed text.
func (w *docxWalker) hidden() bool {
	for _, f := range w.fields {
		if !f.result || f.hideResult {
			return true
		}
	}
	return false
}

// skipped lists elements whose content is never essay text: deleted
// tracked changes, drawings, text boxes and embedded objects, the
// properties of sections, tables and content controls, form field data.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "delInstrText": true,
	"drawing": true, "pict": true, "object": true, "AlternateContent": true, "txbxContent": true,
	"sectPr": true, "tblPr": true, "tblGrid": true, "trPr": true, "tcPr": true, "sdtPr": true,
	"sdtEndPr": true, "fldData": true, "ffData": true, "customXmlPr": true, "smartTagPr": true,
	"rPrChange": true, "pPrChange": true, "annotationRef": true, "separator": true,
	"continuationSeparator": true, "footnoteRef": true, "endnoteRef": true, "sym": true,
}

// walk reads a story. In a notes part, onNote receives each note's id
// and paragraphs; separators and continuation notices are left out.
func (w *docxWalker) walk(r io.Reader, onNote func(id string, paras []*para)) error {
	dec := xml.NewDecoder(r)
	noteStart := -1
	noteID := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if w.cur != nil {
				w.endPara()
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if skipped[name] {
				if err := dec.Skip(); err != nil {
					return err
				}
				continue
			}
			switch name {
			case "footnote", "endnote":
				if onNote == nil {
					continue
				}
				if typ := attr(t, "type"); typ != "" && typ != "normal" {
					if err := dec.Skip(); err != nil {
						return err
					}
					continue
				}
				noteStart, noteID = len(w.paras), attr(t, "id")
			case "p":
				if w.cur != nil {
					continue // a paragraph inside a paragraph: read as one
				}
				w.cur = &para{}
				w.pp = paraProps{outline: -1}
			case "pPr":
				if err := w.paraProps(dec); err != nil {
					return err
				}
			case "r":
				w.rp = runProps{}
			case "rPr":
				if err := w.runProps(dec); err != nil {
					return err
				}
			case "t":
				text, err := charData(dec)
				if err != nil {
					return err
				}
				w.add(text)
			case "instrText":
				text, err := charData(dec)
				if err != nil {
					return err
				}
				if k := len(w.fields); k > 0 {
					w.fields[k-1].instr.WriteString(text)
				}
			case "tab", "ptab":
				w.add("\t")
			case "br", "cr":
				if w.cur != nil && !w.hidden() {
					w.cur.addBreak()
				}
			case "noBreakHyphen":
				w.add("-")
			case "fldChar":
				w.fieldChar(attr(t, "fldCharType"))
			case "fldSimple":
				f := &field{simple: true, result: true}
				f.instr.WriteString(attr(t, "instr"))
				w.fields = append(w.fields, f)
				w.startFieldLink(f)
			case "hyperlink":
				url := w.rels[attrNS(t, "relationships", "id")]
				w.links = append(w.links, openLink{url: url, p: w.cur, at: w.pos()})
			case "footnoteReference", "endnoteReference":
				w.noteReference(strings.TrimSuffix(name, "Reference"), attr(t, "id"))
			case "commentRangeStart":
				w.anchorComment(attr(t, "id"), true)
			case "commentRangeEnd", "commentReference":
				w.anchorComment(attr(t, "id"), false)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if w.cur != nil {
					w.endPara()
				}
			case "r":
				w.rp = runProps{}
			case "fldSimple":
				if k := len(w.fields); k > 0 && w.fields[k-1].simple {
					w.endField(w.fields[k-1])
					w.fields = w.fields[:k-1]
				}
			case "hyperlink":
				if k := len(w.links); k > 0 {
					l := w.links[k-1]
					w.links = w.links[:k-1]
					if l.url != "" && l.p != nil && l.p == w.cur {
						l.p.links = append(l.p.links, lint.Link{Range: lint.Range{Start: l.at, End: w.pos()}, URL: l.url})
					}
				}
			case "footnote", "endnote":
				if onNote != nil && noteStart >= 0 {
					onNote(noteID, w.paras[noteStart:])
					noteStart = -1
				}
			}
		}
	}
}

func (w *docxWalker) pos() int {
	if w.cur == nil {
		return 0
	}
	return w.cur.len()
}

// add appends displayed text to the paragraph with the run's formatting.
func (w *docxWalker) add(text string) {
	if w.cur == nil || text == "" || w.hidden() {
		return
	}
	bold := w.runFlag(func(s *wordStyle) *bool { return s.bold }, w.rp.bold)
	underline := w.runFlag(func(s *wordStyle) *bool { return s.underline }, w.rp.underline)
	italic := w.rp.italic != nil && *w.rp.italic
	if w.rp.italic == nil && w.rp.style != "" {
		// Character styles (Emphasis, Book Title) italicise titles; a
		// paragraph style's italics (Quote) are not a title's and are not
		// counted.
		italic, _ = w.styles.flag(w.rp.style, func(s *wordStyle) *bool { return s.italic })
	}
	start := w.cur.len()
	w.cur.add(text, bold || underline)
	if italic {
		w.cur.italics = append(w.cur.italics, lint.Range{Start: start, End: w.cur.len()})
	}
}

// runFlag resolves a toggle property: the run's own value, else its
// character style's, else the paragraph style's.
func (w *docxWalker) runFlag(get func(*wordStyle) *bool, own *bool) bool {
	if own != nil {
		return *own
	}
	if w.rp.style != "" {
		if v, ok := w.styles.flag(w.rp.style, get); ok {
			return v
		}
	}
	style := w.pp.style
	if style == "" && w.styles != nil {
		style = w.styles.defaultParID
	}
	v, _ := w.styles.flag(style, get)
	return v
}

// paraProps reads a w:pPr element.
func (w *docxWalker) paraProps(dec *xml.Decoder) error {
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "pStyle":
				w.pp.style = attr(t, "val")
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(t, "val")); err == nil {
					w.pp.outline = n
				}
			case "numId":
				w.pp.numID, w.pp.hasNum = attr(t, "val"), true
			case "ind":
				w.pp.ind = parseInd(t)
			case "rPr", "pPrChange", "sectPr", "tabs":
				// The paragraph mark's formatting and old properties are
				// not the paragraph's text formatting.
				if err := dec.Skip(); err != nil {
					return err
				}
				depth--
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// runProps reads a w:rPr element.
func (w *docxWalker) runProps(dec *xml.Decoder) error {
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			v := propOn(t)
			switch t.Name.Local {
			case "b":
				w.rp.bold = &v
			case "i":
				w.rp.italic = &v
			case "u":
				w.rp.underline = &v
			case "rStyle":
				w.rp.style = attr(t, "val")
			case "vertAlign":
				w.rp.vertAlign = attr(t, "val")
			case "rPrChange":
				if err := dec.Skip(); err != nil {
					return err
				}
				depth--
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// charData reads the text of the element just opened, up to its end.
func charData(dec *xml.Decoder) (string, error) {
	var sb strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return sb.String(), err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 1 {
				sb.Write(t)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return sb.String(), nil
}

// fieldChar handles a complex field's begin, separate and end marks.
func (w *docxWalker) fieldChar(kind string) {
	switch kind {
	case "begin":
		if len(w.fields) < 64 {
			w.fields = append(w.fields, &field{})
		}
	case "separate":
		if k := len(w.fields); k > 0 && !w.fields[k-1].simple {
			f := w.fields[k-1]
			f.result = true
			switch first, _, _ := strings.Cut(strings.TrimSpace(f.instr.String()), " "); strings.ToUpper(first) {
			case "TOC", "INDEX":
				f.hideResult = true
			}
			w.startFieldLink(f)
		}
	case "end":
		if k := len(w.fields); k > 0 && !w.fields[k-1].simple {
			w.endField(w.fields[k-1])
			w.fields = w.fields[:k-1]
		}
	}
}

// startFieldLink notes where a HYPERLINK field's displayed text starts.
func (w *docxWalker) startFieldLink(f *field) {
	instr := strings.Fields(f.instr.String())
	if len(instr) < 2 || !strings.EqualFold(instr[0], "HYPERLINK") {
		return
	}
	for _, arg := range instr[1:] {
		if strings.HasPrefix(arg, `\`) {
			continue // a switch (\l anchor, \o tooltip, \t target)
		}
		f.link = strings.Trim(arg, `"“”`)
		break
	}
	if strings.Contains(f.instr.String(), `\l`) && !strings.Contains(f.link, "://") {
		f.link = "" // a link to a bookmark in the document
	}
	f.linkPara, f.linkAt = w.cur, w.pos()
}

func (w *docxWalker) endField(f *field) {
	if f.link != "" && f.linkPara != nil && f.linkPara == w.cur {
		w.cur.links = append(w.cur.links, lint.Link{Range: lint.Range{Start: f.linkAt, End: w.pos()}, URL: f.link})
	}
}

// noteReference writes a note's number where the body refers to it, as
// Word shows it, and records the reference. Footnotes are numbered 1, 2, …;
// endnotes too, unless the document also has footnotes, when they are
// numbered i, ii, … as Word does by default, so the labels stay distinct.
func (w *docxWalker) noteReference(kind, id string) {
	if w.cur == nil || w.inNotes || w.hidden() {
		return
	}
	var label string
	if kind == "footnote" {
		w.footnotes++
		label = strconv.Itoa(w.footnotes)
	} else {
		w.endnotes++
		label = "e" + strconv.Itoa(w.endnotes) // fixed at the end of the body
	}
	start := w.cur.len()
	w.cur.add(label, false)
	w.cur.refs = append(w.cur.refs, lint.NoteRef{Label: label, Range: lint.Range{Start: start, End: w.cur.len()}})
	w.noteOrder = append(w.noteOrder, noteRef{kind: kind, id: id, label: label})
}

func (w *docxWalker) anchorComment(id string, start bool) {
	if w.inNotes || id == "" {
		return
	}
	n := len(w.paras) + 1 // the paragraph being read
	a, seen := w.anchors[id]
	if start || !seen {
		if !seen || start {
			a.start = n
		}
	}
	a.end = n
	w.anchors[id] = a
}

// endPara closes the paragraph: its kind from its properties and style.
func (w *docxWalker) endPara() {
	p := w.cur
	w.cur = nil
	style := w.pp.style
	if style == "" && w.styles != nil {
		style = w.styles.defaultParID
	}
	p.kind = lint.BlockParagraph
	level := 0
	if w.pp.outline >= 0 && w.pp.outline < 9 {
		level = min(w.pp.outline+1, 6)
	} else if style != "" {
		level = w.styles.headingLevel(style)
	}
	numID, hasNum := w.pp.numID, w.pp.hasNum
	if !hasNum && style != "" {
		numID, hasNum = w.styles.numbering(style)
	}
	ind := w.pp.ind
	if !ind.set && style != "" && !w.styles.isListStyle(style) {
		// "List Paragraph" is indented for the bullets it lost; its
		// indentation is not a block quotation's.
		ind = w.styles.indentation(style)
	}
	switch {
	case level > 0:
		p.kind, p.level = lint.BlockHeading, level
	case hasNum && numID != "" && numID != "0":
		p.kind = lint.BlockListItem
		if _, ok := w.lists[numID]; !ok {
			w.lists[numID] = len(w.lists) + 1
		}
		p.list = w.lists[numID]
	case ind.left >= blockQuoteIndent && ind.hanging <= 0, style != "" && w.styles.isQuoteStyle(style):
		p.kind = lint.BlockQuotation
	}
	w.paras = append(w.paras, p)
}

// fixEndnoteLabels renumbers endnote labels once the body has been read:
// "1", "2", … when there are no footnotes, else "i", "ii", ….
func fixEndnoteLabels(paras []*para, order []noteRef, footnotes int) {
	relabel := map[string]string{}
	n := 0
	for i, ref := range order {
		if ref.kind != "endnote" {
			continue
		}
		n++
		label := strconv.Itoa(n)
		if footnotes > 0 {
			label = roman(n)
		}
		relabel[ref.label] = label
		order[i].label = label
	}
	if len(relabel) == 0 {
		return
	}
	type edit struct{ at, d int }
	for _, p := range paras {
		var edits []edit
		text := p.text.String()
		var sb strings.Builder
		last := 0
		for _, r := range p.refs {
			label, ok := relabel[r.Label]
			if !ok || r.Start < last || r.End > len(text) {
				continue
			}
			sb.WriteString(text[last:r.Start])
			sb.WriteString(label)
			last = r.End
			edits = append(edits, edit{r.End, len(label) - r.Len()})
		}
		if len(edits) == 0 {
			continue
		}
		sb.WriteString(text[last:])
		remap := func(x int) int {
			for _, e := range edits {
				if x >= e.at {
					x += e.d
				}
			}
			return x
		}
		remapRange := func(r lint.Range) lint.Range { return lint.Range{Start: remap(r.Start), End: remap(r.End)} }
		for i, r := range p.refs {
			start := remap(r.Start)
			if label, ok := relabel[r.Label]; ok {
				p.refs[i] = lint.NoteRef{Label: label, Range: lint.Range{Start: start, End: start + len(label)}}
			} else {
				p.refs[i].Range = remapRange(r.Range)
			}
		}
		for i := range p.italics {
			p.italics[i] = remapRange(p.italics[i])
		}
		for i := range p.links {
			p.links[i].Range = remapRange(p.links[i].Range)
		}
		p.text.Reset()
		p.text.WriteString(sb.String())
	}
}

// roman writes n in lower-case Roman numerals.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	var sb strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= d.v {
			sb.WriteString(d.s)
			n -= d.v
		}
	}
	return sb.String()
}

// parseComments reads word/comments.xml.
func parseComments(r io.Reader) ([]Comment, error) {
	dec := xml.NewDecoder(r)
	var out []Comment
	var cur *Comment
	var paras []string
	var sb strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "comment":
				out = append(out, Comment{ID: attr(t, "id"), Author: attr(t, "author")})
				cur = &out[len(out)-1]
				paras = paras[:0]
			case "p":
				sb.Reset()
			case "t":
				text, err := charData(dec)
				if err != nil {
					return out, err
				}
				sb.WriteString(text)
			case "tab":
				sb.WriteByte('\t')
			case "delText", "instrText", "annotationRef":
				if err := dec.Skip(); err != nil {
					return out, err
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				paras = append(paras, sb.String())
			case "comment":
				if cur != nil {
					cur.Text = strings.TrimSpace(strings.Join(paras, "\n"))
				}
				cur = nil
			}
		}
	}
}
