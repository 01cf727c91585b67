// Package extract builds the Essay model from a Document: its sections, its
// quotations and citations, its works-cited entries and its style.
package extract

import (
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/entry"
	"github.com/citelint/citelint/lint/inline"
)

// Essay extracts everything the rules read from doc.
func Essay(doc *lint.Document, settings lint.Settings) *lint.Essay {
	essay := &lint.Essay{Doc: doc}
	essay.Sections = Sections(doc)
	var body []int
	for _, s := range essay.Sections {
		switch s.Kind {
		case lint.SectionBody, lint.SectionTitle:
			for b := s.First; b < s.Last; b++ {
				body = append(body, b)
			}
		case lint.SectionBibliography:
			essay.Entries = append(essay.Entries, Entries(doc, s)...)
		}
	}
	essay.Quotes = inline.Quotes(doc, body)
	essay.Citations = inline.Citations(doc, body)
	essay.Style = settings.Style
	if essay.Style == lint.StyleUnknown {
		essay.Style = DetectStyle(essay)
	}
	return essay
}

// Entries splits a bibliography section into entries and parses each.
func Entries(doc *lint.Document, s lint.Section) []lint.Entry {
	var out []lint.Entry
	for b := s.First; b < s.Last; b++ {
		blk := doc.Blocks[b]
		if blk.Kind == lint.BlockHeading || (s.HeadingAt != lint.Range{} && blk.Range == s.HeadingAt) {
			continue
		}
		text := doc.Slice(blk.Range)
		e := entry.Parse(text)
		e.Range = blk.Range
		e.Block = b
		out = append(out, e)
	}
	return out
}
