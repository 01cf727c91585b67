package lint

import "testing"

// TestHasEntryIn holds HasEntryIn to EntriesIn.
func TestHasEntryIn(t *testing.T) {
	e := &Essay{Entries: []Entry{{Range: Range{Start: 10, End: 20}}, {Range: Range{Start: 25, End: 40}}}}
	for _, r := range []Range{{Start: 0, End: 5}, {Start: 0, End: 20}, {Start: 11, End: 50}, {Start: 10, End: 39}, {Start: 25, End: 40}, {Start: 0, End: 100}, {Start: 20, End: 20}} {
		s := Section{Range: r}
		if got, want := e.HasEntryIn(s), len(e.EntriesIn(s)) > 0; got != want {
			t.Errorf("HasEntryIn(%v) = %v, want %v", r, got, want)
		}
	}
}
