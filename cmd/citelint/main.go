// Command citelint lints the citations in student essays: quotations with
// no source, citations of sources missing from the works-cited list, empty
// or malformed bibliographies.
//
// This file only wires flags to the commands in run.go; main alone turns
// the outcome into an exit code.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/output"
	"github.com/citelint/citelint/rules"
)

func main() {
	setGC(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, &env{
		stdin:      os.Stdin,
		stdout:     os.Stdout,
		stderr:     os.Stderr,
		getenv:     os.Getenv,
		isTerminal: isTerminal,
		rules:      rules.All,
	})
	stop()
	os.Exit(code)
}

// gcPercent and memoryLimit pace the garbage collector. A batch streams
// essays through a live heap of a few megabytes, so at Go's default pace
// (a collection each time the heap doubles) the collector runs every few
// dozen essays and costs a tenth of the CPU; collecting at five times the
// live heap saves most of that for a peak of some 20 MB, and the soft
// limit keeps even an unusual batch well inside the 200 MB budget.
// BenchmarkBatch in lint/engine mirrors these two settings.
const (
	gcPercent   = 400
	memoryLimit = 150 << 20
)

// setGC applies gcPercent and memoryLimit unless the user chose their own
// through GOGC or GOMEMLIMIT, which the runtime has already applied.
func setGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// newApp describes the command line. The plain form `citelint PATH...`
// lints: the app's own action is lint, with lint's flags.
func newApp(e *env) *cli.App {
	return &cli.App{
		Name:      "citelint",
		Usage:     "lint the citations in student essays",
		UsageText: "citelint [lint] [options] PATH...\ncitelint inspect FILE\ncitelint fix [--dry-run] PATH...\ncitelint init [--force]\ncitelint rules | explain ID | version",
		Version:   readBuildInfo().Version,
		Reader:    e.stdin,
		Writer:    e.stdout,
		ErrWriter: e.stderr,
		Flags:     lintFlagDefs(),
		Action:    e.lintAction,
		// main decides exit codes: urfave must never call os.Exit.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   onUsageError,
		Commands: []*cli.Command{
			{
				Name:         "lint",
				Usage:        "lint essays: files, folders, or - for standard input",
				ArgsUsage:    "PATH...",
				Flags:        lintFlagDefs(),
				Action:       e.lintAction,
				OnUsageError: onUsageError,
			},
			{
				Name:      "inspect",
				Usage:     "show what was extracted from an essay: sections, quotations, citations, entries, style",
				ArgsUsage: "FILE",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "`FORMAT`: text or json"},
					&cli.StringFlag{Name: "style", Value: "auto", Usage: "citation `STYLE`: auto, mla, apa, chicago or harvard"},
					&cli.IntFlag{Name: "quote-min-words", Value: lint.DefaultSettings().QuoteMinWords, Usage: "quoted spans of fewer than `N` words are terms, not quotations"},
					&cli.StringFlag{Name: "stdin-filename", Usage: "`NAME` (and so format) of the essay read from - (standard input)"},
				},
				Action:       e.inspectAction,
				OnUsageError: onUsageError,
			},
			{
				Name:         "rules",
				Usage:        "list the rules",
				Flags:        []cli.Flag{&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "`FORMAT`: text or markdown"}},
				Action:       e.rulesAction,
				OnUsageError: onUsageError,
			},
			{
				Name:         "explain",
				Usage:        "explain a rule, with a wrong and a right example",
				ArgsUsage:    "ID",
				Action:       e.explainAction,
				OnUsageError: onUsageError,
			},
			{
				Name:         "fix",
				Usage:        "apply the safe fixes (heading name, entry order, MLA citation punctuation) to Markdown, text and HTML essays",
				ArgsUsage:    "PATH...",
				Flags:        fixFlagDefs(),
				Action:       e.fixAction,
				OnUsageError: onUsageError,
			},
			{
				Name:         "init",
				Usage:        "write a commented starter .citelint.yml in the current folder",
				Flags:        []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "overwrite an existing .citelint.yml"}},
				Action:       e.initAction,
				OnUsageError: onUsageError,
			},
			{
				Name:   "version",
				Usage:  "print the version, commit and Go version",
				Action: e.versionAction,
			},
		},
	}
}

// lintFlagDefs are the lint command's flags; each call makes new flag
// values, since urfave keeps parsed state in them.
func lintFlagDefs() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: " + strings.Join(output.Formats(), ", ")},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
		&cli.StringFlag{Name: "style", Value: "auto", Usage: "citation `STYLE`: auto, mla, apa, chicago or harvard"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "lint `N` essays at once; 0 means one per core"},
		&cli.StringSliceFlag{Name: "enable", Usage: "run rule `ID` (repeatable)"},
		&cli.StringSliceFlag{Name: "disable", Usage: "do not run rule `ID` (repeatable)"},
		&cli.IntFlag{Name: "max-warnings", Value: -1, Usage: "exit 1 when there are more than `N` warnings (-1: no limit)"},
		&cli.IntFlag{Name: "quote-min-words", Value: lint.DefaultSettings().QuoteMinWords, Usage: "quoted spans of fewer than `N` words are terms, not quotations"},
		&cli.StringFlag{Name: "stdin-filename", Usage: "`NAME` (and so format) of the essay read from - (standard input)"},
		// Accepted now so that scripts can use them; later work implements them.
		&cli.StringSliceFlag{Name: "sources", Usage: "`DIR` of cited sources to check quotations against (repeatable)"},
		&cli.BoolFlag{Name: "online", Usage: "check links, DOIs and ISBNs online (never under PRE_COMMIT=1)"},
		&cli.StringFlag{Name: "report", Usage: "write an HTML report of the batch, with summary.csv, to `DIR`"},
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "configuration `FILE` (default: .citelint.yml found from each essay's folder)"},
		&cli.BoolFlag{Name: "no-inline-config", Usage: "ignore the essays' citelint-disable directives: show every finding"},
	}
}

// lintFlagsFrom reads lint's flags.
func lintFlagsFrom(c *cli.Context) lintFlags {
	return lintFlags{
		Format:        c.String("format"),
		Output:        c.String("output"),
		Style:         c.String("style"),
		StdinFilename: c.String("stdin-filename"),
		Jobs:          c.Int("jobs"),
		MaxWarnings:   c.Int("max-warnings"),
		QuoteMinWords: c.Int("quote-min-words"),
		Enable:        c.StringSlice("enable"),
		Disable:       c.StringSlice("disable"),
		Sources:       c.StringSlice("sources"),
		Config:        c.String("config"),
		Online:        c.Bool("online"),
		OnlineSet:     c.IsSet("online"),

		StyleSet:         c.IsSet("style"),
		QuoteMinWordsSet: c.IsSet("quote-min-words"),
		NoInlineConfig:   c.Bool("no-inline-config"),
	}
}

// notYetSupported lists the flags that are accepted but do nothing yet.
func notYetSupported() []string {
	return nil
}

func onUsageError(_ *cli.Context, err error, _ bool) error {
	return usageErrorf("%v (see citelint --help)", err)
}
