package linttest

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Annotation is one "// want" annotation cut from a fixture line.
type Annotation struct {
	// Line is the 1-based line the annotation ended.
	Line int
	// Text is what followed "// want" on that line, trimmed.
	Text string
}

// Want is one finding a fixture expects.
type Want struct {
	// Line is the 1-based line the finding must start on.
	Line int
	// Rule is the rule ID the finding must carry.
	Rule string
	// Message must match the finding's message; nil matches any message.
	Message *regexp.Regexp
}

// String writes the want as it would be annotated.
func (w Want) String() string {
	if w.Message == nil {
		return w.Rule
	}
	pattern := w.Message.String()
	if strings.Contains(pattern, `"`) && strconv.CanBackquote(pattern) {
		return w.Rule + " `" + pattern + "`"
	}
	return w.Rule + " " + strconv.Quote(pattern)
}

// annotationStart finds "// want" preceded by whitespace (or standing at
// the start of the line) and followed by whitespace or the end of the line.
// The whitespace requirement keeps URLs such as https://a.b//want intact.
var annotationStart = regexp.MustCompile(`(?:^|[ \t]+)// want(?:[ \t]|$)`)

// StripAnnotations removes every annotation from src — from the whitespace
// before "// want" to the end of its line — and returns the stripped bytes
// with the annotations in line order. Line breaks are kept, so every line
// keeps its number and the stripped file reads exactly as the essay would
// without its annotations.
func StripAnnotations(src []byte) ([]byte, []Annotation) {
	var out bytes.Buffer
	out.Grow(len(src))
	var anns []Annotation
	line := 0
	for rest := src; len(rest) > 0; {
		line++
		var text, eol []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			text, eol, rest = rest[:i], rest[i:i+1], rest[i+1:]
		} else {
			text, rest = rest, nil
		}
		if n := len(text); n > 0 && text[n-1] == '\r' {
			text, eol = text[:n-1], append([]byte{'\r'}, eol...)
		}
		if loc := annotationStart.FindIndex(text); loc != nil {
			body := text[loc[0]:]
			at := bytes.Index(body, []byte("// want")) + len("// want")
			anns = append(anns, Annotation{Line: line, Text: strings.TrimSpace(string(body[at:]))})
			text = text[:loc[0]]
		}
		out.Write(text)
		out.Write(eol)
	}
	return out.Bytes(), anns
}

// ruleID is the shape of a rule ID: lower-case kebab-case.
var ruleID = regexp.MustCompile(`^[a-z][a-z0-9]*(?:-[a-z0-9]+)*`)

// ParseWants parses the text of an annotation on line: one or more rule
// IDs, each optionally followed by a Go string literal (double-quoted or
// back-quoted) holding a regular expression that the finding's message
// must match.
//
//	citation-unmatched "von Geldern"
//	works-cited-empty "von Geldern" quote-title
func ParseWants(line int, text string) ([]Want, error) {
	var wants []Want
	rest := strings.TrimSpace(text)
	if rest == "" {
		return nil, fmt.Errorf("line %d: \"// want\" names no rule", line)
	}
	for rest != "" {
		id := ruleID.FindString(rest)
		if id == "" || (len(id) < len(rest) && !isSpace(rest[len(id)])) {
			return nil, fmt.Errorf("line %d: want: expected a rule ID at %q", line, clip(rest))
		}
		want := Want{Line: line, Rule: id}
		rest = strings.TrimLeft(rest[len(id):], " \t")
		if rest != "" && (rest[0] == '"' || rest[0] == '`') {
			lit, after, err := cutStringLiteral(rest)
			if err != nil {
				return nil, fmt.Errorf("line %d: want %s: %w", line, id, err)
			}
			pattern, err := strconv.Unquote(lit)
			if err != nil {
				return nil, fmt.Errorf("line %d: want %s: bad string %s: %w", line, id, lit, err)
			}
			re, err := regexp.Compile(pattern)
			if err != nil {
				return nil, fmt.Errorf("line %d: want %s: %w", line, id, err)
			}
			want.Message = re
			if after != "" && !isSpace(after[0]) {
				return nil, fmt.Errorf("line %d: want %s: expected a space after %s", line, id, lit)
			}
			rest = strings.TrimLeft(after, " \t")
		}
		wants = append(wants, want)
	}
	return wants, nil
}

// cutStringLiteral splits s, which starts with a quote, into the Go string
// literal at its start and what follows it.
func cutStringLiteral(s string) (lit, rest string, err error) {
	quote := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case quote == '"' && s[i] == '\\':
			i++
		case s[i] == quote:
			return s[:i+1], s[i+1:], nil
		}
	}
	return "", "", fmt.Errorf("unterminated string %s", clip(s))
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' }

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
