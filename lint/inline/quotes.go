package inline

import (
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/internal/swar"
)

// A quotation mark is either double-type (“ ” „ " « ») or single-type
// (‘ ’ ‚ ' ‹ ›). A single closing mark never closes across an open double
// quotation: there it is an apostrophe ("the critics’ view" inside “…”).

// openMark is a quotation mark waiting for its closing mark.
type openMark struct {
	pos, size int
	r         rune
	double    bool
	straight  bool
}

// quoteScan pairs the quotation marks of one block.
type quoteScan struct {
	text  string // the whole Document text
	start int    // block start
	end   int    // block end
	block int
	stack []openMark
	// out holds the quotations found so far, the block's from base on.
	out  []lint.Quote
	base int
	// stackBuf backs stack until it grows: marks rarely nest deeper.
	stackBuf [8]openMark
}

func isDoubleMark(r rune) bool {
	switch r {
	case '“', '”', '„', '"', '«', '»':
		return true
	}
	return false
}

// closes reports whether closing mark c ends a quotation opened by o.
func closes(o, c rune) bool {
	switch o {
	case '“':
		return c == '”' || c == '"' || c == '“'
	case '”': // Swedish and Finnish ”…”
		return c == '”' || c == '"'
	case '„':
		return c == '“' || c == '”' || c == '"'
	case '"':
		return c == '"' || c == '”'
	case '‘':
		return c == '’' || c == '\'' || c == '‘'
	case '‚':
		return c == '‘' || c == '’'
	case '\'':
		return c == '\'' || c == '’'
	case '«':
		return c == '»'
	case '»': // German »…«
		return c == '«'
	case '‹':
		return c == '›'
	case '›':
		return c == '‹'
	}
	return false
}

// opensBoundary reports whether r may stand before an opening quotation
// mark: a space, the block's edge, an opening bracket, a dash or another
// opening mark.
func opensBoundary(r rune) bool {
	if isSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', '“', '‘', '„', '‚', '«', '‹', '"', '\'', ':', ';', ',':
		return true
	}
	return false
}

// closesBoundary reports whether r may follow a closing quotation mark.
func closesBoundary(r rune) bool {
	if isSpace(r) {
		return true
	}
	switch r {
	case ')', ']', '}', ',', '.', ';', ':', '!', '?', '—', '–', '-', '/', '”', '’', '"', '\'', '»', '›', '…', '*':
		return true
	}
	return false
}

// elisions are words that begin with an apostrophe: 'tis, 'em, rock 'n'.
var elisions = newWordSet(`tis twas twere em cause cos til till n bout round nuff kay sup scuse ello ow ere`)

// leadingApostrophe reports whether a mark at i (size bytes), opening a
// word, is an apostrophe of elision: '60s, ’90s, 'tis, 'n'.
func leadingApostrophe(s string, i, end int) bool {
	j := i
	for j < end {
		r, n := runeAt(s, j)
		if !isAlnum(r) {
			break
		}
		j += n
	}
	word := s[i:j]
	if word == "" {
		return false
	}
	if isDigit(rune(word[0])) {
		// '60s, '05: two digits, perhaps a plural s.
		digits := 0
		for digits < len(word) && isDigit(rune(word[digits])) {
			digits++
		}
		return digits == 2 && (digits == len(word) || word[digits:] == "s")
	}
	return elisions.has(word)
}

// afterElisionN reports whether the mark at i closes the "n" of rock 'n'
// roll.
func afterElisionN(s string, i, start int) bool {
	r, n := runeBefore(s, i)
	if r != 'n' && r != 'N' {
		return false
	}
	q, m := runeBefore(s, i-n)
	if !isApostrophe(q) {
		return false
	}
	before, _ := runeBefore(s, i-n-m)
	return i-n-m <= start || isSpace(before)
}

// plainPossessive reports whether a single closing mark at i after "s" is
// more likely a plural possessive ("critics’ view") than the end of a
// quotation: a lower-case word follows and another candidate closing mark
// of the same kind stands later in the block.
func plainPossessive(s string, i, size, end int, r rune) bool {
	if prev, _ := runeBefore(s, i); prev != 's' {
		return false
	}
	j := i + size
	if c, _ := runeAt(s, j); c != ' ' {
		return false
	}
	if c, _ := runeAt(s, j+1); !isLower(c) {
		return false
	}
	for k := j + 1; k < end; {
		c, n := runeAt(s, k)
		if c == r || (r == '’' && c == '\'') || (r == '\'' && c == '’') {
			before, _ := runeBefore(s, k)
			after, _ := runeAt(s, k+n)
			if !isSpace(before) && (k+n >= end || closesBoundary(after)) {
				return true
			}
		}
		k += n
	}
	return false
}

// push records an opening mark.
func (q *quoteScan) push(i, size int, r rune) {
	q.stack = append(q.stack, openMark{pos: i, size: size, r: r, double: isDoubleMark(r), straight: r == '"' || r == '\''})
}

// close pairs closing mark c at i with the nearest open mark it closes.
// It returns false when there is none. A single closing mark does not look
// past an open double mark; a double closing mark discards single marks
// left open inside it (they were apostrophes).
func (q *quoteScan) close(i, size int, c rune) bool {
	double := isDoubleMark(c)
	for k := len(q.stack) - 1; k >= 0; k-- {
		o := q.stack[k]
		if closes(o.r, c) && o.double == double {
			q.emit(o, i, size, c)
			q.stack = q.stack[:k]
			return true
		}
		if o.double && !double {
			return false
		}
	}
	return false
}

// hasOpen reports whether a mark of the given type is open.
func (q *quoteScan) hasOpen(double, straight bool) bool {
	for _, o := range q.stack {
		if o.double == double && (!straight || o.straight) {
			return true
		}
	}
	return false
}

func (q *quoteScan) top() rune {
	if len(q.stack) == 0 {
		return 0
	}
	return q.stack[len(q.stack)-1].r
}

func (q *quoteScan) emit(o openMark, i, size int, c rune) {
	inner := lint.Range{Start: o.pos + o.size, End: i}
	q.out = append(q.out, lint.Quote{
		Range:    lint.Range{Start: o.pos, End: i + size},
		Inner:    inner,
		Text:     q.text[inner.Start:inner.End],
		Open:     o.r,
		Close:    c,
		Block:    q.block,
		Words:    countWords(q.text[inner.Start:inner.End]),
		Citation: -1,
	})
}

// unopened records a closing mark with no opening mark: the quotation runs
// from the end of the previous quotation (or the block's start).
func (q *quoteScan) unopened(i, size int, c rune) {
	from := q.start
	for _, prev := range q.out[q.base:] {
		from = max(from, prev.End)
	}
	from, _ = trimSpace(q.text, from, i)
	inner := lint.Range{Start: from, End: i}
	q.out = append(q.out, lint.Quote{
		Range:    lint.Range{Start: from, End: i + size},
		Inner:    inner,
		Text:     q.text[from:i],
		Close:    c,
		Block:    q.block,
		Words:    countWords(q.text[from:i]),
		Unopened: true,
		Citation: -1,
	})
}

// scanBlockQuotes appends the quotations of one block of running text to
// out. q is scratch space, reused from block to block.
func scanBlockQuotes(q *quoteScan, out []lint.Quote, text string, block int, r lint.Range) []lint.Quote {
	stack := q.stack
	if stack == nil {
		stack = q.stackBuf[:0]
	}
	*q = quoteScan{text: text, start: r.Start, end: r.End, block: block, out: out, base: len(out), stack: stack[:0]}
	s := text
	for i := r.Start; i < r.End; {
		// Most bytes are ASCII letters, digits, spaces and punctuation
		// other than ' and ": pass over eight of them at a time.
		for i+8 <= r.End {
			x := swar.Load8(s, i)
			if m := (swar.BytesEqual(x, '"') | swar.BytesEqual(x, '\'') | x) & swar.HighBits; m != 0 {
				i += swar.FirstMarked(m)
				break
			}
			i += 8
		}
		if i >= r.End {
			break
		}
		c := s[i]
		if c < 0x80 && c != '"' && c != '\'' {
			i++
			continue
		}
		// Every quotation mark beyond ASCII starts with one of two bytes;
		// any other byte, first or later of a character, is passed over.
		if c >= 0x80 && c != 0xC2 && c != 0xE2 {
			i++
			continue
		}
		m, size := runeAt(s, i)
		if c >= 0x80 && !isMark(m) {
			i += size
			continue
		}
		prev, _ := runeBefore(s, i)
		if i <= r.Start {
			prev = ' '
		}
		next, _ := runeAt(s, i+size)
		if i+size >= r.End {
			next = ' '
		}
		q.mark(i, size, m, prev, next)
		i += size
	}
	return q.finish()
}

func isMark(r rune) bool {
	switch r {
	case '“', '”', '„', '‘', '’', '‚', '«', '»', '‹', '›':
		return true
	}
	return false
}

// mark classifies one quotation-mark character by what stands on either
// side of it, and opens or closes a quotation accordingly.
func (q *quoteScan) mark(i, size int, m, prev, next rune) {
	s := q.text
	switch m {
	case '“':
		// “ closes „…“ and, typed twice by mistake, “…“.
		if t := q.top(); t == '„' || (t == '“' && !isSpace(prev) && closesBoundary(next)) {
			q.close(i, size, m)
			return
		}
		q.push(i, size, m)
	case '«', '‹':
		if t := q.top(); t == '»' || t == '›' {
			if q.close(i, size, m) {
				return
			}
		}
		q.push(i, size, m)
	case '„':
		q.push(i, size, m)
	case '”':
		if isDigit(prev) && !q.hasOpen(true, false) {
			return // 5’10”: inches
		}
		if q.close(i, size, m) {
			return
		}
		if opensBoundary(prev) && isAlnum(next) {
			q.push(i, size, m) // ”…” as Swedish and Finnish write it
			return
		}
		q.unopened(i, size, m)
	case '»', '›':
		if q.close(i, size, m) {
			return
		}
		if opensBoundary(prev) && isAlnum(next) {
			q.push(i, size, m) // German »…«
			return
		}
		q.unopened(i, size, m)
	case '"':
		q.straightDouble(i, size, prev, next)
	case '‘', '‚':
		if isAlnum(prev) && isAlnum(next) {
			return // a mistyped apostrophe: Il‘ia
		}
		if t := q.top(); t == '‚' || ((t == '‘' || t == '\'') && !isSpace(prev) && closesBoundary(next)) {
			q.close(i, size, m)
			return
		}
		if leadingApostrophe(s, i+size, q.end) {
			return
		}
		q.push(i, size, m)
	case '’', '\'':
		q.straightOrRightSingle(i, size, m, prev, next)
	}
}

// straightDouble handles ", which opens or closes by position; after a
// digit with nothing open it is the inch mark of 5'10".
func (q *quoteScan) straightDouble(i, size int, prev, next rune) {
	if isDigit(prev) {
		k := i
		for k > q.start {
			d, n := runeBefore(q.text, k)
			if !isDigit(d) {
				break
			}
			k -= n
		}
		mark, n := runeBefore(q.text, k)
		feet := k > q.start && (isApostrophe(mark) || mark == '′')
		if feet {
			d, _ := runeBefore(q.text, k-n)
			feet = isDigit(d)
		}
		if feet || !q.hasOpen(true, false) {
			return
		}
	}
	before := opensBoundary(prev) && prev != '"'
	after := closesBoundary(next) && next != '"'
	switch {
	case before && !after:
		q.push(i, size, '"')
	case !before && after:
		if !q.close(i, size, '"') {
			q.unopened(i, size, '"')
		}
	default:
		// Spaces on both sides, or letters on both: it closes what is
		// open, else it opens.
		if q.hasOpen(true, false) {
			if q.close(i, size, '"') {
				return
			}
		}
		if !(before && after) {
			q.push(i, size, '"')
		}
	}
}

// straightOrRightSingle handles ' and ’, which are apostrophes far more
// often than quotation marks: only at a word boundary do they open or
// close, and a closing one with nothing to close is an apostrophe
// (critics').
func (q *quoteScan) straightOrRightSingle(i, size int, m, prev, next rune) {
	if isAlnum(prev) && isAlnum(next) {
		return // Stalin's, don't, O'Brien, 5'10
	}
	if opensBoundary(prev) && !closesBoundary(next) {
		if m == '’' {
			return // ’60s, ’em; a right mark does not open a quotation
		}
		if leadingApostrophe(q.text, i+size, q.end) {
			return
		}
		q.push(i, size, m)
		return
	}
	if !isSpace(prev) && closesBoundary(next) {
		if afterElisionN(q.text, i, q.start) {
			return
		}
		if plainPossessive(q.text, i, size, q.end, m) {
			return
		}
		q.close(i, size, m)
	}
}

// finish turns marks left open into one Unclosed quotation (the first
// double mark or curly single mark left open, to the block's end, hiding
// every quotation after it), drops straight single marks left open
// (apostrophes) and works out nesting depths.
func (q *quoteScan) finish() []lint.Quote {
	mine := q.out[q.base:]
	for _, o := range q.stack {
		if o.straight && !o.double {
			continue
		}
		if !o.double && o.r != '‘' && o.r != '‚' && o.r != '‹' {
			continue
		}
		_, end := trimSpace(q.text, o.pos, q.end)
		inner := lint.Range{Start: o.pos + o.size, End: max(end, o.pos+o.size)}
		kept := mine[:0]
		for _, x := range mine {
			if x.Start < o.pos {
				kept = append(kept, x)
			}
		}
		kept = append(kept, lint.Quote{
			Range:    lint.Range{Start: o.pos, End: inner.End},
			Inner:    inner,
			Text:     q.text[inner.Start:inner.End],
			Open:     o.r,
			Block:    q.block,
			Words:    countWords(q.text[inner.Start:inner.End]),
			Unclosed: true,
			Citation: -1,
		})
		mine = kept
		break
	}
	q.out = append(q.out[:q.base], mine...)
	mine = q.out[q.base:]
	if len(mine) > 1 && !slices.IsSortedFunc(mine, quoteOrder) {
		slices.SortStableFunc(mine, quoteOrder)
	}
	// Depth is how many other quotations enclose this one.
	var buf [8]int
	ends := buf[:0]
	for k := range mine {
		for len(ends) > 0 && ends[len(ends)-1] <= mine[k].Start {
			ends = ends[:len(ends)-1]
		}
		mine[k].Depth = len(ends)
		ends = append(ends, mine[k].End)
	}
	return q.out
}

// quoteOrder sorts quotations by start, an enclosing one first.
func quoteOrder(a, b lint.Quote) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	return b.End - a.End
}

// quotesIn returns the quotations of the given blocks.
func quotesIn(doc *lint.Document, blocks []int) []lint.Quote {
	// Size the slice once: a quotation every few hundred bytes, or one
	// for each curly opening mark and each pair of straight ones.
	n := max(len(doc.Text)/400, countOpenCurly(doc.Text)+strings.Count(doc.Text, "\"")/2)
	out := make([]lint.Quote, 0, n+4)
	var q quoteScan
	for _, b := range blocks {
		if b < 0 || b >= len(doc.Blocks) {
			continue
		}
		blk := doc.Blocks[b]
		r := clampRange(doc, blk.Range)
		if r.End <= r.Start {
			continue
		}
		if blk.Kind == lint.BlockQuotation {
			text := doc.Text[r.Start:r.End]
			out = append(out, lint.Quote{
				Range:      r,
				Inner:      r,
				Text:       text,
				Block:      b,
				BlockQuote: true,
				Words:      countWords(text),
				Citation:   -1,
			})
			continue
		}
		out = scanBlockQuotes(&q, out, doc.Text, b, r)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// countOpenCurly is strings.Count(text, "“"), found by the last byte of
// the mark's encoding: its first byte opens ’, ” and most other marks
// too, so that looking for it stops far more often.
func countOpenCurly(text string) int {
	n := 0
	for i := 0; ; {
		k := strings.IndexByte(text[i:], 0x9c)
		if k < 0 {
			return n
		}
		i += k + 1
		if i >= 3 && text[i-3] == 0xe2 && text[i-2] == 0x80 {
			n++
		}
	}
}

// clampRange keeps r inside the Text, so that a reader's off-by-one never
// makes extraction slice out of bounds.
func clampRange(doc *lint.Document, r lint.Range) lint.Range {
	r.Start = min(max(r.Start, 0), len(doc.Text))
	r.End = min(max(r.End, r.Start), len(doc.Text))
	return r
}
