package extract

import "github.com/citelint/citelint/lint"

// Sections divides doc into its title, body and bibliography. (stub)
func Sections(doc *lint.Document) []lint.Section {
	if len(doc.Blocks) == 0 {
		return nil
	}
	return []lint.Section{{Kind: lint.SectionBody, First: 0, Last: len(doc.Blocks), Range: lint.Range{Start: 0, End: len(doc.Text)}}}
}

// DetectStyle tells the essay's citation style. (stub)
func DetectStyle(e *lint.Essay) lint.Style { return lint.StyleMLA }
