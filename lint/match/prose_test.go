package match

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint/names"
)

// eachWord calls yield with each word of text, until yield returns false.
// Words are runs of letters, digits, apostrophes and combining marks. It is
// the reference for the words eachCapitalised and appendFoldProse read.
func eachWord(text string, yield func(string) bool) {
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		size := 1
		inWord := false
		if c < utf8.RuneSelf {
			inWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\''
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			inWord = inWordRune(r)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			if !yield(text[start:i]) {
				return
			}
			start = -1
		}
		i += size
	}
	if start >= 0 {
		yield(text[start:])
	}
}

// foldProse folds text as names.Fold does, word by word, dropping
// possessive endings, in one pass: it returns the words joined by single
// spaces with a space at either end, for whole-word searches.
func foldProse(text string) string {
	buf := make([]byte, 1, len(text)+2)
	buf[0] = ' '
	return string(appendFoldProse(buf, text))
}

// foldProseWordByWord is foldProse as first written: each word of
// eachWord trimmed and folded by names.AppendFold. foldProse is held to it.
func foldProseWordByWord(text string) string {
	buf := make([]byte, 1, len(text)+2)
	buf[0] = ' '
	eachWord(text, func(w string) bool {
		w = strings.Trim(w, "'’")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		n := len(buf)
		if buf = names.AppendFold(buf, w); len(buf) > n {
			buf = append(buf, ' ')
		}
		return true
	})
	return string(buf)
}

// proseSamples are texts whose words foldProse must fold as
// foldProseWordByWord does: possessives, apostrophes at the edges and
// inside, letters beyond ASCII, marks, digits, invalid UTF-8.
var proseSamples = []string{
	"", "'", "''", "'s", "''s", "s's", "a's", "A'S", "a'''s'", "x's's", "Jones'", "'Tis", "'60s", "rock'n'roll",
	"Il'ia Ehrenburg's novel The Thaw named an era.", "Ehrenburg’s novel", "Ölberg’s's", "x’s's", "’s", "’",
	"Éluard's", "e\u0301luard", "\u0301", "日本語の本", "Straße", "ŁÓDŹ", "\u212aelvin", "한국어", "a`b", "a-b_c",
	"“quoted” — dash", "\xff\xfeA's", "a\xc3", "x\xe2\x80'ss", "Kh's 12's 3'", "it's'", "'a's'", "ab'c'd's",
	"Freeze (2009, p. 412) wrote: \"The Thaw\".\n\nvon Geldern's site", "\t\nA\r\nB ", "ǅemal", "ΐ", "ﬁne",
}

func checkFoldProse(t *testing.T, text string) {
	t.Helper()
	if got, want := foldProse(text), foldProseWordByWord(text); got != want {
		t.Fatalf("foldProse(%q) = %q, want %q", text, got, want)
	}
	// mentions folds the prose section by section, as the sections
	// joined by line breaks.
	k := len(text) / 2
	got := string(appendFoldProse(appendFoldProse([]byte(" "), text[:k]), text[k:]))
	if want := foldProseWordByWord(text[:k] + "\n" + text[k:] + "\n"); got != want {
		t.Fatalf("foldProse of %q and %q apart = %q, want %q", text[:k], text[k:], got, want)
	}
}

func TestFoldProseAsWordByWord(t *testing.T) {
	for _, s := range proseSamples {
		checkFoldProse(t, s)
	}
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"a", "S", "s", "'s", "’s", "'", "’", " ", "\n", ".", "-", "`", "9", "Ab", "é", "É", "\u0301",
		"日", "\xff", "\xe2", "\x80", "—", "“", "ß", "ǅ", "\u212a", "Kh", "The", "x", "z"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkFoldProse(t, b.String())
	}
}

func FuzzFoldProse(f *testing.F) {
	for _, s := range proseSamples {
		f.Add(s)
	}
	f.Fuzz(checkFoldProse)
}

// eachCapitalisedWordByWord is eachCapitalised as it was before it scanned
// eight bytes at a time: every word of eachWord looked at.
func eachCapitalisedWordByWord(text string, yield func(string) bool) {
	eachWord(text, func(w string) bool {
		if c := w[0]; c < utf8.RuneSelf {
			if c < 'A' || c > 'Z' {
				return true
			}
		} else if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return true
		}
		w = strings.TrimRight(w, "'’")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w == "" {
			return true
		}
		return yield(w)
	})
}

func checkEachCapitalised(t *testing.T, text string, stop int) {
	t.Helper()
	var got, want []string
	eachCapitalised(text, func(w string) bool { got = append(got, w); return len(got) != stop })
	eachCapitalisedWordByWord(text, func(w string) bool { want = append(want, w); return len(want) != stop })
	if !slices.Equal(got, want) {
		t.Fatalf("eachCapitalised(%q) = %q, want %q", text, got, want)
	}
}

func TestEachCapitalisedAsWordByWord(t *testing.T) {
	for _, s := range proseSamples {
		checkEachCapitalised(t, s, -1)
	}
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"a", "S", "s", "'s", "’s", "'", "’", " ", "\n", ".", "-", "`", "9", "Ab", "é", "É", "\u0301",
		"日", "\xff", "\xe2", "\x80", "\xc3", "—", "“", "ß", "ǅ", "\u212a", "Kh", "The", "x", "z", "[", "@", "Z", "Ω"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkEachCapitalised(t, b.String(), r.IntN(4)-1)
	}
}

func FuzzEachCapitalised(f *testing.F) {
	for _, s := range proseSamples {
		f.Add(s, -1)
	}
	f.Fuzz(checkEachCapitalised)
}

func TestPunctuationHoldsNoWord(t *testing.T) {
	for r := rune(0x2000); r <= 0x206f; r++ {
		if !punctuation(r) {
			t.Fatalf("punctuation(%U) = false", r)
		}
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' || unicode.Is(unicode.Mn, r)
		if inWordRune(r) != inWord || unicode.IsUpper(r) {
			t.Errorf("%U: inWordRune = %v, want %v; upper %v", r, inWordRune(r), inWord, unicode.IsUpper(r))
		}
	}
	for _, r := range []rune{0x1fff, 0x2070, 0x2071, 'a', 'é'} {
		if punctuation(r) {
			t.Errorf("punctuation(%U) = true", r)
		}
	}
}

// benchProse is prose as the generated essays have it: ASCII words, a few
// capitalised, possessives, and curly double quotation marks.
var benchProse = strings.Repeat("In the winter of 1932 Sheila Fitzpatrick's “everyday Stalinism” found the queues "+
	"longer than before, and Brandt's ledger, kept by the district's officials, records them (Brandt 118). ", 40)

func BenchmarkFoldProse(b *testing.B) {
	b.SetBytes(int64(len(benchProse)))
	for b.Loop() {
		_ = foldProse(benchProse)
	}
}

func BenchmarkEachCapitalised(b *testing.B) {
	b.SetBytes(int64(len(benchProse)))
	for b.Loop() {
		eachCapitalised(benchProse, func(string) bool { return true })
	}
}

func checkTrimApostrophes(t *testing.T, w string) {
	t.Helper()
	if got, want := trimApostrophes(w), strings.TrimRight(w, "'’"); got != want {
		t.Fatalf("trimApostrophes(%q) = %q, want %q", w, got, want)
	}
}

func TestTrimApostrophes(t *testing.T) {
	for _, w := range []string{"", "'", "’", "''’'", "Jones'", "Jones’", "a’'’", "x\x99", "x\x80\x99", "\xe2\x80", "’s", "s’s'"} {
		checkTrimApostrophes(t, w)
	}
	for _, w := range proseSamples {
		checkTrimApostrophes(t, w)
	}
}

func FuzzTrimApostrophes(f *testing.F) {
	for _, w := range proseSamples {
		f.Add(w)
	}
	f.Fuzz(checkTrimApostrophes)
}
