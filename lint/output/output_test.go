package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run `go test ./lint/output -update` to create it")
	assert.Equal(t, string(want), string(got), "output differs from %s (rerun with -update if the change is intended)", path)
}

// spanOf finds the byte span of the n-th (from 0) occurrence of needle in
// src, so that fixtures name words rather than count bytes.
func spanOf(t *testing.T, src, needle string, n int) lint.Span {
	t.Helper()
	from := 0
	for {
		i := strings.Index(src[from:], needle)
		require.GreaterOrEqual(t, i, 0, "%q not found in fixture", needle)
		if n == 0 {
			return lint.Span{Start: from + i, End: from + i + len(needle)}
		}
		n--
		from += i + len(needle)
	}
}

const multibyteSrc = "# Тёплый день\n" +
	"\n" +
	"Ана писала: «Всё было тихо и спокойно» и ушла.\n" +
	"日本語の引用 “the quiet river runs” (Sato 4).\n" +
	"\tTabbed line with “an unclosed quote\n" +
	"\n" +
	"## Works Cited\n" +
	"\n" +
	"Satō, Kenji. *Rivers*. Kyoto UP, 2001.\n"

const crlfSrc = "Title Here\r\n" +
	"\r\n" +
	"She said \"words that matter a great deal\r\n" +
	"to everyone\" on Tuesday (Lee 9).\r\n" +
	"\r\n" +
	"Works Cited:\r\n"

const eofSrc = "An essay that quotes “the whole of the moon and stars” and lists nothing."

const eofNewlineSrc = "A short essay with “one quotation of some length” (Moss 3).\n"

const scriptSrc = "<article><p>He wrote <script>alert(1)</script> and “the words that we quote here”.</p></article>\n"

const longLineSrc = "This paragraph is written as one long line, as Markdown and text essays often are, " +
	"and it goes on for a good while before it reaches the quotation “that nobody ever cited in the end” " +
	"and then carries on well past it, adding sentence after sentence until the line is very long indeed.\n"

func results(t *testing.T) []engine.Result {
	t.Helper()
	return []engine.Result{
		{
			Path: "essays/тёплый.md", Format: lint.FormatMarkdown, Src: []byte(multibyteSrc),
			Diagnostics: []lint.Diagnostic{
				{
					Rule: "quote-uncited", Severity: lint.SeverityError,
					Span:    spanOf(t, multibyteSrc, "«Всё было тихо и спокойно»", 0),
					Message: "this quotation has no citation: add the source and page, as in (Author 12)",
				},
				{
					Rule: "citation-unmatched", Severity: lint.SeverityError,
					Span:    spanOf(t, multibyteSrc, "Sato 4", 0),
					Message: `no works-cited entry for "Sato"; did you mean "Satō, Kenji"?`,
					Related: []lint.Related{{Span: spanOf(t, multibyteSrc, "Satō, Kenji", 0), Message: "the closest entry"}},
					Fixes: []lint.Fix{{Message: "cite the entry as written", Edits: []lint.Edit{
						{Span: spanOf(t, multibyteSrc, "Sato", 0), New: "Satō"},
					}}},
				},
				{
					Rule: "quote-unbalanced", Severity: lint.SeverityError,
					Span:    lint.Span{Start: spanOf(t, multibyteSrc, "“an unclosed", 0).Start, End: spanOf(t, multibyteSrc, "## Works", 0).Start},
					Message: "this quotation mark is never closed",
				},
				{
					Rule: "entry-uncited", Severity: lint.SeverityWarning,
					Span:    spanOf(t, multibyteSrc, "Satō, Kenji. *Rivers*. Kyoto UP, 2001.", 0),
					Message: "this entry is never cited in the text",
				},
			},
		},
		{
			Path: "crlf.txt", Format: lint.FormatText, Src: []byte(crlfSrc),
			Diagnostics: []lint.Diagnostic{
				{
					Rule: "quote-long", Severity: lint.SeverityInfo,
					Span:    spanOf(t, crlfSrc, "\"words that matter a great deal\r\nto everyone\"", 0),
					Message: "a quotation across lines",
				},
				{
					Rule: "works-cited-empty", Severity: lint.SeverityError,
					Span:    spanOf(t, crlfSrc, "Works Cited:", 0),
					Message: `"Works Cited:" has no entries under it; the essay cites Lee`,
				},
			},
		},
		{
			Path: "clean.md", Format: lint.FormatMarkdown, Src: []byte("Nothing to say.\n"),
		},
		{
			Path: "eof.md", Format: lint.FormatMarkdown, Src: []byte(eofSrc),
			Diagnostics: []lint.Diagnostic{{
				Rule: "works-cited-missing", Severity: lint.SeverityError,
				Span:    lint.Span{Start: len(eofSrc), End: len(eofSrc)},
				Message: "the essay quotes a source but has no Works Cited list: add one at the end",
			}},
		},
		{
			Path: "eof-newline.md", Format: lint.FormatMarkdown, Src: []byte(eofNewlineSrc),
			Diagnostics: []lint.Diagnostic{{
				Rule: "works-cited-missing", Severity: lint.SeverityError,
				Span:    lint.Span{Start: len(eofNewlineSrc), End: len(eofNewlineSrc) + 10}, // past the end: clamped
				Message: "the essay cites Moss but has no Works Cited list",
			}},
		},
		{
			Path: "broken.docx", Err: errors.New("broken.docx: unsupported file type (citelint reads .txt, .md, .markdown, .html and .htm)"),
		},
		{
			Path: "post.html", Format: lint.FormatHTML, Src: []byte(scriptSrc), Student: "Ada <b>Lovelace</b>",
			Diagnostics: []lint.Diagnostic{
				{
					Rule: "quote-uncited", Severity: lint.SeverityError,
					Span:    spanOf(t, scriptSrc, "“the words that we quote here”", 0),
					Message: "quotation after <script>alert(1)</script> has no citation & needs one",
				},
				{
					Rule: "terminal-escape", Severity: lint.SeverityInfo,
					Span:    spanOf(t, scriptSrc, "<script>", 0),
					Message: "a message with \x1b[31mescapes\x1b[0m and a\nline break",
				},
			},
		},
		{
			Path: "long.txt", Format: lint.FormatText, Src: []byte(longLineSrc),
			Diagnostics: []lint.Diagnostic{{
				Rule: "quote-uncited", Severity: lint.SeverityError,
				Span:    spanOf(t, longLineSrc, "“that nobody ever cited in the end”", 0),
				Message: "this quotation has no citation",
			}},
		},
	}
}

// render streams results through the named formatter, as the CLI does.
func render(t *testing.T, format string, color bool, rs []engine.Result) []byte {
	t.Helper()
	return renderWith(t, format, Options{Color: color}, rs)
}

func TestTextGolden(t *testing.T) {
	golden(t, "text.golden", render(t, FormatText, false, results(t)))
}

func TestTextColorGolden(t *testing.T) {
	golden(t, "text-color.golden", render(t, FormatText, true, results(t)))
}

func TestTextWithoutColorHasNoEscapes(t *testing.T) {
	out := render(t, FormatText, false, results(t))
	assert.NotContains(t, string(out), "\x1b", "an escape in a message must never reach the terminal")
}

func TestTextCleanRunIsSilent(t *testing.T) {
	clean := []engine.Result{{Path: "a.md", Src: []byte("fine\n")}, {Path: "b.md", Src: []byte("")}}
	assert.Empty(t, render(t, FormatText, false, clean))
}

func TestTextSummary(t *testing.T) {
	out := string(render(t, FormatText, false, results(t)))
	assert.Contains(t, out, "\n11 problems (8 errors, 1 warning, 2 infos) in 6 files; 1 file could not be read\n")
}

func TestJSONGolden(t *testing.T) {
	golden(t, "json.golden", render(t, FormatJSON, false, results(t)))
}

func TestJSONIsOneDocument(t *testing.T) {
	var doc struct {
		Version int `json:"version"`
		Files   []struct {
			Path     string `json:"path"`
			Error    string `json:"error"`
			Findings []struct {
				Rule      string `json:"rule"`
				Message   string `json:"message"`
				Line      int    `json:"line"`
				Column    int    `json:"column"`
				EndLine   int    `json:"endLine"`
				EndColumn int    `json:"endColumn"`
			} `json:"findings"`
		} `json:"files"`
		Summary Summary `json:"summary"`
	}
	require.NoError(t, json.Unmarshal(render(t, FormatJSON, false, results(t)), &doc))
	assert.Equal(t, 1, doc.Version)
	require.Len(t, doc.Files, len(results(t)), "every file is listed, clean and failed ones too")
	assert.Equal(t, "broken.docx", doc.Files[5].Path)
	assert.Contains(t, doc.Files[5].Error, "unsupported file type")

	// Columns count code points: «Всё… starts after "Ана писала: " (12 code points, 22 bytes).
	first := doc.Files[0].Findings[0]
	assert.Equal(t, 3, first.Line)
	assert.Equal(t, 13, first.Column)
	assert.Equal(t, 13+len([]rune("«Всё было тихо и спокойно»")), first.EndColumn)
	// "(Sato 4)" stands after six CJK characters.
	sato := doc.Files[0].Findings[1]
	assert.Equal(t, 4, sato.Line)
	assert.Equal(t, len([]rune("日本語の引用 “the quiet river runs” ("))+1, sato.Column)

	// CRLF: the span starts on line 3 and ends on line 4; "\r" is not a column.
	crlf := doc.Files[1].Findings[0]
	assert.Equal(t, []int{3, 10, 4, 13}, []int{crlf.Line, crlf.Column, crlf.EndLine, crlf.EndColumn})

	// A finding at the end of a file with no final newline.
	eof := doc.Files[3].Findings[0]
	assert.Equal(t, []int{1, len([]rune(eofSrc)) + 1}, []int{eof.Line, eof.Column})

	assert.Equal(t, "quotation after <script>alert(1)</script> has no citation & needs one", doc.Files[6].Findings[0].Message)
	assert.Equal(t, 11, doc.Summary.Findings)
	assert.Equal(t, 1, doc.Summary.Failed)
}

func TestJSONEscapesMarkup(t *testing.T) {
	// Go's encoder escapes <, > and &, so the report can be pasted into a
	// web page's script without closing it.
	out := string(render(t, FormatJSON, false, results(t)))
	assert.NotContains(t, out, "<script>")
	assert.Contains(t, out, `\u003cscript\u003e`)
}

func TestJSONEmptyRun(t *testing.T) {
	out := render(t, FormatJSON, false, nil)
	assert.JSONEq(t, `{"version":1,"files":[],"summary":{"files":0,"filesWithFindings":0,"findings":0,"errors":0,"warnings":0,"infos":0,"failed":0}}`, string(out))
}

func TestNewUnknownFormat(t *testing.T) {
	_, err := New("xml", &bytes.Buffer{}, Options{})
	require.Error(t, err)
	assert.Equal(t, `unknown format "xml" (want text, json, sarif, github, checkstyle, junit or csv)`, err.Error())
}

func TestSnippet(t *testing.T) {
	tests := []struct {
		name, src, needle string
		line, marker      string
	}{
		{"ascii", "abc def ghi\n", "def", "abc def ghi", "    ^~~"},
		{"multibyte before", "Всё «да» нет\n", "«да»", "Всё «да» нет", "    ^~~~"},
		{"wide characters", "日本 “x”\n", "“x”", "日本 “x”", "     ^~~"},
		{"tab kept", "\tab “cd”\n", "“cd”", "\tab “cd”", "\t   ^~~~"},
		{"combining mark", "e\u0301 “x”\n", "“x”", "e\u0301 “x”", "  ^~~"},
		{"clipped to the line", "one “two\nthree”\n", "“two\nthree”", "one “two", "    ^~~~"},
		{"crlf", "a\r\nb “c”\r\n", "“c”", "b “c”", "  ^~~"},
		{"empty span", "abc\n", "", "abc", "^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := lint.Span{}
			if tt.needle != "" {
				sp = spanOf(t, tt.src, tt.needle, 0)
			}
			loc := newLocator([]byte(tt.src))
			line, marker := loc.snippet(loc.clamp(sp))
			assert.Equal(t, tt.line, line)
			assert.Equal(t, tt.marker, marker)
		})
	}
}

func TestSnippetAtEndOfFile(t *testing.T) {
	loc := newLocator([]byte("last line\n"))
	line, marker := loc.snippet(lint.Span{Start: 10, End: 10})
	assert.Equal(t, "", line)
	assert.Equal(t, "^", marker)
}

func TestExcerpt(t *testing.T) {
	loc := newLocator([]byte("a\r\n  b\tc " + strings.Repeat("x", 200)))
	got := loc.excerpt(lint.Span{Start: 0, End: 1000})
	assert.True(t, strings.HasPrefix(got, "a b c xxx"))
	assert.Equal(t, maxExcerpt, len([]rune(got)))
	assert.True(t, strings.HasSuffix(got, "…"))
}

// inspectResult is a hand-built extraction of a CRLF Markdown essay with
// multi-byte text, as the extract stage would give it.
func inspectResult(t *testing.T) engine.Result {
	t.Helper()
	src := "# Ринк и «Оттепель»\r\n" +
		"\r\n" +
		"Ehrenburg’s novel drew crowds, and “the ice began to crack at last” (Ivanova 41).\r\n" +
		"According to von Geldern, “the readers wrote letters by the thousand.”\r\n" +
		"\r\n" +
		"## Works Cited\r\n" +
		"\r\n" +
		"Ivanova, Marina. “The Thaw in Print.” *Slavic Review*, vol. 12, no. 3, 2004, pp. 33–58. doi:10.1000/xyz123.\r\n"
	doc := &lint.Document{Path: "thaw.md", Format: lint.FormatMarkdown, Src: []byte(src)}
	doc.SetIdentityText()
	r := func(needle string) lint.Range {
		sp := spanOf(t, src, needle, 0)
		return lint.Range(sp)
	}
	quote1, quote2 := r("“the ice began to crack at last”"), r("“the readers wrote letters by the thousand.”")
	entryText := "Ivanova, Marina. “The Thaw in Print.” *Slavic Review*, vol. 12, no. 3, 2004, pp. 33–58. doi:10.1000/xyz123."
	heading := r("## Works Cited")
	essay := &lint.Essay{
		Doc:   doc,
		Style: lint.StyleMLA,
		Sections: []lint.Section{
			{Kind: lint.SectionTitle, Range: r("# Ринк и «Оттепель»")},
			{Kind: lint.SectionBody, Range: lint.Range{Start: r("Ehrenburg’s").Start, End: heading.Start}},
			{Kind: lint.SectionBibliography, Heading: "Works Cited", HeadingAt: heading, Range: lint.Range{Start: heading.Start, End: len(src)}},
		},
		Quotes: []lint.Quote{
			{Range: quote1, Text: "the ice began to crack at last", Open: '“', Close: '”', Words: 7, Citation: 0},
			{Range: quote2, Text: "the readers wrote letters by the thousand.", Open: '“', Close: '”', Words: 7, Citation: 1},
		},
		Citations: []lint.Citation{
			{Kind: lint.CitationParenthetical, Range: r("(Ivanova 41)"), Text: "(Ivanova 41)", Authors: []string{"Ivanova"}, Locator: "41", Entry: 0},
			{Kind: lint.CitationSignal, Range: r("According to von Geldern"), Text: "According to von Geldern", Authors: []string{"von Geldern"}, Entry: -1, Suggestion: ""},
		},
		Entries: []lint.Entry{{
			Range: r(entryText), Text: entryText,
			Authors: []lint.Name{{Family: "Ivanova", Given: "Marina"}},
			Year:    "2004", Title: "The Thaw in Print", Container: "Slavic Review", Volume: "12", Issue: "3",
			Pages: "33–58", DOI: "10.1000/xyz123", Style: lint.StyleMLA, CitedBy: []int{0},
		}},
	}
	return engine.Result{Path: "thaw.md", Format: lint.FormatMarkdown, Src: doc.Src, Essay: essay}
}

func TestInspectJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Inspect(&buf, inspectResult(t), FormatJSON))
	golden(t, "inspect.json.golden", buf.Bytes())

	var view map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &view))
	for _, key := range []string{"path", "format", "style", "sections", "quotes", "citations", "entries"} {
		assert.Contains(t, view, key)
	}
	quotes := view["quotes"].([]any)
	q := quotes[0].(map[string]any)
	assert.EqualValues(t, 3, q["line"])
	assert.EqualValues(t, len([]rune("Ehrenburg’s novel drew crowds, and "))+1, q["column"], "columns count code points")
	entry := view["entries"].([]any)[0].(map[string]any)
	assert.NotContains(t, entry, "publisher", "fields an entry lacks are left out")
	assert.EqualValues(t, 8, entry["line"])
}

func TestInspectTextGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Inspect(&buf, inspectResult(t), FormatText))
	golden(t, "inspect.txt.golden", buf.Bytes())
}

func TestInspectEmptyEssay(t *testing.T) {
	doc := &lint.Document{Path: "empty.txt", Format: lint.FormatText}
	doc.SetIdentityText()
	var buf bytes.Buffer
	require.NoError(t, Inspect(&buf, engine.Result{Path: "empty.txt", Essay: &lint.Essay{Doc: doc}}, FormatJSON))
	assert.JSONEq(t, `{"path":"empty.txt","format":"text","style":"","sections":[],"quotes":[],"citations":[],"entries":[]}`, buf.String())
}

func TestInspectUnreadable(t *testing.T) {
	err := Inspect(&bytes.Buffer{}, engine.Result{Path: "x.docx", Err: errors.New("x.docx: unsupported file type")}, FormatJSON)
	require.EqualError(t, err, "x.docx: unsupported file type")
	err = Inspect(&bytes.Buffer{}, engine.Result{Path: "y.md"}, FormatJSON)
	require.ErrorIs(t, err, ErrNoEssay)
}
