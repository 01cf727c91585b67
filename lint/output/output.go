// Package output turns engine results into what a person or a program
// reads: the text and JSON lint formats, and the inspect view of what was
// extracted. Formatters stream: they see one file at a time and keep nothing
// of it afterwards, so a batch of any size runs in flat memory. Line and
// column are computed here, once, from each Result's source bytes.
package output

import (
	"fmt"
	"io"
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
}

// Format names accepted by New.
const (
	FormatText = "text"
	FormatJSON = "json"
)

// Formats lists the lint output formats New accepts, default first.
func Formats() []string { return []string{FormatText, FormatJSON} }

// New returns the formatter for the named format, writing to w.
func New(format string, w io.Writer, opts Options) (Formatter, error) {
	switch format {
	case FormatText:
		return &textFormatter{w: w, color: opts.Color}, nil
	case FormatJSON:
		return &jsonFormatter{w: w}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), " or "))
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
