package inline

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/citelint/citelint/lint"
)

// citationsIn finds the citations of the given blocks.
func citationsIn(doc *lint.Document, blocks []int) []lint.Citation {
	return citationsOf(doc, blocks, nil, false, nil)
}

// citationsOf finds the citations of the given blocks; when known is set,
// quotes are the quotations of those blocks as quotesIn found them, and
// are not looked for again.
func citationsOf(doc *lint.Document, blocks []int, quotes []lint.Quote, known bool, keep [][]lint.Range) []lint.Citation {
	inSet := make([]bool, len(doc.Blocks))
	for _, b := range blocks {
		if b >= 0 && b < len(doc.Blocks) {
			inSet[b] = true
		}
	}
	// One scanner for all blocks, so its buffers are reused; it is large,
	// and comes zeroed from a pool rather than from the heap each time.
	scan := blockScans.Get().(*blockScan)
	defer putBlockScan(scan)
	scan.doc, scan.text, scan.extras, scan.known, scan.quotes, scan.keep = doc, doc.Text, readerCitations(doc, inSet), known, quotes, keep
	scan.quoted, scan.scratch, scan.parts = scan.quotedBuf[:0], scan.tokenBuf[:0], scan.partsBuf[:0]
	if known && len(quotes) > 0 {
		// Where each block's quotations start in quotes.
		scan.quotesAt = make([]int32, len(doc.Blocks))
		for k := range scan.quotesAt {
			scan.quotesAt[k] = -1
		}
		for k := len(quotes) - 1; k >= 0; k-- {
			if b := quotes[k].Block; b >= 0 && b < len(doc.Blocks) {
				scan.quotesAt[b] = int32(k)
			}
		}
	}
	// Most citations stand in parentheses or brackets; the rest (signal
	// phrases, links, notes) are few: size the slice once.
	out := make([]lint.Citation, 0, strings.Count(doc.Text, "(")+strings.Count(doc.Text, "[")+len(scan.extras)+len(doc.Text)/1000+4)
	for _, b := range blocks {
		if b < 0 || b >= len(doc.Blocks) || !inSet[b] {
			continue
		}
		inSet[b] = false // each block once
		out = scan.blockCitations(b, out)
	}
	if !slices.IsSortedFunc(out, byStart) {
		slices.SortStableFunc(out, byStart)
	}
	return out
}

func byStart(a, b lint.Citation) int { return a.Start - b.Start }

// blockScans holds zeroed blockScans. Nothing a scan returns points into
// it: its arenas' arrays, handed out with the citations, go with the
// rest when it is zeroed.
var blockScans = sync.Pool{New: func() any { return new(blockScan) }}

// putBlockScan zeroes s, dropping all it refers to, and pools it.
func putBlockScan(s *blockScan) {
	*s = blockScan{}
	blockScans.Put(s)
}

// readerCitations are the note references and hyperlinks the reader found
// in the given blocks, ordered by block and position.
func readerCitations(doc *lint.Document, inSet []bool) []lint.Citation {
	var out []lint.Citation
	for _, n := range doc.NoteRefs {
		b := doc.BlockAt(n.Start)
		if b < 0 || !inSet[b] {
			continue
		}
		r := clampToBlock(doc, n.Range, b)
		out = append(out, lint.Citation{Kind: lint.CitationNote, Range: r, Text: n.Label, Block: b, Entry: -1})
	}
	for _, l := range doc.Links {
		b := doc.BlockAt(l.Start)
		if b < 0 || !inSet[b] || !webURL(l.URL) {
			continue
		}
		r := clampToBlock(doc, l.Range, b)
		text := doc.Text[r.Start:r.End]
		if text == "" {
			text = l.URL
		}
		out = append(out, lint.Citation{Kind: lint.CitationLink, Range: r, Text: text, URL: l.URL, Block: b, Entry: -1})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Block != out[j].Block {
			return out[i].Block < out[j].Block
		}
		return out[i].Start < out[j].Start
	})
	return out
}

// clampToBlock keeps a reader's range inside block b: a citation belongs
// to one block, even when a link's markup ran on past it.
func clampToBlock(doc *lint.Document, r lint.Range, b int) lint.Range {
	blk := clampRange(doc, doc.Blocks[b].Range)
	r = clampRange(doc, r)
	r.Start = min(max(r.Start, blk.Start), blk.End)
	r.End = min(max(r.End, r.Start), blk.End)
	return r
}

// webURL reports whether u is an http(s) address: in-page "#" links and
// mailto: cite nothing.
func webURL(u string) bool {
	u = strings.TrimSpace(u)
	if len(u) < 8 {
		return false
	}
	l := lower(u[:8])
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// blockScan holds what is known of one block while its citations are
// found.
type blockScan struct {
	doc   *lint.Document
	text  string
	block int
	r     lint.Range
	kind  lint.BlockKind
	// quoted are the insides of the closed run-in quotations of the block,
	// in order: what stands inside them is the source's words, not the
	// essay's citations.
	quoted     []lint.Range
	quotesRead bool
	// known says quotes holds the quotations of every block scanned, so
	// that they need not be found again.
	known  bool
	quotes []lint.Quote
	// own holds the block's quotations when they were not known, found
	// with quoteScan.
	own       []lint.Quote
	quoteScan quoteScan
	// narratives are the start offsets of narrative citations, so that a
	// signal phrase naming the same person is not reported twice.
	narratives map[int]bool
	sentences  []lint.Range
	// keep, when not nil, receives each block's sentences (by block) once
	// they are split, for the caller to reuse.
	keep  [][]lint.Range
	parts []lint.Range
	// attributions are where a sentence reports a source named elsewhere
	// ("She writes"): they license a bare page number.
	attributions []int
	// extras are the reader's note references and links, by block.
	extras []lint.Citation
	// pages are page-only citations waiting for the block's signal
	// phrases.
	pages []pending
	// scratch is reused by tokenize: no token outlives the parse that
	// asked for it.
	scratch []token
	// quotesAt has, by block, the index in quotes of the block's first
	// quotation, or -1; nil when the quotations are not known.
	quotesAt []int32
	// The first buffers of quoted, scratch and parts.
	quotedBuf [16]lint.Range
	tokenBuf  [32]token
	partsBuf  [4]lint.Range
	parseScratch
	// numbers backs the Numbers of the numeric citations found, read into
	// digits first.
	numbers arena[int]
	digits  []int
	// sentenceBuf backs sentences when they are not kept.
	sentenceBuf []lint.Range
	// split says sentences holds the block's sentences.
	split bool
}

// tokenize splits text into tokens in the scan's scratch buffer.
func (s *blockScan) tokenize(str string, base int, quotes bool) []token {
	s.scratch = appendTokens(s.scratch[:0], str, base, quotes)
	return s.scratch
}

// inQuote reports whether offset off lies inside a closed quotation. The
// block's quotations are found the first time it is asked: most blocks
// hold no candidate citation at all.
func (s *blockScan) inQuote(off int) bool {
	if !s.quotesRead {
		s.quotesRead = true
		if s.kind != lint.BlockQuotation {
			var qs []lint.Quote
			switch {
			case !s.known:
				s.own = scanBlockQuotes(&s.quoteScan, s.own[:0], s.text, s.block, s.r)
				qs = s.own
			case s.quotesAt != nil && s.quotesAt[s.block] >= 0:
				// The block's quotations follow one another; should the
				// block have been asked for twice, the first run serves.
				qs = s.quotes[s.quotesAt[s.block]:]
			}
			for _, q := range qs {
				if q.Block != s.block {
					break
				}
				if !q.BlockQuote && !q.Unclosed && !q.Unopened && q.Depth == 0 {
					s.quoted = append(s.quoted, q.Inner)
				}
			}
		}
	}
	k := sort.Search(len(s.quoted), func(i int) bool { return s.quoted[i].End > off })
	for ; k < len(s.quoted) && s.quoted[k].Start <= off; k++ {
		if s.quoted[k].Contains(off) {
			return true
		}
	}
	return false
}

// sentenceOf returns the sentence holding offset off.
func (s *blockScan) sentenceOf(off int) lint.Range {
	if !s.split {
		s.split = true
		if s.block < len(s.keep) {
			// The caller keeps them: they need their own array, and none
			// when the block has no sentence.
			s.sentences = splitSentences(s.text, s.r.Start, s.r.End, make([]lint.Range, 0, (s.r.End-s.r.Start)/96+2))
			if len(s.sentences) == 0 {
				s.sentences = nil
			}
			s.keep[s.block] = s.sentences
		} else {
			s.sentences = splitSentences(s.text, s.r.Start, s.r.End, s.sentenceBuf[:0])
			s.sentenceBuf = s.sentences
		}
	}
	k := sort.Search(len(s.sentences), func(i int) bool { return s.sentences[i].End > off })
	if k < len(s.sentences) {
		return s.sentences[k]
	}
	return s.r
}

// pending is a page-only citation waiting to learn whether a signal
// phrase stands before it.
type pending struct {
	c        lint.Citation
	labelled bool
}

// blockCitations appends the citations of block b to out.
func (s *blockScan) blockCitations(b int, out []lint.Citation) []lint.Citation {
	doc := s.doc
	blk := doc.Blocks[b]
	r := clampRange(doc, blk.Range)
	if r.End <= r.Start {
		return out
	}
	s.block, s.r, s.kind = b, r, blk.Kind
	s.quoted, s.quotesRead, s.sentences, s.split, s.pages = s.quoted[:0], false, nil, false, s.pages[:0]
	s.attributions = s.attributions[:0]
	clear(s.narratives)
	// The block's citations are out[base:].
	base := len(out)
	text := doc.Text
	// Parentheses and brackets are rare: find them with IndexByte, which
	// is vectorised, not byte by byte.
	for i := r.Start; i < r.End; i++ {
		k := strings.IndexByte(text[i:r.End], '(')
		if k < 0 {
			break
		}
		i += k
		if s.inQuote(i) {
			continue
		}
		if end := matchParen(text, i, r.End); end >= 0 {
			out = s.paren(i, end, out)
		}
	}
	for i := r.Start; i < r.End; i++ {
		k := strings.IndexByte(text[i:r.End], '[')
		if k < 0 {
			break
		}
		i += k
		if s.inQuote(i) {
			continue
		}
		if c, ok := s.numeric(i); ok {
			out = append(out, c)
		}
	}
	if blk.Kind != lint.BlockQuotation {
		out = s.signals(out, base)
	}
	// A bare page number is a citation after a signal phrase or a
	// narrative citation in its sentence, or right after a quotation.
	for _, p := range s.pages {
		if p.labelled || afterQuote(text, r.Start, p.c.Start) || s.attributedBefore(out[base:], p.c.Start) {
			out = append(out, p.c)
		}
	}
	k := sort.Search(len(s.extras), func(i int) bool { return s.extras[i].Block >= b })
	for ; k < len(s.extras) && s.extras[k].Block == b; k++ {
		out = append(out, s.extras[k])
	}
	mine := out[base:]
	if !slices.IsSortedFunc(mine, byStart) {
		slices.SortStableFunc(mine, byStart)
	}
	s.markSpeakers(mine)
	return out
}

// attributedBefore reports whether a signal phrase or narrative citation
// stands before off in off's sentence.
func (s *blockScan) attributedBefore(found []lint.Citation, off int) bool {
	sent := s.sentenceOf(off)
	for _, c := range found {
		if (c.Kind == lint.CitationSignal || c.Kind == lint.CitationNarrative) && c.Start >= sent.Start && c.Start < off {
			return true
		}
	}
	for _, at := range s.attributions {
		if at >= sent.Start && at < off {
			return true
		}
	}
	return false
}

// afterQuote reports whether a closing quotation mark (and perhaps a
// comma or full stop) stands right before off: “…” (412).
func afterQuote(text string, start, off int) bool {
	k := off
	for k > start {
		r, n := runeBefore(text, k)
		if !isSpace(r) {
			break
		}
		k -= n
	}
	r, _ := runeBefore(text, k)
	switch r {
	case '”', '"', '’', '\'', '»', '›', '“':
		return k > start
	}
	return false
}

// matchParen returns the offset of the parenthesis closing the one at
// open, or -1 when it is not closed within maxParen bytes in the block.
func matchParen(text string, open, end int) int {
	depth := 0
	limit := min(end, open+maxParen)
	for k := open; k < limit; k++ {
		switch text[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// splitParts splits the inside of a parenthesis at top-level semicolons,
// returning trimmed ranges.
func splitParts(parts []lint.Range, text string, start, end int) []lint.Range {
	depth := 0
	inQuote := false
	from := start
	for k := start; k < end; k++ {
		switch text[k] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '"':
			inQuote = !inQuote
		case ';':
			if depth == 0 && !inQuote {
				a, b := trimSpace(text, from, k)
				parts = append(parts, lint.Range{Start: a, End: b})
				from = k + 1
			}
		}
	}
	a, b := trimSpace(text, from, end)
	return append(parts, lint.Range{Start: a, End: b})
}

// paren reads the parenthesis text[open:close+1].
func (s *blockScan) paren(open, shut int, found []lint.Citation) []lint.Citation {
	text := s.text
	inner := text[open+1 : shut]
	if strings.IndexByte(inner, '(') >= 0 {
		return found // its inner parenthesis is read on its own
	}
	s.parts = splitParts(s.parts[:0], text, open+1, shut)
	parts := s.parts
	single := len(parts) == 1
	for _, part := range parts {
		if part.End <= part.Start {
			continue
		}
		toks := s.tokenize(text[part.Start:part.End], part.Start, true)
		c, ok := parsePart(s.doc, toks, &s.parseScratch)
		if !ok {
			continue
		}
		whole := part
		if single {
			whole = lint.Range{Start: open, End: shut + 1}
		}
		switch {
		case c.yearOnly:
			if !single {
				continue
			}
			found = s.narrative(open, shut, c, found)
		case c.pageOnly:
			if !single {
				continue
			}
			s.pages = append(s.pages, pending{c: s.citation(lint.CitationParenthetical, whole, c), labelled: c.labelled})
		case c.authorOnly:
			// "(von Geldern)" cites where a citation stands: after a
			// quotation or at the end of a sentence. "The leader
			// (Khrushchev) spoke" glosses.
			if !afterQuote(text, s.r.Start, open) && !sentenceEndAfter(text, shut+1, s.r.End) {
				continue
			}
			found = append(found, s.citation(lint.CitationParenthetical, whole, c))
		default:
			found = s.withYears(found, lint.CitationParenthetical, whole, c)
		}
	}
	return found
}

// sentenceEndAfter reports whether only closing punctuation stands
// between off and the end of a sentence (or the block).
func sentenceEndAfter(text string, off, end int) bool {
	for k := off; k < end; {
		r, n := runeAt(text, k)
		switch {
		case r == '.' || r == '!' || r == '?' || r == ';' || r == '…':
			return true
		case isSpace(r) || r == '”' || r == '"' || r == '’' || r == ')' || r == ']':
			k += n
			continue
		}
		return false
	}
	return true
}

// citation builds one citation of kind k over r from c.
func (s *blockScan) citation(k lint.CitationKind, r lint.Range, c cite) lint.Citation {
	out := lint.Citation{
		Kind:     k,
		Range:    r,
		Text:     s.text[r.Start:r.End],
		Authors:  c.authors,
		EtAl:     c.etAl,
		Title:    c.title,
		Locator:  c.locator,
		Indirect: c.indirect,
		PageOnly: c.pageOnly,
		Block:    s.block,
		Entry:    -1,
	}
	if len(c.years) > 0 {
		out.Year = c.years[0].text
	}
	return out
}

// withYears appends to out one citation per year: (Freeze, 2009, 2011)
// cites two works. The first covers the part up to its year, the last runs
// to the part's end, each one between covers its own year.
func (s *blockScan) withYears(out []lint.Citation, k lint.CitationKind, r lint.Range, c cite) []lint.Citation {
	if len(c.years) <= 1 {
		return append(out, s.citation(k, r, c))
	}
	for y, year := range c.years {
		part := lint.Range{Start: year.start, End: year.end}
		if y == 0 {
			part.Start = r.Start
		}
		if y == len(c.years)-1 {
			part.End = r.End
		}
		one := s.citation(k, part, c)
		one.Year = year.text
		if y < len(c.years)-1 {
			one.Locator = ""
		}
		out = append(out, one)
	}
	return out
}

// narrativePreps are words before a name that make "(1953)" a date, not a
// citation: "the death of Stalin (1953)".
var narrativePreps = newWordSet(`of since until till after before during under`)

// determiners before a capitalised word make it a thing, not a person:
// "the Party (1956)".
var determiners = newWordSet(`the a an this that these those his her its their our my your`)

// narrative reads "Freeze (2009)": a year-only parenthesis right after a
// name. The citation covers the name and the parenthesis; it is appended
// to found, which comes back as it was when there is none.
func (s *blockScan) narrative(open, shut int, c cite, found []lint.Citation) []lint.Citation {
	text := s.text
	from := max(s.r.Start, open-160)
	toks := s.tokenize(text[from:open], from, false)
	if from > s.r.Start && len(toks) > 0 {
		toks = toks[1:] // the window may have cut a word
	}
	if len(toks) == 0 {
		return found
	}
	best := -1
	names := &s.names
	for st := max(0, len(toks)-14); st < len(toks); st++ {
		if !nameWord(toks[st]) && !(toks[st].isWord() && particles.has(toks[st].text)) {
			continue
		}
		if j, ok := parseNames(names, toks, st); ok && j == len(toks) {
			best = st
			break
		}
	}
	if best < 0 {
		return found
	}
	if best > 0 {
		prev := toks[best-1]
		if prev.isWord() {
			// "the Party (1956)" is a date; "The Coastal Reef Trust (2022)
			// explains" is an organisation cited.
			if determiners.has(prev.text) && !verbFollows(text, shut+1, s.r.End) && !isOrganisation(names) {
				return found
			}
			if narrativePreps.has(prev.text) && !verbFollows(text, shut+1, s.r.End) {
				return found
			}
		}
	}
	if c.authors == nil {
		c.authors = s.authors.take(names.nn)
		for k := range names.nn {
			c.authors[k] = family(text, &names.names[k])
		}
	} else {
		for k := range names.nn {
			c.authors = append(c.authors, family(text, &names.names[k]))
		}
	}
	c.etAl = names.etAl
	c.yearOnly = false
	r := lint.Range{Start: names.start, End: shut + 1}
	found = s.withYears(found, lint.CitationNarrative, r, c)
	if s.narratives == nil {
		s.narratives = make(map[int]bool)
	}
	s.narratives[names.start] = true
	return found
}

// verbFollows reports whether a signal verb is the next word after off.
func verbFollows(text string, off, end int) bool {
	k := off
	for k < end && text[k] == ' ' {
		k++
	}
	j := k
	for j < end && isLetter(rune(text[j])) {
		j++
	}
	_, ok := signalVerb(text[k:j])
	return ok
}

// numeric reads "[3]", "[3, 5]", "[3–5]" at open.
func (s *blockScan) numeric(open int) (lint.Citation, bool) {
	text := s.text
	end := min(s.r.End, open+40)
	shut := strings.IndexByte(text[open:end], ']')
	if shut < 0 {
		return lint.Citation{}, false
	}
	shut += open
	inner := text[open+1 : shut]
	nums := s.digits[:0]
	defer func() { s.digits = nums[:0] }()
	last := -1
	rangeFrom := false
	for k := 0; k < len(inner); {
		r, n := runeAt(inner, k)
		switch {
		case isDigit(r):
			j := k
			for j < len(inner) && isDigit(rune(inner[j])) {
				j++
			}
			if j-k > 3 {
				return lint.Citation{}, false // [1953] is a date
			}
			v, _ := strconv.Atoi(inner[k:j])
			if v == 0 {
				return lint.Citation{}, false
			}
			if rangeFrom && last > 0 && v > last && v-last <= 50 {
				for x := last + 1; x < v; x++ {
					nums = append(nums, x)
				}
			} else if rangeFrom {
				return lint.Citation{}, false
			}
			nums = append(nums, v)
			last, rangeFrom = v, false
			k = j
			continue
		case r == ',' || r == ' ':
		case r == '-' || r == '–' || r == '—':
			if last < 0 || rangeFrom {
				return lint.Citation{}, false
			}
			rangeFrom = true
		default:
			return lint.Citation{}, false
		}
		k += n
	}
	if len(nums) == 0 || rangeFrom {
		return lint.Citation{}, false
	}
	rg := lint.Range{Start: open, End: shut + 1}
	numbers := s.numbers.take(len(nums))
	copy(numbers, nums)
	return lint.Citation{Kind: lint.CitationNumeric, Range: rg, Text: text[rg.Start:rg.End], Numbers: numbers, Block: s.block, Entry: -1}, true
}

// markSpeakers sets Speaker on every signal phrase whose sentence also
// carries another citation (not a page-only one): the person named is
// quoted in that source. cs are the block's citations, sorted by start.
func (s *blockScan) markSpeakers(cs []lint.Citation) {
	// Most blocks have no signal phrase, or nothing else: skip splitting
	// them into sentences.
	signal, other := false, false
	for _, c := range cs {
		if c.Kind == lint.CitationSignal {
			signal = true
		} else if !c.PageOnly {
			other = true
		}
	}
	if !signal || !other {
		return
	}
	for i := range cs {
		if cs[i].Kind != lint.CitationSignal {
			continue
		}
		sent := s.sentenceOf(cs[i].Start)
		other := func(o lint.Citation) bool {
			return o.Kind != lint.CitationSignal && !o.PageOnly
		}
		for j := i - 1; j >= 0 && cs[j].Start >= sent.Start; j-- {
			if other(cs[j]) {
				cs[i].Speaker = true
			}
		}
		for j := i + 1; j < len(cs) && cs[j].Start < sent.End; j++ {
			if other(cs[j]) {
				cs[i].Speaker = true
			}
		}
	}
}
