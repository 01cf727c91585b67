package lint

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "a", "abcdefg", "abcdefgh", "abcdefghi", "“Thaw”", strings.Repeat("x", 17) + "é" + strings.Repeat("y", 9),
		"\xff", "a\x80b", "\xe2\x80", "Ilʹia Ehrenburg’s “Ottepel’”", strings.Repeat("Жж", 20), "12345678\xf0\x9f\x98"} {
		if got, want := RuneCount([]byte(s)), utf8.RuneCount([]byte(s)); got != want {
			t.Errorf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzRuneCount(f *testing.F) {
	f.Add([]byte("“The Thaw,” 1954"))
	f.Add([]byte("abcdefgh\xffabcdefgh"))
	f.Fuzz(func(t *testing.T, p []byte) {
		if got, want := RuneCount(p), utf8.RuneCount(p); got != want {
			t.Fatalf("RuneCount(%q) = %d, want %d", p, got, want)
		}
	})
}

func TestPosition(t *testing.T) {
	src := []byte("one\n“two” three\r\nfour")
	ix := NewLineIndex(src)
	for _, tc := range []struct {
		off       int
		line, col int
	}{{0, 1, 1}, {3, 1, 4}, {4, 2, 1}, {strings.Index(string(src), "three"), 2, 7}, {len(src), 3, 5}, {-1, 1, 1}, {len(src) + 9, 3, 5}} {
		if p := ix.Position(tc.off); p.Line != tc.line || p.Column != tc.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tc.off, p.Line, p.Column, tc.line, tc.col)
		}
	}
}

// FuzzLineIndex holds NewLineIndex to its definition: a line starts at 0
// and after each "\n".
func FuzzLineIndex(f *testing.F) {
	f.Add([]byte("one\n“two” three\r\nfour"))
	f.Add([]byte("\n\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, src []byte) {
		want := []int{0}
		for i, b := range src {
			if b == '\n' {
				want = append(want, i+1)
			}
		}
		if got := NewLineIndex(src).lineStarts; !slices.Equal(got, want) {
			t.Fatalf("NewLineIndex(%q) starts lines at %v, want %v", src, got, want)
		}
	})
}
