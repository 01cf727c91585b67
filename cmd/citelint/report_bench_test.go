package main

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citelint/citelint/rules"
)

var benchWords = strings.Fields(`river town trade canal bridge harbour market road mill wool grain ships
	merchants guild charter council bishop castle walls plague fair toll coins ledger weavers rope salt`)

// benchSentence is n words from a fixed vocabulary.
func benchSentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = benchWords[r.IntN(len(benchWords))]
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ")
}

// benchEssay is a small essay: paragraphs with a quotation and an MLA
// citation now and then, and a works-cited list.
func benchEssay(r *rand.Rand) (paras []string) {
	authors := []string{"Hale", "Okafor", "Brandt", "Moreau"}
	paras = append(paras, benchSentence(r, 4))
	for range 4 + r.IntN(3) {
		var p strings.Builder
		for range 3 + r.IntN(3) {
			p.WriteString(benchSentence(r, 8+r.IntN(8)))
			if r.IntN(3) == 0 {
				fmt.Fprintf(&p, ", as “%s” (%s %d)", benchSentence(r, 5+r.IntN(5)), authors[r.IntN(len(authors))], 5+r.IntN(200))
			}
			p.WriteString(". ")
		}
		paras = append(paras, strings.TrimSpace(p.String()))
	}
	paras = append(paras, "Works Cited")
	for _, a := range authors[:2+r.IntN(3)] {
		paras = append(paras, fmt.Sprintf("%s, Ruth. %s. Lakeside Press, %d.", a, benchSentence(r, 3), 1980+r.IntN(40)))
	}
	return paras
}

// writeClassZip writes a Canvas-style zip of n submissions, in turn a
// Word file, a text entry and a plain-text essay, and returns its size.
func writeClassZip(tb testing.TB, path string, n int) int64 {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	zw := zip.NewWriter(f)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range n {
		paras := benchEssay(r)
		late := ""
		if i%7 == 0 {
			late = "_LATE"
		}
		var name, body string
		switch i % 3 {
		case 0:
			name, body = "Essay.docx", docxOf(tb, paras...)
		case 1:
			name, body = "text.html", "<p>"+strings.Join(paras, "</p>\n<p>")+"</p>\n"
		default:
			name, body = "essay.txt", strings.Join(paras, "\n\n")+"\n"
		}
		w, err := zw.Create(fmt.Sprintf("student%05d%s_%d_%d_%s", i, late, 10000+i, 50000+i, name))
		if err == nil {
			_, err = io.WriteString(w, body)
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	info, err := f.Stat()
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		tb.Fatal(err)
	}
	return info.Size()
}

// BenchmarkClassZipReport lints a generated class zip of CITELINT_BATCH
// submissions (10,000 by default) through the command line with the real
// rules, JSON to a file and --report to a folder, and reports the peak
// heap: the report must stream, keeping only a row of counts per essay.
func BenchmarkClassZipReport(b *testing.B) {
	n := 10000
	if s := os.Getenv("CITELINT_BATCH"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v > 0 {
			n = v
		}
	}
	dir := b.TempDir()
	zipPath := filepath.Join(dir, "class.zip")
	size := writeClassZip(b, zipPath, n)
	runtime.GC()

	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var ms runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse+ms.StackInuse)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	})
	e := &env{
		stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
		getenv: func(string) string { return "" }, isTerminal: func(io.Writer) bool { return false },
		rules: rules.All,
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		reportDir := filepath.Join(dir, "report"+strconv.Itoa(i))
		args := []string{"citelint", "lint", "--report", reportDir, "--format", "json", "--output", filepath.Join(dir, "out.json"), zipPath}
		if code := run(context.Background(), args, e); code == exitUsage {
			b.Fatalf("exit %d", code)
		}
		pages, err := os.ReadDir(filepath.Join(reportDir, "essays"))
		if err != nil || len(pages) != n {
			b.Fatalf("%d essay pages, want %d (%v)", len(pages), n, err)
		}
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(size)/1e6, "zip-MB")
}
