package read

import (
	"testing"

	"github.com/citelint/citelint/lint"
)

func BenchmarkSmallMarkdown(b *testing.B) {
	src := generateEssay(lint.FormatMarkdown, 5000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Markdown("x.md", src)
	}
}
func BenchmarkSmallHTML(b *testing.B) {
	src := generateEssay(lint.FormatHTML, 5000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		HTML("x.html", src)
	}
}
