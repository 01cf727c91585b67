package read

import (
	"fmt"
	"html"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/citelint/citelint/lint"
)

// checkDoc asserts the invariants every reader keeps, for any input:
// blocks in order, joined by "\n\n", trimmed; source spans inside Src and
// not overlapping; marks inside blocks; and the offset map honest — every
// block's letters stand, in order, in the source bytes it maps to, and
// every word of Text is found in the source bytes its range maps to
// (modulo markup, entities and re-encoding).
func checkDoc(t testing.TB, doc *lint.Document) {
	t.Helper()
	if err := docProblem(doc, true); err != "" {
		t.Fatalf("%s\nText: %q", err, trunc(doc.Text, 400))
	}
}

// docProblem returns the first broken invariant, or "". words turns on the
// word-by-word map check.
func docProblem(doc *lint.Document, words bool) string {
	text := doc.Text
	if len(doc.Blocks) == 0 {
		if text != "" {
			return fmt.Sprintf("no blocks but Text %q", trunc(text, 80))
		}
		return ""
	}
	if doc.Blocks[0].Start != 0 || doc.Blocks[len(doc.Blocks)-1].End != len(text) {
		return fmt.Sprintf("blocks do not cover Text: first %v, last %v, len %d", doc.Blocks[0].Range, doc.Blocks[len(doc.Blocks)-1].Range, len(text))
	}
	var spans []lint.Span
	for i, blk := range doc.Blocks {
		if blk.Start >= blk.End || blk.End > len(text) {
			return fmt.Sprintf("block %d: bad range %v", i, blk.Range)
		}
		if i > 0 {
			if sep := text[doc.Blocks[i-1].End:blk.Start]; sep != blockSeparator {
				return fmt.Sprintf("block %d: separated by %q", i, sep)
			}
		}
		body := text[blk.Start:blk.End]
		if isSpaceByte(body[0]) || isSpaceByte(body[len(body)-1]) {
			return fmt.Sprintf("block %d: untrimmed %q", i, trunc(body, 80))
		}
		if (blk.List != 0) != (blk.Kind == lint.BlockListItem) {
			return fmt.Sprintf("block %d: kind %v with list %d", i, blk.Kind, blk.List)
		}
		span := doc.SourceSpan(blk.Range)
		if span.Start < 0 || span.End > len(doc.Src) || span.Start > span.End {
			return fmt.Sprintf("block %d: span %v outside source of %d bytes", i, span, len(doc.Src))
		}
		spans = append(spans, span)
		if !anyVariant(doc, span, func(source string) bool { return isSubsequence(letters(body), source) }) {
			return fmt.Sprintf("block %d: text %q not in its source %q", i, trunc(body, 200), trunc(string(doc.Src[span.Start:span.End]), 200))
		}
		if words {
			if problem := checkWords(doc, blk); problem != "" {
				return fmt.Sprintf("block %d: %s", i, problem)
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	for i := 1; i < len(spans); i++ {
		if spans[i].Start < spans[i-1].End {
			return fmt.Sprintf("block source spans overlap: %v and %v", spans[i-1], spans[i])
		}
	}
	inBlocks := func(what string, r lint.Range, multi bool) string {
		b := doc.BlockAt(r.Start)
		if r.Start >= r.End || b < 0 || r.End > len(text) {
			return fmt.Sprintf("%s %v not inside a block", what, r)
		}
		if !multi && r.End > doc.Blocks[b].End {
			return fmt.Sprintf("%s %v crosses block %v", what, r, doc.Blocks[b].Range)
		}
		return ""
	}
	for _, l := range doc.Links {
		if p := inBlocks("link", l.Range, false); p != "" {
			return p
		}
	}
	for _, r := range doc.Italics {
		if p := inBlocks("italic", r, false); p != "" {
			return p
		}
	}
	for _, r := range doc.NoteRefs {
		if p := inBlocks("note ref", r.Range, false); p != "" {
			return p
		}
	}
	for _, r := range doc.Notes {
		if p := inBlocks("note", r.Range, true); p != "" {
			return p
		}
	}
	return ""
}

// checkWords checks that each word of a block maps to source bytes that
// hold it.
func checkWords(doc *lint.Document, blk lint.Block) string {
	body := doc.Text[blk.Start:blk.End]
	for i := 0; i < len(body); {
		for i < len(body) && isSpaceByte(body[i]) {
			i++
		}
		j := i
		for j < len(body) && !isSpaceByte(body[j]) {
			j++
		}
		if j == i {
			break
		}
		word := letters(body[i:j])
		if word != "" {
			r := lint.Range{Start: blk.Start + i, End: blk.Start + j}
			span := doc.SourceSpan(r)
			if span.Start < 0 || span.End > len(doc.Src) || span.Start > span.End {
				return fmt.Sprintf("word %q maps outside the source: %v", body[i:j], span)
			}
			// Markup may stand inside a word ("[Smith](url)son"), and in
			// Markdown it may hold letters (the URL), so there the word's
			// letters need only stand in order; plain text has no markup.
			found := anyVariant(doc, span, func(source string) bool {
				return strings.Contains(source, word) || doc.Format != lint.FormatText && isSubsequence(word, source)
			})
			if !found {
				return fmt.Sprintf("word %q maps to %q", body[i:j], trunc(string(doc.Src[span.Start:span.End]), 200))
			}
		}
		i = j
	}
	return ""
}

// anyVariant reports whether ok holds for the letters of a source span as
// a reader may have seen them: in Markdown, a code span keeps its
// character references as written, other text resolves them.
func anyVariant(doc *lint.Document, span lint.Span, ok func(letters string) bool) bool {
	if ok(letters(normalizedSource(doc, span))) {
		return true
	}
	if doc.Format == lint.FormatMarkdown {
		return ok(letters(string(decodeUTF8(doc.Src[span.Start:span.End], 0).text)))
	}
	return false
}

// normalizedSource is the text of a source span as a reader sees it:
// decoded to UTF-8, and for markup formats with tags dropped and
// entities resolved.
func normalizedSource(doc *lint.Document, span lint.Span) string {
	raw := doc.Src[span.Start:span.End]
	var s string
	switch {
	case len(doc.Src) >= 2 && doc.Src[0] == 0xFF && doc.Src[1] == 0xFE:
		s = string(decodeUTF16(append([]byte{0xFF, 0xFE}, raw...), true).text)
	case len(doc.Src) >= 2 && doc.Src[0] == 0xFE && doc.Src[1] == 0xFF:
		s = string(decodeUTF16(append([]byte{0xFE, 0xFF}, raw...), false).text)
	default:
		s = string(decodeUTF8(raw, 0).text)
	}
	switch doc.Format {
	case lint.FormatHTML:
		s = html.UnescapeString(stripTags(s))
	case lint.FormatMarkdown:
		s = unescapeMarkdown(s)
	}
	return s
}

// unescapeMarkdown resolves character references as Markdown does: only
// with their semicolon.
func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if n, decoded := entityAt([]byte(s[i:])); n > 0 {
				b.WriteString(decoded)
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// stripTags drops what the tokenizer would take for tags: "<" followed by
// a letter, "/", "!" or "?", up to the next ">".
func stripTags(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '<' && i+1 < len(s) {
			c := s[i+1]
			if c == '/' || c == '!' || c == '?' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				if j := strings.IndexByte(s[i:], '>'); j >= 0 {
					b.WriteByte(' ')
					i += j + 1
					continue
				}
				// An unterminated tag at the end of the file may be
				// text to the tokenizer: keep it.
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// letters keeps the letters and digits of s: what the map must get right
// whatever the markup or escaping between them.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isSubsequence(sub, s string) bool {
	rs := []rune(s)
	k := 0
	for _, r := range sub {
		for k < len(rs) && rs[k] != r {
			k++
		}
		if k == len(rs) {
			return false
		}
		k++
	}
	return true
}

func trunc(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n/2] + "…" + s[len(s)-n/2:]
}

// describe renders a document's blocks compactly for table tests:
// "p:", "h2:", "li1:" (list 1), "q:", "cap:", with "*" for a Strong block.
func describe(doc *lint.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		var kind string
		switch b.Kind {
		case lint.BlockHeading:
			kind = fmt.Sprintf("h%d", b.Level)
		case lint.BlockListItem:
			kind = fmt.Sprintf("li%d", b.List)
		case lint.BlockQuotation:
			kind = "q"
		case lint.BlockCaption:
			kind = "cap"
		default:
			kind = "p"
		}
		if b.Strong {
			kind += "*"
		}
		out = append(out, kind+":"+doc.Slice(b.Range))
	}
	return out
}

// marks renders a document's links, italics, notes and references.
func marks(doc *lint.Document) []string {
	var out []string
	for _, l := range doc.Links {
		out = append(out, "link:"+doc.Slice(l.Range)+" -> "+l.URL)
	}
	for _, r := range doc.Italics {
		out = append(out, "i:"+doc.Slice(r))
	}
	for _, r := range doc.NoteRefs {
		out = append(out, "ref "+r.Label+":"+doc.Slice(r.Range))
	}
	for _, n := range doc.Notes {
		out = append(out, "note "+n.Label+":"+doc.Slice(n.Range))
	}
	return out
}

// sourceOf returns the source bytes a text range maps to.
func sourceOf(doc *lint.Document, r lint.Range) string {
	span := doc.SourceSpan(r)
	return string(doc.Src[span.Start:span.End])
}

// textRange finds s in doc.Text.
func textRange(t testing.TB, doc *lint.Document, s string) lint.Range {
	t.Helper()
	i := strings.Index(doc.Text, s)
	if i < 0 {
		t.Fatalf("%q not in Text %q", s, doc.Text)
	}
	return lint.Range{Start: i, End: i + len(s)}
}
