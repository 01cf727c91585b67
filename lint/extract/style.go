package extract

import (
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// DetectStyle tells the essay's citation style from its bibliography
// heading, the shape of its in-text citations and the style of its entries.
// It returns StyleUnknown when nothing points anywhere.
func DetectStyle(e *lint.Essay) lint.Style {
	votes := map[lint.Style]int{}
	for _, s := range e.Sections {
		if s.Kind == lint.SectionNotes {
			votes[lint.StyleChicago] += 2
		}
		if s.Kind != lint.SectionBibliography || s.Heading == "" {
			continue
		}
		switch names.Fold(s.Heading) {
		case "works cited", "work cited", "works consulted":
			votes[lint.StyleMLA] += 3
		case "references", "reference list", "reference":
			votes[lint.StyleAPA] += 2
			votes[lint.StyleHarvard]++
		case "bibliography":
			votes[lint.StyleChicago] += 2
		}
	}
	notes := 0
	for _, c := range e.Citations {
		switch c.Kind {
		case lint.CitationParenthetical, lint.CitationNarrative:
			switch {
			case c.Year != "":
				// APA and Harvard cite alike; their entries tell them apart.
				votes[lint.StyleAPA] += 2
				votes[lint.StyleHarvard] += 2
			case c.Locator != "" || len(c.Authors) > 0 || c.Title != "":
				votes[lint.StyleMLA] += 2
			}
		case lint.CitationNote:
			notes++
		}
	}
	votes[lint.StyleChicago] += 2 * min(notes, 3)
	for _, en := range e.Entries {
		if en.Style != lint.StyleUnknown {
			votes[en.Style] += 3
		}
	}
	best, bestVotes := lint.StyleUnknown, 0
	for _, s := range []lint.Style{lint.StyleMLA, lint.StyleAPA, lint.StyleChicago, lint.StyleHarvard} {
		if votes[s] > bestVotes {
			best, bestVotes = s, votes[s]
		}
	}
	return best
}
