package suppress

import (
	"testing"

	"github.com/citelint/citelint/lint"
)

// FuzzParse checks that no source crashes the directive parsers, that
// every span and scope lies inside the source, and that blanking the
// directive lines of plain text keeps its length and line breaks.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"<!-- citelint-disable-next-line quote-uncited -- epigraph -->\nA",
		"<!--citelint-disable-->x<!--citelint-enable a,b-->",
		"[citelint-disable-next-line quote-uncited]\r\n\"q\"",
		"<!-- citelint-",
		"[citelint-]\n[citelint-disable -- ]",
		"<!-- citelint-disable --\n-->",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		check := func(kind string, dirs []Directive) {
			for _, d := range dirs {
				for _, s := range []lint.Span{d.Span, d.Scope} {
					if s.Start < 0 || s.End > len(src) || s.Start > s.End {
						t.Fatalf("%s directive %+v has span %v outside %d bytes", kind, d, s, len(src))
					}
				}
			}
			diags := []lint.Diagnostic{{Rule: "quote-uncited", Span: lint.Span{Start: len(src) / 2, End: len(src)}}}
			Apply(dirs, diags, Rules{Known: []string{"quote-uncited", RuleID}, Ran: map[string]lint.Severity{"quote-uncited": 1, RuleID: 1}})
		}
		check("comment", ParseComments(src))
		check("text", ParseText(src))
		blank := DirectiveLines(src)
		if len(blank) != len(src) {
			t.Fatalf("blanking changed the length: %d to %d", len(src), len(blank))
		}
		for i := range src {
			if (src[i] == '\n') != (blank[i] == '\n') || (src[i] == '\r') != (blank[i] == '\r') {
				t.Fatalf("blanking moved a line break at %d", i)
			}
		}
	})
}
