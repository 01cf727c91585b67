package extract_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/extract"
	"github.com/citelint/citelint/lint/inline"
	"github.com/citelint/citelint/lint/read"
)

// TestBlockSentencesCache checks, over the project's fixture essays, that
// every block's sentences kept by extraction are exactly the ones
// inline.Sentences splits afresh: matching trusts the cache.
func TestBlockSentencesCache(t *testing.T) {
	cached := 0
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		format, ok := read.FormatOf(path)
		if !ok || (format != lint.FormatMarkdown && format != lint.FormatText && format != lint.FormatHTML) {
			return nil
		}
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		doc, err := read.ReadFormat(path, format, src)
		if err != nil {
			return nil // a fixture of an unreadable file
		}
		essay := extract.Essay(doc, lint.DefaultSettings())
		assert.LessOrEqual(t, len(essay.BlockSentences), len(doc.Blocks), path)
		for b, ss := range essay.BlockSentences {
			if ss == nil {
				continue
			}
			cached++
			assert.Equal(t, inline.Sentences(doc, doc.Blocks[b].Range), ss, "%s block %d", path, b)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Positive(t, cached, "no block's sentences were kept")
}
