package report

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// piece is a run of the shown text that the same findings cover.
type piece struct {
	Text string
	// Findings are the numbers (from 1) of the findings that cover the
	// run; empty for plain text.
	Findings []int
	// Severity is the most serious of those findings, for the colour.
	Severity string
	// Title lists the findings' messages, shown on hover.
	Title string
	// Anchors are the findings whose highlight starts here.
	Anchors []int
	// Caret marks a finding with an empty span: a point in the text.
	Caret bool
}

// highlight cuts text into pieces, each covered by the same findings.
//
// A finding's span is a range of the source file, while the page shows
// the essay's text, which for HTML, Word and PDF differs from the source.
// Rather than invert the document's text-to-source map, which need not be
// one to one, each character of the text is mapped to its source offset
// and is highlighted when that offset lies in a finding's span. A finding
// with an empty span becomes a caret before the first character at or
// past its point.
func highlight(text string, toSource func(int) int, diags []lint.Diagnostic) []piece {
	cov := newCoverage(diags)
	var (
		pieces    []piece
		start     int
		cur       = -1 // the current run's interval
		started   = map[int]bool{}
		anchorsAt []int
	)
	points := cov.points
	flush := func(end int) {
		if end > start {
			pieces = append(pieces, cov.piece(text[start:end], cur, anchorsAt))
			anchorsAt = nil
		}
		start = end
	}
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		src := toSource(i)
		for len(points) > 0 && diags[points[0]].Span.Start <= src {
			flush(i)
			n := points[0] + 1
			pieces = append(pieces, piece{Caret: true, Findings: []int{n}, Anchors: []int{n},
				Severity: sevClass(diags[points[0]].Severity), Title: title(diags, []int{points[0]})})
			points = points[1:]
		}
		k := cov.interval(src)
		if k != cur {
			flush(i)
			cur = k
			for _, d := range cov.covering(k) {
				if !started[d] {
					started[d] = true
					anchorsAt = append(anchorsAt, d+1)
				}
			}
		}
		i += size
	}
	flush(len(text))
	for _, p := range points {
		pieces = append(pieces, piece{Caret: true, Findings: []int{p + 1}, Anchors: []int{p + 1},
			Severity: sevClass(diags[p].Severity), Title: title(diags, []int{p})})
	}
	return pieces
}

// coverage answers which findings cover a source offset. The distinct
// ends of all spans cut the source into intervals that the same findings
// cover; an offset is looked up by its interval.
type coverage struct {
	diags  []lint.Diagnostic
	bounds []int
	// points are the indexes of findings with an empty span, by position.
	points []int
	cache  map[int][]int
}

func newCoverage(diags []lint.Diagnostic) *coverage {
	c := &coverage{diags: diags, cache: map[int][]int{}}
	for i, d := range diags {
		if d.Span.End <= d.Span.Start {
			c.points = append(c.points, i)
			continue
		}
		c.bounds = append(c.bounds, d.Span.Start, d.Span.End)
	}
	slices.Sort(c.bounds)
	c.bounds = slices.Compact(c.bounds)
	slices.SortStableFunc(c.points, func(a, b int) int { return diags[a].Span.Start - diags[b].Span.Start })
	return c
}

// interval is the number of bounds at or before off: interval k runs from
// bounds[k-1] to bounds[k].
func (c *coverage) interval(off int) int {
	return sort.SearchInts(c.bounds, off+1)
}

// covering lists the findings that cover interval k.
func (c *coverage) covering(k int) []int {
	if k <= 0 || k >= len(c.bounds) {
		return nil
	}
	if got, ok := c.cache[k]; ok {
		return got
	}
	lo, hi := c.bounds[k-1], c.bounds[k]
	var out []int
	for i, d := range c.diags {
		if d.Span.End > d.Span.Start && d.Span.Start <= lo && hi <= d.Span.End {
			out = append(out, i)
		}
	}
	c.cache[k] = out
	return out
}

func (c *coverage) piece(text string, k int, anchors []int) piece {
	p := piece{Text: text, Anchors: anchors}
	cover := c.covering(k)
	if len(cover) == 0 {
		return p
	}
	worst := lint.SeverityOff
	for _, d := range cover {
		p.Findings = append(p.Findings, d+1)
		worst = max(worst, c.diags[d].Severity)
	}
	p.Severity = sevClass(worst)
	p.Title = title(c.diags, cover)
	return p
}

// title is the hover text of a highlight: each finding's rule and message.
func title(diags []lint.Diagnostic, idx []int) string {
	var s string
	for i, d := range idx {
		if i > 0 {
			s += "\n"
		}
		s += diags[d].Rule + ": " + diags[d].Message
	}
	return s
}

// sevClass is the CSS class of a severity.
func sevClass(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	default:
		return "info"
	}
}
