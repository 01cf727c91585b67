package read

import (
	"html"
	"sync"
	"unicode/utf8"
)

// unescapeRef returns html.UnescapeString(string(ref)) for a character
// reference ref ("&#8217;", "&amp;", "&nbsp"). Pages are full of the
// typographic ones, so the numeric references of ordinary characters and
// the common named ones are decoded without a copy of ref or a new string;
// anything else goes to html.UnescapeString.
func unescapeRef(ref []byte) string {
	if r, ok := numericRef(ref); ok {
		return runeString(r)
	}
	if s, ok := commonEntities()[string(ref)]; ok {
		return s
	}
	return html.UnescapeString(string(ref))
}

// numericRef reads "&#NNN;" or "&#xHHH;" whose code point html would give
// back unchanged: not NUL, a C1 control (which html maps through
// Windows-1252), a surrogate or beyond Unicode. Anything else is not ok.
func numericRef(ref []byte) (rune, bool) {
	if len(ref) < 4 || ref[0] != '&' || ref[1] != '#' || ref[len(ref)-1] != ';' {
		return 0, false
	}
	digits, base := ref[2:len(ref)-1], rune(10)
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 6 {
		return 0, false
	}
	var r rune
	for _, c := range digits {
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*base + d
	}
	if r == 0 || 0x80 <= r && r <= 0x9F || 0xD800 <= r && r <= 0xDFFF || r > utf8.MaxRune {
		return 0, false
	}
	return r, true
}

// runeString is string(r), from a table for the characters pages escape
// most (Latin-1 letters, dashes, quotes, ellipses).
func runeString(r rune) string {
	t := runeStrings()
	switch {
	case r < 0x180:
		return t.latin[r]
	case 0x2000 <= r && r < 0x2070:
		return t.punct[r-0x2000]
	}
	return string(r)
}

type runeTable struct {
	latin [0x180]string
	punct [0x70]string
}

var runeStrings = sync.OnceValue(func() *runeTable {
	t := new(runeTable)
	for r := range t.latin {
		t.latin[r] = string(rune(r))
	}
	for r := range t.punct {
		t.punct[r] = string(rune(0x2000 + r))
	}
	return t
})

// commonEntities maps the named references essays and blogs use to what
// html.UnescapeString makes of them.
var commonEntities = sync.OnceValue(func() map[string]string {
	m := make(map[string]string)
	for _, name := range []string{"amp", "nbsp", "quot", "lt", "gt", "apos", "rsquo", "lsquo", "rdquo", "ldquo",
		"ndash", "mdash", "hellip", "eacute", "egrave", "aacute", "oacute", "uacute", "iacute", "ccedil",
		"ouml", "uuml", "auml", "szlig", "copy", "reg", "trade", "middot", "laquo", "raquo", "shy", "bull", "sect"} {
		for _, ref := range []string{"&" + name + ";", "&" + name} {
			if s := html.UnescapeString(ref); s != ref {
				m[ref] = s
			}
		}
	}
	return m
})
