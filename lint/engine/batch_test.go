package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/rules"
)

// The generated corpus: essays of about 7 KB in Markdown, text and HTML,
// made from a fixed seed so every run measures the same bytes.

var (
	surnames = []string{"Freeze", "Fitzpatrick", "von Geldern", "Taubman", "Smith", "Kotkin", "Zubok", "Hosking", "Service", "Suny", "Applebaum", "Kenez"}
	given    = []string{"Gregory", "Sheila", "James", "William", "Mark", "Stephen", "Vladislav", "Geoffrey", "Robert", "Ronald", "Anne", "Peter"}
	words    = strings.Fields(`the party state reform thaw policy writers culture history soviet union after death of stalin years
		repression new leadership movement political liberal life people change era hope freedom congress speech novel
		censorship housing peasants workers factory plan economy war memory camps release rehabilitation critics
		public debate youth music film art journal letters society control power secret police moscow leningrad`)
)

func sentence(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		w := words[r.IntN(len(words))]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// genEssay writes one essay in the given format: paragraphs with quotations
// and MLA citations, and a Works Cited list.
func genEssay(r *rand.Rand, format lint.Format) []byte {
	type source struct{ family, given, title string }
	var srcs []source
	for range 3 + r.IntN(3) {
		i := r.IntN(len(surnames))
		srcs = append(srcs, source{surnames[i], given[i], sentence(r, 3)})
	}
	var paras []string
	for range 10 + r.IntN(4) {
		var p strings.Builder
		for range 4 + r.IntN(3) {
			p.WriteString(sentence(r, 8+r.IntN(10)))
			if r.IntN(3) == 0 {
				s := srcs[r.IntN(len(srcs))]
				fmt.Fprintf(&p, ", as “%s” (%s %d)", sentence(r, 5+r.IntN(6)), s.family, 10+r.IntN(300))
			}
			p.WriteString(". ")
		}
		paras = append(paras, strings.TrimSpace(p.String()))
	}
	var entries []string
	for _, s := range srcs {
		entries = append(entries, fmt.Sprintf("%s, %s. %s. Oxford UP, %d.", s.family, s.given, s.title, 1990+r.IntN(30)))
	}
	var b bytes.Buffer
	title := sentence(r, 5)
	switch format {
	case lint.FormatMarkdown:
		fmt.Fprintf(&b, "# %s\n\n%s\n\n## Works Cited\n\n", title, strings.Join(paras, "\n\n"))
		for _, e := range entries {
			fmt.Fprintf(&b, "%s\n\n", e)
		}
	case lint.FormatHTML:
		fmt.Fprintf(&b, "<!DOCTYPE html><html><head><title>%s</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1><div class=\"entry-content\">\n", title, title)
		for _, p := range paras {
			fmt.Fprintf(&b, "<p>%s</p>\n", strings.ReplaceAll(p, "“", "&#8220;"))
		}
		b.WriteString("<p><strong>Works Cited</strong></p>\n")
		for _, e := range entries {
			fmt.Fprintf(&b, "<p>%s</p>\n", e)
		}
		b.WriteString("</div></article><div id=\"comments\"><p>Nice post!</p></div></body></html>\n")
	default:
		fmt.Fprintf(&b, "%s\n\n%s\n\nWorks Cited\n\n%s\n", title, strings.Join(paras, "\n\n"), strings.Join(entries, "\n"))
	}
	return b.Bytes()
}

var formats = []struct {
	format lint.Format
	ext    string
}{{lint.FormatMarkdown, ".md"}, {lint.FormatText, ".txt"}, {lint.FormatHTML, ".html"}}

// writeCorpus writes n essays under dir, a hundred to a folder, and returns
// their total size.
func writeCorpus(tb testing.TB, dir string, n int) int64 {
	r := rand.New(rand.NewPCG(1, 2))
	var total int64
	for i := range n {
		f := formats[i%len(formats)]
		sub := filepath.Join(dir, fmt.Sprintf("class%03d", i/100))
		if i%100 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				tb.Fatal(err)
			}
		}
		src := genEssay(r, f.format)
		total += int64(len(src))
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("essay%05d%s", i, f.ext)), src, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return total
}

func BenchmarkLintEssay(b *testing.B) {
	eng := engine.New(engine.Options{Rules: rules.All(), Jobs: 1})
	for _, f := range formats {
		src := genEssay(rand.New(rand.NewPCG(3, 4)), f.format)
		b.Run(string(f.format), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				res := eng.LintSource("essay"+f.ext, src)
				if res.Err != nil {
					b.Fatal(res.Err)
				}
			}
		})
	}
}

// BenchmarkBatch lints a generated class of essays (CITELINT_BATCH essays,
// 10,000 by default, about 70 MB) on all cores and reports throughput per
// core and peak memory. With CITELINT_BATCH_DIR set, the corpus is written
// to that folder and left there, so that the command itself can be timed
// on it (citelint lint DIR).
func BenchmarkBatch(b *testing.B) {
	n := 10000
	if s := os.Getenv("CITELINT_BATCH"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v > 0 {
			n = v
		}
	}
	dir := os.Getenv("CITELINT_BATCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	total := writeCorpus(b, dir, n)
	flushWrites()
	eng := engine.New(engine.Options{Rules: rules.All()})

	// The collector's pace exactly as cmd/citelint's main sets it
	// (gcPercent, memoryLimit there), so the batch measures what the
	// command does; both are reported.
	const gcPercent, memoryLimit = 400, 150 << 20
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	runtime.GC()

	// Peak memory is sampled through runtime/metrics, which, unlike
	// runtime.ReadMemStats, does not stop the world: the sampler must not
	// slow the batch it measures.
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		samples := []metrics.Sample{
			{Name: "/memory/classes/heap/objects:bytes"},
			{Name: "/memory/classes/heap/unused:bytes"},
			{Name: "/memory/classes/heap/stacks:bytes"},
		}
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			var inuse uint64
			for _, s := range samples {
				if s.Value.Kind() == metrics.KindUint64 {
					inuse += s.Value.Uint64()
				}
			}
			peak = max(peak, inuse)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	})

	refBefore := hostReference()
	b.SetBytes(total)
	b.ResetTimer()
	gcCPU := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}, {Name: "/cpu/classes/idle:cpu-seconds"}}
	metrics.Read(gcCPU)
	gcStart, usedStart := gcCPU[0].Value.Float64(), gcCPU[1].Value.Float64()-gcCPU[2].Value.Float64()
	start, startCPU := time.Now(), processCPUTime()
	for b.Loop() {
		files, findings := 0, 0
		err := eng.Run(context.Background(), []string{dir}, func(r engine.Result) {
			files++
			findings += len(r.Diagnostics)
			if r.Err != nil {
				b.Error(r.Err)
			}
		})
		if err != nil {
			b.Fatal(err)
		}
		if files != n {
			b.Fatalf("linted %d files, want %d", files, n)
		}
	}
	elapsed, cpu := time.Since(start), processCPUTime()-startCPU
	b.StopTimer()
	b.ReportMetric((refBefore+hostReference())/2, "ref-sorts/s/core")
	metrics.Read(gcCPU)
	if used := gcCPU[1].Value.Float64() - gcCPU[2].Value.Float64() - usedStart; used > 0 {
		// The collector's share of the CPU time the runtime used.
		b.ReportMetric(100*(gcCPU[0].Value.Float64()-gcStart)/used, "gc-cpu-%")
	}
	close(stop)
	wg.Wait()
	perCore := float64(total) * float64(b.N) / elapsed.Seconds() / float64(runtime.GOMAXPROCS(0)) / 1e6
	b.ReportMetric(perCore, "MB/s/core")
	if cpu > 0 {
		// Throughput per second of CPU the process used (the collector's
		// included): unlike MB/s/core it does not fall when other
		// programs share the cores.
		b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
		b.ReportMetric(float64(cpu.Microseconds())/float64(n*b.N), "cpu-µs/essay")
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(total)/1e6, "corpus-MB")
	b.ReportMetric(gcPercent, "GOGC")
	b.ReportMetric(memoryLimit/(1<<20), "memlimit-MB")
}

// hostReference measures how fast the machine runs a fixed piece of
// CPU-bound work on all cores at once, now: GOMAXPROCS goroutines each
// sort copies of one pseudo-random slice for a fixed count. The batch
// reports it (in sorts per second per core, before and after averaged)
// so that runs on a host whose speed drifts, such as a shared virtual
// machine, can be told apart from changes in citelint.
func hostReference() float64 {
	const size, rounds = 1 << 14, 40
	r := rand.New(rand.NewPCG(5, 6))
	base := make([]int, size)
	for i := range base {
		base[i] = r.Int()
	}
	procs := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	start := time.Now()
	for range procs {
		wg.Go(func() {
			work := make([]int, size)
			for range rounds {
				copy(work, base)
				slices.Sort(work)
			}
		})
	}
	wg.Wait()
	return rounds / time.Since(start).Seconds()
}

// TestGeneratedEssaysAreRead keeps the generator honest: every format reads,
// and the essays are long enough to be the size the benchmark claims.
func TestGeneratedEssaysAreRead(t *testing.T) {
	eng := engine.New(engine.Options{Rules: rules.All(), Jobs: 1})
	r := rand.New(rand.NewPCG(5, 6))
	for _, f := range formats {
		src := genEssay(r, f.format)
		if len(src) < 4000 {
			t.Errorf("%s essay is only %d bytes", f.format, len(src))
		}
		res := eng.LintSource("essay"+f.ext, src)
		if res.Err != nil {
			t.Fatalf("%s: %v", f.format, res.Err)
		}
	}
}

// BenchmarkLintFixtures lints each correct essay of testdata/essays, in
// every style and format, once per op: essays with fuller works-cited
// lists than the generated ones, so entry parsing and matching weigh as
// they do in real work.
func BenchmarkLintFixtures(b *testing.B) {
	paths, err := filepath.Glob("../../testdata/essays/*")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no fixture essays: %v", err)
	}
	srcs := make([][]byte, len(paths))
	var total int64
	for i, p := range paths {
		if srcs[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
		total += int64(len(srcs[i]))
	}
	eng := engine.New(engine.Options{Rules: rules.All(), Jobs: 1})
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for i, p := range paths {
			if res := eng.LintSource(p, srcs[i]); res.Err != nil {
				b.Fatal(res.Err)
			}
		}
	}
}
