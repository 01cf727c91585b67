package locate

import (
	"index/suffixarray"
	"sync"
	"testing"
)

// loop runs f as the benchmark's body and reports CPU time per operation
// as cpu-ns/op beside the wall time (see processCPU).
func loop(b *testing.B, f func()) {
	start, ok := processCPU()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	if end, ok2 := processCPU(); ok && ok2 && n > 0 {
		b.ReportMetric(float64((end-start).Nanoseconds())/float64(n), "cpu-ns/op")
	}
}

// benchBook is a generated 1 MB book with a planted sentence, made once.
var benchBook = sync.OnceValue(func() string { return plantedBook(1 << 20) })

func BenchmarkNewIndex(b *testing.B) {
	text := benchBook()
	englishWords() // the word list loads once per process, not per index
	b.SetBytes(int64(len(text)))
	loop(b, func() { NewIndex(text) })
}

// BenchmarkSuffixArrayBaseline is the alternative NewIndex's comment
// weighs: a byte suffix array over the same folded text.
func BenchmarkSuffixArrayBaseline(b *testing.B) {
	folded := []byte(Fold(benchBook()))
	b.SetBytes(int64(len(folded)))
	loop(b, func() { suffixarray.New(folded) })
}

func benchFind(b *testing.B, quote string, found bool) {
	ix := NewIndex(benchBook())
	if m := ix.Find(quote); m.Found != found {
		b.Fatalf("Find(%q).Found = %v", quote, m.Found)
	}
	loop(b, func() { ix.Find(quote) })
}

func BenchmarkFind(b *testing.B) {
	benchFind(b, "the cartographer's apprentice misread the tidal almanac", true)
}

func BenchmarkFindEllipsis(b *testing.B) {
	benchFind(b, "the cartographer's apprentice … sailed a fortnight late", true)
}

func BenchmarkFindNearMiss(b *testing.B) {
	benchFind(b, "the cartographer's assistant misread the tidal almanac and sailed late", false)
}

// BenchmarkFindCommonWords quotes a stretch of the generated book made of
// its commonest words, whose posting lists are the longest.
func BenchmarkFindCommonWords(b *testing.B) {
	text := benchBook()
	tokens := Normalize(text[:4096])
	benchFind(b, text[tokens[10].Start:tokens[22].End], true)
}

func BenchmarkFindAbsent(b *testing.B) {
	benchFind(b, "nothing of this sentence was ever written in the book you are reading now", false)
}

func BenchmarkLongestCommonRun(b *testing.B) {
	text := benchBook()
	ix := NewIndex(text)
	passage := "An essay paragraph that copies without quotation marks: " + planted + " And then it goes on in its own words."
	loop(b, func() { ix.LongestCommonRun(passage, 12) })
}

func BenchmarkTerms(b *testing.B) {
	text := benchBook()[:64<<10]
	englishWords()
	b.SetBytes(int64(len(text)))
	loop(b, func() { Terms(text) })
}
