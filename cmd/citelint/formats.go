package main

import (
	"fmt"
	"os"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/output"
)

// stepSummaryEnv names the file GitHub Actions gives each step for a
// Markdown summary of what it did.
const stepSummaryEnv = "GITHUB_STEP_SUMMARY"

// formatOptions gathers what the formatters need from the run: the rule
// catalogue and version (SARIF describes the tool and its rules), the
// working folder that SARIF and GitHub paths are made relative to, and,
// for the github format, the step summary file from the environment,
// opened for appending. The returned function closes that file.
func (e *env) formatOptions(format string, rules []lint.Rule, color bool) (output.Options, func() error) {
	opts := output.Options{Color: color, Version: readBuildInfo().Version}
	for _, r := range rules {
		opts.Rules = append(opts.Rules, r.Meta())
	}
	if wd, err := os.Getwd(); err == nil {
		opts.BaseDir = wd
	}
	closeSummary := func() error { return nil }
	if path := e.getenv(stepSummaryEnv); format == output.FormatGitHub && path != "" {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			// The annotations matter more than the summary: go on without it.
			fmt.Fprintf(e.stderr, "citelint: %s: %v; no step summary written\n", stepSummaryEnv, err)
			return opts, closeSummary
		}
		opts.StepSummary, closeSummary = f, f.Close
	}
	return opts, closeSummary
}
