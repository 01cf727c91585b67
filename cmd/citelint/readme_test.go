package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/rules"
)

var updateReadme = flag.Bool("update", false, "rewrite the rule table in README.md from rules.All()")

const (
	readmePath       = "../../README.md"
	ruleTableBegin   = "<!-- rules:begin (generated: go test ./cmd/citelint -run TestReadmeRuleTable -update) -->\n"
	ruleTableEnd     = "<!-- rules:end -->"
	readmeCommand    = "go run ./cmd/citelint lint examples/"
	readmeTestCmd    = "go test ./..."
	readmeExampleDir = "../../examples"
)

// TestReadmeRuleTable keeps README's rule table and rules.All() in step.
func TestReadmeRuleTable(t *testing.T) {
	all := rules.All()
	if len(all) == 0 {
		t.Skip("no rules yet")
	}
	data, err := os.ReadFile(readmePath)
	require.NoError(t, err)
	readme := string(data)
	begin := strings.Index(readme, ruleTableBegin)
	end := strings.Index(readme, ruleTableEnd)
	require.True(t, begin >= 0 && end > begin, "README.md must hold the rule table between %q and %q", ruleTableBegin, ruleTableEnd)
	got := readme[begin+len(ruleTableBegin) : end]
	want := ruleTableMarkdown(all)
	if *updateReadme {
		readme = readme[:begin+len(ruleTableBegin)] + want + readme[end:]
		require.NoError(t, os.WriteFile(readmePath, []byte(readme), 0o644))
		return
	}
	assert.Equal(t, want, got, "README's rule table is out of date: go test ./cmd/citelint -run TestReadmeRuleTable -update")
}

// TestReadmeQuickStart checks that the commands README promises on a fresh
// machine name things that exist.
func TestReadmeQuickStart(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	require.NoError(t, err)
	assert.Contains(t, string(data), readmeCommand)
	assert.Contains(t, string(data), readmeTestCmd)
	entries, err := os.ReadDir(readmeExampleDir)
	require.NoError(t, err)
	assert.NotEmpty(t, entries)
}

// TestExamples lints README's examples with the real rules: the correct
// essay has no findings, and the flawed one exactly its three mistakes, so
// that the README's demo says what it promises.
func TestExamples(t *testing.T) {
	realRules := func(o *env) { o.rules = rules.All }
	good := citelint(t, []string{readmeExampleDir + "/community-gardens.md"}, realRules)
	assert.Equal(t, exitOK, good.code)
	assert.Empty(t, good.stdout+good.stderr, "the correct example must be clean")

	bad := citelint(t, []string{"--format", "json", readmeExampleDir + "/late-library-mistakes.md"}, realRules)
	assert.Equal(t, exitFindings, bad.code, bad.stderr)
	var report struct {
		Files []struct {
			Findings []struct {
				Rule string `json:"rule"`
				Line int    `json:"line"`
			} `json:"findings"`
		} `json:"files"`
	}
	require.NoError(t, json.Unmarshal([]byte(bad.stdout), &report))
	require.Len(t, report.Files, 1)
	var got []string
	for _, f := range report.Files[0].Findings {
		got = append(got, fmt.Sprintf("%d %s", f.Line, f.Rule))
	}
	assert.Equal(t, []string{"11 quote-uncited", "13 citation-unmatched", "15 quote-unbalanced"}, got)
}
