package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

// InspectFormats lists the formats Inspect accepts, default first.
func InspectFormats() []string { return []string{FormatText, FormatJSON} }

// Inspect writes what was extracted from one essay — sections, quotations,
// citations, entries and the style — so that anyone can see what the
// linter understood before reading what it concluded. format is "text" or
// "json".
func Inspect(w io.Writer, r engine.Result, format string) error {
	if r.Essay == nil {
		if r.Err != nil {
			return r.Err
		}
		return fmt.Errorf("%s: %w", r.Path, ErrNoEssay)
	}
	view := newInspectView(r)
	switch format {
	case FormatJSON:
		data, err := json.MarshalIndent(view, "", "  ")
		if err != nil {
			return fmt.Errorf("%s: encoding JSON: %w", r.Path, err)
		}
		_, err = fmt.Fprintf(w, "%s\n", data)
		return err
	case FormatText:
		_, err := io.WriteString(w, view.text())
		return err
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(InspectFormats(), " or "))
}

// inspectView is the JSON of `citelint inspect`, as SPEC "What it
// extracts" lists it. Lines and columns are of the original file.
// Citation and Entry are indexes into the lists below, or -1.
type inspectView struct {
	Path      string            `json:"path"`
	Student   string            `json:"student,omitempty"`
	Format    lint.Format       `json:"format"`
	Style     lint.Style        `json:"style"`
	Sections  []inspectSection  `json:"sections"`
	Quotes    []inspectQuote    `json:"quotes"`
	Citations []inspectCitation `json:"citations"`
	Entries   []inspectEntry    `json:"entries"`
}

type inspectSection struct {
	Kind    lint.SectionKind `json:"kind"`
	Heading string           `json:"heading,omitempty"`
	Line    int              `json:"line"`
}

type inspectQuote struct {
	Text     string `json:"text"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Words    int    `json:"words"`
	Block    bool   `json:"block,omitempty"`
	Unclosed bool   `json:"unclosed,omitempty"`
	Unopened bool   `json:"unopened,omitempty"`
	Citation int    `json:"citation"`
}

type inspectCitation struct {
	Text       string            `json:"text"`
	Line       int               `json:"line"`
	Column     int               `json:"column"`
	Kind       lint.CitationKind `json:"kind"`
	Authors    []string          `json:"authors,omitempty"`
	EtAl       bool              `json:"etAl,omitempty"`
	Year       string            `json:"year,omitempty"`
	Title      string            `json:"title,omitempty"`
	Locator    string            `json:"locator,omitempty"`
	URL        string            `json:"url,omitempty"`
	Numbers    []int             `json:"numbers,omitempty"`
	Indirect   bool              `json:"indirect,omitempty"`
	PageOnly   bool              `json:"pageOnly,omitempty"`
	Speaker    bool              `json:"speaker,omitempty"`
	Entry      int               `json:"entry"`
	Suggestion string            `json:"suggestion,omitempty"`
}

type inspectEntry struct {
	Text      string      `json:"text"`
	Line      int         `json:"line"`
	Authors   []lint.Name `json:"authors,omitempty"`
	EtAl      bool        `json:"etAl,omitempty"`
	Year      string      `json:"year,omitempty"`
	Date      string      `json:"date,omitempty"`
	Title     string      `json:"title,omitempty"`
	Container string      `json:"container,omitempty"`
	Volume    string      `json:"volume,omitempty"`
	Issue     string      `json:"issue,omitempty"`
	Pages     string      `json:"pages,omitempty"`
	Publisher string      `json:"publisher,omitempty"`
	DOI       string      `json:"doi,omitempty"`
	URL       string      `json:"url,omitempty"`
	ISBN      string      `json:"isbn,omitempty"`
	Accessed  string      `json:"accessed,omitempty"`
	Style     lint.Style  `json:"style,omitempty"`
	BareURL   bool        `json:"bareURL,omitempty"`
	CitedBy   []int       `json:"citedBy,omitempty"`
	Mentioned bool        `json:"mentioned,omitempty"`
}

func newInspectView(r engine.Result) inspectView {
	essay := r.Essay
	src := r.Src
	if src == nil && essay.Doc != nil {
		src = essay.Doc.Src
	}
	loc := newLocator(src)
	// at is where a text range of the essay starts in the original file.
	at := func(rg lint.Range) lint.Position {
		if essay.Doc == nil {
			return lint.Position{Line: 1, Column: 1}
		}
		return loc.pos(essay.Doc.SourceSpan(rg).Start)
	}
	format := r.Format
	if format == "" && essay.Doc != nil {
		format = essay.Doc.Format
	}
	view := inspectView{
		Path:      r.Path,
		Student:   r.Student,
		Format:    format,
		Style:     essay.Style,
		Sections:  []inspectSection{},
		Quotes:    []inspectQuote{},
		Citations: []inspectCitation{},
		Entries:   []inspectEntry{},
	}
	for _, s := range essay.Sections {
		start := s.Range
		if s.Heading != "" {
			start = s.HeadingAt
		}
		view.Sections = append(view.Sections, inspectSection{Kind: s.Kind, Heading: s.Heading, Line: at(start).Line})
	}
	for _, q := range essay.Quotes {
		p := at(q.Range)
		view.Quotes = append(view.Quotes, inspectQuote{
			Text: q.Text, Line: p.Line, Column: p.Column, Words: q.Words,
			Block: q.BlockQuote, Unclosed: q.Unclosed, Unopened: q.Unopened, Citation: q.Citation,
		})
	}
	for _, c := range essay.Citations {
		p := at(c.Range)
		view.Citations = append(view.Citations, inspectCitation{
			Text: c.Text, Line: p.Line, Column: p.Column, Kind: c.Kind,
			Authors: c.Authors, EtAl: c.EtAl, Year: c.Year, Title: c.Title, Locator: c.Locator,
			URL: c.URL, Numbers: c.Numbers, Indirect: c.Indirect, PageOnly: c.PageOnly,
			Speaker: c.Speaker, Entry: c.Entry, Suggestion: c.Suggestion,
		})
	}
	for _, e := range essay.Entries {
		view.Entries = append(view.Entries, inspectEntry{
			Text: e.Text, Line: at(e.Range).Line, Authors: e.Authors, EtAl: e.EtAl,
			Year: e.Year, Date: e.Date, Title: e.Title, Container: e.Container,
			Volume: e.Volume, Issue: e.Issue, Pages: e.Pages, Publisher: e.Publisher,
			DOI: e.DOI, URL: e.URL, ISBN: e.ISBN, Accessed: e.Accessed, Style: e.Style,
			BareURL: e.BareURL, CitedBy: e.CitedBy, Mentioned: e.Mentioned,
		})
	}
	return view
}

// text is the human-readable inspect view: one block per kind of thing,
// one line per item, fields only where they were found.
func (v inspectView) text() string {
	var b strings.Builder
	style := string(v.Style)
	if style == "" {
		style = "unknown"
	}
	fmt.Fprintf(&b, "%s\n", printable(v.Path, false))
	fmt.Fprintf(&b, "  format: %s\n  style:  %s\n", v.Format, style)
	if v.Student != "" {
		fmt.Fprintf(&b, "  student: %s\n", printable(v.Student, false))
	}

	fmt.Fprintf(&b, "\nSections (%d)\n", len(v.Sections))
	for _, s := range v.Sections {
		row := fmt.Sprintf("  line %-4d %-12s", s.Line, s.Kind)
		if s.Heading != "" {
			row += fmt.Sprintf(" %q", printable(s.Heading, false))
		}
		b.WriteString(strings.TrimRight(row, " ") + "\n")
	}

	fmt.Fprintf(&b, "\nQuotations (%d)\n", len(v.Quotes))
	for i, q := range v.Quotes {
		fmt.Fprintf(&b, "  [%d] %d:%d  \"%s\"  (%s)\n", i, q.Line, q.Column,
			shorten(printable(q.Text, false), 70), joinFields(
				field("words", fmt.Sprint(q.Words)),
				tag("block quotation", q.Block), tag("unclosed", q.Unclosed), tag("unopened", q.Unopened),
				field("citation", index(q.Citation)),
			))
	}

	fmt.Fprintf(&b, "\nCitations (%d)\n", len(v.Citations))
	for i, c := range v.Citations {
		numbers := make([]string, len(c.Numbers))
		for k, n := range c.Numbers {
			numbers[k] = fmt.Sprint(n)
		}
		fmt.Fprintf(&b, "  [%d] %d:%d  %s  (%s)\n", i, c.Line, c.Column,
			shorten(printable(c.Text, false), 70), joinFields(
				string(c.Kind),
				field("authors", strings.Join(c.Authors, "; ")), tag("et al.", c.EtAl),
				field("year", c.Year), field("title", c.Title), field("locator", c.Locator),
				field("url", c.URL), field("numbers", strings.Join(numbers, ", ")),
				tag("indirect", c.Indirect), tag("page only", c.PageOnly), tag("speaker", c.Speaker),
				field("entry", index(c.Entry)), field("did you mean", c.Suggestion),
			))
	}

	fmt.Fprintf(&b, "\nEntries (%d)\n", len(v.Entries))
	for i, e := range v.Entries {
		fmt.Fprintf(&b, "  [%d] line %d  %s\n", i, e.Line, shorten(printable(e.Text, false), 90))
		authors := make([]string, len(e.Authors))
		for k, a := range e.Authors {
			authors[k] = a.FullFamily()
			if a.Given != "" {
				authors[k] += ", " + a.Given
			}
		}
		cited := make([]string, len(e.CitedBy))
		for k, c := range e.CitedBy {
			cited[k] = fmt.Sprint(c)
		}
		for _, f := range []string{
			field("authors", strings.Join(authors, "; ")), tag("et al.", e.EtAl),
			field("year", e.Year), field("date", e.Date), field("title", e.Title),
			field("container", e.Container), field("volume", e.Volume), field("issue", e.Issue),
			field("pages", e.Pages), field("publisher", e.Publisher), field("doi", e.DOI),
			field("url", e.URL), field("isbn", e.ISBN), field("accessed", e.Accessed),
			field("style", string(e.Style)), tag("bare URL", e.BareURL),
			field("cited by", strings.Join(cited, ", ")), tag("mentioned in the prose", e.Mentioned),
		} {
			if f != "" {
				fmt.Fprintf(&b, "        %s\n", printable(f, false))
			}
		}
	}
	return b.String()
}

func field(name, value string) string {
	if value == "" {
		return ""
	}
	return name + ": " + value
}

func tag(name string, set bool) string {
	if !set {
		return ""
	}
	return name
}

func index(i int) string {
	if i < 0 {
		return "none"
	}
	return fmt.Sprint(i)
}

func joinFields(fields ...string) string {
	var kept []string
	for _, f := range fields {
		if f != "" {
			kept = append(kept, printable(f, false))
		}
	}
	return strings.Join(kept, ", ")
}

// ErrNoEssay is returned by Inspect when the result holds no essay and no
// error of its own.
var ErrNoEssay = errors.New("nothing was extracted")
