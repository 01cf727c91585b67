package entry

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// proseWords are words that prose uses and reference entries rarely do
// outside their titles: verbs of saying and arguing, pronouns, connectives.
var proseWords = map[string]bool{
	"argues": true, "argued": true, "says": true, "said": true, "states": true,
	"stated": true, "shows": true, "showed": true, "claims": true,
	"claimed": true, "writes": true, "wrote": true, "explains": true,
	"suggests": true, "notes": true, "believes": true, "believed": true,
	"is": true, "was": true, "were": true, "are": true, "has": true,
	"had": true, "have": true, "that": true, "because": true, "which": true,
	"however": true, "i": true, "we": true, "my": true, "our": true,
	"he": true, "she": true, "they": true, "it": true, "this": true,
	"would": true, "could": true, "should": true, "not": true, "but": true,
	"also": true, "when": true, "while": true, "there": true, "their": true,
	"his": true, "her": true, "its": true, "been": true, "be": true,
	"will": true, "can": true, "did": true, "does": true, "very": true,
	"reflects": true, "describes": true, "found": true, "finds": true,
	"according": true, "see": true,
}

// IsReferenceShaped reports whether a paragraph looks like a works-cited
// entry rather than a sentence of prose. The bibliography finder uses it
// to recognise a list of sources that has no heading, so it leans to no:
// an essay sentence that names an author and a year ("Freeze (2009) argues
// that …") must not pass.
func IsReferenceShaped(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	words := 0
	for range strings.FieldsSeq(s) {
		if words++; words > 150 {
			return false
		}
	}
	e, f := parse(s)
	if e.BareURL {
		return true
	}
	score := 0
	person := false
	for _, n := range e.Authors {
		if !n.Group {
			person = true
		}
	}
	switch {
	case person && f.names > 0:
		score += 2
	case len(e.Authors) > 0:
		score++
	}
	if f.parenDate || f.bareDateAfterAuthors {
		score += 2
	} else if e.Year != "" {
		score++
	}
	if e.Title != "" && (e.TitleQuoted || e.Container != "" || e.Publisher != "") {
		score++
	}
	if e.TitleQuoted && len(e.Authors) == 0 && e.Container != "" && f.yearAfterContainer {
		// `"The Thaw." Seventeen Moments in Soviet History, 2015.`
		score += 2
	}
	if e.Container != "" && hasDate(e.Date) {
		// "NASA, 12 May 2020": a site and a full date.
		score++
	}
	if tail := strings.TrimRight(s, " .)"); e.URL != "" && strings.HasSuffix(tail, strings.TrimRight(e.URL, ".")) || e.DOI != "" && strings.HasSuffix(tail, e.DOI) {
		// Entries end with their link; prose seldom does.
		score++
	}
	markers := 0
	for _, ok := range []bool{e.URL != "", e.DOI != "", e.ISBN != "", e.Accessed != "", f.retrieved, f.availableAt, f.medium, f.volAbbrev, f.ppAbbrev, e.Volume != "", f.placePublisher} {
		if ok {
			markers++
		}
	}
	score += min(markers, 3)

	// Prose: many everyday words outside quotation marks, or a title that
	// begins in lower case ("Freeze (2009) argues that …").
	prose := 0
	for w := range strings.FieldsSeq(unquoted(s)) {
		if isProseWord(strings.TrimFunc(w, isProsePunct)) {
			prose++
		}
	}
	if f.titleStartsLower && !f.parenDateDot {
		score -= 3
	}
	if prose >= 3 {
		score -= prose - 1
	}
	return score >= 4
}

// isProsePunct is the punctuation around a word that prose counting
// ignores.
func isProsePunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '“', '”', '‘', '’':
		return true
	}
	return false
}

// isProseWord reports whether w, in lower case, is one of proseWords.
// ASCII words are lowered on the stack; the longest prose word has nine
// letters.
func isProseWord(w string) bool {
	var buf [9]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return proseWords[strings.ToLower(w)]
		}
		if i < len(buf) {
			buf[i] = lowerASCII(c)
		}
	}
	return len(w) <= len(buf) && proseWords[string(buf[:len(w)])]
}

// unquoted drops the text between double quotation marks, where titles
// may use any words at all.
func unquoted(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	in := false
	for _, r := range s {
		switch r {
		case '"':
			in = !in
			continue
		case '“':
			in = true
			continue
		case '”':
			in = false
			continue
		}
		if !in {
			b.WriteRune(r)
		} else if unicode.IsSpace(r) {
			b.WriteRune(' ')
		}
	}
	return b.String()
}
