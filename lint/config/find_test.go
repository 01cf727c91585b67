package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFile writes a file under root, making its folders.
func writeFile(t *testing.T, root, rel, content string) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// isolate points the environment away from the real user's files, so that
// only what the test writes can be found.
func isolate(t *testing.T) (userConfig string) {
	t.Helper()
	home := t.TempDir()
	t.Setenv(EnvConfig, "")
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("AppData", filepath.Join(home, "AppData")) // Windows
	dir, err := os.UserConfigDir()
	require.NoError(t, err)
	return filepath.Join(dir, "citelint", "config.yml")
}

func TestFind(t *testing.T) {
	const cfg = "version: 1\n"

	t.Run("nothing anywhere", func(t *testing.T) {
		isolate(t)
		root := t.TempDir()
		writeFile(t, root, "repo/.git/HEAD", "")
		got, err := Find(filepath.Join(root, "repo"))
		require.NoError(t, err)
		assert.Empty(t, got)
	})

	t.Run("in the essay's folder", func(t *testing.T) {
		isolate(t)
		root := t.TempDir()
		want := writeFile(t, root, "repo/essays/.citelint.yml", cfg)
		writeFile(t, root, "repo/.citelint.yml", cfg)
		writeFile(t, root, "repo/.git/HEAD", "")
		got, err := Find(filepath.Join(root, "repo", "essays"))
		require.NoError(t, err)
		assert.Equal(t, want, got, "the nearest folder wins")
	})

	t.Run("walks up to the repository root, inclusive", func(t *testing.T) {
		isolate(t)
		root := t.TempDir()
		want := writeFile(t, root, "repo/.citelint.yaml", cfg)
		writeFile(t, root, "repo/.git/HEAD", "")
		got, err := Find(filepath.Join(root, "repo", "class", "week1"))
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})

	t.Run("stops at the repository root", func(t *testing.T) {
		userConfig := isolate(t)
		root := t.TempDir()
		writeFile(t, root, ".citelint.yml", cfg) // another project's, above the repo
		writeFile(t, root, "repo/.git", "gitdir: ../elsewhere\n")
		got, err := Find(filepath.Join(root, "repo", "essays"))
		require.NoError(t, err)
		assert.Empty(t, got)

		// The user config comes after the walk.
		writeFile(t, filepath.Dir(userConfig), "config.yml", cfg)
		got, err = Find(filepath.Join(root, "repo", "essays"))
		require.NoError(t, err)
		assert.Equal(t, userConfig, got)
	})

	t.Run("a project file beats the user config", func(t *testing.T) {
		userConfig := isolate(t)
		writeFile(t, filepath.Dir(userConfig), "config.yml", cfg)
		root := t.TempDir()
		want := writeFile(t, root, "repo/.citelint.yml", cfg)
		writeFile(t, root, "repo/.git/HEAD", "")
		got, err := Find(filepath.Join(root, "repo"))
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})

	t.Run("CITELINT_CONFIG beats everything", func(t *testing.T) {
		userConfig := isolate(t)
		writeFile(t, filepath.Dir(userConfig), "config.yml", cfg)
		root := t.TempDir()
		writeFile(t, root, "repo/.citelint.yml", cfg)
		writeFile(t, root, "repo/.git/HEAD", "")
		want := writeFile(t, root, "shared/class.yml", cfg)
		t.Setenv(EnvConfig, want)
		got, err := Find(filepath.Join(root, "repo"))
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})

	t.Run("CITELINT_CONFIG naming nothing is an error", func(t *testing.T) {
		isolate(t)
		missing := filepath.Join(t.TempDir(), "nope.yml")
		t.Setenv(EnvConfig, missing)
		_, err := Find(t.TempDir())
		require.Error(t, err)
		assert.Contains(t, err.Error(), EnvConfig)
		assert.Contains(t, err.Error(), missing)

		t.Setenv(EnvConfig, t.TempDir())
		_, err = Find(t.TempDir())
		assert.ErrorContains(t, err, "folder")
	})

	t.Run("both names in one folder is an error", func(t *testing.T) {
		isolate(t)
		root := t.TempDir()
		writeFile(t, root, ".citelint.yml", cfg)
		writeFile(t, root, ".citelint.yaml", cfg)
		writeFile(t, root, ".git/HEAD", "")
		_, err := Find(root)
		assert.ErrorContains(t, err, "keep one")
	})

	t.Run("a folder named .citelint.yml is not a config", func(t *testing.T) {
		isolate(t)
		root := t.TempDir()
		require.NoError(t, os.MkdirAll(filepath.Join(root, ".citelint.yml"), 0o755))
		writeFile(t, root, ".git/HEAD", "")
		got, err := Find(root)
		require.NoError(t, err)
		assert.Empty(t, got)
	})

	t.Run("relative start folder", func(t *testing.T) {
		isolate(t)
		root := t.TempDir()
		want := writeFile(t, root, ".citelint.yml", cfg)
		writeFile(t, root, ".git/HEAD", "")
		writeFile(t, root, "essays/a.md", "")
		t.Chdir(root)
		got, err := Find("essays")
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})
}

func TestDiscover(t *testing.T) {
	isolate(t)
	root := t.TempDir()
	writeFile(t, root, ".git/HEAD", "")
	cfg, err := Discover(root, testKnown())
	require.NoError(t, err)
	assert.Equal(t, Default(testKnown()).Settings(), cfg.Settings())
	assert.Empty(t, cfg.Path)

	p := writeFile(t, root, ".citelint.yml", "version: 1\nstyle: harvard\n")
	cfg, err = Discover(filepath.Join(root, "sub"), testKnown())
	require.NoError(t, err)
	assert.Equal(t, p, cfg.Path)
	assert.Equal(t, "harvard", string(cfg.Style))

	writeFile(t, root, ".citelint.yml", "version: 1\nstyle: ieee\n")
	_, err = Discover(root, testKnown())
	assert.EqualError(t, err, p+`:2:8: style: unknown style "ieee" (want auto, mla, apa, chicago or harvard)`)
}
