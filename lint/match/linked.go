package match

import (
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// linkedNames resolves a parenthetical citation that names its source by a
// site or container rather than an author: "(Seventeen Moments)" for an
// entry whose container is Seventeen Moments in Soviet History, or a
// parenthesis whose words are a hyperlink to the entry's page.
func (m *matcher) linkedNames() {
	cs := m.essay.Citations
	for i := range cs {
		c := &cs[i]
		if c.Entry >= 0 || c.Kind != lint.CitationParenthetical || c.PageOnly {
			continue
		}
		// A link inside the parentheses says which entry is meant.
		for _, l := range cs {
			if l.Kind == lint.CitationLink && l.Entry >= 0 && l.Start >= c.Start && l.End <= c.End {
				c.Entry, c.Suggestion = l.Entry, ""
				break
			}
		}
		if c.Entry >= 0 {
			continue
		}
		inner := names.Fold(strings.Trim(c.Text, "() "))
		if strings.Count(inner, " ") < 1 {
			continue // one word is an author's name, not a site's
		}
		for j, en := range m.essay.Entries {
			if cont := names.Fold(en.Container); cont != "" && (cont == inner || strings.HasPrefix(cont, inner+" ")) {
				c.Entry, c.Suggestion = j, ""
				break
			}
		}
	}
}
