package engine

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

func writeZip(t *testing.T, path string, members map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range members {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

func TestRunReadsSubmissionZip(t *testing.T) {
	dir := t.TempDir()
	writeZip(t, filepath.Join(dir, "class.zip"), map[string]string{
		"smithbob_LATE_12345_67890_essay.txt": "Title\n\nSome text.",
		"jonesann_23456_78901_essay.md":       "# Title\n\nText.",
		"../escape.txt":                       "outside",
		"notes.bin":                           "\x00\x01",
	})
	eng := New(Options{Rules: []lint.Rule{everyBlock{}}, Jobs: 2})
	var got []Result
	require.NoError(t, eng.Run(context.Background(), []string{dir}, func(r Result) { got = append(got, r) }))

	byStudent := map[string]Result{}
	failed := 0
	for _, r := range got {
		if r.Err != nil {
			failed++
			continue
		}
		byStudent[r.Student] = r
	}
	require.Contains(t, byStudent, "smithbob")
	assert.True(t, byStudent["smithbob"].Late)
	assert.NotEmpty(t, byStudent["smithbob"].Diagnostics)
	require.Contains(t, byStudent, "jonesann")
	assert.False(t, byStudent["jonesann"].Late)
	assert.Equal(t, 1, failed, "the zip-slip member is refused and reported, the rest linted")
}

func TestRunReportsCorruptZip(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "broken.zip")
	require.NoError(t, os.WriteFile(bad, []byte("PK\x03\x04 not really a zip"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Fine."), 0o644))
	var got []Result
	require.NoError(t, New(Options{}).Run(context.Background(), []string{dir}, func(r Result) { got = append(got, r) }))
	require.Len(t, got, 2)
	require.Error(t, got[0].Err)
	assert.Contains(t, got[0].Err.Error(), "broken.zip")
	assert.NoError(t, got[1].Err)
}

func TestRunSkipsXMLThatIsNotWordPress(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "data.xml"), []byte("<root/>"), 0o644))
	var got []Result
	require.NoError(t, New(Options{}).Run(context.Background(), []string{dir}, func(r Result) { got = append(got, r) }))
	assert.Empty(t, got, "an .xml file in a folder is linted only when it is a WordPress export")
	got = nil
	require.NoError(t, New(Options{}).Run(context.Background(), []string{filepath.Join(dir, "data.xml")}, func(r Result) { got = append(got, r) }))
	require.Len(t, got, 1)
	assert.ErrorContains(t, got[0].Err, "not a WordPress export")
}
