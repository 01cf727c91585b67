package read

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkPlainRunEnd holds plainRunEnd to its contract, byte by byte: it
// stops on a word boundary, everything it passes is left as it is by
// collapsing (a byte that is not white space, or a single space after one
// and before another or the end), and where it stops before the last whole
// word, the next word holds something else.
func checkPlainRunEnd(t *testing.T, text string, i int) {
	t.Helper()
	kept := func(k int) bool {
		return !isSpaceByte(text[k]) ||
			text[k] == ' ' && !isSpaceByte(text[k-1]) && (k+1 == len(text) || !isSpaceByte(text[k+1]))
	}
	end := plainRunEnd(text, i)
	if end < i || (end-i)%8 != 0 || end > len(text) {
		t.Fatalf("plainRunEnd(%q, %d) = %d: not a whole number of words", text, i, end)
	}
	for k := i; k < end; k++ {
		if !kept(k) {
			t.Fatalf("plainRunEnd(%q, %d) = %d passes byte %d", text, i, end, k)
		}
	}
	if end+8 > len(text) {
		return
	}
	for k := end; k < end+8; k++ {
		if !kept(k) || text[k] < 0x0E {
			return
		}
	}
	t.Fatalf("plainRunEnd(%q, %d) = %d stops before a plain word", text, i, end)
}

func TestPlainRunEnd(t *testing.T) {
	for _, text := range []string{
		"x", "x12345678", "xone two three four five", "xone  two three four", "xone two\tthree four five",
		"xabcdefg hijklmn", "xabcdefgh ijklmn", "xabcdefg\n", "xabcdefg ", "xabcdefg  ", "xabcdefg \t", "x\u00a0no-break spaces\u00a0stay", "xnul\x00byte and more",
	} {
		checkPlainRunEnd(t, text, 1)
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "ab  \t\n\r\f\v\x00\x0e\x1f\x7f\xc2\xa0"
	for range 20000 {
		var sb strings.Builder
		sb.WriteByte('x')
		for range r.IntN(70) {
			sb.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		checkPlainRunEnd(t, sb.String(), 1)
	}
}

func FuzzPlainRunEnd(f *testing.F) {
	f.Add("xone two three four five six")
	f.Fuzz(func(t *testing.T, text string) {
		for i := 1; i < len(text); i++ {
			if !isSpaceByte(text[i-1]) {
				checkPlainRunEnd(t, text, i)
			}
		}
	})
}

// checkTrimSpace holds trimLeftSpace and trimRightSpace to the strings
// functions they stand in for.
func checkTrimSpace(t *testing.T, s string) {
	t.Helper()
	const cutset = " \t\n\r\f\v"
	if got, want := trimLeftSpace(s), strings.TrimLeft(s, cutset); got != want {
		t.Fatalf("trimLeftSpace(%q) = %q, want %q", s, got, want)
	}
	if got, want := trimRightSpace(s), strings.TrimRight(s, cutset); got != want {
		t.Fatalf("trimRightSpace(%q) = %q, want %q", s, got, want)
	}
}

func TestTrimSpace(t *testing.T) {
	for _, s := range []string{"", " ", "\t\n\r\f\v ", "a", " a ", "\v\fa b\r\n", "\u00a0a\u00a0", "\x00 a \x00", " \u2003a\u2003 ", "\x85a\x85"} {
		checkTrimSpace(t, s)
	}
}

func FuzzTrimSpace(f *testing.F) {
	f.Add(" \tword \n")
	f.Fuzz(checkTrimSpace)
}
