package read

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/citelint/citelint/lint"
)

func TestHTML(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		blocks []string
		marks  []string
	}{
		{"empty", "", nil, nil},
		{"no markup", "just some text", []string{"p:just some text"}, nil},
		{"paragraphs and headings",
			"<h1>Title</h1><p>One.</p><h3>Part</h3><p>Two\n   lines.</p>",
			[]string{"h1:Title", "p:One.", "h3:Part", "p:Two lines."}, nil},
		{"implied ends",
			"<p>First<p>Second<ul><li>a<li>b</ul><p>Third",
			[]string{"p:First", "p:Second", "li1:a", "li1:b", "p:Third"}, nil},
		{"lists numbered per list",
			"<ol><li>one</li><li>two<ul><li>inner</li></ul></li></ol><ul><li><p>para item</p></li></ul>",
			[]string{"li1:one", "li1:two", "li2:inner", "li3:para item"}, nil},
		{"blockquote",
			"<p>Before</p><blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote><blockquote>Loose quote</blockquote>",
			[]string{"p:Before", "q:Quoted one.", "q:Quoted two.", "q:Loose quote"}, nil},
		{"captions",
			"<figure><img src=a.jpg alt=\"Alt text\"><figcaption>A river in spring</figcaption></figure><div class=\"wp-caption\"><img src=b.jpg><p class=\"wp-caption-text\">Photo: the dam</p></div>",
			[]string{"cap:A river in spring", "cap:Photo: the dam"}, nil},
		{"classic editor div with br",
			"<div>First paragraph line one<br>line two<br><br>\nSecond paragraph<br />\n<br/>Third</div>",
			[]string{"p:First paragraph line one\nline two", "p:Second paragraph", "p:Third"}, nil},
		{"bold heading and entries as br lines",
			"<div><strong>Works Cited</strong><br />\nMarsh, Ellen. <em>Ice Roads</em>. North Press, 2004.<br />\nhttp://example.org/roads<br />\nPark, Dana. <a href=\"http://example.org/p\">Rivers</a>. 2011.</div>",
			[]string{"p*:Works Cited", "p:Marsh, Ellen. Ice Roads. North Press, 2004.\nhttp://example.org/roads", "p:Park, Dana. Rivers. 2011."},
			[]string{"link:Rivers -> http://example.org/p", "i:Ice Roads"}},
		{"br lines of prose stay together",
			"<p>He wrote: &#8220;the road froze.&#8221;<br>\nThat is from Marsh (14).<br>However, it thawed.</p>",
			[]string{"p:He wrote: “the road froze.”\nThat is from Marsh (14).\nHowever, it thawed."}, nil},
		{"loose text around blocks",
			"<div>Loose before<p>Inside</p>loose after</div><td>cell text</td>",
			[]string{"p:Loose before", "p:Inside", "p:loose after", "p:cell text"}, nil},
		{"pre keeps spaces", "<pre>a  b\r\n  c</pre>", []string{"p:a  b\n  c"}, nil},
		{"strong block",
			"<p><strong>Work Cited:</strong></p><p><b>Bold</b> and not</p><p> <strong>Sources</strong> </p><p><span style=\"font-weight: 700\">Styled</span></p>",
			[]string{"p*:Work Cited:", "p:Bold and not", "p*:Sources", "p*:Styled"}, nil},
		{"links",
			"<p>See <a href=\"https://example.org/a?x=1&amp;y=2\">the <b>page</b></a>, <a href=\"#top\">top</a>, <a href=\"javascript:void(0)\">js</a>, <a>bare</a>.</p>",
			[]string{"p:See the page, top, js, bare."}, []string{"link:the page -> https://example.org/a?x=1&y=2"}},
		{"italics",
			"<p><em>The Thaw</em>, <i>Pravda</i> and <cite>Izvestia</cite>.</p>",
			[]string{"p:The Thaw, Pravda and Izvestia."}, []string{"i:The Thaw", "i:Pravda", "i:Izvestia"}},
		{"entities",
			"<p>&#8220;Il&#8217;ia&#8221; &amp; caf&eacute;&nbsp;&nbsp;x &copy 2024 &bogus; a&nbsp;b</p>",
			[]string{"p:“Il’ia” & café x © 2024 &bogus; a b"}, nil},
		{"script and style never text",
			"<p>Visible<script>var x = '<p>hidden</p>';</script><style>p{}</style> text</p><noscript>no</noscript>",
			[]string{"p:Visible text"}, nil},
		{"hidden elements",
			"<p>Shown</p><p style=\"DISPLAY: none\">Gone</p><div hidden>Gone too</div><span class=\"screen-reader-text\">Skip</span>",
			[]string{"p:Shown"}, nil},
		{"footnotes",
			"<p>The river froze.<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup> It thawed.<sup>2</sup></p>" +
				"<div class=\"footnotes\"><ol><li id=\"fn1\"><p>Park, Dana. <em>Rivers</em>. <a href=\"#fnref1\">↩</a></p></li><li>Second note.</li></ol></div>",
			[]string{"p:The river froze.1 It thawed.2", "li1:Park, Dana. Rivers.", "li1:Second note."},
			[]string{"i:Rivers", "ref 1:1", "ref 2:2", "note 1:Park, Dana. Rivers.", "note 2:Second note."}},
		{"word footnotes",
			"<p>Text<a href=\"#_ftn1\" name=\"_ftnref1\">[1]</a>.</p><div id=\"ftn1\"><p><a href=\"#_ftnref1\" name=\"_ftn1\">[1]</a> Note body.</p></div>",
			[]string{"p:Text[1].", "p:Note body."},
			[]string{"ref 1:[1]", "note 1:Note body."}},
		{"sup that is not a note", "<p>E = mc<sup>two</sup></p>", []string{"p:E = mctwo"}, nil},
		{"unclosed and stray tags",
			"<div><p>One <b>bold <i>both</b> after</i></span></div></div><p>Two",
			[]string{"p:One bold both after", "p:Two"}, []string{"i:both"}},
		{"truncated tag", "<p>Text</p><p class=\"x", []string{"p:Text"}, nil},
		{"no body tag", "<html><head><title>T</title><meta charset=utf-8><p>Body text", []string{"p:Body text"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := HTML("essay.html", []byte(tt.src))
			require.NoError(t, err)
			checkDoc(t, doc)
			assert.Equal(t, tt.blocks, describe(doc))
			assert.Equal(t, tt.marks, marks(doc))
		})
	}
}

func TestHTMLMainContent(t *testing.T) {
	page := func(body string) string {
		return "<!DOCTYPE html><html><head><title>Site title</title><style>body{}</style></head><body>" + body + "</body></html>"
	}
	chrome := "<header><h1>Site Name</h1><nav><a href=\"/\">Home</a></nav></header>"
	aside := "<aside><h3>Recent</h3><p>Other post</p></aside><footer>Powered by a blog</footer>"
	comments := "<div id=\"comments\" class=\"comments-area\"><h2>3 thoughts on &ldquo;Post&rdquo;</h2><ol class=\"commentlist\"><li class=\"comment\"><article class=\"comment\"><p>Nice essay!</p></article></li></ol>" +
		"<div id=\"respond\"><h3>Leave a Reply</h3><form><p>Comment</p></form></div></div>"
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"entry content",
			chrome + "<article><header class=\"entry-header\"><h1 class=\"entry-title\">Post</h1><div class=\"entry-meta\">Posted on May 1</div></header>" +
				"<div class=\"entry-content\"><p>Essay body.</p><div class=\"sharedaddy sd-sharing-enabled\"><h3>Share this:</h3><a href=\"https://twitter.com/share\">Twitter</a></div>" +
				"<div class=\"printfriendly pf-button\"><a href=\"#\">Print Friendly, PDF &amp; Email</a></div><div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3>Related</h3><p>Another</p></div></div>" +
				"<footer class=\"entry-footer\">Posted in Essays</footer></article>" + comments + aside,
			[]string{"p:Essay body."}},
		{"article with its title",
			chrome + "<article class=\"comment\"><p>A comment first</p></article><article><h2>Post Title</h2><p class=\"entry-meta\">By me</p><p>Essay body.</p><nav class=\"post-navigation\">Next post</nav></article>" + comments + aside,
			[]string{"h2:Post Title", "p:Essay body."}},
		{"main",
			chrome + "<main><h1>Page Title</h1><p>Essay body.</p><div class=\"wp-block-buttons\"><a href=\"https://www.facebook.com/sharer.php?u=x\">Facebook</a></div><div class=\"wp-block-buttons\"><a href=\"https://example.org/source\">Read the source</a></div></main>" + aside,
			[]string{"h1:Page Title", "p:Essay body.", "p:Read the source"}},
		{"body without chrome",
			chrome + "<div class=\"content\"><h2>Essay</h2><p>Essay body.</p></div>" + comments + aside + "<script>track()</script>",
			[]string{"h2:Essay", "p:Essay body."}},
		{"share widgets by class",
			"<div class=\"entry-content\"><p>Body.</p><div class=\"addtoany_share_save_container\">Share</div><ul class=\"social-share\"><li>Tweet</li></ul></div>",
			[]string{"p:Body."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := HTML("post.html", []byte(page(tt.body)))
			require.NoError(t, err)
			checkDoc(t, doc)
			assert.Equal(t, tt.want, describe(doc))
			assert.NotContains(t, doc.Text, "Nice essay")
			assert.NotContains(t, doc.Text, "Site title")
		})
	}
}

func TestHTMLOffsets(t *testing.T) {
	src := "<p class=\"x\">The  &#8220;Thaw&#8221;\n  began <em>in</em> 1953.<br>\nNext&nbsp;line.</p>"
	doc, err := HTML("essay.html", []byte(src))
	require.NoError(t, err)
	checkDoc(t, doc)
	assert.Equal(t, []string{"p:The “Thaw” began in 1953.\nNext line."}, describe(doc))
	for text, source := range map[string]string{
		"The":                 "The",
		"The “Thaw”":          "The  &#8220;Thaw&#8221;", // the collapsed run maps to both spaces
		"“":                   "&#8220;",
		"Thaw":                "Thaw",
		"Thaw” began":         "Thaw&#8221;\n  began",
		"began in 1953.":      "began <em>in</em> 1953.",
		"1953.\nNext":         "1953.<br>\nNext",
		"Next line.":          "Next&nbsp;line.",
		"The “Thaw” began in": "The  &#8220;Thaw&#8221;\n  began <em>in",
	} {
		assert.Equal(t, source, sourceOf(doc, textRange(t, doc, text)), text)
	}
}

func TestHTMLWindows1252(t *testing.T) {
	src := []byte("<p>Il\x92ia wrote \x93The Thaw\x94 &amp; more.</p>")
	doc, err := HTML("old.html", src)
	require.NoError(t, err)
	checkDoc(t, doc)
	assert.Equal(t, []string{"p:Il’ia wrote “The Thaw” & more."}, describe(doc))
	assert.Equal(t, "\x93The Thaw\x94", sourceOf(doc, textRange(t, doc, "“The Thaw”")))
}

func TestHTMLDeepNesting(t *testing.T) {
	src := strings.Repeat("<div><span>", 5000) + "deep text" + strings.Repeat("</span></div>", 5000)
	doc, err := HTML("deep.html", []byte(src))
	require.NoError(t, err)
	checkDoc(t, doc)
	assert.Equal(t, []string{"p:deep text"}, describe(doc))
}

// TestTagNameMatchesTokenizer holds tagName, which reads a tag's name from
// its raw bytes, to the tokenizer's TagName on the same token stream, and
// its "may have attributes" to what TagAttr then gives.
func TestTagNameMatchesTokenizer(t *testing.T) {
	pages := []string{
		"<P CLASS=x>a</P><Br/><br /><IMG SRC=a.png ALT='b'><a\thref=x>l</a\t><x-y data-a=1>t</X-Y>",
		"<p\n>a</p\n><div\fid=c></div ><foo/bar>x</foo/bar><p/><p >q</p>",
		"<scr\x00ipt>n</scr\x00ipt><\x00p>z<ÄBC>é</äbc><a =b c>x</a><br/ ><h1/>",
		"<table><TR><TD>1<td>2</table></br><p", "<!-- c --><!DOCTYPE html><?x?></ p>< p>",
	}
	for _, path := range []string{"../../testdata/essays", "../../examples"} {
		files, _ := filepath.Glob(filepath.Join(path, "*.html"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			pages = append(pages, string(b))
		}
	}
	tags := 0
	for _, page := range pages {
		tags += checkTagNames(t, []byte(page))
	}
	assert.Greater(t, tags, 200, "tags compared")
}

// checkTextSkip holds the tree built with runs of text fed to the
// tokenizer as one byte each to the tree built from the page as it is:
// the same nodes, attributes and spans.
func checkTextSkip(t *testing.T, page []byte) {
	t.Helper()
	got, want := buildHTMLTree(page, true), buildHTMLTree(page, false)
	var compare func(g, w *xhtml.Node)
	compare = func(g, w *xhtml.Node) {
		require.Equal(t, w.Type, g.Type, "%q", page)
		require.Equal(t, w.Data, g.Data, "%q", page)
		require.Equal(t, w.DataAtom, g.DataAtom, "%q", page)
		require.Equal(t, w.Attr, g.Attr, "%q", page)
		require.Equal(t, want.span(w), got.span(g), "span of a %v node %q in %q", w.Type, w.Data, page)
		gc, wc := g.FirstChild, w.FirstChild
		for ; gc != nil && wc != nil; gc, wc = gc.NextSibling, wc.NextSibling {
			compare(gc, wc)
		}
		require.True(t, gc == nil && wc == nil, "children of %q in %q", w.Data, page)
	}
	compare(got.root, want.root)
	require.Len(t, got.spans, len(want.spans), "%q", page)
	checkTreeSpans(t, page)
}

// checkTreeSpans holds htmlTree.span, which looks for a node from the last
// one found on, to a map of the nodes to their spans (what the tree kept
// before), whatever the order nodes are asked for in: the tree's text
// nodes and <br>s, in document order, are the nodes it has spans for.
func checkTreeSpans(t *testing.T, page []byte) {
	t.Helper()
	var order []*xhtml.Node
	var visit func(n *xhtml.Node)
	visit = func(n *xhtml.Node) {
		order = append(order, n)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	tree := buildHTMLTree(page, true)
	visit(tree.root)
	var spanned []*xhtml.Node
	for _, n := range order {
		if n.Type == xhtml.TextNode || n.Type == xhtml.ElementNode && n.DataAtom == atom.Br {
			spanned = append(spanned, n)
		}
	}
	require.True(t, slices.Equal(spanned, tree.nodes), "nodes with spans in %q", page)
	want := map[*xhtml.Node]lint.Span{}
	for k, n := range tree.nodes {
		want[n] = tree.spans[k]
	}
	// Every node in document order, every other one, and every one in
	// reverse, each of a fresh tree.
	asks := [][]*xhtml.Node{order, {}, slices.Clone(order)}
	for k, n := range order {
		if k%2 == 0 {
			asks[1] = append(asks[1], n)
		}
	}
	slices.Reverse(asks[2])
	for _, ask := range asks {
		tree := buildHTMLTree(page, true)
		byIndex := map[*xhtml.Node]*xhtml.Node{}
		var fresh []*xhtml.Node
		visit = func(n *xhtml.Node) {
			fresh = append(fresh, n)
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
		}
		visit(tree.root)
		for k, n := range order {
			byIndex[n] = fresh[k]
		}
		for _, n := range ask {
			require.Equal(t, want[n], tree.span(byIndex[n]), "span of a %v node %q in %q", n.Type, n.Data, page)
		}
	}
}

func TestHTMLTextSkipSameTree(t *testing.T) {
	pages := []string{
		"", "x", "xy", "<", "a<", "a < b <3 <<p>q", "text<p>para</p>tail", "a</p>b</>c</ x>d<!x>e<?y>f",
		"<p>a &amp; b</p>\n<p>\n</p><br>x<br/>yy</br>zz",
		"<title>a<b>c</title>d<script>x<p>y</script>e<style>s</style>f<textarea>t<p></textarea>g",
		"<SCRIPT>x</SCRIPT>y<script/>z</script>w<xmp><p></xmp>v<iframe>i</iframe>u<noscript>n</noscript>q",
		"<plaintext>all <p>of</p> it", "<!-- c <p> -->text<!DOCTYPE html>more<![CDATA[x]]>y",
		"<a title='x>y'>link</a>after<p class=\"a>b\">t</p><p a=/>b",
		"<p>unclosed <a href=x", "<p>text then <", "<p>text then </", "a\x00b<p>c\x00d", "<\x00p>x<scr\x00ipt>y</scr\x00ipt>z",
		"<P>Up</P><H1>h</H1><p1>x</p1><a1b>y</A1B><p >z</p ><p/>w<Br>v</BR>u<TEXTAREA>t<p></TEXTAREA>s<Title>a<b></tITLE>r",
		"<plaintext>", "<xmp>", "<p>", "</p>", "<p", "</p", "<1>x</1>", "<p>a</p>\n<p>b</p>\r\n", "<em>x</em><b>y</b>",
		string(generateEssay(lint.FormatHTML, 5000)),
	}
	for _, b := range fixtureFiles(t, ".html", ".htm") {
		pages = append(pages, string(b))
	}
	for _, page := range pages {
		checkTextSkip(t, []byte(page))
	}
}

func FuzzHTMLTextSkip(f *testing.F) {
	fuzzBytes(f, checkTextSkip,
		"<p>One<p>Two<ul><li>a<li>b</ul><div>loose<br><br>more</div>",
		"<title>t</title><script>a<b</script>x < y<!--c-->z</ p><a title='>'>q</a>",
		"<P>Up</P><H1>h</H1><p1>x</p1></BR><STYLE>s</STYLE><p>a</p>\n<p>b")
}

// checkTagNames holds tagName to the tokenizer's TagName on every tag of
// page, and returns how many it compared.
func checkTagNames(t *testing.T, page []byte) int {
	t.Helper()
	tags := 0
	z1 := xhtml.NewTokenizer(bytes.NewReader(page))
	z2 := xhtml.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z1.Next()
		z2.Next()
		if tt == xhtml.ErrorToken {
			return tags
		}
		if tt != xhtml.StartTagToken && tt != xhtml.EndTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		tags++
		raw := string(z1.Raw())
		got, may := tagName(z1, []byte(raw), nil)
		want, has := z2.TagName()
		if string(got) != string(want) {
			t.Fatalf("tagName(%q) = %q, want %q", raw, got, want)
		}
		if has && !may {
			t.Fatalf("tagName(%q) says no attributes", raw)
		}
		if may && !has && tt != xhtml.EndTagToken {
			if k, v, _ := z1.TagAttr(); k != nil || v != nil {
				t.Fatalf("tagName(%q): TagAttr gives %q=%q", raw, k, v)
			}
		}
	}
}

func FuzzTagName(f *testing.F) {
	fuzzBytes(f, func(t *testing.T, page []byte) { checkTagNames(t, page) },
		"<P CLASS=x>a</P><Br/><br /><IMG SRC=a.png ALT='b'><a\thref=x>l</a\t><x-y data-a=1>t</X-Y>",
		"<p\n>a</p\n><div\fid=c></div ><foo/bar>x</foo/bar><p/><p >q</p>",
		"<scr\x00ipt>n</scr\x00ipt><\x00p>z<ÄBC>é</äbc><a =b c>x</a><br/ ><h1/>")
}
