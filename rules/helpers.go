package rules

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/locate"
	"github.com/citelint/citelint/lint/match"
	"github.com/citelint/citelint/lint/names"
)

// maxNamed is how many sources a missing or empty bibliography finding names.
const maxNamed = 5

// sourceName says how a citation names its source, for messages: the
// author, the short title, or the linked site. It is empty for citations
// that name no source of their own.
func sourceName(c lint.Citation) string {
	switch {
	case c.Speaker:
		return ""
	case len(c.Authors) > 0:
		name := c.Authors[0]
		if c.EtAl {
			name += " et al."
		} else if len(c.Authors) == 2 {
			name += " and " + c.Authors[1]
		}
		return name
	case c.Title != "":
		return `"` + c.Title + `"`
	case c.URL != "":
		return match.Host(c.URL)
	}
	return ""
}

// namedSources lists the distinct sources the essay cites or attributes,
// in order of first appearance.
func namedSources(e *lint.Essay) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range e.Citations {
		name := sourceName(c)
		key := names.Fold(name)
		if name == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, name)
	}
	return out
}

// listNames joins up to maxNamed names: "Freeze, Smith and 2 more".
func listNames(all []string) string {
	shown := all
	extra := 0
	if len(shown) > maxNamed {
		shown, extra = all[:maxNamed], len(all)-maxNamed
	}
	switch {
	case len(shown) == 0:
		return ""
	case extra > 0:
		return strings.Join(shown, ", ") + fmt.Sprintf(" and %d more", extra)
	case len(shown) == 1:
		return shown[0]
	default:
		return strings.Join(shown[:len(shown)-1], ", ") + " and " + shown[len(shown)-1]
	}
}

// bibliographyUsable reports whether the essay has a bibliography with at
// least one entry; when it does not, works-cited-missing or
// works-cited-empty speaks for every citation (one cause, one finding).
func bibliographyUsable(e *lint.Essay) bool {
	return len(e.Entries) > 0 && hasBibliography(e)
}

// factsKey is the key under which an essay's quoteFacts are kept on the
// Pass (see lint.Pass.Fact).
type factsKey struct{}

// quoteFacts are answers several rules need about an essay's quotations,
// worked out once per essay rather than once per rule and quotation.
type quoteFacts struct {
	essay *lint.Essay
	// cites holds the citations a quotation can stand inside (not links
	// or signal phrases) by ascending Start, each End raised to the
	// furthest end among it and those before it. Built on first use.
	cites        []lint.Range
	citesIndexed bool
	// quotes holds what is worked out about each quotation, by index, and
	// whys longWorkTitle's reasons, made when the first title is found.
	quotes []quoteFact
	whys   []string
	// sources caches what quote-not-in-source and quote-altered both
	// ask of each quotation's source, by quotation index.
	sources []sourceFact
}

// sourceFact is sourceMatch's answer for one quotation, and whether the
// quotation is its source's passage changed (changedQuote).
type sourceFact struct {
	known, ok, changed bool
	m                  locate.Match
	src                lint.CitedSource
}

// quoteFact is what the rules ask of one quotation, each part worked out
// on first use.
type quoteFact struct {
	// placed says that body, inBody and cited are known: whether the
	// section holding the quotation's start is the body (inSection), or
	// the body or the title (Essay.InBody), and whether a citation holds
	// the quotation (inCitation).
	placed, body, inBody, cited bool
	// titled says that title, longWorkTitle's answer, is known (its
	// reason is kept in quoteFacts.whys).
	titled, title bool
}

// factsOf returns the pass's essay's quoteFacts.
func factsOf(p *lint.Pass) *quoteFacts {
	return p.Fact(factsKey{}, func() any { return &quoteFacts{essay: p.Essay} }).(*quoteFacts)
}

// bibliography yields the essay's bibliography sections, those
// e.Bibliography() lists, without making the list.
func bibliography(e *lint.Essay) iter.Seq[lint.Section] {
	return func(yield func(lint.Section) bool) {
		for i := range e.Sections {
			if s := &e.Sections[i]; s.Kind == lint.SectionBibliography && !yield(*s) {
				return
			}
		}
	}
}

// hasBibliography reports whether the essay has a bibliography section.
func hasBibliography(e *lint.Essay) bool {
	for range bibliography(e) {
		return true
	}
	return false
}

// inCitation reports whether text range r lies inside a citation, such as
// the quoted short title of ("The Thaw" 3). Some citation c holds r when
// c.Start <= r.Start and r.End <= c.End: among the citations starting at
// or before r.Start, the furthest end must reach r.End.
func (f *quoteFacts) inCitation(r lint.Range) bool {
	if !f.citesIndexed {
		f.indexCitations()
	}
	// n is how many citations start at or before r.Start, found by a
	// binary search written out: every quotation asks, from several
	// rules, and slices.BinarySearchFunc calls its comparison each step.
	n, hi := 0, len(f.cites)
	for n < hi {
		mid := int(uint(n+hi) >> 1)
		if f.cites[mid].Start <= r.Start {
			n = mid + 1
		} else {
			hi = mid
		}
	}
	return n > 0 && f.cites[n-1].End >= r.End
}

// indexCitations builds cites.
func (f *quoteFacts) indexCitations() {
	f.citesIndexed = true
	cs := f.essay.Citations
	n := 0
	for i := range cs {
		if c := &cs[i]; c.Kind != lint.CitationLink && c.Kind != lint.CitationSignal {
			n++
		}
	}
	if n == 0 {
		return
	}
	f.cites = make([]lint.Range, 0, n)
	for i := range cs {
		if c := &cs[i]; c.Kind != lint.CitationLink && c.Kind != lint.CitationSignal {
			f.cites = append(f.cites, c.Range)
		}
	}
	// Citations mostly come in the order of the text: the sort is
	// spared when they do. (Among equal starts order does not matter: the
	// search asks for the furthest end of all citations starting at or
	// before a point.)
	for i := 1; i < len(f.cites); i++ {
		if f.cites[i].Start < f.cites[i-1].Start {
			slices.SortFunc(f.cites, func(a, b lint.Range) int { return cmp.Compare(a.Start, b.Start) })
			break
		}
	}
	for i := 1; i < len(f.cites); i++ {
		f.cites[i].End = max(f.cites[i].End, f.cites[i-1].End)
	}
}

// quote returns the facts kept about the essay's quotation i.
func (f *quoteFacts) quote(i int) *quoteFact {
	if f.quotes == nil {
		f.quotes = make([]quoteFact, len(f.essay.Quotes))
	}
	return &f.quotes[i]
}

// place returns where the essay's quotation i stands, worked out once:
// whether its start is in the body (inSection(e, q.Start) ==
// lint.SectionBody), whether it is in the body or the title
// (e.InBody(q.Start)), and whether a citation holds it (inCitation).
func (f *quoteFacts) place(i int) (body, inBody, cited bool) {
	t := f.quote(i)
	if !t.placed {
		q := &f.essay.Quotes[i]
		kind := inSection(f.essay, q.Start)
		t.body = kind == lint.SectionBody
		t.inBody = t.body || kind == lint.SectionTitle
		t.cited = f.inCitation(q.Range)
		t.placed = true
	}
	return t.body, t.inBody, t.cited
}

// longWorkTitle is longWorkTitle for the essay's quotation i, worked out
// once.
func (f *quoteFacts) longWorkTitle(i int) (string, bool) {
	t := f.quote(i)
	if !t.titled {
		var why string
		why, t.title = longWorkTitle(f.essay, &f.essay.Quotes[i])
		t.titled = true
		if t.title {
			if f.whys == nil {
				f.whys = make([]string, len(f.essay.Quotes))
			}
			f.whys[i] = why
		}
	}
	if !t.title {
		return "", false
	}
	return f.whys[i], true
}

// sourceMatch is sourceMatch for the essay's quotation i, with whether
// the quotation is changed, worked out once: the search of the source is
// the dearest step of the source rules.
func (f *quoteFacts) sourceMatch(p *lint.Pass, i int) (m locate.Match, src lint.CitedSource, changed, ok bool) {
	if len(f.essay.Sources) == 0 {
		return m, nil, false, false // no library: sourceMatch finds nothing to check against
	}
	if f.sources == nil {
		f.sources = make([]sourceFact, len(f.essay.Quotes))
	}
	s := &f.sources[i]
	if !s.known {
		s.m, s.src, s.ok = sourceMatch(p, i)
		if s.ok {
			s.changed = changedQuote(s.m, quotedWords(f.essay, f.essay.Quotes[i]))
		}
		s.known = true
	}
	return s.m, s.src, s.changed, s.ok
}

// needsSource reports whether quotation q is one the essay must cite: long
// enough to be a quotation rather than a term, outermost, in the body, and
// not itself part of a citation.
// It takes the essay's quotation i, and the pass's facts f.
func needsSource(p *lint.Pass, f *quoteFacts, i int) bool {
	q := &p.Essay.Quotes[i]
	if q.Depth > 0 || q.Unclosed || q.Unopened {
		return false
	}
	if !q.BlockQuote && q.Words < p.Settings.QuoteMinWords {
		return false
	}
	_, inBody, cited := f.place(i)
	return inBody && !cited
}

// entryLabel names an entry in a message: its first author, its title, or
// its text.
func entryLabel(en lint.Entry) string {
	if len(en.Authors) > 0 {
		return en.Authors[0].Inverted()
	}
	if en.Title != "" {
		return `"` + en.Title + `"`
	}
	t := strings.TrimSpace(en.Text)
	if len([]rune(t)) > 60 {
		t = string([]rune(t)[:57]) + "…"
	}
	return t
}

// quotedWords is the text of quotation q to look for in its source: the
// quotation without the citations that stand inside it. A block quotation
// ends with its parenthetical citation ("… and children. (Quenneville)"),
// which the source does not have. The citations are blanked, not cut, so
// that offsets into the text stay offsets into the quotation.
func quotedWords(e *lint.Essay, q lint.Quote) string {
	if e.Doc.Slice(q.Inner) != q.Text {
		return q.Text
	}
	var text []byte
	for _, c := range e.Citations {
		if c.Kind == lint.CitationSignal || c.Kind == lint.CitationLink ||
			c.Start < q.Inner.Start || c.End > q.Inner.End || c.End <= c.Start {
			continue
		}
		if text == nil {
			text = []byte(q.Text)
		}
		for i := c.Start; i < c.End; i++ {
			text[i-q.Inner.Start] = ' '
		}
	}
	if text == nil {
		return q.Text
	}
	return string(text)
}

// Bounds of a changed quotation (see changedQuote).
const (
	// altered is the similarity from which a quotation that is not found
	// is a changed quotation rather than one the source lacks.
	altered = 0.7
	// keptShare and keptScore: a quotation whose words stand in the
	// passage all but one in ten, in order, is the passage with words left
	// out, however many, as long as the passage is not more than about
	// three times the quotation (a score of one half).
	keptShare = 0.9
	keptScore = 0.5
)

// changedQuote reports whether quotation text, which Find did not find but
// matched as m, is its source's passage changed (quote-altered) rather
// than words the source lacks (quote-not-in-source). The score counts
// every word of the passage, so a quotation that leaves out a long clause
// without an ellipsis scores low although each of its words is there; it
// is a changed quotation all the same.
func changedQuote(m locate.Match, text string) bool {
	if m.Found || len(m.Diff) == 0 {
		return false
	}
	if m.Score >= altered {
		return true
	}
	if m.Score < keptScore {
		return false
	}
	words := len(locate.Normalize(text))
	foreign := 0
	for _, d := range m.Diff {
		if d.Kind == locate.Added || d.Kind == locate.Replaced {
			foreign += len(locate.Normalize(d.Quote))
		}
	}
	return words > 0 && float64(words-foreign) >= keptShare*float64(words)
}
