package read

import (
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func BenchmarkGoldmarkOnly(b *testing.B) {
	src := generateEssay(lint.FormatMarkdown, 100_000)
	for _, tc := range []struct {
		name string
		ext  []goldmark.Extender
	}{{"none", nil}, {"footnote", []goldmark.Extender{extension.Footnote}}, {"all", []goldmark.Extender{extension.Footnote, extension.Linkify, extension.Strikethrough}}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				md := goldmark.New(goldmark.WithExtensions(tc.ext...))
				md.Parser().Parse(text.NewReader(src))
			}
		})
	}
}
