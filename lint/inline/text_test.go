package inline

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAsciiAlnumEnd checks the eight-bytes-at-a-time run end against a
// byte-by-byte one, for every byte value at every position of a word.
func TestAsciiAlnumEnd(t *testing.T) {
	isAlnumByte := func(c byte) bool { return asciiClass[c]&(classLetter|classDigit) != 0 }
	for c := 0; c < 256; c++ {
		for pos := range 12 {
			for _, fill := range []byte{'a', 'Z', '5', 0xff} {
				b := make([]byte, 14)
				for k := range b {
					b[k] = fill
				}
				b[pos] = byte(c)
				s := string(b)
				for from := range 3 {
					want := from
					for want < len(s) && isAlnumByte(s[want]) {
						want++
					}
					if got := asciiAlnumEnd(s, from); got != want {
						t.Fatalf("asciiAlnumEnd(%q, %d) = %d, want %d", s, from, got, want)
					}
				}
			}
		}
	}
}

// TestCountWordsChunks checks countWords, which reads eight bytes at a
// time where it can, against countWordsByChar, which reads every
// character, on strings built from the characters that decide words.
func TestCountWordsChunks(t *testing.T) {
	parts := []string{"a", "Z", "7", " ", ",", "'", "-", ".", "’", "‐", "é", "“", "\xff", "ab", "12"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := countWords(s), countWordsByChar(s); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

// countWordsByChar is countWords read character by character.
func countWordsByChar(s string) int {
	rs := []rune(s)
	n, in := 0, false
	for k, r := range rs {
		next := ' '
		if k+1 < len(rs) {
			next = rs[k+1]
		}
		switch {
		case isAlnum(r):
			if !in {
				n++
			}
			in = true
		case in && (r == '-' || r == '.' || r == '‐' || isApostrophe(r)):
			in = isAlnum(next)
		default:
			in = false
		}
	}
	return n
}
