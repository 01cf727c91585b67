package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/extract"
	"github.com/citelint/citelint/lint/match"
	"github.com/citelint/citelint/lint/read"
	"github.com/citelint/citelint/rules"
)

// BenchmarkRules runs every rule, as the engine does (one Pass per essay,
// readied for each rule with Next), over the essays and fixtures of
// testdata, read and matched beforehand: the rule stage alone.
func BenchmarkRules(b *testing.B) {
	var essays []*lint.Essay
	for _, glob := range []string{"../testdata/essays/*", "../testdata/rules/*/*"} {
		paths, err := filepath.Glob(glob)
		if err != nil {
			b.Fatal(err)
		}
		for _, path := range paths {
			if _, ok := read.FormatOf(path); !ok {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			doc, err := read.Read(path, src)
			if err != nil {
				continue // a fixture of an unreadable file
			}
			essay := extract.Essay(doc, lint.DefaultSettings())
			match.Match(essay)
			essays = append(essays, essay)
		}
	}
	if len(essays) == 0 {
		b.Skip("no essays in testdata")
	}
	all := rules.All()
	var diags []lint.Diagnostic
	report := func(d lint.Diagnostic) { diags = append(diags, d) }
	b.ReportAllocs()
	for b.Loop() {
		for _, essay := range essays {
			var pass *lint.Pass
			for _, rule := range all {
				meta := rule.Meta()
				if meta.Severity == lint.SeverityOff || !meta.AppliesTo(essay.Style) {
					continue
				}
				if pass == nil {
					pass = lint.NewPass(essay, lint.DefaultSettings(), meta, report)
				}
				var options any
				if c, ok := rule.(lint.Configurable); ok {
					options = c.DefaultOptions()
				}
				pass.Next(meta, options)
				if err := rule.Check(pass); err != nil {
					b.Fatal(err)
				}
			}
			diags = diags[:0]
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(essays)), "µs/essay")
}
