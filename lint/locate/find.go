package locate

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Match is what Find learned about a quotation.
type Match struct {
	// Found is true when the source has the quotation's words in order,
	// after normalisation, with ellipses and bracketed insertions honoured.
	Found bool
	// Start and End are the byte range, in the indexed text, of the passage
	// found or, when the quotation was not found, of the closest passage;
	// both are 0 when no passage shares a word with the quotation.
	Start, End int
	// Pieces are the byte ranges of the quotation's parts (the words
	// between its ellipses and bracketed insertions) in the indexed text,
	// when it was found.
	Pieces []Piece
	// Score is how close the passage is to the quotation, from 0 (nothing
	// in common) to 1 (found): twice the matching words over the words of
	// the quotation and of the passage.
	Score float64
	// Passage is the text of the passage, as the source writes it.
	Passage string
	// Diff lists how the quotation differs from the closest passage, word
	// by word, when it was not found.
	Diff []Edit
}

// Piece is a byte range of the indexed text.
type Piece struct{ Start, End int }

// EditKind says how a quotation departs from its source.
type EditKind int

// The kinds of difference between a quotation and its source.
const (
	// Added: the quotation has words the source does not.
	Added EditKind = iota + 1
	// Dropped: the source has words the quotation leaves out, with no
	// ellipsis to say so.
	Dropped
	// Replaced: the quotation has other words where the source has these.
	Replaced
)

func (k EditKind) String() string {
	switch k {
	case Added:
		return "added"
	case Dropped:
		return "dropped"
	case Replaced:
		return "replaced"
	}
	return "none"
}

// Edit is one difference between a quotation and its source: "you wrote
// Quote, the source says Source".
type Edit struct {
	Kind EditKind
	// Quote is the quotation's words as the student wrote them (empty for
	// Dropped); QuoteStart and QuoteEnd are their byte range in the
	// quotation (an empty range where words were dropped).
	Quote                string
	QuoteStart, QuoteEnd int
	// Source is the source's words as it writes them (empty for Added);
	// SourceStart and SourceEnd are their byte range in the indexed text
	// (an empty range where words were added).
	Source                 string
	SourceStart, SourceEnd int
}

// Limits of the gaps a quotation may leave, in source words.
const (
	// ellipsisGap: an ellipsis may leave out a few sentences, not a
	// chapter; the parts around it must stand close together.
	ellipsisGap = 150
	// bracketMinGap and bracketMaxGap bound the source words that a
	// bracketed insertion may stand for ("[the Party]" for "it").
	bracketMinGap = 3
	bracketMaxGap = 8
	// maxGapTotal bounds how far the near-miss search looks around a
	// candidate, whatever the quotation's ellipses allow.
	maxGapTotal = 300
)

// quoteMarks finds the marks that split a quotation: bracketed ellipses,
// bare ellipses ("...", "…", ". . ."), and bracketed insertions.
var quoteMarks = regexp.MustCompile(`\[\s*(?:…|\.(?:\s*\.){2,})\s*\]|…|\.(?:[ \t\x{a0}]?\.){2,}|\[[^\[\]]*\]`)

// editorialNotes are bracketed notes that stand for no source words at all.
var editorialNotes = map[string]bool{
	"sic": true, "emphasis added": true, "emphasis mine": true, "italics added": true,
	"italics mine": true, "emphasis in original": true, "italics in original": true, "sic passim": true,
}

// qword is one word of a parsed quotation.
type qword struct {
	id         int32
	start, end int
	// gap is how many source words may stand, uncounted, between the
	// previous word and this one: an ellipsis or a bracketed insertion
	// came between them.
	gap int
}

// parseQuote splits a quotation into words, looked up in the index, and
// records where an ellipsis or a bracketed insertion lets source words be
// skipped. Brackets attached to a word ("[t]he") only mark a changed
// letter: they vanish and the word stays whole.
func (ix *Index) parseQuote(quote string) []qword {
	var out []qword
	pending := 0
	plain := 0
	add := func(seg string, at int) {
		sc := scanner{text: seg, brackets: true}
		for {
			word, start, end, ok := sc.next()
			if !ok {
				return
			}
			g := pending
			if len(out) == 0 {
				g = 0
			}
			pending = 0
			out = append(out, qword{id: ix.id(string(word)), start: at + start, end: at + end, gap: g})
		}
	}
	for _, m := range quoteMarks.FindAllStringIndex(quote, -1) {
		mark := quote[m[0]:m[1]]
		gap := ellipsisGap
		if mark[0] == '[' && !strings.ContainsAny(mark, ".…") {
			if attached(quote, m[0], m[1]) {
				continue
			}
			gap = bracketGap(mark[1 : len(mark)-1])
		}
		add(quote[plain:m[0]], plain)
		plain = m[1]
		pending = max(pending, gap)
	}
	add(quote[plain:], plain)
	return out
}

// attached reports whether the bracket group quote[start:end] touches a
// word on either side: "[t]he", "cultur[e]".
func attached(quote string, start, end int) bool {
	if r, _ := utf8.DecodeLastRuneInString(quote[:start]); isWordRune(r) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(quote[end:])
	return isWordRune(r)
}

// bracketGap is how many source words a bracketed insertion may stand for:
// none for an editorial note ("[sic]"), else a few more than it holds.
func bracketGap(inner string) int {
	folded := Fold(inner)
	if folded == "" || editorialNotes[folded] {
		return 0
	}
	n := strings.Count(folded, " ") + 1
	return min(max(2*n, bracketMinGap), bracketMaxGap)
}

// Find looks for a quotation in the indexed text. Case, quotation marks,
// apostrophes, dashes, whitespace, punctuation and line-break hyphenation
// are folded (see Normalize); an ellipsis ("...", "…", ". . .", "[...]",
// "[…]") lets the parts around it stand apart, in order and close together;
// a bracketed insertion ("[the Party]") stands for a short run of source
// words or none; a bracketed letter ("[t]he") is part of its word. When the
// words are not there, Find returns the closest passage, its score and the
// word-level difference.
func (ix *Index) Find(quote string) Match {
	q := ix.parseQuote(quote)
	if len(q) == 0 || len(ix.ids) == 0 {
		return Match{}
	}
	if pieces, ok := ix.exact(q); ok {
		m := Match{Found: true, Score: 1, Start: pieces[0].Start, End: pieces[len(pieces)-1].End}
		m.Pieces = pieces
		m.Passage = ix.text[m.Start:m.End]
		return m
	}
	return ix.closest(quote, q)
}

// runsOf splits a parsed quotation into runs of words that must stand side
// by side in the source: a gap starts a new run.
func runsOf(q []qword) [][2]int {
	var runs [][2]int
	start := 0
	for i := 1; i <= len(q); i++ {
		if i == len(q) || q[i].gap > 0 {
			runs = append(runs, [2]int{start, i})
			start = i
		}
	}
	return runs
}

// exactBudget bounds the word comparisons of one exact search: a
// quotation made of the commonest words of a long text, split by many
// ellipses, must not make the search crawl.
const exactBudget = 1 << 20

// exact finds the quotation word for word. It anchors on the quotation's
// rarest word, checks the run holding it at each place the word stands,
// then the runs after it within their gaps, then the runs before it.
func (ix *Index) exact(q []qword) ([]Piece, bool) {
	anchor := 0
	for i, w := range q {
		if w.id < 0 {
			return nil, false
		}
		if ix.count(w.id) < ix.count(q[anchor].id) {
			anchor = i
		}
	}
	runs := runsOf(q)
	ar := sort.Search(len(runs), func(r int) bool { return runs[r][1] > anchor })
	s := exactSearch{ix: ix, q: q, runs: runs, pieces: make([]Piece, len(runs)), budget: exactBudget}
	off := anchor - runs[ar][0]
	for _, p := range ix.positions(q[anchor].id) {
		start := int(p) - off
		if !s.runAt(ar, start) {
			if s.budget <= 0 {
				return nil, false
			}
			continue
		}
		s.set(ar, start)
		end := start + runs[ar][1] - runs[ar][0]
		if s.forward(ar+1, end) && s.backward(ar-1, start) {
			return s.pieces, true
		}
		if s.budget <= 0 {
			return nil, false
		}
	}
	return nil, false
}

// exactSearch is the state of one exact search.
type exactSearch struct {
	ix     *Index
	q      []qword
	runs   [][2]int
	pieces []Piece
	budget int
}

// runAt reports whether run r stands at token position start.
func (s *exactSearch) runAt(r, start int) bool {
	a, b := s.runs[r][0], s.runs[r][1]
	if start < 0 || start+(b-a) > len(s.ix.ids) {
		return false
	}
	for i := a; i < b; i++ {
		s.budget--
		if s.ix.ids[start+i-a] != s.q[i].id {
			return false
		}
	}
	return true
}

func (s *exactSearch) set(r, start int) {
	n := s.runs[r][1] - s.runs[r][0]
	st, en := s.ix.WordRange(start, start+n)
	s.pieces[r] = Piece{st, en}
}

// forward places runs r and after, run r starting within its gap of from.
func (s *exactSearch) forward(r, from int) bool {
	if r >= len(s.runs) {
		return true
	}
	gap := s.q[s.runs[r][0]].gap
	n := s.runs[r][1] - s.runs[r][0]
	for start := from; start <= from+gap && s.budget > 0; start++ {
		if s.runAt(r, start) {
			s.set(r, start)
			if s.forward(r+1, start+n) {
				return true
			}
		}
	}
	return false
}

// backward places runs r and before, run r ending within the gap of the
// run after it, which starts at before.
func (s *exactSearch) backward(r, before int) bool {
	if r < 0 {
		return true
	}
	gap := s.q[s.runs[r+1][0]].gap
	n := s.runs[r][1] - s.runs[r][0]
	for end := before; end >= before-gap && end-n >= 0 && s.budget > 0; end-- {
		if s.runAt(r, end-n) {
			s.set(r, end-n)
			if s.backward(r-1, end-n) {
				return true
			}
		}
	}
	return false
}

// Near-miss search parameters.
const (
	// voteBudget bounds the postings read to find candidate passages; the
	// rarest word is always read.
	voteBudget = 20000
	// binWidth groups candidate start positions, in words, so that a
	// passage with a few words added or dropped still gathers its votes.
	binWidth = 16
	// candidates is how many of the best-voted places are aligned.
	candidates = 4
	// maxAlignWords bounds the quotation words the near-miss search aligns
	// (the table grows with their square): a longer block quotation that is
	// not in its source is compared by its first 400 words, enough to show
	// where it departs.
	maxAlignWords = 400
)

// closest finds the passage nearest to a quotation that is not in the text:
// every word of the quotation votes for the places it would put the
// quotation's start, the best-voted places are aligned word by word with
// the quotation, and the best alignment wins.
func (ix *Index) closest(quote string, q []qword) Match {
	q = q[:min(len(q), maxAlignWords)]
	gapTotal := 0
	for _, w := range q {
		gapTotal += w.gap
	}
	gapTotal = min(gapTotal, maxGapTotal)

	type known struct{ i, count int }
	var ks []known
	for i, w := range q {
		if c := ix.count(w.id); c > 0 {
			ks = append(ks, known{i, c})
		}
	}
	if len(ks) == 0 {
		return Match{}
	}
	sort.Slice(ks, func(a, b int) bool { return ks[a].count < ks[b].count })
	// One counter per bin of the text: a slice, not a map, because a
	// quotation of common words casts tens of thousands of votes.
	votes := make([]float32, len(ix.ids)/binWidth+2)
	read := 0
	n := float64(len(ix.ids))
	for k, w := range ks {
		if k > 0 && read+w.count > voteBudget {
			break
		}
		read += w.count
		weight := float32(math.Log(1 + n/float64(w.count)))
		for _, p := range ix.positions(q[w.i].id) {
			if b := (int(p) - w.i) / binWidth; b >= 0 {
				votes[b] += weight
			} else {
				votes[0] += weight
			}
		}
	}
	// The best bins, each scored with its right neighbour's votes too: a
	// passage straddling two bins splits its votes.
	type bin struct {
		b     int
		score float32
	}
	var top [candidates]bin
	for b := 0; b+1 < len(votes); b++ {
		sc := votes[b] + votes[b+1]
		if sc <= top[candidates-1].score {
			continue
		}
		k := candidates - 1
		for k > 0 && sc > top[k-1].score {
			top[k] = top[k-1]
			k--
		}
		top[k] = bin{b, sc}
	}
	slack := len(q)/2 + 8 + gapTotal
	var windows [][2]int
	for _, bn := range top {
		if bn.score == 0 {
			break
		}
		from := max(0, bn.b*binWidth-slack)
		to := min(len(ix.ids), (bn.b+2)*binWidth+len(q)+slack)
		windows = append(windows, [2]int{from, to})
	}
	windows = mergeWindows(windows)

	var best alignment
	for _, w := range windows {
		a := ix.align(q, w[0], w[1])
		if a.score > best.score || (a.score == best.score && a.matched > best.matched) {
			best = a
		}
	}
	if best.matched == 0 {
		return Match{}
	}
	return ix.matchOf(quote, q, best)
}

// mergeWindows sorts windows and joins those that overlap, so that no
// stretch of text is aligned twice.
func mergeWindows(ws [][2]int) [][2]int {
	sort.Slice(ws, func(a, b int) bool { return ws[a][0] < ws[b][0] })
	var out [][2]int
	for _, w := range ws {
		if k := len(out); k > 0 && w[0] <= out[k-1][1] {
			out[k-1][1] = max(out[k-1][1], w[1])
			continue
		}
		out = append(out, w)
	}
	return out
}

// Alignment operations.
const (
	opMatch   = iota // the words agree
	opReplace        // the quotation has another word
	opAdd            // the quotation has a word the source lacks
	opDrop           // the source has a word the quotation lacks
	opSkip           // a source word left out at an ellipsis or bracket
)

// step is one operation of an alignment: quotation word qi, source word sj
// (token position), -1 where the operation has none.
type step struct {
	op, qi, sj int
}

// alignment is the best word-by-word alignment of a quotation with a
// passage of a window of the text.
type alignment struct {
	steps   []step
	score   float64
	matched int
	cost    int
}

// Costs of the alignment's operations, in tenths. An added word costs
// more than a dropped one: students leave source words out far more often
// than they make words up. Dropping a run of words costs an opening price
// and a little for each further word (an affine gap), because one omitted
// phrase is one change, not five: with flat costs the cheapest alignment of
// "Farmers brought potatoes" against "Farmers who had waited all winter
// brought potatoes" would call "Farmers" a replacement of "winter" instead
// of saying "who had waited all winter" was dropped. Replacing costs what
// adding does, less than adding and dropping together, so that a changed
// word reads as replaced.
const (
	costAdd      = 20
	costReplace  = 20
	costDropOpen = 10
	costDropMore = 2
)

// infinity is a cost no alignment reaches.
const infinity = math.MaxInt32 / 2

// align aligns the whole quotation with the best-fitting passage of the
// text's words [from, to): the passage may start and end anywhere in the
// window (a semi-global edit distance with affine gaps), and source words
// skipped where the quotation has an ellipsis or a bracketed insertion cost
// nothing.
//
// d[i][j] is the least cost of aligning the first i quotation words with a
// passage ending at window word j; h[i][j] the least such cost that ends by
// dropping source word j.
func (ix *Index) align(q []qword, from, to int) alignment {
	m, w := len(q), to-from
	if w <= 0 {
		return alignment{}
	}
	cols := w + 1
	d := make([]int32, (m+1)*cols)
	h := make([]int32, (m+1)*cols)
	for j := range cols {
		h[j] = infinity
	}
	for i := 1; i <= m; i++ {
		d[i*cols] = int32(i * costAdd)
		h[i*cols] = infinity
	}
	src := ix.ids[from:to]
	for i := 1; i <= m; i++ {
		qi := q[i-1].id
		open, more := int32(costDropOpen), int32(costDropMore)
		if i < m && q[i].gap > 0 {
			open, more = 0, 0
		}
		row, prev := d[i*cols:(i+1)*cols], d[(i-1)*cols:i*cols]
		hrow := h[i*cols : (i+1)*cols]
		for j := 1; j <= w; j++ {
			hv := min(row[j-1]+open, hrow[j-1]+more)
			hrow[j] = hv
			sub := int32(costReplace)
			if src[j-1] == qi {
				sub = 0
			}
			best := prev[j-1] + sub
			if v := prev[j] + costAdd; v < best {
				best = v
			}
			if hv < best {
				best = hv
			}
			row[j] = best
		}
	}
	// The passage ends where the whole quotation costs least; the earliest
	// such end keeps the passage short. But when the quotation's last word
	// may as well stand against the source word after that end as be
	// added, the replacement is what happened: "wrote dawn where the source
	// says dusk", not "added dawn".
	end := 0
	last := d[m*cols:]
	for j := 1; j <= w; j++ {
		if last[j] < last[end] {
			end = j
		}
	}
	if end > 0 && end < w && last[end+1] == last[end] && d[(m-1)*cols+end]+costReplace == last[end+1] {
		end++
	}
	a := alignment{cost: int(last[end])}
	i, j := m, end
	dropping := false
	for i > 0 {
		if dropping {
			op := opDrop
			open, more := int32(costDropOpen), int32(costDropMore)
			if i < m && q[i].gap > 0 {
				op, open, more = opSkip, 0, 0
			}
			a.steps = append(a.steps, step{op, -1, from + j - 1})
			cur := h[i*cols+j]
			dropping = !(cur == d[i*cols+j-1]+open) && cur == h[i*cols+j-1]+more
			j--
			continue
		}
		cur := d[i*cols+j]
		switch {
		case j > 0 && src[j-1] == q[i-1].id && cur == d[(i-1)*cols+j-1]:
			a.steps = append(a.steps, step{opMatch, i - 1, from + j - 1})
			a.matched++
			i, j = i-1, j-1
		case j > 0 && cur == d[(i-1)*cols+j-1]+costReplace:
			a.steps = append(a.steps, step{opReplace, i - 1, from + j - 1})
			i, j = i-1, j-1
		case cur == d[(i-1)*cols+j]+costAdd:
			a.steps = append(a.steps, step{opAdd, i - 1, -1})
			i--
		default:
			dropping = true
		}
	}
	for l, r := 0, len(a.steps)-1; l < r; l, r = l+1, r-1 {
		a.steps[l], a.steps[r] = a.steps[r], a.steps[l]
	}
	a.boundSkips(q)
	srcWords := 0
	for _, st := range a.steps {
		if st.op == opMatch || st.op == opReplace || st.op == opDrop {
			srcWords++
		}
	}
	if m+srcWords > 0 {
		a.score = 2 * float64(a.matched) / float64(m+srcWords)
	}
	return a
}

// boundSkips holds the alignment to the gaps the quotation allows: the
// table skips source words at an ellipsis or bracket for free, however
// many; a skip longer than its gap (a one-word "[praise]" standing for a
// whole clause) becomes words dropped, and costs as much.
func (a *alignment) boundSkips(q []qword) {
	run := 0
	for k, st := range a.steps {
		switch {
		case st.op == opSkip:
			run++
		case st.qi >= 0:
			if run > q[st.qi].gap {
				for b := k - run; b < k; b++ {
					a.steps[b].op = opDrop
				}
				a.cost += costDropOpen + (run-1)*costDropMore
			}
			run = 0
		}
	}
}

// matchOf turns the best alignment into a Match with its passage and its
// word-level difference.
func (ix *Index) matchOf(quote string, q []qword, a alignment) Match {
	first, last := -1, -1
	for _, st := range a.steps {
		if st.sj >= 0 {
			if first < 0 {
				first = st.sj
			}
			last = st.sj
		}
	}
	var m Match
	m.Score = a.score
	if first >= 0 {
		m.Start, m.End = ix.WordRange(first, last+1)
		m.Passage = ix.text[m.Start:m.End]
	}
	if a.cost == 0 {
		// Every word is there, in order, but the parts stand farther apart
		// than the exact search allows: still the quotation's words.
		m.Found, m.Score = true, 1
		m.Pieces = ix.piecesOf(q, a)
		return m
	}
	m.Diff = ix.diff(quote, q, a)
	return m
}

// piecesOf gives the source range of each run of the quotation.
func (ix *Index) piecesOf(q []qword, a alignment) []Piece {
	at := make([]int, len(q))
	for _, st := range a.steps {
		if st.qi >= 0 {
			at[st.qi] = st.sj
		}
	}
	var pieces []Piece
	for _, r := range runsOf(q) {
		s, e := ix.WordRange(at[r[0]], at[r[1]-1]+1)
		pieces = append(pieces, Piece{s, e})
	}
	return pieces
}

// diff groups the alignment's operations into edits: each stretch of
// added, dropped and replaced words between agreeing words is one edit.
func (ix *Index) diff(quote string, q []qword, a alignment) []Edit {
	var edits []Edit
	var qs, ss []int
	// lastSrc is the last source word that agreed with the quotation: an
	// added word stands after it.
	lastSrc := -1
	flush := func(nextSrc int) {
		if len(qs) == 0 && len(ss) == 0 {
			return
		}
		var e Edit
		switch {
		case len(qs) > 0 && len(ss) > 0:
			e.Kind = Replaced
		case len(qs) > 0:
			e.Kind = Added
		default:
			e.Kind = Dropped
		}
		if len(qs) > 0 {
			e.QuoteStart, e.QuoteEnd = q[qs[0]].start, q[qs[len(qs)-1]].end
			e.Quote = quote[e.QuoteStart:e.QuoteEnd]
		}
		if len(ss) > 0 {
			e.SourceStart, e.SourceEnd = ix.WordRange(ss[0], ss[len(ss)-1]+1)
			e.Source = ix.text[e.SourceStart:e.SourceEnd]
		} else {
			at := len(ix.text)
			switch {
			case lastSrc >= 0:
				at = int(ix.ends[lastSrc])
			case nextSrc >= 0:
				at = int(ix.starts[nextSrc])
			}
			e.SourceStart, e.SourceEnd = at, at
		}
		if len(qs) == 0 {
			// Where the words were dropped: after the last quotation word
			// before them.
			at := quoteInsertionPoint(q, a, ss[0])
			e.QuoteStart, e.QuoteEnd = at, at
		}
		edits = append(edits, e)
		qs, ss = qs[:0], ss[:0]
	}
	for _, st := range a.steps {
		switch st.op {
		case opMatch, opSkip:
			flush(st.sj)
			lastSrc = st.sj
		case opReplace:
			qs = append(qs, st.qi)
			ss = append(ss, st.sj)
		case opAdd:
			qs = append(qs, st.qi)
		case opDrop:
			ss = append(ss, st.sj)
		}
	}
	flush(-1)
	return edits
}

// quoteInsertionPoint is the byte offset in the quotation where source
// word sj was dropped: the end of the last quotation word aligned before it.
func quoteInsertionPoint(q []qword, a alignment, sj int) int {
	at := 0
	for _, st := range a.steps {
		if st.sj == sj && st.op == opDrop {
			return at
		}
		if st.qi >= 0 {
			at = q[st.qi].end
		}
	}
	return at
}
