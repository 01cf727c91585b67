package extract

import "testing"

// TestCreditGuard holds mayBeCredit to the expression it guards: wherever
// creditLine matches, the guard must say yes.
func TestCreditGuard(t *testing.T) {
	for _, s := range []string{
		"Image: Moscow, 1956", " \tphoto credit: TASS", "Figure 2 – the thaw", "fig. 3: map", "MAP: the USSR",
		"Cartoon - Krokodil", "painting: Deineka", "Poster source: archive", "Illustration from: Pravda",
		"The thaw began", "", "  ", "Photograph 1 — Khrushchev",
	} {
		if creditLine.MatchString(s) && !mayBeCredit(s) {
			t.Errorf("creditLine matches %q but mayBeCredit says no", s)
		}
	}
}
