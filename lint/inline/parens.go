package inline

import (
	"strings"

	"github.com/citelint/citelint/lint"
)

// maxParen is the longest parenthesis read as a citation: longer ones are
// prose, and the bound keeps the scan linear.
const maxParen = 240

// locatorLabels are the words that introduce a locator: p. 412, para. 3.
var locatorLabels = newWordSet(`
p pp pg pgs page pages para paras par pars paragraph paragraphs ch chap chaps chapter chapters
sec secs section sections l ll line lines vol vols volume col cols fig figs n nn no nos sig loc
pt pts part bk book sc scene act slide slides min sheet folio fol fols f ff tab
`)

// remarks may close a citation: (Freeze 412, emphasis added).
var remarks = [][]string{
	{"emphasis", "added"}, {"emphasis", "mine"}, {"emphasis", "in", "original"}, {"original", "emphasis"},
	{"italics", "added"}, {"italics", "mine"}, {"italics", "in", "original"}, {"my", "emphasis"},
	{"my", "translation"}, {"translation", "mine"}, {"my", "italics"},
}

// parseScratch is reused from parse to parse: what a parse returns does
// not outlive the next parse, but for the authors, carved from an arena.
type parseScratch struct {
	names   nameList
	authors arena[string]
	years   []token
}

// cite is what a parenthesis (or one ';' part of it) says.
type cite struct {
	authors  []string
	etAl     bool
	title    string
	years    []token
	locator  string
	indirect bool
	pageOnly bool
	// authorOnly marks "(von Geldern)" or ("The Thaw"): a name or a title
	// and nothing else, which is a citation only where a citation would
	// stand.
	authorOnly bool
	// labelled marks a locator with a label ("p. 412"), which is a
	// citation wherever it stands.
	labelled bool
	// yearOnly marks "(2009)" or "(2009, p. 3)": narrative if a name
	// stands before it.
	yearOnly bool
}

// yearToken reports whether toks[i:] starts with a year as a citation
// writes it: 2009, 2009a, n.d., in press. It returns the index after it.
func yearToken(toks []token, i int) (int, bool) {
	if i >= len(toks) || !toks[i].isWord() {
		return i, false
	}
	w := toks[i].text
	lw := w
	if !isDigit(rune(w[0])) {
		lw = lower(w)
	}
	if lw == "n.d" {
		j := i + 1
		if j < len(toks) && toks[j].is('.') && toks[j].start == toks[i].end {
			j++
		}
		return j, true
	}
	if strings.HasPrefix(lw, "n.d.-") || lw == "n.d.-a" {
		return i + 1, true
	}
	if lw == "in" && i+1 < len(toks) && strings.EqualFold(toks[i+1].text, "press") {
		return i + 2, true
	}
	if lw == "forthcoming" {
		return i + 1, true
	}
	return i + 1, isYear(w)
}

// isYear reports whether w is a publication year: four digits from 1000 to
// 2099, perhaps with one lower-case letter (2009a).
func isYear(w string) bool {
	if len(w) != 4 && len(w) != 5 {
		return false
	}
	for k := 0; k < 4; k++ {
		if !isDigit(rune(w[k])) {
			return false
		}
	}
	if len(w) == 5 && !('a' <= w[4] && w[4] <= 'z') {
		return false
	}
	return w[0] == '1' || (w[0] == '2' && w[1] == '0')
}

// isNumberish reports whether w reads as a page number or range: 412,
// 12-14, 412n5, 3.2.45, 00:02:15, or a Roman numeral when allowRoman.
func isNumberish(w string, allowRoman bool) bool {
	if w == "" {
		return false
	}
	if isDigit(rune(w[0])) {
		for _, r := range w {
			if !(isDigit(r) || r == '-' || r == '–' || r == '—' || r == '.' || r == ':' || r == '/' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
				return false
			}
		}
		return true
	}
	if !allowRoman || len(w) > 9 {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("ivxlcdmIVXLCDM-–", r) {
			return false
		}
	}
	return true
}

// parseLocator reads toks as a locator: an optional label and numbers,
// perhaps several groups separated by commas ("vol. 2, p. 5", "12-14",
// "412, 415"). It reports whether a label was given.
func parseLocator(toks []token) (labelled, ok bool) {
	if len(toks) == 0 {
		return false, false
	}
	numbers := 0
	roman := false
	for j := 0; j < len(toks); j++ {
		t := toks[j]
		switch {
		case t.isWord() && locatorLabels.has(t.text) && !isNumberish(t.text, false):
			labelled = true
			roman = true
			if j+1 < len(toks) && toks[j+1].is('.') {
				j++
			}
		case t.isWord() && isNumberish(t.text, roman):
			numbers++
		case t.isWord() && gluedLabel(t.text):
			// "p.412": the label and the number without a space.
			labelled = true
			numbers++
		case t.isWord() && (t.text == "and" || t.text == "f" || t.text == "ff"):
		case t.is(',') || t.is('-') || t.is('–') || t.is('—') || t.is('&') || t.is('.') || t.is(':'):
		default:
			return false, false
		}
	}
	return labelled, numbers > 0
}

// parsePart reads one ';'-separated part of a parenthesis.
func parsePart(doc *lint.Document, toks []token, ps *parseScratch) (cite, bool) {
	l := &ps.names
	var c cite
	// "(Khrushchev, 1956, as cited in Freeze, 2009)": the source is what
	// follows the marker; the original speaker needs no entry.
	for k := 1; k+2 < len(toks); k++ {
		if toks[k].isWord() && strings.EqualFold(toks[k].text, "as") && strings.EqualFold(toks[k+1].text, "cited") && strings.EqualFold(toks[k+2].text, "in") {
			toks = toks[k:]
			break
		}
	}
	i := 0
	// Leading words that introduce a citation: see, see also, cf., e.g.,
	// and the indirect-source markers.
	for i < len(toks) {
		t := toks[i]
		if !t.isWord() {
			break
		}
		lw := t.text
		if !startsLower(lw) {
			// Only "See" begins a citation with a capital.
			if !strings.EqualFold(lw, "see") {
				break
			}
			lw = "see"
		}
		switch {
		case lw == "see":
			i++
			if i < len(toks) && strings.EqualFold(toks[i].text, "also") {
				i++
			}
			continue
		case (lw == "cf" || lw == "e.g") && i+1 < len(toks) && toks[i+1].is('.'):
			i += 2
			if i < len(toks) && toks[i].is(',') {
				i++
			}
			continue
		case (lw == "qtd" && i+2 < len(toks) && toks[i+1].is('.') && strings.EqualFold(toks[i+2].text, "in")):
			c.indirect = true
			i += 3
			continue
		case (lw == "quoted" || lw == "cited") && i+1 < len(toks) && strings.EqualFold(toks[i+1].text, "in"):
			c.indirect = true
			i += 2
			continue
		case lw == "as" && i+2 < len(toks) && strings.EqualFold(toks[i+1].text, "cited") && strings.EqualFold(toks[i+2].text, "in"):
			c.indirect = true
			i += 3
			continue
		}
		break
	}
	toks = trimRemarks(toks[i:])
	if len(toks) == 0 {
		return c, false
	}
	lead := toks[0]
	switch {
	case lead.quoted:
		title := strings.TrimRight(strings.TrimSpace(lead.text), ",.;:")
		if title == "" {
			return c, false
		}
		c.title = title
		i = 1
	default:
		if title, j, ok := sentenceCaseTitle(doc, toks); ok {
			c.title = title // (Tidal flooding basics, 2021)
			i = j
			break
		}
		if j, ok := parseNames(l, toks, 0); ok {
			c.authors = ps.authors.take(l.nn)
			for k := range l.nn {
				c.authors[k] = family(doc.Text, &l.names[k])
			}
			c.etAl = l.etAl
			i = j
			if italicTitle(doc, l) {
				c.title, c.authors = doc.Text[l.start:l.end], nil
			}
			break
		}
		if title, j, ok := shortTitle(doc, toks); ok {
			c.title = title
			i = j
			// (The Coastal Reef Trust, 2022): an organisation, not a title.
			if k, ok := parseNames(l, toks[:j], 1); ok && k == j && isOrganisation(l) {
				c.title, c.authors = "", []string{doc.Text[l.start:l.end]}
			}
			break
		}
		if _, ok := yearToken(toks, 0); ok {
			c.yearOnly = true
			i = 0
			break
		}
		labelled, ok := parseLocator(toks)
		if !ok {
			return c, false
		}
		if !labelled && yearsOnly(toks) {
			return c, false // (1953-1964): dates in prose
		}
		c.pageOnly, c.labelled = true, labelled
		c.locator = strings.TrimSpace(doc.Text[toks[0].start:toks[len(toks)-1].end])
		return c, true
	}
	// A title after the author: (Freeze, "Russia" 412), (Freeze, Russia 412).
	if len(c.authors) > 0 && i < len(toks) {
		j := i
		if toks[j].is(',') {
			j++
		}
		if j < len(toks) && toks[j].quoted {
			c.title = strings.TrimRight(strings.TrimSpace(toks[j].text), ",.;:")
			i = j + 1
		} else if j > i && j < len(toks) && nameWord(toks[j]) {
			if k, ok := parseNames(l, toks, j); ok && l.nn == 1 && !l.etAl && (k == len(toks) || !toks[k].is(',')) {
				c.title = doc.Text[l.start:l.end]
				i = k
			} else if title, k, ok := shortTitle(doc, toks[j:]); ok {
				c.title = title // (Ehrenburg, The Thaw 12)
				i = j + k
			}
		}
	}
	// Years: (Freeze, 2009), (Freeze 2009: 412), (Freeze, 2009, 2011).
	if i < len(toks) {
		c.years = ps.years[:0]
		defer func() { ps.years = c.years[:0] }()
		j := i
		if toks[j].is(',') {
			j++
		}
		for j < len(toks) {
			k, ok := yearToken(toks, j)
			if !ok {
				break
			}
			c.years = append(c.years, token{text: doc.Text[toks[j].start:toks[k-1].end], start: toks[j].start, end: toks[k-1].end})
			i = k
			if k < len(toks) && toks[k].is(',') {
				if _, ok := yearToken(toks, k+1); ok {
					j = k + 1
					continue
				}
			}
			break
		}
	}
	// The locator: the rest.
	if i < len(toks) {
		j := i
		if toks[j].is(',') || toks[j].is(':') {
			j++
		}
		rest := toks[j:]
		// After an author, a lower-case Roman numeral is a page: (Freeze xii).
		labelled, ok := parseLocator(rest)
		if !ok && len(c.authors)+len(c.title) > 0 && len(rest) == 1 && rest[0].isWord() && startsLower(rest[0].text) && isNumberish(rest[0].text, true) {
			ok = true
		}
		if !ok {
			return c, false
		}
		c.labelled = labelled
		c.locator = strings.TrimSpace(doc.Text[rest[0].start:rest[len(rest)-1].end])
	}
	if c.yearOnly {
		return c, true
	}
	if len(c.authors) == 0 && c.title == "" {
		return c, false
	}
	if len(c.authors) == 1 && len(c.years) == 0 && c.title == "" {
		// An acronym with no year is a gloss: (USSR), (NATO 12).
		if allUpper(c.authors[0]) && !strings.Contains(c.authors[0], " ") {
			return c, false
		}
	}
	// A name or a title alone cites only where a citation stands; see
	// blockScan.paren.
	c.authorOnly = len(c.years) == 0 && c.locator == "" && (c.title == "" || len(c.authors) == 0)
	if c.title != "" && len(c.authors) == 0 && len(c.years) == 0 && c.locator == "" && !startsUpper(c.title) {
		r, _ := runeAt(c.title, 0)
		if !isDigit(r) {
			return c, false // ("a quoted phrase") in parentheses is no title
		}
	}
	return c, true
}

// trimRemarks drops a closing remark such as ", emphasis added".
func trimRemarks(toks []token) []token {
	if n := len(toks); n == 0 || !toks[n-1].isWord() || !startsLower(toks[n-1].text) {
		return toks
	}
	for _, words := range remarks {
		if len(toks) < len(words) {
			continue
		}
		tail := toks[len(toks)-len(words):]
		match := true
		for k, w := range words {
			if !tail[k].isWord() || !strings.EqualFold(tail[k].text, w) {
				match = false
				break
			}
		}
		if match {
			rest := toks[:len(toks)-len(words)]
			if n := len(rest); n > 0 && (rest[n-1].is(',') || rest[n-1].is(';')) {
				rest = rest[:n-1]
			}
			return rest
		}
	}
	return toks
}

// italicTitle reports whether the names just parsed are an italicised
// short title, (Russia 412), rather than an author.
func italicTitle(doc *lint.Document, l *nameList) bool {
	for _, it := range doc.Italics {
		if it.Start <= l.start && l.end <= it.End {
			return true
		}
	}
	return false
}

// shortTitle reads a short title that the plain text lost the italics of:
// "The Thaw 12" — it starts with an article and goes on in capitalised
// words, and is a title only when a locator or year follows (a bare
// "(The Party)" is prose).
func shortTitle(doc *lint.Document, toks []token) (string, int, bool) {
	if len(toks) < 2 || !toks[0].isWord() {
		return "", 0, false
	}
	if w := toks[0].text; !strings.EqualFold(w, "the") && !strings.EqualFold(w, "a") && !strings.EqualFold(w, "an") {
		return "", 0, false
	}
	if !startsUpper(toks[0].text) {
		return "", 0, false
	}
	j := 1
	for j < len(toks) && toks[j].isWord() && (startsUpper(toks[j].text) || connectors.exact(toks[j].text)) && !isNumberish(toks[j].text, false) {
		j++
	}
	if j == 1 || j == len(toks) {
		return "", 0, false
	}
	title := doc.Text[toks[0].start:toks[j-1].end]
	return title, j, true
}

// yearsOnly reports whether every number of an unlabelled locator is a
// year: "(1953-1964)" dates an event, it cites no page.
func yearsOnly(toks []token) bool {
	seen := false
	for _, t := range toks {
		if !t.isWord() {
			continue
		}
		// Split at dashes and slashes: 1953-1964, 1953–64.
		w, prev := t.text, ""
		for w != "" {
			k := strings.IndexAny(w, "-–—/")
			part := w
			if k >= 0 {
				part = w[:k]
				_, n := runeAt(w, k)
				w = w[k+n:]
			} else {
				w = ""
			}
			if part == "" {
				continue
			}
			if !isYear(part) && !(prev != "" && len(part) == 2 && isDigit(rune(part[0])) && isDigit(rune(part[1]))) {
				return false
			}
			prev, seen = part, true
		}
	}
	return seen
}

// gluedLabel reports whether w is a locator label glued to its number:
// "p.412", "pp.12-14".
func gluedLabel(w string) bool {
	k := strings.IndexByte(w, '.')
	return k > 0 && k+1 < len(w) && locatorLabels.has(w[:k]) && isNumberish(w[k+1:], false)
}

// sentenceCaseTitle reads an authorless work's title written in sentence
// case, its italics lost in plain text: "(Tidal flooding basics, 2021)".
// Only a comma and a year after it make it a title; "(Reforms began)" is
// prose.
func sentenceCaseTitle(doc *lint.Document, toks []token) (string, int, bool) {
	if len(toks) < 4 || !nameWord(toks[0]) || !toks[1].isWord() || !startsLower(toks[1].text) {
		return "", 0, false
	}
	if w := toks[1].text; w == "and" || w == "et" || particles.has(w) || connectors.has(w) {
		return "", 0, false // a name goes on: "Freeze and Smith", "Library of Congress"
	}
	j := 1
	for j < len(toks) && j < 12 && (toks[j].isWord() || toks[j].is(':') || toks[j].is('-')) && !isYear(toks[j].text) {
		j++
	}
	if j+1 >= len(toks) || !toks[j].is(',') {
		return "", 0, false
	}
	if _, ok := yearToken(toks, j+1); !ok {
		return "", 0, false
	}
	return doc.Text[toks[0].start:toks[j-1].end], j, true
}
