package rules

import (
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/locate"
)

// SourceOffTopic reports a source that has nothing on the subject of the
// passage that cites it.
type SourceOffTopic struct{}

// Meta describes the rule.
func (SourceOffTopic) Meta() lint.Meta {
	return lint.Meta{
		ID:       "source-off-topic",
		Summary:  "the cited source says nothing about what the essay cites it for",
		Severity: lint.SeverityWarning,
		Category: "sources",
		Since:    "0.3.0",
		Doc: `When citelint can read a cited source, it compares the distinctive terms of the
passage that cites it — names, titles, subject words — with the source's text.
A source that shares none of them is likely the wrong page: a table of
contents, a search result, a home page. The citation's own words, the
source's own title and site name, and words every page shares do not count.
For an entry the essay never cites, the whole essay is the passage.`,
		Wrong: `Ehrenburg's novel named the Thaw.

Work Cited

https://digest.example.org/issues/1954/vol6-no12/toc   (a table of contents)`,
		Right: `Ehrenburg's novel named the Thaw (von Geldern).

Work Cited

von Geldern, James. "The Thaw." Seventeen Moments in Soviet History, 2015.`,
	}
}

// minTerms is how many distinctive terms a passage needs before its silence
// in a source means anything.
const minTerms = 3

// Check reports each entry whose source shares no term with what cites it.
func (SourceOffTopic) Check(p *lint.Pass) error {
	e := p.Essay
	var essayTerms map[string]float64
	for i := range e.Entries {
		es := e.SourceOf(i)
		if es.Source == nil || es.Err != nil {
			continue
		}
		en := &e.Entries[i]
		srcTerms, err := es.Source.Terms()
		if err != nil {
			continue
		}
		if len(en.CitedBy) == 0 {
			if essayTerms == nil {
				essayTerms = locate.Terms(bodyText(e))
			}
			if len(essayTerms) >= minTerms && len(locate.Overlap(essayTerms, srcTerms).Terms) == 0 {
				p.Reportf(en.Range, "the source %s says nothing about the essay's subject; it shares none of its names or subject words (is it the right page?)", es.Source)
			}
			continue
		}
		for _, ci := range en.CitedBy {
			c := e.Citations[ci]
			if c.Block < 0 {
				continue
			}
			passage := locate.Terms(e.Doc.Slice(e.Doc.Blocks[c.Block].Range))
			own := locate.Terms(c.Text)
			// The citation's own words (the author's name) prove nothing
			// either way, so they do not count towards the passage's
			// terms: a passage with two subject words besides the name
			// is too thin for its silence in the source to mean anything.
			if termsBesides(passage, own) < minTerms {
				continue
			}
			if len(locate.Overlap(passage, srcTerms, own).Terms) == 0 {
				p.Reportf(c.Range, "the source %s says nothing about this passage; it shares none of its names or subject words (is it the right page?)", es.Source)
				break
			}
		}
	}
	return nil
}

// termsBesides counts the terms of passage that are not in own.
func termsBesides(passage, own map[string]float64) int {
	n := 0
	for t := range passage {
		if _, ok := own[t]; !ok {
			n++
		}
	}
	return n
}

// bodyText is the essay's body, without its bibliography.
func bodyText(e *lint.Essay) string {
	var text string
	for _, s := range e.Sections {
		if s.Kind == lint.SectionBody || s.Kind == lint.SectionTitle {
			text += e.Doc.Slice(s.Range) + "\n\n"
		}
	}
	return text
}
