// Package suppress reads inline suppression directives from an essay's
// source and filters findings with them, after the rules ran.
//
// Directives, each with an optional reason after " -- ":
//
//	<!-- citelint-disable-next-line quote-uncited -- epigraph -->   Markdown, HTML
//	<!-- citelint-disable quote-long, quote-uncited -->              ... until
//	<!-- citelint-enable quote-long -->                              (no rules: all)
//	[citelint-disable-next-line quote-uncited -- epigraph]          plain text, a line of its own
//	a Word comment "citelint-disable quote-uncited -- epigraph"     docx: the paragraphs it is anchored to
//
// Positions are byte offsets of the Document's Src, the same offsets
// findings carry, so a directive is matched with a finding by where the
// finding starts. A directive that suppresses nothing, and one naming a
// rule that does not exist, is reported as a finding of RuleID.
package suppress

import (
	"bytes"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/read/office"
)

// RuleID is the rule whose findings report directives that suppress
// nothing or cannot be read.
const RuleID = "unused-suppression"

// Kind says what a directive does.
type Kind int

// The kinds of directive.
const (
	// Unknown is a comment that starts "citelint-" with a keyword citelint
	// does not know: a typo, reported as malformed.
	Unknown Kind = iota
	// DisableNextLine suppresses findings that start on the line after the
	// directive.
	DisableNextLine
	// Disable suppresses findings from the directive on, until an Enable
	// of the same rule or the end of the file.
	Disable
	// Enable ends a Disable.
	Enable
	// DisableAnchored suppresses findings inside Scope: the paragraphs a
	// Word comment is anchored to.
	DisableAnchored
)

// keywords maps each directive keyword to its kind.
var keywords = map[string]Kind{
	"citelint-disable-next-line": DisableNextLine,
	"citelint-disable":           Disable,
	"citelint-enable":            Enable,
}

func (k Kind) String() string {
	switch k {
	case DisableNextLine:
		return "citelint-disable-next-line"
	case Disable, DisableAnchored:
		return "citelint-disable"
	case Enable:
		return "citelint-enable"
	}
	return "unknown"
}

// Directive is one suppression directive.
type Directive struct {
	Kind Kind
	// Keyword is the directive's first word as written.
	Keyword string
	// Rules are the rule IDs named; empty means every rule.
	Rules []string
	// Reason is the text after " -- ", if any.
	Reason string
	// Span is where the directive stands in Src: the comment, the
	// bracketed line, or for a Word comment the paragraphs it anchors to.
	Span lint.Span
	// Scope is where a DisableNextLine or DisableAnchored directive
	// applies: a finding starting inside it is suppressed.
	Scope lint.Span
}

// marker is what every directive contains; a file without it has none,
// which the parsers check first (hasMarker) so that most files cost one
// search.
const marker = markerStem + "-"

// markerStem is marker without its final hyphen.
const markerStem = "citelint"

// hasMarker reports whether src contains marker, as bytes.Contains does.
// It looks for the marker's last byte, a hyphen, which prose holds far
// less often than the "c" that bytes.Index would start from, and checks
// the eight bytes before each.
func hasMarker(src []byte) bool {
	for off := len(markerStem); off < len(src); {
		i := bytes.IndexByte(src[off:], '-')
		if i < 0 {
			return false
		}
		off += i
		if string(src[off-len(markerStem):off]) == markerStem {
			return true
		}
		off++
	}
	return false
}

// Parse reads the directives of a document. raw is the file as read,
// which for docx is the package (its comments are not in Src); for other
// formats raw is Src itself. An unreadable docx package has no
// directives: the reader already reported it.
func Parse(doc *lint.Document, raw []byte) []Directive {
	switch doc.Format {
	case lint.FormatMarkdown, lint.FormatHTML:
		return ParseComments(doc.Src)
	case lint.FormatText:
		return ParseText(doc.Src)
	case lint.FormatDocx:
		if !bytes.Contains(raw, []byte("comments.xml")) {
			return nil
		}
		comments, err := office.DocxComments(raw)
		if err != nil {
			return nil
		}
		return ParseDocxComments(comments, doc.Src)
	}
	return nil
}

// ParseComments reads the directives in the HTML comments of Markdown or
// HTML source: comments whose text starts "citelint-".
func ParseComments(src []byte) []Directive {
	if !hasMarker(src) {
		return nil
	}
	var out []Directive
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte("<!--"))
		if i < 0 {
			break
		}
		start := off + i
		bodyStart := start + len("<!--")
		j := bytes.Index(src[bodyStart:], []byte("-->"))
		if j < 0 {
			break
		}
		end := bodyStart + j + len("-->")
		off = end
		body := string(src[bodyStart : bodyStart+j])
		if d, ok := parseBody(body); ok {
			d.Span = lint.Span{Start: start, End: end}
			if d.Kind == DisableNextLine {
				d.Scope = nextLine(src, end)
			}
			out = append(out, d)
		}
	}
	return out
}

// ParseText reads the directives of a plain-text essay: lines that hold
// nothing but "[citelint-…]".
func ParseText(src []byte) []Directive {
	if !hasMarker(src) {
		return nil
	}
	var out []Directive
	for start := 0; start < len(src); {
		end := lineEnd(src, start)
		if d, span, ok := textDirective(src, start, end); ok {
			d.Span = span
			if d.Kind == DisableNextLine {
				d.Scope = nextLine(src, end)
			}
			out = append(out, d)
		}
		start = end + 1
	}
	return out
}

// textDirective reads the line src[start:end] as a bracketed directive,
// returning the span of the bracketed text.
func textDirective(src []byte, start, end int) (Directive, lint.Span, bool) {
	line := src[start:end]
	trimmed := bytes.TrimSpace(line)
	// A lone "\r" breaks a line for the text reader too.
	if len(trimmed) < 2 || trimmed[0] != '[' || trimmed[len(trimmed)-1] != ']' || bytes.IndexByte(trimmed, '\r') >= 0 {
		return Directive{}, lint.Span{}, false
	}
	d, ok := parseBody(string(trimmed[1 : len(trimmed)-1]))
	if !ok {
		return Directive{}, lint.Span{}, false
	}
	lead := bytes.Index(line, trimmed)
	return d, lint.Span{Start: start + lead, End: start + lead + len(trimmed)}, true
}

// DirectiveLines returns src with every plain-text directive line turned
// into spaces, so that the text reader never takes a directive for essay
// text (a works-cited entry, a paragraph). Offsets and line breaks stay;
// src itself is returned when it holds no directive.
func DirectiveLines(src []byte) []byte {
	if !hasMarker(src) {
		return src
	}
	var out []byte
	for start := 0; start < len(src); {
		end := lineEnd(src, start)
		if _, span, ok := textDirective(src, start, end); ok {
			if out == nil {
				out = bytes.Clone(src)
			}
			for k := span.Start; k < span.End; k++ {
				out[k] = ' '
			}
		}
		start = end + 1
	}
	if out == nil {
		return src
	}
	return out
}

// ParseDocxComments reads the directives among a Word document's
// comments: those whose text starts "citelint-disable". Each applies to
// the paragraphs it is anchored to, which are lines of src (the
// Document's Src, one line per paragraph).
func ParseDocxComments(comments []office.Comment, src []byte) []Directive {
	var out []Directive
	for _, c := range comments {
		text := strings.TrimSpace(c.Text)
		if c.Paragraph <= 0 || !strings.HasPrefix(text, "citelint-disable") {
			continue
		}
		d, ok := parseBody(text)
		if !ok {
			continue
		}
		if d.Kind == DisableNextLine || d.Kind == Disable {
			d.Kind = DisableAnchored
		}
		first := lineStart(src, c.Paragraph)
		last := lineStart(src, max(c.EndParagraph, c.Paragraph))
		if first < 0 || last < 0 {
			continue
		}
		d.Scope = lint.Span{Start: first, End: lineEnd(src, last)}
		d.Span = lint.Span{Start: first, End: lineEnd(src, first)}
		out = append(out, d)
	}
	return out
}

// parseBody reads a directive's text: "keyword rule[,rule] -- reason".
// It reports false for text that is not a directive at all.
func parseBody(body string) (Directive, bool) {
	body = strings.TrimSpace(body)
	if !strings.HasPrefix(body, "citelint-") {
		return Directive{}, false
	}
	head, reason, _ := cutReason(body)
	keyword, rest := head, ""
	if i := strings.IndexAny(head, " \t\r\n"); i >= 0 {
		keyword, rest = head[:i], head[i+1:]
	}
	d := Directive{Kind: keywords[keyword], Keyword: keyword, Reason: strings.Join(strings.Fields(reason), " ")}
	d.Rules = strings.FieldsFunc(rest, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	if len(d.Rules) == 0 {
		d.Rules = nil
	}
	return d, true
}

// cutReason splits a directive at " -- " (any white space around the
// dashes), the start of its reason.
func cutReason(body string) (head, reason string, found bool) {
	for i := 0; i+2 <= len(body); i++ {
		if body[i] != '-' || body[i+1] != '-' {
			continue
		}
		before := i == 0 || isSpace(body[i-1])
		after := i+2 == len(body) || isSpace(body[i+2])
		if before && after {
			return strings.TrimSpace(body[:i]), strings.TrimSpace(body[i+2:]), true
		}
	}
	return body, "", false
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// lineEnd is the offset of the line break ending the line that holds
// off, or len(src).
func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// nextLine is the span of the line after the one holding off (its text
// without the break), or an empty span at the end of src.
func nextLine(src []byte, off int) lint.Span {
	end := lineEnd(src, min(off, len(src)))
	if end >= len(src) {
		return lint.Span{Start: len(src), End: len(src)}
	}
	return lint.Span{Start: end + 1, End: lineEnd(src, end+1)}
}

// lineStart is the offset where 1-based line n starts, or -1 past the end.
func lineStart(src []byte, n int) int {
	off := 0
	for line := 1; line < n; line++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off
}
