// Package locate finds quotations in the text of their sources: it folds
// the differences that do not change what a quotation says (case, quote
// marks, dashes, whitespace, line-break hyphenation), indexes a source once
// so that a quotation is found in a book-length text in well under a
// millisecond, reports how a near miss differs from the source word by word,
// finds prose copied without quotation marks, and weighs the distinctive
// terms of a passage against a source's.
//
// Everything works on words: punctuation never decides whether a quotation
// is in its source, because students change it at the edges of a quotation
// as a matter of course ("stuck," for "stuck.").
package locate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one word of a text after normalisation, with where it stands.
type Token struct {
	// Word is the folded word: lower case, accents and compatibility forms
	// (ligatures, full-width letters) decomposed and dropped, apostrophes
	// and soft hyphens removed, a word hyphenated across a line break
	// joined.
	Word string
	// Start and End are the byte offsets of the word in the original text;
	// a word hyphenated across a line break spans both of its parts.
	Start, End int
}

// Normalize splits text into folded words, each with the byte range it
// came from. Quotation marks, dashes of every kind (- ‐ ‑ – — ―), and other
// punctuation separate words; runs of whitespace count as one separator;
// apostrophes inside a word are dropped, so that curly and straight ones
// fold alike ("Stalin’s" and "Stalin's" are both "stalins"); soft hyphens
// and zero-width joiners vanish; and a hyphen at the end of a line joins
// the word's two halves ("cul-\nture" is "culture") unless both halves are
// English words and their join is not ("well-\nknown" stays two words).
func Normalize(text string) []Token {
	var out []Token
	sc := scanner{text: text}
	for {
		word, start, end, ok := sc.next()
		if !ok {
			return out
		}
		out = append(out, Token{Word: string(word), Start: start, End: end})
	}
}

// Fold returns the folded words of text joined by single spaces: two texts
// that fold alike say the same words.
func Fold(text string) string {
	var b strings.Builder
	sc := scanner{text: text}
	for {
		word, _, _, ok := sc.next()
		if !ok {
			return b.String()
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(word)
	}
}

// Byte classes of the ASCII fast path.
const (
	classSep = iota
	classWord
	classUpper
	classApostrophe
	classHyphen
	classBracket
	classOther // not ASCII: decode the rune
)

// asciiClass classifies every byte value; bytes from 0x80 up start or
// continue a multi-byte rune.
var asciiClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 0x80:
			t[c] = classOther
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			t[c] = classWord
		case c >= 'A' && c <= 'Z':
			t[c] = classUpper
		case c == '\'' || c == '`':
			t[c] = classApostrophe
		case c == '-':
			t[c] = classHyphen
		case c == '[' || c == ']':
			t[c] = classBracket
		default:
			t[c] = classSep
		}
	}
	return t
}()

// scanner walks a text word by word. It folds each word into buf, which
// the caller may read until the next call: the index looks words up without
// making a string of each.
type scanner struct {
	text string
	pos  int
	// brackets makes "[" and "]" inside a word vanish, as in a quotation's
	// "[t]he" or "cultur[e]": the bracketed letters are the student's, the
	// word is the source's.
	brackets bool
	buf      []byte
	scratch  []byte
}

// next returns the next word, folded, and its byte range.
func (s *scanner) next() (word []byte, start, end int, ok bool) {
	for {
		if !s.skipToWord() {
			return nil, 0, 0, false
		}
		start = s.pos
		end = s.readWord()
		if len(s.buf) > 0 {
			return s.buf, start, end, true
		}
		// A word of marks alone folds to nothing; look further.
		if s.pos <= start {
			s.pos = start + 1
		}
	}
}

// skipToWord moves past separators to the first character of a word.
func (s *scanner) skipToWord() bool {
	for s.pos < len(s.text) {
		c := s.text[s.pos]
		switch asciiClass[c] {
		case classWord, classUpper:
			return true
		case classOther:
			r, size := utf8.DecodeRuneInString(s.text[s.pos:])
			if isWordRune(r) {
				return true
			}
			s.pos += size
		default:
			s.pos++
		}
	}
	return false
}

// readWord folds the word at s.pos into s.buf, moves past it and returns
// the end offset of its last character.
func (s *scanner) readWord() (end int) {
	s.buf = s.buf[:0]
	text := s.text
	for s.pos < len(text) {
		c := text[s.pos]
		switch asciiClass[c] {
		case classWord:
			s.buf = append(s.buf, c)
			s.pos++
			end = s.pos
			continue
		case classUpper:
			s.buf = append(s.buf, c+('a'-'A'))
			s.pos++
			end = s.pos
			continue
		case classApostrophe:
			if s.letterAt(s.pos + 1) {
				s.pos++
				continue
			}
			return end
		case classHyphen:
			if s.lineBreakHyphen(s.pos, 1) {
				continue
			}
			return end
		case classBracket:
			if s.brackets && s.wordAt(s.pos+1) {
				s.pos++
				continue
			}
			return end
		case classSep:
			return end
		}
		r, size := utf8.DecodeRuneInString(text[s.pos:])
		switch {
		case isWordRune(r):
			s.foldRune(r)
			s.pos += size
			end = s.pos
		case isIgnorable(r):
			s.pos += size
		case isApostrophe(r):
			if s.letterAt(s.pos + size) {
				s.pos += size
				continue
			}
			return end
		case r == '\u2010' || r == '\u2011':
			if s.lineBreakHyphen(s.pos, size) {
				continue
			}
			return end
		default:
			return end
		}
	}
	return end
}

// lineBreakHyphen decides a hyphen at text[at:at+size] inside a word. When
// only whitespace and one line break stand between it and a lower-case
// letter, the word was hyphenated to fit a line: unless both halves are
// English words whose join is not ("well-\nknown"), the halves are one word
// ("cul-\nture"), the scanner moves to the second half and the result is
// true. Anything else ends the word.
func (s *scanner) lineBreakHyphen(at, size int) bool {
	text := s.text
	i := at + size
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i < len(text) && text[i] == '\r' {
		i++
	}
	if i >= len(text) || text[i] != '\n' {
		return false
	}
	i++
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsLower(r) {
		return false
	}
	first := string(s.buf)
	rest := scanner{text: text, pos: i}
	rest.readLetters()
	second := string(rest.buf)
	if knownWord(first) && knownWord(second) && !knownWord(first+second) {
		return false
	}
	s.pos = i
	return true
}

// readLetters folds the run of letters at s.pos into s.buf: the second half
// of a hyphenated word, looked at before deciding whether to join it.
func (s *scanner) readLetters() {
	s.buf = s.buf[:0]
	for s.pos < len(s.text) {
		r, size := utf8.DecodeRuneInString(s.text[s.pos:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return
		}
		s.foldRune(r)
		s.pos += size
	}
}

// letterAt reports whether a letter or digit starts at byte i: an
// apostrophe followed by one is inside a word ("Il'ia", "don't").
func (s *scanner) letterAt(i int) bool {
	if i >= len(s.text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordAt reports whether a word character, possibly after more brackets,
// starts at byte i.
func (s *scanner) wordAt(i int) bool {
	for i < len(s.text) && (s.text[i] == '[' || s.text[i] == ']') {
		i++
	}
	if i >= len(s.text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.text[i:])
	return isWordRune(r)
}

// foldRune appends the folded form of a non-ASCII word character: lower
// case, compatibility decomposition (ligatures, full-width and superscript
// forms), accents dropped. Only letters and digits are kept, so that folding
// folded text changes nothing.
func (s *scanner) foldRune(r rune) {
	if r < utf8.RuneSelf {
		s.buf = append(s.buf, byte(unicode.ToLower(r)))
		return
	}
	var enc [utf8.UTFMax]byte
	n := utf8.EncodeRune(enc[:], unicode.ToLower(r))
	s.scratch = norm.NFKD.Append(s.scratch[:0], enc[:n]...)
	for _, d := range string(s.scratch) {
		if !isWordRune(d) || unicode.IsMark(d) {
			continue
		}
		d = unicode.ToLower(d)
		switch {
		case d < utf8.RuneSelf:
			s.buf = append(s.buf, byte(d))
		case foldSpecial[d] != "":
			s.buf = append(s.buf, foldSpecial[d]...)
		default:
			s.buf = utf8.AppendRune(s.buf, d)
		}
	}
}

// foldSpecial spells out the lower-case letters that compatibility
// decomposition leaves whole but English writing replaces ("Straße",
// "Łódź", "Ærø"). It applies after decomposition, so "ǿ" folds like "ø".
var foldSpecial = map[rune]string{
	'ß': "ss", 'ł': "l", 'ø': "o", 'đ': "d", 'æ': "ae", 'œ': "oe", 'ı': "i", 'ς': "σ", 'ŀ': "l", 'þ': "th",
}

// isWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark (an accent written as a separate code point).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == classWord || asciiClass[r] == classUpper
	}
	if r == utf8.RuneError || r == '\u02bc' || r == '\u02b9' {
		// The modifier letters apostrophe and prime are letters to
		// Unicode but apostrophes to writers ("Ilʼia").
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isIgnorable reports whether r vanishes inside a word: the soft hyphen, which
// marks where a word may break, and zero-width joiners and marks that pages
// and PDFs scatter through words.
func isIgnorable(r rune) bool {
	switch r {
	case '\u00ad', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200b':
		return true
	}
	return false
}

// isApostrophe reports whether r is written as an apostrophe: straight,
// curly, the modifier letter, the prime and the grave accent all serve.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u2032', '`', '\u02b9':
		return true
	}
	return false
}
