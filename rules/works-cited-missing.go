package rules

import "github.com/citelint/citelint/lint"

// WorksCitedMissing reports an essay that quotes or cites but has no
// bibliography.
type WorksCitedMissing struct{}

// Meta describes the rule.
func (WorksCitedMissing) Meta() lint.Meta {
	return lint.Meta{
		ID:       "works-cited-missing",
		Summary:  "the essay quotes or cites sources but has no works-cited list",
		Severity: lint.SeverityError,
		Category: "bibliography",
		Since:    "0.1.0",
		Doc: `Every source an essay quotes or cites needs an entry in a works-cited list
(MLA "Works Cited", APA "References", Chicago "Bibliography") at the end. This
rule fires when the essay cites or quotes but no such list exists. The finding
names the sources the essay cites, so you know what the list must hold; it
stands for all of them, so the citations are not also reported one by one.`,
		Wrong: `Stalin's death opened "a season of cautious hope" (Freeze 412).`,
		Right: `Stalin's death opened "a season of cautious hope" (Freeze 412).

Works Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.`,
	}
}

// Check reports the first citation or quotation when no bibliography exists.
func (WorksCitedMissing) Check(p *lint.Pass) error {
	e := p.Essay
	if hasBibliography(e) {
		return nil
	}
	sources := namedSources(e)
	at := lint.Range{Start: -1}
	for _, c := range e.Citations {
		if sourceName(c) != "" {
			at = c.Range
			break
		}
	}
	if at.Start < 0 {
		f := factsOf(p)
		for i, q := range e.Quotes {
			if needsSource(p, f, i) {
				at = q.Range
				break
			}
		}
	}
	if at.Start < 0 {
		return nil
	}
	if len(sources) == 0 {
		p.Reportf(at, "the essay quotes sources but has no works-cited list; add one at the end and cite each quotation")
		return nil
	}
	p.Reportf(at, "the essay cites %s but has no works-cited list; add one at the end with an entry for each source", listNames(sources))
	return nil
}
