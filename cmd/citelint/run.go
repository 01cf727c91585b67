package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/output"
	"github.com/citelint/citelint/lint/read"
	"github.com/citelint/citelint/lint/sources"
)

// env is what one run of the command line talks to. main fills it with
// the process's streams; tests fill it with buffers and fake rules.
type env struct {
	stdin      io.Reader
	stdout     io.Writer
	stderr     io.Writer
	getenv     func(string) string
	isTerminal func(io.Writer) bool
	// rules lists the rules; a function so that commands that need none
	// (version) never build them.
	rules func() []lint.Rule
}

// exitError ends a command with an exit code; its message, when there is
// one, goes to standard error.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

// run runs the command line args and returns the exit code.
func run(ctx context.Context, args []string, e *env) int {
	app := newApp(e)
	err := app.RunContext(ctx, permuteArgs(app, args))
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintf(e.stderr, "citelint: %s\n", ee.msg)
		}
		return ee.code
	}
	// Anything else urfave returns is a usage problem (a bad flag value).
	fmt.Fprintf(e.stderr, "citelint: %v\n", err)
	return exitUsage
}

// isTerminal reports whether w is a terminal. A pipe, a file or /dev/null
// (a character device, but no terminal) is not, so colour never ends up in
// a log and a batch's output is written in large blocks.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// flushEvery is how often a batch writing to a pipe or a file passes on
// what it has printed.
const flushEvery = 250 * time.Millisecond

func (e *env) lintAction(c *cli.Context) error {
	flags := lintFlagsFrom(c)
	paths := c.Args().Slice()
	if len(paths) == 0 && flags.StdinFilename != "" {
		paths = []string{"-"}
	}
	if len(paths) == 0 {
		if c.Command.Name == "lint" {
			return usageErrorf("no files to lint: give files, folders, or - for standard input")
		}
		// Plain `citelint` with nothing to do shows how to use it.
		return cli.ShowAppHelp(c)
	}
	if stdinCount(paths) > 1 {
		return usageErrorf("standard input (-) can be read only once")
	}
	rules := e.rules()
	opts, cs, err := flags.configuredOptions(rules)
	if err != nil {
		return err
	}
	dirs, err := flags.sourceDirs(cs, paths)
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	if len(dirs) > 0 {
		set, err := sources.OpenSet(dirs)
		if err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
		opts.Sources = set
	}
	stage, err := e.onlineStage(flags, cs, paths)
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	if stage != nil {
		defer stage.Client.Close()
		opts.Online = stage
	}
	for _, name := range notYetSupported() {
		if c.IsSet(name) {
			fmt.Fprintf(e.stderr, "citelint: --%s is not supported yet; ignored\n", name)
		}
	}

	extras, err := e.newBatchExtras(c.Context, flags, c.String("report"), paths, rules)
	if err != nil {
		return usageErrorf("--report: %v", err)
	}
	out, color, closeOutput, err := e.openOutput(flags.Output)
	if err != nil {
		return usageErrorf("%v", err)
	}
	buffered := bufio.NewWriterSize(out, 64<<10)
	formatOpts, closeSummary := e.formatOptions(flags.Format, rules, color)
	formatter, err := output.New(flags.Format, buffered, formatOpts)
	if err != nil {
		_ = closeSummary()
		_ = closeOutput() // nothing was written; the format error is the news
		return usageErrorf("%v", err)
	}

	var summary output.Summary
	var writeErr error
	var flushed time.Time
	every := flushEvery
	if e.isTerminal(out) {
		// On a screen, each file's findings show at once, in their place
		// before the progress bar.
		every = 0
	}
	flush := func() {
		if writeErr == nil {
			writeErr = buffered.Flush()
			flushed = time.Now()
		}
	}
	write := func(step func() error) {
		if writeErr == nil {
			writeErr = step()
		}
		// A long batch shows its findings as it goes, a few times a
		// second: flushing after every file would cost a write per file.
		if time.Since(flushed) >= every {
			flush()
		}
	}
	write(formatter.Begin)
	emit := func(r engine.Result) {
		summary.Add(r)
		extras.before(r)
		if r.Err != nil {
			// What came before the error shows before it.
			flush()
			fmt.Fprintf(e.stderr, "citelint: %v\n", r.Err)
		}
		write(func() error { return formatter.File(r) })
		extras.after(r)
	}
	runErr := lintPaths(c.Context, engine.New(opts), paths, flags.StdinFilename, e.stdin, emit)
	reportErr := extras.finish()
	write(func() error { return formatter.End(summary) })
	flush()
	if err := closeOutput(); err != nil && writeErr == nil {
		writeErr = err
	}
	if err := closeSummary(); err != nil && writeErr == nil {
		writeErr = err
	}

	code := exitCode(summary, flags.MaxWarnings)
	if tooManyWarnings(summary, flags.MaxWarnings) {
		fmt.Fprintf(e.stderr, "citelint: too many warnings: %d, more than --max-warnings %d\n", summary.Warnings, flags.MaxWarnings)
	}
	if runErr != nil {
		fmt.Fprintf(e.stderr, "citelint: %v\n", runErr)
		code = exitUsage
	}
	if writeErr != nil {
		fmt.Fprintf(e.stderr, "citelint: writing the report: %v\n", writeErr)
		code = exitUsage
	}
	if reportErr != nil {
		fmt.Fprintf(e.stderr, "citelint: --report: %v\n", reportErr)
		code = exitUsage
	}
	if code == exitOK {
		return nil
	}
	return &exitError{code: code}
}

func stdinCount(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
		}
	}
	return n
}

// openOutput opens --output, or standard output when it is empty, and says
// whether colour may be used there.
func (e *env) openOutput(path string) (w io.Writer, color bool, closeFn func() error, err error) {
	if path == "" {
		return e.stdout, useColor(e.isTerminal(e.stdout), e.getenv), func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, false, nil, fmt.Errorf("--output: %w", err)
	}
	return f, false, f.Close, nil
}

// lintPaths lints paths in order, handing each result to emit as it
// comes. "-" is standard input, named by stdinName.
func lintPaths(ctx context.Context, eng *engine.Engine, paths []string, stdinName string, stdin io.Reader, emit func(engine.Result)) error {
	var batch []string
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := eng.Run(ctx, batch, emit)
		batch = nil
		return err
	}
	for _, p := range paths {
		if p != "-" {
			batch = append(batch, p)
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		emit(lintStdin(eng, stdinName, stdin))
	}
	return flush()
}

// lintStdin lints standard input as the file stdinName would be; with no
// name it is plain text.
func lintStdin(eng *engine.Engine, stdinName string, stdin io.Reader) engine.Result {
	name := stdinName
	if name == "" {
		name = "<stdin>"
	}
	src, err := io.ReadAll(stdin)
	if err != nil {
		return engine.Result{Path: name, Err: fmt.Errorf("%s: reading standard input: %w", name, err)}
	}
	if stdinName == "" {
		return eng.LintFormat(name, lint.FormatText, src)
	}
	format, ok := read.FormatOf(stdinName)
	if !ok {
		return engine.Result{Path: name, Err: fmt.Errorf("%s: unsupported file type %q for --stdin-filename", name, filepath.Ext(stdinName))}
	}
	return eng.LintFormat(name, format, src)
}

func (e *env) inspectAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageErrorf("inspect takes one file (or - for standard input), not %d arguments", c.NArg())
	}
	format := c.String("format")
	if !slices.Contains(output.InspectFormats(), format) {
		return usageErrorf("unknown format %q (want %s)", format, strings.Join(output.InspectFormats(), " or "))
	}
	set, err := settings(c.String("style"), c.Int("quote-min-words"))
	if err != nil {
		return usageErrorf("%v", err)
	}
	path := c.Args().First()
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return usageErrorf("%s: inspect takes one file, not a folder", path)
	}
	// No rules: inspect shows what was extracted, not what is wrong.
	eng := engine.New(engine.Options{Settings: set})
	var res engine.Result
	err = lintPaths(c.Context, eng, []string{path}, c.String("stdin-filename"), e.stdin, func(r engine.Result) { res = r })
	if err != nil {
		return usageErrorf("%v", err)
	}
	if res.Essay == nil {
		if res.Err == nil {
			return usageErrorf("%s: not an essay citelint reads", path)
		}
		return usageErrorf("%v", res.Err)
	}
	buffered := bufio.NewWriter(e.stdout)
	if err := output.Inspect(buffered, res, format); err != nil {
		return usageErrorf("%v", err)
	}
	if err := buffered.Flush(); err != nil {
		return usageErrorf("writing: %v", err)
	}
	if res.Err != nil {
		return usageErrorf("%v", res.Err)
	}
	return nil
}

func (e *env) rulesAction(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageErrorf("rules takes no arguments; did you mean citelint explain %s?", c.Args().First())
	}
	switch format := c.String("format"); format {
	case "text":
		return writeRuleTable(e.stdout, e.rules())
	case "markdown", "md":
		_, err := io.WriteString(e.stdout, ruleTableMarkdown(e.rules()))
		return err
	default:
		return usageErrorf("unknown format %q (want text or markdown)", format)
	}
}

func (e *env) explainAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageErrorf("explain takes one rule ID (citelint rules lists them)")
	}
	id := c.Args().First()
	all := e.rules()
	var ids []string
	for _, r := range all {
		m := r.Meta()
		if m.ID == id {
			return writeExplanation(e.stdout, m)
		}
		ids = append(ids, m.ID)
	}
	msg := fmt.Sprintf("unknown rule %q", id)
	if similar := closeIDs(id, ids); len(similar) > 0 {
		msg += "; did you mean " + strings.Join(similar, " or ") + "?"
	}
	return usageErrorf("%s (citelint rules lists them)", msg)
}

func (e *env) versionAction(*cli.Context) error {
	return readBuildInfo().write(e.stdout)
}
