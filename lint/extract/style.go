package extract

import (
	"slices"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// votedStyles are the styles DetectStyle counts votes for, in the order it
// breaks ties in.
var votedStyles = [...]lint.Style{lint.StyleMLA, lint.StyleAPA, lint.StyleChicago, lint.StyleHarvard}

// Indexes into votedStyles.
const (
	voteMLA = iota
	voteAPA
	voteChicago
	voteHarvard
)

// DetectStyle tells the essay's citation style from its bibliography
// heading, the shape of its in-text citations and the style of its entries.
// It returns StyleUnknown when nothing points anywhere.
func DetectStyle(e *lint.Essay) lint.Style {
	// The votes are counted on the stack, one counter per style.
	var votes [len(votedStyles)]int
	for _, s := range e.Sections {
		if s.Kind == lint.SectionNotes {
			votes[voteChicago] += 2
		}
		if s.Kind != lint.SectionBibliography || s.Heading == "" {
			continue
		}
		// Folded on the stack: a heading is short, and the switch
		// compares the bytes without making a string of them.
		var buf [64]byte
		switch string(names.AppendFold(buf[:0], s.Heading)) {
		case "works cited", "work cited", "works consulted":
			votes[voteMLA] += 3
		case "references", "reference list", "reference":
			votes[voteAPA] += 2
			votes[voteHarvard]++
		case "bibliography":
			votes[voteChicago] += 2
		}
	}
	notes := 0
	// By index: a citation, and an entry below, are large to copy.
	for i := range e.Citations {
		c := &e.Citations[i]
		switch c.Kind {
		case lint.CitationParenthetical, lint.CitationNarrative:
			switch {
			case c.Year != "":
				// APA and Harvard cite alike; their entries tell them apart.
				votes[voteAPA] += 2
				votes[voteHarvard] += 2
			case c.Locator != "" || len(c.Authors) > 0 || c.Title != "":
				votes[voteMLA] += 2
			}
		case lint.CitationNote:
			notes++
		}
	}
	votes[voteChicago] += 2 * min(notes, 3)
	for i := range e.Entries {
		// An entry of a style not counted here votes for nothing.
		if k := slices.Index(votedStyles[:], e.Entries[i].Style); k >= 0 {
			votes[k] += 3
		}
	}
	best, bestVotes := lint.StyleUnknown, 0
	for k, s := range votedStyles {
		if votes[k] > bestVotes {
			best, bestVotes = s, votes[k]
		}
	}
	return best
}
