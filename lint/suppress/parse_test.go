package suppress

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/read/office"
)

// got is what a table test compares of a directive: its kind, rules,
// reason, and the text of its span and scope.
type got struct {
	Kind   Kind
	Rules  []string
	Reason string
	Span   string
	Scope  string
}

func summarise(src []byte, dirs []Directive) []got {
	var out []got
	for _, d := range dirs {
		out = append(out, got{d.Kind, d.Rules, d.Reason, string(src[d.Span.Start:d.Span.End]), string(src[d.Scope.Start:d.Scope.End])})
	}
	return out
}

func TestParseComments(t *testing.T) {
	cases := []struct {
		name, src string
		want      []got
	}{
		{"none", "# Essay\n\nNo directives <!-- a comment -->.\n", nil},
		{"next line with reason",
			"<!-- citelint-disable-next-line quote-uncited -- epigraph -->\n\"Quoted words here now.\"\nlater\n",
			[]got{{DisableNextLine, []string{"quote-uncited"}, "epigraph", "<!-- citelint-disable-next-line quote-uncited -- epigraph -->", `"Quoted words here now."`}}},
		{"two rules, commas and spaces",
			"<!--citelint-disable quote-long, quote-uncited-->\ntext\n<!-- citelint-enable quote-long -->",
			[]got{
				{Disable, []string{"quote-long", "quote-uncited"}, "", "<!--citelint-disable quote-long, quote-uncited-->", ""},
				{Enable, []string{"quote-long"}, "", "<!-- citelint-enable quote-long -->", ""},
			}},
		{"every rule", "<!-- citelint-disable -->", []got{{Disable, nil, "", "<!-- citelint-disable -->", ""}}},
		{"every rule with a reason", "<!-- citelint-disable -- draft -->", []got{{Disable, nil, "draft", "<!-- citelint-disable -- draft -->", ""}}},
		{"hyphens inside a rule ID are not a reason",
			"<!-- citelint-disable-next-line works-cited-heading--x -->\nA",
			[]got{{DisableNextLine, []string{"works-cited-heading--x"}, "", "<!-- citelint-disable-next-line works-cited-heading--x -->", "A"}}},
		{"multi-line comment, reason spread over lines",
			"<!-- citelint-disable-next-line quote-uncited --\n  an epigraph\n  from my aunt -->\nNext\n",
			[]got{{DisableNextLine, []string{"quote-uncited"}, "an epigraph from my aunt", "<!-- citelint-disable-next-line quote-uncited --\n  an epigraph\n  from my aunt -->", "Next"}}},
		{"at the end of the file the next line is empty",
			"<!-- citelint-disable-next-line quote-uncited -->",
			[]got{{DisableNextLine, []string{"quote-uncited"}, "", "<!-- citelint-disable-next-line quote-uncited -->", ""}}},
		{"unknown keyword", "<!-- citelint-disable-nextline quote-uncited -->",
			[]got{{Unknown, []string{"quote-uncited"}, "", "<!-- citelint-disable-nextline quote-uncited -->", ""}}},
		{"not ours", "<!-- fixture: style=mla --><!-- see citelint-disable -->", nil},
		{"unterminated comment", "<!-- citelint-disable quote-uncited", nil},
		{"CRLF lines", "<!-- citelint-disable-next-line quote-long -->\r\nLong quote\r\nafter",
			[]got{{DisableNextLine, []string{"quote-long"}, "", "<!-- citelint-disable-next-line quote-long -->", "Long quote\r"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			assert.Equal(t, tc.want, summarise(src, ParseComments(src)))
		})
	}
}

func TestParseText(t *testing.T) {
	cases := []struct {
		name, src string
		want      []got
	}{
		{"none", "An essay.\n\n[1] A footnote.\n", nil},
		{"next line", "Intro.\n[citelint-disable-next-line quote-uncited -- a proverb]\n\"Quoted words here.\"\n",
			[]got{{DisableNextLine, []string{"quote-uncited"}, "a proverb", "[citelint-disable-next-line quote-uncited -- a proverb]", `"Quoted words here."`}}},
		{"indented, range", "  [citelint-disable entry-uncited]  \nA\n[citelint-enable]\n",
			[]got{
				{Disable, []string{"entry-uncited"}, "", "[citelint-disable entry-uncited]", ""},
				{Enable, nil, "", "[citelint-enable]", ""},
			}},
		{"must be the whole line", "See [citelint-disable quote-uncited] in the manual.\n", nil},
		{"brackets without the prefix", "[sic]\n[citelint]\n", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			assert.Equal(t, tc.want, summarise(src, ParseText(src)))
		})
	}
}

func TestDirectiveLines(t *testing.T) {
	src := []byte("A.\n[citelint-disable-next-line quote-uncited]\r\nB [citelint-disable x] c\n")
	out := DirectiveLines(src)
	assert.Equal(t, "A.\n"+spaces(len("[citelint-disable-next-line quote-uncited]"))+"\r\nB [citelint-disable x] c\n", string(out))
	assert.Equal(t, "A.\n[citelint-disable-next-line quote-uncited]\r\nB [citelint-disable x] c\n", string(src), "the input is not changed")
	plain := []byte("no directives")
	assert.Equal(t, &plain[0], &DirectiveLines(plain)[0], "no copy without directives")
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

func TestParseDocxComments(t *testing.T) {
	src := []byte("Title\n\nEpigraph line.\nMore.\nOther.")
	comments := []office.Comment{
		{ID: "0", Text: "citelint-disable quote-uncited -- epigraph", Paragraph: 3, EndParagraph: 4},
		{ID: "1", Text: "  citelint-disable-next-line quote-long", Paragraph: 5, EndParagraph: 5},
		{ID: "2", Text: "Nice point.", Paragraph: 3, EndParagraph: 3},
		{ID: "3", Text: "citelint-disable", Paragraph: 0},
		{ID: "4", Text: "citelint-disable quote-long", Paragraph: 9, EndParagraph: 9},
		{ID: "5", Text: "citelint-enable quote-long", Paragraph: 3, EndParagraph: 3},
	}
	assert.Equal(t, []got{
		{DisableAnchored, []string{"quote-uncited"}, "epigraph", "Epigraph line.", "Epigraph line.\nMore."},
		{DisableAnchored, []string{"quote-long"}, "", "Other.", "Other."},
	}, summarise(src, ParseDocxComments(comments, src)))
}

func TestParseByFormat(t *testing.T) {
	md := &lint.Document{Format: lint.FormatMarkdown, Src: []byte("<!-- citelint-disable -->")}
	assert.Len(t, Parse(md, md.Src), 1)
	txt := &lint.Document{Format: lint.FormatText, Src: []byte("[citelint-disable]")}
	assert.Len(t, Parse(txt, txt.Src), 1)
	pdf := &lint.Document{Format: lint.FormatPDF, Src: []byte("[citelint-disable]")}
	assert.Empty(t, Parse(pdf, pdf.Src), "no directives in pdf")
	docx := &lint.Document{Format: lint.FormatDocx, Src: []byte("x")}
	assert.Empty(t, Parse(docx, []byte("word/comments.xml but not a zip")), "a broken package has none")
}

// hasMarker must answer as bytes.Contains does.
func TestHasMarker(t *testing.T) {
	for _, s := range []string{"", "-", "citelint", "citelint-", "xcitelint-y", "citelin-t-", "a-b-c citelint-disable", "-citelint-", "citelint citelint -", "ccitelint--"} {
		assert.Equal(t, bytes.Contains([]byte(s), []byte(marker)), hasMarker([]byte(s)), "%q", s)
	}
}

func FuzzHasMarker(f *testing.F) {
	f.Add([]byte("see citelint-disable here"))
	f.Add([]byte("well-known"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := hasMarker(src), bytes.Contains(src, []byte(marker)); got != want {
			t.Fatalf("hasMarker(%q) = %v, want %v", src, got, want)
		}
	})
}
