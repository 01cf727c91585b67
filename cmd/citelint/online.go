package main

import (
	"fmt"

	"github.com/citelint/citelint/lint/online"
)

// onlineStage builds the --online stage, or returns nil for an offline
// run: the default, and always under PRE_COMMIT=1. --online (or
// --online=false) wins over the configuration's online key; the network
// settings come from --config or the configuration of the first path.
func (e *env) onlineStage(flags lintFlags, cs *configs, paths []string) (*online.Checker, error) {
	cfg, err := cs.forPath(paths[0])
	if err != nil {
		return nil, err
	}
	on := cfg.Online
	if flags.OnlineSet {
		on = flags.Online
	}
	if !on {
		return nil, nil
	}
	if e.getenv("PRE_COMMIT") == "1" {
		if flags.OnlineSet {
			fmt.Fprintln(e.stderr, "citelint: --online is ignored under PRE_COMMIT=1: hooks never use the network")
		}
		return nil, nil
	}
	nw := cfg.Network
	dir, err := nw.CacheDir()
	if err != nil {
		return nil, err
	}
	client, err := online.New(online.Options{
		Version:  readBuildInfo().Version,
		Mailto:   nw.Mailto,
		CacheDir: dir,
		MaxAge:   nw.MaxAge,
	})
	if err != nil {
		return nil, err
	}
	return &online.Checker{Client: client, Endpoints: online.Endpoints{
		DOI:         nw.Endpoints.DOI,
		Crossref:    nw.Endpoints.Crossref,
		OpenLibrary: nw.Endpoints.OpenLibrary,
	}}, nil
}
