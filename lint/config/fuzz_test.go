package config

import (
	"strings"
	"testing"
)

// FuzzLoad feeds any bytes to the loader: it must never panic, and must
// give either a configuration or an error that names the file.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(specExample))
	f.Add([]byte(Starter()))
	f.Add([]byte(""))
	f.Add([]byte("version: 1\nrules:\n  quote-uncitd: error\n"))
	f.Add([]byte("version: 1\nrules: {uncited-copy: {severity: error, min-words: 10, ignore: [a, b]}}\n"))
	f.Add([]byte("version: 1\na: &a [x, *a]\n"))
	f.Add([]byte("version: 1\nx: &x {<<: *x}\n"))
	f.Add([]byte("version: 1\noverrides:\n  - files: [\"**/[a-\"]\n    rules: {quote-long: info}\n"))
	f.Add([]byte("version: 1\nnetwork: {max-age: 99999999999999d, endpoints: {doi: \"http://[::1\"}}\n"))
	f.Add([]byte("\xff\xfe\x00v\x00e\x00r"))
	known := testKnown()
	const name = "fuzz/.citelint.yml"
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse(name, data, known)
		if err != nil {
			if cfg != nil {
				t.Fatalf("both a configuration and an error: %v", err)
			}
			if !strings.Contains(err.Error(), name) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if cfg == nil {
			t.Fatal("neither a configuration nor an error")
		}
		cfg.For("fuzz/drafts/essay.md")
	})
}
