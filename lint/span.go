// Package lint is citelint's engine: the document model every stage shares,
// the Rule and Diagnostic types, and the pipeline that runs
// read → extract → match → check → filter → report.
package lint

import (
	"bytes"
	"encoding/binary"
	"sort"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of the original file.
type Span struct{ Start, End int }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether the byte offset off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Position is a 1-based line and column; columns count Unicode code points.
type Position struct{ Line, Column int }

// LineIndex turns byte offsets of one file into line and column positions.
// It is built once per file, at output time.
type LineIndex struct {
	src        []byte
	lineStarts []int
}

// NewLineIndex indexes the line starts of src. Lines end at "\n"; a "\r\n"
// pair counts as one line break.
func NewLineIndex(src []byte) *LineIndex {
	// Counted first, so that the index is allocated once; both the count
	// and the search jump between line breaks rather than look at each
	// byte, which mattered for every file a batch reports on.
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &LineIndex{src: src, lineStarts: starts}
}

// Position returns the line and column of byte offset off. Offsets past the
// end clamp to the end of the file.
func (ix *LineIndex) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(ix.src) {
		off = len(ix.src)
	}
	line := sort.Search(len(ix.lineStarts), func(i int) bool { return ix.lineStarts[i] > off }) - 1
	start := ix.lineStarts[line]
	return Position{Line: line + 1, Column: RuneCount(ix.src[start:off]) + 1}
}

// Line returns the text of the 1-based line n without its line break.
func (ix *LineIndex) Line(n int) string {
	if n < 1 || n > len(ix.lineStarts) {
		return ""
	}
	start := ix.lineStarts[n-1]
	end := len(ix.src)
	if n < len(ix.lineStarts) {
		end = ix.lineStarts[n] - 1
	}
	if end > start && ix.src[end-1] == '\r' {
		end--
	}
	return string(ix.src[start:end])
}

// Lines is the number of lines in the file.
func (ix *LineIndex) Lines() int { return len(ix.lineStarts) }

// IsRESpace reports whether c is white space as \s has it in a regular
// expression: [\t\n\f\r ]. Scanners that stand in for expressions use it.
func IsRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// RuneCount is utf8.RuneCount (an invalid byte counts as one rune), eight
// ASCII bytes at a time and without the copy utf8.RuneCount makes of
// everything after the first byte beyond ASCII.
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); {
		if i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 == 0 {
			i += 8
			n += 8
			continue
		}
		if p[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRune(p[i:])
			i += size
		}
		n++
	}
	return n
}
