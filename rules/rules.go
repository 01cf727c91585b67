// Package rules holds citelint's rules, one file per rule named after its
// ID. All lists them; there is no registration by init.
package rules

import "github.com/citelint/citelint/lint"

// All returns every rule, in the order `citelint rules` lists them.
func All() []lint.Rule {
	return []lint.Rule{
		WorksCitedMissing{},
		WorksCitedEmpty{},
		WorksCitedHeading{},
		EntryIncomplete{},
		EntryUncited{},
		EntryDuplicate{},
		EntryOrder{},
		EntryFormat{},
		CitationUnmatched{},
		CitationYearMismatch{},
		CitationFormat{},
		CitationPageMissing{},
		QuoteUncited{},
		QuoteUnbalanced{},
		QuoteTitle{},
		QuoteLong{},
		QuoteNotInSource{},
		QuoteAltered{},
		SourceOffTopic{},
		UncitedCopy{},
		SourceUnavailable{},
		LinkBroken{},
		DOIInvalid{},
		ReferenceMismatch{},
		UnusedSuppression{},
	}
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) lint.Rule {
	for _, r := range All() {
		if r.Meta().ID == id {
			return r
		}
	}
	return nil
}
