package rules

import "github.com/citelint/citelint/lint"

// CitationYearMismatch reports an APA or Harvard citation whose year is not
// the year of the one entry its names match.
type CitationYearMismatch struct{}

// Meta describes the rule.
func (CitationYearMismatch) Meta() lint.Meta {
	return lint.Meta{
		ID:       "citation-year-mismatch",
		Summary:  "the citation's year differs from its entry's",
		Severity: lint.SeverityError,
		Category: "citations",
		Styles:   []lint.Style{lint.StyleAPA, lint.StyleHarvard},
		Since:    "0.2.0",
		Doc: `In APA and Harvard the year is part of the citation: (Freeze, 2009) points to the
Freeze entry dated 2009. When the names match exactly one entry and its year
is another, the citation or the entry has the wrong year.`,
		Wrong: `Reform came from above (Freeze, 2011).

References

Freeze, G. L. (2009). Russia: A history (3rd ed.). Oxford University Press.`,
		Right: `Reform came from above (Freeze, 2009).

References

Freeze, G. L. (2009). Russia: A history (3rd ed.). Oxford University Press.`,
	}
}

// Check reports each citation matched with a year mismatch.
func (CitationYearMismatch) Check(p *lint.Pass) error {
	e := p.Essay
	for i := range e.Citations {
		c := &e.Citations[i]
		if !c.YearMismatch || c.Entry < 0 {
			continue
		}
		en := e.Entries[c.Entry]
		p.Report(lint.Diagnostic{
			Span:    p.Doc().SourceSpan(c.Range),
			Message: "the citation gives " + c.Year + ", but the entry for " + entryLabel(en) + " is dated " + orNone(en.Year) + "; make the two agree",
			Related: []lint.Related{p.Relate(en.Range, "the entry")},
		})
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "no year"
	}
	return s
}
