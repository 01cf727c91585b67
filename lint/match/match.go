// Package match links the essay's citations to its works-cited entries and
// its quotations to the citations that cover them.
package match

import "github.com/citelint/citelint/lint"

// Match fills in Citation.Entry, Citation.Suggestion, Entry.CitedBy,
// Entry.Mentioned and Quote.Citation. (stub)
func Match(e *lint.Essay) {}
