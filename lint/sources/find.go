package sources

import (
	"strings"

	"github.com/citelint/citelint/lint/match"
	"github.com/citelint/citelint/lint/names"
)

// Query says what a citation or works-cited entry points to. Any field may
// be empty.
type Query struct {
	URL   string
	DOI   string
	ISBN  string
	Title string
	// Authors are family names as written ("von Geldern").
	Authors []string
}

// sourceKeys are a source's identifiers, folded for comparison once, when
// the library opens.
type sourceKeys struct {
	urls    map[string]bool
	doi     string
	isbn    string
	titles  map[string]bool
	authors map[string]bool
}

// Evidence weights. An address, a DOI or an ISBN names one work; a title
// nearly does; an author alone only when the library holds one work of
// theirs. A conflicting identifier counts against, so that an entry by
// von Geldern titled otherwise does not land on his page about the Thaw.
const (
	scoreID       = 100
	scoreTitle    = 40
	scoreAuthor   = 25
	penaltyDOI    = 50
	penaltyTitle  = 30
	penaltyURL    = 20
	penaltyAuthor = 30
	minScore      = scoreAuthor
)

// doiURLPrefixHost is how a doi.org link starts once normalised: such a
// link is its DOI.
const doiURLPrefixHost = "doi.org/"

// Find returns the source that q points to, or nil when none does or when
// two sources fit equally well. URLs compare without scheme, "www.",
// trailing slash, fragment and tracking parameters (utm_* and the like); a
// doi.org link counts as its DOI; DOIs compare without case; ISBN-10 and
// ISBN-13 forms of one book are equal; titles compare folded (case,
// accents, punctuation, a leading article), whole or by the parts a page
// title joins with " | " or " — " or a subtitle's colon; authors by family
// name, accents and particles folded.
func (l *Library) Find(q Query) *Source {
	qk := queryKeys(q)
	var best *Source
	bestScore, tie := 0, false
	for _, s := range l.Sources {
		sc := s.keys.score(qk)
		switch {
		case sc > bestScore:
			best, bestScore, tie = s, sc, false
		case sc == bestScore && sc > 0:
			tie = true
		}
	}
	if best == nil || bestScore < minScore || tie {
		return nil
	}
	return best
}

// queryKeys folds a query as keysOf folds a source.
func queryKeys(q Query) sourceKeys {
	k := sourceKeys{urls: map[string]bool{}, titles: map[string]bool{}, authors: map[string]bool{}}
	if u := match.NormalizeURL(q.URL); u != "" {
		if doi, ok := strings.CutPrefix(u, doiURLPrefixHost); ok {
			k.doi = normalizeDOI(doi)
		} else if doi, ok := strings.CutPrefix(u, "dx."+doiURLPrefixHost); ok {
			k.doi = normalizeDOI(doi)
		} else {
			k.urls[u] = true
		}
	}
	if d := normalizeDOI(q.DOI); d != "" {
		k.doi = d
	}
	k.isbn = NormalizeISBN(q.ISBN)
	if t := foldTitle(q.Title); t != "" {
		k.titles[t] = true
		if main, _, ok := strings.Cut(q.Title, ":"); ok {
			if t := foldTitle(main); t != "" {
				k.titles[t] = true
			}
		}
	}
	for _, a := range q.Authors {
		addAuthorKeys(k.authors, a)
	}
	return k
}

// keysOf folds what a source answers to.
func keysOf(s *Source) sourceKeys {
	k := sourceKeys{urls: map[string]bool{}, titles: map[string]bool{}, authors: map[string]bool{}}
	for _, u := range s.URLs {
		if n := match.NormalizeURL(u); n != "" {
			k.urls[n] = true
		}
	}
	k.doi = normalizeDOI(s.DOI)
	k.isbn = NormalizeISBN(s.ISBN)
	for _, t := range append([]string{s.Title}, s.altTitles...) {
		for _, v := range titleVariants(t) {
			k.titles[v] = true
		}
	}
	for _, a := range s.Authors {
		addAuthorKeys(k.authors, familyOf(a))
	}
	return k
}

// score weighs how well a query fits the source.
func (k sourceKeys) score(q sourceKeys) int {
	sc := 0
	urlSeen := false
	for u := range q.urls {
		urlSeen = true
		if k.urls[u] {
			sc += scoreID
		}
	}
	if urlSeen && sc == 0 && len(k.urls) > 0 {
		sc -= penaltyURL
	}
	if q.doi != "" && k.doi != "" {
		if q.doi == k.doi {
			sc += scoreID
		} else {
			sc -= penaltyDOI
		}
	}
	if q.isbn != "" && k.isbn != "" && q.isbn == k.isbn {
		sc += scoreID
	}
	if len(q.titles) > 0 && len(k.titles) > 0 {
		hit := false
		for t := range q.titles {
			if k.titles[t] {
				hit = true
				break
			}
		}
		if hit {
			sc += scoreTitle
		} else {
			sc -= penaltyTitle
		}
	}
	if len(q.authors) > 0 && len(k.authors) > 0 {
		hit := false
		for a := range q.authors {
			if k.authors[a] {
				hit = true
				break
			}
		}
		if hit {
			sc += scoreAuthor
		} else {
			// Ehrenburg's novel The Thaw is not von Geldern's page "The Thaw".
			sc -= penaltyAuthor
		}
	}
	return sc
}

// titleSeparators join the parts of a page title: the work, the site, the
// section.
var titleSeparators = []string{" | ", " — ", " – ", " - ", " :: ", " · ", " » ", ": "}

// titleVariants returns a title folded whole and by its parts, so that the
// page "1954: The Thaw | Seventeen Moments in Soviet History" answers to
// "The Thaw".
func titleVariants(title string) []string {
	seen := map[string]bool{title: true}
	parts := []string{title}
	for _, sep := range titleSeparators {
		for _, p := range parts {
			if !strings.Contains(p, sep) {
				continue
			}
			for _, piece := range strings.Split(p, sep) {
				if !seen[piece] {
					seen[piece] = true
					parts = append(parts, piece)
				}
			}
		}
	}
	var out []string
	for _, p := range parts {
		if f := foldTitle(p); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// foldTitle folds a title for comparison: case, accents and punctuation,
// and a leading article.
func foldTitle(t string) string {
	f := names.Fold(t)
	for _, article := range []string{"the ", "a ", "an "} {
		if rest, ok := strings.CutPrefix(f, article); ok {
			return rest
		}
	}
	return f
}

// familyOf takes the family name out of an author's name as written:
// "von Geldern, James" and "James von Geldern" both give "von Geldern".
func familyOf(author string) string {
	author = strings.TrimSpace(author)
	if family, _, ok := strings.Cut(author, ","); ok {
		return strings.TrimSpace(family)
	}
	words := strings.Fields(author)
	for len(words) > 1 && isSuffix(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) <= 1 {
		return strings.Join(words, " ")
	}
	for i := 1; i < len(words)-1; i++ {
		if names.IsParticle(words[i]) && words[i] == strings.ToLower(words[i]) {
			return strings.Join(words[i:], " ")
		}
	}
	return words[len(words)-1]
}

func isSuffix(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "jr", "sr", "ii", "iii", "iv", "phd", "md":
		return true
	}
	return false
}

// addAuthorKeys adds a family name's keys: with its particles and without,
// so that "Geldern" finds "von Geldern" (lookup is lenient; whether the
// citation spells the name right is another rule's business).
func addAuthorKeys(keys map[string]bool, family string) {
	k := names.Key(family)
	if k == "" {
		return
	}
	keys[k] = true
	if stripped := names.StripParticles(k); stripped != "" {
		keys[stripped] = true
	}
}

// normalizeDOI lowers a DOI and strips the "doi:" or resolver prefix.
func normalizeDOI(d string) string {
	d = strings.ToLower(strings.TrimSpace(d))
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"} {
		d = strings.TrimPrefix(d, p)
	}
	return strings.TrimRight(strings.TrimSpace(d), ".,;")
}

// ISBNChars keeps the characters of an ISBN as written: its digits, and
// x or X as X; hyphens, spaces and anything else go.
func ISBNChars(s string) []byte {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b = append(b, c)
		case c == 'x' || c == 'X':
			b = append(b, 'X')
		}
	}
	return b
}

// NormalizeISBN keeps an ISBN's digits (and a final X) and writes an
// ISBN-10 as its ISBN-13.
func NormalizeISBN(s string) string {
	b := ISBNChars(s)
	switch len(b) {
	case 13:
		return string(b)
	case 10:
		d := append([]byte("978"), b[:9]...)
		sum := 0
		for i, c := range d {
			w := 1
			if i%2 == 1 {
				w = 3
			}
			sum += w * int(c-'0')
		}
		return string(append(d, byte('0'+(10-sum%10)%10)))
	}
	return ""
}
