package fix

import (
	"bytes"
	"regexp"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// mlaCitation matches the inside of an MLA parenthetical citation of one
// author and a page: the author (letters, spaces, "et al."), what stands
// between author and page, and the page or page range.
var mlaCitation = regexp.MustCompile(`^(\p{Lu}[\p{L}\p{M}'’\-. ]*?[\p{L}.])(\s*,\s*(?:(?:p|pp|pg|pgs)\.\s*)?|\s+(?:p|pp|pg|pgs)\.\s*)(\d+(?:\s*[-–]\s*\d+)?)$`)

// MLAPunctuation returns the fix that writes an MLA parenthetical
// citation as MLA punctuates it, or nil when it is right already or its
// shape is not certain. citation is the citation's span in src, with or
// without its parentheses. The fix
//
//   - drops a comma or a page word between author and page:
//     "(Freeze, 412)", "(Freeze p. 412)" → "(Freeze 412)";
//   - moves a sentence's period from inside the closing quotation mark to
//     after the citation: `the Thaw." (Freeze 412)` → `the Thaw" (Freeze 412).`
//
// Question and exclamation marks stay inside the quotation, as MLA
// keeps them.
func MLAPunctuation(src []byte, citation lint.Span) []lint.Fix {
	open, closing, ok := parens(src, citation)
	if !ok {
		return nil
	}
	var edits []lint.Edit
	inner := src[open+1 : closing]
	if m := mlaCitation.FindSubmatchIndex(inner); m != nil {
		edits = append(edits, lint.Edit{Span: lint.Span{Start: open + 1 + m[3], End: open + 1 + m[6]}, New: " "})
	}
	if at := periodInsideQuote(src, open); at >= 0 && periodMayFollow(src, closing+1) {
		edits = append([]lint.Edit{{Span: lint.Span{Start: at, End: at + 1}}}, edits...)
		edits = append(edits, lint.Edit{Span: lint.Span{Start: closing + 1, End: closing + 1}, New: "."})
	}
	if len(edits) == 0 {
		return nil
	}
	return []lint.Fix{{Message: "punctuate the citation as MLA does: (Author page), the period after it", Edits: edits}}
}

// parens finds the parentheses around span on its line: the offsets of
// "(" and ")".
func parens(src []byte, span lint.Span) (open, closing int, ok bool) {
	if span.Start < 0 || span.End > len(src) || span.Start >= span.End {
		return 0, 0, false
	}
	open = bytes.LastIndexByte(src[:span.Start+1], '(')
	if open < 0 || bytes.ContainsAny(src[open:span.Start], "\n)") {
		return 0, 0, false
	}
	rel := bytes.IndexByte(src[span.End-1:], ')')
	if rel < 0 {
		return 0, 0, false
	}
	closing = span.End - 1 + rel
	if bytes.ContainsAny(src[span.End-1:closing], "\n(") || bytes.ContainsAny(src[open+1:closing], "();") {
		return 0, 0, false
	}
	return open, closing, true
}

// periodInsideQuote returns the offset of a period standing just inside a
// closing quotation mark before the citation opening at open, as in
// `words." (`, or -1. An ellipsis's last dot is not a sentence's period.
func periodInsideQuote(src []byte, open int) int {
	i := open
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	if i == open {
		return -1 // the citation must stand apart from the quotation
	}
	var quoteLen int
	switch {
	case i >= 1 && src[i-1] == '"':
		quoteLen = 1
	case i >= 3 && string(src[i-3:i]) == "”":
		quoteLen = 3
	default:
		return -1
	}
	at := i - quoteLen - 1
	if at < 1 || src[at] != '.' || src[at-1] == '.' || src[at-1] == ' ' {
		return -1
	}
	return at
}

// periodMayFollow reports whether a period may be added at off, just
// after a citation: the sentence must end there, not go on with other
// punctuation or words.
func periodMayFollow(src []byte, off int) bool {
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
	}
	if off >= len(src) {
		return true
	}
	switch src[off] {
	case '\n', '\r', '<':
		return true
	}
	r, _ := utf8.DecodeRune(src[off:])
	return unicode.IsUpper(r) && off > 0 && src[off-1] == ' '
}
