package engine

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/read"
)

// Input is one essay to lint: a file, or later a member of an archive.
type Input struct {
	Path    string
	Format  lint.Format
	Student string
	Late    bool
	// Open returns the essay's bytes.
	Open func() ([]byte, error)
	// Err is set when the input is known to be unreadable (an unsupported
	// file named on the command line); it names the file and the reason.
	Err error
}

// Walk calls yield for each essay named by paths: files as given, folders
// recursively (hidden folders and node_modules skipped, files of formats
// citelint does not read passed over). A file named explicitly in an
// unsupported format is yielded with Err set, so that it is reported.
// Walk stops when yield returns false.
func Walk(ctx context.Context, paths []string, yield func(Input) bool) error {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			if !yield(Input{Path: p, Err: fmt.Errorf("%s: %w", p, unwrapPathError(err))}) {
				return nil
			}
			continue
		}
		if !info.IsDir() {
			if !yield(fileInput(p, true)) {
				return nil
			}
			continue
		}
		stop := false
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				if !yield(Input{Path: path, Err: fmt.Errorf("%s: %w", path, unwrapPathError(err))}) {
					stop = true
					return filepath.SkipAll
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") || !d.Type().IsRegular() {
				return nil
			}
			if _, ok := read.FormatOf(path); !ok {
				return nil
			}
			if !yield(fileInput(path, false)) {
				stop = true
				return filepath.SkipAll
			}
			return nil
		})
		if stop {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func fileInput(path string, explicit bool) Input {
	format, ok := read.FormatOf(path)
	if !ok && explicit {
		return Input{Path: path, Err: fmt.Errorf("%s: unsupported file type (citelint reads .txt, .md, .markdown, .html and .htm)", path)}
	}
	return Input{Path: path, Format: format, Open: func() ([]byte, error) { return os.ReadFile(path) }}
}
