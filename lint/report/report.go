// Package report writes the HTML report of a batch for an instructor: an
// index with a bar chart of how many essays break each rule and a
// sortable row per submission, a page per essay with its text, the
// findings highlighted in place and its works-cited entries, and
// summary.csv for a gradebook.
//
// The report is self-contained: inline CSS, one small inline script for
// sorting, inline SVG, no fonts, images or anything else fetched. A
// Content-Security-Policy on every page allows only that script, so even
// text that escaped escaping could not run. All essay text goes through
// html/template.
//
// Like the formatters in lint/output, the report streams: each essay's page
// is written as its result arrives and the essay is dropped; only a row of
// counts per submission is kept for the index and the CSV, written at the
// end.
package report

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/names"
)

// Options tune a report.
type Options struct {
	// Rules describe the rules that ran; their summaries title the chart
	// and the table, and their order orders the rule columns. Rules that
	// fired but are not listed come after, by ID.
	Rules []lint.Meta
	// Title heads the index; empty means "citelint report".
	Title string
}

// Writer writes a report into a folder. Call File for each result in
// order, then Close once; neither may be called from several goroutines
// at once.
type Writer struct {
	dir  string
	opts Options
	rows []row
	// Pages are written by a few goroutines, so that creating thousands of
	// files overlaps with linting; the queue is short, so only a few
	// essays wait in memory.
	pages chan pageJob
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error // the first error writing a page
}

type pageJob struct {
	row row
	res engine.Result
}

// pageWriters is how many pages are written at once.
const pageWriters = 4

// row is what the index and the CSV keep of one submission.
type row struct {
	Student string
	Path    string
	Late    bool
	Style   lint.Style
	Format  lint.Format
	// Page is the essay page, relative to the report folder; empty when
	// the file could not be read.
	Page                    string
	Errors, Warnings, Infos int
	Rules                   []ruleCount
	Err                     string
}

// ruleCount is how many findings of one rule a submission has.
type ruleCount struct {
	Rule  string
	Count int
}

// essaysDir is the folder of essay pages inside the report folder.
const essaysDir = "essays"

// New makes a Writer that writes into dir, creating it (and its essays
// folder) when missing. Existing report files in dir are overwritten.
func New(dir string, opts Options) (*Writer, error) {
	if dir == "" {
		return nil, errors.New("report: no folder given")
	}
	if err := os.MkdirAll(filepath.Join(dir, essaysDir), 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	if opts.Title == "" {
		opts.Title = "citelint report"
	}
	w := &Writer{dir: dir, opts: opts, pages: make(chan pageJob, pageWriters)}
	for range pageWriters {
		w.wg.Go(func() {
			for job := range w.pages {
				if err := w.writePage(job.row, job.res); err != nil {
					w.mu.Lock()
					w.err = cmp.Or(w.err, err)
					w.mu.Unlock()
				}
			}
		})
	}
	return w, nil
}

// pageErr is the first error writing a page, if any.
func (w *Writer) pageErr() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// File queues the page of one result and keeps its counts for the index.
// A result whose file could not be read gets a row and no page. An error
// is the first error writing any page so far; after it, pages are no
// longer written.
func (w *Writer) File(r engine.Result) error {
	if err := w.pageErr(); err != nil {
		return err
	}
	rw := newRow(r)
	if r.Essay != nil || r.Src != nil {
		rw.Page = essaysDir + "/" + pageName(len(w.rows)+1, r)
		w.pages <- pageJob{row: rw, res: r}
	}
	w.rows = append(w.rows, rw)
	return nil
}

// Close waits for the pages and writes index.html and summary.csv, even
// after an error, so that what was done can be read. It returns the first
// error.
func (w *Writer) Close() error {
	close(w.pages)
	w.wg.Wait()
	cols := w.ruleColumns()
	csvErr := w.writeCSV(cols)
	return cmp.Or(w.pageErr(), csvErr, w.writeIndex(cols))
}

func newRow(r engine.Result) row {
	rw := row{Student: r.Student, Path: r.Path, Late: r.Late, Style: r.Style(), Format: r.Format}
	if r.Err != nil {
		rw.Err = r.Err.Error()
	}
	for _, d := range r.Diagnostics {
		switch d.Severity {
		case lint.SeverityError:
			rw.Errors++
		case lint.SeverityWarning:
			rw.Warnings++
		case lint.SeverityInfo:
			rw.Infos++
		}
		i := slices.IndexFunc(rw.Rules, func(c ruleCount) bool { return c.Rule == d.Rule })
		if i < 0 {
			rw.Rules = append(rw.Rules, ruleCount{Rule: d.Rule})
			i = len(rw.Rules) - 1
		}
		rw.Rules[i].Count++
	}
	return rw
}

// count is how many findings of rule the row has.
func (rw row) count(rule string) int {
	for _, c := range rw.Rules {
		if c.Rule == rule {
			return c.Count
		}
	}
	return 0
}

// ruleColumns are the rules that fired anywhere in the batch: first those
// of Options.Rules in their order, then the others by ID.
func (w *Writer) ruleColumns() []string {
	fired := map[string]bool{}
	for _, rw := range w.rows {
		for _, c := range rw.Rules {
			fired[c.Rule] = true
		}
	}
	var cols []string
	for _, m := range w.opts.Rules {
		if fired[m.ID] {
			cols = append(cols, m.ID)
			delete(fired, m.ID)
		}
	}
	var rest []string
	for id := range fired {
		rest = append(rest, id)
	}
	slices.Sort(rest)
	return append(cols, rest...)
}

// summaryOf is a rule's summary, or "" for a rule not in Options.Rules.
func (w *Writer) summaryOf(id string) string {
	for _, m := range w.opts.Rules {
		if m.ID == id {
			return m.Summary
		}
	}
	return ""
}

// pageName is the essay page's file name: its number in the batch, so
// names never collide, and a slug of the student or file so a listing of
// the folder still reads. The slug keeps only ASCII letters and digits,
// so no member name ("../../x") can lead the page out of the folder.
func pageName(n int, r engine.Result) string {
	name := r.Student
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(filepath.ToSlash(r.Path)), filepath.Ext(r.Path))
	}
	return fmt.Sprintf("%04d-%s.html", n, slug(name))
}

// slug is s folded (lower case, no accents) in ASCII letters and digits joined by hyphens, at
// most 40 bytes; "essay" when nothing is left.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range names.Fold(s) {
		if b.Len() >= 40 {
			break
		}
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "essay"
	}
	return b.String()
}

// sortRules orders rule counts by count, most first, then by ID.
func sortRules(cs []ruleCount) {
	slices.SortFunc(cs, func(a, b ruleCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Rule, b.Rule))
	})
}
