package read

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// piece is one stretch of a block's text and the span of the decoded
// source it stands for. When the two have the same length the map is byte
// for byte; otherwise (an entity, a collapsed run of white space, a <br>)
// the piece maps to its whole span.
type piece struct {
	text string
	src  lint.Span
}

// blockBuilder assembles a Document block by block. A block's pieces are
// held back until the block ends, so that its trailing white space can be
// trimmed and an empty block dropped without leaving anything in Text;
// links, italics and note references are recorded in Text offsets as the
// readers walk and tidied once at the end.
type blockBuilder struct {
	src *source
	// text is the decoded source as a string, so that pieces cut from it
	// share its memory instead of each being copied.
	text string
	tb   lint.TextBuilder

	blocks  []lint.Block
	links   []lint.Link
	italics []lint.Range
	notes   []lint.Note
	refs    []lint.NoteRef

	// collapse turns each run of white space into one space, as a browser
	// does; the run maps opaquely to its whole source run.
	collapse bool

	open      bool
	cur       lint.Block
	pieces    []piece
	n         int  // length of the open block's text so far
	lastSpace bool // the open block's text ends in white space
	lastBreak bool // its last piece is a <br>
	// The open block's lines before each <br>, and whether its current
	// line has letters or digits inside and outside bold.
	lines                 []brLine
	lineStrong, linePlain bool
}

// brLine is a line of a block that a <br> ends: the index of the <br>'s
// piece, and whether the line has letters inside and outside bold.
type brLine struct {
	brPiece       int
	strong, plain bool
}

// newBlockBuilder returns a builder for a document whose decoded source is
// src; text is what readers parse (src.text, or a copy with parts blanked
// out), with the same offsets.
func newBlockBuilder(src *source, text []byte, collapse bool) *blockBuilder {
	b := &blockBuilder{src: src, text: string(text), collapse: collapse}
	// Text is at most about the size of the source; growing once saves
	// the repeated copying that dominated reading. An essay's paragraphs
	// run to several hundred bytes: room for a block per 320 saves
	// growing the list of blocks from one, a copy at each doubling.
	b.tb.Grow(len(text), len(text)/64+8)
	b.blocks = make([]lint.Block, 0, len(text)/320+4)
	// A block's pieces, kept until it ends, are a line or an entity's
	// worth each: a few dozen hold most blocks.
	b.pieces = make([]piece, 0, 32)
	return b
}

// addSource appends the decoded source [start, end) as it is.
func (b *blockBuilder) addSource(start, end int, strong bool) {
	b.add(b.text[start:end], lint.Span{Start: start, End: end}, strong)
}

// start ends the open block, if any, and opens a new one.
func (b *blockBuilder) start(kind lint.BlockKind, level, list int) {
	b.end()
	b.open = true
	b.cur = lint.Block{Kind: kind, Level: level, List: list}
	b.cur.Start = b.tb.Len()
	if b.cur.Start > 0 {
		b.cur.Start += len(blockSeparator)
	}
	b.pieces = b.pieces[:0]
	b.lines = b.lines[:0]
	b.n = 0
	b.lastSpace, b.lastBreak, b.lineStrong, b.linePlain = false, false, false, false
}

// blockSeparator joins blocks in Text.
const blockSeparator = "\n\n"

// pos is the Text offset where the next character of the open block goes.
func (b *blockBuilder) pos() int {
	if !b.open {
		n := b.tb.Len()
		if n > 0 {
			n += len(blockSeparator)
		}
		return n
	}
	return b.cur.Start + b.n
}

// byteScan finds, in src up to stop, the next of a few bytes that need a
// reader's attention ("&", a backslash): each is searched for with
// IndexByte and its place kept until the reader has passed it, so text
// without them is not looked at byte by byte.
type byteScan struct {
	src  []byte
	stop int
	n    int
	want [3]byte
	at   [3]int
}

func newByteScan(src []byte, stop int, want ...byte) byteScan {
	s := byteScan{src: src, stop: stop, n: len(want)}
	for k, c := range want {
		s.want[k], s.at[k] = c, -1
	}
	return s
}

// next returns the offset of the first wanted byte at or after from, or
// stop.
func (s *byteScan) next(from int) int {
	first := s.stop
	for k := range s.n {
		if s.at[k] < from {
			s.at[k] = s.stop
			if i := bytes.IndexByte(s.src[from:s.stop], s.want[k]); i >= 0 {
				s.at[k] = from + i
			}
		}
		first = min(first, s.at[k])
	}
	return first
}

// spaceByte marks the white space bytes, as a table for the loops that
// test every byte.
var spaceByte = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}

func isSpaceByte(c byte) bool { return spaceByte[c] }

// trimLeftSpace is strings.TrimLeft(s, " \t\n\r\f\v") without the
// cutset's setup on every call.
func trimLeftSpace(s string) string {
	i := 0
	for i < len(s) && spaceByte[s[i]] {
		i++
	}
	return s[i:]
}

// trimRightSpace is strings.TrimRight(s, " \t\n\r\f\v") without the
// cutset's setup on every call.
func trimRightSpace(s string) string {
	i := len(s)
	for i > 0 && spaceByte[s[i-1]] {
		i--
	}
	return s[:i]
}

// add appends text, which stands for span of the decoded source, to the open
// block. strong says whether it is set in bold.
func (b *blockBuilder) add(text string, span lint.Span, strong bool) {
	if !b.open || text == "" {
		return
	}
	exact := len(text) == span.Len()
	if !b.collapse {
		if b.n == 0 {
			trimmed := trimLeftSpace(text)
			if trimmed == "" {
				return
			}
			if exact {
				span.Start += len(text) - len(trimmed)
			}
			text = trimmed
		}
		b.push(text, span, strong)
		return
	}
	b.addCollapsed(text, span, exact, strong, true)
}

// addCollapsed is add for a block whose white space is collapsed: text goes
// in as it is up to a run of white space that is not a single " " (or
// that follows a space or starts the block), which becomes one space
// mapped to the whole run, or nothing. With skip, what stays as it is is
// passed over eight bytes at a time (plainRunEnd), else byte by byte.
func (b *blockBuilder) addCollapsed(text string, span lint.Span, exact, strong, skip bool) {
	sub := func(i, j int) lint.Span {
		if exact {
			return lint.Span{Start: span.Start + i, End: span.Start + j}
		}
		return span
	}
	// plainRunEnd is not asked again before next: not for the word it
	// stopped at, nor for the last few bytes, where it has no whole word
	// to look at.
	run, next := 0, 1
	for i := 0; i < len(text); {
		if skip && i >= next && i+8 <= len(text) && !spaceByte[text[i-1]] {
			// Past a byte that is not white space, skip what stays as it
			// is eight bytes at a time.
			if i = plainRunEnd(text, i); i >= len(text) {
				break
			}
			next = i + 8
		}
		c := text[i]
		if !spaceByte[c] {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && spaceByte[text[j]] {
			j++
		}
		atStart := i == run && (b.n == 0 || b.lastSpace)
		if c == ' ' && j == i+1 && !atStart {
			i = j // a single space between words stays as it is
			continue
		}
		if i > run {
			b.push(text[run:i], sub(run, i), strong)
		}
		if b.n > 0 && !b.lastSpace {
			b.push(" ", sub(i, j), strong)
		}
		i, run = j, j
	}
	if run < len(text) {
		b.push(text[run:], sub(run, len(text)), strong)
	}
}

// plainRunEnd returns how far text from i, which follows a byte that is not
// white space, holds no white space but single spaces after other bytes and
// before another or the end, in whole words of eight bytes: the stretch
// collapsing leaves as it is. Two words are looked at a time while both
// are plain, then one.
func plainRunEnd(text string, i int) int {
	// The masks, read from memory once: as constants, each would be loaded
	// into a register again wherever it is used.
	spaces, lows, below0E := plainMasks[0], plainMasks[1], plainMasks[2]
	highs := ^lows
	for ; i+16 <= len(text); i += 16 {
		w := text[i : i+16]
		x0 := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		x1 := uint64(w[8]) | uint64(w[9])<<8 | uint64(w[10])<<16 | uint64(w[11])<<24 |
			uint64(w[12])<<32 | uint64(w[13])<<40 | uint64(w[14])<<48 | uint64(w[15])<<56
		// The high bit of each byte that is a space: exact, as adding 0x7F
		// to the low seven bits of a byte cannot carry into the next.
		y0, y1 := x0^spaces, x1^spaces
		sp0, sp1 := ^((y0 & lows) + lows | y0), ^((y1 & lows) + lows | y1)
		// A space followed by a space, also across the two words, or a
		// byte below 0x0E (tab, line break, form feed, or a control byte
		// that may as well be looked at).
		odd := (sp0&(sp0>>8|sp1<<56) | sp1&(sp1>>8) | (x0-below0E)&^x0 | (x1-below0E)&^x1) & highs
		if odd != 0 || sp1>>63 != 0 && i+16 < len(text) && spaceByte[text[i+16]] {
			break
		}
	}
	for ; i+8 <= len(text); i += 8 {
		w := text[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		y := x ^ spaces
		sp := ^((y & lows) + lows | y)
		if (sp&(sp>>8)|(x-below0E)&^x)&highs != 0 {
			break // two spaces in a row, or other white space
		}
		if sp>>63 != 0 && i+8 < len(text) && spaceByte[text[i+8]] {
			break // a space last, which starts a run with the next byte
		}
	}
	return i
}

// plainMasks are plainRunEnd's masks: spaces, the low seven bits of each
// byte, and 0x0E in each byte.
var plainMasks = [3]uint64{0x2020202020202020, 0x7F7F7F7F7F7F7F7F, 0x0E0E0E0E0E0E0E0E}

func (b *blockBuilder) push(text string, span lint.Span, strong bool) {
	b.pieces = append(b.pieces, piece{text, span})
	b.n += len(text)
	last := text[len(text)-1]
	b.lastSpace = isSpaceByte(last)
	b.lastBreak = false
	// Only whether the line has letters inside and outside bold matters,
	// so once the flag this piece could set is set, skip the scan.
	if strong && b.lineStrong || !strong && b.linePlain {
		return
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				continue
			}
		}
		if strong {
			b.lineStrong = true
		} else {
			b.linePlain = true
		}
		return
	}
}

// newline appends a line break that stands for span (a source newline, a
// Markdown hard break).
func (b *blockBuilder) newline(span lint.Span) {
	if !b.open || b.n == 0 {
		return
	}
	b.trimTrailing()
	if b.n == 0 {
		return
	}
	b.push("\n", span, false)
}

// lineBreak appends an HTML <br>. Two of them in a row (white space
// between them aside) end the paragraph: the WordPress classic editor
// writes paragraphs as text separated by <br><br>.
func (b *blockBuilder) lineBreak(span lint.Span) {
	if !b.open {
		return
	}
	if b.lastBreak {
		kind, level, list := b.cur.Kind, b.cur.Level, b.cur.List
		b.start(kind, level, list)
		return
	}
	if b.n == 0 {
		return
	}
	b.trimTrailing()
	b.lines = append(b.lines, brLine{brPiece: len(b.pieces), strong: b.lineStrong, plain: b.linePlain})
	b.lineStrong, b.linePlain = false, false
	b.push("\n", span, false)
	b.lastBreak = true
}

// trimTrailing removes white space from the end of the open block.
func (b *blockBuilder) trimTrailing() {
	for len(b.pieces) > 0 {
		p := &b.pieces[len(b.pieces)-1]
		trimmed := trimRightSpace(p.text)
		if len(trimmed) == len(p.text) {
			break
		}
		b.n -= len(p.text) - len(trimmed)
		if trimmed == "" {
			b.pieces = b.pieces[:len(b.pieces)-1]
			// A trailing <br> removed: the line before it goes on.
			for k := len(b.lines) - 1; k >= 0 && b.lines[k].brPiece >= len(b.pieces); k-- {
				b.lineStrong = b.lineStrong || b.lines[k].strong
				b.linePlain = b.linePlain || b.lines[k].plain
				b.lines = b.lines[:k]
			}
			continue
		}
		if len(p.text) == p.src.Len() {
			p.src.End -= len(p.text) - len(trimmed)
		}
		p.text = trimmed
		break
	}
	b.lastSpace = b.n == 0
	b.lastBreak = false
}

// end closes the open block: trims it and writes it to Text, or drops it
// when it holds no text. A block of <br>-separated lines may be written as
// several blocks (see brSplits).
func (b *blockBuilder) end() {
	if !b.open {
		return
	}
	b.open = false
	b.trimTrailing()
	if b.n == 0 {
		return
	}
	// The last line has no <br> after it: it ends at the last piece.
	b.lines = append(b.lines, brLine{brPiece: len(b.pieces), strong: b.lineStrong, plain: b.linePlain})
	lines := b.lines
	splits := b.brSplits(lines)
	if len(splits) > 0 {
		b.shiftMarks(lines, splits)
	}
	from, line := 0, 0
	for _, k := range append(splits, len(lines)-1) {
		strong, plain := false, false
		for ; line <= k; line++ {
			strong = strong || lines[line].strong
			plain = plain || lines[line].plain
		}
		to := lines[k].brPiece
		b.emit(b.pieces[from:to], strong && !plain)
		from = to + 1 // past the <br>
	}
}

// emit writes one block made of pieces.
func (b *blockBuilder) emit(pieces []piece, strong bool) {
	if len(pieces) == 0 {
		return
	}
	if b.tb.Len() > 0 {
		b.tb.AddSynthetic(blockSeparator, b.src.orig(pieces[0].src.Start))
	}
	blk := b.cur
	blk.Start = b.tb.Len()
	for _, p := range pieces {
		b.write(p)
	}
	blk.End = b.tb.Len()
	blk.Strong = strong
	b.blocks = append(b.blocks, blk)
}

// brSplits returns the lines (indexes into lines) after which a block of
// <br>-separated lines is cut into blocks of its own. The WordPress
// classic editor writes a bold heading and the works-cited entries under
// it as lines of one paragraph ("<strong>Works Cited</strong><br>Marsh,
// Ellen. …<br>Park, Dana. …"): a line that is all bold stands alone, and a
// line that ends a sentence or a URL is cut from a next line that starts
// like an entry ("Surname, Given"). Other line breaks stay inside the
// paragraph, so that a quotation and the citation on the next line are not
// parted.
func (b *blockBuilder) brSplits(lines []brLine) []int {
	var splits []int
	for i := 0; i+1 < len(lines); i++ {
		br := lines[i].brPiece
		if br == 0 || br+1 >= len(b.pieces) {
			continue
		}
		boldLine := lines[i].strong && !lines[i].plain
		last := b.pieces[br-1].text
		// An entry ends with a full stop, or with its URL.
		entryEnd := strings.ContainsAny(last[len(last)-1:], ".!?") || endsWithURL(last)
		if boldLine || entryEnd && startsLikeEntry(b.lineStart(br+1, lines[i+1].brPiece)) {
			splits = append(splits, i)
		}
	}
	return splits
}

// endsWithURL reports whether text's last word is a URL or DOI.
func endsWithURL(text string) bool {
	word := text[strings.LastIndexAny(text, " \n")+1:]
	return strings.Contains(word, "://") || strings.HasPrefix(word, "www.") || strings.HasPrefix(strings.ToLower(word), "doi:")
}

// lineStart returns the first few words of the line made of pieces
// [from, to).
func (b *blockBuilder) lineStart(from, to int) string {
	var sb strings.Builder
	for k := from; k < to && sb.Len() < 64; k++ {
		sb.WriteString(b.pieces[k].text)
	}
	return sb.String()
}

// shiftMarks moves the marks recorded in the open block to where their
// text stands once each split <br> ("\n") has become a block separator
// ("\n\n"), one byte longer.
func (b *blockBuilder) shiftMarks(lines []brLine, splits []int) {
	var at []int // Text offsets of the split <br>s
	pos, k := b.cur.Start, 0
	for _, i := range splits {
		for ; k < lines[i].brPiece; k++ {
			pos += len(b.pieces[k].text)
		}
		at = append(at, pos)
	}
	shift := func(off int) int {
		moved := off
		for _, p := range at {
			if off > p {
				moved++
			}
		}
		return moved
	}
	for i := len(b.links) - 1; i >= 0 && b.links[i].End > b.cur.Start; i-- {
		b.links[i].Start, b.links[i].End = shift(b.links[i].Start), shift(b.links[i].End)
	}
	for i := len(b.italics) - 1; i >= 0 && b.italics[i].End > b.cur.Start; i-- {
		b.italics[i].Start, b.italics[i].End = shift(b.italics[i].Start), shift(b.italics[i].End)
	}
	for i := len(b.refs) - 1; i >= 0 && b.refs[i].End > b.cur.Start; i-- {
		b.refs[i].Start, b.refs[i].End = shift(b.refs[i].Start), shift(b.refs[i].End)
	}
}

// write adds a piece to Text, translating its decoded span to the
// original file.
func (b *blockBuilder) write(p piece) {
	s := b.src
	if s.off == nil {
		b.tb.Add(p.text, lint.Span{Start: s.base + p.src.Start, End: s.base + p.src.End})
		return
	}
	if len(p.text) != p.src.Len() {
		b.tb.Add(p.text, lint.Span{Start: s.orig(p.src.Start), End: s.orig(p.src.End)})
		return
	}
	// A byte-for-byte piece of a re-encoded file: runs that were already
	// UTF-8 stay byte for byte, each re-encoded character maps to its
	// source bytes.
	for i := 0; i < len(p.text); {
		k := p.src.Start + i
		j := i
		for j < len(p.text) && s.off[k+j-i+1] == s.off[k+j-i]+1 {
			j++
		}
		if j > i {
			b.tb.Add(p.text[i:j], lint.Span{Start: s.off[k], End: s.off[k] + j - i})
			i = j
			continue
		}
		_, size := utf8.DecodeRuneInString(p.text[i:])
		size = min(size, len(p.text)-i)
		b.tb.Add(p.text[i:i+size], lint.Span{Start: s.off[k], End: s.off[k+size]})
		i += size
	}
}

// document finishes the Document: Text, blocks, and the marks clamped to
// the block they start in, with white space trimmed from their ends.
func (b *blockBuilder) document(path string, format lint.Format, src []byte) *lint.Document {
	b.end()
	doc := &lint.Document{Path: path, Format: format, Src: src}
	b.tb.Finish(doc)
	doc.Blocks = b.blocks
	for _, l := range b.links {
		if r, ok := tidyRange(doc, l.Range, false); ok {
			doc.Links = append(doc.Links, lint.Link{Range: r, URL: l.URL})
		}
	}
	for _, it := range b.italics {
		if r, ok := tidyRange(doc, it, false); ok {
			doc.Italics = append(doc.Italics, r)
		}
	}
	for _, n := range b.notes {
		if r, ok := tidyRange(doc, n.Range, true); ok {
			doc.Notes = append(doc.Notes, lint.Note{Label: n.Label, Range: r})
		}
	}
	for _, ref := range b.refs {
		if r, ok := tidyRange(doc, ref.Range, false); ok {
			doc.NoteRefs = append(doc.NoteRefs, lint.NoteRef{Label: ref.Label, Range: r})
		}
	}
	sortRanges := func(a, c lint.Range) int { return a.Start - c.Start }
	slices.SortStableFunc(doc.Links, func(a, c lint.Link) int { return sortRanges(a.Range, c.Range) })
	slices.SortStableFunc(doc.Italics, sortRanges)
	slices.SortStableFunc(doc.NoteRefs, func(a, c lint.NoteRef) int { return sortRanges(a.Range, c.Range) })
	return doc
}

// tidyRange trims white space from a mark's ends and keeps it inside the
// block it starts in (a mark may span a block break made by <br><br>, or
// a block's trimmed end). Notes may cover several blocks, so only their
// ends are trimmed.
func tidyRange(doc *lint.Document, r lint.Range, multiBlock bool) (lint.Range, bool) {
	r.Start, r.End = max(r.Start, 0), min(r.End, len(doc.Text))
	for r.Start < r.End && isSpaceByte(doc.Text[r.Start]) {
		r.Start++
	}
	for r.End > r.Start && isSpaceByte(doc.Text[r.End-1]) {
		r.End--
	}
	if r.Start >= r.End {
		return r, false
	}
	first := doc.BlockAt(r.Start)
	if first < 0 {
		return r, false
	}
	if last := doc.BlockAt(r.End - 1); last < 0 || last != first && !multiBlock {
		r.End = doc.Blocks[first].End
	}
	return r, true
}
