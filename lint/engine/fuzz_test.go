package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/rules"
)

// FuzzLint runs the whole pipeline, every rule on, over arbitrary essays in
// each text format: nothing may panic (the engine turns a panic into an
// "internal error" and loses the file), and every finding, related span and
// fix must lie inside the file.
func FuzzLint(f *testing.F) {
	for _, dir := range []string{"../../testdata/essays", "../../examples"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, path := range files {
			ext := filepath.Ext(path)
			if ext != ".md" && ext != ".txt" && ext != ".html" {
				continue
			}
			if src, err := os.ReadFile(path); err == nil {
				f.Add(src, ext)
			}
		}
	}
	f.Add([]byte("Essay\n\n\"A quote here and there\" (Thaw 3).\n\nWorks Cited\n\nthe thaw. (2020 *, March*). Title.\n"), ".txt")
	f.Add([]byte("See www.0.0[^1]\n\n[^1]: 0\n\n## Works Cited\n\n12 Ébert, Roger. Great Movies. Broadway Books, 2002.\n"), ".md")
	eng := engine.New(engine.Options{Rules: rules.All(), Jobs: 1})
	f.Fuzz(func(t *testing.T, src []byte, ext string) {
		if ext != ".md" && ext != ".txt" && ext != ".html" {
			ext = ".txt"
		}
		res := eng.LintSource("essay"+ext, src)
		if res.Err != nil {
			if strings.Contains(res.Err.Error(), "internal error") {
				t.Fatalf("%s: %v", ext, res.Err)
			}
			return
		}
		inside := func(what string, start, end int) {
			if start < 0 || end < start || end > len(src) {
				t.Fatalf("%s: %s span %d:%d outside %d bytes", ext, what, start, end, len(src))
			}
		}
		for _, d := range res.Diagnostics {
			inside(d.Rule, d.Span.Start, d.Span.End)
			for _, r := range d.Related {
				inside(d.Rule+" related", r.Span.Start, r.Span.End)
			}
			for _, fx := range d.Fixes {
				for _, e := range fx.Edits {
					inside(d.Rule+" fix", e.Span.Start, e.Span.End)
				}
			}
		}
	})
}
