package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/citelint/citelint/lint/archive"
	"github.com/citelint/citelint/lint/engine"
	"github.com/citelint/citelint/lint/read"
)

// progress draws a one-line progress bar on standard error while a batch
// runs: files done out of the total when it is known, else a spinner and
// the count. It is drawn from emit only, on one goroutine.
type progress struct {
	w io.Writer
	// total is the number of inputs, or -1 until they have been counted
	// (or when counting would not be cheap).
	total atomic.Int64
	done  int
	shown bool
	last  time.Time
	frame int
	// stop ends the counting; counted is closed when it has ended.
	stop    context.CancelFunc
	counted chan struct{}
}

// progressEvery is how often the bar is redrawn at most.
const progressEvery = 100 * time.Millisecond

// showProgress says whether a batch shows a progress bar: only on a
// terminal, never in CI or under pre-commit, and never when JSON goes to
// standard output, since a program, not a person, is reading that run.
func (e *env) showProgress(flags lintFlags) bool {
	if !e.isTerminal(e.stderr) || e.getenv("CI") != "" || e.getenv("PRE_COMMIT") == "1" {
		return false
	}
	return !(flags.Format == "json" && flags.Output == "")
}

// newProgress starts a progress bar on w and counts the inputs of paths in
// the background, so that counting never delays linting.
func newProgress(ctx context.Context, w io.Writer, paths []string) *progress {
	ctx, stop := context.WithCancel(ctx)
	p := &progress{w: w, stop: stop, counted: make(chan struct{})}
	p.total.Store(-1)
	go func() {
		defer close(p.counted)
		if n, ok := countInputs(ctx, paths); ok {
			p.total.Store(int64(n))
		}
	}()
	return p
}

// finish removes the bar and ends the counting if it still runs.
func (p *progress) finish() {
	p.clear()
	p.stop()
	<-p.counted
}

// step counts one file done and redraws the bar if it is time.
func (p *progress) step() {
	p.done++
	if p.shown && time.Since(p.last) < progressEvery {
		return
	}
	p.draw()
}

// clear removes the bar, so that a message can be written in its place;
// the next step draws it again.
func (p *progress) clear() {
	if p.shown {
		_, _ = io.WriteString(p.w, "\r\x1b[K")
		p.shown = false
	}
}

const barWidth = 30

func (p *progress) draw() {
	p.last = time.Now()
	p.shown = true
	total := int(p.total.Load())
	if total < p.done {
		spin := `|/-\`[p.frame%4]
		p.frame++
		_, _ = fmt.Fprintf(p.w, "\r\x1b[K%c %d files", spin, p.done)
		return
	}
	filled := 0
	if total > 0 {
		filled = p.done * barWidth / total
	}
	_, _ = fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d files", strings.Repeat("#", filled), strings.Repeat(" ", barWidth-filled), p.done, total)
}

// countInputs counts the results a run over paths will give, the way
// engine.Walk finds them: files as named, folders less hidden folders and
// node_modules, the essays of each .zip from its directory. It gives up
// (false) on a WordPress export, whose posts are known only by parsing it
// whole, and on anything it cannot stat.
func countInputs(ctx context.Context, paths []string) (int, bool) {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return 0, false
		}
		if !info.IsDir() {
			k, ok := countFile(p, true)
			if !ok {
				return 0, false
			}
			n += k
			continue
		}
		ok := true
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || ctx.Err() != nil {
				ok = false
				return filepath.SkipAll
			}
			if skip, err := engine.PassOver(p, path, d); skip {
				return err
			}
			k, fine := countFile(path, false)
			if !fine {
				ok = false
				return filepath.SkipAll
			}
			n += k
			return nil
		})
		if err != nil || !ok {
			return 0, false
		}
	}
	return n, true
}

// countFile counts the results of one file: one for an essay (or, when
// named explicitly, for an error), the essays of a zip, none for a file
// a folder walk passes over.
func countFile(path string, explicit bool) (int, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".zip":
		return countArchive(path), true
	case ".xml":
		return 0, false
	}
	if _, ok := read.FormatOf(path); ok || explicit {
		return 1, true
	}
	return 0, true
}

// countArchive counts the members of a zip that a run reports: essays
// and refused members, not the summary of skipped ones. An unreadable zip
// is one result, its error.
func countArchive(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer func() { _ = f.Close() }()
	info, err := f.Stat()
	if err != nil {
		return 1
	}
	n := 0
	err = archive.Walk(path, f, info.Size(), func(m archive.Member) bool {
		if m.Open != nil || m.Err != nil {
			n++
		}
		return true
	})
	if err != nil {
		return n + 1
	}
	return n
}
