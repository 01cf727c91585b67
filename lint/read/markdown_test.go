package read

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/citelint/citelint/lint"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		blocks []string
		marks  []string
	}{
		{"empty", "", nil, nil},
		{"headings",
			"# Rivers\n\nSetext Title\n============\n\n### Small *one*\n",
			[]string{"h1:Rivers", "h1:Setext Title", "h3:Small one"}, []string{"i:one"}},
		{"soft and hard breaks",
			"One line\nnext line  \nhard break\\\nlast",
			[]string{"p:One line\nnext line\nhard break\nlast"}, nil},
		{"lists numbered per list",
			"- a\n- b\n\ntext\n\n1. one\n2. two\n   - nested\n",
			[]string{"li1:a", "li1:b", "p:text", "li2:one", "li2:two", "li3:nested"}, nil},
		{"loose list item paragraphs",
			"* first para\n\n  second para\n* next\n",
			[]string{"li1:first para", "li1:second para", "li1:next"}, nil},
		{"block quote",
			"Before.\n\n> Quoted words here.\n>\n> More quoted.\n\nAfter.",
			[]string{"p:Before.", "q:Quoted words here.", "q:More quoted.", "p:After."}, nil},
		{"code and html left out",
			"Text.\n\n```\ncode block\n```\n\n    indented code\n\n<div>html block</div>\n\nUse `inline code` here.",
			[]string{"p:Text.", "p:Use inline code here."}, nil},
		{"front matter",
			"---\ntitle: Rivers\nauthor: me\n---\n\n# Rivers\n\nBody.",
			[]string{"h1:Rivers", "p:Body."}, nil},
		{"emphasis and strong",
			"In *The Thaw* and _Doctor Zhivago_ the **heroes** win.",
			[]string{"p:In The Thaw and Doctor Zhivago the heroes win."}, []string{"i:The Thaw", "i:Doctor Zhivago"}},
		{"strong paragraph",
			"Essay.\n\n**Works Cited**\n\n__References:__\n\n**Half** bold",
			[]string{"p:Essay.", "p*:Works Cited", "p*:References:", "p:Half bold"}, nil},
		{"links",
			"See [the page](https://example.org/a\\_b \"Title\") and <https://example.net/x> and https://bare.example.com/p.",
			[]string{"p:See the page and https://example.net/x and https://bare.example.com/p."},
			[]string{"link:the page -> https://example.org/a_b", "link:https://example.net/x -> https://example.net/x", "link:https://bare.example.com/p -> https://bare.example.com/p"}},
		{"bare urls",
			"(see https://a.example.org/x_(y)) and www.b.example.org, not xhttp://c.org or ftp://d.org; HTTPS://E.ORG.",
			[]string{"p:(see https://a.example.org/x_(y)) and www.b.example.org, not xhttp://c.org or ftp://d.org; HTTPS://E.ORG."},
			[]string{"link:https://a.example.org/x_(y) -> https://a.example.org/x_(y)", "link:www.b.example.org -> http://www.b.example.org", "link:HTTPS://E.ORG -> HTTPS://E.ORG"}},
		{"bare url before a footnote reference",
			"See www.b.example.org/x[^1] and https://c.example.org[^n].\n\n[^1]: One.\n[^n]: Two.",
			[]string{"p:See www.b.example.org/x[^1] and https://c.example.org[^n].", "p:One.", "p:Two."},
			[]string{"link:www.b.example.org/x -> http://www.b.example.org/x", "link:https://c.example.org -> https://c.example.org",
				"ref 1:[^1]", "ref n:[^n]", "note 1:One.", "note n:Two."}},
		{"bare url run into a code span",
			"See www.a.example.org`code` here.",
			[]string{"p:See www.a.example.org`code` here."},
			[]string{"link:www.a.example.org`code` -> http://www.a.example.org`code`"}},
		{"bare urls in a note read after the text that follows it",
			"See www.a.example.org here.[^1]\n\n[^1]: Note on www.b.example.org and more.\n\nLater https://c.example.org ends.",
			[]string{"p:See www.a.example.org here.[^1]", "p:Later https://c.example.org ends.", "p:Note on www.b.example.org and more."},
			[]string{"link:www.a.example.org -> http://www.a.example.org", "link:https://c.example.org -> https://c.example.org",
				"link:www.b.example.org -> http://www.b.example.org", "ref 1:[^1]", "note 1:Note on www.b.example.org and more."}},
		{"reference link",
			"Read [the report][r].\n\n[r]: https://example.org/report",
			[]string{"p:Read the report."}, []string{"link:the report -> https://example.org/report"}},
		{"image left out",
			"Before ![a photo of a river](river.jpg) after.",
			[]string{"p:Before  after."}, nil},
		{"escapes and entities",
			"A \\*literal\\* star &amp; caf&eacute; &#8220;quoted&#8221; &bogus;",
			[]string{"p:A *literal* star & café “quoted” &bogus;"}, nil},
		{"footnotes",
			"The river froze.[^1] Then it thawed.[^note]\n\n[^1]: Park, Dana. *Rivers*. 2011.\n[^note]: A second note\n    on two lines.\n",
			[]string{"p:The river froze.[^1] Then it thawed.[^note]", "p:Park, Dana. Rivers. 2011.", "p:A second note\non two lines."},
			[]string{"i:Rivers", "ref 1:[^1]", "ref note:[^note]", "note 1:Park, Dana. Rivers. 2011.", "note note:A second note\non two lines."}},
		{"footnote defined before a url",
			"Claim.[^a]\n\n[^a]: Defined early.\n\nLater https://x.example.org/a_b_c text.",
			[]string{"p:Claim.[^a]", "p:Later https://x.example.org/a_b_c text.", "p:Defined early."},
			[]string{"link:https://x.example.org/a_b_c -> https://x.example.org/a_b_c", "ref a:[^a]", "note a:Defined early."}},
		{"strikethrough kept", "Words ~~struck~~ out.", []string{"p:Words struck out."}, nil},
		{"inline html br", "one<br>two <span>three</span>", []string{"p:one\ntwo three"}, nil},
		{"crlf", "# Title\r\n\r\nLine one\r\nline two\r\n", []string{"h1:Title", "p:Line one\nline two"}, nil},
		{"bom", "\uFEFF# Title\n\nText.", []string{"h1:Title", "p:Text."}, nil},
		{"thematic break", "One.\n\n---\n\nTwo.", []string{"p:One.", "p:Two."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Markdown("essay.md", []byte(tt.src))
			require.NoError(t, err)
			checkDoc(t, doc)
			assert.Equal(t, tt.blocks, describe(doc))
			assert.Equal(t, tt.marks, marks(doc))
		})
	}
}

func TestMarkdownOffsets(t *testing.T) {
	src := "---\nx: 1\n---\n# A *Title*\r\n\r\nSee caf&eacute; [link](http://e.org) \\*star\\*[^1].\r\n\r\n[^1]: Note.\r\n"
	doc, err := Markdown("essay.md", []byte(src))
	require.NoError(t, err)
	checkDoc(t, doc)
	for text, source := range map[string]string{
		"Title":  "Title",
		"café":   "caf&eacute;",
		"link":   "link",
		"*star*": "*star\\*", // the escaped star maps to itself, its backslash dropped
		"[^1]":   "[^1]",
		"Note.":  "Note.",
	} {
		assert.Equal(t, source, sourceOf(doc, textRange(t, doc, text)), text)
	}
	// A block maps to the source from its first to its last character of
	// text: markup after the last one is not part of it.
	assert.Equal(t, "A *Title", sourceOf(doc, doc.Blocks[0].Range))
}

// checkSameAsGoldmark holds the parser Markdown uses, whose paragraphs keep
// their last line break and whose plain paragraphs are not parsed inline by
// goldmark, to goldmark's own: the Document must be the same.
func checkSameAsGoldmark(t *testing.T, src []byte) {
	t.Helper()
	plain := goldmark.New(goldmark.WithExtensions(extension.Footnote, extension.Strikethrough)).Parser()
	want, wantErr := markdownWith("x.md", src, plain)
	got, gotErr := Markdown("x.md", src)
	require.Equal(t, wantErr, gotErr, "%q", src)
	require.Equal(t, want, got, "%q", src)
}

func TestMarkdownSameAsGoldmark(t *testing.T) {
	for _, src := range []string{
		"", "a", "a\n", "a\n\nb\n", "a\r\n\r\nb\r\n", "a  \n\nb", "a\\\n\nb\\\\\n\nc\\",
		"Setext\n===\n\n[x]: /u\n---\n\n[y]: /v \"t\"\n\ntext [y]\n",
		"ends *em*\n\nends **strong**\n\nends `code`\n\nends <b>\n\nends <http://a.b>\n\nends [l](u)\n\nends ~~s~~\n",
		"open *em\n\nopen `code\n\nopen [l](u\n\nopen <a href='x'\n\nends [^1]\n\n[^1]: note *x*\n",
		"- tight\n- list *x*\n\n1. a\n2. b\n\n> quote\nlazy\n\n> - nested\n>   more\n",
		"para\n    indented\n\n\tTabbed\n\ttext\n\n    code\n\nhttps://bare.example/x.\n\nwww.bare.org\n",
		"a &amp; b &#8220;\n\n<br>\n\nline<br>\n\ntrailing \\*\n",
		"hard  \nbreak   \nsoft \t\nend  \n\ncr  \r\nlf \r\nx\r\n\n\ttab\n  lead\n\n- tight plain\n- item  \n  two\n\n* loose\n\n* item\n",
		"plain\nabove\n---\n\nplain (1999) \"q\" “r” www.x.org/a. http://y.z & amp; &#1; #h\n\n[^n]: plain note\n  more\n\n> q\nlazy plain\n",
		"   \n\nx\u00a0\n\n\u00a0y\n\n1. a\n   b\n2. c\n\nz\f\n\nv\v\n",
		string(generateEssay(lint.FormatMarkdown, 5000)),
	} {
		checkSameAsGoldmark(t, []byte(src))
	}
	for _, src := range fixtureFiles(t, ".md", ".markdown") {
		checkSameAsGoldmark(t, src)
	}
}

func FuzzMarkdownSameAsGoldmark(f *testing.F) {
	fuzzBytes(f, checkSameAsGoldmark,
		"# T\n\nText *em* **st** [l](u) <http://a.b> www.c.d [^1]\n\n[^1]: note\n",
		"Setext\n===\n\nx\\\n\n- a\n- b\n\n> q\nlazy *x*\n")
}

// checkPlainParagraphs holds plainParagraphs to the map by start it
// stands in for, the last added winning, however the starts come.
func checkPlainParagraphs(t *testing.T, starts []byte) {
	t.Helper()
	var p plainParagraphs
	want := map[int]text.Segments{}
	for k, s := range starts {
		lines := text.NewSegments()
		lines.Append(text.NewSegment(int(s), int(s)+k))
		p.add(int(s), *lines)
		want[int(s)] = *lines
	}
	for s := -1; s <= 256; s++ {
		got, ok := p.find(s)
		w, wok := want[s]
		if ok != wok || ok && got.At(0) != w.At(0) {
			t.Fatalf("find(%d) after adding %v: %v, %v; want %v, %v", s, starts, got, ok, w, wok)
		}
	}
}

func TestPlainParagraphs(t *testing.T) {
	for _, starts := range [][]byte{nil, {0}, {1, 5, 9}, {9, 5, 1}, {1, 1}, {3, 1, 3, 2, 1}, {0, 10, 20, 20, 30}} {
		checkPlainParagraphs(t, starts)
	}
}

func FuzzPlainParagraphs(f *testing.F) {
	f.Add([]byte{1, 5, 9, 5})
	f.Fuzz(checkPlainParagraphs)
}
