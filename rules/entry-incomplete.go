package rules

import (
	"regexp"
	"strings"

	"github.com/citelint/citelint/lint"
)

// EntryIncomplete reports a works-cited entry that lacks an author (or a
// title standing in for one), a title or a date, or is only a link.
type EntryIncomplete struct{}

// Meta describes the rule.
func (EntryIncomplete) Meta() lint.Meta {
	return lint.Meta{
		ID:       "entry-incomplete",
		Summary:  "a works-cited entry lacks its author, title or date, or is only a link",
		Severity: lint.SeverityWarning,
		Category: "bibliography",
		Since:    "0.1.0",
		Doc: `A works-cited entry must let a reader find the source: who wrote it (or, for
an authorless work, its title in the author's place), what it is called, and
when it appeared. For a web page, the date you accessed it counts as its date.
A bare link is not an entry: pages move, and a link says nothing of who wrote
what.`,
		Wrong: `Works Cited

https://moments.example.org/1954-2/the-thaw/`,
		Right: `Works Cited

von Geldern, James. "The Thaw." Seventeen Moments in Soviet History,
    https://moments.example.org/1954-2/the-thaw/. Accessed 20 Oct. 2014.`,
	}
}

// anyYear finds a date in an entry the parser could not place: a year, or
// "n.d.".
var anyYear = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b|\bn\.\s?d\b|\bno date\b|\bundated\b`)

// Check reports each incomplete entry once, naming everything it lacks.
func (EntryIncomplete) Check(p *lint.Pass) error {
	for i := range p.Essay.Entries {
		en := &p.Essay.Entries[i]
		if en.BareURL {
			p.Reportf(en.Range, "this entry is only a link; give the author, the title, the site and a date (for a web page, the date you accessed it)")
			continue
		}
		var lacks []string
		if len(en.Authors) == 0 && en.Title == "" {
			lacks = append(lacks, "an author or title")
		} else if en.Title == "" && !titleLikely(en) {
			lacks = append(lacks, "a title")
		}
		if en.Year == "" && en.Date == "" && en.Accessed == "" && !anyYear.MatchString(en.Text) {
			lacks = append(lacks, "a date")
		}
		if len(lacks) == 0 {
			continue
		}
		p.Reportf(en.Range, "the entry for %s lacks %s", entryLabel(*en), strings.Join(lacks, " and "))
	}
	return nil
}

// titleLikely reports whether an entry the parser found no title in still
// reads as if it has one: an author part followed by more words, so that a
// parser miss is not reported as the student's fault.
func titleLikely(en *lint.Entry) bool {
	return len(strings.Fields(en.Text)) >= 6
}
