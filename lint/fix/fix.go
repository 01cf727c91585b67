// Package fix applies the safe fixes findings carry: text edits of the
// source, at most one alternative per finding, never two that overlap.
// Only Markdown, plain text and HTML are ever rewritten; the formats
// citelint reads but cannot write back (docx, odt, pdf, archive members)
// are left alone.
package fix

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/read"
)

// MaxRounds is how many times a file is linted and fixed at most: a fix
// can bring another finding to light (a renamed heading, then the entries
// under it), and a third round that still finds work stops anyway, so a
// fix that undoes another can never loop.
const MaxRounds = 3

// Writable reports whether citelint may rewrite a file of this format.
func Writable(f lint.Format) bool {
	return f == lint.FormatMarkdown || f == lint.FormatText || f == lint.FormatHTML
}

// overlaps reports whether two edits touch the same bytes, or insert at
// the same point, so that applying both would depend on their order.
func overlaps(a, b lint.Edit) bool {
	return a.Span.Start < b.Span.End && b.Span.Start < a.Span.End || a.Span.Start == b.Span.Start
}

// Select chooses the edits to apply: of each finding, the first fix whose
// edits lie inside a source of n bytes and overlap no edit chosen before
// (findings are taken in order). It returns the edits sorted by position.
func Select(diags []lint.Diagnostic, n int) []lint.Edit {
	var chosen []lint.Edit
	for _, d := range diags {
		for _, f := range d.Fixes {
			if len(f.Edits) == 0 || !fits(f.Edits, chosen, n) {
				continue
			}
			chosen = append(chosen, f.Edits...)
			break // at most one alternative per finding
		}
	}
	slices.SortFunc(chosen, func(a, b lint.Edit) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return chosen
}

// fits reports whether edits are in bounds and overlap neither each other
// nor chosen.
func fits(edits, chosen []lint.Edit, n int) bool {
	for i, e := range edits {
		if e.Span.Start < 0 || e.Span.End > n || e.Span.Start > e.Span.End {
			return false
		}
		for _, o := range edits[:i] {
			if overlaps(e, o) {
				return false
			}
		}
		for _, o := range chosen {
			if overlaps(e, o) {
				return false
			}
		}
	}
	return true
}

// Apply returns src with edits made. The edits must be sorted and must
// not overlap, as Select returns them; an edit that breaks that is
// skipped.
func Apply(src []byte, edits []lint.Edit) []byte {
	var b bytes.Buffer
	b.Grow(len(src))
	at := 0
	for _, e := range edits {
		if e.Span.Start < at || e.Span.End > len(src) || e.Span.Start > e.Span.End {
			continue
		}
		b.Write(src[at:e.Span.Start])
		b.WriteString(e.New)
		at = e.Span.End
	}
	b.Write(src[at:])
	return b.Bytes()
}

// Result is what fixing one file's source gave.
type Result struct {
	// Fixed is the source after the fixes; the same bytes as the input
	// when nothing was fixed.
	Fixed []byte
	// Edits counts the edits made over every round.
	Edits int
	// Rounds is how many rounds made edits.
	Rounds int
}

// Changed reports whether any edit was made.
func (r Result) Changed() bool { return r.Edits > 0 }

// Source lints src as the file at path with eng and applies the fixes the
// findings carry, linting again after each round until nothing is left to
// fix or MaxRounds rounds ran. An error means the file could not be read
// as an essay of a writable format.
func Source(eng *engine.Engine, path string, src []byte) (Result, error) {
	format, ok := read.FormatOf(path)
	if !ok || !Writable(format) {
		return Result{Fixed: src}, fmt.Errorf("%s: citelint fixes only Markdown, text and HTML files", path)
	}
	res := Result{Fixed: src}
	for range MaxRounds {
		lr := eng.LintFormat(path, format, res.Fixed)
		if lr.Err != nil {
			return res, lr.Err
		}
		edits := Select(lr.Diagnostics, len(res.Fixed))
		if len(edits) == 0 {
			break
		}
		next := Apply(res.Fixed, edits)
		if bytes.Equal(next, res.Fixed) {
			break
		}
		res.Fixed, res.Edits, res.Rounds = next, res.Edits+len(edits), res.Rounds+1
	}
	return res, nil
}
