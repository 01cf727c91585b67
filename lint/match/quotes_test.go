package match

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/extract"
	"github.com/citelint/citelint/lint/inline"
	"github.com/citelint/citelint/lint/read"
)

// checkRightAfter holds citationRightAfter to quoteCitation, which splits
// the paragraph into sentences: wherever the shortcut answers, its answer
// is the same. It reports how many quotations it answered.
func checkRightAfter(t *testing.T, e *lint.Essay) int {
	t.Helper()
	Match(e)
	sentencesOf := func(b int) []lint.Range { return inline.Sentences(e.Doc, e.Doc.Blocks[b].Range) }
	answered := 0
	for i := range e.Quotes {
		q := &e.Quotes[i]
		if q.BlockQuote {
			continue
		}
		if c, ok := citationRightAfter(e, q); ok {
			answered++
			if want := quoteCitation(e, q, sentencesOf); c != want {
				t.Fatalf("%s: quotation %q: citationRightAfter gives citation %d, the sentence window %d", e.Doc.Path, q.Text, c, want)
			}
		}
	}
	return answered
}

func TestCitationRightAfter(t *testing.T) {
	answered := 0
	for _, glob := range []string{"../../testdata/essays/*", "../../testdata/rules/*/*", "../../examples/*"} {
		paths, err := filepath.Glob(glob)
		require.NoError(t, err)
		for _, path := range paths {
			if _, ok := read.FormatOf(path); !ok {
				continue
			}
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			doc, err := read.Read(path, src)
			if err != nil {
				continue // a fixture of an unreadable file
			}
			answered += checkRightAfter(t, extract.Essay(doc, lint.DefaultSettings()))
		}
	}
	require.Greater(t, answered, 50, "the shortcut answers for many of the fixtures' quotations")
}

func FuzzCitationRightAfter(f *testing.F) {
	for _, s := range []string{
		"Freeze argues that “the thaw was brief.” (Freeze 12). Later “it ended” (Freeze 14) and so on.",
		"“One.” “Two!” (Smith 3) Next sentence. “Three” [1] “four…”  (Lee 2)",
		"He said “it was Mr. Smith” (Smith 4). Then “quiet” (Jones, 2019, p. 3).\n\nWorks Cited\n\nSmith, A. Title. 2001.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := read.Read("essay.txt", []byte(s))
		if err != nil {
			return
		}
		checkRightAfter(t, extract.Essay(doc, lint.DefaultSettings()))
	})
}
