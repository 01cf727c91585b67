package office

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// zipOf writes the named parts into a zip in memory, in the order given.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		require.NoError(t, err)
		_, err = w.Write([]byte(parts[i+1]))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// body wraps paragraphs in a document.xml.
func body(paras ...string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` +
		strings.Join(paras, "") + `<w:sectPr><w:pgSz w:w="12240"/></w:sectPr></w:body></w:document>`
}

// p is a paragraph with properties pPr and runs.
func p(pPr string, runs ...string) string {
	if pPr != "" {
		pPr = "<w:pPr>" + pPr + "</w:pPr>"
	}
	return "<w:p>" + pPr + strings.Join(runs, "") + "</w:p>"
}

// r is a run with properties rPr and text.
func r(rPr, text string) string {
	if rPr != "" {
		rPr = "<w:rPr>" + rPr + "</w:rPr>"
	}
	return `<w:r>` + rPr + `<w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

const stylesXML = `<?xml version="1.0"?><w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="Essay Part"/><w:basedOn w:val="berschrift2"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="BookTitle"><w:name w:val="Book Title"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
</w:styles>`

func docx(t testing.TB, document string, more ...string) []byte {
	return zipOf(t, append([]string{"[Content_Types].xml", `<Types/>`, "word/document.xml", document}, more...)...)
}

func readDocx(t *testing.T, document string, more ...string) *lint.Document {
	t.Helper()
	doc, err := Docx("essay.docx", docx(t, document, more...))
	require.NoError(t, err)
	return doc
}

// blockTexts lists the blocks' text with their kind.
func blockTexts(doc *lint.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, b.Kind.String()+": "+doc.Slice(b.Range))
	}
	return out
}

// position returns the line and column where a text range starts in Src.
func position(doc *lint.Document, r lint.Range) lint.Position {
	return lint.NewLineIndex(doc.Src).Position(doc.SourceSpan(r).Start)
}

func TestDocxBlocks(t *testing.T) {
	tests := []struct {
		name   string
		paras  []string
		want   []string
		levels []int
		check  func(t *testing.T, doc *lint.Document)
	}{
		{
			name:   "headings through styles.xml",
			paras:  []string{p(`<w:pStyle w:val="Titel"/>`, r("", "The Thaw")), p(`<w:pStyle w:val="Heading1"/>`, r("", "Introduction")), p(`<w:pStyle w:val="MyHeading"/>`, r("", "Reception")), p("", r("", "Body text."))},
			want:   []string{"heading: The Thaw", "heading: Introduction", "heading: Reception", "paragraph: Body text."},
			levels: []int{1, 1, 2, 0},
		},
		{
			name:   "direct outline level and a style cycle",
			paras:  []string{p(`<w:pStyle w:val="Loop"/><w:outlineLvl w:val="2"/>`, r("", "Sources")), p(`<w:pStyle w:val="Loop"/>`, r("", "Plain."))},
			want:   []string{"heading: Sources", "paragraph: Plain."},
			levels: []int{3, 0},
		},
		{
			name:  "bold paragraph is strong",
			paras: []string{p("", r("<w:b/>", "Works Cited")), p("", r("<w:b/>", "Half"), r("", " bold.")), p("", r(`<w:b w:val="0"/>`, "Not bold"))},
			want:  []string{"paragraph: Works Cited", "paragraph: Half bold.", "paragraph: Not bold"},
			check: func(t *testing.T, doc *lint.Document) {
				assert.True(t, doc.Blocks[0].Strong)
				assert.False(t, doc.Blocks[1].Strong)
				assert.False(t, doc.Blocks[2].Strong)
			},
		},
		{
			name:  "italics, split runs joined, character style",
			paras: []string{p("", r("", "Ehrenburg's "), r("<w:i/>", "The "), r("<w:i/>", "Thaw"), r("", " and "), r(`<w:rStyle w:val="BookTitle"/>`, "People, Years, Life"), r("", "."))},
			want:  []string{"paragraph: Ehrenburg's The Thaw and People, Years, Life."},
			check: func(t *testing.T, doc *lint.Document) {
				require.Len(t, doc.Italics, 2)
				assert.Equal(t, "The Thaw", doc.Slice(doc.Italics[0]))
				assert.Equal(t, "People, Years, Life", doc.Slice(doc.Italics[1]))
			},
		},
		{
			name: "list items, one list per numbering",
			paras: []string{
				p(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>`, r("", "First")),
				p(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>`, r("", "Second")),
				p("", r("", "Between.")),
				p(`<w:pStyle w:val="ListBullet"/>`, r("", "Styled bullet")),
				p(`<w:numPr><w:numId w:val="0"/></w:numPr>`, r("", "Numbering removed")),
			},
			want: []string{"list-item: First", "list-item: Second", "paragraph: Between.", "list-item: Styled bullet", "paragraph: Numbering removed"},
			check: func(t *testing.T, doc *lint.Document) {
				assert.Equal(t, []int{1, 1, 0, 2, 0}, []int{doc.Blocks[0].List, doc.Blocks[1].List, doc.Blocks[2].List, doc.Blocks[3].List, doc.Blocks[4].List})
			},
		},
		{
			name: "block quotation by indent, not hanging entries",
			paras: []string{
				p(`<w:ind w:left="1440"/>`, r("", "An indented quotation.")),
				p(`<w:ind w:left="720" w:hanging="720"/>`, r("", "Freeze, Gregory. Russia. Oxford UP, 2009.")),
				p(`<w:ind w:firstLine="720"/>`, r("", "A normal first-line indent.")),
				p(`<w:pStyle w:val="Zitat"/>`, r("", "Quote style.")),
				p(`<w:pStyle w:val="ListParagraph"/>`, r("", "A list paragraph whose bullet was removed.")),
			},
			want: []string{"blockquote: An indented quotation.", "paragraph: Freeze, Gregory. Russia. Oxford UP, 2009.", "paragraph: A normal first-line indent.", "blockquote: Quote style.", "paragraph: A list paragraph whose bullet was removed."},
			check: func(t *testing.T, doc *lint.Document) {
				assert.Empty(t, doc.Italics, "a paragraph style's italics are not a title's")
			},
		},
		{
			name: "Zotero and Mendeley fields show their result",
			paras: []string{p("",
				r("", "The novel named an era "),
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"a1","citationItems":[{"id":12}]} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`,
				r("", "(Freeze 412)"),
				`<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
				r("", ", as others agree "),
				`<w:fldSimple w:instr=" ADDIN CSL_CITATION {&quot;mendeley&quot;:{}} ">`+r("", "(Jones 3)")+`</w:fldSimple>`,
				r("", "."))},
			want: []string{"paragraph: The novel named an era (Freeze 412), as others agree (Jones 3)."},
		},
		{
			name: "a table of contents is not essay text",
			paras: []string{
				p("", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, r("", "Introduction	1")),
				p("", r("", "Sources	4"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
				p("", r("", "The essay.")),
			},
			want: []string{"paragraph: The essay."},
		},
		{
			name:  "tabs, breaks, no-break hyphens, smart tags, deleted text",
			paras: []string{p("", `<w:r><w:t>Line one</w:t><w:br/><w:t>line</w:t><w:noBreakHyphen/><w:t>two</w:t><w:tab/><w:t>end</w:t></w:r>`, `<w:smartTag w:uri="x" w:element="place">`+r("", " Moscow")+`</w:smartTag>`, `<w:del w:id="1"><w:r><w:delText>gone</w:delText></w:r></w:del>`, `<w:ins w:id="2">`+r("", " added")+`</w:ins>`)},
			want:  []string{"paragraph: Line one\nline-two\tend Moscow added"},
			check: func(t *testing.T, doc *lint.Document) {
				assert.Equal(t, "Line one line-two\tend Moscow added", string(doc.Src), "a break is a space in Src")
			},
		},
		{
			name:  "tables: each cell paragraph is a block and a line",
			paras: []string{`<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>` + p("", r("", "Cell A")) + `</w:tc><w:tc>` + p("", r("", "Cell B")) + `</w:tc></w:tr></w:tbl>`, p("", r("", "After."))},
			want:  []string{"paragraph: Cell A", "paragraph: Cell B", "paragraph: After."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readDocx(t, body(tt.paras...), "word/styles.xml", stylesXML)
			assert.Equal(t, tt.want, blockTexts(doc))
			if tt.levels != nil {
				var levels []int
				for _, b := range doc.Blocks {
					levels = append(levels, b.Level)
				}
				assert.Equal(t, tt.levels, levels)
			}
			if tt.check != nil {
				tt.check(t, doc)
			}
			assert.Equal(t, lint.FormatDocx, doc.Format)
		})
	}
}

func TestDocxHeadingIDsWithoutStyles(t *testing.T) {
	doc := readDocx(t, body(p(`<w:pStyle w:val="berschrift1"/>`, r("", "Einleitung")), p(`<w:pStyle w:val="Heading3"/>`, r("", "Detail"))))
	require.Len(t, doc.Blocks, 2)
	assert.Equal(t, lint.BlockHeading, doc.Blocks[0].Kind)
	assert.Equal(t, 1, doc.Blocks[0].Level)
	assert.Equal(t, 3, doc.Blocks[1].Level)
}

func TestDocxPositionsAreParagraphAndColumn(t *testing.T) {
	doc := readDocx(t, body(
		p("", r("", "Title")),
		p(""), // an empty paragraph still counts
		p("", r("", "  Ehrenburg’s “The Thaw” (Freeze 412).")),
	))
	require.Len(t, doc.Blocks, 2)
	i := strings.Index(doc.Text, "“The Thaw”")
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, lint.Position{Line: 3, Column: 15}, position(doc, lint.Range{Start: i, End: i + 1}))
	assert.Equal(t, "Title\n\n  Ehrenburg’s “The Thaw” (Freeze 412).", string(doc.Src))
	assert.Equal(t, "Title\n\nEhrenburg’s “The Thaw” (Freeze 412).", doc.Text)
	// Every byte of Text is the same byte of Src.
	for k := range doc.Text {
		if doc.Text[k] == '\n' {
			continue
		}
		off := doc.SourceOffset(k)
		assert.Equal(t, doc.Text[k], doc.Src[off], "offset %d", k)
	}
}

const footnotesXML = `<?xml version="1.0"?><w:footnotes ` + wordNS + `>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Gregory Freeze, </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Russia</w:t></w:r><w:r><w:t>, 412.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>the archive</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p><w:p><w:r><w:t>Second paragraph of the note.</w:t></w:r></w:p></w:footnote>
</w:footnotes>`

const endnotesXML = `<?xml version="1.0"?><w:endnotes ` + wordNS + `>
<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> An endnote.</w:t></w:r></w:p></w:endnote>
</w:endnotes>`

func TestDocxNotes(t *testing.T) {
	doc := readDocx(t, body(
		p("", r("", "A claim."), `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/></w:r>`, r("", " Another."), `<w:r><w:footnoteReference w:id="1"/></w:r>`),
		p("", r("", "Late."), `<w:r><w:endnoteReference w:id="1"/></w:r>`),
	), "word/footnotes.xml", footnotesXML, "word/endnotes.xml", endnotesXML,
		"word/_rels/footnotes.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/archive" TargetMode="External"/></Relationships>`)
	assert.Equal(t, []string{
		"paragraph: A claim.1 Another.2",
		"paragraph: Late.i",
		"paragraph: Gregory Freeze, Russia, 412.",
		"paragraph: See the archive.",
		"paragraph: Second paragraph of the note.",
		"paragraph: An endnote.",
	}, blockTexts(doc))
	require.Len(t, doc.NoteRefs, 3)
	assert.Equal(t, "1", doc.NoteRefs[0].Label)
	assert.Equal(t, "1", doc.Slice(doc.NoteRefs[0].Range))
	assert.Equal(t, "2", doc.NoteRefs[1].Label)
	assert.Equal(t, "i", doc.NoteRefs[2].Label)
	assert.Equal(t, "i", doc.Slice(doc.NoteRefs[2].Range))
	require.Len(t, doc.Notes, 3)
	assert.Equal(t, "1", doc.Notes[0].Label)
	assert.Equal(t, "Gregory Freeze, Russia, 412.", doc.Slice(doc.Notes[0].Range))
	assert.Equal(t, "2", doc.Notes[1].Label)
	assert.Equal(t, "See the archive.\n\nSecond paragraph of the note.", doc.Slice(doc.Notes[1].Range))
	assert.Equal(t, "i", doc.Notes[2].Label)
	require.Len(t, doc.Links, 1)
	assert.Equal(t, "https://example.org/archive", doc.Links[0].URL)
	assert.Equal(t, "the archive", doc.Slice(doc.Links[0].Range))
	require.Len(t, doc.Italics, 1)
	assert.Equal(t, "Russia", doc.Slice(doc.Italics[0]))
	// Notes' paragraphs follow the body's lines.
	assert.Equal(t, 3, position(doc, doc.Notes[0].Range).Line)
	assert.Equal(t, 6, position(doc, doc.Notes[2].Range).Line)
}

func TestDocxEndnotesAloneAreArabic(t *testing.T) {
	doc := readDocx(t, body(p("", r("", "Claim."), `<w:r><w:endnoteReference w:id="1"/></w:r>`)), "word/endnotes.xml", endnotesXML)
	require.Len(t, doc.NoteRefs, 1)
	assert.Equal(t, "1", doc.NoteRefs[0].Label)
	require.Len(t, doc.Notes, 1)
	assert.Equal(t, "1", doc.Notes[0].Label)
	assert.Equal(t, "An endnote.", doc.Slice(doc.Notes[0].Range))
}

func TestDocxHyperlinks(t *testing.T) {
	doc := readDocx(t, body(
		p("", r("", "See "), `<w:hyperlink r:id="rId9" w:history="1"><w:r><w:t>the Digest</w:t></w:r></w:hyperlink>`, r("", " and "), `<w:hyperlink w:anchor="_Toc1"><w:r><w:t>a bookmark</w:t></w:r></w:hyperlink>`, r("", ".")),
		p("", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.com/thaw" \o "tip" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, r("", "field link"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
	), "word/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://soviethistory.example/digest" TargetMode="External"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)
	require.Len(t, doc.Links, 2)
	assert.Equal(t, "the Digest", doc.Slice(doc.Links[0].Range))
	assert.Equal(t, "http://soviethistory.example/digest", doc.Links[0].URL)
	assert.Equal(t, "field link", doc.Slice(doc.Links[1].Range))
	assert.Equal(t, "https://example.com/thaw", doc.Links[1].URL)
}

func TestDocxComments(t *testing.T) {
	src := docx(t, body(
		p("", r("", "Epigraph.")),
		p("", `<w:commentRangeStart w:id="0"/>`, r("", "“A quotation with no source.”")),
		p("", r("", "More."), `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`),
		p("", r("", "Other."), `<w:r><w:commentReference w:id="5"/></w:r>`),
	), "word/comments.xml", `<?xml version="1.0"?><w:comments `+wordNS+`>
<w:comment w:id="0" w:author="Ann Student" w:date="2024-10-01T10:00:00Z"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>citelint-disable quote-uncited -- epigraph</w:t></w:r></w:p></w:comment>
<w:comment w:id="5" w:author="Prof"><w:p><w:r><w:t>Good.</w:t></w:r></w:p><w:p><w:r><w:t>Really.</w:t></w:r></w:p></w:comment>
</w:comments>`)
	comments, err := DocxComments(src)
	require.NoError(t, err)
	assert.Equal(t, []Comment{
		{ID: "0", Author: "Ann Student", Text: "citelint-disable quote-uncited -- epigraph", Paragraph: 2, EndParagraph: 3},
		{ID: "5", Author: "Prof", Text: "Good.\nReally.", Paragraph: 4, EndParagraph: 4},
	}, comments)
	none, err := DocxComments(docx(t, body(p("", r("", "x")))))
	require.NoError(t, err)
	assert.Empty(t, none)
}

func TestDocxErrors(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"not a zip", []byte("just some text"), "essay.docx: not a Word document (not a zip file"},
		{"no document part", zipOf(t, "word/styles.xml", stylesXML), "essay.docx: not a Word document (word/document.xml missing)"},
		{"OLE: encrypted or .doc", ole, "essay.docx: the document is password-protected or in the old .doc format"},
		{"broken XML", docx(t, `<w:document `+wordNS+`><w:body><w:p><w:r><w:t>unclosed`), "essay.docx: word/document.xml: XML syntax error"},
		{"empty", nil, "essay.docx: not a Word document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Docx("essay.docx", tt.src)
			require.Error(t, err)
			assert.Nil(t, doc)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// bombZip writes a document.xml of n bytes of one repeated character,
// which deflates about a thousand times.
func bombZip(t testing.TB, name string, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	require.NoError(t, err)
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for written := 0; written < n; written += len(chunk) {
		_, err := w.Write(chunk[:min(len(chunk), n-written)])
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func TestDocxRefusesBombs(t *testing.T) {
	src := bombZip(t, "word/document.xml", 80<<20)
	_, err := Docx("essay.docx", src)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "essay.docx")

	// A lying header: the part claims to be small, the limit still holds.
	small := bombZip(t, "word/document.xml", 3<<20)
	lie := rewriteSizes(t, small)
	_, err = Docx("essay.docx", lie)
	require.Error(t, err)
}

// rewriteSizes makes every member's central-directory header claim an
// uncompressed size equal to its compressed size, as a crafted bomb does.
func rewriteSizes(t testing.TB, src []byte) []byte {
	t.Helper()
	out := bytes.Clone(src)
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	require.NoError(t, err)
	for _, f := range zr.File {
		// Central directory entries: signature PK\x01\x02; the
		// uncompressed size is at offset 24.
		sig := []byte("PK\x01\x02")
		i := bytes.LastIndex(out, sig)
		require.GreaterOrEqual(t, i, 0)
		c := uint32(f.CompressedSize64)
		out[i+24], out[i+25], out[i+26], out[i+27] = byte(c), byte(c>>8), byte(c>>16), byte(c>>24)
	}
	return out
}
