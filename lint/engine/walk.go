package engine

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/archive"
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
			if !yieldFile(p, true, yield) {
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
			if skip, err := PassOver(p, path, d); skip {
				return err
			}
			if !isInput(path) {
				return nil
			}
			if !yieldFile(path, false, yield) {
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

// PassOver reports whether a folder walk from root passes over d, met at
// path: hidden files and folders, node_modules, and whatever is not a
// regular file. For a folder it also returns filepath.SkipDir, to hand
// back to filepath.WalkDir.
func PassOver(root, path string, d fs.DirEntry) (bool, error) {
	name := d.Name()
	if d.IsDir() {
		if path != root && (strings.HasPrefix(name, ".") || name == "node_modules") {
			return true, filepath.SkipDir
		}
		return true, nil
	}
	return strings.HasPrefix(name, ".") || !d.Type().IsRegular(), nil
}

// isInput reports whether a file found in a folder is something to lint: an
// essay, a submission archive, or an .xml file that may be a WordPress
// export (checked when it is opened).
func isInput(path string) bool {
	if _, ok := read.FormatOf(path); ok {
		return true
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".zip", ".xml":
		return true
	}
	return false
}

// yieldFile yields the essays of one file: the file itself, or the members
// of a submission archive or WordPress export. It returns false when yield
// asked to stop.
func yieldFile(path string, explicit bool, yield func(Input) bool) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".zip":
		return yieldArchive(path, yield)
	case ".xml":
		return yieldWXR(path, explicit, yield)
	}
	format, ok := read.FormatOf(path)
	if !ok {
		if !explicit {
			return true
		}
		return yield(Input{Path: path, Err: fmt.Errorf("%s: unsupported file type (citelint reads .txt, .md, .html, .docx, .odt, .pdf, .zip and WordPress .xml exports)", path)})
	}
	return yield(Input{Path: path, Format: format, Open: func() ([]byte, error) { return readFile(path) }})
}

// memberInput turns an archive member into an Input.
func memberInput(m archive.Member) Input {
	return Input{Path: m.Name, Format: m.Format, Student: m.Student, Late: m.Late, Open: m.Open, Err: m.Err}
}

// yieldArchive yields the essays in a .zip. The archive stays open until
// the last member has been read by the workers, which may be after the
// walk has moved on.
func yieldArchive(path string, yield func(Input) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Input{Path: path, Err: fmt.Errorf("%s: %w", path, unwrapPathError(err))})
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return yield(Input{Path: path, Err: fmt.Errorf("%s: %w", path, unwrapPathError(err))})
	}
	var pending sync.WaitGroup
	defer func() {
		go func() {
			pending.Wait()
			_ = f.Close()
		}()
	}()
	stopped := false
	err = archive.Walk(path, f, info.Size(), func(m archive.Member) bool {
		if len(m.Skipped) > 0 && m.Open == nil && m.Err == nil {
			return true // a note of the members that are not essays; nothing to lint
		}
		in := memberInput(m)
		if in.Open != nil {
			open := in.Open
			pending.Add(1)
			once := sync.OnceValues(func() ([]byte, error) {
				defer pending.Done()
				return open()
			})
			in.Open = once
		}
		if !yield(in) {
			stopped = true
			return false
		}
		return true
	})
	if err != nil && !stopped {
		return yield(Input{Path: path, Err: err})
	}
	return !stopped
}

// yieldWXR yields the published posts of a WordPress export. An .xml file
// that is not one is passed over in a folder and reported when named.
func yieldWXR(path string, explicit bool, yield func(Input) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Input{Path: path, Err: fmt.Errorf("%s: %w", path, unwrapPathError(err))})
	}
	defer func() { _ = f.Close() }()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	if !archive.IsWXR(head[:n]) {
		if !explicit {
			return true
		}
		return yield(Input{Path: path, Err: fmt.Errorf("%s: not a WordPress export (citelint reads .xml files only as WordPress WXR exports)", path)})
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return yield(Input{Path: path, Err: fmt.Errorf("%s: %w", path, err)})
	}
	stopped := false
	err = archive.WXR(path, f, func(m archive.Member) bool {
		if !yield(memberInput(m)) {
			stopped = true
			return false
		}
		return true
	})
	if err != nil && !stopped {
		return yield(Input{Path: path, Err: err})
	}
	return !stopped
}
