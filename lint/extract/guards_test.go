package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// The hand-written tests below are held to the code they replaced, kept
// here as the reference.

// mayBeCreditRef is mayBeCredit as it was: the first word lowered into a
// buffer and looked up in a set.
func mayBeCreditRef(s string) bool {
	letters := map[string]bool{}
	for _, w := range creditWords {
		letters[strings.TrimSuffix(w, ".")] = true
	}
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	var buf [16]byte
	w := buf[:0]
	for j := i; j < len(s); j++ {
		c := s[j]
		if c >= utf8.RuneSelf {
			return true
		}
		if c|0x20 < 'a' || c|0x20 > 'z' {
			break
		}
		if len(w) == len(buf) {
			return false
		}
		w = append(w, c|0x20)
	}
	return letters[string(w)]
}

// headingKindRef is HeadingKind as it was, with no count of letters.
func headingKindRef(text string) (lint.SectionKind, bool) {
	t := strings.TrimSpace(text)
	if t == "" || len(t) > 4*40 || utf8.RuneCountInString(t) > 40 || strings.Contains(t, "\n") {
		return "", false
	}
	kind, ok := bibliographyHeadings[names.Fold(t)]
	return kind, ok
}

// guardCases are texts near the edges the guards test: credit words and
// headings in any case, with marks, accents, digits and padding.
var guardCases = []string{
	"", " ", "Image: x", "IMAGE", "image", "imagex", "Fig. 3", "fig", "FIG", "Figs", "map", "Map-", "maps",
	"Illustration", "illustrations", "Illustrationx", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnop:",
	"Poſter", "\tPhotograph 1", "\u00a0Image", "Painting", "paintinG", "Cartoon:", "Picture", "Poster",
	"Works Cited", "works cited:", "**Works Cited**", "WORKS CITED", "Références", "References", "References 2",
	"Select Bibliography", "Select  Bibliography!", "Select Bibliographyy", "List of References", "Sources Cited",
	"Notes", "Endnotes:", "Foot-notes", "Literature Cited", "Cited Works", "Work cited", "Works\ncited",
	strings.Repeat("a", 19), strings.Repeat("a", 20), strings.Repeat("é", 41), strings.Repeat("é", 40),
	strings.Repeat("x ", 80), "Bibliography" + strings.Repeat(" ", 150) + ".", "  Citations  ",
}

// randomGuardText builds a text from pieces the guards care about.
func randomGuardText(r *rand.Rand) string {
	pieces := []string{"Image", "fig", ".", ":", " ", "\t", "\n", "Works", "cited", "Cited", "References", "é", "ſ", "x", "1", "**", "-", "–", "Bibliography", "Notes", "a", "Z", "\u00a0", "\xff", "Select", "list", "of"}
	var b strings.Builder
	n := r.IntN(14)
	if r.IntN(4) == 0 {
		// Long enough for the counts of runes to matter.
		n = r.IntN(160)
	}
	for ; n > 0; n-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func checkGuards(t *testing.T, s string) {
	t.Helper()
	if got, want := mayBeCredit(s), mayBeCreditRef(s); got != want {
		t.Errorf("mayBeCredit(%q) = %v, was %v", s, got, want)
	}
	gk, gok := HeadingKind(s)
	wk, wok := headingKindRef(s)
	if gk != wk || gok != wok {
		t.Errorf("HeadingKind(%q) = %q %v, was %q %v", s, gk, gok, wk, wok)
	}
	for _, n := range []int{0, 1, 3, 40, 100} {
		if got, want := atMostRunes(s, n), utf8.RuneCountInString(s) <= n; got != want {
			t.Errorf("atMostRunes(%q, %d) = %v, want %v", s, n, got, want)
		}
	}
}

func TestGuardsMatchReference(t *testing.T) {
	for _, s := range guardCases {
		checkGuards(t, s)
	}
	r := rand.New(rand.NewPCG(7, 11))
	for range 50000 {
		checkGuards(t, randomGuardText(r))
	}
	// Every ASCII letter and digit survives folding as one byte, which
	// moreAlnum counts on.
	for c := byte(0); c < utf8.RuneSelf; c++ {
		isAlnum := 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
		if isAlnum && len(names.Fold("x"+string(c))) != 2 {
			t.Errorf("folding drops %q", c)
		}
	}
}

func FuzzGuards(f *testing.F) {
	for _, s := range guardCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkGuards(t, s) })
}
