package match

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// A Chicago note cites a work in one of three forms:
//
//	full:  1. Sheila Fitzpatrick, *Everyday Stalinism* (New York: Oxford University Press, 1999), 45.
//	short: 2. Fitzpatrick, *Everyday Stalinism*, 52.
//	ibid:  3. Ibid., 53.
//
// The first author stands in direct order in a full note and by family name
// alone in a short one; either way the family name is the last capitalised
// word before the first comma (with its particles). A work without an
// author opens with its title. Ibid. refers to the source of the note
// before it.

// noteCite is one work cited in a note.
type noteCite struct {
	lint.Range
	text string
	// head is the author part as written ("Sheila Fitzpatrick"), empty for
	// an authorless work or Ibid.
	head   string
	family string
	group  bool
	title  string
	ibid   bool
	// locator is the page the note cites, when it ends in one.
	locator string
}

// noteLead strips the words that introduce a citation in a note.
var noteLead = regexp.MustCompile(`^(?:(?:[Ss]ee|[Cc]f\.|[Aa]lso|[Qq]uoted in|[Cc]ited in)\s+)+`)

// ibidForm matches Ibid. and Ibidem with an optional page.
var ibidForm = regexp.MustCompile(`^(?i:ibid(?:em)?)\b\.?`)

// noteTail is a trailing page locator: ", 45." or ", 42–45."
var noteTail = regexp.MustCompile(`,\s*((?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?)\.?\s*$`)

// joinWords may stand inside a group author's name.
var joinWords = map[string]bool{"for": true, "of": true, "the": true, "and": true, "&": true, "on": true, "in": true}

// noteTexts returns the notes of the essay in text order: the reader's
// footnotes and endnotes, and each paragraph or numbered line of a
// "Notes" section that is not one of them.
func noteTexts(e *lint.Essay) []lint.Range {
	doc := e.Doc
	var out []lint.Range
	for _, n := range doc.Notes {
		out = append(out, n.Range)
	}
	for _, s := range e.Sections {
		if s.Kind != lint.SectionNotes {
			continue
		}
		for b := s.First; b < s.Last && b < len(doc.Blocks); b++ {
			blk := doc.Blocks[b]
			if blk.Range == s.HeadingAt || blk.Kind == lint.BlockHeading || inNote(doc, blk.Start) {
				continue
			}
			out = append(out, noteLines(doc, blk.Range)...)
		}
	}
	slices.SortFunc(out, func(a, b lint.Range) int { return a.Start - b.Start })
	return out
}

func inNote(doc *lint.Document, off int) bool {
	for _, n := range doc.Notes {
		if n.Contains(off) {
			return true
		}
	}
	return false
}

// noteNumber is a note's own number at the start of a line: "1.", "12 ".
var noteNumber = regexp.MustCompile(`^\s*(?:\[\^?\d+\]:?|\d+[.)]?)\s+`)

// noteLines splits a block of a notes section at lines that begin with a
// note number, and drops the numbers.
func noteLines(doc *lint.Document, r lint.Range) []lint.Range {
	text := doc.Slice(r)
	var out []lint.Range
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && !(text[i] == '\n' && noteNumber.MatchString(text[i+1:])) {
			continue
		}
		part := lint.Range{Start: r.Start + start, End: r.Start + i}
		if m := noteNumber.FindStringIndex(text[start:i]); m != nil {
			part.Start += m[1]
		}
		if strings.TrimSpace(doc.Slice(part)) != "" {
			out = append(out, part)
		}
		start = i + 1
	}
	return out
}

// parseNote reads the works cited in one note's text, which stands at r.
func parseNote(doc *lint.Document, r lint.Range) []noteCite {
	text := doc.Slice(r)
	if m := noteNumber.FindStringIndex(text); m != nil && strings.HasPrefix(strings.TrimSpace(text), "[^") {
		r.Start += m[1]
		text = text[m[1]:]
	}
	var out []noteCite
	start := 0
	for _, part := range splitOutside(text, ';') {
		end := start + len(part)
		if c, ok := parseNoteCite(doc, lint.Range{Start: r.Start + start, End: r.Start + end}); ok {
			out = append(out, c)
		}
		start = end + 1
	}
	return out
}

// splitOutside splits s at sep where sep stands outside parentheses and
// quotation marks, so "(New York: Norton; 2003)" stays whole.
func splitOutside(s string, sep byte) []string {
	var out []string
	depth, last := 0, 0
	quoted := false
	for i, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case r == '"' || r == '“' || r == '”':
			quoted = r == '“' || r == '"' && !quoted
		case r == rune(sep) && depth == 0 && !quoted:
			out = append(out, s[last:i])
			last = i + 1
		}
	}
	return append(out, s[last:])
}

// parseNoteCite reads one citation of a note. It reports false for text
// that is not a citation: commentary with no author or title at its head.
func parseNoteCite(doc *lint.Document, r lint.Range) (noteCite, bool) {
	raw := doc.Slice(r)
	lead := len(raw) - len(strings.TrimLeft(raw, " \t\n"))
	r.Start += lead
	r.End -= len(raw) - len(strings.TrimRight(raw, " \t\n"))
	if r.End <= r.Start {
		return noteCite{}, false
	}
	t := doc.Slice(r)
	if m := noteLead.FindStringIndex(t); m != nil {
		r.Start += m[1]
		t = t[m[1]:]
	}
	c := noteCite{Range: r, text: t}
	if m := noteTail.FindStringSubmatch(t); m != nil {
		c.locator = m[1]
	}
	if ibidForm.MatchString(t) {
		c.ibid = true
		return c, true
	}
	if title, ok := leadingTitle(doc, r.Start, t); ok {
		c.title = title
		return c, true
	}
	comma := strings.IndexByte(t, ',')
	if comma <= 0 {
		return c, false
	}
	head := strings.TrimSpace(t[:comma])
	head = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(head, "et al."), "et al"))
	if first, _, ok := strings.Cut(head, " and "); ok {
		head = strings.TrimSpace(first)
	}
	family, group, ok := headName(head)
	if !ok {
		return c, false
	}
	c.head, c.family, c.group = head, family, group
	// The title follows the author: quoted, italic, or plain up to the next
	// comma or parenthesis.
	after := comma + 1
	for after < len(t) && t[after] == ' ' {
		after++
	}
	if title, ok := leadingTitle(doc, r.Start+after, t[after:]); ok {
		c.title = title
	} else {
		rest := t[after:]
		if i := strings.IndexAny(rest, ",("); i >= 0 {
			rest = rest[:i]
		}
		c.title = strings.Trim(strings.TrimSpace(rest), ".*_")
	}
	return c, c.title != ""
}

// leadingTitle returns the title that t opens with: in quotation marks, or
// in italics (Document.Italics, or Markdown's * and _ when they survive).
func leadingTitle(doc *lint.Document, at int, t string) (string, bool) {
	r, size := utf8.DecodeRuneInString(t)
	switch r {
	case '"', '“':
		end := strings.IndexAny(t[size:], "\"”")
		if end <= 0 {
			return "", false
		}
		return strings.Trim(t[size:size+end], " ,."), true
	case '*', '_':
		end := strings.IndexRune(t[size:], r)
		if end <= 0 {
			return "", false
		}
		return strings.Trim(t[size:size+end], " ,.*_"), true
	}
	for _, it := range doc.Italics {
		if it.Start == at && it.End > at {
			return strings.Trim(doc.Slice(it), " ,."), true
		}
	}
	return "", false
}

// headName reads the author part of a note: "Sheila Fitzpatrick",
// "Fitzpatrick", "James von Geldern", "Institute for Rural History". It
// returns the family name (the last capitalised word with the particles
// before it) or, for a group, the whole name.
func headName(head string) (family string, group bool, ok bool) {
	words := strings.Fields(head)
	if len(words) == 0 || len(words) > 7 {
		return "", false, false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		switch {
		case unicode.IsUpper(r):
		case i > 0 && (names.IsParticle(lw) || joinWords[lw]):
			if joinWords[lw] && !names.IsParticle(lw) {
				group = true
			}
		default:
			return "", false, false
		}
		if strings.ContainsAny(w, "0123456789") {
			return "", false, false
		}
	}
	if group || len(words) > 4 {
		return head, true, true
	}
	k := len(words) - 1
	for k > 0 && names.IsParticle(words[k-1]) {
		k--
	}
	return strings.Join(words[k:], " "), false, true
}

// noteEntry finds the entry a note citation names: by the first author's
// family name (or group name), narrowed by the short title when the author
// has several entries; by title for an authorless work.
func (m *matcher) noteEntry(c noteCite) int {
	var cands []int
	if c.family != "" {
		key := names.Key(c.family)
		upper := strings.ToUpper(c.family)
		for i, k := range m.keys {
			hit := len(k.families) > 0 && k.families[0] == key
			for _, g := range k.group {
				hit = hit || g != "" && g == upper
			}
			if hit {
				cands = append(cands, i)
			}
		}
	}
	if len(cands) == 0 {
		if c.family == "" {
			return firstOr(m.byTitle(c.title), -1)
		}
		// What looked like a name may be a short title in plain text,
		// "Virgin Lands Campaign, 3."; a misspelt author stays unmatched,
		// as in the body, so that the message can name the entry meant.
		return firstOr(m.byTitle(c.head), -1)
	}
	if len(cands) > 1 && c.title != "" {
		if byT := m.byTitle(c.title); len(byT) > 0 {
			for _, i := range cands {
				if slices.Contains(byT, i) {
					return i
				}
			}
		}
	}
	return cands[0]
}

func firstOr(xs []int, def int) int {
	if len(xs) == 0 {
		return def
	}
	return xs[0]
}

// notes parses the citations of the essay's notes, adds one note citation
// per work cited (so that citation-unmatched can report a note citing a
// work the bibliography lacks, and the entry counts as cited), and resolves
// each note reference in the body through its note.
func (m *matcher) notes() {
	e := m.essay
	doc := e.Doc
	// Drop the note citations a previous run added: Match may run again.
	// (slices.DeleteFunc would copy each citation, a large struct, to
	// test it.)
	kept := 0
	for i := range e.Citations {
		if c := &e.Citations[i]; c.Kind == lint.CitationNote && !e.InBody(c.Start) {
			continue
		}
		if kept != i {
			e.Citations[kept] = e.Citations[i]
		}
		kept++
	}
	clear(e.Citations[kept:])
	e.Citations = e.Citations[:kept]
	type parsed struct {
		r     lint.Range
		first int // entry of the note's first work, or -1
	}
	var byNote []parsed
	prev := -1
	for _, nr := range noteTexts(e) {
		first := -1
		for k, c := range parseNote(doc, nr) {
			entry := prev // Ibid.: the work of the note before
			if !c.ibid {
				entry = m.noteEntry(c)
			}
			cite := lint.Citation{Kind: lint.CitationNote, Range: c.Range, Text: c.text, Title: c.title,
				Locator: c.locator, Block: doc.BlockAt(c.Start), Entry: entry}
			if c.family != "" {
				cite.Authors = []string{c.family}
			}
			if entry < 0 && !c.ibid {
				if c.family != "" && !c.group {
					cite.Suggestion = m.suggest(c.family)
				} else if c.title != "" {
					cite.Suggestion = m.suggestTitle(c.title)
				}
			}
			e.Citations = append(e.Citations, cite)
			if k == 0 {
				first = entry
			}
			prev = entry
		}
		byNote = append(byNote, parsed{nr, first})
	}
	// Extraction found them in order; only notes' citations, appended,
	// may need sorting in.
	// (slices.IsSortedFunc would copy two citations for each test.)
	for i := 1; i < len(e.Citations); i++ {
		if e.Citations[i].Start < e.Citations[i-1].Start {
			slices.SortStableFunc(e.Citations, byStart)
			break
		}
	}
	cs := e.Citations
	for i := range cs {
		if cs[i].Kind != lint.CitationNote || !e.InBody(cs[i].Start) {
			continue
		}
		for _, n := range doc.Notes {
			if n.Label != cs[i].Text && "[^"+n.Label+"]" != cs[i].Text {
				continue
			}
			for _, p := range byNote {
				if p.r == n.Range && p.first >= 0 {
					cs[i].Entry = p.first
				}
			}
			if cs[i].Entry >= 0 {
				break
			}
			// A note whose citation this parser did not read may still
			// hold one that the prose scanner found.
			for _, c := range cs {
				if c.Kind != lint.CitationNote && n.Contains(c.Start) && c.Entry >= 0 {
					cs[i].Entry = c.Entry
					break
				}
			}
		}
	}
}

func byStart(a, b lint.Citation) int { return a.Start - b.Start }
