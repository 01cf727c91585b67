package entry

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// containerStopByte is containerStop as it was, looking again at the run
// of spaces after each space; containerStop must stop where it did.
func containerStopByte(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			if markStops(s, i) {
				return i
			}
			continue
		}
		if i+1 < len(s) && (s[i+1] == '(' || s[i+1] == '[') || numberStops(s, skipSpaces(s, i)) {
			return i
		}
	}
	return -1
}

// TestContainerStopRandom holds containerStop to containerStopByte on
// containers built from the pieces it turns on, with long runs of spaces
// as blanked links leave.
func TestContainerStopRandom(t *testing.T) {
	pieces := []string{"Slavic Review", " ", "   ", strings.Repeat(" ", 40), ",", ", ", ";", ":", ": ", ".", ". ", "(", "[", "6", "12", "2014", "20145",
		"vol", " edited by", ", e12", ", e-3", ", Jan", ", March", "Sept.", " 3", "x", "é", "\xff"}
	r := rand.New(rand.NewPCG(21, 22))
	for range 50000 {
		s := randomPieces(r, pieces) + randomPieces(r, pieces)
		if got, want := containerStop(s), containerStopByte(s); got != want {
			t.Fatalf("containerStop(%q) = %d, want %d", s, got, want)
		}
	}
}

// containsFoldByte is containsFoldASCII as it was, testing every byte.
func containsFoldByte(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if lowerASCII(s[i]) == sub[0] && hasPrefixFoldASCII(s[i:], sub) {
			return true
		}
	}
	return false
}

// TestContainsFoldRandom holds containsFoldASCII to containsFoldByte.
func TestContainsFoldRandom(t *testing.T) {
	pieces := []string{"", "v", "V", "vol", "VOL", "Vo", "n", "N", "no", "NO.", "i", "I", "iss", "ISS", "is", "x", " ", ".", "é", "\xff", "İ", "ſ", "1", ":"}
	subs := []string{"vol", "no", "iss", "n", ":", "1x"}
	r := rand.New(rand.NewPCG(23, 24))
	for range 50000 {
		s := randomPieces(r, pieces)
		for _, sub := range subs {
			if got, want := containsFoldASCII(s, sub), containsFoldByte(s, sub); got != want {
				t.Fatalf("containsFoldASCII(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
}
