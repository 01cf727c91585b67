package entry

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// The names stage reads the author block at the head of an entry, one name
// at a time, in the four orders students and styles use:
//
//	inverted   Freeze, Gregory L. / Bae, E. / von Geldern, James / Costa, P. T., Jr.
//	direct     and James von Geldern / R. A. Drewell / Marc Shapiro
//	Vancouver  Martin WF / Sinninghe Damsté JS
//	group      World Health Organization / U.S. Census Bureau
//
// A block that does not read as names is no author at all: an authorless
// entry starts with its title, and a title must never become an author.

// isParticleWord reports whether w is a lower-case prefix of family names
// ("von", "de"). A switch, not a map: it is asked for most words of every
// author block, and a switch on a string costs a fraction of a lookup.
func isParticleWord(w string) bool {
	switch w {
	case "von", "van", "de", "da", "del", "della", "der", "den", "di", "du",
		"dos", "das", "do", "la", "le", "ter", "ten", "bin", "ibn", "ben",
		"bint", "al", "el", "zu", "vom", "dei", "degli", "y", "st":
		return true
	}
	return false
}

// isSuffixWord reports whether w follows a name: "Jr.", "III".
func isSuffixWord(w string) bool {
	switch w {
	case "Jr", "Sr", "II", "III", "IV", "jr", "sr":
		return true
	}
	return false
}

// isNotNameWord reports whether w is a capitalised word that starts titles,
// never names.
func isNotNameWord(w string) bool {
	switch w {
	case "The", "A", "An", "Of", "In", "On", "For", "And", "To", "With",
		"From", "At", "By", "Is", "Are", "How", "What", "Why", "When", "Where",
		"Who", "New", "My", "Our", "Your", "This", "That", "These", "Its",
		"Their", "His", "Her", "Retrieved", "Available", "Accessed", "Web",
		"Print", "Vol", "No", "Pp", "Eds", "Ed", "Edited", "Trans", "Translated",
		"Journal", "Review", "History", "Introduction", "Chapter", "Part",
		"Volume", "Report", "Jr", "Sr", "Et", "Al", "January", "February",
		"March", "April", "June", "July", "August", "September", "October",
		"November", "December":
		return true
	}
	return false
}

// isGroupWord reports whether w marks an organisation's name.
func isGroupWord(w string) bool {
	switch w {
	case "Organization", "Organisation", "Association", "Institute",
		"Institution", "Bureau", "Department", "Society", "University",
		"Council", "Agency", "Center", "Centre", "Foundation", "Ministry",
		"Commission", "Committee", "Board", "Office", "Service", "Services",
		"Corporation", "Inc", "Ltd", "Company", "Group", "Press", "News", "Labs",
		"Library", "Museum", "Federation", "Union", "Party", "Government",
		"Court", "Nations", "Bank", "Fund", "Network", "Times", "Post",
		"Institutes", "Administration", "Authority", "Alliance", "Coalition",
		"Trust", "Consortium", "Panel", "Team", "Project", "Collaboration",
		"Academy", "College", "School", "Agency's", "Congress", "Senate",
		"Parliament", "Secretariat", "Initiative", "Program", "Programme",
		"Staff", "Editors", "Wikipedia", "Britannica", "Encyclopaedia",
		"Encyclopedia", "Merriam-Webster", "Reuters", "BBC", "CNN", "NASA",
		"UNESCO", "UNICEF", "WHO", "CDC", "NPR", "PBS", "Network's",
		"Laboratory", "Laboratories", "Corp", "LLC", "Co", "Centers",
		"Associates", "Statistics", "Commission's", "Research":
		return true
	}
	return false
}

// nameOrder is the order a name was written in.
type nameOrder uint8

const (
	orderInverted nameOrder = iota + 1
	orderDirect
	orderVancouver
	orderGroup
)

var reRole = lazyRegexp(`^\s*,?\s*[(\[]?\s*(?i:editors?|eds?|translators?|trans|tran|compilers?|comp|directors?|dir|producers?|hosts?|creators?|narrators?|writers?|illustrators?)\b\.?\s*[)\]]?`)

// nameBlock is the result of reading an author block.
type nameBlock struct {
	names []lint.Name
	// first and last are the orders of the first and last names;
	// directLater is true when a name after the first is direct.
	first, last nameOrder
	directLater bool
	etAl        bool
	// etAlComma marks ", et al." (MLA) as against " et al." (Harvard).
	etAlComma bool
	// end is the byte offset just past the last name (or "et al.").
	end int
	// amp and and record the conjunction used.
	amp, and bool
}

// ParseNames reads a list of authors' names as they stand at the head of an
// entry or in a separate author field ("Bae, E., V. C. Calhoun, and R. A.
// Drewell"; "Martin WF, Garg S"). It returns nil when the text does not
// start with a name.
func ParseNames(s string) []lint.Name {
	toks := tokenize(s, 400)
	b := readNames(s, toks)
	return b.names
}

// readNames reads the names at the start of toks.
func readNames(w string, toks []token) nameBlock {
	var b nameBlock
	if len(toks) == 0 {
		return b
	}
	n, j, ord, ok := groupName(w, toks, 0)
	if !ok {
		n, j, ord, ok = personName(toks, 0, 0)
	}
	if !ok {
		return b
	}
	b.names = append(b.names, n)
	b.first, b.last = ord, ord
	b.end = toks[j-1].end
	for j < len(toks) {
		k := j
		comma := false
		if isPunct(toks, k, ",") || isPunct(toks, k, ";") {
			comma = true
			k++
		}
		// APA's list of twenty-one or more: "…, Leetma, A., … Joseph, D."
		if isPunct(toks, k, "…") {
			comma = true
			k++
		}
		if isEtAl(toks, k) {
			b.etAl = true
			b.etAlComma = comma
			b.end = etAlEnd(toks, k)
			break
		}
		conj := false
		if isWordTok(toks, k, "and") || isWordTok(toks, k, "with") {
			b.and = true
			conj = true
			k++
		} else if isPunct(toks, k, "&") {
			b.amp = true
			conj = true
			k++
		}
		if !comma && !conj {
			break
		}
		if isEtAl(toks, k) {
			// "and others" is rare; "and et al." is a student slip.
			b.etAl = true
			b.end = etAlEnd(toks, k)
			break
		}
		n, next, ord, ok := personName(toks, k, b.last)
		if !ok && b.last == orderGroup {
			n, next, ord, ok = groupName(w, toks, k)
		}
		if !ok {
			break
		}
		b.names = append(b.names, n)
		b.last = ord
		b.directLater = b.directLater || ord == orderDirect
		j = next
		b.end = toks[j-1].end
	}
	// A lone first name written "Given Family" with no initial is as likely
	// a two-word title ("Climate Change.") as an author: keep it only when
	// another name follows.
	if len(b.names) == 1 && b.first == orderDirect && !strings.Contains(b.names[0].Given, ".") &&
		b.names[0].Particle == "" && !quoteFollows(toks, w, b.end) {
		// A particle ("James von Geldern") or a quoted title after the
		// period ("James Smith. \"Title.\"") says person.
		return nameBlock{}
	}
	return b
}

// quoteFollows reports whether the text after offset end is a period and
// then an opening quotation mark.
func quoteFollows(toks []token, w string, end int) bool {
	for i, t := range toks {
		if t.start < end {
			continue
		}
		return t.text == "." && i+1 < len(toks) && toks[i+1].kind == tQuote
	}
	return false
}

// etAlEnd returns the end offset of the "et al." starting at toks[k].
func etAlEnd(toks []token, k int) int {
	end := toks[k+1].end
	if isPunct(toks, k+2, ".") && !toks[k+2].spaceBefore {
		end = toks[k+2].end
	}
	return end
}

func isPunct(toks []token, i int, p string) bool {
	return i >= 0 && i < len(toks) && toks[i].kind == tPunct && toks[i].text == p
}

func isWordTok(toks []token, i int, w string) bool {
	return i >= 0 && i < len(toks) && toks[i].kind == tWord && toks[i].text == w
}

func isEtAl(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i].kind != tWord || !strings.EqualFold(toks[i].text, "et") {
		return false
	}
	t := toks[i+1].text
	return strings.EqualFold(t, "al") || strings.EqualFold(t, "al.")
}

// capWord reports whether toks[i] can be part of a family or given name.
func capWord(toks []token, i int) bool {
	if i >= len(toks) || toks[i].kind != tWord {
		return false
	}
	t := toks[i].text
	if isNotNameWord(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		// d'Alembert, al-Hakim, McDonald's lowercase-prefixed forms.
		return strings.HasPrefix(t, "d'") || strings.HasPrefix(t, "d’") ||
			strings.HasPrefix(t, "al-") || strings.HasPrefix(t, "el-")
	}
	// ASCII digits are tested byte by byte; from the first longer rune
	// on, runes are decoded.
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= utf8.RuneSelf {
			for _, r := range t[i:] {
				if unicode.IsDigit(r) {
					return false
				}
			}
			break
		} else if '0' <= c && c <= '9' {
			return false
		}
	}
	return true
}

func isParticle(toks []token, i int) bool {
	return i < len(toks) && toks[i].kind == tWord && isParticleWord(toks[i].text)
}

// capsInitials reports whether toks[i] is a Vancouver initials block: one
// to three capitals with no periods ("WF", "JS").
func capsInitials(toks []token, i int) bool {
	if i >= len(toks) || toks[i].kind != tWord {
		return false
	}
	t := toks[i].text
	if len(t) > 3 {
		return false
	}
	for _, c := range t {
		if !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

// nameEnds reports whether a name can end before toks[i].
func nameEnds(toks []token, i int) bool {
	if i >= len(toks) {
		return true
	}
	t := toks[i]
	switch t.kind {
	case tPunct:
		return strings.Contains(".,;:(&[", t.text)
	case tWord:
		return t.text == "and" || t.text == "et" || t.text == "with"
	case tQuote:
		return true
	}
	return false
}

// groupName reads an organisation's name: a run of words holding a word such
// as "Association", before the first period, parenthesis or comma.
func groupName(w string, toks []token, i int) (lint.Name, int, nameOrder, bool) {
	hasGroupWord := false
	j := i
	for ; j < len(toks) && j < i+14; j++ {
		t := toks[j]
		if t.kind == tQuote {
			return lint.Name{}, 0, 0, false
		}
		if t.kind == tPunct {
			if t.text == "." || t.text == "(" || t.text == "," || t.text == ":" || t.text == ";" {
				break
			}
			if t.text == "&" || t.text == "-" || t.text == "–" || t.text == "'" {
				continue
			}
			return lint.Name{}, 0, 0, false
		}
		if t.kind == tWord && isGroupWord(strings.TrimSuffix(t.text, "’s")) {
			hasGroupWord = true
		}
		if t.kind == tWord && !isUpperStart(t.text) && !isFunctionWord(t.text) {
			return lint.Name{}, 0, 0, false
		}
	}
	if !hasGroupWord || j == i || j >= len(toks) && j >= i+14 {
		return lint.Name{}, 0, 0, false
	}
	if j < len(toks) && toks[j].text == "," && !isWordTok(toks, j+1, "and") {
		// "Bank, Kelly" is a person; "Department of Health, Education"
		// is too rare to risk it. "Association, and Institutes" lists
		// two organisations.
		return lint.Name{}, 0, 0, false
	}
	start, end := toks[i].start, toks[j-1].end
	name := strings.TrimRight(collapseSpace(w[start:end]), ".")
	return lint.Name{Family: name, Group: true}, j, orderGroup, true
}

// personName reads one person's name starting at toks[i]. prev is the order
// of the previous name in the list (0 for the first).
func personName(toks []token, i int, prev nameOrder) (lint.Name, int, nameOrder, bool) {
	// After the first name both orders occur. When both readings fit
	// ("Mary Jones, Bob Lee" / "Sinninghe Damsté, J. S."), initials after
	// the comma mean inverted, full words mean direct.
	if prev == orderVancouver {
		if n, j, ok := vancouverName(toks, i); ok {
			return n, j, orderVancouver, true
		}
	}
	if prev != 0 {
		dn, dj, dok := directName(toks, i)
		in, ij, iok := invertedName(toks, i)
		switch {
		case dok && iok:
			if strings.Contains(in.Given, ".") && prev != orderDirect {
				return in, ij, orderInverted, true
			}
			return dn, dj, orderDirect, true
		case iok:
			return in, ij, orderInverted, true
		case dok:
			return dn, dj, orderDirect, true
		}
	}
	if n, j, ok := invertedName(toks, i); ok {
		return n, j, orderInverted, true
	}
	if n, j, ok := vancouverName(toks, i); ok {
		return n, j, orderVancouver, true
	}
	if n, j, ok := directName(toks, i); ok {
		return n, j, orderDirect, true
	}
	return lint.Name{}, 0, 0, false
}

// familyWords reads the particles and one to three capitalised words of a
// family name from toks[i].
func familyWords(toks []token, i int) (particle, family string, j int) {
	j = i
	// The words go into buffers on the stack: a family name has at most
	// three.
	var partBuf [4]string
	parts := partBuf[:0]
	for isParticle(toks, j) {
		parts = append(parts, toks[j].text)
		j++
	}
	var famBuf [3]string
	fam := famBuf[:0]
	if j+2 < len(toks) && toks[j].kind == tWord && isNotNameWord(toks[j].text) && isPunct(toks, j+1, ",") && toks[j+2].kind == tInitial {
		// "An, D." and "Little, A." are names despite the word.
		fam = append(fam, toks[j].text)
		j++
	}
	for capWord(toks, j) && len(fam) < 3 {
		if len(fam) > 0 && !toks[j].spaceBefore {
			break
		}
		fam = append(fam, toks[j].text)
		j++
		// A particle inside a family ("Sinninghe Damsté" has none, "Van
		// der Berg" does) is kept with it.
		for isParticle(toks, j) && capWord(toks, j+1) && len(fam) < 3 {
			fam = append(fam, toks[j].text)
			j++
		}
	}
	if len(fam) == 0 {
		return "", "", i
	}
	particle = strings.Join(parts, " ")
	family = strings.Join(fam, " ")
	// "al-Hakim": the article is a particle, the rest the family name.
	// Each article is three bytes, the third a hyphen: most families are
	// ruled out by that alone.
	if len(family) > 3 && family[2] == '-' {
		for _, pre := range []string{"al-", "el-", "Al-", "El-"} {
			if particle == "" && strings.HasPrefix(family, pre) && len(family) > len(pre) {
				particle = strings.ToLower(pre)
				family = family[len(pre):]
			}
		}
	}
	return particle, family, j
}

// invertedName reads "Family, Given[, Suffix]".
func invertedName(toks []token, i int) (lint.Name, int, bool) {
	particle, family, j := familyWords(toks, i)
	if family == "" || !isPunct(toks, j, ",") {
		return lint.Name{}, 0, false
	}
	// capsInitials first: it rules out most names without splitting the
	// family into words.
	if capsInitials(toks, j-1) {
		if first, more := firstWord(family); more && !isAllUpper(first) {
			// "Martin WF, Garg S" is Vancouver, not "Martin WF"
			// inverted.
			return lint.Name{}, 0, false
		}
	}
	j++
	var givenBuf [4]string
	given := givenBuf[:0]
	for len(given) < 4 && j < len(toks) {
		t := toks[j]
		// After an initial only initials follow: in "Meyers, K. Withering
		// Worrying." the capitalised words are the title.
		afterInitial := len(given) > 0 && toks[j-1].kind == tInitial
		if t.kind == tInitial || capWord(toks, j) && !isSuffixWord(t.text) && !afterInitial {
			// "Bae, E., V. C." and "Smith, J.A.": initials may be glued.
			given = append(given, t.text)
			j++
			continue
		}
		if t.kind == tPunct && t.text == "-" && !t.spaceBefore && len(given) > 0 && j+1 < len(toks) && (toks[j+1].kind == tInitial || capWord(toks, j+1)) && !toks[j+1].spaceBefore {
			given[len(given)-1] += "-" + toks[j+1].text
			j += 2
			continue
		}
		break
	}
	if len(given) == 0 {
		return lint.Name{}, 0, false
	}
	// A trailing particle belongs to the family: "Geldern, James von".
	if particle == "" && isParticle(toks, j) && nameEnds(toks, j+1) {
		particle = toks[j].text
		j++
	}
	n := lint.Name{Family: family, Given: strings.Join(given, " "), Particle: particle}
	j = readSuffix(toks, j, &n)
	if !nameEnds(toks, j) && toks[j-1].kind != tInitial && toks[j-1].text != "." {
		return lint.Name{}, 0, false
	}
	return n, j, true
}

// readSuffix reads ", Jr." or " III" after a name.
func readSuffix(toks []token, j int, n *lint.Name) int {
	k := j
	if isPunct(toks, k, ",") {
		k++
	}
	if k < len(toks) && toks[k].kind == tWord && isSuffixWord(toks[k].text) {
		n.Suffix = toks[k].text
		k++
		if isPunct(toks, k, ".") && !toks[k].spaceBefore {
			n.Suffix += "."
			k++
		}
		return k
	}
	return j
}

// vancouverName reads "Family GW".
func vancouverName(toks []token, i int) (lint.Name, int, bool) {
	particle, family, j := familyWords(toks, i)
	if family == "" {
		return lint.Name{}, 0, false
	}
	// familyWords may have taken the initials as a family word.
	if capsInitials(toks, j-1) {
		if first, more := firstWord(family); more && !isAllUpper(first) {
			words := strings.Fields(family)
			family = strings.Join(words[:len(words)-1], " ")
			j--
		}
	}
	if j < len(toks) && toks[j].kind == tInitial && !isAllUpper(family) && (len(toks[j].text) == 2 || nameEnds(toks, j+1)) {
		// "Zimorski V." — the last name's initial carries the period
		// that ends the block; "Harrison R.M., Stedman J." dots them all.
		given := toks[j].text
		if len(given) == 2 {
			given = given[:1]
		}
		return lint.Name{Family: family, Given: given, Particle: particle}, j + 1, true
	}
	if !capsInitials(toks, j) || isAllUpper(family) || !nameEnds(toks, j+1) {
		return lint.Name{}, 0, false
	}
	n := lint.Name{Family: family, Given: toks[j].text, Particle: particle}
	return n, j + 1, true
}

func isAllUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// directName reads "Given [particles] Family[, Jr.]".
func directName(toks []token, i int) (lint.Name, int, bool) {
	j := i
	var wordBuf [6]token
	words := wordBuf[:0]
	for j < len(toks) && len(words) < 6 {
		if toks[j].kind == tInitial || capWord(toks, j) || isParticle(toks, j) {
			words = append(words, toks[j])
			j++
			continue
		}
		if toks[j].kind == tPunct && toks[j].text == "-" && !toks[j].spaceBefore && len(words) > 0 && j+1 < len(toks) && toks[j+1].kind == tInitial {
			words[len(words)-1].text += "-" + toks[j+1].text
			j += 2
			continue
		}
		break
	}
	// Take back a suffix or trailing particles that end the run.
	var suffix string
	if len(words) > 1 && isSuffixWord(strings.TrimSuffix(words[len(words)-1].text, ".")) {
		suffix = words[len(words)-1].text
		words = words[:len(words)-1]
	}
	if len(words) < 2 {
		return lint.Name{}, 0, false
	}
	last := words[len(words)-1]
	if last.kind != tWord || !capWord([]token{last}, 0) || utf8.RuneCountInString(last.text) <= 2 && isAllUpper(last.text) {
		return lint.Name{}, 0, false
	}
	k := len(words) - 1
	var parts []string
	for k-1 >= 1 && isParticleWord(words[k-1].text) {
		parts = append([]string{words[k-1].text}, parts...)
		k--
	}
	var givenBuf [6]string
	given := givenBuf[:0]
	for _, w := range words[:k] {
		if isParticleWord(w.text) {
			return lint.Name{}, 0, false
		}
		given = append(given, w.text)
	}
	if !nameEnds(toks, j) {
		return lint.Name{}, 0, false
	}
	n := lint.Name{Family: last.text, Given: strings.Join(given, " "), Particle: strings.Join(parts, " ")}
	if suffix != "" {
		n.Suffix = suffix
		if isPunct(toks, j, ".") && !toks[j].spaceBefore && !strings.HasSuffix(suffix, ".") {
			n.Suffix += "."
		}
	} else {
		j = readSuffix(toks, j, &n)
	}
	return n, j, true
}

// authors runs the names stage on the entry.
func (p *parser) authors() {
	p.skipSpaceFromStart()
	// Most author blocks and what follows them fit in a buffer on the
	// stack.
	var buf [64]token
	toks := appendTokens(buf[:0], p.rest(), 200)
	if p.pos > 0 {
		// Offsets in w: only a blanked list number moves them.
		for i := range toks {
			toks[i].start += p.pos
			toks[i].end += p.pos
		}
	}
	b := readNames(p.work(), toks)
	if len(b.names) == 0 {
		return
	}
	end := b.end
	// A role after the names ("(Ed.)", ", editors") is not part of them.
	if m := findIndexIf(reRole, p.work()[end:], roleMay(p.work()[end:])); m != nil {
		end += m[1]
	}
	// A group's abbreviation after its name, "United Nations Environment
	// Programme (UNEP) (2021)", belongs to the author, not the title.
	end += abbreviationAfter(p.work()[end:])
	// The block must end at a field boundary; "Russia, Past and Present"
	// read as two names would leave "Present" dangling.
	after := strings.TrimLeft(p.work()[end:], " ")
	if after != "" && !strings.ContainsAny(after[:1], ".,:;([\"'“‘") {
		r, _ := utf8.DecodeRuneInString(after)
		closedByPeriod := strings.HasSuffix(strings.TrimRight(p.work()[:end], " "), ".")
		if !closedByPeriod && !unicode.IsDigit(r) {
			return
		}
	}
	p.e.Authors = b.names
	p.e.EtAl = b.etAl
	p.f.names = len(b.names)
	p.f.ampersand = b.amp
	p.f.etAlComma = b.etAl && b.etAlComma && len(b.names) == 1
	p.f.etAlBare = b.etAl && !b.etAlComma
	if b.directLater {
		p.f.directLater = true
	}
	p.pos = end
}

// skipSpaceFromStart moves pos past the blanked list number.
func (p *parser) skipSpaceFromStart() {
	p.pos = 0
	p.skipSpace()
}

// roleMay: reRole needs, after spaces, a comma and a bracket, a role
// word's first letter.
func roleMay(s string) bool {
	i := skipRESpace(s, 0)
	if i < len(s) && s[i] == ',' {
		i++
	}
	i = skipRESpace(s, i)
	if i < len(s) && (s[i] == '(' || s[i] == '[') {
		i++
	}
	i = skipRESpace(s, i)
	if i >= len(s) {
		return false
	}
	c := s[i]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return strings.IndexByte("etcdphnwi", c) >= 0
}

// firstWord returns the first space-separated word of s and whether
// another follows it, as strings.Fields would split s.
func firstWord(s string) (string, bool) {
	first := ""
	for w := range strings.FieldsSeq(s) {
		if first != "" {
			return first, true
		}
		first = w
	}
	return first, false
}

// abbreviationAfter returns the length of an upper-case abbreviation in
// parentheses or brackets at the start of s ("(UNEP)", " [APA]"), or 0.
func abbreviationAfter(s string) int {
	i := len(s) - len(strings.TrimLeft(s, " "))
	if i >= len(s) || (s[i] != '(' && s[i] != '[') {
		return 0
	}
	closer := byte(')')
	if s[i] == '[' {
		closer = ']'
	}
	j := i + 1
	letters := 0
	for j < len(s) && s[j] != closer {
		c := s[j]
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c >= '0' && c <= '9', c == '&', c == '.', c == '-':
		default:
			return 0
		}
		j++
	}
	if j >= len(s) || letters < 2 || j-i > 13 {
		return 0
	}
	return j + 1
}
