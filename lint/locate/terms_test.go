package locate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTerms(t *testing.T) {
	terms := Terms("The novels of Ehrenburg's circle were about the factory. In Kharkov, the critics praised the novel; " +
		"the party and the union said little. 1954 was the year.")
	for _, want := range []string{"ehrenburg", "kharkov", "novel", "critic", "factory"} {
		assert.Contains(t, terms, want)
	}
	for _, common := range []string{"the", "party", "union", "year", "said", "1954", "of"} {
		assert.NotContains(t, terms, common, "common words and numbers are not terms")
	}
	assert.Greater(t, terms["kharkov"], terms["factory"], "a name outweighs a rare common noun")
	assert.Greater(t, terms["novel"], Terms("a novel")["novel"], "a repeated word weighs more")
	assert.Empty(t, Terms(""))
}

func TestOverlap(t *testing.T) {
	passage := Terms("Ehrenburg's novel named the Thaw, the cultural loosening after Stalin.")
	onTopic := Terms("The Thaw, a short novel by Ehrenburg, gave its name to an era of cultural loosening.")
	offTopic := Terms("Tractor stations, coal industry, housing construction in Kharkov: the Soviet press reports.")

	on := Overlap(passage, onTopic)
	assert.Subset(t, on.Terms, []string{"ehrenburg", "thaw", "novel"})
	assert.Greater(t, on.Score, 0.5)

	off := Overlap(passage, offTopic)
	assert.Empty(t, off.Terms)
	assert.Zero(t, off.Score)

	// The citation's own words do not count: a source that shares only
	// the name the citation gives it shares nothing.
	named := Terms("Ehrenburg bibliography: tractor stations and coal.")
	assert.Equal(t, []string{"ehrenburg"}, Overlap(passage, named).Terms)
	assert.Empty(t, Overlap(passage, named, Terms("(Ehrenburg)")).Terms)

	// Words too rare to be ranked keep their number; one form meets the
	// other.
	typesetting := Terms("A good compositor set fifteen hundred letters an hour.")
	shop := Terms("Six compositors stood at their cases; the linotypes came later.")
	assert.Equal(t, []string{"compositor"}, Overlap(typesetting, shop).Terms)
	assert.Equal(t, []string{"linotypes"}, Overlap(Terms("The linotypes were loud."), Terms("A linotype arrived."), nil).Terms)
}
