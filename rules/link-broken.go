package rules

import (
	"strings"

	"github.com/citelint/citelint/lint"
)

// LinkBroken reports a cited address that is gone (--online).
type LinkBroken struct{}

// Meta describes the rule.
func (LinkBroken) Meta() lint.Meta {
	return lint.Meta{
		ID:       "link-broken",
		Summary:  "a cited link answers 404 or 410, or its host does not exist",
		Severity: lint.SeverityWarning,
		Category: "online",
		Since:    "0.4.0",
		Doc: `With --online, each cited address — an entry's URL and each hyperlink in the
essay's body — is fetched (HEAD, then GET when the server refuses HEAD;
redirects are followed). A page that answers 404 Not Found or 410 Gone, or
whose host does not exist, is broken: the reader cannot follow the citation.
Find where the page moved, cite an archived copy, or cite another source.

An answer that says nothing about the page — 401 or 403 (the site refuses
robots), 429 (too many requests), a server error or a time-out — is not a
broken link: it is reported as a note (info) that the link could not be
checked. Without --online this rule says nothing.`,
		Wrong: "Works Cited\n\nLee, Ann. \"Frost Fairs.\" River History, 2020, https://example.org/gone-page. (the page answers 404)",
		Right: "Works Cited\n\nLee, Ann. \"Frost Fairs.\" River History, 2020, https://example.org/frost-fairs.",
	}
}

// Check reports the broken and the unchecked links the online stage found.
func (LinkBroken) Check(p *lint.Pass) error {
	e := p.Essay
	for i := range e.Entries {
		if lc := e.OnlineOf(i).Link; lc != nil {
			reportLink(p, *lc, urlRange(e.Entries[i], lc.URL))
		}
	}
	for _, lc := range e.Links {
		if lc.Citation < 0 || lc.Citation >= len(e.Citations) {
			continue
		}
		reportLink(p, lc, e.Citations[lc.Citation].Range)
	}
	return nil
}

func reportLink(p *lint.Pass, lc lint.LinkCheck, r lint.Range) {
	switch lc.State {
	case lint.LinkBroken:
		p.Reportf(r, "the link %s is broken: %s; find where the page moved (or an archived copy) or cite another source", lc.URL, lc.Reason)
	case lint.LinkUnchecked:
		p.Report(lint.Diagnostic{
			Span:     p.Doc().SourceSpan(r),
			Severity: lint.SeverityInfo,
			Message:  "the link " + lc.URL + " could not be checked: " + lc.Reason + "; open it in a browser to be sure it works",
		})
	}
}

// urlRange is where an entry's address stands, or the whole entry.
func urlRange(en lint.Entry, u string) lint.Range {
	if k := strings.Index(en.Text, u); k >= 0 && u != "" {
		return lint.Range{Start: en.Start + k, End: en.Start + k + len(u)}
	}
	return en.Range
}
