package rules

import "github.com/citelint/citelint/lint"

// CitationPageMissing reports a direct quotation from a paginated source
// whose citation gives no page.
type CitationPageMissing struct{}

// Meta describes the rule.
func (CitationPageMissing) Meta() lint.Meta {
	return lint.Meta{
		ID:       "citation-page-missing",
		Summary:  "a quotation from a book or article is cited without a page",
		Severity: lint.SeverityWarning,
		Category: "citations",
		Since:    "0.2.0",
		Doc: `A direct quotation from a source with page numbers — a book, a journal article —
cites the page it stands on: (Freeze 412) in MLA, (Freeze, 2009, p. 412) in APA
and Harvard. Web pages without pages need none (APA may use a paragraph number).`,
		Wrong: `Stalin's death opened "a season of cautious hope" (Freeze).`,
		Right: `Stalin's death opened "a season of cautious hope" (Freeze 412).`,
	}
}

// Check reports quotations whose matched citation lacks a locator while its
// entry is paginated.
func (CitationPageMissing) Check(p *lint.Pass) error {
	e := p.Essay
	f := factsOf(p)
	for i := range e.Quotes {
		q := &e.Quotes[i]
		if q.Citation < 0 {
			continue
		}
		// The citation first: most give a page, and the quotation's
		// place is not asked.
		c := &e.Citations[q.Citation]
		if c.Entry < 0 || c.Locator != "" || c.Kind == lint.CitationNote || c.Kind == lint.CitationLink || c.Kind == lint.CitationNumeric {
			continue
		}
		if !needsSource(p, f, i) {
			continue
		}
		if c.Kind == lint.CitationSignal && hasPageOnlyAfter(e, q) {
			continue
		}
		en := &e.Entries[c.Entry]
		if !paginated(en) {
			continue
		}
		p.Report(lint.Diagnostic{
			Span:    p.Doc().SourceSpan(c.Range),
			Message: "this quotation from " + entryLabel(*en) + " needs the page it stands on in the citation",
			Related: []lint.Related{p.Relate(q.Range, "the quotation")},
		})
	}
	return nil
}

// paginated reports whether an entry is a work with page numbers: it gives
// pages, or it is a printed book (a publisher, no link), or a journal
// volume.
func paginated(en *lint.Entry) bool {
	if en.Pages != "" {
		return true
	}
	if en.URL != "" || en.BareURL {
		return false
	}
	return en.Publisher != "" || en.Volume != ""
}

// hasPageOnlyAfter reports whether a page-only citation, "(412)", follows
// the quotation in its block.
func hasPageOnlyAfter(e *lint.Essay, q *lint.Quote) bool {
	for i := range e.Citations {
		if c := &e.Citations[i]; c.Block == q.Block && c.PageOnly && c.Start >= q.End && c.Locator != "" {
			return true
		}
	}
	return false
}
