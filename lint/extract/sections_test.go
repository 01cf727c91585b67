package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// para is one block of a test document.
type para struct {
	text   string
	kind   lint.BlockKind
	strong bool
}

// doc builds a document of blocks separated by blank lines, with the
// identity map, the way the text reader would.
func doc(paras ...para) *lint.Document {
	var tb lint.TextBuilder
	d := &lint.Document{Path: "t.txt", Format: lint.FormatText}
	src := ""
	for i, p := range paras {
		if i > 0 {
			tb.Add("\n\n", lint.Span{Start: len(src), End: len(src) + 2})
			src += "\n\n"
		}
		start := tb.Len()
		tb.Add(p.text, lint.Span{Start: len(src), End: len(src) + len(p.text)})
		src += p.text
		d.Blocks = append(d.Blocks, lint.Block{Kind: p.kind, Strong: p.strong, Range: lint.Range{Start: start, End: tb.Len()}})
	}
	d.Src = []byte(src)
	tb.Finish(d)
	return d
}

func p(text string) para { return para{text: text} }

func kinds(ss []lint.Section) []lint.SectionKind {
	var out []lint.SectionKind
	for _, s := range ss {
		out = append(out, s.Kind)
	}
	return out
}

func TestHeadingKind(t *testing.T) {
	for _, h := range []string{"Works Cited", "WORK CITED:", "works cited", "References", "Reference List", "Bibliography",
		"Sources", "Sources Cited", "Citations", "Literature Cited", "Works Consulted", "  Works Cited:  "} {
		k, ok := HeadingKind(h)
		assert.True(t, ok, h)
		assert.Equal(t, lint.SectionBibliography, k, h)
	}
	for _, h := range []string{"Notes", "Endnotes"} {
		k, ok := HeadingKind(h)
		assert.True(t, ok, h)
		assert.Equal(t, lint.SectionNotes, k, h)
	}
	for _, h := range []string{"The sources of the Thaw", "Conclusion", "Works Cited in this essay are few", ""} {
		_, ok := HeadingKind(h)
		assert.False(t, ok, h)
	}
}

func TestSections(t *testing.T) {
	tests := []struct {
		name    string
		doc     *lint.Document
		want    []lint.SectionKind
		heading string
	}{
		{"plain heading with colon, empty list",
			doc(p("A Title"), p("Body text here. More."), p("Work Cited:")),
			[]lint.SectionKind{lint.SectionTitle, lint.SectionBody, lint.SectionBibliography}, "Work Cited:"},
		{"bold line heading",
			doc(p("Body text here (Smith 3). More."), para{text: "Works Cited", strong: true}, p("Smith, Jane. A Book. Penguin, 2001.")),
			[]lint.SectionKind{lint.SectionBody, lint.SectionBibliography}, "Works Cited"},
		{"markdown heading",
			doc(para{text: "Title", kind: lint.BlockHeading}, p("Body (Smith, 2001)."), para{text: "References", kind: lint.BlockHeading}, p("Smith, J. (2001). A book. Penguin.")),
			[]lint.SectionKind{lint.SectionTitle, lint.SectionBody, lint.SectionBibliography}, "References"},
		{"no heading, trailing references",
			doc(p("Body text that argues a point (Smith 3), at some length, with a claim."), p("Another paragraph of the essay, which goes on (Jones 4)."),
				p("Smith, Jane. A Book about Things. Penguin, 2001."), p("Jones, Tom. \"An Article.\" Journal of Things, vol. 2, no. 1, 2010, pp. 1-9.")),
			[]lint.SectionKind{lint.SectionBody, lint.SectionBibliography}, ""},
		{"no bibliography at all",
			doc(p("Body text that argues a point, at some length, with a claim."), p("Smith, a historian, thought otherwise about the whole matter in 2001.")),
			[]lint.SectionKind{lint.SectionBody}, ""},
		{"a heading word inside a sentence is prose",
			doc(p("Body."), p("My sources were few.")),
			[]lint.SectionKind{lint.SectionBody}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sections(tt.doc)
			assert.Equal(t, tt.want, kinds(got))
			for _, s := range got {
				if s.Kind == lint.SectionBibliography {
					assert.Equal(t, tt.heading, s.Heading)
				}
			}
		})
	}
}

func TestEntryRanges(t *testing.T) {
	text := "Smith, Jane. A Book. Penguin, 2001.\nJones, Tom. \"An Article.\" Journal of Things,\n    vol. 2, 2010.\nhttps://example.org/page"
	d := doc(p(text))
	got := entryRanges(d, d.Blocks[0].Range)
	require.Len(t, got, 3)
	assert.Equal(t, "Smith, Jane. A Book. Penguin, 2001.", d.Slice(got[0]))
	assert.Equal(t, "Jones, Tom. \"An Article.\" Journal of Things,\n    vol. 2, 2010.", d.Slice(got[1]))
	assert.Equal(t, "https://example.org/page", d.Slice(got[2]))
}

func TestReferenceShaped(t *testing.T) {
	yes := []string{
		"Smith, Jane. A Book about Things. Penguin, 2001.",
		"Smith, J. (2001). A book about things. Penguin.",
		"https://moments.example.org/1954-2/the-thaw/",
		"von Geldern, James. \"The Thaw.\" Seventeen Moments, 2015.",
	}
	for _, s := range yes {
		assert.True(t, ReferenceShaped(s), s)
	}
	no := []string{
		"The Thaw started in 1953. With the publication of the novel, a new age started in the Russian population and lasted for a decade or more.",
		"Smith, a historian, argued in 2001 that the reforms were never meant to go as far as they did, and that the party knew it all along.",
		"",
	}
	for _, s := range no {
		assert.False(t, ReferenceShaped(s), s)
	}
}

func FuzzSections(f *testing.F) {
	f.Add("Title\n\nBody (Smith 3).\n\nWorks Cited\n\nSmith, J. Book. 2001.")
	f.Fuzz(func(t *testing.T, s string) {
		var paras []para
		start := 0
		for i := 0; i+1 < len(s); i++ {
			if s[i] == '\n' && s[i+1] == '\n' {
				paras = append(paras, p(s[start:i]))
				start = i + 2
			}
		}
		paras = append(paras, p(s[start:]))
		d := doc(paras...)
		secs := Sections(d)
		prev := 0
		for _, sec := range secs {
			if sec.First < prev || sec.Last > len(d.Blocks) || sec.First >= sec.Last {
				t.Fatalf("bad section %+v of %d blocks", sec, len(d.Blocks))
			}
			prev = sec.Last
			if sec.Kind == lint.SectionBibliography {
				_ = Entries(d, sec)
			}
		}
	})
}
