package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint/engine"
)

// chromium finds a headless-capable Chromium, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("chromium is not installed (Debian: apt-get install chromium)")
	return ""
}

// consoleRE matches the lines Chromium's --enable-logging=stderr writes for
// console messages: errors, uncaught exceptions and Content-Security-Policy
// violations all come as "CONSOLE" lines, whatever their level.
var consoleRE = regexp.MustCompile(`(?m)^.*:CONSOLE[(:].*$`)

// load opens url in headless Chromium and returns the DOM after the page's
// scripts ran, and the console messages it logged.
func load(t *testing.T, bin, url string) (dom string, console []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--enable-logging=stderr", "--v=0", "--dump-dom", url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "chromium: %s", stderr.String())
	return stdout.String(), consoleRE.FindAllString(stderr.String(), -1)
}

func fileURL(path string) string {
	return "file://" + filepath.ToSlash(path)
}

func TestReportInChromium(t *testing.T) {
	bin := chromium(t)

	// The check must see console errors, or its silence means nothing.
	broken := filepath.Join(t.TempDir(), "broken.html")
	require.NoError(t, os.WriteFile(broken, []byte(`<!DOCTYPE html><title>x</title><script>console.error("boom"); missing();</script>`), 0o644))
	_, console := load(t, bin, fileURL(broken))
	require.NotEmpty(t, console, "a page that logs an error must be caught")

	hostile := `<html><head><title>t</title></head><body><article><p>An essay that quotes &lt;script&gt;document.title="pwned"&lt;/script&gt; ` +
		`and BADCITE, IFFY.</p><p>Raw: <script>document.title="pwned"</script><img src="x" onerror="document.title='pwned'"></p>` +
		`<h2>Works Cited</h2><p>Lee, Ann. <i>&lt;img src=x onerror=alert(1)&gt;</i>. Press, 2001.</p></article></body></html>`
	h := lintAs(t, "hostile.html", hostile)
	h.Student = `<script>document.title="pwned"</script>`
	worst := lintAs(t, "worst.txt", "BADCITE BADCITE BADCITE IFFY\n")
	worst.Student = "Wendy Worst"
	clean := lintAs(t, "clean.md", "# Clean\n\nNothing to see.\n")
	clean.Student, clean.Late = "Carl Clean", true
	failed := engine.Result{Path: "broken.docx", Student: "Fay Failed", Err: os.ErrInvalid}
	dir := build(t, h, clean, worst, failed)

	dom, console := load(t, bin, fileURL(filepath.Join(dir, "index.html"))+"#sort=-errors")
	assert.Empty(t, console, "the index logs nothing to the console")
	assert.Contains(t, dom, "<svg")
	assert.Contains(t, dom, `class="bar"`)
	rows := regexp.MustCompile(`<tr data-n="(\d+)"`).FindAllStringSubmatch(dom, -1)
	require.Len(t, rows, 4, "a row per submission")
	assert.Equal(t, "3", rows[0][1], "#sort=-errors puts the most errors first: the script ran")
	assert.Contains(t, dom, `aria-sort="descending"`)
	assert.NotContains(t, dom, "pwned</title>")

	page := filepath.Join(dir, "essays", "0001-script-document-title-pwned-script.html")
	dom, console = load(t, bin, fileURL(page))
	assert.Empty(t, console, "the essay page logs nothing: no script in it tried to run")
	assert.Contains(t, dom, `<a class="hl sev-error"`)
	assert.Contains(t, dom, `&lt;script&gt;document.title="pwned"&lt;/script&gt;`)
	assert.NotContains(t, dom, "pwned</title>")
	assert.Equal(t, 0, strings.Count(dom, "<script"))
	assert.Equal(t, 0, strings.Count(dom, "<img"))
}
