package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/rules"
)

// TestNoInlineConfig checks that a directive silences its finding and that
// --no-inline-config shows it again.
func TestNoInlineConfig(t *testing.T) {
	essay := filepath.Join(t.TempDir(), "essay.md")
	require.NoError(t, os.WriteFile(essay, []byte(`# Shade Is Medicine

Emergency rooms fill up "within hours of the first ninety-degree afternoon" (Okafor 205).

<!-- citelint-disable-next-line quote-uncited -- a proverb -->
Planners like to say that "the best time to plant a tree was twenty years ago."

## Works Cited

Okafor, Adaeze. "Heat and the Hospital Ward." *Journal of Urban Health Studies*, vol. 12, no. 3, 2021, pp. 201-19.
`), 0o644))
	realRules := func(o *env) { o.rules = rules.All }
	quiet := citelint(t, []string{essay}, realRules)
	assert.Equal(t, exitOK, quiet.code, quiet.stdout+quiet.stderr)
	assert.Empty(t, quiet.stdout+quiet.stderr)

	loud := citelint(t, []string{"--no-inline-config", essay}, realRules)
	assert.Equal(t, exitFindings, loud.code)
	assert.Contains(t, loud.stdout, "essay.md:6:")
	assert.Contains(t, loud.stdout, "[quote-uncited]")
	assert.NotContains(t, loud.stderr, "not supported")
}
