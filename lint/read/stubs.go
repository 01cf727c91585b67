package read

import "github.com/citelint/citelint/lint"

// Text reads a plain-text essay. (stub: to be written)
func Text(path string, src []byte) (*lint.Document, error) {
	doc := &lint.Document{Path: path, Format: lint.FormatText, Src: src}
	doc.SetIdentityText()
	doc.Blocks = []lint.Block{{Range: lint.Range{Start: 0, End: len(src)}}}
	return doc, nil
}

// Markdown reads a Markdown essay. (stub: to be written)
func Markdown(path string, src []byte) (*lint.Document, error) { return Text(path, src) }

// HTML reads an HTML essay. (stub: to be written)
func HTML(path string, src []byte) (*lint.Document, error) { return Text(path, src) }
