package linttest

import (
	"strings"

	"github.com/citelint/citelint/lint"
)

// MarkerRule is a stand-in rule for the tests of what runs rules (the
// command, the report): it reports every occurrence of Marker in an
// essay's text, so that those tests do not depend on what the real rules
// find. Message is the finding's text, %s standing for the marker.
type MarkerRule struct {
	ID, Marker, Message string
	Severity            lint.Severity
}

// Meta describes the rule, with documentation for explain.
func (r MarkerRule) Meta() lint.Meta {
	return lint.Meta{
		ID: r.ID, Summary: "reports " + r.Marker, Severity: r.Severity, Category: "testing",
		Doc: "Fires on the word " + r.Marker + ".", Wrong: "An " + r.Marker + " here.", Right: "Nothing here.",
	}
}

// Check reports each occurrence of the marker.
func (r MarkerRule) Check(p *lint.Pass) error {
	text := p.Doc().Text
	for from := 0; ; {
		i := strings.Index(text[from:], r.Marker)
		if i < 0 {
			return nil
		}
		start := from + i
		p.Reportf(lint.Range{Start: start, End: start + len(r.Marker)}, r.Message, r.Marker)
		from = start + len(r.Marker)
	}
}
