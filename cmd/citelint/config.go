package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/config"
	"github.com/citelint/citelint/lint/engine"
)

// configs finds and loads the configuration of each essay's folder, once
// per folder, for workers that ask at the same time.
type configs struct {
	known map[string]config.RuleSchema
	// explicit is the --config file, which applies to every essay.
	explicit *config.Config

	mu    sync.Mutex
	byDir map[string]loaded
	// same holds, for each configuration whose rules are the same for
	// every file (it has no per-path overrides), the options fileOptions
	// made for the first file: the rest of a batch reuses them read-only.
	same map[*config.Config]engine.FileOptions
}

type loaded struct {
	cfg *config.Config
	err error
}

// newConfigs loads --config when given; otherwise configurations are
// discovered per folder as essays come.
func newConfigs(rules []lint.Rule, explicit string) (*configs, error) {
	cs := &configs{known: config.Schemas(rules), byDir: map[string]loaded{}, same: map[*config.Config]engine.FileOptions{}}
	if explicit != "" {
		cfg, err := config.Load(explicit, cs.known)
		if err != nil {
			return nil, err
		}
		cs.explicit = cfg
	}
	return cs, nil
}

// forPath returns the configuration for the essays at path, a file or a
// folder.
func (cs *configs) forPath(path string) (*config.Config, error) {
	return cs.forDir(configDir(path, true))
}

// forFile returns the configuration for the essay at path, which is known
// to be a file (or an archive member, or standard input): unlike forPath
// it asks the system nothing about path, a saving on every essay.
func (cs *configs) forFile(path string) (*config.Config, error) {
	return cs.forDir(configDir(path, false))
}

// forDir returns the configuration for essays in the folder dir.
func (cs *configs) forDir(dir string) (*config.Config, error) {
	if cs.explicit != nil {
		return cs.explicit, nil
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if l, ok := cs.byDir[dir]; ok {
		return l.cfg, l.err
	}
	cfg, err := config.Discover(dir, cs.known)
	cs.byDir[dir] = loaded{cfg, err}
	return cfg, err
}

// configDir is the real folder whose configuration applies to path: for a
// member of a submission archive ("class.zip:smith/essay.docx"), the
// folder holding the archive, since nothing inside an archive is ever
// taken as configuration. Only when mayBeDir is path itself looked at, to
// tell a folder from a file.
func configDir(path string, mayBeDir bool) string {
	if path == "-" || path == "" || strings.HasPrefix(path, "<") {
		if wd, err := os.Getwd(); err == nil {
			return wd
		}
		return "."
	}
	for _, ext := range []string{".zip:", ".xml:"} {
		if i := strings.Index(strings.ToLower(path), ext); i >= 0 {
			path = path[:i+len(ext)-1]
			break
		}
	}
	if mayBeDir {
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			return path
		}
	}
	return filepath.Dir(path)
}

// fileOptions merges a file's configuration with the command line, which
// wins: --enable and --disable over rules, --style and --quote-min-words
// over the settings when given.
func (f lintFlags) fileOptions(cs *configs, path string) engine.FileOptions {
	cfg, err := cs.forFile(path)
	if err != nil {
		return engine.FileOptions{Err: err}
	}
	if !cfg.PathIndependent() {
		return f.mergeOptions(cfg, path)
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	fo, ok := cs.same[cfg]
	if !ok {
		fo = f.mergeOptions(cfg, path)
		cs.same[cfg] = fo
	}
	return fo
}

// mergeOptions is fileOptions worked out for one file.
func (f lintFlags) mergeOptions(cfg *config.Config, path string) engine.FileOptions {
	eff := cfg.For(path)
	sev := make(map[string]lint.Severity, len(eff.Severity)+len(f.severity))
	for id, s := range eff.Severity {
		sev[id] = s
	}
	for id, s := range f.severity {
		sev[id] = s
	}
	set := eff.Settings
	if f.StyleSet {
		set.Style = f.settings.Style
	}
	if f.QuoteMinWordsSet || set.QuoteMinWords == 0 {
		set.QuoteMinWords = f.settings.QuoteMinWords
	}
	return engine.FileOptions{Severity: sev, Options: eff.Options, Settings: set}
}

// sourceDirs are the source-library folders of a run: --sources, then the
// configuration's sources for each path named on the command line.
func (f lintFlags) sourceDirs(cs *configs, paths []string) ([]string, error) {
	seen := map[string]bool{}
	var dirs []string
	add := func(d string) {
		if abs, err := filepath.Abs(d); err == nil {
			d = abs
		}
		if !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	for _, d := range f.Sources {
		add(d)
	}
	for _, p := range paths {
		cfg, err := cs.forPath(p)
		if err != nil {
			return nil, err
		}
		for _, d := range cfg.Sources {
			add(d)
		}
	}
	return dirs, nil
}
