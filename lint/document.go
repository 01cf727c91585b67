package lint

import (
	"slices"
	"sort"
	"strings"
)

// Format names the format a document was read from.
type Format string

// The formats citelint reads.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatDocx     Format = "docx"
	FormatODT      Format = "odt"
	FormatPDF      Format = "pdf"
)

// Range is a half-open range [Start, End) of a Document's Text. Stages work
// in Text offsets; Document.SourceSpan maps a Range back to the original
// bytes, so every finding is reported where it stands in the file.
type Range struct{ Start, End int }

// Len is the range's length in bytes of Text.
func (r Range) Len() int { return r.End - r.Start }

// Contains reports whether the text offset off lies inside the range.
func (r Range) Contains(off int) bool { return off >= r.Start && off < r.End }

// BlockKind says what kind of block a Block is.
type BlockKind int

// The kinds of block a reader produces.
const (
	BlockParagraph BlockKind = iota
	BlockHeading
	BlockListItem
	BlockQuotation // a block quotation: <blockquote>, Markdown ">", an indented paragraph
	BlockCaption   // a figure caption or image credit: names an image's source, never an essay claim
)

func (k BlockKind) String() string {
	switch k {
	case BlockHeading:
		return "heading"
	case BlockListItem:
		return "list-item"
	case BlockQuotation:
		return "blockquote"
	case BlockCaption:
		return "caption"
	default:
		return "paragraph"
	}
}

// Block is one paragraph-like unit of the essay's text.
type Block struct {
	Kind BlockKind
	// Level is the heading level (1–6) of a heading block.
	Level int
	// Range is where the block's text stands in Document.Text.
	Range
	// Strong is true when the whole block is bold (or underlined): a bold
	// line can stand in for a heading.
	Strong bool
	// List numbers the list a list item belongs to, counting from 1, so
	// that items of one list can be told from the next list's.
	List int
}

// Link is a hyperlink in the essay's text.
type Link struct {
	Range
	URL string
}

// Note is a footnote or endnote: its label and the range of its text.
type Note struct {
	Label string
	Range
}

// NoteRef is a reference to a note from the body (Markdown [^1], a
// superscript number, a Word footnote reference).
type NoteRef struct {
	Label string
	Range
}

// Document is an essay as a reader produced it: the original bytes, the
// essay's text (boilerplate such as comment threads and share widgets
// already left out), its blocks, and the map from text offsets back to
// source offsets.
type Document struct {
	Path   string
	Format Format
	// Src is the original file, byte for byte.
	Src []byte
	// Text is the essay's text: blocks separated by blank lines, inline
	// markup removed, entities decoded.
	Text   string
	Blocks []Block
	Links  []Link
	// Italics are the ranges of Text set in italics (titles of long works).
	Italics  []Range
	Notes    []Note
	NoteRefs []NoteRef
	// Student and Late come from a submission's name in an archive.
	Student string
	Late    bool

	segments []segment
}

// segment maps Text[text:text+n] to Src[src:srcEnd]. When the two have the
// same length the map is byte for byte; otherwise (an entity, a synthetic
// separator) the whole text piece maps to the whole source range.
type segment struct{ text, n, src, srcEnd int }

// TextBuilder assembles a Document's Text piece by piece while recording
// where each piece came from.
type TextBuilder struct {
	b    strings.Builder
	segs []segment
}

// Grow makes room for n more bytes of text in about pieces more pieces,
// so that a reader that knows its input's size builds without regrowing.
func (tb *TextBuilder) Grow(n, pieces int) {
	tb.b.Grow(n)
	tb.segs = slices.Grow(tb.segs, pieces)
}

// Len is the length of the text built so far.
func (tb *TextBuilder) Len() int { return tb.b.Len() }

// String returns the text built so far.
func (tb *TextBuilder) String() string { return tb.b.String() }

// Add appends s, which stands at src in the original file.
func (tb *TextBuilder) Add(s string, src Span) {
	if s == "" {
		return
	}
	n := tb.b.Len()
	if k := len(tb.segs); k > 0 {
		last := &tb.segs[k-1]
		exact := last.srcEnd-last.src == last.n
		if exact && len(s) == src.Len() && last.text+last.n == n && last.srcEnd == src.Start {
			last.n += len(s)
			last.srcEnd = src.End
			tb.b.WriteString(s)
			return
		}
	}
	tb.segs = append(tb.segs, segment{text: n, n: len(s), src: src.Start, srcEnd: src.End})
	tb.b.WriteString(s)
}

// AddSynthetic appends s, which has no source of its own (a separator
// between blocks); it maps to the point at in the original file.
func (tb *TextBuilder) AddSynthetic(s string, at int) {
	tb.Add(s, Span{at, at})
}

// Finish stores the built text and its map in doc.
func (tb *TextBuilder) Finish(doc *Document) {
	doc.Text = tb.b.String()
	doc.segments = tb.segs
}

// SetIdentityText makes Text the source itself, byte for byte.
func (d *Document) SetIdentityText() {
	d.Text = string(d.Src)
	d.segments = []segment{{text: 0, n: len(d.Src), src: 0, srcEnd: len(d.Src)}}
}

// SourceOffset maps a text offset to a source offset. An offset inside a
// piece that is not byte for byte (an entity) maps to the piece's start;
// the end of the text maps to the end of the last piece.
func (d *Document) SourceOffset(off int) int {
	return d.sourceOffset(off, false)
}

func (d *Document) sourceOffset(off int, isEnd bool) int {
	segs := d.segments
	if len(segs) == 0 {
		if off > len(d.Src) {
			return len(d.Src)
		}
		if off < 0 {
			return 0
		}
		return off
	}
	// For an end offset, look up the byte before it so that a range ending
	// at a piece's end maps to that piece's end, not the next piece's start.
	look := off
	if isEnd && off > 0 {
		look = off - 1
	}
	i := sort.Search(len(segs), func(i int) bool { return segs[i].text > look }) - 1
	if i < 0 {
		return segs[0].src
	}
	s := segs[i]
	if look >= s.text+s.n {
		return s.srcEnd
	}
	if s.srcEnd-s.src == s.n {
		if isEnd {
			return s.src + (off - s.text)
		}
		return s.src + (look - s.text)
	}
	if isEnd {
		return s.srcEnd
	}
	return s.src
}

// SourceSpan maps a range of Text to the span of the original file it came
// from.
func (d *Document) SourceSpan(r Range) Span {
	start := d.sourceOffset(r.Start, false)
	if r.End <= r.Start {
		return Span{start, start}
	}
	end := d.sourceOffset(r.End, true)
	if end < start {
		end = start
	}
	return Span{start, end}
}

// Slice returns the text of range r, clamped to Text.
func (d *Document) Slice(r Range) string {
	start, end := max(r.Start, 0), min(r.End, len(d.Text))
	if start >= end {
		return ""
	}
	return d.Text[start:end]
}

// BlockAt returns the index of the block holding text offset off, or -1.
func (d *Document) BlockAt(off int) int {
	i := sort.Search(len(d.Blocks), func(i int) bool { return d.Blocks[i].End > off })
	if i < len(d.Blocks) && d.Blocks[i].Start <= off {
		return i
	}
	return -1
}
