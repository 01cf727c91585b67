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
	// Each link normalised once, not once per pair, and each title folded
	// once, when a pair's titles may match.
	keys := make([]workKey, len(entries))
	for i := range entries {
		en := &entries[i]
		keys[i].lead = titleLead(en.Title)
		if en.URL != "" {
			keys[i].url = match.NormalizeURL(en.URL)
		}
	}
	for j := 1; j < len(entries); j++ {
		for i := range j {
			if sameWork(&entries[i], &entries[j], &keys[i], &keys[j]) {
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

// workKey is what sameWork compares of an entry besides its fields: its
// link normalised, and its title folded, on first need.
type workKey struct {
	url string
	// lead is the first byte of the folded title, or 0 when only folding
	// tells it: titles that lead differently fold differently.
	lead   byte
	title  string
	folded bool
}

// foldedTitle is names.Fold(en.Title), worked out once; en is k's entry.
func (k *workKey) foldedTitle(en *lint.Entry) string {
	if !k.folded {
		k.title, k.folded = names.Fold(en.Title), true
	}
	return k.title
}

// titleLead is the first byte of names.Fold(s) when s opens in ASCII up
// to its first letter or digit, which Fold lowers and keeps first
// (everything before it is dropped); otherwise 0. foldReader reads it.
func titleLead(s string) byte {
	r := foldReader{s: s}
	if c := r.next(); c >= 0 {
		return byte(c)
	}
	return 0
}

// sameWork reports whether a and b are the same work; ka and kb are their
// keys.
func sameWork(a, b *lint.Entry, ka, kb *workKey) bool {
	switch {
	case a.DOI != "" && b.DOI != "":
		return strings.EqualFold(a.DOI, b.DOI)
	case a.ISBN != "" && b.ISBN != "":
		return digits(a.ISBN) == digits(b.ISBN)
	}
	if a.URL != "" && b.URL != "" && ka.url == kb.url {
		return true
	}
	if a.Title == "" || b.Title == "" {
		return false
	}
	if ka.lead != 0 && kb.lead != 0 && ka.lead != kb.lead || ka.foldedTitle(a) != kb.foldedTitle(b) {
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
