package output

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/citelint/citelint/lint/engine"
)

// checkstyleVersion is the Checkstyle report version that CI tools
// (Jenkins, reviewdog, GitLab converters) read.
const checkstyleVersion = "4.3"

// checkstyleFormatter writes a Checkstyle XML report, one <file> element
// per file as it comes. encoding/xml escapes the attributes, line breaks
// included, and replaces characters XML cannot hold.
type checkstyleFormatter struct {
	w io.Writer
}

type checkstyleFile struct {
	XMLName xml.Name          `xml:"file"`
	Name    string            `xml:"name,attr"`
	Errors  []checkstyleError `xml:"error"`
}

// checkstyleError is one finding. A file that could not be read gets one
// error with no line or column, from the source "citelint.read".
type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func (f *checkstyleFormatter) Begin() error {
	_, err := fmt.Fprintf(f.w, "%s<checkstyle version=%q>\n", xml.Header, checkstyleVersion)
	return err
}

func (f *checkstyleFormatter) File(r engine.Result) error {
	file := checkstyleFile{Name: r.Path}
	if r.Err != nil {
		file.Errors = append(file.Errors, checkstyleError{Severity: "error", Message: r.Err.Error(), Source: "citelint.read"})
	}
	if len(r.Diagnostics) > 0 {
		loc := newLocator(r.Src)
		for _, d := range r.Diagnostics {
			p := loc.pos(loc.clamp(d.Span).Start)
			file.Errors = append(file.Errors, checkstyleError{
				Line: p.Line, Column: p.Column, Severity: d.Severity.String(),
				Message: d.Message, Source: "citelint." + d.Rule,
			})
		}
	}
	data, err := xml.MarshalIndent(file, "  ", "  ")
	if err != nil {
		return fmt.Errorf("%s: encoding Checkstyle XML: %w", r.Path, err)
	}
	_, err = fmt.Fprintf(f.w, "%s\n", data)
	return err
}

func (f *checkstyleFormatter) End(Summary) error {
	_, err := io.WriteString(f.w, "</checkstyle>\n")
	return err
}
