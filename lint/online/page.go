package online

import (
	"fmt"
	"mime"
	"strings"
	"sync"

	"github.com/citelint/citelint/lint/locate"
	"github.com/citelint/citelint/lint/sources"
)

// Page is a cited page fetched with --online, read the way the source
// library reads a saved page, so that the quotation rules check the
// essay's quotations against it. It implements lint.CitedSource.
type Page struct {
	url     string
	content *sources.Content

	indexOnce sync.Once
	index     *locate.Index
	termsOnce sync.Once
	terms     map[string]float64
}

// ReadPage reads a fetched answer as a source: HTML through the source
// library's HTML reader, plain text as it is. Other types (a PDF, an
// image) are not read: it returns nil and no error.
func ReadPage(rawURL string, r *Response) (*Page, error) {
	mt, _, err := mime.ParseMediaType(r.ContentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(r.ContentType))
	}
	var rd sources.Reader
	switch mt {
	case "text/html", "application/xhtml+xml":
		rd = sources.HTMLReader{}
	case "text/plain":
		rd = sources.TextReader{}
	case "text/markdown":
		rd = sources.TextReader{Markdown: true}
	default:
		return nil, nil
	}
	c, err := rd.Read(rawURL, r.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	return &Page{url: rawURL, content: c}, nil
}

// String names the page by its address.
func (p *Page) String() string { return p.url }

// Content is the page's text as the source library reads it.
func (p *Page) Content() *sources.Content { return p.content }

// Index is the page's text indexed for finding quotations.
func (p *Page) Index() (*locate.Index, error) {
	p.indexOnce.Do(func() { p.index = locate.NewIndex(p.content.Text) })
	return p.index, nil
}

// Terms are the page's distinctive terms less those that come only from
// its name and chrome, as sources.Source.Terms has them: a word of the
// title, site name or boilerplate counts when the body repeats it at least
// twice outside its headings. The map is shared: do not change it.
func (p *Page) Terms() (map[string]float64, error) {
	p.termsOnce.Do(func() { p.terms = p.content.Terms() })
	return p.terms, nil
}
