package online

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint/sources"
)

// ValidDOI reports whether doi has a DOI's syntax: "10.", a registrant
// code of 4 to 9 digits (with optional dotted sub-codes, 10.1000.10/x), a
// slash, and a suffix of printable characters without spaces.
func ValidDOI(doi string) bool {
	rest, ok := strings.CutPrefix(doi, "10.")
	if !ok {
		return false
	}
	prefix, suffix, ok := strings.Cut(rest, "/")
	if !ok || suffix == "" {
		return false
	}
	first, subs, dotted := strings.Cut(prefix, ".")
	if len(first) < 4 || len(first) > 9 || !allDigits(first) {
		return false
	}
	if dotted {
		for _, s := range strings.Split(subs, ".") {
			if s == "" || !allDigits(s) {
				return false
			}
		}
	}
	if !utf8.ValidString(suffix) {
		return false
	}
	for _, r := range suffix {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// NormalizeDOI strips a resolver address or "doi:" label from a DOI as
// written and the punctuation that ends a sentence after it. DOIs compare
// case-insensitively; the case is kept for messages.
func NormalizeDOI(s string) string {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "dx.doi.org/", "doi:", "doi "} {
		if strings.HasPrefix(lower, p) {
			s, lower = strings.TrimSpace(s[len(p):]), strings.TrimSpace(lower[len(p):])
		}
	}
	return strings.TrimRight(s, ".,;")
}

// DOIClaim is something an entry's text offers as a DOI: the words after a
// "doi:" label, a "DOI" label or a doi.org address.
type DOIClaim struct {
	// Start and End are byte offsets of the claimed DOI in the text.
	Start, End int
	DOI        string
}

// doiLabels are how entries introduce a DOI, in lower case. Each holds
// "doi"; before is how many bytes of it stand before that "doi".
var doiLabels = []struct {
	label  string
	before int
}{
	{"https://dx.doi.org/", 11}, {"http://dx.doi.org/", 10}, {"https://doi.org/", 8}, {"http://doi.org/", 7},
	{"doi.org/", 0}, {"doi:", 0}, {"doi ", 0},
}

// indexDOIWord returns the offset of the first "doi", in any ASCII case, in
// text at or after from, or -1.
func indexDOIWord(text string, from int) int {
	for i := from; i+2 < len(text); i++ {
		if text[i]|0x20 == 'd' && text[i+1]|0x20 == 'o' && text[i+2]|0x20 == 'i' {
			return i
		}
	}
	return -1
}

// hasPrefixFold reports whether s[at:] starts with lower, an ASCII lower-case
// string, in any ASCII case.
func hasPrefixFold(s string, at int, lower string) bool {
	if at < 0 || len(s)-at < len(lower) {
		return false
	}
	for k := 0; k < len(lower); k++ {
		c := s[at+k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[k] {
			return false
		}
	}
	return true
}

// DOIClaims finds what text offers as DOIs. Only a claim that starts with
// a digit is returned: "DOI" followed by a word is prose ("DOI not
// available"), not a DOI written wrong.
//
// Labels are matched in ASCII case only, so offsets are the text's own.
// Every label holds "doi", and none holds a second one before it, so the
// first "doi" that some label fits around gives the earliest label, and
// the label that starts earliest around it is the longest.
func DOIClaims(text string) []DOIClaim {
	var out []DOIClaim
	for i := 0; i < len(text); {
		at, label := -1, ""
		for p := indexDOIWord(text, i); p >= 0 && at < 0; p = indexDOIWord(text, p+1) {
			for _, l := range doiLabels {
				if start := p - l.before; start >= i && hasPrefixFold(text, start, l.label) {
					at, label = start, l.label
					break
				}
			}
		}
		if at < 0 {
			break
		}
		// "doi" must start a word: "Doing" and "adoi:" are not labels.
		if strings.HasPrefix(label, "doi") && at > 0 && isWordByte(text[at-1]) {
			i = at + len(label)
			continue
		}
		j := at + len(label)
		for j < len(text) && text[j] == ' ' {
			j++
		}
		end := j
		for end < len(text) && !isSpaceByte(text[end]) {
			end++
		}
		i = max(end, at+len(label))
		token := strings.TrimRight(text[j:end], ".,;)]>")
		if token == "" || token[0] < '0' || token[0] > '9' {
			continue
		}
		out = append(out, DOIClaim{Start: j, End: j + len(token), DOI: token})
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ISBNDigits keeps an ISBN's digits and a final X: "978-0-19-536194-5"
// gives "9780195361945". It returns "" when what is left is not 10 or 13
// characters long or has an X anywhere but last.
func ISBNDigits(s string) string {
	b := sources.ISBNChars(s)
	if len(b) != 10 && len(b) != 13 {
		return ""
	}
	for _, c := range b[:len(b)-1] {
		if c == 'X' {
			return ""
		}
	}
	if len(b) == 13 && b[12] == 'X' {
		return ""
	}
	return string(b)
}

// ValidISBN reports whether s is an ISBN-10 or ISBN-13 whose check digit
// is right. Hyphens and spaces are ignored.
func ValidISBN(s string) bool {
	d := ISBNDigits(s)
	switch len(d) {
	case 10:
		sum := 0
		for i := range 10 {
			v := int(d[i] - '0')
			if d[i] == 'X' {
				v = 10
			}
			sum += (10 - i) * v
		}
		return sum%11 == 0
	case 13:
		sum := 0
		for i := range 13 {
			w := 1
			if i%2 == 1 {
				w = 3
			}
			sum += w * int(d[i]-'0')
		}
		return sum%10 == 0
	}
	return false
}

// ISBN13 writes a valid ISBN-10 as its ISBN-13, so that both forms of one
// book compare equal; an ISBN-13 is returned as its digits.
func ISBN13(s string) string {
	return sources.NormalizeISBN(ISBNDigits(s))
}
