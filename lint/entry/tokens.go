package entry

import (
	"unicode"
	"unicode/utf8"
)

// tokKind is what a token is.
type tokKind uint8

const (
	tWord    tokKind = iota // letters, digits, inner apostrophes and hyphens
	tInitial                // "J.", "Th.", "J.-P.", "M.A." — the period included
	tPunct                  // one punctuation rune
	tQuote                  // a quotation mark
)

// token is one token of an entry, with its byte range in the entry.
type token struct {
	text        string
	start, end  int
	kind        tokKind
	spaceBefore bool
}

// isQuoteRune reports whether r can open or close a quoted title.
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‚':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// asciiAlnum is isASCIIAlnum as a table: the word loop of appendTokens
// tests every byte of most entries, and a load is cheaper than the ranges.
var asciiAlnum = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isASCIIAlnum(byte(c))
	}
	return t
}()

// isSpaceRune is unicode.IsSpace, quick for ASCII.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// decodeRune is utf8.DecodeRuneInString, quick for ASCII.
func decodeRune(s string) (rune, int) {
	if s != "" && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// tokenize splits the working text into tokens. Apostrophes and hyphens
// between letters stay inside a word (O'Brien, Martin-Facklam); a capital
// with at most one lower-case letter before a period is an initial.
func tokenize(w string, limit int) []token {
	// About one token per five bytes: one allocation for most entries.
	return appendTokens(make([]token, 0, min(limit, len(w)/5+8)), w, limit)
}

// appendTokens appends the tokens of w to toks, as many as make up limit.
func appendTokens(toks []token, w string, limit int) []token {
	space := true
	i := 0
	for i < len(w) && len(toks) < limit {
		// Decoded here, and ASCII classed here, rather than by calls:
		// this loop visits every byte of most entries.
		r, n := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(w[i:])
		}
		switch {
		case r == ' ' || isSpaceRune(r):
			space = true
			i += n
			// A run of spaces, as blanked text leaves, is taken whole.
			for i < len(w) && w[i] == ' ' {
				i++
			}
			continue
		case r < utf8.RuneSelf && asciiAlnum[r] || r >= utf8.RuneSelf && isWordRune(r):
			j := i + n
			for j < len(w) {
				c := w[j]
				if asciiAlnum[c] {
					j++
					continue
				}
				if c < utf8.RuneSelf && c != '\'' && c != '-' {
					// Any other ASCII ends the word.
					break
				}
				r2, n2 := decodeRune(w[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '‐' {
					r3, _ := decodeRune(w[j+n2:])
					if isWordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
			t := token{kind: tWord, text: w[i:j], start: i, end: j, spaceBefore: space}
			if j < len(w) && w[j] == '.' && looksInitial(t.text) {
				t.kind = tInitial
				j++
				// "J.-P." and "M.A." are one initial.
				for {
					k := j
					if k < len(w) && w[k] == '-' {
						k++
					}
					r3, n3 := utf8.DecodeRuneInString(w[k:])
					if !unicode.IsUpper(r3) || k+n3 >= len(w) || w[k+n3] != '.' {
						break
					}
					j = k + n3 + 1
				}
				t.end = j
				t.text = w[i:j]
			}
			toks = append(toks, t)
			i = j
		case isQuoteRune(r):
			toks = append(toks, token{kind: tQuote, text: w[i : i+n], start: i, end: i + n, spaceBefore: space})
			i += n
		default:
			toks = append(toks, token{kind: tPunct, text: w[i : i+n], start: i, end: i + n, spaceBefore: space})
			i += n
		}
		space = false
	}
	return toks
}

// looksInitial reports whether a word before a period is an initial: one
// capital, or a capital and one lower-case letter ("Th.", "Ch.").
func looksInitial(w string) bool {
	r, n := decodeRune(w)
	if r < utf8.RuneSelf {
		if r < 'A' || r > 'Z' {
			return false
		}
	} else if !unicode.IsUpper(r) {
		return false
	}
	rest := w[n:]
	if rest == "" {
		return true
	}
	// The one lower-case letter an initial may have is the h of "Th.",
	// "Ch." and "Sh.".
	return rest == "h" && (r == 'T' || r == 'C' || r == 'S')
}
