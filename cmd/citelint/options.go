package main

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/output"
)

// Exit codes, as SPEC "Exit codes" sets them. Only main decides them.
const (
	exitOK       = 0
	exitFindings = 1 // an error-level finding, or more warnings than --max-warnings
	exitUsage    = 2 // usage, configuration or input errors
)

// lintFlags are the lint command's flags as given, before they are checked.
type lintFlags struct {
	Format        string
	Output        string
	Style         string
	StdinFilename string
	Jobs          int
	MaxWarnings   int // negative: no limit
	QuoteMinWords int
	Enable        []string
	Disable       []string
	Sources       []string
	Config        string
	// Online is --online; OnlineSet says it was given, so that it wins
	// over the configuration's online key either way.
	Online, OnlineSet bool
	// StyleSet and QuoteMinWordsSet say the flags were given, so that they
	// win over a configuration file.
	StyleSet, QuoteMinWordsSet bool
	// NoInlineConfig is --no-inline-config: directives are ignored.
	NoInlineConfig bool

	// severity and settings are the flags' rule severities and settings,
	// filled in by engineOptions.
	severity map[string]lint.Severity
	settings lint.Settings
}

// styleNames maps --style values to styles; "auto" detects the style.
func styleNames() map[string]lint.Style {
	return map[string]lint.Style{
		"auto":    lint.StyleUnknown,
		"mla":     lint.StyleMLA,
		"apa":     lint.StyleAPA,
		"chicago": lint.StyleChicago,
		"harvard": lint.StyleHarvard,
	}
}

// parseStyle reads a --style value.
func parseStyle(s string) (lint.Style, error) {
	style, ok := styleNames()[strings.ToLower(strings.TrimSpace(s))]
	if !ok {
		return lint.StyleUnknown, fmt.Errorf("unknown style %q (want auto, mla, apa, chicago or harvard)", s)
	}
	return style, nil
}

// settings builds the settings shared by lint and inspect.
func settings(style string, quoteMinWords int) (lint.Settings, error) {
	s := lint.DefaultSettings()
	var err error
	if s.Style, err = parseStyle(style); err != nil {
		return s, err
	}
	if quoteMinWords < 1 {
		return s, fmt.Errorf("--quote-min-words must be 1 or more, not %d", quoteMinWords)
	}
	s.QuoteMinWords = quoteMinWords
	return s, nil
}

// engineOptions checks the flags against the known rules and turns them
// into engine options. Every error here is a usage error.
func (f *lintFlags) engineOptions(rules []lint.Rule) (engine.Options, error) {
	opts := engine.Options{Rules: rules, Jobs: f.Jobs, NoInlineConfig: f.NoInlineConfig}
	if err := output.CheckFormat(f.Format); err != nil {
		return opts, err
	}
	if f.Jobs < 0 {
		return opts, fmt.Errorf("--jobs must be 0 (one per core) or more, not %d", f.Jobs)
	}
	var err error
	if opts.Settings, err = settings(f.Style, f.QuoteMinWords); err != nil {
		return opts, err
	}
	opts.Severity, err = severities(rules, f.Enable, f.Disable)
	f.severity, f.settings = opts.Severity, opts.Settings
	return opts, err
}

// severities turns --enable and --disable into the engine's severity
// overrides. An enabled rule runs at its default severity, or as a warning
// when it is off by default.
func severities(rules []lint.Rule, enable, disable []string) (map[string]lint.Severity, error) {
	metas := map[string]lint.Meta{}
	var ids []string
	for _, r := range rules {
		m := r.Meta()
		metas[m.ID] = m
		ids = append(ids, m.ID)
	}
	out := map[string]lint.Severity{}
	for _, id := range enable {
		m, ok := metas[id]
		if !ok {
			return nil, unknownRuleError("--enable", id, ids)
		}
		sev := m.Severity
		if sev == lint.SeverityOff {
			sev = lint.SeverityWarning
		}
		out[id] = sev
	}
	for _, id := range disable {
		if _, ok := metas[id]; !ok {
			return nil, unknownRuleError("--disable", id, ids)
		}
		if _, both := out[id]; both {
			return nil, fmt.Errorf("rule %q is both enabled and disabled", id)
		}
		out[id] = lint.SeverityOff
	}
	return out, nil
}

func unknownRuleError(flag, id string, ids []string) error {
	msg := fmt.Sprintf("unknown rule %q in %s", id, flag)
	if similar := closeIDs(id, ids); len(similar) > 0 {
		msg += "; did you mean " + strings.Join(similar, " or ") + "?"
	}
	return fmt.Errorf("%s (citelint rules lists them)", msg)
}

// exitCode decides how a lint run ends. Input errors come first: a file
// that was not checked may hide the errors that would have made it 1.
func exitCode(s output.Summary, maxWarnings int) int {
	switch {
	case s.Failed > 0:
		return exitUsage
	case s.Errors > 0:
		return exitFindings
	case tooManyWarnings(s, maxWarnings):
		return exitFindings
	}
	return exitOK
}

func tooManyWarnings(s output.Summary, maxWarnings int) bool {
	return maxWarnings >= 0 && s.Warnings > maxWarnings
}

// useColor says whether text output may be coloured: only on a terminal,
// and never when NO_COLOR is set to anything (https://no-color.org).
func useColor(toTerminal bool, getenv func(string) string) bool {
	return toTerminal && getenv("NO_COLOR") == ""
}

// configuredOptions checks the flags and loads the configuration, giving
// engine options whose per-file settings merge the two; every error is a
// usage or configuration error (exit 2).
func (f *lintFlags) configuredOptions(rules []lint.Rule) (engine.Options, *configs, error) {
	opts, err := f.engineOptions(rules)
	if err != nil {
		return opts, nil, usageErrorf("%v", err)
	}
	cs, err := newConfigs(rules, f.Config)
	if err != nil {
		return opts, nil, &exitError{code: exitUsage, msg: err.Error()}
	}
	opts.For = func(path string) engine.FileOptions { return f.fileOptions(cs, path) }
	return opts, cs, nil
}
