package match

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/citelint/citelint/lint"
)

// citedByAppending is citedBy as first written, a list grown for each
// entry: citedBy is held to it.
func citedByAppending(e *lint.Essay) {
	for i := range e.Entries {
		e.Entries[i].CitedBy = nil
	}
	for i, c := range e.Citations {
		if c.Entry >= 0 {
			e.Entries[c.Entry].CitedBy = append(e.Entries[c.Entry].CitedBy, i)
		}
	}
}

func TestCitedByAsAppending(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for range 1000 {
		entries := r.IntN(80)
		e, want := &lint.Essay{Entries: make([]lint.Entry, entries)}, &lint.Essay{Entries: make([]lint.Entry, entries)}
		for range r.IntN(100) {
			c := lint.Citation{Entry: -1}
			if entries > 0 && r.IntN(4) > 0 {
				c.Entry = r.IntN(entries)
			}
			e.Citations = append(e.Citations, c)
		}
		for i := range e.Entries {
			// A list left from an earlier run goes.
			e.Entries[i].CitedBy = []int{99}
		}
		want.Citations = e.Citations
		citedBy(e)
		citedByAppending(want)
		for i := range e.Entries {
			got := e.Entries[i].CitedBy
			if !slices.Equal(got, want.Entries[i].CitedBy) || (got == nil) != (want.Entries[i].CitedBy == nil) || cap(got) != len(got) {
				t.Fatalf("entry %d: CitedBy = %v (cap %d), want %v", i, got, cap(got), want.Entries[i].CitedBy)
			}
		}
	}
}
