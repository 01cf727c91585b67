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

// markStopsCommaRef is markStops's test after a comma as it was: the head
// lowered into a copy.
func markStopsCommaRef(s string, i int) (bool, bool) {
	if s[i] != ',' {
		return false, false
	}
	j := skipSpaces(s, i+1)
	if digitAt(s, j) {
		return true, true
	}
	head := asciiLower(s[j:min(len(s), j+16)])
	for _, w := range containerStopWords {
		if strings.HasPrefix(head, w) && (len(head) == len(w) || !isASCIIWordByte(head[len(w)])) {
			return true, true
		}
	}
	if strings.HasPrefix(head, "e") && (len(head) > 1 && digitAt(s, j+1) || strings.HasPrefix(head, "e-") && digitAt(s, j+2)) {
		return true, true
	}
	for _, m := range monthStems[:12] {
		if !strings.HasPrefix(s[j:], m) {
			continue
		}
		k := j + len(m)
		for k < len(s) && 'a' <= s[k] && s[k] <= 'z' {
			k++
		}
		if k < len(s) && s[k] == '.' {
			k++
		}
		if k2 := skipSpaces(s, k); k2 > k && digitAt(s, k2) {
			return true, true
		}
	}
	return false, true
}

// TestMarkStopsMatchesReference holds markStops after a comma to the
// lowered-copy test it replaced.
func TestMarkStopsMatchesReference(t *testing.T) {
	pieces := []string{",", ", ", " ", "vol", "VOL", "Vol.", "vols", "no", "No.", "NOS", "pp", "P", "iss", "Issue", "edited",
		"ED", "eds", "Trans", "translated", "Directed", "season", "Episode", "ch", "CHAP", "part", "sec", "art", "Article",
		"special issue", "Special Issue", "e12", "E12", "e-3", "E-", "e", "x", "é", "\xff", "6", "Jan", "march", "_", "İ"}
	r := rand.New(rand.NewPCG(31, 32))
	for range 50000 {
		s := randomPieces(r, pieces)
		for i := range len(s) {
			if want, ok := markStopsCommaRef(s, i); ok {
				if got := markStops(s, i); got != want {
					t.Fatalf("markStops(%q, %d) = %v, was %v", s, i, got, want)
				}
			}
		}
	}
}
