package output

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

// jsonVersion is the version of the JSON schema below; it changes only
// when a field changes meaning or goes away.
const jsonVersion = 1

// jsonFormatter writes SPEC's JSON document one file at a time:
//
//	{"version":1,"files":[
//	{…first file…},
//	{…second file…}
//	],"summary":{…}}
//
// Each file sits on its own line, so the stream is valid JSON as a whole
// and still easy to grep or tail while a batch runs.
type jsonFormatter struct {
	w     io.Writer
	files int
}

// jsonFile is one file of the report. Every file is listed, clean ones
// too; a file that could not be read carries Error.
type jsonFile struct {
	Path     string        `json:"path"`
	Student  string        `json:"student"`
	Late     bool          `json:"late,omitempty"`
	Format   lint.Format   `json:"format,omitempty"`
	Style    lint.Style    `json:"style"`
	Findings []jsonFinding `json:"findings"`
	Error    string        `json:"error,omitempty"`
}

// jsonRange is a span as positions: lines from 1, columns in Unicode code
// points from 1, the end exclusive (as in SARIF).
type jsonRange struct {
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"endLine"`
	EndColumn int `json:"endColumn"`
}

type jsonFinding struct {
	Rule     string        `json:"rule"`
	Severity lint.Severity `json:"severity"`
	Message  string        `json:"message"`
	jsonRange
	Excerpt string        `json:"excerpt"`
	Related []jsonRelated `json:"related"`
	Fixes   []jsonFix     `json:"fixes"`
}

type jsonRelated struct {
	Message string `json:"message"`
	jsonRange
	Excerpt string `json:"excerpt"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	jsonRange
	New string `json:"new"`
}

func (f *jsonFormatter) Begin() error {
	_, err := fmt.Fprintf(f.w, `{"version":%d,"files":[`, jsonVersion)
	return err
}

func (f *jsonFormatter) File(r engine.Result) error {
	data, err := json.Marshal(newJSONFile(r))
	if err != nil {
		return fmt.Errorf("%s: encoding JSON: %w", r.Path, err)
	}
	sep := "\n"
	if f.files > 0 {
		sep = ",\n"
	}
	f.files++
	if _, err := io.WriteString(f.w, sep); err != nil {
		return err
	}
	_, err = f.w.Write(data)
	return err
}

func (f *jsonFormatter) End(s Summary) error {
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encoding JSON summary: %w", err)
	}
	sep := ""
	if f.files > 0 {
		sep = "\n"
	}
	_, err = fmt.Fprintf(f.w, "%s],\"summary\":%s}\n", sep, data)
	return err
}

func newJSONFile(r engine.Result) jsonFile {
	file := jsonFile{
		Path:     r.Path,
		Student:  r.Student,
		Late:     r.Late,
		Format:   r.Format,
		Style:    r.Style(),
		Findings: []jsonFinding{},
	}
	if r.Err != nil {
		file.Error = r.Err.Error()
	}
	if len(r.Diagnostics) == 0 {
		return file
	}
	loc := newLocator(r.Src)
	for _, d := range r.Diagnostics {
		finding := jsonFinding{
			Rule:      d.Rule,
			Severity:  d.Severity,
			Message:   d.Message,
			jsonRange: loc.jsonRange(d.Span),
			Excerpt:   loc.excerpt(d.Span),
			Related:   []jsonRelated{},
			Fixes:     []jsonFix{},
		}
		for _, rel := range d.Related {
			finding.Related = append(finding.Related, jsonRelated{
				Message:   rel.Message,
				jsonRange: loc.jsonRange(rel.Span),
				Excerpt:   loc.excerpt(rel.Span),
			})
		}
		for _, fix := range d.Fixes {
			jf := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{jsonRange: loc.jsonRange(e.Span), New: e.New})
			}
			finding.Fixes = append(finding.Fixes, jf)
		}
		file.Findings = append(file.Findings, finding)
	}
	return file
}

func (l *locator) jsonRange(sp lint.Span) jsonRange {
	sp = l.clamp(sp)
	start, end := l.pos(sp.Start), l.pos(sp.End)
	return jsonRange{Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column}
}
