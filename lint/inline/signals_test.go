package inline

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citelint/citelint/lint"
)

func TestSignalPhrases(t *testing.T) {
	s := lint.CitationSignal
	tests := []struct {
		name string
		text string
		want []wantCite
	}{
		{"according to particle", `The book meant "to serve the state," according to von Geldern.`,
			[]wantCite{{kind: s, text: "according to von Geldern", authors: names("von Geldern")}}},
		{"according to full name", `According to James von Geldern, the book was minor.`,
			[]wantCite{{kind: s, text: "According to James von Geldern", authors: names("von Geldern")}}},
		{"according to given and family", `According to Il'ia Ehrenburg, the ice broke.`,
			[]wantCite{{kind: s, text: "According to Il'ia Ehrenburg", authors: names("Ehrenburg")}}},
		{"according to honorific", `According to Dr. Maria Lopez, the data held.`,
			[]wantCite{{kind: s, text: "According to Dr. Maria Lopez", authors: names("Lopez")}}},
		{"according to descriptor", `According to historian Sheila Fitzpatrick, fear was ordinary.`,
			[]wantCite{{kind: s, text: "According to historian Sheila Fitzpatrick", authors: names("Fitzpatrick")}}},
		{"according to organisation", `According to the World Health Organization, cases rose.`,
			[]wantCite{{kind: s, text: "According to the World Health Organization", authors: names("World Health Organization")}}},
		{"verb after name", `Freeze argues that the church survived.`,
			[]wantCite{{kind: s, text: "Freeze argues", authors: names("Freeze")}}},
		{"as wrote", `As Ehrenburg wrote, the ice was thin.`,
			[]wantCite{{kind: s, text: "Ehrenburg wrote", authors: names("Ehrenburg")}}},
		{"possessive words", `In Fitzpatrick's words, terror was routine.`,
			[]wantCite{{kind: s, text: "In Fitzpatrick's words", authors: names("Fitzpatrick")}}},
		{"curly possessive words", `In Fitzpatrick’s words, terror was routine.`,
			[]wantCite{{kind: s, text: "In Fitzpatrick’s words", authors: names("Fitzpatrick")}}},
		{"words of", `In the words of Sheila Fitzpatrick, terror was routine.`,
			[]wantCite{{kind: s, text: "In the words of Sheila Fitzpatrick", authors: names("Fitzpatrick")}}},
		{"descriptor before name", `Historian Sheila Fitzpatrick notes that fear was ordinary.`,
			[]wantCite{{kind: s, text: "Sheila Fitzpatrick notes", authors: names("Fitzpatrick")}}},
		{"lower-case descriptor", `The historian Sheila Fitzpatrick notes that fear was ordinary.`,
			[]wantCite{{kind: s, text: "Sheila Fitzpatrick notes", authors: names("Fitzpatrick")}}},
		{"states", `Freeze states that reform stalled.`, []wantCite{{kind: s, text: "Freeze states", authors: names("Freeze")}}},
		{"writes", `Freeze writes that reform stalled.`, []wantCite{{kind: s, text: "Freeze writes", authors: names("Freeze")}}},
		{"explains", `Freeze explains that reform stalled.`, []wantCite{{kind: s, text: "Freeze explains", authors: names("Freeze")}}},
		{"observes", `Freeze observes that reform stalled.`, []wantCite{{kind: s, text: "Freeze observes", authors: names("Freeze")}}},
		{"suggests", `Freeze suggests that reform stalled.`, []wantCite{{kind: s, text: "Freeze suggests", authors: names("Freeze")}}},
		{"points out", `Freeze points out that reform stalled.`, []wantCite{{kind: s, text: "Freeze points out", authors: names("Freeze")}}},
		{"notes", `Freeze notes that reform stalled.`, []wantCite{{kind: s, text: "Freeze notes", authors: names("Freeze")}}},
		{"claims", `Freeze claims that reform stalled.`, []wantCite{{kind: s, text: "Freeze claims", authors: names("Freeze")}}},
		{"asserts", `Freeze asserts that reform stalled.`, []wantCite{{kind: s, text: "Freeze asserts", authors: names("Freeze")}}},
		{"describes", `Freeze describes how reform stalled.`, []wantCite{{kind: s, text: "Freeze describes", authors: names("Freeze")}}},
		{"reports", `Freeze reports that reform stalled.`, []wantCite{{kind: s, text: "Freeze reports", authors: names("Freeze")}}},
		{"says", `Freeze says that reform stalled.`, []wantCite{{kind: s, text: "Freeze says", authors: names("Freeze")}}},
		{"auxiliary and adverb", `Freeze has convincingly argued that reform stalled.`,
			[]wantCite{{kind: s, text: "Freeze has convincingly argued", authors: names("Freeze")}}},
		{"appositive", `Freeze, a historian of the church, argues that it survived.`,
			[]wantCite{{kind: s, text: "Freeze, a historian of the church, argues", authors: names("Freeze")}}},
		{"two names", `Freeze and Smith argue that reform stalled.`,
			[]wantCite{{kind: s, text: "Freeze and Smith argue", authors: names("Freeze", "Smith")}}},
		{"puts it", `As Freeze puts it, reform stalled.`,
			[]wantCite{{kind: s, text: "Freeze puts it", authors: names("Freeze")}}},
		{"put it past", `As Freeze put it, reform stalled.`,
			[]wantCite{{kind: s, text: "Freeze put it", authors: names("Freeze")}}},
		{"inverted", `"The ice is breaking," writes Ehrenburg.`,
			[]wantCite{{kind: s, text: "writes Ehrenburg", authors: names("Ehrenburg")}}},
		{"noted by", `As noted by Freeze, reform stalled.`,
			[]wantCite{{kind: s, text: "noted by Freeze", authors: names("Freeze")}}},
		{"to quote", `To quote Ehrenburg, the ice broke.`,
			[]wantCite{{kind: s, text: "To quote Ehrenburg", authors: names("Ehrenburg")}}},
		{"particles", `Charles De Gaulle said no. Osama bin Laden claimed it. Leonardo da Vinci wrote much. Vincent van Gogh explains it. Conan O'Brien says so. Jane Smith-Jones suggests it. Ali al-Hakim observes it.`,
			[]wantCite{
				{kind: s, text: "Charles De Gaulle said", authors: names("De Gaulle")},
				{kind: s, text: "Osama bin Laden claimed", authors: names("bin Laden")},
				{kind: s, text: "Leonardo da Vinci wrote", authors: names("da Vinci")},
				{kind: s, text: "Vincent van Gogh explains", authors: names("van Gogh")},
				{kind: s, text: "Conan O'Brien says", authors: names("O'Brien")},
				{kind: s, text: "Jane Smith-Jones suggests", authors: names("Smith-Jones")},
				{kind: s, text: "Ali al-Hakim observes", authors: names("al-Hakim")},
			}},
		{"capitalised particle alone", `De Gaulle said no.`,
			[]wantCite{{kind: s, text: "De Gaulle said", authors: names("De Gaulle")}}},
		{"honorific", `President Khrushchev declared that the cult was over.`,
			[]wantCite{{kind: s, text: "President Khrushchev declared", authors: names("Khrushchev")}}},

		{"et al with plural verb", `Freeze et al. argue that reform stalled.`,
			[]wantCite{{kind: s, text: "Freeze et al. argue", authors: names("Freeze"), etAl: true}}},
		{"name after previous sentence", `It ended in Moscow. Freeze argues otherwise.`,
			[]wantCite{{kind: s, text: "Freeze argues", authors: names("Freeze")}}},
		{"initials", `J. K. Smith argues otherwise.`,
			[]wantCite{{kind: s, text: "J. K. Smith argues", authors: names("Smith")}}},
		{"however appositive", `Freeze, however, argues otherwise.`,
			[]wantCite{{kind: s, text: "Freeze, however, argues", authors: names("Freeze")}}},
		{"non-ASCII name", `Müller argues that reform stalled.`,
			[]wantCite{{kind: s, text: "Müller argues", authors: names("Müller")}}},
		{"accented particle name", `According to Éric de Chassey, the style changed.`,
			[]wantCite{{kind: s, text: "According to Éric de Chassey", authors: names("de Chassey")}}},
		{"plural possessive words", `In Jones' words, terror was routine.`,
			[]wantCite{{kind: s, text: "In Jones' words", authors: names("Jones")}}},
		{"according to possessive", `According to Robbin Laird’s article, exports rose.`,
			[]wantCite{{kind: s, text: "According to Robbin Laird’s", authors: names("Laird")}}},
		{"note marker in another sentence", `It ended.[1] Viola describes the aftermath.`,
			[]wantCite{
				{kind: lint.CitationNumeric, text: "[1]", numbers: []int{1}},
				{kind: s, text: "Viola describes", authors: names("Viola")},
			}},

		{"shows", `Marlow shows that the trade "paid for the quays" (88).`,
			[]wantCite{
				{kind: s, text: "Marlow shows", authors: names("Marlow")},
				{kind: lint.CitationParenthetical, text: "(88)", locator: "88", pageOnly: true},
			}},
		{"records", `Sokolovskaia records the saying in her study (94).`,
			[]wantCite{
				{kind: s, text: "Sokolovskaia records", authors: names("Sokolovskaia")},
				{kind: lint.CitationParenthetical, text: "(94)", locator: "94", pageOnly: true},
			}},
		{"pronoun licenses a page", `She also shows how officials read the queues (96).`,
			[]wantCite{{kind: lint.CitationParenthetical, text: "(96)", locator: "96", pageOnly: true}}},
		{"source noun licenses a page", `The study finds that queues grew (97).`,
			[]wantCite{{kind: lint.CitationParenthetical, text: "(97)", locator: "97", pageOnly: true}}},

		// Not signal phrases.
		{"abstract subject", `Attendance tells the same story.`, nil},
		{"research shows", `Research shows that queues grew.`, nil},
		{"history records", `History records no such event.`, nil},
		{"pronoun", `He argues that reform stalled.`, nil},
		{"she", `She notes that reform stalled.`, nil},
		{"the author", `The author argues that reform stalled.`, nil},
		{"the article", `The article says that reform stalled.`, nil},
		{"the text", `The text suggests that reform stalled.`, nil},
		{"generic many", `Many historians argue that reform stalled.`, nil},
		{"generic plural", `Historians argue that reform stalled.`, nil},
		{"generic scholars past", `Scholars claimed that reform stalled.`, nil},
		{"some", `Some argue that reform stalled.`, nil},
		{"essay's own", `I argue that reform stalled.`, nil},
		{"we", `We argue that reform stalled.`, nil},
		{"this", `This suggests that reform stalled.`, nil},
		{"however", `However, it states nothing.`, nil},
		{"the party", `The Communist Party claimed that all was well.`, nil},
		{"adjective plural", `Soviet sources claim that all was well.`, nil},
		{"according to pronoun", `According to him, all was well.`, nil},
		{"according to the author", `According to the author, all was well.`, nil},
		{"according to adjective", `According to Soviet historians, all was well.`, nil},
		{"according to the party", `According to the Party, all was well.`, nil},
		{"possessive thing", `Khrushchev's Secret Speech states that the cult was wrong.`, nil},
		{"work by name", `Ehrenburg's novel describes a thaw.`, nil},
		{"title mention", `With the publication of “Il’ia Ehrenburg’s THE THAW,” a new age started.`, nil},
		{"inside a quotation", `He wrote that "as Lenin wrote, the state withers" and moved on.`, nil},
		{"sentence start noun", `Reports say that reform stalled.`, nil},
		{"states as noun", `The Baltic states remained.`, nil},
		{"written by is authorship", `The Thaw, written by Ehrenburg, appeared in 1954.`, nil},
	}
	runCitationTable(t, tests)
}

func TestSpeaker(t *testing.T) {
	s, p := lint.CitationSignal, lint.CitationParenthetical
	tests := []struct {
		name string
		text string
		want []wantCite
	}{
		{"cited source in sentence", `According to CEO Doug McMillon, "wages will rise" (Dearn, 2020).`,
			[]wantCite{
				{kind: s, text: "According to CEO Doug McMillon", authors: names("McMillon"), speaker: true},
				{kind: p, text: "(Dearn, 2020)", authors: names("Dearn"), year: "2020"},
			}},
		{"qtd in", `Khrushchev, as Taubman notes, "believed" (qtd. in Aldana 12).`,
			[]wantCite{
				{kind: s, text: "Taubman notes", authors: names("Taubman"), speaker: true},
				{kind: p, text: "(qtd. in Aldana 12)", authors: names("Aldana"), locator: "12", indirect: true},
			}},
		{"page only keeps signal without speaker", `Freeze argues that the church "never fell silent" (412).`,
			[]wantCite{
				{kind: s, text: "Freeze argues", authors: names("Freeze")},
				{kind: p, text: "(412)", locator: "412", pageOnly: true},
			}},
		{"citation in another sentence", `Freeze argues that it ended. It ended (Smith 4).`,
			[]wantCite{
				{kind: s, text: "Freeze argues", authors: names("Freeze")},
				{kind: p, text: "(Smith 4)", authors: names("Smith"), locator: "4"},
			}},
	}
	runCitationTable(t, tests)
}

func TestSignalRanges(t *testing.T) {
	doc := newDoc("First paragraph.", `It was written to “honor the tenets of Stalinist culture,” according to von Geldern.`)
	cs := Citations(doc, allBlocks(doc))
	if assert.Len(t, cs, 1) {
		assert.Equal(t, 1, cs[0].Block)
		assert.Equal(t, "according to von Geldern", doc.Slice(cs[0].Range))
	}
}

func TestItalicShortTitle(t *testing.T) {
	doc := newDoc(`The ice broke "at last" (Thaw 12).`)
	doc.Italics = []lint.Range{rangeOf(doc, "Thaw")}
	checkCitations(t, doc, Citations(doc, allBlocks(doc)), []wantCite{
		{kind: lint.CitationParenthetical, text: "(Thaw 12)", title: "Thaw", locator: "12"},
	})
}
