package read

import (
	"fmt"
	"html"
	"testing"
)

// TestUnescapeRefMatchesHTML holds the fast paths of unescapeRef to
// html.UnescapeString.
func TestUnescapeRefMatchesHTML(t *testing.T) {
	refs := []string{"&amp;", "&amp", "&ampx", "&nbsp;", "&rsquo;", "&rsquo", "&bogus;", "&#;", "&#x;", "&#65", "&#x41;", "&#X41;", "&#0;",
		"&#128;", "&#x9F;", "&#xD800;", "&#1114111;", "&#1114112;", "&#x110000;", "&#0000008220;", "&#8220;", "&#x201c;", "&#x201C;",
		"&#12g;", "&#xg1;", "&eacute;", "&Eacute;", "&#160;", "&#xa0;", "&#9999999;", "&", "&;", "&#"}
	for r := range 0x2100 {
		refs = append(refs, fmt.Sprintf("&#%d;", r), fmt.Sprintf("&#x%X;", r))
	}
	for _, ref := range refs {
		if got, want := unescapeRef([]byte(ref)), html.UnescapeString(ref); got != want {
			t.Errorf("unescapeRef(%q) = %q, want %q", ref, got, want)
		}
	}
}
