// Package online is citelint's only door to the network: a polite HTTP
// client with an on-disk cache, and the lookups the --online checks need
// (DOIs at doi.org and Crossref, ISBNs at Open Library, cited links).
//
// Nothing here opens a connection unless a caller built a Client with New,
// and the command line builds one only for --online (or `online: true` in
// the configuration), never under PRE_COMMIT=1. Rules never import the
// network: the engine's online stage (Checker) records what it found on the
// Essay and the rules read that.
//
// Politeness: each host has its own rate limit (golang.org/x/time/rate) and
// a small cap on concurrent requests; only 429, 5xx answers and time-outs
// are retried, with exponential back-off, honouring Retry-After (seconds or
// an HTTP date, capped); redirects are followed up to ten times; every
// request names citelint, its version and the configured mailto in its
// User-Agent. Answers are kept on disk (see Cache) so that a second run
// sends no request for what the first one fetched.
package online

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Defaults of Options.
const (
	DefaultTimeout       = 15 * time.Second
	DefaultRate          = 2 // requests per second per host
	DefaultBurst         = 2
	DefaultPerHost       = 2
	DefaultRetries       = 3
	DefaultBackoff       = 500 * time.Millisecond
	DefaultMaxRetryAfter = 30 * time.Second
	DefaultMaxBody       = 8 << 20
	maxRedirects         = 10
)

// Options configure a Client. The zero value of a field means its default.
type Options struct {
	// Version is citelint's version, for the User-Agent.
	Version string
	// Mailto is the address the User-Agent gives, so that a service can
	// write before it blocks a busy client.
	Mailto string
	// CacheDir is the on-disk cache folder; empty means no disk cache.
	CacheDir string
	// MaxAge is how long a cached answer is reused (default 7 days).
	MaxAge time.Duration
	// Timeout bounds one attempt: connecting, the answer and its body.
	Timeout time.Duration
	// Rate is the requests per second allowed to one host, Burst the
	// requests it may send at once after a pause, PerHost how many may be
	// in flight to one host.
	Rate    float64
	Burst   int
	PerHost int
	// Retries is how many times a request that met a 429, a 5xx or a
	// time-out is tried again; -1 means never.
	Retries int
	// Backoff is the first wait between tries; it doubles each time.
	Backoff time.Duration
	// MaxRetryAfter caps the wait a Retry-After header asks for.
	MaxRetryAfter time.Duration
	// MaxBody is how many bytes of an answer are read.
	MaxBody int64
	// DialContext, when set, replaces the dialer (tests use it to stand
	// a host that does not exist in for DNS).
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)
}

func (o *Options) defaults() {
	if o.MaxAge <= 0 {
		o.MaxAge = 7 * 24 * time.Hour
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Rate <= 0 {
		o.Rate = DefaultRate
	}
	if o.Burst <= 0 {
		o.Burst = DefaultBurst
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultPerHost
	}
	if o.Retries == 0 {
		o.Retries = DefaultRetries
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.Version == "" {
		o.Version = "devel"
	}
}

// UserAgent is what citelint calls itself on the network:
// citelint/<version> (+https://github.com/citelint/citelint; mailto:<address>).
func UserAgent(version, mailto string) string {
	ua := "citelint/" + strings.TrimPrefix(version, "v") + " (+https://github.com/citelint/citelint"
	if mailto != "" {
		ua += "; mailto:" + mailto
	}
	return ua + ")"
}

// Client fetches with politeness and a cache. It is safe for concurrent
// use; one Client serves a whole run, so that its limits hold across the
// essays of a batch.
type Client struct {
	opts  Options
	ua    string
	http  *http.Client
	cache *Cache

	mu    sync.Mutex
	hosts map[string]*hostGate
	// memo keeps this run's answers, the failures too, so that one dead
	// link cited by a whole class is asked about once.
	memo map[string]*call

	sent atomic.Int64
}

// hostGate is one host's rate limit and concurrency cap.
type hostGate struct {
	limit *rate.Limiter
	slots chan struct{}
}

// call is one request of this run, shared by those who ask the same.
type call struct {
	done chan struct{}
	resp *Response
	err  error
}

// Response is an answer, after redirects.
type Response struct {
	Status int
	// URL is the address that answered, after redirects.
	URL         string
	ContentType string
	Body        []byte
	// RetryAfter is the wait the last answer asked for, if any.
	RetryAfter time.Duration
	// Cached says the answer came from the disk cache.
	Cached bool
}

// New makes a Client. It opens no connection; requests do.
func New(opts Options) (*Client, error) {
	opts.defaults()
	c := &Client{opts: opts, ua: UserAgent(opts.Version, opts.Mailto), hosts: map[string]*hostGate{}, memo: map[string]*call{}}
	if opts.CacheDir != "" {
		cache, err := OpenCache(opts.CacheDir, opts.MaxAge)
		if err != nil {
			return nil, err
		}
		c.cache = cache
	}
	dialer := &net.Dialer{Timeout: opts.Timeout}
	dial := dialer.DialContext
	if opts.DialContext != nil {
		dial = opts.DialContext
	}
	base := &http.Transport{
		DialContext:           dial,
		TLSHandshakeTimeout:   opts.Timeout,
		ResponseHeaderTimeout: opts.Timeout,
		MaxIdleConnsPerHost:   opts.PerHost,
		IdleConnTimeout:       30 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	c.http = &http.Client{
		Transport: &politeTransport{base: base, c: c},
		CheckRedirect: func(_ *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			return nil
		},
	}
	return c, nil
}

// Requests is how many requests the client has sent over the network
// (each redirect and each retry counts; cache hits do not).
func (c *Client) Requests() int64 { return c.sent.Load() }

// Close lets go of idle connections.
func (c *Client) Close() { c.http.CloseIdleConnections() }

func (c *Client) gate(host string) *hostGate {
	c.mu.Lock()
	defer c.mu.Unlock()
	g := c.hosts[host]
	if g == nil {
		g = &hostGate{limit: rate.NewLimiter(rate.Limit(c.opts.Rate), c.opts.Burst), slots: make(chan struct{}, c.opts.PerHost)}
		c.hosts[host] = g
	}
	return g
}

// politeTransport holds every hop, redirects included, to its host's rate
// limit and concurrency cap.
type politeTransport struct {
	base http.RoundTripper
	c    *Client
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	g := t.c.gate(req.URL.Host)
	if err := g.limit.Wait(req.Context()); err != nil {
		return nil, err
	}
	select {
	case g.slots <- struct{}{}:
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
	t.c.sent.Add(1)
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		<-g.slots
		return nil, err
	}
	resp.Body = &slotBody{ReadCloser: resp.Body, release: func() { <-g.slots }}
	return resp, nil
}

// slotBody gives the host's slot back when the answer's body is closed.
type slotBody struct {
	io.ReadCloser
	once    sync.Once
	release func()
}

func (b *slotBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}

// Get fetches url with the given Accept header (empty for any).
func (c *Client) Get(ctx context.Context, rawURL, accept string) (*Response, error) {
	return c.Do(ctx, http.MethodGet, rawURL, accept)
}

// Do sends a GET or HEAD request for rawURL, through the cache. An HTTP
// status is an answer, not an error: the error is for a request that got
// no answer (no such host, refused, timed out after its retries).
func (c *Client) Do(ctx context.Context, method, rawURL, accept string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an http or https address", rawURL)
	}
	key := cacheKey(method, u.String(), accept)
	c.mu.Lock()
	if cl, ok := c.memo[key]; ok {
		c.mu.Unlock()
		select {
		case <-cl.done:
			return cl.resp, cl.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	cl := &call{done: make(chan struct{})}
	c.memo[key] = cl
	c.mu.Unlock()
	defer close(cl.done)

	if c.cache != nil {
		if resp, ok := c.cache.Get(key); ok {
			cl.resp = resp
			return resp, nil
		}
	}
	cl.resp, cl.err = c.fetch(ctx, method, u.String(), accept)
	if cl.err == nil && c.cache != nil && Cacheable(cl.resp.Status) {
		// A cache that cannot be written costs a request next time,
		// nothing more: the answer in hand is still good.
		_ = c.cache.Put(key, method, u.String(), accept, cl.resp)
	}
	return cl.resp, cl.err
}

// Cacheable reports whether an answer with this status is kept on disk:
// success and the answers that say a thing is not there (404, 410). Errors
// — 429, 5xx, refusals such as 401 and 403 — are never cached, so the next
// run asks again.
func Cacheable(status int) bool {
	return status >= 200 && status < 300 || status == http.StatusNotFound || status == http.StatusGone
}

// fetch tries a request until it gets an answer worth keeping or runs out
// of retries.
func (c *Client) fetch(ctx context.Context, method, rawURL, accept string) (*Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.once(ctx, method, rawURL, accept)
		wait, again := c.retryWait(ctx, resp, err, attempt)
		if !again {
			return resp, err
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			if err == nil {
				return resp, nil
			}
			return nil, err
		}
	}
}

// retryWait says whether to try again and after how long: only after a
// 429, a 5xx or a time-out, waiting what Retry-After asks (capped) or an
// exponential back-off with jitter.
func (c *Client) retryWait(ctx context.Context, resp *Response, err error, attempt int) (time.Duration, bool) {
	if attempt >= c.opts.Retries || ctx.Err() != nil {
		return 0, false
	}
	switch {
	case err != nil:
		if !IsTimeout(err) {
			return 0, false
		}
	case resp.Status == http.StatusTooManyRequests || resp.Status >= 500:
		if resp.RetryAfter > 0 {
			return min(resp.RetryAfter, c.opts.MaxRetryAfter), true
		}
	default:
		return 0, false
	}
	back := c.opts.Backoff << attempt
	return back + rand.N(back/4+1), true
}

// once sends one request and reads its answer.
func (c *Client) once(ctx context.Context, method, rawURL, accept string) (*Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.ua)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBody))
	if err != nil {
		return nil, fmt.Errorf("%s: reading the answer: %w", rawURL, err)
	}
	return &Response{
		Status:      resp.StatusCode,
		URL:         resp.Request.URL.String(),
		ContentType: resp.Header.Get("Content-Type"),
		Body:        body,
		RetryAfter:  RetryAfter(resp.Header.Get("Retry-After"), time.Now()),
	}, nil
}

// RetryAfter reads a Retry-After header: a number of seconds or an HTTP
// date. It returns 0 when the header is absent, malformed or in the past.
func RetryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if n, err := strconv.Atoi(h); err == nil {
		if n <= 0 {
			return 0
		}
		return time.Duration(min(n, 24*3600)) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// IsTimeout reports whether err is a time-out.
func IsTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// IsNoSuchHost reports whether err says the host does not exist (DNS
// NXDOMAIN), which makes a link broken rather than unchecked.
func IsNoSuchHost(err error) bool {
	var de *net.DNSError
	return errors.As(err, &de) && de.IsNotFound
}
