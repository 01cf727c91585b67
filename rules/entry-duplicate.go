package rules

import (
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/match"
	"github.com/citelint/citelint/lint/names"
)

// EntryDuplicate reports two entries that describe the same work.
type EntryDuplicate struct{}

// Meta describes the rule.
func (EntryDuplicate) Meta() lint.Meta {
	return lint.Meta{
		ID:       "entry-duplicate",
		Summary:  "two works-cited entries describe the same work",
		Severity: lint.SeverityWarning,
		Category: "bibliography",
		Since:    "0.2.0",
		Doc: `Each work appears once in the list, however often the essay cites it. Two
entries are the same work when they share a DOI, an ISBN or a link, or the
same first author and title.`,
		Wrong: `Works Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.
Freeze, Gregory. Russia: a history. Oxford University Press, 2009.`,
		Right: `Works Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.`,
	}
}

// Check reports the later entry of each duplicate pair.
func (EntryDuplicate) Check(p *lint.Pass) error {
	entries := p.Essay.Entries
	// Each title folded and each link normalised once, not once per pair.
	titles, urls := make([]string, len(entries)), make([]string, len(entries))
	for i, en := range entries {
		titles[i] = names.Fold(en.Title)
		if en.URL != "" {
			urls[i] = match.NormalizeURL(en.URL)
		}
	}
	for j := 1; j < len(entries); j++ {
		for i := range j {
			if sameWork(&entries[i], &entries[j], titles[i], titles[j], urls[i], urls[j]) {
				p.Report(lint.Diagnostic{
					Span:    p.Doc().SourceSpan(entries[j].Range),
					Message: "this entry repeats the entry for " + entryLabel(entries[i]) + "; list each work once",
					Related: []lint.Related{p.Relate(entries[i].Range, "first listed here")},
				})
				break
			}
		}
	}
	return nil
}

// sameWork reports whether a and b are the same work; ta and tb are their
// titles folded, ua and ub their links normalised.
func sameWork(a, b *lint.Entry, ta, tb, ua, ub string) bool {
	switch {
	case a.DOI != "" && b.DOI != "":
		return strings.EqualFold(a.DOI, b.DOI)
	case a.ISBN != "" && b.ISBN != "":
		return digits(a.ISBN) == digits(b.ISBN)
	}
	if a.URL != "" && b.URL != "" && ua == ub {
		return true
	}
	if a.Title == "" || b.Title == "" || ta != tb {
		return false
	}
	if len(a.Authors) == 0 || len(b.Authors) == 0 {
		return len(a.Authors) == len(b.Authors) && a.Container == b.Container
	}
	return names.SameFamily(a.Authors[0].FullFamily(), b.Authors[0].FullFamily())
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == 'X' || r == 'x' {
			return r
		}
		return -1
	}, s)
}
