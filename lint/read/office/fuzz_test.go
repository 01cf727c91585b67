package office

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

// maxFuzzInput caps fuzz inputs: the readers' own limits bound what a zip
// can expand to, this bounds the zip.
const maxFuzzInput = 1 << 20

// checkDocument asserts what every reader must give: ranges inside Text,
// spans inside Src, one Src line per paragraph kept free of line breaks
// other than the separators.
func checkDocument(t *testing.T, doc *lint.Document) {
	t.Helper()
	for _, b := range doc.Blocks {
		if b.Start < 0 || b.End > len(doc.Text) || b.Start > b.End {
			t.Fatalf("block %v outside text of %d bytes", b.Range, len(doc.Text))
		}
		span := doc.SourceSpan(b.Range)
		if span.Start < 0 || span.End > len(doc.Src) || span.Start > span.End {
			t.Fatalf("block %v maps to %v outside src of %d bytes", b.Range, span, len(doc.Src))
		}
	}
	for _, rs := range [][]lint.Range{doc.Italics, ranges(doc.Links), noteRanges(doc.Notes), refRanges(doc.NoteRefs)} {
		for _, r := range rs {
			if r.Start < 0 || r.End > len(doc.Text) || r.Start > r.End {
				t.Fatalf("mark %v outside text of %d bytes", r, len(doc.Text))
			}
		}
	}
}

func ranges(ls []lint.Link) []lint.Range {
	var out []lint.Range
	for _, l := range ls {
		out = append(out, l.Range)
	}
	return out
}

func noteRanges(ns []lint.Note) []lint.Range {
	var out []lint.Range
	for _, n := range ns {
		out = append(out, n.Range)
	}
	return out
}

func refRanges(ns []lint.NoteRef) []lint.Range {
	var out []lint.Range
	for _, n := range ns {
		out = append(out, n.Range)
	}
	return out
}

func FuzzDocx(f *testing.F) {
	f.Add(docx(f, body(p(`<w:pStyle w:val="Heading1"/>`, r("", "Title")), p("", r("<w:i/>", "The Thaw"), `<w:r><w:footnoteReference w:id="1"/></w:r>`)), "word/styles.xml", stylesXML, "word/footnotes.xml", footnotesXML))
	f.Add(docx(f, body(p("", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, r("", "x"), `<w:hyperlink r:id="rId1">`, r("", "y")))))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > maxFuzzInput {
			return
		}
		doc, err := Docx("fuzz.docx", src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.docx: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		checkDocument(t, doc)
		_, _ = DocxComments(src)
	})
}

func FuzzODT(f *testing.F) {
	f.Add(zipOf(f, "content.xml", odtContent(`<text:h text:outline-level="2">H</text:h><text:p>A<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>N</text:p></text:note-body></text:note></text:p>`), "styles.xml", odtStylesXML))
	f.Add(zipOf(f, "content.xml", odtContent(`<text:list><text:list-item><text:p><text:a xlink:href="https://x.example">x</text:a><text:s text:c="99999999"/></text:p></text:list-item></text:list>`)))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > maxFuzzInput {
			return
		}
		doc, err := ODT("fuzz.odt", src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.odt: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		checkDocument(t, doc)
	})
}
