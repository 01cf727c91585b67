package rules

import (
	"strings"
	"testing"
)

// TestHelpersMatchTheirDefinitions holds the copy-free helpers of
// quote-title.go to the library calls they stand for.
func TestHelpersMatchTheirDefinitions(t *testing.T) {
	for _, w := range []string{"", "THAW", "Thaw", "thaw", "USSR", "ÉTÉ", "été", "ǅ", "A\xffB", "\ufffd", "A\ufffd", "1956", "THE-THAW", "ß"} {
		if got, want := upperCase(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("upperCase(%q) = %v, want %v", w, got, want)
		}
	}
	for _, s := range []string{"", " ", "one", "one two", " a  b\tc\nd ", "a b c d e f g h i j", "a b c d e f g h i j k", "\u00a0a\u2003b"} {
		for n := 0; n <= 11; n++ {
			if got, want := fewWords(s, n), len(strings.Fields(s)) <= n; got != want {
				t.Errorf("fewWords(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
