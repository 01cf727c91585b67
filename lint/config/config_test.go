package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// uncitedCopyOptions stands in for the uncited-copy rule's options.
type uncitedCopyOptions struct {
	MinWords int      `yaml:"min-words"`
	Ignore   []string `yaml:"ignore"`
}

// Validate has a value receiver; quoteUncitedOptions tests a pointer one.
func (o uncitedCopyOptions) Validate() error {
	if o.MinWords < 1 {
		return fmt.Errorf("min-words must be 1 or more, not %d", o.MinWords)
	}
	return nil
}

type quoteUncitedOptions struct {
	MinWords int  `yaml:"min-words"`
	Epigraph bool `yaml:"allow-epigraph"`
}

func (o *quoteUncitedOptions) Validate() error {
	if o.MinWords > 100 {
		return errors.New("min-words above 100 would let whole paragraphs through")
	}
	return nil
}

// testKnown is the rule list the tests load with: the SPEC's rule IDs, two
// of them with options.
func testKnown() map[string]RuleSchema {
	known := map[string]RuleSchema{
		"uncited-copy":  {Options: uncitedCopyOptions{MinWords: 12}},
		"quote-uncited": {Options: &quoteUncitedOptions{MinWords: 4}},
	}
	for _, id := range []string{
		"works-cited-missing", "works-cited-empty", "works-cited-heading", "entry-incomplete",
		"entry-uncited", "entry-duplicate", "entry-order", "entry-format", "citation-unmatched",
		"citation-format", "citation-year-mismatch", "citation-page-missing", "quote-unbalanced",
		"quote-title", "quote-long", "quote-not-in-source", "quote-altered", "source-off-topic",
		"source-unavailable", "link-broken", "doi-invalid", "reference-mismatch",
	} {
		known[id] = RuleSchema{}
	}
	return known
}

// specExample is the configuration shown in SPEC.md, verbatim.
const specExample = `version: 1
style: auto            # auto | mla | apa | chicago | harvard
rules:
  entry-order: off
  quote-long: warning
  uncited-copy: {severity: error, min-words: 10}
quotes:
  min-words: 4         # shorter quoted spans are terms, not quotations
sources: [./sources]
online: false
network:
  cache: ~/.cache/citelint
  max-age: 7d
  mailto: instructor@example.edu
  endpoints: {doi: "https://doi.org/", crossref: "https://api.crossref.org/"}
overrides:
  - files: ["drafts/**"]
    rules: {entry-uncited: off}
`

func TestParseSpecExample(t *testing.T) {
	dir := t.TempDir()
	home := t.TempDir()
	t.Setenv("HOME", home)
	path := filepath.Join(dir, ".citelint.yml")
	cfg, err := Parse(path, []byte(specExample), testKnown())
	require.NoError(t, err)

	assert.Equal(t, path, cfg.Path)
	assert.Equal(t, dir, cfg.Dir)
	assert.Equal(t, lint.StyleUnknown, cfg.Style)
	assert.Equal(t, 4, cfg.QuoteMinWords)
	assert.Equal(t, []string{filepath.Join(dir, "sources")}, cfg.Sources)
	assert.False(t, cfg.Online)
	assert.Equal(t, Network{
		Cache:  filepath.Join(home, ".cache", "citelint"),
		MaxAge: 7 * 24 * time.Hour,
		Mailto: "instructor@example.edu",
		Endpoints: Endpoints{
			DOI:         "https://doi.org/",
			Crossref:    "https://api.crossref.org/",
			OpenLibrary: DefaultOpenLibraryEndpoint,
		},
	}, cfg.Network)

	eff := cfg.For(filepath.Join(dir, "essay.md"))
	assert.Equal(t, map[string]lint.Severity{
		"entry-order":  lint.SeverityOff,
		"quote-long":   lint.SeverityWarning,
		"uncited-copy": lint.SeverityError,
	}, eff.Severity)
	assert.Equal(t, uncitedCopyOptions{MinWords: 10}, eff.Options["uncited-copy"])
	assert.Equal(t, quoteUncitedOptions{MinWords: 4}, eff.Options["quote-uncited"])
	assert.Equal(t, lint.Settings{QuoteMinWords: 4}, eff.Settings)

	draft := cfg.For(filepath.Join(dir, "drafts", "week1", "essay.md"))
	assert.Equal(t, lint.SeverityOff, draft.Severity["entry-uncited"])
	assert.Equal(t, lint.SeverityError, draft.Severity["uncited-copy"])
}

func TestParseGood(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		yaml  string
		check func(t *testing.T, c *Config)
	}{
		{"minimal", "version: 1\n", func(t *testing.T, c *Config) {
			assert.Equal(t, Default(nil).Network, c.Network)
			assert.Equal(t, lint.DefaultSettings(), c.Settings())
		}},
		{"style in capitals", "version: 1\nstyle: APA\n", func(t *testing.T, c *Config) {
			assert.Equal(t, lint.StyleAPA, c.Style)
		}},
		{"chicago and online", "version: 1\nstyle: chicago\nonline: true\n", func(t *testing.T, c *Config) {
			assert.Equal(t, lint.StyleChicago, c.Style)
			assert.True(t, c.Online)
		}},
		{"empty sections mean defaults", "version: 1\nrules:\nquotes:\nsources:\nnetwork:\noverrides:\n", func(t *testing.T, c *Config) {
			assert.Equal(t, 4, c.QuoteMinWords)
			assert.Empty(t, c.Sources)
		}},
		{"quotes.min-words", "version: 1\nquotes: {min-words: 2}\n", func(t *testing.T, c *Config) {
			assert.Equal(t, 2, c.QuoteMinWords)
			assert.Equal(t, 2, c.For("x.md").Settings.QuoteMinWords)
		}},
		{"absolute source kept", "version: 1\nsources: [/srv/library, lib]\n", func(t *testing.T, c *Config) {
			assert.Equal(t, []string{filepath.Clean("/srv/library"), filepath.Join(dir, "lib")}, c.Sources)
		}},
		{"endpoint gets a final slash", "version: 1\nnetwork:\n  endpoints:\n    doi: http://localhost:8080/doi\n", func(t *testing.T, c *Config) {
			assert.Equal(t, "http://localhost:8080/doi/", c.Network.Endpoints.DOI)
			assert.Equal(t, DefaultCrossrefEndpoint, c.Network.Endpoints.Crossref)
		}},
		{"durations", "version: 1\nnetwork: {max-age: 12h}\n", func(t *testing.T, c *Config) {
			assert.Equal(t, 12*time.Hour, c.Network.MaxAge)
		}},
		{"severity aliases and case", "version: 1\nrules:\n  quote-long: Warning\n  entry-order: false\n", func(t *testing.T, c *Config) {
			eff := c.For("a.md")
			assert.Equal(t, lint.SeverityWarning, eff.Severity["quote-long"])
			assert.Equal(t, lint.SeverityOff, eff.Severity["entry-order"])
		}},
		{"options without severity", "version: 1\nrules:\n  quote-uncited: {min-words: 6, allow-epigraph: true}\n", func(t *testing.T, c *Config) {
			eff := c.For("a.md")
			_, set := eff.Severity["quote-uncited"]
			assert.False(t, set, "severity stays the rule's default")
			opts, ok := OptionsOf[quoteUncitedOptions](eff, "quote-uncited")
			require.True(t, ok)
			assert.Equal(t, quoteUncitedOptions{MinWords: 6, Epigraph: true}, opts)
		}},
		{"list option", "version: 1\nrules:\n  uncited-copy:\n    ignore: [Soviet Union, Communist Party]\n", func(t *testing.T, c *Config) {
			opts, _ := OptionsOf[uncitedCopyOptions](c.For("a.md"), "uncited-copy")
			assert.Equal(t, uncitedCopyOptions{MinWords: 12, Ignore: []string{"Soviet Union", "Communist Party"}}, opts)
		}},
		{"anchors and aliases", "version: 1\nx-off: &off off\nrules:\n  entry-order: *off\n", nil},
		{"comment-only lines and CRLF", "# citelint\r\nversion: 1\r\nstyle: mla\r\n", func(t *testing.T, c *Config) {
			assert.Equal(t, lint.StyleMLA, c.Style)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse(filepath.Join(dir, ".citelint.yml"), []byte(tt.yaml), testKnown())
			if tt.name == "anchors and aliases" {
				// x-off is an unknown key: anchors are fine, but only under
				// keys citelint knows.
				require.EqualError(t, err, filepath.Join(dir, ".citelint.yml")+`:2:1: unknown key "x-off" (want version, style, rules, quotes, sources, online, network or overrides)`)
				cfg, err = Parse(filepath.Join(dir, ".citelint.yml"), []byte("version: 1\nstyle: &s mla\nrules:\n  entry-order: &off off\n  quote-long: *off\n"), testKnown())
				require.NoError(t, err)
				assert.Equal(t, lint.SeverityOff, cfg.For("a.md").Severity["quote-long"])
				return
			}
			require.NoError(t, err)
			tt.check(t, cfg)
		})
	}
}

// TestParseErrors covers every kind of error, each with its exact position.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{"unknown rule with suggestion", "version: 1\nstyle: mla\nrules:\n  entry-order: off\n  quote-long: warning\n  uncited-copy: error\n  quote-uncitd: error\n",
			`.citelint.yml:7:3: unknown rule "quote-uncitd" (did you mean "quote-uncited"?)`},
		{"unknown rule without suggestion", "version: 1\nrules:\n  plagiarism: error\n",
			`.citelint.yml:3:3: unknown rule "plagiarism" (citelint rules lists them)`},
		{"unknown top-level key", "version: 1\nnetwrok: {}\n",
			`.citelint.yml:2:1: unknown key "netwrok" (did you mean "network"?)`},
		{"unknown nested key", "version: 1\nnetwork:\n  max_age: 7d\n",
			`.citelint.yml:3:3: unknown key "max_age" in network (did you mean "max-age"?)`},
		{"unknown endpoint", "version: 1\nnetwork:\n  endpoints: {doi: \"https://doi.org/\", pubmed: \"https://x.org/\"}\n",
			`.citelint.yml:3:40: unknown key "pubmed" in network.endpoints (want doi, crossref or openlibrary)`},
		{"unknown key in quotes", "version: 1\nquotes:\n  max-words: 3\n",
			`.citelint.yml:3:3: unknown key "max-words" in quotes (did you mean "min-words"?)`},
		{"unknown key in override", "version: 1\noverrides:\n  - files: [\"*.md\"]\n    rule: {entry-order: off}\n",
			`.citelint.yml:4:5: unknown key "rule" in overrides[0] (did you mean "rules"?)`},
		{"unknown rule in override", "version: 1\noverrides:\n  - files: [\"*.md\"]\n    rules: {entry-ordre: off}\n",
			`.citelint.yml:4:13: unknown rule "entry-ordre" (did you mean "entry-order"?)`},
		{"unknown option", "version: 1\nrules:\n  uncited-copy: {severity: error, min-word: 10}\n",
			`.citelint.yml:3:35: unknown option "min-word" for rule "uncited-copy" (did you mean "min-words"?)`},
		{"option on a rule with none", "version: 1\nrules:\n  entry-order:\n    severity: warning\n    strict: true\n",
			`.citelint.yml:5:5: unknown option "strict": rule "entry-order" takes only a severity`},
		{"missing version", "style: mla\n",
			`.citelint.yml:1:1: missing "version: 1" (put it at the top of the file)`},
		{"empty file", "",
			`.citelint.yml:1:1: missing "version: 1" (put it at the top of the file)`},
		{"version 2", "version: 2\n",
			`.citelint.yml:1:10: version 2 is not supported (want 1)`},
		{"version as text", "version: one\n",
			`.citelint.yml:1:10: version: want a whole number, got "one"`},
		{"bad style", "version: 1\nstyle: mlaa\n",
			`.citelint.yml:2:8: style: unknown style "mlaa" (did you mean "mla"?)`},
		{"bad style far off", "version: 1\nstyle: ieee-numeric\n",
			`.citelint.yml:2:8: style: unknown style "ieee-numeric" (want auto, mla, apa, chicago or harvard)`},
		{"bad severity", "version: 1\nrules:\n  quote-long: loud\n",
			`.citelint.yml:3:15: rules.quote-long: unknown severity "loud" (want off, info, warning or error)`},
		{"bad severity in mapping", "version: 1\nrules:\n  uncited-copy: {severity: fatal}\n",
			`.citelint.yml:3:28: rules.uncited-copy.severity: unknown severity "fatal" (want off, info, warning or error)`},
		{"rule with no value", "version: 1\nrules:\n  quote-long:\n",
			`.citelint.yml:3:14: rules.quote-long: want a severity (off, info, warning or error) or a mapping such as {severity: warning}, got nothing`},
		{"rule as a list", "version: 1\nrules:\n  quote-long: [warning]\n",
			`.citelint.yml:3:15: rules.quote-long: want a severity (off, info, warning or error) or a mapping such as {severity: warning}, got a list`},
		{"rules as a list", "version: 1\nrules: [quote-long]\n",
			`.citelint.yml:2:8: rules: want a mapping of keys and values, got a list`},
		{"wrong option type", "version: 1\nrules:\n  uncited-copy: {min-words: ten}\n",
			`.citelint.yml:3:29: rules.uncited-copy.min-words: want a whole number, got "ten"`},
		{"option fails Validate (value receiver)", "version: 1\nrules:\n  uncited-copy: {min-words: 0}\n",
			`.citelint.yml:3:17: rules.uncited-copy: min-words must be 1 or more, not 0`},
		{"option fails Validate (pointer receiver)", "version: 1\nrules:\n  quote-uncited:\n    min-words: 500\n",
			`.citelint.yml:4:5: rules.quote-uncited: min-words above 100 would let whole paragraphs through`},
		{"quotes.min-words zero", "version: 1\nquotes:\n  min-words: 0\n",
			`.citelint.yml:3:14: quotes.min-words: want 1 or more words, got 0`},
		{"quotes.min-words text", "version: 1\nquotes: {min-words: four}\n",
			`.citelint.yml:2:21: quotes.min-words: want a whole number of words, got "four"`},
		{"online not a bool", "version: 1\nonline: sometimes\n",
			`.citelint.yml:2:9: online: want true or false, got "sometimes"`},
		{"sources not a list", "version: 1\nsources: ./sources\n",
			`.citelint.yml:2:10: sources: want a list, got "./sources"`},
		{"empty source", "version: 1\nsources: [\"\"]\n",
			`.citelint.yml:2:11: sources: empty path`},
		{"bad duration", "version: 1\nnetwork:\n  max-age: 7days\n",
			`.citelint.yml:3:12: network.max-age: bad duration "7days" (want a whole number and a unit: 30m, 12h, 7d)`},
		{"duration without unit", "version: 1\nnetwork:\n  max-age: 7\n",
			`.citelint.yml:3:12: network.max-age: bad duration "7" (want a whole number and a unit: 30m, 12h, 7d)`},
		{"bad URL scheme", "version: 1\nnetwork:\n  endpoints:\n    crossref: ftp://api.crossref.org/\n",
			`.citelint.yml:4:15: network.endpoints.crossref: "ftp://api.crossref.org/" is not an absolute http or https URL (such as "https://doi.org/")`},
		{"relative URL", "version: 1\nnetwork:\n  endpoints: {openlibrary: /openlibrary/}\n",
			`.citelint.yml:3:28: network.endpoints.openlibrary: "/openlibrary/" is not an absolute http or https URL (such as "https://doi.org/")`},
		{"URL with query", "version: 1\nnetwork:\n  endpoints: {doi: \"https://doi.org/?x=1\"}\n",
			`.citelint.yml:3:20: network.endpoints.doi: "https://doi.org/?x=1": a base address takes no query or fragment`},
		{"bad mailto", "version: 1\nnetwork:\n  mailto: instructor at example.edu\n",
			`.citelint.yml:3:11: network.mailto: "instructor at example.edu" is not an e-mail address (such as instructor@example.edu)`},
		{"key set twice", "version: 1\nstyle: mla\nstyle: apa\n",
			`.citelint.yml:3:1: style is set twice (first at line 2)`},
		{"rule set twice", "version: 1\nrules:\n  quote-long: info\n  quote-long: error\n",
			`.citelint.yml:4:3: rules.quote-long is set twice (first at line 3)`},
		{"merge key", "version: 1\nrules:\n  <<: {quote-long: info}\n",
			`.citelint.yml:3:3: rules: merge keys (<<) are not supported; write the keys out`},
		{"override without files", "version: 1\noverrides:\n  - rules: {entry-order: off}\n",
			`.citelint.yml:3:5: overrides[0]: missing files (a list of patterns such as ["drafts/**"])`},
		{"override with empty files", "version: 1\noverrides:\n  - files: []\n",
			`.citelint.yml:3:12: overrides[0].files: empty; list at least one pattern such as "drafts/**"`},
		{"bad glob", "version: 1\noverrides:\n  - files: [\"drafts/[a-\"]\n",
			`.citelint.yml:3:13: overrides[0].files: bad file pattern "drafts/[a-": syntax error in pattern`},
		{"glob leaving the folder", "version: 1\noverrides:\n  - files: [\"../other/*.md\"]\n",
			`.citelint.yml:3:13: overrides[0].files: file pattern "../other/*.md" leaves the configuration's folder; patterns match files below it`},
		{"override not a mapping", "version: 1\noverrides:\n  - drafts/**\n",
			`.citelint.yml:3:5: overrides[0]: want a mapping of files and rules, got "drafts/**"`},
		{"top level a list", "- version: 1\n",
			`.citelint.yml:1:1: want a mapping of settings starting with "version: 1", got a list`},
		// yaml v3 gives only a line, and for parser errors the line where
		// the construct began, counted from 0: here the "[" on line 3.
		{"YAML syntax", "version: 1\nrules:\n  quote-long: [warning\n",
			`.citelint.yml:2: invalid YAML: did not find expected ',' or ']'`},
		{"tab indentation", "version: 1\nrules:\n\tquote-long: info\n",
			`.citelint.yml:3: invalid YAML: found character that cannot start any token`},
		{"two documents", "version: 1\n---\nversion: 1\n",
			`.citelint.yml:2:1: more than one YAML document; a configuration is one document (remove the "---")`},
		{"non-scalar key", "version: 1\n[a]: b\n",
			`.citelint.yml:2:1: keys must be plain words, not a list`},
		{"several errors at once", "version: 1\nstyle: mlaa\nrules:\n  quote-long: loud\n",
			".citelint.yml:2:8: style: unknown style \"mlaa\" (did you mean \"mla\"?)\n" +
				`.citelint.yml:4:15: rules.quote-long: unknown severity "loud" (want off, info, warning or error)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse(".citelint.yml", []byte(tt.yaml), testKnown())
			require.Error(t, err)
			assert.Nil(t, cfg)
			assert.Equal(t, tt.want, err.Error())
			var ce *Error
			assert.True(t, errors.As(err, &ce), "errors.As finds an *Error")
		})
	}
}

// deepOptions has lists nested deep enough for a file of aliases to
// expand to a billion strings.
type deepOptions struct {
	A0 []string
	A1 [][]string
	A2 [][][]string
	A3 [][][][]string
	A4 [][][][][]string
	A5 [][][][][][]string
	A6 [][][][][][][]string
	A7 [][][][][][][][]string
	A8 [][][][][][][][][]string
}

func TestParseAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\nrules:\n  deep:\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		ref := fmt.Sprintf("*a%d", i-1)
		fmt.Fprintf(&b, "    a%d: &a%d [%s]\n", i, i, strings.Repeat(ref+", ", 9)+ref)
	}
	known := map[string]RuleSchema{"deep": {Options: deepOptions{}}}
	start := time.Now()
	_, err := Parse(".citelint.yml", []byte(b.String()), known)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "too many nodes")
	assert.Less(t, time.Since(start), 10*time.Second)
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".citelint.yml")
	require.NoError(t, os.WriteFile(path, []byte("version: 1\nsources: [lib]\n"), 0o644))
	cfg, err := Load(path, testKnown())
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "lib")}, cfg.Sources)

	_, err = Load(filepath.Join(dir, "missing.yml"), testKnown())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing.yml")
}

func TestBadSchemas(t *testing.T) {
	for name, known := range map[string]map[string]RuleSchema{
		"not a struct":        {"r": {Options: 3}},
		"nil pointer":         {"r": {Options: (*quoteUncitedOptions)(nil)}},
		"severity as options": {"r": {Options: struct{ Severity string }{}}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(".citelint.yml", []byte("version: 1\n"), known)
			assert.ErrorContains(t, err, `rule "r"`)
		})
	}
}

func TestSchemas(t *testing.T) {
	known := Schemas([]lint.Rule{plainRule{}, optionRule{}})
	assert.Equal(t, map[string]RuleSchema{
		"plain":   {},
		"options": {Options: uncitedCopyOptions{MinWords: 12}},
	}, known)
}

type plainRule struct{}

func (plainRule) Meta() lint.Meta          { return lint.Meta{ID: "plain"} }
func (plainRule) Check(p *lint.Pass) error { return nil }

type optionRule struct{}

func (optionRule) Meta() lint.Meta          { return lint.Meta{ID: "options"} }
func (optionRule) Check(p *lint.Pass) error { return nil }
func (optionRule) DefaultOptions() any      { return uncitedCopyOptions{MinWords: 12} }

func TestDefault(t *testing.T) {
	c := Default(testKnown())
	eff := c.For("essay.md")
	assert.Empty(t, eff.Severity)
	assert.Equal(t, uncitedCopyOptions{MinWords: 12}, eff.Options["uncited-copy"])
	assert.Equal(t, lint.DefaultSettings(), eff.Settings)
	assert.Equal(t, "default configuration", c.String())
}

func TestStarterLoads(t *testing.T) {
	s := Starter()
	for _, known := range []map[string]RuleSchema{nil, testKnown()} {
		cfg, err := Parse(".citelint.yml", []byte(s), known)
		require.NoError(t, err)
		// The starter changes nothing until edited.
		def := Default(known)
		assert.Equal(t, def.Settings(), cfg.Settings())
		assert.Equal(t, def.Network, cfg.Network)
		assert.Empty(t, cfg.Sources)
		assert.False(t, cfg.Online)
		assert.Equal(t, def.For("a.md"), cfg.For("a.md"))
	}
	for _, key := range topKeys() {
		assert.Regexp(t, `(?m)^(# )?`+key+`:`, s, "the starter shows %s", key)
	}
}

// TestStarterExamples uncomments the starter's examples in place — comment
// lines whose text starts with a lower-case key and a colon — and checks
// that the result loads and means what the examples say: an example a user
// uncomments must be right.
func TestStarterExamples(t *testing.T) {
	example := regexp.MustCompile(`(?m)^(\s*)# (\s*(?:- )?[a-z][a-z-]*:.*)$`)
	text := example.ReplaceAllString(Starter(), "$1$2")
	require.NotEqual(t, Starter(), text)
	cfg, err := Parse(filepath.Join(t.TempDir(), ".citelint.yml"), []byte(text), testKnown())
	require.NoError(t, err, text)
	assert.Equal(t, "instructor@example.edu", cfg.Network.Mailto)
	assert.NotEmpty(t, cfg.Network.Cache)
	assert.Equal(t, []string{filepath.Join(cfg.Dir, "sources")}, cfg.Sources)
	eff := cfg.For("a.md")
	assert.Equal(t, uncitedCopyOptions{MinWords: 10}, eff.Options["uncited-copy"])
	assert.Equal(t, lint.SeverityOff, eff.Severity["entry-order"])
	assert.Equal(t, lint.SeverityOff, cfg.For(filepath.Join(cfg.Dir, "drafts", "a.md")).Severity["entry-uncited"])
}
