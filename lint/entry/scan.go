package entry

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The scanners in this file stand in for expressions the parser used to run
// on every entry. Each finds exactly what its expression found, down to the
// byte offsets: scan_test.go keeps the expressions and holds each scanner
// to its own on samples and under fuzzing. They work on bytes, as the
// expressions' ASCII classes do: \d is 0-9, \s is one of "\t\n\f\r ", \b
// looks at ASCII word characters, and (?i) lets 's' stand for 'ſ' and 'k'
// for the Kelvin sign, which the case-folding scanners honour too.

// lowerASCII lower-cases an ASCII capital.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// litAt returns the end of lit written at s[i:], or -1. With fold, letters
// match in any case as under (?i).
func litAt(s string, i int, lit string, fold bool) int {
	if !fold {
		if strings.HasPrefix(s[i:], lit) {
			return i + len(lit)
		}
		return -1
	}
	for k := 0; k < len(lit); k++ {
		if i >= len(s) {
			return -1
		}
		c := lowerASCII(lit[k])
		if lowerASCII(s[i]) == c {
			i++
			continue
		}
		switch {
		case c == 's' && strings.HasPrefix(s[i:], "ſ"):
			i += len("ſ")
		case c == 'k' && strings.HasPrefix(s[i:], "\u212a"):
			i += len("\u212a")
		default:
			return -1
		}
	}
	return i
}

// digitRun counts the ASCII digits from s[i] on.
func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigitByte(s[i+n]) {
		n++
	}
	return n
}

// optByte steps past c at s[i], if it is there.
func optByte(s string, i int, c byte) int {
	if i < len(s) && s[i] == c {
		return i + 1
	}
	return i
}

// wordBoundary is \b at i.
func wordBoundary(s string, i int) bool {
	before := i > 0 && isASCIIWordByte(s[i-1])
	after := i < len(s) && isASCIIWordByte(s[i])
	return before != after
}

// months are monthPattern's alternatives: a stem and the rest of the name,
// which may be left off. September is apart: "Sept?(?:ember)?".
var months = [...][2]string{
	{"Jan", "uary"}, {"Feb", "ruary"}, {"Mar", "ch"}, {"Apr", "il"}, {"May", ""},
	{"Jun", "e"}, {"Jul", "y"}, {"Aug", "ust"}, {"Oct", "ober"}, {"Nov", "ember"},
	{"Dec", "ember"},
}

// monthAt returns the end of a month name at s[i:] as monthPattern reads it
// when what follows must be a period, comma or space: the longest form
// written, or -1. A shorter form would leave a letter next, so no other
// reading can go on.
func monthAt(s string, i int, fold bool) int {
	if e := litAt(s, i, "Sep", fold); e >= 0 {
		if t := litAt(s, e, "t", fold); t >= 0 {
			e = t
		}
		if m := litAt(s, e, "ember", fold); m >= 0 {
			e = m
		}
		return e
	}
	for _, m := range months {
		if e := litAt(s, i, m[0], fold); e >= 0 {
			if m[1] != "" {
				if r := litAt(s, e, m[1], fold); r >= 0 {
					return r
				}
			}
			return e
		}
	}
	return -1
}

// ordinalEnd steps past "st", "nd", "rd" or "th" at s[i].
func ordinalEnd(s string, i int, fold bool) int {
	for _, o := range [...]string{"st", "nd", "rd", "th"} {
		if e := litAt(s, i, o, fold); e >= 0 {
			return e
		}
	}
	return i
}

// spacesThen4Digits returns the end of `\s+\d{4}` at s[i:], or -1.
func spacesThen4Digits(s string, i int) int {
	k := skipRESpace(s, i)
	if k == i || digitRun(s, k) < 4 {
		return -1
	}
	return k + 4
}

// dateAt returns the end of the date that datePattern matches at s[i:], or
// -1; fold is (?i). The expression's alternatives exclude one another at
// any one start, and each reads its input one way only, so the first that
// fits is the match, and no backtracking is needed.
func dateAt(s string, i int, fold bool) int {
	if i >= len(s) {
		return -1
	}
	if !isDigitByte(s[i]) {
		// Month first: "March 3, 2020", "October 2014".
		m := monthAt(s, i, fold)
		if m < 0 {
			return -1
		}
		m = optByte(s, m, '.')
		k := skipRESpace(s, m)
		if k == m {
			return -1
		}
		switch n := digitRun(s, k); {
		case n >= 4:
			return k + 4
		case n >= 1 && n <= 2:
			j := optByte(s, ordinalEnd(s, k+n, fold), ',')
			return spacesThen4Digits(s, j)
		}
		return -1
	}
	n := digitRun(s, i)
	if n <= 2 {
		// "20 Oct. 2014", "3rd March, 2020".
		j := ordinalEnd(s, i+n, fold)
		if k := skipRESpace(s, j); k > j {
			if m := monthAt(s, k, fold); m >= 0 {
				m = optByte(s, optByte(s, m, '.'), ',')
				return spacesThen4Digits(s, m)
			}
			return -1
		}
		// "10/20/2014".
		j = i + n
		if j >= len(s) || s[j] != '/' {
			return -1
		}
		a := digitRun(s, j+1)
		if a < 1 || a > 2 || j+1+a >= len(s) || s[j+1+a] != '/' {
			return -1
		}
		j += 2 + a
		if b := digitRun(s, j); b >= 2 {
			return j + min(b, 4)
		}
		return -1
	}
	// "2014-10-20".
	if n != 4 || i+4 >= len(s) || s[i+4] != '-' {
		return -1
	}
	j := i + 5
	a := digitRun(s, j)
	if a < 1 || a > 2 || j+a >= len(s) || s[j+a] != '-' {
		return -1
	}
	j += a + 1
	if b := digitRun(s, j); b >= 1 {
		return j + min(b, 2)
	}
	return -1
}

// mayStartDate reports whether a date can start at byte c: a digit or a
// month's first letter (with fold, in either case, or the first byte of
// 'ſ').
func mayStartDate(c byte, fold bool) bool {
	switch c {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D':
		return true
	case 'j', 'f', 'm', 'a', 's', 'o', 'n', 'd', "ſ"[0]:
		return fold
	}
	return false
}

// findDate returns the first date in s as the expression datePattern finds
// it, or -1, -1.
func findDate(s string, fold bool) (int, int) {
	for i := 0; i < len(s); i++ {
		if !mayStartDate(s[i], fold) {
			continue
		}
		if e := dateAt(s, i, fold); e >= 0 {
			return i, e
		}
	}
	return -1, -1
}

// accessedAt matches reAccessed's expression at s[i:],
//
//	(?i)[(\[]?\b(?:last\s+)?(?:accessed|viewed|consulted|cited)(?:\s+on)?\s*:?\s*(DATE)[)\]]?\.?
//
// and returns the match and its date, or ok false. Each optional part is
// taken when it is there: leaving it out would put a letter or a space
// where what follows cannot stand.
func accessedAt(s string, i int) (m [4]int, ok bool) {
	j := i
	if s[i] == '(' || s[i] == '[' {
		j++
	}
	if j >= len(s) || !wordBoundary(s, j) {
		return m, false
	}
	if e := litAt(s, j, "last", true); e >= 0 {
		if k := skipRESpace(s, e); k > e {
			j = k
		}
	}
	e := -1
	for _, w := range [...]string{"accessed", "viewed", "consulted", "cited"} {
		if e = litAt(s, j, w, true); e >= 0 {
			break
		}
	}
	if e < 0 {
		return m, false
	}
	if k := skipRESpace(s, e); k > e {
		if o := litAt(s, k, "on", true); o >= 0 {
			e = o
		}
	}
	k := skipRESpace(s, optByte(s, skipRESpace(s, e), ':'))
	d := dateAt(s, k, true)
	if d < 0 {
		return m, false
	}
	end := d
	if end < len(s) && (s[end] == ')' || s[end] == ']') {
		end++
	}
	end = optByte(s, end, '.')
	return [4]int{i, end, k, d}, true
}

// nextAccessed finds the first access date at or after s[from] as reAccessed
// finds it: [start, end, date start, date end].
func nextAccessed(s string, from int) ([4]int, bool) {
	for i := from; i < len(s); i++ {
		switch s[i] {
		case '(', '[', 'l', 'L', 'a', 'A', 'v', 'V', 'c', 'C':
			if m, ok := accessedAt(s, i); ok {
				return m, true
			}
		}
	}
	return [4]int{}, false
}

// hasDate reports whether s holds a date.
func hasDate(s string) bool {
	a, _ := findDate(s, false)
	return a >= 0
}

// yearLead returns the year that opens s ("2009", "2009a") as `^\d{4}[a-z]?`
// finds it, or "".
func yearLead(s string) string {
	if digitRun(s, 0) < 4 {
		return ""
	}
	if len(s) > 4 && 'a' <= s[4] && s[4] <= 'z' {
		return s[:5]
	}
	return s[:4]
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// pageAt returns the end of a page, `[A-Za-z]?\d+[A-Za-z]?`, at s[i:], or
// -1. Every part is taken whole: giving a digit or the letter back would
// leave a digit or a letter where what follows cannot stand.
func pageAt(s string, i int) int {
	if i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	n := digitRun(s, i)
	if n == 0 {
		return -1
	}
	i += n
	if i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	return i
}

// pageRangeAt returns the end of the second page of a range,
// `\s*[–—-]\s*` and a page, at s[i:], or -1.
func pageRangeAt(s string, i int) int {
	j := skipRESpace(s, i)
	switch {
	case strings.HasPrefix(s[j:], "-"):
		j++
	case strings.HasPrefix(s[j:], "–"), strings.HasPrefix(s[j:], "—"):
		j += len("–")
	default:
		return -1
	}
	return pageAt(s, skipRESpace(s, j))
}

// parenAt reads `\(([^)]{1,most})\)` at s[i:]: what the parentheses hold
// and where they close, or -1.
func parenAt(s string, i, most int) (string, int) {
	if i >= len(s) || s[i] != '(' {
		return "", -1
	}
	j, n := i+1, 0
	for j < len(s) && s[j] != ')' {
		if n == most {
			return "", -1
		}
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
		n++
	}
	if j >= len(s) || n == 0 {
		return "", -1
	}
	return s[i+1 : j], j + 1
}

// chiVol reads Chicago's volume, issue, parenthesis and pages at the head
// of s ("6 (12): 3–5", "52: 485", "54, no. 3 (2004)") as the expression
//
//	^,?\s*(\d+)(?:\s*,?\s*no\.\s*(\w+))?\s*(?:\(([^)]{1,30})\))?\s*(?::\s*(PAGES))?
//
// does; ok is false when s does not open with a volume.
func chiVol(s string) (vol, issue, paren, pages string, ok bool) {
	i := skipRESpace(s, optByte(s, 0, ','))
	n := digitRun(s, i)
	if n == 0 {
		return "", "", "", "", false
	}
	vol = s[i : i+n]
	i += n
	if j := skipRESpace(s, optByte(s, skipRESpace(s, i), ',')); strings.HasPrefix(s[j:], "no.") {
		k := skipRESpace(s, j+len("no."))
		w := k
		for w < len(s) && isASCIIWordByte(s[w]) {
			w++
		}
		if w > k {
			issue, i = s[k:w], w
		}
	}
	i = skipRESpace(s, i)
	if c, e := parenAt(s, i, 30); e >= 0 {
		paren, i = c, e
	}
	if i = skipRESpace(s, i); i < len(s) && s[i] == ':' {
		k := skipRESpace(s, i+1)
		if e := pageAt(s, k); e >= 0 {
			if r := pageRangeAt(s, e); r >= 0 {
				e = r
			}
			pages = s[k:e]
		}
	}
	return vol, issue, paren, pages, true
}

// apaVol reads APA's and Harvard's volume, issue and pages at the head of s
// (", 6(12), 3–5.") as the expression
//
//	^\s*[,.]?\s*(\d+)\s*(?:\(([^)]{1,20})\))?\s*(?:,\s*(PAGES))?(?:[,.;]|\s*$)
//
// does; ok is false when it does not match.
func apaVol(s string) (vol, issue, pages string, ok bool) {
	i := skipRESpace(s, 0)
	if i < len(s) && (s[i] == ',' || s[i] == '.') {
		i++
	}
	i = skipRESpace(s, i)
	n := digitRun(s, i)
	if n == 0 {
		return "", "", "", false
	}
	vol = s[i : i+n]
	b := skipRESpace(s, i+n)
	if c, e := parenAt(s, b, 20); e >= 0 {
		if pages, ok := apaVolEnd(s, skipRESpace(s, e)); ok {
			return vol, c, pages, true
		}
	}
	if pages, ok := apaVolEnd(s, b); ok {
		return vol, "", pages, true
	}
	return "", "", "", false
}

// apaVolEnd reads `(?:,\s*(PAGES))?(?:[,.;]|\s*$)` at s[d:]: the pages, if
// any, and whether it matched. The pages are tried with their range, then
// without; a comma with no pages that fit ends the match itself.
func apaVolEnd(s string, d int) (string, bool) {
	if d >= len(s) || s[d] != ',' {
		return "", apaVolClosed(s, d)
	}
	e := skipRESpace(s, d+1)
	if p := pageAt(s, e); p >= 0 {
		if r := pageRangeAt(s, p); r >= 0 && apaVolClosed(s, r) {
			return s[e:r], true
		}
		if apaVolClosed(s, p) {
			return s[e:p], true
		}
	}
	return "", true
}

// apaVolClosed is `(?:[,.;]|\s*$)` at s[q:].
func apaVolClosed(s string, q int) bool {
	if q < len(s) && (s[q] == ',' || s[q] == '.' || s[q] == ';') {
		return true
	}
	return skipRESpace(s, q) == len(s)
}

// nbYearMay: reNBYear needs a year closing a parenthesis, four digits
// after "(" or a space.
func nbYearMay(s string) bool {
	for i := 5; i < len(s); i++ {
		k := strings.IndexByte(s[i:], ')')
		if k < 0 {
			return false
		}
		i += k
		if digitRun(s, i-4) >= 4 && (s[i-5] == '(' || isRESpace(s[i-5])) {
			return true
		}
	}
	return false
}

// isPlaceRune is a rune of rePlacePub's place: a letter, a space or
// `.,'’-`.
func isPlaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r)) || strings.IndexByte(" .,'-", byte(r)) >= 0
	}
	return r == '’' || unicode.Is(unicode.L, r)
}

// placePub reads "City: Publisher" filling s, as the expression
//
//	^([\p{L}][\p{L} .,'’-]{1,40}?):\s+(\S.*)$
//
// does: the place is everything before the first colon.
func placePub(s string) (place, pub string, ok bool) {
	r, i := utf8.DecodeRuneInString(s)
	if !(r < utf8.RuneSelf && isASCIILetter(byte(r)) || r >= utf8.RuneSelf && unicode.Is(unicode.L, r)) {
		return "", "", false
	}
	for n := 0; ; n++ {
		if i >= len(s) {
			return "", "", false
		}
		if s[i] == ':' {
			if n == 0 {
				return "", "", false
			}
			break
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if n == 40 || !isPlaceRune(r) {
			return "", "", false
		}
		i += w
	}
	k := skipRESpace(s, i+1)
	if k == i+1 || k == len(s) || strings.IndexByte(s[k:], '\n') >= 0 {
		return "", "", false
	}
	return s[:i], s[k:], true
}
