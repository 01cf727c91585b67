package locate

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// riverSource is a made-up source page: curly quotes, dashes, a word
// hyphenated across a line break, and a repeated phrase.
const riverSource = `When the ice on the Vesna broke in March, the town’s market opened a month early.
Farmers who had waited all winter brought potatoes, honey and wool—whatever the cellars still held.
The mayor called it “a small miracle of the calendar,” and the newspaper printed his words on the front page.
Not everyone agreed. The schoolteacher Anna Korvel wrote that the early market was a gamble: a late
frost could ruin the seedlings that traders sold beside the vegetables. She urged the council to post-
pone the flower stalls until April, and the council, after a long and noisy meeting, did so.
In later years the early market became a custom, and the town’s children learned to watch the river.`

func TestFind(t *testing.T) {
	ix := NewIndex(riverSource)
	tests := []struct {
		name, quote string
		found       bool
		passage     string // the passage found, as the source writes it
	}{
		{"exact", "the town’s market opened a month early", true, "the town’s market opened a month early"},
		{"straight apostrophe for curly", "the town's market opened a month early", true, "the town’s market opened a month early"},
		{"case and punctuation", "The Town's Market Opened A Month Early!", true, "the town’s market opened a month early"},
		{"straight quotes inside", `the mayor called it "a small miracle of the calendar"`, true, "The mayor called it “a small miracle of the calendar"},
		{"dash folded", "honey and wool - whatever the cellars still held", true, "honey and wool—whatever the cellars still held"},
		{"across a line break", "the early market was a gamble: a late frost could ruin the seedlings", true, "the early market was a gamble: a late\nfrost could ruin the seedlings"},
		{"hyphenated across a line in the source", "urged the council to postpone the flower stalls", true, "urged the council to post-\npone the flower stalls"},
		{"hyphenated across a line in the quote", "urged the council to post-\npone the flower stalls", true, "urged the council to post-\npone the flower stalls"},
		{"three dots", "Farmers who had waited all winter brought potatoes ... whatever the cellars still held", true, "Farmers who had waited all winter brought potatoes, honey and wool—whatever the cellars still held"},
		{"ellipsis character", "Farmers who had waited all winter brought potatoes… whatever the cellars still held", true, "Farmers who had waited all winter brought potatoes, honey and wool—whatever the cellars still held"},
		{"spaced dots", "Farmers who had waited . . . brought potatoes", true, "Farmers who had waited all winter brought potatoes"},
		{"bracketed ellipsis", "She urged the council [...] did so", true, "She urged the council to post-\npone the flower stalls until April, and the council, after a long and noisy meeting, did so"},
		{"bracketed ellipsis character", "She urged the council […] did so", true, "She urged the council to post-\npone the flower stalls until April, and the council, after a long and noisy meeting, did so"},
		{"ellipsis across sentences", "the town’s market opened a month early. … The mayor called it", true, "the town’s market opened a month early.\nFarmers who had waited all winter brought potatoes, honey and wool—whatever the cellars still held.\nThe mayor called it"},
		{"bracketed insertion for a word", "[Korvel] wrote that the early market was a gamble", true, "wrote that the early market was a gamble"},
		{"bracketed insertion inside", "the council, after a long and noisy meeting, did [postpone the stalls]", true, "the council, after a long and noisy meeting, did"},
		{"bracketed insertion replacing words", "[the early market] became a custom", true, "became a custom"},
		{"bracketed insertion standing for nothing", "the town’s [annual] market opened a month early", true, "the town’s market opened a month early"},
		{"bracketed capital", "[t]he early market became a custom", true, "the early market became a custom"},
		{"sic", "a late frost could ruin [sic] the seedlings", true, "a late\nfrost could ruin the seedlings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ix.Find(tt.quote)
			require.Equal(t, tt.found, m.Found, "%+v", m)
			assert.Equal(t, 1.0, m.Score)
			assert.Equal(t, tt.passage, m.Passage)
			assert.Equal(t, riverSource[m.Start:m.End], m.Passage)
			assert.Empty(t, m.Diff)
			for _, p := range m.Pieces {
				assert.True(t, p.Start >= m.Start && p.End <= m.End && p.Start <= p.End, "piece %v inside %d–%d", p, m.Start, m.End)
			}
		})
	}
}

func TestFindPieces(t *testing.T) {
	ix := NewIndex(riverSource)
	m := ix.Find("Farmers who had waited . . . brought potatoes")
	require.True(t, m.Found)
	require.Len(t, m.Pieces, 2)
	assert.Equal(t, "Farmers who had waited", riverSource[m.Pieces[0].Start:m.Pieces[0].End])
	assert.Equal(t, "brought potatoes", riverSource[m.Pieces[1].Start:m.Pieces[1].End])
}

func TestFindNotFound(t *testing.T) {
	ix := NewIndex(riverSource)
	tests := []struct{ name, quote string }{
		{"absent", "the harvest festival was cancelled because of the drought"},
		{"pieces out of order", "brought potatoes … Farmers who had waited"},
		{"bracketed insertion too short for what it replaces", "the mayor called it [praise] and the newspaper printed his words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ix.Find(tt.quote)
			assert.False(t, m.Found, "%+v", m)
			assert.Less(t, m.Score, 1.0)
		})
	}
	m := ix.Find("the harvest festival was cancelled because of the drought")
	assert.Less(t, m.Score, 0.5, "a quotation with nothing in common scores low")
	assert.Equal(t, Match{}, ix.Find("... [—] …"), "a quotation with no words matches nothing")
	assert.Equal(t, Match{}, ix.Find("zebra quagga okapi"), "words the source never uses give no passage")
	assert.Equal(t, Match{}, NewIndex("").Find("anything"))
}

func TestFindEllipsisTooFar(t *testing.T) {
	// Two phrases a book apart are not one quotation with an ellipsis.
	filler := strings.Repeat("lorem ipsum dolor sit amet ", 100)
	ix := NewIndex("the opening words stand here. " + filler + " and the closing words stand there.")
	m := ix.Find("the opening words stand here … the closing words stand there")
	assert.False(t, m.Found)
	m = ix.Find("the opening words stand here … lorem ipsum dolor")
	assert.True(t, m.Found)
}

func TestFindNearMiss(t *testing.T) {
	ix := NewIndex(riverSource)
	type edit struct {
		kind          EditKind
		quote, source string
	}
	tests := []struct {
		name, quote string
		passage     string
		diff        []edit
	}{
		{
			name:    "a word replaced",
			quote:   "the town’s fair opened a month early",
			passage: "the town’s market opened a month early",
			diff:    []edit{{Replaced, "fair", "market"}},
		},
		{
			name:    "words dropped without an ellipsis",
			quote:   "Farmers brought potatoes, honey and wool",
			passage: "Farmers who had waited all winter brought potatoes, honey and wool",
			diff:    []edit{{Dropped, "", "who had waited all winter"}},
		},
		{
			name:    "a word added",
			quote:   "the early market became a beloved custom",
			passage: "the early market became a custom",
			diff:    []edit{{Added, "beloved", ""}},
		},
		{
			name:    "two changes",
			quote:   "the mayor called it a little miracle of the calendar and the paper printed his words",
			passage: "The mayor called it “a small miracle of the calendar,” and the newspaper printed his words",
			diff:    []edit{{Replaced, "little", "small"}, {Replaced, "paper", "newspaper"}},
		},
		{
			name:    "the last word replaced",
			quote:   "the town’s market opened a month late",
			passage: "the town’s market opened a month early",
			diff:    []edit{{Replaced, "late", "early"}},
		},
		{
			name:    "a changed word beside an ellipsis",
			quote:   "Farmers who had waited … brought carrots, honey and wool",
			passage: "Farmers who had waited all winter brought potatoes, honey and wool",
			diff:    []edit{{Replaced, "carrots", "potatoes"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ix.Find(tt.quote)
			require.False(t, m.Found, "%+v", m)
			assert.Equal(t, tt.passage, m.Passage)
			assert.Greater(t, m.Score, 0.7)
			assert.Less(t, m.Score, 1.0)
			var got []edit
			for _, e := range m.Diff {
				got = append(got, edit{e.Kind, e.Quote, e.Source})
				if e.Quote != "" {
					assert.Equal(t, e.Quote, tt.quote[e.QuoteStart:e.QuoteEnd])
				}
				assert.Equal(t, e.Source, riverSource[e.SourceStart:e.SourceEnd])
			}
			assert.Equal(t, tt.diff, got)
		})
	}
}

// book generates about size bytes of book-like English: words drawn from
// the frequency list with a Zipf-like bias, in sentences and paragraphs,
// lines broken near 70 columns with an occasional hyphenated word.
func book(size int, seed uint64) string {
	words := strings.Fields(englishData)[:8000]
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	b.Grow(size + 200)
	col := 0
	sentence := 0
	for b.Len() < size {
		// Squaring a uniform number favours the frequent words at the top
		// of the list, as real prose does.
		f := r.Float64()
		w := words[int(f*f*float64(len(words)))]
		if sentence == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		sentence++
		end := ""
		if sentence > 8 && r.IntN(10) == 0 {
			end, sentence = ".", 0
		} else if r.IntN(14) == 0 {
			end = ","
		}
		switch {
		case col+len(w) > 70 && len(w) > 7 && r.IntN(3) == 0:
			cut := len(w) / 2
			fmt.Fprintf(&b, "%s-\n%s%s", w[:cut], w[cut:], end)
			col = len(w) - cut + len(end)
		case col+len(w) > 70:
			b.WriteString("\n" + w + end)
			col = len(w) + len(end)
		default:
			if col > 0 {
				b.WriteByte(' ')
				col++
			}
			b.WriteString(w + end)
			col += len(w) + len(end)
		}
		if sentence == 0 && r.IntN(8) == 0 {
			b.WriteString("\n\n")
			col = 0
		}
	}
	return b.String()
}

// planted is a sentence of rare words placed in the generated book.
const planted = "The cartographer’s apprentice misread the tidal almanac, and the expedition sailed a fortnight late."

func plantedBook(size int) string {
	text := book(size, 1)
	at := strings.LastIndex(text[:size*3/4], ". ") + 2
	return text[:at] + planted + " " + text[at:]
}

func TestFindInBook(t *testing.T) {
	text := plantedBook(1 << 20)
	ix := NewIndex(text)
	assert.Greater(t, ix.Words(), 100000)

	m := ix.Find("the cartographer's apprentice misread the tidal almanac")
	require.True(t, m.Found)
	assert.Equal(t, "The cartographer’s apprentice misread the tidal almanac", m.Passage)

	m = ix.Find("the cartographer's apprentice … sailed a fortnight late")
	require.True(t, m.Found)
	assert.Equal(t, planted[:len(planted)-1], m.Passage)

	m = ix.Find("the cartographer's assistant misread the tidal almanac")
	require.False(t, m.Found)
	assert.Equal(t, "The cartographer’s apprentice misread the tidal almanac", m.Passage)
	require.Len(t, m.Diff, 1)
	assert.Equal(t, Replaced, m.Diff[0].Kind)
	assert.Equal(t, "assistant", m.Diff[0].Quote)
	assert.Equal(t, "apprentice", m.Diff[0].Source)

	// A long block quotation with one word changed: the near-miss search
	// aligns its first maxAlignWords words and finds the change.
	long := text[:Normalize(text[:8000])[500].End]
	first := Normalize(long)[10]
	changed := long[:first.Start] + "quixotically" + long[first.End:]
	m = ix.Find(changed)
	require.False(t, m.Found)
	require.NotEmpty(t, m.Diff)
	assert.Equal(t, "quixotically", m.Diff[0].Quote)
	assert.Equal(t, long[first.Start:first.End], m.Diff[0].Source)
	assert.Greater(t, m.Score, 0.95)

	// Any stretch of the book is found where it stands, hyphenated line
	// breaks and all.
	tokens := Normalize(text)
	r := rand.New(rand.NewPCG(7, 7))
	for range 50 {
		i := r.IntN(len(tokens) - 12)
		quote := text[tokens[i].Start:tokens[i+11].End]
		m := ix.Find(quote)
		require.True(t, m.Found, "quote %q", quote)
		assert.Equal(t, Fold(quote), Fold(m.Passage))
	}
}

func TestLongestCommonRun(t *testing.T) {
	ix := NewIndex(riverSource)
	essay := "Spring came early that year. Farmers who had waited all winter brought potatoes, honey and wool to town, " +
		"and a teacher warned that a late frost could ruin the seedlings that traders sold beside the vegetables."
	runs := ix.LongestCommonRun(essay, 8)
	require.Len(t, runs, 2)
	assert.Equal(t, "Farmers who had waited all winter brought potatoes, honey and wool", essay[runs[0].Start:runs[0].End])
	assert.Equal(t, 11, runs[0].Words)
	assert.Equal(t, "Farmers who had waited all winter brought potatoes, honey and wool", riverSource[runs[0].SourceStart:runs[0].SourceEnd])
	assert.Equal(t, "a late frost could ruin the seedlings that traders sold beside the vegetables", essay[runs[1].Start:runs[1].End])
	assert.Equal(t, "a late\nfrost could ruin the seedlings that traders sold beside the vegetables", riverSource[runs[1].SourceStart:runs[1].SourceEnd])

	assert.Empty(t, ix.LongestCommonRun(essay, 20), "no run is that long")
	assert.Empty(t, ix.LongestCommonRun("A sentence of the student's own making.", 3))
	assert.Empty(t, NewIndex("").LongestCommonRun(essay, 3))
}
