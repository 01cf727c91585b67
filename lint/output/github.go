package output

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

// maxSummaryFiles caps the per-file table of the step summary: GitHub
// takes at most 1 MiB of summary per step, and a class of thousands of
// essays would pass it. The files with the most findings are listed.
const maxSummaryFiles = 200

// githubFormatter writes GitHub Actions workflow commands, one annotation
// per finding:
//
//	::error file=essays/a.md,line=3,col=13,endLine=3,endColumn=39,title=quote-uncited::message
//
// and, when the caller gives a step summary, a Markdown table of counts by
// rule and by file at End. It keeps only those counts.
type githubFormatter struct {
	w       io.Writer
	base    string
	summary io.Writer
	byRule  map[string]*severityCounts
	files   []fileCounts
}

type severityCounts struct{ errors, warnings, infos int }

func (c *severityCounts) add(s lint.Severity) {
	switch s {
	case lint.SeverityError:
		c.errors++
	case lint.SeverityWarning:
		c.warnings++
	case lint.SeverityInfo:
		c.infos++
	}
}

func (c severityCounts) total() int { return c.errors + c.warnings + c.infos }

type fileCounts struct {
	path   string
	counts severityCounts
	failed bool
}

func newGitHubFormatter(w io.Writer, opts Options) *githubFormatter {
	return &githubFormatter{w: w, base: opts.BaseDir, summary: opts.StepSummary, byRule: map[string]*severityCounts{}}
}

func (f *githubFormatter) Begin() error { return nil }

func (f *githubFormatter) File(r engine.Result) error {
	path, member := r.Path, ""
	if archive, m, ok := splitMember(r.Path); ok {
		path, member = archive, m
	}
	file := repoPath(f.base, path)
	var b strings.Builder
	if r.Err != nil {
		writeCommand(&b, "error", [][2]string{{"file", file}, {"title", "citelint: file not read"}}, r.Err.Error())
	}
	var loc *locator
	if len(r.Diagnostics) > 0 {
		loc = newLocator(r.Src)
	}
	counts := severityCounts{}
	for _, d := range r.Diagnostics {
		counts.add(d.Severity)
		if f.byRule[d.Rule] == nil {
			f.byRule[d.Rule] = &severityCounts{}
		}
		f.byRule[d.Rule].add(d.Severity)

		rg := loc.jsonRange(d.Span)
		props := [][2]string{{"file", file}, {"line", strconv.Itoa(rg.Line)}}
		// GitHub takes columns only when the annotation is on one line.
		if rg.EndLine == rg.Line {
			props = append(props, [2]string{"col", strconv.Itoa(rg.Column)})
		}
		props = append(props, [2]string{"endLine", strconv.Itoa(rg.EndLine)})
		if rg.EndLine == rg.Line {
			props = append(props, [2]string{"endColumn", strconv.Itoa(rg.EndColumn)})
		}
		props = append(props, [2]string{"title", d.Rule})
		msg := d.Message
		if member != "" {
			msg = member + ": " + msg
		}
		for _, rel := range d.Related {
			msg += fmt.Sprintf("\nline %d: %s", loc.pos(loc.clamp(rel.Span).Start).Line, rel.Message)
		}
		writeCommand(&b, githubCommand(d.Severity), props, msg)
	}
	if f.summary != nil && (counts.total() > 0 || r.Err != nil) {
		name := file
		if member != "" {
			name += ":" + member
		}
		f.files = append(f.files, fileCounts{path: printable(name, false), counts: counts, failed: r.Err != nil})
	}
	_, err := io.WriteString(f.w, b.String())
	return err
}

func (f *githubFormatter) End(s Summary) error {
	if f.summary == nil {
		return nil
	}
	_, err := io.WriteString(f.summary, f.markdownSummary(s))
	return err
}

// githubCommand is the workflow command for a severity; GitHub has no
// "info", its notice is the same thing.
func githubCommand(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// writeCommand writes `::name k=v,k=v::message` with GitHub's escaping.
func writeCommand(b *strings.Builder, name string, props [][2]string, message string) {
	b.WriteString("::" + name)
	for i, p := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(p[0] + "=" + escapeProperty(p[1]))
	}
	b.WriteString("::" + escapeData(message) + "\n")
}

// escapeData escapes a workflow command's message as the Actions runner
// unescapes it: "%" first, then the line breaks that would end the command.
// Other control characters and bidirectional overrides become U+FFFD: the
// log would otherwise run a student's terminal escapes.
func escapeData(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return r
		case unicode.IsControl(r), isBidiControl(r):
			return utf8.RuneError
		}
		return r
	}, s)
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value: as data, and also ":" and ",",
// which would end the value.
func escapeProperty(s string) string {
	return strings.NewReplacer(":", "%3A", ",", "%2C").Replace(escapeData(s))
}

// markdownSummary is the step summary: totals, counts by rule, and counts
// by file, worst first.
func (f *githubFormatter) markdownSummary(s Summary) string {
	var b strings.Builder
	// A blank line first: an earlier step may have left a line unended.
	b.WriteString("\n### citelint\n\n")
	problems := s.Errors + s.Warnings + s.Infos
	switch {
	case problems == 0 && s.Failed == 0:
		fmt.Fprintf(&b, "No problems in %s.\n", plural(s.Files, "file"))
	case problems > 0:
		fmt.Fprintf(&b, "%s (%s, %s, %s) in %s of %s.\n", plural(problems, "problem"),
			plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Infos, "info"),
			plural(s.FilesWithFindings, "file"), plural(s.Files, "file"))
	}
	if s.Failed > 0 {
		fmt.Fprintf(&b, "\n**%s could not be read**; the run is incomplete.\n", plural(s.Failed, "file"))
	}

	if len(f.byRule) > 0 {
		rules := make([]string, 0, len(f.byRule))
		for id := range f.byRule {
			rules = append(rules, id)
		}
		slices.SortFunc(rules, func(a, b string) int {
			return cmp.Or(cmp.Compare(f.byRule[b].total(), f.byRule[a].total()), strings.Compare(a, b))
		})
		b.WriteString("\n| rule | errors | warnings | infos |\n|---|--:|--:|--:|\n")
		for _, id := range rules {
			c := f.byRule[id]
			fmt.Fprintf(&b, "| `%s` | %d | %d | %d |\n", strings.ReplaceAll(id, "`", ""), c.errors, c.warnings, c.infos)
		}
	}

	if len(f.files) > 0 {
		files := slices.Clone(f.files)
		slices.SortStableFunc(files, func(a, b fileCounts) int {
			return cmp.Or(
				compareBool(b.failed, a.failed),
				cmp.Compare(b.counts.errors, a.counts.errors),
				cmp.Compare(b.counts.total(), a.counts.total()),
			)
		})
		b.WriteString("\n| file | errors | warnings | infos |\n|---|--:|--:|--:|\n")
		for i, fc := range files {
			if i == maxSummaryFiles {
				fmt.Fprintf(&b, "\n%d more files with findings are not listed.\n", len(files)-maxSummaryFiles)
				break
			}
			if fc.failed {
				fmt.Fprintf(&b, "| %s | could not be read | | |\n", escapeMarkdown(fc.path))
				continue
			}
			fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", escapeMarkdown(fc.path), fc.counts.errors, fc.counts.warnings, fc.counts.infos)
		}
	}
	b.WriteString("\n")
	return b.String()
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// escapeMarkdown backslash-escapes the ASCII punctuation that means
// something inside a Markdown table cell on GitHub (emphasis, code, links,
// HTML, entities, math, the cell border), so that a file name is shown as
// written and never read as markup.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&$!()", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
