package fix

import (
	"fmt"
	"strings"
)

// maxDiffCells bounds the line-matching table of Unified; past it the
// whole file is shown as replaced, which is still a correct diff.
const maxDiffCells = 16 << 20

// contextLines is how many unchanged lines a hunk shows around a change.
const contextLines = 3

// Unified returns a unified diff (as `diff -u` writes it) turning a into
// b, labelled with the two names, or "" when they are the same.
func Unified(oldName, newName string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	x, y := splitLines(string(a)), splitLines(string(b))
	ops := diffLines(x, y)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	for start := 0; start < len(ops); {
		// Find the next change, then the hunk around it: changes closer
		// than twice the context share one hunk.
		first := start
		for first < len(ops) && ops[first].kind == ' ' {
			first++
		}
		if first == len(ops) {
			break
		}
		last := first
		for k := first; k < len(ops); k++ {
			if ops[k].kind != ' ' {
				last = k
			} else if k-last > 2*contextLines {
				break
			}
		}
		from, to := max(first-contextLines, start), min(last+contextLines+1, len(ops))
		writeHunk(&out, ops[from:to])
		start = to
	}
	return out.String()
}

type op struct {
	kind     byte // ' ', '-', '+'
	line     string
	aAt, bAt int // 0-based line numbers in a and b where the op stands
}

func writeHunk(out *strings.Builder, ops []op) {
	var aLen, bLen int
	for _, o := range ops {
		if o.kind != '+' {
			aLen++
		}
		if o.kind != '-' {
			bLen++
		}
	}
	aStart, bStart := ops[0].aAt+1, ops[0].bAt+1
	if aLen == 0 {
		aStart--
	}
	if bLen == 0 {
		bStart--
	}
	fmt.Fprintf(out, "@@ -%d,%d +%d,%d @@\n", aStart, aLen, bStart, bLen)
	for _, o := range ops {
		out.WriteByte(o.kind)
		out.WriteString(o.line)
		if !strings.HasSuffix(o.line, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// splitLines splits s after each "\n", keeping the breaks.
func splitLines(s string) []string {
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// diffLines matches x and y by their longest common subsequence of lines,
// after the common head and tail are set aside.
func diffLines(x, y []string) []op {
	head := 0
	for head < len(x) && head < len(y) && x[head] == y[head] {
		head++
	}
	tail := 0
	for tail < len(x)-head && tail < len(y)-head && x[len(x)-1-tail] == y[len(y)-1-tail] {
		tail++
	}
	var ops []op
	for k := range head {
		ops = append(ops, op{' ', x[k], k, k})
	}
	mx, my := x[head:len(x)-tail], y[head:len(y)-tail]
	n, m := len(mx), len(my)
	if n*m > maxDiffCells {
		for k, l := range mx {
			ops = append(ops, op{'-', l, head + k, head})
		}
		for k, l := range my {
			ops = append(ops, op{'+', l, head + n, head + k})
		}
	} else {
		// lcs[i][j] is the length of the LCS of mx[i:] and my[j:].
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if mx[i] == my[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && mx[i] == my[j]:
				ops = append(ops, op{' ', mx[i], head + i, head + j})
				i, j = i+1, j+1
			case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
				ops = append(ops, op{'-', mx[i], head + i, head + j})
				i++
			default:
				ops = append(ops, op{'+', my[j], head + i, head + j})
				j++
			}
		}
	}
	for k := range tail {
		ops = append(ops, op{' ', x[len(x)-tail+k], len(x) - tail + k, len(y) - tail + k})
	}
	return ops
}
