package inline

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// wantQuote is the part of a Quote a table test checks.
type wantQuote struct {
	text      string
	depth     int
	unclosed  bool
	unopened  bool
	words     int // checked when non-zero
	open, clo rune
}

func checkQuotes(t *testing.T, doc *lint.Document, got []lint.Quote, want []wantQuote) {
	t.Helper()
	var texts []string
	for _, q := range got {
		texts = append(texts, q.Text)
	}
	require.Len(t, got, len(want), "quotes: %q", texts)
	for i, w := range want {
		q := got[i]
		assert.Equal(t, w.text, q.Text, "quote %d text", i)
		assert.Equal(t, w.depth, q.Depth, "quote %d depth", i)
		assert.Equal(t, w.unclosed, q.Unclosed, "quote %d unclosed", i)
		assert.Equal(t, w.unopened, q.Unopened, "quote %d unopened", i)
		if w.words != 0 {
			assert.Equal(t, w.words, q.Words, "quote %d words", i)
		}
		if w.open != 0 {
			assert.Equal(t, w.open, q.Open, "quote %d open", i)
		}
		if w.clo != 0 {
			assert.Equal(t, w.clo, q.Close, "quote %d close", i)
		}
		assert.Equal(t, -1, q.Citation)
		assert.Equal(t, doc.Text[q.Inner.Start:q.Inner.End], q.Text, "Text is the Inner slice")
		assert.True(t, q.Start <= q.Inner.Start && q.Inner.End <= q.End, "Inner inside Range")
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQuote
	}{
		{"curly double", "He called it “a brief spring of hope” in his memoir.",
			[]wantQuote{{text: "a brief spring of hope", words: 5, open: '“', clo: '”'}}},
		{"straight double", `The poet saw "a river breaking its ice" that year.`,
			[]wantQuote{{text: "a river breaking its ice", words: 5, open: '"', clo: '"'}}},
		{"punctuation inside stays", "They wanted to “serve the people,” she wrote.",
			[]wantQuote{{text: "serve the people,", words: 3}}},
		{"two quotes", `He wrote "first" and then "second one".`,
			[]wantQuote{{text: "first", words: 1}, {text: "second one", words: 2}}},
		{"nested curly single in double", "She recalled “the slogan ‘bread and peace’ on every wall.”",
			[]wantQuote{{text: "the slogan ‘bread and peace’ on every wall.", words: 8}, {text: "bread and peace", depth: 1, words: 3}}},
		{"nested straight single in double", `He said "the word 'thaw' was everywhere."`,
			[]wantQuote{{text: "the word 'thaw' was everywhere.", words: 5}, {text: "thaw", depth: 1}}},
		{"single quotes at word boundaries", "The so-called 'new course' began.",
			[]wantQuote{{text: "new course", words: 2, open: '\''}}},
		{"curly single outer British", "He named it ‘the great retreat’ in print.",
			[]wantQuote{{text: "the great retreat", words: 3, open: '‘', clo: '’'}}},
		{"guillemets", "Le mot «dégel» est resté.",
			[]wantQuote{{text: "dégel", words: 1, open: '«', clo: '»'}}},
		{"German low-high", "Er schrieb „das Tauwetter“ im Titel.",
			[]wantQuote{{text: "das Tauwetter", words: 2, open: '„', clo: '“'}}},
		{"single guillemets in guillemets", "Il dit « le ‹ dégel › vient » hier.",
			[]wantQuote{{text: " le ‹ dégel › vient ", words: 3}, {text: " dégel ", depth: 1}}},
		{"German reversed guillemets", "Er nannte es »Tauwetter« damals.",
			[]wantQuote{{text: "Tauwetter", open: '»', clo: '«'}}},

		// Apostrophes are not quotation marks.
		{"apostrophe inside word straight", "Il'ia wrote about Stalin's death at five o'clock.", nil},
		{"apostrophe inside word curly", "Il’ia wrote about Stalin’s death; O’Brien didn’t.", nil},
		{"plural possessive straight", "The critics' reviews were harsh.", nil},
		{"plural possessive curly", "The critics’ reviews were harsh.", nil},
		{"decade straight", "Music of the '60s changed.", nil},
		{"decade curly right", "Music of the ’60s changed.", nil},
		{"decade curly left typo", "Music of the ‘60s changed.", nil},
		{"rock n roll straight", "They loved rock 'n' roll music.", nil},
		{"rock n roll curly", "They loved rock ’n’ roll music.", nil},
		{"feet and inches", `He stood 5'10" tall.`, nil},
		{"inches alone", `A 12" record spun.`, nil},
		{"inches curly", "He stood 5’10” tall.", nil},
		{"elision", "Give 'em the news, 'tis time.", nil},
		{"contraction", "They don't know and won't ask.", nil},
		{"possessive then quote", "The critics' verdict was \"a failure of nerve\" overall.",
			[]wantQuote{{text: "a failure of nerve", words: 4}}},
		{"possessive inside single quote", "He called it ‘the critics’ favourite novel’ in jest.",
			[]wantQuote{{text: "the critics’ favourite novel", words: 4}}},
		{"apostrophes inside quote", "She wrote “Il’ia’s book wasn’t Stalin’s” at last.",
			[]wantQuote{{text: "Il’ia’s book wasn’t Stalin’s", words: 4}}},
		{"rock n roll inside single quotes", "They called it 'rock 'n' roll' then.",
			[]wantQuote{{text: "rock 'n' roll", words: 3}}},

		// Unbalanced marks.
		{"unclosed curly", "He wrote “the thaw would last forever. Nobody agreed.",
			[]wantQuote{{text: "the thaw would last forever. Nobody agreed.", unclosed: true, open: '“'}}},
		{"unclosed hides inner quotes", "He wrote “the thaw ‘would’ last and “more” too.",
			[]wantQuote{{text: "the thaw ‘would’ last and “more” too.", unclosed: true}}},
		{"quote then unclosed", "A “first” quote and “a second never closed.",
			[]wantQuote{{text: "first"}, {text: "a second never closed.", unclosed: true}}},
		{"unclosed straight", `He wrote "the thaw would last forever.`,
			[]wantQuote{{text: "the thaw would last forever.", unclosed: true}}},
		{"unopened curly", "He wrote the thaw would last” but it did not.",
			[]wantQuote{{text: "He wrote the thaw would last", unopened: true, clo: '”'}}},
		{"unopened after a closed quote", "A “first” then more words” and the end.",
			[]wantQuote{{text: "first"}, {text: "then more words", unopened: true}}},
		{"lone straight single is no quote", "The 'thaw was short.", nil},
		{"Swedish style", "Han skrev ”tövädret” då.",
			[]wantQuote{{text: "tövädret"}}},
		{"mixed curly open straight close", `He wrote “the thaw" then.`,
			[]wantQuote{{text: "the thaw"}}},
		{"quote at block start and end", "“Whole block quoted.”",
			[]wantQuote{{text: "Whole block quoted.", words: 3}}},
		{"quote after dash and paren", `Freedom—"a word"—and ("another").`,
			[]wantQuote{{text: "a word"}, {text: "another"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := newDoc(tc.text)
			checkQuotes(t, doc, Quotes(doc, allBlocks(doc)), tc.want)
		})
	}
}

func TestQuotesPerBlock(t *testing.T) {
	// Marks pair within a paragraph only: an opening mark in one paragraph
	// is not closed by a mark in the next.
	doc := newDoc("He wrote “the first part", "and the rest” later.", "A “whole” one.")
	got := Quotes(doc, allBlocks(doc))
	checkQuotes(t, doc, got, []wantQuote{
		{text: "the first part", unclosed: true},
		{text: "and the rest", unopened: true},
		{text: "whole"},
	})
	assert.Equal(t, []int{0, 1, 2}, []int{got[0].Block, got[1].Block, got[2].Block})
	// Only the blocks asked for.
	got = Quotes(doc, []int{2})
	checkQuotes(t, doc, got, []wantQuote{{text: "whole"}})
	// Ranges: the unclosed quotation runs to the block's end.
	assert.Equal(t, doc.Blocks[0].End, Quotes(doc, []int{0})[0].End)
}

func TestBlockQuotation(t *testing.T) {
	doc := newDocBlocks(
		para{lint.BlockParagraph, "Freeze describes the mood:"},
		para{lint.BlockQuotation, "The ice broke, and with it “the old certainties” went. (Freeze 412)"},
	)
	got := Quotes(doc, allBlocks(doc))
	require.Len(t, got, 1)
	q := got[0]
	assert.True(t, q.BlockQuote)
	assert.Equal(t, doc.Blocks[1].Range, q.Range)
	assert.Equal(t, doc.Blocks[1].Range, q.Inner)
	assert.Equal(t, rune(0), q.Open)
	assert.Equal(t, rune(0), q.Close)
	assert.Equal(t, 1, q.Block)
	assert.Equal(t, 12, q.Words)
}

func TestQuoteRanges(t *testing.T) {
	doc := newDoc("Intro line.", "He said “yes, indeed” twice.")
	got := Quotes(doc, allBlocks(doc))
	require.Len(t, got, 1)
	q := got[0]
	assert.Equal(t, "“yes, indeed”", doc.Slice(q.Range))
	assert.Equal(t, "yes, indeed", doc.Slice(q.Inner))
	assert.Equal(t, 1, q.Block)
	assert.Equal(t, 2, q.Words)
}

func TestCountWords(t *testing.T) {
	for s, n := range map[string]int{
		"":                                       0,
		"honor the tenets of Stalinist culture,": 6,
		"Il’ia Ehrenburg’s THE THAW,":            4,
		"well-known, U.S. policy — 1953-1964 ...": 4,
		"culture—and": 2,
		" , ; — ":     0,
	} {
		assert.Equal(t, n, countWords(s), "%q", s)
	}
}

func TestCountOpenCurly(t *testing.T) {
	for _, s := range []string{"", "“", "a “b” c “d", "\x9c\x80\x9c\xe2\x80", "М “Ŝ” ’’ “", "\xe2\x80\x9c\xe2\x80\x9c"} {
		if got, want := countOpenCurly(s), strings.Count(s, "“"); got != want {
			t.Errorf("countOpenCurly(%q) = %d, want %d", s, got, want)
		}
	}
}
