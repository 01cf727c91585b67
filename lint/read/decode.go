package read

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/citelint/citelint/lint/internal/swar"
)

// ErrBinary is wrapped by the error a reader returns for a file that is not
// text at all (a PDF or a zip renamed, binary garbage), so that a caller can
// tell "this is not an essay" from a reader's failure.
var ErrBinary = errors.New("file is binary")

// source is an essay file decoded to UTF-8, with the map from each byte of
// the decoded text back to the original file. Readers parse text and record
// pieces in decoded offsets; the builder translates them at the end, so no
// parser needs to know about encodings.
type source struct {
	text []byte
	// off[i] is the original offset of text[i], with off[len(text)] the end
	// of the file. It is nil when text is a plain slice of the file
	// starting at base (UTF-8, perhaps after a byte-order mark).
	off  []int
	base int
}

// orig returns the original offset of decoded offset i.
func (s *source) orig(i int) int {
	if s.off == nil {
		return s.base + i
	}
	if i < 0 {
		return s.off[0]
	}
	if i >= len(s.off) {
		return s.off[len(s.off)-1]
	}
	return s.off[i]
}

// openSource sniffs src and decodes it in one: the reason src is not
// text (see sniffText), or src decoded to UTF-8. A UTF-8 byte-order mark
// is skipped; UTF-16 with a byte-order mark (Notepad's "Unicode") is
// decoded; bytes that are not valid UTF-8 are read as Windows-1252, the
// usual encoding of an old Word or Notepad export, one byte at a time so
// that a mostly-UTF-8 file with a stray byte keeps its other characters.
func openSource(src []byte) (*source, string) {
	if reason := sniffMagic(src); reason != "" {
		return nil, reason
	}
	if isUTF16(src) {
		// UTF-16 text is full of NUL bytes: it is not sniffed.
		return decodeUTF16(src, src[0] == 0xFF), ""
	}
	// One pass looks for control bytes and checks UTF-8, which a BOM
	// (itself valid UTF-8) does not change.
	reason, valid := sniffText(src)
	if reason != "" {
		return nil, reason
	}
	base := 0
	if bytes.HasPrefix(src, utf8BOM) {
		base = len(utf8BOM)
	}
	if valid {
		return &source{text: src[base:], base: base}, ""
	}
	return decodeWindows1252(src, base), ""
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func isUTF16(src []byte) bool {
	return len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF)
}

// decodeWindows1252 decodes src from base, which is not valid UTF-8, a
// character at a time: bytes that do not start a valid UTF-8 sequence are
// read as Windows-1252.
func decodeWindows1252(src []byte, base int) *source {
	body := src[base:]
	text := make([]byte, 0, len(body)+len(body)/8)
	off := make([]int, 0, cap(text)+1)
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size <= 1 {
			r = charmap.Windows1252.DecodeByte(body[i])
			size = 1
		}
		if r < utf8.RuneSelf {
			text = append(text, byte(r))
			off = append(off, base+i)
		} else if size > 1 && r != utf8.RuneError {
			// A valid multi-byte character: copied byte for byte.
			text = append(text, body[i:i+size]...)
			for k := range size {
				off = append(off, base+i+k)
			}
		} else {
			n := len(text)
			text = utf8.AppendRune(text, r)
			for range len(text) - n {
				off = append(off, base+i)
			}
		}
		i += size
	}
	off = append(off, len(src))
	return &source{text: text, off: off}
}

func decodeUTF16(src []byte, littleEndian bool) *source {
	text := make([]byte, 0, len(src))
	off := make([]int, 0, len(src)+1)
	unit := func(i int) uint16 {
		if littleEndian {
			return uint16(src[i]) | uint16(src[i+1])<<8
		}
		return uint16(src[i])<<8 | uint16(src[i+1])
	}
	for i := 2; i+1 < len(src); {
		r, size := rune(unit(i)), 2
		if utf16.IsSurrogate(r) && i+3 < len(src) {
			if pair := utf16.DecodeRune(r, rune(unit(i+2))); pair != utf8.RuneError {
				r, size = pair, 4
			}
		}
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
		}
		n := len(text)
		text = utf8.AppendRune(text, r)
		for range len(text) - n {
			off = append(off, i)
		}
		i += size
	}
	off = append(off, len(src))
	return &source{text: text, off: off}
}

// sniffMagic says why src is not text, going by the magic numbers of the
// files students most often upload under the wrong name, or "".
func sniffMagic(src []byte) string {
	for _, m := range []struct{ magic, what string }{
		{"%PDF-", "a PDF"},
		{"PK\x03\x04", "a zip archive (a .docx or .odt?)"},
		{"\xD0\xCF\x11\xE0", "an old Word document"},
		{"\x89PNG", "an image"},
		{"\xFF\xD8\xFF", "an image"},
		{"GIF8", "an image"},
	} {
		if bytes.HasPrefix(src, []byte(m.magic)) {
			return "file is " + m.what
		}
	}
	return ""
}

// sniffHead is how much of a file sniffText looks at for control bytes.
const sniffHead = 8192

// sniffText says why src, which is not UTF-16, is not text ("" when it may
// be): a NUL byte in its first 8 KB, or more than one byte in ten there a
// control byte that text does not hold (tabs, line breaks, form feeds
// aside). It also reports whether src is valid UTF-8, which the same pass
// checks.
//
// Words of eight bytes that are all printable ASCII are passed over four
// at a time; only the words that hold another byte (a line break, a
// curly quotation mark) are looked at further.
func sniffText(src []byte) (string, bool) {
	s := textSniffer{src: src}
	head := min(len(src), sniffHead)
	i := 0
	for ; i+32 <= head; i += 32 {
		w := src[i : i+32 : i+32]
		x0, x1 := binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[8:])
		x2, x3 := binary.LittleEndian.Uint64(w[16:]), binary.LittleEndian.Uint64(w[24:])
		n0, n1, n2, n3 := notPrintable(x0), notPrintable(x1), notPrintable(x2), notPrintable(x3)
		if n0|n1|n2|n3 == 0 {
			continue
		}
		if n0 != 0 {
			s.headWord(i, x0)
		}
		if n1 != 0 {
			s.headWord(i+8, x1)
		}
		if n2 != 0 {
			s.headWord(i+16, x2)
		}
		if n3 != 0 {
			s.headWord(i+24, x3)
		}
	}
	for ; i+8 <= head; i += 8 {
		s.headWord(i, binary.LittleEndian.Uint64(src[i:]))
	}
	if i < head {
		// The last few bytes, padded with spaces.
		s.headWord(i, tailWord(src[i:]))
		i = head
	}
	if s.nul || s.control > head/10 {
		return "file is binary", false
	}
	// Past the head only UTF-8 is checked.
	for ; i+32 <= len(src) && !s.invalid; i += 32 {
		w := src[i : i+32 : i+32]
		x0, x1 := binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[8:])
		x2, x3 := binary.LittleEndian.Uint64(w[16:]), binary.LittleEndian.Uint64(w[24:])
		if (x0|x1|x2|x3)&swar.HighBits == 0 {
			continue
		}
		s.utf8Word(i, x0)
		s.utf8Word(i+8, x1)
		s.utf8Word(i+16, x2)
		s.utf8Word(i+24, x3)
	}
	for ; i+8 <= len(src) && !s.invalid; i += 8 {
		s.utf8Word(i, binary.LittleEndian.Uint64(src[i:]))
	}
	if i < len(src) && !s.invalid {
		s.utf8Word(i, tailWord(src[i:]))
	}
	return "", !s.invalid
}

// tailWord is the last bytes of a file, fewer than eight, as a word
// padded with spaces.
func tailWord(b []byte) uint64 {
	w := [8]byte{' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '}
	copy(w[:], b)
	return binary.LittleEndian.Uint64(w[:])
}

// notPrintable is not zero exactly when one of the eight bytes in x is not
// printable ASCII (0x20 to 0x7E). A byte of 0x80 or more is flagged by its
// own high bit. Without one, nothing carries: adding one to each byte sets
// the high bit of 0x7F alone, and taking 0x20 from each borrows, setting
// the high bit, first at the lowest byte below 0x20.
func notPrintable(x uint64) uint64 {
	return (x | (x + swar.LowBits) | (x - 0x20*swar.LowBits)) & swar.HighBits
}

// textSniffer is the state of sniffText's pass.
type textSniffer struct {
	src []byte
	// control counts the control bytes in the head that text does not
	// hold; nul says whether one is NUL.
	control int
	nul     bool
	// valid is the end of the UTF-8 checked so far; invalid says a byte
	// sequence was not UTF-8, after which UTF-8 is no longer checked.
	valid   int
	invalid bool
}

// headWord looks at the word x of the head at offset i: its control bytes
// and its UTF-8.
func (s *textSniffer) headWord(i int, x uint64) {
	ascii := swar.HighBits &^ x // the high bit of each ASCII byte
	lo := x &^ swar.HighBits
	// at(n) has the high bit of each byte whose low seven bits are n or
	// more: exact, as adding at most 0x7F to seven bits cannot carry.
	at := func(n uint64) uint64 { return (lo + (0x80-n)*swar.LowBits) & swar.HighBits }
	if (^at(0x20)|at(0x7F))&ascii != 0 {
		// Below 0x20 but for 0x09-0x0D (tab, line breaks, vertical tab,
		// form feed), or 0x7F.
		control := (^at(0x20)&^(at(0x09)&^at(0x0E)) | at(0x7F)) & ascii
		s.control += bits.OnesCount64(control)
		s.nul = s.nul || ^at(0x01)&ascii != 0
	}
	if ascii != swar.HighBits {
		s.utf8Word(i, x)
	}
}

// utf8Word checks the UTF-8 sequences that start in the word x at offset
// i (they may run on past it); their other bytes have been checked with
// the sequence before.
func (s *textSniffer) utf8Word(i int, x uint64) {
	multi := x & swar.HighBits
	if multi == 0 || s.invalid {
		return
	}
	for {
		// Bytes before s.valid belong to a sequence checked already.
		if d := s.valid - i; d > 0 {
			if d >= 8 {
				return
			}
			multi &^= 1<<(8*d) - 1
		}
		if multi == 0 {
			return
		}
		k := i + bits.TrailingZeros64(multi)>>3
		// Most are two or three bytes long with no exception to their
		// continuation bytes' range: "é", a curly quotation mark, a dash.
		var n int
		if c := s.src[k]; 0xC2 <= c && c <= 0xEC && c != 0xE0 && k+2 < len(s.src) && s.src[k+1]&0xC0 == 0x80 {
			if c < 0xE0 {
				n = 2
			} else if s.src[k+2]&0xC0 == 0x80 {
				n = 3
			}
		}
		if n == 0 {
			n = utf8SequenceLen(s.src, k)
		}
		if n == 0 {
			s.invalid = true
			return
		}
		s.valid = k + n
	}
}

// utf8SequenceLen returns the length of the valid UTF-8 sequence of more
// than one byte that starts at p[k], or 0 when none does, by the rules
// utf8.Valid applies (no overlong forms, surrogates or code points past
// U+10FFFF).
func utf8SequenceLen(p []byte, k int) int {
	c := p[k]
	cont := func(j int) bool { return j < len(p) && p[j]&0xC0 == 0x80 }
	switch {
	case c < 0xC2:
		return 0
	case c < 0xE0:
		if cont(k + 1) {
			return 2
		}
	case c < 0xF0:
		if !cont(k+1) || c == 0xE0 && p[k+1] < 0xA0 || c == 0xED && p[k+1] > 0x9F {
			return 0
		}
		if cont(k + 2) {
			return 3
		}
	case c < 0xF5:
		if !cont(k+1) || c == 0xF0 && p[k+1] < 0x90 || c == 0xF4 && p[k+1] > 0x8F {
			return 0
		}
		if cont(k+2) && cont(k+3) {
			return 4
		}
	}
	return 0
}

// notReadable builds the error for a file that is not the format its name
// says: "essay.html: file is binary, not HTML". It wraps ErrBinary.
func notReadable(path, reason, format string) error {
	return &notFormatError{path: path, reason: reason, format: format}
}

type notFormatError struct{ path, reason, format string }

func (e *notFormatError) Error() string {
	return e.path + ": " + e.reason + ", not " + e.format
}

func (e *notFormatError) Unwrap() error { return ErrBinary }
