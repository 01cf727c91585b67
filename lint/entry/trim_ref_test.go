package entry

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The byte-wise trims and tests below replaced library calls and slower
// loops; these tests hold them to the code they replaced.

// collapseSpaceRef is collapseSpace as it was.
func collapseSpaceRef(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// hasMonthOrSlashRef is hasMonthOrSlash as it was: every letter asked.
func hasMonthOrSlashRef(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '/' || c == '-' {
			return true
		}
		if i+3 <= len(s) && isASCIILetter(c) && isMonthStem(s[i:i+3]) {
			return true
		}
	}
	return false
}

func checkTrims(t *testing.T, s string) {
	t.Helper()
	if got, want := field(s), strings.Trim(collapseSpaceRef(s), " .,;:*_"); got != want {
		t.Errorf("field(%q) = %q, was %q", s, got, want)
	}
	if got, want := collapseSpace(s), collapseSpaceRef(s); got != want {
		t.Errorf("collapseSpace(%q) = %q, was %q", s, got, want)
	}
	if got, want := trimWordPunct(s), strings.Trim(s, ".,;:"); got != want {
		t.Errorf("trimWordPunct(%q) = %q, was %q", s, got, want)
	}
	if got, want := hasMonthOrSlash(s), hasMonthOrSlashRef(s); got != want {
		t.Errorf("hasMonthOrSlash(%q) = %v, was %v", s, got, want)
	}
}

var trimSamples = []string{
	"", " ", "  ", ".", "*_*", " .Title. ", "Title\nwrapped", "a  b", "a \t b", " a ", "\u00a0a\u00a0", "a\u2003 b",
	"Jan", "jAn", "JAN", "Ja", "xJan", "May 2", "-", "/", "Mär", "sept", "DEC.", "Oxford UP, 2018.", "é.", ".é", "\xff.",
	"Hosking, Geoffrey. Youth youth of. Oxford UP, 2018.",
}

func TestTrimsMatchReference(t *testing.T) {
	for _, s := range trimSamples {
		checkTrims(t, s)
	}
	r := rand.New(rand.NewPCG(5, 8))
	for range 20000 {
		checkTrims(t, randomScanInput(r))
		checkTrims(t, randomPieces(r, fieldPieces))
	}
}

func FuzzTrims(f *testing.F) {
	for _, s := range trimSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTrims(t, s) })
}
