package inline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// seedDoc reads a seed essay, when the shared seed folder is there, as a
// plain-text Document with one block per non-empty line.
func seedDoc(t *testing.T, name string) *lint.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", name))
	if err != nil {
		b, err = os.ReadFile(filepath.Join("/work/shared/seed", name))
	}
	if err != nil {
		t.Skipf("seed essay %s not available: %v", name, err)
	}
	var paras []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paras = append(paras, line)
		}
	}
	return newDoc(paras...)
}

// essayBlocks are the blocks before the "Work Cited:" heading (the reader
// and the section finder cut the rest in the real pipeline).
func essayBlocks(doc *lint.Document) []int {
	var out []int
	for i, b := range doc.Blocks {
		text := doc.Slice(b.Range)
		if strings.HasPrefix(text, "Work Cited") || strings.HasPrefix(text, "## Works Cited") {
			break
		}
		out = append(out, i)
	}
	return out
}

func TestSeedPost(t *testing.T) {
	doc := seedDoc(t, "thaw-post.txt")
	blocks := essayBlocks(doc)
	quotes := Quotes(doc, blocks)
	var texts []string
	for _, q := range quotes {
		texts = append(texts, q.Text)
	}
	require.Len(t, quotes, 2, "%q", texts)
	// The title in quotation marks: four words counted as written.
	assert.Equal(t, "Il’ia Ehrenburg’s THE THAW,", quotes[0].Text)
	assert.Equal(t, 4, quotes[0].Words)
	assert.Equal(t, "honor the tenets of Stalinist culture,", quotes[1].Text)
	assert.Equal(t, 6, quotes[1].Words)
	for _, q := range quotes {
		assert.False(t, q.Unclosed || q.Unopened)
	}

	cites := Citations(doc, blocks)
	require.Len(t, cites, 1, "only the signal phrase: no citation from the title, none from \"(though still very strict)\"")
	c := cites[0]
	assert.Equal(t, lint.CitationSignal, c.Kind)
	assert.Equal(t, []string{"von Geldern"}, c.Authors)
	assert.Equal(t, "according to von Geldern", c.Text)
	assert.False(t, c.Speaker)
	assert.Equal(t, quotes[1].Block, c.Block)
}

func TestSeedRevised(t *testing.T) {
	doc := seedDoc(t, "thaw-post-revised.md")
	blocks := essayBlocks(doc)
	quotes := Quotes(doc, blocks)
	var long []lint.Quote
	for _, q := range quotes {
		assert.False(t, q.Unclosed || q.Unopened, "%q", q.Text)
		if q.Words >= 4 {
			long = append(long, q)
		}
	}
	require.Len(t, long, 2)
	cites := Citations(doc, blocks)
	require.Len(t, cites, 3)
	for _, c := range cites {
		assert.Equal(t, lint.CitationParenthetical, c.Kind)
		assert.Equal(t, []string{"von Geldern"}, c.Authors)
		assert.Equal(t, "(von Geldern)", c.Text)
	}
	// Each long quotation has a citation in its sentence.
	for _, q := range long {
		sent := sentenceHolding(doc, q.Start)
		found := false
		for _, c := range cites {
			found = found || sent.Contains(c.Start)
		}
		assert.True(t, found, "no citation in the sentence of %q", q.Text)
	}
}

func sentenceHolding(doc *lint.Document, off int) lint.Range {
	b := doc.BlockAt(off)
	for _, s := range Sentences(doc, doc.Blocks[b].Range) {
		if s.Contains(off) {
			return s
		}
	}
	return lint.Range{}
}
