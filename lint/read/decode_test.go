package read

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

// sniffBinaryByByte is sniffBinary's test of the first 8 KB a byte at a
// time: the reference the word-at-a-time scan is held to.
func sniffBinaryByByte(src []byte) string {
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		return ""
	}
	head := src[:min(len(src), 8192)]
	control := 0
	for _, c := range head {
		switch {
		case c == 0:
			return "file is binary"
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v', c == 0x7F:
			control++
		}
	}
	if control > len(head)/10 {
		return "file is binary"
	}
	return ""
}

func checkSniffBinary(t *testing.T, src []byte) {
	t.Helper()
	if bytes.HasPrefix(src, []byte("%PDF-")) || bytes.HasPrefix(src, []byte("PK\x03\x04")) ||
		bytes.HasPrefix(src, []byte("\xD0\xCF\x11\xE0")) || bytes.HasPrefix(src, []byte("\x89PNG")) ||
		bytes.HasPrefix(src, []byte("\xFF\xD8\xFF")) || bytes.HasPrefix(src, []byte("GIF8")) {
		return // decided by the magic number
	}
	if got, want := sniffBinary(src), sniffBinaryByByte(src); got != want {
		t.Fatalf("sniffBinary(%q) = %q, want %q", src, got, want)
	}
}

func TestSniffBinary(t *testing.T) {
	text := strings.Repeat("Plain “text”, with\ttabs and lines\r\n. ", 40)
	for _, src := range []string{
		"", "a", "\x00", "\x7f", "\x1f\x1f", text, text + "\x00", "\x00" + text,
		strings.Repeat("\x01bcdefghij", 100), strings.Repeat("\x01bcdefghijk", 100),
		strings.Repeat("\x7f\x80\x9f\xa0\xff ", 100), strings.Repeat("ab\x0e\x08", 60),
		strings.Repeat("x", 8190) + "\x00", strings.Repeat("x", 8192) + "\x00",
	} {
		checkSniffBinary(t, []byte(src))
	}
}

func TestControlMask(t *testing.T) {
	// Every byte value in every place of a word, among bytes that do and
	// do not need a look.
	for _, fill := range []byte{'a', 0x00, '\n', 0x7F, 0x80, 0xFF, 0x1F, 0x20} {
		for at := range 8 {
			for c := range 256 {
				w := bytes.Repeat([]byte{fill}, 8)
				w[at] = byte(c)
				want := false
				for _, b := range w {
					want = want || b < 0x20 || b == 0x7F
				}
				if got := controlMask(binary.LittleEndian.Uint64(w)) != 0; got != want {
					t.Fatalf("controlMask(%q) != 0 is %v", w, got)
				}
			}
		}
	}
}

func FuzzSniffBinary(f *testing.F) {
	fuzzBytes(f, checkSniffBinary, "", "text\n", "\x00\x01\x02", strings.Repeat("a\x01", 40))
}
