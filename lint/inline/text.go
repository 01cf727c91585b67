package inline

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint/internal/swar"
)

// The helpers below work on the essay's text with an ASCII fast path: most
// essays are mostly ASCII, and extraction runs over every byte of every
// essay in a batch.

// runeAt decodes the rune starting at byte i of s; at or past the end it
// returns a space so that callers treat the edge of a block as a word
// boundary. The ASCII case is small enough to be inlined at every call.
func runeAt(s string, i int) (r rune, n int) {
	if uint(i) < uint(len(s)) {
		if c := s[i]; c < utf8.RuneSelf {
			return rune(c), 1
		}
	}
	r, n = runeAtSlow(s, i)
	return
}

func runeAtSlow(s string, i int) (rune, int) {
	if i >= len(s) || i < 0 {
		return ' ', 0
	}
	// Curly quotation marks, dashes, the ellipsis (U+2000 to U+203F), « »
	// and the no-break space (U+0080 to U+00BF) are most of an essay's
	// characters beyond ASCII: decode them here, as utf8 would.
	switch s[i] {
	case 0xE2:
		if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			return 0x2000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
		}
	case 0xC2:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return rune(s[i+1]), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune ending just before byte i of s; at the start
// it returns a space.
func runeBefore(s string, i int) (r rune, n int) {
	if uint(i-1) < uint(len(s)) {
		if c := s[i-1]; c < utf8.RuneSelf {
			return rune(c), 1
		}
	}
	r, n = runeBeforeSlow(s, i)
	return
}

func runeBeforeSlow(s string, i int) (rune, int) {
	if i <= 0 || i > len(s) {
		return ' ', 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// Classes of ASCII bytes, for table lookups in place of comparisons; a
// byte of a multi-byte character has none.
const (
	classLetter = 1 << iota
	classDigit
	classSpace
	classUpper
	classLower
)

var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLetter | classLower
		t[c-'a'+'A'] = classLetter | classUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for _, c := range " \n\t\r\f\v" {
		t[c] = classSpace
	}
	return t
}()

func isLetter(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&classLetter != 0
	}
	return isLetterSlow(r)
}

func isLetterSlow(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isAlnum(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&(classLetter|classDigit) != 0
	}
	return isLetterSlow(r)
}

func isSpace(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&classSpace != 0
	}
	return r >= 0 && unicode.IsSpace(r)
}

func isUpper(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&classUpper != 0
	}
	return isUpperSlow(r)
}

func isUpperSlow(r rune) bool {
	return r >= 0 && (unicode.IsUpper(r) || unicode.IsTitle(r))
}

func isLower(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&classLower != 0
	}
	return isLowerSlow(r)
}

func isLowerSlow(r rune) bool { return r >= 0 && unicode.IsLower(r) }

// startsUpper reports whether the word begins with a capital letter.
func startsUpper(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return asciiClass[w[0]]&classUpper != 0
	}
	return startsUpperSlow(w)
}

func startsUpperSlow(w string) bool {
	r, _ := runeAt(w, 0)
	return isUpper(r)
}

// startsLower reports whether the word begins with a lower-case letter.
func startsLower(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return asciiClass[w[0]]&classLower != 0
	}
	return startsLowerSlow(w)
}

func startsLowerSlow(w string) bool {
	r, _ := runeAt(w, 0)
	return isLower(r)
}

// allUpper reports whether every letter of w is a capital and it has two
// or more letters: an acronym such as "USSR" or "APA".
func allUpper(w string) bool {
	n := 0
	for _, r := range w {
		if isLetter(r) {
			if !isUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// lower folds ASCII case without allocating when s is already lower case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// isApostrophe reports whether r can stand for an apostrophe.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' }

// countWords counts the words of s: runs of letters and digits, joined by
// an apostrophe, a hyphen or a dot standing between two of them
// ("Il’ia", "well-known", "U.S"). Punctuation and dashes separate words
// and are not words themselves.
func countWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// Among ASCII bytes other than ' - . a word starts at each
			// letter or digit after a byte that is none: count the starts
			// of eight bytes at once, up to the first byte that is not
			// such (no mark is false before it).
			x := swar.Load8(s, i)
			k := 8
			if other := (x | swar.BytesEqual(x, '\'') | swar.BytesEqual(x, '-') | swar.BytesEqual(x, '.')) & swar.HighBits; other != 0 {
				k = swar.FirstMarked(other)
			}
			if k > 0 {
				alnum := ^swar.NonAlnums(x) & swar.HighBits
				if k < 8 {
					alnum &= 1<<(8*k) - 1
				}
				var before uint64 // the high bit of the byte before the eight
				if in {
					before = 0x80
				}
				n += bits.OnesCount64(alnum &^ (alnum<<8 | before))
				in = alnum>>(8*k-1)&1 != 0
				i += k
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiClass[c]&(classLetter|classDigit) != 0 {
				if !in {
					n++
					in = true
				}
				// The rest of an ASCII run adds nothing.
				i = asciiAlnumEnd(s, i+1)
				continue
			}
			if in && (c == '\'' || c == '-' || c == '.') {
				next, _ := runeAt(s, i+1)
				in = isAlnum(next)
			} else {
				in = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isAlnum(r):
			if !in {
				n++
				in = true
			}
		case in && (isApostrophe(r) || r == '‐'):
			next, _ := runeAt(s, i+size)
			in = isAlnum(next)
		default:
			in = false
		}
		i += size
	}
	return n
}

// arena hands out short slices carved from one larger array, so that,
// say, the authors of many citations cost one allocation. Each slice's
// capacity ends with it: appending to one never writes into the next.
type arena[T any] struct{ buf []T }

// take returns a slice of n elements.
func (a *arena[T]) take(n int) []T {
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]T, 0, max(n, 32))
	}
	k := len(a.buf)
	a.buf = a.buf[:k+n]
	return a.buf[k : k+n : k+n]
}

// asciiAlnumEnd returns the offset of the first byte of s from i on that
// is not an ASCII letter or digit, or len(s), eight bytes at a time.
func asciiAlnumEnd(s string, i int) int {
	for i+8 <= len(s) {
		if m := swar.NonAlnums(swar.Load8(s, i)); m != 0 {
			return i + swar.FirstMarked(m)
		}
		i += 8
	}
	for i < len(s) && asciiClass[s[i]]&(classLetter|classDigit) != 0 {
		i++
	}
	return i
}

// token is a word or a punctuation mark of a short stretch of text (the
// inside of a parenthesis, a few words around a signal verb). Offsets are
// absolute offsets into the Document's Text.
type token struct {
	text       string
	start, end int
	// punct is the mark for a punctuation token, 0 for a word or quoted.
	punct rune
	// quoted marks a quoted title ("The Thaw") kept whole; text holds the
	// words inside the marks.
	quoted bool
}

func (t token) isWord() bool { return t.punct == 0 && !t.quoted && t.text != "" }

func (t token) is(p rune) bool { return t.punct == p }

// joins reports whether r may continue a word (see wordJoiner).
func joins(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '-', '‐', '‑', '.', '–', '—', ':', '/':
		return true
	}
	return false
}

// wordJoiner reports whether r, standing between a and b, continues a word:
// "O'Brien", "Smith-Jones", "n.d", "12–14", "3:16".
func wordJoiner(r, a, b rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '-', '‐', '‑':
		return isAlnum(a) && isAlnum(b)
	case '.':
		return isAlnum(a) && isAlnum(b)
	case '–', '—', ':', '/':
		return isDigit(a) && isDigit(b)
	}
	return false
}

// closingFor returns the closing mark of a quoted title opened by r.
func closingFor(r rune) (rune, bool) {
	switch r {
	case '“':
		return '”', true
	case '"':
		return '"', true
	case '«':
		return '»', true
	case '‘':
		return '’', true
	}
	return 0, false
}

// appendTokens appends the tokens of s, which stands at base in the Text,
// to toks. With quotes set, a quoted stretch becomes one quoted token.
func appendTokens(toks []token, s string, base int, quotes bool) []token {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			i += size
			continue
		}
		if isAlnum(r) {
			j := i + size
			prev := r
			for j < len(s) {
				c, n := rune(s[j]), 1
				if c < utf8.RuneSelf {
					if asciiClass[c]&(classLetter|classDigit) != 0 {
						prev = c
						j++
						continue
					}
				} else if c, n = utf8.DecodeRuneInString(s[j:]); isAlnum(c) {
					prev = c
					j += n
					continue
				}
				if j+n < len(s) && joins(c) {
					if next, _ := runeAt(s, j+n); wordJoiner(c, prev, next) {
						prev = c
						j += n
						continue
					}
				}
				break
			}
			toks = append(toks, token{text: s[i:j], start: base + i, end: base + j})
			i = j
			continue
		}
		if quotes {
			if closer, ok := closingFor(r); ok {
				if k := quoteEnd(s, i+size, closer); k >= 0 {
					cl := utf8.RuneLen(closer)
					toks = append(toks, token{text: s[i+size : k], start: base + i, end: base + k + cl, quoted: true})
					i = k + cl
					continue
				}
			}
		}
		toks = append(toks, token{text: s[i : i+size], start: base + i, end: base + i + size, punct: r})
		i += size
	}
	return toks
}

// quoteEnd finds the closing mark of a quoted title starting at from; a
// closing single quote counts only when no letter follows it (not
// "Stalin’s").
func quoteEnd(s string, from int, closer rune) int {
	for k := from; k < len(s); {
		c, n := runeAt(s, k)
		if c == closer {
			if closer != '’' {
				return k
			}
			if next, _ := runeAt(s, k+n); !isAlnum(next) {
				return k
			}
		}
		k += n
	}
	return -1
}

// skipSpaces returns the offset of the first byte of s from i on, before
// end, that does not start a space, or end.
func skipSpaces(s string, i, end int) int {
	for i < end {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiClass[c]&classSpace == 0 {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// trimSpace returns the range [start, end) of s less surrounding spaces.
func trimSpace(s string, start, end int) (int, int) {
	start = skipSpaces(s, start, end)
	for end > start {
		if c := s[end-1]; c < utf8.RuneSelf {
			if asciiClass[c]&classSpace == 0 {
				break
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// wordShapes turns most words away before a map lookup: it holds, for
// the first and last bytes of every word of a set (ASCII case ignored), a
// bit per length. A word of another shape is not in the set.
type wordShapes [32][32]uint32

// maxShape is the longest word a wordShapes holds.
const maxShape = 31

func (t *wordShapes) add(w string) {
	t[w[0]&31][w[len(w)-1]&31] |= 1 << len(w)
}

// may reports whether w, a non-empty word of at most maxShape bytes, has
// the shape of a word of the set.
func (t *wordShapes) may(w string) bool {
	return t[w[0]&31][w[len(w)-1]&31]&(1<<len(w)) != 0
}

// wordSet is an immutable set of lower-case ASCII words. Most words looked
// up are in none of the sets: their shapes turn them away before any
// hashing.
type wordSet struct {
	m      map[string]bool
	shapes wordShapes
}

// newWordSet builds a wordSet from a space-separated list.
func newWordSet(words string) *wordSet {
	s := &wordSet{m: make(map[string]bool)}
	for _, w := range strings.Fields(words) {
		if len(w) > maxShape || w[0] >= utf8.RuneSelf || strings.ToLower(w) != w {
			panic("inline: word sets hold short lower-case ASCII words: " + w)
		}
		s.m[w] = true
		s.shapes.add(w)
	}
	return s
}

// exact reports whether w, as written, is in the set.
func (s *wordSet) exact(w string) bool {
	if len(w) == 0 || len(w) > maxShape {
		return false // every word of the set is short
	}
	return s.shapes.may(w) && s.m[w]
}

// has reports whether w, its case folded, is in the set. It folds ASCII
// on the stack: the lookups run for every candidate word and must not
// allocate.
func (s *wordSet) has(w string) bool {
	if len(w) == 0 || len(w) > maxShape || w[0] >= utf8.RuneSelf {
		return s.m[strings.ToLower(w)]
	}
	if !s.shapes.may(w) {
		// Folding an all-ASCII word keeps its length and the shape of its
		// first and last bytes; a word with other letters is folded in
		// full.
		for i := 1; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return s.m[strings.ToLower(w)]
			}
		}
		return false
	}
	var buf [maxShape]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return s.m[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return s.m[string(buf[:len(w)])]
}

// isSpaceByte reports whether the byte c is ASCII white space; a byte of
// a multi-byte character never is.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}
