package report

import (
	"bufio"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
)

// indexPage is what the index template shows.
type indexPage struct {
	Title, CSP              string
	Files, Failed, Read     int
	Errors, Warnings, Infos int
	Chart                   chart
	Bars                    []bar
	Columns                 []column
	Rows                    []indexRow
}

type column struct{ ID, Summary string }

type indexRow struct {
	row
	N      int
	Counts []int
}

// chart is the bar chart's geometry, in pixels.
type chart struct {
	Width, Height, LabelWidth, BarHeight int
}

// bar is one rule's bar: how many essays break it.
type bar struct {
	Rule, Summary           string
	Essays, Percent         int
	Y, TextY, Width, CountX int
}

const (
	barHeight = 18
	barGap    = 8
	barMax    = 420
	charWidth = 8 // a generous width of one label character at 13px
)

// bars counts, for each rule, the essays with at least one of its
// findings, most first.
func (w *Writer) bars(read int) ([]bar, chart) {
	var counts []ruleCount
	for _, rw := range w.rows {
		for _, c := range rw.Rules {
			i := -1
			for k := range counts {
				if counts[k].Rule == c.Rule {
					i = k
					break
				}
			}
			if i < 0 {
				counts = append(counts, ruleCount{Rule: c.Rule})
				i = len(counts) - 1
			}
			counts[i].Count++
		}
	}
	sortRules(counts)
	label := 0
	for _, c := range counts {
		label = max(label, len(c.Rule))
	}
	ch := chart{LabelWidth: label*charWidth + 16, BarHeight: barHeight}
	ch.Width = ch.LabelWidth + barMax + 120
	ch.Height = len(counts)*(barHeight+barGap) + barGap
	most := 1
	if len(counts) > 0 {
		most = counts[0].Count
	}
	var out []bar
	for i, c := range counts {
		y := barGap + i*(barHeight+barGap)
		width := max(c.Count*barMax/most, 2)
		pct := 0
		if read > 0 {
			pct = (c.Count*100 + read/2) / read
		}
		out = append(out, bar{Rule: c.Rule, Summary: w.summaryOf(c.Rule), Essays: c.Count, Percent: pct,
			Y: y, TextY: y + barHeight - 4, Width: width, CountX: ch.LabelWidth + width + 6})
	}
	return out, ch
}

func (w *Writer) writeIndex(cols []string) error {
	page := indexPage{Title: w.opts.Title, CSP: cspIndex, Files: len(w.rows)}
	for _, id := range cols {
		page.Columns = append(page.Columns, column{ID: id, Summary: w.summaryOf(id)})
	}
	for i, rw := range w.rows {
		if rw.Page == "" {
			page.Failed++
		} else {
			page.Read++
		}
		page.Errors += rw.Errors
		page.Warnings += rw.Warnings
		page.Infos += rw.Infos
		ir := indexRow{row: rw, N: i + 1, Counts: make([]int, len(cols))}
		for k, id := range cols {
			ir.Counts[k] = rw.count(id)
		}
		page.Rows = append(page.Rows, ir)
	}
	page.Bars, page.Chart = w.bars(page.Read)
	return writeFile(filepath.Join(w.dir, "index.html"), func(b *bufio.Writer) error {
		return indexTemplate.Execute(b, page)
	})
}

// writeCSV writes summary.csv: a row per submission with its counts by
// severity and by rule. A failed file's reason is in the error column.
func (w *Writer) writeCSV(cols []string) error {
	return writeFile(filepath.Join(w.dir, "summary.csv"), func(b *bufio.Writer) error {
		cw := csv.NewWriter(b)
		header := append([]string{"student", "file", "late", "style", "errors", "warnings", "infos", "error"}, cols...)
		if err := cw.Write(header); err != nil {
			return err
		}
		rec := make([]string, len(header))
		for _, rw := range w.rows {
			rec = rec[:0]
			rec = append(rec, cell(rw.Student), cell(rw.Path), strconv.FormatBool(rw.Late), cell(string(rw.Style)),
				strconv.Itoa(rw.Errors), strconv.Itoa(rw.Warnings), strconv.Itoa(rw.Infos), cell(rw.Err))
			for _, id := range cols {
				rec = append(rec, strconv.Itoa(rw.count(id)))
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
}

// cell keeps a spreadsheet from reading text as a formula: a cell that
// starts with = + - @ (or a tab or carriage return, which some strip
// first) gets a leading apostrophe.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
