package read

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

func TestText(t *testing.T) {
	long := strings.Repeat("Long pasted sentences fill this line well past the limit. ", 3)
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"empty", "", nil},
		{"blank lines only", "\n \n\t\n", nil},
		{"paragraphs keep inner breaks",
			"First line of the paragraph runs on and on\nand the second line ends it.\n\nAnother paragraph.\n",
			[]string{"p:First line of the paragraph runs on and on\nand the second line ends it.", "p:Another paragraph."}},
		{"one paragraph per line",
			long + "\n" + long + "\nShort last line.",
			[]string{"p:" + strings.TrimSpace(long), "p:" + strings.TrimSpace(long), "p:Short last line."}},
		{"title glued to first paragraph",
			"Melting Rivers\nThe spring of the year brought floods to every valley town along the river.\nNobody was ready.",
			[]string{"p:Melting Rivers", "p:The spring of the year brought floods to every valley town along the river.\nNobody was ready."}},
		{"heading glued to first entry",
			"Essay text.\n\nWorks Cited\nPark, Dana. Rivers in Spring. Valley Press, 2011.\n",
			[]string{"p:Essay text.", "p:Works Cited", "p:Park, Dana. Rivers in Spring. Valley Press, 2011."}},
		{"entries one per line",
			"Works Cited:\nAbel, Ruth. Cold Water. North Books, 2003.\nBrandt, Omar. The Long Winter. South House, 1999.\n",
			[]string{"p:Works Cited:", "p:Abel, Ruth. Cold Water. North Books, 2003.", "p:Brandt, Omar. The Long Winter. South House, 1999."}},
		{"wrapped prose is not split",
			"The committee met twice that winter, and both times\nthe members argued about the budget until late.\n",
			[]string{"p:The committee met twice that winter, and both times\nthe members argued about the budget until late."}},
		{"sentence first line is not a title",
			"The rain fell on the town and on the fields beyond it all.\nNight.",
			[]string{"p:The rain fell on the town and on the fields beyond it all.\nNight."}},
		{"short sentences broken on purpose",
			"It rained.\nThen the roads flooded.",
			[]string{"p:It rained.", "p:Then the roads flooded."}},
		{"list items",
			"Steps:\n\n1. Read the source.\n2) Take notes\n   on paper.\n- Write\n* Revise\n• Submit\n\nAfter the list.\n\n- New list",
			[]string{"p:Steps:", "li1:Read the source.", "li1:Take notes\non paper.", "li1:Write", "li1:Revise", "li1:Submit", "p:After the list.", "li2:New list"}},
		{"list run across blank lines",
			"1. One\n\n2. Two\n",
			[]string{"li1:One", "li1:Two"}},
		{"year is not a list number",
			"Smith, Jo. A Book of Days. Some Press,\n2001. Print.",
			[]string{"p:Smith, Jo. A Book of Days. Some Press,\n2001. Print."}},
		{"thoughts on cuts",
			"My essay.\n\nWork Cited:\n\nPrint Friendly, PDF & Email\n\n6 thoughts on “My essay\n\nNice work!\n",
			[]string{"p:My essay.", "p:Work Cited:"}},
		{"one thought on",
			"Body text.\nOne thought on \"Body\"\nA comment.",
			[]string{"p:Body text."}},
		{"responses to",
			"Body text.\n\n12 Responses to Rivers in Spring\n\nA comment.",
			[]string{"p:Body text."}},
		{"n comments", "Body.\n\n3 Comments\n\nGreat!", []string{"p:Body."}},
		{"leave a reply", "Body.\n\nLeave a Reply Cancel reply\n\nYour email address", []string{"p:Body."}},
		{"leave a comment", "Body.\n\nLeave a Comment\n", []string{"p:Body."}},
		{"share this", "Body.\n\nShare this:\nTwitter\nFacebook", []string{"p:Body."}},
		{"related", "Body.\n\nRelated\n\nAnother post", []string{"p:Body."}},
		{"related posts", "Body.\n\nRelated posts:\n\nAnother post", []string{"p:Body."}},
		{"blogger footer", "Body.\n\nNewer Post Older Post Home\n\nSubscribe to: Post Comments (Atom)", []string{"p:Body."}},
		{"entry footer", "Body.\n\nThis entry was posted in History and tagged thaw.\n", []string{"p:Body."}},
		{"sentence about thoughts is prose",
			"Two thoughts on this matter dominate the debate.\n\nEnd.",
			[]string{"p:Two thoughts on this matter dominate the debate.", "p:End."}},
		{"crlf",
			"Title Line\r\n\r\nFirst line that is long enough to wrap around\r\nsecond line.\r\n",
			[]string{"p:Title Line", "p:First line that is long enough to wrap around\nsecond line."}},
		{"lone cr", "One.\r\rTwo.", []string{"p:One.", "p:Two."}},
		{"bom", "\uFEFFHello there.", []string{"p:Hello there."}},
		{"outer blanks trimmed", "   Indented start.   \n\n\tTabbed.\t", []string{"p:Indented start.", "p:Tabbed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Text("essay.txt", []byte(tt.src))
			require.NoError(t, err)
			checkDoc(t, doc)
			assert.Equal(t, tt.want, describe(doc))
		})
	}
}

func TestTextOffsets(t *testing.T) {
	src := "\uFEFFTitle\r\n\r\nA line that runs long enough to be wrapped here\r\nand its end.\r\n"
	doc, err := Text("essay.txt", []byte(src))
	require.NoError(t, err)
	checkDoc(t, doc)
	for _, word := range []string{"Title", "wrapped here", "and its end."} {
		assert.Equal(t, word, sourceOf(doc, textRange(t, doc, word)))
	}
	// The inner line break maps to the source's "\n", so a range across
	// it maps to the source lines, "\r" included.
	assert.Equal(t, "here\r\nand", sourceOf(doc, textRange(t, doc, "here\nand")))
}

func TestTextWindows1252(t *testing.T) {
	// "It’s a café." in Windows-1252: the apostrophe is 0x92, é is 0xE9.
	src := []byte("It\x92s a caf\xe9.\n\nPlain ASCII line.")
	doc, err := Text("old.txt", src)
	require.NoError(t, err)
	checkDoc(t, doc)
	assert.Equal(t, []string{"p:It’s a café.", "p:Plain ASCII line."}, describe(doc))
	assert.Equal(t, "caf\xe9", sourceOf(doc, textRange(t, doc, "café")))
	assert.Equal(t, "ASCII", sourceOf(doc, textRange(t, doc, "ASCII")))
}

func TestTextMixedEncoding(t *testing.T) {
	// Mostly UTF-8 with one stray Windows-1252 byte: the UTF-8 stays.
	src := []byte("Il’ia wrote \x93The Thaw\x94.")
	doc, err := Text("mixed.txt", src)
	require.NoError(t, err)
	checkDoc(t, doc)
	assert.Equal(t, []string{"p:Il’ia wrote “The Thaw”."}, describe(doc))
	assert.Equal(t, "Il’ia", sourceOf(doc, textRange(t, doc, "Il’ia")))
}

func TestTextUTF16(t *testing.T) {
	src := []byte{0xFF, 0xFE}
	for _, r := range "Hi there.\r\n\r\nBye." {
		src = append(src, byte(r), 0)
	}
	doc, err := Text("notepad.txt", src)
	require.NoError(t, err)
	checkDoc(t, doc)
	assert.Equal(t, []string{"p:Hi there.", "p:Bye."}, describe(doc))
	assert.Equal(t, "B\x00y\x00e\x00.\x00", sourceOf(doc, textRange(t, doc, "Bye.")))
}

func TestBinaryIsAnError(t *testing.T) {
	for _, src := range [][]byte{
		[]byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"),
		[]byte("PK\x03\x04\x14\x00\x06\x00"),
		[]byte("\x00\x01\x02\x03binary\x00garbage"),
	} {
		for _, read := range []func(string, []byte) (doc any, err error){
			func(p string, b []byte) (any, error) { return Text(p, b) },
			func(p string, b []byte) (any, error) { return Markdown(p, b) },
			func(p string, b []byte) (any, error) { return HTML(p, b) },
		} {
			_, err := read("essay.html", src)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrBinary)
			assert.Contains(t, err.Error(), "essay.html: file is")
		}
	}
	_, err := HTML("essay.html", []byte("\x00\x01\x02"))
	assert.EqualError(t, err, "essay.html: file is binary, not HTML")
}

func TestRead(t *testing.T) {
	doc, err := Read("a.MD", []byte("# Hi"))
	require.NoError(t, err)
	assert.Equal(t, []string{"h1:Hi"}, describe(doc))
	_, err = Read("a.docx2", nil)
	assert.Error(t, err)
}

// splitLinesByByte splits text a byte at a time and counts every line's
// runes: the reference splitLines's IndexByte search is held to.
func splitLinesByByte(text []byte) []textLine {
	var lines []textLine
	line := func(start, end, brk int) textLine {
		start, end = trimBlanks(text, start, end)
		return textLine{start: start, end: end, brk: brk, runes: utf8.RuneCount(text[start:end])}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' && text[i] != '\r' {
			continue
		}
		brk := i
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			brk++ // "\r\n" is one break, at its "\n"
		}
		lines = append(lines, line(start, i, brk))
		i, start = brk, brk+1
	}
	return append(lines, line(start, len(text), -1))
}

func checkSplitLines(t *testing.T, src []byte) {
	t.Helper()
	got, want := splitLines(src), splitLinesByByte(src)
	require.Len(t, got, len(want), "%q", src)
	for k := range got {
		got[k].runes = lint.RuneCount(src[got[k].start:got[k].end])
		require.Equal(t, want[k], got[k], "line %d of %q", k, src)
	}
}

func TestSplitLines(t *testing.T) {
	for _, src := range []string{
		"", "\n", "\r", "\r\n", "\n\n", "\r\r\n\n", "a", "a\n", "a\r\nb", "a\rb\nc\r\n", "\r\na\r",
		" \u00a0one\t\n\ttwo \u00a0\r\n\r\nthree\rfour\n\v\f",
		"caf\xe9 \x93q\x94\r\n\xc2", strings.Repeat("a line\r\n", 40) + "end",
	} {
		checkSplitLines(t, []byte(src))
	}
}

func FuzzSplitLines(f *testing.F) {
	fuzzBytes(f, checkSplitLines, "", "a\r\nb\rc\n", " \u00a0x\t\r\n\r\n")
}

// checkBoilerplateLine holds isBoilerplateLine, which tells most lines by
// their first word (mayBeBoilerplate), to the whole test it spares them.
func checkBoilerplateLine(t *testing.T, line string) {
	t.Helper()
	trimmed := strings.TrimSpace(line)
	want := trimmed != "" && len(trimmed) <= 300 && isBoilerplatePhrase(trimmed)
	if got := isBoilerplateLine(line); got != want {
		t.Fatalf("isBoilerplateLine(%q) = %v, want %v", line, got, want)
	}
}

var boilerplateSeeds = []string{
	"", " ", "Leave a Reply", "Leave a Reply Cancel reply", "LEAVE A COMMENT:", "Related:", "Related Posts", "Print Friendly, PDF & Email",
	"Share this:", "Like this:", "Like Loading...", "You may also like", "Newer Post Older Post Home", "Subscribe to: Post Comments (Atom)",
	"This entry was posted in History.", "6 thoughts on “My essay”", "One thought on \"Body\"", "12 Responses to Title", "3 Comments",
	"No comments:", "123456 replies", "1234567 replies", "Two thoughts on this matter dominate.", "Ten replies to a letter",
	"\u00a06 thoughts on x", "6\u00a0thoughts on x", "LI\u212aE THIS", "L\u0130KE THIS", "six:", "6:30 thoughts", ":related", "Works Cited",
	"Abel, Ruth. Cold Water. North Books, 2003.", "Subscribes to", "thisentry", "\tshare on ", "related\u2003posts", "seven\tthoughts",
}

func TestBoilerplateLine(t *testing.T) {
	for _, line := range boilerplateSeeds {
		checkBoilerplateLine(t, line)
	}
}

func FuzzBoilerplateLine(f *testing.F) {
	for _, s := range boilerplateSeeds {
		f.Add(s)
	}
	f.Fuzz(checkBoilerplateLine)
}
