package entry

import (
	"slices"

	"github.com/citelint/citelint/lint"
)

// style weighs the shapes the stages saw. Each weight says how strongly a
// shape belongs to one style: "(2009)." right after the authors is APA's
// own; "(2009)" with no period is Harvard's; "vol." and a day-first access
// date are MLA's; ". 2009." after the authors and "6 (12): 3–5" are
// Chicago's.
func (p *parser) style() lint.Style {
	f := p.f
	var apa, mla, chi, har float64
	if f.parenDate {
		if f.parenDateDot {
			apa += 3
		} else {
			har += 3
		}
	}
	if f.bareDateAfterAuthors {
		chi += 3
	}
	if f.ampersand {
		apa++
	}
	if f.retrieved {
		apa += 1.5
	}
	if f.availableAt {
		har += 2
	}
	if f.accessedParen {
		har += 2
	}
	if f.accessedDayFirst {
		mla += 1.5
	}
	if f.accessedMonthFirst {
		chi += 1.5
	}
	if f.medium {
		mla += 2
	}
	if f.apaVolume {
		if f.ppAbbrev {
			har++
		} else {
			apa++
		}
	}
	if f.volAbbrev {
		mla += 2
	}
	if f.noAbbrev && !f.colonPages {
		mla++
	}
	if f.ppAbbrev && !f.parenDate && !f.volAbbrev {
		mla += 0.5
	}
	if f.etAlComma && !f.parenDate {
		mla++
	}
	if f.etAlBare && f.parenDate {
		har++
	}
	if f.titleSingleQuoted {
		har++
	}
	if f.titleCommaClose && f.parenDate {
		har++
	}
	if f.nbYear {
		chi += 3
	}
	if f.colonPages && !f.nbYear {
		chi += 1.5
	}
	if f.placePublisher && !f.parenDate {
		// MLA 9 dropped the city; "New York: Press, 1955" is Chicago's.
		chi += 1.5
	}
	if f.yearAfterContainer && !f.parenDate && !f.bareDateAfterAuthors && !f.nbYear {
		mla++
	}
	if f.directLater && !f.parenDate && !f.bareDateAfterAuthors && !f.nbYear && !f.volAbbrev {
		// MLA names at most two authors before "et al."; Chicago lists
		// up to ten, each after the first in direct order.
		if p.f.names > 2 {
			chi += 0.5
		}
	}
	best, score := lint.StyleUnknown, 0.0
	for _, c := range []struct {
		s lint.Style
		v float64
	}{{lint.StyleMLA, mla}, {lint.StyleAPA, apa}, {lint.StyleChicago, chi}, {lint.StyleHarvard, har}} {
		if c.v > score {
			best, score = c.s, c.v
		}
	}
	return best
}

// styleOrder fixes the order DetectStyle visits the styles in, so that its
// answer never depends on map iteration.
var styleOrder = [...]lint.Style{lint.StyleMLA, lint.StyleAPA, lint.StyleChicago, lint.StyleHarvard}

// DetectStyle returns the style most of the entries are written in,
// ignoring entries whose style could not be told. A tie goes to the style of
// the earliest entry among the tied ones, so a list is judged by its own
// first clear example rather than by a fixed order; StyleUnknown when no
// entry shows a style.
func DetectStyle(entries []lint.Entry) lint.Style {
	var counts, first [len(styleOrder)]int
	for i := range entries {
		// By index: an entry is large to copy.
		k := slices.Index(styleOrder[:], entries[i].Style)
		if k < 0 {
			// StyleUnknown, or a style no entry is parsed into.
			continue
		}
		if counts[k] == 0 {
			first[k] = i
		}
		counts[k]++
	}
	best := -1
	for k, c := range counts {
		if c == 0 {
			continue
		}
		if best < 0 || c > counts[best] || c == counts[best] && first[k] < first[best] {
			best = k
		}
	}
	if best < 0 {
		return lint.StyleUnknown
	}
	return styleOrder[best]
}
