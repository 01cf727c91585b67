package rules

import (
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/online"
)

// DOIInvalid reports a DOI that cannot be one (offline) or that doi.org
// does not know (--online).
type DOIInvalid struct{}

// Meta describes the rule.
func (DOIInvalid) Meta() lint.Meta {
	return lint.Meta{
		ID:       "doi-invalid",
		Summary:  "a DOI is malformed, or doi.org does not know it",
		Severity: lint.SeverityError,
		Category: "online",
		Since:    "0.4.0",
		Doc: `A DOI is "10.", a registrant code of four to nine digits, a slash and the
work's own suffix: 10.1234/abcd.5678. Offline, a DOI in an entry that does
not have this shape is reported (a digit dropped from the registrant code, a
missing suffix, a space inside). With --online, each DOI is looked up at
doi.org (content negotiation for its record), with Crossref as the
fallback; a DOI that doi.org answers 404 for is registered to nothing, and
the reference may be invented. A DOI that doi.org resolves but Crossref does
not know belongs to another agency (DataCite for data sets, mEDRA) and is
not reported. When doi.org cannot be reached, nothing is said.`,
		Wrong: "Works Cited\n\nSmith, Jane. \"Rivers in Winter.\" Journal of Cold Places, vol. 3, 2019, doi:10.123/jcp.2019.7.",
		Right: "Works Cited\n\nSmith, Jane. \"Rivers in Winter.\" Journal of Cold Places, vol. 3, 2019, doi:10.1234/jcp.2019.7.",
	}
}

// Check reports malformed DOIs, and with --online unregistered ones.
func (DOIInvalid) Check(p *lint.Pass) error {
	e := p.Essay
	for i := range e.Entries {
		en := &e.Entries[i]
		reported := false
		// Every label DOIClaims reads holds "doi" in some ASCII case:
		// most entries have none, and are spared its scan.
		for _, c := range doiClaims(en.Text) {
			doi := online.NormalizeDOI(c.DOI)
			if online.ValidDOI(doi) {
				continue
			}
			r := lint.Range{Start: en.Start + c.Start, End: en.Start + c.End}
			p.Reportf(r, "%q is not a DOI: a DOI is \"10.\", a registrant code of 4 to 9 digits, a slash and a suffix (10.1234/abcd); copy it again from the work's own page", c.DOI)
			reported = true
		}
		if reported {
			continue
		}
		l := e.OnlineOf(i).DOI
		if l == nil || l.State != lint.LookupNotFound {
			continue
		}
		p.Reportf(doiRange(en, l.ID), "doi.org does not know the DOI %s: no work is registered under it, so the reference may be invented; copy the DOI from the work's own page, or cite the work without it", l.ID)
	}
	return nil
}

// doiRange is where an entry's DOI stands, or the whole entry when it
// cannot be found in the text.
func doiRange(en *lint.Entry, doi string) lint.Range {
	if k := strings.Index(strings.ToLower(en.Text), strings.ToLower(doi)); k >= 0 && doi != "" {
		return lint.Range{Start: en.Start + k, End: en.Start + k + len(doi)}
	}
	return en.Range
}

// doiClaims is online.DOIClaims, asked only of text that holds "doi" in
// some ASCII case, as every label it reads does.
func doiClaims(text string) []online.DOIClaim {
	if !hasWordFold(text, "doi") {
		return nil
	}
	return online.DOIClaims(text)
}
