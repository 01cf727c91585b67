package sources

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Reader reads one kind of source file. Open picks a Reader by the file's
// extension (see DefaultReaders); a PDF or docx reader plugs in by adding
// its extension to Options.Readers.
type Reader interface {
	// Identify reads what names the file — its address, title, authors —
	// as cheaply as it can (an HTML page's head, not its body). Open calls
	// it for every file, so it must not read a whole book.
	Identify(path string, r io.Reader) (Meta, error)
	// Read returns the file's text. It is called once per file, when the
	// source is first needed. A file that cannot be read is an error; bad
	// input never panics.
	Read(path string, src []byte) (*Content, error)
}

// Meta is what a file says about itself.
type Meta struct {
	// URLs are the addresses the file answers to: an HTML page's canonical
	// link and og:url.
	URLs []string
	DOI  string
	ISBN string
	// Title is the work's title as the file gives it (<title>, og:title,
	// citation_title, a Markdown heading).
	Title string
	// SiteName is the site or publication the page belongs to
	// (og:site_name).
	SiteName string
	// Authors are the authors' names as written ("James von Geldern").
	Authors []string
}

// Content is a source file's text, split by where the words come from.
type Content struct {
	// Text is the main content: an article's text without the site's
	// navigation, header, footer, sidebars, scripts and comments. Quotations
	// are looked for here; every offset a locate.Index reports is into it.
	Text string
	// Name is the page's own name: its title, site name and top heading,
	// one per line. Words from here name the page rather than show what it
	// is about.
	Name string
	// Headings are the headings inside Text, one per line.
	Headings string
	// Boilerplate is the text of the page's chrome (navigation, header,
	// footer, sidebars), one block per line.
	Boilerplate string
	// Meta is what the file says about itself.
	Meta Meta
}

// DefaultReaders returns the readers for the formats citelint reads
// without help: web pages, plain text and Markdown. The map is new on each
// call, so a caller may add to it.
func DefaultReaders() map[string]Reader {
	return map[string]Reader{
		".html":     HTMLReader{},
		".htm":      HTMLReader{},
		".xhtml":    HTMLReader{},
		".txt":      TextReader{},
		".text":     TextReader{},
		".md":       TextReader{Markdown: true},
		".markdown": TextReader{Markdown: true},
	}
}

// errBinary says a file holds binary data, not text.
var errBinary = errors.New("binary data, not text")

// decodeText turns a file's bytes into UTF-8 text: a byte-order mark picks
// UTF-16 or is dropped, valid UTF-8 is kept, and anything else is taken as
// Windows-1252, the encoding of most old pages and Word-exported text that
// is not UTF-8. NUL bytes outside UTF-16 mean a binary file.
func decodeText(src []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		src = src[3:]
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(src)
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	if bytes.IndexByte(src[:min(len(src), 8192)], 0) >= 0 {
		return nil, errBinary
	}
	if utf8.Valid(src) {
		return src, nil
	}
	return charmap.Windows1252.NewDecoder().Bytes(src)
}

// cleanString decodes a short string of unknown encoding (a title from a
// page's head) and collapses its whitespace.
func cleanString(s string) string {
	if !utf8.ValidString(s) {
		if b, err := charmap.Windows1252.NewDecoder().String(s); err == nil {
			s = b
		}
	}
	return strings.Join(strings.Fields(s), " ")
}
