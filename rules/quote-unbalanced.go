package rules

import (
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// QuoteUnbalanced reports a quotation mark that is never closed, or never
// opened, within its paragraph.
type QuoteUnbalanced struct{}

// Meta describes the rule.
func (QuoteUnbalanced) Meta() lint.Meta {
	return lint.Meta{
		ID:       "quote-unbalanced",
		Summary:  "a quotation mark is never closed (or never opened)",
		Severity: lint.SeverityError,
		Category: "quotations",
		Since:    "0.1.0",
		Doc: `Every opening quotation mark needs its closing mark in the same paragraph, or
the reader cannot tell where the source's words end and yours begin. This
rule reports the lone mark once; the text it swallowed is not also reported.`,
		Wrong: `Khrushchev called for "peaceful coexistence with the West (Taubman 350).`,
		Right: `Khrushchev called for "peaceful coexistence" with the West (Taubman 350).`,
	}
}

// Check reports each unbalanced mark.
func (QuoteUnbalanced) Check(p *lint.Pass) error {
	e := p.Essay
	for i := range e.Quotes {
		q := &e.Quotes[i]
		switch {
		case q.Unclosed:
			mark := markRange(e.Doc, q.Start)
			p.Reportf(mark, "this opening quotation mark %s is never closed in its paragraph; close the quotation where the source's words end", string(q.Open))
		case q.Unopened:
			end := q.End
			_, size := utf8.DecodeLastRuneInString(e.Doc.Slice(lint.Range{Start: q.Start, End: end}))
			p.Reportf(lint.Range{Start: end - size, End: end}, "this closing quotation mark %s has no opening mark in its paragraph", string(q.Close))
		}
	}
	return nil
}

// markRange covers the one character at text offset off.
func markRange(doc *lint.Document, off int) lint.Range {
	_, size := utf8.DecodeRuneInString(doc.Text[off:])
	return lint.Range{Start: off, End: off + size}
}
