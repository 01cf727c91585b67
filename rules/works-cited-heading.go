package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// WorksCitedHeading reports a bibliography heading that does not fit the
// essay's style.
type WorksCitedHeading struct{}

// Meta describes the rule.
func (WorksCitedHeading) Meta() lint.Meta {
	return lint.Meta{
		ID:       "works-cited-heading",
		Summary:  "the bibliography heading does not fit the citation style",
		Severity: lint.SeverityWarning,
		Category: "bibliography",
		Since:    "0.1.0",
		Doc: `Each style names its list: MLA "Works Cited" ("Work Cited" when the essay
cites exactly one source), APA "References", Chicago "Bibliography" (or
"References" in author-date), Harvard "References" or "Reference list". This
rule fires when the heading belongs to another style, or when an MLA list of
several sources is headed "Work Cited". Case and a trailing colon do not matter.`,
		Wrong: `... as Freeze argues (412), and as Smith shows (9).

Work Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.
Smith, Mark B. Property of Communists. Northern Illinois UP, 2010.`,
		Right: `... as Freeze argues (412), and as Smith shows (9).

Works Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.
Smith, Mark B. Property of Communists. Northern Illinois UP, 2010.`,
	}
}

// headingsFor lists the folded headings each style accepts.
var headingsFor = map[lint.Style][]string{
	lint.StyleMLA:     {"works cited", "works consulted", "work cited"},
	lint.StyleAPA:     {"references", "reference list"},
	lint.StyleChicago: {"bibliography", "select bibliography", "references", "works cited", "notes", "endnotes", "footnotes"},
	lint.StyleHarvard: {"references", "reference list", "bibliography"},
}

// expected names the heading a style wants, for messages.
var expected = map[lint.Style]string{
	lint.StyleMLA:     "Works Cited",
	lint.StyleAPA:     "References",
	lint.StyleChicago: "Bibliography",
	lint.StyleHarvard: "References",
}

// Check compares each bibliography heading with the style's.
func (WorksCitedHeading) Check(p *lint.Pass) error {
	e := p.Essay
	want, ok := headingsFor[e.Style]
	if !ok {
		return nil
	}
	for s := range bibliography(e) {
		if s.Heading == "" {
			continue
		}
		h := names.Fold(s.Heading)
		if h == "work cited" && e.Style == lint.StyleMLA {
			if n := sourceCount(e, s); n > 1 {
				p.Report(lint.Diagnostic{
					Span:    p.Doc().SourceSpan(s.HeadingAt),
					Message: "the list holds " + strconv.Itoa(n) + " sources, so MLA heads it \"Works Cited\" (\"Work Cited\" is for a single source)",
					Fixes:   headingFix(p, s, "Works Cited"),
				})
			}
			continue
		}
		if slices.Contains(want, h) {
			continue
		}
		p.Report(lint.Diagnostic{
			Span:    p.Doc().SourceSpan(s.HeadingAt),
			Message: styleName(e.Style) + " heads the list of sources \"" + expected[e.Style] + "\", not \"" + strings.TrimRight(strings.TrimSpace(s.Heading), ":") + "\"",
			Fixes:   headingFix(p, s, expected[e.Style]),
		})
	}
	return nil
}

// sourceCount is how many sources a list serves: its entries, or when it is
// empty the distinct sources the essay cites.
func sourceCount(e *lint.Essay, s lint.Section) int {
	if n := len(e.EntriesIn(s)); n > 0 {
		return n
	}
	return len(namedSources(e))
}

// headingFix replaces the heading's words, keeping its markup and colon.
func headingFix(p *lint.Pass, s lint.Section, want string) []lint.Fix {
	doc := p.Doc()
	span := doc.SourceSpan(s.HeadingAt)
	src := string(doc.Src[span.Start:span.End])
	words := strings.TrimRight(strings.TrimSpace(s.Heading), ":")
	i := strings.Index(src, words)
	if i < 0 {
		return nil
	}
	return []lint.Fix{{
		Message: "rename the heading to \"" + want + "\"",
		Edits:   []lint.Edit{{Span: lint.Span{Start: span.Start + i, End: span.Start + i + len(words)}, New: want}},
	}}
}
