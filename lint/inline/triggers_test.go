package inline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// triggersByByte is what triggers finds, read the plain way: every ASCII
// letter that follows no ASCII letter, its run of ASCII letters, and the
// exact tests, with none of the eight-byte filters before them.
func triggersByByte(text string, start int) [][2]int {
	var out [][2]int
	end := len(text)
	for i := start; i < end; i++ {
		if !isASCIILetter(text[i]) || i > start && isASCIILetter(text[i-1]) {
			continue
		}
		j := i
		for j < end && isASCIILetter(text[j]) {
			j++
		}
		if j-i >= 16 || wordGoesOn(text, j, end) || !wordStart(text, start, i) {
			continue
		}
		if maybeTrigger(text[i:j]) && triggerWord(text[i:j]) {
			if r, _ := runeBefore(text, i); i == start || !isApostrophe(r) && r != '-' {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func triggersOf(text string, start int) [][2]int {
	var out [][2]int
	triggers(text, start, func(i, j int) { out = append(out, [2]int{i, j}) })
	return out
}

var triggerCases = []string{
	"Freeze argues that the thaw began in 1954.",
	"According to von Geldern, it did. Quoting Freeze, she wrote it down.",
	"ACCORDING to no one; aRgues; Argues; argues2; argues\u00e9; argues-like; 'argues; x-argues; 9argues.",
	"as Freeze puts it, as Freeze put it; he points out; it was noted by Smith; in the words of Jones",
	"demonstrates acknowledged acknowledgedly according accordingly emphasises emphasized",
	"writes", "wr", "a", "", "says", "Quoting", "quote", "words", "wordsmith",
	"\u00e9crit argues \u00fcber says — says\u2019 writes’",
	strings.Repeat("x", 15) + " " + strings.Repeat("y", 16) + " observes",
}

// TestTriggersSameAsByteByByte holds the eight-byte scan to the plain one,
// from every start offset of each case.
func TestTriggersSameAsByteByByte(t *testing.T) {
	for _, text := range triggerCases {
		for start := 0; start <= len(text); start++ {
			assert.Equal(t, triggersByByte(text, start), triggersOf(text, start), fmt.Sprintf("%q from %d", text, start))
		}
	}
	// Words that end just before, at and after an eight-byte boundary.
	for pad := range 17 {
		text := strings.Repeat(" ", pad) + "Freeze argues; according to Smith, writes Jones"
		assert.Equal(t, triggersByByte(text, 0), triggersOf(text, 0), "%q", text)
	}
	assert.Len(t, triggersOf("Freeze argues; according to Smith, writes Jones", 0), 3)
}

// TestNoShortTriggers keeps what triggers relies on: no trigger word is
// shorter than three letters.
func TestNoShortTriggers(t *testing.T) {
	for w := range signalVerbs {
		assert.GreaterOrEqual(t, len(w), 3, w)
	}
}

func FuzzTriggers(f *testing.F) {
	for _, s := range append(triggerCases, fuzzSeeds...) {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, text string, start uint8) {
		s := min(int(start), len(text))
		if got, want := triggersOf(text, s), triggersByByte(text, s); !assert.ObjectsAreEqual(want, got) {
			t.Fatalf("%q from %d: got %v, want %v", text, s, got, want)
		}
	})
}

// prevWordByRune is prevWord as it read every character, ASCII or not.
func prevWordByRune(text string, off, start int) (string, int) {
	k := off
	for k > start && text[k-1] == ' ' {
		k--
	}
	j := k
	for j > start {
		r, n := runeBefore(text, j)
		if !isLetter(r) {
			break
		}
		j -= n
	}
	return text[j:k], j
}

func TestPrevWord(t *testing.T) {
	cases := []struct {
		text   string
		off    int
		word   string
		wordAt int
	}{
		{"the party said", 10, "party", 4},
		{"Il’ia  writes", 9, "ia", 5},
		{"Gel\u0301dern said", 9, "Gel\u0301dern", 0},
		{"x9ab cd", 5, "ab", 2},
		{"  ", 2, "", 0},
	}
	for _, c := range cases {
		w, at := prevWord(c.text, c.off, 0)
		assert.Equal(t, c.word, w, c.text)
		assert.Equal(t, c.wordAt, at, c.text)
	}
}

func FuzzPrevWord(f *testing.F) {
	for _, s := range append(triggerCases, fuzzSeeds...) {
		f.Add(s, uint8(3), uint8(1))
	}
	f.Fuzz(func(t *testing.T, text string, off, start uint8) {
		o := min(int(off), len(text))
		s := min(int(start), o)
		w, at := prevWord(text, o, s)
		ww, wat := prevWordByRune(text, o, s)
		if w != ww || at != wat {
			t.Fatalf("%q at %d from %d: got %q %d, want %q %d", text, o, s, w, at, ww, wat)
		}
	})
}
