package office

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// para is one paragraph as a reader found it, before it is placed in the
// Document. Offsets in it are byte offsets into text.
type para struct {
	kind  lint.BlockKind
	level int
	list  int
	text  strings.Builder
	// strong and plain say whether the paragraph has letters or digits in
	// bold (or underlined) and outside bold.
	strong, plain bool
	italics       []lint.Range
	links         []lint.Link
	refs          []lint.NoteRef
}

// add appends s to the paragraph. Line breaks in s become spaces: a
// paragraph is one line of Src; addBreak is the only way to a "\n".
func (p *para) add(s string, bold bool) {
	if s == "" {
		return
	}
	if strings.ContainsAny(s, "\r\n\v\f\x00") {
		s = strings.Map(func(r rune) rune {
			switch r {
			case '\r', '\n', '\v', '\f':
				return ' '
			case 0:
				return -1
			}
			return r
		}, s)
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	p.text.WriteString(s)
	if p.strong && p.plain {
		return
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if bold {
				p.strong = true
			} else {
				p.plain = true
			}
			if p.strong && p.plain {
				return
			}
		}
	}
}

// addBreak appends a line break inside the paragraph. It is "\n" in Text
// and a space in Src, so both have the same length and the map stays byte
// for byte.
func (p *para) addBreak() { p.text.WriteByte('\n') }

func (p *para) len() int { return p.text.Len() }

// note is a footnote or endnote: its label and paragraphs.
type note struct {
	label string
	paras []*para
}

// build assembles the Document from the body's paragraphs and the notes:
// Src one line per paragraph, Text the non-empty paragraphs separated by
// blank lines, every Text byte mapped to the same byte of Src.
func build(path string, format lint.Format, body []*para, notes []note) *lint.Document {
	var src strings.Builder
	var tb lint.TextBuilder
	doc := &lint.Document{Path: path, Format: format}
	line := 0
	place := func(p *para) (lint.Block, bool) {
		if line > 0 {
			src.WriteByte('\n')
		}
		line++
		lineStart := src.Len()
		text := p.text.String()
		src.WriteString(strings.ReplaceAll(text, "\n", " "))
		a, b := trimSpace(text)
		if a >= b {
			return lint.Block{}, false
		}
		if tb.Len() > 0 {
			tb.AddSynthetic("\n\n", lineStart+a)
		}
		start := tb.Len()
		tb.Add(text[a:b], lint.Span{Start: lineStart + a, End: lineStart + b})
		blk := lint.Block{Kind: p.kind, Level: p.level, List: p.list, Range: lint.Range{Start: start, End: tb.Len()}}
		blk.Strong = p.strong && !p.plain
		if blk.Kind != lint.BlockListItem {
			blk.List = 0
		}
		if blk.Kind != lint.BlockHeading {
			blk.Level = 0
		}
		// Marks in paragraph offsets, clamped to the trimmed text and moved
		// to Text offsets.
		move := func(r lint.Range) (lint.Range, bool) {
			r.Start, r.End = max(r.Start, a), min(r.End, b)
			for r.Start < r.End && isSpace(text[r.Start]) {
				r.Start++
			}
			for r.End > r.Start && isSpace(text[r.End-1]) {
				r.End--
			}
			if r.Start >= r.End {
				return r, false
			}
			return lint.Range{Start: start + r.Start - a, End: start + r.End - a}, true
		}
		for _, it := range p.italics {
			if r, ok := move(it); ok {
				doc.Italics = append(doc.Italics, r)
			}
		}
		for _, l := range p.links {
			if r, ok := move(l.Range); ok {
				doc.Links = append(doc.Links, lint.Link{Range: r, URL: l.URL})
			}
		}
		for _, ref := range p.refs {
			if r, ok := move(ref.Range); ok {
				doc.NoteRefs = append(doc.NoteRefs, lint.NoteRef{Label: ref.Label, Range: r})
			}
		}
		doc.Blocks = append(doc.Blocks, blk)
		return blk, true
	}
	for _, p := range body {
		place(p)
	}
	for _, n := range notes {
		var first, last lint.Block
		placed := false
		for _, p := range n.paras {
			if blk, ok := place(p); ok {
				if !placed {
					first = blk
				}
				last, placed = blk, true
			}
		}
		if placed {
			doc.Notes = append(doc.Notes, lint.Note{Label: n.label, Range: lint.Range{Start: first.Start, End: last.End}})
		}
	}
	doc.Src = []byte(src.String())
	tb.Finish(doc)
	byStart := func(a, c lint.Range) int { return a.Start - c.Start }
	slices.SortStableFunc(doc.Italics, byStart)
	doc.Italics = mergeRanges(doc.Text, doc.Italics)
	slices.SortStableFunc(doc.Links, func(a, c lint.Link) int { return byStart(a.Range, c.Range) })
	slices.SortStableFunc(doc.NoteRefs, func(a, c lint.NoteRef) int { return byStart(a.Range, c.Range) })
	return doc
}

// mergeRanges joins sorted ranges that overlap or are separated by spaces
// only: an italic title split over several runs (Word splits runs at every
// edit, and the space between two words may be a run of its own) is one
// range.
func mergeRanges(text string, rs []lint.Range) []lint.Range {
	out := rs[:0]
	for _, r := range rs {
		if k := len(out); k > 0 && (r.Start <= out[k-1].End || strings.Trim(text[out[k-1].End:r.Start], " \t") == "") {
			out[k-1].End = max(out[k-1].End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// trimSpace returns the bounds of s without leading and trailing white
// space (no-break spaces included).
func trimSpace(s string) (int, int) {
	a, b := 0, len(s)
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}
