package fix_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/fix"
	"github.com/citelint/citelint/rules"
)

var update = flag.Bool("update", false, "rewrite the .after files of testdata/fix")

// mlaRule attaches fix.MLAPunctuation to every parenthetical citation,
// so that the helper is tested through the whole fix loop.
type mlaRule struct{}

func (mlaRule) Meta() lint.Meta {
	return lint.Meta{ID: "test-mla-punctuation", Severity: lint.SeverityWarning}
}

func (mlaRule) Check(p *lint.Pass) error {
	for _, c := range p.Essay.Citations {
		if c.Kind != lint.CitationParenthetical {
			continue
		}
		span := p.Doc().SourceSpan(c.Range)
		if fixes := fix.MLAPunctuation(p.Doc().Src, span); fixes != nil {
			p.Report(lint.Diagnostic{Span: span, Message: "punctuation", Fixes: fixes})
		}
	}
	return nil
}

func engineFor(name string) *engine.Engine {
	all := rules.All()
	if strings.HasPrefix(name, "mla-") {
		all = append(all, mlaRule{})
	}
	return engine.New(engine.Options{Rules: all, Settings: lint.DefaultSettings(), Jobs: 1})
}

// TestGolden fixes each testdata/fix/NAME.before.EXT and compares the
// result with NAME.after.EXT; fixing the result again changes nothing.
func TestGolden(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "fix")
	befores, err := filepath.Glob(filepath.Join(dir, "*.before.*"))
	require.NoError(t, err)
	require.NotEmpty(t, befores)
	for _, before := range befores {
		name := filepath.Base(before)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(before)
			require.NoError(t, err)
			path := strings.Replace(name, ".before", "", 1)
			eng := engineFor(name)
			res, err := fix.Source(eng, path, src)
			require.NoError(t, err)
			after := strings.Replace(before, ".before.", ".after.", 1)
			if *update {
				require.NoError(t, os.WriteFile(after, res.Fixed, 0o644))
			}
			want, err := os.ReadFile(after)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(res.Fixed))

			again, err := fix.Source(eng, path, res.Fixed)
			require.NoError(t, err)
			assert.False(t, again.Changed(), "a second fix run must change nothing")
		})
	}
}

func TestSourceRefusesOtherFormats(t *testing.T) {
	eng := engineFor("")
	for _, path := range []string{"essay.docx", "essay.odt", "essay.pdf", "essay.zip", "essay"} {
		_, err := fix.Source(eng, path, []byte("text"))
		assert.Error(t, err, path)
	}
}

func TestSelectAndApply(t *testing.T) {
	src := []byte("0123456789")
	edit := func(start, end int, s string) lint.Edit {
		return lint.Edit{Span: lint.Span{Start: start, End: end}, New: s}
	}
	diags := []lint.Diagnostic{
		{Fixes: []lint.Fix{{Edits: []lint.Edit{edit(6, 8, "x")}}}},
		{Fixes: []lint.Fix{{Edits: []lint.Edit{edit(1, 3, "ab")}}, {Edits: []lint.Edit{edit(0, 1, "never")}}}},
		{Fixes: []lint.Fix{{Edits: []lint.Edit{edit(2, 4, "overlaps")}}, {Edits: []lint.Edit{edit(4, 4, "+")}}}},
		{Fixes: []lint.Fix{{Edits: []lint.Edit{edit(9, 12, "out of bounds")}}}},
		{Fixes: []lint.Fix{{Edits: []lint.Edit{edit(6, 6, "same point as another")}}}},
	}
	edits := fix.Select(diags, len(src))
	assert.Equal(t, []lint.Edit{edit(1, 3, "ab"), edit(4, 4, "+"), edit(6, 8, "x")}, edits)
	assert.Equal(t, "0ab3+45x89", string(fix.Apply(src, edits)))
	assert.Equal(t, "0123456789", string(fix.Apply(src, nil)))
}

func TestMLAPunctuation(t *testing.T) {
	cases := []struct{ src, citation, want string }{
		{`words (Freeze, 412) go on`, "Freeze, 412", `words (Freeze 412) go on`},
		{`words (Freeze p. 412).`, "Freeze p. 412", `words (Freeze 412).`},
		{`words (Freeze, pp. 41-45).`, "(Freeze, pp. 41-45)", `words (Freeze 41-45).`},
		{`words (Smith et al., 9).`, "Smith et al., 9", `words (Smith et al. 9).`},
		{`the "Thaw." (Freeze 412)` + "\nNext", "Freeze 412", `the "Thaw" (Freeze 412).` + "\nNext"},
		{`the “Thaw.” (Freeze, 412) Then`, "Freeze, 412", `the “Thaw” (Freeze 412). Then`},
		{`the "Thaw." (Freeze 412)`, "Freeze 412", `the "Thaw" (Freeze 412).`},
		// Right already, or not certain: left alone.
		{`words (Freeze 412).`, "Freeze 412", ""},
		{`asked "why?" (Freeze 412) Then`, "Freeze 412", ""},
		{`the "Thaw." (Freeze 412) and more`, "Freeze 412", ""},
		{`the "Thaw..." (Freeze 412)`, "Freeze 412", ""},
		{`the "Thaw."(Freeze 412)`, "Freeze 412", ""},
		{`(Freeze, 2009, p. 412)`, "Freeze, 2009, p. 412", ""},
		{`(Freeze, "Russia" 412)`, `Freeze, "Russia" 412`, ""},
		{`(Freeze 412; Smith, 9)`, "Smith, 9", ""},
		{`no parentheses, 412`, "412", ""},
	}
	for _, tc := range cases {
		src := []byte(tc.src)
		at := strings.Index(tc.src, tc.citation)
		require.GreaterOrEqual(t, at, 0, tc.src)
		fixes := fix.MLAPunctuation(src, lint.Span{Start: at, End: at + len(tc.citation)})
		if tc.want == "" {
			assert.Nil(t, fixes, tc.src)
			continue
		}
		if assert.Len(t, fixes, 1, tc.src) {
			assert.Equal(t, tc.want, string(fix.Apply(src, fix.Select([]lint.Diagnostic{{Fixes: fixes}}, len(src)))), tc.src)
		}
	}
}

// FuzzRoundTrip fixes arbitrary essays: fixing never fails on a writable
// format, never panics, and a second run changes nothing.
func FuzzRoundTrip(f *testing.F) {
	dir := filepath.Join("..", "..", "testdata", "fix")
	befores, _ := filepath.Glob(filepath.Join(dir, "*.before.*"))
	for _, b := range befores {
		if src, err := os.ReadFile(b); err == nil {
			f.Add(src, uint8(len(b)%3))
		}
	}
	f.Add([]byte("## Work Cited\n\nB, A. T. 2000.\nA, B. T. 1999.\n"), uint8(0))
	exts := []string{".md", ".txt", ".html"}
	eng := engineFor("mla-fuzz")
	f.Fuzz(func(t *testing.T, src []byte, format uint8) {
		path := "essay" + exts[int(format)%len(exts)]
		first, err := fix.Source(eng, path, src)
		if err != nil {
			t.Fatalf("fix: %v", err)
		}
		if first.Rounds == fix.MaxRounds {
			return // still changing after every round: not promised stable
		}
		second, err := fix.Source(eng, path, first.Fixed)
		if err != nil {
			t.Fatalf("second fix: %v", err)
		}
		if second.Changed() {
			t.Fatalf("a second fix run changed %q into %q", first.Fixed, second.Fixed)
		}
	})
}

func TestUnified(t *testing.T) {
	a := []byte("one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n")
	b := []byte("one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven")
	assert.Equal(t, `--- a/essay.md
+++ b/essay.md
@@ -1,6 +1,6 @@
 one
 two
-three
+THREE
 four
 five
 six
@@ -8,3 +8,4 @@
 eight
 nine
 ten
+eleven
\ No newline at end of file
`, fix.Unified("a/essay.md", "b/essay.md", a, b))
	assert.Empty(t, fix.Unified("a", "b", a, a))
	assert.Equal(t, "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+new\n", fix.Unified("a", "b", nil, []byte("new\n")))
}

func TestWriteAtomic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "essay.md")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o640))
	require.NoError(t, fix.WriteAtomic(path, []byte("new")))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new", string(data))
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), info.Mode().Perm())
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left")
	assert.Error(t, fix.WriteAtomic(filepath.Join(t.TempDir(), "missing.md"), nil))
}
