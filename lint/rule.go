package lint

import (
	"fmt"
	"strings"
)

// Severity is how serious a finding is.
type Severity int

// Severities, from none to most serious. SeverityOff turns a rule off.
const (
	SeverityOff Severity = iota
	SeverityInfo
	SeverityWarning
	SeverityError
)

func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	default:
		return "off"
	}
}

// ParseSeverity reads a severity name as written in a config file or flag.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "none", "false":
		return SeverityOff, nil
	case "info", "note", "hint":
		return SeverityInfo, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "error", "err", "on", "true":
		return SeverityError, nil
	}
	return SeverityOff, fmt.Errorf("unknown severity %q (want off, info, warning or error)", s)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Meta describes a rule: what `citelint rules` lists and `citelint explain`
// prints.
type Meta struct {
	ID       string
	Summary  string
	Severity Severity
	// Doc explains the rule in a few sentences.
	Doc string
	// Wrong and Right are short example essays: one that fires, one that
	// does not.
	Wrong, Right string
	// Styles limits the rule to some styles; empty means every style.
	Styles []Style
	// Category groups rules in listings: bibliography, citations,
	// quotations, sources, online.
	Category string
	Since    string
}

// AppliesTo reports whether the rule runs for an essay in style s.
func (m Meta) AppliesTo(s Style) bool {
	if len(m.Styles) == 0 {
		return true
	}
	for _, st := range m.Styles {
		if st == s {
			return true
		}
	}
	return false
}

// Rule is one check. Rules read the Essay and report; they never open files,
// parse markup or print.
type Rule interface {
	Meta() Meta
	// Check reports the rule's findings through p. An error means the rule
	// itself broke, not that the essay has problems.
	Check(p *Pass) error
}

// Settings are the options every stage and rule can read.
type Settings struct {
	// Style forces a style; StyleUnknown means detect it.
	Style Style
	// QuoteMinWords: a quoted span of fewer words is a term or scare quote.
	QuoteMinWords int
}

// DefaultSettings are the settings with no configuration.
func DefaultSettings() Settings {
	return Settings{QuoteMinWords: 4}
}

// Edit replaces the source bytes of Span with New.
type Edit struct {
	Span Span   `json:"-"`
	New  string `json:"new"`
}

// Fix is a suggested change made of edits.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Related points at another place that explains a finding.
type Related struct {
	Span    Span
	Message string
}

// Diagnostic is one finding.
type Diagnostic struct {
	Rule     string
	Span     Span
	Severity Severity
	// Message says what is wrong and what to do, in the student's words.
	Message string
	Related []Related
	Fixes   []Fix
}

// Configurable is a rule with typed options: DefaultOptions returns its
// options struct filled with defaults, which the configuration decodes
// into strictly.
type Configurable interface {
	DefaultOptions() any
}

// Pass hands a rule the essay and a way to report.
type Pass struct {
	Essay    *Essay
	Settings Settings
	// Options are the rule's typed options (the value DefaultOptions gave,
	// as configured for this file), or nil for a rule with none.
	Options any
	rule    Meta
	report  func(Diagnostic)
	// facts holds what Fact worked out about Essay; Next keeps it, so
	// the rules run on one Pass share it. A few keys at most: a slice
	// searched in order is cheaper than a map.
	facts      []fact
	factsEssay *Essay
}

// fact is one value Fact stored.
type fact struct{ key, value any }

// NewPass makes a Pass that sends the rule's findings to report.
func NewPass(essay *Essay, settings Settings, rule Meta, report func(Diagnostic)) *Pass {
	return &Pass{Essay: essay, Settings: settings, rule: rule, report: report}
}

// Next readies the pass for the next rule on the same essay: rule and
// options replace the previous rule's, while the essay, settings, report
// function and the facts Fact has worked out stay. Running every rule of
// an essay on one Pass spares a Pass per rule and lets the rules share
// the facts several of them need.
func (p *Pass) Next(rule Meta, options any) {
	p.rule = rule
	p.Options = options
}

// Fact returns the value stored under key for the pass's essay, calling
// compute to make it the first time it is asked for. Several rules ask the
// same questions of an essay (which quotations stand inside a citation,
// which name a long work); with Fact, and the engine running all the
// rules of one essay on one Pass (see Next), each is answered once per
// essay rather than once per rule. The value must depend on the essay
// and the settings alone, never on the rule or its options. key must be
// comparable and of a type unexported by the package that asks, as with
// context keys, so packages cannot collide. A Pass belongs to one
// goroutine; Fact is not safe for concurrent use.
func (p *Pass) Fact(key any, compute func() any) any {
	if p.factsEssay != p.Essay {
		// The essay was swapped: what was worked out is about another.
		p.facts, p.factsEssay = nil, p.Essay
	}
	for _, f := range p.facts {
		if f.key == key {
			return f.value
		}
	}
	v := compute()
	p.facts = append(p.facts, fact{key, v})
	return v
}

// Doc is the document being checked.
func (p *Pass) Doc() *Document { return p.Essay.Doc }

// Report sends a finding; the rule's ID and default severity fill in what d
// leaves empty.
func (p *Pass) Report(d Diagnostic) {
	if d.Rule == "" {
		d.Rule = p.rule.ID
	}
	if d.Severity == SeverityOff {
		d.Severity = p.rule.Severity
	}
	p.report(d)
}

// Reportf reports a finding at text range r with a formatted message.
func (p *Pass) Reportf(r Range, format string, args ...any) {
	p.Report(Diagnostic{Span: p.Essay.Doc.SourceSpan(r), Message: fmt.Sprintf(format, args...)})
}

// Relate makes a Related at text range r.
func (p *Pass) Relate(r Range, format string, args ...any) Related {
	return Related{Span: p.Essay.Doc.SourceSpan(r), Message: fmt.Sprintf(format, args...)}
}
