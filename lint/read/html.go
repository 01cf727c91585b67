package read

import (
	"bytes"
	"html"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/citelint/citelint/lint"
)

// HTML reads a saved web page. Only the main content is the essay (see
// SPEC "Web pages"): WordPress .entry-content, else the first <article>
// outside the comments, else <main>, else <body> without its chrome; comment
// threads, share and print widgets and related posts are always left out.
//
// Offsets: the file is tokenized once with the x/net/html tokenizer (text
// and plain tags are read to its rules without it, see plainToken) and
// each token's raw bytes give its span. The tree is built from that token
// stream by a light tree builder of our own (void elements, implied ends of
// p, li, td, unclosed and stray tags), as html.Node values so that goquery
// can select on it. We do not map html.Parse's tree back onto the tokens:
// the HTML5 tree builder merges, splits, moves (foster parenting, the
// adoption agency) and synthesises text nodes on exactly the messy pages
// students save, and any mismatch would shift every offset after it. With
// our own tree each text node is one token whose bytes are in the source,
// so the map cannot drift; where our tree differs from a browser's on
// broken markup, only block boundaries are affected, never positions.
func HTML(path string, src []byte) (*lint.Document, error) {
	s, reason := openSource(src)
	if reason != "" {
		return nil, notReadable(path, reason, "HTML")
	}
	tree := buildHTMLTree(s.text, true)
	content, chrome := mainContent(tree.root)
	w := &htmlWalker{b: newBlockBuilder(s, s.text, true), tree: tree, src: s.text, stripChrome: chrome}
	w.walk(content, walkContext{kind: lint.BlockParagraph})
	return w.b.document(path, lint.FormatHTML, src), nil
}

// htmlTree is a document tree built from tokens, with the source span of
// every text node and <br>.
type htmlTree struct {
	root *xhtml.Node
	// nodes are the text nodes and <br>s in document order, spans their
	// source spans.
	nodes []*xhtml.Node
	spans []lint.Span
	// The walker asks for spans in document order, mostly: next is where
	// the node after the last one asked for is looked for first. index
	// finds the others; it is built the first time a node is not found
	// from next on.
	next  int
	index map[*xhtml.Node]int
}

// add records the span of a text node or <br>, in document order.
func (t *htmlTree) add(n *xhtml.Node, span lint.Span) {
	t.nodes = append(t.nodes, n)
	t.spans = append(t.spans, span)
}

// span returns the source span of a text node or <br> of the tree, or
// the zero span for any other node.
func (t *htmlTree) span(n *xhtml.Node) lint.Span {
	if t.index == nil {
		for k := t.next; k < len(t.nodes); k++ {
			if t.nodes[k] == n {
				t.next = k + 1
				return t.spans[k]
			}
		}
		t.index = make(map[*xhtml.Node]int, len(t.nodes))
		for k, m := range t.nodes {
			t.index[m] = k
		}
	}
	if k, ok := t.index[n]; ok {
		return t.spans[k]
	}
	return lint.Span{}
}

// maxHTMLDepth bounds the tree's depth: a page nested deeper than any real
// one (a fuzzer's, a broken generator's) has its extra start tags ignored,
// their text kept, so that walking it cannot exhaust the stack.
const maxHTMLDepth = 512

// buildHTMLTree builds the tree of the page text. With skipText, text and
// plain tags are read here rather than by the tokenizer (see plainToken);
// the tree is the same either way.
func buildHTMLTree(text []byte, skipText bool) *htmlTree {
	t := &htmlTree{
		root:  &xhtml.Node{Type: xhtml.DocumentNode},
		nodes: make([]*xhtml.Node, 0, len(text)/64+8),
		spans: make([]lint.Span, 0, len(text)/64+8),
	}
	stack := []*xhtml.Node{t.root}
	top := func() *xhtml.Node { return stack[len(stack)-1] }
	// popTo closes elements down to and including the innermost one named
	// a, unless an element named in stop comes first.
	popTo := func(a atom.Atom, stop func(atom.Atom) bool) bool {
		for i := len(stack) - 1; i > 0; i-- {
			switch d := stack[i].DataAtom; {
			case d == a:
				stack = stack[:i]
				return true
			case stop(d):
				return false
			}
		}
		return false
	}
	// Nodes are allocated in slabs, and tag names lowered in a buffer:
	// a page has hundreds of each.
	var slab []xhtml.Node
	newNode := func() *xhtml.Node {
		if len(slab) == cap(slab) {
			slab = make([]xhtml.Node, 0, 64)
		}
		slab = slab[:len(slab)+1]
		return &slab[len(slab)-1]
	}
	var nameBuf [32]byte
	// token adds a token of type tt, other than ErrorToken, whose raw bytes
	// are text[span.Start:span.End]; z is the tokenizer that read it, or
	// nil for a text or plain tag read here (see plainToken).
	rawNext := false // the last token starts an element of raw text
	token := func(tt xhtml.TokenType, span lint.Span, z *xhtml.Tokenizer) {
		switch tt {
		case xhtml.TextToken:
			if top().DataAtom == atom.Head && !isBlank(text[span.Start:span.End]) {
				stack = stack[:len(stack)-1]
			}
			node := newNode()
			node.Type = xhtml.TextNode
			t.add(node, span)
			top().AppendChild(node)
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := tagName(z, text[span.Start:span.End], nameBuf[:0])
			rawNext = rawTextElement(name)
			node := newNode()
			node.Type, node.DataAtom = xhtml.ElementNode, atom.Lookup(name)
			if node.DataAtom != 0 {
				node.Data = node.DataAtom.String() // interned: no allocation
			} else {
				node.Data = string(name)
			}
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				if key == nil {
					break // tagName could not tell: there were none
				}
				// Only the attributes that selection and the walker read
				// are kept: the rest (src, alt, width, data-*) would only
				// cost allocations.
				switch string(key) {
				case "class", "id", "href", "style", "hidden", "role", "itemprop":
					node.Attr = append(node.Attr, xhtml.Attribute{Key: string(key), Val: string(val)})
				}
			}
			if node.DataAtom == atom.Br {
				t.add(node, span)
			}
			a := node.DataAtom
			if top().DataAtom == atom.Head && !headElements(a) {
				stack = stack[:len(stack)-1] // a page with no <body> tag
			}
			if closesParagraph(a) {
				popTo(atom.P, scopeBoundary)
			}
			switch a {
			case atom.Li:
				popTo(atom.Li, func(d atom.Atom) bool { return d == atom.Ul || d == atom.Ol || d == atom.Menu || scopeBoundary(d) })
			case atom.Dd, atom.Dt:
				popTo(atom.Dd, func(d atom.Atom) bool { return d == atom.Dl || scopeBoundary(d) })
				popTo(atom.Dt, func(d atom.Atom) bool { return d == atom.Dl || scopeBoundary(d) })
			case atom.Td, atom.Th:
				popTo(atom.Td, func(d atom.Atom) bool { return d == atom.Tr || d == atom.Table })
				popTo(atom.Th, func(d atom.Atom) bool { return d == atom.Tr || d == atom.Table })
			case atom.Tr:
				popTo(atom.Tr, func(d atom.Atom) bool { return d == atom.Table })
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				if headingLevel(top().DataAtom) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
			top().AppendChild(node)
			if tt == xhtml.StartTagToken && !isVoid(a) && len(stack) < maxHTMLDepth {
				stack = append(stack, node)
			}
		case xhtml.EndTagToken:
			name, _ := tagName(z, text[span.Start:span.End], nameBuf[:0])
			a := atom.Lookup(name)
			if a == atom.Br {
				// "</br>" is a line break in every browser.
				node := &xhtml.Node{Type: xhtml.ElementNode, Data: "br", DataAtom: atom.Br}
				t.add(node, span)
				top().AppendChild(node)
				return
			}
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].DataAtom == a && (a != 0 || stack[i].Data == string(name)) {
					stack = stack[:i]
					break
				}
			}
		}
	}
	feed := &htmlFeed{src: text}
	z := xhtml.NewTokenizer(feed)
	pos := 0
	for {
		// The tokenizer is between tokens, outside raw text, with nothing
		// of what it was fed left over: the next token may be read here.
		if skipText && pos == feed.delivered && !rawNext {
			if tt, end := plainToken(text, pos); tt != xhtml.ErrorToken {
				span := lint.Span{Start: pos, End: end}
				pos, feed.delivered = end, end
				token(tt, span, nil)
				continue
			}
		}
		rawNext = false
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return t
		}
		// The raw bytes must be measured before TagName or TagAttr, which
		// rewrite the tokenizer's buffer in place.
		span := lint.Span{Start: pos, End: min(pos+len(z.Raw()), len(text))}
		pos = span.End
		token(tt, span, z)
	}
}

// plainToken reads the token at src[i], between tokens and outside raw
// text, when it is text or a plain tag: a start or end tag whose name is
// ASCII letters and digits, with nothing else in it ("<p>", "</em>"), and
// that does not start raw text. It returns the token's type and end, as
// the tokenizer would read them, or ErrorToken for any other token (or
// at the end of src), which is left to the tokenizer. The tokenizer
// reads text byte by byte only to return it as one token, which cost a
// sixth of linting a page, where IndexByte finds its end (textTokenEnd)
// much faster; and it spends on a plain tag several times what reading it
// here does.
func plainToken(src []byte, i int) (xhtml.TokenType, int) {
	if i >= len(src) {
		return xhtml.ErrorToken, 0
	}
	if src[i] != '<' {
		return xhtml.TextToken, textTokenEnd(src, i)
	}
	tt, j := xhtml.StartTagToken, i+1
	if j < len(src) && src[j] == '/' {
		tt = xhtml.EndTagToken
		j++
	}
	name := j
	for ; j < len(src); j++ {
		if c := src[j]; !('a' <= c|0x20 && c|0x20 <= 'z' || j > name && '0' <= c && c <= '9') {
			break
		}
	}
	if j == name || j >= len(src) || src[j] != '>' {
		return xhtml.ErrorToken, 0
	}
	if tt == xhtml.StartTagToken && j-name <= len("plaintext") {
		var lower [len("plaintext")]byte
		for k := name; k < j; k++ {
			lower[k-name] = src[k] | 0x20
		}
		if rawTextElement(lower[:j-name]) {
			return xhtml.ErrorToken, 0
		}
	}
	return tt, j + 1
}

// htmlFeed is what the tokenizer reads: the page up to a ">" at a time,
// which most often ends a tag, so that it has read no further than the
// token it returns.
//
// The tokenizer asks for more only when it has read everything fed so
// far, so between tokens, with everything fed in tokens, its next read is
// the first byte of its next token: buildHTMLTree may then read that
// token itself and pass the feed over it, unless the token before was
// the start of a raw text element, whose text the tokenizer reads
// differently.
type htmlFeed struct {
	src       []byte
	delivered int // bytes of src fed, or passed over, so far
}

func (f *htmlFeed) Read(p []byte) (int, error) {
	if f.delivered >= len(f.src) {
		return 0, io.EOF
	}
	end := min(len(f.src), f.delivered+len(p))
	if i := bytes.IndexByte(f.src[f.delivered:end], '>'); i >= 0 {
		end = f.delivered + i + 1
	}
	n := copy(p, f.src[f.delivered:end])
	f.delivered += n
	return n, nil
}

// textTokenEnd returns where the text token that starts at from ends, as
// the tokenizer reads it outside raw text: at the first "<" followed by a
// letter, "/", "!" or "?", or at the end of src.
func textTokenEnd(src []byte, from int) int {
	for i := from; i < len(src); i++ {
		k := bytes.IndexByte(src[i:], '<')
		if k < 0 {
			break
		}
		i += k
		if i+1 < len(src) {
			if c := src[i+1]; 'a' <= c|0x20 && c|0x20 <= 'z' || c == '/' || c == '!' || c == '?' {
				return i
			}
		}
	}
	return len(src)
}

// rawTextElement reports whether the tokenizer reads what follows the
// start tag named name as raw text (or RCDATA) up to its end tag.
func rawTextElement(name []byte) bool {
	switch string(name) {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp":
		return true
	}
	return false
}

// tagName returns the lower-cased name of the tag token whose raw bytes
// are raw, as the tokenizer's TagName does, without copying it: a name
// in lower case already is a slice of raw, another is lowered into buf.
// It also reports whether the tag may have attributes (when it says so,
// TagAttr tells). A name holding NUL, which TagName replaces, is left to
// TagName.
func tagName(z *xhtml.Tokenizer, raw, buf []byte) ([]byte, bool) {
	i := 1 // after "<"
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	j, upper := i, false
name:
	for ; j < len(raw); j++ {
		switch tagNameBytes[raw[j]] {
		case tagNameEnd:
			break name
		case tagNameUpper:
			upper = true
		case tagNameNUL:
			return z.TagName()
		}
	}
	name := raw[i:j]
	if upper {
		for _, c := range name {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
		name = buf
	}
	return name, j < len(raw) && raw[j] != '>'
}

// The classes of bytes in a tag's name, for tagName: white space, "/" and
// ">" end it.
const (
	tagNameOther = iota
	tagNameEnd
	tagNameUpper
	tagNameNUL
)

var tagNameBytes = func() (t [256]uint8) {
	for _, c := range []byte(" \n\t\f\r/>") {
		t[c] = tagNameEnd
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = tagNameUpper
	}
	t[0] = tagNameNUL
	return t
}()

func isBlank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// headElements are what may stand in <head>; anything else starts the body.
func headElements(a atom.Atom) bool {
	switch a {
	case atom.Meta, atom.Link, atom.Title, atom.Style, atom.Script, atom.Base, atom.Noscript, atom.Template:
		return true
	}
	return false
}

// closesParagraph lists the start tags that end an open <p>.
func closesParagraph(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Details, atom.Div, atom.Dl,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2,
		atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Main, atom.Menu,
		atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Table, atom.Ul, atom.Li, atom.Dd, atom.Dt:
		return true
	}
	return false
}

// scopeBoundary lists the elements an implied end tag never reaches past.
func scopeBoundary(a atom.Atom) bool {
	switch a {
	case atom.Html, atom.Body, atom.Table, atom.Td, atom.Th, atom.Caption, atom.Button, atom.Template, atom.Object:
		return true
	}
	return false
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// mainContent picks the element that holds the essay, and whether page
// chrome (<header>) must still be stripped from it because it is the
// whole body.
func mainContent(root *xhtml.Node) (*xhtml.Node, bool) {
	m := contentMatchers()
	// One walk in document order finds the first candidate of each kind
	// outside the comments; it stops at the first of the most preferred
	// kind, which nothing can beat.
	var best *xhtml.Node
	bestRank := len(m.each)
	var visit func(n *xhtml.Node) bool
	visit = func(n *xhtml.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != xhtml.ElementNode {
				continue
			}
			for rank := range bestRank {
				if m.each[rank].Match(c) {
					if !inCommentThread(c) {
						best, bestRank = c, rank
					}
					break
				}
			}
			if bestRank == 0 || visit(c) {
				return true
			}
		}
		return false
	}
	visit(root)
	if best != nil {
		return best, false
	}
	if body := goquery.NewDocumentFromNode(root).FindMatcher(m.body).Nodes; len(body) > 0 {
		return body[0], true
	}
	return root, true
}

// contentSelectors are the containers of a post's text, most preferred
// first: WordPress, then what other blog engines and old WordPress themes
// (".entry") use, then HTML's own.
var contentSelectors = []string{".entry-content", "[itemprop=articleBody]", ".post-content", ".post-body", ".post-entry", ".entry", "article", "main"}

type htmlMatchers struct {
	each        []cascadia.Selector
	body, links cascadia.Selector
}

// contentMatchers compiles the selectors once, for every page.
var contentMatchers = sync.OnceValue(func() htmlMatchers {
	m := htmlMatchers{
		body:  cascadia.MustCompile("body"),
		links: cascadia.MustCompile("a[href]"),
	}
	for _, s := range contentSelectors {
		m.each = append(m.each, cascadia.MustCompile(s))
	}
	return m
})

// inCommentThread reports whether n is a comment or inside the comments.
func inCommentThread(n *xhtml.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type != xhtml.ElementNode {
			continue
		}
		if id := attr(n, "id"); id == "comments" || id == "respond" {
			return true
		}
		for class := range strings.FieldsSeq(attr(n, "class")) {
			switch class {
			case "comments-area", "comment-list", "commentlist", "comment", "comment-body", "comment-content", "comment-respond":
				return true
			}
		}
	}
	return false
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isChrome reports whether an element is never essay text: scripts and
// forms, navigation, comment threads, share and print widgets, related
// posts, post metadata, hidden elements.
func (w *htmlWalker) isChrome(n *xhtml.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Title, atom.Form,
		atom.Nav, atom.Aside, atom.Footer, atom.Button, atom.Select, atom.Textarea, atom.Iframe,
		atom.Object, atom.Svg, atom.Math, atom.Canvas, atom.Video, atom.Audio, atom.Input, atom.Img:
		return true
	case atom.Header:
		if w.stripChrome {
			return true
		}
	}
	if len(n.Attr) == 0 {
		return false
	}
	if id := attr(n, "id"); id == "comments" || id == "respond" || id == "jp-relatedposts" {
		return true
	}
	if _, hidden := attrOK(n, "hidden"); hidden {
		return true
	}
	if style := attr(n, "style"); style != "" {
		style = strings.ToLower(strings.Join(strings.Fields(style), ""))
		if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
			return true
		}
	}
	class := attr(n, "class")
	if strings.Contains(strings.ToLower(class), "share") {
		return true
	}
	for c := range strings.FieldsSeq(class) {
		switch c {
		case "comments-area", "comment-list", "commentlist", "comment-respond", "printfriendly", "pf-button",
			"sharedaddy", "sd-sharing", "sd-block", "jp-relatedposts", "related-posts", "entry-meta",
			"entry-footer", "post-navigation", "nav-links", "screen-reader-text", "post-meta",
			"post-footer", "blog-pager", "wpcnt", "postmetadata":
			return true
		case "wp-block-buttons":
			if onlyShareLinks(n) {
				return true
			}
		}
	}
	return false
}

func attrOK(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// onlyShareLinks reports whether every link inside n shares or prints the
// page rather than citing something.
func onlyShareLinks(n *xhtml.Node) bool {
	found := false
	for _, a := range goquery.NewDocumentFromNode(n).FindMatcher(contentMatchers().links).Nodes {
		href := strings.ToLower(attr(a, "href"))
		share := false
		for _, s := range []string{"share", "sharer", "intent/tweet", "mailto:", "print", "pinterest.com/pin"} {
			if strings.Contains(href, s) {
				share = true
			}
		}
		if !share {
			return false
		}
		found = true
	}
	return found
}

// walkContext is what a block started at this point of the tree is.
type walkContext struct {
	kind  lint.BlockKind
	level int
	list  int
	pre   bool
}

type htmlWalker struct {
	b           *blockBuilder
	tree        *htmlTree
	src         []byte
	stripChrome bool
	lists       int
	strong      int
}

func (w *htmlWalker) walk(n *xhtml.Node, ctx walkContext) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case xhtml.TextNode:
			w.text(c, ctx)
		case xhtml.ElementNode:
			w.element(c, ctx)
		}
	}
}

// openBlock starts the block that loose text goes into, if none is open.
func (w *htmlWalker) openBlock(ctx walkContext) {
	if !w.b.open {
		list := 0
		if ctx.kind == lint.BlockListItem {
			list = ctx.list
		}
		w.b.start(ctx.kind, ctx.level, list)
		w.b.collapse = !ctx.pre
	}
}

func (w *htmlWalker) text(n *xhtml.Node, ctx walkContext) {
	span := w.tree.span(n)
	raw := w.src[span.Start:span.End]
	if !w.b.open && isBlank(raw) {
		return
	}
	w.openBlock(ctx)
	strong := w.strong > 0
	b := w.b
	run := span.Start
	flush := func(end int) {
		if end > run {
			b.addSource(run, end, strong)
		}
	}
	// Only "&", a no-break space's first byte and, in <pre>, "\r" need a
	// look.
	scan := newByteScan(w.src, span.End, '&', 0xC2)
	if ctx.pre {
		scan = newByteScan(w.src, span.End, '&', 0xC2, '\r')
	}
	for i := span.Start; i < span.End; {
		if i = scan.next(i); i >= span.End {
			break
		}
		switch w.src[i] {
		case '&':
			if k, decoded := htmlEntityAt(w.src[i:span.End]); k > 0 {
				flush(i)
				b.add(strings.ReplaceAll(decoded, "\u00a0", " "), lint.Span{Start: i, End: i + k}, strong)
				i += k
				run = i
				continue
			}
		case '\r':
			// In <pre>, a CRLF line break is a "\n" like any other.
			if ctx.pre && i+1 < span.End && w.src[i+1] == '\n' {
				flush(i)
				run = i + 1
			}
		case 0xC2:
			// A literal no-break space is a space to the reader.
			if i+1 < span.End && w.src[i+1] == 0xA0 {
				flush(i)
				b.add(" ", lint.Span{Start: i, End: i + 2}, strong)
				i += 2
				run = i
				continue
			}
		}
		i++
	}
	flush(span.End)
}

// htmlEntityAt decodes the character reference s starts with, as browsers
// do (the semicolon may be missing for the old entities), returning its
// length and text, or 0.
func htmlEntityAt(s []byte) (int, string) {
	i := 1
	for i < len(s) && i < 40 && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' || s[i] == '#') {
		i++
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	if i < 2 {
		return 0, ""
	}
	decoded := unescapeRef(s[:i])
	if decoded == string(s[:i]) {
		return 0, ""
	}
	return i, decoded
}

func (w *htmlWalker) element(n *xhtml.Node, ctx walkContext) {
	if w.isChrome(n) {
		return
	}
	b := w.b
	a := n.DataAtom
	switch a {
	case atom.Br:
		b.lineBreak(w.tree.span(n))
		return
	case atom.Hr:
		b.end()
		return
	}
	if level := headingLevel(a); level > 0 {
		b.end()
		w.walk(n, walkContext{kind: lint.BlockHeading, level: level})
		b.end()
		return
	}
	if isBlockElement(a) {
		b.end()
		inner := ctx
		switch a {
		case atom.Ul, atom.Ol, atom.Menu, atom.Dl:
			w.lists++
			inner.list = w.lists
		case atom.Li, atom.Dd, atom.Dt:
			if inner.list == 0 {
				w.lists++ // an item with no list around it
				inner.list = w.lists
			}
			inner.kind = lint.BlockListItem
		case atom.Blockquote:
			inner.kind = lint.BlockQuotation
		case atom.Figcaption:
			inner.kind = lint.BlockCaption
		case atom.Pre:
			inner.pre = true
		}
		if hasClass(n, "wp-caption-text") {
			inner.kind = lint.BlockCaption
		}
		first := len(b.blocks)
		w.walk(n, inner)
		b.end()
		if label, ok := noteLabel(n); ok && len(b.blocks) > first {
			b.notes = append(b.notes, lint.Note{Label: label, Range: lint.Range{Start: b.blocks[first].Start, End: b.blocks[len(b.blocks)-1].End}})
		}
		return
	}
	w.inline(n, ctx)
}

// inline walks an inline element: links, italics, bold, note references.
func (w *htmlWalker) inline(n *xhtml.Node, ctx walkContext) {
	b := w.b
	if hasClass(n, "wp-caption-text") && !b.open {
		ctx.kind = lint.BlockCaption
	}
	italic, strong := false, false
	switch n.DataAtom {
	case atom.Em, atom.I, atom.Cite, atom.Var, atom.Dfn:
		italic = true
	case atom.B, atom.Strong, atom.U:
		strong = true
	}
	if style := attr(n, "style"); style != "" {
		// Google Docs exports mark emphasis with inline styles only.
		style = strings.ToLower(strings.Join(strings.Fields(style), ""))
		italic = italic || strings.Contains(style, "font-style:italic")
		strong = strong || strings.Contains(style, "font-weight:bold") || strings.Contains(style, "font-weight:700") ||
			strings.Contains(style, "font-weight:800") || strings.Contains(style, "font-weight:900")
	}
	href, hasHref := "", false
	if n.DataAtom == atom.A {
		href, hasHref = attrOK(n, "href")
		href = strings.TrimSpace(href)
		if isBackReference(href) {
			return // the arrow back from a note to its reference
		}
	}
	if strong {
		w.strong++
	}
	start := b.pos()
	refs := len(b.refs)
	w.walk(n, ctx)
	end := b.pos()
	if strong {
		w.strong--
	}
	if italic {
		b.italics = append(b.italics, lint.Range{Start: start, End: end})
	}
	r := lint.Range{Start: start, End: end}
	switch {
	case hasHref && isNoteHref(href):
		if label := noteRefLabel(w.textOf(n), href); label != "" {
			b.refs = append(b.refs, lint.NoteRef{Label: label, Range: r})
		}
	case hasHref && href != "" && !strings.HasPrefix(href, "#") && !strings.HasPrefix(strings.ToLower(href), "javascript:"):
		b.links = append(b.links, lint.Link{Range: r, URL: href})
	case n.DataAtom == atom.Sup && len(b.refs) == refs:
		if label := supLabel(w.textOf(n)); label != "" {
			b.refs = append(b.refs, lint.NoteRef{Label: label, Range: r})
		}
	}
}

func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Center, atom.Dd,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Html, atom.Legend, atom.Li, atom.Main,
		atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Tbody,
		atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Ul:
		return true
	}
	return false
}

func hasClass(n *xhtml.Node, class string) bool {
	for c := range strings.FieldsSeq(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// textOf is the decoded text of n's subtree.
func (w *htmlWalker) textOf(n *xhtml.Node) string {
	var sb strings.Builder
	var visit func(*xhtml.Node)
	visit = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.TextNode {
				span := w.tree.span(c)
				sb.Write(w.src[span.Start:span.End])
			} else if sb.Len() < 64 {
				visit(c)
			}
		}
	}
	visit(n)
	return strings.TrimSpace(html.UnescapeString(sb.String()))
}

// isNoteHref reports whether href points at a footnote: "#fn1", "#fn:1",
// "#footnote-1", Word's "#_ftn1" and "#_edn1".
func isNoteHref(href string) bool {
	h := strings.ToLower(href)
	for _, p := range []string{"#fn", "#_ftn", "#_edn", "#footnote", "#endnote", "#note"} {
		if strings.HasPrefix(h, p) {
			return !isBackReference(href)
		}
	}
	return false
}

// isBackReference reports whether href leads from a note back to where it
// is referenced.
func isBackReference(href string) bool {
	h := strings.ToLower(href)
	for _, p := range []string{"#fnref", "#_ftnref", "#_ednref", "#footnote-ref", "#ref-", "#noteref"} {
		if strings.HasPrefix(h, p) {
			return true
		}
	}
	return false
}

// noteRefLabel is a note reference's label: the number it shows, else the
// tail of its href.
func noteRefLabel(text, href string) string {
	if label := supLabel(text); label != "" {
		return label
	}
	return labelFromID(strings.TrimPrefix(href, "#"))
}

// supLabel returns the label of a superscript that marks a note: one to
// three digits, perhaps in brackets, or a note symbol.
func supLabel(text string) string {
	label := strings.Trim(text, "[]() ")
	switch label {
	case "*", "†", "‡":
		return label
	}
	if len(label) == 0 || len(label) > 3 {
		return ""
	}
	for i := 0; i < len(label); i++ {
		if label[i] < '0' || label[i] > '9' {
			return ""
		}
	}
	return label
}

// labelFromID turns a note's id ("fn1", "fn:1", "footnote-1", "_ftn1")
// into its label, or "" when the id does not name a note ("footnotes").
func labelFromID(id string) string {
	lower := strings.ToLower(id)
	for _, p := range []string{"footnote", "endnote", "_ftn", "_edn", "ftn", "edn", "note", "fn"} {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		rest := id[len(p):]
		if trimmed := strings.TrimLeft(rest, ":-_."); trimmed != rest {
			return trimmed // "fn:label", "footnote-2"
		}
		if rest == "" || strings.Trim(rest, "0123456789") != "" {
			return ""
		}
		return rest
	}
	return ""
}

// noteLabel reports whether n is a footnote (an li or div whose id names a
// note, or an item of a footnotes list) and its label.
func noteLabel(n *xhtml.Node) (string, bool) {
	if n.DataAtom != atom.Li && n.DataAtom != atom.Div {
		return "", false
	}
	if id := attr(n, "id"); id != "" && !isBackReference("#"+id) {
		if label := labelFromID(id); label != "" {
			return label, true
		}
	}
	if n.DataAtom != atom.Li {
		return "", false
	}
	// An item of a list inside a footnotes section is a note, numbered by
	// its place in the list.
	inNotes := false
	for p := n.Parent; p != nil && !inNotes; p = p.Parent {
		inNotes = hasClass(p, "footnotes") || attr(p, "id") == "footnotes" || attr(p, "role") == "doc-endnotes"
	}
	if !inNotes {
		return "", false
	}
	index := 1
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == xhtml.ElementNode && s.DataAtom == atom.Li {
			index++
		}
	}
	return strconv.Itoa(index), true
}
