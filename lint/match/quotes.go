package match

import (
	"sort"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/inline"
)

// linkQuotes gives each quotation the citation that covers it: one in the
// quotation's own sentence or the next sentence of the same paragraph, or,
// for a block quotation, one inside it or at the edges of the paragraphs
// around it.
func linkQuotes(e *lint.Essay) {
	doc := e.Doc
	// Extraction has split most quoting paragraphs already; the rest are
	// split here once and kept with them.
	if len(e.BlockSentences) < len(doc.Blocks) {
		e.BlockSentences = append(e.BlockSentences, make([][]lint.Range, len(doc.Blocks)-len(e.BlockSentences))...)
	}
	sentencesOf := func(b int) []lint.Range {
		if e.BlockSentences[b] == nil {
			e.BlockSentences[b] = inline.Sentences(doc, doc.Blocks[b].Range)
		}
		return e.BlockSentences[b]
	}
	for qi := range e.Quotes {
		q := &e.Quotes[qi]
		q.Citation = -1
		if q.BlockQuote {
			q.Citation = blockQuoteCitation(e, q, sentencesOf)
			continue
		}
		if c, ok := citationRightAfter(e, q); ok {
			q.Citation = c
			continue
		}
		q.Citation = quoteCitation(e, q, sentencesOf)
	}
}

// quoteCitation is the citation of a quotation outside a block quotation:
// the best in a window of the quotation's sentences and the next.
func quoteCitation(e *lint.Essay, q *lint.Quote, sentencesOf func(int) []lint.Range) int {
	doc := e.Doc
	var window lint.Range
	ss := sentencesOf(q.Block)
	first, last := -1, -1
	for i, s := range ss {
		if s.End > q.Start && s.Start < q.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		window = doc.Blocks[q.Block].Range
	} else {
		window = lint.Range{Start: ss[first].Start, End: ss[last].End}
		if last+1 < len(ss) {
			window.End = ss[last+1].End
		}
	}
	return citationIn(e, window, q)
}

// citationRightAfter answers quoteCitation without splitting the
// paragraph into sentences, in the commonest case: the first citation
// after the quotation follows it in the same paragraph with nothing but
// spaces between, as in “…” (Freeze 412). A sentence ends only after a
// terminator (. ! ? …) and the closing marks run after it, and such a run
// stops at a space, so no sentence can end between the quotation and the
// citation: the citation stands in the quotation's last sentence or, if
// that ends with the quotation, in the next, both inside quoteCitation's
// window; and being the first citation after the quotation, it is the one
// quoteCitation would choose. ok is false when the case does not apply.
func citationRightAfter(e *lint.Essay, q *lint.Quote) (int, bool) {
	cs, text := e.Citations, e.Doc.Text
	i := sort.Search(len(cs), func(k int) bool { return cs[k].Start >= q.End })
	if i == len(cs) || cs[i].Start >= e.Doc.Blocks[q.Block].End || cs[i].Start > len(text) {
		return -1, false
	}
	for k := q.End; k < cs[i].Start; k++ {
		if text[k] != ' ' {
			return -1, false
		}
	}
	return i, true
}

// citationIn returns the best citation in window for quotation q: the first
// one after the quotation, else the nearest before it. Match has sorted
// the citations by start, so those in window follow one another.
func citationIn(e *lint.Essay, window lint.Range, q *lint.Quote) int {
	cs := e.Citations
	lo := sort.Search(len(cs), func(k int) bool { return cs[k].Start >= window.Start })
	before := -1
	for i := lo; i < len(cs) && cs[i].Start < window.End; i++ {
		c := &cs[i]
		if q.Inner.Contains(c.Start) && !q.BlockQuote {
			// Words inside the quotation are the source's, not a citation.
			continue
		}
		if c.Start >= q.End || (q.BlockQuote && c.Start >= q.Start) {
			return i
		}
		before = i
	}
	return before
}

func blockQuoteCitation(e *lint.Essay, q *lint.Quote, sentencesOf func(int) []lint.Range) int {
	doc := e.Doc
	if c := citationIn(e, doc.Blocks[q.Block].Range, q); c >= 0 {
		return c
	}
	// The next paragraph's first sentence, often just "(Freeze 412)".
	if n := q.Block + 1; n < len(doc.Blocks) {
		if ss := sentencesOf(n); len(ss) > 0 {
			if c := citationIn(e, ss[0], q); c >= 0 {
				return c
			}
		}
	}
	// The sentence that introduces it: "As Freeze writes:".
	if p := q.Block - 1; p >= 0 && doc.Blocks[p].Kind != lint.BlockHeading {
		if ss := sentencesOf(p); len(ss) > 0 {
			if c := citationIn(e, ss[len(ss)-1], q); c >= 0 {
				return c
			}
		}
	}
	return -1
}
