package output

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

// ANSI escapes for the parts of a finding that carry colour.
const (
	ansiReset   = "\x1b[0m"
	ansiError   = "\x1b[1;31m"
	ansiWarning = "\x1b[1;33m"
	ansiInfo    = "\x1b[1;36m"
	ansiNote    = "\x1b[1;34m"
	ansiRule    = "\x1b[2m"
)

// snippetIndent sets the source line and its marker off from the message
// line above them.
const snippetIndent = "    "

// maxSnippet is how many code points of a source line are shown. Essays in
// Markdown and text often hold a whole paragraph on one line; the window
// around the span keeps each finding readable.
const (
	maxSnippet     = 100
	snippetContext = 30
)

// textFormatter writes the compiler-style form editors and people read:
// `path:line:col: severity: message [rule-id]`, the source line, and a
// marker under the span.
type textFormatter struct {
	w     io.Writer
	color bool
}

func (f *textFormatter) Begin() error { return nil }

func (f *textFormatter) File(r engine.Result) error {
	if len(r.Diagnostics) == 0 {
		// A file that could not be read has nothing to show here: the
		// caller names it on standard error.
		return nil
	}
	loc := newLocator(r.Src)
	path := printable(r.Path, false)
	var b strings.Builder
	for _, d := range r.Diagnostics {
		sp := loc.clamp(d.Span)
		p := loc.pos(sp.Start)
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s %s\n", path, p.Line, p.Column,
			f.paint(severityColor(d.Severity), d.Severity.String()),
			printable(d.Message, false),
			f.paint(ansiRule, "["+d.Rule+"]"))
		line, marker := loc.snippet(sp)
		if line != "" {
			b.WriteString(snippetIndent + line)
		}
		b.WriteString("\n" + snippetIndent + marker + "\n")
		for _, rel := range d.Related {
			rp := loc.pos(loc.clamp(rel.Span).Start)
			fmt.Fprintf(&b, "%s:%d:%d: %s: %s\n", path, rp.Line, rp.Column,
				f.paint(ansiNote, "note"), printable(rel.Message, false))
		}
	}
	_, err := io.WriteString(f.w, b.String())
	return err
}

func (f *textFormatter) End(s Summary) error {
	problems := s.Errors + s.Warnings + s.Infos
	var parts []string
	if problems > 0 {
		parts = append(parts, fmt.Sprintf("%s (%s, %s, %s) in %s",
			plural(problems, "problem"), plural(s.Errors, "error"), plural(s.Warnings, "warning"),
			plural(s.Infos, "info"), plural(s.FilesWithFindings, "file")))
	}
	if s.Failed > 0 {
		verb := "files"
		if s.Failed == 1 {
			verb = "file"
		}
		parts = append(parts, fmt.Sprintf("%d %s could not be read", s.Failed, verb))
	}
	if len(parts) == 0 {
		// A clean run says nothing; the exit status speaks.
		return nil
	}
	_, err := fmt.Fprintf(f.w, "\n%s\n", strings.Join(parts, "; "))
	return err
}

func (f *textFormatter) paint(color, s string) string {
	if !f.color {
		return s
	}
	return color + s + ansiReset
}

func severityColor(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return ansiError
	case lint.SeverityWarning:
		return ansiWarning
	default:
		return ansiInfo
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// snippet returns the source line where sp starts, made printable and cut
// to a window around the span, and a marker line that puts `^~~~` under
// the span, clipped to that line. Tabs before the span are copied into the
// marker so that both lines expand them alike.
func (l *locator) snippet(sp lint.Span) (line, marker string) {
	start, end := l.pos(sp.Start), l.pos(sp.End)
	text := []rune(printable(l.ix.Line(start.Line), true))
	from := min(start.Column-1, len(text))
	to := len(text)
	if end.Line == start.Line {
		to = min(max(end.Column-1, from), len(text))
	}

	lo, hi := 0, len(text)
	if len(text) > maxSnippet {
		lo = max(0, from-snippetContext)
		hi = min(len(text), lo+maxSnippet)
		lo = max(0, hi-maxSnippet)
	}
	var shown []rune
	if lo > 0 {
		shown = append(shown, '…')
	}
	offset := len(shown) - lo
	shown = append(shown, text[lo:hi]...)
	if hi < len(text) {
		shown = append(shown, '…')
	}
	from, to = from+offset, min(to, hi)+offset

	var m strings.Builder
	for _, r := range shown[:from] {
		if r == '\t' {
			m.WriteByte('\t')
			continue
		}
		m.WriteString(strings.Repeat(" ", runeWidth(r)))
	}
	span := 0
	for _, r := range shown[from:to] {
		if r == '\t' {
			span++ // a tab's width is the terminal's; one mark stands for it
			continue
		}
		span += runeWidth(r)
	}
	m.WriteByte('^')
	if span > 1 {
		m.WriteString(strings.Repeat("~", span-1))
	}
	return string(shown), m.String()
}

// runeWidth is how many terminal cells r takes: none for combining marks
// and joiners, two for East Asian wide characters, one otherwise.
func runeWidth(r rune) int {
	switch {
	case r == '\t':
		return 0
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
