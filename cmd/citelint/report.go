package main

import (
	"context"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/report"
)

// batchExtras are what a lint run writes besides the formatter's output:
// the --report folder and the progress bar. Both are fed from the same
// emit callback as the formatter, one result at a time.
type batchExtras struct {
	report *report.Writer
	// reportErr is the first error writing the report; after it no more
	// pages are written.
	reportErr error
	progress  *progress
	// sharesScreen is set when the findings go to the terminal the bar is
	// drawn on, so the bar must be cleared before each file's output.
	sharesScreen bool
}

// newBatchExtras opens the report folder when --report is given and
// starts the progress bar when it may be shown.
func (e *env) newBatchExtras(ctx context.Context, flags lintFlags, reportDir string, paths []string, rules []lint.Rule) (*batchExtras, error) {
	x := &batchExtras{}
	if reportDir != "" {
		metas := make([]lint.Meta, len(rules))
		for i, r := range rules {
			metas[i] = r.Meta()
		}
		w, err := report.New(reportDir, report.Options{Rules: metas})
		if err != nil {
			return nil, err
		}
		x.report = w
	}
	if e.showProgress(flags) {
		x.progress = newProgress(ctx, e.stderr, paths)
		x.sharesScreen = flags.Output == "" && e.isTerminal(e.stdout)
	}
	return x, nil
}

// before runs before a result is printed: it clears the progress bar when
// something is about to be written where it stands.
func (x *batchExtras) before(r engine.Result) {
	if x.progress != nil && (x.sharesScreen || r.Err != nil) {
		x.progress.clear()
	}
}

// after writes the result's report page and advances the progress bar.
func (x *batchExtras) after(r engine.Result) {
	if x.report != nil && x.reportErr == nil {
		x.reportErr = x.report.File(r)
	}
	if x.progress != nil {
		x.progress.step()
	}
}

// finish removes the progress bar and writes the report's index and CSV.
// It returns the first error writing the report.
func (x *batchExtras) finish() error {
	if x.progress != nil {
		x.progress.finish()
	}
	if x.report == nil {
		return nil
	}
	if err := x.report.Close(); err != nil && x.reportErr == nil {
		x.reportErr = err
	}
	return x.reportErr
}
