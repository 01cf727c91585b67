package sources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Test pages, written for these tests.
const (
	blogPage = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Grain Elevators and the Rail Towns | Prairie History Notebook</title>
<link rel="canonical" href="https://www.prairie.example.edu/2019/05/grain-elevators/">
<meta name="author" content="Marta Ostrowska-Bell">
<meta property="og:site_name" content="Prairie History Notebook">
</head><body>
<header class="site-header"><h1 class="site-title">Prairie History Notebook</h1>
<nav><a href="/">Home</a> <a href="/archive">Archive of Ledgers</a></nav></header>
<article class="post"><header class="entry-header"><h1 class="entry-title">Grain Elevators and the Rail Towns</h1></header>
<div class="entry-content">
<p>Every rail town on the plains had its elevator, a wooden tower that stored the harvest until the train came.</p>
<p>The elevator agent weighed each wagon and set the grade, and farmers suspected him of cheating them on both.</p>
<div class="sharedaddy">Share this: Twitter Facebook</div>
</div>
<footer class="entry-meta">Posted in Settlement</footer></article>
<div id="comments"><ol class="commentlist"><li>Great post about elevators! The grading chapter was my favourite.</li></ol></div>
<aside class="widget">Recent posts: Sod Houses</aside>
<footer>Powered by a blog engine</footer>
</body></html>`

	articlePage = `<html><head><title>Weighing the Harvest</title>
<meta property="og:url" content="http://journal.example.com/articles/42?utm_source=feed">
<meta name="citation_doi" content="10.5555/ABC.123">
<meta name="citation_author" content="de la Cruz, Inés">
</head><body><nav>Journal menu</nav>
<article><header><h1>Weighing the Harvest</h1><p>By Inés de la Cruz</p></header>
<p>Scales at country elevators were inspected once a year, if at all.</p>
<footer>Volume 3, issue 2</footer></article></body></html>`

	mainPage = `<html><head><title>Railway Timetables, 1910</title></head><body>
<header>Timetable Society</header><main><h2>Westbound</h2><p>The westbound mail left at dawn and reached the river by noon.</p></main>
<footer>Contact the society</footer></body></html>`

	bodyPage = `<html><head><title>Untitled scan</title></head><body>
<nav>Back to index</nav><header>Scanned pamphlets</header>
<p>Cooperative elevators were owned by the farmers who used them.</p>
<aside>Donate</aside><footer>Page 1 of 1</footer></body></html>`

	notesText = "Field notes.\nThe wheat came in dry this year; the cooperative paid a fair price.\n"

	essayMarkdown = "---\ntitle: \"Sod and Stone\"\nauthor: [\"Pell, Ada\"]\nurl: https://stone.example.net/sod\n---\n# Sod and Stone\n\nSettlers cut the [prairie sod](https://example.net/sod) into bricks.\n"

	sourcesYML = `# test library
- file: notes.txt
  title: "Field Notes on Wheat"
  author: "Okafor, Chidi"
  isbn: "0-306-40615-2"
- file: scan.pdf
  title: "A Scanned Pamphlet"
  url: https://pamphlets.example.org/scan
`
)

// writeLibrary writes files into a new folder and returns it.
func writeLibrary(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
	return dir
}

func testLibrary(t *testing.T) *Library {
	dir := writeLibrary(t, map[string]string{
		"blog.html":           blogPage,
		"pages/article.htm":   articlePage,
		"main.html":           mainPage,
		"body.html":           bodyPage,
		"notes.txt":           notesText,
		"essay.md":            essayMarkdown,
		"scan.pdf":            "%PDF-1.4 not really",
		"image.png":           "\x89PNG",
		".hidden/secret.html": "<title>Hidden</title>",
		"sources.yml":         sourcesYML,
	})
	lib, err := Open(dir)
	require.NoError(t, err)
	return lib
}

func TestOpen(t *testing.T) {
	lib := testLibrary(t)
	var files []string
	for _, s := range lib.Sources {
		files = append(files, s.File)
	}
	assert.Equal(t, []string{"blog.html", "body.html", "essay.md", "main.html", "notes.txt", "pages/article.htm", "scan.pdf"}, files)
	assert.Equal(t, []string{"image.png"}, lib.Skipped)
}

func TestFind(t *testing.T) {
	lib := testLibrary(t)
	tests := []struct {
		name string
		q    Query
		want string // file, or "" for none
	}{
		{"canonical URL", Query{URL: "https://www.prairie.example.edu/2019/05/grain-elevators/"}, "blog.html"},
		{"URL without scheme, www. or slash", Query{URL: "prairie.example.edu/2019/05/grain-elevators"}, "blog.html"},
		{"URL over http with a fragment", Query{URL: "http://prairie.example.edu/2019/05/grain-elevators/#comments"}, "blog.html"},
		{"URL with tracking parameters", Query{URL: "https://prairie.example.edu/2019/05/grain-elevators/?utm_source=lms&utm_medium=link"}, "blog.html"},
		{"og:url, whose own tracking parameter is ignored", Query{URL: "https://journal.example.com/articles/42"}, "pages/article.htm"},
		{"URL from sources.yml", Query{URL: "https://pamphlets.example.org/scan/"}, "scan.pdf"},
		{"URL from front matter", Query{URL: "https://stone.example.net/sod"}, "essay.md"},
		{"another page of the site", Query{URL: "https://prairie.example.edu/2019/06/sod-houses/"}, ""},
		{"DOI in another case", Query{DOI: "10.5555/abc.123"}, "pages/article.htm"},
		{"DOI as a link", Query{URL: "https://doi.org/10.5555/Abc.123"}, "pages/article.htm"},
		{"ISBN-13 of an ISBN-10", Query{ISBN: "978-0-306-40615-7"}, "notes.txt"},
		{"title from sources.yml, folded", Query{Title: "field notes on WHEAT"}, "notes.txt"},
		{"title with a subtitle", Query{Title: "Field Notes on Wheat: A Diary of 1921"}, "notes.txt"},
		{"title part of a page title", Query{Title: "Grain elevators and the rail towns"}, "blog.html"},
		{"title of a page with no entry", Query{Title: "Railway Timetables, 1910"}, "main.html"},
		{"author family name", Query{Authors: []string{"Okafor"}}, "notes.txt"},
		{"hyphenated family name from the page", Query{Authors: []string{"Ostrowska-Bell"}}, "blog.html"},
		{"particles and accents folded", Query{Authors: []string{"De La Cruz"}}, "pages/article.htm"},
		{"particles dropped", Query{Authors: []string{"Cruz"}}, "pages/article.htm"},
		{"author and title", Query{Authors: []string{"Pell"}, Title: "Sod and Stone"}, "essay.md"},
		{"author with another title", Query{Authors: []string{"Okafor"}, Title: "Letters from the Coast"}, ""},
		{"unknown author", Query{Authors: []string{"Nobody"}}, ""},
		{"empty query", Query{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lib.Find(tt.q)
			if tt.want == "" {
				assert.Nil(t, got)
				return
			}
			require.NotNil(t, got)
			assert.Equal(t, tt.want, got.File)
		})
	}
}

func TestFindAmbiguousAuthor(t *testing.T) {
	dir := writeLibrary(t, map[string]string{
		"one.html": `<title>First Essay</title><meta name="author" content="Ada Pell"><p>One.</p>`,
		"two.html": `<title>Second Essay</title><meta name="author" content="Ada Pell"><p>Two.</p>`,
	})
	lib, err := Open(dir)
	require.NoError(t, err)
	assert.Nil(t, lib.Find(Query{Authors: []string{"Pell"}}), "two works by one author: the author alone cannot tell")
	got := lib.Find(Query{Authors: []string{"Pell"}, Title: "Second Essay"})
	require.NotNil(t, got)
	assert.Equal(t, "two.html", got.File)
}

func TestContentHTML(t *testing.T) {
	lib := testLibrary(t)
	content := func(file string) *Content {
		for _, s := range lib.Sources {
			if s.File == file {
				c, err := s.Content()
				require.NoError(t, err)
				return c
			}
		}
		t.Fatalf("no source %s", file)
		return nil
	}

	blog := content("blog.html")
	assert.Equal(t, "Every rail town on the plains had its elevator, a wooden tower that stored the harvest until the train came.\n\n"+
		"The elevator agent weighed each wagon and set the grade, and farmers suspected him of cheating them on both.", blog.Text)
	assert.Contains(t, blog.Name, "Grain Elevators and the Rail Towns | Prairie History Notebook")
	assert.Contains(t, blog.Name, "Prairie History Notebook")
	assert.Contains(t, blog.Boilerplate, "Archive of Ledgers")
	assert.Contains(t, blog.Boilerplate, "Posted in Settlement")
	assert.NotContains(t, blog.Boilerplate+blog.Text, "favourite", "comments are neither content nor chrome")
	assert.NotContains(t, blog.Text, "Share this")

	article := content("pages/article.htm")
	assert.Equal(t, "Scales at country elevators were inspected once a year, if at all.", article.Text)
	assert.Contains(t, article.Boilerplate, "By Inés de la Cruz")
	assert.Contains(t, article.Boilerplate, "Journal menu")
	assert.Contains(t, article.Boilerplate, "Volume 3, issue 2")

	main := content("main.html")
	assert.Equal(t, "Westbound\n\nThe westbound mail left at dawn and reached the river by noon.", main.Text)
	assert.Equal(t, "Westbound", main.Headings)
	assert.Contains(t, main.Boilerplate, "Timetable Society")

	body := content("body.html")
	assert.Equal(t, "Cooperative elevators were owned by the farmers who used them.", body.Text)
	for _, chrome := range []string{"Back to index", "Scanned pamphlets", "Donate", "Page 1 of 1"} {
		assert.Contains(t, body.Boilerplate, chrome)
	}

	md := content("essay.md")
	assert.Equal(t, "# Sod and Stone\n\nSettlers cut the prairie sod into bricks.\n", md.Text)
	assert.Equal(t, "Sod and Stone", md.Name)
}

func TestContentErrors(t *testing.T) {
	dir := writeLibrary(t, map[string]string{
		"binary.html": "<html>\x00\x01\x02\x03",
		"scan.pdf":    "%PDF",
		"sources.yml": "- file: scan.pdf\n",
	})
	lib, err := Open(dir)
	require.NoError(t, err)
	for _, s := range lib.Sources {
		_, err := s.Content()
		require.Error(t, err, s.File)
		assert.Contains(t, err.Error(), s.File, "the error names the file")
		_, err = s.Index()
		assert.Error(t, err)
	}
}

func TestIndexAndTerms(t *testing.T) {
	lib := testLibrary(t)
	blog := lib.Find(Query{Title: "Grain Elevators and the Rail Towns"})
	require.NotNil(t, blog)
	ix, err := blog.Index()
	require.NoError(t, err)
	m := ix.Find("farmers suspected him of cheating them")
	assert.True(t, m.Found)
	terms, err := blog.Terms()
	require.NoError(t, err)
	assert.Contains(t, terms, "harvest")
	assert.NotContains(t, terms, "notebook", "the site's name is not a term of the page")
	assert.NotContains(t, terms, "ledger", "the navigation is not a term of the page")
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, yml, want string
	}{
		{"unknown key", "- file: a.txt\n  titel: Oops\n", `sources.yml:2: unknown key "titel"`},
		{"no file", "- title: Lonely\n", "sources.yml:1: source has no file"},
		{"missing file", "- file: a.txt\n- file: gone.txt\n", `sources.yml:2: file "gone.txt" not found`},
		{"duplicate file", "- file: a.txt\n- file: a.txt\n", `sources.yml:2: file "a.txt" is already listed at line 1`},
		{"not a list", "file: a.txt\n", "sources.yml:1: want a list of sources"},
		{"entry not a mapping", "- a.txt\n", "sources.yml:1: want a source"},
		{"title not a string", "- file: a.txt\n  title: [one, two]\n", "sources.yml:2: title: want a string"},
		{"outside the folder", "- file: ../elsewhere.txt\n", "sources.yml:1: file \"../elsewhere.txt\" is outside the sources folder"},
		{"syntax error", "- file: a.txt\n  title: \"unclosed\n", "sources.yml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeLibrary(t, map[string]string{"a.txt": "text", "sources.yml": tt.yml})
			_, err := Open(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), dir, "the error names the file")
		})
	}

	dir := writeLibrary(t, map[string]string{"a.txt": "text", "sources.yml": "# nothing yet\n"})
	_, err := Open(dir)
	assert.NoError(t, err, "an empty sources.yml lists nothing")

	dir = writeLibrary(t, map[string]string{"a.txt": "text", "sources.yml": "- file: a.txt\n  url: [https://a.example/, https://b.example/]\n  author: [One, Two]\n"})
	lib, err := Open(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{"https://a.example/", "https://b.example/"}, lib.Sources[0].URLs)
	assert.Equal(t, 1, lib.Sources[0].Line)

	_, err = Open(filepath.Join(dir, "no-such-folder"))
	assert.Error(t, err)
	_, err = Open(filepath.Join(dir, "a.txt"))
	assert.ErrorContains(t, err, "not a folder")
}

func TestFamilyOf(t *testing.T) {
	for in, want := range map[string]string{
		"von Geldern, James":    "von Geldern",
		"James von Geldern":     "von Geldern",
		"Inés de la Cruz":       "de la Cruz",
		"Martin Luther King Jr": "King",
		"Plato":                 "Plato",
		"":                      "",
	} {
		assert.Equal(t, want, familyOf(in), in)
	}
	assert.True(t, strings.HasPrefix(NormalizeISBN("0-306-40615-2"), "978"))
	assert.Equal(t, "9780306406157", NormalizeISBN("0-306-40615-2"))
}

// TestConcurrentUse: a batch lints essays on every core against one
// library; sources load once and are shared.
func TestConcurrentUse(t *testing.T) {
	lib := testLibrary(t)
	done := make(chan struct{})
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			src := lib.Find(Query{URL: "https://prairie.example.edu/2019/05/grain-elevators"})
			if src == nil {
				return
			}
			if ix, err := src.Index(); err == nil {
				ix.Find("farmers suspected him")
			}
			_, _ = src.Terms()
		}()
	}
	for range 8 {
		<-done
	}
	src := lib.Find(Query{URL: "https://prairie.example.edu/2019/05/grain-elevators"})
	a, _ := src.Index()
	b, _ := src.Index()
	assert.Same(t, a, b, "the index is built once")
}
