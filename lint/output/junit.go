package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

// junitFormatter writes a JUnit XML report: a <testsuite> per file, in it
// a <testcase> per rule that fired, failing with that rule's findings; a
// clean file is one passing test case, and a file that could not be read
// one test case in error. The totals on <testsuites> come first in the
// document, so the report is written at End; until then it keeps the
// suites, which hold positions and messages, never the essays.
type junitFormatter struct {
	w      io.Writer
	suites []junitSuite
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
}

// junitProblem is a failure (findings) or an error (a file not read):
// message and type as attributes, the details as text.
type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// junitPassName names the one test case of a clean file.
const junitPassName = "citelint"

func (f *junitFormatter) Begin() error { return nil }

func (f *junitFormatter) File(r engine.Result) error {
	suite := junitSuite{Name: r.Path}
	if r.Err != nil {
		suite.Cases = append(suite.Cases, junitCase{
			Name: "read", ClassName: r.Path,
			Error: &junitProblem{Message: r.Err.Error(), Type: "read", Text: r.Err.Error()},
		})
		suite.Errors++
	}
	if len(r.Diagnostics) > 0 {
		loc := newLocator(r.Src)
		// One case per rule, in the order the rules first fire; the
		// failure's text lists every finding of its rule.
		type ruleCase struct {
			first    string
			severity lint.Severity // the most serious of its findings
			findings int
			text     strings.Builder
		}
		var order []string
		byRule := map[string]*ruleCase{}
		for _, d := range r.Diagnostics {
			rc := byRule[d.Rule]
			if rc == nil {
				rc = &ruleCase{first: d.Message}
				byRule[d.Rule] = rc
				order = append(order, d.Rule)
			}
			rc.findings++
			rc.severity = max(rc.severity, d.Severity)
			p := loc.pos(loc.clamp(d.Span).Start)
			fmt.Fprintf(&rc.text, "%s:%d:%d: %s: %s\n", r.Path, p.Line, p.Column, d.Severity, d.Message)
		}
		for _, id := range order {
			rc := byRule[id]
			msg := rc.first
			if rc.findings > 1 {
				msg = fmt.Sprintf("%d findings of %s", rc.findings, id)
			}
			suite.Cases = append(suite.Cases, junitCase{
				Name: id, ClassName: r.Path,
				Failure: &junitProblem{Message: msg, Type: rc.severity.String(), Text: rc.text.String()},
			})
			suite.Failures++
		}
	}
	if len(suite.Cases) == 0 {
		suite.Cases = append(suite.Cases, junitCase{Name: junitPassName, ClassName: r.Path})
	}
	suite.Tests = len(suite.Cases)
	f.suites = append(f.suites, suite)
	return nil
}

func (f *junitFormatter) End(Summary) error {
	all := junitSuites{Name: toolName, Suites: f.suites}
	for _, s := range f.suites {
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Errors += s.Errors
	}
	data, err := xml.MarshalIndent(all, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding JUnit XML: %w", err)
	}
	_, err = fmt.Fprintf(f.w, "%s%s\n", xml.Header, data)
	return err
}
