package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/citelint/citelint/lint/config"
	"github.com/citelint/citelint/rules"
)

const unorderedEssay = `# Shade Is Medicine

Emergency rooms fill up "within hours of the first ninety-degree afternoon" (Okafor 205). Cooler blocks need "more than one tree per house" (Lindqvist 31).

## Works Cited

Okafor, Adaeze. "Heat and the Hospital Ward." *Journal of Urban Health Studies*, vol. 12, no. 3, 2021, pp. 201-19.

Lindqvist, Maren. *Cooler Blocks*. Harbor Street Books, 2019.
`

func TestFixDryRunAndInPlace(t *testing.T) {
	dir := t.TempDir()
	essay := filepath.Join(dir, "essay.md")
	require.NoError(t, os.WriteFile(essay, []byte(unorderedEssay), 0o600))
	realRules := func(o *env) { o.rules = rules.All }

	dry := citelint(t, []string{"fix", "--dry-run", essay}, realRules)
	assert.Equal(t, exitOK, dry.code, dry.stderr)
	assert.Equal(t, "--- "+essay+"\n+++ "+essay+"\n@@ -4,6 +4,6 @@\n \n ## Works Cited\n \n"+
		"-Okafor, Adaeze. \"Heat and the Hospital Ward.\" *Journal of Urban Health Studies*, vol. 12, no. 3, 2021, pp. 201-19.\n"+
		"-\n"+
		" Lindqvist, Maren. *Cooler Blocks*. Harbor Street Books, 2019.\n"+
		"+\n"+
		"+Okafor, Adaeze. \"Heat and the Hospital Ward.\" *Journal of Urban Health Studies*, vol. 12, no. 3, 2021, pp. 201-19.\n", dry.stdout)
	data, err := os.ReadFile(essay)
	require.NoError(t, err)
	assert.Equal(t, unorderedEssay, string(data), "--dry-run writes nothing")

	fixed := citelint(t, []string{"fix", dir}, realRules)
	assert.Equal(t, exitOK, fixed.code, fixed.stderr)
	assert.Contains(t, fixed.stderr, "essay.md: 2 fixes")
	data, err = os.ReadFile(essay)
	require.NoError(t, err)
	assert.Less(t, strings.Index(string(data), "Lindqvist, Maren."), strings.Index(string(data), "Okafor, Adaeze."))
	info, err := os.Stat(essay)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "the file keeps its mode")

	again := citelint(t, []string{"fix", essay}, realRules)
	assert.Equal(t, exitOK, again.code)
	assert.Empty(t, again.stdout+again.stderr, "a second run has nothing to do")
	lint := citelint(t, []string{essay}, realRules)
	assert.Equal(t, exitOK, lint.code, lint.stdout)
}

func TestFixRefusesOtherFormats(t *testing.T) {
	dir := t.TempDir()
	docx := filepath.Join(dir, "essay.docx")
	require.NoError(t, os.WriteFile(docx, []byte("PK"), 0o644))
	res := citelint(t, []string{"fix", docx}, func(o *env) { o.rules = rules.All })
	assert.Equal(t, exitUsage, res.code)
	assert.Contains(t, res.stderr, "fixes only Markdown, text and HTML")

	res = citelint(t, []string{"fix"}, func(o *env) { o.rules = rules.All })
	assert.Equal(t, exitUsage, res.code)
}

func TestInit(t *testing.T) {
	t.Chdir(t.TempDir())
	res := citelint(t, []string{"init"})
	assert.Equal(t, exitOK, res.code, res.stderr)
	data, err := os.ReadFile(".citelint.yml")
	require.NoError(t, err)
	assert.Equal(t, config.Starter(), string(data))
	_, err = config.Load(".citelint.yml", config.Schemas(rules.All()))
	assert.NoError(t, err, "the written file loads")

	require.NoError(t, os.WriteFile(".citelint.yml", []byte("version: 1\n"), 0o644))
	res = citelint(t, []string{"init"})
	assert.Equal(t, exitUsage, res.code)
	assert.Contains(t, res.stderr, "already exists; pass --force")
	data, err = os.ReadFile(".citelint.yml")
	require.NoError(t, err)
	assert.Equal(t, "version: 1\n", string(data), "init never overwrites without --force")

	res = citelint(t, []string{"init", "--force"})
	assert.Equal(t, exitOK, res.code, res.stderr)
	data, err = os.ReadFile(".citelint.yml")
	require.NoError(t, err)
	assert.Equal(t, config.Starter(), string(data))
}

// hookEssays are files a commit hook lints, hookOthers files it leaves be.
var (
	hookEssays = []string{"essay.md", "a/b.markdown", "notes.txt", "post.html", "post.htm", "essay.docx", "essay.odt", "essay.pdf"}
	hookOthers = []string{"main.go", "essay.md.bak", "README"}
)

// TestPreCommitHooks checks .pre-commit-hooks.yaml: the citelint hook,
// offline, in Go, on essay files by extension.
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	require.NoError(t, err)
	var hooks []struct {
		ID             string   `yaml:"id"`
		Name           string   `yaml:"name"`
		Entry          string   `yaml:"entry"`
		Language       string   `yaml:"language"`
		Files          string   `yaml:"files"`
		Args           []string `yaml:"args"`
		PassFilenames  *bool    `yaml:"pass_filenames"`
		RequireSerial  *bool    `yaml:"require_serial"`
		Description    string   `yaml:"description"`
		MinimumVersion string   `yaml:"minimum_pre_commit_version"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	require.NoError(t, dec.Decode(&hooks))
	require.Len(t, hooks, 1)
	h := hooks[0]
	assert.Equal(t, "citelint", h.ID)
	assert.Equal(t, "golang", h.Language)
	assert.Equal(t, "citelint", h.Entry)
	assert.NotContains(t, h.Args, "--online", "the hook is offline")
	require.NotNil(t, h.PassFilenames)
	assert.True(t, *h.PassFilenames)
	require.NotNil(t, h.RequireSerial)
	assert.False(t, *h.RequireSerial)
	for _, name := range hookEssays {
		assert.Regexp(t, h.Files, name)
	}
	for _, name := range hookOthers {
		assert.NotRegexp(t, h.Files, name)
	}
}
