package rules_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/linttest"
	"github.com/citelint/citelint/rules"
)

// TestSuppressFixtures runs testdata/suppress/: each essay there is quiet
// only because a directive suppresses its findings, so it must be quiet
// with directives on and must have findings with --no-inline-config.
func TestSuppressFixtures(t *testing.T) {
	dir := filepath.Join("..", "testdata", "suppress")
	linttest.Run(t, dir, newEngine)

	files, err := linttest.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range files {
		t.Run("no-inline-config/"+rel, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, rel))
			if err != nil {
				t.Fatal(err)
			}
			fx, err := linttest.Prepare(rel, src)
			if err != nil {
				t.Fatal(err)
			}
			eng := engine.New(engine.Options{Rules: rules.All(), Settings: fx.Settings, Jobs: 1, NoInlineConfig: true})
			res := eng.LintSource(rel, fx.Src)
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if len(res.Diagnostics) == 0 {
				t.Errorf("%s: no findings without its directives: the fixture does not show a suppression", rel)
			}
			for _, d := range res.Diagnostics {
				if d.Rule == "unused-suppression" {
					t.Errorf("%s: --no-inline-config still reports directives: %s", rel, d.Message)
				}
			}
		})
	}
}

// TestSuppressDirectiveOff checks that with unused-suppression turned off
// a directive that suppresses nothing goes unreported.
func TestSuppressDirectiveOff(t *testing.T) {
	path := filepath.Join("..", "testdata", "rules", "unused-suppression", "fire-next-line-nothing.md")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fx, err := linttest.Prepare(path, src)
	if err != nil {
		t.Fatal(err)
	}
	eng := engine.New(engine.Options{Rules: rules.All(), Settings: fx.Settings, Jobs: 1,
		Severity: map[string]lint.Severity{"unused-suppression": lint.SeverityOff}})
	res := eng.LintSource(path, fx.Src)
	if res.Err != nil || len(res.Diagnostics) > 0 {
		t.Errorf("want no findings with unused-suppression off, got %v (err %v)", res.Diagnostics, res.Err)
	}
}

// TestSuppressDocxComment checks a Word comment starting
// "citelint-disable": it silences the paragraph it is anchored to, and no
// other.
func TestSuppressDocxComment(t *testing.T) {
	para := func(runs string) string { return "<w:p>" + runs + "</w:p>" }
	run := func(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	document := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` +
		para(run("Shade Is Medicine")) +
		para(`<w:commentRangeStart w:id="1"/>`+run("My grandmother liked to say that “every garden begins as an argument about who owns the soil.”")+
			`<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>`) +
		para(run("Planners like to say that “the best time to plant a tree was twenty years ago.” The city should start this spring.")) +
		`</w:body></w:document>`
	comments := `<?xml version="1.0"?><w:comments ` + ns + `><w:comment w:id="1" w:author="A Student"><w:p><w:r><w:t>citelint-disable quote-uncited -- a family saying</w:t></w:r></w:p></w:comment></w:comments>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range [][2]string{{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document}, {"word/comments.xml", comments}} {
		w, err := zw.Create(part[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(part[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	lintWith := func(noInline bool) []string {
		eng := engine.New(engine.Options{Rules: rules.All(), Settings: lint.DefaultSettings(), Jobs: 1, NoInlineConfig: noInline})
		res := eng.LintSource("essay.docx", buf.Bytes())
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		index := lint.NewLineIndex(res.Src)
		var out []string
		for _, d := range res.Diagnostics {
			out = append(out, fmt.Sprintf("%d %s", index.Position(d.Span.Start).Line, d.Rule))
		}
		return out
	}
	// The essay has no works-cited list; the comment names quote-uncited only.
	assert.Equal(t, []string{"2 works-cited-missing", "3 quote-uncited"}, lintWith(false), "the commented paragraph's quote-uncited is quiet, the next is not")
	assert.Equal(t, []string{"2 quote-uncited", "2 works-cited-missing", "3 quote-uncited"}, lintWith(true), "--no-inline-config")
}
