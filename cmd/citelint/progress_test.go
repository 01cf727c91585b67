package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShowProgress(t *testing.T) {
	tests := []struct {
		name           string
		terminal       bool
		env            map[string]string
		format, output string
		want           bool
	}{
		{"terminal", true, nil, "text", "", true},
		{"not a terminal", false, nil, "text", "", false},
		{"CI", true, map[string]string{"CI": "true"}, "text", "", false},
		{"pre-commit", true, map[string]string{"PRE_COMMIT": "1"}, "text", "", false},
		{"JSON to standard output", true, nil, "json", "", false},
		{"JSON to a file", true, nil, "json", "out.json", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &env{
				stderr:     io.Discard,
				isTerminal: func(io.Writer) bool { return tt.terminal },
				getenv:     func(k string) string { return tt.env[k] },
			}
			assert.Equal(t, tt.want, e.showProgress(lintFlags{Format: tt.format, Output: tt.output}))
		})
	}
}

// terminal runs with both streams on a terminal and vars as the
// environment.
func terminal(vars map[string]string) option {
	return func(e *env) {
		e.isTerminal = func(io.Writer) bool { return true }
		e.getenv = func(k string) string { return vars[k] }
	}
}

func TestProgressOnTerminalOnly(t *testing.T) {
	dir := essays(t, map[string]string{"a.txt": "A BADCITE.\n", "b.txt": "Fine.\n", "c/d.md": "IFFY\n"})

	res := citelint(t, []string{"lint", dir}, terminal(nil))
	assert.Contains(t, res.stderr, " files")
	assert.True(t, strings.HasSuffix(res.stderr, "\r\x1b[K"), "the bar is cleared at the end: %q", res.stderr)
	for _, line := range strings.Split(res.stdout, "\n") {
		assert.NotContains(t, line, "\x1b[K", "the bar never stands in the findings")
	}

	for name, opt := range map[string]option{
		"CI":          terminal(map[string]string{"CI": "1"}),
		"pre-commit":  terminal(map[string]string{"PRE_COMMIT": "1"}),
		"no terminal": func(*env) {},
	} {
		res := citelint(t, []string{"lint", dir}, opt)
		assert.NotContains(t, res.stderr, "files", name)
	}
	res = citelint(t, []string{"lint", "--format", "json", dir}, terminal(nil))
	assert.Empty(t, res.stderr, "no bar when JSON goes to standard output")
}

func TestProgressDraw(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf}
	p.total.Store(4)
	p.step()
	assert.Equal(t, "\r\x1b[K[#######                       ] 1/4 files", buf.String())
	p.clear()
	buf.Reset()
	p.total.Store(-1)
	p.step()
	assert.Equal(t, "\r\x1b[K| 2 files", buf.String())
	buf.Reset()
	p.step()
	assert.Empty(t, buf.String(), "redrawn at most every so often")
}

func TestCountInputsMatchesTheRun(t *testing.T) {
	dir := essays(t, map[string]string{
		"a.txt":              "A BADCITE.\n",
		"b.md":               "Fine.\n",
		"notes.png":          "not an essay",
		".hidden/c.txt":      "skipped",
		"node_modules/d.txt": "skipped",
		"sub/e.html":         "<p>Fine.</p>",
		"sub/.f.txt":         "skipped",
		"broken.docx":        "not a docx",
	})
	require.NoError(t, os.WriteFile(filepath.Join(dir, "class.zip"), classZip(t), 0o644))
	n, ok := countInputs(context.Background(), []string{dir, filepath.Join(dir, "a.txt"), filepath.Join(dir, "notes.png")})
	require.True(t, ok)

	res := citelint(t, []string{"lint", "--format", "json", dir, filepath.Join(dir, "a.txt"), filepath.Join(dir, "notes.png")})
	var out jsonReport
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &out))
	assert.Equal(t, out.Summary.Files, n, "the bar's total is the number of results")
	assert.Equal(t, 4+8+2, n)

	wxr := filepath.Join(dir, "blog.xml")
	require.NoError(t, os.WriteFile(wxr, []byte("<rss/>"), 0o644))
	_, ok = countInputs(context.Background(), []string{wxr})
	assert.False(t, ok, "a WordPress export is not counted ahead")
	_, ok = countInputs(context.Background(), []string{filepath.Join(dir, "missing")})
	assert.False(t, ok)
}
