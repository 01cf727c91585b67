package read

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// decode and decodeUTF8 are what the readers did before openSource: the
// decoding it is held to.
func decode(src []byte) *source {
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		return decodeUTF8(src, 3)
	case len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF):
		return decodeUTF16(src, src[0] == 0xFF)
	}
	return decodeUTF8(src, 0)
}

func decodeUTF8(src []byte, base int) *source {
	body := src[base:]
	if utf8.Valid(body) {
		return &source{text: body, base: base}
	}
	return decodeWindows1252(src, base)
}

// sniffBinary is what the readers did before openSource, thirty-two bytes
// at a time: the sniffing it is held to, itself held to sniffBinaryByByte.
func sniffBinary(src []byte) string {
	if reason := sniffMagic(src); reason != "" {
		return reason
	}
	if isUTF16(src) {
		return ""
	}
	head := src[:min(len(src), 8192)]
	control := 0
	i := 0
	for ; i+32 <= len(head); i += 32 {
		w := head[i : i+32 : i+32]
		if controlMask(binary.LittleEndian.Uint64(w))|controlMask(binary.LittleEndian.Uint64(w[8:]))|
			controlMask(binary.LittleEndian.Uint64(w[16:]))|controlMask(binary.LittleEndian.Uint64(w[24:])) == 0 {
			continue
		}
		for k := 0; k < 32; k += 8 {
			if controlMask(binary.LittleEndian.Uint64(w[k:])) == 0 {
				continue
			}
			n, nul := countControl(w[k : k+8])
			if nul {
				return "file is binary"
			}
			control += n
		}
	}
	n, nul := countControl(head[i:])
	if nul {
		return "file is binary"
	}
	control += n
	if control > len(head)/10 {
		return "file is binary"
	}
	return ""
}

// countControl counts the control bytes in b that text does not hold
// (line breaks, tabs and form feeds aside), and says whether one is NUL.
func countControl(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		switch {
		case c == 0:
			return n, true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v', c == 0x7F:
			n++
		}
	}
	return n, false
}

// controlMask is not zero exactly when one of the eight bytes in x is below
// 0x20 or is 0x7F (see notPrintable, which also flags bytes of 0x80 and
// more).
func controlMask(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y := x ^ 0x7F*ones
	return ((x-0x20*ones)&^x | (y-ones)&^y) & highs
}

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

// checkOpenSource holds openSource to sniffBinary and decode, which it
// does in one pass.
func checkOpenSource(t *testing.T, src []byte) {
	t.Helper()
	got, reason := openSource(src)
	if want := sniffBinary(src); reason != want {
		t.Fatalf("openSource(%q) says %q, want %q", src, reason, want)
	}
	if reason != "" {
		require.Nil(t, got)
		return
	}
	want := decode(src)
	if !bytes.Equal(got.text, want.text) || got.base != want.base || !slices.Equal(got.off, want.off) || (got.off == nil) != (want.off == nil) {
		t.Fatalf("openSource(%q) = %+v, want %+v", src, *got, *want)
	}
	if !isUTF16(src) {
		if _, valid := sniffText(src); valid != utf8.Valid(src) {
			t.Fatalf("sniffText(%q) says valid is %v", src, valid)
		}
	}
}

func TestOpenSource(t *testing.T) {
	text := strings.Repeat("Plain “text”, with\ttabs and lines\r\n. ", 300)
	for _, src := range []string{
		"", "a", "\x00", "\x7f", "\x1f\x1f", "\xEF\xBB\xBF", "\xEF\xBB\xBFcaf\xe9", "\xFF\xFEH\x00i\x00", "\xFE\xFF\x00H",
		"%PDF-1.7", "GIF89a\x00", text, text + "\x00", "\x00" + text, text + "caf\xe9", text[:8190] + "\xe2\x80\x9c",
		text[:8191] + "\xe2\x80\x9c", text[:8189] + "\xe2\x80", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf0\x8f\xbf\xbf",
		"\xe0\x9f\xbf", "\xc1\xbf", "\xf5\x80\x80\x80", "\xf0\x90\x80\x80 ok", "1234567\xe2\x80\x9c1234567",
		strings.Repeat("\x01bcdefghij", 1000), strings.Repeat("\x01bcdefghijk", 1000),
		strings.Repeat("\x7f\x80\x9f\xa0\xff ", 100), strings.Repeat("ab\x0e\x08", 60),
		strings.Repeat("x", 8190) + "\x00", strings.Repeat("x", 8192) + "\x00", strings.Repeat("x", 8192) + "\x01\x01\xff",
	} {
		checkOpenSource(t, []byte(src))
	}
	// Every byte value at every place of a few words, among bytes that do
	// and do not need a look.
	for _, fill := range []byte{'a', 0x00, '\n', 0x7F, 0x80, 0xFF, 0x1F, 0x20, 0xC3} {
		for at := range 17 {
			for c := range 256 {
				w := bytes.Repeat([]byte{fill}, 40)
				w[at] = byte(c)
				checkOpenSource(t, w)
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := "ab \t\n\r\x00\x01\x0e\x1f\x7f\x80\xbf\xc2\xe2\xed\xf0\xf4\xff"
	for range 20000 {
		b := make([]byte, r.IntN(80))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		checkOpenSource(t, b)
	}
}

func FuzzOpenSource(f *testing.F) {
	fuzzBytes(f, checkOpenSource, "", "text\n", "\x00\x01\x02", strings.Repeat("a\x01", 40), "caf\xe9 “quoted”",
		"\xEF\xBB\xBFbom", "\xFF\xFEH\x00i\x00", strings.Repeat("“x” ", 3000)+"\xff")
}
