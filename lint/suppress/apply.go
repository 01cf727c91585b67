package suppress

import (
	"fmt"
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// Rules says which rules exist and which ran on the file being filtered.
type Rules struct {
	// Known lists every rule ID, so that a directive naming another is
	// reported as malformed.
	Known []string
	// Ran holds the severity of each rule that ran on the file. A directive
	// for a rule that did not run (turned off, or not for this style) is
	// not reported as unused: it may be needed under another
	// configuration. RuleID's entry is the severity of the findings about
	// directives; without it none are reported.
	Ran map[string]lint.Severity
}

// Suppressed is a finding a directive silenced, with the directive, whose
// Reason output formats can show.
type Suppressed struct {
	Diagnostic lint.Diagnostic
	Directive  Directive
}

// directive is a Directive as Apply uses it: its rule IDs split into
// those that exist and those that do not, and what it suppressed.
type directive struct {
	Directive
	all     bool
	known   []string
	unknown []string
	used    map[string]bool
}

func (d *directive) matches(id string) bool {
	return d.all || slices.Contains(d.known, id)
}

func (d *directive) scoped() bool {
	return d.Kind == DisableNextLine || d.Kind == DisableAnchored
}

// Apply filters diags with the directives, in source order, and adds the
// findings about directives that suppress nothing or cannot be read. A
// finding is suppressed when it starts inside a DisableNextLine or
// DisableAnchored directive's scope, or after a Disable of its rule with
// no Enable of it in between. Findings of RuleID are suppressed only by a
// directive that names RuleID.
func Apply(dirs []Directive, diags []lint.Diagnostic, rules Rules) (kept []lint.Diagnostic, suppressed []Suppressed) {
	if len(dirs) == 0 {
		return diags, nil
	}
	ds := make([]*directive, len(dirs))
	for i, d := range dirs {
		ds[i] = &directive{Directive: d, all: len(d.Rules) == 0, used: map[string]bool{}}
		for _, id := range d.Rules {
			if slices.Contains(rules.Known, id) {
				ds[i].known = append(ds[i].known, id)
			} else {
				ds[i].unknown = append(ds[i].unknown, id)
			}
		}
	}
	kept = diags[:0:0]
	for _, diag := range diags {
		if i := suppressor(ds, diag.Rule, diag.Span.Start, diag.Rule == RuleID); i >= 0 {
			ds[i].used[usedKey(ds[i], diag.Rule)] = true
			suppressed = append(suppressed, Suppressed{Diagnostic: diag, Directive: ds[i].Directive})
			continue
		}
		kept = append(kept, diag)
	}
	sev, ok := rules.Ran[RuleID]
	if !ok || sev == lint.SeverityOff {
		return kept, suppressed
	}
	for i, d := range ds {
		msg := problem(ds, i, rules)
		if msg == "" {
			continue
		}
		diag := lint.Diagnostic{Rule: RuleID, Span: d.Span, Severity: sev, Message: msg}
		if j := suppressor(ds, RuleID, d.Span.Start, true); j >= 0 {
			suppressed = append(suppressed, Suppressed{Diagnostic: diag, Directive: ds[j].Directive})
			continue
		}
		kept = append(kept, diag)
	}
	return kept, suppressed
}

func usedKey(d *directive, id string) string {
	if d.all {
		return ""
	}
	return id
}

// suppressor returns the index of the directive that suppresses a finding
// of rule id starting at off, or -1. explicit asks for a directive that
// names the rule, not one for every rule.
func suppressor(ds []*directive, id string, off int, explicit bool) int {
	applies := func(d *directive) bool {
		if explicit {
			return slices.Contains(d.known, id)
		}
		return d.matches(id)
	}
	for i, d := range ds {
		if d.scoped() && applies(d) && d.Scope.Contains(off) {
			return i
		}
	}
	return openDisable(ds, len(ds), id, off, applies)
}

// openDisable replays the Disable and Enable directives among ds[:upto]
// that end at or before off and returns the index of the Disable in force
// for rule id there, or -1.
func openDisable(ds []*directive, upto int, id string, off int, applies func(*directive) bool) int {
	cur := -1
	for i, d := range ds[:upto] {
		if d.Span.End > off || (d.Kind != Disable && d.Kind != Enable) || !applies(d) {
			continue
		}
		if d.Kind == Disable {
			cur = i
		} else {
			cur = -1
		}
	}
	return cur
}

// problem says what is wrong with directive i, or "" when nothing is.
func problem(ds []*directive, i int, rules Rules) string {
	d := ds[i]
	if d.Kind == Unknown {
		return fmt.Sprintf("%q is not a citelint directive; write citelint-disable-next-line, citelint-disable or citelint-enable", d.Keyword)
	}
	if len(d.unknown) > 0 {
		return unknownRules(d, rules.Known)
	}
	if d.Kind == Enable {
		if enablesSomething(ds, i) {
			return ""
		}
		return fmt.Sprintf("%s%s comes after no citelint-disable of %s; remove it", d.Kind, listed(d.Rules), ruleWords(d.Rules))
	}
	if d.all {
		if d.used[""] {
			return ""
		}
		return fmt.Sprintf("%s suppresses nothing: no finding %s; remove it", d.Kind, where(d.Kind))
	}
	var unused []string
	for _, id := range d.known {
		if sev, ran := rules.Ran[id]; id == RuleID || !ran || sev == lint.SeverityOff || d.used[id] {
			continue
		}
		unused = append(unused, id)
	}
	if len(unused) == 0 {
		return ""
	}
	return fmt.Sprintf("%s%s suppresses nothing: no %s finding %s; remove %s", d.Kind, listed(d.Rules), strings.Join(unused, " or "), where(d.Kind), removeWhat(len(unused), len(d.Rules)))
}

// enablesSomething reports whether Enable directive i ends a Disable: of
// one of its rules, or for an Enable of every rule, of any rule.
func enablesSomething(ds []*directive, i int) bool {
	d := ds[i]
	ids := d.known
	if d.all {
		// "" stands for every rule no directive names: only a Disable of
		// every rule disables it.
		ids = []string{""}
		for _, o := range ds[:i] {
			ids = append(ids, o.known...)
		}
	}
	for _, id := range ids {
		if openDisable(ds, i, id, d.Span.Start, func(o *directive) bool { return o.matches(id) }) >= 0 {
			return true
		}
	}
	return false
}

func unknownRules(d *directive, known []string) string {
	var parts []string
	for _, id := range d.unknown {
		part := fmt.Sprintf("%q", id)
		if near := closest(id, known); near != "" {
			part += " (did you mean " + near + "?)"
		}
		parts = append(parts, part)
	}
	noun := "rule"
	if len(parts) > 1 {
		noun = "rules"
	}
	return fmt.Sprintf("%s names unknown %s %s; citelint rules lists the rule IDs", d.Kind, noun, strings.Join(parts, ", "))
}

// closest is the known rule ID nearest a mistyped one, or "".
func closest(id string, known []string) string {
	best, bestDist := "", max(2, len(id)/4)+1
	for _, k := range known {
		if dist := names.Distance(strings.ToLower(id), k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

func listed(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return " " + strings.Join(ids, ",")
}

func ruleWords(ids []string) string {
	if len(ids) == 0 {
		return "any rule"
	}
	return strings.Join(ids, " or ")
}

func where(k Kind) string {
	switch k {
	case DisableNextLine:
		return "starts on the next line"
	case DisableAnchored:
		return "in the paragraphs the comment marks"
	}
	return "comes after it"
}

func removeWhat(unused, named int) string {
	if unused < named {
		return "those rule IDs from it"
	}
	return "it"
}
