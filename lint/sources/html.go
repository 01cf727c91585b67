package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// HTMLReader reads saved web pages (.html, .htm).
type HTMLReader struct{}

// maxHeadBytes bounds how much of a page Identify reads looking for the end
// of its head: a page with no body tag (or a binary file named .html) must
// not be read to its end when the library opens.
const maxHeadBytes = 512 << 10

// headElements are the elements a page's head holds; any other start tag
// means the body has begun.
var headElements = map[atom.Atom]bool{
	atom.Html: true, atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Base: true, atom.Template: true,
}

// Identify reads the page's head only: canonical link, og:url, title,
// og:title, og:site_name, author and the citation_* and DC tags scholarly
// sites carry.
func (HTMLReader) Identify(path string, r io.Reader) (Meta, error) {
	lr := &countingReader{r: r, limit: maxHeadBytes}
	z := html.NewTokenizer(lr)
	var h headMeta
	inTitle := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) && !errors.Is(err, errHeadLimit) {
				return Meta{}, fmt.Errorf("%s: %w", path, err)
			}
			return h.meta(), nil
		case html.TextToken:
			if inTitle {
				h.title += string(z.Text())
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if atom.Lookup(name) == atom.Title {
				inTitle = false
			}
			if atom.Lookup(name) == atom.Head {
				return h.meta(), nil
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if !headElements[a] {
				return h.meta(), nil
			}
			switch a {
			case atom.Title:
				inTitle = tt == html.StartTagToken && h.title == ""
			case atom.Link, atom.Meta:
				var at tagAttrs
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					at.set(k, v)
				}
				if a == atom.Link {
					h.link(at)
				} else {
					h.metaTag(at)
				}
			}
		}
	}
}

// headMeta gathers the identifiers of a page's head.
type headMeta struct {
	title, ogTitle, citationTitle, siteName string
	urls, authors                           []string
	doi, isbn                               string
}

// tagAttrs are the attributes of a link or meta tag that name a page; the
// tokenizer has lower-cased their names.
type tagAttrs struct {
	rel, href, property, name, content string
}

func (t *tagAttrs) set(k, v []byte) {
	switch string(k) {
	case "rel":
		t.rel = string(v)
	case "href":
		t.href = string(v)
	case "property":
		t.property = string(v)
	case "name":
		t.name = string(v)
	case "content":
		t.content = string(v)
	}
}

func (h *headMeta) link(at tagAttrs) {
	for rel := range strings.FieldsSeq(strings.ToLower(at.rel)) {
		if rel == "canonical" && strings.TrimSpace(at.href) != "" {
			h.urls = append(h.urls, strings.TrimSpace(at.href))
		}
	}
}

func (h *headMeta) metaTag(at tagAttrs) {
	key := strings.ToLower(at.property)
	if key == "" {
		key = strings.ToLower(at.name)
	}
	value := cleanString(at.content)
	if value == "" {
		return
	}
	switch key {
	case "og:url":
		h.urls = append(h.urls, value)
	case "og:title":
		h.ogTitle = value
	case "og:site_name":
		h.siteName = value
	case "citation_title", "dc.title":
		h.citationTitle = value
	case "author", "citation_author", "dc.creator":
		h.authors = append(h.authors, value)
	case "citation_doi":
		h.doi = value
	case "dc.identifier":
		if strings.HasPrefix(strings.ToLower(value), "doi:") || strings.HasPrefix(value, "10.") {
			h.doi = value
		}
	case "citation_isbn":
		h.isbn = value
	}
}

func (h *headMeta) meta() Meta {
	m := Meta{URLs: h.urls, DOI: h.doi, ISBN: h.isbn, SiteName: h.siteName, Authors: h.authors}
	for _, t := range []string{h.citationTitle, h.ogTitle, cleanString(h.title)} {
		if t != "" {
			m.Title = t
			break
		}
	}
	return m
}

// errHeadLimit ends Identify's reading at maxHeadBytes.
var errHeadLimit = errors.New("head longer than the limit")

// countingReader stops with errHeadLimit after limit bytes.
type countingReader struct {
	r     io.Reader
	n     int
	limit int
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		return 0, errHeadLimit
	}
	if len(p) > c.limit-c.n {
		p = p[:c.limit-c.n]
	}
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// Selectors of what a page holds besides its content.
const (
	// dropSelector: never text at all — code, forms, comment threads,
	// share and print widgets, related-post lists.
	dropSelector = "script, style, noscript, template, svg, iframe, object, form, button, select, textarea, " +
		"#comments, .comments-area, .comment-list, .commentlist, #respond, " +
		".sharedaddy, .printfriendly, .pf-button, .jp-relatedposts, .related-posts, .yarpp-related"
	// chromeSelector: the site's chrome, whose words are boilerplate.
	chromeSelector = "nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]"
	// innerChromeSelector: chrome inside an article, left out of its text.
	// A nav inside the main content stays: on a table of contents it is
	// the content.
	innerChromeSelector = "header, footer, aside, [role=banner], [role=contentinfo], [role=complementary]"
)

// Read extracts a page's main content — WordPress .entry-content, else its
// articles, else <main>, else <body> without its chrome — and, separately,
// its own name and its chrome.
func (r HTMLReader) Read(path string, src []byte) (*Content, error) {
	text, err := decodeHTML(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	meta, err := r.Identify(path, bytes.NewReader(text))
	if err != nil {
		return nil, err
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	doc.Find(dropSelector).Remove()

	c := &Content{Meta: meta}
	var name []string
	for _, s := range []string{meta.Title, cleanString(doc.Find("title").First().Text()), meta.SiteName} {
		if s != "" {
			name = append(name, s)
		}
	}
	doc.Find("h1").Each(func(_ int, s *goquery.Selection) {
		if t := cleanString(s.Text()); t != "" {
			name = append(name, t)
		}
	})
	c.Name = strings.Join(dedupe(name), "\n")

	main := outermost(doc.Find(".entry-content"))
	if main.Length() == 0 {
		main = outermost(doc.Find("article"))
	}
	if main.Length() == 0 {
		main = outermost(doc.Find("main, [role=main]"))
	}
	var chrome []string
	if main.Length() > 0 {
		inner := main.Find(innerChromeSelector)
		outermost(inner).Each(func(_ int, s *goquery.Selection) {
			chrome = append(chrome, blockText(s.Nodes...))
		})
		inner.Remove()
		outermost(doc.Find(chromeSelector)).Each(func(_ int, s *goquery.Selection) {
			if !insideAny(s.Nodes[0], main.Nodes) {
				chrome = append(chrome, blockText(s.Nodes...))
			}
		})
	} else {
		main = doc.Find("body")
		outer := outermost(main.Find(chromeSelector))
		outer.Each(func(_ int, s *goquery.Selection) {
			chrome = append(chrome, blockText(s.Nodes...))
		})
		outer.Remove()
	}
	c.Boilerplate = strings.Join(nonEmpty(chrome), "\n")

	var headings []string
	main.Find("h1, h2, h3, h4, h5, h6").Each(func(_ int, s *goquery.Selection) {
		if t := cleanString(s.Text()); t != "" {
			headings = append(headings, t)
		}
	})
	c.Headings = strings.Join(headings, "\n")
	c.Text = blockText(main.Nodes...)
	return c, nil
}

// decodeHTML turns a page into UTF-8: a byte-order mark or the page's
// declared charset decides, and a page with neither that is not UTF-8 is
// taken as Windows-1252, as browsers do.
func decodeHTML(src []byte) ([]byte, error) {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) ||
		bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}) || utf8.Valid(src) {
		return decodeText(src)
	}
	if bytes.IndexByte(src[:min(len(src), 8192)], 0) >= 0 {
		return nil, errBinary
	}
	enc, _, _ := charset.DetermineEncoding(src, "text/html")
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		return decodeText(src)
	}
	return out, nil
}

// outermost keeps the nodes of s that are not inside another node of s.
func outermost(s *goquery.Selection) *goquery.Selection {
	return s.FilterFunction(func(_ int, one *goquery.Selection) bool {
		return !insideAny(one.Nodes[0], s.Nodes)
	})
}

// insideAny reports whether n is a strict descendant of one of nodes.
func insideAny(n *html.Node, nodes []*html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, m := range nodes {
			if p == m {
				return true
			}
		}
	}
	return false
}

// blockElements end a line of text; the others flow inline.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Dd: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true, atom.Tr: true,
	atom.Ul: true, atom.Caption: true, atom.Details: true, atom.Summary: true, atom.Body: true,
}

// blockText renders nodes as plain text: whitespace collapsed as a browser
// would (kept inside <pre>), a blank line between blocks, a line break for
// <br>, a space between table cells.
func blockText(nodes ...*html.Node) string {
	var t textWriter
	for _, n := range nodes {
		t.node(n, false)
		t.sep(sepPara)
	}
	return t.b.String()
}

// Separators textWriter may owe before the next word, weakest first.
const (
	sepNone = iota
	sepSpace
	sepLine
	sepPara
)

type textWriter struct {
	b   strings.Builder
	owe int
}

func (t *textWriter) sep(s int) { t.owe = max(t.owe, s) }

func (t *textWriter) write(s string) {
	if s == "" {
		return
	}
	if t.b.Len() > 0 {
		switch t.owe {
		case sepSpace:
			t.b.WriteByte(' ')
		case sepLine:
			t.b.WriteByte('\n')
		case sepPara:
			t.b.WriteString("\n\n")
		}
	}
	t.owe = sepNone
	t.b.WriteString(s)
}

// node writes n and its descendants. The walk is iterative over siblings
// and recursive only in depth, which the HTML parser bounds.
func (t *textWriter) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			lines := strings.Split(n.Data, "\n")
			for i, l := range lines {
				if i > 0 {
					t.sep(sepLine)
				}
				t.write(strings.TrimRight(l, " \t\r"))
			}
			return
		}
		s := n.Data
		if s != "" && isHTMLSpace(s[0]) {
			t.sep(sepSpace)
		}
		words := strings.Fields(s)
		for i, w := range words {
			if i > 0 {
				t.sep(sepSpace)
			}
			t.write(w)
		}
		if s != "" && isHTMLSpace(s[len(s)-1]) {
			t.sep(sepSpace)
		}
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Br:
			t.sep(sepLine)
			return
		case atom.Td, atom.Th:
			t.sep(sepSpace)
		case atom.Img:
			return
		}
		block := blockElements[n.DataAtom]
		if block {
			t.sep(sepPara)
		}
		inPre := pre || n.DataAtom == atom.Pre
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t.node(c, inPre)
		}
		if block {
			t.sep(sepPara)
		}
		if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			t.sep(sepSpace)
		}
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t.node(c, pre)
		}
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, strings.ReplaceAll(s, "\n\n", "\n"))
		}
	}
	return out
}
