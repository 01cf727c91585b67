package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/rules"
)

// zipMembers writes name, content pairs into a zip in memory, in order.
func zipMembers(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		require.NoError(t, err)
		_, err = io.WriteString(w, parts[i+1])
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// docxOf is a minimal Word document with one paragraph per string.
func docxOf(t testing.TB, paras ...string) string {
	t.Helper()
	var body strings.Builder
	for _, p := range paras {
		fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, p)
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body.String() + `</w:body></w:document>`
	return string(zipMembers(t, "[Content_Types].xml", `<Types/>`, "word/document.xml", doc))
}

// pdfOf is a one-page PDF with one line per string.
func pdfOf(t testing.TB, lines ...string) string {
	t.Helper()
	f := fpdf.New("P", "pt", "Letter", "")
	f.SetMargins(72, 72, 72)
	f.AddPage()
	f.SetFont("Times", "", 12)
	for _, l := range lines {
		f.CellFormat(0, 24, l, "", 1, "L", false, 0, "")
	}
	var buf bytes.Buffer
	require.NoError(t, f.Output(&buf))
	return buf.String()
}

// classZip is a Canvas download of a small class: a Word essay (late), a
// text entry, a plain-text essay, a PDF, a broken Word file, a member
// whose path escapes the folder, a nested zip, an essay that is an
// attack on the report, and an image that is no essay.
func classZip(t testing.TB) []byte {
	return zipMembers(t,
		"smithbob_LATE_12345_67890_Essay.docx", docxOf(t,
			"Rivers and Cities",
			"Cities grew beside rivers because water carried trade, a claim with a BADCITE in it.",
			"Some historians find this IFFY.",
			"Works Cited",
			"Hale, Ruth. Water and Towns. Lakeside Press, 2004."),
		"doejane_23456_text.html", `<p>Canals changed how inland towns traded, and an IFFY claim follows.</p><p>Another paragraph.</p>`,
		"leeann_34567_45678_essay.txt", "Bridges\n\nA short essay about bridges with nothing wrong in it.\n",
		"kimjo_45678_56789_paper.pdf", pdfOf(t, "Harbours", "Harbours shaped port towns, says a BADCITE here.", "A second line of prose."),
		"brokenbill_56789_67890_essay.docx", "this is not a Word file at all",
		"../../evil_67890_78901_x.txt", "escaping the folder",
		"nestor_78901_89012_more.zip", string(zipMembers(t, "inner.txt", "hidden")),
		"hackerhal_89012_90123_essay.txt", "Title <script>alert(1)</script>\n\n<img src=x onerror=alert(2)> and a BADCITE too.\n",
		"photo.png", "\x89PNG not an essay",
	)
}

// jsonReport is the part of the JSON output the class test reads.
type jsonReport struct {
	Files []struct {
		Path     string `json:"path"`
		Student  string `json:"student"`
		Late     bool   `json:"late"`
		Style    string `json:"style"`
		Error    string `json:"error"`
		Findings []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
		} `json:"findings"`
	} `json:"files"`
	Summary struct {
		Files  int `json:"files"`
		Failed int `json:"failed"`
	} `json:"summary"`
}

func TestClassZipReport(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "class.zip")
	require.NoError(t, os.WriteFile(zipPath, classZip(t), 0o644))
	reportDir := filepath.Join(dir, "report")

	res := citelint(t, []string{"lint", "--report", reportDir, "--format", "json", zipPath})
	assert.Equal(t, exitUsage, res.code, "unreadable members make the run exit 2: %s", res.stderr)
	assert.NotContains(t, res.stderr, "not supported yet")

	var out jsonReport
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &out), res.stdout)
	type file struct {
		student string
		late    bool
		failed  bool
	}
	got := map[string]file{}
	for _, f := range out.Files {
		got[strings.TrimPrefix(f.Path, zipPath+":")] = file{f.Student, f.Late, f.Error != ""}
	}
	assert.Equal(t, map[string]file{
		"smithbob_LATE_12345_67890_Essay.docx": {"smithbob", true, false},
		"doejane_23456_text.html":              {"doejane", false, false},
		"leeann_34567_45678_essay.txt":         {"leeann", false, false},
		"kimjo_45678_56789_paper.pdf":          {"kimjo", false, false},
		"brokenbill_56789_67890_essay.docx":    {"brokenbill", false, true},
		// Refused members still belong to their students.
		"../../evil_67890_78901_x.txt":    {"evil", false, true},
		"nestor_78901_89012_more.zip":     {"nestor", false, true},
		"hackerhal_89012_90123_essay.txt": {"hackerhal", false, false},
	}, got)
	assert.Equal(t, 8, out.Summary.Files)
	assert.Equal(t, 3, out.Summary.Failed)
	for _, name := range []string{"brokenbill_56789_67890_essay.docx", "evil_67890_78901_x.txt", "nestor_78901_89012_more.zip"} {
		assert.Contains(t, res.stderr, name, "each failure is reported on standard error")
	}

	// The report folder holds the index, the CSV and a page per readable
	// essay, and nothing a member's name chose.
	var files []string
	require.NoError(t, filepath.WalkDir(reportDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(reportDir, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	}))
	assert.ElementsMatch(t, []string{
		"index.html", "summary.csv",
		"essays/0001-smithbob.html", "essays/0002-doejane.html", "essays/0003-leeann.html",
		"essays/0004-kimjo.html", "essays/0008-hackerhal.html",
	}, files)
	_, err := os.Stat(filepath.Join(dir, "evil_67890_78901_x.txt"))
	assert.ErrorIs(t, err, fs.ErrNotExist)

	index := readText(t, filepath.Join(reportDir, "index.html"))
	assert.Equal(t, 8, strings.Count(index, "<tr data-n="), "a row per submission")
	assert.Equal(t, 3, strings.Count(index, `class="failed"`))
	assert.Contains(t, index, "<svg")
	assert.Regexp(t, `<title>fake-error: reports BADCITE — 3 essays</title>`, index)
	assert.Regexp(t, `<title>fake-warning: reports IFFY — 2 essays</title>`, index)

	hostile := readText(t, filepath.Join(reportDir, "essays", "0008-hackerhal.html"))
	assert.Contains(t, hostile, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.NotContains(t, hostile, "<script")
	assert.NotContains(t, hostile, "<img")

	word := readText(t, filepath.Join(reportDir, "essays", "0001-smithbob.html"))
	assert.Contains(t, word, `<a class="hl sev-error" href="#f1"`)
	assert.Contains(t, word, ">BADCITE</a>")
	assert.Contains(t, word, "Water and Towns", "the works-cited entry is listed")
	pdfPage := readText(t, filepath.Join(reportDir, "essays", "0004-kimjo.html"))
	assert.Contains(t, pdfPage, ">BADCITE</a>")
	assert.Contains(t, pdfPage, "(page 1)")

	f, err := os.Open(filepath.Join(reportDir, "summary.csv"))
	require.NoError(t, err)
	defer func() { _ = f.Close() }()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 9)
	assert.Equal(t, []string{"student", "file", "late", "style", "errors", "warnings", "infos", "error", "fake-error", "fake-warning"}, rows[0])
	type csvRow struct {
		student, file, late, errors, warnings, bad, iffy string
		failed                                           bool
	}
	var gotRows []csvRow
	for _, r := range rows[1:] {
		gotRows = append(gotRows, csvRow{r[0], strings.TrimPrefix(r[1], zipPath+":"), r[2], r[4], r[5], r[8], r[9], r[7] != ""})
	}
	assert.Equal(t, []csvRow{
		{"smithbob", "smithbob_LATE_12345_67890_Essay.docx", "true", "1", "1", "1", "1", false},
		{"doejane", "doejane_23456_text.html", "false", "0", "1", "0", "1", false},
		{"leeann", "leeann_34567_45678_essay.txt", "false", "0", "0", "0", "0", false},
		{"kimjo", "kimjo_45678_56789_paper.pdf", "false", "1", "0", "1", "0", false},
		{"brokenbill", "brokenbill_56789_67890_essay.docx", "false", "0", "0", "0", "0", true},
		{"evil", "../../evil_67890_78901_x.txt", "false", "0", "0", "0", "0", true},
		{"nestor", "nestor_78901_89012_more.zip", "false", "0", "0", "0", "0", true},
		{"hackerhal", "hackerhal_89012_90123_essay.txt", "false", "1", "0", "1", "0", false},
	}, gotRows)
	for i, r := range rows[1:] {
		assert.Equal(t, out.Files[i].Style, r[3], "the CSV's style is the JSON's")
	}
}

// TestClassZipRealRules lints the same class with the real rules: every
// member is reported, and the report is written.
func TestClassZipRealRules(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "class.zip")
	require.NoError(t, os.WriteFile(zipPath, classZip(t), 0o644))
	reportDir := filepath.Join(dir, "report")
	res := citelint(t, []string{"lint", "--report", reportDir, "--format", "json", zipPath}, func(e *env) { e.rules = rules.All })
	assert.Equal(t, exitUsage, res.code)
	var out jsonReport
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &out))
	assert.Len(t, out.Files, 8)
	assert.Equal(t, 3, out.Summary.Failed)
	index := readText(t, filepath.Join(reportDir, "index.html"))
	assert.Equal(t, 8, strings.Count(index, "<tr data-n="))
}

func TestReportFolderUnwritable(t *testing.T) {
	dir := essays(t, map[string]string{"e.txt": "A BADCITE.\n", "file": "x"})
	res := citelint(t, []string{"lint", "--report", filepath.Join(dir, "file", "report"), filepath.Join(dir, "e.txt")})
	assert.Equal(t, exitUsage, res.code)
	assert.Contains(t, res.stderr, "--report:")
	assert.Empty(t, res.stdout, "nothing is linted when the report cannot be written")
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}
