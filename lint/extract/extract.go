// Package extract builds the Essay model from a Document: its sections, its
// quotations and citations, its works-cited entries and its style.
package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/entry"
	"github.com/citelint/citelint/lint/inline"
)

// Essay extracts everything the rules read from doc.
func Essay(doc *lint.Document, settings lint.Settings) *lint.Essay {
	essay := &lint.Essay{Doc: doc}
	markCaptions(doc)
	essay.Sections = Sections(doc)
	// The prose blocks are at most all the blocks: one allocation.
	prose := make([]int, 0, len(doc.Blocks))
	for _, s := range essay.Sections {
		switch s.Kind {
		case lint.SectionBody, lint.SectionTitle, lint.SectionNotes:
			for b := s.First; b < s.Last; b++ {
				if doc.Blocks[b].Kind == lint.BlockCaption {
					continue
				}
				if s.Kind == lint.SectionNotes && doc.Blocks[b].Range == s.HeadingAt {
					continue
				}
				prose = append(prose, b)
			}
		case lint.SectionBibliography:
			if essay.Entries == nil {
				// The first list's entries are the essay's own: copying
				// them would allocate them twice.
				essay.Entries = Entries(doc, s)
			} else {
				essay.Entries = append(essay.Entries, Entries(doc, s)...)
			}
		}
	}
	essay.Quotes, essay.Citations, essay.BlockSentences = inline.QuotesCitationsSentences(doc, prose)
	essay.Style = settings.Style
	if essay.Style == lint.StyleUnknown {
		essay.Style = DetectStyle(essay)
	}
	return essay
}

// creditWords open an image credit ("Image:", "Fig. 3 –"), in lower case.
var creditWords = []string{"image", "photo", "photograph", "picture", "figure", "fig.", "illustration", "map", "poster", "cartoon", "painting"}

// creditLine matches an image credit: it names an image's source, needs no
// works-cited entry and is not an essay claim.
var creditLine = regexp.MustCompile(`(?i)^\s*(?:` + quoteWords(creditWords) + `)(?:\s+(?:url|source|credit|link|from))?\s*(?:\d+\s*)?[:\-–—]`)

// quoteWords is an expression's alternation of words, each as written.
func quoteWords(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}

// creditHead returns s up to its first colon, hyphen, en or em dash
// inclusive, or "" when it has none. A match of creditLine holds none of
// them before the one that ends it, so it matches s only if it matches the
// head; the expression then never reads (nor sizes its work by) the whole
// paragraph.
func creditHead(s string) string {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ':' || s[i] == '-':
			return s[:i+1]
		case s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x93 || s[i+2] == 0x94):
			return s[:i+3]
		}
	}
	return ""
}

// mayBeCredit reports whether s opens, after white space, with one of
// creditLine's words: most paragraphs do not, and are spared the search for
// a colon or dash and the expression. A word with a letter beyond ASCII,
// which case folding may turn into one of them ("poſter"), may be one.
func mayBeCredit(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	j := i
	for ; j < len(s); j++ {
		c := s[j]
		if c >= utf8.RuneSelf {
			return true
		}
		if c|0x20 < 'a' || c|0x20 > 'z' {
			break
		}
		if j-i == maxCreditLetters {
			return false
		}
	}
	// The word is compared in place, in any case, with the credit words
	// of its length.
	w := s[i:j]
	for _, c := range creditByLen[len(w)] {
		if equalFoldLetters(w, c) {
			return true
		}
	}
	return false
}

// maxCreditLetters is longer than any credit word: a first word longer
// than it is no credit word.
const maxCreditLetters = 16

// creditByLen holds the credit words' letters ("fig" for "fig."), in lower
// case, by their length.
var creditByLen = func() (byLen [maxCreditLetters + 1][]string) {
	for _, w := range creditWords {
		w = strings.TrimSuffix(w, ".")
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	return byLen
}()

// equalFoldLetters reports whether the ASCII letters w spell lower, a
// lower-case word of the same length, in any case.
func equalFoldLetters(w, lower string) bool {
	for k := 0; k < len(w); k++ {
		if w[k]|0x20 != lower[k] {
			return false
		}
	}
	return true
}

// markCaptions turns image credit lines into caption blocks.
func markCaptions(doc *lint.Document) {
	for i, b := range doc.Blocks {
		if b.Kind != lint.BlockParagraph {
			continue
		}
		// mayBeCredit sees the same first letter in the block as in its
		// head, and is the cheaper test: most blocks stop there.
		if t := doc.Slice(b.Range); mayBeCredit(t) {
			if s := creditHead(t); s != "" && creditLine.MatchString(s) {
				doc.Blocks[i].Kind = lint.BlockCaption
			}
		}
	}
}

// Entries splits a bibliography section into entries and parses each: one
// entry per list item or paragraph, and within a plain-text paragraph one
// per line unless a line continues the one before.
func Entries(doc *lint.Document, s lint.Section) []lint.Entry {
	// The ranges first, so that the entries, which are large, are
	// allocated once. Most lists fit the buffers on the stack.
	var rangeBuf [32]lint.Range
	var blockBuf [32]int
	ranges, blocks := rangeBuf[:0], blockBuf[:0]
	for b := s.First; b < s.Last; b++ {
		blk := doc.Blocks[b]
		if (s.HeadingAt != lint.Range{} && blk.Range == s.HeadingAt) || blk.Kind == lint.BlockHeading {
			continue
		}
		ranges = appendEntryRanges(ranges, doc, blk.Range)
		for len(blocks) < len(ranges) {
			blocks = append(blocks, b)
		}
	}
	if len(ranges) == 0 {
		return nil
	}
	out := make([]lint.Entry, 0, len(ranges))
	for i, r := range ranges {
		text := doc.Slice(r)
		e := entry.Parse(text)
		e.Text = text
		e.Range = r
		e.TitleRange = shift(e.TitleRange, r.Start)
		e.Block = blocks[i]
		out = append(out, e)
	}
	return out
}

func shift(r lint.Range, by int) lint.Range {
	if r.End <= r.Start {
		return lint.Range{}
	}
	return lint.Range{Start: r.Start + by, End: r.End + by}
}

// entryRanges splits a bibliography block into the ranges of its entries.
func entryRanges(doc *lint.Document, r lint.Range) []lint.Range {
	return appendEntryRanges(nil, doc, r)
}

// appendEntryRanges appends the ranges of a bibliography block's entries to
// out.
func appendEntryRanges(out []lint.Range, doc *lint.Document, r lint.Range) []lint.Range {
	text := doc.Slice(r)
	lineStart := 0
	cur := lint.Range{Start: -1}
	prevLine := ""
	flush := func() {
		if cur.Start >= 0 {
			out = append(out, trimRange(doc, cur))
		}
		cur = lint.Range{Start: -1}
	}
	for lineStart <= len(text) {
		end := strings.IndexByte(text[lineStart:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += lineStart
		}
		line := text[lineStart:end]
		if strings.TrimSpace(line) != "" {
			if cur.Start < 0 || startsEntry(prevLine, line) {
				flush()
				cur = lint.Range{Start: r.Start + lineStart}
			}
			cur.End = r.Start + end
			prevLine = line
		}
		lineStart = end + 1
	}
	flush()
	return out
}

// startsEntry reports whether line begins a new entry rather than
// continuing prev (an entry wrapped over several lines, perhaps with a
// hanging indent).
func startsEntry(prev, line string) bool {
	if line != strings.TrimLeft(line, " \t") {
		return false // hanging indent: a continuation
	}
	p := strings.TrimSpace(prev)
	if p == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“'‘[*_", first) &&
		!strings.HasPrefix(line, "http") && !strings.HasPrefix(line, "www.") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	// A line that ended in the middle of a sentence is wrapped.
	if strings.ContainsRune(".)/>*_", last) || unicode.IsDigit(last) || strings.Contains(p[max(0, strings.LastIndex(p, " ")):], "://") {
		return true
	}
	return ReferenceShaped(line)
}

func trimRange(doc *lint.Document, r lint.Range) lint.Range {
	t := doc.Slice(r)
	lead := len(t) - len(strings.TrimLeft(t, " \t\r\n"))
	trail := len(t) - len(strings.TrimRight(t, " \t\r\n"))
	return lint.Range{Start: r.Start + lead, End: r.End - trail}
}
