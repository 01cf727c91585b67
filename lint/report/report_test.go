package report

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/linttest"
)

func testRules() []lint.Rule {
	return []lint.Rule{
		linttest.MarkerRule{ID: "fake-error", Marker: "BADCITE", Message: "found %s <b>", Severity: lint.SeverityError},
		linttest.MarkerRule{ID: "fake-warning", Marker: "IFFY", Message: "found %s <b>", Severity: lint.SeverityWarning},
	}
}

func metas(rules []lint.Rule) []lint.Meta {
	var out []lint.Meta
	for _, r := range rules {
		out = append(out, r.Meta())
	}
	return out
}

// build writes a report of the given results and returns its folder.
func build(t *testing.T, results ...engine.Result) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "report")
	w, err := New(dir, Options{Rules: metas(testRules())})
	require.NoError(t, err)
	for _, r := range results {
		require.NoError(t, w.File(r))
	}
	require.NoError(t, w.Close())
	return dir
}

func lintAs(t *testing.T, path, src string) engine.Result {
	t.Helper()
	eng := engine.New(engine.Options{Rules: testRules()})
	r := eng.LintSource(path, []byte(src))
	require.NoError(t, r.Err)
	return r
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}

var markRE = regexp.MustCompile(`<a class="hl sev-(\w+)" href="#f(\d+)" title="[^"]*">([^<]*)</a>`)

// marks returns the highlighted texts of a page, in order.
func marks(page string) []string {
	var out []string
	for _, m := range markRE.FindAllStringSubmatch(page, -1) {
		out = append(out, m[3])
	}
	return out
}

func TestHighlightsInEveryFormat(t *testing.T) {
	cases := []struct{ path, src string }{
		{"e.txt", "Title\n\nA BADCITE here and IFFY there.\n"},
		{"e.md", "# Title\n\nA **BADCITE** here and *IFFY* there.\n"},
		{"e.html", "<html><body><article><h1>Title</h1><p>A <b>BADCITE</b> here &amp; IFFY there.</p></article></body></html>"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			r := lintAs(t, tc.path, tc.src)
			require.Len(t, r.Diagnostics, 2)
			dir := build(t, r)
			page := readFile(t, filepath.Join(dir, "essays", "0001-e.html"))
			assert.Equal(t, []string{"BADCITE", "IFFY"}, marks(page))
			assert.Contains(t, page, `<li id="f1" class="sev-error">`)
			assert.Contains(t, page, `<a href="#m1">`, "the finding links to its highlight")
			assert.Contains(t, page, `<span id="m1"></span>`)
			assert.NotContains(t, page, "<b>BADCITE", "markup of the source is not shown")
			assert.Contains(t, page, "found BADCITE &lt;b&gt;", "messages are escaped")
		})
	}
}

func TestHighlightOverlapsAndPoints(t *testing.T) {
	text := "abcdefghij"
	diags := []lint.Diagnostic{
		{Rule: "a", Span: lint.Span{Start: 1, End: 5}, Severity: lint.SeverityWarning},
		{Rule: "b", Span: lint.Span{Start: 3, End: 7}, Severity: lint.SeverityError},
		{Rule: "c", Span: lint.Span{Start: 8, End: 8}, Severity: lint.SeverityInfo},
		{Rule: "d", Span: lint.Span{Start: 40, End: 40}, Severity: lint.SeverityInfo},
	}
	pieces := highlight(text, func(i int) int { return i }, diags)
	type got struct {
		text  string
		finds []int
		sev   string
		caret bool
	}
	var out []got
	for _, p := range pieces {
		out = append(out, got{p.Text, p.Findings, p.Severity, p.Caret})
	}
	assert.Equal(t, []got{
		{"a", nil, "", false},
		{"bc", []int{1}, "warning", false},
		{"de", []int{1, 2}, "error", false},
		{"fg", []int{2}, "error", false},
		{"h", nil, "", false},
		{"", []int{3}, "info", true},
		{"ij", nil, "", false},
		{"", []int{4}, "info", true},
	}, out)
	assert.Equal(t, []int{1}, pieces[1].Anchors)
	assert.Equal(t, []int{2}, pieces[2].Anchors)
	assert.Empty(t, pieces[3].Anchors)
}

func TestHighlightMapsTextToSource(t *testing.T) {
	// Text "xy" stands at source offsets 10 and 20: only the character
	// whose source offset is in the span is marked.
	diags := []lint.Diagnostic{{Rule: "r", Span: lint.Span{Start: 15, End: 25}, Severity: lint.SeverityError}}
	pieces := highlight("xy", func(i int) int { return 10 + 10*i }, diags)
	require.Len(t, pieces, 2)
	assert.Equal(t, "x", pieces[0].Text)
	assert.Empty(t, pieces[0].Findings)
	assert.Equal(t, "y", pieces[1].Text)
	assert.Equal(t, []int{1}, pieces[1].Findings)
}

func TestHostileEssayIsEscaped(t *testing.T) {
	hostile := `<html><body><article><p>An essay &lt;script&gt;alert(1)&lt;/script&gt; with BADCITE and "quotes" ' <img src=x onerror=alert(2)></p>` +
		`<script>alert(3)</script><h2>Works Cited</h2><p>Smith, Jo. <i>&lt;script&gt;alert(4)&lt;/script&gt;</i>. Press, 2001.</p></article></body></html>`
	r := lintAs(t, "x.html", hostile)
	r.Student = `<script>alert(5)</script>`
	r.Path = `../../<script>alert(6)</script>.html`
	dir := build(t, r)
	entries, err := os.ReadDir(filepath.Join(dir, "essays"))
	require.NoError(t, err)
	require.Len(t, entries, 1)
	assert.Equal(t, "0001-script-alert-5-script.html", entries[0].Name(), "the page name is a slug")
	for name, scripts := range map[string]int{"index.html": 1, filepath.Join("essays", entries[0].Name()): 0} {
		page := readFile(t, filepath.Join(dir, name))
		for _, n := range "123456" {
			assert.NotContains(t, page, "alert("+string(n)+")</script>", "%s: a script of the essay stands unescaped", name)
		}
		assert.NotContains(t, page, "<img", name)
		assert.Equal(t, scripts, strings.Count(page, "<script"), "%s: the report's own script only", name)
	}
}

func TestIndexAndCSV(t *testing.T) {
	a := lintAs(t, "a.txt", "A BADCITE and BADCITE and IFFY.\n")
	a.Student, a.Late = "=HYPERLINK(\"http://x\")", true
	b := lintAs(t, "b.txt", "All clean.\n")
	b.Student = "Bob Jones"
	failed := engine.Result{Path: "c.docx", Student: "Cy", Err: os.ErrInvalid}
	dir := build(t, a, b, failed)

	index := readFile(t, filepath.Join(dir, "index.html"))
	assert.Contains(t, index, "<svg")
	assert.Equal(t, 3, strings.Count(index, "<tr data-n="))
	assert.Contains(t, index, `<a href="essays/0001-hyperlink-http-x.html">view</a>`)
	assert.Contains(t, index, `<tr data-n="3" class="failed">`)
	assert.Contains(t, index, `<span class="late">late</span>`)
	assert.Contains(t, index, "Content-Security-Policy")
	assert.NotContains(t, index, "http-equiv=\"refresh\"")
	assert.Regexp(t, `<title>fake-error: reports BADCITE — 1 essay</title>`, index)

	f, err := os.Open(filepath.Join(dir, "summary.csv"))
	require.NoError(t, err)
	defer func() { _ = f.Close() }()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"student", "file", "late", "style", "errors", "warnings", "infos", "error", "fake-error", "fake-warning"},
		{"'=HYPERLINK(\"http://x\")", "a.txt", "true", "", "2", "1", "0", "", "2", "1"},
		{"Bob Jones", "b.txt", "false", "", "0", "0", "0", "", "0", "0"},
		{"Cy", "c.docx", "false", "", "0", "0", "0", "invalid argument", "0", "0"},
	}, rows)
}

func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		"":        "",
		"Ann":     "Ann",
		"=1+1":    "'=1+1",
		"+1":      "'+1",
		"-1":      "'-1",
		"@SUM(1)": "'@SUM(1)",
		"\t=1":    "'\t=1",
		"a=1":     "a=1",
	} {
		assert.Equal(t, want, cell(in), in)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Jane Doe":              "jane-doe",
		"../../etc/passwd":      "etc-passwd",
		"Zoë Ångström":          "zoe-angstrom",
		"":                      "essay",
		"///":                   "essay",
		strings.Repeat("a", 90): strings.Repeat("a", 40),
	} {
		assert.Equal(t, want, slug(in), in)
	}
}
