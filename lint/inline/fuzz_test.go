package inline

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

// fuzzDoc splits fuzz input into paragraphs at blank lines; the last
// byte, when it is a digit, makes the second block a block quotation.
func fuzzDoc(s string) *lint.Document {
	paras := strings.Split(s, "\n\n")
	ps := make([]para, len(paras))
	for i, p := range paras {
		ps[i] = para{kind: lint.BlockParagraph, text: p}
		if i == 1 && strings.HasSuffix(s, "7") {
			ps[i].kind = lint.BlockQuotation
		}
	}
	return newDocBlocks(ps...)
}

var fuzzSeeds = []string{
	`It was written to “honor the tenets of Stalinist culture,” according to von Geldern.`,
	`With the publication of “Il’ia Ehrenburg’s THE THAW,” a new age started (though still very strict).`,
	`Freeze argues that "it never fell silent" (412). He said 'no' and 'em; rock 'n' roll 5'10" critics' '60s.`,
	`(Freeze, "Russia" 412; Smith 9) (Freeze, 2009, 2011) (American Psychological Association [APA], 2020) Freeze and Smith (2009) [3–5]`,
	"«a ‹b› c» „d“ »e« ”f” “unclosed\n\nnext” paragraph (qtd. in Aldana 12)7",
	`In Fitzpatrick's words, "x." According to CEO Doug McMillon, "y" (Dearn, 2020). "z," writes Ehrenburg.`,
	"((((((((())))))))) [[[[]]]] \"\"\"\"'''' ’’’‘‘‘ ( ; ; ) (see) (e.g., ) (,) (and) (et al.) (n.d.)",
	"\xff\xfe(“\xe2\x80\x9d)\x00 According to",
}

func FuzzQuotes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := fuzzDoc(s)
		quotes := Quotes(doc, allBlocks(doc))
		for i, q := range quotes {
			checkInBlock(t, doc, q.Block, q.Range, "quote")
			if q.Inner.Start < q.Start || q.Inner.End > q.End || q.Inner.Start > q.Inner.End {
				t.Fatalf("quote %d: inner %v outside range %v", i, q.Inner, q.Range)
			}
			if q.Text != doc.Text[q.Inner.Start:q.Inner.End] {
				t.Fatalf("quote %d: text %q is not its inner range", i, q.Text)
			}
			if i > 0 && q.Start < quotes[i-1].Start {
				t.Fatalf("quotes out of order")
			}
			if q.Citation != -1 {
				t.Fatalf("citation set")
			}
		}
		for _, b := range doc.Blocks {
			for _, r := range Sentences(doc, b.Range) {
				if r.Start < b.Start || r.End > b.End || r.Start >= r.End {
					t.Fatalf("sentence %v outside block %v", r, b.Range)
				}
			}
		}
	})
}

func FuzzCitations(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := fuzzDoc(s)
		// A link and a note reference over the first word, if any.
		if n := strings.IndexByte(doc.Text, ' '); n > 0 {
			doc.Links = []lint.Link{{Range: lint.Range{Start: 0, End: n}, URL: "https://example.org/"}}
			doc.NoteRefs = []lint.NoteRef{{Label: "1", Range: lint.Range{Start: 0, End: n}}}
		}
		cites := Citations(doc, allBlocks(doc))
		for i, c := range cites {
			checkInBlock(t, doc, c.Block, c.Range, "citation")
			if c.Kind != lint.CitationNote && c.Text != doc.Text[c.Start:c.End] {
				t.Fatalf("citation %d: text %q is not its range", i, c.Text)
			}
			if i > 0 && c.Start < cites[i-1].Start {
				t.Fatalf("citations out of order")
			}
			if c.Entry != -1 {
				t.Fatalf("entry set")
			}
		}
	})
}

func checkInBlock(t *testing.T, doc *lint.Document, block int, r lint.Range, what string) {
	t.Helper()
	if r.Start < 0 || r.End > len(doc.Text) || r.Start > r.End {
		t.Fatalf("%s range %v outside text of %d bytes", what, r, len(doc.Text))
	}
	if block < 0 || block >= len(doc.Blocks) {
		t.Fatalf("%s block %d", what, block)
	}
	b := doc.Blocks[block]
	if r.Start < b.Start || r.End > b.End {
		t.Fatalf("%s range %v outside its block %v", what, r, b.Range)
	}
}
