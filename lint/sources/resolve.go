package sources

import "github.com/citelint/citelint/lint"

// Set is the source libraries of a run: the folders of --sources and of the
// configuration's sources list, searched in order.
type Set []*Library

// OpenSet opens each folder as a library.
func OpenSet(dirs []string) (Set, error) {
	var set Set
	for _, d := range dirs {
		l, err := Open(d)
		if err != nil {
			return nil, err
		}
		set = append(set, l)
	}
	return set, nil
}

// Find returns the first library's source that q points to, or nil.
func (s Set) Find(q Query) *Source {
	for _, l := range s {
		if src := l.Find(q); src != nil {
			return src
		}
	}
	return nil
}

// Resolve finds the source of each of the essay's entries and records it
// in essay.Sources, one element per entry.
func (s Set) Resolve(essay *lint.Essay) {
	essay.Sources = make([]lint.EntrySource, len(essay.Entries))
	for i, en := range essay.Entries {
		src := s.Find(EntryQuery(en))
		if src == nil {
			continue
		}
		essay.Sources[i].Source = src
		if _, err := src.Content(); err != nil {
			essay.Sources[i].Err = err
		}
	}
}

// EntryQuery is what a works-cited entry says about its source.
func EntryQuery(en lint.Entry) Query {
	q := Query{URL: en.URL, DOI: en.DOI, ISBN: en.ISBN, Title: en.Title}
	for _, a := range en.Authors {
		q.Authors = append(q.Authors, a.FullFamily())
	}
	if en.BareURL && q.URL == "" {
		q.URL = en.Text
	}
	return q
}
