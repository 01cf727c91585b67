package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
	"github.com/citelint/citelint/lint/online"
)

// ReferenceMismatch reports an entry whose DOI or ISBN names another work
// (--online), or whose ISBN cannot be any book's (offline).
type ReferenceMismatch struct{}

// Meta describes the rule.
func (ReferenceMismatch) Meta() lint.Meta {
	return lint.Meta{
		ID:       "reference-mismatch",
		Summary:  "the DOI's or ISBN's record disagrees with the entry: another title, other authors, another year",
		Severity: lint.SeverityError,
		Category: "online",
		Since:    "0.4.0",
		Doc: `With --online, the record a DOI names (doi.org, else Crossref) and the record an
ISBN names (Open Library) are compared with the entry: the title (folded for
case, accents and punctuation, as sets of words, so a missing subtitle or a
different word order does not matter), the authors' family names and the
year. When the title or the authors disagree, the identifier belongs to
another work, and the reference may be invented: the message says what the
record names instead. When only the year is off by more than one (online-first
and print years differ by one), the message asks to check the year.

Offline, an ISBN whose check digit is wrong is reported here too: it cannot
be the book's ISBN, whatever the book. A book Open Library does not hold is
not reported.`,
		Wrong: "References\n\nJones, P. (2019). Glaciers of the mind. Cold Press. ISBN 978-0-00-000000-1",
		Right: "References\n\nJones, P. (2019). Glaciers of the mind. Cold Press. ISBN 978-0-00-000000-2",
	}
}

// Check compares each looked-up record with its entry.
func (ReferenceMismatch) Check(p *lint.Pass) error {
	e := p.Essay
	for i := range e.Entries {
		en := &e.Entries[i]
		if en.ISBN != "" && !online.ValidISBN(en.ISBN) {
			p.Reportf(isbnRange(*en), "the ISBN %s fails its checksum, so it cannot be this book's (or any book's); copy it again from the book's copyright page", en.ISBN)
			continue
		}
		eo := e.OnlineOf(i)
		if l := eo.DOI; l != nil && l.State == lint.LookupFound {
			if msg := compareRecord(*en, l.Record, "the DOI "+l.ID+" is registered to"); msg != "" {
				p.Reportf(doiRange(en, l.ID), "%s", msg)
				continue
			}
		}
		if l := eo.ISBN; l != nil && l.State == lint.LookupFound {
			if msg := compareRecord(*en, l.Record, "the ISBN "+l.ID+" is, in "+l.Record.Registry+","); msg != "" {
				p.Reportf(isbnRange(*en), "%s", msg)
			}
		}
	}
	return nil
}

// isbnRange is where the entry's ISBN stands: the label "ISBN" and what
// follows it, or the whole entry.
func isbnRange(en lint.Entry) lint.Range {
	k := strings.Index(strings.ToUpper(en.Text), "ISBN")
	if k < 0 {
		return en.Range
	}
	end := k + 4
	for end < len(en.Text) && strings.IndexByte("0123456789-xX :", en.Text[end]) >= 0 {
		end++
	}
	return lint.Range{Start: en.Start + k, End: en.Start + len(strings.TrimRight(en.Text[:end], " :"))}
}

// compareRecord says how rec disagrees with en, or "" when it does not.
// what starts the message ("the DOI 10.x/y is registered to").
func compareRecord(en lint.Entry, rec *lint.Record, what string) string {
	if rec == nil {
		return ""
	}
	titleOK := titleAgrees(en, rec.Title)
	authorsOK := authorsAgree(en, rec.Authors)
	yearOK := yearAgrees(en, rec.Year)
	switch {
	case !titleOK || !authorsOK:
		return fmt.Sprintf("%s %q%s; the entry says %q%s: the reference may be invented — check the entry against the work itself",
			what, rec.Title, recordLabel(rec.Authors, rec.Year), entryTitle(en), recordLabel(en.Authors, entryYear(en)))
	case !yearOK:
		return fmt.Sprintf("%s %q%s, published in %s; the entry says %s: check the year",
			what, rec.Title, recordLabel(rec.Authors, rec.Year), rec.Year, entryYear(en))
	}
	return ""
}

// titleStopwords are words too common to tell titles apart.
var titleStopwords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "in": true, "on": true, "for": true,
	"to": true, "with": true, "at": true, "by": true, "from": true, "as": true, "or": true, "its": true,
}

// titleWords are the folded content words of a title.
func titleWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(names.Fold(s)) {
		if !titleStopwords[w] {
			out[w] = true
		}
	}
	return out
}

// containment is the share of a's words that b has.
func containment(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 1
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// titleAgrees: the entry's title and the record's share most of the
// shorter one's words (a dropped subtitle is fine), or the record's main
// title stands in the entry's text (so that a title the entry parser
// missed is not held against the entry).
func titleAgrees(en lint.Entry, recTitle string) bool {
	rec := titleWords(recTitle)
	if len(rec) == 0 {
		return true
	}
	main, _, _ := strings.Cut(recTitle, ":")
	text := titleWords(en.Text)
	if containment(titleWords(main), text) >= 0.8 {
		return true
	}
	ent := titleWords(en.Title)
	if len(ent) == 0 {
		return containment(rec, text) >= 0.5
	}
	if len(ent) <= len(rec) {
		return containment(ent, rec) >= 0.5
	}
	return containment(rec, ent) >= 0.5
}

// authorsAgree: some family name of the entry is one of the record's, or
// one side names nobody. A record name found anywhere in the entry's text
// counts, so that a misread author field is not held against the entry.
func authorsAgree(en lint.Entry, rec []lint.Name) bool {
	if len(rec) == 0 || len(en.Authors) == 0 {
		return true
	}
	for _, a := range en.Authors {
		for _, r := range rec {
			if names.SameFamily(a.FullFamily(), r.FullFamily()) || names.SameFamily(a.Family, r.Family) ||
				names.Near(a.FullFamily(), r.FullFamily()) {
				return true
			}
		}
	}
	text := " " + names.Fold(en.Text) + " "
	for _, r := range rec {
		if f := names.Fold(r.Family); f != "" && strings.Contains(text, " "+f+" ") {
			return true
		}
	}
	return false
}

// entryYear is the entry's year of publication, digits only.
func entryYear(en lint.Entry) string {
	y := en.Year
	if len(y) >= 4 {
		y = y[:4]
	}
	if _, err := strconv.Atoi(y); err != nil || len(y) != 4 {
		return ""
	}
	return y
}

// yearAgrees: the years are within one of each other (online-first and
// print years differ by one), one side has none, or the record's year
// stands in the entry (an original date given beside a reprint's).
func yearAgrees(en lint.Entry, recYear string) bool {
	ey, ry := entryYear(en), recYear
	if ey == "" || ry == "" {
		return true
	}
	a, _ := strconv.Atoi(ey)
	b, err := strconv.Atoi(ry)
	if err != nil {
		return true
	}
	return a-b <= 1 && b-a <= 1 || yearStands(en, ry)
}

// yearStands reports whether year stands as a word in the entry outside
// its DOI and address, which often carry a year of their own
// (10.5555/j.2012.01.003).
func yearStands(en lint.Entry, year string) bool {
	text := en.Text
	for _, id := range []string{en.DOI, en.URL} {
		if id != "" {
			text = strings.ReplaceAll(text, id, " ")
		}
	}
	for i := 0; ; {
		k := strings.Index(text[i:], year)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(year)
		if (k == 0 || !isDigit(text[k-1])) && (end == len(text) || !isDigit(text[end])) {
			return true
		}
		i = end
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// entryTitle is the entry's title for a message, or its text when no title
// was read.
func entryTitle(en lint.Entry) string {
	if en.Title != "" {
		return en.Title
	}
	return strings.Trim(entryLabel(en), `"`)
}

// recordLabel writes " (Smith, 2011)", " (Smith and Lee, 2011)", " (Smith
// et al., 2011)", " (Smith)" or " (2011)", with its leading space; "" when
// there is neither.
func recordLabel(authors []lint.Name, year string) string {
	var who string
	switch len(authors) {
	case 0:
	case 1:
		who = authors[0].FullFamily()
	case 2:
		who = authors[0].FullFamily() + " and " + authors[1].FullFamily()
	default:
		who = authors[0].FullFamily() + " et al."
	}
	switch {
	case who != "" && year != "":
		return " (" + who + ", " + year + ")"
	case who != "":
		return " (" + who + ")"
	case year != "":
		return " (" + year + ")"
	}
	return ""
}
