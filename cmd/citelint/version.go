package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// buildInfo is what `citelint version` prints.
type buildInfo struct {
	Version  string
	Commit   string
	Modified bool
	Go       string
}

// readBuildInfo reads the version from the module build info that the Go
// toolchain embeds: the module version when installed with `go install
// …@vX`, and the VCS revision when built from a checkout. It reads nothing
// else, so `citelint version` stays fast.
func readBuildInfo() buildInfo {
	info := buildInfo{Version: "(devel)", Go: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	if v := bi.Main.Version; v != "" {
		info.Version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Commit = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	return info
}

func (b buildInfo) write(w io.Writer) error {
	commit := b.Commit
	switch {
	case commit == "":
		commit = "unknown"
	case b.Modified:
		commit += " (modified)"
	}
	_, err := fmt.Fprintf(w, "citelint %s\ncommit: %s\ngo: %s %s/%s\n", b.Version, commit, b.Go, runtime.GOOS, runtime.GOARCH)
	return err
}
