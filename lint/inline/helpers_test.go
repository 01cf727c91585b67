package inline

import (
	"github.com/citelint/citelint/lint"
)

// para is one block of a test document.
type para struct {
	kind lint.BlockKind
	text string
}

// newDoc makes a Document with one paragraph block per string, separated
// by blank lines, the text mapping to itself byte for byte.
func newDoc(paras ...string) *lint.Document {
	ps := make([]para, len(paras))
	for i, p := range paras {
		ps[i] = para{kind: lint.BlockParagraph, text: p}
	}
	return newDocBlocks(ps...)
}

// newDocBlocks is newDoc with block kinds.
func newDocBlocks(paras ...para) *lint.Document {
	doc := &lint.Document{Path: "test.txt", Format: lint.FormatText}
	var tb lint.TextBuilder
	for i, p := range paras {
		if i > 0 {
			at := tb.Len()
			tb.Add("\n\n", lint.Span{Start: at, End: at + 2})
		}
		start := tb.Len()
		tb.Add(p.text, lint.Span{Start: start, End: start + len(p.text)})
		doc.Blocks = append(doc.Blocks, lint.Block{Kind: p.kind, Range: lint.Range{Start: start, End: tb.Len()}})
	}
	tb.Finish(doc)
	doc.Src = []byte(doc.Text)
	return doc
}

// allBlocks lists every block of doc.
func allBlocks(doc *lint.Document) []int {
	out := make([]int, len(doc.Blocks))
	for i := range out {
		out[i] = i
	}
	return out
}
