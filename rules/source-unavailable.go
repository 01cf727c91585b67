package rules

import (
	"fmt"

	"github.com/citelint/citelint/lint"
)

// SourceUnavailable reports a cited source that exists but could not be
// read, so its quotations went unchecked.
type SourceUnavailable struct{}

// Meta describes the rule.
func (SourceUnavailable) Meta() lint.Meta {
	return lint.Meta{
		ID:       "source-unavailable",
		Summary:  "a cited source could not be read, so its quotations were not checked",
		Severity: lint.SeverityInfo,
		Category: "sources",
		Since:    "0.3.0",
		Doc: `With a source library (--sources) or --online, citelint checks quotations
against the sources they cite. When the library names a file for a cited
entry that cannot be read (a corrupt page, an unreadable PDF), or a cited
address cannot be fetched, this note says which quotations were not checked.
Sources that are simply not in the library are not reported.`,
		Wrong: `(a sources.yml entry whose file is an unreadable PDF, cited by a quotation)`,
		Right: `(a readable file for every source the essay quotes)`,
	}
}

// Check reports each entry whose source failed to load and that quotations
// rely on.
func (SourceUnavailable) Check(p *lint.Pass) error {
	e := p.Essay
	for i := range e.Entries {
		es := e.SourceOf(i)
		if es.Err == nil {
			continue
		}
		en := &e.Entries[i]
		quotes := 0
		for _, q := range e.Quotes {
			if q.Citation >= 0 && e.Citations[q.Citation].Entry == i {
				quotes++
			}
		}
		if quotes == 0 && len(en.CitedBy) == 0 {
			continue
		}
		var unchecked string
		switch quotes {
		case 0:
			unchecked = "the passages citing it were not checked against it"
		case 1:
			unchecked = "the quotation from it was not checked"
		default:
			unchecked = fmt.Sprintf("the %d quotations from it were not checked", quotes)
		}
		p.Reportf(en.Range, "the source for %s could not be read (%v), so %s", entryLabel(*en), es.Err, unchecked)
	}
	return nil
}
