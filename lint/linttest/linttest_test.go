package linttest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

func TestStripAnnotations(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		want      string
		wantLines []int
		wantTexts []string
	}{
		{
			name: "none",
			src:  "Title\n\nA plain line.\n",
			want: "Title\n\nA plain line.\n",
		},
		{
			name:      "one at end of line",
			src:       "Title\n\nHe wrote \"so\". // want quote-uncited\nNext.\n",
			want:      "Title\n\nHe wrote \"so\".\nNext.\n",
			wantLines: []int{3},
			wantTexts: []string{"quote-uncited"},
		},
		{
			name:      "whitespace before is stripped too",
			src:       "a line \t  // want rule-a \"x y\"\n",
			want:      "a line\n",
			wantLines: []int{1},
			wantTexts: []string{`rule-a "x y"`},
		},
		{
			name: "url is not an annotation",
			src:  "See https://a.b//want and http://x.org/ //wanted.\n",
			want: "See https://a.b//want and http://x.org/ //wanted.\n",
		},
		{
			name:      "url then annotation",
			src:       "See https://a.b//want here. // want entry-uncited\n",
			want:      "See https://a.b//want here.\n",
			wantLines: []int{1},
			wantTexts: []string{"entry-uncited"},
		},
		{
			name:      "crlf kept",
			src:       "one // want a\r\ntwo\r\n",
			want:      "one\r\ntwo\r\n",
			wantLines: []int{1},
			wantTexts: []string{"a"},
		},
		{
			name:      "no final newline",
			src:       "one\ntwo // want b-c \"d\"",
			want:      "one\ntwo",
			wantLines: []int{2},
			wantTexts: []string{`b-c "d"`},
		},
		{
			name:      "annotation alone on a line leaves an empty line",
			src:       "one\n// want x\nthree\n",
			want:      "one\n\nthree\n",
			wantLines: []int{2},
			wantTexts: []string{"x"},
		},
		{
			name:      "only the first // want on a line starts the annotation",
			src:       "text // want a \"b // want c\"\n",
			want:      "text\n",
			wantLines: []int{1},
			wantTexts: []string{`a "b // want c"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, anns := StripAnnotations([]byte(tt.src))
			if string(got) != tt.want {
				t.Errorf("stripped = %q, want %q", got, tt.want)
			}
			if strings.Count(string(got), "\n") != strings.Count(tt.src, "\n") {
				t.Errorf("line count changed")
			}
			if len(anns) != len(tt.wantLines) {
				t.Fatalf("got %d annotations %+v, want %d", len(anns), anns, len(tt.wantLines))
			}
			for i, a := range anns {
				if a.Line != tt.wantLines[i] || a.Text != tt.wantTexts[i] {
					t.Errorf("annotation %d = %+v, want line %d text %q", i, a, tt.wantLines[i], tt.wantTexts[i])
				}
			}
		})
	}
}

func TestParseWants(t *testing.T) {
	tests := []struct {
		text    string
		want    []string // rule, then pattern ("" for none)
		wantErr string
	}{
		{text: "quote-uncited", want: []string{"quote-uncited", ""}},
		{text: `citation-unmatched "von Geldern"`, want: []string{"citation-unmatched", "von Geldern"}},
		{text: `works-cited-empty "von Geldern" quote-title`, want: []string{"works-cited-empty", "von Geldern", "quote-title", ""}},
		{text: `a "x" b "y\\(z\\)"`, want: []string{"a", "x", "b", `y\(z\)`}},
		{text: "a `raw \\(z\\)`", want: []string{"a", `raw \(z\)`}},
		{text: `a "with \"escaped\" quotes"`, want: []string{"a", `with "escaped" quotes`}},
		{text: "  rule-one   rule-two  ", want: []string{"rule-one", "", "rule-two", ""}},
		{text: "", wantErr: "names no rule"},
		{text: `"no rule first"`, wantErr: "expected a rule ID"},
		{text: `Rule-Upper`, wantErr: "expected a rule ID"},
		{text: `a "unterminated`, wantErr: "unterminated"},
		{text: `a "bad (regexp"`, wantErr: "missing closing )"},
		{text: `a "x"b`, wantErr: "expected a space"},
		{text: `a, b`, wantErr: "expected a rule ID"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			wants, err := ParseWants(7, tt.text)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), "line 7") {
					t.Errorf("err %q does not name the line", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range wants {
				if w.Line != 7 {
					t.Errorf("want line %d, not 7", w.Line)
				}
				pattern := ""
				if w.Message != nil {
					pattern = w.Message.String()
				}
				got = append(got, w.Rule, pattern)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseSettings(t *testing.T) {
	tests := []struct {
		name    string
		format  lint.Format
		src     string
		style   lint.Style
		min     int
		out     string
		wantErr string
	}{
		{name: "none", format: lint.FormatMarkdown, src: "# Title\n", min: 4, out: "# Title\n"},
		{name: "md", format: lint.FormatMarkdown, src: "<!-- fixture: style=apa quote-min-words=3 -->\n# T\n", style: lint.StyleAPA, min: 3, out: "\n# T\n"},
		{name: "html", format: lint.FormatHTML, src: "<!--fixture: style=chicago-->\r\n<p>x</p>", style: lint.StyleChicago, min: 4, out: "\r\n<p>x</p>"},
		{name: "txt", format: lint.FormatText, src: "# fixture: style=harvard\nTitle\n", style: lint.StyleHarvard, min: 4, out: "\nTitle\n"},
		{name: "txt comment form is text", format: lint.FormatText, src: "<!-- fixture: style=apa -->\n", min: 4, out: "<!-- fixture: style=apa -->\n"},
		{name: "md hash form is a heading", format: lint.FormatMarkdown, src: "# fixture: style=apa\n", min: 4, out: "# fixture: style=apa\n"},
		{name: "auto", format: lint.FormatText, src: "# fixture: style=auto", min: 4, out: ""},
		{name: "only first line", format: lint.FormatMarkdown, src: "x\n<!-- fixture: style=apa -->\n", min: 4, out: "x\n<!-- fixture: style=apa -->\n"},
		{name: "unknown key", format: lint.FormatMarkdown, src: "<!-- fixture: colour=red -->\n", wantErr: "unknown fixture setting"},
		{name: "unknown style", format: lint.FormatMarkdown, src: "<!-- fixture: style=ieee -->\n", wantErr: "unknown style"},
		{name: "bad number", format: lint.FormatMarkdown, src: "<!-- fixture: quote-min-words=0 -->\n", wantErr: "positive"},
		{name: "no value", format: lint.FormatMarkdown, src: "<!-- fixture: style -->\n", wantErr: "key=value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, out, err := ParseSettings(tt.format, []byte(tt.src))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Style != tt.style || s.QuoteMinWords != tt.min {
				t.Errorf("settings = %+v, want style %q min %d", s, tt.style, tt.min)
			}
			if string(out) != tt.out {
				t.Errorf("out = %q, want %q", out, tt.out)
			}
		})
	}
}

// markerRule is a fake rule: it reports every {{rule-id:message}} in the
// source, as a finding of rule-id with that message, so that a test can
// place findings exactly where it likes, whatever the readers do.
type markerRule struct{}

var marker = regexp.MustCompile(`\{\{([a-z-]+):([^}]*)\}\}`)

func (markerRule) Meta() lint.Meta {
	return lint.Meta{ID: "marker", Severity: lint.SeverityWarning, Summary: "test marker"}
}

func (markerRule) Check(p *lint.Pass) error {
	for _, m := range marker.FindAllSubmatchIndex(p.Doc().Src, -1) {
		src := p.Doc().Src
		p.Report(lint.Diagnostic{
			Rule:    string(src[m[2]:m[3]]),
			Span:    lint.Span{Start: m[0], End: m[1]},
			Message: string(src[m[4]:m[5]]),
		})
	}
	return nil
}

// settingsRule reports the settings it was run with, to show that a
// fixture's settings line reaches the engine.
type settingsRule struct{}

func (settingsRule) Meta() lint.Meta {
	return lint.Meta{ID: "settings", Severity: lint.SeverityInfo}
}

func (settingsRule) Check(p *lint.Pass) error {
	if i := strings.Index(string(p.Doc().Src), "SHOW-SETTINGS"); i >= 0 {
		p.Report(lint.Diagnostic{Span: lint.Span{Start: i, End: i + 1},
			Message: "style=" + string(p.Settings.Style) + " min=" + string(rune('0'+p.Settings.QuoteMinWords))})
	}
	return nil
}

// brokenRule fails, as a rule with a bug would.
type brokenRule struct{}

func (brokenRule) Meta() lint.Meta { return lint.Meta{ID: "broken", Severity: lint.SeverityError} }
func (brokenRule) Check(p *lint.Pass) error {
	if strings.Contains(string(p.Doc().Src), "BREAK") {
		panic("rule bug")
	}
	return nil
}

func fakeEngine(s lint.Settings) *engine.Engine {
	return engine.New(engine.Options{Rules: []lint.Rule{markerRule{}, settingsRule{}, brokenRule{}}, Settings: s, Jobs: 1})
}

func checkString(t *testing.T, name, src string) []Problem {
	t.Helper()
	fx, err := Prepare(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return Check(fx, fakeEngine(fx.Settings))
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		// problems are "line:unwanted:rule" or "line:unmet:rule".
		problems []string
	}{
		{
			name: "quiet",
			file: "e.txt",
			src:  "Title\n\nNothing here.\n",
		},
		{
			name: "wanted finding",
			file: "e.txt",
			src:  "Title\n\nA {{rule-a:bad thing}} here. // want rule-a \"bad\"\n",
		},
		{
			name: "want without message",
			file: "e.md",
			src:  "# T\n\nA {{rule-a:whatever}}. // want rule-a\n",
		},
		{
			name: "two wants on one line",
			file: "e.txt",
			src:  "x {{rule-a:one}} {{rule-b:two}} // want rule-a \"one\" rule-b \"two\"\n",
		},
		{
			name: "two findings of one rule on one line need two wants",
			file: "e.txt",
			src:  "x {{rule-a:one}} {{rule-a:two}} // want rule-a \"one\" rule-a \"two\"\n",
		},
		{
			name:     "one want meets only one finding",
			file:     "e.txt",
			src:      "x {{rule-a:one}} {{rule-a:two}} // want rule-a\n",
			problems: []string{"1:unwanted:rule-a"},
		},
		{
			name: "a loose want does not steal the finding a strict want needs",
			file: "e.txt",
			src:  "x {{rule-a:alpha}} {{rule-a:beta}} // want rule-a rule-a \"alpha\"\n",
		},
		{
			name:     "unwanted finding in a quiet fixture",
			file:     "e.txt",
			src:      "Title\n\nA {{rule-a:oops}}.\n",
			problems: []string{"3:unwanted:rule-a"},
		},
		{
			name:     "unmet want",
			file:     "e.txt",
			src:      "Title\n\nA fine line. // want rule-a\n",
			problems: []string{"3:unmet:rule-a"},
		},
		{
			name:     "wrong rule",
			file:     "e.txt",
			src:      "A {{rule-b:x}}. // want rule-a\n",
			problems: []string{"1:unwanted:rule-b", "1:unmet:rule-a"},
		},
		{
			name:     "message does not match",
			file:     "e.txt",
			src:      "A {{rule-a:no entry for Smith}}. // want rule-a \"Geldern\"\n",
			problems: []string{"1:unwanted:rule-a", "1:unmet:rule-a"},
		},
		{
			name:     "wrong line",
			file:     "e.txt",
			src:      "A {{rule-a:x}}.\nB. // want rule-a\n",
			problems: []string{"1:unwanted:rule-a", "2:unmet:rule-a"},
		},
		{
			name: "finding line is where its span starts",
			file: "e.txt",
			src:  "x {{rule-a:spans // want rule-a\ntwo lines}}\ny\n",
		},
		{
			name: "annotation text is not linted",
			file: "e.txt",
			src:  "plain // want rule-a \"{{rule-a:x}}\"\nA plain line.\n",
			// The marker in the annotation is stripped, so line 1 has no
			// finding; the want there is unmet.
			problems: []string{"1:unmet:rule-a"},
		},
		{
			name: "settings line reaches the engine and keeps numbering",
			file: "e.md",
			src:  "<!-- fixture: style=apa quote-min-words=3 -->\n# T\n\nSHOW-SETTINGS // want settings \"^style=apa min=3$\"\n",
		},
		{
			name: "txt settings line",
			file: "e.txt",
			src:  "# fixture: style=harvard\nT\nSHOW-SETTINGS // want settings \"style=harvard min=4\"\n",
		},
		{
			name:     "rule error is a problem",
			file:     "e.txt",
			src:      "BREAK\n",
			problems: []string{"0:error:"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range checkString(t, tt.file, tt.src) {
				switch {
				case p.Err != nil:
					got = append(got, "0:error:")
				case p.Unwanted != nil:
					got = append(got, itoa(p.Line)+":unwanted:"+p.Unwanted.Rule)
				case p.Unmet != nil:
					got = append(got, itoa(p.Line)+":unmet:"+p.Unmet.Rule)
				}
				if p.String() == "" {
					t.Errorf("empty problem text")
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.problems, ",") {
				t.Errorf("problems = %q, want %q", got, tt.problems)
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestProblemString(t *testing.T) {
	problems := checkString(t, "dir/e.txt", "Title\n\nA {{rule-b:no entry for Smith}} here. // want rule-a \"Geldern\"\n")
	if len(problems) != 2 {
		t.Fatalf("got %d problems, want 2: %v", len(problems), problems)
	}
	unwanted, unmet := problems[0].String(), problems[1].String()
	for _, want := range []string{"dir/e.txt:3", "unwanted", "[rule-b]", "warning", "no entry for Smith", "line: A {{rule-b"} {
		if !strings.Contains(unwanted, want) {
			t.Errorf("unwanted problem %q lacks %q", unwanted, want)
		}
	}
	for _, want := range []string{"dir/e.txt:3", "wanted rule-a \"Geldern\"", "not found", "this line has only: [rule-b] no entry for Smith"} {
		if !strings.Contains(unmet, want) {
			t.Errorf("unmet problem %q lacks %q", unmet, want)
		}
	}
}

func TestPrepareErrors(t *testing.T) {
	for _, tt := range []struct{ name, src, wantErr string }{
		{"e.pdf", "x", "not a fixture format"},
		{"e.md", "x // want Bad\n", "e.md: line 1"},
		{"e.md", "<!-- fixture: nope=1 -->\n", "e.md: line 1: unknown fixture setting"},
	} {
		if _, err := Prepare(tt.name, []byte(tt.src)); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("Prepare(%q, %q) err = %v, want %q", tt.name, tt.src, err, tt.wantErr)
		}
	}
}

func writeFixtures(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFilesAndNaming(t *testing.T) {
	dir := writeFixtures(t, map[string]string{
		"rule-a/fire-one.txt":     "x {{rule-a:m}} // want rule-a\n",
		"rule-a/quiet-one.md":     "# fine\n",
		"rule-a/fire-nothing.txt": "nothing wanted here\n",
		"rule-a/quiet-wants.html": "<p>x {{rule-a:m}}</p> // want rule-a\n",
		"rule-a/notes.json":       "{}",
		"README.md":               "# about",
		".hidden/fire-x.txt":      "x",
	})
	files, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := "rule-a/fire-nothing.txt rule-a/fire-one.txt rule-a/quiet-one.md rule-a/quiet-wants.html"
	if got := strings.Join(files, " "); got != want {
		t.Errorf("Files = %q, want %q", got, want)
	}
	results := map[string]int{}
	for _, rel := range files {
		results[rel] = len(CheckFile(filepath.Join(dir, rel), rel, fakeEngine))
	}
	if results["rule-a/fire-one.txt"] != 0 || results["rule-a/quiet-one.md"] != 0 {
		t.Errorf("good fixtures failed: %v", results)
	}
	if results["rule-a/fire-nothing.txt"] != 1 || results["rule-a/quiet-wants.html"] != 1 {
		t.Errorf("misnamed fixtures passed: %v", results)
	}
}

func TestRun(t *testing.T) {
	dir := writeFixtures(t, map[string]string{
		"a/fire-x.txt":   "Title\n\nA {{rule-a:no entry for \"Geldern\"}}. // want rule-a `no entry for \"Geldern\"`\n",
		"a/quiet-x.md":   "# Title\n\nQuiet text with https://a.b//want in it.\n",
		"b/fire-y.html":  "<!-- fixture: style=mla -->\n<p>{{rule-b:one}} {{rule-c:two}}</p> // want rule-b rule-c \"t.o\"\n",
		"essays/long.md": "# T\n\nFine.\n",
	})
	Run(t, dir, fakeEngine)
}
