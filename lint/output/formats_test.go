package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

// sarifSchemaPath is the OASIS schema in the shared folder beside the
// checkout; tests that need it skip when it is absent.
const sarifSchemaPath = "../../../shared/schemas/sarif-2.1.0.json"

const escapesSrc = "Notes on 100% of \"the: quiet, river\" & <more>.\n" +
	"=SUM(A1) is how “a formula, in a cell: might run” (Ode 2).\n"

// formatResults are results(t) and two more: an archive member whose
// path, student and messages hold the characters each format must escape
// (%, :, comma, quotes, line breaks, <, &, a leading =), and a member that
// could not be read.
func formatResults(t *testing.T) []engine.Result {
	t.Helper()
	return append(results(t),
		engine.Result{
			Path: "class.zip:smith, jo/essay 100%.md", Format: lint.FormatMarkdown, Src: []byte(escapesSrc),
			Student: "=HYPERLINK(\"x\")", Late: true,
			Diagnostics: []lint.Diagnostic{
				{
					Rule: "quote-uncited", Severity: lint.SeverityWarning,
					Span:    spanOf(t, escapesSrc, "\"the: quiet, river\"", 0),
					Message: "100% sure: \"the: quiet, river\" has no source,\nadd one & <cite> it",
					Related: []lint.Related{{Span: spanOf(t, escapesSrc, "(Ode 2)", 0), Message: "a citation, later: on line 2"}},
				},
				{
					Rule: "citation-unmatched", Severity: lint.SeverityInfo,
					Span:    spanOf(t, escapesSrc, "Ode 2", 0),
					Message: "-1 entries: @Ode is not listed",
					Fixes:   []lint.Fix{{Message: "no fix is offered inside an archive", Edits: []lint.Edit{{Span: spanOf(t, escapesSrc, "Ode", 0), New: "Odé"}}}},
				},
			},
		},
		engine.Result{
			Path: "class.zip:jo/notes.docx", Student: "Jo",
			Err: errors.New("class.zip:jo/notes.docx: member is encrypted"),
		},
	)
}

// catalogue is the rule catalogue the CLI passes to the formatters.
func catalogue() []lint.Meta {
	return []lint.Meta{
		{
			ID: "quote-uncited", Summary: "a quotation has no citation", Severity: lint.SeverityError,
			Category: "quotations", Doc: "A quotation must say where it comes from.\nCite it in its sentence.\n\nShort quoted terms need no source.",
			Wrong: "He said \"a long quoted phrase here\".", Right: "He said \"a long quoted phrase here\" (Ode 4).",
		},
		{
			ID: "citation-unmatched", Summary: "a citation names a source that has no works-cited entry", Severity: lint.SeverityError,
			Category: "citations", Doc: "Every citation needs its entry.", Wrong: "(Nobody 3)", Right: "(Ode 3)\n\nWorks Cited\n\nOde, Ann. *Rivers*. 2001.",
		},
		{
			ID: "quote-long", Summary: "a run-in quotation is long enough to be a block quotation", Severity: lint.SeverityInfo,
			Category: "quotations", Styles: []lint.Style{lint.StyleMLA, lint.StyleAPA}, Doc: "Long quotations are set as blocks.",
		},
		{ID: "entry-order", Summary: "entries are not in order", Severity: lint.SeverityOff, Category: "bibliography",
			Doc: "Entries go in alphabetical order.", Wrong: "Uses ``` fences ````", Right: "B\nA"},
	}
}

// renderWith streams rs through a formatter made with opts, as the CLI
// does.
func renderWith(t *testing.T, format string, opts Options, rs []engine.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	f, err := New(format, &buf, opts)
	require.NoError(t, err)
	var sum Summary
	require.NoError(t, f.Begin())
	for _, r := range rs {
		sum.Add(r)
		require.NoError(t, f.File(r))
	}
	require.NoError(t, f.End(sum))
	return buf.Bytes()
}

func goldenOptions() Options {
	return Options{Rules: catalogue(), Version: "v1.2.3", BaseDir: filepath.FromSlash("/repo")}
}

func TestFormatGoldens(t *testing.T) {
	for _, tt := range []struct{ format, file string }{
		{FormatSARIF, "sarif.golden"},
		{FormatGitHub, "github.golden"},
		{FormatCheckstyle, "checkstyle.golden"},
		{FormatJUnit, "junit.golden"},
		{FormatCSV, "csv.golden"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			golden(t, tt.file, renderWith(t, tt.format, goldenOptions(), formatResults(t)))
		})
	}
}

func TestGitHubStepSummaryGolden(t *testing.T) {
	var summary bytes.Buffer
	opts := goldenOptions()
	opts.StepSummary = &summary
	out := renderWith(t, FormatGitHub, opts, formatResults(t))
	assert.Equal(t, string(renderWith(t, FormatGitHub, goldenOptions(), formatResults(t))), string(out),
		"the summary goes to its own writer, never into the annotations")
	golden(t, "github-summary.golden", summary.Bytes())
}

func TestEveryFormatHandlesAnEmptyRun(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			out := renderWith(t, format, Options{}, nil)
			switch format {
			case FormatJSON, FormatSARIF:
				assert.True(t, json.Valid(out), "%s", out)
			case FormatCheckstyle, FormatJUnit:
				assert.NoError(t, xml.Unmarshal(out, new(struct{})), "%s", out)
			case FormatCSV:
				assert.Equal(t, strings.Join(csvHeader(), ",")+"\r\n", string(out))
			default:
				assert.Empty(t, out)
			}
		})
	}
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID                   string    `json:"id"`
					Name                 string    `json:"name"`
					ShortDescription     sarifText `json:"shortDescription"`
					FullDescription      sarifText `json:"fullDescription"`
					Help                 sarifHelp `json:"help"`
					DefaultConfiguration struct {
						Enabled *bool  `json:"enabled"`
						Level   string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties struct {
						Tags []string `json:"tags"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			RuleIndex           *int              `json:"ruleIndex"`
			Level               string            `json:"level"`
			Message             sarifText         `json:"message"`
			Locations           []sarifLocation   `json:"locations"`
			RelatedLocations    []sarifLocation   `json:"relatedLocations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Fixes               []sarifFix        `json:"fixes"`
		} `json:"results"`
		Invocations []sarifInvocation `json:"invocations"`
	} `json:"runs"`
}

func TestSARIFValidAgainstSchema(t *testing.T) {
	schemaFile, err := os.Open(sarifSchemaPath)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is absent", sarifSchemaPath)
	}
	require.NoError(t, err)
	defer func() { _ = schemaFile.Close() }()
	schemaDoc, err := jsonschema.UnmarshalJSON(schemaFile)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri and uri-reference are checked, not only noted
	require.NoError(t, c.AddResource("sarif-2.1.0.json", schemaDoc))
	schema, err := c.Compile("sarif-2.1.0.json")
	require.NoError(t, err)

	for name, rs := range map[string][]engine.Result{
		"batch": formatResults(t),
		"empty": nil,
		"clean": {{Path: "ok.md", Src: []byte("fine\n")}},
	} {
		t.Run(name, func(t *testing.T) {
			out := renderWith(t, FormatSARIF, goldenOptions(), rs)
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			require.NoError(t, err)
			require.NoError(t, schema.Validate(inst))
		})
	}
}

// TestSARIFForGitHub checks what code scanning wants beyond the schema.
func TestSARIFForGitHub(t *testing.T) {
	out := renderWith(t, FormatSARIF, goldenOptions(), formatResults(t))
	var log sarifLog
	require.NoError(t, json.Unmarshal(out, &log))
	assert.NotEmpty(t, log.Schema)
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	driver := run.Tool.Driver
	assert.Equal(t, "citelint", driver.Name)
	assert.Equal(t, "v1.2.3", driver.Version)
	assert.NotEmpty(t, driver.InformationURI)

	ids := map[string]int{}
	for i, r := range driver.Rules {
		assert.NotEmpty(t, r.ID)
		assert.NotEmpty(t, r.Name, r.ID)
		assert.NotEmpty(t, r.ShortDescription.Text, r.ID)
		assert.NotEmpty(t, r.FullDescription.Text, r.ID)
		assert.NotEmpty(t, r.Help.Text, r.ID)
		assert.NotEmpty(t, r.Help.Markdown, r.ID)
		assert.Contains(t, []string{"error", "warning", "note"}, r.DefaultConfiguration.Level, r.ID)
		assert.NotContains(t, ids, r.ID, "rule IDs are unique")
		ids[r.ID] = i
	}
	for _, id := range []string{"quote-uncited", "citation-unmatched", "quote-long", "entry-order"} {
		assert.Contains(t, ids, id, "the whole catalogue is described, rules that did not fire too")
	}
	assert.Contains(t, ids, "terminal-escape", "a rule missing from the catalogue still gets a descriptor")
	off := driver.Rules[ids["entry-order"]].DefaultConfiguration
	require.NotNil(t, off.Enabled)
	assert.False(t, *off.Enabled)
	assert.Equal(t, []string{"quotations", "mla", "apa"}, driver.Rules[ids["quote-long"]].Properties.Tags)
	assert.Contains(t, driver.Rules[ids["entry-order"]].Help.Markdown, "`````text\nUses ``` fences ````\n`````",
		"an example's backticks cannot close its fence")

	require.Len(t, run.Results, 13)
	for _, r := range run.Results {
		require.NotNil(t, r.RuleIndex)
		assert.Equal(t, ids[r.RuleID], *r.RuleIndex, "ruleIndex points at the rule")
		assert.Contains(t, []string{"error", "warning", "note"}, r.Level)
		assert.NotEmpty(t, r.Message.Text)
		require.Len(t, r.Locations, 1)
		pl := r.Locations[0].PhysicalLocation
		uri := pl.ArtifactLocation.URI
		assert.NotContains(t, uri, `\`)
		assert.False(t, strings.HasPrefix(uri, "/") || strings.Contains(uri, "://"), "repository-relative: %s", uri)
		require.NotNil(t, pl.Region)
		assert.GreaterOrEqual(t, pl.Region.StartLine, 1)
		assert.GreaterOrEqual(t, pl.Region.StartColumn, 1)
	}

	first := run.Results[0]
	assert.Equal(t, "essays/%D1%82%D1%91%D0%BF%D0%BB%D1%8B%D0%B9.md", first.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, sarifRegion{StartLine: 3, StartColumn: 13, EndLine: 3, EndColumn: 13 + len([]rune("«Всё было тихо и спокойно»"))},
		*first.Locations[0].PhysicalLocation.Region, "columns count code points")

	sato := run.Results[1]
	require.Len(t, sato.RelatedLocations, 1)
	assert.Equal(t, "the closest entry", sato.RelatedLocations[0].Message.Text)
	assert.Equal(t, 9, sato.RelatedLocations[0].PhysicalLocation.Region.StartLine)
	require.Len(t, sato.Fixes, 1)
	change := sato.Fixes[0].ArtifactChanges[0]
	assert.Equal(t, "essays/%D1%82%D1%91%D0%BF%D0%BB%D1%8B%D0%B9.md", change.ArtifactLocation.URI)
	assert.Equal(t, "Satō", change.Replacements[0].InsertedContent.Text)

	member := run.Results[11]
	assert.Equal(t, "class.zip", member.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, "smith, jo/essay 100%.md", member.Locations[0].LogicalLocations[0].Name)
	assert.True(t, strings.HasPrefix(member.Message.Text, "smith, jo/essay 100%.md: "), member.Message.Text)
	assert.Contains(t, member.PartialFingerprints, fingerprintKey)
	assert.Empty(t, run.Results[12].Fixes, "an edit inside a zip cannot be applied to the zip")
	assert.NotEqual(t, member.PartialFingerprints[fingerprintKey], run.Results[12].PartialFingerprints[fingerprintKey])

	require.Len(t, run.Invocations, 1)
	inv := run.Invocations[0]
	assert.False(t, inv.ExecutionSuccessful, "files were not read")
	require.Len(t, inv.ToolExecutionNotifications, 2)
	assert.Contains(t, inv.ToolExecutionNotifications[0].Message.Text, "unsupported file type")
	assert.Equal(t, "broken.docx", inv.ToolExecutionNotifications[0].Locations[0].PhysicalLocation.ArtifactLocation.URI)
}

func TestSARIFCleanRunSucceeds(t *testing.T) {
	out := renderWith(t, FormatSARIF, Options{}, []engine.Result{{Path: "ok.md", Src: []byte("fine\n")}})
	var log sarifLog
	require.NoError(t, json.Unmarshal(out, &log))
	assert.Empty(t, log.Runs[0].Results)
	assert.NotNil(t, log.Runs[0].Tool.Driver.Rules, "rules is a list, even empty")
	assert.True(t, log.Runs[0].Invocations[0].ExecutionSuccessful)
}

func TestRepoPathAndURI(t *testing.T) {
	base := filepath.FromSlash("/work/repo")
	tests := []struct{ path, repo, uri string }{
		{"essays/a.md", "essays/a.md", "essays/a.md"},
		{"./essays/../essays/a.md", "essays/a.md", "essays/a.md"},
		{"/work/repo/essays/a b.md", "essays/a b.md", "essays/a%20b.md"},
		{"/elsewhere/x.md", "/elsewhere/x.md", "file:///elsewhere/x.md"},
		{"../sibling/x.md", "/work/sibling/x.md", "file:///work/sibling/x.md"},
		{"a:b.md", "a:b.md", "./a:b.md"},
		{"100%/#1?.md", "100%/#1?.md", "100%25/%231%3F.md"},
		{"<stdin>", "<stdin>", "%3Cstdin%3E"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			repo := repoPath(base, filepath.FromSlash(tt.path))
			assert.Equal(t, tt.repo, repo)
			assert.Equal(t, tt.uri, fileURI(repo))
		})
	}
	assert.Equal(t, "essays/a.md", repoPath("", "essays//a.md"), "with no base, paths are only cleaned")
}

func TestSplitMember(t *testing.T) {
	tests := []struct{ name, archive, member string }{
		{"class.zip:smith/essay.md", "class.zip", "smith/essay.md"},
		{"dir/Class.ZIP:a:b.md", "dir/Class.ZIP", "a:b.md"},
		{"blog.xml:my-post", "blog.xml", "my-post"},
		{"essay.md", "essay.md", ""},
		{"class.zip", "class.zip", ""},
		{"class.zip:", "class.zip:", ""},
		{".zip:x", ".zip:x", ""},
	}
	for _, tt := range tests {
		archive, member, ok := splitMember(tt.name)
		assert.Equal(t, tt.archive, archive, tt.name)
		assert.Equal(t, tt.member, member, tt.name)
		assert.Equal(t, tt.member != "", ok, tt.name)
	}
}

func TestGitHubEscaping(t *testing.T) {
	assert.Equal(t, "100%25 a%0D%0Ab: c, d", escapeData("100% a\r\nb: c, d"))
	assert.Equal(t, "100%25 a%0D%0Ab%3A c%2C d", escapeProperty("100% a\r\nb: c, d"))
	assert.Equal(t, "\uFFFD[31mred", escapeData("\x1b[31mred"), "terminal escapes never reach the log")

	out := string(renderWith(t, FormatGitHub, goldenOptions(), formatResults(t)))
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		assert.True(t, strings.HasPrefix(line, "::error ") || strings.HasPrefix(line, "::warning ") || strings.HasPrefix(line, "::notice "),
			"every line is one command: %q", line)
	}
	assert.Contains(t, out, "::notice file=crlf.txt,line=3,endLine=4,title=quote-long::a quotation across lines\n",
		"no columns on an annotation over several lines")
	assert.Contains(t, out, "::warning file=class.zip,line=1,col=18,endLine=1,endColumn=37,title=quote-uncited::"+
		"smith, jo/essay 100%25.md: 100%25 sure: \"the: quiet, river\" has no source,%0Aadd one & <cite> it%0Aline 2: a citation, later: on line 2\n")
	assert.Contains(t, out, "::error file=broken.docx,title=citelint%3A file not read::broken.docx: unsupported file type")
}

func TestGitHubSummaryCapsFiles(t *testing.T) {
	var rs []engine.Result
	for i := range maxSummaryFiles + 3 {
		src := "A BAD line.\n"
		rs = append(rs, engine.Result{Path: filepath.Join("e", strings.Repeat("x", i%7)+".md"), Src: []byte(src),
			Diagnostics: []lint.Diagnostic{{Rule: "r", Severity: lint.SeverityWarning, Span: lint.Span{Start: 2, End: 5}, Message: "m"}}})
	}
	var summary bytes.Buffer
	opts := Options{StepSummary: &summary}
	renderWith(t, FormatGitHub, opts, rs)
	assert.Contains(t, summary.String(), "\n3 more files with findings are not listed.\n")
	assert.Equal(t, maxSummaryFiles, strings.Count(summary.String(), "| e/"))
}

func TestEscapeMarkdown(t *testing.T) {
	assert.Equal(t, `a\|b \*c\* \<d\> \[e\]\(f\) ж`, escapeMarkdown("a|b *c* <d> [e](f) ж"))
}

func TestCheckstyleParses(t *testing.T) {
	out := renderWith(t, FormatCheckstyle, Options{}, formatResults(t))
	var doc struct {
		Version string `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	require.NoError(t, xml.Unmarshal(out, &doc))
	assert.Equal(t, "4.3", doc.Version)
	require.Len(t, doc.Files, len(formatResults(t)), "every file is listed, clean ones too")
	member := doc.Files[8]
	assert.Equal(t, "class.zip:smith, jo/essay 100%.md", member.Name)
	assert.Equal(t, "100% sure: \"the: quiet, river\" has no source,\nadd one & <cite> it", member.Errors[0].Message,
		"quotes, <, & and line breaks survive the round trip")
	assert.Equal(t, "citelint.quote-uncited", member.Errors[0].Source)
	assert.Equal(t, "info", member.Errors[1].Severity)
	assert.Equal(t, "citelint.read", doc.Files[5].Errors[0].Source)
	assert.NotContains(t, string(out), "\x1b", "XML cannot hold an escape character")
}

func TestJUnitParses(t *testing.T) {
	out := renderWith(t, FormatJUnit, Options{}, formatResults(t))
	var doc junitSuites
	require.NoError(t, xml.Unmarshal(out, &doc))
	assert.Equal(t, len(formatResults(t)), len(doc.Suites), "a suite per file")
	assert.Equal(t, 2, doc.Errors, "two files could not be read")
	tests, failures := 0, 0
	for _, s := range doc.Suites {
		tests += s.Tests
		failures += s.Failures
		assert.Len(t, s.Cases, s.Tests)
	}
	assert.Equal(t, tests, doc.Tests)
	assert.Equal(t, failures, doc.Failures)
	clean := doc.Suites[2]
	require.Len(t, clean.Cases, 1)
	assert.Nil(t, clean.Cases[0].Failure, "a clean file passes")
	assert.Equal(t, "clean.md", clean.Cases[0].ClassName)
	first := doc.Suites[0]
	assert.Equal(t, []string{"quote-uncited", "citation-unmatched", "quote-unbalanced", "entry-uncited"},
		[]string{first.Cases[0].Name, first.Cases[1].Name, first.Cases[2].Name, first.Cases[3].Name})
}

func TestJUnitGroupsFindingsOfARule(t *testing.T) {
	src := "one BAD two BAD\n"
	r := engine.Result{Path: "a.md", Src: []byte(src), Diagnostics: []lint.Diagnostic{
		{Rule: "r", Severity: lint.SeverityWarning, Span: lint.Span{Start: 4, End: 7}, Message: "first"},
		{Rule: "r", Severity: lint.SeverityError, Span: lint.Span{Start: 12, End: 15}, Message: "second"},
	}}
	var doc junitSuites
	require.NoError(t, xml.Unmarshal(renderWith(t, FormatJUnit, Options{}, []engine.Result{r}), &doc))
	c := doc.Suites[0].Cases
	require.Len(t, c, 1)
	assert.Equal(t, "2 findings of r", c[0].Failure.Message)
	assert.Equal(t, "error", c[0].Failure.Type, "the most serious finding types the failure")
	assert.Equal(t, "a.md:1:5: warning: first\na.md:1:13: error: second\n", c[0].Failure.Text)
}

func TestCSVParses(t *testing.T) {
	out := renderWith(t, FormatCSV, Options{}, formatResults(t))
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, csvHeader(), rows[0])
	assert.Len(t, rows, 1+13+2, "a header, a row per finding and a row per file not read")
	var member []string
	for _, row := range rows {
		if strings.HasPrefix(row[0], "class.zip:smith") && row[8] == "quote-uncited" {
			member = row
		}
	}
	require.NotNil(t, member)
	assert.Equal(t, `'=HYPERLINK("x")`, member[1], "a formula is defused")
	assert.Equal(t, "true", member[2])
	assert.Equal(t, "100% sure: \"the: quiet, river\" has no source,\nadd one & <cite> it", member[9])
	assert.True(t, bytes.HasSuffix(out, []byte("\r\n")))
}

func TestSpreadsheetSafe(t *testing.T) {
	tests := map[string]string{
		"":             "",
		"plain":        "plain",
		"=1+1":         "'=1+1",
		"+1":           "'+1",
		"-1 entries":   "'-1 entries",
		"@SUM(A1)":     "'@SUM(A1)",
		"\t=1":         "'\t=1",
		"a=b":          "a=b",
		"«=» quoted":   "«=» quoted",
		"'already one": "'already one",
	}
	for in, want := range tests {
		assert.Equal(t, want, spreadsheetSafe(in), "%q", in)
	}
}

func TestSemanticVersion(t *testing.T) {
	for v, want := range map[string]string{
		"v1.2.3": "1.2.3", "v0.1.0-rc.1": "0.1.0-rc.1", "(devel)": "", "": "", "v1.2": "", "vx.1.2": "",
	} {
		assert.Equal(t, want, semanticVersion(v), v)
	}
}
