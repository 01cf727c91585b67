// Package linttest runs citelint's fixtures: essays whose lines carry
// annotations naming the findings they must produce.
//
// A line that must be flagged ends with an annotation:
//
//	... according to von Geldern. // want citation-unmatched "von Geldern"
//	Work Cited: // want works-cited-empty "von Geldern" quote-title
//
// "// want" (preceded by whitespace) is followed by one or more rule IDs,
// each optionally followed by a Go string literal holding a regular
// expression that the finding's message must match. Annotations are cut
// from the source — from the whitespace before "// want" to the end of the
// line — before the essay is read, so the essay is linted exactly as a
// student wrote it, with every line keeping its number.
//
// A finding is wanted when a want on the line where its span starts names
// its rule and matches its message; each finding meets at most one want.
// Every finding not wanted, and every want not met, fails the test. A
// fixture with no annotations must produce no findings at all.
//
// A fixture may open with a settings line, which is read and then emptied:
//
//	<!-- fixture: style=apa quote-min-words=4 -->   (Markdown, HTML)
//	# fixture: style=apa                            (plain text)
package linttest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/read"
)

// Fixture is an essay ready to lint: its annotations and settings line
// removed, and what it wants.
type Fixture struct {
	// Path names the fixture in messages and selects its format.
	Path string
	// Src is the essay with annotations stripped and the settings line
	// emptied; line numbers are those of the file.
	Src      []byte
	Settings lint.Settings
	Wants    []Want
}

// Prepare strips src's annotations, parses its wants and its settings
// line. An error means the fixture itself is malformed.
func Prepare(path string, src []byte) (*Fixture, error) {
	format, ok := read.FormatOf(path)
	if !ok || (format != lint.FormatText && format != lint.FormatMarkdown && format != lint.FormatHTML) {
		// Annotations are text added to a line: only text formats carry them.
		return nil, fmt.Errorf("%s: not a fixture format (.md, .txt, .html)", path)
	}
	stripped, anns := StripAnnotations(src)
	settings, stripped, err := ParseSettings(format, stripped)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	fx := &Fixture{Path: path, Src: stripped, Settings: settings}
	for _, a := range anns {
		wants, err := ParseWants(a.Line, a.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		fx.Wants = append(fx.Wants, wants...)
	}
	return fx, nil
}

// Problem is one way a fixture failed: a finding nobody wanted, a want no
// finding met, or an error linting the fixture.
type Problem struct {
	Path string
	Line int
	// Unwanted is the finding nobody wanted.
	Unwanted *lint.Diagnostic
	// Unmet is the want that no finding met; Nearby lists the findings on
	// its line that did not meet it.
	Unmet  *Want
	Nearby []lint.Diagnostic
	// Excerpt is the text of the line concerned.
	Excerpt string
	// Err is an error linting the fixture.
	Err error
}

// String says what went wrong, where, in one or two lines.
func (p Problem) String() string {
	where := fmt.Sprintf("%s:%d", p.Path, p.Line)
	switch {
	case p.Err != nil:
		return fmt.Sprintf("%s: lint error: %v", p.Path, p.Err)
	case p.Unwanted != nil:
		d := p.Unwanted
		return fmt.Sprintf("%s: unwanted finding [%s] %s: %s\n\tline: %s", where, d.Rule, d.Severity, d.Message, clipLine(p.Excerpt))
	case p.Unmet != nil:
		var got string
		if len(p.Nearby) == 0 {
			got = "no finding on this line"
		} else {
			var parts []string
			for _, d := range p.Nearby {
				parts = append(parts, fmt.Sprintf("[%s] %s", d.Rule, d.Message))
			}
			got = "this line has only: " + strings.Join(parts, "; ")
		}
		return fmt.Sprintf("%s: wanted %s, not found (%s)\n\tline: %s", where, p.Unmet, got, clipLine(p.Excerpt))
	}
	return where + ": (empty problem)"
}

func clipLine(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 100 {
		return string(r[:100]) + "…"
	}
	return s
}

// Check lints the fixture with eng and compares the findings with its
// wants, returning every problem; none means the fixture passes.
func Check(fx *Fixture, eng *engine.Engine) []Problem {
	res := eng.LintSource(fx.Path, fx.Src)
	if res.Err != nil {
		return []Problem{{Path: fx.Path, Err: res.Err}}
	}
	return Compare(fx, res.Diagnostics)
}

// Compare matches findings against the fixture's wants by line, rule and
// message, each finding meeting at most one want, and returns the findings
// left unwanted and the wants left unmet, in line order.
func Compare(fx *Fixture, diags []lint.Diagnostic) []Problem {
	index := lint.NewLineIndex(fx.Src)
	lines := make([]int, len(diags))
	for i, d := range diags {
		lines[i] = index.Position(d.Span.Start).Line
	}
	meets := func(d, w int) bool {
		want := fx.Wants[w]
		return lines[d] == want.Line && diags[d].Rule == want.Rule &&
			(want.Message == nil || want.Message.MatchString(diags[d].Message))
	}
	wantOf := matchBipartite(len(diags), len(fx.Wants), meets)
	met := make([]bool, len(fx.Wants))
	var problems []Problem
	for d, w := range wantOf {
		if w >= 0 {
			met[w] = true
			continue
		}
		problems = append(problems, Problem{Path: fx.Path, Line: lines[d], Unwanted: &diags[d], Excerpt: index.Line(lines[d])})
	}
	for w := range fx.Wants {
		if met[w] {
			continue
		}
		p := Problem{Path: fx.Path, Line: fx.Wants[w].Line, Unmet: &fx.Wants[w], Excerpt: index.Line(fx.Wants[w].Line)}
		for d := range diags {
			if lines[d] == p.Line && wantOf[d] < 0 {
				p.Nearby = append(p.Nearby, diags[d])
			}
		}
		problems = append(problems, p)
	}
	slices.SortStableFunc(problems, func(a, b Problem) int { return a.Line - b.Line })
	return problems
}

// matchBipartite pairs each of n findings with at most one of m wants, as
// many pairs as possible (augmenting paths), so that a loose want never
// takes the only finding a stricter want could meet. It returns, for each
// finding, the index of its want or -1.
func matchBipartite(n, m int, ok func(d, w int) bool) []int {
	findingOf := make([]int, m)
	for i := range findingOf {
		findingOf[i] = -1
	}
	var try func(d int, seen []bool) bool
	try = func(d int, seen []bool) bool {
		for w := range m {
			if seen[w] || !ok(d, w) {
				continue
			}
			seen[w] = true
			if findingOf[w] < 0 || try(findingOf[w], seen) {
				findingOf[w] = d
				return true
			}
		}
		return false
	}
	for d := range n {
		try(d, make([]bool, m))
	}
	wantOf := make([]int, n)
	for i := range wantOf {
		wantOf[i] = -1
	}
	for w, d := range findingOf {
		if d >= 0 {
			wantOf[d] = w
		}
	}
	return wantOf
}

// CheckFile reads, prepares and checks the fixture at path; name is how
// messages call it. A fixture whose file name starts with "quiet-" must
// want nothing, one starting with "fire-" must want something.
func CheckFile(path, name string, newEngine func(lint.Settings) *engine.Engine) []Problem {
	src, err := os.ReadFile(path)
	if err != nil {
		return []Problem{{Path: name, Err: err}}
	}
	fx, err := Prepare(path, src)
	if err != nil {
		return []Problem{{Path: name, Err: err}}
	}
	fx.Path = name
	base := filepath.Base(path)
	switch {
	case strings.HasPrefix(base, "quiet-") && len(fx.Wants) > 0:
		return []Problem{{Path: name, Err: fmt.Errorf("a quiet- fixture must not want findings (it wants %d)", len(fx.Wants))}}
	case strings.HasPrefix(base, "fire-") && len(fx.Wants) == 0:
		return []Problem{{Path: name, Err: fmt.Errorf("a fire- fixture must want at least one finding")}}
	}
	return Check(fx, newEngine(fx.Settings))
}

// Files lists the fixtures under dir: files citelint reads, README files
// and hidden files and folders left out, in lexical order, as paths
// relative to dir with forward slashes.
func Files(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.HasPrefix(strings.ToUpper(name), "README") {
			return nil
		}
		if _, ok := read.FormatOf(path); !ok {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	return out, err
}

// Run checks every fixture under dir, each as a subtest named by its path
// relative to dir, linting it with the engine newEngine makes for the
// fixture's settings. Each problem is reported with t.Errorf.
func Run(t *testing.T, dir string, newEngine func(lint.Settings) *engine.Engine) {
	t.Helper()
	files, err := Files(dir)
	if err != nil {
		t.Fatalf("linttest: %v", err)
	}
	if len(files) == 0 {
		t.Fatalf("linttest: no fixtures under %s", dir)
	}
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			for _, p := range CheckFile(filepath.Join(dir, filepath.FromSlash(rel)), filepath.Join(dir, rel), newEngine) {
				t.Errorf("%s", p)
			}
		})
	}
}
