package inline

import (
	"strings"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/internal/swar"
)

// Verb flags.
const (
	// verbBase is a plural or bare form ("argue"): after a single
	// capitalised word it marks a plural subject ("Historians argue").
	verbBase = 1 << iota
	// verbBy is a participle that takes "by": "as noted by Freeze".
	verbBy
	// verbOut needs "out": "points out".
	verbOut
	// verbIt needs "it": "as Freeze puts it".
	verbIt
	// verbInverted may precede its subject after a quotation:
	// "…," writes Freeze.
	verbInverted
)

// signalVerbs are the verbs that attribute words or ideas to a person.
var signalVerbs = func() map[string]uint8 {
	m := make(map[string]uint8)
	// base, third person, past, participle
	for _, forms := range [][4]string{
		{"argue", "argues", "argued", "argued"},
		{"write", "writes", "wrote", "written"},
		{"explain", "explains", "explained", "explained"},
		{"observe", "observes", "observed", "observed"},
		{"suggest", "suggests", "suggested", "suggested"},
		{"note", "notes", "noted", "noted"},
		{"claim", "claims", "claimed", "claimed"},
		{"assert", "asserts", "asserted", "asserted"},
		{"describe", "describes", "described", "described"},
		{"report", "reports", "reported", "reported"},
		{"say", "says", "said", "said"},
		{"state", "states", "stated", "stated"},
		{"contend", "contends", "contended", "contended"},
		{"maintain", "maintains", "maintained", "maintained"},
		{"insist", "insists", "insisted", "insisted"},
		{"remark", "remarks", "remarked", "remarked"},
		{"comment", "comments", "commented", "commented"},
		{"emphasize", "emphasizes", "emphasized", "emphasized"},
		{"emphasise", "emphasises", "emphasised", "emphasised"},
		{"stress", "stresses", "stressed", "stressed"},
		{"conclude", "concludes", "concluded", "concluded"},
		{"acknowledge", "acknowledges", "acknowledged", "acknowledged"},
		{"recall", "recalls", "recalled", "recalled"},
		{"recount", "recounts", "recounted", "recounted"},
		{"mention", "mentions", "mentioned", "mentioned"},
		{"point", "points", "pointed", "pointed"},
		{"put", "puts", "put", "put"},
		{"declare", "declares", "declared", "declared"},
		{"show", "shows", "showed", "shown"},
		{"record", "records", "recorded", "recorded"},
		{"document", "documents", "documented", "documented"},
		{"find", "finds", "found", "found"},
		{"demonstrate", "demonstrates", "demonstrated", "demonstrated"},
		{"trace", "traces", "traced", "traced"},
		{"estimate", "estimates", "estimated", "estimated"},
		{"reveal", "reveals", "revealed", "revealed"},
		{"warn", "warns", "warned", "warned"},
		{"caution", "cautions", "cautioned", "cautioned"},
	} {
		var extra uint8
		switch forms[0] {
		case "point":
			extra = verbOut
		case "put":
			extra = verbIt
		}
		m[forms[0]] |= verbBase | extra
		m[forms[1]] |= extra | verbInverted
		m[forms[2]] |= extra | verbInverted
		m[forms[3]] |= extra
		if forms[0] != "write" && forms[0] != "put" && forms[0] != "say" && forms[0] != "find" {
			m[forms[3]] |= verbBy
		}
	}
	// "put" is its own past tense: "as Freeze put it" is no plural.
	m["put"] &^= verbBase
	return m
}()

// verbShapes are the shapes of signalVerbs.
var verbShapes = func() (t wordShapes) {
	for w := range signalVerbs {
		t.add(w)
	}
	return t
}()

// signalVerb looks w up in signalVerbs, turning most words away by their
// shape.
func signalVerb(w string) (uint8, bool) {
	if w == "" || len(w) > maxShape || !verbShapes.may(w) {
		return 0, false
	}
	flags, ok := signalVerbs[w]
	return flags, ok
}

// auxiliaries may stand between a name and its verb: "Freeze has argued",
// "Freeze also notes", "Freeze would later write".
var auxiliaries = newWordSet(`
has have had would will might may can could should does did also further later once even then
often rightly famously himself herself too first again elsewhere similarly likewise
`)

// abstractSubjects are common nouns that begin sentences before a
// reporting verb ("Research shows", "Attendance tells the same story",
// "History records"): no person, no source.
var abstractSubjects = newWordSet(`
evidence research data history experience attendance science analysis study studies report
reports survey surveys results result literature logic reason context time documents records
census statistics archives testimony memory tradition scholarship theory practice reality
law policy propaganda media press fiction art music film culture religion society nature
economics geography biology psychology medicine technology everything nothing something
anything folklore legend myth rumor rumour observation comparison examination hindsight
experts consensus common wisdom math mathematics physics chemistry experiments experiment
testing tests polling polls sales growth production output trade prices wages
`)

// pronounSubjects and sourceNouns begin a sentence that reports a source
// already named ("She writes", "The study finds"): no citation of their
// own, but a bare page number after them is a page citation.
var pronounSubjects = newWordSet(`he she they it`)

var sourceNouns = newWordSet(`
author authors book article study text report essay novel chapter writer historian source
document survey paper memoir diary letter speech biography researcher researchers scholar
`)

// followers may come right after a name introduced by "according to":
// anything else that is a lower-case word makes the name an adjective
// ("according to Soviet historians").
var followers = newWordSet(`
in who whose and that it the this these there he she they we his her its their a an was is were
had has himself herself as at on by for from of to with while when because although though but
so if which what during after before
`)

// signalScan finds signal phrases in one block.
type signalScan struct {
	*blockScan
	out  []lint.Citation
	base int // the block's citations are out[base:]
}

// signals appends the signal phrases of the block to out, whose citations
// from base on are the block's.
func (s *blockScan) signals(out []lint.Citation, base int) []lint.Citation {
	sc := signalScan{blockScan: s, out: out, base: base}
	// text ends with the block, so that triggers' index checks drop out.
	triggers(s.text[:s.r.End], s.r.Start, sc.word)
	return sc.out
}

// triggers calls word with the start and end of each word of text[start:]
// that may set off a signal phrase, in order.
//
// A word runs over letters, digits and letters beyond ASCII from its first
// letter on; only a word of ASCII letters can be a trigger. The ASCII
// letters that follow no ASCII letter are found eight bytes at a time;
// most are turned away by their first three letters, and only the rest
// are read to their end.
func triggers(text string, start int, word func(i, j int)) {
	end := len(text)
	var prev uint64 // the letters of the previous eight bytes
	for p := start; p < end; p += 8 {
		var x uint64
		if p+8 <= end {
			x = swar.Load8(text, p)
		} else {
			x = swar.LoadTail(text, p, end)
		}
		letters := ^swar.NonLetters(x) & swar.HighBits
		firsts := letters &^ (letters<<8 | prev>>56)
		prev = letters
		for firsts != 0 {
			i := p + swar.FirstMarked(firsts)
			firsts &= firsts - 1
			if i+2 >= end {
				continue // two letters at most: no trigger is as short
			}
			if t := triggerTriple(text[i], text[i+1], text[i+2]); triggerTriples[t>>6]&(1<<(t&63)) == 0 {
				continue
			}
			n, ok := mayTrigger(text, i, end)
			if !ok || wordGoesOn(text, i+n, end) || !wordStart(text, start, i) {
				continue
			}
			if j := i + n; maybeTrigger(text[i:j]) && triggerWord(text[i:j]) {
				if r, _ := runeBefore(text, i); i == start || !isApostrophe(r) && r != '-' {
					word(i, j)
				}
			}
		}
	}
}

// mayTrigger reports whether the word whose first letter, an ASCII one,
// is at i may be a trigger by its first two letters and the length n of
// its run of ASCII letters (see maybeTrigger), which it returns.
func mayTrigger(text string, i, end int) (n int, ok bool) {
	if i+1 >= end {
		return 0, false
	}
	var shape uint16
	switch a, b := text[i], text[i+1]; {
	case a >= 'a':
		if b-'a' < 26 {
			shape = triggerShapes[a-'a'][b-'a']
		}
	case a == 'A':
		shape = 1 << len("According")
	case a == 'Q':
		shape = 1 << len("Quoting")
	}
	if shape == 0 {
		return 0, false
	}
	for n < 16 {
		if i+n+8 > end {
			for i+n < end && asciiClass[text[i+n]]&classLetter != 0 {
				n++
			}
			break
		}
		if m := swar.NonLetters(swar.Load8(text, i+n)); m != 0 {
			n += swar.FirstMarked(m)
			break
		}
		n += 8
	}
	return n, n < 16 && shape&(1<<n) != 0
}

// wordGoesOn reports whether the word whose run of ASCII letters ends at
// j goes on in a digit or a letter beyond ASCII: it is then no trigger.
func wordGoesOn(text string, j, end int) bool {
	if j >= end {
		return false
	}
	if c := text[j]; c < utf8.RuneSelf {
		return isDigit(rune(c))
	}
	r, _ := runeAt(text, j)
	return isLetter(r)
}

// wordStart reports whether the ASCII letter at i, which follows no ASCII
// letter, starts a word of the block starting at start: no letter stands
// before it in its run of letters and digits.
func wordStart(text string, start, i int) bool {
	k := i
	for k > start && isDigit(rune(text[k-1])) {
		k--
	}
	if k == start {
		return true
	}
	if c := text[k-1]; c < utf8.RuneSelf {
		return asciiClass[c]&classLetter == 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[start:k])
	return !isLetter(r)
}

// triggerShapes has, for the first two letters of every trigger word, a
// bit per length: a cheap test before the map lookup.
var triggerShapes = func() (t [26][26]uint16) {
	add := func(w string) {
		if len(w) < 2 || len(w) > 15 {
			return
		}
		t[w[0]-'a'][w[1]-'a'] |= 1 << len(w)
	}
	for w := range signalVerbs {
		add(w)
	}
	for _, w := range []string{"according", "quoting", "quote", "words"} {
		add(w)
	}
	return t
}()

// triggerTriples has a bit for each triple of bytes that may open a
// trigger word, by triggerTriple: every trigger word (see triggerWord) has
// three letters at least, so its first three set a bit. Case and all but
// the low five bits of each byte are dropped, so that unrelated triples
// share bits: the table only turns away, in the signal scan, most words
// that cannot be triggers before their length is read.
var triggerTriples = func() (t [1 << 15 / 64]uint64) {
	add := func(w string) {
		k := triggerTriple(w[0], w[1], w[2])
		t[k>>6] |= 1 << (k & 63)
	}
	for w := range signalVerbs {
		add(w)
	}
	for _, w := range []string{"according", "According", "quoting", "Quoting", "quote", "words"} {
		add(w)
	}
	return t
}()

// triggerTriple indexes triggerTriples by the first three bytes of a word.
func triggerTriple(a, b, c byte) uint {
	return uint(a&31)<<10 | uint(b&31)<<5 | uint(c&31)
}

// maybeTrigger reports whether the ASCII word w may set off a signal
// phrase.
func maybeTrigger(w string) bool {
	if len(w) < 2 || len(w) > 15 {
		return false
	}
	a, b := w[0], w[1]
	if 'A' <= a && a <= 'Z' {
		return w == "According" || w == "Quoting"
	}
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return false
	}
	return triggerShapes[a-'a'][b-'a']&(1<<len(w)) != 0
}

// nextWord returns the word (letters only) starting after spaces at off.
func nextWord(text string, off, end int) (string, int, int) {
	k := off
	for k < end && text[k] == ' ' {
		k++
	}
	j := k
	for j < end {
		r, n := runeAt(text, j)
		if !isLetter(r) {
			break
		}
		j += n
	}
	return text[k:j], k, j
}

// prevWord returns the word (letters only) ending before spaces at off.
func prevWord(text string, off, start int) (string, int) {
	k := off
	for k > start && text[k-1] == ' ' {
		k--
	}
	j := k
	for j > start {
		if c := text[j-1]; c < utf8.RuneSelf {
			// ASCII, most of any text: no decoding.
			if asciiClass[c]&classLetter == 0 {
				break
			}
			j--
			continue
		}
		r, n := runeBefore(text, j)
		if !isLetter(r) {
			break
		}
		j -= n
	}
	return text[j:k], j
}

// triggerWord reports whether word (see word) may do anything with w:
// whether w is a signal verb or opens one of the other triggers. It is
// cheap, and most words that pass maybeTrigger fail it.
func triggerWord(w string) bool {
	switch w[0] {
	case 'a', 'A', 'q', 'Q', 'w':
		switch w {
		case "according", "According", "quoting", "Quoting", "quote", "words":
			return true
		}
	}
	_, ok := signalVerb(w)
	return ok
}

// word looks at one word that may set off a signal phrase.
func (sc *signalScan) word(i, j int) {
	text := sc.text
	w := text[i:j]
	switch w {
	case "according", "According":
		if nw, _, k := nextWord(text, j, sc.r.End); nw == "to" {
			sc.forward(i, k)
		}
		return
	case "quoting", "Quoting":
		sc.forward(i, j)
		return
	case "quote":
		if pw, at := prevWord(text, i, sc.r.Start); pw == "to" || pw == "To" {
			sc.forward(at, j)
		}
		return
	case "words":
		sc.words(i, j)
		return
	}
	flags, ok := signalVerb(w)
	if !ok {
		return
	}
	vEnd := j
	if flags&(verbOut|verbIt) != 0 {
		need := "out"
		if flags&verbIt != 0 {
			need = "it"
		}
		nw, _, k := nextWord(text, j, sc.r.End)
		if nw != need {
			return
		}
		vEnd = k
	}
	if flags&verbBy != 0 {
		if nw, _, k := nextWord(text, vEnd, sc.r.End); nw == "by" {
			sc.forward(i, k)
			return
		}
	}
	if flags&verbInverted != 0 && sc.invertedAt(i) {
		if sc.forward(i, vEnd) {
			return
		}
	}
	sc.backward(i, vEnd, flags)
}

// invertedAt reports whether the verb at i follows a quotation or a comma:
// "…," writes Freeze.
func (sc *signalScan) invertedAt(i int) bool {
	k := i
	for k > sc.r.Start {
		r, n := runeBefore(sc.text, k)
		if !isSpace(r) {
			break
		}
		k -= n
	}
	r, _ := runeBefore(sc.text, k)
	switch r {
	case ',', '”', '"', '’', '\'', '»':
		return k > sc.r.Start
	}
	return false
}

// emit records a signal phrase over [from, to) naming l.
func (sc *signalScan) emit(from, to int, l *nameList) {
	if sc.inQuote(from) || sc.inQuote(to-1) {
		return // the source's own words, quoted
	}
	for _, c := range sc.out[sc.base:] {
		if c.Kind == lint.CitationSignal && c.Start <= l.start && l.start < c.End {
			return // one phrase, one citation
		}
	}
	authors := sc.authors.take(l.nn)
	for k := range l.nn {
		authors[k] = family(sc.text, &l.names[k])
	}
	r := lint.Range{Start: from, End: to}
	sc.out = append(sc.out, lint.Citation{
		Kind:    lint.CitationSignal,
		Range:   r,
		Text:    sc.text[r.Start:r.End],
		Authors: authors,
		EtAl:    l.etAl,
		Block:   sc.block,
		Entry:   -1,
	})
}

// forward reads a name after a trigger that ends at off ("according to",
// "by", an inverted verb) and reports a signal phrase from the trigger's
// start at from.
func (sc *signalScan) forward(from, off int) bool {
	text := sc.text
	// A name, an article or a descriptor must come next.
	if w, _, _ := nextWord(text, off, sc.r.End); w != "" && startsLower(w) && w != "the" && !particles.exact(w) && !descriptors.exact(w) {
		return false
	}
	end := nameRegionAfter(text, off, min(sc.r.End, off+120))
	toks := sc.tokenize(text[off:end], off, false)
	k := 0
	article := false
	if k < len(toks) && toks[k].isWord() && strings.EqualFold(toks[k].text, "the") {
		article = true
		k++
	}
	described := false
	for n := 0; n < 3 && k < len(toks) && toks[k].isWord() && descriptors.has(toks[k].text) && startsLower(toks[k].text); n++ {
		described = true
		k++
	}
	// CEO, Dr.: an honorific before the name is part of it and dropped by
	// family().
	l := &sc.names
	j, ok := parseNames(l, toks, k)
	if !ok {
		return false
	}
	if article && !described && !isGroup(l) {
		return false // according to the Party
	}
	if sc.narratives[l.start] {
		return false // according to Freeze (2009): the narrative citation
	}
	if j < len(toks) {
		t := toks[j]
		if t.isWord() && startsLower(t.text) && !followers.exact(t.text) {
			if _, possessive := stripPossessive(text[l.start:l.end]); !possessive {
				return false // according to Soviet historians
			}
		}
	}
	sc.emit(from, l.end, l)
	return true
}

// isGroup reports whether a name list is one organisation.
func isGroup(l *nameList) bool {
	if l.nn != 1 {
		return false
	}
	n := &l.names[0]
	if n.group {
		return true
	}
	if n.nw < 2 {
		return false // "the Party", "the Kremlin": an actor, not a source
	}
	for _, w := range n.list() {
		if orgWords.has(w) || allUpper(w) {
			return true
		}
	}
	return false
}

// backward reads the subject before a signal verb at [vStart, vEnd):
// "Freeze argues", "historian Sheila Fitzpatrick notes", "as Ehrenburg
// wrote", "Freeze has long argued".
func (sc *signalScan) backward(vStart, vEnd int, flags uint8) {
	text := sc.text
	// Most verbs follow a lower-case word ("the party said"): look at the
	// word before, cheaply, before tokenizing anything.
	if w, at := prevWord(text, vStart, sc.r.Start); w != "" && startsLower(w) && !auxiliaries.exact(w) && !strings.HasSuffix(w, "ly") {
		// "She writes", "the study finds": a source named elsewhere.
		if pronounSubjects.exact(w) {
			sc.attributions = append(sc.attributions, vStart)
		} else if sourceNouns.exact(w) {
			if det, _ := prevWord(text, at, sc.r.Start); determiners.has(det) {
				sc.attributions = append(sc.attributions, vStart)
			}
		}
		return
	}
	lo := max(sc.r.Start, vStart-120)
	from := nameRegionBefore(text, lo, vStart)
	if from == lo && lo > sc.r.Start {
		from = skipPartialWord(text, lo, vStart)
	}
	toks := sc.tokenize(text[from:vStart], from, false)
	// Skip auxiliaries and -ly adverbs: "has", "also", "convincingly".
	e := len(toks)
	aux := false
	for e > 0 && toks[e-1].isWord() && startsLower(toks[e-1].text) &&
		(auxiliaries.exact(toks[e-1].text) || strings.HasSuffix(toks[e-1].text, "ly") && len(toks[e-1].text) > 4) {
		aux = true
		e--
	}
	// Skip an appositive: "Freeze, a historian, argues".
	if e > 0 && toks[e-1].is(',') {
		k := e - 2
		for k >= 0 && e-k < 10 && !toks[k].is(',') {
			k--
		}
		if k >= 0 && toks[k].is(',') && k+1 < e-1 && toks[k+1].isWord() && startsLower(toks[k+1].text) {
			e = k
		} else {
			return
		}
	}
	if e > 0 && toks[e-1].isWord() && pronounSubjects.has(toks[e-1].text) {
		sc.attributions = append(sc.attributions, vStart) // "She also writes"
		return
	}
	if e == 0 || !nameWord(toks[e-1]) && !endsEtAl(toks[:e]) {
		return
	}
	if _, possessive := stripPossessive(toks[e-1].text); possessive {
		return // Ehrenburg's novel argues: a work, not a person speaking
	}
	// The name starts at most a few name-like tokens back: find the
	// earliest, then try starts from there on.
	first := e - 1
	for first > 0 && e-first < 12 && nameish(toks, first-1) {
		first--
	}
	best := -1
	names := &sc.names
	for st := first; st < e; st++ {
		if !nameWord(toks[st]) && !(toks[st].isWord() && particles.has(toks[st].text)) {
			continue
		}
		if j, ok := parseNames(names, toks[:e], st); ok && j == e {
			best = st
			break
		}
	}
	if best < 0 {
		return
	}
	if sc.narratives[names.start] {
		return
	}
	if best > 0 {
		prev := toks[best-1]
		if prev.isWord() {
			if determiners.has(prev.text) {
				return // the Party claims
			}
			if _, possessive := stripPossessive(prev.text); possessive && startsUpper(prev.text) {
				return // Khrushchev's Secret Speech states
			}
		}
	}
	// "Historians argue": one word and a plural verb is a plural noun.
	if flags&verbBase != 0 && !aux && !names.etAl && names.nn == 1 && names.names[0].nw == 1 {
		return
	}
	if n := &names.names[0]; names.nn == 1 && n.nw == 1 && (adjectives.has(n.words[0]) || abstractSubjects.has(n.words[0])) {
		return
	}
	sc.emit(names.start, vEnd, names)
}

// words reads "in Fitzpatrick's words" and "in the words of Fitzpatrick".
func (sc *signalScan) words(i, j int) {
	text := sc.text
	// in the words of NAME
	if pw, at := prevWord(text, i, sc.r.Start); pw == "the" {
		if pw2, at2 := prevWord(text, at, sc.r.Start); pw2 == "in" || pw2 == "In" {
			if nw, _, k := nextWord(text, j, sc.r.End); nw == "of" {
				sc.forward(at2, k)
			}
		}
		return
	}
	// in NAME's words
	lo := max(sc.r.Start, i-120)
	from := nameRegionBefore(text, lo, i)
	if from == lo && lo > sc.r.Start {
		from = skipPartialWord(text, lo, i)
	}
	toks := sc.tokenize(text[from:i], from, false)
	e := len(toks)
	if e >= 2 && (toks[e-1].is('\'') || toks[e-1].is('’')) && strings.HasSuffix(toks[e-2].text, "s") {
		e-- // in Jones' words: a plural possessive
	} else if e < 2 || !nameWord(toks[e-1]) {
		return
	} else if _, possessive := stripPossessive(toks[e-1].text); !possessive {
		return
	}
	if e < 2 || !nameWord(toks[e-1]) {
		return
	}
	for st := max(0, e-8); st < e; st++ {
		if st == 0 || !toks[st-1].isWord() || !strings.EqualFold(toks[st-1].text, "in") {
			continue
		}
		if k, ok := parseNames(&sc.names, toks[:e], st); ok && k == e {
			sc.emit(toks[st-1].start, j, &sc.names)
			return
		}
	}
}

// nameish reports whether toks[k] can stand inside a name or a list of
// names: a capitalised word, a particle, a connector, an initial's dot,
// "and", "&", a comma, "et al".
func nameish(toks []token, k int) bool {
	t := toks[k]
	switch {
	case t.is('.') || t.is(',') || t.is('&'):
		return true
	case !t.isWord():
		return false
	case nameWord(t):
		return true
	}
	return t.text == "and" || t.text == "et" || t.text == "al" || particles.has(t.text) || connectors.has(t.text)
}

// nameRegionBefore returns where to start reading the name that ends at
// end: it walks back over the words a subject can be made of (auxiliaries
// and adverbs, an appositive between commas, capitalised words, particles,
// initials, "and", "et al.") and keeps one word more, so the parse can see
// what stands before the name. Tokenizing only this much keeps the cost
// of a signal verb small.
func nameRegionBefore(text string, start, end int) int {
	k := end
	appositive := false
	for k > start {
		j := k
		for j > start && isSpaceByte(text[j-1]) {
			j--
		}
		if j == start {
			return start
		}
		switch c := text[j-1]; c {
		case '.', '&':
			k = j - 1
			continue
		case ',':
			// One appositive: "Freeze, a historian of the church, argues".
			if appositive {
				k = j - 1
				continue
			}
			appositive = true
			p := strings.LastIndexByte(text[max(start, j-90):j-1], ',')
			if p < 0 {
				k = j - 1
				continue
			}
			k = max(start, j-90) + p
			continue
		}
		w := j
		for w > start {
			r, n := runeBefore(text, w)
			if !isAlnum(r) && !isApostrophe(r) && r != '-' {
				break
			}
			w -= n
		}
		if w == j {
			return j // other punctuation ends the subject
		}
		word := text[w:j]
		if !startsUpper(word) && !nameConnector(word) && !auxiliaries.exact(word) && !(strings.HasSuffix(word, "ly") && len(word) > 4) && !strings.Contains(word, "-") {
			return w // the word before the name, kept for context
		}
		k = w
	}
	return start
}

// nameConnector reports whether a lower-case word can stand inside a name
// or a list of names.
func nameConnector(w string) bool {
	return w == "and" || w == "et" || w == "al" || particles.exact(w) || connectors.exact(w) || descriptors.exact(w)
}

// nameRegionAfter returns where to stop reading a name that starts at
// start: after the article, descriptors, name words and separators, and
// one word more.
func nameRegionAfter(text string, start, end int) int {
	k := start
	for k < end {
		for k < end && isSpaceByte(text[k]) {
			k++
		}
		if k == end {
			return end
		}
		if c := text[k]; c == '.' || c == ',' || c == '&' {
			k++
			continue
		}
		w := k
		for w < end {
			r, n := runeAt(text, w)
			if !isAlnum(r) && !isApostrophe(r) && r != '-' {
				break
			}
			w += n
		}
		if w == k {
			return min(end, k+1) // other punctuation ends the name
		}
		word := text[k:w]
		if !startsUpper(word) && !nameConnector(word) && word != "the" && !strings.Contains(word, "-") {
			return w // the word after the name, kept for context
		}
		k = w
	}
	return end
}

// skipPartialWord moves a window's start that may have cut a word to the
// next space.
func skipPartialWord(text string, from, end int) int {
	if k := strings.IndexByte(text[from:end], ' '); k >= 0 {
		return from + k
	}
	return end
}

// endsEtAl reports whether toks end with "et al." or "et al".
func endsEtAl(toks []token) bool {
	e := len(toks)
	if e > 0 && toks[e-1].is('.') {
		e--
	}
	return e >= 2 && toks[e-1].text == "al" && toks[e-2].text == "et"
}
