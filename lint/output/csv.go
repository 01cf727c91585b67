package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint/engine"
)

// csvHeader names the CSV columns, one row per finding.
func csvHeader() []string {
	return []string{"path", "student", "late", "line", "column", "end_line", "end_column", "severity", "rule", "message"}
}

// csvFormatter writes one row per finding (RFC 4180, CRLF line ends), for
// spreadsheets. A file that could not be read is one row with severity
// error, no rule and no position. A clean file has no row.
type csvFormatter struct {
	w *csv.Writer
}

func newCSVFormatter(w io.Writer) *csvFormatter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvFormatter{w: cw}
}

func (f *csvFormatter) Begin() error {
	return f.write(csvHeader())
}

func (f *csvFormatter) File(r engine.Result) error {
	late := strconv.FormatBool(r.Late)
	if r.Err != nil {
		if err := f.write([]string{r.Path, r.Student, late, "", "", "", "", "error", "", r.Err.Error()}); err != nil {
			return err
		}
	}
	if len(r.Diagnostics) == 0 {
		return nil
	}
	loc := newLocator(r.Src)
	for _, d := range r.Diagnostics {
		rg := loc.jsonRange(d.Span)
		err := f.write([]string{
			r.Path, r.Student, late,
			strconv.Itoa(rg.Line), strconv.Itoa(rg.Column), strconv.Itoa(rg.EndLine), strconv.Itoa(rg.EndColumn),
			d.Severity.String(), d.Rule, d.Message,
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (f *csvFormatter) End(Summary) error { return nil }

// write writes one row, each cell made safe for spreadsheets and for
// terminals (control characters other than line breaks and tabs become
// U+FFFD, as in the text format).
func (f *csvFormatter) write(row []string) error {
	for i, cell := range row {
		row[i] = spreadsheetSafe(strings.Map(func(r rune) rune {
			if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
				return utf8.RuneError
			}
			return r
		}, cell))
	}
	if err := f.w.Write(row); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	f.w.Flush()
	return f.w.Error()
}

// spreadsheetSafe defuses formula injection: a spreadsheet runs a cell
// that starts with = + - or @ (or a tab or carriage return before one) as
// a formula, and essays, names and file names are written by students. A
// leading apostrophe makes the cell text (OWASP's advice).
func spreadsheetSafe(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}
