package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// seedDir holds the project's seed case, outside the module; tests that
// read it are skipped where it is absent.
const seedDir = "../../../shared/seed"

func readSeed(t *testing.T, name string) *lint.Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(seedDir, name))
	if err != nil {
		t.Skipf("seed file not available: %v", err)
	}
	doc, err := Read(name, src)
	require.NoError(t, err)
	checkDoc(t, doc)
	return doc
}

// workCitedBlock returns the index of the block that is exactly "Work
// Cited:".
func workCitedBlock(t *testing.T, doc *lint.Document) int {
	t.Helper()
	for i, b := range doc.Blocks {
		if doc.Slice(b.Range) == "Work Cited:" {
			return i
		}
	}
	t.Fatalf("no \"Work Cited:\" block in %q", describe(doc))
	return -1
}

func assertSeedEssay(t *testing.T, doc *lint.Document) {
	t.Helper()
	// Words that stand only in the comment thread and the widgets.
	for _, words := range []string{"thoughts on", "Leave a Reply", "Kelly says", "Well chosen", "Oops", "Print Friendly"} {
		assert.NotContains(t, doc.Text, words)
	}
	// The essay's paragraphs are there, whole.
	for _, words := range []string{
		"After the death of Stalin, the Soviet Union did not know what to do.",
		"according to von Geldern.",
		"but the Communist Party still had their hold on the Soviet Union.",
	} {
		assert.Contains(t, doc.Text, words)
	}
	assert.Contains(t, doc.Text, "“Il’ia Ehrenburg’s THE THAW,”")
}

func TestSeedText(t *testing.T) {
	doc := readSeed(t, "thaw-post.txt")
	assertSeedEssay(t, doc)
	wc := workCitedBlock(t, doc)
	assert.Equal(t, len(doc.Blocks)-1, wc, "the empty Work Cited section ends the essay")
	assert.Equal(t, "A Thaw that would not refreeze", doc.Slice(doc.Blocks[0].Range))
}

func TestSeedHTML(t *testing.T) {
	doc := readSeed(t, "thaw-post.html")
	assertSeedEssay(t, doc)
	wc := workCitedBlock(t, doc)
	assert.True(t, doc.Blocks[wc].Strong, "Work Cited: is bold")
	last := doc.Blocks[len(doc.Blocks)-1]
	require.Len(t, doc.Links, 1)
	link := doc.Links[0]
	assert.Equal(t, "https://digest.example.org/issues/1954/vol6-no12/toc", link.URL)
	assert.True(t, link.Start >= last.Start && link.End <= last.End, "the link is in the last block")
	assert.Equal(t, wc+1, len(doc.Blocks)-1, "the link's block follows Work Cited:")
	// The quotation's entities map back to the source's character references.
	r := textRange(t, doc, "“honor the tenets of Stalinist culture,”")
	assert.Equal(t, "&#8220;honor the tenets of Stalinist culture,&#8221;", sourceOf(doc, r))
	// The title lives outside .entry-content and is not pulled in.
	assert.False(t, strings.HasPrefix(doc.Text, "A Thaw that would not refreeze"))
}

func TestSeedMarkdown(t *testing.T) {
	doc := readSeed(t, "thaw-post-revised.md")
	assert.Equal(t, "h1:A Thaw that would not refreeze", describe(doc)[0])
	assert.Contains(t, describe(doc), "h2:Works Cited")
	assert.NotEmpty(t, doc.Italics)
	assert.NotEmpty(t, doc.Links)
}
