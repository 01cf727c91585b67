package online

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/match"
)

// essayBudget bounds the network time of one essay, retries and waits
// included, so that one slow site never holds a batch up for long.
const essayBudget = 2 * time.Minute

// lookupsPerEssay is how many lookups of one essay run at once; each host
// still sees only its own rate limit and cap.
const lookupsPerEssay = 8

// minPageWords is the fewest words a fetched page needs to stand as a
// source.
const minPageWords = 40

// Checker is the engine's online stage: it looks up each entry's DOI,
// ISBN and address, and the body's links, and records what it found on the
// Essay (Online, Links; Sources for the entries a fetched page stands in
// for). It implements engine.Resolver.
type Checker struct {
	Client    *Client
	Endpoints Endpoints
}

// Resolve looks up what essay cites and records it.
func (k *Checker) Resolve(essay *lint.Essay) {
	ctx, cancel := context.WithTimeout(context.Background(), essayBudget)
	defer cancel()
	essay.Online = make([]lint.EntryOnline, len(essay.Entries))
	var pages []*Page
	pageOf := make([]int, 0)
	var mu sync.Mutex
	var wg sync.WaitGroup
	slots := make(chan struct{}, lookupsPerEssay)
	do := func(f func()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			f()
		}()
	}
	seen := map[string]bool{}
	for i := range essay.Entries {
		en := &essay.Entries[i]
		eo := &essay.Online[i]
		if doi := NormalizeDOI(en.DOI); doi != "" && ValidDOI(doi) {
			do(func() { l := k.Client.LookupDOI(ctx, k.Endpoints, doi); eo.DOI = &l })
		}
		if en.ISBN != "" && ValidISBN(en.ISBN) {
			isbn := ISBN13(en.ISBN)
			do(func() { l := k.Client.LookupISBN(ctx, k.Endpoints, isbn); eo.ISBN = &l })
		}
		addr := entryURL(*en)
		if addr == "" {
			continue
		}
		seen[match.NormalizeURL(addr)] = true
		wantPage := essay.SourceOf(i).Source == nil && essay.SourceOf(i).Err == nil
		do(func() {
			lc, resp := k.Client.CheckLink(ctx, addr, wantPage)
			eo.Link = &lc
			if !wantPage || resp == nil || lc.State != lint.LinkOK {
				return
			}
			page, err := ReadPage(addr, resp)
			if err != nil || page == nil || len(strings.Fields(page.content.Text)) < minPageWords {
				// A page that cannot be read as text is not a source, nor
				// is one with next to no text (a shell that a script
				// fills in): the link answered, which is all link-broken
				// asks, and its quotations stay unchecked.
				return
			}
			mu.Lock()
			pages = append(pages, page)
			pageOf = append(pageOf, i)
			mu.Unlock()
		})
	}
	links := make([]*lint.LinkCheck, 0)
	for ci, c := range essay.Citations {
		if c.URL == "" || !isWebAddress(c.URL) {
			continue
		}
		norm := match.NormalizeURL(c.URL)
		if seen[norm] {
			continue
		}
		seen[norm] = true
		lc := &lint.LinkCheck{}
		links = append(links, lc)
		do(func() {
			*lc, _ = k.Client.CheckLink(ctx, c.URL, false)
			lc.Citation = ci
		})
	}
	wg.Wait()
	for _, lc := range links {
		essay.Links = append(essay.Links, *lc)
	}
	if len(pages) == 0 {
		return
	}
	if essay.Sources == nil {
		essay.Sources = make([]lint.EntrySource, len(essay.Entries))
	}
	for j, p := range pages {
		essay.Sources[pageOf[j]].Source = p
	}
}

// entryURL is the address an entry cites, if it is a web page: a doi.org
// address is the entry's DOI, which the DOI lookup checks.
func entryURL(en lint.Entry) string {
	addr := en.URL
	if addr == "" && en.BareURL {
		addr = strings.TrimSpace(en.Text)
	}
	if addr == "" || !isWebAddress(addr) {
		return ""
	}
	if h := match.Host(addr); h == "doi.org" || h == "dx.doi.org" {
		return ""
	}
	return addr
}

// isWebAddress reports whether s is an http(s) address or a bare domain
// with a path, not a mailto: or a relative link.
func isWebAddress(s string) bool {
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		return true
	}
	if strings.Contains(lower, "://") || strings.HasPrefix(lower, "mailto:") || strings.HasPrefix(lower, "/") || strings.HasPrefix(lower, "#") {
		return false
	}
	host, _, _ := strings.Cut(lower, "/")
	return strings.Contains(host, ".") && !strings.ContainsAny(host, " @")
}
