package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/linttest"
	"github.com/citelint/citelint/lint/output"
)

func fakeRules() []lint.Rule {
	return []lint.Rule{
		linttest.MarkerRule{ID: "fake-error", Marker: "BADCITE", Message: "found %s", Severity: lint.SeverityError},
		linttest.MarkerRule{ID: "fake-warning", Marker: "IFFY", Message: "found %s", Severity: lint.SeverityWarning},
		linttest.MarkerRule{ID: "fake-off", Marker: "PEDANTIC", Message: "found %s", Severity: lint.SeverityOff},
	}
}

type result struct {
	code           int
	stdout, stderr string
}

type option = func(*env)

func withStdin(s string) option { return func(e *env) { e.stdin = strings.NewReader(s) } }

func withTerminal(noColor string) option {
	return func(e *env) {
		e.isTerminal = func(io.Writer) bool { return true }
		e.getenv = func(k string) string {
			if k == "NO_COLOR" {
				return noColor
			}
			return ""
		}
	}
}

// citelint runs the command line in-process, as main would.
func citelint(t *testing.T, args []string, opts ...option) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := testEnv(&stdout, &stderr)
	for _, o := range opts {
		o(e)
	}
	code := run(context.Background(), append([]string{"citelint"}, args...), e)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// testEnv is the command's environment in tests: no input, no terminal,
// no environment variables, the fake rules.
func testEnv(stdout, stderr io.Writer) *env {
	return &env{
		stdin:      strings.NewReader(""),
		stdout:     stdout,
		stderr:     stderr,
		getenv:     func(string) string { return "" },
		isTerminal: func(io.Writer) bool { return false },
		rules:      fakeRules,
	}
}

// essays writes files into a temporary folder and returns the folder.
func essays(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
	return dir
}

func TestLintExitCodes(t *testing.T) {
	dir := essays(t, map[string]string{
		"clean.txt": "A plain essay.\n",
		"error.txt": "One line.\nA BADCITE here.\n",
		"warn.txt":  "An IFFY line.\n",
	})
	clean := citelint(t, []string{"lint", filepath.Join(dir, "clean.txt")})
	assert.Equal(t, exitOK, clean.code)
	assert.Empty(t, clean.stdout, "a clean run says nothing")
	assert.Empty(t, clean.stderr)

	bad := citelint(t, []string{"lint", filepath.Join(dir, "error.txt")})
	assert.Equal(t, exitFindings, bad.code)
	assert.Contains(t, bad.stdout, filepath.Join(dir, "error.txt")+":2:3: error: found BADCITE [fake-error]\n")
	assert.Contains(t, bad.stdout, "    A BADCITE here.\n      ^~~~~~~\n")
	assert.Contains(t, bad.stdout, "\n1 problem (1 error, 0 warnings, 0 infos) in 1 file\n")

	warn := citelint(t, []string{"lint", filepath.Join(dir, "warn.txt")})
	assert.Equal(t, exitOK, warn.code, "warnings alone pass")
	assert.Contains(t, warn.stdout, "warning: found IFFY [fake-warning]")

	strict := citelint(t, []string{"lint", "--max-warnings", "0", filepath.Join(dir, "warn.txt")})
	assert.Equal(t, exitFindings, strict.code)
	assert.Contains(t, strict.stderr, "too many warnings: 1, more than --max-warnings 0")

	enough := citelint(t, []string{"lint", "--max-warnings", "1", filepath.Join(dir, "warn.txt")})
	assert.Equal(t, exitOK, enough.code)
}

func TestPlainPathLints(t *testing.T) {
	dir := essays(t, map[string]string{"e.txt": "A BADCITE.\n"})
	plain := citelint(t, []string{filepath.Join(dir, "e.txt")})
	explicit := citelint(t, []string{"lint", filepath.Join(dir, "e.txt")})
	assert.Equal(t, exitFindings, plain.code)
	assert.Equal(t, explicit, plain)
}

func TestLintFolder(t *testing.T) {
	dir := essays(t, map[string]string{
		"a.txt":              "BADCITE\n",
		"sub/b.md":           "IFFY\n",
		".hidden/c.txt":      "BADCITE\n",
		"node_modules/d.txt": "BADCITE\n",
		"notes.xyz":          "BADCITE\n",
	})
	res := citelint(t, []string{dir})
	assert.Equal(t, exitFindings, res.code)
	assert.Contains(t, res.stdout, "2 problems (1 error, 1 warning, 0 infos) in 2 files")
	assert.Empty(t, res.stderr, "files of other types inside a folder are passed over quietly")
}

func TestMissingFileAndGoodFile(t *testing.T) {
	dir := essays(t, map[string]string{"good.txt": "A BADCITE.\n", "essay.xyz": "x"})
	missing := filepath.Join(dir, "missing.txt")
	res := citelint(t, []string{missing, filepath.Join(dir, "good.txt"), filepath.Join(dir, "essay.xyz")})
	assert.Equal(t, exitUsage, res.code, "an unreadable file makes the run exit 2, after linting the rest")
	assert.Contains(t, res.stderr, "citelint: "+missing+": no such file or directory")
	assert.Contains(t, res.stderr, "citelint: "+filepath.Join(dir, "essay.xyz")+": unsupported file type")
	assert.Contains(t, res.stdout, "good.txt:1:3: error: found BADCITE [fake-error]", "the readable file is still linted")
	assert.Contains(t, res.stdout, "2 files could not be read")
}

// TestErrorsFollowEarlierFindings holds the buffered output to the order of
// the files: with both streams on one screen or log, a file's error comes
// after the findings of the files before it, and the findings of the files
// after it follow.
func TestErrorsFollowEarlierFindings(t *testing.T) {
	dir := essays(t, map[string]string{"a.txt": "A BADCITE.\n", "c.txt": "An IFFY one.\n"})
	var both bytes.Buffer
	e := testEnv(&both, &both)
	missing := filepath.Join(dir, "b.txt")
	code := run(context.Background(), []string{"citelint", filepath.Join(dir, "a.txt"), missing, filepath.Join(dir, "c.txt")}, e)
	assert.Equal(t, exitUsage, code)
	out := both.String()
	first := strings.Index(out, "found BADCITE")
	failed := strings.Index(out, "citelint: "+missing)
	last := strings.Index(out, "found IFFY")
	require.True(t, first >= 0 && failed >= 0 && last >= 0, "all three reported:\n%s", out)
	assert.Less(t, first, failed, "a.txt's finding before b.txt's error:\n%s", out)
	assert.Less(t, failed, last, "b.txt's error before c.txt's finding:\n%s", out)
}

func TestJSONListsEveryFile(t *testing.T) {
	dir := essays(t, map[string]string{"a.txt": "fine\n", "b.txt": "BADCITE\n"})
	res := citelint(t, []string{"--format", "json", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "gone.txt")})
	assert.Equal(t, exitUsage, res.code)
	var doc struct {
		Version int `json:"version"`
		Files   []struct {
			Path     string           `json:"path"`
			Error    string           `json:"error"`
			Findings []map[string]any `json:"findings"`
		} `json:"files"`
		Summary output.Summary `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &doc), res.stdout)
	require.Len(t, doc.Files, 3)
	assert.Empty(t, doc.Files[0].Findings)
	assert.Len(t, doc.Files[1].Findings, 1)
	assert.Contains(t, doc.Files[2].Error, "no such file")
	assert.Equal(t, output.Summary{Files: 3, FilesWithFindings: 1, Findings: 1, Errors: 1, Failed: 1}, doc.Summary)
}

func TestFlagsAfterPaths(t *testing.T) {
	dir := essays(t, map[string]string{"e.txt": "BADCITE\n"})
	res := citelint(t, []string{filepath.Join(dir, "e.txt"), "--format", "json"})
	assert.Equal(t, exitFindings, res.code)
	assert.True(t, json.Valid([]byte(res.stdout)), res.stdout)

	res = citelint(t, []string{"lint", filepath.Join(dir, "e.txt"), "--format=json", "--disable", "fake-error"})
	assert.Equal(t, exitOK, res.code)
	assert.True(t, json.Valid([]byte(res.stdout)), res.stdout)
}

func TestStdin(t *testing.T) {
	res := citelint(t, []string{"--stdin-filename", "essay.md", "-"}, withStdin("# Title\n\nA BADCITE.\n"))
	assert.Equal(t, exitFindings, res.code)
	assert.Contains(t, res.stdout, "essay.md:3:3: error: found BADCITE [fake-error]")

	unnamed := citelint(t, []string{"lint", "-"}, withStdin("BADCITE"))
	assert.Equal(t, exitFindings, unnamed.code)
	assert.Contains(t, unnamed.stdout, "<stdin>:1:1: error")

	implied := citelint(t, []string{"lint", "--stdin-filename", "e.txt"}, withStdin("IFFY"))
	assert.Equal(t, exitOK, implied.code)
	assert.Contains(t, implied.stdout, "e.txt:1:1: warning")

	badName := citelint(t, []string{"--stdin-filename", "e.docz", "-"}, withStdin("x"))
	assert.Equal(t, exitUsage, badName.code)
	assert.Contains(t, badName.stderr, `e.docz: unsupported file type ".docz"`)

	twice := citelint(t, []string{"-", "-"})
	assert.Equal(t, exitUsage, twice.code)
}

func TestUsageErrors(t *testing.T) {
	dir := essays(t, map[string]string{"e.txt": "BADCITE\n"})
	file := filepath.Join(dir, "e.txt")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"unknown format", []string{"--format", "xml", file}, `unknown format "xml" (want text, json, sarif, github, checkstyle, junit or csv)`},
		{"unknown style", []string{"--style", "ieee", file}, `unknown style "ieee"`},
		{"unknown enabled rule", []string{"--enable", "fake-eror", file}, `unknown rule "fake-eror" in --enable; did you mean fake-error?`},
		{"unknown disabled rule", []string{"--disable", "nothing-like-it", file}, `unknown rule "nothing-like-it" in --disable (citelint rules lists them)`},
		{"enabled and disabled", []string{"--enable", "fake-off", "--disable", "fake-off", file}, "both enabled and disabled"},
		{"negative jobs", []string{"--jobs", "-1", file}, "--jobs must be"},
		{"zero quote words", []string{"--quote-min-words", "0", file}, "--quote-min-words must be"},
		{"bad number", []string{"--jobs", "many", file}, "invalid value"},
		{"unknown flag", []string{"--frobnicate", file}, "flag provided but not defined"},
		{"no paths", []string{"lint"}, "no files to lint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := citelint(t, tt.args)
			assert.Equal(t, exitUsage, res.code)
			assert.Contains(t, res.stderr, tt.stderr)
			assert.Empty(t, res.stdout, "nothing is linted when the command line is wrong")
		})
	}
}

func TestEnableDisable(t *testing.T) {
	dir := essays(t, map[string]string{"e.txt": "BADCITE PEDANTIC\n"})
	file := filepath.Join(dir, "e.txt")
	off := citelint(t, []string{"--disable", "fake-error", file})
	assert.Equal(t, exitOK, off.code)
	assert.NotContains(t, off.stdout, "PEDANTIC", "a rule that is off by default does not run")

	on := citelint(t, []string{"--disable", "fake-error", "--enable", "fake-off", file})
	assert.Equal(t, exitOK, on.code)
	assert.Contains(t, on.stdout, "warning: found PEDANTIC [fake-off]", "an enabled off-by-default rule runs as a warning")

	list := citelint(t, []string{"--disable", "fake-error,fake-warning", file})
	assert.Equal(t, exitOK, list.code)
}

func TestOutputFile(t *testing.T) {
	dir := essays(t, map[string]string{"e.txt": "BADCITE\n"})
	report := filepath.Join(dir, "report.json")
	res := citelint(t, []string{"--format", "json", "--output", report, filepath.Join(dir, "e.txt")}, withTerminal(""))
	assert.Equal(t, exitFindings, res.code)
	assert.Empty(t, res.stdout)
	data, err := os.ReadFile(report)
	require.NoError(t, err)
	assert.True(t, json.Valid(data))

	text := filepath.Join(dir, "report.txt")
	citelint(t, []string{"--output", text, filepath.Join(dir, "e.txt")}, withTerminal(""))
	data, err = os.ReadFile(text)
	require.NoError(t, err)
	assert.NotContains(t, string(data), "\x1b[", "a file never gets colour")

	bad := citelint(t, []string{"--output", filepath.Join(dir, "no", "such", "dir.txt"), filepath.Join(dir, "e.txt")})
	assert.Equal(t, exitUsage, bad.code)
	assert.Contains(t, bad.stderr, "--output")
}

func TestColor(t *testing.T) {
	dir := essays(t, map[string]string{"e.txt": "BADCITE\n"})
	file := filepath.Join(dir, "e.txt")
	assert.NotContains(t, citelint(t, []string{file}).stdout, "\x1b[", "no colour into a pipe")
	assert.Contains(t, citelint(t, []string{file}, withTerminal("")).stdout, "\x1b[1;31merror\x1b[0m")
	assert.NotContains(t, citelint(t, []string{file}, withTerminal("1")).stdout, "\x1b[", "NO_COLOR wins")
}

func TestNotYetSupportedFlags(t *testing.T) {
	dir := essays(t, map[string]string{"e.txt": "fine\n"})
	res := citelint(t, []string{"--report", dir, "--no-inline-config", filepath.Join(dir, "e.txt")})
	assert.Equal(t, exitOK, res.code, "accepted, not failed")
	for _, name := range notYetSupported() {
		assert.Contains(t, res.stderr, "--"+name+" is not supported yet")
	}
	quiet := citelint(t, []string{filepath.Join(dir, "e.txt")})
	assert.Empty(t, quiet.stderr, "said only when used")
}

func TestConfigFile(t *testing.T) {
	dir := essays(t, map[string]string{
		"e.txt":              "fine IFFY\n",
		"bad/.citelint.yml":  "version: 1\nrules:\n  fake-warnng: off\n",
		"bad/f.txt":          "fine\n",
		"good/.citelint.yml": "version: 1\nrules:\n  fake-warning: off\n",
		"good/g.txt":         "fine IFFY\n",
	})
	// The fake warning rule fires on IFFY; the good folder turns it off.
	plain := citelint(t, []string{"--format", "json", filepath.Join(dir, "e.txt")})
	configured := citelint(t, []string{"--format", "json", filepath.Join(dir, "good", "g.txt")})
	assert.Contains(t, plain.stdout, "fake-warning")
	assert.NotContains(t, configured.stdout, "fake-warning", "the folder's .citelint.yml applies")

	broken := citelint(t, []string{filepath.Join(dir, "bad", "f.txt"), filepath.Join(dir, "e.txt")})
	assert.Equal(t, exitUsage, broken.code)
	assert.Contains(t, broken.stderr, ".citelint.yml:3:3")
	assert.Contains(t, broken.stderr, "fake-warnng")

	explicit := citelint(t, []string{"--config", filepath.Join(dir, "good", ".citelint.yml"), "--format", "json", filepath.Join(dir, "e.txt")})
	assert.NotContains(t, explicit.stdout, "fake-warning", "--config applies to every file")
	missing := citelint(t, []string{"--config", filepath.Join(dir, "none.yml"), filepath.Join(dir, "e.txt")})
	assert.Equal(t, exitUsage, missing.code)
	assert.Contains(t, missing.stderr, "none.yml")
}

// TestConfigPerFile lints whole folders, so that the options worked out
// once for a configuration without overrides serve every file, and a
// configuration with overrides still gives each file its own.
func TestConfigPerFile(t *testing.T) {
	dir := essays(t, map[string]string{
		"plain/.citelint.yml":       "version: 1\nrules:\n  fake-warning: off\n",
		"plain/a.txt":               "fine IFFY\n",
		"plain/b.txt":               "fine IFFY\n",
		"split/.citelint.yml":       "version: 1\noverrides:\n  - files: [\"drafts/**\"]\n    rules: {fake-warning: off}\n",
		"split/final.txt":           "fine IFFY\n",
		"split/drafts/draft.txt":    "fine IFFY\n",
		"split/drafts/another.txt":  "fine IFFY\n",
		"split/final-two/essay.txt": "fine IFFY\n",
	})
	plain := citelint(t, []string{"--format", "json", filepath.Join(dir, "plain")})
	assert.NotContains(t, plain.stdout, "fake-warning", "the rule is off for every file of the folder")
	split := citelint(t, []string{"--format", "json", filepath.Join(dir, "split")})
	assert.Equal(t, 2, strings.Count(split.stdout, `"rule":"fake-warning"`), split.stdout)
	assert.Contains(t, split.stdout, "final.txt")
	assert.Contains(t, split.stdout, "essay.txt")
	drafts := 0
	for _, line := range strings.Split(split.stdout, "\n") {
		if strings.Contains(line, "drafts") {
			drafts++
			assert.Contains(t, line, `"findings":[]`, "the override turns the rule off in drafts")
		}
	}
	assert.Equal(t, 2, drafts, split.stdout)
}

func TestInspect(t *testing.T) {
	dir := essays(t, map[string]string{"e.md": "# Title\n\nSome words.\n"})
	res := citelint(t, []string{"inspect", filepath.Join(dir, "e.md"), "--format", "json"})
	require.Equal(t, exitOK, res.code, res.stderr)
	var view map[string]any
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &view))
	assert.Equal(t, filepath.Join(dir, "e.md"), view["path"])
	assert.Equal(t, "markdown", view["format"])
	for _, key := range []string{"style", "sections", "quotes", "citations", "entries"} {
		assert.Contains(t, view, key)
	}

	text := citelint(t, []string{"inspect", filepath.Join(dir, "e.md")})
	assert.Equal(t, exitOK, text.code)
	assert.Contains(t, text.stdout, "Sections (")

	stdin := citelint(t, []string{"inspect", "--stdin-filename", "x.md", "-"}, withStdin("Hello.\n"))
	assert.Equal(t, exitOK, stdin.code, stdin.stderr)
	assert.Contains(t, stdin.stdout, "x.md")

	for _, args := range [][]string{
		{"inspect"},
		{"inspect", filepath.Join(dir, "e.md"), filepath.Join(dir, "e.md")},
		{"inspect", dir},
		{"inspect", filepath.Join(dir, "gone.md")},
		{"inspect", "--format", "yaml", filepath.Join(dir, "e.md")},
	} {
		res := citelint(t, args)
		assert.Equal(t, exitUsage, res.code, "%v", args)
		assert.NotEmpty(t, res.stderr, "%v", args)
	}
}

func TestRules(t *testing.T) {
	res := citelint(t, []string{"rules"})
	assert.Equal(t, exitOK, res.code)
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	require.Len(t, lines, 4)
	assert.Regexp(t, `^ID\s+SEVERITY\s+CATEGORY\s+SUMMARY$`, lines[0])
	assert.Regexp(t, `^fake-error\s+error\s+testing\s+reports BADCITE$`, lines[1])
	assert.Regexp(t, `^fake-off\s+off\s+testing\s+reports PEDANTIC$`, lines[3])

	md := citelint(t, []string{"rules", "--format", "markdown"})
	assert.Contains(t, md.stdout, "| `fake-warning` | warning | testing | reports IFFY |\n")
}

func TestExplain(t *testing.T) {
	res := citelint(t, []string{"explain", "fake-error"})
	assert.Equal(t, exitOK, res.code)
	assert.Equal(t, "fake-error: reports BADCITE\n\n"+
		"Severity: error\nCategory: testing\nStyles:   all\n\n"+
		"Fires on the word BADCITE.\n\n"+
		"Wrong:\n    An BADCITE here.\n\n"+
		"Right:\n    Nothing here.\n", res.stdout)

	unknown := citelint(t, []string{"explain", "fake-eror"})
	assert.Equal(t, exitUsage, unknown.code)
	assert.Contains(t, unknown.stderr, `unknown rule "fake-eror"; did you mean fake-error`)
	assert.Empty(t, unknown.stdout)

	none := citelint(t, []string{"explain"})
	assert.Equal(t, exitUsage, none.code)

	var b bytes.Buffer
	require.NoError(t, writeExplanation(&b, lint.Meta{ID: "x", Summary: "y", Styles: []lint.Style{lint.StyleMLA, lint.StyleAPA}, Since: "0.1"}))
	assert.Equal(t, "x: y\n\nSeverity: off (runs only with --enable x)\nStyles:   mla, apa\nSince:    0.1\n", b.String())
}

func TestVersion(t *testing.T) {
	res := citelint(t, []string{"version"})
	assert.Equal(t, exitOK, res.code)
	assert.Regexp(t, `^citelint \S+\ncommit: .+\ngo: go\S+ \w+/\w+\n$`, res.stdout)
}

func TestBareCommandShowsHelp(t *testing.T) {
	res := citelint(t, nil)
	assert.Equal(t, exitOK, res.code)
	assert.Contains(t, res.stdout, "USAGE:")
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name        string
		summary     output.Summary
		maxWarnings int
		want        int
	}{
		{"clean", output.Summary{Files: 3}, -1, exitOK},
		{"infos and warnings", output.Summary{Warnings: 5, Infos: 2}, -1, exitOK},
		{"an error", output.Summary{Errors: 1, Warnings: 1}, -1, exitFindings},
		{"warnings at the limit", output.Summary{Warnings: 2}, 2, exitOK},
		{"warnings over the limit", output.Summary{Warnings: 3}, 2, exitFindings},
		{"zero warnings allowed", output.Summary{Warnings: 1}, 0, exitFindings},
		{"a file not read", output.Summary{Failed: 1}, -1, exitUsage},
		{"not read beats errors", output.Summary{Failed: 1, Errors: 4}, -1, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, exitCode(tt.summary, tt.maxWarnings))
		})
	}
}

func TestEngineOptions(t *testing.T) {
	flags := lintFlags{Format: "json", Style: "APA", Jobs: 3, QuoteMinWords: 6, MaxWarnings: -1,
		Enable: []string{"fake-off"}, Disable: []string{"fake-warning"}}
	opts, err := flags.engineOptions(fakeRules())
	require.NoError(t, err)
	assert.Equal(t, lint.StyleAPA, opts.Settings.Style)
	assert.Equal(t, 6, opts.Settings.QuoteMinWords)
	assert.Equal(t, 3, opts.Jobs)
	assert.Len(t, opts.Rules, 3)
	assert.Equal(t, map[string]lint.Severity{"fake-off": lint.SeverityWarning, "fake-warning": lint.SeverityOff}, opts.Severity)

	auto := lintFlags{Format: "text", Style: "auto", QuoteMinWords: 4}
	opts, err = auto.engineOptions(nil)
	require.NoError(t, err)
	assert.Equal(t, lint.StyleUnknown, opts.Settings.Style)
}

func TestPermuteArgs(t *testing.T) {
	app := newApp(&env{})
	tests := []struct{ in, want string }{
		{"citelint a.md --format json", "citelint --format json a.md"},
		{"citelint lint a.md -f json b.md --online", "citelint lint -f json --online a.md b.md"},
		{"citelint inspect a.md --format json", "citelint inspect --format json a.md"},
		{"citelint --format json lint a.md", "citelint lint --format json a.md"},
		{"citelint a.md --format=json -", "citelint --format=json a.md -"},
		{"citelint a.md -- --odd-name.md", "citelint -- a.md --odd-name.md"},
		{"citelint rules", "citelint rules"},
		{"citelint explain quote-uncited", "citelint explain quote-uncited"},
		{"citelint --enable x a.md --disable y", "citelint --enable x --disable y a.md"},
	}
	for _, tt := range tests {
		got := strings.Join(permuteArgs(app, strings.Fields(tt.in)), " ")
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestCloseIDs(t *testing.T) {
	ids := []string{"quote-uncited", "quote-unbalanced", "quote-title", "entry-uncited", "citation-unmatched"}
	assert.Equal(t, []string{"quote-uncited"}, closeIDs("quote-uncitd", ids))
	assert.Equal(t, []string{"quote-title"}, closeIDs("quote-titel", ids))
	assert.Equal(t, []string{"quote-title", "quote-uncited", "quote-unbalanced"}, closeIDs("quote", ids))
	assert.Empty(t, closeIDs("zzz", ids))
}

// BenchmarkVersion measures `citelint version` in-process; the process
// start-up it leaves out is measured with hyperfine (see README).
func BenchmarkVersion(b *testing.B) {
	e := &env{stdout: io.Discard, stderr: io.Discard, stdin: strings.NewReader(""),
		getenv: func(string) string { return "" }, isTerminal: func(io.Writer) bool { return false },
		rules: func() []lint.Rule { b.Fatal("version must not build the rules"); return nil }}
	for b.Loop() {
		if code := run(context.Background(), []string{"citelint", "version"}, e); code != 0 {
			b.Fatal(code)
		}
	}
}
