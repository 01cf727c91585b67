package archive

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

const wxrHead = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>History 3614 Blog</title>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[asmith]]></wp:author_login><wp:author_email>a@example.edu</wp:author_email><wp:author_display_name><![CDATA[Ann Smith]]></wp:author_display_name></wp:author>
<wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[bjones]]></wp:author_login><wp:author_display_name><![CDATA[Ben Jones]]></wp:author_display_name></wp:author>
`

func itemXML(title, creator, slug, typ, status, content string) string {
	return `<item><title>` + title + `</title><link>https://blog.example/` + slug + `</link><dc:creator><![CDATA[` + creator + `]]></dc:creator>
<description></description><content:encoded><![CDATA[` + content + `]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>7</wp:post_id><wp:post_name><![CDATA[` + slug + `]]></wp:post_name><wp:status><![CDATA[` + status + `]]></wp:status><wp:post_type><![CDATA[` + typ + `]]></wp:post_type>
<category domain="category" nicename="essays"><![CDATA[Essays]]></category>
<wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_author><![CDATA[Prof]]></wp:comment_author><wp:comment_content><![CDATA[Where is your works cited?]]></wp:comment_content></wp:comment>
</item>
`
}

func TestWXR(t *testing.T) {
	export := wxrHead +
		itemXML("The Thaw &amp; Its Critics", "asmith", "the-thaw", "post", "publish", `<!-- wp:paragraph --><p>Block editor text (Freeze 412).</p><!-- /wp:paragraph -->`) +
		itemXML("Draft", "asmith", "draft-post", "post", "draft", "<p>Not done.</p>") +
		itemXML("About", "bjones", "about", "page", "publish", "<p>A page.</p>") +
		itemXML("Classic", "bjones", "classic-post", "post", "publish", "First paragraph,\nwrapped by hand.\n\nSecond paragraph “quoted” (Jones 3).\r\n\r\nWorks Cited") +
		itemXML("Guest", "guest", "", "post", "publish", "<p>Guest post.</p>") +
		`</channel></rss>`
	var got []Member
	require.NoError(t, WXR("export.xml", strings.NewReader(export), func(m Member) bool {
		got = append(got, m)
		return true
	}))
	require.Len(t, got, 3)
	assert.Equal(t, "export.xml:the-thaw", got[0].Name)
	assert.Equal(t, "Ann Smith", got[0].Student)
	assert.Equal(t, lint.FormatHTML, got[0].Format)
	page, err := got[0].Open()
	require.NoError(t, err)
	assert.Contains(t, string(page), "<h1>The Thaw &amp; Its Critics</h1>")
	assert.Contains(t, string(page), "<p>Block editor text (Freeze 412).</p>")
	assert.NotContains(t, string(page), "Where is your works cited?", "comments are not the essay")

	assert.Equal(t, "export.xml:classic-post", got[1].Name)
	assert.Equal(t, "Ben Jones", got[1].Student)
	page, err = got[1].Open()
	require.NoError(t, err)
	assert.Contains(t, string(page), "<p>First paragraph,<br>\nwrapped by hand.</p>\n<p>Second paragraph “quoted” (Jones 3).</p>\n<p>Works Cited</p>")

	// An author missing from the list is named by login; a post with no
	// slug by its id.
	assert.Equal(t, "guest", got[2].Student)
	assert.Equal(t, "export.xml:7", got[2].Name)
}

func TestWXRNotAnExport(t *testing.T) {
	err := WXR("data.xml", strings.NewReader(`<?xml version="1.0"?><catalog><book/></catalog>`), func(Member) bool { return true })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "data.xml: not a WordPress export")
	err = WXR("data.xml", strings.NewReader(``), func(Member) bool { return true })
	require.Error(t, err)
	assert.True(t, IsWXR([]byte(wxrHead)))
	assert.False(t, IsWXR([]byte(`<?xml version="1.0"?><rss version="2.0"><channel>`)))
}

func TestAutop(t *testing.T) {
	assert.Equal(t, "<p>One</p>\n<p>Two<br>\nlines</p>\n", Autop("One\n\n\nTwo\nlines\n"))
	assert.Equal(t, "<div>marked up</div>", Autop("<div>marked up</div>"))
	assert.Equal(t, "  ", Autop("  "), "blank content is left as it is")
}
