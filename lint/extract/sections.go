package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// bibliographyHeadings are the headings that open a works-cited list, folded.
var bibliographyHeadings = map[string]lint.SectionKind{
	"works cited":         lint.SectionBibliography,
	"work cited":          lint.SectionBibliography,
	"works consulted":     lint.SectionBibliography,
	"works cited list":    lint.SectionBibliography,
	"references":          lint.SectionBibliography,
	"reference":           lint.SectionBibliography,
	"reference list":      lint.SectionBibliography,
	"references cited":    lint.SectionBibliography,
	"list of references":  lint.SectionBibliography,
	"bibliography":        lint.SectionBibliography,
	"select bibliography": lint.SectionBibliography,
	"sources":             lint.SectionBibliography,
	"source":              lint.SectionBibliography,
	"sources cited":       lint.SectionBibliography,
	"sources used":        lint.SectionBibliography,
	"citations":           lint.SectionBibliography,
	"citation":            lint.SectionBibliography,
	"literature cited":    lint.SectionBibliography,
	"cited works":         lint.SectionBibliography,
	"notes":               lint.SectionNotes,
	"endnotes":            lint.SectionNotes,
	"footnotes":           lint.SectionNotes,
}

// HeadingKind tells whether text is a bibliography or notes heading, in any
// case, with or without a colon or Markdown marks.
func HeadingKind(text string) (lint.SectionKind, bool) {
	t := strings.TrimSpace(text)
	// More letters and digits than the longest heading has fold to no
	// heading, and most short paragraphs show that within a few words.
	if t == "" || len(t) > 4*40 || moreAlnum(t, maxHeadingLen) || !atMostRunes(t, 40) || strings.Contains(t, "\n") {
		return "", false
	}
	// Folded into a buffer on the stack: most blocks asked are no heading.
	var buf [4 * 40]byte
	kind, ok := bibliographyHeadings[string(names.AppendFold(buf[:0], t))]
	return kind, ok
}

// maxHeadingLen is the length of the longest heading bibliographyHeadings
// knows.
var maxHeadingLen = func() int {
	n := 0
	for h := range bibliographyHeadings {
		n = max(n, len(h))
	}
	return n
}()

// moreAlnum reports whether s holds more than n ASCII letters and digits.
// Folding keeps each of them as one byte, so a text that holds more folds
// to more than n bytes.
func moreAlnum(s string, n int) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' {
			if n--; n < 0 {
				return true
			}
		}
	}
	return false
}

// headingLike reports whether block b of doc can be a heading: a heading,
// a bold line, or a short plain line with no sentence punctuation.
func headingLike(doc *lint.Document, b lint.Block) bool {
	if b.Kind == lint.BlockHeading || b.Strong {
		return true
	}
	if b.Kind != lint.BlockParagraph {
		return false
	}
	t := strings.TrimSpace(doc.Slice(b.Range))
	return t != "" && !strings.ContainsAny(strings.TrimRight(t, ":"), ".!?") && atMostRunes(t, 40)
}

// atMostRunes reports whether s holds at most n runes. A rune takes one to
// four bytes, so only a length between n and 4n leaves them to count.
func atMostRunes(s string, n int) bool {
	return len(s) <= n || len(s) <= 4*n && utf8.RuneCountInString(s) <= n
}

// Sections divides doc into its title, body, bibliography and notes.
func Sections(doc *lint.Document) []lint.Section {
	blocks := doc.Blocks
	if len(blocks) == 0 {
		return nil
	}
	// A title, a body, a bibliography and notes: most essays have no
	// more sections than that.
	out := make([]lint.Section, 0, 4)
	add := func(kind lint.SectionKind, first, last int, heading *lint.Block) {
		if first >= last {
			return
		}
		s := lint.Section{Kind: kind, First: first, Last: last,
			Range: lint.Range{Start: blocks[first].Start, End: blocks[last-1].End}}
		if heading != nil {
			s.HeadingAt = heading.Range
			s.Heading = strings.TrimSpace(doc.Slice(heading.Range))
		}
		out = append(out, s)
	}

	start := 0
	if isTitle(doc, 0) {
		add(lint.SectionTitle, 0, 1, nil)
		start = 1
	}
	notes := noteBlocks(doc)
	bodyStart := start
	for i := start; i < len(blocks); i++ {
		if notes[i] {
			continue
		}
		kind, ok := HeadingKind(doc.Slice(blocks[i].Range))
		if !ok || !headingLike(doc, blocks[i]) {
			continue
		}
		add(lint.SectionBody, bodyStart, i, nil)
		end := sectionEnd(doc, i, notes)
		h := blocks[i]
		add(kind, i, end, &h)
		bodyStart = end
		i = end - 1
	}
	// Footnote definitions gathered by the reader form a notes section.
	last := len(blocks)
	firstNote := -1
	for i := bodyStart; i < len(blocks); i++ {
		if notes[i] {
			firstNote = i
			break
		}
	}
	if firstNote >= 0 {
		last = firstNote
	}
	if bodyStart < last {
		// A run of reference-shaped paragraphs ending the essay, with no
		// heading, is a bibliography too: students often leave it out.
		tail := unheadedBibliography(doc, bodyStart, last)
		add(lint.SectionBody, bodyStart, tail, nil)
		add(lint.SectionBibliography, tail, last, nil)
	}
	if firstNote >= 0 {
		add(lint.SectionNotes, firstNote, len(blocks), nil)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// sectionEnd finds where the section headed by block h ends: at the next
// heading of the same or a higher level (or the next bold or heading-like
// line that is itself a section heading), at footnote definitions, or at
// the end of the text.
func sectionEnd(doc *lint.Document, h int, notes map[int]bool) int {
	head := doc.Blocks[h]
	for j := h + 1; j < len(doc.Blocks); j++ {
		b := doc.Blocks[j]
		if notes[j] {
			return j
		}
		if b.Kind == lint.BlockHeading && (head.Kind != lint.BlockHeading || b.Level <= head.Level) {
			return j
		}
		if _, ok := HeadingKind(doc.Slice(b.Range)); ok && headingLike(doc, b) {
			return j
		}
	}
	return len(doc.Blocks)
}

// noteBlocks marks the blocks that hold footnote or endnote text.
func noteBlocks(doc *lint.Document) map[int]bool {
	if len(doc.Notes) == 0 {
		return nil
	}
	out := map[int]bool{}
	for _, n := range doc.Notes {
		for i, b := range doc.Blocks {
			if b.Start >= n.Start && b.End <= n.End && b.Len() > 0 {
				out[i] = true
			}
		}
	}
	return out
}

// isTitle reports whether the first block is the essay's title: a heading,
// or a short line with no sentence punctuation followed by more text.
func isTitle(doc *lint.Document, i int) bool {
	if len(doc.Blocks) < 2 {
		return false
	}
	b := doc.Blocks[i]
	text := strings.TrimSpace(doc.Slice(b.Range))
	if _, ok := HeadingKind(text); ok {
		return false
	}
	if b.Kind == lint.BlockHeading {
		return true
	}
	if b.Kind != lint.BlockParagraph || strings.Contains(text, "\n") {
		return false
	}
	return atMostRunes(text, 100) && !strings.HasSuffix(text, ".")
}

// unheadedBibliography returns where a trailing run of reference-shaped
// blocks begins within [first, last), or last when there is none. A single
// trailing block must carry stronger evidence than each of a longer run.
func unheadedBibliography(doc *lint.Document, first, last int) int {
	start := last
	for i := last - 1; i >= first; i-- {
		b := doc.Blocks[i]
		if b.Kind != lint.BlockParagraph && b.Kind != lint.BlockListItem {
			break
		}
		if !ReferenceShaped(doc.Slice(b.Range)) {
			break
		}
		start = i
	}
	if start == last || start == first {
		// Nothing found, or the whole essay would be a bibliography.
		return last
	}
	if last-start == 1 && !strongReference(doc.Slice(doc.Blocks[start].Range)) {
		return last
	}
	return start
}

var (
	// referenceStart: "Family, Given." / "Family, G. G.," / "Family, G., &" at the start.
	referenceStart = regexp.MustCompile(`^(?:\d+[.)]\s+|\[\d+\]\s*)?(?:(?:von|van|de|da|del|di|al-|le|la)\s+)?[\p{Lu}][\p{L}'’\-]+(?:\s[\p{Lu}][\p{L}'’\-]+)?,\s+(?:[\p{Lu}][\p{L}'’\-]*\.?)`)
	yearLike       = regexp.MustCompile(`\((?:1[5-9]\d\d|20\d\d)[a-z]?(?:,[^)]*)?\)|\(n\.\s?d\.\)|\b(?:1[5-9]\d\d|20\d\d)\b`)
	urlLike        = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\bdoi:\s*10\.\d{4,}/\S+|\b10\.\d{4,}/\S+`)
	markerLike     = regexp.MustCompile(`(?i)\b(?:accessed|retrieved|vol\.|no\.|pp\.|edited by|translated by|press|publisher|university|journal|ed\.|eds\.)\b`)
)

// ReferenceShaped reports whether a paragraph looks like a works-cited entry
// rather than essay prose: an author-first shape with a date, or a link or
// DOI with little prose around it.
func ReferenceShaped(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || utf8.RuneCountInString(t) > 600 {
		return false
	}
	if urlLike.MatchString(t) && len(strings.Fields(urlLike.ReplaceAllString(t, ""))) <= 40 {
		if strings.Count(t, ". ") <= 6 {
			return true
		}
	}
	if referenceStart.MatchString(t) && (yearLike.MatchString(t) || markerLike.MatchString(t)) {
		// Prose sentences start "Name, a historian, …"; references run
		// short fragments separated by periods.
		return sentenceFragments(t)
	}
	return false
}

// strongReference is the evidence a lone trailing paragraph needs to be
// taken as a one-entry bibliography: a link, DOI, or author-first shape
// with a date.
func strongReference(text string) bool {
	t := strings.TrimSpace(text)
	return urlLike.MatchString(t) || (referenceStart.MatchString(t) && yearLike.MatchString(t) && sentenceFragments(t))
}

// sentenceFragments reports whether text reads as reference fragments: few
// lower-case running words between periods.
func sentenceFragments(t string) bool {
	words := strings.Fields(t)
	lower := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			lower++
		}
	}
	return len(words) <= 80 && (lower*100/max(len(words), 1) < 60 || len(words) < 12)
}
