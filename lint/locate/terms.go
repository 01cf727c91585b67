package locate

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// commonRank: the 3,000 most frequent words of spoken English are words
// every text shares ("party", "union", "life", "history"), never evidence
// that a source is about what a passage is about. The cut sits above
// "union" (2,481) on purpose: "Soviet Union" and a "Trade Union" are not one
// subject.
const commonRank = 3000

// nameBoost weighs a name (a capitalised word in mid-sentence that is not a
// common word, or a word the frequency list writes with a capital) above an
// ordinary rare word: names and titles say most about what a text is about.
const nameBoost = 1.5

// nameParticles are the small words of names ("von Geldern", "ibn
// Khaldun"): rare in English, yet they say nothing about a subject.
var nameParticles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "del": true, "della": true, "des": true,
	"ibn": true, "bin": true, "dos": true, "das": true, "ter": true,
}

// Terms returns the distinctive terms of a text, each with its weight:
// words outside the commonest 3,000 of spoken English, names above all.
// Each term is a folded word (see Normalize) with a possessive "'s" and a
// plural "s" taken off when the singular is the more frequent English word,
// so that "Ehrenburg's" and "novels" count as "ehrenburg" and "novel".
// Numbers and words of fewer than three letters are not terms. A weight
// grows with the word's rarity (0.5 for a word just past the common ones,
// 1 for a word too rare to be ranked), with nameBoost for a name, and with
// the logarithm of how often the text uses it.
func Terms(text string) map[string]float64 {
	counts := map[string]int{}
	names := map[string]bool{}
	eachTerm(text, func(term string, name bool) {
		counts[term]++
		if name {
			names[term] = true
		}
	})
	out := make(map[string]float64, len(counts))
	for term, n := range counts {
		w := rarity(term) * (1 + math.Log(float64(n)))
		if names[term] || englishName(term) {
			w *= nameBoost
		}
		out[term] = w
	}
	return out
}

// TermCounts returns how often each distinctive term (as Terms has them)
// stands in text: what a caller needs to tell a word a page keeps using
// from one that comes from its name alone.
func TermCounts(text string) map[string]int {
	counts := map[string]int{}
	eachTerm(text, func(term string, _ bool) { counts[term]++ })
	return counts
}

// rarity is 1 for a word too rare to be ranked and falls, with the log of
// its rank, to 0.5 at the last common word.
func rarity(term string) float64 {
	rank := EnglishRank(term)
	if rank == 0 {
		return 1
	}
	span := math.Log(englishSize) - math.Log(commonRank)
	return 0.5 + 0.5*(math.Log(float64(rank))-math.Log(commonRank))/span
}

// eachTerm calls fn with each distinctive term of text, and whether it
// stands as a name there.
func eachTerm(text string, fn func(term string, name bool)) {
	sc := scanner{text: text}
	for {
		word, start, end, ok := sc.next()
		if !ok {
			return
		}
		// Most words of any text are common: drop them before making a
		// string of them.
		if r := englishWords()[string(word)]; (r > 0 && r < commonRank) || (r < 0 && -r < commonRank) {
			continue
		}
		term := string(word)
		if hasDigit(term) || utf8.RuneCountInString(term) < 3 {
			continue
		}
		if possessive(text[start:end]) {
			term = strings.TrimSuffix(term, "s")
		}
		term = singular(term)
		rank := EnglishRank(term)
		if (rank != 0 && rank < commonRank) || nameParticles[term] {
			continue
		}
		first, _ := utf8.DecodeRuneInString(text[start:])
		name := unicode.IsUpper(first) && !sentenceStart(text, start)
		fn(term, name)
	}
}

// possessive reports whether a word as written ends in "'s" or "’s".
func possessive(word string) bool {
	for _, suffix := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(word, suffix) {
			return true
		}
	}
	return false
}

// singular takes a plural "s" (or "ies") off a folded word when the
// singular is an English word more frequent than the plural form, or the
// plural is unknown: "novels" → "novel", "tendencies" → "tendency", but
// "news" and "thesis" stay.
func singular(term string) string {
	if len(term) < 4 || !strings.HasSuffix(term, "s") ||
		strings.HasSuffix(term, "ss") || strings.HasSuffix(term, "us") || strings.HasSuffix(term, "is") {
		return term
	}
	cands := []string{term[:len(term)-1]}
	if strings.HasSuffix(term, "ies") {
		cands = []string{term[:len(term)-3] + "y", term[:len(term)-1]}
	} else if strings.HasSuffix(term, "es") {
		cands = append(cands, term[:len(term)-2])
	}
	plural := EnglishRank(term)
	for _, c := range cands {
		r := EnglishRank(c)
		if r != 0 && (plural == 0 || r < plural) {
			return c
		}
	}
	return term
}

// sentenceStart reports whether the word at byte start opens a sentence,
// a line or the text, where a capital says nothing about names.
func sentenceStart(text string, start int) bool {
	i := start
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '\n':
			return true
		case unicode.IsSpace(r) || strings.ContainsRune("\"'“”‘’«»([*_#>", r):
			i -= size
			continue
		case r == '.' || r == '!' || r == '?' || r == ':' || r == '•' || r == '·' || r == '|':
			return true
		}
		return false
	}
	return true
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Shared is what a passage's distinctive terms have in common with a
// source's.
type Shared struct {
	// Terms are the passage's terms that the source also has, weightiest
	// first.
	Terms []string
	// Score is the passage's weight in shared terms over its whole weight,
	// from 0 (nothing in common) to 1; terms in the ignore lists count in
	// neither.
	Score float64
}

// Overlap compares a passage's distinctive terms with a source's (both as
// Terms gives them). Terms in any ignore list count on neither side: a
// citation's own words, which name the source and so prove nothing about
// its content, or a source's own name and site chrome, which every page of
// the site repeats. source-off-topic fires when Terms is empty.
func Overlap(passage, source map[string]float64, ignore ...map[string]float64) Shared {
	var total, shared float64
	var terms []string
	for term, w := range passage {
		if ignored(term, ignore) {
			continue
		}
		total += w
		if inSource(source, term) {
			shared += w
			terms = append(terms, term)
		}
	}
	sort.Slice(terms, func(a, b int) bool {
		wa, wb := passage[terms[a]], passage[terms[b]]
		if wa != wb {
			return wa > wb
		}
		return terms[a] < terms[b]
	})
	var out Shared
	out.Terms = terms
	if total > 0 {
		out.Score = shared / total
	}
	return out
}

// inSource reports whether the source has term in either number. Terms
// takes a plural "s" off only when the singular is a known English word, so
// a word too rare to be ranked keeps the form it was written in: a passage
// on a "compositor" must still meet a source on "compositors".
func inSource(source map[string]float64, term string) bool {
	if _, ok := source[term]; ok {
		return true
	}
	for _, v := range numberVariants(term) {
		if _, ok := source[v]; ok {
			return true
		}
	}
	return false
}

// numberVariants are the other forms a term may take in the other number:
// "compositor" ↔ "compositors", "marsh" ↔ "marshes".
func numberVariants(term string) []string {
	out := []string{term + "s", term + "es"}
	if len(term) > 3 && strings.HasSuffix(term, "s") && !strings.HasSuffix(term, "ss") {
		out = append(out, term[:len(term)-1])
		if strings.HasSuffix(term, "es") {
			out = append(out, term[:len(term)-2])
		}
	}
	return out
}

func ignored(term string, lists []map[string]float64) bool {
	for _, l := range lists {
		if _, ok := l[term]; ok {
			return true
		}
	}
	return false
}
