package inline

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchParagraphs are sentence shapes an essay is made of, written for
// the benchmark: quotations, citations of every kind, signal phrases,
// apostrophes and plain prose.
var benchParagraphs = []string{
	`After the war the country did not know what to expect, and the years of repression left people wary of the new leaders. Many hoped for change; few said so aloud. The economy recovered slowly, and the cities were rebuilt block by block over the following decade.`,
	`Freeze argues that the church "was never entirely silent" (412). According to James von Geldern, the novel was meant "to honour the tenets of its age," yet it gave the period its name. Critics' reviews were mixed, and the '60s brought new voices.`,
	`The party (though still very strict) allowed more debate than before (Smith and Jones 2009: 33). Historian Sheila Fitzpatrick notes that "fear became ordinary" (Fitzpatrick, 1999, p. 7), while others disagree [3, 5].`,
	`In Fitzpatrick's words, "everyday life was improvised." It wasn't easy: O'Brien's memoir and Il'ia's letters show it (qtd. in Aldana 12). "The ice is breaking," writes Ehrenburg, and rock 'n' roll arrived by the end of the decade.`,
	`The thaw lasted from 1953 until 1964 (1953-1964) and ended with a quiet coup; the new leadership, e.g. the Presidium, preferred stability to reform. The U.S. and Dr. Smith's colleagues watched closely, as did the press in other countries.`,
}

// proseParagraphs carry no citation, as most of an essay's paragraphs
// do not: names, numbers, apostrophes, a parenthetical remark, verbs that
// could be signal verbs.
var proseParagraphs = []string{
	`The new leadership said little in public about the camps, and the first amnesty released mostly common criminals rather than political prisoners. In the cities, people noticed that the newspapers changed their tone before the policies changed. Rents stayed low (at least on paper), and queues stayed long.`,
	`Khrushchev's rise was not inevitable. He outmanoeuvred rivals who underestimated him, and by 1955 he controlled the party apparatus. Foreign observers, who had expected a collective leadership to last, were surprised by how quickly the balance shifted in the Presidium.`,
	`Writers tested the limits cautiously. A few journals printed stories about ordinary disappointments, and readers wrote letters that editors didn't always dare to publish. The censors hadn't gone away; they had only become less predictable, which in some ways made their work harder.`,
}

// benchEssay builds an essay of about n bytes; dense makes every
// paragraph one of benchParagraphs (a citation every few dozen bytes),
// otherwise one paragraph in three cites, as in a typical essay.
func benchEssay(n int, dense bool) []string {
	var paras []string
	size := 0
	for i := 0; size < n; i++ {
		var p string
		switch {
		case dense || i%3 == 0:
			p = benchParagraphs[(i/3)%len(benchParagraphs)]
		default:
			p = proseParagraphs[i%len(proseParagraphs)]
		}
		if i%7 == 3 {
			p = strings.Replace(p, "the", fmt.Sprintf("the %d", i), 1)
		}
		paras = append(paras, p)
		size += len(p) + 2
	}
	return paras
}

// BenchmarkExtract runs quotations and citations over a typical ~100 KB
// essay, the whole of this package's share of the pipeline.
func BenchmarkExtract(b *testing.B) {
	doc := newDoc(benchEssay(100<<10, false)...)
	blocks := allBlocks(doc)
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Quotes(doc, blocks)
		Citations(doc, blocks)
	}
}

// BenchmarkExtractDense is the worst case: a citation, quotation or
// signal phrase in every sentence.
func BenchmarkExtractDense(b *testing.B) {
	doc := newDoc(benchEssay(100<<10, true)...)
	blocks := allBlocks(doc)
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Quotes(doc, blocks)
		Citations(doc, blocks)
	}
}

func BenchmarkQuotes(b *testing.B) {
	doc := newDoc(benchEssay(100<<10, false)...)
	blocks := allBlocks(doc)
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Quotes(doc, blocks)
	}
}

func BenchmarkCitations(b *testing.B) {
	doc := newDoc(benchEssay(100<<10, false)...)
	blocks := allBlocks(doc)
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Citations(doc, blocks)
	}
}

func BenchmarkSentences(b *testing.B) {
	doc := newDoc(benchEssay(100<<10, false)...)
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		for _, blk := range doc.Blocks {
			Sentences(doc, blk.Range)
		}
	}
}

// typicalEssay builds an essay of about 7 KB shaped like the ones citelint
// lints in a batch: a dozen paragraphs of plain sentences, one sentence in
// three ending with a quotation and an MLA citation.
func typicalEssay() []string {
	r := rand.New(rand.NewPCG(3, 4))
	vocab := strings.Fields(`the party state reform thaw policy writers culture history soviet union after death of
		stalin years repression new leadership movement political liberal life people change era hope freedom
		congress speech novel censorship housing peasants workers factory plan economy war memory camps release
		rehabilitation critics public debate youth music film art journal letters society control power`)
	authors := []string{"Freeze", "Fitzpatrick", "von Geldern", "Taubman", "Kotkin"}
	words := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ")
	}
	var paras []string
	for range 12 {
		var p strings.Builder
		for range 4 + r.IntN(3) {
			p.WriteString(words(8 + r.IntN(10)))
			if r.IntN(3) == 0 {
				fmt.Fprintf(&p, ", as “%s” (%s %d)", words(5+r.IntN(6)), authors[r.IntN(len(authors))], 10+r.IntN(300))
			}
			p.WriteString(". ")
		}
		paras = append(paras, strings.TrimSpace(p.String()))
	}
	return paras
}

// BenchmarkEssay is this package's share of linting one typical essay:
// quotations, citations and sentences at once, then the sentences of the
// blocks extraction did not split, as matching asks for them.
func BenchmarkEssay(b *testing.B) {
	doc := newDoc(typicalEssay()...)
	blocks := allBlocks(doc)
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		_, _, sentences := QuotesCitationsSentences(doc, blocks)
		for blk, ss := range sentences {
			if ss == nil {
				Sentences(doc, doc.Blocks[blk].Range)
			}
		}
	}
}
