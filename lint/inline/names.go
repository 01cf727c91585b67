package inline

import (
	"strings"
)

// notNames are capitalised words that begin sentences or name things but
// are never a person's or a source's name: a name that starts with one is
// no name ("This", "However", "March", "Chapter", "Historians").
var notNames = newWordSet(`
a an the this that these those his her its their our my your i we you he she it they me him us them
one someone somebody everyone anyone nobody none who whom whose what which where when why how
and but or nor yet so for if then than though although because since unless until while whereas
as at by from in into of on onto to with within without about above below after before during
over under through between among against toward towards upon via per
however therefore thus hence moreover furthermore meanwhile instead also still even just only
indeed nevertheless nonetheless besides finally first second third last next later earlier
today yesterday tomorrow now here there again often sometimes soon once perhaps maybe certainly
many most much more some several few all both each every any other others another such same
no not yes both either neither
see cf compare note notes figure fig table chapter ch section sec part book vol volume act scene
page pages line lines appendix article order decree resolution item step phase stage level
grade class room exhibit plate map chart graph image photo picture video episode season verse
version edition issue number source sources work works text article essay paper study studies
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter
historians historian scholars scholar critics critic researchers researcher experts expert
people writers writer authors author analysts observers commentators economists scientists
officials leaders citizens students teachers readers soviets russians americans communists
according said says like unlike despite regarding concerning following throughout whether
whatever whoever whenever wherever toward let lets yes well oh
`)

// adjectives are capitalised words that qualify a noun ("Soviet notes",
// "Russian sources say"); on their own before a verb they are no subject.
var adjectives = newWordSet(`
soviet russian american british english french german chinese european western eastern
northern southern communist socialist stalinist marxist leninist bolshevik christian orthodox
catholic protestant jewish muslim islamic ukrainian polish cuban korean japanese italian
spanish african asian arab arabic latin roman greek irish scottish welsh canadian mexican
indian nazi fascist democratic republican liberal conservative federal national royal imperial
`)

// particles are the lower-case prefixes of family names.
var particles = newWordSet(`
von van de da del della der den di du la le bin ibn ben al el ter ten dos das do des dei degli
st zu y abu bint
`)

// connectors join the words of an organisation's name.
var connectors = newWordSet(`of for on the and in`)

// orgWords mark a name as an organisation's, kept whole as the author.
var orgWords = newWordSet(`
organization organisation association institute institution department society council agency
bureau center centre committee foundation union university college press service services
office commission ministry network group watch project museum library archive archives nations
bank fund board news times post journal magazine review company corporation inc ltd
international research party government administration academy federation league trust
program programme initiative alliance coalition forum court congress senate parliament
assembly states school hospital laboratory media broadcasting channel radio television
herald tribune gazette guardian telegraph encyclopedia encyclopaedia britannica dictionary
wikipedia reuters bbc cnn npr
`)

// honorifics precede a name and are not part of it.
var honorifics = newWordSet(`
dr prof professor mr mrs ms miss sir dame lord lady president general gen premier secretary
ceo senator sen governor gov chairman chairwoman pope saint king queen tsar czar emperor
empress prince princess father rev reverend captain capt colonel col lieutenant lt judge
justice minister chancellor comrade marshal admiral rabbi imam bishop archbishop cardinal
`)

// suffixes follow a name and are not its family name.
var suffixes = newWordSet(`jr sr ii iii iv`)

// descriptors are lower-case words that introduce a person in a signal
// phrase: "historian Sheila Fitzpatrick notes".
var descriptors = newWordSet(`
historian historians scholar scholars professor author writer journalist critic novelist poet
economist sociologist philosopher researcher analyst biographer reporter editor scientist
psychologist expert theorist activist commentator columnist essayist playwright dissident
physician doctor political politician leader president premier general secretary
former late soviet russian american british renowned famous noted prominent
`)

// nameWord reports whether t can be a word of a name: a capitalised word,
// or a particle-prefixed word such as "al-Hakim".
func nameWord(t token) bool {
	if !t.isWord() {
		return false
	}
	if startsUpper(t.text) {
		return true
	}
	if k := hyphenAt(t.text); k > 0 && particles.has(t.text[:k]) {
		r, _ := runeAt(t.text, k+1)
		if r == '‐' {
			r, _ = runeAt(t.text, k+3)
		}
		return isUpper(r)
	}
	return false
}

// hyphenAt returns the offset of the first hyphen (- or ‐) in w, or -1:
// strings.IndexAny(w, "-‐") without decoding w.
func hyphenAt(w string) int {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '-':
			return i
		case "‐"[0]:
			if strings.HasPrefix(w[i:], "‐") {
				return i
			}
		}
	}
	return -1
}

// nameSpan is one name parsed from tokens. Its words are held in an array,
// not a slice, so that parsing names allocates nothing.
type nameSpan struct {
	start, end int // Text offsets of the name as written
	words      [maxNameWords]string
	nw         int
	group      bool // has a connector ("Library of Congress")
}

// maxNameWords bounds a name: "Organisation for Economic Co-operation and
// Development" is about the longest an essay cites.
const maxNameWords = 7

// list returns the name's words.
func (n *nameSpan) list() []string { return n.words[:n.nw] }

func (n *nameSpan) add(w string) {
	n.words[n.nw] = w
	n.nw++
}

// stripPossessive removes a possessive ending: "Freeze's" → "Freeze",
// "Jones'" stays (the tokenizer already dropped the trailing mark).
func stripPossessive(w string) (string, bool) {
	n := len(w)
	if n < 3 || w[n-1] != 's' && w[n-1] != 'S' {
		return w, false
	}
	if w[n-2] == '\'' {
		return w[:n-2], true
	}
	if n > 4 && w[n-4:n-1] == "’" {
		return w[:n-4], true
	}
	return w, false
}

// parseName reads one name starting at toks[i] into n: capitalised
// words, particles and initials, and the connectors of an organisation's
// name. It returns the index after the name.
func parseName(n *nameSpan, toks []token, i int) (int, bool) {
	n.start, n.end, n.nw, n.group = 0, 0, 0, false
	j := i
	for j < len(toks) && n.nw < maxNameWords {
		t := toks[j]
		if !t.isWord() {
			break
		}
		w := t.text
		switch {
		case nameWord(t):
			n.add(t.text)
			if n.nw == 1 {
				n.start = t.start
			}
			n.end = t.end
			j++
			if _, possessive := stripPossessive(t.text); possessive {
				// "Khrushchev's Secret Speech": what follows a possessive
				// is owned, not named.
				break
			}
			// An initial or an abbreviated honorific keeps its dot: "J.", "Dr.".
			if j < len(toks) && toks[j].is('.') && toks[j].start == t.end {
				r, size := runeAt(t.text, 0)
				if (size == len(t.text) && isUpper(r)) || honorifics.has(w) || suffixes.has(w) {
					n.end = toks[j].end
					j++
				}
			}
			continue
		case particles.has(w) && j+1 < len(toks) && nameWord(toks[j+1]):
			if n.nw == 0 {
				n.start = t.start
			}
			n.add(t.text)
			n.end = t.end
			j++
			continue
		case w != "and" && connectors.has(w) && n.nw > 0 && j+1 < len(toks) && nameWord(toks[j+1]) && !notNames.has(toks[j+1].text):
			n.add(t.text)
			n.group = true
			j++
			continue
		}
		break
	}
	if n.nw == 0 {
		return i, false
	}
	// A name ends on a capitalised word, never on a particle.
	first := n.words[0]
	if n.nw == 1 && len(first) > 2 && allUpper(first) {
		// An acronym: "WHO" is the World Health Organization, not "who".
		return j, true
	}
	if w, _ := stripPossessive(first); notNames.has(w) || n.nw == 1 && adjectives.has(w) {
		return i, false
	}
	return j, true
}

// nameList is the authors of a citation: one or more names joined by
// "and", "&" or commas, perhaps with "et al.".
type nameList struct {
	names [maxNames]nameSpan
	nn    int
	etAl  bool
	start int
	end   int
}

// maxNames bounds an author list; APA 7 lists up to twenty in a reference
// but an in-text citation names at most a few.
const maxNames = 6

// pushName reads a name at toks[i] into the list, reporting the index
// after it and false when there is none or the list is full.
func (l *nameList) pushName(toks []token, i int) (int, bool) {
	if l.nn == maxNames {
		return i, false
	}
	j, ok := parseName(&l.names[l.nn], toks, i)
	if ok {
		l.nn++
	}
	return j, ok
}

// etAlAt reports whether toks[j:] open with "et al" and returns the index
// of "al". "et. al", a common misspelling, is read as et al. too, so that
// citation-format can correct it.
func etAlAt(toks []token, j int) (int, bool) {
	if !toks[j].isWord() || !strings.EqualFold(toks[j].text, "et") {
		return 0, false
	}
	k := j + 1
	if k < len(toks) && toks[k].is('.') {
		k++
	}
	return k, k < len(toks) && toks[k].isWord() && strings.EqualFold(toks[k].text, "al")
}

// parseNames reads "Freeze", "Freeze and Smith", "Freeze, Smith, & Jones",
// "Freeze et al.". A comma joins names only in a list that ends with
// "and" or "&"; otherwise it ends the names.
// The names are read into l, whose earlier contents are lost.
func parseNames(l *nameList, toks []token, i int) (int, bool) {
	l.nn, l.etAl = 0, false
	j, ok := l.pushName(toks, i)
	if !ok {
		return i, false
	}
	l.start, l.end = l.names[0].start, l.names[0].end
	for j < len(toks) {
		// et al.
		if k, ok := etAlAt(toks, j); ok {
			l.etAl = true
			l.end = toks[k].end
			j = k + 1
			if j < len(toks) && toks[j].is('.') {
				l.end = toks[j].end
				j++
			}
			break
		}
		if toks[j].is('[') && j+2 < len(toks) && toks[j+1].isWord() && toks[j+2].is(']') && allUpper(toks[j+1].text) {
			// "American Psychological Association [APA]": the abbreviation
			// belongs to the citation, not to the name.
			l.end = toks[j+2].end
			j += 3
			continue
		}
		if sep, ok := andSep(toks, j); ok {
			k, ok := l.pushName(toks, sep)
			if !ok {
				break
			}
			l.end = l.names[l.nn-1].end
			j = k
			continue
		}
		if toks[j].is(',') {
			// A comma list counts only if it ends with and/&.
			save, savedNames := j, l.nn
			k := j
			closed := false
			for k < len(toks) && toks[k].is(',') {
				sep := k + 1
				if s, ok := andSep(toks, sep); ok {
					sep = s
					closed = true
				}
				next, ok := l.pushName(toks, sep)
				if !ok {
					closed = false
					break
				}
				k = next
				if closed {
					break
				}
				if s, ok := andSep(toks, k); ok {
					next, ok := l.pushName(toks, s)
					closed = ok
					if ok {
						k = next
					}
					break
				}
			}
			if !closed {
				l.nn = savedNames
				j = save
				break
			}
			l.end = l.names[l.nn-1].end
			j = k
			continue
		}
		break
	}
	return j, true
}

// andSep returns the index after an "and" or "&" at toks[j].
func andSep(toks []token, j int) (int, bool) {
	if j >= len(toks) {
		return j, false
	}
	if toks[j].is('&') || (toks[j].isWord() && toks[j].text == "and") {
		return j + 1, true
	}
	return j, false
}

// family returns the author as the matcher should see it: an
// organisation's name whole ("World Health Organization"), a person's
// family name with its particle ("von Geldern" from "James von Geldern",
// "De Gaulle", "Ehrenburg" from "Il'ia Ehrenburg"). text is the Document's
// Text, which the name's offsets index.
func family(text string, n *nameSpan) string {
	whole := text[n.start:n.end]
	words := n.list()
	// Drop honorifics in front ("CEO Doug McMillon", "Dr. Smith").
	for len(words) > 1 && honorifics.has(strings.TrimSuffix(words[0], ".")) && !n.group {
		words = words[1:]
	}
	if n.group || len(words) > 4 {
		return whole
	}
	for _, w := range words {
		if orgWords.has(strings.TrimSuffix(w, ".")) || (len(words) > 1 && allUpper(w)) {
			return whole
		}
	}
	for len(words) > 1 && suffixes.has(strings.TrimSuffix(words[len(words)-1], ".")) {
		words = words[:len(words)-1]
	}
	if len(words) == 1 {
		w, _ := stripPossessive(words[0])
		return w
	}
	// The family name starts at the first particle ("James von Geldern",
	// "Charles De Gaulle"), else it is the last word.
	from := len(words) - 1
	for k := 0; k < len(words)-1; k++ {
		if particles.has(words[k]) {
			from = k
			break
		}
	}
	// Rebuild from the written text so the spacing is the essay's own.
	idx := strings.Index(whole, words[from])
	if from > 0 {
		// Find the from-th word's own position, not an earlier repeat.
		pos := 0
		for k := 0; k < from; k++ {
			p := strings.Index(whole[pos:], words[k])
			if p < 0 {
				break
			}
			pos += p + len(words[k])
		}
		if p := strings.Index(whole[pos:], words[from]); p >= 0 {
			idx = pos + p
		}
	}
	if idx < 0 {
		return words[len(words)-1]
	}
	last := words[len(words)-1]
	end := strings.LastIndex(whole, last) + len(last)
	if end <= idx {
		return words[len(words)-1]
	}
	out, _ := stripPossessive(whole[idx:end])
	return out
}

// isOrganisation reports whether a name list is one organisation's name of
// two words or more with an organisation word ("Coastal Reef Trust"), not
// an adjective and a noun ("Soviet Union", "Communist Party").
func isOrganisation(l *nameList) bool {
	if l.nn != 1 {
		return false
	}
	n := &l.names[0]
	if n.nw < 2 || adjectives.has(n.words[0]) {
		return false
	}
	for _, w := range n.list() {
		if orgWords.has(w) {
			return true
		}
	}
	return false
}
