package online

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Cache keeps answers on disk, one JSON file per request, named by the
// SHA-256 of the method, address and Accept header. An answer older than
// the cache's maximum age is fetched again.
type Cache struct {
	dir    string
	maxAge time.Duration
}

// cached is one answer as stored.
type cached struct {
	Method      string    `json:"method"`
	URL         string    `json:"url"`
	Accept      string    `json:"accept,omitempty"`
	Status      int       `json:"status"`
	Final       string    `json:"final"`
	ContentType string    `json:"contentType,omitempty"`
	Fetched     time.Time `json:"fetched"`
	Body        []byte    `json:"body"`
}

// OpenCache makes the cache folder dir (answers kept for maxAge).
func OpenCache(dir string, maxAge time.Duration) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache folder %s: %w", dir, err)
	}
	return &Cache{dir: dir, maxAge: maxAge}, nil
}

func cacheKey(method, rawURL, accept string) string {
	sum := sha256.Sum256([]byte(method + " " + rawURL + "\n" + accept))
	return hex.EncodeToString(sum[:])
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// Get returns the answer stored under key if it is fresh. A missing,
// stale or unreadable file is a miss.
func (c *Cache) Get(key string) (*Response, bool) {
	src, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var e cached
	if json.Unmarshal(src, &e) != nil || time.Since(e.Fetched) > c.maxAge || e.Fetched.After(time.Now().Add(time.Hour)) {
		return nil, false
	}
	return &Response{Status: e.Status, URL: e.Final, ContentType: e.ContentType, Body: e.Body, Cached: true}, true
}

// Put stores an answer under key, through a temporary file so that a
// reader never sees half of one.
func (c *Cache) Put(key, method, rawURL, accept string, r *Response) error {
	src, err := json.Marshal(cached{Method: method, URL: rawURL, Accept: accept, Status: r.Status, Final: r.URL,
		ContentType: r.ContentType, Fetched: time.Now().UTC(), Body: r.Body})
	if err != nil {
		return err
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("cache folder %s: %w", filepath.Dir(p), err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), "put-*")
	if err != nil {
		return fmt.Errorf("cache folder %s: %w", filepath.Dir(p), err)
	}
	if _, err := tmp.Write(src); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}
