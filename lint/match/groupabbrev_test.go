package match

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// reGroupAbbrev is the expression groupAbbrev stands in for.
var reGroupAbbrev = regexp.MustCompile(`^[^(]{3,}?\s\(([A-Z][A-Z&]{1,9})\)`)

// checkGroupAbbrev holds groupAbbrev to its expression on s.
func checkGroupAbbrev(t *testing.T, s string) {
	t.Helper()
	got, ok := groupAbbrev(s)
	m := reGroupAbbrev.FindStringSubmatch(s)
	if ok != (m != nil) || m != nil && got != m[1] {
		t.Fatalf("groupAbbrev(%q) = %q, %v; the expression finds %q", s, got, ok, m)
	}
}

var groupAbbrevSamples = []string{
	"", "(", "abc (AB)", "ab (AB)", "abc(AB)", "abc\t(AB)", "abc\n(AB)", "abc\v(AB)", "abc\f(AB)", "é\xffé (AB)",
	"U.S. Global Change Research Program (USGCRP). (2018).", "World Health Organization (WHO). 2020.",
	"American Psychological Association (A&P)", "Group (A)", "Group (ABCDEFGHIJ)", "Group (ABCDEFGHIJK)",
	"Group (AbC)", "Group (&A)", "Group (A&)", "Group (ABC", "Group ((ABC)", "Gr (x) Group (ABC)", "abcd  (AB)",
	"ab\u00a0 (AB)", "日本語 (JP)", "日本 (JP)", "x\u2003(AB)",
}

func TestGroupAbbrev(t *testing.T) {
	for _, s := range groupAbbrevSamples {
		checkGroupAbbrev(t, s)
	}
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "B", "Z", "&", "(", ")", " ", "\t", "\n", "é", "\xff", ".", "(AB)", " (", "Org", "1"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkGroupAbbrev(t, b.String())
	}
}

func FuzzGroupAbbrev(f *testing.F) {
	for _, s := range groupAbbrevSamples {
		f.Add(s)
	}
	f.Fuzz(checkGroupAbbrev)
}
