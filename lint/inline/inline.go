// Package inline finds what stands inside the essay's prose: quotations,
// in-text citations, signal phrases and sentence boundaries.
package inline

import "github.com/citelint/citelint/lint"

// Quotes finds the quotations in the given blocks of doc. Quotations of
// fewer than minWords words are still returned (rules decide what a term is).
// Every Quote has Citation set to -1. (stub: to be written)
func Quotes(doc *lint.Document, blocks []int) []lint.Quote { return nil }

// Citations finds the in-text citations in the given blocks of doc:
// parenthetical and narrative citations, signal phrases, hyperlinks,
// numeric citations and note references. Every Citation has Entry set to -1.
// (stub: to be written)
func Citations(doc *lint.Document, blocks []int) []lint.Citation { return nil }

// Sentences splits the text of range r of doc into sentences.
// (stub: to be written)
func Sentences(doc *lint.Document, r lint.Range) []lint.Range { return []lint.Range{r} }
