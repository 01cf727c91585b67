package rules

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// EntryOrder reports a works-cited list that is not in alphabetical order.
type EntryOrder struct{}

// Meta describes the rule.
func (EntryOrder) Meta() lint.Meta {
	return lint.Meta{
		ID:       "entry-order",
		Summary:  "works-cited entries are not in alphabetical order",
		Severity: lint.SeverityWarning,
		Category: "bibliography",
		Styles:   []lint.Style{lint.StyleMLA, lint.StyleAPA, lint.StyleChicago, lint.StyleHarvard},
		Since:    "0.2.0",
		Doc: `MLA, APA, Chicago bibliographies and Harvard reference lists are alphabetical
by the first word of each entry: the first author's family name, or the title
(ignoring A, An and The) for a work with no author. A numbered list (as in
some note styles) is exempt. The finding stands at the first entry out of
place, once per list.`,
		Wrong: `Works Cited

Taubman, William. Khrushchev: The Man and His Era. Norton, 2003.
Freeze, Gregory L. Russia: A History. Oxford UP, 2009.`,
		Right: `Works Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.
Taubman, William. Khrushchev: The Man and His Era. Norton, 2003.`,
	}
}

// Check reports the first entry out of place in each bibliography.
func (EntryOrder) Check(p *lint.Pass) error {
	e := p.Essay
	for s := range bibliography(e) {
		idx := e.EntriesIn(s)
		if len(idx) < 2 || numbered(e, idx) {
			continue
		}
		keys := sortKeys(e, idx)
		for k := 1; k < len(idx); k++ {
			prev, cur := &e.Entries[idx[k-1]], &e.Entries[idx[k]]
			if keys[k] >= keys[k-1] || sameFirstAuthor(prev, cur) {
				// Works by one author follow rules of their own (MLA by
				// title, APA by year, 2019a before 2019b): not judged here.
				continue
			}
			p.Report(lint.Diagnostic{
				Span:    p.Doc().SourceSpan(cur.Range),
				Message: "the entry for " + entryLabel(*cur) + " belongs before " + entryLabel(*prev) + "; list entries alphabetically by their first word",
				Related: []lint.Related{p.Relate(prev.Range, "this entry should come after it")},
				Fixes:   orderFix(p, idx, keys),
			})
			break
		}
	}
	return nil
}

// orderFix puts the list's entries in order (keys holds their sort keys,
// in the order of idx) by exchanging their source text, offered only when that
// is a safe permutation: every entry is its own run of source, no two
// overlap, and the same bytes (a line break, a blank line, "</p>\n<p>")
// separate each from the next. A list with
// "———." entries, which stand for the author above, is never reordered.
func orderFix(p *lint.Pass, idx []int, keys []string) []lint.Fix {
	doc, e := p.Doc(), p.Essay
	spans := make([]lint.Span, len(idx))
	var sep []byte
	for k, i := range idx {
		spans[k] = doc.SourceSpan(e.Entries[i].Range)
		text := strings.TrimSpace(e.Entries[i].Text)
		if spans[k].Len() == 0 || strings.HasPrefix(text, "-") || strings.HasPrefix(text, "—") || strings.HasPrefix(text, "–") {
			return nil
		}
		if k == 0 {
			continue
		}
		if spans[k].Start < spans[k-1].End {
			return nil
		}
		between := doc.Src[spans[k-1].End:spans[k].Start]
		if k == 1 {
			sep = between
		} else if string(between) != string(sep) {
			return nil
		}
	}
	// order holds positions in idx, sorted by key.
	order := make([]int, len(idx))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	var edits []lint.Edit
	for k, at := range order {
		if at == k {
			continue
		}
		if edits == nil {
			edits = make([]lint.Edit, 0, len(order)-k)
		}
		from := spans[at]
		edits = append(edits, lint.Edit{Span: spans[k], New: string(doc.Src[from.Start:from.End])})
	}
	if len(edits) == 0 {
		return nil
	}
	return []lint.Fix{{Message: "put the entries in alphabetical order", Edits: edits}}
}

// appendSortKey appends to dst what entry en is alphabetised by, and
// returns dst with the offset in it where the key starts: the entry's
// text as written, folded, without a leading article, so that "von
// Geldern" files under V as MLA writes it and an authorless "The Thaw"
// files under T.
//
// An entry that opens with the first author's given name ("Rowan Haldane")
// files under the family name: the name order is entry-format's finding,
// and the entry stands where it will belong once inverted.
func appendSortKey(dst []byte, en *lint.Entry, limit int) (out []byte, from int, cut bool) {
	start := len(dst)
	if len(en.Authors) > 0 && en.TitleRange.End > en.TitleRange.Start && directFirst(en, authorHead(en)) {
		a := en.Authors[0]
		dst = names.AppendFold(dst, a.FullFamily()+" "+a.Given)
	} else {
		// Folded only when the author does not give the key: the whole
		// entry is the dearest string to fold, so only its first limit
		// bytes are, when limit > 0. Folding a prefix gives a prefix of
		// the whole key.
		text := en.Text
		if limit > 0 && len(text) > limit {
			end := limit
			for end > 0 && !utf8.RuneStart(text[end]) {
				end--
			}
			text, cut = text[:end], true
		}
		dst = names.AppendFold(dst, text)
		if cut && len(dst)-start < len("the ") {
			// Too short to tell whether an article opens it.
			return appendSortKey(dst[:start], en, 0)
		}
	}
	if len(en.Authors) == 0 {
		for _, a := range [...]string{"the ", "a ", "an "} {
			if len(dst)-start >= len(a) && string(dst[start:start+len(a)]) == a {
				return dst, start + len(a), cut
			}
		}
	}
	return dst, start, cut
}

// keyPrefix is how many bytes of an entry's text sortKeys folds at first:
// enough to tell apart all but entries that open alike for as long.
const keyPrefix = 32

// sortKeys returns the sort key of each entry in idx, in the order of idx.
// Keys are folded from the entries' first keyPrefix bytes; two such keys
// that differ within both compare as the whole keys would, and when any
// key is a prefix of another and was cut short, every key is folded whole.
// The keys are folded into one buffer and share one string.
func sortKeys(e *lint.Essay, idx []int) []string {
	var room [8]keySpan
	spans := room[:0]
	// Room on the stack for a dozen keys cut short.
	var folded [12 * keyPrefix]byte
	buf := folded[:0]
	anyCut := false
	for _, i := range idx {
		var ks keySpan
		buf, ks.from, ks.cut = appendSortKey(buf, &e.Entries[i], keyPrefix)
		ks.to = len(buf)
		spans = append(spans, ks)
		anyCut = anyCut || ks.cut
	}
	if anyCut && cutKeyIsPrefix(buf, spans) {
		buf, spans = buf[:0], spans[:0]
		for _, i := range idx {
			var ks keySpan
			buf, ks.from, _ = appendSortKey(buf, &e.Entries[i], 0)
			ks.to = len(buf)
			spans = append(spans, ks)
		}
	}
	all := string(buf)
	keys := make([]string, len(idx))
	for k, ks := range spans {
		keys[k] = all[ks.from:ks.to]
	}
	return keys
}

// keySpan is where sortKeys folded one key in its buffer, and whether the
// key was cut short.
type keySpan struct {
	from, to int
	cut      bool
}

// cutKeyIsPrefix reports whether, of two keys at least one of which was
// cut short, one is a prefix of the other, so that the prefixes cannot
// stand for the whole keys.
func cutKeyIsPrefix(buf []byte, spans []keySpan) bool {
	for k, a := range spans {
		for l, b := range spans {
			if k != l && (a.cut || b.cut) && bytes.HasPrefix(buf[b.from:b.to], buf[a.from:a.to]) {
				return true
			}
		}
	}
	return false
}

// numbered reports whether the entries carry their own numbers ("1.",
// "[1]"): such lists follow citation order, not the alphabet.
func numbered(e *lint.Essay, idx []int) bool {
	for _, i := range idx {
		t := strings.TrimSpace(e.Entries[i].Text)
		if t == "" {
			continue
		}
		if t[0] != '[' && (t[0] < '0' || t[0] > '9') {
			return false
		}
	}
	return true
}

// sameFirstAuthor reports whether two entries open with the same author.
func sameFirstAuthor(a, b *lint.Entry) bool {
	return len(a.Authors) > 0 && len(b.Authors) > 0 && names.SameFamily(a.Authors[0].FullFamily(), b.Authors[0].FullFamily()) &&
		names.Fold(a.Authors[0].Given) == names.Fold(b.Authors[0].Given)
}
