package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/citelint/citelint/lint"
)

// writeRuleTable writes `citelint rules`: one row per rule.
func writeRuleTable(w io.Writer, rules []lint.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tCATEGORY\tSUMMARY")
	for _, r := range rules {
		m := r.Meta()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.ID, m.Severity, m.Category, m.Summary)
	}
	return tw.Flush()
}

// ruleTableMarkdown is the README's rule table, generated from the rules
// so that the two cannot drift apart (see TestReadmeRuleTable).
func ruleTableMarkdown(rules []lint.Rule) string {
	var b strings.Builder
	b.WriteString("| ID | default severity | category | fires when |\n|---|---|---|---|\n")
	for _, r := range rules {
		m := r.Meta()
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", m.ID, m.Severity, m.Category,
			strings.ReplaceAll(m.Summary, "|", `\|`))
	}
	return b.String()
}

// writeExplanation writes `citelint explain ID`.
func writeExplanation(w io.Writer, m lint.Meta) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", m.ID, m.Summary)
	styles := "all"
	if len(m.Styles) > 0 {
		names := make([]string, len(m.Styles))
		for i, s := range m.Styles {
			names[i] = string(s)
		}
		styles = strings.Join(names, ", ")
	}
	severity := m.Severity.String()
	if m.Severity == lint.SeverityOff {
		severity = "off (runs only with --enable " + m.ID + ")"
	}
	fmt.Fprintf(&b, "Severity: %s\n", severity)
	if m.Category != "" {
		fmt.Fprintf(&b, "Category: %s\n", m.Category)
	}
	fmt.Fprintf(&b, "Styles:   %s\n", styles)
	if m.Since != "" {
		fmt.Fprintf(&b, "Since:    %s\n", m.Since)
	}
	if doc := strings.TrimSpace(m.Doc); doc != "" {
		fmt.Fprintf(&b, "\n%s\n", doc)
	}
	for _, ex := range []struct{ label, text string }{{"Wrong:", m.Wrong}, {"Right:", m.Right}} {
		if strings.TrimSpace(ex.text) == "" {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", ex.label)
		for _, line := range strings.Split(strings.Trim(ex.text, "\n"), "\n") {
			b.WriteString(strings.TrimRight("    "+line, " ") + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
