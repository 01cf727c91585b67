package match

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/citelint/citelint/lint"
)

func essay(style lint.Style, entries []lint.Entry, cites ...lint.Citation) *lint.Essay {
	d := &lint.Document{Text: "x", Src: []byte("x"), Blocks: []lint.Block{{Range: lint.Range{Start: 0, End: 1}}}}
	return &lint.Essay{Doc: d, Style: style, Entries: entries, Citations: cites,
		Sections: []lint.Section{{Kind: lint.SectionBody, Range: lint.Range{Start: 0, End: 1}, Last: 1}}}
}

func author(family, given string) lint.Name { return lint.Name{Family: family, Given: given} }

func TestMatchByName(t *testing.T) {
	entries := []lint.Entry{
		{Authors: []lint.Name{{Family: "Geldern", Particle: "von", Given: "James"}}, Title: "The Thaw", Year: "2015"},
		{Authors: []lint.Name{author("Freeze", "Gregory L.")}, Title: "Russia: A History", Year: "2009"},
		{Authors: []lint.Name{{Family: "American Psychological Association", Group: true}}, Title: "Publication Manual", Year: "2020"},
		{Title: "Seventeen Moments in Soviet History", Year: "2014"},
	}
	tests := []struct {
		name       string
		style      lint.Style
		cite       lint.Citation
		entry      int
		suggestion string
		mismatch   bool
	}{
		{"particle kept", lint.StyleMLA, lint.Citation{Authors: []string{"von Geldern"}}, 0, "", false},
		{"particle capitalised", lint.StyleMLA, lint.Citation{Authors: []string{"Von Geldern"}}, 0, "", false},
		{"particle dropped is a near miss", lint.StyleMLA, lint.Citation{Authors: []string{"Geldern"}}, -1, "von Geldern, James", false},
		{"misspelling", lint.StyleMLA, lint.Citation{Authors: []string{"Freez"}}, -1, "Freeze, Gregory L.", false},
		{"APA year", lint.StyleAPA, lint.Citation{Authors: []string{"Freeze"}, Year: "2009"}, 1, "", false},
		{"APA other year", lint.StyleAPA, lint.Citation{Authors: []string{"Freeze"}, Year: "2011"}, 1, "", true},
		{"MLA ignores year", lint.StyleMLA, lint.Citation{Authors: []string{"Freeze"}, Year: "2011"}, 1, "", false},
		{"group abbreviation", lint.StyleAPA, lint.Citation{Authors: []string{"APA"}, Year: "2020"}, 2, "", false},
		{"group in full", lint.StyleAPA, lint.Citation{Authors: []string{"American Psychological Association"}, Year: "2020"}, 2, "", false},
		{"short title", lint.StyleMLA, lint.Citation{Title: "Seventeen Moments"}, 3, "", false},
		{"title as author", lint.StyleMLA, lint.Citation{Authors: []string{"Seventeen Moments"}}, 3, "", false},
		{"nobody", lint.StyleMLA, lint.Citation{Authors: []string{"Taubman"}}, -1, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cite.Kind = lint.CitationParenthetical
			e := essay(tt.style, append([]lint.Entry(nil), entries...), tt.cite)
			Match(e)
			c := e.Citations[0]
			assert.Equal(t, tt.entry, c.Entry)
			assert.Equal(t, tt.suggestion, c.Suggestion)
			assert.Equal(t, tt.mismatch, c.YearMismatch)
		})
	}
}

func TestMatchByURL(t *testing.T) {
	entries := []lint.Entry{{URL: "https://www.example.org/a/page/", Title: "Page"}, {DOI: "10.1234/abc.5", Title: "Paper"}}
	for raw, want := range map[string]int{
		"http://example.org/a/page":                       0,
		"https://example.org/a/page?utm_source=x#section": 0,
		"https://doi.org/10.1234/ABC.5":                   1,
		"https://example.org/a/other":                     -1,
	} {
		e := essay(lint.StyleMLA, append([]lint.Entry(nil), entries...), lint.Citation{Kind: lint.CitationLink, URL: raw})
		Match(e)
		assert.Equal(t, want, e.Citations[0].Entry, raw)
	}
}

func TestMentions(t *testing.T) {
	text := "Il'ia Ehrenburg's novel The Thaw named an era."
	d := &lint.Document{Text: text, Src: []byte(text), Blocks: []lint.Block{{Range: lint.Range{Start: 0, End: len(text)}}}}
	e := &lint.Essay{Doc: d, Style: lint.StyleMLA,
		Sections: []lint.Section{{Kind: lint.SectionBody, Range: lint.Range{Start: 0, End: len(text)}, Last: 1}},
		Entries: []lint.Entry{
			{Authors: []lint.Name{author("Erenburg", "Ilya")}, Title: "Ottepel"},
			{Authors: []lint.Name{author("Taubman", "William")}, Title: "Khrushchev"},
		}}
	Match(e)
	assert.True(t, e.Entries[0].Mentioned, "transliteration variant named in prose")
	assert.False(t, e.Entries[1].Mentioned)
}

func TestNormalizeURL(t *testing.T) {
	assert.Equal(t, "example.org/a", NormalizeURL("https://www.Example.org/a/"))
	assert.Equal(t, "example.org/a?id=3", NormalizeURL("http://example.org/a?id=3&utm_medium=x&fbclid=y"))
	assert.Equal(t, "example.org", NormalizeURL("example.org/index.html"))
	assert.Equal(t, "", NormalizeURL("  "))
	assert.Equal(t, "example.org/a", NormalizeURL("https://example.org/a/?"), "an empty query is dropped")
	assert.Equal(t, "example.org", Host("https://www.example.org/x/y"))
}

func TestPageOnlyFindsNamedAuthor(t *testing.T) {
	text := "Sokolovskaia records the saying in her study (94)."
	d := &lint.Document{Text: text, Src: []byte(text), Blocks: []lint.Block{{Range: lint.Range{Start: 0, End: len(text)}}}}
	e := &lint.Essay{Doc: d, Style: lint.StyleMLA,
		Sections: []lint.Section{{Kind: lint.SectionBody, Range: lint.Range{Start: 0, End: len(text)}, Last: 1}},
		Entries: []lint.Entry{
			{Authors: []lint.Name{author("Brandt", "Olga")}},
			{Authors: []lint.Name{author("Sokolovskaya", "Natalia")}},
		},
		Citations: []lint.Citation{{Kind: lint.CitationParenthetical, PageOnly: true, Locator: "94",
			Range: lint.Range{Start: 45, End: 49}}},
	}
	Match(e)
	assert.Equal(t, 1, e.Citations[0].Entry)
	assert.Equal(t, []int{0}, e.Entries[1].CitedBy)
}

func TestSiteNameAndLinkedParentheses(t *testing.T) {
	entries := []lint.Entry{
		{Authors: []lint.Name{author("Plokhy", "S.")}, Title: "Chernobyl", Year: "2018"},
		{Authors: []lint.Name{{Family: "Geldern", Particle: "von", Given: "J."}}, Title: "Chernobyl", Container: "Seventeen Moments in Soviet History", URL: "https://soviethistory.example.edu/1986-2/chernobyl/"},
	}
	site := lint.Citation{Kind: lint.CitationParenthetical, Text: "(Seventeen Moments)", Authors: []string{"Moments"}, Range: lint.Range{Start: 0, End: 19}}
	e := essay(lint.StyleMLA, append([]lint.Entry(nil), entries...), site)
	Match(e)
	assert.Equal(t, 1, e.Citations[0].Entry, "a site name stands for an authorless page's author")

	wrapped := lint.Citation{Kind: lint.CitationParenthetical, Text: "(Moments page)", Authors: []string{"Moments"}, Range: lint.Range{Start: 10, End: 30}}
	link := lint.Citation{Kind: lint.CitationLink, URL: "http://soviethistory.example.edu/1986-2/chernobyl", Range: lint.Range{Start: 11, End: 29}}
	e = essay(lint.StyleMLA, append([]lint.Entry(nil), entries...), wrapped, link)
	Match(e)
	assert.Equal(t, 1, e.Citations[0].Entry, "the link inside the parentheses names the entry")

	other := lint.Citation{Kind: lint.CitationParenthetical, Text: "(Other Site)", Authors: []string{"Site"}}
	e = essay(lint.StyleMLA, append([]lint.Entry(nil), entries...), other)
	Match(e)
	assert.Equal(t, -1, e.Citations[0].Entry)
}

// namedInEverywhere is namedIn as first written, reading all of text: the
// reference namedIn is held to within its reach.
func (m *matcher) namedInEverywhere(text string) int {
	i, _ := m.lastNamed(text, true)
	return i
}

func TestNamedInReadsTheTailAsTheWhole(t *testing.T) {
	e := essay(lint.StyleMLA, []lint.Entry{
		{Authors: []lint.Name{{Family: "Geldern", Particle: "von", Given: "James"}}},
		{Authors: []lint.Name{author("Geldern", "Anna")}},
		{Authors: []lint.Name{author("Freeze", "Gregory")}},
		{Authors: []lint.Name{author("Smith-Jones", "Mary")}},
		{},
	})
	m := newMatcher(e)
	r := rand.New(rand.NewPCG(7, 8))
	vocab := []string{"the", "thaw", "von", "Geldern", "Geldern's", "Freeze's", "Freeze", "Smith-Jones", "Smith", "Jones", "wrote", "(94)", "—", "“quoted”", "Il'ia", "von\nGeldern", "\t"}
	for n := range 3000 {
		var b strings.Builder
		words := 1 + r.IntN(1+n%700)
		for range words {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteByte(' ')
		}
		text := b.String()
		if len(text) > namedInReach {
			continue // beyond its reach namedIn stops by design; tested below
		}
		if got, want := m.namedIn(text), m.namedInEverywhere(text); got != want {
			t.Fatalf("namedIn(%q) = %d, want %d", text, got, want)
		}
	}
	// The first tail is cut between "von" and "Geldern": only the longer
	// one can tell von Geldern from Geldern.
	cutName := "a von Geldern " + strings.Repeat("x ", 122) + "y"
	assert.Equal(t, 259, len(cutName))
	assert.Equal(t, 0, m.namedIn(cutName))
	// A name further back than namedInReach is not read.
	far := "Freeze wrote " + strings.Repeat("and then the thaw ", namedInReach/10) + "(94)"
	assert.Equal(t, 2, m.namedInEverywhere(far))
	assert.Equal(t, -1, m.namedIn(far))
	assert.Equal(t, 0, m.namedIn(strings.Repeat("x ", 3000)+"as von Geldern says"))
}

// eachCapitalisedTrimmingFirst is eachCapitalised as it was written first:
// every word trimmed, then its first letter read.
func eachCapitalisedTrimmingFirst(text string, yield func(string) bool) {
	eachWord(text, func(w string) bool {
		w = strings.TrimRight(w, "'’")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w == "" {
			return true
		}
		if c := w[0]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return yield(w)
			}
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return yield(w)
		}
		return true
	})
}

func TestEachCapitalisedAsTrimmingFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	vocab := []string{"Freeze", "Freeze's", "Freeze’s", "Jones'", "Jones’", "’", "'", "'s", "’s", "s", "Éluard", "éluard",
		"Ölberg’s's", "x’s's", "Ę", "ę", "Ŀ", "rock'n'roll", "’Tis", "'60s", "A", "a", "Ω’", "9", "Il'ia", "—", " ", ".", "\u0301"}
	for range 5000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(vocab[r.IntN(len(vocab))])
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		var got, want []string
		stop := r.IntN(4)
		eachCapitalised(text, func(w string) bool { got = append(got, w); return len(got) != stop })
		eachCapitalisedTrimmingFirst(text, func(w string) bool { want = append(want, w); return len(want) != stop })
		if !slices.Equal(got, want) {
			t.Fatalf("eachCapitalised(%q) = %q, want %q", text, got, want)
		}
	}
}
