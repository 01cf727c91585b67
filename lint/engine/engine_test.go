package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// everyBlock reports one finding per block; it stands in for real rules.
type everyBlock struct{}

func (everyBlock) Meta() lint.Meta {
	return lint.Meta{ID: "every-block", Severity: lint.SeverityWarning}
}

func (everyBlock) Check(p *lint.Pass) error {
	for _, b := range p.Doc().Blocks {
		p.Reportf(b.Range, "block")
	}
	return nil
}

type broken struct{ panics bool }

func (broken) Meta() lint.Meta { return lint.Meta{ID: "broken", Severity: lint.SeverityError} }

func (b broken) Check(*lint.Pass) error {
	if b.panics {
		panic("rule bug")
	}
	return errors.New("rule failed")
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestRunKeepsOrderAndReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "One.\n\nTwo.")
	write(t, dir, "b/c.md", "# Title\n\nText.")
	write(t, dir, "b/skip.docx.bak", "not an essay")
	write(t, dir, ".hidden/d.txt", "hidden")
	write(t, dir, "node_modules/e.txt", "dependency")
	missing := filepath.Join(dir, "missing.txt")
	unsupported := write(t, dir, "essay.xyz", "?")

	eng := New(Options{Rules: []lint.Rule{everyBlock{}}, Jobs: 3})
	var got []Result
	err := eng.Run(context.Background(), []string{dir, missing, unsupported}, func(r Result) { got = append(got, r) })
	require.NoError(t, err)

	var paths []string
	for _, r := range got {
		paths = append(paths, filepath.ToSlash(strings.TrimPrefix(r.Path, dir+string(filepath.Separator))))
	}
	assert.Equal(t, []string{"a.txt", "b/c.md", "missing.txt", "essay.xyz"}, paths, "folder members in walk order, unsupported folder members passed over, explicit paths reported")
	assert.NoError(t, got[0].Err)
	assert.NotEmpty(t, got[0].Diagnostics)
	require.Error(t, got[2].Err)
	assert.Contains(t, got[2].Err.Error(), "missing.txt")
	require.Error(t, got[3].Err)
	assert.Contains(t, got[3].Err.Error(), "unsupported")
}

func TestRuleFailureNamesFileAndRule(t *testing.T) {
	for _, panics := range []bool{false, true} {
		eng := New(Options{Rules: []lint.Rule{broken{panics: panics}}})
		res := eng.LintSource("essay.txt", []byte("Some text."))
		require.Error(t, res.Err)
		assert.Contains(t, res.Err.Error(), "essay.txt")
		assert.Contains(t, res.Err.Error(), "broken")
	}
}

func TestSeverityOverride(t *testing.T) {
	off := New(Options{Rules: []lint.Rule{everyBlock{}}, Severity: map[string]lint.Severity{"every-block": lint.SeverityOff}})
	assert.Empty(t, off.LintSource("a.txt", []byte("Text.")).Diagnostics)
	up := New(Options{Rules: []lint.Rule{everyBlock{}}, Severity: map[string]lint.Severity{"every-block": lint.SeverityError}})
	d := up.LintSource("a.txt", []byte("Text.")).Diagnostics
	require.NotEmpty(t, d)
	assert.Equal(t, lint.SeverityError, d[0].Severity)
}

func TestSortDropsRepeats(t *testing.T) {
	d := []lint.Diagnostic{
		{Rule: "b", Span: lint.Span{Start: 5, End: 6}, Message: "m"},
		{Rule: "a", Span: lint.Span{Start: 1, End: 2}, Message: "m"},
		{Rule: "b", Span: lint.Span{Start: 5, End: 6}, Message: "m"},
	}
	got := Sort(d)
	require.Len(t, got, 2)
	assert.Equal(t, "a", got[0].Rule)
}

func TestRunStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		write(t, dir, filepath.Join("s", strings.Repeat("x", i%5+1)+string(rune('a'+i%26))+".txt"), "Text.")
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := New(Options{Jobs: 2}).Run(ctx, []string{dir}, func(Result) {
		n++
		cancel()
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, n, 50)
}

// withOptions reports its configured options, to show they reach the rule.
type withOptions struct{}

type minOptions struct{ Min int }

func (withOptions) Meta() lint.Meta {
	return lint.Meta{ID: "with-options", Severity: lint.SeverityInfo}
}
func (withOptions) DefaultOptions() any { return minOptions{Min: 3} }
func (withOptions) Check(p *lint.Pass) error {
	p.Reportf(lint.Range{}, "min=%d", p.Options.(minOptions).Min)
	return nil
}

func TestPerFileOptions(t *testing.T) {
	eng := New(Options{Rules: []lint.Rule{withOptions{}}, For: func(path string) FileOptions {
		if strings.HasPrefix(path, "drafts/") {
			return FileOptions{Severity: map[string]lint.Severity{"with-options": lint.SeverityOff}}
		}
		if strings.HasPrefix(path, "strict/") {
			return FileOptions{Options: map[string]any{"with-options": minOptions{Min: 9}}}
		}
		return FileOptions{}
	}})
	assert.Empty(t, eng.LintSource("drafts/a.txt", []byte("Text.")).Diagnostics)
	d := eng.LintSource("strict/a.txt", []byte("Text.")).Diagnostics
	require.Len(t, d, 1)
	assert.Equal(t, "min=9", d[0].Message)
	d = eng.LintSource("a.txt", []byte("Text.")).Diagnostics
	require.Len(t, d, 1)
	assert.Equal(t, "min=3", d[0].Message, "defaults when the configuration says nothing")
}
