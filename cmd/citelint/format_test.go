package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withEnv sets the environment the command line sees.
func withEnv(vars map[string]string) option {
	return func(e *env) { e.getenv = func(k string) string { return vars[k] } }
}

// inEssayDir writes the CLI format tests' essays and makes their folder
// the working directory, as a CI job runs at its repository root.
func inEssayDir(t *testing.T) string {
	t.Helper()
	dir := essays(t, map[string]string{
		"essays/bad.txt":  "One line.\nA BADCITE here, and an IFFY one.\n",
		"essays/good.txt": "A plain essay.\n",
	})
	t.Chdir(dir)
	return dir
}

func TestFormatSARIF(t *testing.T) {
	dir := inEssayDir(t)
	res := citelint(t, []string{"lint", "--format", "sarif", "essays"})
	assert.Equal(t, exitFindings, res.code, res.stderr)
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &log), res.stdout)
	assert.Equal(t, "2.1.0", log.Version)
	run := log.Runs[0]
	assert.Equal(t, "citelint", run.Tool.Driver.Name)
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{"fake-error", "fake-warning", "fake-off"}, ids, "the catalogue comes from the rules' Meta")
	assert.Equal(t, "Reports BADCITE", run.Tool.Driver.Rules[0].ShortDescription.Text)
	require.Len(t, run.Results, 2)
	first := run.Results[0]
	assert.Equal(t, "fake-error", first.RuleID)
	assert.Equal(t, 0, first.RuleIndex)
	assert.Equal(t, "error", first.Level)
	loc := first.Locations[0].PhysicalLocation
	assert.Equal(t, "essays/bad.txt", loc.ArtifactLocation.URI, "relative to the working directory")
	assert.Equal(t, 2, loc.Region.StartLine)
	assert.Equal(t, 3, loc.Region.StartColumn)
	assert.Equal(t, 10, loc.Region.EndColumn)
	assert.Equal(t, 1, run.Results[1].RuleIndex)

	// An absolute path inside the working directory is made relative too.
	abs := citelint(t, []string{"lint", "--format", "sarif", filepath.Join(dir, "essays", "bad.txt")})
	assert.Contains(t, abs.stdout, `"uri":"essays/bad.txt"`)
}

func TestFormatSARIFToOutputFile(t *testing.T) {
	inEssayDir(t)
	res := citelint(t, []string{"lint", "-f", "sarif", "-o", "citelint.sarif", "essays"})
	assert.Equal(t, exitFindings, res.code, res.stderr)
	assert.Empty(t, res.stdout)
	data, err := os.ReadFile("citelint.sarif")
	require.NoError(t, err)
	assert.True(t, json.Valid(data))
	assert.Contains(t, string(data), `"columnKind":"unicodeCodePoints"`)
}

func TestFormatGitHub(t *testing.T) {
	inEssayDir(t)
	res := citelint(t, []string{"lint", "--format", "github", "essays", "missing.txt"})
	assert.Equal(t, exitUsage, res.code, "a file not found still exits 2")
	assert.Equal(t, "::error file=essays/bad.txt,line=2,col=3,endLine=2,endColumn=10,title=fake-error::found BADCITE\n"+
		"::warning file=essays/bad.txt,line=2,col=24,endLine=2,endColumn=28,title=fake-warning::found IFFY\n"+
		"::error file=missing.txt,title=citelint%3A file not read::missing.txt: no such file or directory\n", res.stdout)
}

func TestFormatGitHubStepSummary(t *testing.T) {
	inEssayDir(t)
	summary := filepath.Join(t.TempDir(), "step-summary.md")
	require.NoError(t, os.WriteFile(summary, []byte("earlier step\n"), 0o644))
	res := citelint(t, []string{"lint", "--format", "github", "essays"}, withEnv(map[string]string{"GITHUB_STEP_SUMMARY": summary}))
	assert.Equal(t, exitFindings, res.code, res.stderr)
	data, err := os.ReadFile(summary)
	require.NoError(t, err)
	got := string(data)
	assert.True(t, strings.HasPrefix(got, "earlier step\n\n### citelint\n"), "the summary is appended: %q", got)
	assert.Contains(t, got, "| `fake-error` | 1 | 0 | 0 |\n")
	assert.Contains(t, got, "| essays/bad.txt | 1 | 1 | 0 |\n")

	// Other formats leave the step summary alone.
	require.NoError(t, os.WriteFile(summary, nil, 0o644))
	citelint(t, []string{"lint", "--format", "sarif", "essays"}, withEnv(map[string]string{"GITHUB_STEP_SUMMARY": summary}))
	data, err = os.ReadFile(summary)
	require.NoError(t, err)
	assert.Empty(t, data)

	// A summary that cannot be written is named; the annotations still come.
	bad := citelint(t, []string{"lint", "--format", "github", "essays"},
		withEnv(map[string]string{"GITHUB_STEP_SUMMARY": filepath.Join(t.TempDir(), "no", "such", "dir", "x.md")}))
	assert.Contains(t, bad.stderr, "GITHUB_STEP_SUMMARY")
	assert.Contains(t, bad.stdout, "::error file=essays/bad.txt")
	assert.Equal(t, exitFindings, bad.code)
}

func TestFormatCheckstyle(t *testing.T) {
	inEssayDir(t)
	res := citelint(t, []string{"lint", "--format", "checkstyle", "essays"})
	assert.Equal(t, exitFindings, res.code, res.stderr)
	var doc struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Severity string `xml:"severity,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	require.NoError(t, xml.Unmarshal([]byte(res.stdout), &doc), res.stdout)
	require.Len(t, doc.Files, 2, "clean files are listed too")
	assert.Equal(t, filepath.Join("essays", "bad.txt"), doc.Files[0].Name)
	require.Len(t, doc.Files[0].Errors, 2)
	assert.Equal(t, "citelint.fake-error", doc.Files[0].Errors[0].Source)
	assert.Equal(t, "warning", doc.Files[0].Errors[1].Severity)
	assert.Empty(t, doc.Files[1].Errors)
}

func TestFormatJUnit(t *testing.T) {
	inEssayDir(t)
	res := citelint(t, []string{"lint", "--format", "junit", "essays"})
	assert.Equal(t, exitFindings, res.code, res.stderr)
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Type string `xml:"type,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal([]byte(res.stdout), &doc), res.stdout)
	assert.Equal(t, 3, doc.Tests, "two rules failed in one file; the clean file passed")
	assert.Equal(t, 2, doc.Failures)
	require.Len(t, doc.Suites, 2)
	assert.Equal(t, "fake-error", doc.Suites[0].Cases[0].Name)
	assert.Equal(t, "error", doc.Suites[0].Cases[0].Failure.Type)
	assert.Nil(t, doc.Suites[1].Cases[0].Failure)
}

func TestFormatCSV(t *testing.T) {
	inEssayDir(t)
	res := citelint(t, []string{"lint", "--format", "csv", "essays"})
	assert.Equal(t, exitFindings, res.code, res.stderr)
	rows, err := csv.NewReader(strings.NewReader(res.stdout)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"path", "student", "late", "line", "column", "end_line", "end_column", "severity", "rule", "message"},
		{filepath.Join("essays", "bad.txt"), "", "false", "2", "3", "2", "10", "error", "fake-error", "found BADCITE"},
		{filepath.Join("essays", "bad.txt"), "", "false", "2", "24", "2", "28", "warning", "fake-warning", "found IFFY"},
	}, rows)
}
