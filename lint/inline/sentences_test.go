package inline

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citelint/citelint/lint"
)

func sentenceTexts(doc *lint.Document, rs []lint.Range) []string {
	var out []string
	for _, r := range rs {
		out = append(out, doc.Slice(r))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "One thing. Two things! Three things? Four.",
			[]string{"One thing.", "Two things!", "Three things?", "Four."}},
		{"closing quote", `He said "it is over." Then he left.`,
			[]string{`He said "it is over."`, "Then he left."}},
		{"curly closing quote", "He said “it is over.” Then he left.",
			[]string{"He said “it is over.”", "Then he left."}},
		{"inside quotation", "He said “It is over. We lost,” and left.",
			[]string{"He said “It is over. We lost,” and left."}},
		{"inside parentheses", "It ended (as he said. Then it began) and more. Next one.",
			[]string{"It ended (as he said. Then it began) and more.", "Next one."}},
		{"abbreviations", "Some states, e.g. Poland, rebelled. Others, i.e. Hungary, too. Freeze et al. Disagree here.",
			[]string{"Some states, e.g. Poland, rebelled.", "Others, i.e. Hungary, too.", "Freeze et al. Disagree here."}},
		{"page abbreviations", "See p. 412 and pp. 12-14 in vol. 2. Next.",
			[]string{"See p. 412 and pp. 12-14 in vol. 2.", "Next."}},
		{"titles", "Dr. Smith met Mr. Jones and Mrs. Brown at St. Paul's. Later.",
			[]string{"Dr. Smith met Mr. Jones and Mrs. Brown at St. Paul's.", "Later."}},
		{"initials", "J. Smith and W. E. B. Du Bois wrote. Then.",
			[]string{"J. Smith and W. E. B. Du Bois wrote.", "Then."}},
		{"U.S.", "The U.S. Congress met. Then.",
			[]string{"The U.S. Congress met.", "Then."}},
		{"qtd. in", "It was said (qtd. in Aldana 12). Next.",
			[]string{"It was said (qtd. in Aldana 12).", "Next."}},
		{"number", "No. 5 was first. It ended in 1953. 1954 came.",
			[]string{"No. 5 was first.", "It ended in 1953.", "1954 came."}},
		{"lower case after stop", "He wrote 3.5 pages. it was short.",
			[]string{"He wrote 3.5 pages. it was short."}},
		{"citation after quote", `It was "brief" (Freeze 412). Next one.`,
			[]string{`It was "brief" (Freeze 412).`, "Next one."}},
		{"opening quote starts sentence", `It ended. "Then" it began.`,
			[]string{"It ended.", `"Then" it began.`}},
		{"ellipsis", "It ended… Then it began.",
			[]string{"It ended…", "Then it began."}},
		{"note marker after stop", "It ended.[1] Then it began.² Next.",
			[]string{"It ended.[1]", "Then it began.²", "Next."}},
		{"no terminator", "Just a heading", []string{"Just a heading"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := newDoc(tc.text)
			assert.Equal(t, tc.want, sentenceTexts(doc, Sentences(doc, doc.Blocks[0].Range)))
		})
	}
}

func TestSentencesBlockBoundary(t *testing.T) {
	doc := newDoc("A heading without stop", "First sentence. Second sentence", "Third one.")
	all := lint.Range{Start: 0, End: len(doc.Text)}
	assert.Equal(t, []string{"A heading without stop", "First sentence.", "Second sentence", "Third one."},
		sentenceTexts(doc, Sentences(doc, all)))
	// A range inside a block.
	r := rangeOf(doc, "sentence. Second")
	assert.Equal(t, []string{"sentence.", "Second"}, sentenceTexts(doc, Sentences(doc, r)))
	// A document without blocks.
	bare := &lint.Document{Text: "One. Two."}
	assert.Equal(t, []string{"One.", "Two."}, sentenceTexts(bare, Sentences(bare, lint.Range{Start: 0, End: 9})))
	// Out-of-range input is clamped, never a panic.
	assert.Empty(t, Sentences(bare, lint.Range{Start: 50, End: 10}))
}
