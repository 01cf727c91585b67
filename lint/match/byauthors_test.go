package match

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citelint/citelint/lint"
)

// A name whose key is empty ("Ii" keys to "") matches an author whose
// key is empty too, never an entry without authors.
func TestByAuthorsEmptyKey(t *testing.T) {
	e := essay(lint.StyleMLA, []lint.Entry{
		{Title: "Anonymous Chronicle"},
		{Authors: []lint.Name{author("Ii", "Ann")}, Title: "Letters"},
		{Authors: []lint.Name{{Family: "American Psychological Association", Group: true}}, Title: "Manual"},
	}, lint.Citation{Kind: lint.CitationParenthetical, Authors: []string{"ii"}},
		lint.Citation{Kind: lint.CitationParenthetical, Authors: []string{"APA"}},
		lint.Citation{Kind: lint.CitationParenthetical, Authors: []string{"Ii", "Smith"}})
	Match(e)
	assert.Equal(t, 1, e.Citations[0].Entry)
	assert.Equal(t, 2, e.Citations[1].Entry)
	assert.Equal(t, 1, e.Citations[2].Entry, "an entry of one author matches on the first name alone")
}
