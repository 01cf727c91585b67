package entry

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// TestDumpParse writes every field the parser gives for a large, fixed set
// of inputs to the file named by CITELINT_ENTRY_DUMP, so that a change meant
// to keep behaviour (a faster scanner in place of an expression) can be
// checked for it: dump before, dump after, compare the files byte for byte.
//
//	CITELINT_ENTRY_DUMP=/tmp/before.txt go test ./lint/entry/ -run TestDumpParse
//
// The inputs are the reference strings of ../shared/corpora, cut and
// varied, the in-text citations rendered beside them, and the lines and
// paragraphs of the project's test essays.
func TestDumpParse(t *testing.T) {
	out := os.Getenv("CITELINT_ENTRY_DUMP")
	if out == "" {
		t.Skip("set CITELINT_ENTRY_DUMP to a file to dump the parser's results")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpora not present at %s: %v", corpusDir, err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n := 0
	var recent []lint.Entry
	for _, s := range dumpInputs(t) {
		for _, v := range variants(s) {
			e := dumpOne(w, v)
			n++
			// The style of a list: the last few entries parsed.
			recent = append(recent, e)
			if len(recent) > 7 {
				recent = recent[1:]
			}
			fmt.Fprintf(w, "LIST %q\n", DetectStyle(recent))
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d inputs dumped to %s", n, out)
}

func dumpOne(w *bufio.Writer, s string) lint.Entry {
	e, f := parse(s)
	fmt.Fprintf(w, "IN %q\nE %#v\nF %#v\nSHAPED %v NAMES %#v REPEATS %v\n", s, e, f, IsReferenceShaped(s), ParseNames(s), RepeatsAuthor(s))
	return e
}

// dumpInputs gathers the raw inputs in a fixed order.
func dumpInputs(t *testing.T) []string {
	var in []string
	add := func(items []goldItem) {
		for _, it := range items {
			in = append(in, it.raw)
		}
	}
	add(loadAnystyle(t, filepath.Join(corpusDir, "anystyle/gold.xml")))
	add(loadAnystyle(t, filepath.Join(corpusDir, "anystyle/core.xml")))
	grobidFiles, _ := filepath.Glob(filepath.Join(corpusDir, "grobid/*.xml"))
	sort.Strings(grobidFiles)
	for _, file := range grobidFiles {
		add(loadGrobid(t, file))
	}
	for _, file := range []string{"elife-refs-rendered.jsonl", "apa7-manual-examples-rendered.jsonl"} {
		in = append(in, cslStrings(t, filepath.Join(corpusDir, "csl-rendered", file))...)
	}
	testdata := "../../testdata"
	if dir := os.Getenv("CITELINT_ENTRY_DUMP_TESTDATA"); dir != "" {
		// A copy, to compare two trees on the same files.
		testdata = dir
	}
	for _, dir := range []string{filepath.Join(corpusDir, "..", "seed"), testdata} {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil || !utf8.Valid(data) {
				return nil
			}
			text := strings.ReplaceAll(string(data), "\r\n", "\n")
			in = append(in, strings.Split(text, "\n\n")...)
			in = append(in, strings.Split(text, "\n")...)
			return nil
		})
	}
	return in
}

// cslStrings returns every rendered entry and in-text citation of a
// csl-rendered file, styles in a fixed order.
func cslStrings(t *testing.T, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Logf("skip %s: %v", path, err)
		return nil
	}
	var out []string
	for line := range strings.SplitSeq(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var row struct {
			Rendered map[string]map[string]string `json:"rendered"`
		}
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		styles := make([]string, 0, len(row.Rendered))
		for st := range row.Rendered {
			styles = append(styles, st)
		}
		sort.Strings(styles)
		for _, st := range styles {
			r := row.Rendered[st]
			out = append(out, r["bib_text"], r["cite"], r["cite_locator"])
		}
	}
	return out
}

// variants returns s and forms of it that reach other paths of the
// parser: cut at several points, numbered, wrapped, emphasised, in other
// case.
func variants(s string) []string {
	out := []string{s}
	if s == "" {
		return out
	}
	for k := 1; k < 6; k++ {
		cut := len(s) * k / 6
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		out = append(out, s[:cut], s[cut:])
	}
	out = append(out,
		"1. "+s,
		"[12] "+s,
		strings.ReplaceAll(s, ". ", ".\n  "),
		strings.ToLower(s),
		strings.ToUpper(s),
		strings.ReplaceAll(s, "\"", "*"),
		strings.ReplaceAll(strings.ReplaceAll(s, "“", "_"), "”", "_"),
		strings.ReplaceAll(s, ",", ";"),
		strings.ReplaceAll(s, "(", "["),
	)
	return out
}
