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
	} {
		if creditLine.MatchString(s) && !mayBeCredit(s) {
			t.Errorf("creditLine matches %q but mayBeCredit says no", s)
		}
		if got, want := creditLine.MatchString(creditHead(s)), creditLine.MatchString(s); got != want {
			t.Errorf("creditLine matches the head of %q: %v, the whole: %v", s, got, want)
		}
	}
}
