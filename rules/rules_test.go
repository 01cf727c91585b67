package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/linttest"
	"github.com/citelint/citelint/lint/sources"
	"github.com/citelint/citelint/rules"
)

// newEngine runs every rule at its default severity.
func newEngine(settings lint.Settings) *engine.Engine {
	return engine.New(engine.Options{Rules: rules.All(), Settings: settings, Jobs: 1})
}

// TestFixtures runs the rule fixtures (testdata/rules/<rule-id>/) and the
// complete essays (testdata/essays/), which must be entirely quiet.
func TestFixtures(t *testing.T) {
	if len(rules.All()) == 0 {
		t.Skip("no rules registered yet")
	}
	t.Run("rules", func(t *testing.T) { linttest.Run(t, filepath.Join("..", "testdata", "rules"), newEngine) })
	t.Run("essays", func(t *testing.T) { linttest.Run(t, filepath.Join("..", "testdata", "essays"), newEngine) })
}

// TestFixtureWantsOwnRule keeps the rule fixtures honest: a fire- fixture
// under testdata/rules/<rule-id>/ wants only that rule's findings (one
// cause, one finding), so a fixture tests one thing.
func TestFixtureWantsOwnRule(t *testing.T) {
	wantsOwnRule(t, filepath.Join("..", "testdata", "rules"), nil)
}

// wantsOwnRule checks that each fixture under dir/<rule-id>/ wants only
// that rule's findings, or those companions names for the rule.
func wantsOwnRule(t *testing.T, dir string, companions map[string][]string) {
	t.Helper()
	files, err := linttest.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range files {
		ruleID, _, _ := strings.Cut(rel, "/")
		src, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		fx, err := linttest.Prepare(rel, src)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		for _, w := range fx.Wants {
			if w.Rule != ruleID && !slices.Contains(companions[ruleID], w.Rule) {
				t.Errorf("%s:%d: wants %s, but fixtures under %s/ want only %s", rel, w.Line, w.Rule, ruleID, ruleID)
			}
		}
	}
}

// seedWant is a finding the seed README asks for: a rule on the first line
// holding a piece of text, with a message pattern.
type seedWant struct {
	rule, onLine, message string
}

// TestSeed checks the seed case of ../shared/seed/README.md: exactly the
// findings listed there, on the lines named, and nothing else. Without a
// source library, source-off-topic is not expected.
func TestSeed(t *testing.T) {
	if len(rules.All()) == 0 {
		t.Skip("no rules registered yet")
	}
	seed := filepath.Join("..", "..", "shared", "seed")
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("no seed folder: %v", err)
	}
	cases := []seedCase{
		{"thaw-post.txt", []seedWant{
			{"works-cited-empty", "Work Cited:", "von Geldern"},
			{"quote-title", "THE THAW", ""},
		}},
		{"thaw-post.html", []seedWant{
			{"quote-title", "THE THAW", ""},
			{"entry-incomplete", ">https://digest.example.org/", ""},
			{"entry-uncited", ">https://digest.example.org/", ""},
			{"citation-unmatched", "according to von Geldern", "von Geldern"},
		}},
		{"thaw-post-revised.md", nil},
	}
	checkSeed(t, seed, cases, newEngine)
}

// TestSeedWithSources checks the seed case with the seed's source library
// (../shared/seed/sources): the table of contents the post links to says
// nothing of its subject, so the entry is also source-off-topic; the
// revised essay's quotations are in the von Geldern page, so it stays
// quiet.
func TestSeedWithSources(t *testing.T) {
	if len(rules.All()) == 0 {
		t.Skip("no rules registered yet")
	}
	seed := filepath.Join("..", "..", "shared", "seed")
	if _, err := os.Stat(filepath.Join(seed, "sources")); err != nil {
		t.Skipf("no seed source library: %v", err)
	}
	set, err := sources.OpenSet([]string{filepath.Join(seed, "sources")})
	if err != nil {
		t.Fatal(err)
	}
	cases := []seedCase{
		{"thaw-post.html", []seedWant{
			{"quote-title", "THE THAW", ""},
			{"entry-incomplete", ">https://digest.example.org/", ""},
			{"entry-uncited", ">https://digest.example.org/", ""},
			{"citation-unmatched", "according to von Geldern", "von Geldern"},
			{"source-off-topic", ">https://digest.example.org/", "digest-1954-v6n12-toc.html"},
		}},
		{"thaw-post-revised.md", nil},
	}
	checkSeed(t, seed, cases, sourcesEngine(set))
}

// seedCase is a seed file and the findings it must give, and no others.
type seedCase struct {
	file  string
	wants []seedWant
}

// checkSeed lints each case's file in the seed folder with engines from
// newEngine and compares the findings with its wants.
func checkSeed(t *testing.T, seed string, cases []seedCase, newEngine func(lint.Settings) *engine.Engine) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(seed, tc.file)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fx := &linttest.Fixture{Path: path, Src: src, Settings: lint.DefaultSettings()}
			index := lint.NewLineIndex(src)
			for _, w := range tc.wants {
				line := firstLineWith(index, w.onLine)
				if line == 0 {
					t.Fatalf("%s: no line holds %q", path, w.onLine)
				}
				want := linttest.Want{Line: line, Rule: w.rule}
				if w.message != "" {
					want.Message = regexp.MustCompile(regexp.QuoteMeta(w.message))
				}
				fx.Wants = append(fx.Wants, want)
			}
			for _, p := range linttest.Check(fx, newEngine(fx.Settings)) {
				t.Errorf("%s", p)
			}
		})
	}
}

func firstLineWith(index *lint.LineIndex, text string) int {
	for n := 1; n <= index.Lines(); n++ {
		if strings.Contains(index.Line(n), text) {
			return n
		}
	}
	return 0
}
