package rules

import (
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// QuoteUncited reports a quotation with no citation.
type QuoteUncited struct{}

// Meta describes the rule.
func (QuoteUncited) Meta() lint.Meta {
	return lint.Meta{
		ID:       "quote-uncited",
		Summary:  "a quotation has no citation",
		Severity: lint.SeverityError,
		Category: "quotations",
		Since:    "0.1.0",
		Doc: `A quotation must say where it comes from: a citation in its own sentence or the
next sentence of the same paragraph, a footnote, or a signal phrase naming
its source ("according to von Geldern", "as Freeze writes"). Quoted spans of
one to three words are terms or scare quotes and need no source (the
threshold is quotes.min-words in the configuration).`,
		Wrong: `The Party promised "a return to Leninist norms of collective leadership" after 1953.`,
		Right: `The Party promised "a return to Leninist norms of collective leadership" after 1953 (Taubman 271).`,
	}
}

// Check reports each quotation that needs a source and has no citation.
func (QuoteUncited) Check(p *lint.Pass) error {
	e := p.Essay
	f := factsOf(p)
	for i := range e.Quotes {
		q := &e.Quotes[i]
		if q.Citation >= 0 || !needsSource(p, f, i) {
			continue
		}
		if body, _, _ := f.place(i); !body {
			continue
		}
		if _, ok := f.longWorkTitle(i); ok {
			continue // quote-title says what is wrong with it
		}
		if namesListedWork(e, *q) {
			continue
		}
		if q.BlockQuote {
			p.Reportf(q.Range, "this block quotation has no citation; cite its source at its end, as in (Author page)")
			continue
		}
		p.Reportf(q.Range, "this quotation has no citation; name its source in a signal phrase or cite it in this sentence")
	}
	return nil
}

// inSection returns the kind of section holding text offset off.
func inSection(e *lint.Essay, off int) lint.SectionKind {
	for i := range e.Sections {
		if s := &e.Sections[i]; s.Contains(off) {
			return s.Kind
		}
	}
	return lint.SectionBody
}

// namesListedWork reports whether the quotation's words are the title of a
// works-cited entry — a poster's slogan, a poem, an article named in full —
// so that the list itself says where they come from.
func namesListedWork(e *lint.Essay, q lint.Quote) bool {
	text := names.Fold(q.Text)
	if text == "" {
		return false
	}
	for _, en := range e.Entries {
		if en.Title != "" && names.Fold(en.Title) == text {
			return true
		}
	}
	return false
}
