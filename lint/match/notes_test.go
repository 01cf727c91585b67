package match

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citelint/citelint/lint"
)

func TestHeadName(t *testing.T) {
	tests := []struct {
		head, family string
		group, ok    bool
	}{
		{"Sheila Fitzpatrick", "Fitzpatrick", false, true},
		{"Fitzpatrick", "Fitzpatrick", false, true},
		{"James von Geldern", "von Geldern", false, true},
		{"Institute for Rural History", "Institute for Rural History", true, true},
		{"On this point", "", false, false},
		{"see the letters", "", false, false},
	}
	for _, tt := range tests {
		family, group, ok := headName(tt.head)
		assert.Equal(t, tt.family, family, tt.head)
		assert.Equal(t, tt.group, group, tt.head)
		assert.Equal(t, tt.ok, ok, tt.head)
	}
}

func TestParseNote(t *testing.T) {
	tests := []struct {
		text          string
		family, title string
		ibid          bool
		locator       string
		parsed        bool
	}{
		{"Sheila Fitzpatrick, Everyday Stalinism (New York: Oxford University Press, 1999), 45.", "Fitzpatrick", "Everyday Stalinism", false, "45", true},
		{"Fitzpatrick, Everyday Stalinism, 52.", "Fitzpatrick", "Everyday Stalinism", false, "52", true},
		{"Ibid., 53.", "", "", true, "53", true},
		{"ibid.", "", "", true, "", true},
		{`"The Virgin Lands Campaign," Encyclopedia of Soviet Everyday Life.`, "", "The Virgin Lands Campaign", false, "", true},
		{"See Brandt, Winter Ledger, 118.", "Brandt", "Winter Ledger", false, "118", true},
		{"This was also the view of most district officials.", "", "", false, "", false},
	}
	for _, tt := range tests {
		doc := &lint.Document{Text: tt.text}
		cs := parseNote(doc, lint.Range{Start: 0, End: len(tt.text)})
		if !tt.parsed {
			assert.Empty(t, cs, tt.text)
			continue
		}
		if assert.Len(t, cs, 1, tt.text) {
			assert.Equal(t, tt.family, cs[0].family, tt.text)
			assert.Equal(t, tt.title, cs[0].title, tt.text)
			assert.Equal(t, tt.ibid, cs[0].ibid, tt.text)
			assert.Equal(t, tt.locator, cs[0].locator, tt.text)
		}
	}
}

func TestParseNoteSeveralWorks(t *testing.T) {
	text := "Brandt, Winter Ledger, 73; Sokolovskaia, \"Queues and Rumours; Bread Lines,\" 94."
	cs := parseNote(&lint.Document{Text: text}, lint.Range{Start: 0, End: len(text)})
	if assert.Len(t, cs, 2) {
		assert.Equal(t, "Brandt", cs[0].family)
		assert.Equal(t, "Sokolovskaia", cs[1].family)
		assert.Equal(t, "Queues and Rumours; Bread Lines", cs[1].title)
	}
}

func TestGroupAbbreviationInParentheses(t *testing.T) {
	en := lint.Entry{
		Text:    "U.S. Global Change Research Program (USGCRP). (2018). Fourth national climate assessment.",
		Authors: []lint.Name{{Family: "U.S. Global Change Research Program", Group: true}},
		Title:   "Fourth national climate assessment", Year: "2018",
	}
	e := essay(lint.StyleAPA, []lint.Entry{en}, lint.Citation{Kind: lint.CitationParenthetical, Authors: []string{"USGCRP"}, Year: "2018"})
	Match(e)
	assert.Equal(t, 0, e.Citations[0].Entry)
	assert.False(t, e.Citations[0].YearMismatch)
}

func TestLetterYears(t *testing.T) {
	entries := []lint.Entry{
		{Authors: []lint.Name{author("Tanaka", "H.")}, Title: "Bleaching seasons", Year: "2019a"},
		{Authors: []lint.Name{author("Tanaka", "H.")}, Title: "Reefs after the heat", Year: "2019b"},
	}
	for cite, want := range map[string]int{"2019a": 0, "2019b": 1} {
		e := essay(lint.StyleAPA, append([]lint.Entry(nil), entries...), lint.Citation{Kind: lint.CitationParenthetical, Authors: []string{"Tanaka"}, Year: cite})
		Match(e)
		assert.Equal(t, want, e.Citations[0].Entry, cite)
		assert.False(t, e.Citations[0].YearMismatch, cite)
	}
}

func TestMatchAgainKeepsNoteCitations(t *testing.T) {
	body := "Grain was short (Brandt 3). The queues grew.1 "
	notes := "1. Brandt, Winter Ledger, 73; Sokolovskaia, Queues, 94.\n2. Ibid., 95."
	text := body + "\n\n" + notes
	ns := len(body) + 2
	d := &lint.Document{Text: text, Src: []byte(text), Blocks: []lint.Block{
		{Range: lint.Range{Start: 0, End: len(body)}}, {Range: lint.Range{Start: ns, End: len(text)}}}}
	e := &lint.Essay{Doc: d, Style: lint.StyleChicago,
		Sections: []lint.Section{
			{Kind: lint.SectionBody, Range: lint.Range{Start: 0, End: len(body)}, First: 0, Last: 1},
			{Kind: lint.SectionNotes, Range: lint.Range{Start: ns, End: len(text)}, First: 1, Last: 2},
		},
		Entries: []lint.Entry{
			{Authors: []lint.Name{author("Brandt", "Olga")}, Title: "Winter Ledger"},
			{Authors: []lint.Name{author("Sokolovskaia", "Natalia")}, Title: "Queues"},
		},
		Citations: []lint.Citation{
			{Kind: lint.CitationParenthetical, Authors: []string{"Brandt"}, Range: lint.Range{Start: 16, End: 26}},
			{Kind: lint.CitationNote, Text: "1", Range: lint.Range{Start: 44, End: 45}},
		},
	}
	Match(e)
	first := slices.Clone(e.Citations)
	assert.Len(t, first, 5, "the body's two and the notes' three")
	Match(e)
	assert.Equal(t, first, e.Citations)
}
