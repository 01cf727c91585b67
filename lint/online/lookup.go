package online

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// Endpoints are the base addresses of the registries, each ending in "/".
type Endpoints struct {
	DOI, Crossref, OpenLibrary string
}

// cslJSON is the Accept header of DOI content negotiation.
const cslJSON = "application/vnd.citationstyles.csl+json"

// pageAccept is the Accept header of a cited page fetched as a source.
const pageAccept = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"

// escapeDOI writes a DOI as a URL path, keeping its slashes.
func escapeDOI(doi string) string {
	return strings.ReplaceAll(url.PathEscape(doi), "%2F", "/")
}

// LookupDOI asks doi.org (content negotiation for CSL JSON) what doi
// names, with Crossref's works API as the fallback when doi.org gives no
// record. A 404 from doi.org itself means the DOI is not registered. A DOI
// that doi.org resolves but Crossref does not know belongs to another
// agency (DataCite, mEDRA): registered, not invalid.
func (c *Client) LookupDOI(ctx context.Context, ep Endpoints, doi string) lint.IDLookup {
	out := lint.IDLookup{ID: doi}
	resp, err := c.Get(ctx, ep.DOI+escapeDOI(doi), cslJSON)
	registered := false
	switch {
	case err != nil:
		out.Err = err
	case resp.Status == http.StatusNotFound && strings.HasPrefix(resp.URL, ep.DOI):
		out.State = lint.LookupNotFound
		return out
	case resp.Status >= 200 && resp.Status < 300:
		if rec, ok := parseCSL(resp.Body); ok {
			rec.Registry = "doi.org"
			out.State, out.Record = lint.LookupFound, rec
			return out
		}
		registered = true
	case resp.Status == http.StatusTooManyRequests || resp.Status >= 500:
		out.Err = fmt.Errorf("doi.org answered %s", statusText(resp.Status))
	default:
		// doi.org sent us on (to a landing page that refused us, or
		// answered 406): the DOI exists.
		registered = !strings.HasPrefix(resp.URL, ep.DOI)
		if !registered {
			out.Err = fmt.Errorf("doi.org answered %s", statusText(resp.Status))
		}
	}
	cr, err := c.Get(ctx, ep.Crossref+"works/"+escapeDOI(doi), "application/json")
	if err == nil && cr.Status == http.StatusOK {
		if rec, ok := parseCrossref(cr.Body); ok {
			rec.Registry = "Crossref"
			return lint.IDLookup{ID: doi, State: lint.LookupFound, Record: rec}
		}
	}
	if registered {
		return lint.IDLookup{ID: doi, State: lint.LookupRegistered}
	}
	if out.Err == nil {
		out.Err = errors.New("no answer from doi.org")
	}
	return out
}

// LookupISBN asks Open Library what isbn names. Open Library does not
// hold every book, so a book it does not know is LookupNotFound but says
// nothing against the entry.
func (c *Client) LookupISBN(ctx context.Context, ep Endpoints, isbn string) lint.IDLookup {
	out := lint.IDLookup{ID: isbn}
	key := "ISBN:" + isbn
	resp, err := c.Get(ctx, ep.OpenLibrary+"api/books?bibkeys="+url.QueryEscape(key)+"&format=json&jscmd=data", "application/json")
	switch {
	case err != nil:
		out.Err = err
		return out
	case resp.Status == http.StatusNotFound:
		out.State = lint.LookupNotFound
		return out
	case resp.Status != http.StatusOK:
		out.Err = fmt.Errorf("the Open Library answered %s", statusText(resp.Status))
		return out
	}
	rec, found, err := parseOpenLibrary(resp.Body, key)
	switch {
	case err != nil:
		out.Err = fmt.Errorf("reading the Open Library answer: %w", err)
	case !found:
		out.State = lint.LookupNotFound
	default:
		rec.Registry = "Open Library"
		out.State, out.Record = lint.LookupFound, rec
	}
	return out
}

// CheckLink fetches a cited address: HEAD first, then GET when the server
// refuses HEAD (405, 501); with page set, GET at once, since the page's
// text is wanted. It returns the check and, for a GET that answered, the
// answer.
func (c *Client) CheckLink(ctx context.Context, raw string, page bool) (lint.LinkCheck, *Response) {
	lc := lint.LinkCheck{URL: raw, Citation: -1}
	addr := raw
	if !strings.Contains(addr, "://") {
		addr = "https://" + addr
	}
	var resp *Response
	var err error
	if !page {
		resp, err = c.Do(ctx, http.MethodHead, addr, "")
		if err == nil && (resp.Status == http.StatusMethodNotAllowed || resp.Status == http.StatusNotImplemented) {
			resp = nil
		}
	}
	if resp == nil && err == nil {
		resp, err = c.Get(ctx, addr, pageAccept)
	}
	switch {
	case err != nil && IsNoSuchHost(err):
		lc.State, lc.Reason = lint.LinkBroken, "its host does not exist"
	case err != nil && IsTimeout(err):
		lc.State, lc.Reason = lint.LinkUnchecked, "it timed out"
	case err != nil:
		lc.State, lc.Reason = lint.LinkUnchecked, shortError(err)
	default:
		lc.Status, lc.Final = resp.Status, resp.URL
		switch {
		case resp.Status == http.StatusNotFound || resp.Status == http.StatusGone:
			lc.State, lc.Reason = lint.LinkBroken, "it answers "+statusText(resp.Status)
		case resp.Status >= 200 && resp.Status < 300:
			lc.State = lint.LinkOK
		default:
			lc.State, lc.Reason = lint.LinkUnchecked, "it answers "+statusText(resp.Status)
		}
	}
	if err != nil {
		return lc, nil
	}
	return lc, resp
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return strconv.Itoa(code) + " " + t
	}
	return strconv.Itoa(code)
}

// shortError is the last part of a chain of wrapped errors: "connection
// refused" rather than the whole request.
func shortError(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		return s[i+2:]
	}
	return s
}

// cslName is an author in CSL JSON and in Crossref's works API.
type cslName struct {
	Family  string `json:"family"`
	Given   string `json:"given"`
	Literal string `json:"literal"`
	Name    string `json:"name"`
}

type cslDate struct {
	DateParts [][]json.Number `json:"date-parts"`
}

func (d *cslDate) year() string {
	if d == nil || len(d.DateParts) == 0 || len(d.DateParts[0]) == 0 {
		return ""
	}
	y := d.DateParts[0][0].String()
	if len(y) == 4 {
		return y
	}
	return ""
}

// cslItem is the part of a CSL JSON record the checks read. Crossref gives
// titles as arrays, doi.org's negotiation as strings: both are accepted.
type cslItem struct {
	Title           json.RawMessage `json:"title"`
	Subtitle        json.RawMessage `json:"subtitle"`
	Author          []cslName       `json:"author"`
	Editor          []cslName       `json:"editor"`
	Issued          *cslDate        `json:"issued"`
	PublishedPrint  *cslDate        `json:"published-print"`
	PublishedOnline *cslDate        `json:"published-online"`
}

// stringOrFirst reads a JSON string, or the first string of an array.
func stringOrFirst(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var ss []string
	if json.Unmarshal(raw, &ss) == nil && len(ss) > 0 {
		return strings.TrimSpace(ss[0])
	}
	return ""
}

func (it cslItem) record() (*lint.Record, bool) {
	title := stringOrFirst(it.Title)
	if title == "" {
		return nil, false
	}
	if sub := stringOrFirst(it.Subtitle); sub != "" && !strings.Contains(strings.ToLower(title), strings.ToLower(sub)) {
		title += ": " + sub
	}
	rec := &lint.Record{Title: title}
	people := it.Author
	if len(people) == 0 {
		people = it.Editor
	}
	for _, a := range people {
		switch {
		case a.Family != "":
			rec.Authors = append(rec.Authors, lint.Name{Family: a.Family, Given: a.Given})
		case a.Literal != "":
			rec.Authors = append(rec.Authors, lint.Name{Family: a.Literal, Group: true})
		case a.Name != "":
			rec.Authors = append(rec.Authors, lint.Name{Family: a.Name, Group: true})
		}
	}
	for _, d := range []*cslDate{it.Issued, it.PublishedPrint, it.PublishedOnline} {
		if y := d.year(); y != "" {
			rec.Year = y
			break
		}
	}
	return rec, true
}

// parseCSL reads doi.org's CSL JSON answer.
func parseCSL(body []byte) (*lint.Record, bool) {
	var it cslItem
	if json.Unmarshal(body, &it) != nil {
		return nil, false
	}
	return it.record()
}

// parseCrossref reads Crossref's works API answer: {"message": {…}}.
func parseCrossref(body []byte) (*lint.Record, bool) {
	var env struct {
		Message cslItem `json:"message"`
	}
	if json.Unmarshal(body, &env) != nil {
		return nil, false
	}
	return env.Message.record()
}

// parseOpenLibrary reads Open Library's books API answer, keyed by
// "ISBN:…". An empty object means the book is not known.
func parseOpenLibrary(body []byte, key string) (*lint.Record, bool, error) {
	var all map[string]struct {
		Title    string `json:"title"`
		Subtitle string `json:"subtitle"`
		Authors  []struct {
			Name string `json:"name"`
		} `json:"authors"`
		PublishDate string `json:"publish_date"`
	}
	if err := json.Unmarshal(body, &all); err != nil {
		return nil, false, err
	}
	b, ok := all[key]
	if !ok || strings.TrimSpace(b.Title) == "" {
		return nil, false, nil
	}
	rec := &lint.Record{Title: strings.TrimSpace(b.Title), Year: yearIn(b.PublishDate)}
	if b.Subtitle != "" {
		rec.Title += ": " + strings.TrimSpace(b.Subtitle)
	}
	for _, a := range b.Authors {
		if n, ok := splitName(a.Name); ok {
			rec.Authors = append(rec.Authors, n)
		}
	}
	return rec, true, nil
}

// yearIn finds a four-digit year in a date as a catalogue writes it
// ("March 3, 1999", "1999", "c1999").
func yearIn(s string) string {
	for i := 0; i+4 <= len(s); i++ {
		if allDigits(s[i:i+4]) && (i == 0 || s[i-1] < '0' || s[i-1] > '9') && (i+4 == len(s) || s[i+4] < '0' || s[i+4] > '9') {
			return s[i : i+4]
		}
	}
	return ""
}

// splitName turns a name in direct order ("Jane Q. Smith", "Ludwig van
// Beethoven") or inverted ("Smith, Jane") into a Name.
func splitName(s string) (lint.Name, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return lint.Name{}, false
	}
	if family, given, ok := strings.Cut(s, ","); ok {
		return lint.Name{Family: strings.TrimSpace(family), Given: strings.TrimSpace(given)}, true
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		return lint.Name{Family: words[0]}, true
	}
	last := len(words) - 1
	for i := 1; i < last; i++ {
		if names.IsParticle(words[i]) && words[i] == strings.ToLower(words[i]) {
			return lint.Name{Family: words[last], Particle: strings.Join(words[i:last], " "), Given: strings.Join(words[:i], " ")}, true
		}
	}
	return lint.Name{Family: words[last], Given: strings.Join(words[:last], " ")}, true
}
