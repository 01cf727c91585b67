package entry

import (
	"regexp"
	"slices"
	"testing"
)

// The scanners and guards of fields.go stand in for expressions; these
// tests hold them to the expressions they replace or guard.

var reYearRef = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)[a-z]?\b`)

// guarded pairs each guard with the expression it keeps from running: the
// guard must say yes wherever the expression matches.
var guarded = []struct {
	name  string
	re    *regexp.Regexp
	guard func(string) bool
}{
	{"reEdition()", reEdition(), editionMay},
	{"reNBYear", reNBYear, nbYearMay},
	{"reAnchoredBareDate()", reAnchoredBareDate(), anchoredBareDateMay},
	{"reTitlePlacePub()", reTitlePlacePub(), titlePlacePubMay},
	{"reRole()", reRole(), roleMay},
	{"reRepeatAuthor()", reRepeatAuthor(), repeatMay},
	{"reNoDateRef", reNoDateRef, func(s string) bool { return noDate(s) }},
	{"reVol", reVol, func(s string) bool { return containsFoldASCII(s, "vol") }},
	{"reContributors()", reContributors(), contributorsMay},
	{"reRomanPart()", reRomanPart(), func(s string) bool { return s != "" && (s[0] == 'I' || s[0] == 'V' || s[0] == 'X') }},
}

// checkGuards holds the guards, and the scanners of scan.go, to their
// expressions on s.
func checkGuards(t *testing.T, s string) {
	checkScanners(t, s)
	if a, b := findYear(s); true {
		loc := reYearRef.FindStringIndex(s)
		if (loc == nil) != (a < 0) || loc != nil && (loc[0] != a || loc[1] != b) {
			t.Fatalf("findYear(%q) = %d, %d; the expression finds %v", s, a, b, loc)
		}
	}
	for _, g := range guarded {
		if g.re.MatchString(s) && !g.guard(s) {
			t.Fatalf("%s matches %q but its guard says no", g.name, s)
		}
	}
}

var guardSamples = []string{
	"", "1999", "1999a", "2009ab", "x1999", "1999.", "(2001) 2003.", "ſ.d.", "n.d.", "No date", "S. d.",
	", 6 (12): 3–5", "52: 485", " , 6(12), 3–5", ". 12", "2nd ed., ", "Rev. edition", "Third  Ed.",
	" (Ed.)", ", editors", " [Trans.]", "  ——.", "---.", "__, ", "—. ", "Vol. 3", "VOLUME 2", "New York: Norton",
	"Translated by Max Hayward,", "Edited by J. Smith.", "II. The test", "X. Y", "20 Oct. 2014", "2014-10-20", "10/20/2014", "March 2019",
	"Oxford UP, 1995.", "Freeze, Gregory. Party state. Oxford UP, 1995.", "1500 1499 2099 2100 2000s 1950–1960",
	"Epocrates. 2019a.", "Epocrates.  n.d.", "WHO. 2020–2021, x", "A.2019.", "Khrushchev: the man and his era, London: Free Press",
	"Title, New York: Norton", "Title: a, b",
}

func TestGuards(t *testing.T) {
	for _, s := range slices.Concat(guardSamples, scanSamples) {
		checkGuards(t, s)
	}
}

func FuzzGuards(f *testing.F) {
	for _, s := range slices.Concat(guardSamples, scanSamples) {
		f.Add(s)
	}
	f.Fuzz(checkGuards)
}
