package rules

import "github.com/citelint/citelint/lint"

// QuoteLong reports a run-in quotation long enough to be set as a block
// quotation.
type QuoteLong struct{}

// Meta describes the rule.
func (QuoteLong) Meta() lint.Meta {
	return lint.Meta{
		ID:       "quote-long",
		Summary:  "a run-in quotation is long enough to be a block quotation",
		Severity: lint.SeverityInfo,
		Category: "quotations",
		Since:    "0.1.0",
		Doc: `Long quotations are set off as indented blocks without quotation marks: in MLA
when they run past four lines (taken here as more than 50 words), in APA and
Harvard at 40 words or more, in Chicago at 100 words or more.`,
		Wrong: `Taubman writes that "…a quotation of fifty-odd words run into the paragraph…" (271).`,
		Right: `Taubman writes:

> …a quotation of fifty-odd words, indented as a block… (271)`,
	}
}

// blockThreshold is the word count at which each style wants a block
// quotation.
func blockThreshold(s lint.Style) int {
	switch s {
	case lint.StyleAPA, lint.StyleHarvard:
		return 40
	case lint.StyleChicago:
		return 100
	default:
		return 51
	}
}

// Check reports each run-in quotation at or past the style's threshold.
func (QuoteLong) Check(p *lint.Pass) error {
	e := p.Essay
	limit := blockThreshold(e.Style)
	for i := range e.Quotes {
		q := &e.Quotes[i]
		if q.BlockQuote || q.Depth > 0 || q.Unclosed || q.Unopened || q.Words < limit || inSection(e, q.Start) != lint.SectionBody {
			continue
		}
		p.Reportf(q.Range, "this quotation runs %d words; set quotations of %d words or more as an indented block without quotation marks", q.Words, limit)
	}
	return nil
}
