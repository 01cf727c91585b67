package online_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/linttest"
	"github.com/citelint/citelint/lint/online"
	"github.com/citelint/citelint/rules"
)

// fixtureDir holds the online fixtures; http://SITE in them stands for
// the fake's address.
var fixtureDir = filepath.Join("..", "..", "testdata", "online")

// lintFixture lints one fixture with eng (its settings ignored: the
// fixtures use none) and returns the problems.
func lintFixture(t *testing.T, f *fake, name string, eng *engine.Engine) []linttest.Problem {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	if f != nil {
		src = []byte(strings.ReplaceAll(string(src), "http://SITE", f.srv.URL))
	}
	fx, err := linttest.Prepare(name, src)
	if err != nil {
		t.Fatal(err)
	}
	return linttest.Check(fx, eng)
}

func onlineEngine(f *fake, c *online.Client) *engine.Engine {
	return engine.New(engine.Options{Rules: rules.All(), Jobs: 1, Online: &online.Checker{Client: c, Endpoints: f.endpoints()}})
}

// TestOnlineFixtures runs each online fixture against the fake registries
// and sites: every finding wanted, nothing else.
func TestOnlineFixtures(t *testing.T) {
	f := newFake(t)
	c := newClient(t, testOptions(t.TempDir()))
	eng := onlineEngine(f, c)
	for _, name := range []string{"quiet-essay.md", "fire-doi.md", "fire-isbn.md", "fire-links.md", "fire-source.md", "fire-body-link.md"} {
		t.Run(name, func(t *testing.T) {
			for _, p := range lintFixture(t, f, name, eng) {
				t.Error(p)
			}
		})
	}
	// HEAD was refused, so GET answered; the slow page was tried twice.
	if f.hit("HEAD /site/nohead") != 0 && f.hit("GET /site/nohead") == 0 {
		t.Error("a refused HEAD was not followed by a GET")
	}
	if n := len(f.busyAt); n != 2 {
		t.Errorf("/site/busy asked %d times, want 2 (one retry after its 429)", n)
	}
}

// TestOfflineFixtures: without the online stage the identifiers are still
// checked for their shape, and nothing is fetched.
func TestOfflineFixtures(t *testing.T) {
	eng := engine.New(engine.Options{Rules: rules.All(), Jobs: 1})
	for _, name := range []string{"offline/fire-malformed.md", "offline/quiet-identifiers.md"} {
		t.Run(name, func(t *testing.T) {
			for _, p := range lintFixture(t, nil, name, eng) {
				t.Error(p)
			}
		})
	}
}

// TestWarmCache: a second run over the same essays, with a new client on
// the same cache folder, sends no request at all.
func TestWarmCache(t *testing.T) {
	f := newFake(t)
	dir := t.TempDir()
	names := []string{"quiet-essay.md", "fire-doi.md", "fire-isbn.md", "fire-source.md"}
	for run := range 2 {
		c := newClient(t, testOptions(dir))
		eng := onlineEngine(f, c)
		before := f.reqs.Load()
		for _, name := range names {
			for _, p := range lintFixture(t, f, name, eng) {
				t.Errorf("run %d: %v", run+1, p)
			}
		}
		sent := f.reqs.Load() - before
		switch {
		case run == 0 && sent == 0:
			t.Fatal("the cold run sent no request: the test proves nothing")
		case run == 1 && sent != 0:
			t.Errorf("the warm run sent %d requests, want 0", sent)
		}
		if run == 1 && c.Requests() != 0 {
			t.Errorf("the warm client counts %d requests, want 0", c.Requests())
		}
	}
}

// TestOfflineOpensNoConnection: an engine without the online stage lints
// essays full of addresses, DOIs and ISBNs of a live server and never
// connects to it.
func TestOfflineOpensNoConnection(t *testing.T) {
	f := newFake(t)
	eng := engine.New(engine.Options{Rules: rules.All(), Jobs: 2})
	for _, name := range []string{"quiet-essay.md", "fire-doi.md", "fire-isbn.md", "fire-links.md", "fire-source.md", "fire-body-link.md"} {
		src, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			t.Fatal(err)
		}
		src = []byte(strings.ReplaceAll(string(src), "http://SITE", f.srv.URL))
		fx, err := linttest.Prepare(name, src)
		if err != nil {
			t.Fatal(err)
		}
		res := eng.LintSource(name, fx.Src)
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		for _, d := range res.Diagnostics {
			if d.Rule == "link-broken" || strings.Contains(d.Message, "doi.org does not know") {
				t.Errorf("%s: offline finding that needs the network: %s", name, d.Message)
			}
		}
	}
	if n := f.conns.Load(); n != 0 {
		t.Errorf("%d connections opened offline", n)
	}
}

// TestLookups covers the registry answers one by one.
func TestLookups(t *testing.T) {
	f := newFake(t)
	c := newClient(t, testOptions(""))
	ctx := t.Context()
	ep := f.endpoints()
	for doi, want := range map[string]lint.LookupState{
		"10.5555/jct.2018.004": lint.LookupFound,
		"10.5556/data.77":      lint.LookupRegistered,
		"10.5555/invented.1":   lint.LookupNotFound,
		"10.5555/flaky.3":      lint.LookupFound,
	} {
		if got := c.LookupDOI(ctx, ep, doi); got.State != want {
			t.Errorf("LookupDOI(%s) = %+v, want state %v", doi, got, want)
		}
	}
	if got := c.LookupDOI(ctx, ep, "10.5555/flaky.3"); got.Record == nil || got.Record.Registry != "Crossref" || got.Record.Year != "2016" {
		t.Errorf("the Crossref fallback gave %+v", got.Record)
	}
	got := c.LookupISBN(ctx, ep, "9780306406157")
	if got.State != lint.LookupFound || got.Record.Title != "Frozen Roads: Trade on Winter Rivers" ||
		len(got.Record.Authors) != 1 || got.Record.Authors[0].Family != "Smith" || got.Record.Year != "2011" {
		t.Errorf("LookupISBN = %+v (%+v)", got, got.Record)
	}
	if got := c.LookupISBN(ctx, ep, "9780000000002"); got.State != lint.LookupNotFound {
		t.Errorf("an unknown ISBN gave %+v", got)
	}
	for path, want := range map[string]lint.LinkState{
		"/site/landing-stages": lint.LinkOK,
		"/site/gone":           lint.LinkBroken,
		"/site/removed":        lint.LinkBroken,
		"/site/private":        lint.LinkUnchecked,
		"/site/moved":          lint.LinkOK,
		"/site/nohead":         lint.LinkOK,
		"/site/down":           lint.LinkUnchecked,
	} {
		if lc, _ := c.CheckLink(ctx, f.srv.URL+path, false); lc.State != want {
			t.Errorf("CheckLink(%s) = %+v, want state %v", path, lc, want)
		}
	}
	if f.hit("GET /site/nohead") != 1 || f.hit("HEAD /site/nohead") != 1 {
		t.Error("a refused HEAD was not followed by one GET")
	}
	if lc, _ := c.CheckLink(ctx, "http://nowhere.invalid/x", false); lc.State != lint.LinkBroken {
		t.Errorf("a host that does not exist gave %+v", lc)
	}
}
