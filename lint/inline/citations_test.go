package inline

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// wantCite is the part of a Citation a table test checks; empty fields
// must be empty in the citation too.
type wantCite struct {
	kind     lint.CitationKind
	text     string
	authors  []string
	etAl     bool
	year     string
	title    string
	locator  string
	indirect bool
	pageOnly bool
	speaker  bool
	numbers  []int
}

func (w wantCite) String() string { return string(w.kind) + " " + w.text }

func checkCitations(t *testing.T, doc *lint.Document, got []lint.Citation, want []wantCite) {
	t.Helper()
	var texts []string
	for _, c := range got {
		texts = append(texts, string(c.Kind)+" "+c.Text)
	}
	require.Len(t, got, len(want), "citations: %q", texts)
	for i, w := range want {
		c := got[i]
		assert.Equal(t, w.kind, c.Kind, "citation %d kind", i)
		assert.Equal(t, w.text, c.Text, "citation %d text", i)
		assert.Equal(t, w.authors, c.Authors, "citation %d authors", i)
		assert.Equal(t, w.etAl, c.EtAl, "citation %d et al.", i)
		assert.Equal(t, w.year, c.Year, "citation %d year", i)
		assert.Equal(t, w.title, c.Title, "citation %d title", i)
		assert.Equal(t, w.locator, c.Locator, "citation %d locator", i)
		assert.Equal(t, w.indirect, c.Indirect, "citation %d indirect", i)
		assert.Equal(t, w.pageOnly, c.PageOnly, "citation %d page-only", i)
		assert.Equal(t, w.speaker, c.Speaker, "citation %d speaker", i)
		assert.Equal(t, w.numbers, c.Numbers, "citation %d numbers", i)
		assert.Equal(t, -1, c.Entry)
		if c.Kind != lint.CitationNote {
			assert.Equal(t, doc.Slice(c.Range), c.Text, "citation %d: Text is its Range", i)
		}
	}
}

func names(n ...string) []string { return n }

func TestParentheticalMLA(t *testing.T) {
	p := lint.CitationParenthetical
	tests := []struct {
		name string
		text string
		want []wantCite
	}{
		{"author page", `The church "was never silent" (Freeze 412).`,
			[]wantCite{{kind: p, text: "(Freeze 412)", authors: names("Freeze"), locator: "412"}}},
		{"author title page", `It "bent but did not break" (Freeze, "Russia" 412).`,
			[]wantCite{{kind: p, text: `(Freeze, "Russia" 412)`, authors: names("Freeze"), title: "Russia", locator: "412"}}},
		{"curly quoted title", "It “bent but did not break” (Freeze, “Russia” 412).",
			[]wantCite{{kind: p, text: "(Freeze, “Russia” 412)", authors: names("Freeze"), title: "Russia", locator: "412"}}},
		{"two authors", `The "new course" faltered (Freeze and Smith 12).`,
			[]wantCite{{kind: p, text: "(Freeze and Smith 12)", authors: names("Freeze", "Smith"), locator: "12"}}},
		{"et al", `Reform "came from below" (Freeze et al. 12).`,
			[]wantCite{{kind: p, text: "(Freeze et al. 12)", authors: names("Freeze"), etAl: true, locator: "12"}}},
		{"title only", `The novel was "a modest book" ("The Thaw").`,
			[]wantCite{{kind: p, text: `("The Thaw")`, title: "The Thaw"}}},
		{"short title page", `It was "a modest book" ("Thaw" 3).`,
			[]wantCite{{kind: p, text: `("Thaw" 3)`, title: "Thaw", locator: "3"}}},
		{"particle author only", `The book was meant "to honour its teachers" (von Geldern).`,
			[]wantCite{{kind: p, text: "(von Geldern)", authors: names("von Geldern")}}},
		{"full name", `He saw "ice on the river" (Il'ia Ehrenburg 5).`,
			[]wantCite{{kind: p, text: "(Il'ia Ehrenburg 5)", authors: names("Ehrenburg"), locator: "5"}}},
		{"indirect", `Khrushchev called it "a cult" (qtd. in Aldana 12).`,
			[]wantCite{{kind: p, text: "(qtd. in Aldana 12)", authors: names("Aldana"), locator: "12", indirect: true}}},
		{"comma format error", `It "bent but held" (Freeze, 412).`,
			[]wantCite{{kind: p, text: "(Freeze, 412)", authors: names("Freeze"), locator: "412"}}},
		{"group author", `Cases "rose sharply" (World Health Organization 3).`,
			[]wantCite{{kind: p, text: "(World Health Organization 3)", authors: names("World Health Organization"), locator: "3"}}},
		{"two in one", `Both "agree on little" (Freeze 412; Smith 9).`,
			[]wantCite{
				{kind: p, text: "Freeze 412", authors: names("Freeze"), locator: "412"},
				{kind: p, text: "Smith 9", authors: names("Smith"), locator: "9"},
			}},
		{"page range", `It "bent" (Freeze 12-14).`,
			[]wantCite{{kind: p, text: "(Freeze 12-14)", authors: names("Freeze"), locator: "12-14"}}},
		{"labelled page", `It "bent" (Freeze p. 412).`,
			[]wantCite{{kind: p, text: "(Freeze p. 412)", authors: names("Freeze"), locator: "p. 412"}}},
		{"volume and page", `It "bent" (Freeze 2: 45).`,
			[]wantCite{{kind: p, text: "(Freeze 2: 45)", authors: names("Freeze"), locator: "2: 45"}}},
		{"two pages", `It "bent" (Freeze, 412, 415).`,
			[]wantCite{{kind: p, text: "(Freeze, 412, 415)", authors: names("Freeze"), locator: "412, 415"}}},
		{"volume label and page", `It "bent" (Freeze, vol. 2, p. 5).`,
			[]wantCite{{kind: p, text: "(Freeze, vol. 2, p. 5)", authors: names("Freeze"), locator: "vol. 2, p. 5"}}},
		{"act scene line", `It "bent" (Hamlet 3.1.56-58).`,
			[]wantCite{{kind: p, text: "(Hamlet 3.1.56-58)", authors: names("Hamlet"), locator: "3.1.56-58"}}},
		{"time stamp", `It "bent" (Freeze, 00:02:15).`,
			[]wantCite{{kind: p, text: "(Freeze, 00:02:15)", authors: names("Freeze"), locator: "00:02:15"}}},
		{"paragraph locator", `It "bent" (Freeze, par. 4).`,
			[]wantCite{{kind: p, text: "(Freeze, par. 4)", authors: names("Freeze"), locator: "par. 4"}}},
		{"see", `Others disagree (see Freeze 412).`,
			[]wantCite{{kind: p, text: "(see Freeze 412)", authors: names("Freeze"), locator: "412"}}},
		{"emphasis added", `It was "never silent" (Freeze 412, emphasis added).`,
			[]wantCite{{kind: p, text: "(Freeze 412, emphasis added)", authors: names("Freeze"), locator: "412"}}},
		{"hyphenated and O'", `It "held" (O'Brien and Smith-Jones 7).`,
			[]wantCite{{kind: p, text: "(O'Brien and Smith-Jones 7)", authors: names("O'Brien", "Smith-Jones"), locator: "7"}}},
		{"al- prefix", `It "held" (al-Hakim 7).`,
			[]wantCite{{kind: p, text: "(al-Hakim 7)", authors: names("al-Hakim"), locator: "7"}}},
		{"author and unitalicised title", `It "held" (Ehrenburg, The Thaw 12).`,
			[]wantCite{{kind: p, text: "(Ehrenburg, The Thaw 12)", authors: names("Ehrenburg"), title: "The Thaw", locator: "12"}}},
		{"title with article and page", `It "held" (The Thaw 12).`,
			[]wantCite{{kind: p, text: "(The Thaw 12)", title: "The Thaw", locator: "12"}}},
		{"roman page", `It "held" (Freeze xii).`,
			[]wantCite{{kind: p, text: "(Freeze xii)", authors: names("Freeze"), locator: "xii"}}},
		{"chapter locator", `It "held" (Freeze ch. 3).`,
			[]wantCite{{kind: p, text: "(Freeze ch. 3)", authors: names("Freeze"), locator: "ch. 3"}}},
		{"two authors at sentence end", `The two disagree completely (Freeze and Smith).`,
			[]wantCite{{kind: p, text: "(Freeze and Smith)", authors: names("Freeze", "Smith")}}},
		{"see also in a list", `Compare both (Freeze 2009; see also Smith 2011).`,
			[]wantCite{
				{kind: p, text: "Freeze 2009", authors: names("Freeze"), year: "2009"},
				{kind: p, text: "see also Smith 2011", authors: names("Smith"), year: "2011"},
			}},
		{"remark part dropped", `We know this (Freeze 412; emphasis added).`,
			[]wantCite{{kind: p, text: "Freeze 412", authors: names("Freeze"), locator: "412"}}},
		{"author only at sentence end", `The thaw began with a novel (Ehrenburg).`,
			[]wantCite{{kind: p, text: "(Ehrenburg)", authors: names("Ehrenburg")}}},
	}
	runCitationTable(t, tests)
}

func TestParentheticalAPA(t *testing.T) {
	p, n := lint.CitationParenthetical, lint.CitationNarrative
	tests := []struct {
		name string
		text string
		want []wantCite
	}{
		{"author year", `Repression eased (Freeze, 2009).`,
			[]wantCite{{kind: p, text: "(Freeze, 2009)", authors: names("Freeze"), year: "2009"}}},
		{"author year page", `It "bent" (Freeze, 2009, p. 412).`,
			[]wantCite{{kind: p, text: "(Freeze, 2009, p. 412)", authors: names("Freeze"), year: "2009", locator: "p. 412"}}},
		{"page glued to its label", `It "bent" (Freeze, 2009, p.412).`,
			[]wantCite{{kind: p, text: "(Freeze, 2009, p.412)", authors: names("Freeze"), year: "2009", locator: "p.412"}}},
		{"harvard colon", `It "bent" (Freeze 2009: 412).`,
			[]wantCite{{kind: p, text: "(Freeze 2009: 412)", authors: names("Freeze"), year: "2009", locator: "412"}}},
		{"harvard no comma", `Repression eased (Freeze 2009).`,
			[]wantCite{{kind: p, text: "(Freeze 2009)", authors: names("Freeze"), year: "2009"}}},
		{"ampersand", `Repression eased (Freeze & Smith, 2009).`,
			[]wantCite{{kind: p, text: "(Freeze & Smith, 2009)", authors: names("Freeze", "Smith"), year: "2009"}}},
		{"three with serial comma", `Repression eased (Freeze, Smith, & Jones, 2009).`,
			[]wantCite{{kind: p, text: "(Freeze, Smith, & Jones, 2009)", authors: names("Freeze", "Smith", "Jones"), year: "2009"}}},
		{"et al letter year", `Repression eased (Freeze et al., 2009a).`,
			[]wantCite{{kind: p, text: "(Freeze et al., 2009a)", authors: names("Freeze"), etAl: true, year: "2009a"}}},
		{"no date", `Repression eased (Freeze, n.d.).`,
			[]wantCite{{kind: p, text: "(Freeze, n.d.)", authors: names("Freeze"), year: "n.d."}}},
		{"two years", `Repression eased (Freeze, 2009, 2011).`,
			[]wantCite{
				{kind: p, text: "(Freeze, 2009", authors: names("Freeze"), year: "2009"},
				{kind: p, text: "2011)", authors: names("Freeze"), year: "2011"},
			}},
		{"group with abbreviation", `Style matters (American Psychological Association [APA], 2020).`,
			[]wantCite{{kind: p, text: "(American Psychological Association [APA], 2020)", authors: names("American Psychological Association"), year: "2020"}}},
		{"abbreviation with year", `Style matters (APA, 2020).`,
			[]wantCite{{kind: p, text: "(APA, 2020)", authors: names("APA"), year: "2020"}}},
		{"acronym that is also a word", `Cases rose (WHO, 2020).`,
			[]wantCite{{kind: p, text: "(WHO, 2020)", authors: names("WHO"), year: "2020"}}},
		{"letter years", `Cases rose (Freeze 2009a, 2009b).`,
			[]wantCite{
				{kind: p, text: "(Freeze 2009a", authors: names("Freeze"), year: "2009a"},
				{kind: p, text: "2009b)", authors: names("Freeze"), year: "2009b"},
			}},
		{"in press", `Cases rose (Freeze, in press).`,
			[]wantCite{{kind: p, text: "(Freeze, in press)", authors: names("Freeze"), year: "in press"}}},
		{"harvard comma locator", `Cases rose (Suny 2011, 45).`,
			[]wantCite{{kind: p, text: "(Suny 2011, 45)", authors: names("Suny"), year: "2011", locator: "45"}}},
		{"possessive narrative", `Freeze's (2009) account differs.`,
			[]wantCite{{kind: n, text: "Freeze's (2009)", authors: names("Freeze"), year: "2009"}}},
		{"authorless title year", `Winters were hard ("Title of Work," 2019).`,
			[]wantCite{{kind: p, text: `("Title of Work," 2019)`, title: "Title of Work", year: "2019"}}},
		{"authorless sentence-case title", `Floods "arrive without a cloud" (Tidal flooding basics, 2021).`,
			[]wantCite{{kind: p, text: "(Tidal flooding basics, 2021)", title: "Tidal flooding basics", year: "2021"}}},
		{"organisation after the", `Reefs recover (The Coastal Reef Trust, 2022).`,
			[]wantCite{{kind: p, text: "(The Coastal Reef Trust, 2022)", authors: names("Coastal Reef Trust"), year: "2022"}}},
		{"narrative organisation after the", `The Coastal Reef Trust (2022) explains that it recovers.`,
			[]wantCite{{kind: n, text: "Coastal Reef Trust (2022)", authors: names("Coastal Reef Trust"), year: "2022"}}},
		{"e.g. list", `Many agree (e.g., Freeze, 2009; Smith, 2010).`,
			[]wantCite{
				{kind: p, text: "e.g., Freeze, 2009", authors: names("Freeze"), year: "2009"},
				{kind: p, text: "Smith, 2010", authors: names("Smith"), year: "2010"},
			}},
		{"as cited in", `He said so (Khrushchev, 1956, as cited in Freeze, 2009).`,
			[]wantCite{{kind: p, text: "(Khrushchev, 1956, as cited in Freeze, 2009)", authors: names("Freeze"), year: "2009", indirect: true}}},
		{"narrative", `Freeze (2009) showed the opposite.`,
			[]wantCite{{kind: n, text: "Freeze (2009)", authors: names("Freeze"), year: "2009"}}},
		{"narrative two", `Freeze and Smith (2009) showed the opposite.`,
			[]wantCite{{kind: n, text: "Freeze and Smith (2009)", authors: names("Freeze", "Smith"), year: "2009"}}},
		{"narrative particle page", `As von Geldern (2014, p. 3) shows, the name stuck.`,
			[]wantCite{{kind: n, text: "von Geldern (2014, p. 3)", authors: names("von Geldern"), year: "2014", locator: "p. 3"}}},
		{"narrative et al", `Freeze et al. (2009) disagree.`,
			[]wantCite{{kind: n, text: "Freeze et al. (2009)", authors: names("Freeze"), etAl: true, year: "2009"}}},
		{"narrative full name", `Historian James von Geldern (2014) traces it.`,
			[]wantCite{{kind: n, text: "James von Geldern (2014)", authors: names("von Geldern"), year: "2014"}}},
		{"narrative after according to", `According to Freeze (2009), reform stalled.`,
			[]wantCite{{kind: n, text: "Freeze (2009)", authors: names("Freeze"), year: "2009"}}},
		{"narrative claims is not doubled", `Smith (2009) claims that reform stalled.`,
			[]wantCite{{kind: n, text: "Smith (2009)", authors: names("Smith"), year: "2009"}}},
	}
	runCitationTable(t, tests)
}

func runCitationTable(t *testing.T, tests []struct {
	name string
	text string
	want []wantCite
}) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := newDoc(tc.text)
			checkCitations(t, doc, Citations(doc, allBlocks(doc)), tc.want)
		})
	}
}

func TestNotCitations(t *testing.T) {
	// A false citation makes a false "citation-unmatched" error: none of
	// these parentheses cites anything.
	for _, text := range []string{
		"It was a more liberal time (though still very strict).",
		"The thaw lasted a decade (1953-1964) in all.",
		"The thaw lasted a decade (1953–64) in all.",
		"It began in spring (1953).",
		"It began after the death of Stalin (1953).",
		"As discussed (see above), it failed.",
		"Some states (e.g., Poland and Hungary) rebelled.",
		"The union (USSR) was vast.",
		"The union (USSR).",
		"The alliance (NATO) answered.",
		"The alliance (NATO 12) answered.",
		"Some were freed (i.e. the political prisoners).",
		"The leader (Khrushchev) spoke for hours.",
		"Prices rose (in Moscow and Leningrad especially) that winter.",
		"It happened twice (in March 1956 and again later).",
		"It happened (March 1956).",
		"Read the rules (Article 58) carefully.",
		"Read the rules (Article 58).",
		"See the map (Figure 2).",
		"His speech (The Secret Speech) shocked them.",
		"The Party (The Communist Party) ruled.",
		"It was a time (a brief one) of hope.",
		"Points were made: (1) reform, (2) release.",
		"The ratio was high (12 percent).",
		"The years [1953] mattered.",
		"He said [sic] nothing.",
		"Words [...] were cut.",
		"Ehrenburg's novel The Thaw appeared in 1954.",
		"Ehrenburg’s novel *The Thaw* gave the era its name.",
		"The film (“The Cranes Are Flying”) won at Cannes.",
		"It was (“in a sense”) a thaw.",
		"A cost (about 300 roubles) was paid.",
		"The party's leader (Nikita Khrushchev) spoke first.",
		"The treaty (signed in Warsaw) was binding.",
		"The rate was 12 percent (Table 3).",
		"Stalin died in March (1953).",
		"Khrushchev (1894-1971) was born poor.",
		"The speech of Khrushchev (1956) shocked them.",
		"It was brief (anonymous).",
		"He said (and I agree) that it was brief.",
		"The two (Freeze and Smith) disagree.",
		"Many (e.g., Freeze) agree.",
		"He wrote it (my translation).",
		"She wrote (in 1956) that it ended.",
		"The Politburo (Presidium) met.",
		"The U.S. (United States) reacted.",
		"The index rose (+3%).",
		"The film (1957) won.",
		"Solzhenitsyn's novel (1962) shocked readers.",
		"The Communist Party (CPSU) ruled.",
		"Reforms came slowly (Moscow flooding again).",
		"The Soviet Union (1922) was founded.",
		"The Party (1956) changed course.",
		"It was a slogan (“Bread and Peace”) at first.",
	} {
		doc := newDoc(text)
		got := Citations(doc, allBlocks(doc))
		var texts []string
		for _, c := range got {
			texts = append(texts, string(c.Kind)+" "+c.Text)
		}
		assert.Empty(t, texts, "%s", text)
	}
}

func TestPageOnly(t *testing.T) {
	p, s := lint.CitationParenthetical, lint.CitationSignal
	tests := []struct {
		name string
		text string
		want []wantCite
	}{
		{"after signal phrase", `Freeze argues that the church "never fell silent" (412).`,
			[]wantCite{
				{kind: s, text: "Freeze argues", authors: names("Freeze")},
				{kind: p, text: "(412)", locator: "412", pageOnly: true},
			}},
		{"labelled anywhere", `The church was never silent (p. 412).`,
			[]wantCite{{kind: p, text: "(p. 412)", locator: "p. 412", pageOnly: true}}},
		{"range after quote", `He called it "the old certainties" (12-14).`,
			[]wantCite{{kind: p, text: "(12-14)", locator: "12-14", pageOnly: true}}},
		{"after according to", `According to Freeze, the church "never fell silent" (412).`,
			[]wantCite{
				{kind: s, text: "According to Freeze", authors: names("Freeze")},
				{kind: p, text: "(412)", locator: "412", pageOnly: true},
			}},
		{"bare number with no signal or quote", `The ratio rose (12) that year.`, nil},
		{"bare year is no page", `Freeze argues that it ended (1964).`,
			[]wantCite{{kind: s, text: "Freeze argues", authors: names("Freeze")}}},
	}
	runCitationTable(t, tests)
}

func TestNumericNotesLinks(t *testing.T) {
	doc := newDoc("Reform stalled [3] and then [3, 5] and [3–5] and [2-4].", "A linked source here and a note.")
	doc.Links = []lint.Link{
		{Range: rangeOf(doc, "linked source"), URL: "https://example.org/thaw"},
		{Range: rangeOf(doc, "source here"), URL: "#top"},
		{Range: rangeOf(doc, "here and"), URL: "mailto:someone@example.org"},
	}
	doc.NoteRefs = []lint.NoteRef{{Label: "1", Range: rangeOf(doc, "note")}}
	got := Citations(doc, allBlocks(doc))
	checkCitations(t, doc, got, []wantCite{
		{kind: lint.CitationNumeric, text: "[3]", numbers: []int{3}},
		{kind: lint.CitationNumeric, text: "[3, 5]", numbers: []int{3, 5}},
		{kind: lint.CitationNumeric, text: "[3–5]", numbers: []int{3, 4, 5}},
		{kind: lint.CitationNumeric, text: "[2-4]", numbers: []int{2, 3, 4}},
		{kind: lint.CitationLink, text: "linked source"},
		{kind: lint.CitationNote, text: "1"},
	})
	assert.Equal(t, "https://example.org/thaw", got[4].URL)
	assert.Equal(t, rangeOf(doc, "note"), got[5].Range)
	assert.Equal(t, 1, got[5].Block)
	// Links and notes outside the blocks asked for are left out.
	assert.Len(t, Citations(doc, []int{0}), 4)
}

func rangeOf(doc *lint.Document, s string) lint.Range {
	i := strings.Index(doc.Text, s)
	if i < 0 {
		panic("no " + s)
	}
	return lint.Range{Start: i, End: i + len(s)}
}

func TestCitationsInsideQuotations(t *testing.T) {
	// The source's own citations and signal phrases, quoted, are not the
	// essay's.
	doc := newDoc(`He wrote that "as Lenin wrote, the state withers (Marx 12)" and moved on (Freeze 3).`)
	checkCitations(t, doc, Citations(doc, allBlocks(doc)), []wantCite{
		{kind: lint.CitationParenthetical, text: "(Freeze 3)", authors: names("Freeze"), locator: "3"},
	})
	// In a block quotation the closing citation is the essay's.
	doc = newDocBlocks(para{lint.BlockQuotation, `The ice broke and "nothing" stayed. (Freeze 412)`})
	checkCitations(t, doc, Citations(doc, allBlocks(doc)), []wantCite{
		{kind: lint.CitationParenthetical, text: "(Freeze 412)", authors: names("Freeze"), locator: "412"},
	})
}

// TestCitationsOutliveTheirScan checks that the citations of one document
// keep their values while the pooled scanner that found them finds those
// of others.
func TestCitationsOutliveTheirScan(t *testing.T) {
	doc := newDoc(typicalEssay()...)
	first := Citations(doc, allBlocks(doc))
	want := make([]lint.Citation, len(first))
	for i, c := range first {
		c.Authors = slices.Clone(c.Authors)
		c.Numbers = slices.Clone(c.Numbers)
		want[i] = c
	}
	for _, s := range fuzzSeeds {
		other := fuzzDoc(s + " " + s)
		QuotesCitationsSentences(other, allBlocks(other))
		Citations(other, allBlocks(other))
	}
	assert.Equal(t, want, first)
}
