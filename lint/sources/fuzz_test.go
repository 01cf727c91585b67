package sources

import (
	"bytes"
	"testing"
)

func FuzzOpenSourceHTML(f *testing.F) {
	for _, s := range []string{
		blogPage, articlePage, mainPage, bodyPage,
		"<html><head><title>T</title><link rel=canonical href=x>",
		"<title>\xff\xfe</title><p>caf\xe9",
		"<div class=entry-content><article><main><nav><p>a</nav></main></article></div>",
		"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00",
		"<pre>cul-\nture</pre>",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		r := HTMLReader{}
		if _, err := r.Identify("page.html", bytes.NewReader(src)); err != nil {
			return
		}
		c, err := r.Read("page.html", src)
		if err != nil {
			return
		}
		s := &Source{File: "page.html", Path: "page.html", reader: r}
		s.content = c
		s.contentOnce.Do(func() {})
		ix, err := s.Index()
		if err != nil {
			t.Fatal(err)
		}
		text := ix.Text()
		m := ix.Find("the quick brown fox … jumps [over]")
		if m.Start < 0 || m.End < m.Start || m.End > len(text) {
			t.Fatalf("match %d–%d outside text of %d bytes", m.Start, m.End, len(text))
		}
		for _, run := range ix.LongestCommonRun(c.Text, 3) {
			if run.SourceStart < 0 || run.SourceEnd > len(text) || run.SourceEnd < run.SourceStart {
				t.Fatalf("run %+v outside text", run)
			}
		}
		if _, err := s.Terms(); err != nil {
			t.Fatal(err)
		}
	})
}
