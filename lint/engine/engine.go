// Package engine runs citelint's pipeline over files: read → extract →
// match → check → filter, one essay at a time on a pool of workers.
package engine

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/extract"
	"github.com/citelint/citelint/lint/match"
	"github.com/citelint/citelint/lint/read"
	"github.com/citelint/citelint/lint/suppress"
)

// Options configure an Engine.
type Options struct {
	// Rules are the rules to run, in order.
	Rules []lint.Rule
	// Severity overrides a rule's default severity by ID; SeverityOff turns
	// the rule off. Rules whose default is off run only when given here.
	Severity map[string]lint.Severity
	Settings lint.Settings
	// Jobs is how many essays are linted at once; 0 means one per core.
	Jobs int
	// Sources, when set, finds the text of each entry's source, for the
	// rules that check quotations against their sources.
	Sources Resolver
	// Online, when set, is the --online stage: it runs after Sources,
	// looks up each entry's DOI, ISBN and address and records what it found
	// on the Essay (and fetched pages as sources). Nil means offline: the
	// engine then opens no connection.
	Online Resolver
	// For, when set, gives the options of one file (a configuration's
	// overrides); it replaces Severity and Settings for that file. It is
	// called from several workers at once.
	For func(path string) FileOptions
	// NoInlineConfig ignores the essays' citelint-disable directives
	// (--no-inline-config), so an instructor sees every finding.
	NoInlineConfig bool
}

// Resolver finds the sources of an essay's entries and records them in
// Essay.Sources.
type Resolver interface {
	Resolve(essay *lint.Essay)
}

// FileOptions are the options in force for one file.
type FileOptions struct {
	Severity map[string]lint.Severity
	// Options holds each configurable rule's typed options by ID.
	Options  map[string]any
	Settings lint.Settings
	// Err, when set, means the file's options could not be had (a broken
	// configuration file); the file is reported as failed with it.
	Err error
}

// Engine lints essays.
type Engine struct {
	opts Options
	// metas holds each rule's Meta, built once: Meta returns a struct with
	// the rule's documentation, too costly to rebuild per essay.
	metas []lint.Meta
}

// New makes an Engine.
func New(opts Options) *Engine {
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.GOMAXPROCS(0)
	}
	if opts.Settings.QuoteMinWords == 0 {
		opts.Settings.QuoteMinWords = lint.DefaultSettings().QuoteMinWords
	}
	metas := make([]lint.Meta, len(opts.Rules))
	for i, r := range opts.Rules {
		metas[i] = r.Meta()
	}
	return &Engine{opts: opts, metas: metas}
}

// Result is what linting one file gave.
type Result struct {
	Path    string
	Format  lint.Format
	Student string
	Late    bool
	// Src is the file as read, for positions and excerpts; nil on error.
	Src   []byte
	Essay *lint.Essay
	// Diagnostics are sorted by position.
	Diagnostics []lint.Diagnostic
	// Err is set when the file could not be read; it names the file.
	Err error
}

// Style is the essay's style, or unknown when it could not be read.
func (r Result) Style() lint.Style {
	if r.Essay == nil {
		return lint.StyleUnknown
	}
	return r.Essay.Style
}

// fileOptions are the options for the file at path.
func (e *Engine) fileOptions(path string) FileOptions {
	if e.opts.For != nil {
		fo := e.opts.For(path)
		if fo.Settings.QuoteMinWords == 0 {
			fo.Settings.QuoteMinWords = lint.DefaultSettings().QuoteMinWords
		}
		return fo
	}
	return FileOptions{Severity: e.opts.Severity, Settings: e.opts.Settings}
}

// severity is the severity rule m runs at.
func (fo FileOptions) severity(m lint.Meta) lint.Severity {
	if s, ok := fo.Severity[m.ID]; ok {
		return s
	}
	return m.Severity
}

// Check runs extraction, matching and the rules on doc, then filters the
// findings with the essay's suppression directives.
func (e *Engine) Check(doc *lint.Document) (*lint.Essay, []lint.Diagnostic, error) {
	return e.check(doc, doc.Src)
}

// check is Check with the file as read, raw, which differs from doc.Src
// for docx (whose suppression directives are Word comments).
func (e *Engine) check(doc *lint.Document, raw []byte) (*lint.Essay, []lint.Diagnostic, error) {
	fo := e.fileOptions(doc.Path)
	if fo.Err != nil {
		return nil, nil, fo.Err
	}
	essay := extract.Essay(doc, fo.Settings)
	match.Match(essay)
	if e.opts.Sources != nil {
		e.opts.Sources.Resolve(essay)
	}
	if e.opts.Online != nil {
		e.opts.Online.Resolve(essay)
	}
	var diags []lint.Diagnostic
	// One Pass and one report function serve every rule of the essay
	// (Pass.Next), so the rules share what they work out about it
	// (Pass.Fact); sev is the running rule's severity.
	var sev lint.Severity
	var pass *lint.Pass
	report := func(d lint.Diagnostic) {
		// A rule may report one finding below its severity (a link
		// that could not be checked is a note); never above it.
		d.Severity = min(d.Severity, sev)
		diags = append(diags, d)
	}
	for i, rule := range e.opts.Rules {
		meta := e.metas[i]
		if sev = fo.severity(meta); !runs(sev, meta, essay.Style) {
			continue
		}
		meta.Severity = sev
		options := fo.Options[meta.ID]
		if options == nil {
			if c, ok := rule.(lint.Configurable); ok {
				options = c.DefaultOptions()
			}
		}
		if pass == nil {
			pass = lint.NewPass(essay, fo.Settings, meta, report)
		}
		pass.Next(meta, options)
		if err := checkSafely(rule, pass); err != nil {
			return essay, diags, fmt.Errorf("%s: rule %s: %w", doc.Path, meta.ID, err)
		}
	}
	if !e.opts.NoInlineConfig {
		if dirs := suppress.Parse(doc, raw); len(dirs) > 0 {
			diags, _ = suppress.Apply(dirs, Sort(diags), suppress.Rules{Known: e.ruleIDs(), Ran: e.ran(fo, essay.Style)})
		}
	}
	return essay, Sort(diags), nil
}

// runs reports whether a rule with meta runs at severity sev on an essay
// in style s.
func runs(sev lint.Severity, meta lint.Meta, s lint.Style) bool {
	return sev != lint.SeverityOff && meta.AppliesTo(s)
}

// ran maps the ID of each rule that runs on an essay in style s with the
// file's options fo to its severity. Only suppression directives ask, so
// it is built only for an essay that has them.
func (e *Engine) ran(fo FileOptions, s lint.Style) map[string]lint.Severity {
	ran := make(map[string]lint.Severity, len(e.opts.Rules))
	for _, meta := range e.metas {
		if sev := fo.severity(meta); runs(sev, meta, s) {
			ran[meta.ID] = sev
		}
	}
	return ran
}

// ruleIDs lists the IDs of the engine's rules.
func (e *Engine) ruleIDs() []string {
	ids := make([]string, len(e.metas))
	for i, m := range e.metas {
		ids[i] = m.ID
	}
	return ids
}

// checkSafely runs a rule and turns a panic into an error, so that a bug
// in one rule never loses the rest of a batch.
func checkSafely(rule lint.Rule, pass *lint.Pass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return rule.Check(pass)
}

// Sort orders findings by position, then rule, and drops exact repeats.
func Sort(diags []lint.Diagnostic) []lint.Diagnostic {
	slices.SortStableFunc(diags, func(a, b lint.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End),
			cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
	return slices.CompactFunc(diags, func(a, b lint.Diagnostic) bool {
		return a.Span == b.Span && a.Rule == b.Rule && a.Message == b.Message
	})
}

// LintSource lints src as the file at path, in the format its name says.
func (e *Engine) LintSource(path string, src []byte) Result {
	format, _ := read.FormatOf(path)
	return e.LintFormat(path, format, src)
}

// LintFormat lints src as the given format.
func (e *Engine) LintFormat(path string, format lint.Format, src []byte) (res Result) {
	res = Result{Path: path, Format: format}
	defer func() {
		if r := recover(); r != nil {
			res.Err = fmt.Errorf("%s: internal error: %v", path, r)
		}
	}()
	readSrc := src
	if format == lint.FormatText {
		// A directive line is never essay text (a paragraph, an entry).
		readSrc = suppress.DirectiveLines(src)
	}
	doc, err := read.ReadFormat(path, format, readSrc)
	if err != nil {
		res.Err = err
		return res
	}
	if format == lint.FormatText {
		doc.Src = src
	}
	res.Src = doc.Src
	res.Student, res.Late = doc.Student, doc.Late
	res.Essay, res.Diagnostics, res.Err = e.check(doc, src)
	return res
}

// LintFile reads and lints the file at path.
func (e *Engine) LintFile(path string) Result {
	src, err := readFile(path)
	if err != nil {
		return Result{Path: path, Err: fmt.Errorf("%s: %w", path, unwrapPathError(err))}
	}
	return e.LintSource(path, src)
}

// unwrapPathError drops the path an *os.PathError repeats, since every
// message here already starts with the file's name.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Run lints every input named by paths (files and folders) on the engine's
// workers and hands each result to emit in the order of the inputs. emit
// runs on one goroutine at a time. Run stops early only when ctx ends.
func (e *Engine) Run(ctx context.Context, paths []string, emit func(Result)) error {
	// Buffered, like the channels of runInputs, so that the walk runs
	// ahead in bursts instead of handing over one file at a time: each
	// handover that finds the other side waiting costs a wake-up.
	inputs := make(chan Input, 64)
	walkErr := make(chan error, 1)
	go func() {
		defer close(inputs)
		walkErr <- Walk(ctx, paths, func(in Input) bool {
			select {
			case inputs <- in:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	e.runInputs(ctx, inputs, emit)
	if err := <-walkErr; err != nil {
		return err
	}
	return ctx.Err()
}

// runInputs lints inputs on a pool of workers, emitting in input order
// through a bounded reorder window so memory stays flat on large batches.
func (e *Engine) runInputs(ctx context.Context, inputs <-chan Input, emit func(Result)) {
	type job struct {
		in   Input
		done chan Result
	}
	jobs := make(chan job, e.opts.Jobs*8)
	order := make(chan chan Result, e.opts.Jobs*16)
	for range e.opts.Jobs {
		go func() {
			for j := range jobs {
				j.done <- e.lintInput(j.in)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for in := range inputs {
			done := make(chan Result, 1)
			select {
			case order <- done:
			case <-ctx.Done():
				return
			}
			jobs <- job{in: in, done: done}
		}
	}()
	for done := range order {
		emit(<-done)
	}
}

func (e *Engine) lintInput(in Input) Result {
	// A refused submission still belongs to its student.
	if in.Err != nil {
		return Result{Path: in.Path, Student: in.Student, Late: in.Late, Err: in.Err}
	}
	src, err := in.Open()
	if err != nil {
		return Result{Path: in.Path, Student: in.Student, Late: in.Late, Err: fmt.Errorf("%s: %w", in.Path, unwrapPathError(err))}
	}
	res := e.LintFormat(in.Path, in.Format, src)
	if in.Student != "" {
		res.Student, res.Late = in.Student, in.Late
	}
	return res
}
