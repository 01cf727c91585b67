package rules

import "github.com/citelint/citelint/lint"

// EntryUncited reports a works-cited entry that nothing in the essay cites.
type EntryUncited struct{}

// Meta describes the rule.
func (EntryUncited) Meta() lint.Meta {
	return lint.Meta{
		ID:       "entry-uncited",
		Summary:  "a works-cited entry is never cited in the text",
		Severity: lint.SeverityWarning,
		Category: "bibliography",
		Since:    "0.1.0",
		Doc: `Every entry in a works-cited list should be cited somewhere in the essay: by a
parenthetical citation, a signal phrase, a link, a note, or by the prose
naming its author or title. An entry nobody cites is either a source you meant
to use and did not, or a citation you forgot to write.`,
		Wrong: `The Thaw began in 1953.

Works Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.`,
		Right: `The Thaw began in 1953 (Freeze 412).

Works Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.`,
	}
}

// Check reports each entry with no citation and no mention.
func (EntryUncited) Check(p *lint.Pass) error {
	for i := range p.Essay.Entries {
		en := &p.Essay.Entries[i]
		if len(en.CitedBy) > 0 || en.Mentioned {
			continue
		}
		if en.BareURL {
			p.Reportf(en.Range, "nothing in the essay cites this link; cite the source where you use it, or remove the entry")
			continue
		}
		p.Reportf(en.Range, "nothing in the essay cites %s; cite it where you use it, or remove the entry", entryLabel(*en))
	}
	return nil
}
