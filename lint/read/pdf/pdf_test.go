package pdf

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// essayPDF generates a three-page essay the way a student's word
// processor would lay it out: a running head with the page number, a
// title, a heading, paragraphs with first-line indents, one running over
// a page break, a block quotation, and a works-cited list with hanging
// indents. All text is written for the test.
func essayPDF(t testing.TB, compress bool) []byte {
	t.Helper()
	f := fpdf.New("P", "pt", "Letter", "")
	f.SetCompression(compress)
	f.SetMargins(72, 72, 72)
	f.SetAutoPageBreak(true, 72)
	tr := f.UnicodeTranslatorFromDescriptor("")
	f.SetHeaderFunc(func() {
		f.SetFont("Times", "", 12)
		f.SetXY(72, 36)
		f.CellFormat(0, 14, tr("Petrova ")+itoa(f.PageNo()), "", 0, "R", false, 0, "")
		f.SetXY(72, 72)
	})
	f.AddPage()
	f.SetFont("Times", "B", 18)
	f.CellFormat(0, 24, "The Thaw and Its Readers", "", 1, "C", false, 0, "")
	f.Ln(12)
	para := func(text string) {
		f.SetFont("Times", "", 12)
		f.SetX(72 + 36)
		// MultiCell wraps at the margin; the first line starts indented.
		lines := f.SplitLines([]byte(tr(text)), 468-36)
		first := string(lines[0])
		f.CellFormat(0, 24, first, "", 1, "L", false, 0, "")
		rest := strings.TrimSpace(strings.TrimPrefix(tr(text), first))
		if rest != "" {
			f.MultiCell(0, 24, rest, "", "L", false)
		}
	}
	para("Ehrenburg’s short novel “The Thaw” gave its name to a whole decade of Soviet cultural life, and critics still argue about how much it changed. Readers in 1954 saw in its plain story of a provincial factory town a sign that the rules of literature were loosening (Freeze 412).")
	for i := range 9 {
		para("Filler paragraph " + itoa(i+1) + " keeps the page busy with ordinary prose about the novel and its time, long enough to wrap over two or three lines of the page.")
	}
	para("Critics such as Simonov and Müller answered it at length, and the quarrel itself became news. This paragraph is long enough that it runs on over the bottom of the first page and continues at the top of the second page, where it ends with a sentence that the reader must still see as one paragraph, with one quotation: “the ice had begun to move” (Jones 3). It goes on for a while longer so that the page fills up and the break falls inside the paragraph rather than between two of them, which is what happens in real essays all the time when a student writes long paragraphs about a topic.")
	f.SetFont("Times", "B", 14)
	f.Ln(12)
	f.CellFormat(0, 24, "Reception", "", 1, "L", false, 0, "")
	para("The novel was reprinted in many languages.")
	f.SetLeftMargin(72 + 36)
	f.SetFont("Times", "", 12)
	f.MultiCell(0, 24, tr("A block quotation sits half an inch in from the margin and runs over more than one line, so that the reader can tell it from the prose around it (Ehrenburg 45)."), "", "L", false)
	f.SetLeftMargin(72)
	para("After the quotation the essay goes on.")
	f.AddPage()
	f.SetFont("Times", "", 12)
	f.CellFormat(0, 24, "Works Cited", "", 1, "C", false, 0, "")
	entry := func(before, title, after string) {
		f.SetFont("Times", "", 12)
		f.SetX(72)
		f.Write(24, tr(before))
		f.SetFont("Times", "I", 12)
		f.Write(24, tr(title))
		f.SetFont("Times", "", 12)
		// Continuation lines of a hanging indent start half an inch in.
		f.SetLeftMargin(72 + 36)
		f.Write(24, tr(after))
		f.SetLeftMargin(72)
		f.Ln(24)
	}
	entry("Ehrenburg, Ilya. ", "The Thaw", ". Translated by Manya Harari, Harvill Press, 1955, with a long introduction that makes this entry wrap.")
	entry("Freeze, Gregory. ", "Russia: A History", ". Oxford UP, 2009.")
	var buf bytes.Buffer
	require.NoError(t, f.Output(&buf))
	return buf.Bytes()
}

func itoa(n int) string {
	var b []byte
	for n >= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(append([]byte{byte('0' + n)}, b...))
}

func blockTexts(doc *lint.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, b.Kind.String()+": "+doc.Slice(b.Range))
	}
	return out
}

func TestPDFEssay(t *testing.T) {
	for _, compress := range []bool{true, false} {
		doc, err := PDF("essay.pdf", essayPDF(t, compress))
		require.NoError(t, err)
		assert.Equal(t, lint.FormatPDF, doc.Format)
		texts := blockTexts(doc)
		require.GreaterOrEqual(t, len(texts), 12, "%q", texts)
		assert.Equal(t, "heading: The Thaw and Its Readers", texts[0])
		assert.Equal(t, 1, doc.Blocks[0].Level)
		assert.True(t, strings.HasPrefix(texts[1], "paragraph: Ehrenburg’s short novel “The Thaw” gave its name"), texts[1])
		assert.Contains(t, texts, "heading: Reception")
		assert.Contains(t, texts, "paragraph: The novel was reprinted in many languages.")
		assert.Contains(t, texts, "blockquote: A block quotation sits half an inch in from the margin and runs over more than one line,\nso that the reader can tell it from the prose around it (Ehrenburg 45).")
		assert.Contains(t, texts, "paragraph: After the quotation the essay goes on.")
		assert.Contains(t, texts, "paragraph: Works Cited")
		assert.Contains(t, texts, "paragraph: Ehrenburg, Ilya. The Thaw. Translated by Manya Harari, Harvill Press, 1955, with a long\nintroduction that makes this entry wrap.", "a hanging indent is one entry")
		assert.Contains(t, texts, "paragraph: Freeze, Gregory. Russia: A History. Oxford UP, 2009.")
		assert.NotContains(t, doc.Text, "Petrova", "running heads are not essay text")
		assert.Contains(t, string(doc.Src), "Petrova 2", "but they stay in Src, where lines are counted")

		var italics []string
		for _, it := range doc.Italics {
			italics = append(italics, doc.Slice(it))
		}
		assert.Equal(t, []string{"The Thaw", "Russia: A History"}, italics)

		// The paragraph that runs over the page break is one block.
		i := strings.Index(doc.Text, "Critics such as Simonov and Müller")
		require.GreaterOrEqual(t, i, 0)
		b := doc.Blocks[doc.BlockAt(i)]
		assert.True(t, strings.HasSuffix(doc.Slice(b.Range), "long paragraphs about a topic."), doc.Slice(b.Range))
		ix := lint.NewLineIndex(doc.Src)
		startPage, _ := PageLine(doc.Src, ix.Position(doc.SourceSpan(b.Range).Start).Line)
		endPage, _ := PageLine(doc.Src, ix.Position(doc.SourceSpan(b.Range).End).Line)
		assert.Equal(t, 1, startPage)
		assert.Equal(t, 2, endPage)

		// Positions: page and line through PageLine; columns in the line.
		w := strings.Index(doc.Text, "Works Cited")
		pos := ix.Position(doc.SourceSpan(lint.Range{Start: w, End: w + 5}).Start)
		page, line := PageLine(doc.Src, pos.Line)
		assert.Equal(t, 3, page)
		assert.Equal(t, 2, line, "line 1 is the running head")
		assert.Equal(t, 1, pos.Column)
		q := strings.Index(doc.Text, "a while longer")
		pos = ix.Position(doc.SourceSpan(lint.Range{Start: q, End: q + 1}).Start)
		page, _ = PageLine(doc.Src, pos.Line)
		assert.Equal(t, 2, page)
		// Every Text byte but the separators is the same byte of Src.
		for k := 0; k < len(doc.Text); k++ {
			if doc.Text[k] == '\n' {
				continue
			}
			assert.Equal(t, doc.Text[k], doc.Src[doc.SourceOffset(k)], "offset %d", k)
		}
	}
}

func TestPageLine(t *testing.T) {
	src := []byte("a\nb\n\f\nc\n\f\n\f\nd")
	for _, tt := range []struct{ line, page, onPage int }{
		{1, 1, 1}, {2, 1, 2}, {3, 2, 0}, {4, 2, 1}, {5, 3, 0}, {6, 4, 0}, {7, 4, 1},
	} {
		page, onPage := PageLine(src, tt.line)
		assert.Equal(t, tt.page, page, "line %d", tt.line)
		assert.Equal(t, tt.onPage, onPage, "line %d", tt.line)
	}
}

// dejaVu is a TrueType font with Cyrillic, where the machine has one.
const dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

func TestPDFUnicodeFont(t *testing.T) {
	ttf, err := os.ReadFile(dejaVu)
	if err != nil {
		t.Skip("no DejaVu font here:", err)
	}
	f := fpdf.New("P", "pt", "A4", "")
	f.AddUTF8FontFromBytes("dejavu", "", ttf)
	f.AddPage()
	f.SetFont("dejavu", "", 12)
	f.MultiCell(0, 18, "Эренбург, Илья. Оттепель. Москва, 1954. — «Знамя»; Ilʹia Ėrenburg’s Thaw.", "", "L", false)
	var buf bytes.Buffer
	require.NoError(t, f.Output(&buf))
	doc, err := PDF("essay.pdf", buf.Bytes())
	require.NoError(t, err)
	assert.Equal(t, []string{"paragraph: Эренбург, Илья. Оттепель. Москва, 1954. — «Знамя»; Ilʹia Ėrenburg’s Thaw."}, blockTexts(doc))
}

// handPDF writes a small PDF by hand, with a classic cross-reference
// table (offsets not checked: the reader scans for objects).
func handPDF(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	for i, o := range objects {
		b.WriteString(itoa(i+1) + " 0 obj\n" + o + "\nendobj\n")
	}
	b.WriteString("xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size " + itoa(len(objects)+1) + " /Root 1 0 R >>\nstartxref\n0\n%%EOF\n")
	return b.Bytes()
}

func contentStream(ops string) string {
	return "<< /Length " + itoa(len(ops)) + " >>\nstream\n" + ops + "\nendstream"
}

func TestPDFTextOperators(t *testing.T) {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def 1 begincodespacerange <0000> <FFFF> endcodespacerange 3 beginbfchar <0001> <0054> <0002> <00680065> <0020> <0020> endbfchar 1 beginbfrange <0010> <0012> <0430> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"
	src := handPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 8 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		contentStream(`BT /F1 12 Tf 72 700 Td 14 TL [(W)120(ords)-250(spaced)-300(by)-260(TJ)] TJ T* (Next line) Tj ( and more)' 0 -14 Td /F2 12 Tf (\223Curly\224 \226 dash) Tj /F3 12 Tf 0 -14 Td <000100020020001000110012> Tj ET
/Artifact BMC BT /F1 9 Tf 300 40 Td (Page footer) Tj ET EMC
BI /W 2 /H 2 /BPC 8 /CS /G ID `+"\x00EI\x01"+` EI`),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /BaseEncoding /StandardEncoding /Differences [147 /quotedblleft /quotedblright 150 /endash] >> >>",
		contentStream(cmap),
		"<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /ToUnicode 7 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /DW 600 >>] >>",
	)
	doc, err := PDF("hand.pdf", src)
	require.NoError(t, err)
	// Kerning is no space, a word gap in TJ is; each Td, T* and ' starts
	// a line; the artifact stays in Src only.
	assert.Equal(t, "Words spaced by TJ\nNext line\n and more\n“Curly” – dash\nThe абв\nPage footer", string(doc.Src))
	assert.Equal(t, "Words spaced by TJ\nNext line\n\nand more\n\n“Curly” – dash\n\nThe абв", doc.Text)
}

func TestPDFErrors(t *testing.T) {
	imageOnly := fpdf.New("P", "pt", "A4", "")
	imageOnly.AddPage()
	imageOnly.Rect(72, 72, 200, 300, "F")
	var img bytes.Buffer
	require.NoError(t, imageOnly.Output(&img))

	locked := fpdf.New("P", "pt", "A4", "")
	locked.SetProtection(fpdf.CnProtectPrint, "user", "owner")
	locked.AddPage()
	locked.SetFont("Helvetica", "", 12)
	locked.Cell(0, 12, "Secret essay")
	var enc bytes.Buffer
	require.NoError(t, locked.Output(&enc))

	for _, tt := range []struct {
		name string
		src  []byte
		want string
	}{
		{"image only", img.Bytes(), "essay.pdf: the PDF has no text layer (a scan?); run OCR or submit the original document"},
		{"encrypted", enc.Bytes(), "essay.pdf: the PDF is encrypted; save an unprotected copy"},
		{"not a PDF", []byte("PK\x03\x04 zip"), "essay.pdf: not a PDF file"},
		{"no pages", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"), "essay.pdf: no pages found (a damaged PDF?)"},
		{"empty", nil, "essay.pdf: not a PDF file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := PDF("essay.pdf", tt.src)
			require.Error(t, err)
			assert.Nil(t, doc)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestPDFLinks(t *testing.T) {
	f := fpdf.New("P", "pt", "Letter", "")
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.Write(18, "Read the ")
	f.WriteLinkString(18, "Seventeen Moments archive", "https://soviethistory.example/thaw")
	f.Write(18, " for the sources of this essay.")
	var buf bytes.Buffer
	require.NoError(t, f.Output(&buf))
	doc, err := PDF("links.pdf", buf.Bytes())
	require.NoError(t, err)
	assert.Equal(t, "Read the Seventeen Moments archive for the sources of this essay.", doc.Text)
	require.Len(t, doc.Links, 1)
	assert.Equal(t, "Seventeen Moments archive", doc.Slice(doc.Links[0].Range))
	assert.Equal(t, "https://soviethistory.example/thaw", doc.Links[0].URL)
}
