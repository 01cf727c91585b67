package read

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// Thresholds of the plain-text block rules, in code points.
const (
	// pastedLineLen: a line this long inside a paragraph is a whole
	// paragraph pasted on one line, not a hard-wrapped line.
	pastedLineLen = 100
	// titleLineLen: a first line this short may be a title or heading glued
	// to the paragraph under it.
	titleLineLen = 60
)

// textLine is one line of a plain-text file, in decoded offsets.
type textLine struct {
	start, end int // the line without its break and without outer blanks
	brk        int // offset of its line break byte, or -1 at the end of file
	runes      int // length of the trimmed line in code points (see Text)
}

func (l textLine) blank() bool { return l.start == l.end }

// Text reads a plain-text essay. Blocks are blank-line-separated paragraphs
// that keep their inner line breaks, except that a paragraph pasted one
// paragraph per line, a title glued to the text under it and list items
// become blocks of their own. Blog boilerplate ("6 thoughts on …", "Leave
// a Reply") ends the essay: nothing from there on is in Text.
func Text(path string, src []byte) (*lint.Document, error) {
	s, reason := openSource(src)
	if reason != "" {
		return nil, notReadable(path, reason, "text")
	}
	lines := splitLines(s.text)
	r := textReader{b: newBlockBuilder(s, s.text, false), text: s.text}
	for i, l := range lines {
		if l.end-l.start <= 300 && isBoilerplateLine(r.line(l)) {
			lines = lines[:i]
			break
		}
	}
	for i := 0; i < len(lines); {
		if lines[i].blank() {
			i++
			continue
		}
		j := i
		for j < len(lines) && !lines[j].blank() {
			j++
		}
		// Only the lines of a paragraph of several are measured: a
		// one-line paragraph's length decides nothing.
		if j-i > 1 {
			for k := i; k < j; k++ {
				lines[k].runes = lint.RuneCount(s.text[lines[k].start:lines[k].end])
			}
		}
		r.paragraph(lines[i:j])
		i = j
	}
	return r.b.document(path, lint.FormatText, src), nil
}

// splitLines splits text at "\n", "\r\n" and a lone "\r". It leaves the
// lines' runes at 0: Text counts them where they matter.
func splitLines(text []byte) []textLine {
	lines := make([]textLine, 0, len(text)/60+1)
	// Line breaks are found with IndexByte rather than byte by byte; a
	// file with no "\r" is searched for one once.
	breaks := newByteScan(text, len(text), '\n', '\r')
	for i := 0; i <= len(text); {
		j := breaks.next(i)
		l := textLine{start: i, end: j, brk: -1}
		var next int
		switch {
		case j < len(text) && text[j] == '\r' && j+1 < len(text) && text[j+1] == '\n':
			l.brk, next = j+1, j+2
		case j < len(text):
			l.brk, next = j, j+1
		default:
			next = j + 1
		}
		l.start, l.end = trimBlanks(text, l.start, l.end)
		lines = append(lines, l)
		i = next
	}
	return lines
}

// trimBlanks narrows [start, end) to exclude spaces, tabs and no-break
// spaces at either end.
func trimBlanks(text []byte, start, end int) (int, int) {
	for start < end {
		if c := text[start]; c == ' ' || c == '\t' || c == '\f' || c == '\v' {
			start++
		} else if c == 0xC2 && start+1 < end && text[start+1] == 0xA0 {
			start += 2
		} else {
			break
		}
	}
	for end > start {
		if c := text[end-1]; c == ' ' || c == '\t' || c == '\f' || c == '\v' {
			end--
		} else if c == 0xA0 && end-1 > start && text[end-2] == 0xC2 {
			end -= 2
		} else {
			break
		}
	}
	return start, end
}

type textReader struct {
	b    *blockBuilder
	text []byte
	// list numbers the current run of list items; inList says whether the
	// last block was one of them.
	list   int
	inList bool
}

// paragraph turns one blank-line-separated paragraph into blocks.
func (r *textReader) paragraph(lines []textLine) {
	if r.pasted(lines) || r.deliberateLines(lines) {
		for _, l := range lines {
			r.unit(nil, l)
		}
		return
	}
	// A short first line with more under it is a title or heading.
	if len(lines) > 1 && !isListItemLine(r.line(lines[0])) && r.titleLine(lines) {
		r.unit(nil, lines[0])
		lines = lines[1:]
		if r.deliberateLines(lines) {
			for _, l := range lines {
				r.unit(nil, l)
			}
			return
		}
	}
	// List items start their own block; other lines continue the block
	// before them.
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && !isListItemLine(r.line(lines[j])) {
			j++
		}
		r.unit(lines[i+1:j], lines[i])
		i = j
	}
}

func (r *textReader) line(l textLine) string { return r.b.text[l.start:l.end] }

// pasted reports whether a line other than the last is too long to be a
// hard-wrapped line: the text was pasted one paragraph per line.
func (r *textReader) pasted(lines []textLine) bool {
	for _, l := range lines[:len(lines)-1] {
		if l.runes > pastedLineLen {
			return true
		}
	}
	return false
}

// deliberateLines reports whether every line of a multi-line paragraph is a
// complete sentence that was broken on purpose: it ends in sentence
// punctuation and the next line's first word would still have fitted on it.
// That is a list of works-cited entries, one per line, with no blank
// lines between them; hard-wrapped prose fills its lines. A line that
// starts like an entry ("Surname, …") counts as deliberate however long
// the line before it.
func (r *textReader) deliberateLines(lines []textLine) bool {
	if len(lines) < 2 {
		return false
	}
	width := 0
	for _, l := range lines {
		width = max(width, l.runes)
	}
	for i, l := range lines[:len(lines)-1] {
		line := r.line(l)
		if !strings.ContainsAny(line[len(line)-1:], ".!?") {
			return false
		}
		if !fitsOn(l, r.firstWordLen(lines[i+1]), width) && !startsLikeEntry(r.line(lines[i+1])) {
			return false
		}
	}
	return true
}

// titleLine reports whether a paragraph's first line is a title glued to
// the paragraph: short, not a sentence, and broken before its width.
func (r *textReader) titleLine(lines []textLine) bool {
	first := r.line(lines[0])
	if lines[0].runes > titleLineLen || strings.ContainsAny(first[len(first)-1:], ".!?,;") {
		return false
	}
	width := 0
	for _, l := range lines[1:] {
		width = max(width, l.runes)
	}
	return fitsOn(lines[0], r.firstWordLen(lines[1]), width)
}

// fitsOn reports whether a word of n code points would have fitted after
// line l within width: if so, the line was not wrapped there by an editor.
func fitsOn(l textLine, n, width int) bool { return l.runes+1+n <= width }

// startsLikeEntry reports whether a line starts like a works-cited entry:
// a capitalised family name, a comma and a capitalised given name or
// initial ("Marsh, Ellen", "Park, D."), which a sentence ("However, it")
// does not.
func startsLikeEntry(line string) bool {
	family, rest, found := strings.Cut(line, " ")
	if !found || len(family) < 3 || !strings.HasSuffix(family, ",") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(family)
	given, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return unicode.IsUpper(first) && unicode.IsUpper(given)
}

func (r *textReader) firstWordLen(l textLine) int {
	line := r.line(l)
	if i := strings.IndexAny(line, " \t"); i >= 0 {
		line = line[:i]
	}
	return utf8.RuneCountInString(line)
}

// unit writes a block made of first and the continuation lines after it.
// A list item's marker is left out of its text.
func (r *textReader) unit(rest []textLine, first textLine) {
	kind, list := lint.BlockParagraph, 0
	if n := listMarkerLen(r.line(first)); n > 0 {
		if !r.inList {
			r.list++
		}
		r.inList = true
		kind, list = lint.BlockListItem, r.list
		first.start += n
		first.start, _ = trimBlanks(r.text, first.start, first.end)
	} else {
		r.inList = false
	}
	b := r.b
	b.start(kind, 0, list)
	b.addSource(first.start, first.end, false)
	prev := first
	for _, l := range rest {
		if prev.brk >= 0 {
			b.newline(lint.Span{Start: prev.brk, End: prev.brk + 1})
		}
		b.addSource(l.start, l.end, false)
		prev = l
	}
	b.end()
}

func isListItemLine(line string) bool { return listMarkerLen(line) > 0 }

// listMarkerLen returns the length of the list marker ("1. ", "2) ", "- ",
// "* ", "• ") that line starts with, or 0. Numbers have at most three
// digits, so that a wrapped line starting with a year ("2001. Print.") is
// not taken for an item.
func listMarkerLen(line string) int {
	n := 0
	switch {
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "):
		n = 2
	case strings.HasPrefix(line, "• "):
		n = len("• ")
	default:
		digits := 0
		for digits < len(line) && digits < 4 && '0' <= line[digits] && line[digits] <= '9' {
			digits++
		}
		if digits == 0 || digits > 3 || digits+1 >= len(line) {
			return 0
		}
		if c := line[digits]; c != '.' && c != ')' {
			return 0
		}
		if line[digits+1] != ' ' && line[digits+1] != '\t' {
			return 0
		}
		n = digits + 2
	}
	if strings.TrimSpace(line[n:]) == "" {
		return 0
	}
	return n
}

// isBoilerplateLine reports whether a line is blog chrome that follows the
// essay: a comment-thread heading ("6 thoughts on “…”", "12 Responses to
// …", "3 Comments"), the reply form, a share or print button, related
// posts. The whole line must be the boilerplate, so a sentence that starts
// the same way ("Two thoughts on this matter dominate.") is prose.
func isBoilerplateLine(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 300 || !mayBeBoilerplate(line) {
		return false
	}
	return isBoilerplatePhrase(line)
}

// isBoilerplatePhrase is isBoilerplateLine for a line that is trimmed, not
// empty and at most 300 bytes long.
func isBoilerplatePhrase(line string) bool {
	lower := strings.ToLower(line)
	bare := strings.TrimRight(lower, ": ")
	switch bare {
	case "leave a reply", "leave a comment", "leave a reply cancel reply", "post a comment",
		"print friendly, pdf & email", "print friendly, pdf &amp; email", "print friendly",
		"share this", "share on", "like this", "related", "related posts", "related articles",
		"post navigation", "you may also like", "like loading...",
		// Blogger's footer.
		"newer post", "older post", "newer post older post home", "subscribe to: post comments (atom)", "post comments (atom)":
		return true
	}
	if strings.HasPrefix(bare, "this entry was posted in ") && utf8.RuneCountInString(bare) <= 200 {
		return true // WordPress's entry footer
	}
	if strings.HasPrefix(bare, "leave a reply") || strings.HasPrefix(bare, "leave a comment") {
		return utf8.RuneCountInString(bare) <= 60
	}
	// Only the first three words matter.
	var buf [3]string
	fields := buf[:0]
	for f := range strings.FieldsSeq(lower) {
		if len(fields) == len(buf) {
			break
		}
		fields = append(fields, f)
	}
	if len(fields) < 2 {
		return false
	}
	if !isCount(fields[0]) {
		return false
	}
	noun := strings.TrimRight(fields[1], ":")
	switch noun {
	case "thought", "thoughts", "response", "responses", "comment", "comments", "reply", "replies":
	default:
		return false
	}
	if len(fields) == 2 {
		return true
	}
	if fields[2] != "on" && fields[2] != "to" {
		return false
	}
	// "6 thoughts on “Title”": the rest is the post's title, quoted, or at
	// least not a sentence.
	rest := strings.TrimSpace(line[strings.Index(lower, " "+fields[2]+" ")+len(fields[2])+2:])
	if rest == "" {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune("“\"‘'«„”", r) {
		return true
	}
	return utf8.RuneCountInString(line) <= pastedLineLen && !strings.HasSuffix(rest, ".")
}

// mayBeBoilerplate reports whether line, trimmed and not empty, may be
// boilerplate by its first word, as isBoilerplateLine would have it: one
// that starts one of its phrases or is a count. Most lines are told by it
// without being lowered whole. A first word with a byte outside ASCII
// (whose lower case may be ASCII) is left to isBoilerplateLine.
func mayBeBoilerplate(line string) bool {
	var buf [9]byte
	n := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if isSpaceByte(c) {
			break
		}
		if c == ':' {
			// "Related:"; a colon inside a word ("6:30") makes it no
			// count or phrase word either, so the word may end here.
			break
		}
		if n == len(buf) {
			return false // longer than any phrase's first word or count
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	switch string(buf[:n]) {
	case "leave", "post", "print", "share", "like", "related", "you", "newer", "older", "subscribe", "this":
		return true
	}
	return n > 0 && isCount(string(buf[:n]))
}

// isCount reports whether word is a count as a blog theme writes it: digits
// or a spelled-out small number ("One thought on").
func isCount(word string) bool {
	switch word {
	case "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
		return true
	}
	if len(word) > 6 {
		return false
	}
	for i := 0; i < len(word); i++ {
		if word[i] < '0' || word[i] > '9' {
			return false
		}
	}
	return true
}
