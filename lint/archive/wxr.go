package archive

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/citelint/citelint/lint"
)

// maxWXRSize bounds how much of a WordPress export is read: an export of
// a class's blog is tens of megabytes; a larger one is refused rather than
// read without end.
const maxWXRSize = MaxTotalSize

// IsWXR reports whether head, the start of an .xml file, is a WordPress
// export: an <rss> root that declares WordPress's export namespace.
func IsWXR(head []byte) bool {
	head = head[:min(len(head), 4096)]
	i := bytes.Index(head, []byte("<rss"))
	return i >= 0 && bytes.Contains(head[i:], []byte("wordpress.org/export/"))
}

// WXR calls yield for each published post of the WordPress export read
// from r, which is at path. The export is streamed: one item is held at a
// time. A post is an item with wp:post_type "post" and wp:status
// "publish"; drafts, pages, attachments and menu items are passed over.
// Its Member is named "path:slug", its Student is the display name of
// its author (dc:creator, a login, mapped through the export's
// <wp:author> list; the login itself when the list lacks it), and Open
// returns an HTML page: the post's title as <h1> and its content in an
// <article>. Content written in the classic editor, with no <p> tags, has
// its paragraphs made as WordPress displays them (see Autop), so the
// engine reads every member as ordinary HTML.
func WXR(path string, r io.Reader, yield func(Member) bool) error {
	dec := xml.NewDecoder(bufio.NewReader(io.LimitReader(r, maxWXRSize)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	authors := map[string]string{}
	var item *wxrItem
	var author struct{ login, display string }
	inAuthor := false
	sawRSS := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if !sawRSS {
				return fmt.Errorf("%s: not a WordPress export (no <rss> root)", path)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case name == "rss":
				sawRSS = true
			case !sawRSS:
				return fmt.Errorf("%s: not a WordPress export (the root is <%s>, not <rss>)", path, name)
			case name == "author" && item == nil:
				inAuthor = true
				author.login, author.display = "", ""
			case inAuthor && name == "author_login":
				author.login = text(dec)
			case inAuthor && name == "author_display_name":
				author.display = text(dec)
			case name == "item":
				item = &wxrItem{}
			case item != nil:
				item.field(dec, t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "author":
				if inAuthor {
					inAuthor = false
					if author.login != "" && author.display != "" {
						authors[author.login] = author.display
					}
				}
			case "item":
				it := item
				item = nil
				if it == nil || it.postType != "post" || it.status != "publish" {
					continue
				}
				student := authors[it.creator]
				if student == "" {
					student = it.creator
				}
				slug := it.slug
				if slug == "" {
					slug = it.id
				}
				if slug == "" {
					slug = slugify(it.title)
				}
				page := postPage(it.title, it.content)
				m := Member{
					Name: path + ":" + slug, Path: slug, Format: lint.FormatHTML, Student: student,
					Open: func() ([]byte, error) { return page, nil },
				}
				if !yield(m) {
					return nil
				}
			}
		}
	}
}

// wxrItem is the part of an <item> that citelint reads.
type wxrItem struct {
	title, creator, content, slug, id, postType, status string
}

// field reads one child element of an item. Elements are told by local
// name and namespace, since an item holds both <title> and <wp:title>-like
// names from several vocabularies.
func (it *wxrItem) field(dec *xml.Decoder, t xml.StartElement) {
	space := t.Name.Space
	switch t.Name.Local {
	case "title":
		if space == "" {
			it.title = text(dec)
		}
	case "creator":
		it.creator = strings.TrimSpace(text(dec))
	case "encoded":
		if strings.Contains(space, "purl.org/rss/1.0/modules/content") || space == "content" {
			it.content = text(dec)
		}
	case "post_name":
		it.slug = strings.TrimSpace(text(dec))
	case "post_id":
		it.id = strings.TrimSpace(text(dec))
	case "post_type":
		it.postType = strings.TrimSpace(text(dec))
	case "status":
		it.status = strings.TrimSpace(text(dec))
	case "postmeta", "comment", "category":
		// Comments are classmates' and instructors' words, never the
		// essay; metadata and categories are not text either.
		_ = dec.Skip()
	}
}

// text reads the character data of the element just opened.
func text(dec *xml.Decoder) string {
	var sb strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.CharData:
			sb.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return sb.String()
}

var slugRE = regexp.MustCompile(`[^a-z0-9]+`)

func slugify(title string) string {
	s := strings.Trim(slugRE.ReplaceAllString(strings.ToLower(title), "-"), "-")
	if s == "" {
		return "untitled"
	}
	return s
}

// postPage makes the HTML page a post is read as.
func postPage(title, content string) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><article>\n")
	if strings.TrimSpace(title) != "" {
		b.WriteString("<h1>" + html.EscapeString(strings.TrimSpace(title)) + "</h1>\n")
	}
	b.WriteString(Autop(content))
	b.WriteString("\n</article></body></html>\n")
	return b.Bytes()
}

// blockTagRE finds block-level markup: content that has it was written
// with paragraphs marked up (the block editor, or pasted HTML).
var blockTagRE = regexp.MustCompile(`(?i)<(?:p|div|h[1-6]|ul|ol|li|blockquote|table|pre|figure|section|article)[\s>/]|<!-- wp:`)

var blankLinesRE = regexp.MustCompile(`\r?\n[ \t]*\r?\n\s*`)

// Autop wraps classic-editor content in paragraphs, as WordPress's wpautop
// does when it displays a post: text separated by blank lines becomes
// <p> elements, and a single line break inside one becomes <br>. Content
// that already has block-level markup is returned as it is.
func Autop(content string) string {
	if strings.TrimSpace(content) == "" || blockTagRE.MatchString(content) {
		return content
	}
	var b strings.Builder
	for _, para := range blankLinesRE.Split(strings.TrimSpace(content), -1) {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		para = strings.ReplaceAll(strings.ReplaceAll(para, "\r\n", "\n"), "\n", "<br>\n")
		b.WriteString("<p>" + para + "</p>\n")
	}
	return b.String()
}
