package office

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkDocx reads a generated essay of 400 paragraphs with italics
// and a note reference in each.
func BenchmarkDocx(b *testing.B) {
	var paras []string
	for i := range 400 {
		paras = append(paras, p("", r("", fmt.Sprintf("Paragraph %d argues that ", i)), r("<w:i/>", "The Thaw"),
			r("", strings.Repeat(" named an era in Soviet culture, as critics wrote", 4)), `<w:r><w:footnoteReference w:id="1"/></w:r>`, r("", ".")))
	}
	document := body(paras...)
	src := docx(b, document, "word/styles.xml", stylesXML, "word/footnotes.xml", footnotesXML)
	// Throughput is counted in uncompressed document.xml, the XML parsed.
	b.SetBytes(int64(len(document)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Docx("essay.docx", src); err != nil {
			b.Fatal(err)
		}
	}
}
