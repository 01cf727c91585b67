package rules

import (
	"regexp"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/fix"
)

// CitationFormat reports an in-text citation written against its style:
// a comma or "p." in an MLA citation, an APA or Harvard citation without a
// year, "et al." where the names should be given (or the other way round).
type CitationFormat struct{}

// Meta describes the rule.
func (CitationFormat) Meta() lint.Meta {
	return lint.Meta{
		ID:       "citation-format",
		Summary:  "an in-text citation breaks its style's pattern",
		Severity: lint.SeverityWarning,
		Category: "citations",
		Since:    "0.2.0",
		Doc: `In-text citations follow the essay's style. MLA puts the author and the page
side by side with nothing between them: (Freeze 412), not (Freeze, 412) or
(Freeze p. 412). APA and Harvard always give the year: (Freeze, 2009, p. 412).
"et al." (with a period after "al", none after "et") stands for the other
authors of a work with three or more; a work by two authors names both,
(Lindqvist and Mori 21), and in MLA and APA a work by three or more is cited
by the first author and et al.`,
		Wrong: `Reform came "from above and from a great distance" (Freeze, 412).

Works Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.`,
		Right: `Reform came "from above and from a great distance" (Freeze 412).

Works Cited

Freeze, Gregory L. Russia: A History. Oxford UP, 2009.`,
	}
}

// pageWord matches a page abbreviation before a number: "p. 412", "pg. 3",
// "pp. 4-5", "page 9".
var pageWord = regexp.MustCompile(`(?i)^(?:p|pp|pg|pgs|page|pages)\b\.?\s*\d`)

// mayBePageWord is the cheap test that spares most locators, bare page
// numbers, the expression: every match of pageWord opens with p or P.
func mayBePageWord(s string) bool {
	return s != "" && s[0]|0x20 == 'p'
}

// etAlMisspelt matches "et. al", "et.al." and "et al" without its period
// written as "et, al".
var etAlMisspelt = regexp.MustCompile(`(?i)\bet\s*[.,]\s*al\b`)

// mayMisspellEtAl reports whether s has what every match of etAlMisspelt
// has, a full stop or comma then "al" after white space: most citations
// do not, and are spared the expression.
func mayMisspellEtAl(s string) bool {
	return markThenAl(s, '.') || markThenAl(s, ',')
}

// markThenAl reports whether s has mark then "al" (any case) after white
// space, finding each mark with IndexByte: most citations have none, or
// one or two.
func markThenAl(s string, mark byte) bool {
	for {
		i := strings.IndexByte(s, mark)
		if i < 0 {
			return false
		}
		s = s[i+1:]
		j := 0
		for j < len(s) && lint.IsRESpace(s[j]) {
			j++
		}
		if j+1 < len(s) && s[j]|0x20 == 'a' && s[j+1]|0x20 == 'l' {
			return true
		}
	}
}

// Check reports each citation's faults in one finding.
func (CitationFormat) Check(p *lint.Pass) error {
	e := p.Essay
	for i := range e.Citations {
		c := &e.Citations[i]
		if c.Kind != lint.CitationParenthetical && c.Kind != lint.CitationNarrative || !e.InBody(c.Start) {
			continue
		}
		var faults []string
		var fixes []lint.Fix
		if e.Style == lint.StyleMLA && c.Kind == lint.CitationParenthetical {
			if at := mlaComma(c); at >= 0 {
				faults = append(faults, "MLA puts no comma between the author and the page")
				fixes = append(fixes, lint.Fix{Message: "remove the comma", Edits: []lint.Edit{{
					Span: p.Doc().SourceSpan(lint.Range{Start: at, End: at + 1}), New: "",
				}}})
			}
			if mayBePageWord(c.Locator) && pageWord.MatchString(c.Locator) {
				faults = append(faults, `MLA gives the page number alone, without "p." or "pg."`)
			}
			if len(faults) > 0 {
				// One fix for the whole citation: comma, page word and the
				// sentence's period, when its shape is certain.
				if whole := fix.MLAPunctuation(p.Doc().Src, p.Doc().SourceSpan(c.Range)); whole != nil {
					fixes = whole
				}
			}
		}
		if missingYear(e, c) {
			faults = append(faults, "an "+styleName(e.Style)+" citation gives the year of the work")
		}
		faults = appendEtAlFaults(faults, e, c)
		if len(faults) == 0 {
			continue
		}
		p.Report(lint.Diagnostic{
			Span:    p.Doc().SourceSpan(c.Range),
			Message: "the citation " + c.Text + " breaks " + styleName(e.Style) + " form: " + strings.Join(faults, "; "),
			Fixes:   fixes,
		})
	}
	return nil
}

func styleName(s lint.Style) string {
	switch s {
	case lint.StyleMLA:
		return "MLA"
	case lint.StyleAPA:
		return "APA"
	case lint.StyleHarvard:
		return "Harvard"
	case lint.StyleChicago:
		return "Chicago"
	}
	return "its style's"
}

// mlaComma returns the text offset of the comma between an MLA citation's
// author and its page, "(Freeze, 412)", or -1. A comma before a short title,
// "(Freeze, "Russia" 412)", is right and is not reported.
func mlaComma(c *lint.Citation) int {
	if len(c.Authors) == 0 || c.Title != "" || c.Locator == "" || c.PageOnly {
		return -1
	}
	if strings.IndexByte(c.Text, ',') < 0 {
		return -1 // no comma anywhere, so none before the locator
	}
	at := strings.LastIndex(c.Text, c.Locator)
	if at <= 0 {
		return -1
	}
	before := strings.TrimRight(c.Text[:at], " ")
	if !strings.HasSuffix(before, ",") {
		return -1
	}
	names := strings.TrimRight(before[:len(before)-1], " ")
	last := c.Authors[len(c.Authors)-1]
	if c.EtAl {
		last = "al."
	}
	if !strings.HasSuffix(names, last) && !(c.EtAl && strings.HasSuffix(names, "al")) {
		return -1
	}
	return c.Start + len(before) - 1
}

// missingYear reports an APA or Harvard citation of a listed work that
// gives no year. Citations the essay's prose introduces ("(412)" after a
// signal phrase) and bare abbreviations such as "(NASA)" are left alone.
func missingYear(e *lint.Essay, c *lint.Citation) bool {
	if e.Style != lint.StyleAPA && e.Style != lint.StyleHarvard {
		return false
	}
	if c.Kind != lint.CitationParenthetical || c.Year != "" || c.PageOnly || c.Indirect || c.Entry < 0 {
		return false
	}
	if len(c.Authors) == 0 && c.Title == "" {
		return false
	}
	en := &e.Entries[c.Entry]
	if en.Year == "" {
		return false // the entry has none to give ("n.d." is written as such)
	}
	if c.Locator == "" && len(c.Authors) == 1 && strings.ToUpper(c.Authors[0]) == c.Authors[0] {
		return false // "(NASA)" introduces an abbreviation
	}
	return true
}

// appendEtAlFaults checks the use of "et al." against the matched entry's
// authors, and appends what is wrong to out.
func appendEtAlFaults(out []string, e *lint.Essay, c *lint.Citation) []string {
	if mayMisspellEtAl(c.Text) && etAlMisspelt.MatchString(c.Text) {
		out = append(out, `write "et al." (no period after "et")`)
	}
	if c.Entry < 0 || c.Title != "" {
		return out
	}
	en := &e.Entries[c.Entry]
	people := personalAuthors(en.Authors)
	switch {
	case c.EtAl && people > 0 && people < 3 && !en.EtAl && authorsComplete(en, people):
		if people == 2 {
			out = append(out, `a work by two authors names both ("`+en.Authors[0].FullFamily()+` and `+en.Authors[1].FullFamily()+`"), not "et al."`)
		} else {
			out = append(out, `"et al." stands for other authors, and this work has one`)
		}
	case !c.EtAl && len(c.Authors) == 1 && people == 2 && !en.EtAl && authorsComplete(en, people) &&
		(e.Style == lint.StyleMLA || e.Style == lint.StyleAPA || e.Style == lint.StyleHarvard):
		out = append(out, "a work by two authors names both: "+en.Authors[0].FullFamily()+" and "+en.Authors[1].FullFamily())
	case len(c.Authors) >= 3 && !c.EtAl && (e.Style == lint.StyleMLA || e.Style == lint.StyleAPA):
		out = append(out, `a work by three or more authors is cited by the first author's name and "et al."`)
	}
	return out
}

// personalAuthors counts an entry's authors when all are people, and
// returns 0 for a group author.
func personalAuthors(authors []lint.Name) int {
	for i := range authors {
		if authors[i].Group {
			return 0
		}
	}
	return len(authors)
}

// authorsComplete reports whether the parser read the whole author part of
// an entry: the text before the title names no more people than it found
// (one "and" or "&" joins two names, and a lone author has none).
func authorsComplete(en *lint.Entry, people int) bool {
	if en.TitleRange.End <= en.TitleRange.Start {
		return false
	}
	head := en.Text[:max(0, min(len(en.Text), en.TitleRange.Start-en.Start))]
	if i := strings.IndexAny(head, "(0123456789"); i >= 0 {
		head = head[:i] // APA's "(2019)." and Chicago's ". 2019."
	}
	joins := strings.Count(head, " and ") + strings.Count(head, "&")
	if strings.Contains(head, "et al") {
		return false
	}
	return people == 1 && joins == 0 || people == 2 && joins == 1
}
