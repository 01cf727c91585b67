package rules

import (
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/match"
)

// CitationUnmatched reports an in-text citation or attribution whose source
// has no works-cited entry.
type CitationUnmatched struct{}

// Meta describes the rule.
func (CitationUnmatched) Meta() lint.Meta {
	return lint.Meta{
		ID:       "citation-unmatched",
		Summary:  "a citation names a source that has no works-cited entry",
		Severity: lint.SeverityError,
		Category: "citations",
		Since:    "0.1.0",
		Doc: `Each in-text citation — "(Freeze 412)", "(Freeze, 2009)", a signal phrase such as
"according to von Geldern", a link in the text — must lead the reader to an
entry in the works-cited list, matched by the author's family name (or, for a
work with no author, its title; for a link, its address). In Chicago's notes,
a full note ("Sheila Fitzpatrick, Everyday Stalinism ..."), a short note
("Fitzpatrick, Everyday Stalinism, 52") and "Ibid." each lead to the
bibliography entry of the work they cite. When an entry is
close (a misspelling, a dropped "von"), the message names it. A person quoted
inside a cited source — "According to CEO Doug McMillon, ... (Dearn, 2020)" or
"(qtd. in Aldana 12)" — needs no entry of their own.`,
		Wrong: `The novel was written to "honor the tenets of Stalinist culture," according to von Geldern.

Works Cited

Ehrenburg, Ilya. The Thaw. Translated by Manya Harari, Regnery, 1955.`,
		Right: `The novel was written to "honor the tenets of Stalinist culture," according to von Geldern.

Works Cited

Ehrenburg, Ilya. The Thaw. Translated by Manya Harari, Regnery, 1955.
von Geldern, James. "The Thaw." Seventeen Moments in Soviet History, 2015.`,
	}
}

// Check reports each citation that matched no entry.
func (CitationUnmatched) Check(p *lint.Pass) error {
	e := p.Essay
	if !bibliographyUsable(e) {
		return nil // works-cited-missing or -empty speaks for these
	}
	for i := range e.Citations {
		c := &e.Citations[i]
		if c.Entry >= 0 || c.Speaker || c.Kind == lint.CitationNumeric {
			continue
		}
		if c.Kind == lint.CitationNote {
			// A note reference in the body speaks through its note; the
			// works a note cites are checked where the note stands, in
			// Chicago's notes-bibliography form.
			if e.InBody(c.Start) || e.Style != lint.StyleChicago {
				continue
			}
		} else if !e.InBody(c.Start) {
			continue // prose inside a note: the note's own citations speak for it
		}
		if gloss(e, *c) {
			continue
		}
		name := sourceName(*c)
		if name == "" {
			continue
		}
		what := `"` + name + `"`
		if c.Kind == lint.CitationLink {
			what = "the link to " + match.Host(c.URL)
		}
		if c.Suggestion != "" {
			p.Reportf(c.Range, "no works-cited entry for %s; did you mean %q?", what, c.Suggestion)
			continue
		}
		p.Reportf(c.Range, "no works-cited entry for %s; add one, or correct the citation to match an entry", what)
	}
	return nil
}

// gloss reports whether c is a quoted phrase in parentheses right after a
// quotation — a translation or gloss, as in "Poyekhali!" ("Let's go!") —
// rather than a short title standing in for an author.
func gloss(e *lint.Essay, c lint.Citation) bool {
	if c.Title == "" || len(c.Authors) > 0 || c.Locator != "" || c.Kind != lint.CitationParenthetical {
		return false
	}
	for _, q := range e.Quotes {
		if q.End <= c.Start && c.Start-q.End <= 2 && strings.TrimSpace(e.Doc.Slice(lint.Range{Start: q.End, End: c.Start})) == "" {
			return true
		}
	}
	return false
}
