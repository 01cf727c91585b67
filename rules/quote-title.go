package rules

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// QuoteTitle reports a quoted span that is the title of a long work.
type QuoteTitle struct{}

// Meta describes the rule.
func (QuoteTitle) Meta() lint.Meta {
	return lint.Meta{
		ID:       "quote-title",
		Summary:  "the title of a long work stands in quotation marks",
		Severity: lint.SeverityInfo,
		Category: "quotations",
		Since:    "0.1.0",
		Doc: `MLA and APA set the titles of long works — books, novels, films, plays,
albums, journals — in italics, and keep quotation marks for short works
(articles, poems, chapters, songs) and for words quoted from a source. A title
in quotation marks reads as a quotation with no source. This rule fires when a
quoted span is a long work's title: it matches a book in the works-cited list,
follows a word such as "novel" or "film", or is written in capitals
("Ehrenburg's THE THAW").`,
		Wrong: `With the publication of "Ehrenburg's THE THAW," a new age began.`,
		Right: `With the publication of Ehrenburg's novel *The Thaw*, a new age began.`,
	}
}

// Check reports each quoted long-work title.
func (QuoteTitle) Check(p *lint.Pass) error {
	e := p.Essay
	f := factsOf(p)
	for i := range e.Quotes {
		q := &e.Quotes[i]
		if q.BlockQuote || q.Unclosed || q.Unopened || q.Depth > 0 {
			continue
		}
		if body, _, cited := f.place(i); !body || cited {
			continue
		}
		if why, ok := f.longWorkTitle(i); ok {
			p.Reportf(q.Range, "%q looks like the title of a long work (%s); set book and film titles in italics, not quotation marks", trimQuote(q.Text), why)
		}
	}
	return nil
}

// longWorkCue: words that, just before a quoted span, say it names a long
// work. Short works (article, poem, essay, song, chapter) rightly take
// quotation marks and are not here.
var longWorkCue = regexp.MustCompile(`(?i)\b(?:novel|novella|book|memoir|autobiography|biography|film|movie|documentary|play|opera|ballet|album|musical|trilogy|publication of|treatise|manifesto|tv series|series|magazine|newspaper|journal)\s*,?\s*$`)

// longestCue is the most bytes a word of longWorkCue can take: "publication
// of". Only k and s fold beyond ASCII (to the Kelvin sign and long s, of
// three and two bytes), and no cue holding them is as long.
const longestCue = 14

// cueTail is the end of before in which longWorkCue finds all it can: a
// cue ends the text but for spaces and commas, and takes at most
// longestCue bytes, with a character before it for \b. The expression,
// which tries every position, has far fewer to try.
func cueTail(before string) string {
	end := len(strings.TrimRight(before, " \t\n\f\r,"))
	return before[max(0, end-longestCue-utf8.UTFMax):]
}

// longWorkTitle reports whether quotation q names a long work, and why.
func longWorkTitle(e *lint.Essay, q *lint.Quote) (string, bool) {
	inner := trimQuote(q.Text)
	if plainProse(inner) {
		return "", false // most quotations: neither in capitals nor in title case
	}
	// At most ten words, split into an array on the stack as they are
	// counted: most quotations are sentences and stop early.
	var buf [10]string
	words, ok := titleShapedWords(inner, buf[:0])
	if !ok || len(words) == 0 {
		return "", false
	}
	if capsTitle(words) {
		return "written in capitals", true
	}
	if !titleCase(words) {
		return "", false
	}
	before := cueTail(e.Doc.Slice(lint.Range{Start: max(0, q.Start-40), End: q.Start}))
	if longWorkCue.MatchString(before) {
		return "it follows the word “" + strings.TrimSpace(longWorkCue.FindString(before)) + "”", true
	}
	folded := names.Fold(inner)
	longHit, shortHit := false, false
	for _, en := range e.Entries {
		if en.Title == "" || (names.Fold(en.Title) != folded && names.Fold(mainTitle(en.Title)) != folded) {
			continue
		}
		if en.Container == "" && (en.Publisher != "" || !en.TitleQuoted) {
			longHit = true
		} else {
			shortHit = true
		}
	}
	if longHit && !shortHit {
		return "a book in the works-cited list", true
	}
	return "", false
}

// titleShapedWords reports whether s could be a title, with its words: at most
// cap(words) space-separated words, which it appends to words as
// strings.Fields would split them, and no sentence punctuation, a question
// mark that ends it aside (!strings.ContainsAny(s, ".!?;") ||
// strings.HasSuffix(s, "?")). It reads s once and stops at the first word
// or mark too many.
func titleShapedWords(s string, words []string) ([]string, bool) {
	endsQuery := strings.HasSuffix(s, "?")
	start := -1 // where the current word began, or -1 between words
	for i := 0; i < len(s); {
		space, size := false, 1
		switch titleByte[s[i]] {
		case titleSpace:
			space = true
		case titleStop:
			if !endsQuery {
				return words, false
			}
		case titleWide:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			words = append(words, s[start:i])
			start = -1
		case !space && start < 0:
			if len(words) == cap(words) {
				return words, false
			}
			start = i
		}
		i += size
		if !space {
			// The rest of a run of plain ASCII needs no decision.
			for i < len(s) && titleByte[s[i]] == titlePlain {
				i++
			}
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words, true
}

// The classes of bytes titleShapedWords tells apart.
const (
	titlePlain = iota // ASCII that is neither space nor sentence punctuation
	titleSpace        // ASCII white space
	titleStop         // . ! ? ;
	titleWide         // the first or later byte of a multi-byte character
)

var titleByte = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\v\f\r") {
		t[c] = titleSpace
	}
	for _, c := range []byte(".!?;") {
		t[c] = titleStop
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = titleWide
	}
	return t
}()

// plainProse reports that neither capsTitle nor titleCase can hold of the
// words of s (as strings.Fields splits them): its last word holds a
// lower-case letter, so is not in capitals, and some word whose letters
// and digits run four or more opens with a lower-case letter. It looks
// only at the end of s and at the opening bytes of its words, and answers
// false, not knowing, where bytes beyond ASCII, whose spaces and letters
// it does not tell apart, stand in the way.
func plainProse(s string) bool {
	if !lastWordLower(s) {
		return false
	}
	for i := 0; i < len(s); {
		// i is at the start of s or after an ASCII space, so a word
		// starts here unless a space does.
		switch c := s[i]; {
		case titleByte[c] == titleSpace:
			i++
			continue
		case 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			// Opens with a capital or a digit: not the word sought.
		case lowerWordAt(s, i):
			return true
		}
		// On to the next word after a plain space: words after other
		// spaces are passed over, which only leaves plainProse unsure.
		k := strings.IndexByte(s[i:], ' ')
		if k < 0 {
			return false
		}
		i += k + 1
	}
	return false
}

// lastWordLower reports that the last word of s, which ends in no space,
// holds an ASCII lower-case letter: the letter is found back from the end
// before any space or byte beyond ASCII.
func lastWordLower(s string) bool {
	for j := len(s) - 1; j >= 0; j-- {
		switch c := s[j]; {
		case 'a' <= c && c <= 'z':
			return true
		case c >= utf8.RuneSelf || titleByte[c] == titleSpace:
			return false
		}
	}
	return false
}

// lowerWordAt reports that the word of s starting at i, trimmed of what is
// neither letter nor digit, opens with an ASCII lower-case letter and runs
// four letters or digits or more: the bytes from the word's start to a
// letter or digit three past its first are ASCII and no space.
func lowerWordAt(s string, i int) bool {
	for ; i < len(s) && !isAlnum(s[i]); i++ {
		if c := s[i]; c >= utf8.RuneSelf || titleByte[c] == titleSpace {
			return false
		}
	}
	if i == len(s) || s[i] < 'a' || s[i] > 'z' {
		return false
	}
	first := i
	for i++; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || titleByte[c] == titleSpace {
			return false
		}
		if i-first >= 3 && isAlnum(c) {
			return true
		}
	}
	return false
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// capsTitle: the span ends in two or more words wholly in capitals that
// make up most of it and hold six letters or more (so that a pair of
// acronyms such as "USSR NATO" does not count): "Ehrenburg's THE THAW".
func capsTitle(words []string) bool {
	tail, letters := 0, 0
	for i := len(words) - 1; i >= 0; i-- {
		w := strings.TrimFunc(words[i], func(r rune) bool { return !unicode.IsLetter(r) })
		if w == "" || !upperCase(w) || !strings.ContainsFunc(w, unicode.IsLetter) {
			break
		}
		tail++
		letters += len([]rune(w))
	}
	return tail >= 2 && tail*2 >= len(words) && letters >= 6
}

// upperCase reports whether strings.ToUpper(w) == w, without the copy:
// no rune changes when upper-cased, and no byte is invalid UTF-8 (which
// ToUpper replaces).
func upperCase(w string) bool {
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && n == 1 || unicode.ToUpper(r) != r {
			return false
		}
		i += n
	}
	return true
}

// titleCase: every word of four or more letters begins with a capital.
func titleCase(words []string) bool {
	caps := 0
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(first) || unicode.IsDigit(first) {
			caps++
			continue
		}
		if utf8.RuneCountInString(w) >= 4 {
			return false
		}
	}
	return caps > 0
}

// trimQuote drops the punctuation a quotation carries inside its closing
// mark: "culture," → "culture".
func trimQuote(s string) string {
	// strings.TrimRight(strings.TrimSpace(s), ",.;: "), without the set
	// TrimRight builds for its cutset on every call.
	s = strings.TrimSpace(s)
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ',', '.', ';', ':', ' ':
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

// mainTitle is a title without its subtitle: "Cooler Streets: Planning for
// Hot Summers" → "Cooler Streets". Essays cite long works by it.
func mainTitle(t string) string {
	if i := strings.IndexAny(t, ":?!"); i > 0 {
		return t[:i]
	}
	return t
}
