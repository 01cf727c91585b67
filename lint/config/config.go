// Package config reads citelint's configuration, .citelint.yml: it finds the
// file (Find), decodes it strictly (Load), and works out the settings that
// apply to one essay (Config.For).
//
// Decoding is strict on purpose. A misspelt key or rule ID that were
// silently ignored would leave a rule on that the user believes is off, so
// every unknown key, unknown rule, wrong type and bad value is an error that
// names the file, line and column.
//
// The package reads real files only. A configuration is never taken from
// inside a submission archive: a student must not be able to switch rules
// off by putting a .citelint.yml in a zip. Callers pass Find the folder
// that holds an essay or archive on disk, never a member's path.
package config

import (
	"errors"
	"fmt"
	"io"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/citelint/citelint/lint"
)

// Version is the only configuration version this package reads.
const Version = 1

// The network defaults the SPEC names.
const (
	DefaultDOIEndpoint         = "https://doi.org/"
	DefaultCrossrefEndpoint    = "https://api.crossref.org/"
	DefaultOpenLibraryEndpoint = "https://openlibrary.org/"
	DefaultMaxAge              = 7 * 24 * time.Hour
)

// RuleSchema is what a rule accepts in the configuration besides its
// severity.
type RuleSchema struct {
	// Options is the rule's options struct (or a pointer to one) holding
	// the defaults; nil when the rule takes only a severity. Its exported
	// fields are keys under the rule, named by their yaml tags; the loader
	// decodes a copy strictly and never writes to this value. When the
	// struct has a Validate() error method it is called on the result.
	Options any
}

// OptionsDeclarer is implemented by a rule that takes options. A rule needs
// no import of this package to implement it, which keeps rules independent
// of config; Schemas collects the declarations.
type OptionsDeclarer interface {
	// DefaultOptions returns the rule's options struct with its defaults.
	DefaultOptions() any
}

// Validator is implemented by an options struct that has limits its types
// cannot say (a word count of at least one). The error's text is shown
// after the rule's position and name.
type Validator interface {
	Validate() error
}

// Schemas builds the known-rule map for Load from a list of rules: every
// rule's ID, with its options when it implements OptionsDeclarer.
func Schemas(rules []lint.Rule) map[string]RuleSchema {
	out := make(map[string]RuleSchema, len(rules))
	for _, r := range rules {
		var s RuleSchema
		if d, ok := r.(OptionsDeclarer); ok {
			s.Options = d.DefaultOptions()
		}
		out[r.Meta().ID] = s
	}
	return out
}

// Config is a loaded .citelint.yml, or the defaults when there is none.
type Config struct {
	// Path is the file the configuration came from; empty for defaults.
	Path string
	// Dir is the absolute folder that holds Path: relative paths in the
	// file and override patterns are taken from it.
	Dir string
	// Style is the style to use; lint.StyleUnknown for "auto".
	Style lint.Style
	// QuoteMinWords is quotes.min-words: shorter quoted spans are terms.
	QuoteMinWords int
	// Sources are the source-library folders, absolute.
	Sources []string
	// Online turns on the network checks; the --online flag can too.
	Online  bool
	Network Network

	rules     ruleLayer
	overrides []override
	schemas   map[string]RuleSchema
}

// Network is the network section.
type Network struct {
	// Cache is the cache folder, absolute; empty means the default (see
	// CacheDir).
	Cache string
	// MaxAge is how long a fetched page is reused.
	MaxAge time.Duration
	// Mailto is given to Crossref and Open Library so that they can write
	// to someone before blocking a busy client; empty when not set.
	Mailto    string
	Endpoints Endpoints
}

// Endpoints are the base addresses of the services the online checks use.
// Each is an absolute http or https URL ending in "/", so that a path can be
// appended as is.
type Endpoints struct {
	DOI         string
	Crossref    string
	OpenLibrary string
}

// CacheDir is the cache folder: Cache when set, else citelint's folder in
// the user's cache folder.
func (n Network) CacheDir() (string, error) {
	if n.Cache != "" {
		return n.Cache, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder (set network.cache in .citelint.yml): %w", err)
	}
	return filepath.Join(dir, "citelint"), nil
}

// Default is the configuration in force when there is no file. known is the
// same rule list Load takes, so that rules get their default options.
func Default(known map[string]RuleSchema) *Config {
	return &Config{
		QuoteMinWords: lint.DefaultSettings().QuoteMinWords,
		Network: Network{
			MaxAge: DefaultMaxAge,
			Endpoints: Endpoints{
				DOI:         DefaultDOIEndpoint,
				Crossref:    DefaultCrossrefEndpoint,
				OpenLibrary: DefaultOpenLibraryEndpoint,
			},
		},
		schemas: known,
	}
}

// Settings are the settings every stage reads, before overrides (overrides
// change only rules).
func (c *Config) Settings() lint.Settings {
	return lint.Settings{Style: c.Style, QuoteMinWords: c.QuoteMinWords}
}

// Load reads and strictly decodes the configuration file at path. known
// lists the rule IDs that may appear under rules, with their options; it
// usually comes from Schemas(rules.All()). Problems in the file come back
// as an ErrorList whose lines read path:line:col: message.
func Load(path string, known map[string]RuleSchema) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading configuration: %w", err)
	}
	return Parse(path, data, known)
}

// Parse decodes data as the configuration file at path; path names the file
// in messages and is where relative paths are taken from. It is Load
// without the read, for tests and fuzzing; like Load it is for a file on
// disk, never for a member of a submission archive.
func Parse(path string, data []byte, known map[string]RuleSchema) (*Config, error) {
	if err := checkSchemas(known); err != nil {
		return nil, err
	}
	cfg := Default(known)
	cfg.Path = path
	if abs, err := filepath.Abs(path); err == nil {
		cfg.Dir = filepath.Dir(abs)
	} else {
		cfg.Dir = filepath.Dir(path)
	}
	d := &decoder{file: path, budget: nodeBudget}
	root, err := parseYAML(path, data)
	if err != nil {
		return nil, err
	}
	d.document(root, cfg, known)
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return cfg, nil
}

// parseYAML parses data into its single document's root node; a file with
// no document at all gives an empty mapping, reported as missing version.
func parseYAML(path string, data []byte) (root *yaml.Node, err error) {
	// yaml v3 reports a parser failure as a panic it recovers itself; this
	// guard is for a bug that escapes it, so that no file a user writes can
	// crash the linter.
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, ErrorList{{File: path, Msg: fmt.Sprintf("cannot read YAML: %v", r)}}
		}
	}()
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}, nil
		}
		return nil, ErrorList{syntaxError(path, err)}
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, ErrorList{{File: path, Line: next.Line, Column: next.Column,
			Msg: "more than one YAML document; a configuration is one document (remove the \"---\")"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, ErrorList{syntaxError(path, err)}
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}, nil
	}
	return doc.Content[0], nil
}

// syntaxError turns yaml v3's "yaml: line N: message" into a positioned
// Error; the parser gives the line only.
func syntaxError(path string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: path, Msg: msg}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		var line int
		if n, _ := fmt.Sscanf(rest, "%d:", &line); n == 1 {
			e.Line = line
			_, e.Msg, _ = strings.Cut(rest, ": ")
		}
	}
	e.Msg = "invalid YAML: " + e.Msg
	return e
}

// checkSchemas catches a rule whose options cannot be decoded: a bug in the
// rule, reported once and plainly rather than as a user's config error.
func checkSchemas(known map[string]RuleSchema) error {
	for id, s := range known {
		if s.Options == nil {
			continue
		}
		t := reflect.TypeOf(s.Options)
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return fmt.Errorf("config: rule %q declares options of type %T; want a struct", id, s.Options)
		}
		if reflect.ValueOf(s.Options).Kind() == reflect.Pointer && reflect.ValueOf(s.Options).IsNil() {
			return fmt.Errorf("config: rule %q declares nil options", id)
		}
		if _, clash := findField(fieldsOf(t), "severity"); clash {
			return fmt.Errorf("config: rule %q has an option named severity, which the loader keeps for the severity", id)
		}
	}
	return nil
}

// topKeys are the keys of the file's top level, in the SPEC's order.
func topKeys() []string {
	return []string{"version", "style", "rules", "quotes", "sources", "online", "network", "overrides"}
}

// document decodes the top level into cfg.
func (d *decoder) document(root *yaml.Node, cfg *Config, known map[string]RuleSchema) {
	if root = d.resolve(root); root == nil {
		return
	}
	if root.Kind != yaml.MappingNode {
		d.errorAt(root, "want a mapping of settings starting with \"version: 1\", got %s", describe(root))
		return
	}
	sawVersion := false
	for _, p := range d.pairs(root, "") {
		switch p.key {
		case "version":
			sawVersion = true
			var v int
			if d.into(p.value, "version", &v) && v != Version {
				d.errorAt(p.value, "version %d is not supported (want %d)", v, Version)
			}
		case "style":
			var s styleName
			if d.into(p.value, "style", &s) {
				cfg.Style = lint.Style(s)
			}
		case "rules":
			cfg.rules = d.rules(p.value, "rules", known)
		case "quotes":
			var q struct {
				MinWords *minWords `yaml:"min-words"`
			}
			if d.into(p.value, "quotes", &q) && q.MinWords != nil {
				cfg.QuoteMinWords = int(*q.MinWords)
			}
		case "sources":
			cfg.Sources = d.folders(p.value, "sources", cfg.Dir)
		case "online":
			d.into(p.value, "online", &cfg.Online)
		case "network":
			d.network(p.value, cfg)
		case "overrides":
			cfg.overrides = d.overrides(p.value, known)
		default:
			d.unknownKey(p, "", topKeys())
		}
	}
	if !sawVersion {
		d.errorAt(root, "missing \"version: %d\" (put it at the top of the file)", Version)
	}
}

// into decodes n into the value ptr points to.
func (d *decoder) into(n *yaml.Node, where string, ptr any) bool {
	return d.value(n, where, reflect.ValueOf(ptr).Elem())
}

// network decodes the network section.
func (d *decoder) network(n *yaml.Node, cfg *Config) {
	var raw struct {
		Cache     *yaml.Node `yaml:"cache"`
		MaxAge    *Duration  `yaml:"max-age"`
		Mailto    *mailto    `yaml:"mailto"`
		Endpoints *struct {
			DOI         *endpoint `yaml:"doi"`
			Crossref    *endpoint `yaml:"crossref"`
			OpenLibrary *endpoint `yaml:"openlibrary"`
		} `yaml:"endpoints"`
	}
	if !d.into(n, "network", &raw) {
		return
	}
	nw := &cfg.Network
	if raw.Cache != nil {
		nw.Cache = d.folder(raw.Cache, "network.cache", cfg.Dir)
	}
	if raw.MaxAge != nil {
		nw.MaxAge = time.Duration(*raw.MaxAge)
	}
	if raw.Mailto != nil {
		nw.Mailto = string(*raw.Mailto)
	}
	if e := raw.Endpoints; e != nil {
		for _, set := range []struct {
			from *endpoint
			to   *string
		}{{e.DOI, &nw.Endpoints.DOI}, {e.Crossref, &nw.Endpoints.Crossref}, {e.OpenLibrary, &nw.Endpoints.OpenLibrary}} {
			if set.from != nil {
				*set.to = string(*set.from)
			}
		}
	}
}

// folders decodes a list of folders, made absolute against dir.
func (d *decoder) folders(n *yaml.Node, where, dir string) []string {
	var items []yaml.Node
	if !d.into(n, where, &items) {
		return nil
	}
	out := make([]string, 0, len(items))
	for i := range items {
		if f := d.folder(&items[i], where, dir); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// folder decodes one path: "~" is the home folder, and a relative path is
// taken from the configuration's folder, not from wherever citelint runs,
// so that a file means the same thing from every working directory.
func (d *decoder) folder(n *yaml.Node, where, dir string) string {
	var p string
	if !d.into(n, where, &p) {
		return ""
	}
	if strings.TrimSpace(p) == "" {
		d.errorAt(n, "%s: empty path", where)
		return ""
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			d.errorAt(n, "%s: cannot expand ~: %v", where, err)
			return ""
		}
		p = filepath.Join(home, p[1:])
	}
	p = filepath.FromSlash(p)
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	return filepath.Clean(p)
}

// overrides decodes the overrides list.
func (d *decoder) overrides(n *yaml.Node, known map[string]RuleSchema) []override {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorAt(n, "overrides: want a list of {files: [...], rules: {...}}, got %s", describe(n))
		return nil
	}
	var out []override
	for i, item := range n.Content {
		where := fmt.Sprintf("overrides[%d]", i)
		if item = d.resolve(item); item == nil {
			continue
		}
		if item.Kind != yaml.MappingNode {
			d.errorAt(item, "%s: want a mapping of files and rules, got %s", where, describe(item))
			continue
		}
		var o override
		sawFiles := false
		for _, p := range d.pairs(item, where) {
			switch p.key {
			case "files":
				sawFiles = true
				o.files = d.globs(p.value, where+".files")
			case "rules":
				o.rules = d.rules(p.value, where+".rules", known)
			default:
				d.unknownKey(p, where, []string{"files", "rules"})
			}
		}
		if !sawFiles {
			d.errorAt(item, "%s: missing files (a list of patterns such as [\"drafts/**\"])", where)
		}
		out = append(out, o)
	}
	return out
}

// globs decodes and compiles a list of file patterns.
func (d *decoder) globs(n *yaml.Node, where string) []glob {
	var items []yaml.Node
	if !d.into(n, where, &items) {
		return nil
	}
	if len(items) == 0 {
		d.errorAt(n, "%s: empty; list at least one pattern such as \"drafts/**\"", where)
	}
	var out []glob
	for i := range items {
		var pattern string
		if !d.into(&items[i], where, &pattern) {
			continue
		}
		g, err := compileGlob(pattern)
		if err != nil {
			d.errorAt(&items[i], "%s: %v", where, err)
			continue
		}
		out = append(out, g)
	}
	return out
}

// styleName is the style key's value.
type styleName lint.Style

// UnmarshalYAML accepts auto and the styles citelint knows, in any case.
func (s *styleName) UnmarshalYAML(n *yaml.Node) error {
	names := []string{"auto", "mla", "apa", "chicago", "harvard"}
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return fmt.Errorf("want one of %s, got %s", wantList(names), describe(n))
	}
	v := strings.ToLower(strings.TrimSpace(n.Value))
	switch v {
	case "auto":
		*s = styleName(lint.StyleUnknown)
		return nil
	case string(lint.StyleMLA), string(lint.StyleAPA), string(lint.StyleChicago), string(lint.StyleHarvard):
		*s = styleName(v)
		return nil
	}
	if m := suggest(v, names); m != "" {
		return fmt.Errorf("unknown style %q (did you mean %q?)", n.Value, m)
	}
	return fmt.Errorf("unknown style %q (want %s)", n.Value, wantList(names))
}

// minWords is a word count threshold: at least one.
type minWords int

// UnmarshalYAML accepts a whole number of 1 or more.
func (m *minWords) UnmarshalYAML(n *yaml.Node) error {
	var v int
	if n.Kind != yaml.ScalarNode || n.Decode(&v) != nil {
		return fmt.Errorf("want a whole number of words, got %s", describe(n))
	}
	if v < 1 {
		return fmt.Errorf("want 1 or more words, got %d", v)
	}
	*m = minWords(v)
	return nil
}

// endpoint is a service's base address.
type endpoint string

// UnmarshalYAML accepts an absolute http or https URL, and adds the final
// slash that the online checks rely on when they append a path.
func (e *endpoint) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return fmt.Errorf("want an http or https URL, got %s", describe(n))
	}
	u, err := url.Parse(strings.TrimSpace(n.Value))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return fmt.Errorf("%q is not an absolute http or https URL (such as \"https://doi.org/\")", n.Value)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q: a base address takes no query or fragment", n.Value)
	}
	s := u.String()
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	*e = endpoint(s)
	return nil
}

// mailto is a contact address for polite API use.
type mailto string

// UnmarshalYAML accepts a plain e-mail address.
func (m *mailto) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return fmt.Errorf("want an e-mail address, got %s", describe(n))
	}
	a, err := mail.ParseAddress(strings.TrimSpace(n.Value))
	if err != nil || a.Name != "" {
		return fmt.Errorf("%q is not an e-mail address (such as instructor@example.edu)", n.Value)
	}
	*m = mailto(a.Address)
	return nil
}

// sortedIDs lists known rule IDs in order, for suggestions.
func sortedIDs(known map[string]RuleSchema) []string {
	ids := make([]string, 0, len(known))
	for id := range known {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
