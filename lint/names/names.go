// Package names compares personal and group names the way matching needs:
// case, accents, apostrophes and particle spelling folded, common
// romanisation variants made equal, and near misses measured.
package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// particles are the lower-case prefixes that belong to a family name.
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "da": true, "das": true, "do": true,
	"dos": true, "del": true, "della": true, "di": true, "du": true, "des": true, "la": true, "le": true,
	"al": true, "el": true, "bin": true, "ibn": true, "ben": true, "ter": true, "ten": true, "zu": true,
	"af": true, "av": true, "st": true, "y": true,
}

// IsParticle reports whether w (any case, "al-" with or without its hyphen)
// is a name particle.
func IsParticle(w string) bool {
	w = strings.TrimSuffix(strings.ToLower(w), "-")
	return particles[w]
}

// Fold lowers s, removes accents, apostrophes and punctuation, and turns
// runs of spaces and hyphens into single spaces: "Von  Géldern" and
// "von Geldern" fold alike, and "Il'ia" folds to "ilia".
func Fold(s string) string {
	if folded(s) {
		return s
	}
	var buf [128]byte
	if isASCII(s) {
		return string(appendFoldASCII(buf[:0], s))
	}
	if plain, ok := withoutCurlyApostrophes(buf[:0], s); ok {
		return string(appendFoldASCII(plain[len(plain):], string(plain)))
	}
	return foldUnicode(s)
}

// AppendFold appends Fold(s) to dst: callers that fold many words into
// one buffer are spared a string for each.
func AppendFold(dst []byte, s string) []byte {
	if isASCII(s) {
		return appendFoldASCII(dst, s)
	}
	var buf [128]byte
	if plain, ok := withoutCurlyApostrophes(buf[:0], s); ok {
		return appendFoldASCII(dst, string(plain))
	}
	return append(dst, foldUnicode(s)...)
}

// withoutCurlyApostrophes appends s to dst without its curly apostrophes
// (’ and ‘, which Fold drops as it drops '), and reports whether what is
// left is ASCII: "O’Brien’s" is then folded as "OBriens" is, without
// taking it apart for accents first. Typed apostrophes are curly in most
// essays.
func withoutCurlyApostrophes(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			continue
		}
		if c != 0xe2 || i+2 >= len(s) || s[i+1] != 0x80 || s[i+2] != 0x98 && s[i+2] != 0x99 {
			return dst, false
		}
		i += 2
	}
	return dst, true
}

// foldUnicode is Fold for any text: accents are taken apart and dropped.
func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII, most of any text: as appendFoldASCII does it.
			switch c := byte(r); {
			case c == '\'' || c == '`':
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			default:
				space = true
			}
			continue
		}
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == 'ʹ' || r == '`':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(foldLetter(r)))
		default:
			space = true
		}
	}
	return b.String()
}

// foldLetter maps letters that NFD does not decompose.
func foldLetter(r rune) rune {
	switch r {
	case 'ł', 'Ł':
		return 'l'
	case 'ø', 'Ø':
		return 'o'
	case 'đ', 'Đ':
		return 'd'
	case 'ß':
		return 's'
	case 'ı':
		return 'i'
	}
	return r
}

// romanised lists the romanisation variants evened out, each spelling
// followed by what it becomes: two letters become one or two, one letter
// one.
var romanised = []string{
	"kh", "h", "zh", "j", "ya", "ia", "yu", "iu", "ou", "u", "ye", "e", "iy", "i", "yi", "i",
	"eh", "e", "ks", "x", "ck", "k", "ph", "f", "j", "i", "w", "v", "ts", "c", "tz", "c",
}

// romanisation evens out spelling variants of transliterated names. It is
// built once and only read.
var romanisation = strings.NewReplacer(romanised...)

// Key folds a family name for comparison and evens out the romanisation
// variants students meet in Russian, Ukrainian and Arabic names (ia/ya,
// ye/e, kh/h, -sky/-ski, ou/u, j/y), so that Ehrenburg and Erenburg, Il'ia
// and Ilya share a key.
func Key(s string) string {
	if isASCII(s) {
		var buf [64]byte
		return string(appendKeyASCII(buf[:0], s))
	}
	return keyOf(s)
}

// AppendKey appends Key(s) to dst. Comparing keys in a reused buffer costs
// no allocation: matching keys every capitalised word of an essay.
func AppendKey(dst []byte, s string) []byte {
	if !isASCII(s) {
		return append(dst, keyOf(s)...)
	}
	return appendKeyASCII(dst, s)
}

// appendKeyASCII is AppendKey for ASCII s. The romanisation never
// lengthens a word (two letters become one or two, one letter one), so the
// key is never longer than s: dst grows once and is written by index.
// Most names ("Fitzpatrick", "Smith-Jones") are keyed straight from s; one
// with an apostrophe or stray separators is folded first.
func appendKeyASCII(dst []byte, s string) []byte {
	start := len(dst)
	dst = slices.Grow(dst, len(s))
	out := dst[start : start+len(s)]
	n, ok := romanise(out, s)
	if !ok {
		var fb [64]byte
		n, _ = romanise(out, appendFoldASCII(fb[:0], s))
	}
	return dst[:start+n]
}

// romanise writes the key of src to out and returns its length: each word
// romanised, then its ending evened out and its doubled letters collapsed
// (endKeyWord), as keyOf does, the words joined by single spaces. Letters
// are lowered as they are read, and any byte that Fold turns into a space
// ends a word, so that src folds as it is read; when it does not fold so
// (an apostrophe, which Fold drops, or a separator first, last or after
// another) romanise reports false, and src must be folded first.
func romanise[T string | []byte](out []byte, src T) (n int, ok bool) {
	word := 0 // where the word being written starts
	for i := 0; i < len(src); {
		c := asciiFold[src[i]]
		if c <= foldDrop {
			if c == foldDrop || n == word || i+1 == len(src) {
				return 0, false
			}
			n = endKeyWord(out, word, n)
			out[n] = ' '
			n++
			word = n
			i++
			continue
		}
		if row := romanLead[c]; row != 0 && i+1 < len(src) {
			// asciiFold holds only bytes below 0x80.
			if r := romanPairs[(row-1)&15][asciiFold[src[i+1]]&0x7f]; r != 0 {
				out[n] = byte(r)
				n++
				if r>>8 != 0 {
					out[n] = byte(r >> 8)
					n++
				}
				i += 2
				continue
			}
		}
		out[n] = romanSingle[c]
		n++
		i++
	}
	return endKeyWord(out, word, n), true
}

// endKeyWord evens out the ending of the romanised word out[word:n] ("-ii"
// dropped, "-y" made "-i", "-sky" and "-ski" made "-sk") and collapses its
// doubled letters, and returns the word's new end.
func endKeyWord(out []byte, word, n int) int {
	if n-word >= 2 && out[n-2] == 'i' && out[n-1] == 'i' {
		n -= 2
	}
	if n-word >= 1 && out[n-1] == 'y' {
		out[n-1] = 'i'
	}
	if n-word >= 3 && out[n-3] == 's' && out[n-2] == 'k' && (out[n-1] == 'i' || out[n-1] == 'y') {
		n--
	}
	w := out[word:n]
	if len(w) == 0 {
		return n
	}
	k, last := 1, w[0]
	for _, c := range w[1:] {
		if c != last {
			w[k] = c
			k++
			last = c
		}
	}
	return word + k
}

// appendFoldASCII appends Fold(s) for ASCII s: apostrophes vanish, letters
// are lowered, and runs of anything else become one space between words.
// The folded text is never longer than s, so dst grows once and is written
// by index.
func appendFoldASCII(dst []byte, s string) []byte {
	start := len(dst)
	dst = slices.Grow(dst, len(s))
	out := dst[start : start+len(s)]
	n := 0
	for i := 0; i < len(s); i++ {
		c := asciiFold[s[i]]
		if c > foldDrop {
			// Letters and digits, most bytes, are tested first.
			out[n] = c
			n++
		} else if c == foldSpace && n > 0 && out[n-1] != ' ' {
			// The first separator after a word stands for the run; a
			// space left at the end is dropped below.
			out[n] = ' '
			n++
		}
	}
	if n > 0 && out[n-1] == ' ' {
		n--
	}
	return dst[:start+n]
}

// What asciiFold holds for the bytes that are not kept as letters.
const (
	foldSpace = 0 // separates words
	foldDrop  = 1 // vanishes: an apostrophe
)

// asciiFold is what appendFoldASCII makes of each byte: a letter or digit
// lowered, foldDrop or foldSpace.
var asciiFold = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case c == '\'' || c == '`':
			t[c] = foldDrop
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// romanLead is, for each letter that begins one of romanised's pairs,
// one more than the index of its row of romanPairs, and 0 for every other
// byte. romanPairs holds, for a first letter and any ASCII second byte,
// the replacement of the pair, its first letter in the low byte and its
// second, if any, in the high one, or 0 where the pair is not replaced.
// romanSingle is what a byte of a folded word becomes when it begins no
// replaced pair: "j" → "i", "w" → "v", any other byte itself. Nine letters
// begin pairs; romanPairs is an array, of room for sixteen, so that a
// look-up needs no bounds check.
var romanLead, romanPairs, romanSingle = func() (lead [256]byte, rows [16][128]uint16, single [256]byte) {
	for c := range 256 {
		single[c] = byte(c)
	}
	used := byte(0) // rows used
	for k := 0; k < len(romanised); k += 2 {
		from, to := romanised[k], romanised[k+1]
		if len(from) == 1 {
			single[from[0]] = to[0]
			continue
		}
		a, b := from[0], from[1]
		if lead[a] == 0 {
			used++
			lead[a] = used
		}
		r := uint16(to[0])
		if len(to) > 1 {
			r |= uint16(to[1]) << 8
		}
		rows[lead[a]-1][b] = r
	}
	return lead, rows, single
}()

// keyOf is Key for any text, accents and all.
func keyOf(s string) string {
	f := Fold(s)
	if f == "" {
		return f
	}
	parts := strings.Fields(f)
	for i, p := range parts {
		p = romanisation.Replace(p)
		p = strings.TrimSuffix(p, "ii")
		if strings.HasSuffix(p, "y") {
			p = p[:len(p)-1] + "i"
		}
		if strings.HasSuffix(p, "ski") || strings.HasSuffix(p, "sky") {
			p = p[:len(p)-1]
		}
		parts[i] = collapseDoubles(p)
	}
	return strings.Join(parts, " ")
}

func collapseDoubles(s string) string {
	b := []byte(s)
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// StripParticles drops leading particles from a folded name:
// "von geldern" → "geldern", "al hakim" → "hakim".
func StripParticles(folded string) string {
	parts := strings.Fields(folded)
	for len(parts) > 1 && particles[parts[0]] {
		parts = parts[1:]
	}
	return strings.Join(parts, " ")
}

// SameFamily reports whether two family names are the same name, folding
// case, accents, apostrophes, particle capitals and romanisation variants.
// A dropped particle is not the same name ("Geldern" is a near miss for
// "von Geldern"); see Near.
func SameFamily(a, b string) bool {
	ka, kb := Key(a), Key(b)
	return ka != "" && ka == kb
}

// Near reports whether a is a near miss for b: the same name with a
// particle dropped or added, or within a small edit distance.
func Near(a, b string) bool {
	fa, fb := Fold(a), Fold(b)
	if fa == "" || fb == "" || fa == fb {
		return false
	}
	if StripParticles(fa) == StripParticles(fb) {
		return true
	}
	ka, kb := Key(a), Key(b)
	limit := 1
	if min(len(ka), len(kb)) >= 6 {
		limit = 2
	}
	if min(len(ka), len(kb)) < 4 {
		return false
	}
	return Distance(ka, kb) <= limit
}

// Distance is the Levenshtein edit distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Initials returns the upper-case initials of a group name's significant
// words: "American Psychological Association" → "APA".
func Initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "the" || lw == "and" || lw == "for" || lw == "&" || lw == "on" || lw == "in" {
			continue
		}
		if dotted(w) {
			// "U.S." stands for two words.
			b.WriteString(strings.ToUpper(strings.ReplaceAll(w, ".", "")))
			continue
		}
		for _, r := range w {
			if unicode.IsLetter(r) {
				b.WriteRune(unicode.ToUpper(r))
				break
			}
		}
	}
	return b.String()
}

// dotted reports whether w is an abbreviation of single letters and dots.
func dotted(w string) bool {
	letters := 0
	for i, r := range w {
		switch {
		case r == '.':
		case unicode.IsLetter(r) && (i+1 == len(w) || w[i+1] == '.'):
			letters++
		default:
			return false
		}
	}
	return letters >= 2
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// folded reports whether s is already as Fold leaves it: ASCII lower-case
// letters and digits in words joined by single spaces. Most words of an
// essay are, and need no copy.
func folded(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}
