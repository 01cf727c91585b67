package sources

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint/locate"
)

// seedDir is the project's seed case, beside the checkout; tests that read
// it skip where it is absent.
var seedDir = filepath.Join("..", "..", "..", "shared", "seed")

func seedLibrary(t *testing.T) *Library {
	t.Helper()
	if _, err := os.Stat(seedDir); err != nil {
		t.Skip("no seed case at", seedDir)
	}
	lib, err := Open(filepath.Join(seedDir, "sources"))
	require.NoError(t, err)
	return lib
}

func readSeed(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seedDir, name))
	require.NoError(t, err)
	return string(b)
}

// TestSeedQuotations: both quotations of the revised essay stand in the
// von Geldern page, which its citations and works-cited entry find.
func TestSeedQuotations(t *testing.T) {
	lib := seedLibrary(t)
	revised, _, ok := strings.Cut(readSeed(t, "thaw-post-revised.md"), "## Works Cited")
	require.True(t, ok)
	var quotes []string
	for _, m := range regexp.MustCompile(`"([^"]+)"`).FindAllStringSubmatch(revised, -1) {
		quotes = append(quotes, m[1])
	}
	require.Equal(t, []string{"honor the tenets of Stalinist culture", "yet the word stuck"}, quotes)

	for _, q := range []Query{
		{Authors: []string{"von Geldern"}},
		{Title: "The Thaw", Authors: []string{"von Geldern"}, URL: "https://moments.example.org/1954-2/the-thaw/"},
		{URL: "http://www.moments.example.org/1954-2/the-thaw"},
	} {
		src := lib.Find(q)
		require.NotNil(t, src, "%+v", q)
		require.Equal(t, "vongeldern-1954-thaw.html", src.File)
		ix, err := src.Index()
		require.NoError(t, err)
		for _, quote := range quotes {
			m := ix.Find(quote)
			assert.True(t, m.Found, quote)
			assert.Equal(t, quote, m.Passage)
		}
	}
}

// TestSeedOffTopic: the Digest's table of contents shares no distinctive
// term with the essay ("Soviet" comes from the Digest's own name), while
// the von Geldern page shares the Thaw, Ehrenburg and Stalinist.
func TestSeedOffTopic(t *testing.T) {
	lib := seedLibrary(t)
	post := readSeed(t, "thaw-post.txt")
	body, _, ok := strings.Cut(post, "Work Cited:")
	require.True(t, ok)
	essay := locate.Terms(body)

	digest := lib.Find(Query{URL: "https://digest.example.org/issues/1954/vol6-no12/toc"})
	require.NotNil(t, digest)
	digestTerms, err := digest.Terms()
	require.NoError(t, err)
	shared := locate.Overlap(essay, digestTerms)
	assert.Empty(t, shared.Terms, "the Digest's contents say nothing of the essay's subject")
	assert.Zero(t, shared.Score)
	for _, para := range strings.Split(body, "\n\n") {
		assert.Empty(t, locate.Overlap(locate.Terms(para), digestTerms).Terms, para)
	}
	c, err := digest.Content()
	require.NoError(t, err)
	assert.Contains(t, c.Name, "Soviet", "Soviet is in the Digest's own name")
	assert.NotContains(t, digestTerms, "soviet")

	geldern := lib.Find(Query{Authors: []string{"von Geldern"}})
	require.NotNil(t, geldern)
	geldernTerms, err := geldern.Terms()
	require.NoError(t, err)
	shared = locate.Overlap(essay, geldernTerms)
	assert.Subset(t, shared.Terms, []string{"ehrenburg", "thaw", "stalinist"})
	assert.Greater(t, shared.Score, 0.2)
}
