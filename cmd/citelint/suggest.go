package main

import (
	"slices"
	"strings"
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
		d := editDistance(id, known)
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

// editDistance is the Levenshtein distance between a and b, in bytes
// (rule IDs are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
