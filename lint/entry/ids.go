package entry

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/citelint/citelint/lint/internal/swar"
)

// The identifier stage finds what can be recognised anywhere in an entry
// without understanding its structure — DOIs, URLs, ISBNs, access dates and
// the medium markers of older styles — records it, and blanks it out of the
// working copy so that the later stages never mistake a URL's path for a
// title or an access year for the publication year.

const monthPattern = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

// datePattern matches a calendar date as the styles write it: "20 Oct. 2014",
// "March 3, 2020", "2014-10-20", "10/20/2014", "October 2014".
const datePattern = `\d{1,2}(?:st|nd|rd|th)?\s+` + monthPattern + `\.?,?\s+\d{4}` +
	`|` + monthPattern + `\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}` +
	`|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}` +
	`|` + monthPattern + `\.?\s+\d{4}`

var (
	reListNumber   = lazyRegexp(`^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,3}[.)]|[-*+•]\s)\s*`)
	reEmphasis     = lazyRegexp(`(\*{1,2}|_{1,2})([^\s*_](?:[^*_]*?[^\s*_])?)(\*{1,2}|_{1,2})`)
	reRepeatAuthor = lazyRegexp(`^\s*(?:[—–_]{2,}|-{2,}|—)\s*[.,]?`)
	reISBN         = lazyRegexp(`(?i)\bISBN(?:-?1[03])?\s*:?\s*([0-9][0-9\s-]{8,16}[0-9X])\b`)
	reRetrievedOn  = lazyRegexp(`(?i)\bretrieved(?:\s+on)?\s+(` + datePattern + `),?\s+from\b:?`)
	reRetrieved    = lazyRegexp(`(?i)\bretrieved\s+from\b:?`)
	reOnlineMarker = lazyRegexp(`(?i)\[(?:online|internet|electronic)\]`)
	reWebAccess    = lazyRegexp(`\bWeb\.\s+(` + datePattern + `)\.?`)
)

// prepare strips the list number and the identifiers, filling the entry's
// identifier fields and the features they imply.
func (p *parser) prepare() {
	if end := listNumber(p.s); end >= 0 {
		p.blank(0, end)
	} else if end := bareNumber(p.s); end >= 0 {
		// A number followed by a capital ("33 Bergk, V.") is a list
		// number whose period was lost; the capital, of one byte or
		// more ("12 Ébert"), stays.
		_, w := utf8.DecodeLastRuneInString(p.s[:end])
		p.blank(0, end-w)
	}

	// "———." stands for the previous entry's authors; the entry alone
	// cannot know them, so the dashes are not read as a name or title.
	if m := findIndexIf(reRepeatAuthor, p.work(), repeatMay(p.work())); m != nil {
		p.blank(m[0], m[1])
	}
	// Cheap substring tests keep the costlier expressions off entries
	// that cannot match them.
	lower := asciiLower(p.work())
	kw := keywordsIn(lower)
	has := func(k keywords) bool { return kw&k != 0 }
	// The links go into buffers on the stack: an entry has few.
	var doiBuf, urlBuf [4]link
	dois := findDOIs(doiBuf[:0], lower)
	for _, d := range dois {
		end := d.end - trimURLTail(p.s[d.start:d.end])
		if p.e.DOI == "" {
			p.e.DOI = p.s[d.start:end]
		}
		p.blank(d.blankStart, end)
	}
	urlText := lower
	if len(dois) > 0 {
		// The DOIs are gone from the working text: lower it again (the
		// guards go on reading the text as it was).
		urlText = asciiLower(p.work())
	}
	for _, u := range findURLs(urlBuf[:0], urlText) {
		end := u.end - trimURLTail(p.s[u.start:u.end])
		if end <= u.start {
			continue
		}
		if p.e.URL == "" {
			p.e.URL = p.s[u.start:end]
		}
		p.blank(u.blankStart, max(end, u.blankEnd))
	}
	if p.e.URL == "" {
		// MLA 9 drops "https://": "soviethistory.msu.edu/1954-2/the-thaw/".
		if a, b := findBareDomain(p.work()); a >= 0 {
			end := b - trimURLTail(p.s[a:b])
			p.e.URL = p.s[a:end]
			p.blank(a, end)
		}
	}
	if has(kwISBN) {
		for _, m := range reISBN().FindAllStringSubmatchIndex(p.work(), -1) {
			digits := normalizeISBN(p.s[m[2]:m[3]])
			if digits == "" {
				continue
			}
			if p.e.ISBN == "" {
				p.e.ISBN = digits
			}
			p.blank(m[0], m[1])
		}
	}
	// Markdown emphasis is how italics survive in plain text: the marks
	// go, the spans are remembered so the title can be known as italic.
	if strings.IndexByte(p.s, '*') >= 0 || strings.IndexByte(p.s, '_') >= 0 {
		for _, m := range reEmphasis().FindAllStringSubmatchIndex(p.work(), -1) {
			before, _ := utf8.DecodeLastRuneInString(p.s[:m[0]])
			after, _ := utf8.DecodeRuneInString(p.s[m[1]:])
			// "snake_case_name" and "2*3*4" are not emphasis.
			if p.s[m[2]:m[3]] != p.s[m[6]:m[7]] || m[0] > 0 && isWordRune(before) || m[1] < len(p.s) && isWordRune(after) {
				continue
			}
			p.italics = append(p.italics, [2]int{m[4], m[5]})
			p.blank(m[2], m[3])
			p.blank(m[6], m[7])
		}
	}
	if has(kwRetrieved) {
		if m := reRetrievedOn().FindStringSubmatchIndex(p.work()); m != nil {
			p.e.Accessed = p.s[m[2]:m[3]]
			p.f.retrieved = true
			p.blank(m[0], m[1])
		}
	}
	accessedIn := p.workIf(has(kwAccessed))
	for m, ok := nextAccessed(accessedIn, 0); ok; m, ok = nextAccessed(accessedIn, m[1]) {
		if p.e.Accessed == "" {
			p.e.Accessed = p.s[m[2]:m[3]]
		}
		raw := p.s[m[0]:m[1]]
		switch {
		case strings.HasPrefix(raw, "(") || strings.HasPrefix(raw, "["):
			p.f.accessedParen = true
		case startsWithDigit(p.e.Accessed):
			p.f.accessedDayFirst = true
		default:
			p.f.accessedMonthFirst = true
		}
		p.blank(m[0], m[1])
	}
	if has(kwRetrieved) {
		if m := reRetrieved().FindStringIndex(p.work()); m != nil {
			p.f.retrieved = true
			p.blank(m[0], m[1])
		}
	}
	availableIn := p.workIf(has(kwAvailable))
	for a, b, ok := nextAvailable(availableIn, 0); ok; a, b, ok = nextAvailable(availableIn, b) {
		p.f.availableAt = true
		p.blank(a, b)
	}
	if has(kwBracket) {
		for _, m := range reOnlineMarker().FindAllStringIndex(p.work(), -1) {
			p.f.availableAt = true
			p.blank(m[0], m[1])
		}
	}
	if has(kwWeb) {
		if m := reWebAccess().FindStringSubmatchIndex(p.work()); m != nil {
			// MLA 7: "Web. 3 Mar. 2016." — the date after the medium is the
			// access date.
			if p.e.Accessed == "" {
				p.e.Accessed = p.s[m[2]:m[3]]
			}
			p.f.medium = true
			p.f.accessedDayFirst = true
			p.blank(m[0], m[1])
		}
	}
	mediumIn := p.workIf(has(kwMedium))
	for m, ok := nextMedium(mediumIn, 0); ok; m, ok = nextMedium(mediumIn, m[1]) {
		p.f.medium = true
		p.blank(m[2], m[3])
	}
}

// keywords are the words whose absence keeps an expression of prepare
// from running: they are all it could match.
type keywords uint16

const (
	kwISBN      keywords = 1 << iota // "isbn"
	kwRetrieved                      // "retrieved"
	kwAccessed                       // "accessed", "viewed", "consulted", "cited"
	kwAvailable                      // "available"
	kwBracket                        // "["
	kwWeb                            // "web."
	kwMedium                         // "print.", "web.", "online.", "film.", "television.", "radio.", "dvd.", "cd."
)

// keywordAnchors are the bytes that keywordsIn looks for: each keyword
// word holds one, the rarest it has.
const keywordAnchors = "[bvd."

// keywordWord is a word that sets a keyword, and where its anchor stands
// in it.
type keywordWord struct {
	word string
	at   int
	kw   keywords
}

// keywordWords are the keyword words by their anchor.
var keywordWords = func() (byAnchor [len(keywordAnchors)][]keywordWord) {
	for _, k := range []keywordWord{
		{"[", 0, kwBracket}, {"isbn", 2, kwISBN}, {"web.", 2, kwWeb | kwMedium},
		{"retrieved", 6, kwRetrieved}, {"viewed", 0, kwAccessed}, {"available", 1, kwAvailable},
		{"television.", 4, kwMedium}, {"dvd.", 1, kwMedium}, {"accessed", 7, kwAccessed},
		{"consulted", 8, kwAccessed}, {"cited", 4, kwAccessed}, {"print.", 5, kwMedium},
		{"online.", 6, kwMedium}, {"film.", 4, kwMedium}, {"radio.", 5, kwMedium}, {"cd.", 2, kwMedium},
	} {
		a := strings.IndexByte(keywordAnchors, k.word[k.at])
		byAnchor[a] = append(byAnchor[a], k)
	}
	return byAnchor
}()

// keywordByBefore says, for each anchor and each byte that may stand
// before it, which of the anchor's words (as bits of their index in
// keywordWords) that byte allows: a word whose anchor is not its first
// byte needs its own byte there. Words whose anchor is their first byte
// are allowed after any byte, and alone at the start.
var keywordByBefore, keywordAtStart = func() (byBefore [len(keywordAnchors)][256]uint8, atStart [len(keywordAnchors)]uint8) {
	for a, words := range keywordWords {
		if len(words) > 8 {
			panic("entry: more keyword words on one anchor than a byte has bits")
		}
		for i, k := range words {
			bit := uint8(1) << i
			if k.at == 0 {
				atStart[a] |= bit
				for c := range 256 {
					byBefore[a][c] |= bit
				}
				continue
			}
			byBefore[a][k.word[k.at-1]] |= bit
		}
	}
	return byBefore, atStart
}()

// keywordsIn returns the keywords that the lower-cased text holds. Every
// place a word stands has its anchor at a known offset, so only the
// anchors are visited.
func keywordsIn(lower string) keywords {
	var kw keywords
	for a, words := range keywordWords {
		anchor := keywordAnchors[a]
		for p := strings.IndexByte(lower, anchor); p >= 0; {
			// The byte before the anchor rules out most words before
			// the whole word is compared.
			m := keywordAtStart[a]
			if p > 0 {
				m = keywordByBefore[a][lower[p-1]]
			}
			for ; m != 0; m &= m - 1 {
				k := words[bits.TrailingZeros8(m)]
				if p >= k.at && strings.HasPrefix(lower[p-k.at:], k.word) {
					kw |= k.kw
				}
			}
			n := strings.IndexByte(lower[p+1:], anchor)
			if n < 0 {
				break
			}
			p += 1 + n
		}
	}
	return kw
}

// link is a URL or DOI found in the text: [start,end) is its value,
// [blankStart,blankEnd) what the working copy loses with it ("doi:", "<>").
type link struct{ start, end, blankStart, blankEnd int }

// asciiLower lower-cases ASCII letters only, so that offsets stay those of s.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	if len(s) <= 256 {
		// Lowered in a buffer on the stack and copied once into the
		// string: no run of copies between capitals.
		var buf [256]byte
		low := buf[:len(s)]
		copy(low, s)
		k := i
		// Eight bytes at a time: in each ASCII byte from 'A' to 'Z' the
		// 0x20 bit is set, which lowers it; no other byte changes.
		for ; k+8 <= len(low); k += 8 {
			x := binary.LittleEndian.Uint64(low[k:])
			binary.LittleEndian.PutUint64(low[k:], x|upperMask(x)>>2)
		}
		for ; k < len(low); k++ {
			if c := low[k]; 'A' <= c && c <= 'Z' {
				low[k] = c + 'a' - 'A'
			}
		}
		return string(low)
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		// Copy the run before the next capital, then the capital lowered.
		j := i
		for j < len(s) && !('A' <= s[j] && s[j] <= 'Z') {
			j++
		}
		b.WriteString(s[i:j])
		if j < len(s) {
			b.WriteByte(s[j] + 'a' - 'A')
			j++
		}
		i = j
	}
	return b.String()
}

// upperMask has the high bit set in each byte of x that is an ASCII
// capital, and no other bit. Within a byte, adding to its low seven bits
// never carries into the next: 0x7f+0x3f is 0xbe.
func upperMask(x uint64) uint64 {
	low7 := x &^ swar.HighBits
	atLeastA := low7 + (0x80-'A')*swar.LowBits     // high bit set when >= 'A'
	aboveZ := low7 + (0x80-'Z'-1)*swar.LowBits     // high bit set when > 'Z'
	return atLeastA &^ aboveZ &^ x & swar.HighBits // and the byte itself ASCII
}

// linkEnd returns where a link starting at i ends: at white space, an
// angle bracket or a straight double quote.
func linkEnd(lw string, i int) int {
	for i < len(lw) {
		switch lw[i] {
		case ' ', '\t', '\n', '\r', '\f', '<', '>', '"':
			return i
		}
		i++
	}
	return i
}

func isASCIIWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// findURLs appends to out the links that start "http://", "https://" or
// "www." in the lower-cased working text. A hand-written scan: the
// equivalent expression was the parser's single costliest step.
func findURLs(out []link, lw string) []link {
	for i := 0; i < len(lw); {
		h := strings.Index(lw[i:], "http")
		w := strings.Index(lw[i:], "www.")
		k := h
		if k < 0 || w >= 0 && w < k {
			k = w
		}
		if k < 0 {
			break
		}
		k += i
		ok := strings.HasPrefix(lw[k:], "www.") || strings.HasPrefix(lw[k:], "http://") || strings.HasPrefix(lw[k:], "https://")
		if !ok || k > 0 && (isASCIIWordByte(lw[k-1]) || lw[k-1] == '.' || lw[k-1] == '/') {
			i = k + 4
			continue
		}
		end := linkEnd(lw, k)
		l := link{start: k, end: end, blankStart: k, blankEnd: end}
		if k > 0 && lw[k-1] == '<' {
			l.blankStart = k - 1
		}
		if end < len(lw) && lw[end] == '>' {
			l.blankEnd = end + 1
		}
		out = append(out, l)
		i = end
	}
	return out
}

// doiPrefixes are what may stand before a DOI and go with it.
var doiPrefixes = []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "dx.doi.org/"}

// findDOIs appends to out the "10.NNNN/suffix" DOIs, bare or after "doi:"
// or a doi.org address, in the lower-cased working text.
func findDOIs(out []link, lw string) []link {
	for i := 0; i < len(lw); {
		k := strings.Index(lw[i:], "10.")
		if k < 0 {
			break
		}
		k += i
		i = k + 3
		if k > 0 && isASCIIWordByte(lw[k-1]) {
			continue
		}
		j := k + 3
		for j < len(lw) && j-k-3 < 9 && '0' <= lw[j] && lw[j] <= '9' {
			j++
		}
		if j-k-3 < 4 || j >= len(lw) || lw[j] != '/' {
			continue
		}
		end := linkEnd(lw, j+1)
		if end == j+1 {
			continue
		}
		l := link{start: k, end: end, blankStart: k, blankEnd: end}
		before := lw[:k]
		for _, pre := range doiPrefixes {
			if strings.HasSuffix(before, pre) {
				l.blankStart = k - len(pre)
				break
			}
		}
		if l.blankStart == k {
			trimmed := strings.TrimRight(before, " ")
			if strings.HasSuffix(trimmed, "doi:") || strings.HasSuffix(trimmed, "doi") {
				l.blankStart = strings.LastIndex(trimmed, "doi")
			}
		}
		out = append(out, l)
		i = end
	}
	return out
}

// workIf returns the working text when ok, else "": a guard that skips an
// expression whose key word the entry lacks.
func (p *parser) workIf(ok bool) string {
	if !ok {
		return ""
	}
	return p.work()
}

// RepeatsAuthor reports whether an entry opens with the dashes ("———.",
// "---.") that stand for the previous entry's authors. Parse leaves such an
// entry's Authors empty; the caller, who has the list, can copy them.
func RepeatsAuthor(s string) bool {
	return reRepeatAuthor().MatchString(strings.TrimLeft(reListNumber().ReplaceAllString(s, ""), " "))
}

// trimURLTail says how many bytes of sentence punctuation end a URL or DOI
// without belonging to it; a closing bracket stays when the link opened it.
func trimURLTail(u string) int {
	n := 0
	for len(u)-n > 0 {
		c := u[len(u)-n-1]
		switch c {
		case '.', ',', ';', ':', '\'', '"':
			n++
			continue
		case ')':
			if strings.Count(u[:len(u)-n], "(") < strings.Count(u[:len(u)-n], ")") {
				n++
				continue
			}
		case ']':
			if strings.Count(u[:len(u)-n], "[") < strings.Count(u[:len(u)-n], "]") {
				n++
				continue
			}
		}
		if strings.HasSuffix(u[:len(u)-n], "”") || strings.HasSuffix(u[:len(u)-n], "’") {
			n += len("”")
			continue
		}
		break
	}
	return n
}

// normalizeISBN returns the ISBN's digits (and a final X) when they are ten
// or thirteen long, else "".
func normalizeISBN(raw string) string {
	var b strings.Builder
	for _, r := range raw {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == 'x' || r == 'X':
			b.WriteByte('X')
		}
	}
	d := b.String()
	if len(d) != 10 && len(d) != 13 {
		return ""
	}
	if strings.Contains(d[:len(d)-1], "X") {
		return ""
	}
	return d
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// repeatMay: reRepeatAuthor needs a dash or underscore after spaces.
func repeatMay(s string) bool {
	i := skipRESpace(s, 0)
	return i < len(s) && (s[i] == '-' || s[i] == '_' || s[i] == 0xE2)
}
