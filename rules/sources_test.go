package rules_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/linttest"
	"github.com/citelint/citelint/lint/sources"
	"github.com/citelint/citelint/rules"
)

// sourcesDir holds the source library and the fixtures of the rules that
// check an essay against its sources.
var sourcesDir = filepath.Join("..", "testdata", "sources")

// bookFile is the long source written into the fixtures' library by
// fixtureLibrary: a generated book of about 1 MB, too big to keep in the
// repository.
const bookFile = "ferry-towns.md"

// bookPassages are the sentences planted in the generated book, three
// quarters of the way through, where the fixtures quote them.
var bookPassages = []string{
	"The ferryman Absalom Crane kept no calendar but the tides, and when the river froze in the winter of 1847 he walked the passengers across the ice himself, a lantern in each hand.",
	"Nobody in Lowmarsh remembered who had built the first landing stage, only that it had been rebuilt eleven times and that each town along the estuary claimed the honour.",
}

// bookWords are the ordinary words the generated book is made of. None of
// them is a word the fixtures quote from the book, so that the planted
// passages are the only place where those quotations can be found.
var bookWords = strings.Fields(`the the the the of of of and and and to to a a a in in in was was
he he she it it that that his her with with on on for for at at by from as as had had were were but
they they their them this there one all so then when would could which who into out over after
before about again still more most some other only very little great good old long small new
morning evening day night road field house door window table wall yard garden gate hill
stone bread salt rope cart horse boat wind rain snow sun cloud water bank shore mill barn
walked carried looked turned opened closed waited answered called found kept brought left
slowly quietly early late often never always already almost nearly again together alone
mother father brother sister neighbour stranger child woman man friend family village market
letter story reason question answer promise winter summer autumn spring week year hour`)

// writeBook writes a Markdown book of about size bytes: front matter that
// names it, chapters of sentences drawn from bookWords, and the planted
// passages, wrapped at 72 columns like a plain-text edition.
func writeBook(path string, size int) error {
	r := rand.New(rand.NewPCG(7, 11))
	var b strings.Builder
	b.Grow(size + 4096)
	b.WriteString("---\ntitle: \"The Ferry Towns: A Chronicle\"\nauthor: \"Ottoline Sandqvist\"\n---\n\n# The Ferry Towns: A Chronicle\n\n")
	planted := false
	for chapter := 1; b.Len() < size; chapter++ {
		fmt.Fprintf(&b, "## Chapter %d\n\n", chapter)
		for range 12 {
			var para []string
			if !planted && b.Len() > size*3/4 {
				para = append(para, bookPassages...)
				planted = true
			}
			for range 6 + r.IntN(6) {
				n := 8 + r.IntN(12)
				words := make([]string, n)
				for i := range words {
					f := r.Float64()
					words[i] = bookWords[int(f*f*float64(len(bookWords)))]
				}
				words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
				para = append(para, strings.Join(words, " ")+".")
			}
			b.WriteString(wrap(strings.Join(para, " "), 72))
			b.WriteString("\n\n")
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// wrap breaks text into lines of at most width bytes at spaces.
func wrap(text string, width int) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Fields(text) {
		if i > 0 {
			if col+1+len(w) > width {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

// fixtureLibrary copies testdata/sources/library into a temporary folder
// and writes the generated book beside its pages.
func fixtureLibrary(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	src := filepath.Join(sourcesDir, "library")
	files, err := os.ReadDir(src)
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range files {
		if f.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, f.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name()), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	if err := writeBook(filepath.Join(dir, bookFile), 1<<20); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// sourcesEngine returns a function making engines that run every rule at
// its default severity with the given source libraries.
func sourcesEngine(set sources.Set) func(lint.Settings) *engine.Engine {
	return func(settings lint.Settings) *engine.Engine {
		return engine.New(engine.Options{Rules: rules.All(), Settings: settings, Jobs: 1, Sources: set})
	}
}

// TestSourceFixtures runs the fixtures of the source rules
// (testdata/sources/rules/<rule-id>/) against the fixture library.
func TestSourceFixtures(t *testing.T) {
	set, err := sources.OpenSet([]string{fixtureLibrary(t)})
	if err != nil {
		t.Fatal(err)
	}
	linttest.Run(t, filepath.Join(sourcesDir, "rules"), sourcesEngine(set))
}

// companions are the findings a source fixture may want besides its own
// rule's, because one cause brings them both: an entry cited nowhere is
// entry-uncited whatever its source says.
var companions = map[string][]string{
	"source-off-topic": {"entry-uncited"},
}

// TestSourceFixtureWantsOwnRule: a fixture under
// testdata/sources/rules/<rule-id>/ wants only that rule's findings, and
// its companions'.
func TestSourceFixtureWantsOwnRule(t *testing.T) {
	wantsOwnRule(t, filepath.Join(sourcesDir, "rules"), companions)
}

// TestFixtureBook checks what the fixtures rely on: the generated book is
// book-length, the library names it by its front matter, and the planted
// passages stand in it once each.
func TestFixtureBook(t *testing.T) {
	lib, err := sources.Open(fixtureLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	src := lib.Find(sources.Query{Title: "The Ferry Towns", Authors: []string{"Sandqvist"}})
	if src == nil || src.File != bookFile {
		t.Fatalf("the library does not find the book by its title and author: %v", src)
	}
	ix, err := src.Index()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ix.Text()); n < 1<<20 {
		t.Errorf("the book has %d bytes, want at least 1 MB", n)
	}
	for _, p := range bookPassages {
		if m := ix.Find(p); !m.Found {
			t.Errorf("planted passage not found: %q", p)
		}
	}
}

// checkedDirs are the fixture folders whose quiet fixtures must be quiet
// because their quotations were found, not because nothing was checked.
var checkedDirs = []string{"quote-not-in-source", "quote-altered", "uncited-copy", "source-off-topic"}

// TestSourceFixturesChecked keeps the quiet fixtures honest: in them every
// entry's source is in the library, and every quotation long enough to
// need a source is found there. A fixture whose citations stopped
// resolving would otherwise stay quiet and prove nothing.
func TestSourceFixturesChecked(t *testing.T) {
	set, err := sources.OpenSet([]string{fixtureLibrary(t)})
	if err != nil {
		t.Fatal(err)
	}
	newEngine := sourcesEngine(set)
	for _, dir := range checkedDirs {
		files, err := linttest.Files(filepath.Join(sourcesDir, "rules", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, rel := range files {
			if !strings.HasPrefix(filepath.Base(rel), "quiet-") {
				continue
			}
			t.Run(dir+"/"+rel, func(t *testing.T) {
				path := filepath.Join(sourcesDir, "rules", dir, rel)
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				fx, err := linttest.Prepare(path, src)
				if err != nil {
					t.Fatal(err)
				}
				res := newEngine(fx.Settings).LintSource(path, fx.Src)
				if res.Err != nil {
					t.Fatal(res.Err)
				}
				e := res.Essay
				for i, en := range e.Entries {
					if es := e.SourceOf(i); es.Source == nil || es.Err != nil {
						t.Errorf("entry %q: no readable source in the library (%v)", en.Text, es.Err)
					}
				}
				for _, q := range e.Quotes {
					if q.Depth > 0 || q.BlockQuote || q.Words < fx.Settings.QuoteMinWords || !e.InBody(q.Start) {
						continue
					}
					if q.Citation < 0 {
						t.Errorf("quotation %q: no citation", q.Text)
						continue
					}
					es := e.SourceOf(e.Citations[q.Citation].Entry)
					if es.Source == nil {
						t.Errorf("quotation %q: its citation has no source", q.Text)
						continue
					}
					ix, err := es.Source.Index()
					if err != nil {
						t.Fatal(err)
					}
					if m := ix.Find(q.Text); !m.Found {
						t.Errorf("quotation %q: not found in %s (closest, %.2f: %q)", q.Text, es.Source, m.Score, m.Passage)
					}
				}
			})
		}
	}
}

// benchEssay is an essay that quotes the generated book and a web page,
// paraphrases both, and lists both, for the pipeline benchmarks.
const benchEssay = `# Ferries and Lights

In Sandqvist's chronicle the ferryman Absalom Crane "kept no calendar but the tides" (Sandqvist 212). In the winter of 1847 "he walked the passengers across the ice himself, a lantern in each hand" (Sandqvist 212), while the towns argued over who had built the first landing stage (Sandqvist 213).

On the coast, the lamp at Gannet Point stayed in one family for four decades. Eliza Marrow believed that "the sea does not care who tends the lamp, only that it is tended" (Quenneville), and the logbooks she kept survive in the county archive (Quenneville).

## Works Cited

Quenneville, Marisol. "Keepers of the Harbor Lights." *Coastline Histories*, 12 Mar. 2021, https://coastline.example.org/keepers-harbor-lights/.

Sandqvist, Ottoline. *The Ferry Towns: A Chronicle*. Harrow and Finch, 2016.
`

// BenchmarkLintWithSources lints an essay against the fixture library,
// the 1 MB book included. "warm": the library is open and its sources
// indexed, as for every essay of a batch after the first. "cold": each
// run opens the library and reads and indexes what the essay cites, as a
// run on one essay does.
func BenchmarkLintWithSources(b *testing.B) {
	dir := fixtureLibrary(b)
	lintOnce := func(b *testing.B, set sources.Set) {
		res := sourcesEngine(set)(lint.DefaultSettings()).LintSource("essay.md", []byte(benchEssay))
		if res.Err != nil || len(res.Diagnostics) > 0 {
			b.Fatalf("err %v, findings %v", res.Err, res.Diagnostics)
		}
	}
	b.Run("warm", func(b *testing.B) {
		set, err := sources.OpenSet([]string{dir})
		if err != nil {
			b.Fatal(err)
		}
		lintOnce(b, set)
		for b.Loop() {
			lintOnce(b, set)
		}
	})
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			set, err := sources.OpenSet([]string{dir})
			if err != nil {
				b.Fatal(err)
			}
			lintOnce(b, set)
		}
	})
	b.Run("no-sources", func(b *testing.B) {
		eng := engine.New(engine.Options{Rules: rules.All(), Settings: lint.DefaultSettings(), Jobs: 1})
		for b.Loop() {
			if res := eng.LintSource("essay.md", []byte(benchEssay)); res.Err != nil {
				b.Fatal(res.Err)
			}
		}
	})
}
