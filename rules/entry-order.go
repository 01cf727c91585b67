package rules

import (
	"cmp"
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
		keys := orderKeys(e, idx)
		for k := 1; k < len(idx); k++ {
			prev, cur := &e.Entries[idx[k-1]], &e.Entries[idx[k]]
			if keys[k].compare(&keys[k-1]) >= 0 || sameFirstAuthor(prev, cur) {
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
func orderFix(p *lint.Pass, idx []int, keys []orderKey) []lint.Fix {
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
	slices.SortStableFunc(order, func(a, b int) int { return keys[a].compare(&keys[b]) })
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

// orderKey is what an entry is alphabetised by, its sort key: its text as
// written, folded (names.Fold), without a leading article, so that "von
// Geldern" files under V as MLA writes it and an authorless "The Thaw"
// files under T.
//
// An entry that opens with the first author's given name ("Rowan Haldane")
// files under the family name: the name order is entry-format's finding,
// and the entry stands where it will belong once inverted.
//
// Two keys are compared as they are folded, a byte at a time, as far as
// they agree: most differ in their first letters, and the entry's whole
// text, the dearest string to fold, is not. Only text beyond ASCII, which
// Fold takes apart by Unicode's rules, is folded whole.
type orderKey struct {
	// src is what the key is folded from: the entry's text, or its first
	// author's name in list order; the key starts at src[from:], past an
	// article, or is only had whole when from < 0.
	src        string
	from       int
	authorless bool
	// lead is the key's first byte, or 0 when it takes more to tell
	// (titleLead): keys that lead differently compare as their leads.
	lead byte
	// whole is the whole key, once folded.
	whole  string
	folded bool
}

// orderKeys returns the sort keys of the entries in idx, in the order of
// idx.
func orderKeys(e *lint.Essay, idx []int) []orderKey {
	keys := make([]orderKey, len(idx))
	for k, i := range idx {
		en := &e.Entries[i]
		key := &keys[k]
		key.src = en.Text
		if len(en.Authors) > 0 && en.TitleRange.End > en.TitleRange.Start && directFirst(en, authorHead(en)) {
			a := en.Authors[0]
			key.src = a.FullFamily() + " " + a.Given
		} else if len(en.Authors) == 0 {
			key.authorless = true
			key.from = pastArticle(key.src)
		}
		if key.from >= 0 {
			key.lead = titleLead(key.src[key.from:])
		}
	}
	return keys
}

// compare is strings.Compare of the whole keys a and b.
func (a *orderKey) compare(b *orderKey) int {
	if a.lead != b.lead && a.lead != 0 && b.lead != 0 {
		return cmp.Compare(a.lead, b.lead)
	}
	if a.from >= 0 && b.from >= 0 {
		ra, rb := foldReader{s: a.src, i: a.from}, foldReader{s: b.src, i: b.from}
		for {
			x, y := ra.next(), rb.next()
			if x == foldBeyond || y == foldBeyond {
				break
			}
			if x != y {
				// The end of a key (foldEnd) comes before any byte, as
				// a prefix comes before the longer string.
				return cmp.Compare(x, y)
			}
			if x == foldEnd {
				return 0
			}
		}
	}
	return strings.Compare(a.wholeKey(), b.wholeKey())
}

// wholeKey is the key folded whole.
func (a *orderKey) wholeKey() string {
	if !a.folded {
		a.whole, a.folded = names.Fold(a.src), true
		if a.authorless {
			for _, art := range [...]string{"the ", "a ", "an "} {
				if strings.HasPrefix(a.whole, art) {
					a.whole = a.whole[len(art):]
					break
				}
			}
		}
	}
	return a.whole
}

// pastArticle returns where in s the folded text starts past a leading
// article ("the ", "a ", "an "), 0 when none leads, or -1 when bytes
// beyond ASCII leave it to the whole fold to tell.
func pastArticle(s string) int {
	r := foldReader{s: s}
	var word [len("the")]byte
	n := 0
	for {
		switch c := r.next(); c {
		case foldBeyond:
			return -1
		case foldEnd:
			return 0 // one word at most: nothing follows an article
		case ' ':
			if w := string(word[:n]); w == "the" || w == "a" || w == "an" {
				return r.i // at the next word's first byte
			}
			return 0
		default:
			if n == len(word) {
				return 0 // longer than any article
			}
			word[n] = byte(c)
			n++
		}
	}
}

// foldReader reads names.Fold(s[i:]) of ASCII text a byte at a time, as
// names folds ASCII: letters and digits kept, lowered; apostrophes and
// backquotes dropped; any run of other bytes between two words made one
// space, and none at either end.
type foldReader struct {
	s string
	i int
	// began says a byte has been read; space that a separator has been
	// passed since.
	began, space bool
}

// What foldReader.next returns besides a byte.
const (
	foldEnd    = -1 // the end of the text
	foldBeyond = -2 // a byte beyond ASCII, where Fold goes Unicode's way
)

// next returns the next byte of the folded text, foldEnd, or foldBeyond.
func (r *foldReader) next() int {
	for ; r.i < len(r.s); r.i++ {
		c := r.s[r.i]
		switch {
		case isAlnum(c):
			if r.space && r.began {
				// The space before this word; its letter comes next.
				r.space = false
				return ' '
			}
			r.began, r.space = true, false
			r.i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			return int(c)
		case c >= utf8.RuneSelf:
			return foldBeyond
		case c == '\'' || c == '`':
		default:
			r.space = true
		}
	}
	return foldEnd
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
	if len(a.Authors) == 0 || len(b.Authors) == 0 {
		return false
	}
	// The given names first: they are cheaper to fold than family names
	// are to key, and most pairs differ in them.
	ga, gb := a.Authors[0].Given, b.Authors[0].Given
	if ga != gb && names.Fold(ga) != names.Fold(gb) {
		return false
	}
	return names.SameFamily(a.Authors[0].FullFamily(), b.Authors[0].FullFamily())
}
