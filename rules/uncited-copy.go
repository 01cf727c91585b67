package rules

import (
	"github.com/citelint/citelint/lint"
)

// UncitedCopy reports essay prose copied word for word from a source
// without quotation marks.
type UncitedCopy struct{}

// UncitedCopyOptions are uncited-copy's options.
type UncitedCopyOptions struct {
	// MinWords is the shortest run of copied words reported.
	MinWords int `yaml:"min-words"`
}

// DefaultOptions returns the rule's options with their defaults.
func (UncitedCopy) DefaultOptions() any { return UncitedCopyOptions{MinWords: 12} }

// Meta describes the rule.
func (UncitedCopy) Meta() lint.Meta {
	return lint.Meta{
		ID:       "uncited-copy",
		Summary:  "prose copied word for word from a source without quotation marks",
		Severity: lint.SeverityWarning,
		Category: "sources",
		Since:    "0.3.0",
		Doc: `Words taken from a source stand in quotation marks, even when the source is
cited: without them a reader takes the words for yours. This rule fires when a
run of essay prose of 12 words or more (uncited-copy: {min-words: N}) stands
word for word in a source the essay cites.`,
		Wrong: `Much of the novel was written to honor the tenets of Stalinist culture: a factory, a production plan, an honest engineer (von Geldern).`,
		Right: `Much of the novel was written "to honor the tenets of Stalinist culture: a factory, a production plan, an honest engineer" (von Geldern).`,
	}
}

// Check reports each copied run, once per paragraph and source.
func (UncitedCopy) Check(p *lint.Pass) error {
	e := p.Essay
	opts, _ := p.Options.(UncitedCopyOptions)
	if opts.MinWords <= 0 {
		opts.MinWords = 12
	}
	seen := map[lint.CitedSource]bool{}
	var srcs []lint.CitedSource
	for i := range e.Entries {
		if es := e.SourceOf(i); es.Source != nil && es.Err == nil && !seen[es.Source] {
			seen[es.Source] = true
			srcs = append(srcs, es.Source)
		}
	}
	if len(srcs) == 0 {
		return nil
	}
	for bi, b := range e.Doc.Blocks {
		if b.Kind == lint.BlockQuotation || b.Kind == lint.BlockCaption || b.Kind == lint.BlockHeading || inSection(e, b.Start) != lint.SectionBody {
			continue
		}
		text := unquoted(e, bi)
		for _, src := range srcs {
			ix, err := src.Index()
			if err != nil {
				continue
			}
			runs := ix.LongestCommonRun(text, opts.MinWords)
			if len(runs) == 0 {
				continue
			}
			r := runs[0]
			p.Reportf(lint.Range{Start: b.Start + r.Start, End: b.Start + r.End},
				"these %d words stand word for word in %s; put them in quotation marks, or say it in your own words", r.Words, src)
		}
	}
	return nil
}

// unquoted is block bi's text with its quotations blanked out, so that
// quoted words never count as copied and offsets stay the block's.
func unquoted(e *lint.Essay, bi int) string {
	b := e.Doc.Blocks[bi]
	text := []byte(e.Doc.Slice(b.Range))
	for _, q := range e.Quotes {
		if q.Block != bi {
			continue
		}
		for i := max(q.Start, b.Start); i < min(q.End, b.End); i++ {
			text[i-b.Start] = ' '
		}
	}
	return string(text)
}
