package office

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"`

const odtAutoStyles = `<office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.27cm" fo:text-indent="0cm"/></style:style>
<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.5in" fo:text-indent="-0.5in"/></style:style>
<style:style style:name="P4" style:family="paragraph" style:parent-style-name="Title"/>
</office:automatic-styles>`

const odtStylesXML = `<?xml version="1.0"?><office:document-styles ` + odtNS + `><office:styles>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Title" style:family="paragraph" style:display-name="Title"/>
<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Heading_20_2" style:family="paragraph" style:display-name="Heading 2" style:default-outline-level="2"/>
</office:styles></office:document-styles>`

func odtContent(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + odtNS + `>` + odtAutoStyles +
		`<office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Figure"/></text:sequence-decls>` + body + `</office:text></office:body></office:document-content>`
}

func readODT(t *testing.T, body string) *lint.Document {
	t.Helper()
	src := zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", odtContent(body), "styles.xml", odtStylesXML)
	doc, err := ODT("essay.odt", src)
	require.NoError(t, err)
	assert.Equal(t, lint.FormatODT, doc.Format)
	return doc
}

func TestODTBlocks(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		want  []string
		check func(t *testing.T, doc *lint.Document)
	}{
		{
			name: "headings by outline level and style",
			body: `<text:p text:style-name="P4">The Thaw</text:p><text:h text:outline-level="1">Introduction</text:h><text:p text:style-name="Heading_20_2">Reception</text:p><text:p>Body.</text:p>`,
			want: []string{"heading: The Thaw", "heading: Introduction", "heading: Reception", "paragraph: Body."},
			check: func(t *testing.T, doc *lint.Document) {
				assert.Equal(t, []int{1, 1, 2, 0}, []int{doc.Blocks[0].Level, doc.Blocks[1].Level, doc.Blocks[2].Level, doc.Blocks[3].Level})
			},
		},
		{
			name: "bold paragraphs, italic spans",
			body: `<text:p text:style-name="P1">Works Cited</text:p><text:p><text:span text:style-name="T2">Works Consulted</text:span></text:p><text:p>Ehrenburg's <text:span text:style-name="T1">The Thaw</text:span> and <text:span text:style-name="Emphasis">Memoirs</text:span>.</text:p>`,
			want: []string{"paragraph: Works Cited", "paragraph: Works Consulted", "paragraph: Ehrenburg's The Thaw and Memoirs."},
			check: func(t *testing.T, doc *lint.Document) {
				assert.True(t, doc.Blocks[0].Strong)
				assert.True(t, doc.Blocks[1].Strong)
				assert.False(t, doc.Blocks[2].Strong)
				require.Len(t, doc.Italics, 2)
				assert.Equal(t, "The Thaw", doc.Slice(doc.Italics[0]))
				assert.Equal(t, "Memoirs", doc.Slice(doc.Italics[1]))
			},
		},
		{
			name: "lists",
			body: `<text:list><text:list-item><text:p>One</text:p><text:list><text:list-item><text:p>Nested</text:p></text:list-item></text:list></text:list-item></text:list><text:p>Between.</text:p><text:list><text:list-item><text:p>Two</text:p></text:list-item></text:list>`,
			want: []string{"list-item: One", "list-item: Nested", "paragraph: Between.", "list-item: Two"},
			check: func(t *testing.T, doc *lint.Document) {
				assert.Equal(t, []int{1, 1, 0, 2}, []int{doc.Blocks[0].List, doc.Blocks[1].List, doc.Blocks[2].List, doc.Blocks[3].List})
			},
		},
		{
			name: "block quotations by indent and style, hanging entries",
			body: `<text:p text:style-name="P2">Indented quotation.</text:p><text:p text:style-name="P3">Freeze, Gregory. Russia. 2009.</text:p><text:p text:style-name="Quotations">Quotations style.</text:p>`,
			want: []string{"blockquote: Indented quotation.", "paragraph: Freeze, Gregory. Russia. 2009.", "blockquote: Quotations style."},
		},
		{
			name: "links, spaces, tabs, breaks, annotations and frames left out",
			body: `<text:p>See  <text:a xlink:type="simple" xlink:href="https://example.org/thaw">the
 page</text:a><text:s text:c="2"/>now<text:tab/>here<text:line-break/>next<office:annotation><dc:creator>Prof</dc:creator><text:p>comment</text:p></office:annotation><draw:frame><draw:text-box><text:p>box</text:p></draw:text-box></draw:frame> <text:a xlink:href="#bookmark">inner</text:a>.</text:p>`,
			want: []string{"paragraph: See the page  now\there\nnext inner."},
			check: func(t *testing.T, doc *lint.Document) {
				require.Len(t, doc.Links, 1)
				assert.Equal(t, "the page", doc.Slice(doc.Links[0].Range))
				assert.Equal(t, "https://example.org/thaw", doc.Links[0].URL)
			},
		},
		{
			name: "notes",
			body: `<text:p>A claim.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Freeze, <text:span text:style-name="T1">Russia</text:span>, 412.</text:p></text:note-body></text:note> More.</text:p><text:p>End.<text:note text:id="ftn2" text:note-class="endnote"><text:note-citation text:label="*">i</text:note-citation><text:note-body><text:p>An endnote.</text:p><text:p>Its second paragraph.</text:p></text:note-body></text:note></text:p>`,
			want: []string{"paragraph: A claim.1 More.", "paragraph: End.*", "paragraph: Freeze, Russia, 412.", "paragraph: An endnote.", "paragraph: Its second paragraph."},
			check: func(t *testing.T, doc *lint.Document) {
				require.Len(t, doc.NoteRefs, 2)
				assert.Equal(t, "1", doc.NoteRefs[0].Label)
				assert.Equal(t, "1", doc.Slice(doc.NoteRefs[0].Range))
				assert.Equal(t, "*", doc.NoteRefs[1].Label)
				require.Len(t, doc.Notes, 2)
				assert.Equal(t, "Freeze, Russia, 412.", doc.Slice(doc.Notes[0].Range))
				assert.Equal(t, "An endnote.\n\nIts second paragraph.", doc.Slice(doc.Notes[1].Range))
				assert.Equal(t, "*", doc.Notes[1].Label)
				require.Len(t, doc.Italics, 1)
				assert.Equal(t, "Russia", doc.Slice(doc.Italics[0]))
				// Lines: two body paragraphs, then the notes' paragraphs.
				assert.Equal(t, 1, position(doc, doc.NoteRefs[0].Range).Line)
				assert.Equal(t, 9, position(doc, doc.NoteRefs[0].Range).Column)
				assert.Equal(t, 3, position(doc, doc.Notes[0].Range).Line)
				assert.Equal(t, 4, position(doc, doc.Notes[1].Range).Line)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readODT(t, tt.body)
			assert.Equal(t, tt.want, blockTexts(doc))
			if tt.check != nil {
				tt.check(t, doc)
			}
		})
	}
}

func TestODTErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		src  []byte
		want string
	}{
		{"not a zip", []byte("<html>"), "essay.odt: not an OpenDocument text (not a zip file"},
		{"no content", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text"), "essay.odt: not an OpenDocument text (content.xml missing)"},
		{"encrypted", zipOf(t, "content.xml", "\x00\x01binary", "META-INF/manifest.xml", `<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>`), "essay.odt: the document is password-protected"},
		{"bomb", bombZip(t, "content.xml", 70<<20), "size limit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ODT("essay.odt", tt.src)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
