package config

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern string
		match   []string
		noMatch []string
	}{
		{"drafts/**",
			[]string{"drafts/a.md", "drafts/week1/a.md", "drafts/x/y/z.txt"},
			[]string{"final/a.md", "a/drafts/b.md", "drafts.md"}},
		{"drafts/", []string{"drafts/a.md", "drafts/w/a.md"}, []string{"final/a.md"}},
		{"./drafts/*.md", []string{"drafts/a.md"}, []string{"drafts/w/a.md", "drafts/a.txt"}},
		{"*.md",
			[]string{"a.md", "week1/a.md", "x/y/z.md"},
			[]string{"a.txt", "a.md/b.txt", "a.mdx"}},
		{"week?/essay.txt",
			[]string{"week1/essay.txt", "weekA/essay.txt"},
			[]string{"week10/essay.txt", "week/essay.txt", "x/week1/essay.txt", "week1/essay.md"}},
		{"**/notes.md", []string{"notes.md", "a/notes.md", "a/b/notes.md"}, []string{"a/notes.txt"}},
		{"a/**/b/*.txt", []string{"a/b/x.txt", "a/1/2/b/x.txt"}, []string{"a/x.txt", "a/b/c/x.txt"}},
		{"a/**/**/b", []string{"a/b", "a/x/y/b"}, []string{"b"}},
		{"week[0-9]/*", []string{"week3/x.docx"}, []string{"weekA/x.docx"}},
		{"/top.md", []string{"top.md", "sub/top.md"}, []string{"top.txt"}},
		{"**", []string{"a.md", "a/b/c.md"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			g, err := compileGlob(tt.pattern)
			require.NoError(t, err)
			for _, p := range tt.match {
				assert.True(t, g.match(p), "%s should match %s", tt.pattern, p)
			}
			for _, p := range tt.noMatch {
				assert.False(t, g.match(p), "%s should not match %s", tt.pattern, p)
			}
		})
	}
}

func TestGlobErrors(t *testing.T) {
	for _, p := range []string{"", "./", "[", "a/[z-a", "../x", "a/../../b"} {
		_, err := compileGlob(p)
		assert.Error(t, err, "%q", p)
	}
}

func TestOverrides(t *testing.T) {
	dir := t.TempDir()
	const yml = `version: 1
rules:
  entry-uncited: warning
  quote-long: info
  uncited-copy: {severity: warning, min-words: 10, ignore: [Soviet Union]}
overrides:
  - files: ["drafts/**"]
    rules:
      entry-uncited: off
      uncited-copy: {min-words: 20}
  - files: ["*.md"]
    rules: {quote-long: error}
  - files: ["week?/essay.txt", "drafts/final.md"]
    rules:
      entry-uncited: error
      uncited-copy: {severity: error}
`
	cfg, err := Parse(filepath.Join(dir, ".citelint.yml"), []byte(yml), testKnown())
	require.NoError(t, err)

	type want struct {
		entryUncited, quoteLong, uncitedCopy lint.Severity
		minWords                             int
	}
	tests := []struct {
		file string
		want want
	}{
		{"essay.txt", want{lint.SeverityWarning, lint.SeverityInfo, lint.SeverityWarning, 10}},
		{"drafts/essay.txt", want{lint.SeverityOff, lint.SeverityInfo, lint.SeverityWarning, 20}},
		{"drafts/old/essay.md", want{lint.SeverityOff, lint.SeverityError, lint.SeverityWarning, 20}},
		// Later overrides win, and each sets only what it names: min-words
		// stays at the drafts override's 20 while the severity changes.
		{"drafts/final.md", want{lint.SeverityError, lint.SeverityError, lint.SeverityError, 20}},
		{"week3/essay.txt", want{lint.SeverityError, lint.SeverityInfo, lint.SeverityError, 10}},
		{"week12/essay.txt", want{lint.SeverityWarning, lint.SeverityInfo, lint.SeverityWarning, 10}},
		{"class/week3/essay.txt", want{lint.SeverityWarning, lint.SeverityInfo, lint.SeverityWarning, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			eff := cfg.For(filepath.Join(dir, filepath.FromSlash(tt.file)))
			opts, ok := OptionsOf[uncitedCopyOptions](eff, "uncited-copy")
			require.True(t, ok)
			got := want{eff.Severity["entry-uncited"], eff.Severity["quote-long"], eff.Severity["uncited-copy"], opts.MinWords}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, []string{"Soviet Union"}, opts.Ignore, "options an override does not name stay as the base set them")
		})
	}

	t.Run("a file outside the folder gets the base rules", func(t *testing.T) {
		eff := cfg.For(filepath.Join(filepath.Dir(dir), "drafts", "a.md"))
		assert.Equal(t, lint.SeverityWarning, eff.Severity["entry-uncited"])
		assert.Equal(t, lint.SeverityInfo, eff.Severity["quote-long"])
	})

	t.Run("a relative path is taken from the working directory", func(t *testing.T) {
		t.Chdir(dir)
		assert.Equal(t, lint.SeverityOff, cfg.For("drafts/a.txt").Severity["entry-uncited"])
	})

	t.Run("For leaves the configuration as it was", func(t *testing.T) {
		cfg.For(filepath.Join(dir, "drafts", "final.md"))
		opts, _ := OptionsOf[uncitedCopyOptions](cfg.For(filepath.Join(dir, "a.txt")), "uncited-copy")
		assert.Equal(t, 10, opts.MinWords)
	})
}
