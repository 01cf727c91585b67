package main

import (
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// readmeYAMLBlock returns the first ```yaml block of README.md holding
// marker.
func readmeYAMLBlock(t *testing.T, marker string) string {
	t.Helper()
	data, err := os.ReadFile(readmePath)
	require.NoError(t, err)
	for _, block := range strings.Split(string(data), "```yaml\n")[1:] {
		block, _, _ = strings.Cut(block, "```")
		if strings.Contains(block, marker) {
			return block
		}
	}
	t.Fatalf("README.md has no yaml block holding %q", marker)
	return ""
}

// expandBraces expands one {a,b,...} group of a glob.
func expandBraces(glob string) []string {
	open := strings.IndexByte(glob, '{')
	shut := strings.IndexByte(glob, '}')
	if open < 0 || shut < open {
		return []string{glob}
	}
	var out []string
	for _, alt := range strings.Split(glob[open+1:shut], ",") {
		out = append(out, glob[:open]+alt+glob[shut+1:])
	}
	return out
}

// TestReadmeLefthook holds README's lefthook example to what the command
// does: its glob takes the essay files the pre-commit hook takes, and its
// command, with two staged essays put in for {staged_files}, lints them
// offline and quietly, failing the commit on a finding.
func TestReadmeLefthook(t *testing.T) {
	var cfg struct {
		PreCommit struct {
			Commands map[string]struct {
				Glob string `yaml:"glob"`
				Run  string `yaml:"run"`
			} `yaml:"commands"`
		} `yaml:"pre-commit"`
	}
	require.NoError(t, yaml.Unmarshal([]byte(readmeYAMLBlock(t, "{staged_files}")), &cfg))
	hook, ok := cfg.PreCommit.Commands["citelint"]
	require.True(t, ok, "README's lefthook example has a citelint command")

	matches := func(name string) bool {
		for _, g := range expandBraces(hook.Glob) {
			if ok, err := path.Match(g, path.Base(name)); err == nil && ok {
				return true
			}
		}
		return false
	}
	for _, name := range hookEssays {
		assert.True(t, matches(name), "glob %q takes %s", hook.Glob, name)
	}
	for _, name := range hookOthers {
		assert.False(t, matches(name), "glob %q leaves %s", hook.Glob, name)
	}

	words := strings.Fields(hook.Run)
	require.GreaterOrEqual(t, len(words), 3, hook.Run)
	vars := map[string]string{}
	for len(words) > 0 && strings.Contains(words[0], "=") {
		k, v, _ := strings.Cut(words[0], "=")
		vars[k] = v
		words = words[1:]
	}
	assert.Equal(t, "1", vars["PRE_COMMIT"], "the hook runs offline and quiet")
	require.Equal(t, "citelint", words[0], hook.Run)

	dir := essays(t, map[string]string{"good.md": "Fine words.\n", "bad.md": "A BADCITE here.\n"})
	var args []string
	for _, w := range words[1:] {
		if w == "{staged_files}" {
			args = append(args, filepath.Join(dir, "good.md"), filepath.Join(dir, "bad.md"))
			continue
		}
		args = append(args, w)
	}
	onTerminal := func(e *env) {
		e.isTerminal = func(io.Writer) bool { return true }
		e.getenv = func(k string) string { return vars[k] }
	}
	res := citelint(t, args, onTerminal)
	assert.Equal(t, exitFindings, res.code, "a finding fails the commit")
	assert.Contains(t, res.stdout, "bad.md:1:3: ")
	assert.Contains(t, res.stdout, "found BADCITE")
	assert.NotContains(t, res.stdout, "good.md")
	assert.Empty(t, res.stderr, "no progress bar under PRE_COMMIT=1")
}
