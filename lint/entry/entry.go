// Package entry parses works-cited entries into their fields: authors,
// date, title, container, volume, issue, pages, publisher and identifiers,
// and tells which style an entry is written in.
//
// Parsing runs in stages over one entry, each of which can be measured on
// its own (see corpus_test.go):
//
//  1. prepare: list numbers, DOIs, URLs, ISBNs, access dates and medium
//     markers are recorded and blanked out of a working copy, which keeps
//     the byte offsets of the original;
//  2. names: the author block at the head of the entry is read name by
//     name (inverted, direct, Vancouver and group forms);
//  3. date: a year right after the authors, in parentheses (APA, Harvard)
//     or between periods (Chicago author-date);
//  4. title: a quoted title, or the first sentence that follows;
//  5. container and tail: the journal, website or book, then volume,
//     issue, pages, publisher and the year where MLA and Chicago put it;
//  6. style: the shapes seen on the way vote for a style.
package entry

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// Parse parses one works-cited entry. The returned Entry's Text is s and its
// TitleRange is relative to s; Range and Block are left for the caller.
// Fields the entry lacks are left empty; Parse never fails.
func Parse(s string) lint.Entry {
	e, _ := parse(s)
	return e
}

// parse runs the stages and returns the entry with the shapes seen on the
// way, which IsReferenceShaped weighs too.
func parse(s string) (lint.Entry, features) {
	p := &parser{s: s, w: []byte(s), e: lint.Entry{Text: s}}
	// Wrapped lines and tabs are spaces to every later stage. Most
	// entries have none, which IndexByte tells quickest.
	wrapped := strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\r') >= 0 || strings.IndexByte(s, '\t') >= 0
	if wrapped {
		for i, c := range p.w {
			if c == '\n' || c == '\r' || c == '\t' {
				p.w[i] = ' '
			}
		}
	} else {
		// The working text is s until something is blanked.
		p.workStr, p.workValid = s, true
	}
	p.prepare()
	if strings.TrimSpace(p.work()) == "" {
		p.e.BareURL = p.e.URL != "" || p.e.DOI != ""
		p.e.Style = lint.StyleUnknown
		return p.e, p.f
	}
	p.authors()
	p.date()
	p.title()
	p.container()
	p.tail()
	p.e.Style = p.style()
	p.f.titleStartsLower = p.e.Title != "" && !p.e.TitleQuoted && startsLower(p.e.Title)
	return p.e, p.f
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// parser holds one entry under analysis.
type parser struct {
	s string
	// w is the working copy of s: same length, with consumed spans blanked
	// to spaces, so that offsets in w are offsets in s.
	w []byte
	// e is the entry being filled.
	e lint.Entry
	// pos is where the next stage starts reading w.
	pos int
	// afterTitle is where the title stage stopped.
	afterTitle int
	// italics are the spans that Markdown emphasis set in italics.
	italics [][2]int
	f       features
	// workStr caches string(w) until blank changes w: the stages read
	// the working text many times and change it seldom.
	workStr   string
	workValid bool
}

// features are the shapes the stages saw; style() weighs them.
type features struct {
	// From the identifier stage.
	retrieved, availableAt, medium                      bool
	accessedParen, accessedDayFirst, accessedMonthFirst bool
	// From the names stage.
	names                                       int
	ampersand, etAlComma, etAlBare, directLater bool
	// From the date and title stages.
	parenDate, parenDateDot, bareDateAfterAuthors bool
	titleSingleQuoted, titleCommaClose            bool
	titleStartsLower                              bool
	// From the container and tail stages.
	volAbbrev, noAbbrev, ppAbbrev                 bool
	apaVolume, colonPages, nbYear, placePublisher bool
	yearAfterContainer, inChapter                 bool
}

func (p *parser) work() string {
	if !p.workValid {
		p.workStr, p.workValid = string(p.w), true
	}
	return p.workStr
}

// blank removes s[start:end] from the working copy.
func (p *parser) blank(start, end int) {
	p.workValid = false
	for i := max(start, 0); i < end && i < len(p.w); i++ {
		p.w[i] = ' '
	}
}

// skipSpace moves pos past spaces.
func (p *parser) skipSpace() {
	for p.pos < len(p.w) && p.w[p.pos] == ' ' {
		p.pos++
	}
}

// skipSeparators moves pos past spaces and the punctuation that separates
// fields (". , ; :").
func (p *parser) skipSeparators() {
	for p.pos < len(p.w) {
		switch p.w[p.pos] {
		case ' ', '.', ',', ';', ':':
			p.pos++
		default:
			return
		}
	}
}

// rest is the working text from pos on.
func (p *parser) rest() string { return p.work()[p.pos:] }

// setTitle records the title at s[start:end], trimmed of outer spaces and
// sentence punctuation.
func (p *parser) setTitle(start, end int, quoted bool) {
	start, end = trimRange(p.s, start, end, " \t\n\r.,;:*_")
	if end <= start {
		return
	}
	p.e.Title = collapseSpace(p.s[start:end])
	p.e.TitleRange = lint.Range{Start: start, End: end}
	p.e.TitleQuoted = quoted
	for _, it := range p.italics {
		if it[0] <= start && end <= it[1] {
			p.e.TitleItalic = true
		}
	}
}

// trimRange narrows [start,end) of s past the given cutset at both ends.
func trimRange(s string, start, end int, cutset string) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !strings.ContainsRune(cutset, r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !strings.ContainsRune(cutset, r) {
			break
		}
		end -= n
	}
	return start, end
}

// field cleans a field's raw text: spaces collapsed, outer separators gone.
func field(raw string) string {
	return trimFieldMarks(collapseSpace(raw))
}

// trimFieldMarks is strings.Trim(s, " .,;:*_").
func trimFieldMarks(s string) string { return trimASCII(s, isFieldMark) }

// trimASCII trims the bytes cut says to cut from both ends of s. It is
// strings.Trim for a cutset of ASCII marks, byte by byte: no byte of a
// longer rune is ASCII.
func trimASCII(s string, cut func(byte) bool) string {
	i, j := 0, len(s)
	for i < j && cut(s[i]) {
		i++
	}
	for j > i && cut(s[j-1]) {
		j--
	}
	return s[i:j]
}

func isFieldMark(c byte) bool {
	switch c {
	case ' ', '.', ',', ';', ':', '*', '_':
		return true
	}
	return false
}

// collapseSpace turns runs of white space (wrapped lines) into one space.
func collapseSpace(s string) string {
	if !wrappedSpace(s) {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// wrappedSpace reports whether s holds a line break, a tab or two spaces
// in a row, in one pass.
func wrappedSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '\t':
			return true
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		}
	}
	return false
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// lazyRegexp compiles pat the first time it is asked for: compiling the
// parser's expressions at start-up cost every run of the program, even
// "citelint version", several milliseconds.
func lazyRegexp(pat string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pat) })
}
