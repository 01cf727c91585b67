package inline

import "testing"

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
