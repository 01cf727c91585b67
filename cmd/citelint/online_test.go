package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/rules"
)

// countingServer stands in on 127.0.0.1 for doi.org, Crossref, Open
// Library and a cited site, and counts the connections and requests it
// gets.
type countingServer struct {
	*httptest.Server
	conns, reqs atomic.Int64
}

func newCountingServer(t *testing.T) *countingServer {
	t.Helper()
	s := &countingServer{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.reqs.Add(1)
		switch r.URL.Path {
		case "/doi/10.5555/tide.2017.3":
			w.Header().Set("Content-Type", "application/vnd.citationstyles.csl+json")
			_, _ = fmt.Fprint(w, `{"title":"Tide Mills of the Coast","author":[{"family":"Moreau","given":"Anne"}],"issued":{"date-parts":[[2017]]}}`)
		case "/ol/api/books":
			_, _ = fmt.Fprint(w, `{}`)
		case "/site/mills":
			w.Header().Set("Content-Type", "text/html")
			_, _ = fmt.Fprint(w, "<html><body><article><p>Tide mills stored the sea behind a dam and let it out through the wheel as the tide fell.</p></article></body></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

// onlineEssay writes an essay citing a DOI, an ISBN and a page of srv,
// with a configuration that points every endpoint and the cache at the
// test's own server and folder.
func onlineEssay(t *testing.T, srv *countingServer, extra string) (dir, essay string) {
	t.Helper()
	cache := filepath.Join(t.TempDir(), "cache")
	dir = essays(t, map[string]string{
		".citelint.yml": fmt.Sprintf("version: 1\n%snetwork:\n  cache: %s\n  mailto: teacher@example.edu\n  endpoints: {doi: %q, crossref: %q, openlibrary: %q}\n",
			extra, cache, srv.URL+"/doi/", srv.URL+"/crossref/", srv.URL+"/ol/"),
		"essay.md": "# Mills\n\nMoreau writes that \"the sea was the miller's reservoir\" (Moreau 4), and the [mill page](" + srv.URL + "/site/mills) agrees (Lowe 2).\n\n" +
			"## Works Cited\n\nLowe, Tom. \"Mills.\" *Mill Notes*, 2020, " + srv.URL + "/site/mills.\n\n" +
			"Moreau, Anne. \"Tide Mills of the Coast.\" *Coastal Works*, vol. 2, 2017, pp. 1-9, doi:10.5555/tide.2017.3.\n\n" +
			"Nash, Ben. *Wheels*. Mill Press, 2001. ISBN 978-0-306-40615-7.\n",
	})
	return dir, filepath.Join(dir, "essay.md")
}

func withRealRules(e *env) { e.rules = rules.All }

// withPreCommit runs the command line as a pre-commit hook would.
func withPreCommit(e *env) {
	e.getenv = func(k string) string {
		if k == "PRE_COMMIT" {
			return "1"
		}
		return ""
	}
}

// TestOfflineOpensNoConnection: a full `citelint lint` without --online
// opens no connection, though the essay cites addresses, a DOI and an
// ISBN of a live server and the configuration names it; PRE_COMMIT=1
// keeps --online off too. The same essay with --online does connect, so
// the count means something.
func TestOfflineOpensNoConnection(t *testing.T) {
	srv := newCountingServer(t)
	_, essay := onlineEssay(t, srv, "")
	res := citelint(t, []string{"lint", "--format", "json", essay}, withRealRules)
	require.Empty(t, res.stderr)
	res = citelint(t, []string{"lint", "--online", essay}, withRealRules, withPreCommit)
	assert.Contains(t, res.stderr, "--online is ignored under PRE_COMMIT=1")
	assert.Zero(t, srv.conns.Load(), "connections opened offline")

	res = citelint(t, []string{"lint", "--online", essay}, withRealRules)
	assert.Empty(t, res.stderr)
	assert.Positive(t, srv.conns.Load(), "--online made no connection: the test proves nothing")
}

// TestOnlineFromConfig: `online: true` turns the checks on, --online=false
// off again; a second run is served from the cache folder and sends no
// request.
func TestOnlineFromConfig(t *testing.T) {
	srv := newCountingServer(t)
	_, essay := onlineEssay(t, srv, "online: true\n")
	res := citelint(t, []string{"lint", "--online=false", essay}, withRealRules)
	require.Empty(t, res.stderr)
	require.Zero(t, srv.reqs.Load(), "--online=false wins over the configuration")

	res = citelint(t, []string{"lint", "--format", "json", essay}, withRealRules)
	assert.Equal(t, exitOK, res.code, res.stdout)
	cold := srv.reqs.Load()
	require.Positive(t, cold, "online: true made no request")

	res = citelint(t, []string{"lint", "--format", "json", essay}, withRealRules)
	assert.Equal(t, exitOK, res.code, res.stdout)
	assert.Equal(t, cold, srv.reqs.Load(), "the warm run sent requests")
}
