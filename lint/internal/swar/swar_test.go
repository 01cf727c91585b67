package swar

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isAlnum(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' }

// marks is the mark of each of x's bytes for which is holds, byte by byte.
func marks(x uint64, is func(byte) bool) uint64 {
	var m uint64
	for k := range 8 {
		if is(byte(x >> (8 * k))) {
			m |= 0x80 << (8 * k)
		}
	}
	return m
}

func TestHelpers(t *testing.T) {
	cases := []string{"abcdefgh", "Freeze, ", "12ab-Z@[", "`{z09:/A", "\x80\xff\xe2\x80\x9cxy ", "\x00\x7f\x40\x5b\x60\x7b\x2f\x3a"}
	for _, s := range cases {
		x := Load8(s, 0)
		for k := range 8 {
			assert.Equal(t, s[k], byte(x>>(8*k)), "%q byte %d", s, k)
		}
		assert.Equal(t, marks(x, func(c byte) bool { return !isLetter(c) }), NonLetters(x), "%q", s)
		assert.Equal(t, marks(x, func(c byte) bool { return !isAlnum(c) }), NonAlnums(x), "%q", s)
		for _, b := range []byte{'a', ',', ' ', 0x80, 0} {
			want := strings.IndexByte(s, b)
			if m := BytesEqual(x, b) & HighBits; want < 0 {
				assert.Zero(t, m, "%q %q", s, b)
			} else {
				assert.Equal(t, want, FirstMarked(m), "%q %q", s, b)
			}
		}
	}
	assert.Equal(t, Load8("ab      ", 0), LoadTail("xab", 1, 3))
	assert.Equal(t, uint64(0x2020202020202020), LoadTail("ab", 2, 2))
}

func FuzzHelpers(f *testing.F) {
	f.Add("Freeze argues, 1954", uint8(3))
	f.Fuzz(func(t *testing.T, s string, at uint8) {
		for len(s) < 8 {
			s += " "
		}
		x := Load8(s, 0)
		if got, want := NonLetters(x), marks(x, func(c byte) bool { return !isLetter(c) }); got != want {
			t.Fatalf("NonLetters(%q) = %x, want %x", s[:8], got, want)
		}
		if got, want := NonAlnums(x), marks(x, func(c byte) bool { return !isAlnum(c) }); got != want {
			t.Fatalf("NonAlnums(%q) = %x, want %x", s[:8], got, want)
		}
		b := s[int(at)%8]
		if got := FirstMarked(BytesEqual(x, b) & HighBits); got != strings.IndexByte(s[:8], b) {
			t.Fatalf("BytesEqual(%q, %q) first at %d", s[:8], b, got)
		}
		i := int(at) % 8
		if got, want := LoadTail(s, i, 8), Load8(s[i:8]+"        ", 0); got != want {
			t.Fatalf("LoadTail(%q, %d) = %x, want %x", s[:8], i, got, want)
		}
	})
}
