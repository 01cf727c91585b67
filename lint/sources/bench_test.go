package sources

import (
	"fmt"
	"strings"
	"testing"
)

// classLibrary writes a library of n generated pages of about 40 KB each,
// with heads as heavy as a blog theme's, half of them listed in
// sources.yml.
func classLibrary(b *testing.B, n int) string {
	files := map[string]string{}
	var yml strings.Builder
	styles := strings.Repeat("<link rel=\"stylesheet\" href=\"/theme/style.css?ver=6.4\">\n", 30)
	para := strings.Repeat("The elevator agent weighed each wagon and set the grade of the grain. ", 8)
	for i := range n {
		name := fmt.Sprintf("page-%03d.html", i)
		files[name] = fmt.Sprintf(`<!DOCTYPE html><html><head><title>Page %d | Prairie Notebook</title>
<link rel="canonical" href="https://prairie.example.edu/%d/">%s<meta name="author" content="Writer %d"></head>
<body><nav>Home Archive</nav><article><h1>Page %d</h1>%s</article></body></html>`,
			i, i, styles, i, i, strings.Repeat("<p>"+para+"</p>\n", 60))
		if i%2 == 0 {
			fmt.Fprintf(&yml, "- file: %s\n  title: \"Page %d\"\n  url: https://prairie.example.edu/%d/\n", name, i, i)
		}
	}
	files["sources.yml"] = yml.String()
	return writeLibrary(b, files)
}

// BenchmarkOpen opens a library of 300 pages: only the heads are read.
func BenchmarkOpen(b *testing.B) {
	dir := classLibrary(b, 300)
	for b.Loop() {
		lib, err := Open(dir)
		if err != nil || len(lib.Sources) != 300 {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenAndIndexOne opens the library and indexes the one page a
// citation points to, as a single-essay run does.
func BenchmarkOpenAndIndexOne(b *testing.B) {
	dir := classLibrary(b, 300)
	for b.Loop() {
		lib, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		src := lib.Find(Query{URL: "https://prairie.example.edu/151"})
		if src == nil {
			b.Fatal("page 151 not found")
		}
		if _, err := src.Index(); err != nil {
			b.Fatal(err)
		}
	}
}
