package sources

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// TextReader reads plain text (.txt) and Markdown (.md) sources.
type TextReader struct {
	// Markdown reads YAML front matter (title, author, url, doi, isbn) and
	// takes the first "# " heading as the title.
	Markdown bool
}

// maxIdentifyLines bounds how much of a text file Identify reads: front
// matter and a title stand at the top.
const maxIdentifyLines = 200

// Identify reads a Markdown file's front matter and first heading; a plain
// text file names nothing and is known by its sources.yml entry.
func (r TextReader) Identify(path string, in io.Reader) (Meta, error) {
	if !r.Markdown {
		return Meta{}, nil
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var head strings.Builder
	for n := 0; n < maxIdentifyLines && sc.Scan(); n++ {
		head.WriteString(sc.Text())
		head.WriteByte('\n')
	}
	if err := sc.Err(); err != nil && !errors.Is(err, bufio.ErrTooLong) {
		return Meta{}, fmt.Errorf("%s: %w", path, err)
	}
	src, err := decodeText([]byte(head.String()))
	if err != nil {
		return Meta{}, fmt.Errorf("%s: %w", path, err)
	}
	meta, _, _ := markdownMeta(string(src))
	return meta, nil
}

// Read returns the file's text. Markdown keeps its words and loses link
// targets and image addresses, which are not prose.
func (r TextReader) Read(path string, src []byte) (*Content, error) {
	text, err := decodeText(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := strings.ReplaceAll(string(text), "\r\n", "\n")
	c := &Content{Text: s}
	if !r.Markdown {
		return c, nil
	}
	meta, body, headings := markdownMeta(s)
	c.Meta = meta
	c.Text = dropLinkTargets(body)
	c.Headings = strings.Join(headings, "\n")
	if meta.Title != "" {
		c.Name = meta.Title
	}
	return c, nil
}

// markdownLink matches an inline link or image; its text is kept.
var markdownLink = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"\n]*")?\)`)

// dropLinkTargets keeps the text of each inline link or image and drops
// its target. The expression has no literal prefix to skip ahead with, so
// it runs only on the lines that hold a "](": over a whole book it would
// take longer than indexing the book.
func dropLinkTargets(body string) string {
	if !strings.Contains(body, "](") {
		return body
	}
	var b strings.Builder
	b.Grow(len(body))
	for line := range strings.SplitAfterSeq(body, "\n") {
		if strings.Contains(line, "](") {
			line = markdownLink.ReplaceAllString(line, "$1")
		}
		b.WriteString(line)
	}
	return b.String()
}

// frontMatter is the YAML header of a Markdown source, read leniently: it
// is the source's own data, not citelint's configuration.
type frontMatter struct {
	Title   string `yaml:"title"`
	Author  any    `yaml:"author"`
	Authors any    `yaml:"authors"`
	URL     string `yaml:"url"`
	DOI     string `yaml:"doi"`
	ISBN    string `yaml:"isbn"`
	Site    string `yaml:"site"`
}

// markdownMeta reads front matter and headings; it returns the meta, the
// text after the front matter, and the ATX headings.
func markdownMeta(s string) (Meta, string, []string) {
	var meta Meta
	body := s
	if rest, ok := strings.CutPrefix(s, "---\n"); ok {
		if end := strings.Index(rest, "\n---"); end >= 0 {
			var fm frontMatter
			if yaml.Unmarshal([]byte(rest[:end]), &fm) == nil {
				meta.Title, meta.DOI, meta.ISBN, meta.SiteName = fm.Title, fm.DOI, fm.ISBN, fm.Site
				if fm.URL != "" {
					meta.URLs = []string{fm.URL}
				}
				meta.Authors = append(stringsOf(fm.Author), stringsOf(fm.Authors)...)
			}
			body = rest[end+len("\n---"):]
			body = strings.TrimPrefix(strings.TrimLeft(body, "-"), "\n")
		}
	}
	var headings []string
	for line := range strings.SplitSeq(body, "\n") {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "#") {
			continue
		}
		h := strings.TrimSpace(strings.Trim(t, "#"))
		if h == "" {
			continue
		}
		headings = append(headings, h)
		if meta.Title == "" && strings.HasPrefix(t, "# ") {
			meta.Title = h
		}
	}
	return meta, body, headings
}

// stringsOf reads a YAML value that is a string or a list of strings.
func stringsOf(v any) []string {
	switch v := v.(type) {
	case string:
		if v != "" {
			return []string{v}
		}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
