package locate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"case", "The THAW came", "the thaw came"},
		{"straight apostrophe", "Stalin's era", "stalins era"},
		{"curly apostrophe", "Stalin’s era", "stalins era"},
		{"left single quote as apostrophe", "Il‘ia", "ilia"},
		{"modifier letter apostrophe", "Ilʼia", "ilia"},
		{"curly double quotes", "“a quiet spring”", "a quiet spring"},
		{"straight double quotes", `"a quiet spring"`, "a quiet spring"},
		{"guillemets", "«a quiet spring»", "a quiet spring"},
		{"single quotes around words", "'a quiet spring'", "a quiet spring"},
		{"em dash", "the river—frozen", "the river frozen"},
		{"en dash", "the river–frozen", "the river frozen"},
		{"hyphen", "the river-frozen", "the river frozen"},
		{"unicode hyphen", "the river‐frozen", "the river frozen"},
		{"spaced dash", "the river -- frozen", "the river frozen"},
		{"whitespace runs", "the \t river\n\n  frozen", "the river frozen"},
		{"no-break space", "the\u00a0river", "the river"},
		{"soft hyphen", "cul\u00adture", "culture"},
		{"zero-width joiner", "cul\u200dture", "culture"},
		{"line-break hyphenation", "cul-\nture", "culture"},
		{"line-break hyphenation with CRLF and indent", "cul-\r\n   ture", "culture"},
		{"line-break unicode hyphen", "cul‐\nture", "culture"},
		{"line-break hyphen between two words stays two", "well-\nknown", "well known"},
		{"line-break hyphen before a capital is a real hyphen", "anti-\nSoviet", "anti soviet"},
		{"line-break hyphen between numbers", "1953-\n1964", "1953 1964"},
		{"hyphen and spaces without line break", "cul- ture", "cul ture"},
		{"accents", "Géldern café", "geldern cafe"},
		{"decomposed accent", "Ge\u0301ldern", "geldern"},
		{"ligature", "ﬁne ﬂour", "fine flour"},
		{"sharp s", "Straße", "strasse"},
		{"full-width letters", "ＴＨＡＷ", "thaw"},
		{"punctuation around words", "(stuck), [word]; stuck!", "stuck word stuck"},
		{"digits", "In 1954, p. 412", "in 1954 p 412"},
		{"leading apostrophe", "the '60s", "the 60s"},
		{"trailing apostrophe", "the writers' union", "the writers union"},
		{"empty", "", ""},
		{"punctuation only", "... — “”", ""},
		{"invalid UTF-8", "thaw\xff\xfespring", "thaw spring"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Fold(tt.in))
		})
	}
}

func TestNormalizeOffsets(t *testing.T) {
	text := "“Il’ia  cul-\nture”—the THAW"
	tokens := Normalize(text)
	want := []struct {
		word, src string
	}{
		{"ilia", "Il’ia"},
		{"culture", "cul-\nture"},
		{"the", "the"},
		{"thaw", "THAW"},
	}
	if assert.Len(t, tokens, len(want)) {
		for i, w := range want {
			assert.Equal(t, w.word, tokens[i].Word)
			assert.Equal(t, w.src, text[tokens[i].Start:tokens[i].End])
		}
	}
}

func TestEnglishRank(t *testing.T) {
	assert.Equal(t, 1, EnglishRank("you"))
	assert.Less(t, EnglishRank("party"), commonRank)
	assert.Greater(t, EnglishRank("soviet"), commonRank)
	assert.True(t, englishName("soviet"), "the list writes Soviet with a capital")
	assert.Equal(t, 0, EnglishRank("ehrenburg"))
}
