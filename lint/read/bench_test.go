package read

import (
	"fmt"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

// generateEssay writes an essay of about size bytes in the given format:
// a title, paragraphs with quotations, citations, emphasis and links, and
// a works-cited list.
func generateEssay(format lint.Format, size int) []byte {
	// Plain words, so that the benchmark measures the readers, not one
	// clever sentence.
	benchWords := strings.Fields("the river froze early that year and the town waited for spring while " +
		"letters from the capital spoke of change in the ministries of culture and of a new mood among " +
		"writers who had kept silent for a long time according to several historians of the period")
	var sb strings.Builder
	word := 0
	sentence := func() string {
		var s strings.Builder
		n := 8 + word%11
		for i := range n {
			w := benchWords[(word*7+i)%len(benchWords)]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			if i > 0 {
				s.WriteByte(' ')
			}
			s.WriteString(w)
		}
		word++
		s.WriteString(".")
		return s.String()
	}
	para := 0
	switch format {
	case lint.FormatHTML:
		sb.WriteString("<!DOCTYPE html><html><head><title>Essay</title><style>p{margin:0}</style></head><body>" +
			"<header><nav><a href=\"/\">Home</a></nav></header><article><div class=\"entry-content\">\n")
	case lint.FormatMarkdown:
		sb.WriteString("# A Generated Essay\n\n")
	default:
		sb.WriteString("A Generated Essay\n\n")
	}
	for sb.Len() < size {
		para++
		var p strings.Builder
		for i := range 6 {
			if i > 0 {
				p.WriteByte(' ')
			}
			p.WriteString(sentence())
		}
		text := p.String()
		quote := fmt.Sprintf("“%s” (Author%d %d).", strings.TrimSuffix(sentence(), "."), para%9, 10+para)
		switch format {
		case lint.FormatHTML:
			fmt.Fprintf(&sb, "<p>%s <em>Title %d</em> &#8220;words&#8221; %s <a href=\"https://example.org/%d\">a link</a>.</p>\n", text, para, quote, para)
		case lint.FormatMarkdown:
			fmt.Fprintf(&sb, "%s *Title %d* &#8220;words&#8221;\n%s [a link](https://example.org/%d).\n\n", text, para, quote, para)
		default:
			fmt.Fprintf(&sb, "%s %s\n\n", text, quote)
		}
	}
	switch format {
	case lint.FormatHTML:
		sb.WriteString("<p><strong>Works Cited</strong></p><ul><li>Author1. <em>A Book</em>. Press, 2001.</li></ul></div></article>" +
			"<div id=\"comments\"><p>A comment.</p></div></body></html>\n")
	case lint.FormatMarkdown:
		sb.WriteString("## Works Cited\n\n- Author1. *A Book*. Press, 2001.\n")
	default:
		sb.WriteString("Works Cited\n\nAuthor1. A Book. Press, 2001.\n\n2 thoughts on “A Generated Essay”\n\nA comment.\n")
	}
	return []byte(sb.String())
}

func benchmarkReader(b *testing.B, format lint.Format, read func(string, []byte) (*lint.Document, error)) {
	// A long document, and one of a class essay's size, where the fixed
	// costs per document tell.
	for _, size := range []int{100_000, 7_000} {
		b.Run(fmt.Sprintf("%dKB", size/1000), func(b *testing.B) { benchmarkReaderSize(b, format, read, size) })
	}
}

func benchmarkReaderSize(b *testing.B, format lint.Format, read func(string, []byte) (*lint.Document, error), size int) {
	src := generateEssay(format, size)
	doc, err := read("bench", src)
	if err != nil {
		b.Fatal(err)
	}
	if problem := docProblem(doc, false); problem != "" {
		b.Fatal(problem)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	cpu := processCPUTime()
	for b.Loop() {
		if _, err := read("bench", src); err != nil {
			b.Fatal(err)
		}
	}
	// MB/s is wall time, which a busy machine inflates; CPU time per byte
	// is what the 25 MB/s-per-core budget is about.
	if used := processCPUTime() - cpu; used > 0 {
		b.ReportMetric(float64(len(src))*float64(b.N)/used.Seconds()/1e6, "cpu-MB/s")
	}
}

func BenchmarkText(b *testing.B)     { benchmarkReader(b, lint.FormatText, Text) }
func BenchmarkMarkdown(b *testing.B) { benchmarkReader(b, lint.FormatMarkdown, Markdown) }
func BenchmarkHTML(b *testing.B)     { benchmarkReader(b, lint.FormatHTML, HTML) }

func TestGeneratedEssays(t *testing.T) {
	for _, tc := range []struct {
		format lint.Format
		read   func(string, []byte) (*lint.Document, error)
	}{{lint.FormatText, Text}, {lint.FormatMarkdown, Markdown}, {lint.FormatHTML, HTML}} {
		doc, err := tc.read("gen", generateEssay(tc.format, 20_000))
		if err != nil {
			t.Fatal(err)
		}
		checkDoc(t, doc)
		if strings.Contains(doc.Text, "A comment.") {
			t.Errorf("%s: comment in Text", tc.format)
		}
	}
}
