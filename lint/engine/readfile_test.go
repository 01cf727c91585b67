package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadFileAsOS holds readFile to os.ReadFile: the same bytes for files
// of every size around its buffer's, and the same errors.
func TestReadFileAsOS(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 511, 512, 513, 7000, 1 << 16, 1<<20 + 3} {
		path := filepath.Join(dir, "essay.txt")
		want := bytes.Repeat([]byte("thaw “€” "), n/12+1)[:n]
		require.NoError(t, os.WriteFile(path, want, 0o644))
		got, err := readFile(path)
		require.NoError(t, err)
		assert.Equal(t, want, got, "%d bytes", n)
	}
	// A file whose size the system does not know ahead (it reports 0)
	// is read to its end all the same.
	if want, err := os.ReadFile("/proc/version"); err == nil && len(want) > 0 {
		got, err := readFile("/proc/version")
		require.NoError(t, err)
		assert.Equal(t, want, got, "/proc/version")
	}
	for _, path := range []string{dir, filepath.Join(dir, "missing.md")} {
		_, want := os.ReadFile(path)
		_, got := readFile(path)
		require.Error(t, got, path)
		assert.Equal(t, unwrapPathError(want).Error(), unwrapPathError(got).Error(), path)
	}
}
