package report

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/read/pdf"
)

// essayPage is what the essay template shows.
type essayPage struct {
	Title    string
	Row      row
	Findings []finding
	Pieces   []piece
	// FromSource is set when the text shown is the source file, because
	// the essay could not be extracted.
	FromSource bool
	Entries    []entryView
	// Sources is set when a source library was in use.
	Sources bool
	CSP     string
}

type finding struct {
	N        int
	Rule     string
	Severity string
	Message  string
	At       string
	Excerpt  string
	Related  []related
	// Shown is set when the finding is highlighted in the text.
	Shown bool
}

type related struct {
	At, Message string
}

type entryView struct {
	N      int
	Text   string
	At     string
	Fields []field
	Cited  int
	// Source says what the source library found, when one was in use.
	Source      string
	SourceFound bool
}

type field struct{ Name, Value string }

func (w *Writer) writePage(rw row, r engine.Result) error {
	page := essayPage{Title: displayName(rw), Row: rw, CSP: cspPage}
	ix := lint.NewLineIndex(r.Src)
	at := positioner(ix, r)
	for i, d := range r.Diagnostics {
		f := finding{N: i + 1, Rule: d.Rule, Severity: sevClass(d.Severity), Message: d.Message,
			At: at(d.Span.Start), Excerpt: excerpt(r.Src, d.Span)}
		for _, rel := range d.Related {
			f.Related = append(f.Related, related{At: at(rel.Span.Start), Message: rel.Message})
		}
		page.Findings = append(page.Findings, f)
	}
	if r.Essay != nil && r.Essay.Doc != nil {
		doc := r.Essay.Doc
		page.Pieces = highlight(doc.Text, doc.SourceOffset, r.Diagnostics)
		page.Entries = entries(r.Essay, at)
		page.Sources = r.Essay.Sources != nil
	} else {
		page.FromSource = true
		page.Pieces = highlight(string(r.Src), func(off int) int { return off }, r.Diagnostics)
	}
	for _, p := range page.Pieces {
		for _, n := range p.Anchors {
			page.Findings[n-1].Shown = true
		}
	}

	path := filepath.Join(w.dir, filepath.FromSlash(rw.Page))
	return writeFile(path, func(b *bufio.Writer) error { return essayTemplate.Execute(b, page) })
}

// positioner returns how a source offset is shown: line and column, and
// for a PDF also the page, since a PDF's Src is text citelint made.
func positioner(ix *lint.LineIndex, r engine.Result) func(int) string {
	var pages []int // page of each line, for a PDF
	if r.Format == lint.FormatPDF {
		pages = pageOfLines(ix)
	}
	return func(off int) string {
		p := ix.Position(off)
		if p.Line-1 < len(pages) {
			return fmt.Sprintf("%d:%d (page %d)", p.Line, p.Column, pages[p.Line-1])
		}
		return fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
}

func pageOfLines(ix *lint.LineIndex) []int {
	pages := make([]int, ix.Lines())
	page := 1
	for i := range pages {
		if ix.Line(i+1) == pdf.PageBreak {
			page++
		}
		pages[i] = page
	}
	return pages
}

// maxExcerpt caps an excerpt in bytes: a finding on a whole bibliography
// must not copy it into the list.
const maxExcerpt = 200

func excerpt(src []byte, sp lint.Span) string {
	start := min(max(sp.Start, 0), len(src))
	end := min(max(sp.End, start), len(src))
	s := strings.Join(strings.Fields(string(src[start:end])), " ")
	if len(s) <= maxExcerpt {
		return s
	}
	cut := maxExcerpt
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// entries lists the works-cited entries with the fields the parser found.
func entries(e *lint.Essay, at func(int) string) []entryView {
	var out []entryView
	for i, en := range e.Entries {
		v := entryView{N: i + 1, Text: en.Text, At: at(e.Doc.SourceOffset(en.Start)), Cited: len(en.CitedBy)}
		var authors []string
		for _, a := range en.Authors {
			name := a.FullFamily()
			if a.Given != "" {
				name += ", " + a.Given
			}
			authors = append(authors, name)
		}
		if en.EtAl {
			authors = append(authors, "et al.")
		}
		add := func(name, value string) {
			if value != "" {
				v.Fields = append(v.Fields, field{name, value})
			}
		}
		add("authors", strings.Join(authors, "; "))
		add("year", en.Year)
		add("date", en.Date)
		add("title", en.Title)
		add("container", en.Container)
		add("volume", en.Volume)
		add("issue", en.Issue)
		add("pages", en.Pages)
		add("publisher", en.Publisher)
		add("DOI", en.DOI)
		add("URL", en.URL)
		add("ISBN", en.ISBN)
		add("accessed", en.Accessed)
		add("style", string(en.Style))
		if e.Sources != nil {
			s := e.SourceOf(i)
			switch {
			case s.Err != nil:
				v.Source = "could not be read: " + s.Err.Error()
			case s.Source != nil:
				v.Source, v.SourceFound = "found: "+s.Source.String(), true
			default:
				v.Source = "not found in the source library"
			}
		}
		out = append(out, v)
	}
	return out
}

// displayName names a submission: the student, else the file.
func displayName(rw row) string {
	if rw.Student != "" {
		return rw.Student
	}
	return rw.Path
}

// writeFile writes a file through a buffer and reports the first error,
// naming the file.
func writeFile(path string, write func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	b := bufio.NewWriterSize(f, 64<<10)
	err = write(b)
	if err == nil {
		err = b.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	return nil
}
