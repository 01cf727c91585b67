package entry

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// appendTokensRef is appendTokens as it was, before its word loop took a
// table.
func appendTokensRef(toks []token, w string, limit int) []token {
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
			continue
		case r < utf8.RuneSelf && isASCIIAlnum(byte(r)) || r >= utf8.RuneSelf && isWordRune(r):
			j := i + n
			for j < len(w) {
				if c := w[j]; c < utf8.RuneSelf && c != '\'' && c != '-' {
					// ASCII: a letter or digit goes on, anything else
					// ends the word.
					if isASCIIAlnum(c) {
						j++
						continue
					}
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
			if j < len(w) && w[j] == '.' && looksInitialRef(t.text) {
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

// looksInitialRef is looksInitial as it was: it reports whether a word before a period is an initial: one
// capital, or a capital and one lower-case letter ("Th.", "Ch.").
func looksInitialRef(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := w[n:]
	if rest == "" {
		return true
	}
	r2, n2 := utf8.DecodeRuneInString(rest)
	return n2 == len(rest) && unicode.IsLower(r2) && (r == 'T' || r == 'C' || r == 'S') && (r2 == 'h')
}

func checkTokens(t *testing.T, s string) {
	t.Helper()
	for _, limit := range []int{3, 200} {
		if got, want := appendTokens(nil, s, limit), appendTokensRef(nil, s, limit); !slices.Equal(got, want) {
			t.Fatalf("appendTokens(%q, %d) = %v, was %v", s, limit, got, want)
		}
	}
	if got, want := looksInitial(s), looksInitialRef(s); got != want {
		t.Fatalf("looksInitial(%q) = %v, was %v", s, got, want)
	}
}

var tokenSamples = []string{
	"", "J.", "Th.", "Ch.", "Sh.", "Tx.", "th.", "É.", "Éh.", "Ж.", "J.-P.", "M.A.", "O'Brien", "O’Brien", "Martin-Facklam",
	"a‐b", "x'", "'x", "-x", "x-", "\xff", "a\xffb", "Hosking, Geoffrey. Youth youth of. Oxford UP, 2018.",
	"“Title,” ‘x’ «y» „z‚", "١٢٣ a٣", "é", "Th", "T.h.", "h", "H", "ǅ.", "Ⅷ.",
}

func TestTokensMatchReference(t *testing.T) {
	for _, s := range tokenSamples {
		checkTokens(t, s)
	}
	pieces := append([]string{"J.", "Th", "h", "-", "'", "’", "‐", "É", "é", "\xff", "٣", "́", "“", "«", " ", "\t", "\u00a0", "."}, fieldPieces...)
	r := rand.New(rand.NewPCG(41, 42))
	for range 30000 {
		checkTokens(t, randomPieces(r, pieces))
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range tokenSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTokens(t, s) })
}
