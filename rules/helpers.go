package rules

import (
	"fmt"
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
	return len(e.Bibliography()) > 0 && len(e.Entries) > 0
}

// inCitation reports whether text range r lies inside a citation, such as
// the quoted short title of ("The Thaw" 3).
func inCitation(e *lint.Essay, r lint.Range) bool {
	for _, c := range e.Citations {
		if c.Kind == lint.CitationLink || c.Kind == lint.CitationSignal {
			continue
		}
		if r.Start >= c.Start && r.End <= c.End {
			return true
		}
	}
	return false
}

// needsSource reports whether quotation q is one the essay must cite: long
// enough to be a quotation rather than a term, outermost, in the body, and
// not itself part of a citation.
func needsSource(p *lint.Pass, q lint.Quote) bool {
	if q.Depth > 0 || q.Unclosed || q.Unopened {
		return false
	}
	if !q.BlockQuote && q.Words < p.Settings.QuoteMinWords {
		return false
	}
	e := p.Essay
	return e.InBody(q.Start) && !inCitation(e, q.Range)
}

// entryLabel names an entry in a message: its first author, its title, or
// its text.
func entryLabel(en lint.Entry) string {
	if len(en.Authors) > 0 {
		a := en.Authors[0]
		if a.Given != "" {
			return a.FullFamily() + ", " + a.Given
		}
		return a.FullFamily()
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
