// Package sources is the source library: a folder of the texts an essay
// cites (saved web pages, plain text, Markdown; PDF and docx readers plug
// in by extension) with an optional sources.yml that says which address,
// DOI, ISBN, title and author each file answers to. Rules find the source a
// citation points to with Library.Find and read its text, index and terms
// from the Source.
//
// Opening a library reads only what identifies each file (sources.yml, an
// HTML page's head), so a folder of a few hundred pages opens in
// milliseconds; a source's text is read and indexed once, the first time a
// rule asks for it, and shared by every essay of a batch.
package sources

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/citelint/citelint/lint/locate"
)

// ConfigFile is the name of the file that lists a library's sources;
// sources.yaml is read too.
const ConfigFile = "sources.yml"

// Library is a folder of sources.
type Library struct {
	// Dir is the folder the library was opened from.
	Dir string
	// Sources are the library's files, in path order.
	Sources []*Source
	// Skipped lists the files (relative to Dir) that no reader reads and
	// sources.yml does not name, so that a caller can say they were left
	// out.
	Skipped []string
}

// Source is one file of the library and what it answers to.
type Source struct {
	// File is the file's path relative to the library's folder, with
	// forward slashes; Path is its path on disk.
	File, Path string
	// URLs, DOI, ISBN, Title and Authors are what the file answers to:
	// its sources.yml entry first, then what the file says about itself.
	URLs    []string
	DOI     string
	ISBN    string
	Title   string
	Authors []string
	// SiteName is the site or publication the page belongs to.
	SiteName string
	// Line is the line of the file's sources.yml entry, 0 when it has none.
	Line int

	reader Reader
	// altTitles are other titles the file answers to: a page's own title
	// when sources.yml gives another.
	altTitles []string
	keys      sourceKeys

	contentOnce sync.Once
	content     *Content
	contentErr  error

	indexOnce sync.Once
	index     *locate.Index

	termsOnce sync.Once
	terms     map[string]float64
}

// Options changes how a library is opened.
type Options struct {
	// Readers maps a lower-case file extension (".pdf") to the reader of
	// such files; nil means DefaultReaders.
	Readers map[string]Reader
}

// Open reads the library in dir: sources.yml if there is one, and what
// identifies each file that a reader reads. Hidden files and folders are
// left out. A malformed sources.yml, an entry naming a missing file, or a
// file that cannot be identified is an error naming the file.
func Open(dir string) (*Library, error) {
	return OpenWith(dir, Options{})
}

// OpenWith is Open with options.
func OpenWith(dir string, opt Options) (*Library, error) {
	readers := opt.Readers
	if readers == nil {
		readers = DefaultReaders()
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("sources: %s is not a folder", dir)
	}
	lib := &Library{Dir: dir}
	entries, err := readConfig(dir)
	if err != nil {
		return nil, err
	}
	byFile := map[string]*entry{}
	for i := range entries {
		byFile[strings.ToLower(entries[i].File)] = &entries[i]
	}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != dir && (strings.HasPrefix(name, ".") || name == "node_modules") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == ConfigFile || rel == "sources.yaml" {
			return nil
		}
		e := byFile[strings.ToLower(rel)]
		reader := readers[strings.ToLower(filepath.Ext(name))]
		if reader == nil && e == nil {
			lib.Skipped = append(lib.Skipped, rel)
			return nil
		}
		src := &Source{File: rel, Path: path, reader: reader}
		if e != nil {
			src.apply(e)
			delete(byFile, strings.ToLower(rel))
		}
		if reader != nil {
			if err := src.identify(); err != nil {
				return err
			}
		}
		src.keys = keysOf(src)
		lib.Sources = append(lib.Sources, src)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	if len(byFile) > 0 {
		var missing []*entry
		for _, e := range byFile {
			missing = append(missing, e)
		}
		sort.Slice(missing, func(a, b int) bool { return missing[a].line < missing[b].line })
		e := missing[0]
		return nil, fmt.Errorf("%s:%d: file %q not found in %s", filepath.Join(dir, ConfigFile), e.line, e.File, dir)
	}
	return lib, nil
}

// readConfig reads dir/sources.yml (or sources.yaml), if there is one.
func readConfig(dir string) ([]entry, error) {
	for _, name := range []string{ConfigFile, "sources.yaml"} {
		path := filepath.Join(dir, name)
		src, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("sources: %w", err)
		}
		return parseConfig(path, src)
	}
	return nil, nil
}

// apply takes what the file's sources.yml entry says.
func (s *Source) apply(e *entry) {
	s.Line = e.line
	s.URLs = append(s.URLs, e.URLs...)
	s.DOI, s.ISBN, s.Title = e.DOI, e.ISBN, e.Title
	s.Authors = append(s.Authors, e.Authors...)
}

// identify adds what the file says about itself to what sources.yml says.
func (s *Source) identify() error {
	f, err := os.Open(s.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	m, err := s.reader.Identify(s.Path, f)
	if err != nil {
		return err
	}
	s.merge(m)
	return nil
}

// merge adds a file's own identifiers; sources.yml's win where both speak.
func (s *Source) merge(m Meta) {
	for _, u := range m.URLs {
		if !contains(s.URLs, u) {
			s.URLs = append(s.URLs, u)
		}
	}
	if s.DOI == "" {
		s.DOI = m.DOI
	}
	if s.ISBN == "" {
		s.ISBN = m.ISBN
	}
	if s.Title == "" {
		s.Title = m.Title
	} else if m.Title != "" && m.Title != s.Title {
		// Keep the page's own title as another name it answers to.
		s.altTitles = append(s.altTitles, m.Title)
	}
	if s.SiteName == "" {
		s.SiteName = m.SiteName
	}
	if len(s.Authors) == 0 {
		s.Authors = append(s.Authors, m.Authors...)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Content returns the source's text, read on first use. A file no reader
// reads, or one that cannot be read, is an error naming the file; the rule
// that asked reports the source as unavailable.
func (s *Source) Content() (*Content, error) {
	s.contentOnce.Do(func() {
		if s.reader == nil {
			s.contentErr = fmt.Errorf("%s: no reader for %s files", s.Path, filepath.Ext(s.Path))
			return
		}
		src, err := os.ReadFile(s.Path)
		if err != nil {
			s.contentErr = err
			return
		}
		// The file's own identifiers were read by Identify when the
		// library opened; merging them again here would change a Source
		// that other goroutines may be reading.
		s.content, s.contentErr = s.reader.Read(s.Path, src)
	})
	return s.content, s.contentErr
}

// Index returns the index of the source's text (Content().Text), built on
// first use.
func (s *Source) Index() (*locate.Index, error) {
	c, err := s.Content()
	if err != nil {
		return nil, err
	}
	s.indexOnce.Do(func() { s.index = locate.NewIndex(c.Text) })
	return s.index, nil
}

// Terms returns the distinctive terms of the source's text (locate.Terms)
// less the words that come from the page's own name and chrome: a word of
// the title, site name or boilerplate counts only when the body repeats it
// at least twice outside its headings. The map is shared: do not change it.
// One passing mention is what every
// page of a site shows ("Soviet" in the Current Digest of the Soviet
// Press); a page about the Thaw keeps saying "thaw".
func (s *Source) Terms() (map[string]float64, error) {
	c, err := s.Content()
	if err != nil {
		return nil, err
	}
	s.termsOnce.Do(func() { s.terms = c.Terms() })
	return s.terms, nil
}

// Terms are the content's distinctive terms less those that come only from
// the page's own name and chrome: a word of the title, site name or
// boilerplate counts when the body repeats it at least twice outside its
// headings.
func (c *Content) Terms() map[string]float64 {
	terms := locate.Terms(c.Text)
	own := locate.TermCounts(c.Name + "\n" + c.Meta.SiteName + "\n" + c.Boilerplate)
	body := locate.TermCounts(c.Text)
	headings := locate.TermCounts(c.Headings)
	for t := range terms {
		if own[t] > 0 && body[t]-headings[t] < 2 {
			delete(terms, t)
		}
	}
	return terms
}

func (s *Source) String() string { return s.File }
