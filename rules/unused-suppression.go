package rules

import (
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/suppress"
)

// UnusedSuppression reports inline suppression directives that suppress
// nothing or cannot be read. The engine's suppression stage (lint/suppress)
// does the work, since only it sees the other rules' findings; this rule
// gives that stage its ID, documentation and severity, which the
// configuration sets like any other rule's.
type UnusedSuppression struct{}

// Meta describes the rule.
func (UnusedSuppression) Meta() lint.Meta {
	return lint.Meta{
		ID:       suppress.RuleID,
		Summary:  "a citelint-disable directive suppresses nothing or names an unknown rule",
		Severity: lint.SeverityWarning,
		Category: "suppression",
		Since:    "0.4.0",
		Doc: `A directive such as <!-- citelint-disable-next-line quote-uncited -- epigraph -->
(Markdown, HTML), a line [citelint-disable-next-line quote-uncited] (plain
text) or a Word comment "citelint-disable quote-uncited" (docx) silences a
finding. One that silences nothing is left over from an earlier draft and
would hide the next real problem on that line, so it is reported; so is one
that names a rule that does not exist, or an unknown directive. A directive
for a rule that is turned off, or does not apply to the essay's style, is
not reported. --no-inline-config ignores every directive.`,
		Wrong: `<!-- citelint-disable-next-line quote-uncited -- epigraph -->
Khrushchev's speech of 1956 changed how the Party spoke of the past (Taubman 271).`,
		Right: `<!-- citelint-disable-next-line quote-uncited -- epigraph -->
"Every garden begins as an argument about who owns the soil."`,
	}
}

// Check does nothing: the suppression stage reports this rule's findings
// after every other rule has run.
func (UnusedSuppression) Check(*lint.Pass) error { return nil }
