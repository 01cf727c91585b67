package online_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/citelint/citelint/lint/online"
)

func TestUserAgent(t *testing.T) {
	f := newFake(t)
	c := newClient(t, testOptions(""))
	if _, err := c.Get(context.Background(), f.srv.URL+"/site/ledgers", ""); err != nil {
		t.Fatal(err)
	}
	want := "citelint/1.2.3 (+https://github.com/citelint/citelint; mailto:teacher@example.edu)"
	if len(f.uas) != 1 || f.uas[0] != want {
		t.Errorf("User-Agent %q, want %q", f.uas, want)
	}
}

// TestRetryAfter: a 429 with Retry-After: 1 is waited out, once, and the
// second try's answer is the one returned.
func TestRetryAfter(t *testing.T) {
	f := newFake(t)
	opts := testOptions("")
	opts.Retries = 3
	c := newClient(t, opts)
	resp, err := c.Get(context.Background(), f.srv.URL+"/site/busy", "")
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != http.StatusOK {
		t.Fatalf("status %d, want 200 after the retry", resp.Status)
	}
	if len(f.busyAt) != 2 {
		t.Fatalf("%d requests, want 2 (one retry)", len(f.busyAt))
	}
	if wait := f.busyAt[1].Sub(f.busyAt[0]); wait < time.Second {
		t.Errorf("retried after %v; Retry-After asked for 1s", wait)
	}
}

func TestRetryAfterHeader(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"":                              0,
		"7":                             7 * time.Second,
		"-3":                            0,
		"soon":                          0,
		"Sat, 01 Mar 2025 12:00:30 GMT": 30 * time.Second,
		"Sat, 01 Mar 2025 11:00:00 GMT": 0,
	} {
		if got := online.RetryAfter(in, now); got != want {
			t.Errorf("RetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestRetryAfterCapped: a Retry-After longer than the cap waits the cap.
func TestRetryAfterCapped(t *testing.T) {
	var n atomic.Int64
	var first, second time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if n.Add(1) == 1 {
			first = time.Now()
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		second = time.Now()
	}))
	defer srv.Close()
	opts := testOptions("")
	opts.MaxRetryAfter = 50 * time.Millisecond
	c := newClient(t, opts)
	resp, err := c.Get(context.Background(), srv.URL, "")
	if err != nil || resp.Status != http.StatusOK {
		t.Fatalf("got %v, %v", resp, err)
	}
	if d := second.Sub(first); d > 2*time.Second {
		t.Errorf("waited %v; the cap is 50ms", d)
	}
}

// TestRetriesOnlyWhenWorthIt: 5xx is retried (then given up), 404 and 403
// are not.
func TestRetriesOnlyWhenWorthIt(t *testing.T) {
	f := newFake(t)
	opts := testOptions("")
	opts.Retries = 2
	c := newClient(t, opts)
	for path, want := range map[string]int{"/site/down": 3, "/site/gone": 1, "/site/private": 1} {
		resp, err := c.Get(context.Background(), f.srv.URL+path, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := f.hit("GET " + path); got != want {
			t.Errorf("%s (%d): %d requests, want %d", path, resp.Status, got, want)
		}
	}
}

func TestTimeout(t *testing.T) {
	f := newFake(t)
	c := newClient(t, testOptions(""))
	start := time.Now()
	_, err := c.Get(context.Background(), f.srv.URL+"/site/slow", "")
	if !online.IsTimeout(err) {
		t.Fatalf("err = %v, want a time-out", err)
	}
	if got := f.hit("GET /site/slow"); got != 2 {
		t.Errorf("%d requests, want 2 (a time-out is retried once here)", got)
	}
	if d := time.Since(start); d > 2500*time.Millisecond {
		t.Errorf("took %v; the time-out is 400ms a try", d)
	}
}

func TestRedirects(t *testing.T) {
	f := newFake(t)
	c := newClient(t, testOptions(""))
	resp, err := c.Get(context.Background(), f.srv.URL+"/site/moved", "")
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 || resp.URL != f.srv.URL+"/site/new-home" {
		t.Errorf("got %d at %s, want 200 at /site/new-home", resp.Status, resp.URL)
	}
	if _, err := c.Get(context.Background(), f.srv.URL+"/site/loop", ""); err == nil {
		t.Error("a redirect loop gave no error")
	}
	if got := f.hit("GET /site/loop"); got != 11 {
		t.Errorf("followed the loop %d times, want 11 (the first and ten redirects)", got)
	}
}

// TestPerHostCap: no more requests are in flight to one host than
// PerHost.
func TestPerHostCap(t *testing.T) {
	var inFlight, peak atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		inFlight.Add(-1)
	}))
	defer srv.Close()
	opts := testOptions("")
	opts.PerHost = 2
	c := newClient(t, opts)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = c.Get(context.Background(), srv.URL+"/p"+string(rune('a'+i)), "")
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > 2 {
		t.Errorf("%d requests in flight at once, want at most 2", p)
	}
}

// TestCache: a second client over the same folder sends no request for
// what the first fetched (200 and 404 alike); failures are not kept, and
// a stale answer is fetched again.
func TestCache(t *testing.T) {
	f := newFake(t)
	dir := t.TempDir()
	paths := []string{"/site/ledgers", "/site/gone", "/site/down", "/site/private"}
	for range 2 {
		c := newClient(t, testOptions(dir))
		for _, p := range paths {
			if _, err := c.Get(context.Background(), f.srv.URL+p, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	for p, want := range map[string]int{"/site/ledgers": 1, "/site/gone": 1, "/site/down": 4, "/site/private": 2} {
		if got := f.hit("GET " + p); got != want {
			t.Errorf("%s: %d requests over two runs, want %d", p, got, want)
		}
	}
	opts := testOptions(dir)
	opts.MaxAge = time.Nanosecond
	c := newClient(t, opts)
	if _, err := c.Get(context.Background(), f.srv.URL+"/site/ledgers", ""); err != nil {
		t.Fatal(err)
	}
	if got := f.hit("GET /site/ledgers"); got != 2 {
		t.Errorf("a stale answer was not fetched again (%d requests)", got)
	}
}

// TestNotHTTP: only http and https addresses are fetched.
func TestNotHTTP(t *testing.T) {
	c := newClient(t, testOptions(""))
	for _, u := range []string{"ftp://example.org/x", "file:///etc/passwd", "::"} {
		if _, err := c.Get(context.Background(), u, ""); err == nil {
			t.Errorf("%s: no error", u)
		}
	}
	if c.Requests() != 0 {
		t.Errorf("%d requests sent", c.Requests())
	}
}
