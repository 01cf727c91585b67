package entry

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

var (
	// reParenDate is APA's and Harvard's date after the authors: "(2009)",
	// "(2020, March 3)", "(n.d.)", "(in press)".
	reParenDate = lazyRegexp(`^\(\s*(\[[^\]]{1,20}\]|(\d{4}[a-z]?)(?:\s*[,/–-]\s*[^()]{0,40}?)?|(?i:n\.\s?d\.(?:-[a-z])?|in press|forthcoming|s\.\s?d\.|no date))\s*\)`)
	// reAnchoredBareDate is "Name. 2019." at the head of an entry.
	reAnchoredBareDate = lazyRegexp(`^([^.()“”"]{1,80})\.\s+(\d{4}[a-z]?(?:\s*[–-]\s*(?:\d{4})?)?|n\.\s?d\.)(?:[.,]?\s|[.,]?$)`)

	reEdition      = lazyRegexp(`^(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+\.?|Rev\.|Revised|Expanded)\s+(?i:ed\.|edition)\s*,?\s*`)
	reContributors = lazyRegexp(`^(?:(?:Translated|Edited|Directed|Performed|Narrated|Illustrated|Introduced|Compiled|Adapted)(?: and (?:translated|edited))? by|(?:Trans|Ed|Eds|Dir)\.|(?:Introduction|Foreword|Afterword|Preface) by)\s+[^,.]*(?:\.\s?\p{Lu}\.[^,.]*)*[,.]`)

	// reTitlePlacePub is ", City: Publisher" run on at the end of a title.
	reTitlePlacePub = lazyRegexp(`,\s*(\p{Lu}[\p{L} .'’-]{1,30}):\s*(\p{Lu}[^,:]{1,60})$`)
	reRomanPart     = lazyRegexp(`^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s`)
)

// isAbbreviation reports whether w is an abbreviation, whose period does not
// end a field.
func isAbbreviation(w string) bool {
	switch w {
	case "vs", "St", "Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "No", "no", "Vol",
		"vol", "ed", "eds", "Ed", "Eds", "etc", "Inc", "Co", "Ltd", "Corp", "pp",
		"Rev", "Gen", "Gov", "Sen", "Rep", "Prof", "Univ", "Dept", "Ch", "Mt",
		"Ft", "al", "eg", "ie", "cf", "approx", "trans", "Trans", "Jan", "Feb",
		"Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// isPublisherWord reports whether w marks a publisher rather than a journal
// or website.
func isPublisherWord(w string) bool {
	switch w {
	case "Press", "Publishing", "Publishers", "Publisher", "Books", "Verlag",
		"Wiley", "Springer", "Elsevier", "Routledge", "Penguin", "Norton",
		"Sage", "SAGE", "House", "Macmillan", "Palgrave", "Harper",
		"HarperCollins", "Knopf", "Vintage", "Doubleday", "Scribner", "Houghton",
		"Bloomsbury", "Blackwell", "Pearson", "McGraw-Hill", "Cengage", "UP",
		"Random", "CRC", "Ltd", "Inc", "Editions", "Éditions", "Guilford",
		"Erlbaum", "Academic", "Taylor":
		return true
	}
	return false
}

// date runs the date stage: a date right after the authors.
func (p *parser) date() {
	start := p.pos
	p.skipSpace()
	if p.pos < len(p.w) && (p.w[p.pos] == '.' || p.w[p.pos] == ',') {
		p.pos++
		p.skipSpace()
	}
	if ds, de, closed, ok := parenDateAt(p.work(), p.pos, true); ok {
		p.setDate(ds, de)
		p.pos = closed
		// Chicago gives a reprint's original year first: "(1970) 1972."
		if ys, ye := reprintYear(p.rest()); ys >= 0 {
			p.setDate(p.pos+ys, p.pos+ye)
			p.f.bareDateAfterAuthors = true
			p.pos += ye
			return
		}
		p.f.parenDate = true
		if p.pos < len(p.w) && p.w[p.pos] == '.' {
			p.f.parenDateDot = true
		}
		return
	}
	if len(p.e.Authors) > 0 {
		prev := strings.TrimRight(p.work()[:p.pos], " ")
		if de := bareDate(p.rest()); de >= 0 && (strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, ",")) {
			p.setDate(p.pos, p.pos+de)
			p.f.bareDateAfterAuthors = true
			p.pos += de
			return
		}
		p.pos = start
		return
	}
	// No author read, but "Name. 2019a." is an author-date entry whose
	// author is one word or an organisation ("Epocrates. 2019a.").
	if m := findSubmatchIndexIf(reAnchoredBareDate, p.rest(), anchoredBareDateMay(p.rest())); m != nil {
		segStart, segEnd := trimRange(p.s, p.pos+m[2], p.pos+m[3], " ")
		// Ambiguous with an MLA title and its year ("Interesting Things.
		// 2014."), but a year straight after the first field is
		// author-date's mark, and there the first field is the author.
		if end, _ := p.sentenceEnd(segStart, segEnd+1, false); end >= segEnd && looksLikeGroup(p.s[segStart:segEnd]) {
			p.e.Authors = append(p.e.Authors, groupNameOf(p.s[segStart:segEnd]))
			p.f.names = 1
			p.setDate(p.pos+m[4], p.pos+m[5])
			p.f.bareDateAfterAuthors = true
			p.pos += m[5]
			return
		}
	}
	// No author read: APA puts a group author, or for an authorless work
	// the title, before "(2020)."
	open, closed := findParenDate(p.rest())
	if open <= 0 || open > 250 {
		p.pos = start
		return
	}
	segStart, segEnd := trimRange(p.s, p.pos, p.pos+open, " .,")
	closing := p.pos + closed
	endsField := strings.HasSuffix(strings.TrimRight(p.s[p.pos:p.pos+open], " "), ".") ||
		closing >= len(p.s) || strings.HasPrefix(strings.TrimLeft(p.s[closing:], " "), ".")
	if segEnd <= segStart || !endsField {
		// "as Jones (2018) notes" is prose; an entry closes the field
		// before or after the date: "Organization. (2020)." / "Brown
		// v. Board of Education (1954)."
		p.pos = start
		return
	}
	if end, _ := p.sentenceEnd(segStart, segEnd, false); end < segEnd || strings.ContainsAny(p.s[segStart:segEnd], "\"“”") {
		p.pos = start
		return
	}
	seg := p.s[segStart:segEnd]
	if looksLikeGroup(seg) {
		p.e.Authors = append(p.e.Authors, groupNameOf(seg))
		p.f.names = 1
	} else {
		p.setTitle(segStart, segEnd, false)
	}
	// The date is read from the original text; where something blanked
	// from the working copy made it ("(2020 *, March*)"), the original
	// does not read as one, and the date findParenDate found stands.
	if dm := reParenDate().FindStringSubmatchIndex(p.s[p.pos+open:]); dm != nil {
		p.setDate(p.pos+open+dm[2], p.pos+open+dm[3])
	} else if ds, de, _, ok := parenDateAt(p.rest(), open, false); ok {
		p.setDate(p.pos+ds, p.pos+de)
	}
	p.f.parenDate = true
	p.pos += closed
	if p.pos < len(p.w) && p.w[p.pos] == '.' {
		p.f.parenDateDot = true
	}
}

// looksLikeGroup tells an organisation in author position from a title
// there: an organisation word, or a short run of capitalised words that does
// not open as a title does.
func looksLikeGroup(seg string) bool {
	words := strings.Fields(stripParens(seg))
	if len(words) == 0 || len(words) > 10 || isNotNameWord(words[0]) && words[0] != "The" {
		return false
	}
	significant, group := 0, false
	for _, w := range words {
		w = trimWordPunct(w)
		if isFunctionWord(strings.ToLower(w)) {
			continue
		}
		// "Brown v. Board of Education" and sentence-case titles have
		// lower-case words that an organisation's name has not.
		if !isUpperStart(w) {
			return false
		}
		significant++
		if isGroupWord(w) {
			group = true
		}
	}
	return group || significant <= 5 && words[0] != "The"
}

// isFunctionWord reports whether w may stand lower-case inside an
// organisation's name.
func isFunctionWord(w string) bool {
	switch w {
	case "of", "for", "and", "the", "on", "in", "&", "de", "du", "des", "la",
		"at", "to":
		return true
	}
	return false
}

func groupNameOf(seg string) lint.Name {
	return lint.Name{Family: collapseSpace(stripParens(seg)), Group: true}
}

// stripParens drops parenthesised asides ("(M. A. S. Abdel Haleem, Tran.)").
func stripParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// setDate records the date written at s[start:end].
func (p *parser) setDate(start, end int) {
	raw := collapseSpace(p.s[start:end])
	p.e.Date = raw
	switch {
	case yearLead(raw) != "":
		p.e.Year = yearLead(raw)
	case noDate(raw):
		p.e.Year = "n.d."
	default:
		p.e.Year = raw
	}
}

// title runs the title stage: a quoted title, or the next sentence.
func (p *parser) title() {
	if p.e.Title != "" {
		return
	}
	sepStart := p.pos
	p.skipSeparators()
	if p.pos >= len(p.w) {
		return
	}
	if p.quotedTitle() {
		p.dateAfterTitle()
		return
	}
	end, next := p.titleEnd(p.pos)
	if sep := p.work()[sepStart:p.pos]; p.pos > 0 && strings.Contains(sep, ",") && !strings.Contains(sep, ".") {
		// "Feferman, S., Transfinite Progressions, J. Symbolic Logic, 27":
		// fields that a comma opened, a comma closes.
		if c := strings.Index(p.work()[p.pos:end], ", "); c > 0 {
			end, next = p.pos+c, p.pos+c
		}
	}
	if cand := field(p.s[p.pos:end]); cand == "" || isYear(cand) || noDate(cand) {
		// "———. 2016." has a date where the title would stand.
		return
	}
	if m := findSubmatchIndexIf(reTitlePlacePub, p.s[p.pos:end], titlePlacePubMay(p.s[p.pos:end])); m != nil && (hasPublisherWord(p.s[p.pos+m[4]:p.pos+m[5]]) || hasGroupWord(p.s[p.pos+m[4]:p.pos+m[5]])) {
		// "Khrushchev: the man and his era, London: Free Press." — a
		// comma, not a period, before the place and publisher.
		p.e.Publisher = field(p.s[p.pos+m[4] : p.pos+m[5]])
		p.f.placePublisher = true
		end = p.pos + m[0]
	}
	p.setTitle(p.pos, end, false)
	p.pos = next
	p.dateAfterTitle()
}

// dateAfterTitle reads Chicago author-date's year after the title of an
// authorless work: "“List of Oldest Companies.” 2019. In Wikipedia."
func (p *parser) dateAfterTitle() {
	if len(p.e.Authors) > 0 || p.e.Year != "" {
		return
	}
	save := p.pos
	p.skipSeparators()
	if de := bareDate(p.rest()); de >= 0 && de < len(p.rest()) && p.rest()[de] == '.' {
		p.setDate(p.pos, p.pos+de)
		p.f.bareDateAfterAuthors = true
		p.pos += de
		return
	}
	p.pos = save
}

// quotedTitle reads a title in quotation marks at pos.
func (p *parser) quotedTitle() bool {
	open, n := utf8.DecodeRune(p.w[p.pos:])
	var closers string
	single := false
	switch open {
	case '“':
		closers = "”\""
	case '"':
		closers = "\"”"
	case '«':
		closers = "»"
	case '„':
		closers = "“”"
	case '‘', '\'', '‚':
		closers = "’'"
		single = true
	default:
		return false
	}
	from := p.pos + n
	for i := from; i < len(p.w); {
		if c := p.w[i]; c < utf8.RuneSelf && c != '"' && c != '\'' {
			// No other ASCII character closes a quotation.
			i++
			continue
		}
		r, rn := utf8.DecodeRune(p.w[i:])
		if strings.ContainsRune(closers, r) {
			next, _ := utf8.DecodeRune(p.w[i+rn:])
			// An apostrophe inside a word ("Stalin’s") closes nothing.
			if !single || i+rn >= len(p.w) || !isWordRune(next) {
				p.setTitle(from, i, true)
				p.f.titleSingleQuoted = single
				before := strings.TrimRight(p.s[from:i], " ")
				if strings.HasSuffix(before, ",") || next == ',' {
					p.f.titleCommaClose = true
				}
				p.pos = i + rn
				return true
			}
		}
		i += rn
	}
	return false
}

// blanked reports whether byte i was removed by an earlier stage.
func (p *parser) blanked(i int) bool {
	return p.w[i] == ' ' && p.s[i] != ' ' && p.s[i] != '\n' && p.s[i] != '\r' && p.s[i] != '\t'
}

// sentenceEnd finds where the field starting at from ends: at a period,
// question or exclamation mark followed by a capital, digit or quotation
// mark, at an opening parenthesis or bracket (APA's "(2nd ed.)", "[Film]"),
// or at text an earlier stage removed. In a container, short capitalised
// words before a period are journal abbreviations ("J. Mol. Evol.").
// It returns the end of the field and where the next one may start.
func (p *parser) sentenceEnd(from, limit int, container bool) (end, next int) {
	for i := from; i < limit; i++ {
		c := p.w[i]
		if !sentenceByte[c] {
			// Neither a space, which blanked text is, nor a mark the
			// switch below stops at: most bytes of a field.
			continue
		}
		if p.blanked(i) {
			if i > from {
				return i, i
			}
			continue
		}
		switch c {
		case '.', '?', '!':
			j := i + 1
			for j < limit && p.w[j] == ' ' {
				j++
			}
			fieldEnd := i
			if c != '.' {
				fieldEnd = i + 1
			}
			if j >= limit {
				return fieldEnd, j
			}
			if j == i+1 && !(c != '.' && isQuoteRune(rune(p.w[j]))) {
				continue
			}
			r, _ := utf8.DecodeRune(p.w[j:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || isQuoteRune(r) || r == '(' || r == '[') {
				continue
			}
			if c == '.' && p.abbreviationBefore(i, container) {
				continue
			}
			if c := p.w[j]; (c == 'I' || c == 'V' || c == 'X') && reRomanPart().MatchString(p.work()[j:limit]) {
				// "silk-moths. I. The biological test": a numbered part
				// of the title.
				continue
			}
			return fieldEnd, j
		case '(', '[':
			if i > from && p.w[i-1] == ' ' && p.descriptorParen(i) {
				return i, i
			}
		}
	}
	return limit, limit
}

// sentenceByte marks the bytes sentenceEnd must look at: a space (what
// blanked text turns into) and the marks that may end a field.
var sentenceByte = func() (t [256]bool) {
	for _, c := range []byte(" .?!([") {
		t[c] = true
	}
	return t
}()

// reDescriptor is what a parenthesis after a title holds when it is not part
// of the title: an edition, volume, pages, report number, episode, role.
var reDescriptor = lazyRegexp(`^\((?:\d|(?i:[^)]*\bed\.|vol|pp?\.|eds?\.|trans|tran\.|report|no\.|season|episode|part|director|producer|host|version|original|doctoral|master|unpublished|n\.\s?d|\p{Lu}\.\s))`)

// descriptorParen reports whether the parenthesis at i describes the work
// ("(2nd ed.)", "(Vol. 2)") rather than belonging to its title ("(ASI)").
func (p *parser) descriptorParen(i int) bool {
	closeRune := byte(')')
	if p.w[i] == '[' {
		closeRune = ']'
	}
	w := p.work()
	closeAt := strings.IndexByte(w[i:], closeRune)
	if closeAt < 0 {
		return true
	}
	if w[i] == '(' && reDescriptor().MatchString(w[i:]) {
		return true
	}
	// What the title's own parentheses hold goes on into more title:
	// "(COVID-19) advice", "[Cytophaga] uliginosa", "(MMPI-2-RF): Manual".
	after := strings.TrimLeft(w[i+closeAt+1:], " ")
	if after != "" && strings.IndexByte(".,;", after[0]) < 0 {
		return false
	}
	// An acronym closing the title belongs to it: "complex 2 (PRC2).";
	// a report number does not: "(NIH Publication 18-2424).".
	inner := false
	for tok := range strings.FieldsFuncSeq(w[i+1:i+closeAt], func(r rune) bool { return r == ' ' || r == ',' }) {
		if !isAcronym(tok) {
			return true
		}
		inner = true
	}
	return !inner
}

// isAcronym reports whether tok is an acronym such as "PRC2" or "SGQ-U":
// capitals, at most two digits.
func isAcronym(tok string) bool {
	upper, digits := 0, 0
	for _, r := range tok {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r):
			digits++
		case r == '-' || r == '/':
		default:
			return false
		}
	}
	return upper >= 2 && digits <= 2
}

// titleEnd finds the end of an unquoted title starting at from. A question
// or exclamation mark ends it only when one field at most follows: in "Game
// on! Integrating games in the classroom. SlideShare." two do, so the mark
// is inside the title, while in "Can we talk about free will? Sci-Ed." it
// ends it.
func (p *parser) titleEnd(from int) (end, next int) {
	end, next = p.sentenceEnd(from, len(p.w), false)
	if end == 0 || end >= len(p.w) || (p.w[end-1] != '?' && p.w[end-1] != '!') {
		return end, next
	}
	if p.segmentsFrom(next) < 2 {
		return end, next
	}
	// The mark is inside the title: the next boundary ends it.
	return p.sentenceEnd(next, len(p.w), false)
}

// segmentsFrom counts the fields that follow from, up to the end or a
// removed identifier.
func (p *parser) segmentsFrom(from int) int {
	count := 0
	for pos := from; pos < len(p.w) && count < 3; {
		if p.blanked(pos) || p.w[pos] == ' ' {
			pos++
			continue
		}
		e, n := p.sentenceEnd(pos, len(p.w), false)
		if seg := field(p.s[pos:e]); seg != "" && !isYear(seg) {
			count++
		}
		if n <= pos {
			break
		}
		pos = n
	}
	return count
}

// abbreviationBefore reports whether the period at i ends an abbreviation.
func (p *parser) abbreviationBefore(i int, container bool) bool {
	j := i
	for j > 0 {
		// ASCII, most letters, is classed without decoding.
		if c := p.w[j-1]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRune(p.w[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	word := p.work()[j:i]
	if word == "" {
		return false
	}
	if j > 0 && digitBefore(p.w, j) {
		// "the 1930s." ends a sentence; it is no initial.
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		return true
	}
	if isAbbreviation(word) {
		return true
	}
	return container && utf8.RuneCountInString(word) <= 7 && isUpperStart(word) && !isAllUpper(word)
}

// digitBefore reports whether the rune that ends w[:j] is a digit.
func digitBefore(w []byte, j int) bool {
	if c := w[j-1]; c < utf8.RuneSelf {
		return isDigitByte(c)
	}
	r, _ := utf8.DecodeLastRune(w[:j])
	return unicode.IsDigit(r)
}

// container runs the container stage: the journal, website or book that
// holds the work, or for a book its publisher.
func (p *parser) container() {
	p.afterTitle = p.pos
	p.skipSeparators()
	for p.pos < len(p.w) {
		rest := p.rest()
		if rest[0] == '(' || rest[0] == '[' {
			// APA's "(2nd ed.)", "(pp. 3–5)", "[Film]" after the title.
			closeAt := strings.IndexAny(rest, ")]")
			if closeAt < 0 {
				break
			}
			p.pos += closeAt + 1
			p.skipSeparators()
			continue
		}
		if m := findIndexIf(reContributors, rest, contributorsMay(rest)); m != nil {
			// MLA's "Translated by X," and Chicago's "Edited by X."
			// name people, not the container.
			p.pos += m[1]
			p.skipSeparators()
			continue
		}
		if m := findIndexIf(reEdition, rest, editionMay(rest)); m != nil {
			p.pos += m[1]
			p.skipSeparators()
			continue
		}
		break
	}
	if p.pos >= len(p.w) {
		return
	}
	if hasMonthOrSlash(window(p.rest(), 24)) {
		if dateAt(window(p.rest(), 40), 0, false) >= 0 {
			// "“Secret Speech.” 25 Feb. 1956." has a date, no container.
			return
		}
	}
	if end := inPrefix(p.rest()); end >= 0 {
		p.f.inChapter = true
		p.pos += end
		if end := editorsEnd(p.rest()); end >= 0 {
			p.pos += end
		}
	}
	start := p.pos
	end := len(p.w)
	// A container is short; scanning a bounded window keeps long entries
	// cheap.
	if k := containerStop(window(p.rest(), 400)); k >= 0 {
		end = start + k
	}
	if e, _ := p.sentenceEnd(start, end, true); e < end {
		end = e
	}
	raw := field(p.s[start:end])
	p.pos = end
	if raw == "" || isYear(raw) || dateAt(raw, 0, false) == len(raw) {
		// "Title. 2014." has no container: the year is the tail's.
		p.pos = start
		return
	}
	if place, pub, ok := placePub(raw); ok && !strings.ContainsAny(place, "0123456789") && !p.e.TitleQuoted {
		p.e.Publisher = field(pub)
		p.f.placePublisher = true
		return
	}
	after := p.rest()
	volumeFollows := containsFoldASCII(after, "vol") && hasVol(after) || chiVolMay(after) && strings.Contains(after, ":")
	if vol, issue, pages, ok := apaVol(after); ok && !(hasYear(vol) && issue == "" && pages == "") {
		volumeFollows = true
	}
	switch {
	case p.e.TitleQuoted || p.f.inChapter || volumeFollows:
		p.e.Container = raw
	case hasPublisherWord(raw) || hasGroupWord(raw) || yearOnlyTail(after) && p.e.URL == "" && p.e.DOI == "":
		// With a link, "Title. History Today, 2012. URL" is a website.
		// After an unquoted title with no volume, "Oxford UP" and
		// "American Psychological Association" publish; they hold
		// nothing.
		p.e.Publisher = raw
	default:
		p.e.Container = raw
	}
}

// isMediaWord reports whether w marks an organisation that publishes
// websites and papers people cite as containers ("NASA", "The Washington
// Post"), not as publishers.
func isMediaWord(w string) bool {
	switch w {
	case "News", "Times", "Post", "NASA", "BBC", "CNN", "NPR", "PBS",
		"Reuters", "Network", "Wikipedia", "Britannica", "Encyclopedia",
		"Encyclopaedia", "Merriam-Webster", "WHO", "CDC", "Project", "Team",
		"Staff", "Editors":
		return true
	}
	return false
}

// containerStopWords follow a comma after a container: "Journal, vol. 6",
// "Book, edited by", "Show, season 2".
var containerStopWords = []string{"vol", "vols", "no", "nos", "pp", "p", "iss", "issue", "edited", "ed", "eds", "trans", "translated", "directed", "season", "episode", "ch", "chap", "part", "sec", "art", "article", "special issue"}

// containerStop returns where a container ends in s, or -1: before ", vol.",
// ", 6", ", 1 Jan.", ", March 2019", " 6 (12)", " 52:", ": 3", ";", " (", " [" or
// ". 2014". Hand-written: as one expression it was the parser's costliest
// step.
func containerStop(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' {
			if (c == ';' || c == ',' || c == ':' || c == '.') && markStops(s, i) {
				return i
			}
			continue
		}
		// The run of spaces from i is taken whole: its first space stops
		// before a number, its last before a parenthesis, and the spaces
		// left by blanked links are many.
		k := skipSpaces(s, i)
		if k < len(s) && (s[k] == '(' || s[k] == '[') {
			return k - 1
		}
		if numberStops(s, k) {
			return i
		}
		i = k - 1
	}
	return -1
}

// skipSpaces moves j past spaces.
func skipSpaces(s string, j int) int {
	for j < len(s) && s[j] == ' ' {
		j++
	}
	return j
}

// digitAt reports whether s[j] is an ASCII digit.
func digitAt(s string, j int) bool { return j < len(s) && '0' <= s[j] && s[j] <= '9' }

// numberStops reports whether the number at s[k] ends a container after a
// space: " 6 (12)", " 52:", " 6, ", " 6." or at the end.
func numberStops(s string, k int) bool {
	if !digitAt(s, k) {
		return false
	}
	for digitAt(s, k) {
		k++
	}
	k = skipSpaces(s, k)
	return k == len(s) || strings.IndexByte("(:,.", s[k]) >= 0
}

// markStops reports whether the punctuation at s[i] ends a container:
// ";", a comma before a number, a part word, an e-locator or a month, a
// colon before a number, or a period before a year.
func markStops(s string, i int) bool {
	switch s[i] {
	case ';':
		return true
	case ',':
		j := skipSpaces(s, i+1)
		if digitAt(s, j) {
			return true
		}
		// The words are compared in any case where they stand, not in
		// a lowered copy.
		head := s[j:min(len(s), j+16)]
		for _, w := range containerStopWords {
			if hasPrefixFoldASCII(head, w) && (len(head) == len(w) || !isASCIIWordByte(head[len(w)])) {
				return true
			}
		}
		if hasPrefixFoldASCII(head, "e") && (len(head) > 1 && digitAt(s, j+1) || hasPrefixFoldASCII(head, "e-") && digitAt(s, j+2)) {
			return true
		}
		for _, m := range monthStems[:12] {
			if !strings.HasPrefix(s[j:], m) {
				continue
			}
			k := j + len(m)
			for k < len(s) && 'a' <= s[k] && s[k] <= 'z' {
				k++
			}
			if k < len(s) && s[k] == '.' {
				k++
			}
			if k2 := skipSpaces(s, k); k2 > k && digitAt(s, k2) {
				return true
			}
		}
	case ':':
		return digitAt(s, skipSpaces(s, i+1))
	case '.':
		j := skipSpaces(s, i+1)
		return digitAt(s, j) && digitAt(s, j+1) && digitAt(s, j+2) && digitAt(s, j+3) && (j+4 == len(s) || !isASCIIWordByte(s[j+4]))
	}
	return false
}

// monthStems are the first three letters of the months, as dates write
// them.
var monthStems = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}

// hasMonthOrSlash reports whether s may hold a written date: a slash, a
// hyphen, or a month's stem in one of its three cases.
func hasMonthOrSlash(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '/' || c == '-' {
			return true
		}
		if i+3 <= len(s) && isMonthInitial(c) && isMonthStem(s[i:i+3]) {
			return true
		}
	}
	return false
}

// isMonthInitial reports whether c, in either case, begins a month's
// name: most letters do not, and are spared isMonthStem.
func isMonthInitial(c byte) bool {
	switch c | 0x20 {
	case 'j', 'f', 'm', 'a', 's', 'o', 'n', 'd':
		return true
	}
	return false
}

// window returns at most n bytes of s, cut at a rune boundary.
func window(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// hasGroupWord reports whether s names an institution that publishes.
func hasGroupWord(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if w = trimWordPunct(w); isGroupWord(w) && !isMediaWord(w) {
			return true
		}
	}
	return false
}

// trimWordPunct is strings.Trim(w, ".,;:").
func trimWordPunct(w string) string { return trimASCII(w, isWordPunct) }

func isWordPunct(c byte) bool { return c == '.' || c == ',' || c == ';' || c == ':' }

func hasPublisherWord(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if isPublisherWord(trimWordPunct(w)) {
			return true
		}
	}
	return false
}

// tail runs the last stage: volume, issue, pages, publisher, and the year
// where MLA and Chicago notes put it, after the title.
func (p *parser) tail() {
	tail := p.work()[p.afterTitle:]
	afterCont := p.rest()
	if vol, issue, paren, pages, ok := chiVol(afterCont); ok && (paren != "" || pages != "") && !strings.HasPrefix(strings.TrimSpace(afterCont), ",") {
		// Chicago: "6 (12): 3–5", "99 (2002): 16847", "52: 485".
		p.e.Volume = vol
		if issue != "" {
			p.e.Issue = issue
		}
		if y := yearLead(paren); y != "" && len(paren) <= 5 {
			if p.e.Year == "" {
				p.e.Year = y
				p.e.Date = paren
			}
			p.f.nbYear = true
		} else if paren != "" {
			p.e.Issue = paren
		}
		if pages != "" {
			p.e.Pages = pages
			p.f.colonPages = true
		}
	} else if vol, issue, pages, ok := apaVol(afterCont); ok && strings.HasPrefix(strings.TrimSpace(afterCont), ",") && !(len(vol) == 4 && hasYear(vol) && issue == "" && pages == "") {
		// APA and Harvard: ", 6(12), 3–5".
		p.e.Volume = vol
		p.e.Issue = issue
		p.e.Pages = pages
		p.f.apaVolume = pages != "" || issue != ""
	}
	// Only ASCII letters lower to "vol", "no" and "iss" (İ lowers to i
	// and a combining dot): an ASCII test in any case is the same as one
	// on the lowered tail.
	if !p.f.nbYear && strings.Contains(tail, "(") && nbYearMay(tail) {
		if y, ok := nbYear(tail); ok {
			// Chicago notes-bibliography dates a journal issue after its
			// volume: "54, nos. Pt 1 (2004): 157", "57 (2008): 101".
			p.f.nbYear = true
			if p.e.Year == "" {
				p.e.Year, p.e.Date = y, y
			}
		}
	}
	if p.e.Volume == "" && containsFoldASCII(tail, "vol") {
		if vol, ok := findVol(tail); ok {
			p.e.Volume = vol
			if strings.Contains(tail, "vol.") {
				p.f.volAbbrev = true
			}
		}
	}
	if p.e.Issue == "" && (containsFoldASCII(tail, "no") || containsFoldASCII(tail, "iss")) {
		if issue, ok := findIssue(tail); ok {
			p.e.Issue = issue
			if strings.Contains(tail, "no.") {
				p.f.noAbbrev = true
			}
		}
	}
	if !strings.Contains(tail, "p.") && !strings.Contains(tail, "pp.") {
		// No page abbreviation: nothing for rePages to find.
	} else if pages, ok := findPages(tail); ok {
		if p.e.Pages == "" {
			p.e.Pages = pages
		}
		p.f.ppAbbrev = true
	}
	if p.e.Year == "" {
		p.tailYear(tail)
	}
	// "City: Publisher" needs its colon; most tails have none, and the
	// pattern is costly to run for nothing.
	if p.e.Publisher == "" && strings.Contains(tail, ":") {
		if place, pub, ok := tailPub(tail); ok && !strings.ContainsAny(place, "0123456789") {
			p.e.Publisher = field(pub)
			p.f.placePublisher = true
		}
	}
}

// tailYear finds the year after the title: in a full date ("26 Jun. 2018")
// or alone (", 2002,").
func (p *parser) tailYear(tail string) {
	var yloc []int
	if a, b := findYear(tail); a >= 0 {
		yloc = []int{a, b}
	}
	var loc []int
	if yloc != nil {
		// A written date ends at, or starts with, its year: look for one
		// only around the first year.
		from, to := max(0, yloc[0]-24), min(len(tail), yloc[1]+10)
		for from > 0 && !utf8.RuneStart(tail[from]) {
			from--
		}
		for to < len(tail) && !utf8.RuneStart(tail[to]) {
			to++
		}
		if a, b := findDate(tail[from:to], false); a >= 0 {
			loc = []int{from + a, from + b}
		}
	}
	switch {
	case loc != nil:
		p.e.Date = collapseSpace(tail[loc[0]:loc[1]])
		p.e.Year = yearIn(p.e.Date)
		yloc = []int{loc[0], loc[1]}
	case yloc != nil:
		p.e.Year = tail[yloc[0]:yloc[1]]
		p.e.Date = p.e.Year
	default:
		if i := strings.Index(tail, "n.d."); i >= 0 {
			p.e.Year, p.e.Date = "n.d.", "n.d."
		}
		return
	}
	before := strings.TrimRight(tail[:yloc[0]], " ")
	if strings.HasSuffix(before, ",") {
		p.f.yearAfterContainer = true
	}
}

// The helpers below stand in for expressions, or guard them with a test
// that any match must pass: expressions run on every entry, and most
// entries hold nothing for most of them.

// findYear finds the first year from 1500 to 2099, perhaps with a letter
// ("2009a"), standing as a word of its own, as the expression
// \b(1[5-9]\d\d|20\d\d)[a-z]?\b does; it returns -1, -1 when there is none.
func findYear(s string) (int, int) {
	// A year opens with a 1 or a 2: IndexByte finds the next of each,
	// far faster than a test of every byte, and each is looked for again
	// only once it has been tried.
	n1, n2 := strings.IndexByte(s, '1'), strings.IndexByte(s, '2')
	for n1 >= 0 || n2 >= 0 {
		i := n1
		if n1 < 0 || n2 >= 0 && n2 < n1 {
			i = n2
			n2 = indexByteFrom(s, '2', i+1)
		} else {
			n1 = indexByteFrom(s, '1', i+1)
		}
		if i+4 > len(s) {
			break
		}
		c := s[i]
		if i > 0 && isASCIIWordByte(s[i-1]) {
			continue
		}
		if !(c == '1' && '5' <= s[i+1] && s[i+1] <= '9' || c == '2' && s[i+1] == '0') || !isDigitByte(s[i+2]) || !isDigitByte(s[i+3]) {
			continue
		}
		j := i + 4
		if j < len(s) && 'a' <= s[j] && s[j] <= 'z' && (j+1 == len(s) || !isASCIIWordByte(s[j+1])) {
			return i, j + 1
		}
		if j == len(s) || !isASCIIWordByte(s[j]) {
			return i, j
		}
	}
	return -1, -1
}

// isYear reports whether s is a year and nothing else.
func isYear(s string) bool {
	a, b := findYear(s)
	return a == 0 && b == len(s)
}

// hasYear reports whether s holds a year.
func hasYear(s string) bool {
	a, _ := findYear(s)
	return a >= 0
}

// yearIn returns the first year in s, or "".
func yearIn(s string) string {
	a, b := findYear(s)
	if a < 0 {
		return ""
	}
	return s[a:b]
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// noDate reports whether s opens with "n.d.", "no date" or "s.d.", in any
// case, as the expression (?i)^(?:n\.\s?d\.|no date|s\.\s?d\.) does; under
// (?i), ſ is an s, which litAt honours.
func noDate(s string) bool {
	return dottedDAt(s, 0, "n") >= 0 || dottedDAt(s, 0, "s") >= 0 || litAt(s, 0, "no date", true) >= 0
}

// findIndexIf is re().FindStringIndex(s) when may is true, else nil: the
// expression is not even fetched when the guard rules it out.
func findIndexIf(re func() *regexp.Regexp, s string, may bool) []int {
	if !may {
		return nil
	}
	return re().FindStringIndex(s)
}

// findSubmatchIndexIf is re().FindStringSubmatchIndex(s) when may is true,
// else nil.
func findSubmatchIndexIf(re func() *regexp.Regexp, s string, may bool) []int {
	if !may {
		return nil
	}
	return re().FindStringSubmatchIndex(s)
}

// anchoredBareDateMay: reAnchoredBareDate needs the first period followed
// by spaces and a digit or "n".
func anchoredBareDateMay(s string) bool {
	k := strings.IndexByte(s, '.')
	if k <= 0 {
		return false
	}
	j := skipRESpace(s, k+1)
	return j > k+1 && j < len(s) && (isDigitByte(s[j]) || s[j] == 'n')
}

// titlePlacePubMay: reTitlePlacePub needs a comma and, after it, a colon.
func titlePlacePubMay(s string) bool {
	c := strings.IndexByte(s, ',')
	return c >= 0 && strings.IndexByte(s[c:], ':') >= 0
}

// skipRESpace returns the first index from i on that is not \s.
func skipRESpace(s string, i int) int {
	for i < len(s) && lint.IsRESpace(s[i]) {
		i++
	}
	return i
}

// chiVolMay reports whether s opens with a volume as chiVol reads one: a
// digit after an optional comma and spaces.
func chiVolMay(s string) bool {
	i := 0
	if i < len(s) && s[i] == ',' {
		i++
	}
	i = skipRESpace(s, i)
	return i < len(s) && isDigitByte(s[i])
}

// editionMay: reEdition needs a digit or capital, one word, spaces, then
// "ed." or "edition" in any case.
func editionMay(s string) bool {
	if s == "" || !(isDigitByte(s[0]) || 'A' <= s[0] && s[0] <= 'Z') {
		return false
	}
	i := strings.IndexAny(s, " \t\n\f\r")
	if i < 0 {
		return false
	}
	i = skipRESpace(s, i)
	return hasPrefixFoldASCII(s[i:], "ed.") || hasPrefixFoldASCII(s[i:], "edition")
}

// hasPrefixFoldASCII reports whether s begins with the lower-case ASCII
// prefix in any case.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether s holds the lower-case ASCII word sub
// in any case. IndexByte finds the places sub's first letter stands, in
// either case, far faster than a test of every byte.
func containsFoldASCII(s, sub string) bool {
	first := sub[0]
	upper := -1 // first in upper case: none unless a letter
	if 'a' <= first && first <= 'z' {
		upper = int(first - 'a' + 'A')
	}
	starts := s[:max(0, len(s)-len(sub)+1)]
	lo, up := strings.IndexByte(starts, first), -1
	if upper >= 0 {
		up = strings.IndexByte(starts, byte(upper))
	}
	for lo >= 0 || up >= 0 {
		i := lo
		if lo < 0 || up >= 0 && up < lo {
			i = up
		}
		if hasPrefixFoldASCII(s[i:], sub) {
			return true
		}
		if i == lo {
			lo = indexByteFrom(starts, first, i+1)
		} else {
			up = indexByteFrom(starts, byte(upper), i+1)
		}
	}
	return false
}

// indexByteFrom is the index of c in s at or after from, or -1.
func indexByteFrom(s string, c byte, from int) int {
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return -1
}
