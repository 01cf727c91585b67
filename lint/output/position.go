package output

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// maxExcerpt caps an excerpt, in code points: a finding on a whole
// bibliography must not copy the bibliography into every report.
const maxExcerpt = 160

// locator answers position questions about one file's source. It is made
// once per file and dropped with it.
type locator struct {
	src []byte
	ix  *lint.LineIndex
}

func newLocator(src []byte) *locator {
	return &locator{src: src, ix: lint.NewLineIndex(src)}
}

func (l *locator) pos(off int) lint.Position { return l.ix.Position(off) }

// clamp keeps a span inside the file and in order, whatever a rule sent.
func (l *locator) clamp(sp lint.Span) lint.Span {
	start := min(max(sp.Start, 0), len(l.src))
	end := min(max(sp.End, start), len(l.src))
	return lint.Span{Start: start, End: end}
}

// excerpt is the span's source text on one line: runs of white space
// (line breaks included, CRLF or not) become one space, and a long span is
// cut with an ellipsis.
func (l *locator) excerpt(sp lint.Span) string {
	sp = l.clamp(sp)
	return shorten(collapseSpace(string(l.src[sp.Start:sp.End])), maxExcerpt)
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// shorten cuts s to at most n code points, marking the cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n-1 {
			return s[:k] + "…"
		}
		i++
	}
	return s
}

// printable makes text safe to write to a terminal: control characters and
// bidirectional overrides, which could recolour the screen or reorder what
// the reader sees, become U+FFFD; line breaks become spaces. Tabs are kept
// when keepTab is set, so that a source line keeps its layout. Each rune
// maps to one rune, so columns stay where they were.
func printable(s string, keepTab bool) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' && keepTab:
			return r
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r), isBidiControl(r):
			return utf8.RuneError
		}
		return r
	}, s)
}

func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}
