package extract

import "testing"

// TestCreditGuard holds mayBeCredit and creditHead to the expression they
// guard: wherever creditLine matches, the guard must say yes, and the head
// must match exactly when the whole does.
func TestCreditGuard(t *testing.T) {
	for _, s := range []string{
		"Image: Moscow, 1956", " \tphoto credit: TASS", "Figure 2 – the thaw", "fig. 3: map", "MAP: the USSR",
		"Cartoon - Krokodil", "painting: Deineka", "Poster source: archive", "Illustration from: Pravda",
		"The thaw began", "", "  ", "Photograph 1 — Khrushchev", "Map 12 - Moscow: 1956", "photo–TASS",
		"Figure: a well-known poster", "Picture from the well-known archive: 1956", "fig.\u2014", "Image\u2012x:",
		"Poſter: archive", "IMAGE\tURL: x", "Illustrations: x", "Illustrationx: y", "Images of the thaw", "map- x", "Mapping: x", "Photo1: x",
		"\u00a0Image: x", "\vImage: x", "Culture party state reform thaw policy writers", "Figure\u212a: x",
	} {
		if creditLine.MatchString(s) && !mayBeCredit(s) {
			t.Errorf("creditLine matches %q but mayBeCredit says no", s)
		}
		if got, want := creditLine.MatchString(creditHead(s)), creditLine.MatchString(s); got != want {
			t.Errorf("creditLine matches the head of %q: %v, the whole: %v", s, got, want)
		}
	}
	// The guard must spare ordinary paragraphs, or it guards nothing.
	for _, s := range []string{"Culture party state reform", "Images of the thaw", "Mapping the thaw: x", "In 1956, the thaw"} {
		if mayBeCredit(s) {
			t.Errorf("mayBeCredit(%q) = true", s)
		}
	}
}
