package rules

import (
	"fmt"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/locate"
)

// QuoteNotInSource reports a quotation that its cited source does not
// contain.
type QuoteNotInSource struct{}

// Meta describes the rule.
func (QuoteNotInSource) Meta() lint.Meta {
	return lint.Meta{
		ID:       "quote-not-in-source",
		Summary:  "the cited source does not contain the quoted words",
		Severity: lint.SeverityError,
		Category: "sources",
		Since:    "0.3.0",
		Doc: `When citelint can read the source a quotation cites (a file of the source
library given by --sources, or with --online the cited page), it looks for the
quoted words there, folding case, curly and straight quotes, dashes,
whitespace and hyphenation across lines, and honouring ellipses and
[bracketed] insertions. A quotation it cannot find is reported with the
closest passage and how close it is: the quotation may come from another
source, or be misremembered.`,
		Wrong: `Ehrenburg's novel was written to "celebrate the end of Stalinist culture" (von Geldern).`,
		Right: `Ehrenburg's novel was written to "honor the tenets of Stalinist culture" (von Geldern).`,
	}
}

// sourceMatch looks the essay's quotation i up in the source its citation
// points to. ok is false when there is nothing to check against. Rules
// call it through quoteFacts, which keeps its answer for the essay.
func sourceMatch(p *lint.Pass, i int) (m locate.Match, src lint.CitedSource, ok bool) {
	e := p.Essay
	q := e.Quotes[i]
	if q.Citation < 0 {
		return m, nil, false
	}
	// The source first: with no library (most runs) nothing else is asked.
	es := e.SourceOf(e.Citations[q.Citation].Entry)
	if es.Source == nil || es.Err != nil {
		return m, nil, false
	}
	f := factsOf(p)
	if body, _, _ := f.place(i); !body || !needsSource(p, f, i) {
		return m, nil, false
	}
	if _, title := f.longWorkTitle(i); title {
		return m, nil, false
	}
	ix, err := es.Source.Index()
	if err != nil {
		return m, nil, false
	}
	return ix.Find(quotedWords(e, q)), es.Source, true
}

// Check reports each quotation the cited source lacks.
func (QuoteNotInSource) Check(p *lint.Pass) error {
	if len(p.Essay.Sources) == 0 {
		return nil // no library: sourceMatch finds nothing to check against
	}
	f := factsOf(p)
	for i, q := range p.Essay.Quotes {
		m, src, changed, ok := f.sourceMatch(p, i)
		if !ok || m.Found || changed {
			continue
		}
		msg := fmt.Sprintf("the quoted words are not in the cited source %s", src)
		if m.Passage != "" && m.Score > 0.2 {
			msg += fmt.Sprintf("; the closest passage (%.0f%% alike) reads %q", m.Score*100, clip(m.Passage, 160))
		}
		p.Reportf(q.Range, "%s", msg)
	}
	return nil
}

// clip shortens s to at most n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
