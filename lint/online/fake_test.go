package online_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/citelint/citelint/lint/online"
)

// fake stands in, on 127.0.0.1, for doi.org (/doi/), Crossref
// (/crossref/), Open Library (/ol/) and the cited sites (/site/). It counts
// requests and connections.
type fake struct {
	srv   *httptest.Server
	reqs  atomic.Int64
	conns atomic.Int64

	mu   sync.Mutex
	hits map[string]int
	// busyAt is when /site/busy was first asked, to measure the wait.
	busyAt []time.Time
	// uas are the User-Agents seen.
	uas []string
}

const cslPrefix = "application/vnd.citationstyles.csl+json"

// csl writes a CSL JSON record.
func csl(title, family, given string, year int) string {
	return fmt.Sprintf(`{"type":"article-journal","title":%q,"author":[{"family":%q,"given":%q}],"issued":{"date-parts":[[%d,5,1]]}}`, title, family, given, year)
}

// sitePage is a cited page, written for the tests.
const sitePage = `<!doctype html><html><head><title>Landing Stages of the North Bank | River Notes</title></head>
<body><nav>Home | About | Archive</nav><article><h1>Landing Stages of the North Bank</h1>
<p>Before the bridges, the town lived by its ferries. Surveyors counted the old landing stages along the northern bank in the spring of 1911, noting which still held a ferry and which had rotted into the reeds.</p>
<p>Most of the landing stages were timber; two were stone, built by the salt merchants who needed a dry place for their sacks.</p></article>
<footer>River Notes, a journal of small waterways</footer></body></html>`

func newFake(t *testing.T) *fake {
	t.Helper()
	f := &fake{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/doi/", f.doi)
	mux.HandleFunc("/crossref/works/", f.crossref)
	mux.HandleFunc("/ol/api/books", f.openLibrary)
	mux.HandleFunc("/site/", f.site)
	mux.HandleFunc("/landing/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = fmt.Fprint(w, "<html><body><p>A data set landing page.</p></body></html>")
	})
	f.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.reqs.Add(1)
		f.mu.Lock()
		f.hits[r.Method+" "+r.URL.Path]++
		f.uas = append(f.uas, r.UserAgent())
		f.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	f.srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			f.conns.Add(1)
		}
	}
	f.srv.Start()
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) endpoints() online.Endpoints {
	return online.Endpoints{DOI: f.srv.URL + "/doi/", Crossref: f.srv.URL + "/crossref/", OpenLibrary: f.srv.URL + "/ol/"}
}

func (f *fake) hit(key string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits[key]
}

func (f *fake) doi(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Accept"), cslPrefix) {
		http.Error(w, "want CSL JSON", http.StatusNotAcceptable)
		return
	}
	doi := strings.TrimPrefix(r.URL.Path, "/doi/")
	w.Header().Set("Content-Type", cslPrefix)
	switch doi {
	case "10.5555/jct.2018.004":
		_, _ = fmt.Fprint(w, csl("Ice Fairs and Their Markets", "Okafor", "Chidi", 2018))
	case "10.5555/soil.2009.12":
		_, _ = fmt.Fprint(w, csl("Soil Chemistry of Upland Farms", "Whitcombe", "Harold", 2009))
	case "10.5555/ferry.2012.7":
		_, _ = fmt.Fprint(w, csl("Ferry Tolls on the Upper River", "Lindqvist", "Maja", 2012))
	case "10.5556/data.77":
		// A DataCite DOI whose agency the stand-in sends on to a landing
		// page; Crossref does not know it.
		http.Redirect(w, r, "/landing/data.77", http.StatusFound)
	case "10.5555/flaky.3":
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
	default:
		http.NotFound(w, r)
	}
}

func (f *fake) crossref(w http.ResponseWriter, r *http.Request) {
	doi := strings.TrimPrefix(r.URL.Path, "/crossref/works/")
	w.Header().Set("Content-Type", "application/json")
	switch doi {
	case "10.5555/flaky.3":
		_, _ = fmt.Fprint(w, `{"status":"ok","message":{"title":["Salt Barges of the Estuary"],"author":[{"family":"Achebe","given":"Ngozi"}],"issued":{"date-parts":[[2016]]}}}`)
	default:
		http.NotFound(w, r)
	}
}

func (f *fake) openLibrary(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("bibkeys")
	w.Header().Set("Content-Type", "application/json")
	switch key {
	case "ISBN:9780306406157":
		_, _ = fmt.Fprint(w, `{"ISBN:9780306406157":{"title":"Frozen Roads","subtitle":"Trade on Winter Rivers","authors":[{"name":"Jane Smith"}],"publish_date":"2011"}}`)
	case "ISBN:9781861972712":
		_, _ = fmt.Fprint(w, `{"ISBN:9781861972712":{"title":"A Field Guide to Mosses","authors":[{"name":"Petra Novak"}],"publish_date":"March 1999"}}`)
	default:
		_, _ = fmt.Fprint(w, `{}`)
	}
}

func (f *fake) site(w http.ResponseWriter, r *http.Request) {
	switch strings.TrimPrefix(r.URL.Path, "/site/") {
	case "landing-stages", "ledgers", "new-home":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = fmt.Fprint(w, sitePage)
	case "gone":
		http.NotFound(w, r)
	case "removed":
		http.Error(w, "gone", http.StatusGone)
	case "private":
		http.Error(w, "forbidden", http.StatusForbidden)
	case "moved":
		http.Redirect(w, r, "/site/new-home", http.StatusMovedPermanently)
	case "loop":
		http.Redirect(w, r, "/site/loop", http.StatusFound)
	case "nohead":
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = fmt.Fprint(w, "plain words")
	case "slow":
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
		_, _ = fmt.Fprint(w, "late")
	case "busy":
		f.mu.Lock()
		f.busyAt = append(f.busyAt, time.Now())
		first := len(f.busyAt) == 1
		f.mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		_, _ = fmt.Fprint(w, "ok now")
	case "down":
		http.Error(w, "down", http.StatusBadGateway)
	default:
		http.NotFound(w, r)
	}
}

// testOptions are quick limits for tests: a short time-out, short
// back-off, a generous rate.
func testOptions(cacheDir string) online.Options {
	return online.Options{
		Version:  "1.2.3",
		Mailto:   "teacher@example.edu",
		CacheDir: cacheDir,
		Timeout:  400 * time.Millisecond,
		Rate:     1000,
		Burst:    100,
		PerHost:  4,
		Retries:  1,
		Backoff:  10 * time.Millisecond,
		// A host that does not exist, without asking DNS.
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if strings.HasPrefix(addr, "nowhere.invalid:") {
				return nil, &net.DNSError{Err: "no such host", Name: "nowhere.invalid", IsNotFound: true}
			}
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	}
}

func newClient(t *testing.T, opts online.Options) *online.Client {
	t.Helper()
	c, err := online.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}
