package read

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// fuzzReader checks that a reader never panics and that what it returns
// keeps the Document invariants, the offset map's honesty included.
func fuzzReader(f *testing.F, read func(string, []byte) (*lint.Document, error), seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := read("fuzz", src)
		if err != nil {
			return
		}
		if doc == nil {
			t.Fatal("nil document without an error")
		}
		if problem := docProblem(doc, true); problem != "" {
			t.Fatalf("%s\nsource: %q\nText: %q", problem, src, doc.Text)
		}
	})
}

// fuzzBytes fuzzes check, a test that holds one of the reader's parts to
// what it stands for, from seeds.
func fuzzBytes(f *testing.F, check func(*testing.T, []byte), seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(check)
}

// fixtureFiles returns the contents of the repository's fixtures and
// examples, and of the seed case, whose names end in one of exts.
func fixtureFiles(t *testing.T, exts ...string) [][]byte {
	t.Helper()
	var files [][]byte
	for _, dir := range []string{"../../testdata", "../../examples", seedDir} {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && slices.Contains(exts, filepath.Ext(path)) {
				b, err := os.ReadFile(path)
				require.NoError(t, err)
				files = append(files, b)
			}
			return nil
		})
	}
	return files
}

func FuzzText(f *testing.F) {
	fuzzReader(f, Text,
		"",
		"Title\n\nA paragraph\nwrapped.\r\n\r\n1. item\n- item\n\nWorks Cited\nAbel, Ruth. Book. 2001.\n\n6 thoughts on “X”\n",
		"\uFEFFcaf\xe9 \x93quoted\x94",
		"\xFF\xFEH\x00i\x00",
		"• one\n• two\n\nLeave a Reply")
}

func FuzzMarkdown(f *testing.F) {
	fuzzReader(f, Markdown,
		"",
		"---\na: b\n---\n# T\n\nText *em* **st** [l](u) <http://a.b> www.c.d [^1]\n\n[^1]: note\n",
		"> quote\n> - list\n\n```\ncode\n```\n\n1. a\n2. b\n\nA \\* &amp; &#x201C; `code`  \nbreak<br>",
		"Setext\n===\n\n![img](x) ~~s~~ https://e.org/p.",
		"[^a]\n\n[^a]: x\n    y\n\n- [^a] *x _y_ z*")
}

func FuzzHTML(f *testing.F) {
	fuzzReader(f, HTML,
		"",
		"<p>One<p>Two<ul><li>a<li>b</ul><div>loose<br><br>more</div>",
		"<div class=\"entry-content\"><p><strong>Work Cited:</strong></p><p><a href=\"http://x\">http://x</a></p></div><div id=\"comments\"><p>c</p></div>",
		"<p>&#8220;q&#8221; &amp &nbsp; &bogus; <em>i</em><sup>1</sup><a href=\"#fn1\">2</a></p><ol class=footnotes><li id=fn1>n</li></ol>",
		"<pre>  a\n b</pre><script>x<y</script><p style=\"display:none\">h</p><p class=\"x",
		"<blockquote>q</blockquote><figure><figcaption>c</figcaption></figure><table><tr><td>a<td>b</table>")
}
