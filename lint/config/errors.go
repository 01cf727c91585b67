package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/citelint/citelint/lint/names"
)

// Error is one problem in a configuration file, at the line and column of
// the key or value concerned, so that an editor can jump to it.
type Error struct {
	File string
	// Line and Column are 1-based; Column is 0 when the YAML parser could
	// only tell the line.
	Line, Column int
	Msg          string
}

// Error formats the problem as path:line:col: message, the shape compilers
// and editors understand.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// ErrorList is every problem found in one configuration file, in the order
// they stand in it. Reporting them all at once spares the user a fix-and-rerun
// loop per mistake.
type ErrorList []*Error

// Error puts one problem on each line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find each *Error.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// maxErrors caps the list: past a dozen problems the file is likely not a
// citelint config at all, and more lines would only bury the first ones.
const maxErrors = 12

// errorAt records a problem at node n.
func (d *decoder) errorAt(n *yaml.Node, format string, args ...any) {
	if len(d.errs) >= maxErrors {
		return
	}
	e := &Error{File: d.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// suggest returns the candidate closest to word when it is close enough to
// be a likely typo, or "".
func suggest(word string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := names.Distance(strings.ToLower(word), strings.ToLower(c))
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	// A third of the word's length tolerates a typo or two in a rule ID
	// without proposing an unrelated key for a short one.
	if bestDist < 0 || bestDist > max(1, len([]rune(word))/3) {
		return ""
	}
	return best
}

// wantList writes keys as "a, b or c" for messages.
func wantList(keys []string) string {
	switch len(keys) {
	case 0:
		return ""
	case 1:
		return keys[0]
	}
	return strings.Join(keys[:len(keys)-1], ", ") + " or " + keys[len(keys)-1]
}

// describe says what a node holds, for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}
