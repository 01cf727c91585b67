package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// EnvConfig is the environment variable that names a configuration file.
const EnvConfig = "CITELINT_CONFIG"

// FileNames are the names a configuration file may have in a project.
func FileNames() []string { return []string{".citelint.yml", ".citelint.yaml"} }

// Find returns the configuration file for essays in startDir, following the
// SPEC's order after --config, which the caller handles:
//
//  1. the file that CITELINT_CONFIG names, which must exist;
//  2. .citelint.yml or .citelint.yaml in startDir or a folder above it,
//     stopping at the repository root (a folder holding .git), inclusive,
//     so that one project's settings never leak into another's;
//  3. citelint/config.yml in the user's config folder.
//
// It returns "" and no error when there is none: the defaults apply.
// startDir must be a real folder on disk — for an essay inside a submission
// zip, the folder holding the zip — since a configuration is never read from
// inside an archive.
func Find(startDir string) (string, error) {
	if p := os.Getenv(EnvConfig); p != "" {
		info, err := os.Stat(p)
		if err != nil {
			return "", fmt.Errorf("%s names a configuration that cannot be read: %w", EnvConfig, err)
		}
		if info.IsDir() {
			return "", fmt.Errorf("%s names %s, a folder; it must name a file", EnvConfig, p)
		}
		return p, nil
	}
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", fmt.Errorf("finding configuration: %w", err)
	}
	for {
		found, err := findIn(dir)
		if err != nil || found != "" {
			return found, err
		}
		if exists(filepath.Join(dir, ".git")) {
			break // the repository root: a .git folder, or file in a worktree
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if userDir, err := os.UserConfigDir(); err == nil {
		p := filepath.Join(userDir, "citelint", "config.yml")
		if isFile(p) {
			return p, nil
		}
	}
	// With no user config folder (no $HOME, as in some CI containers)
	// there is simply no user configuration.
	return "", nil
}

// findIn looks for a configuration file in one folder. Two of them is an
// error rather than a silent choice: the user would edit one and wonder why
// nothing changed.
func findIn(dir string) (string, error) {
	var found []string
	for _, name := range FileNames() {
		if p := filepath.Join(dir, name); isFile(p) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("both %s and %s exist; keep one", found[0], found[1])
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir()
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

// Discover finds and loads the configuration for essays in startDir, or
// returns the defaults when there is none. It is Find and Load together,
// for a caller with no --config.
func Discover(startDir string, known map[string]RuleSchema) (*Config, error) {
	p, err := Find(startDir)
	if err != nil {
		return nil, err
	}
	if p == "" {
		return Default(known), nil
	}
	return Load(p, known)
}
