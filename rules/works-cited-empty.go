package rules

import "github.com/citelint/citelint/lint"

// WorksCitedEmpty reports a bibliography heading with nothing under it.
type WorksCitedEmpty struct{}

// Meta describes the rule.
func (WorksCitedEmpty) Meta() lint.Meta {
	return lint.Meta{
		ID:       "works-cited-empty",
		Summary:  "a works-cited heading has no entries under it",
		Severity: lint.SeverityError,
		Category: "bibliography",
		Since:    "0.1.0",
		Doc: `A "Works Cited" (or "References", "Bibliography") heading promises a list of
sources. This rule fires when nothing follows it: the list was left for later
and forgotten. The finding names the sources the essay cites or attributes, so
you know which entries to write.`,
		Wrong: `The novel was written to "honor the tenets of Stalinist culture," according to von Geldern.

Work Cited:`,
		Right: `The novel was written to "honor the tenets of Stalinist culture" (von Geldern).

Work Cited

von Geldern, James. "The Thaw." Seventeen Moments in Soviet History, 2015.`,
	}
}

// Check reports each bibliography section with a heading and no entries.
func (WorksCitedEmpty) Check(p *lint.Pass) error {
	e := p.Essay
	for s := range bibliography(e) {
		if s.Heading == "" || e.HasEntryIn(s) {
			continue
		}
		sources := namedSources(e)
		if len(sources) == 0 {
			p.Reportf(s.HeadingAt, "the %q section has no entries; list each source you used, or remove the heading", s.Heading)
			continue
		}
		p.Reportf(s.HeadingAt, "the %q section has no entries, but the essay cites %s; add an entry for each", s.Heading, listNames(sources))
	}
	return nil
}
