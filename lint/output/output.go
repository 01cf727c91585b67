// Package output turns engine results into what a person or a program
// reads: the lint formats (text, JSON, SARIF, GitHub workflow commands,
// Checkstyle, JUnit, CSV), and the inspect view of what was extracted. Formatters stream: they see one file at a time and keep nothing
// of it afterwards, so a batch of any size runs in flat memory. Line and
// column are computed here, once, from each Result's source bytes.
package output

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

// Formatter writes a run's results as they come. The caller calls Begin
// once, File for each result in order, and End once with the run's summary.
// A Formatter writes to the writer it was made with and never decides what
// is wrong or how the run exits.
type Formatter interface {
	Begin() error
	File(r engine.Result) error
	End(s Summary) error
}

// Options tune a formatter.
type Options struct {
	// Color allows ANSI colour. The caller decides: a terminal, and no
	// NO_COLOR in the environment.
	Color bool
	// Rules is the rule catalogue, for the formats that describe the rules
	// they report (SARIF). A finding of a rule missing from it is still
	// written, with a bare description.
	Rules []lint.Meta
	// Version is citelint's version, for the formats that name the tool.
	Version string
	// BaseDir is the folder that SARIF and GitHub paths are made relative
	// to: code scanning and annotations want paths from the repository
	// root, where CI runs. The caller passes the working directory; empty
	// leaves paths as given.
	BaseDir string
	// StepSummary, when set, receives the github format's Markdown
	// summary at End. The caller opens $GITHUB_STEP_SUMMARY for it.
	StepSummary io.Writer
}

// Format names accepted by New.
const (
	FormatText       = "text"
	FormatJSON       = "json"
	FormatSARIF      = "sarif"
	FormatGitHub     = "github"
	FormatCheckstyle = "checkstyle"
	FormatJUnit      = "junit"
	FormatCSV        = "csv"
)

// Formats lists the lint output formats New accepts, default first.
func Formats() []string {
	return []string{FormatText, FormatJSON, FormatSARIF, FormatGitHub, FormatCheckstyle, FormatJUnit, FormatCSV}
}

// New returns the formatter for the named format, writing to w.
func New(format string, w io.Writer, opts Options) (Formatter, error) {
	switch format {
	case FormatText:
		return &textFormatter{w: w, color: opts.Color}, nil
	case FormatJSON:
		return &jsonFormatter{w: w}, nil
	case FormatSARIF:
		return newSARIFFormatter(w, opts), nil
	case FormatGitHub:
		return newGitHubFormatter(w, opts), nil
	case FormatCheckstyle:
		return &checkstyleFormatter{w: w}, nil
	case FormatJUnit:
		return &junitFormatter{w: w}, nil
	case FormatCSV:
		return newCSVFormatter(w), nil
	}
	return nil, CheckFormat(format)
}

// CheckFormat returns nil for a format New accepts, and otherwise an error
// that lists the formats.
func CheckFormat(format string) error {
	names := Formats()
	if slices.Contains(names, format) {
		return nil
	}
	return fmt.Errorf("unknown format %q (want %s or %s)", format,
		strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// Summary counts what a run found. The caller adds each result to it while
// streaming and hands it to End.
type Summary struct {
	// Files is the number of results, read or not.
	Files int `json:"files"`
	// FilesWithFindings is the number of files with at least one finding.
	FilesWithFindings int `json:"filesWithFindings"`
	Findings          int `json:"findings"`
	Errors            int `json:"errors"`
	Warnings          int `json:"warnings"`
	Infos             int `json:"infos"`
	// Failed is the number of files that could not be read or checked.
	Failed int `json:"failed"`
}

// Add counts one result.
func (s *Summary) Add(r engine.Result) {
	s.Files++
	if r.Err != nil {
		s.Failed++
	}
	if len(r.Diagnostics) > 0 {
		s.FilesWithFindings++
	}
	for _, d := range r.Diagnostics {
		s.Findings++
		switch d.Severity {
		case lint.SeverityError:
			s.Errors++
		case lint.SeverityWarning:
			s.Warnings++
		case lint.SeverityInfo:
			s.Infos++
		}
	}
}
