package match

import (
	"net/url"
	"strings"
)

// trackingParams are query parameters that say how a reader arrived, not
// what they read.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"ref": true, "ref_src": true, "igshid": true, "_hsenc": true, "_hsmi": true, "share": true,
}

// NormalizeURL reduces a URL to what identifies the page: no scheme, no
// "www.", no trailing slash, no fragment, no tracking parameters, host in
// lower case. Two links to the same page normalise alike.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	raw = strings.TrimRight(raw, ".,;:)>]")
	raw = strings.TrimLeft(raw, "<(")
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return strings.ToLower(raw)
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	for _, idx := range []string{"/index.html", "/index.htm", "/index.php"} {
		path = strings.TrimSuffix(path, idx)
	}
	out := host + path
	if u.RawQuery == "" {
		// No parameters to drop or encode: most links in a works-cited
		// list, which spares parsing an empty query.
		return out
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") || trackingParams[strings.ToLower(k)] {
			q.Del(k)
		}
	}
	if enc := q.Encode(); enc != "" {
		out += "?" + enc
	}
	return out
}

// Host returns a URL's host without "www.", for messages.
func Host(raw string) string {
	n := NormalizeURL(raw)
	if i := strings.IndexAny(n, "/?"); i >= 0 {
		return n[:i]
	}
	return n
}
