package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/config"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/fix"
	"github.com/citelint/citelint/lint/read"
)

// fixFlagDefs are the fix command's flags.
func fixFlagDefs() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "print the changes as a unified diff; write nothing"},
		&cli.StringFlag{Name: "style", Value: "auto", Usage: "citation `STYLE`: auto, mla, apa, chicago or harvard"},
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "configuration `FILE` (default: .citelint.yml found from each essay's folder)"},
		&cli.StringSliceFlag{Name: "enable", Usage: "run rule `ID` (repeatable)"},
		&cli.StringSliceFlag{Name: "disable", Usage: "do not run rule `ID`, nor apply its fixes (repeatable)"},
	}
}

// fixAction applies the safe fixes to Markdown, text and HTML essays, in
// place, or with --dry-run prints them as a diff.
func (e *env) fixAction(c *cli.Context) error {
	paths := c.Args().Slice()
	if len(paths) == 0 {
		return usageErrorf("no files to fix: give Markdown, text or HTML files, or folders")
	}
	flags := lintFlags{
		Format: "text", Style: c.String("style"), StyleSet: c.IsSet("style"),
		QuoteMinWords: lint.DefaultSettings().QuoteMinWords, Config: c.String("config"),
		Enable: c.StringSlice("enable"), Disable: c.StringSlice("disable"),
	}
	opts, _, err := flags.configuredOptions(e.rules())
	if err != nil {
		return err
	}
	eng := engine.New(opts)

	files, failed := fixableFiles(paths, func(err error) { fmt.Fprintf(e.stderr, "citelint: %v\n", err) })
	dryRun := c.Bool("dry-run")
	for _, path := range files {
		if err := e.fixFile(eng, path, dryRun); err != nil {
			fmt.Fprintf(e.stderr, "citelint: %v\n", err)
			failed = true
		}
	}
	if failed {
		return &exitError{code: exitUsage}
	}
	return nil
}

// fixFile fixes one essay and writes it back, or prints the diff.
func (e *env) fixFile(eng *engine.Engine, path string, dryRun bool) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPathErr(err))
	}
	res, err := fix.Source(eng, path, src)
	if err != nil {
		return err
	}
	if !res.Changed() {
		return nil
	}
	if dryRun {
		// As git labels a relative path; an absolute one as it is.
		oldName, newName := "a/"+filepath.ToSlash(path), "b/"+filepath.ToSlash(path)
		if filepath.IsAbs(path) {
			oldName, newName = path, path
		}
		_, err := fmt.Fprint(e.stdout, fix.Unified(oldName, newName, src, res.Fixed))
		return err
	}
	if err := fix.WriteAtomic(path, res.Fixed); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "citelint: %s: %d %s\n", path, res.Edits, plural(res.Edits, "fix", "fixes"))
	return nil
}

// fixableFiles lists the files fix works on: the files named, which must
// be Markdown, text or HTML, and those formats inside the folders named
// (hidden folders left out). Each problem goes to report; failed says
// there was one.
func fixableFiles(paths []string, report func(error)) (files []string, failed bool) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			report(fmt.Errorf("%s: %w", p, unwrapPathErr(err)))
			failed = true
			continue
		}
		if !info.IsDir() {
			if format, ok := read.FormatOf(p); !ok || !fix.Writable(format) {
				report(fmt.Errorf("%s: citelint fixes only Markdown, text and HTML files; left as it is", p))
				failed = true
				continue
			}
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if format, ok := read.FormatOf(path); ok && fix.Writable(format) && d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			report(fmt.Errorf("%s: %w", p, err))
			failed = true
		}
	}
	return files, failed
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// initAction writes the starter configuration to ./.citelint.yml.
func (e *env) initAction(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageErrorf("init takes no arguments; it writes .citelint.yml in the current folder")
	}
	const name = ".citelint.yml"
	mode := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if c.Bool("force") {
		mode = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(name, mode, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return usageErrorf("%s already exists; pass --force to overwrite it", name)
	}
	if err != nil {
		return usageErrorf("%s: %v", name, unwrapPathErr(err))
	}
	_, err = f.WriteString(config.Starter())
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return usageErrorf("%s: %v", name, err)
	}
	fmt.Fprintf(e.stdout, "wrote %s: the defaults, with commented examples; citelint rules lists the rule IDs\n", name)
	return nil
}
