package inline

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDebugDump(t *testing.T) {
	src := os.Getenv("DUMP")
	if src == "" {
		t.Skip()
	}
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.ReplaceAll(string(b), "\r", ""), "\n")
	var ps []string
	for _, p := range paras {
		if strings.TrimSpace(p) != "" {
			ps = append(ps, p)
		}
	}
	doc := newDoc(ps...)
	for _, q := range Quotes(doc, allBlocks(doc)) {
		fmt.Printf("Q %q words=%d depth=%d uncl=%v unop=%v\n", q.Text, q.Words, q.Depth, q.Unclosed, q.Unopened)
	}
	for _, c := range Citations(doc, allBlocks(doc)) {
		fmt.Printf("C %s %q authors=%q year=%q title=%q loc=%q page=%v ind=%v speaker=%v\n", c.Kind, c.Text, c.Authors, c.Year, c.Title, c.Locator, c.PageOnly, c.Indirect, c.Speaker)
	}
	if os.Getenv("SENT") != "" {
		for _, s := range Sentences(doc, lintRange(0, len(doc.Text))) {
			fmt.Printf("S %q\n", doc.Text[s.Start:s.End])
		}
	}
}
