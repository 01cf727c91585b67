package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/locate"
)

// QuoteAltered reports a quotation that its source has in another form.
type QuoteAltered struct{}

// Meta describes the rule.
func (QuoteAltered) Meta() lint.Meta {
	return lint.Meta{
		ID:       "quote-altered",
		Summary:  "the quotation changes the source's words without marking the change",
		Severity: lint.SeverityWarning,
		Category: "sources",
		Since:    "0.3.0",
		Doc: `A quotation reproduces the source's words exactly. Words you leave out are
marked with an ellipsis ("..."), words you add or change stand in [brackets].
This rule fires when the cited source has the passage, changed without such
marks, and shows what differs.`,
		Wrong: `Ehrenburg wrote to "honor the old tenets of Soviet culture" (von Geldern).`,
		Right: `Ehrenburg wrote to "honor the tenets of [Soviet] culture" (von Geldern).`,
	}
}

// Check reports each quotation found only in changed form.
func (QuoteAltered) Check(p *lint.Pass) error {
	if len(p.Essay.Sources) == 0 {
		return nil // no library: sourceMatch finds nothing to check against
	}
	f := factsOf(p)
	for i, q := range p.Essay.Quotes {
		m, src, changed, ok := f.sourceMatch(p, i)
		if !ok || !changed {
			continue
		}
		p.Reportf(q.Range, "the quotation differs from %s: %s; mark left-out words with an ellipsis and changed words with [brackets]", src, describeDiff(m.Diff))
	}
	return nil
}

// describeDiff says in words how a quotation differs from its source.
func describeDiff(diff []locate.Edit) string {
	var parts []string
	for i, d := range diff {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more changes", len(diff)-3))
			break
		}
		switch d.Kind {
		case locate.Added:
			parts = append(parts, fmt.Sprintf("added %q", d.Quote))
		case locate.Dropped:
			parts = append(parts, fmt.Sprintf("left out %q", asRead(d.Source)))
		default:
			parts = append(parts, fmt.Sprintf("wrote %q where the source says %q", d.Quote, asRead(d.Source)))
		}
	}
	return strings.Join(parts, ", ")
}

// asRead is a stretch of source text as a reader reads it: a word broken
// across lines ("compart-\nments") joined, line breaks and runs of spaces
// made one space.
func asRead(s string) string {
	s = lineBreakHyphen.ReplaceAllString(s, "$1$2")
	return strings.Join(strings.Fields(s), " ")
}

// lineBreakHyphen is a hyphen that ends a line inside a word, as a printed
// page breaks it.
var lineBreakHyphen = regexp.MustCompile(`(\pL)-[ \t]*\r?\n[ \t]*(\p{Ll})`)
