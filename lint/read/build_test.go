package read

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
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

// checkAddCollapsed holds addCollapsed, which passes over what stays as it
// is with plainRunEnd, to addCollapsed looking at every byte: the same
// pieces, at a block's start, after a space and after a word.
func checkAddCollapsed(t *testing.T, text string) {
	t.Helper()
	if text == "" {
		return
	}
	for _, before := range []string{"", " ", "word"} {
		for _, exact := range []bool{true, false} {
			span := lint.Span{Start: 100, End: 100 + len(text)}
			if !exact {
				span.End++
			}
			var got, want blockBuilder
			for _, b := range []*blockBuilder{&got, &want} {
				b.open, b.collapse = true, true
				if before != "" {
					b.push(before, lint.Span{Start: 0, End: len(before)}, false)
				}
			}
			got.addCollapsed(text, span, exact, false, true)
			want.addCollapsed(text, span, exact, false, false)
			if !slices.Equal(got.pieces, want.pieces) || got.n != want.n || got.lastSpace != want.lastSpace {
				t.Fatalf("addCollapsed(%q) after %q, exact %v: %+v, want %+v", text, before, exact, got.pieces, want.pieces)
			}
		}
	}
}

func TestAddCollapsed(t *testing.T) {
	for _, text := range []string{
		"x", " ", "  ", "one two", " one two ", "one  two", "one \ttwo", "one\ntwo", "one \n two", "one\r\n\r\ntwo  ",
		strings.Repeat("plain words here and there ", 10), strings.Repeat("word ", 20) + " \n" + strings.Repeat("word ", 20) + "  ",
		"\v\f lead" + strings.Repeat(" x", 40), strings.Repeat("x", 70) + " ", strings.Repeat("y ", 40) + "\u00a0end",
	} {
		checkAddCollapsed(t, text)
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := "abc   \t\n\r\f\v\x00"
	for range 5000 {
		var sb strings.Builder
		for range r.IntN(200) {
			sb.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		checkAddCollapsed(t, sb.String())
	}
}

func FuzzAddCollapsed(f *testing.F) {
	f.Add(strings.Repeat("plain words ", 8) + " \n more")
	f.Fuzz(checkAddCollapsed)
}
