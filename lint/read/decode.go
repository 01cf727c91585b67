package read

import (
	"bytes"
	"encoding/binary"
	"errors"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
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

// decode turns src into UTF-8. A UTF-8 byte-order mark is skipped; UTF-16
// with a byte-order mark (Notepad's "Unicode") is decoded; bytes that are not
// valid UTF-8 are read as Windows-1252, the usual encoding of an old Word or
// Notepad export, one byte at a time so that a mostly-UTF-8 file with a stray
// byte keeps its other characters.
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

// sniffBinary says why src is not text, or "" when it may be. It looks at
// the magic numbers of the files students most often upload under the
// wrong name, and at NUL and control bytes in the first 8 KB.
func sniffBinary(src []byte) string {
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
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		return "" // UTF-16 text is full of NUL bytes
	}
	head := src[:min(len(src), 8192)]
	control := 0
	// Thirty-two bytes at a time: most stretches of text hold no control
	// byte, and those that do are looked at byte by byte only in the
	// eight-byte words that hold one (a line break, a tab).
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
// 0x20 or is 0x7F. A byte below 0x20 borrows when 0x20 is taken from it,
// which sets its high bit; "&^ x" discards the high bit of bytes at 0x80 and
// above, which were set to start with. The lowest such byte is always
// flagged, and without one nothing borrows, so the answer is exact though
// which bytes are flagged above the lowest is not. 0x7F is found the same
// way as a zero byte of x ^ 0x7F….
func controlMask(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y := x ^ 0x7F*ones
	return ((x-0x20*ones)&^x | (y-ones)&^y) & highs
}
