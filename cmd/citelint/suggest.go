package main

import (
	"slices"
	"strings"

	"github.com/citelint/citelint/lint/names"
)

// closeIDs returns up to three of ids that look like a mistyped id:
// a small edit distance, or one containing the other.
func closeIDs(id string, ids []string) []string {
	type candidate struct {
		id   string
		dist int
	}
	id = strings.ToLower(id)
	limit := max(2, len(id)/4)
	var found []candidate
	for _, known := range ids {
		d := names.Distance(id, known)
		if d <= limit || (len(id) >= 4 && strings.Contains(known, id)) {
			found = append(found, candidate{known, d})
		}
	}
	slices.SortStableFunc(found, func(a, b candidate) int { return a.dist - b.dist })
	var out []string
	for _, c := range found[:min(3, len(found))] {
		out = append(out, c.id)
	}
	return out
}
