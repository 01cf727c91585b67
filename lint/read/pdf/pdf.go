// Package pdf reads the text layer of a PDF essay, page by page, in pure
// Go: a scan of the file's objects (object streams included), Flate, LZW,
// ASCIIHex and ASCII85 streams, the text operators of content streams
// (Tj, TJ, ', ", Td, TD, T*, Tm, TL, Tc, Tw, Tz, Ts, form XObjects), and
// fonts' ToUnicode CMaps, WinAnsi, MacRoman and Standard encodings with
// Differences.
//
// Positions: SPEC says a PDF position is a page and a line. A Document's
// Src is a synthetic UTF-8 text with one line per text line of the PDF, in
// the order the pages show them, and a line holding only a form feed
// ("\f") between one page and the next. PageLine turns a Src line number
// into the page and the line on that page. Text is built from Src with
// every character mapped to itself.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/citelint/citelint/lint"
)

// PageBreak is the line that stands between two pages in Src.
const PageBreak = "\f"

// PDF reads a PDF essay. Blocks are paragraphs told apart by blank
// vertical gaps, indentation (a first-line indent, an indented block
// quotation; a hanging-indented works-cited entry stays one block), short
// last lines, list markers and changes of type size or weight; a line set
// larger than the body is a heading, a paragraph all in bold is Strong,
// text in italic fonts is in Italics, and the text under a link
// annotation to a URI is a Link. A paragraph that runs on over a page
// break is one block. Running heads and feet (MLA's "Smith 2", page
// numbers, lines a tagged PDF marks as artifacts) stay in Src but not in
// Text. Line-end hyphens are left as they are: removing them would make
// Text differ from Src, and quotation matching already folds line-break
// hyphenation.
func PDF(path string, src []byte) (*lint.Document, error) {
	head := src[:min(len(src), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return nil, fmt.Errorf("%s: not a PDF file", path)
	}
	f, err := open(src)
	if errors.Is(err, errEncrypted) {
		return nil, fmt.Errorf("%s: the PDF is encrypted; save an unprotected copy", path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	pageDicts := f.pages()
	if len(pageDicts) == 0 {
		return nil, fmt.Errorf("%s: no pages found (a damaged PDF?)", path)
	}
	in := &interp{f: f, fonts: map[any]*font{}}
	pages := make([][]line, len(pageDicts))
	chars := 0
	for i, p := range pageDicts {
		pages[i] = lines(i+1, in.page(p))
		applyLinks(pages[i], f.annotations(p))
		for _, l := range pages[i] {
			chars += len(strings.TrimSpace(l.text))
		}
	}
	if chars == 0 {
		return nil, fmt.Errorf("%s: the PDF has no text layer (a scan?); run OCR or submit the original document", path)
	}
	markChrome(pages)
	return build(path, pages), nil
}

// PageLine returns the page (from 1) and the line on that page (from 1)
// of Src line number line (from 1) of a Document that PDF made. The
// page-break line between two pages gives the page after it and line 0.
func PageLine(src []byte, line int) (page, lineOnPage int) {
	page, lineOnPage = 1, 0
	n := 0
	for len(src) > 0 || n == 0 {
		n++
		end := bytes.IndexByte(src, '\n')
		text := src
		if end >= 0 {
			text, src = src[:end], src[end+1:]
		} else {
			src = nil
		}
		if string(text) == PageBreak {
			page++
			lineOnPage = 0
		} else {
			lineOnPage++
		}
		if n == line {
			if string(text) == PageBreak {
				return page, 0
			}
			return page, lineOnPage
		}
		if end < 0 {
			break
		}
	}
	return page, lineOnPage
}

// build writes Src and Text and finds the blocks.
func build(path string, pages [][]line) *lint.Document {
	var src strings.Builder
	type placed struct {
		l          line
		start, end int // in Src
	}
	var content []placed
	lineNo := 0
	for i, ls := range pages {
		if i > 0 {
			if src.Len() > 0 || lineNo > 0 {
				src.WriteByte('\n')
			}
			src.WriteString(PageBreak)
			lineNo++
		}
		for _, l := range ls {
			if lineNo > 0 {
				src.WriteByte('\n')
			}
			lineNo++
			start := src.Len()
			src.WriteString(l.text)
			if !l.chrome {
				content = append(content, placed{l, start, src.Len()})
			}
		}
	}
	m := measure(pages)
	doc := &lint.Document{Path: path, Format: lint.FormatPDF, Src: []byte(src.String())}
	var tb lint.TextBuilder
	var blk lint.Block
	open := false
	blockLines := 0
	allBold := true
	allIndented := true
	closeBlock := func() {
		if !open {
			return
		}
		open = false
		blk.End = tb.Len()
		blk.Strong = allBold
		if blk.Kind == lint.BlockParagraph && blockLines >= 2 && allIndented {
			blk.Kind = lint.BlockQuotation
		}
		if blk.End > blk.Start {
			doc.Blocks = append(doc.Blocks, blk)
		}
	}
	for i, p := range content {
		text := doc.Src[p.start:p.end]
		a, b := trimBounds(text)
		if a >= b {
			continue
		}
		newBlock := i == 0 || breaksBefore(content[i-1].l, p.l, blockLines == 1, m)
		if newBlock {
			closeBlock()
			kind, level := lint.BlockParagraph, 0
			if p.l.size >= 1.15*m.size {
				kind, level = lint.BlockHeading, 2
				if p.l.size >= 1.5*m.size {
					level = 1
				}
			}
			if loc := listMarkerRE.FindIndex(text[a:b]); loc != nil && kind == lint.BlockParagraph {
				kind = lint.BlockListItem
				a += loc[1]
			}
			if tb.Len() > 0 {
				tb.AddSynthetic("\n\n", p.start+a)
			}
			blk = lint.Block{Kind: kind, Level: level, Range: lint.Range{Start: tb.Len()}}
			if kind == lint.BlockListItem {
				blk.List = 1
				if n := len(doc.Blocks); n > 0 && doc.Blocks[n-1].Kind == lint.BlockListItem {
					blk.List = doc.Blocks[n-1].List
				} else {
					blk.List = countLists(doc.Blocks) + 1
				}
			}
			open, blockLines, allBold, allIndented = true, 0, true, true
		} else {
			prev := content[i-1]
			if prev.end+1 == p.start {
				tb.Add("\n", lint.Span{Start: prev.end, End: p.start})
			} else {
				tb.AddSynthetic("\n", prev.end)
			}
			// The continuation keeps the whole line from its start, so
			// that the map stays byte for byte.
			a = 0
		}
		lineStart := tb.Len()
		tb.Add(string(text[a:b]), lint.Span{Start: p.start + a, End: p.start + b})
		for _, it := range p.l.italics {
			s, e := max(it[0], a), min(it[1], b)
			if s < e {
				doc.Italics = append(doc.Italics, lint.Range{Start: lineStart + s - a, End: lineStart + e - a})
			}
		}
		for _, ln := range p.l.links {
			s, e := max(ln.start, a), min(ln.end, b)
			if s >= e {
				continue
			}
			r := lint.Range{Start: lineStart + s - a, End: lineStart + e - a}
			// A URL wrapped onto the next line of the block is one link.
			if k := len(doc.Links); k > 0 && doc.Links[k-1].URL == ln.url && doc.Links[k-1].End+1 == r.Start && s == a {
				doc.Links[k-1].End = r.End
				continue
			}
			doc.Links = append(doc.Links, lint.Link{Range: r, URL: ln.url})
		}
		blockLines++
		allBold = allBold && p.l.bold
		allIndented = allIndented && p.l.x0 >= m.left+1.5*m.size
	}
	closeBlock()
	tb.Finish(doc)
	doc.Italics = mergeItalics(doc.Text, doc.Italics)
	return doc
}

func countLists(blocks []lint.Block) int {
	n := 0
	for _, b := range blocks {
		n = max(n, b.List)
	}
	return n
}

// trimBounds returns the bounds of text without spaces at either end.
func trimBounds(text []byte) (int, int) {
	a, b := 0, len(text)
	for a < b && (text[a] == ' ' || text[a] == '\t') {
		a++
	}
	for b > a && (text[b-1] == ' ' || text[b-1] == '\t') {
		b--
	}
	if b-a >= 2 {
		// A no-break space at either end.
		for a+2 <= b && text[a] == 0xC2 && text[a+1] == 0xA0 {
			a += 2
		}
		for b-2 >= a && text[b-2] == 0xC2 && text[b-1] == 0xA0 {
			b -= 2
		}
	}
	return a, b
}

// mergeItalics joins italic ranges separated only by white space, trims
// them, and drops empty ones.
func mergeItalics(text string, rs []lint.Range) []lint.Range {
	var out []lint.Range
	for _, r := range rs {
		for r.Start < r.End && text[r.Start] == ' ' {
			r.Start++
		}
		for r.End > r.Start && text[r.End-1] == ' ' {
			r.End--
		}
		if r.Start >= r.End {
			continue
		}
		if k := len(out); k > 0 && r.Start >= out[k-1].End && strings.TrimSpace(text[out[k-1].End:r.Start]) == "" {
			out[k-1].End = max(out[k-1].End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}
