package rules

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// EntryFormat reports a works-cited entry that breaks its style's pattern:
// the first author's name order, APA's initials, the marks between the
// names, a title's quotation marks or italics, MLA's obsolete medium, APA
// 7's obsolete "Retrieved from" and DOI forms. One finding per entry lists
// all of its faults.
type EntryFormat struct{}

// Meta describes the rule.
func (EntryFormat) Meta() lint.Meta {
	return lint.Meta{
		ID:       "entry-format",
		Summary:  "a works-cited entry breaks its style's pattern",
		Severity: lint.SeverityWarning,
		Category: "bibliography",
		Since:    "0.2.0",
		Doc: `Each style has a pattern for its entries. The first author is inverted,
"Family, Given" (APA: "Family, G. G."); MLA joins two authors with "and", APA
with "&". MLA puts the title of an article or web page in quotation marks and
the journal or site in italics, and has dropped the medium ("Print.",
"Web."). APA sets no quotation marks around an article's title, writes "n.d."
for a work with no date, gives a DOI as https://doi.org/…, and has dropped
"Retrieved from" unless a retrieval date is given. Italics are judged only
where the file can show them (Markdown, HTML, Word and OpenDocument).`,
		Wrong: `Works Cited

Gregory Freeze. "Russia and Its Peoples." Slavic Notes, vol. 2, 2009, pp. 3-9. Print.`,
		Right: `Works Cited

Freeze, Gregory. "Russia and Its Peoples." Slavic Notes, vol. 2, 2009, pp. 3-9.`,
	}
}

var (
	// mediumMarker is MLA 7's medium element, dropped in MLA 8 and 9.
	mediumMarker = regexp.MustCompile(`[.,]\s+(Print|Web|Online|Internet)\.(?:\s|$)`)
	// retrievedFrom is APA 6's "Retrieved from" with no retrieval date.
	retrievedFrom = regexp.MustCompile(`(?i)\bretrieved\s+from\b`)
	// oldDOI is a DOI written "doi:10…" or through dx.doi.org.
	oldDOI = regexp.MustCompile(`(?i)\bdoi:\s*10\.|dx\.doi\.org/`)
	// badNoDate is a "no date" that APA writes "(n.d.)".
	badNoDate = regexp.MustCompile(`\((?:n\.\s?d|N\.\s?D\.?|nd|ND|no date|No date)\)`)
	// doubled is a doubled separator: ",," ",." ". ." ".." (not "...").
	doubled = regexp.MustCompile(`,\s*[.,]|\.\s+\.|[^.]\.\.(?:[^.]|$)`)
)

// Check reports each entry's faults in one finding.
func (EntryFormat) Check(p *lint.Pass) error {
	e := p.Essay
	italicsShown := showsItalics(e)
	for i := range e.Entries {
		en := &e.Entries[i]
		if !formatCheckable(en) {
			continue
		}
		faults := entryFaults(e, en, italicsShown)
		if len(faults) == 0 {
			continue
		}
		p.Reportf(en.Range, "the entry for %s does not follow %s form: %s", entryLabel(*en), styleName(e.Style), strings.Join(faults, "; "))
	}
	return nil
}

// formatCheckable reports whether an entry is complete enough to judge its
// form: a bare link or an entry lacking its author, title or date is
// entry-incomplete alone.
func formatCheckable(en *lint.Entry) bool {
	if en.BareURL || en.Title == "" || en.TitleRange.End <= en.TitleRange.Start {
		return false
	}
	if len(en.Authors) == 0 && !en.TitleQuoted && en.TitleRange.Start != en.Start+leadingMarks(en.Text) {
		return false
	}
	if en.Year == "" && en.Date == "" && en.Accessed == "" && !anyYear.MatchString(en.Text) {
		return false
	}
	return true
}

// leadingMarks counts the bytes of quotation and emphasis marks that open
// an entry's text.
func leadingMarks(s string) int {
	return len(s) - len(strings.TrimLeft(s, "\"“*_'‘"))
}

// showsItalics reports whether the essay's format can carry italics and
// its bibliography does use them, so that a title set in roman is the
// student's choice, not the file's.
func showsItalics(e *lint.Essay) bool {
	switch e.Doc.Format {
	case lint.FormatMarkdown, lint.FormatHTML, lint.FormatDocx, lint.FormatODT:
	default:
		return false
	}
	for s := range bibliography(e) {
		for _, it := range e.Doc.Italics {
			if s.Contains(it.Start) {
				return true
			}
		}
	}
	return false
}

// entryFaults lists what an entry does against the essay's style.
func entryFaults(e *lint.Essay, en *lint.Entry, italicsShown bool) []string {
	var out []string
	head := authorHead(en)
	people := personalAuthors(en.Authors)
	if people > 0 && directFirst(en, head) {
		if e.Style == lint.StyleAPA {
			out = append(out, `begin with the first author's family name and initials ("`+en.Authors[0].FullFamily()+`, `+initials(en.Authors[0].Given)+`")`)
		} else {
			out = append(out, `begin with the first author's family name ("`+en.Authors[0].FullFamily()+`, `+en.Authors[0].Given+`")`)
		}
	}
	if mayBeDoubled(en.Text) && doubled.MatchString(withoutLinks(en)) {
		out = append(out, "remove the doubled punctuation")
	}
	switch e.Style {
	case lint.StyleMLA:
		if people >= 2 && strings.Contains(head, "&") {
			out = append(out, `join the authors' names with "and", not "&"`)
		}
		if m := findMedium(en.Text); m != nil {
			out = append(out, `drop "`+m[1]+`.": MLA 9 gives no medium`)
		}
		if italicsShown && en.Container != "" {
			cont, ok := containerRange(en)
			titleItalic := italic(e.Doc, en.TitleRange)
			if ok && italic(e.Doc, cont) && titleItalic && !en.TitleQuoted {
				out = append(out, "put the title of a part (an article, a page) in quotation marks, not italics")
			}
			if ok && en.TitleQuoted && !italic(e.Doc, cont) {
				out = append(out, "set the container, "+en.Container+", in italics")
			}
		}
	case lint.StyleAPA:
		if people > 0 && !directFirst(en, head) {
			for _, a := range en.Authors {
				if hasFullGiven(a.Given) {
					out = append(out, "give authors' initials, not first names ("+a.FullFamily()+", "+initials(a.Given)+")")
					break
				}
			}
		}
		if people >= 2 && strings.Contains(head, " and ") && !strings.Contains(head, "&") {
			out = append(out, `join the last two authors with "&", not "and"`)
		}
		if en.TitleQuoted {
			out = append(out, "set no quotation marks around the title")
		}
		if hasWordFold(en.Text, "retrieved") && retrievedFrom.MatchString(en.Text) {
			out = append(out, `drop "Retrieved from" before the link (keep "Retrieved" only with a retrieval date)`)
		}
		if (hasWordFold(en.Text, "doi:") || hasWordFold(en.Text, "dx.doi.org/")) && oldDOI.MatchString(en.Text) {
			out = append(out, "give the DOI as a link, https://doi.org/"+orDOI(en.DOI))
		}
		if (strings.Contains(en.Text, "(n") || strings.Contains(en.Text, "(N")) && badNoDate.MatchString(en.Text) {
			out = append(out, `write a missing date as "(n.d.)"`)
		}
		if dateWithoutPeriod(en.Text) {
			out = append(out, "put a period after the date in parentheses")
		}
	}
	if italicsShown && bookShaped(en) && !en.TitleQuoted && !italic(e.Doc, en.TitleRange) {
		out = append(out, "set the title of a book in italics")
	}
	return out
}

func orDOI(doi string) string {
	if doi == "" {
		return "…"
	}
	return doi
}

// authorHead is the text of an entry before its title (or, in APA and
// Harvard, before the date in parentheses): where its authors stand.
func authorHead(en *lint.Entry) string {
	end := min(len(en.Text), max(0, en.TitleRange.Start-en.Start))
	head := en.Text[:end]
	if i := strings.IndexByte(head, '('); i >= 0 {
		head = head[:i]
	}
	return head
}

// directFirst reports whether the first author is written in direct order,
// "Gregory Freeze", where the style inverts it: the given name stands
// before the family name in the author part.
func directFirst(en *lint.Entry, head string) bool {
	a := &en.Authors[0]
	if a.Given == "" || a.Group {
		return false
	}
	// The given name opens the part before the comma (it stands at index
	// 0), and the family name comes after its start. Most entries open
	// with the family name and fail the first test.
	head = strings.TrimSpace(head)
	if !strings.HasPrefix(head, a.Given) {
		return false
	}
	first, _, _ := strings.Cut(head, ",")
	return strings.HasPrefix(first, a.Given) && strings.Index(first, a.Family) > 0
}

// dateWithoutPeriod reports whether text has APA's date in parentheses
// after the authors with no period after it ("Freeze, G. L. (2009)
// Russia"), as apaDateNoPeriod in shortcuts_test.go finds it: the first
// "(" holds a year (with a letter) or "n.d.", perhaps a ", " and more up
// to the ")", and after the ")" come white space and something else,
// where a period should have been.
func dateWithoutPeriod(text string) bool {
	i := strings.IndexByte(text, '(')
	if i < 0 {
		return false
	}
	i++
	switch {
	case i+4 <= len(text) && isDigits(text[i:i+4]):
		i += 4
		if i < len(text) && 'a' <= text[i] && text[i] <= 'z' {
			// "2019a", or the "a" may not belong to the date: the
			// expression tries both.
			if closesDate(text, i+1) {
				return true
			}
		}
	case strings.HasPrefix(text[i:], "n.d."):
		i += 4
	default:
		return false
	}
	return closesDate(text, i)
}

// closesDate reports whether text from i holds the rest of
// apaDateNoPeriod: `(?:, [^)]*)?\)\s+\S`.
func closesDate(text string, i int) bool {
	if strings.HasPrefix(text[i:], ", ") {
		k := strings.IndexByte(text[i:], ')')
		if k < 0 {
			return false
		}
		i += k
	}
	if i >= len(text) || text[i] != ')' {
		return false
	}
	i++
	j := i
	for j < len(text) && lint.IsRESpace(text[j]) {
		j++
	}
	return j > i && j < len(text)
}

func isDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

// isFullGiven reports whether fullGiven (kept in shortcuts_test.go)
// matches w: a capital and then one or more lower-case letters.
func isFullGiven(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 || !unicode.Is(unicode.Lu, r) || len(w) == n {
		return false
	}
	for _, r := range w[n:] {
		if !unicode.Is(unicode.Ll, r) {
			return false
		}
	}
	return true
}

// hasFullGiven reports whether a given name is written out ("Gregory"),
// not as initials ("G. L.").
func hasFullGiven(given string) bool {
	for _, w := range strings.Fields(given) {
		if isFullGiven(w) {
			return true
		}
	}
	return false
}

// initials turns "Gregory Lee" into "G. L.".
func initials(given string) string {
	var parts []string
	for _, w := range strings.Fields(given) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			parts = append(parts, string(unicode.ToUpper(r))+".")
		}
	}
	return strings.Join(parts, " ")
}

// containerRange finds the container's text after the title.
func containerRange(en *lint.Entry) (lint.Range, bool) {
	from := en.TitleRange.End - en.Start
	if from < 0 || from > len(en.Text) {
		return lint.Range{}, false
	}
	i := strings.Index(en.Text[from:], en.Container)
	if i < 0 {
		return lint.Range{}, false
	}
	start := en.Start + from + i
	return lint.Range{Start: start, End: start + len(en.Container)}, true
}

// italic reports whether all of r's letters stand in italics.
func italic(doc *lint.Document, r lint.Range) bool {
	if r.End <= r.Start {
		return false
	}
	covered := 0
	for _, it := range doc.Italics {
		lo, hi := max(it.Start, r.Start), min(it.End, r.End)
		if hi > lo {
			covered += hi - lo
		}
	}
	return covered >= r.Len()-2
}

// bookShaped reports whether an entry is a book: a publisher and no
// container, journal volume or link.
func bookShaped(en *lint.Entry) bool {
	return en.Publisher != "" && en.Container == "" && en.Volume == "" && en.URL == "" && en.DOI == "" && len(en.Authors) > 0
}

// withoutLinks is an entry's text with its URL and DOI removed, so that
// their dots are not read as punctuation.
func withoutLinks(en *lint.Entry) string {
	t := en.Text
	for _, s := range []string{en.URL, en.DOI} {
		if s != "" {
			t = strings.ReplaceAll(t, s, "link")
		}
	}
	return t
}

// mayBeDoubled reports whether s holds what doubled needs: a comma
// followed, after any spaces, by a comma or period, or a period followed,
// after any spaces, by a period. Most entries have none, and the
// expression costs a scan per position.
func mayBeDoubled(s string) bool {
	// Each mark is found by IndexByte, which passes over the text
	// between them far faster than a loop of tests.
	for _, mark := range [...]byte{',', '.'} {
		for i := strings.IndexByte(s, mark); i >= 0; {
			j := i + 1
			for j < len(s) && lint.IsRESpace(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == '.' || s[j] == ',' && mark == ',') {
				return true
			}
			k := strings.IndexByte(s[i+1:], mark)
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	return false
}

// hasWordFold reports whether s holds word, written in ASCII lower case,
// with its letters in either case: what a case-folding expression built on
// the word needs (for words without k or s, whose folds reach beyond
// ASCII). A mark of word (":", ".", "/") also matches one control byte,
// which only leaves the decision to the expression. Most entries lack the
// word, and the expression costs a scan per position.
func hasWordFold(s, word string) bool {
	if word == "" {
		return true
	}
	// An ASCII letter ORed with 0x20 is its lower case; no other byte
	// becomes a lower-case letter so. The bytes that fold to word's first
	// are it and it less 0x20 (none if it lacks that bit); IndexByte finds
	// each in turn.
	first := word[0]
	if first&0x20 == 0 {
		return false
	}
	starts := s[:max(0, len(s)-len(word)+1)]
	lo, up := strings.IndexByte(starts, first), strings.IndexByte(starts, first&^0x20)
	for lo >= 0 || up >= 0 {
		i := lo
		if lo < 0 || up >= 0 && up < lo {
			i = up
		}
		if foldsTo(s[i+1:i+len(word)], word[1:]) {
			return true
		}
		if i == lo {
			lo = indexByteFrom(starts, first, i+1)
		} else {
			up = indexByteFrom(starts, first&^0x20, i+1)
		}
	}
	return false
}

// foldsTo reports whether each byte of s ORed with 0x20 is that of lower.
func foldsTo(s, lower string) bool {
	for j := 0; j < len(lower); j++ {
		if s[j]|0x20 != lower[j] {
			return false
		}
	}
	return true
}

// indexByteFrom is the index of c in s at or after from, or -1.
func indexByteFrom(s string, c byte, from int) int {
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return -1
}

// findMedium is mediumMarker.FindStringSubmatch, run only on entries that
// name a medium.
func findMedium(s string) []string {
	if namesMedium(s) {
		return mediumMarker.FindStringSubmatch(s)
	}
	return nil
}

// namesMedium reports whether s holds "Print.", "Web.", "Online." or
// "Internet.", as every match of mediumMarker does: it finds each period
// with IndexByte and looks at the word before it, one pass where four
// searches for the words took four.
func namesMedium(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		before := s[:i]
		// The word's last letter first: most periods end other words.
		switch {
		case i == 0:
		case s[i-1] == 't' && (strings.HasSuffix(before, "Print") || strings.HasSuffix(before, "Internet")),
			s[i-1] == 'b' && strings.HasSuffix(before, "Web"),
			s[i-1] == 'e' && strings.HasSuffix(before, "Online"):
			return true
		}
		k := strings.IndexByte(s[i+1:], '.')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}
