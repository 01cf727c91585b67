package locate

import (
	"testing"
	"unicode/utf8"
)

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"Il’ia Ehrenburg’s “THE THAW”", "cul-\nture", "well-\r\n  known", "ﬁne straße", "cul\u00adture",
		"[t]he", "\xff\xfe", "a\u0301\u0301", "'60s", "-\n", "‐\n\u00e9", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tokens := Normalize(s)
		prev := 0
		for _, tok := range tokens {
			if tok.Word == "" {
				t.Fatalf("empty word in %q", s)
			}
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("token %+v out of order or range in %q", tok, s)
			}
			if !utf8.ValidString(tok.Word) {
				t.Fatalf("token %+v is not UTF-8", tok)
			}
			prev = tok.End
		}
		folded := Fold(s)
		if again := Fold(folded); again != folded {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, folded, again)
		}
	})
}

func FuzzFind(f *testing.F) {
	f.Add(riverSource, "the town’s market opened a month early")
	f.Add(riverSource, "Farmers who had waited … brought carrots")
	f.Add(riverSource, "[t]he [...] [the Party] . . . […]")
	f.Add("a a a a a a", "a … a … a … a")
	f.Add("", "x")
	f.Add("cul-\nture", "culture")
	f.Fuzz(func(t *testing.T, text, quote string) {
		ix := NewIndex(text)
		m := ix.Find(quote)
		if m.Start < 0 || m.End < m.Start || m.End > len(text) {
			t.Fatalf("range %d–%d outside text of %d bytes", m.Start, m.End, len(text))
		}
		if m.Passage != text[m.Start:m.End] {
			t.Fatalf("passage %q is not the text's %d–%d", m.Passage, m.Start, m.End)
		}
		if m.Score < 0 || m.Score > 1 || (m.Found && m.Score != 1) {
			t.Fatalf("score %v (found %v)", m.Score, m.Found)
		}
		for _, p := range m.Pieces {
			if p.Start < m.Start || p.End > m.End || p.End < p.Start {
				t.Fatalf("piece %+v outside %d–%d", p, m.Start, m.End)
			}
		}
		for _, e := range m.Diff {
			if e.QuoteStart < 0 || e.QuoteEnd < e.QuoteStart || e.QuoteEnd > len(quote) ||
				e.SourceStart < 0 || e.SourceEnd < e.SourceStart || e.SourceEnd > len(text) {
				t.Fatalf("edit %+v out of range", e)
			}
		}
		for _, r := range ix.LongestCommonRun(quote, 2) {
			if r.Start < 0 || r.End > len(quote) || r.SourceStart < 0 || r.SourceEnd > len(text) || r.Words < 2 {
				t.Fatalf("run %+v out of range", r)
			}
		}
	})
}
