package read

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/citelint/citelint/lint"
)

// Markdown reads a Markdown essay with goldmark. Offsets come from
// goldmark's segments, which point into the source: text is written piece
// by piece from them, with escapes and character references resolved.
// Code blocks, HTML blocks, images and YAML front matter are not essay
// prose and are left out.
func Markdown(path string, src []byte) (*lint.Document, error) {
	return markdownWith(path, src, markdownParser())
}

// markdownWith is Markdown with goldmark parser p.
func markdownWith(path string, src []byte, p parser.Parser) (*lint.Document, error) {
	s, reason := openSource(src)
	if reason != "" {
		return nil, notReadable(path, reason, "Markdown")
	}
	input := s.text
	if end := frontMatterEnd(input); end > 0 {
		// Blank the front matter out rather than cut it, so that goldmark's
		// offsets stay offsets of the decoded file.
		input = bytes.Clone(input)
		for i := range end {
			if input[i] != '\n' && input[i] != '\r' {
				input[i] = ' '
			}
		}
	}
	ctx := parser.NewContext()
	root := p.Parse(text.NewReader(input), parser.WithContext(ctx))
	r := &mdReader{b: newBlockBuilder(s, input, false), src: input, mark: -1}
	r.plain, _ = ctx.Get(plainParagraphsKey).(*plainParagraphs)
	r.blocks(root, lint.BlockParagraph, 0)
	for _, fl := range r.footnotes {
		r.footnoteList(fl)
	}
	return r.b.document(path, lint.FormatMarkdown, src), nil
}

// markdownParser is the goldmark parser every essay shares: building one
// (sorting and indexing its block and inline parsers) cost as much as a
// tenth of reading an essay. It never changes once built, and goldmark's
// Parse keeps all per-document state in the context it is given, so
// concurrent essays may use it at once. goldmark's Linkify extension would
// find bare URLs too, but it costs a third of the parse (it tries every
// word as an e-mail address); mdReader.text finds them itself.
var markdownParser = sync.OnceValue(func() parser.Parser {
	blocks := parser.DefaultBlockParsers()
	for i, v := range blocks {
		if v.Value == parser.NewParagraphParser() {
			blocks[i].Value = breakKeepingParagraphParser{parser.NewParagraphParser()}
		}
	}
	transformers := append(parser.DefaultParagraphTransformers(), util.Prioritized(closingMarker{}, 1<<20))
	p := parser.NewParser(parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(transformers...))
	return goldmark.New(goldmark.WithParser(p), goldmark.WithExtensions(extension.Footnote, extension.Strikethrough)).Parser()
})

// breakKeepingParagraphParser is goldmark's paragraph parser, except that a
// paragraph's last line keeps the "\n" after it. goldmark trims it off, and
// its inline parser then steps over a last line with no line break one
// byte at a time (blockReader.Advance), which was a sixteenth of linting a
// Markdown essay whose paragraphs are each one long line. With the break
// kept, the last text is marked as ending in a soft line break, which
// blockBuilder trims from the end of the block like any trailing white
// space: the Document is the same (TestMarkdownSameAsGoldmark). A last
// line ending in a backslash keeps its "\n" off, since "\\\n" is a hard
// line break. A plain paragraph, closed, is also kept from goldmark's
// inline parser (see plainParagraphs).
type breakKeepingParagraphParser struct{ parser.BlockParser }

func (p breakKeepingParagraphParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	p.BlockParser.Close(node, reader, pc)
	// Whether the paragraph transformers have just seen node: it is closed
	// as a paragraph, not taken over by a setext heading, which the
	// transformers see after Close and which takes the paragraph's lines.
	closing := pc.Get(closingParagraphKey) == node
	pc.Set(closingParagraphKey, nil)
	lines := node.Lines()
	if node.Parent() == nil || lines.Len() == 0 {
		return
	}
	last, src := lines.At(lines.Len()-1), reader.Source()
	if last.Stop > last.Start && last.Stop < len(src) && src[last.Stop] == '\n' && src[last.Stop-1] != '\\' {
		last.Stop++
		lines.Set(lines.Len()-1, last)
	}
	if closing && isPlainParagraph(src, lines) {
		// goldmark is given one empty line to parse inline, at the
		// paragraph's start, by which mdReader.block finds the real ones.
		start := lines.At(0).Start
		pc.ComputeIfAbsent(plainParagraphsKey, func() any { return &plainParagraphs{} }).(*plainParagraphs).add(start, *lines)
		stand := text.NewSegments()
		stand.Append(text.NewSegment(start, start))
		node.SetLines(stand)
	}
}

// A plain paragraph holds no character that starts inline markup or an
// escape, so that goldmark's inline parser, which looks at each of its
// bytes, would only make each of its lines one text: mdReader.plainLines
// does that itself, much faster. plainParagraphs holds their lines by
// where they start: a tight list's item, a TextBlock, takes a copy of its
// paragraph's lines, so neither the paragraph nor its lines' address
// would find them. Paragraphs close in the order they start, so their
// starts come in order and are searched, not hashed; should they not,
// they are sorted first.
type plainParagraphs struct {
	starts []int
	lines  []text.Segments
	sorted bool // starts are in increasing order, the last of a repeat kept
}

func (p *plainParagraphs) add(start int, lines text.Segments) {
	p.starts = append(p.starts, start)
	p.lines = append(p.lines, lines)
}

// find returns the lines of the plain paragraph that starts at start, the
// one added last if several do.
func (p *plainParagraphs) find(start int) (*text.Segments, bool) {
	if !p.sorted {
		p.sort()
	}
	if k, ok := slices.BinarySearch(p.starts, start); ok {
		return &p.lines[k], true
	}
	return nil, false
}

// sort puts starts in increasing order, keeping of the paragraphs with the
// same start only the last added.
func (p *plainParagraphs) sort() {
	p.sorted = true
	if slices.IsSorted(p.starts) && !hasRepeat(p.starts) {
		return
	}
	order := make([]int, len(p.starts))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(p.starts[a], p.starts[b]) })
	starts, lines := make([]int, 0, len(order)), make([]text.Segments, 0, len(order))
	for i, k := range order {
		if i+1 < len(order) && p.starts[order[i+1]] == p.starts[k] {
			continue // a later one with the same start follows
		}
		starts, lines = append(starts, p.starts[k]), append(lines, p.lines[k])
	}
	p.starts, p.lines = starts, lines
}

// hasRepeat reports whether sorted holds a value twice.
func hasRepeat(sorted []int) bool {
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return true
		}
	}
	return false
}

var (
	// closingParagraphKey holds the paragraph that the transformers have
	// just seen (closingMarker).
	closingParagraphKey = parser.NewContextKey()
	// plainParagraphsKey holds the document's plainParagraphs.
	plainParagraphsKey = parser.NewContextKey()
)

// closingMarker is the last paragraph transformer: it notes the paragraph
// it sees for breakKeepingParagraphParser.Close, which comes next when the
// paragraph is closed as a paragraph.
type closingMarker struct{}

func (closingMarker) Transform(node *ast.Paragraph, _ text.Reader, pc parser.Context) {
	pc.Set(closingParagraphKey, node)
}

// markupBytes start goldmark's inline markup (emphasis, links, images and
// footnote references, code spans, autolinks and raw HTML, strikethrough)
// or an escape; the commonest in essays first.
const markupBytes = "*[_]!`<~\\"

// isPlainParagraph reports whether a paragraph's lines hold no markup byte
// and no padding (a tab's columns, which goldmark's line reader pads). The
// source from the first line's start to the last one's end is searched
// whole, IndexByte by IndexByte, which is much faster than looking at each
// byte; what lies between the lines (a quotation's "> ", an item's
// indent) can only make a paragraph seem not plain, which is safe.
func isPlainParagraph(src []byte, lines *text.Segments) bool {
	segs := lines.Sliced(0, lines.Len())
	for _, seg := range segs {
		if seg.Padding != 0 {
			return false
		}
	}
	span := src[segs[0].Start:segs[len(segs)-1].Stop]
	for i := range len(markupBytes) {
		if bytes.IndexByte(span, markupBytes[i]) >= 0 {
			return false
		}
	}
	return true
}

// frontMatterEnd returns the end of a YAML front matter block ("---" on the
// first line, closed by "---" or "..."), or 0 when there is none.
func frontMatterEnd(src []byte) int {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return 0
	}
	for i := bytes.IndexByte(src, '\n') + 1; i < len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j + 1
		}
		line := bytes.TrimRight(src[i:end], " \t\r\n")
		if bytes.Equal(line, []byte("---")) || bytes.Equal(line, []byte("...")) {
			return end
		}
		i = end
	}
	return 0
}

type mdReader struct {
	b   *blockBuilder
	src []byte
	// lists numbers the lists in document order.
	lists     int
	footnotes []*east.FootnoteList
	// cursor is the source offset just past the last text written; an
	// autolink or a footnote reference, which carry no segment of their
	// own, is looked for from there.
	cursor int
	// skip is the end of the last bare URL written: source before it has
	// been written already.
	skip   int
	strong int
	// markFrom and mark cache nextURLMark: the first "://" or "www." at
	// or after markFrom is at mark (-1 before the first search).
	markFrom, mark int
	// plain holds the lines of the document's plain paragraphs.
	plain *plainParagraphs
}

// nextURLMark returns the offset of the first "://" or "www." at or
// after from (len(src) when there is none): where nextBareURL's search
// could first find a URL. Most text holds none, and is spared the search
// segment by segment.
func (r *mdReader) nextURLMark(from int) int {
	if from < r.markFrom || from > r.mark {
		r.markFrom, r.mark = from, len(r.src)
		rest := r.src[from:]
		if k := bytes.Index(rest, []byte("://")); k >= 0 {
			r.mark = from + k
		}
		if k := bytes.Index(rest[:r.mark-from], []byte("www.")); k >= 0 {
			r.mark = from + k
		}
	}
	return r.mark
}

// blocks walks block-level nodes. kind is what a paragraph is in this
// context (a list item, a quotation), list its list number.
func (r *mdReader) blocks(n ast.Node, kind lint.BlockKind, list int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			r.block(c, lint.BlockHeading, c.Level, 0)
		case *ast.Paragraph, *ast.TextBlock:
			r.block(c, kind, 0, list)
		case *ast.List:
			r.lists++
			number := r.lists
			for item := c.FirstChild(); item != nil; item = item.NextSibling() {
				r.blocks(item, lint.BlockListItem, number)
			}
		case *ast.Blockquote:
			r.blocks(c, lint.BlockQuotation, 0)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.ThematicBreak:
			// Not essay prose.
		case *east.FootnoteList:
			// Notes go at the end of Text, after the body.
			r.footnotes = append(r.footnotes, c)
		default:
			r.blocks(c, kind, list)
		}
	}
}

func (r *mdReader) block(n ast.Node, kind lint.BlockKind, level, list int) {
	r.b.start(kind, level, list)
	lines := n.Lines()
	plain := r.plainParagraph(n)
	if plain != nil {
		lines = plain
	}
	if lines.Len() > 0 {
		r.cursor = lines.At(0).Start
	}
	r.strong, r.skip = 0, 0
	if plain != nil {
		r.plainLines(plain)
	} else {
		r.inlines(n)
	}
	r.b.end()
}

// plainParagraph returns the lines of n if it is a plain paragraph (its
// lines are the one empty line that stands for them), or nil.
func (r *mdReader) plainParagraph(n ast.Node) *text.Segments {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
	default:
		return nil
	}
	stand := n.Lines()
	if r.plain == nil || stand.Len() != 1 {
		return nil
	}
	if seg := stand.At(0); seg.Start == seg.Stop {
		if lines, ok := r.plain.find(seg.Start); ok {
			return lines
		}
	}
	return nil
}

// plainLines writes the lines of a plain paragraph as goldmark's inline
// parser would have made them: a text per line, with the line's trailing
// white space (a hard line break's two spaces and the line break among it)
// trimmed, followed by a line break where the line ends in one.
func (r *mdReader) plainLines(lines *text.Segments) {
	for _, seg := range lines.Sliced(0, lines.Len()) {
		brk := seg.Stop > seg.Start && r.src[seg.Stop-1] == '\n'
		r.textSegment(seg.TrimRightSpace(r.src), brk)
	}
}

// textSegment writes a text that is not raw, and the line break after it
// if brk.
func (r *mdReader) textSegment(seg text.Segment, brk bool) {
	r.text(seg.Start, seg.Stop)
	r.cursor = max(r.cursor, seg.Stop)
	if brk {
		r.lineBreak(seg.Stop)
	}
}

func (r *mdReader) footnoteList(fl *east.FootnoteList) {
	for c := fl.FirstChild(); c != nil; c = c.NextSibling() {
		fn, ok := c.(*east.Footnote)
		if !ok {
			continue
		}
		first := len(r.b.blocks)
		r.blocks(fn, lint.BlockParagraph, 0)
		if len(r.b.blocks) > first {
			r.b.notes = append(r.b.notes, lint.Note{
				Label: string(fn.Ref),
				Range: lint.Range{Start: r.b.blocks[first].Start, End: r.b.blocks[len(r.b.blocks)-1].End},
			})
		}
	}
}

func (r *mdReader) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.inline(c)
	}
}

func (r *mdReader) inline(n ast.Node) {
	b := r.b
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		brk := n.SoftLineBreak() || n.HardLineBreak()
		if !n.IsRaw() {
			r.textSegment(seg, brk)
			return
		}
		// Raw text (a code span's) may lie inside a bare URL written
		// already, like any other text.
		if start := max(seg.Start, r.skip); start < seg.Stop {
			b.addSource(start, seg.Stop, r.strong > 0)
		}
		r.cursor = max(r.cursor, seg.Stop)
		if brk {
			r.lineBreak(seg.Stop)
		}
	case *ast.Emphasis:
		if n.Level >= 2 {
			r.strong++
			r.inlines(n)
			r.strong--
			return
		}
		start := b.pos()
		r.inlines(n)
		b.italics = append(b.italics, lint.Range{Start: start, End: b.pos()})
	case *ast.Link:
		start := b.pos()
		r.inlines(n)
		b.links = append(b.links, lint.Link{Range: lint.Range{Start: start, End: b.pos()}, URL: markdownURL(n.Destination)})
	case *ast.AutoLink:
		label := n.Label(r.src)
		at := r.find(label, n.Pos())
		if at < 0 {
			return
		}
		start := b.pos()
		b.addSource(at, at+len(label), r.strong > 0)
		r.cursor = at + len(label)
		b.links = append(b.links, lint.Link{Range: lint.Range{Start: start, End: b.pos()}, URL: string(n.URL(r.src))})
	case *east.FootnoteLink:
		r.footnoteRef(n)
	case *ast.Image, *east.FootnoteBacklink:
		// Alt text is not essay prose; a back link is an arrow.
	case *ast.RawHTML:
		// Inline HTML is markup, except a line break.
		if segs := n.Segments; segs.Len() > 0 {
			first, last := segs.At(0), segs.At(segs.Len()-1)
			r.cursor = max(r.cursor, last.Stop)
			if isBreakTag(r.src[first.Start:last.Stop]) {
				b.newline(lint.Span{Start: first.Start, End: last.Stop})
			}
		}
	case *ast.String:
		// Synthesised text with no place in the source; the extensions in
		// use make none.
	default:
		r.inlines(n)
	}
}

// text writes the source text [start, stop): bare URLs become links, the
// rest goes through plainText. goldmark splits text at characters that may
// be markup ("_", "*"), so a URL that starts here may run on past stop;
// the text after it, up to its end, is then skipped when goldmark hands it
// over.
func (r *mdReader) text(start, stop int) {
	start = max(start, r.skip)
	for i := start; i < stop; {
		if r.nextURLMark(i) >= stop {
			r.plainText(i, stop)
			return
		}
		at, end := nextBareURL(r.src, i, stop, r.lineEnd(stop))
		if at < 0 {
			r.plainText(i, stop)
			return
		}
		r.skip = max(r.skip, end)
		r.plainText(i, at)
		url := r.b.text[at:end]
		pos := r.b.pos()
		r.b.addSource(at, end, r.strong > 0)
		if len(url) >= 4 && (url[:4] == "www." || url[:4] == "WWW.") {
			url = "http://" + url
		}
		r.b.links = append(r.b.links, lint.Link{Range: lint.Range{Start: pos, End: r.b.pos()}, URL: url})
		r.cursor = max(r.cursor, end)
		i = end
	}
}

// nextBareURL finds the next bare URL ("https://…", "www.…") in
// src[from:stop] that starts a word, as GitHub's autolinks do, and returns
// its span, or -1. Trailing punctuation and an unbalanced ")" are not part
// of it. Candidates are found by searching for "://" and "www.", which is
// much faster than trying every byte.
func nextBareURL(src []byte, from, stop, lineEnd int) (int, int) {
	for from < stop {
		seg := src[from:stop]
		colon := bytes.Index(seg, []byte("://"))
		www := bytes.Index(seg, []byte("www."))
		if colon < 0 && www < 0 {
			return -1, -1
		}
		at, next := -1, 0
		if colon >= 0 && (www < 0 || colon < www) {
			scheme := colon
			for scheme > 0 && scheme > colon-5 && (seg[scheme-1]|0x20) >= 'a' && (seg[scheme-1]|0x20) <= 'z' {
				scheme--
			}
			if name := seg[scheme:colon]; bytes.EqualFold(name, []byte("http")) || bytes.EqualFold(name, []byte("https")) {
				at = from + scheme
			}
			next = from + colon + 3
		} else {
			at, next = from+www, from+www+4
		}
		if at >= 0 {
			if end := bareURLEnd(src, at, lineEnd); end > 0 {
				return at, end
			}
		}
		from = next
	}
	return -1, -1
}

// bareURLEnd returns the end of the bare URL that starts at i, running at
// most to stop, or -1 when none does (it is inside a word, or has no
// host).
func bareURLEnd(src []byte, i, stop int) int {
	if i > 0 {
		if p := src[i-1]; p != ' ' && p != '\t' && p != '\n' && p != '(' && p != '"' && p != '\'' && p != '*' && p != '_' && p != '~' && p < utf8.RuneSelf {
			return -1
		}
	}
	rest := src[i:stop]
	n := 0
	switch {
	case hasPrefixFold(rest, "https://"):
		n = len("https://")
	case hasPrefixFold(rest, "http://"):
		n = len("http://")
	case hasPrefixFold(rest, "www."):
		n = len("www.")
	default:
		return -1
	}
	end := i + n
	for end < stop && !isSpaceByte(src[end]) && src[end] != '<' && src[end] != '>' && src[end] != '"' {
		if src[end] == '[' && end+1 < stop && src[end+1] == '^' {
			break // a footnote reference after the URL: "www.x.org[^1]"
		}
		end++
	}
	// Drop trailing punctuation, and a ")" that closes a parenthesis
	// opened before the URL.
	open, closed := bytes.Count(src[i:end], []byte("(")), bytes.Count(src[i:end], []byte(")"))
	for end > i+n {
		last := src[end-1]
		if bytes.IndexByte([]byte(".,:;!?'*_~"), last) >= 0 {
			end--
			continue
		}
		if last == ')' && open < closed {
			end--
			closed--
			continue
		}
		break
	}
	host := src[i+n : end]
	if len(host) == 0 || (n == len("www.") && bytes.IndexByte(host, '.') < 0) {
		return -1
	}
	return end
}

// lineEnd returns the end of the source line holding offset i.
func (r *mdReader) lineEnd(i int) int {
	if j := bytes.IndexAny(r.src[i:], "\r\n"); j >= 0 {
		return i + j
	}
	return len(r.src)
}

func hasPrefixFold(s []byte, prefix string) bool {
	return len(s) >= len(prefix) && bytes.EqualFold(s[:len(prefix)], []byte(prefix))
}

// plainText writes the source text [start, stop), dropping the backslash
// of each escape and decoding character references; everything else is
// written byte for byte.
func (r *mdReader) plainText(start, stop int) {
	b, src, strong := r.b, r.src, r.strong > 0
	run := start
	flush := func(end int) {
		if end > run {
			b.addSource(run, end, strong)
		}
	}
	// Only a backslash or "&" needs a look.
	scan := newByteScan(src, stop, '\\', '&')
	for i := start; i < stop; {
		if i = scan.next(i); i >= stop {
			break
		}
		switch src[i] {
		case '\\':
			if i+1 < stop && isASCIIPunct(src[i+1]) {
				flush(i)
				run = i + 1
				i += 2
				continue
			}
		case '&':
			if n, decoded := entityAt(src[i:stop]); n > 0 {
				flush(i)
				b.add(decoded, lint.Span{Start: i, End: i + n}, strong)
				i += n
				run = i
				continue
			}
		}
		i++
	}
	flush(stop)
}

// lineBreak writes the line break that follows a text segment ending at
// stop, mapped to the source newline.
func (r *mdReader) lineBreak(stop int) {
	for i := stop; i < len(r.src) && i < stop+64; i++ {
		switch r.src[i] {
		case '\n':
			r.b.newline(lint.Span{Start: i, End: i + 1})
			return
		case '\r':
			if i+1 >= len(r.src) || r.src[i+1] != '\n' {
				r.b.newline(lint.Span{Start: i, End: i + 1})
				return
			}
		case ' ', '\t', '\\':
		default:
			r.b.newline(lint.Span{Start: stop, End: stop})
			return
		}
	}
	r.b.newline(lint.Span{Start: stop, End: stop})
}

// footnoteRef writes a footnote reference as it stands in the source,
// "[^label]", and records it.
func (r *mdReader) footnoteRef(n *east.FootnoteLink) {
	at := n.Pos()
	if at < 0 || at >= len(r.src) || !bytes.HasPrefix(r.src[at:], []byte("[^")) {
		at = r.find([]byte("[^"), -1)
	}
	if at < 0 {
		return
	}
	end := bytes.IndexByte(r.src[at:], ']')
	if end < 0 {
		return
	}
	end += at + 1
	start := r.b.pos()
	r.b.addSource(at, end, r.strong > 0)
	r.cursor = end
	label := string(r.src[at+2 : end-1])
	if label == "" {
		label = strconv.Itoa(n.Index)
	}
	r.b.refs = append(r.b.refs, lint.NoteRef{Label: label, Range: lint.Range{Start: start, End: r.b.pos()}})
}

// find looks for s in the source at hint or from the cursor on, close to
// it, and returns its offset or -1.
func (r *mdReader) find(s []byte, hint int) int {
	if len(s) == 0 {
		return -1
	}
	if hint >= 0 && hint+len(s) <= len(r.src) {
		for _, at := range []int{hint, hint + 1} {
			if at+len(s) <= len(r.src) && bytes.Equal(r.src[at:at+len(s)], s) && at >= r.cursor {
				return at
			}
		}
	}
	from := min(max(r.cursor, 0), len(r.src))
	window := r.src[from:min(len(r.src), from+len(s)+256)]
	if i := bytes.Index(window, s); i >= 0 {
		return from + i
	}
	return -1
}

// markdownURL resolves escapes and character references in a link
// destination, as a Markdown renderer would before writing the href.
func markdownURL(dest []byte) string {
	dest = util.UnescapePunctuations(dest)
	dest = util.ResolveNumericReferences(dest)
	dest = util.ResolveEntityNames(dest)
	return string(dest)
}

func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

// entityAt decodes the character reference ("&amp;", "&#8220;", "&#x201C;")
// that s starts with, returning its length and text, or 0 when s does not
// start with one. Markdown needs the semicolon.
func entityAt(s []byte) (int, string) {
	i := 1
	if i < len(s) && s[i] == '#' {
		i++
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			i++
		}
	}
	for i < len(s) && i < 40 && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i >= len(s) || s[i] != ';' || i < 2 {
		return 0, ""
	}
	decoded := unescapeRef(s[:i+1])
	if decoded == string(s[:i+1]) {
		return 0, ""
	}
	return i + 1, decoded
}

// isBreakTag reports whether raw is a <br> tag.
func isBreakTag(raw []byte) bool {
	raw = bytes.ToLower(bytes.TrimSpace(raw))
	if !bytes.HasPrefix(raw, []byte("<br")) || len(raw) < 4 {
		return false
	}
	c := raw[3]
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n'
}
