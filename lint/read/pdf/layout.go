package pdf

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of text on a page, as it will stand in Src.
type line struct {
	page    int
	text    string
	y       float64
	x0, x1  float64
	size    float64
	bold    bool // every letter on it is bold
	italics [][2]int
	// pieces are where each run stands in text and on the page, so that
	// link annotations can be laid over the text they cover.
	pieces   []piece
	links    []lineLink
	artifact bool
	// chrome marks running heads, page numbers and other artifacts,
	// kept in Src but left out of Text.
	chrome bool
}

// piece is a run's place in its line: bytes of the line's text and
// horizontal extent on the page.
type piece struct {
	start, end int
	x0, x1     float64
}

// lineLink is a link annotation's URL over bytes of a line's text.
type lineLink struct {
	start, end int
	url        string
}

// annotation is a link annotation: a rectangle of the page and its URL.
type annotation struct {
	x0, y0, x1, y1 float64
	url            string
}

// applyLinks lays link annotations over the lines of a page: a run that
// stands inside a link's rectangle is the link's text. Word and browsers
// write a hyperlink's text as runs of its own, so runs are fine enough.
func applyLinks(ls []line, annots []annotation) {
	for _, a := range annots {
		for i := range ls {
			l := &ls[i]
			if l.y < a.y0-0.5*l.size || l.y > a.y1 {
				continue
			}
			for _, p := range l.pieces {
				overlap := min(p.x1, a.x1) - max(p.x0, a.x0)
				if overlap <= 0 || overlap < 0.5*(p.x1-p.x0) {
					continue
				}
				if k := len(l.links); k > 0 && l.links[k-1].url == a.url && l.links[k-1].end >= p.start-1 {
					l.links[k-1].end = max(l.links[k-1].end, p.end)
					continue
				}
				l.links = append(l.links, lineLink{start: p.start, end: p.end, url: a.url})
			}
		}
	}
}

// lines groups a page's runs into lines: a run continues the line when it
// stands on the same baseline (a superscript note number, raised and
// smaller, counts as on it) and does not jump back to the left; a space
// is put between runs separated by a gap wider than a narrow space.
func lines(page int, runs []run) []line {
	var out []line
	var cur *line
	var sb strings.Builder
	boldAll, anyText := true, false
	flush := func() {
		if cur == nil {
			return
		}
		cur.text = sb.String()
		cur.bold = boldAll && anyText
		if strings.TrimSpace(cur.text) != "" {
			out = append(out, *cur)
		}
		cur = nil
		sb.Reset()
	}
	for _, r := range runs {
		text := cleanText(r.text)
		if text == "" {
			continue
		}
		if cur != nil {
			size := math.Max(cur.size, r.size)
			dy := r.y - cur.y
			sameLine := math.Abs(dy) <= 0.35*size ||
				r.size < 0.85*cur.size && dy > 0 && dy <= 0.6*cur.size
			if !sameLine || r.x < cur.x1-size {
				flush()
			}
		}
		if cur == nil {
			cur = &line{page: page, y: r.y, x0: r.x, x1: r.x, size: r.size, artifact: true}
			boldAll, anyText = true, false
		}
		gap := r.x - cur.x1
		if sb.Len() > 0 && gap > 0.15*math.Max(r.size, cur.size) {
			prev, _ := utf8.DecodeLastRuneInString(sb.String())
			next, _ := utf8.DecodeRuneInString(text)
			if !unicode.IsSpace(prev) && !unicode.IsSpace(next) {
				sb.WriteByte(' ')
			}
		}
		start := sb.Len()
		sb.WriteString(text)
		if r.italic && strings.TrimSpace(text) != "" {
			cur.italics = append(cur.italics, [2]int{start, sb.Len()})
		}
		cur.pieces = append(cur.pieces, piece{start: start, end: sb.Len(), x0: r.x, x1: r.endX})
		if r.size >= 0.85*cur.size {
			// Superscripts do not set the line's size or baseline.
			cur.size = math.Max(cur.size, r.size)
		}
		cur.x1 = math.Max(cur.x1, r.endX)
		cur.artifact = cur.artifact && r.artifact
		if hasLetters(text) {
			anyText = true
			if !r.bold {
				boldAll = false
			}
		}
	}
	flush()
	return out
}

// cleanText removes what cannot stand in a line of Src: line breaks and
// control characters become spaces or nothing.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f' || r == '\v' || r == 0x2028 || r == 0x2029:
			return ' '
		case r < 0x20 || r == 0x7F || r == 0xFEFF:
			return -1
		}
		return r
	}, s)
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// pageNumberRE matches a line that is only a page number.
var pageNumberRE = regexp.MustCompile(`(?i)^[\s\-–—]*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[\s\-–—]*$`)

var digitsRE = regexp.MustCompile(`\d+`)

// markChrome marks running heads and footers: lines the PDF tags as
// artifacts, page-number lines, and lines at the top or bottom of a page
// that repeat, digits aside, on other pages (MLA's "Smith 2").
func markChrome(pages [][]line) {
	key := func(l line) string {
		return strings.ToLower(strings.TrimSpace(digitsRE.ReplaceAllString(l.text, "#")))
	}
	// Edge lines: the two highest and two lowest of each page.
	edges := func(ls []line) []int {
		idx := make([]int, len(ls))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch {
			case ls[a].y > ls[b].y:
				return -1
			case ls[a].y < ls[b].y:
				return 1
			}
			return 0
		})
		if len(idx) <= 4 {
			return idx
		}
		return append(idx[:2:2], idx[len(idx)-2:]...)
	}
	counts := map[string]int{}
	for _, ls := range pages {
		seen := map[string]bool{}
		for _, i := range edges(ls) {
			if k := key(ls[i]); !seen[k] {
				seen[k] = true
				counts[k]++
			}
		}
	}
	for _, ls := range pages {
		for _, i := range edges(ls) {
			l := &ls[i]
			repeated := len(pages) >= 2 && counts[key(*l)] >= 2 && utf8.RuneCountInString(l.text) <= 80
			if repeated || pageNumberRE.MatchString(l.text) {
				l.chrome = true
			}
		}
		for i := range ls {
			if ls[i].artifact {
				ls[i].chrome = true
			}
		}
	}
}

// metrics are the document's typical line: its size, left margin, right
// edge and the baseline step between lines of a paragraph.
type metrics struct {
	size, left, right, step float64
}

func measure(pages [][]line) metrics {
	var sizes, lefts, rights, steps []float64
	for _, ls := range pages {
		for i, l := range ls {
			if l.chrome {
				continue
			}
			for range utf8.RuneCountInString(l.text)/8 + 1 {
				sizes = append(sizes, l.size)
			}
			lefts = append(lefts, math.Round(l.x0))
			rights = append(rights, l.x1)
			if i > 0 && !ls[i-1].chrome && math.Abs(ls[i-1].size-l.size) < 0.5 {
				if d := ls[i-1].y - l.y; d > 0 {
					steps = append(steps, d)
				}
			}
		}
	}
	m := metrics{size: median(sizes), left: mode(lefts), right: percentile(rights, 0.9), step: median(steps)}
	if m.size <= 0 {
		m.size = 12
	}
	if m.step <= 0 {
		m.step = 1.2 * m.size
	}
	return m
}

func median(v []float64) float64 { return percentile(v, 0.5) }

func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

// mode is the most common value, the smallest on a tie: the left margin
// is where most lines start.
func mode(v []float64) float64 {
	counts := map[float64]int{}
	best, bestN := 0.0, 0
	for _, x := range v {
		counts[x]++
	}
	for x, n := range counts {
		if n > bestN || n == bestN && x < best {
			best, bestN = x, n
		}
	}
	return best
}

// listMarkerRE matches a list item's marker at the start of a line.
var listMarkerRE = regexp.MustCompile(`^(?:[•◦▪‣●○■□–\-\*]|\d{1,3}[.)]|[a-z][.)])\s+`)

// breaksBefore reports whether a new block starts with line b, which
// follows line a (both kept in Text). A block ends at a blank vertical gap,
// a change of size or of boldness, a list marker, a short line (the last
// line of a paragraph), or a change of left indentation other than a
// paragraph's first-line indent or a hanging indent's second line.
func breaksBefore(a, b line, aFirst bool, m metrics) bool {
	if a.page == b.page {
		gap := a.y - b.y
		if gap < 0 || gap > 1.5*m.step {
			return true
		}
	}
	if math.Abs(a.size-b.size) > 0.12*a.size || a.bold != b.bold {
		return true
	}
	if listMarkerRE.MatchString(b.text) {
		return true
	}
	width := m.right - m.left
	if width > 0 && a.x1 < m.right-0.2*width {
		return true
	}
	indent := 0.8 * m.size
	switch {
	case b.x0 > a.x0+indent:
		// An indented line after a full first line is a hanging indent's
		// continuation; otherwise a new paragraph (first-line indent) or a
		// block quotation starts.
		return !(aFirst && a.x0 <= m.left+indent)
	case b.x0 < a.x0-indent:
		// Back to the margin: the second line of a paragraph whose first
		// line was indented, or the end of an indented block.
		return !aFirst
	}
	return false
}
