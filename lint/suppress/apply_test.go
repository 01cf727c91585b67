package suppress

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citelint/citelint/lint"
)

var known = []string{"quote-uncited", "quote-long", "entry-order", RuleID}

// ranAll runs every known rule at warning.
func ranAll() map[string]lint.Severity {
	m := map[string]lint.Severity{}
	for _, id := range known {
		m[id] = lint.SeverityWarning
	}
	return m
}

// at makes a finding of rule id at the first occurrence of marker in src.
func at(src, marker, id string) lint.Diagnostic {
	i := strings.Index(src, marker)
	return lint.Diagnostic{Rule: id, Span: lint.Span{Start: i, End: i + len(marker)}, Message: id + " at " + marker}
}

// rulesOf lists "rule@marker" for kept findings of the rules, and the
// messages of the unused-suppression ones.
func rulesOf(diags []lint.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		if d.Rule == RuleID {
			out = append(out, d.Message)
			continue
		}
		out = append(out, d.Message)
	}
	return out
}

func TestApply(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		diags [][2]string // marker, rule
		ran   map[string]lint.Severity
		want  []string
	}{
		{
			name:  "next line suppresses its rule only",
			src:   "<!-- citelint-disable-next-line quote-uncited -->\nA B\nC\n",
			diags: [][2]string{{"A", "quote-uncited"}, {"B", "quote-long"}, {"C", "quote-uncited"}},
			want:  []string{"quote-long at B", "quote-uncited at C"},
		},
		{
			name:  "range until enable",
			src:   "A <!-- citelint-disable quote-uncited --> B <!-- citelint-enable quote-uncited --> C",
			diags: [][2]string{{"A", "quote-uncited"}, {"B", "quote-uncited"}, {"C", "quote-uncited"}},
			want:  []string{"quote-uncited at A", "quote-uncited at C"},
		},
		{
			name:  "disable every rule, enable one",
			src:   "<!-- citelint-disable --> A B <!-- citelint-enable quote-long --> C D",
			diags: [][2]string{{"A", "quote-uncited"}, {"B", "quote-long"}, {"C", "quote-uncited"}, {"D", "quote-long"}},
			want:  []string{"quote-long at D"},
		},
		{
			name:  "a range never closed runs to the end",
			src:   "<!-- citelint-disable quote-long --> A\n\n\nB",
			diags: [][2]string{{"A", "quote-long"}, {"B", "quote-long"}},
			want:  nil,
		},
		{
			name: "unused next line",
			src:  "<!-- citelint-disable-next-line quote-uncited -->\nA\n",
			want: []string{"citelint-disable-next-line quote-uncited suppresses nothing: no quote-uncited finding starts on the next line; remove it"},
		},
		{
			name: "unused, but the rule did not run: not reported",
			src:  "<!-- citelint-disable-next-line entry-order -->\nA\n",
			ran:  map[string]lint.Severity{RuleID: lint.SeverityWarning},
			want: nil,
		},
		{
			name: "unused-suppression off: nothing reported",
			src:  "<!-- citelint-disable-next-line quote-uncited -->\nA\n<!-- citelint-disable-next-line nosuch -->",
			ran:  map[string]lint.Severity{"quote-uncited": lint.SeverityError},
			want: nil,
		},
		{
			name: "unknown rule, with a suggestion",
			src:  "<!-- citelint-disable quote-lung -->",
			want: []string{`citelint-disable names unknown rule "quote-lung" (did you mean quote-long?); citelint rules lists the rule IDs`},
		},
		{
			name: "enable with nothing to end",
			src:  "<!-- citelint-enable -->",
			want: []string{"citelint-enable comes after no citelint-disable of any rule; remove it"},
		},
		{
			name:  "enable of every rule ends a named disable",
			src:   "<!-- citelint-disable quote-long --> A <!-- citelint-enable --> B",
			diags: [][2]string{{"A", "quote-long"}, {"B", "quote-long"}},
			want:  []string{"quote-long at B"},
		},
		{
			name: "the report of an unused directive is suppressed by name only",
			src:  "<!-- citelint-disable-next-line unused-suppression -->\n<!-- citelint-disable-next-line quote-uncited -->\nA",
			want: nil,
		},
		{
			name:  "an every-rule range does not hide a report about a directive",
			src:   "<!-- citelint-disable --> A <!-- citelint-disable-next-line nosuch -->",
			diags: [][2]string{{"A", "quote-long"}},
			want:  []string{`citelint-disable-next-line names unknown rule "nosuch"; citelint rules lists the rule IDs`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var diags []lint.Diagnostic
			for _, d := range tc.diags {
				diags = append(diags, at(tc.src, d[0], d[1]))
			}
			ran := tc.ran
			if ran == nil {
				ran = ranAll()
			}
			kept, suppressed := Apply(ParseComments([]byte(tc.src)), diags, Rules{Known: known, Ran: ran})
			assert.Equal(t, tc.want, rulesOf(kept))
			assert.Equal(t, len(diags), len(kept)+len(suppressed)-countRule(kept, RuleID)-countSuppressedRule(suppressed, RuleID),
				"every finding is kept or suppressed")
		})
	}
}

func countRule(diags []lint.Diagnostic, id string) int {
	n := 0
	for _, d := range diags {
		if d.Rule == id {
			n++
		}
	}
	return n
}

func countSuppressedRule(s []Suppressed, id string) int {
	n := 0
	for _, x := range s {
		if x.Diagnostic.Rule == id {
			n++
		}
	}
	return n
}

func TestApplyKeepsReason(t *testing.T) {
	src := "<!-- citelint-disable-next-line quote-uncited -- an epigraph -->\nA"
	_, suppressed := Apply(ParseComments([]byte(src)), []lint.Diagnostic{at(src, "A", "quote-uncited")}, Rules{Known: known, Ran: ranAll()})
	if assert.Len(t, suppressed, 1) {
		assert.Equal(t, "an epigraph", suppressed[0].Directive.Reason)
	}
}
