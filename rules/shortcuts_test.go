package rules

import (
	"strings"
	"testing"
)

// TestHelpersMatchTheirDefinitions holds the shortcuts the rules take for
// speed to the library calls and expressions they stand for or guard.
func TestHelpersMatchTheirDefinitions(t *testing.T) {
	for _, w := range []string{"", "THAW", "Thaw", "thaw", "USSR", "ÉTÉ", "été", "ǅ", "A\xffB", "\ufffd", "A\ufffd", "1956", "THE-THAW", "ß"} {
		if got, want := upperCase(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("upperCase(%q) = %v, want %v", w, got, want)
		}
	}
	for _, s := range []string{"", " ", "one", "one two", " a  b\tc\nd ", "a b c d e f g h i j", "a b c d e f g h i j k", "\u00a0a\u2003b",
		"\u0085a\vb\fc\rd", "The Thaw.", "Who Reads?", "Why? Who Reads?", "Why? Who reads", "a; b", "Wow!", "A.B", "\xff \xfe", "a\u2028b", "?", ".", "a\u00a0.\u00a0b?"} {
		for n := 0; n <= 11; n++ {
			want := len(strings.Fields(s)) <= n && (!strings.ContainsAny(s, ".!?;") || strings.HasSuffix(s, "?"))
			if got := titleShaped(s, n); got != want {
				t.Errorf("titleShaped(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
	for _, s := range []string{"", "Oxford UP, 1995.", "Smith, , J.", "Smith,. J", "A. . B", "A.. B", "etc...", "A , . B", "x.\t.y", "Web. 3 Mar.", ", Print. ", ". Online.", "Internet.", "a.b.c",
		"Retrieved from https://x.org", "RETRIEVED  FROM", "retrieved\tfrom", "Retrieved March 3, 2020, from", "doi:10.1000/1", "DOI: 10.1/2", "https://dx.doi.org/10.1/3", "HTTP://DX.DOI.ORG/10.1/4", "Doi:  10.5", "dx.doi.org", "DX.DOI.ORG/", "https://doi.org/10.1/5", "doi 10.1/6"} {
		if doubled.MatchString(s) && !mayBeDoubled(s) {
			t.Errorf("doubled matches %q but mayBeDoubled says no", s)
		}
		if retrievedFrom.MatchString(s) && !hasWordFold(s, "retrieved") {
			t.Errorf("retrievedFrom matches %q but hasWordFold says no", s)
		}
		if oldDOI.MatchString(s) && !hasWordFold(s, "doi:") && !hasWordFold(s, "dx.doi.org/") {
			t.Errorf("oldDOI matches %q but hasWordFold says no", s)
		}
		if got, want := findMedium(s), mediumMarker.FindStringSubmatch(s); len(got) != len(want) {
			t.Errorf("findMedium(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"", "novel", "the novel ", "in the publication of ,  ", "a long and winding tv series,", "screenplay", "ÉtéBOO\u212a", "ſerieſ", "the book,, ",
		"a treatiſe\t", "an autobiography", "quite the autobiography, ", "and his film\n", "x\u00e9publication of", "the magazine \v", "documentary ,"} {
		if got, want := longWorkCue.FindString(cueTail(s)), longWorkCue.FindString(s); got != want {
			t.Errorf("longWorkCue finds %q in cueTail(%q), want %q", got, s, want)
		}
	}
	for _, s := range []string{"", "(Freeze 412)", "(Smith et. al 4)", "(Smith et.al. 4)", "(Smith et, al)", "(Smith ET . AL)", "(Smith et al. 4)", "(Smith, 2004, p. 3)", "et.\tal", "(Smith et.\nAl 4)", "(Smith et.", "(Al. al)", "x,al"} {
		if etAlMisspelt.MatchString(s) && !mayMisspellEtAl(s) {
			t.Errorf("etAlMisspelt matches %q but mayMisspellEtAl says no", s)
		}
	}
}
