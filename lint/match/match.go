// Package match links the essay's citations to its works-cited entries and
// its quotations to the citations that cover them.
package match

import (
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/internal/swar"
	"github.com/citelint/citelint/lint/names"
)

// Match fills in Citation.Entry, Citation.Suggestion,
// Citation.YearMismatch, Entry.CitedBy, Entry.Mentioned and Quote.Citation.
func Match(e *lint.Essay) {
	m := newMatcher(e)
	for i := range e.Citations {
		c := &e.Citations[i]
		c.Entry, c.Suggestion, c.YearMismatch = -1, "", false
		m.citation(c)
	}
	m.pageOnly()
	m.notes()
	m.linkedNames()
	citedBy(e)
	m.mentions()
	linkQuotes(e)
}

// citedBy fills in Entry.CitedBy: each entry's citations in text order,
// nil for an uncited entry. The lists share one array, each capped at its
// own length so that appending to one cannot overwrite the next.
func citedBy(e *lint.Essay) {
	// ends[j] counts the citations of entry j, then, summed, is where its
	// list ends in all.
	var buf [32]int
	ends := buf[:0]
	if len(e.Entries) > len(buf) {
		ends = make([]int, 0, len(e.Entries))
	}
	ends = ends[:len(e.Entries)]
	cs := e.Citations
	n := 0
	for i := range cs {
		if j := cs[i].Entry; j >= 0 {
			ends[j]++
			n++
		}
	}
	for j := range ends {
		if j > 0 {
			ends[j] += ends[j-1]
		}
	}
	all := make([]int, n)
	for i := len(cs) - 1; i >= 0; i-- {
		// From the last citation back, each is put just before the
		// ones after it: ends[j] comes down to where j's list starts.
		if j := cs[i].Entry; j >= 0 {
			ends[j]--
			all[ends[j]] = i
		}
	}
	for j := range e.Entries {
		end := n
		if j+1 < len(ends) {
			end = ends[j+1]
		}
		e.Entries[j].CitedBy = nil
		if end > ends[j] {
			e.Entries[j].CitedBy = all[ends[j]:end:end]
		}
	}
}

// possessive matches a word's possessive ending.
var possessive = regexp.MustCompile(`(\pL)['’]s\b`)

// groupAbbrev finds a group author's abbreviation in parentheses right
// after its name, before the date or title, as the expression
// ^[^(]{3,}?\s\(([A-Z][A-Z&]{1,9})\) does (match_test.go holds it to
// that): the parenthesis must be the entry's first, after a space and at
// least three characters. The expression backtracked through the whole
// entry, tens of thousands of instructions for each group author.
func groupAbbrev(s string) (string, bool) {
	open := strings.IndexByte(s, '(')
	if open < 1 || !lint.IsRESpace(s[open-1]) || utf8.RuneCountInString(s[:open-1]) < 3 {
		return "", false
	}
	abbr := s[open+1:]
	if abbr == "" || abbr[0] < 'A' || abbr[0] > 'Z' {
		return "", false
	}
	n := 1
	for n < 10 && n < len(abbr) && ('A' <= abbr[n] && abbr[n] <= 'Z' || abbr[n] == '&') {
		n++
	}
	if n < 2 || n == len(abbr) || abbr[n] != ')' {
		return "", false
	}
	return abbr[:n], true
}

type entryKeys struct {
	families []string // Key of each author's family name, particle included
	group    []string // initials of group authors and "[APA]" abbreviations
	title    string   // folded title
	url, doi string
	year     string
}

type matcher struct {
	essay *lint.Essay
	keys  []entryKeys
	// yearSensitive: APA and Harvard compare the year.
	yearSensitive bool
	// cited remembers the keys of the names citations gave, for key.
	cited []citedKey
	// cands is byAuthors' result, reused from citation to citation.
	cands []int
	// firsts holds each entry's first family key, or noFamily, and
	// grouped whether any entry has a group key: byAuthors reads them
	// for every citation.
	firsts  []string
	grouped bool
	// firstFamilies is each entry's first family key split into words,
	// for namedIn, and mostFamilyWords the most words one has.
	firstFamilies   [][]string
	mostFamilyWords int
}

// citedKey is a cited name and its names.Key.
type citedKey struct{ name, key string }

func newMatcher(e *lint.Essay) *matcher {
	m := &matcher{essay: e, yearSensitive: e.Style == lint.StyleAPA || e.Style == lint.StyleHarvard}
	m.keys = make([]entryKeys, 0, len(e.Entries))
	for _, en := range e.Entries {
		k := entryKeys{title: names.Fold(en.Title), year: strings.ToLower(en.Year), doi: strings.ToLower(en.DOI)}
		if en.URL != "" {
			k.url = NormalizeURL(en.URL)
		}
		for _, a := range en.Authors {
			k.families = append(k.families, names.Key(a.FullFamily()))
			if a.Group {
				k.group = append(k.group, names.Initials(a.Family))
			}
		}
		if i := strings.Index(en.Text, "["); i >= 0 {
			if j := strings.Index(en.Text[i:], "]"); j > 1 && j < 12 {
				k.group = append(k.group, strings.ToUpper(en.Text[i+1:i+j]))
			}
		}
		// Only a group author is abbreviated so: the scan is spared the
		// other entries.
		if len(en.Authors) > 0 && en.Authors[0].Group {
			if abbr, ok := groupAbbrev(en.Text); ok {
				// "U.S. Global Change Research Program (USGCRP). (2018)."
				k.group = append(k.group, abbr)
			}
		}
		m.keys = append(m.keys, k)
	}
	m.firsts = make([]string, len(m.keys))
	for i, k := range m.keys {
		m.firsts[i] = noFamily
		if len(k.families) > 0 {
			m.firsts[i] = k.families[0]
		}
		m.grouped = m.grouped || len(k.group) > 0
	}
	return m
}

// noFamily stands in firsts for an entry without authors: no key equals
// it, as none holds the byte 0xff (Fold writes valid UTF-8, and keying
// only drops bytes from it and swaps ASCII letters).
const noFamily = "\xff"

func (m *matcher) citation(c *lint.Citation) {
	switch c.Kind {
	case lint.CitationLink:
		c.Entry = m.byURL(c.URL)
	case lint.CitationNumeric:
		if len(c.Numbers) > 0 && c.Numbers[0] >= 1 && c.Numbers[0] <= len(m.keys) {
			c.Entry = c.Numbers[0] - 1
		}
	case lint.CitationNote:
		// Resolved through the note's own citations, in notes().
	default:
		if c.PageOnly && len(c.Authors) == 0 && c.Title == "" {
			return
		}
		m.byNameOrTitle(c)
	}
}

// byURL finds the entry whose URL (or DOI link) is the same page.
func (m *matcher) byURL(raw string) int {
	n := NormalizeURL(raw)
	if n == "" {
		return -1
	}
	for i, k := range m.keys {
		if k.url != "" && k.url == n {
			return i
		}
		if k.doi != "" && strings.HasSuffix(strings.ToLower(n), k.doi) {
			return i
		}
	}
	return -1
}

func (m *matcher) byNameOrTitle(c *lint.Citation) {
	if len(c.Authors) > 0 {
		cands := m.byAuthors(c.Authors)
		if len(cands) == 0 {
			// An unquoted short title or a site name written where an author
			// would stand: "(Seventeen Moments)".
			cands = m.byTitle(strings.Join(c.Authors, " "))
		}
		if len(cands) > 0 {
			m.choose(c, cands)
			return
		}
		c.Suggestion = m.suggest(c.Authors[0])
		return
	}
	if c.Title != "" {
		if cands := m.byTitle(c.Title); len(cands) > 0 {
			m.choose(c, cands)
			return
		}
		c.Suggestion = m.suggestTitle(c.Title)
	}
}

// choose picks among entries whose names match, using the year in APA and
// Harvard: a single name match with another year is a year mismatch.
func (m *matcher) choose(c *lint.Citation, cands []int) {
	if c.Year == "" || !m.yearSensitive {
		c.Entry = cands[0]
		return
	}
	year := strings.ToLower(strings.TrimSpace(c.Year))
	for _, i := range cands {
		if m.keys[i].year == year || strings.TrimRight(m.keys[i].year, "abcdefgh") == year {
			c.Entry = i
			return
		}
	}
	if len(cands) == 1 {
		c.Entry, c.YearMismatch = cands[0], true
		return
	}
	c.Suggestion = m.describe(cands[0])
}

// byAuthors returns the entries whose first author matches the first cited
// name (and, when two are cited, whose second matches too).
func (m *matcher) byAuthors(cited []string) []int {
	first := m.key(cited[0])
	upper := "" // the cited name in capitals, made for the first group key
	out := m.cands[:0]
	for i, f := range m.firsts {
		hit := f == first
		if !hit && m.grouped {
			for _, g := range m.keys[i].group {
				if g == "" {
					continue
				}
				if upper == "" {
					upper = strings.ToUpper(strings.TrimSpace(cited[0]))
				}
				if g == upper {
					hit = true
				}
			}
		}
		if hit && len(cited) > 1 {
			if fs := m.keys[i].families; len(fs) > 1 {
				hit = fs[1] == m.key(cited[1])
			}
		}
		if hit {
			out = append(out, i)
		}
	}
	m.cands = out
	return out
}

// key is names.Key(name), remembered: an essay cites the same few names
// over and over.
func (m *matcher) key(name string) string {
	for _, c := range m.cited {
		if c.name == name {
			return c.key
		}
	}
	k := names.Key(name)
	if len(m.cited) < 32 {
		m.cited = append(m.cited, citedKey{name, k})
	}
	return k
}

// byTitle returns the entries whose title begins with the short title (or
// whose title is the short title), folded.
func (m *matcher) byTitle(short string) []int {
	s := names.Fold(short)
	if s == "" {
		return nil
	}
	var out []int
	for i, k := range m.keys {
		if k.title == "" {
			continue
		}
		if k.title == s || strings.HasPrefix(k.title, s+" ") || strings.HasPrefix(stripArticle(k.title), stripArticle(s)) && len(stripArticle(s)) >= 4 {
			out = append(out, i)
		}
	}
	return out
}

func stripArticle(s string) string {
	for _, a := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}

// suggest names a near-miss entry for a cited family name.
func (m *matcher) suggest(name string) string {
	for i, en := range m.essay.Entries {
		for _, a := range en.Authors {
			if names.Near(name, a.FullFamily()) {
				return m.describe(i)
			}
		}
	}
	return ""
}

func (m *matcher) suggestTitle(title string) string {
	t := names.Fold(title)
	for i, k := range m.keys {
		if k.title != "" && names.Distance(t, k.title) <= 2 {
			return m.describe(i)
		}
	}
	return ""
}

// describe names entry i the way a student would recognise it.
func (m *matcher) describe(i int) string {
	en := m.essay.Entries[i]
	if len(en.Authors) > 0 {
		return en.Authors[0].Inverted()
	}
	if en.Title != "" {
		return en.Title
	}
	return strings.TrimSpace(en.Text)
}

// pageOnly gives a page-only citation, "(412)", the entry of the source
// its sentence names: the signal phrase or narrative citation before it in
// the block (or, in a block quotation, in the paragraph introducing it), or
// else an entry's author named in the text before it.
func (m *matcher) pageOnly() {
	e := m.essay
	cs := e.Citations
	for i := range cs {
		if !cs[i].PageOnly || cs[i].Entry >= 0 || len(cs[i].Authors) > 0 {
			continue
		}
		block := cs[i].Block
		for j := i - 1; j >= 0 && cs[j].Block >= block-1; j-- {
			if cs[j].Block != block && (block < 1 || e.Doc.Blocks[block].Kind != lint.BlockQuotation) {
				break
			}
			if cs[j].Kind == lint.CitationSignal || cs[j].Kind == lint.CitationNarrative {
				cs[i].Entry = cs[j].Entry
				break
			}
		}
		if cs[i].Entry < 0 && block >= 0 {
			before := e.Doc.Slice(lint.Range{Start: e.Doc.Blocks[block].Start, End: cs[i].Start})
			cs[i].Entry = m.namedIn(before)
		}
	}
}

// namedIn returns the entry whose first author's family name stands last in
// text, or -1. Only the last namedInReach bytes or so of text are read: a
// paragraph can hold many page-only citations, and reading all of it before
// each would cost the square of its length.
func (m *matcher) namedIn(text string) int {
	if m.splitFirstFamilies() == 0 {
		return -1
	}
	// Read a short tail first, and a longer one only when it names no
	// one: the name is almost always close to its citation.
	for reach := 256; ; reach *= 4 {
		tail, whole := text, true
		if len(text) > reach {
			// Start after white space, so that no word is cut; a tail
			// without any holds no name.
			cut := len(text) - reach
			tail, whole = "", false
			if k := strings.IndexAny(text[cut:], " \t\n\r"); k >= 0 {
				tail = text[cut+k+1:]
			}
		}
		if i, sure := m.lastNamed(tail, whole); sure || reach >= namedInReach {
			return i
		}
	}
}

// splitFirstFamilies fills firstFamilies and mostFamilyWords, once, and
// returns mostFamilyWords.
func (m *matcher) splitFirstFamilies() int {
	if m.firstFamilies != nil {
		return m.mostFamilyWords
	}
	m.firstFamilies = make([][]string, len(m.keys))
	for i, k := range m.keys {
		// A key with an empty word in it ("ii" keys to "") could never
		// equal words joined by single spaces: it stays nil.
		if len(k.families) > 0 {
			if f := strings.Fields(k.families[0]); strings.Join(f, " ") == k.families[0] {
				m.firstFamilies[i] = f
				m.mostFamilyWords = max(m.mostFamilyWords, len(f))
			}
		}
	}
	return m.mostFamilyWords
}

// namedInReach is about how far before a page-only citation namedIn looks
// for a name.
const namedInReach = 4096

// lastNamed is namedIn on tail, the end of the text, whole when it is all of
// it. A name among tail's first words may have lost words to the cut
// ("von | Geldern"), so there, unless whole, lastNamed is not sure: it
// returns -1, false, and a longer tail must decide.
func (m *matcher) lastNamed(tail string, whole bool) (int, bool) {
	most := m.splitFirstFamilies()
	if strings.Contains(tail, "'s") || strings.Contains(tail, "’s") {
		tail = possessive.ReplaceAllString(tail, "$1")
	}
	words := strings.Fields(names.Key(tail))
	for w := len(words) - 1; w >= 0; w-- {
		if !whole && w < most-1 {
			return -1, false
		}
		for i, fam := range m.firstFamilies {
			if n := len(fam); n > 0 && w+1 >= n && slices.Equal(words[w+1-n:w+1], fam) {
				return i, true
			}
		}
	}
	return -1, whole
}

// mentions marks the entries whose author or title the prose names
// ("Ehrenburg's novel The Thaw"): they count as cited.
func (m *matcher) mentions() {
	e := m.essay
	// The one-word family keys of the uncited entries: names stand
	// capitalised in prose, so only capitalised words are keyed, in a
	// reused buffer.
	var wanted []string
	uncited := false
	for i, en := range e.Entries {
		if len(en.CitedBy) > 0 {
			continue
		}
		uncited = true
		// newMatcher keyed every author's family name already.
		for _, k := range m.keys[i].families {
			if len(k) >= 2 && !strings.Contains(k, " ") {
				wanted = append(wanted, k)
			}
		}
	}
	if !uncited {
		return
	}
	var found []string
	if len(wanted) > 0 {
		var buf [64]byte
		// A word keyed once adds nothing to found when it comes again:
		// seen remembers the last word keyed in each of its slots, and
		// essays name the same few people and places over and over.
		var seen [32]string
		for _, s := range e.Sections {
			if s.Kind == lint.SectionBibliography {
				continue
			}
			eachCapitalised(e.Doc.Slice(s.Range), func(w string) bool {
				slot := &seen[(len(w)*7+int(w[0])+int(w[len(w)-1]))%len(seen)]
				if *slot == w {
					return len(found) < len(wanted)
				}
				*slot = w
				k := names.AppendKey(buf[:0], w)
				for _, t := range wanted {
					if string(k) == t && !slices.Contains(found, t) {
						found = append(found, t)
					}
				}
				return len(found) < len(wanted)
			})
		}
	}
	folded := ""
	foldedText := func() string {
		if folded == "" {
			// Folded as the prose sections joined by line breaks
			// fold.
			size := 2
			for _, s := range e.Sections {
				size += s.End - s.Start + 1
			}
			buf := append(make([]byte, 0, size), ' ')
			for _, s := range e.Sections {
				if s.Kind != lint.SectionBibliography {
					buf = appendFoldProse(buf, e.Doc.Slice(s.Range))
				}
			}
			folded = string(buf)
		}
		return folded
	}
	for i := range e.Entries {
		en := &e.Entries[i]
		if len(en.CitedBy) > 0 {
			continue
		}
		for j, a := range en.Authors {
			full := a.FullFamily()
			if k := m.keys[i].families[j]; len(k) >= 2 && !strings.Contains(k, " ") && slices.Contains(found, k) {
				en.Mentioned = true
			} else if f := names.Fold(full); strings.Contains(f, " ") && strings.Contains(foldedText(), " "+f+" ") {
				en.Mentioned = true
			}
		}
		if en.Mentioned {
			continue
		}
		if t := names.Fold(en.Title); len(t) >= 4 && strings.Contains(foldedText(), " "+t+" ") {
			en.Mentioned = true
		}
	}
}

// eachCapitalised calls yield with each word of text that begins with a
// capital letter, without its possessive ending ("Ehrenburg's" names
// Ehrenburg), until yield returns false. Words are eachWord's (kept in
// prose_test.go as the reference the scanners here are held to): runs of
// letters, digits, apostrophes and combining marks. Capitals and bytes
// beyond ASCII are found eight bytes at a time; only those that begin a
// word are read on to the word's end.
func eachCapitalised(text string, yield func(string) bool) {
	next := 0 // where the last word read ends: no word starts before it
	for p := 0; p < len(text); p += 8 {
		var x uint64
		if p+8 <= len(text) {
			x = swar.Load8(text, p)
		} else {
			x = swar.LoadTail(text, p, len(text))
		}
		for m := capitalsOrWide(x); m != 0; m &= m - 1 {
			i := p + bits.TrailingZeros64(m)>>3
			if i < next {
				continue
			}
			if c := text[i]; c >= utf8.RuneSelf {
				// Every byte that does not continue a sequence starts a
				// rune of eachWord's.
				if c&0xc0 == 0x80 {
					continue
				}
				if r, _ := utf8.DecodeRuneInString(text[i:]); punctuation(r) || !unicode.IsUpper(r) {
					continue
				}
			}
			if !wordStart(text, i) {
				continue
			}
			next = wordEnd(text, i)
			w := trimApostrophes(text[i:next])
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			if w != "" && !yield(w) {
				return
			}
		}
	}
}

// trimApostrophes is strings.TrimRight(w, "'’"), without decoding w
// backwards rune by rune.
func trimApostrophes(w string) string {
	for {
		if strings.HasSuffix(w, "'") {
			w = w[:len(w)-1]
		} else if strings.HasSuffix(w, "’") {
			w = w[:len(w)-len("’")]
		} else {
			return w
		}
	}
}

// wordStart reports whether the rune at i, one that eachWord reads as part
// of a word, begins one: no such rune stands before it.
func wordStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		return proseFold[c] == proseSpace
	}
	// A rune decoded backwards from a byte that starts one is the rune
	// eachWord decodes forwards, or an error in both directions.
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !inWordRune(r)
}

// wordEnd returns the end of the word of eachWord that begins at i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		// Letters and digits, most bytes, are tested first.
		if f := proseFold[text[i]]; f > proseOther || f == proseDrop {
			i++
			continue
		} else if f == proseSpace {
			break
		}
		size := wideInWord(text, i)
		if size == 0 {
			break
		}
		i += size
	}
	return i
}

// wideInWord returns the size of the rune at i, not ASCII, when eachWord
// reads it as part of a word, and 0 when it does not.
func wideInWord(text string, i int) int {
	if r, size := utf8.DecodeRuneInString(text[i:]); inWordRune(r) {
		return size
	}
	return 0
}

// capitalsOrWide sets the high bit of the bytes of x that are ASCII
// capitals or not ASCII, exactly: no carry crosses from byte to byte.
func capitalsOrWide(x uint64) uint64 {
	y := x &^ swar.HighBits
	atLeastA := y + (0x80-'A')*swar.LowBits // high bit set from 'A' up
	pastZ := y + (0x80-'Z'-1)*swar.LowBits  // high bit set from '[' up
	return (atLeastA&^pastZ | x) & swar.HighBits
}

// appendFoldProse appends the words of text to dst folded as names.Fold
// folds them, without possessive endings, each followed by a space, for
// whole-word searches after a leading space. Words are eachWord's; a word
// of ASCII bytes, nearly every word of an essay, is folded as it is read,
// by proseFold; a word with other letters in it is folded as foldWord
// folds it. Text folded section by section folds as the sections joined
// by line breaks do, since a line break ends a word.
func appendFoldProse(dst []byte, text string) []byte {
	// A word of ASCII is written by index: its letters and digits with the
	// space after it take no more room than the word and the byte after it,
	// or one byte more for the last word, so room for text and one byte
	// will do. A word folded by foldWord may take more; the room is made
	// again after it.
	dst = slices.Grow(dst, len(text)+1)
	buf, n := dst[:cap(dst)], len(dst)
	for i := 0; i < len(text); {
		f := proseFold[text[i]]
		if f == proseSpace {
			i++
			continue
		}
		if f == proseOther {
			if r, size := utf8.DecodeRuneInString(text[i:]); !inWordRune(r) {
				i += size
				continue
			}
		}
		// A word starts at i: its ASCII letters and digits are written
		// lowered as they come, its apostrophes dropped.
		start, out := i, n
		for ; i < len(text); i++ {
			if f = proseFold[text[i]]; f > proseOther {
				buf[n] = f
				n++
			} else if f != proseDrop {
				break
			}
		}
		if f == proseOther && i < len(text) && wideInWord(text, i) > 0 {
			// A letter beyond ASCII: the word is folded whole, as
			// foldWord folds it.
			i = wordEnd(text, i)
			dst = slices.Grow(foldWord(buf[:out], text[start:i]), len(text)-i+1)
			buf, n = dst[:cap(dst)], len(dst)
			continue
		}
		if c := text[i-1]; c == 's' || c == '\'' {
			// The possessive "'s" goes when a letter or digit stands
			// before it; apostrophes after it are trimmed first.
			end := i
			for end > start && text[end-1] == '\'' {
				end--
			}
			if n-out >= 2 && text[end-1] == 's' && text[end-2] == '\'' {
				n--
			}
		}
		if n > out {
			buf[n] = ' '
			n++
		}
	}
	return buf[:n]
}

// foldWord appends word w of eachWord folded, without its possessive
// ending, and a space after it unless nothing of it is left.
func foldWord(dst []byte, w string) []byte {
	w = strings.Trim(w, "'’")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	n := len(dst)
	if dst = names.AppendFold(dst, w); len(dst) > n {
		dst = append(dst, ' ')
	}
	return dst
}

// inWordRune reports whether eachWord reads r, not ASCII, as part of a
// word.
func inWordRune(r rune) bool {
	if punctuation(r) {
		return r == '’'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' || unicode.Is(unicode.Mn, r)
}

// punctuation reports whether r is in Unicode's General Punctuation block,
// where the curly quotation marks and the dashes of an essay stand: none
// of it is a letter, a digit or a mark, and its one apostrophe is the only
// rune of it that inWordRune reads as part of a word. The tables are
// spared their search for each of them.
func punctuation(r rune) bool { return '\u2000' <= r && r <= '\u206f' }

// What proseFold holds for the bytes that are not letters or digits.
const (
	proseSpace = 0 // ends a word
	proseDrop  = 1 // an apostrophe: part of a word, dropped from it
	proseOther = 2 // not ASCII: the rune it begins decides
)

// proseFold is what appendFoldProse makes of each byte: an ASCII letter
// lowered, a digit, proseSpace, proseDrop or proseOther.
var proseFold = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = proseOther
		case c == '\'':
			t[c] = proseDrop
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()
