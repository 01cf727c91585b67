package entry

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// The scanners in this file stand in for expressions the parser used to run
// on every entry, and the guards (…May) keep the expressions it still runs
// off text they cannot match. Each scanner finds exactly what its
// expression found, down to the byte offsets: scan_test.go keeps the
// expressions and holds each scanner to its own on samples, on random
// inputs and under FuzzGuards, and guards_test.go holds each guard to its
// expression. The scanners work on bytes, as the
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

// monthsByLetter lists the months of each first letter, lower-cased, by
// their index in months, in its order.
var monthsByLetter = func() (by [26][]int) {
	for k, m := range months {
		l := lowerASCII(m[0][0]) - 'a'
		by[l] = append(by[l], k)
	}
	return by
}()

// monthAt returns the end of a month name at s[i:] as monthPattern reads it
// when what follows must be a period, comma or space: the longest form
// written, or -1. A shorter form would leave a letter next, so no other
// reading can go on.
func monthAt(s string, i int, fold bool) int {
	if i >= len(s) {
		return -1
	}
	// The first letter picks the months to try; under (?i) 'ſ' is an s.
	first := s[i]
	if fold {
		first = lowerASCII(first)
		if strings.HasPrefix(s[i:], "ſ") {
			first = 's'
		}
	}
	if first == 's' || first == 'S' {
		return septemberAt(s, i, fold)
	}
	// The stems are capitalised: without fold only a capital opens one.
	if !('A' <= first && first <= 'Z' || fold && 'a' <= first && first <= 'z') {
		return -1
	}
	for _, k := range monthsByLetter[lowerASCII(first)-'a'] {
		m := months[k]
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

// septemberAt is monthAt for "Sept?(?:ember)?".
func septemberAt(s string, i int, fold bool) int {
	if e := litAt(s, i, "Sep", fold); e >= 0 {
		if t := litAt(s, e, "t", fold); t >= 0 {
			e = t
		}
		if m := litAt(s, e, "ember", fold); m >= 0 {
			e = m
		}
		return e
	}
	return -1
}

// ordinalEnd steps past "st", "nd", "rd" or "th" at s[i].
func ordinalEnd(s string, i int, fold bool) int {
	// Most dates have no ordinal: a first byte that opens none is
	// enough to tell.
	if i >= len(s) || !mayOpenOrdinal(s[i], fold) {
		return i
	}
	for _, o := range [...]string{"st", "nd", "rd", "th"} {
		if e := litAt(s, i, o, fold); e >= 0 {
			return e
		}
	}
	return i
}

// mayOpenOrdinal reports whether an ordinal suffix can begin with byte c:
// s, n, r or t, with fold in either case, or the first byte of 'ſ'.
func mayOpenOrdinal(c byte, fold bool) bool {
	switch c {
	case 's', 'n', 'r', 't':
		return true
	case 'S', 'N', 'R', 'T', "ſ"[0]:
		return fold
	}
	return false
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
		if digitRun(s, i-4) >= 4 && (s[i-5] == '(' || lint.IsRESpace(s[i-5])) {
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
	if strings.IndexByte(s, ':') < 0 {
		// No colon, no place: most containers are told so at once.
		return "", "", false
	}
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

// bareDomainEnds are reBareDomain's endings, in its order: the first that
// fits is taken, so "org" wins over "org.uk".
var bareDomainEnds = [...]string{"com", "org", "edu", "gov", "net", "int", "info", "io", "co.uk", "ac.uk", "org.uk", "gov.uk", "ca", "au", "de", "fr", "ru", "su", "ua", "us"}

func isDomainByte(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' }

// bareDomainAt returns the end of a web address without its scheme at
// s[i:] ("soviethistory.msu.edu/1954-2/the-thaw/"), as the expression
//
//	\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:ENDINGS)(?:/[^\s<>"]*)?
//
// matches there, or -1. Labels are read whole; the expression gives them
// back from the last, so the endings are tried at each dot from the last.
func bareDomainAt(s string, i int) int {
	if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') || i > 0 && isASCIIWordByte(s[i-1]) {
		return -1
	}
	j := i + 1
	for {
		for j < len(s) && isDomainByte(s[j]) {
			j++
		}
		if j+1 < len(s) && s[j] == '.' && isDomainByte(s[j+1]) {
			j++
			continue
		}
		break
	}
	for d := j; d > i; d-- {
		if d >= len(s) || s[d] != '.' {
			continue
		}
		for _, end := range bareDomainEnds {
			if !strings.HasPrefix(s[d+1:], end) {
				continue
			}
			e := d + 1 + len(end)
			if e < len(s) && s[e] == '/' {
				for e++; e < len(s); e++ {
					if c := s[e]; lint.IsRESpace(c) || c == '<' || c == '>' || c == '"' {
						break
					}
				}
			}
			return e
		}
	}
	return -1
}

// findBareDomain returns the first web address without its scheme in s, or
// -1, -1.
func findBareDomain(s string) (int, int) {
	if !hasDomainEnd(s) {
		return -1, -1
	}
	for i := 0; i < len(s); i++ {
		if e := bareDomainAt(s, i); e >= 0 {
			return i, e
		}
	}
	return -1, -1
}

// nextAvailable finds the first "Available at:" at or after s[from] as
//
//	(?i)\bavailable\s+(?:at|from|online)\b\s*:?
//
// finds it, or ok false.
func nextAvailable(s string, from int) (start, end int, ok bool) {
	for i := from; i < len(s); i++ {
		if s[i] != 'a' && s[i] != 'A' || i > 0 && isASCIIWordByte(s[i-1]) {
			continue
		}
		e := litAt(s, i, "available", true)
		if e < 0 {
			continue
		}
		k := skipRESpace(s, e)
		if k == e {
			continue
		}
		o := -1
		for _, w := range [...]string{"at", "from", "online"} {
			if o = litAt(s, k, w, true); o >= 0 {
				break
			}
		}
		if o < 0 || !wordBoundary(s, o) {
			continue
		}
		return i, optByte(s, skipRESpace(s, o), ':'), true
	}
	return 0, 0, false
}

// listNumber returns the end of a list number opening s ("12. ", "[3]",
// "(4)", "- ") as
//
//	^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,3}[.)]|[-*+•]\s)\s*
//
// matches it, or -1.
func listNumber(s string) int {
	i := skipRESpace(s, 0)
	if i >= len(s) {
		return -1
	}
	switch c := s[i]; {
	case c == '[' || c == '(':
		n := digitRun(s, i+1)
		closer := byte(']')
		if c == '(' {
			closer = ')'
		}
		if n < 1 || n > 4 || i+1+n >= len(s) || s[i+1+n] != closer {
			return -1
		}
		i += n + 2
	case isDigitByte(c):
		n := digitRun(s, i)
		if n > 3 || i+n >= len(s) || s[i+n] != '.' && s[i+n] != ')' {
			return -1
		}
		i += n + 1
	default:
		j := i + 1
		if strings.HasPrefix(s[i:], "•") {
			j = i + len("•")
		} else if c != '-' && c != '*' && c != '+' {
			return -1
		}
		if j >= len(s) || !lint.IsRESpace(s[j]) {
			return -1
		}
		i = j + 1
	}
	return skipRESpace(s, i)
}

// bareNumber returns the end of `^\s*\d{1,3}\s+\p{Lu}` in s, the capital
// included, or -1: a list number that lost its period ("33 Bergk, V.").
func bareNumber(s string) int {
	i := skipRESpace(s, 0)
	n := digitRun(s, i)
	if n < 1 || n > 3 {
		return -1
	}
	k := skipRESpace(s, i+n)
	if k == i+n {
		return -1
	}
	r, w := utf8.DecodeRuneInString(s[k:])
	if !(r < utf8.RuneSelf && 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.Is(unicode.Lu, r)) {
		return -1
	}
	return k + w
}

// parenDateAt reads a date in parentheses at s[i:], "(2009)", "(2020,
// March 3)", "(n.d.)", as reParenDate does anchored there (full) or as
// reFindParenDate does (not full: no "[bracketed]" dates, no "s.d." or "no
// date", no "n.d.-a"):
//
//	\(\s*(\[[^\]]{1,20}\]|(\d{4}[a-z]?)(?:\s*[,/–-]\s*[^()]{0,40}?)?|(?i:n\.\s?d\.(?:-[a-z])?|in press|forthcoming|s\.\s?d\.|no date))\s*\)
//
// It returns where the date inside starts and ends and where the match
// ends, or ok false.
func parenDateAt(s string, i int, full bool) (start, end, closed int, ok bool) {
	if i >= len(s) || s[i] != '(' {
		return 0, 0, 0, false
	}
	start = skipRESpace(s, i+1)
	end = -1
	switch {
	case start >= len(s):
	case s[start] == '[':
		if !full {
			break
		}
		j, n := start+1, 0
		for j < len(s) && s[j] != ']' && n < 20 {
			_, w := utf8.DecodeRuneInString(s[j:])
			j += w
			n++
		}
		if n > 0 && j < len(s) && s[j] == ']' {
			end = j + 1
		}
	case isDigitByte(s[start]):
		if digitRun(s, start) < 4 {
			break
		}
		end = start + 4
		if end < len(s) && 'a' <= s[end] && s[end] <= 'z' {
			end++
		}
		if e, c := parenDateRest(s, end); e >= 0 {
			return start, e, c, true
		}
	default:
		end = noDateWordsAt(s, start, full)
	}
	if end < 0 {
		return 0, 0, 0, false
	}
	if c := skipRESpace(s, end); c < len(s) && s[c] == ')' {
		return start, end, c + 1, true
	}
	return 0, 0, 0, false
}

// parenDateRest reads what may follow the year in parentheses,
// `\s*[,/–-]\s*[^()]{0,40}?` and then `\s*\)`: the end of the date and of
// the match, or -1. The lazy run stops at the first place the parenthesis
// can close.
func parenDateRest(s string, i int) (int, int) {
	j := skipRESpace(s, i)
	switch {
	case j < len(s) && (s[j] == ',' || s[j] == '/' || s[j] == '-'):
		j++
	case strings.HasPrefix(s[j:], "–"):
		j += len("–")
	default:
		return -1, -1
	}
	pos := skipRESpace(s, j)
	for n := 0; ; n++ {
		if c := skipRESpace(s, pos); c < len(s) && s[c] == ')' {
			return pos, c + 1
		}
		if n == 40 || pos >= len(s) || s[pos] == '(' || s[pos] == ')' {
			return -1, -1
		}
		_, w := utf8.DecodeRuneInString(s[pos:])
		pos += w
	}
}

// noDateWordsAt returns the end of "n.d.", "in press" or "forthcoming" at
// s[i:], in any case, and with full also of "n.d.-a", "s.d." and "no
// date"; or -1.
func noDateWordsAt(s string, i int, full bool) int {
	if e := dottedDAt(s, i, "n"); e >= 0 {
		if full && e < len(s) && s[e] == '-' {
			if l := foldLetterAt(s, e+1); l > 0 {
				e += 1 + l
			}
		}
		return e
	}
	for _, w := range [...]string{"in press", "forthcoming"} {
		if e := litAt(s, i, w, true); e >= 0 {
			return e
		}
	}
	if !full {
		return -1
	}
	if e := dottedDAt(s, i, "s"); e >= 0 {
		return e
	}
	return litAt(s, i, "no date", true)
}

// dottedDAt returns the end of `n\.\s?d\.` at s[i:] for letter "n", or of
// `s\.\s?d\.` for "s", in any case; or -1. \s? takes a space when there is
// one: without it, a space would stand where the d must.
func dottedDAt(s string, i int, letter string) int {
	e := litAt(s, i, letter, true)
	if e < 0 || e >= len(s) || s[e] != '.' {
		return -1
	}
	e++
	if e < len(s) && lint.IsRESpace(s[e]) {
		e++
	}
	if e = litAt(s, e, "d", true); e < 0 || e >= len(s) || s[e] != '.' {
		return -1
	}
	return e + 1
}

// foldLetterAt returns the length of what (?i)[a-z] matches at s[i:]: an
// ASCII letter, 'ſ' or the Kelvin sign; 0 if none.
func foldLetterAt(s string, i int) int {
	switch {
	case i < len(s) && isASCIILetter(s[i]):
		return 1
	case strings.HasPrefix(s[i:], "ſ"):
		return len("ſ")
	case strings.HasPrefix(s[i:], "\u212a"):
		return len("\u212a")
	}
	return 0
}

// findParenDate returns the first date in parentheses in s as
// reFindParenDate finds it: where the match starts and ends, or -1, -1.
func findParenDate(s string) (int, int) {
	for i := strings.IndexByte(s, '('); i >= 0; {
		if _, _, c, ok := parenDateAt(s, i, false); ok {
			return i, c
		}
		k := strings.IndexByte(s[i+1:], '(')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return -1, -1
}

// reprintYear reads the year after a parenthesised original year, `^\s+(\d{4}[a-z]?)\.`,
// at the head of s: where the year starts and ends, or -1, -1.
func reprintYear(s string) (int, int) {
	k := skipRESpace(s, 0)
	if k == 0 || digitRun(s, k) < 4 {
		return -1, -1
	}
	e := k + 4
	if e < len(s) && 'a' <= s[e] && s[e] <= 'z' {
		e++
	}
	if e >= len(s) || s[e] != '.' {
		return -1, -1
	}
	return k, e
}

// bareDate reads Chicago author-date's year at the head of s, "2009.",
// "2009–2010,", "n.d.", as the expression
//
//	^(\d{4}[a-z]?(?:\s*[–-]\s*(?:\d{4})?)?|(?i:n\.\s?d\.|forthcoming|in press))(?:[.,]|\s|$)
//
// does, and returns where the date ends, or -1.
func bareDate(s string) int {
	if s == "" {
		return -1
	}
	if !isDigitByte(s[0]) {
		e := noDateWordsAt(s, 0, false)
		if e >= 0 && bareDateClosed(s, e) {
			return e
		}
		return -1
	}
	if digitRun(s, 0) < 4 {
		return -1
	}
	e := 4
	if e < len(s) && 'a' <= s[e] && s[e] <= 'z' {
		e++
	}
	// The range, "–2010", tried first. Its second year is taken when it
	// is there and may close the date; else the date may close before it,
	// or on the last space after the dash.
	j := skipRESpace(s, e)
	d := -1
	switch {
	case strings.HasPrefix(s[j:], "-"):
		d = j + 1
	case strings.HasPrefix(s[j:], "–"):
		d = j + len("–")
	}
	if d >= 0 {
		q := skipRESpace(s, d)
		if digitRun(s, q) >= 4 && bareDateClosed(s, q+4) {
			return q + 4
		}
		if bareDateClosed(s, q) {
			return q
		}
		if q > d {
			return q - 1
		}
	}
	if bareDateClosed(s, e) {
		return e
	}
	return -1
}

// bareDateClosed is `(?:[.,]|\s|$)` at s[i:].
func bareDateClosed(s string, i int) bool {
	return i >= len(s) || s[i] == '.' || s[i] == ',' || lint.IsRESpace(s[i])
}

// findPages returns the first pages after "p." or "pp." in s as
// `\bpp?\.\s*(PAGES)` finds them, the range included when there is one.
func findPages(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] != 'p' || i > 0 && isASCIIWordByte(s[i-1]) {
			continue
		}
		j := optByte(s, i+1, 'p')
		if j >= len(s) || s[j] != '.' {
			continue
		}
		k := skipRESpace(s, j+1)
		e := pageAt(s, k)
		if e < 0 {
			continue
		}
		if r := pageRangeAt(s, e); r >= 0 {
			e = r
		}
		return s[k:e], true
	}
	return "", false
}

// findIssue returns the first issue number in s as
//
//	(?i)\b(?:no|nos|iss|issue)\.?\s*(\d+(?:\s*[–/-]\s*\d+)?)\b
//
// finds it.
func findIssue(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'n', 'N', 'i', 'I':
		default:
			continue
		}
		if i > 0 && isASCIIWordByte(s[i-1]) {
			continue
		}
		for _, w := range [...]string{"no", "nos", "iss", "issue"} {
			e := litAt(s, i, w, true)
			if e < 0 {
				continue
			}
			k := skipRESpace(s, optByte(s, e, '.'))
			d := digitRun(s, k)
			if d == 0 {
				continue
			}
			if end := issueRangeAt(s, k+d); end >= 0 && wordBoundary(s, end) {
				return s[k:end], true
			}
			if wordBoundary(s, k+d) {
				return s[k : k+d], true
			}
		}
	}
	return "", false
}

// issueRangeAt returns the end of `\s*[–/-]\s*\d+` at s[i:], or -1.
func issueRangeAt(s string, i int) int {
	j := skipRESpace(s, i)
	switch {
	case j < len(s) && (s[j] == '/' || s[j] == '-'):
		j++
	case strings.HasPrefix(s[j:], "–"):
		j += len("–")
	default:
		return -1
	}
	j = skipRESpace(s, j)
	if d := digitRun(s, j); d > 0 {
		return j + d
	}
	return -1
}

// findVol returns the first volume in s as
//
//	(?i)\bvol(?:ume)?\.?\s*(\d+[A-Za-z]?|[IVXLC]+)\b
//
// finds it. Under (?i), [A-Za-z] holds 'ſ' and the Kelvin sign too, which
// are no word characters to \b.
func findVol(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] != 'v' && s[i] != 'V' || i > 0 && isASCIIWordByte(s[i-1]) {
			continue
		}
		e := litAt(s, i, "vol", true)
		if e < 0 {
			continue
		}
		if u := litAt(s, e, "ume", true); u >= 0 {
			e = u
		}
		k := skipRESpace(s, optByte(s, e, '.'))
		if d := digitRun(s, k); d > 0 {
			end := k + d
			if l := foldLetterAt(s, end); l > 0 && wordBoundary(s, end+l) {
				return s[k : end+l], true
			}
			if wordBoundary(s, end) {
				return s[k:end], true
			}
			continue
		}
		end := k
		for end < len(s) && strings.IndexByte("IVXLCivxlc", s[end]) >= 0 {
			end++
		}
		if end > k && wordBoundary(s, end) {
			return s[k:end], true
		}
	}
	return "", false
}

// isMonthStem reports whether w, three bytes, is a month's stem as
// hasMonthOrSlash looks for it: "Jan", "jan" or "JAN".
func isMonthStem(w string) bool {
	var low [3]byte
	for k := range 3 {
		low[k] = lowerASCII(w[k])
	}
	switch string(low[:]) {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
	default:
		return false
	}
	upper := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	switch {
	case upper(w[1]) && upper(w[2]):
		return upper(w[0])
	case !upper(w[1]) && !upper(w[2]):
		return true
	}
	return false
}

// hasVol reports whether s holds a volume as findVol reads one.
func hasVol(s string) bool {
	_, ok := findVol(s)
	return ok
}

// hasDomainEnd reports whether a dot and one of bareDomainEnds stand in s,
// as every bare address has them.
func hasDomainEnd(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		rest := s[i+1:]
		if rest != "" && 'a' <= rest[0] && rest[0] <= 'z' {
			for _, end := range bareDomainEnds {
				if strings.HasPrefix(rest, end) {
					return true
				}
			}
		}
		k := strings.IndexByte(rest, '.')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// inPrefix returns the end of "In" opening a chapter's book at the head of
// s, as `^(?i:in)\s*:?\s+` matches it, or -1: a colon counts when spaces
// follow it, else the spaces before it end the match.
func inPrefix(s string) int {
	e := litAt(s, 0, "in", true)
	if e < 0 {
		return -1
	}
	k := skipRESpace(s, e)
	if k < len(s) && s[k] == ':' {
		if b := skipRESpace(s, k+1); b > k+1 {
			return b
		}
	}
	if k > e {
		return k
	}
	return -1
}

// yearOnlyTail reports whether s is MLA's ", 1955." ending a book entry,
// `^\s*,\s*\d{4}[a-z]?\s*\.?\s*$`.
func yearOnlyTail(s string) bool {
	i := skipRESpace(s, 0)
	if i >= len(s) || s[i] != ',' {
		return false
	}
	i = skipRESpace(s, i+1)
	if digitRun(s, i) < 4 {
		return false
	}
	i += 4
	if i < len(s) && 'a' <= s[i] && s[i] <= 'z' {
		i++
	}
	return skipRESpace(s, optByte(s, skipRESpace(s, i), '.')) == len(s)
}

// contributorWords open what reContributors matches.
var contributorWords = [...]string{"Translated", "Edited", "Directed", "Performed", "Narrated", "Illustrated", "Introduced", "Compiled", "Adapted", "Trans.", "Ed.", "Eds.", "Dir.", "Introduction", "Foreword", "Afterword", "Preface"}

// contributorsMay: reContributors needs one of contributorWords first.
func contributorsMay(s string) bool {
	if s == "" || strings.IndexByte("TEDPNICAF", s[0]) < 0 {
		return false
	}
	for _, w := range contributorWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// mediumWords are the media of publication MLA 7 names, with the period
// that closes them.
var mediumWords = [...]string{"Print.", "Web.", "Online.", "Film.", "Television.", "Radio.", "DVD.", "CD."}

// mediumAt returns where the medium word at s[i] ends, or -1.
func mediumAt(s string, i int) int {
	if i >= len(s) || strings.IndexByte("PWOFTRDC", s[i]) < 0 {
		return -1
	}
	for _, w := range mediumWords {
		if strings.HasPrefix(s[i:], w) {
			return i + len(w)
		}
	}
	return -1
}

// nextMedium finds the first medium of publication at or after s[from] as
// the expression (?:^|[.,]\s+)((?:Print|Web|Online|Film|Television|Radio|DVD|CD)\.)(?:\s|$)
// finds it: [start, end, word start, word end]. The word opens the text or
// follows a period or comma and white space, and ends it or is followed by
// white space.
func nextMedium(s string, from int) ([4]int, bool) {
	for i := from; i < len(s); i++ {
		word := -1
		switch {
		case i == 0 && mediumAt(s, 0) >= 0:
			word = 0
		case s[i] == '.' || s[i] == ',':
			if j := skipRESpace(s, i+1); j > i+1 && mediumAt(s, j) >= 0 {
				word = j
			}
		}
		if word < 0 {
			continue
		}
		end := mediumAt(s, word)
		if end < len(s) && !lint.IsRESpace(s[end]) {
			continue
		}
		m := [4]int{i, end, word, end}
		if end < len(s) {
			m[1]++
		}
		return m, true
	}
	return [4]int{}, false
}

// tailPub finds "City: Publisher" after the title as the expression
// (?:^|[.,]\s+)(\p{Lu}[\p{L} .'’-]{1,40}?):\s*(\p{Lu}[^,:;]{1,80}?)(?:,\s*(?:\d{4}|n\.d\.)|\.\s|\.?\s*$)
// does, returning its two groups. The place opens the tail or follows a
// period or comma and white space, and runs to its colon; the publisher
// ends at the first place that a year, a sentence end or the end of the
// tail can follow.
func tailPub(s string) (place, pub string, ok bool) {
	// Where the white space that ends s begins: "\.?\s*$" holds there.
	ws := len(s)
	for ws > 0 && lint.IsRESpace(s[ws-1]) {
		ws--
	}
	if placeEnd, pubStart, pubEnd, ok := tailPubAt(s, 0, ws); ok {
		return s[:placeEnd], s[pubStart:pubEnd], true
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '.' && s[i] != ',' {
			continue
		}
		if g := skipRESpace(s, i+1); g > i+1 {
			if placeEnd, pubStart, pubEnd, ok := tailPubAt(s, g, ws); ok {
				return s[g:placeEnd], s[pubStart:pubEnd], true
			}
		}
	}
	return "", "", false
}

// tailPubAt reads tailPub's place from s[g] on: where the place and the
// publisher end and where the publisher starts. ws is where the white
// space ending s begins.
func tailPubAt(s string, g, ws int) (placeEnd, pubStart, pubEnd int, ok bool) {
	r, w := utf8.DecodeRuneInString(s[g:])
	if !unicode.IsUpper(r) {
		return 0, 0, 0, false
	}
	i := g + w
	for n := 0; ; n++ {
		if i >= len(s) {
			return 0, 0, 0, false
		}
		r, w = utf8.DecodeRuneInString(s[i:])
		if r == ':' {
			if n == 0 {
				return 0, 0, 0, false
			}
			break
		}
		if n == 40 || !isTailPlaceRune(r) {
			return 0, 0, 0, false
		}
		i += w
	}
	placeEnd = i
	pubStart = skipRESpace(s, i+1)
	r, w = utf8.DecodeRuneInString(s[pubStart:])
	if !unicode.IsUpper(r) {
		return 0, 0, 0, false
	}
	q := pubStart + w
	for range 80 {
		if q >= len(s) {
			return 0, 0, 0, false
		}
		r, w = utf8.DecodeRuneInString(s[q:])
		if r == ',' || r == ':' || r == ';' {
			return 0, 0, 0, false
		}
		q += w
		if tailPubEnds(s, q, ws) {
			return placeEnd, pubStart, q, true
		}
	}
	return 0, 0, 0, false
}

// isTailPlaceRune is a rune of tailPub's place after its capital: a
// letter, a space or `.'’-`.
func isTailPlaceRune(r rune) bool {
	switch r {
	case ' ', '.', '\'', '’', '-':
		return true
	}
	return unicode.IsLetter(r)
}

// tailPubEnds reports whether the publisher can end at s[q]: before a
// comma and a year or "n.d.", a period and a space, or a period and
// white space to the end (ws is where that white space begins).
func tailPubEnds(s string, q, ws int) bool {
	switch {
	case q >= ws:
		return true
	case s[q] == ',':
		j := skipRESpace(s, q+1)
		return digitRun(s, j) >= 4 || strings.HasPrefix(s[j:], "n.d.")
	case s[q] == '.':
		return q+1 >= ws || lint.IsRESpace(s[q+1])
	}
	return false
}

// nbYear finds the year that Chicago notes-bibliography puts after a
// journal's volume, as the expression
// \b\d+\w*(?:,\s*(?i:nos?|issue)\.?\s*[^()]{1,12})?\s*\((?:[A-Z][a-z]+\.?\s+)?(\d{4})\)\s*(?::|\.|,|$)
// finds it ("54, nos. Pt 1 (2004): 157", "57 (2008): 101", "6 (Spring
// 2004)."), returning its group: the year.
func nbYear(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) || i > 0 && isASCIIWordByte(s[i-1]) {
			continue
		}
		e := i + 1
		for e < len(s) && isASCIIWordByte(s[e]) {
			e++
		}
		var open int
		if e < len(s) && s[e] == ',' {
			open = nbIssueParen(s, skipRESpace(s, e+1))
		} else {
			open = skipRESpace(s, e)
		}
		if open < 0 || open >= len(s) || s[open] != '(' {
			continue
		}
		if y, ok := nbParenYear(s, open); ok {
			return y, true
		}
	}
	return "", false
}

// nbIssueParen reads nbYear's issue, "nos. Pt 1 " in "54, nos. Pt 1
// (2004)", from s[k]: it returns where the parenthesis after it stands, or
// -1. The issue is "no", "nos" or "issue" in any case, a period, and one
// to twelve runes, none a parenthesis, between optional spaces.
func nbIssueParen(s string, k int) int {
	end := litAt(s, k, "no", true)
	// a is where the runes between the word and the parenthesis start
	// when the optional "s" and period take all they can.
	a := end
	if end >= 0 {
		if e := litAt(s, end, "s", true); e >= 0 {
			a = e
		}
	} else if end = litAt(s, k, "issue", true); end < 0 {
		return -1
	} else {
		a = end
	}
	paren := strings.IndexAny(s[end:], "()")
	if paren <= 0 || s[end+paren] != '(' {
		// Nothing between the word and the parenthesis, or a closing
		// one first.
		return -1
	}
	paren += end
	// The fewest runes [^()]{1,12} can take: the "s", the period and the
	// spaces around are the optional parts'.
	a = skipRESpace(s, optByte(s, a, '.'))
	b := paren
	for b > a && lint.IsRESpace(s[b-1]) {
		b--
	}
	if utf8.RuneCountInString(s[a:b]) > 12 {
		return -1
	}
	return paren
}

// nbParenYear reads nbYear's parenthesis at s[open]: the year, perhaps
// after a capitalised word ("Spring", "Jan."), then ")" and a colon, a
// period, a comma or the end of s.
func nbParenYear(s string, open int) (string, bool) {
	y := open + 1
	if y < len(s) && 'A' <= s[y] && s[y] <= 'Z' {
		k := y + 1
		for k < len(s) && 'a' <= s[k] && s[k] <= 'z' {
			k++
		}
		if k == y+1 {
			return "", false
		}
		k = optByte(s, k, '.')
		if y = skipRESpace(s, k); y == k {
			return "", false
		}
	}
	if digitRun(s, y) != 4 || y+4 >= len(s) || s[y+4] != ')' {
		return "", false
	}
	k := skipRESpace(s, y+5)
	if k < len(s) && s[k] != ':' && s[k] != '.' && s[k] != ',' {
		return "", false
	}
	return s[y : y+4], true
}

// editorsEnd returns where the editors of a book end in what follows "In"
// ("J. Smith (Ed.), Title"), after the parenthesis and the comma and
// spaces after it, as the expression
// ^[^()]{1,200}?\((?i:eds?|editors?|hrsg)\.?\)\s*,?\s* finds it; or -1.
// The parenthesis is the text's first, after one to 200 runes.
func editorsEnd(s string) int {
	open := strings.IndexAny(s, "()")
	if open <= 0 || s[open] != '(' || open > 200 && utf8.RuneCountInString(s[:open]) > 200 {
		return -1
	}
	for _, w := range [...]string{"eds", "ed", "editors", "editor", "hrsg"} {
		// At most one of the words can be followed by ")" or ".)".
		e := litAt(s, open+1, w, true)
		if e < 0 {
			continue
		}
		if e = optByte(s, e, '.'); e < len(s) && s[e] == ')' {
			return skipRESpace(s, optByte(s, skipRESpace(s, e+1), ','))
		}
	}
	return -1
}
