package entry

import "strings"

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
