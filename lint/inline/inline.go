// Package inline finds what stands inside the essay's prose: quotations,
// in-text citations, signal phrases and sentence boundaries. It only finds
// things, each with its exact Range in the Document's Text; matching them
// to works-cited entries and judging them is for later stages.
package inline

import "github.com/citelint/citelint/lint"

// Quotes finds the quotations in the given blocks of doc, in text order:
// spans between quotation marks (“…”, "…", ‘…’, '…', «…», „…“, ‹…›) and
// whole block quotations. Short quoted spans (terms, scare quotes) are
// returned too; rules decide with a threshold. An opening mark never closed
// in its block gives one Unclosed quotation running to the block's end,
// and no quotation inside it is returned; a closing mark with no opening
// mark gives an Unopened one. Every Quote has Citation set to -1.
func Quotes(doc *lint.Document, blocks []int) []lint.Quote {
	return quotesIn(doc, blocks)
}

// Citations finds the in-text citations in the given blocks of doc, in
// text order: parenthetical and narrative citations, signal phrases,
// hyperlinks, numeric citations and note references. Every Citation has
// Entry set to -1.
func Citations(doc *lint.Document, blocks []int) []lint.Citation {
	return citationsIn(doc, blocks)
}

// Sentences splits range r of doc into sentences. A block boundary always
// ends a sentence; a full stop after an abbreviation, inside parentheses or
// inside an open quotation does not.
func Sentences(doc *lint.Document, r lint.Range) []lint.Range {
	return sentencesIn(doc, r)
}
