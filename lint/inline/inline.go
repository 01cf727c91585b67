// Package inline finds what stands inside the essay's prose: quotations,
// in-text citations, signal phrases and sentence boundaries. It only finds
// things, each with its exact Range in the Document's Text; matching them
// to works-cited entries and judging them is for later stages.
//
// Quotation marks pair within one block. A mark opens or closes by what
// stands on either side of it; ' and ’ between letters or digits, before
// a decade ('60s), in an elision ('tis, rock 'n' roll) or after a plural
// with nothing to close (critics') are apostrophes, and " after a digit
// with nothing open is an inch mark. A single closing mark never closes
// across an open double quotation. Words counts the words of Inner as
// written: “honor the tenets of Stalinist culture,” has six.
//
// A parenthesis is a citation only when all of it parses as one (names,
// a title, years, a locator; several parts split at ";"): a false citation
// makes a false "citation-unmatched" error, so ordinary prose, glosses
// (USSR), date ranges (1953-1964), figure labels and a lone name or title
// in mid-sentence (The leader (Khrushchev) spoke) are left alone. A lone
// name or title cites after a quotation or at the end of a sentence; a
// bare page number after a quotation or after a signal phrase or narrative
// citation in its sentence (or after "She writes", "the study finds"); a
// labelled one (p. 412) anywhere. A year-only
// parenthesis right after a name is a narrative citation, unless the name
// follows a determiner or "of", "since", "until" and the like.
//
// A signal phrase names a person as the source of words or ideas:
// "according to", "in X's words", "to quote", a reporting verb after or
// (after a quotation) before its subject. Pronouns, determiners, generic
// and plural subjects ("Historians argue"), adjectives ("Soviet sources
// claim"), possessives (Khrushchev's Secret Speech states) and anything
// inside a closed quotation are not sources. Authors holds the family name
// with its particle; an organisation's name stays whole.
//
// Known limits: a place and a year in parentheses, (Moscow, 1956), reads
// as an APA citation; a historical actor with an event year, Khrushchev
// (1956), reads as a narrative citation; any capitalised word before a
// reporting verb is a subject (Moscow insisted); a two- or three-word
// name that is neither a person's nor marked as an organisation's
// (Seventeen Moments 3) loses all but its last word; a single quotation
// closing on a plural possessive followed by a word with no further
// closing mark is cut short; a quotation running over several paragraphs,
// each opened and only the last closed as typesetters do, reads as
// unclosed in each paragraph but the last.
package inline

import "github.com/citelint/citelint/lint"

// Quotes finds the quotations in the given blocks of doc, in text order:
// spans between quotation marks (“…”, "…", ‘…’, '…', «…», „…“, ‹…›) and
// whole block quotations. Short quoted spans (terms, scare quotes) are
// returned too; rules decide with a threshold. An opening mark never closed
// in its block gives one Unclosed quotation running to the block's end,
// and no quotation inside it is returned; a closing mark with no opening
// mark gives an Unopened one. Every Quote has Citation set to -1.
func Quotes(doc *lint.Document, blocks []int) []lint.Quote {
	return quotesIn(doc, blocks)
}

// Citations finds the in-text citations in the given blocks of doc, in
// text order: parenthetical and narrative citations, signal phrases,
// hyperlinks, numeric citations and note references. Every Citation has
// Entry set to -1.
func Citations(doc *lint.Document, blocks []int) []lint.Citation {
	return citationsIn(doc, blocks)
}

// QuotesAndCitations is Quotes and Citations at once: the quotations are
// found once and serve both (a parenthesis inside a quotation cites
// nothing).
func QuotesAndCitations(doc *lint.Document, blocks []int) ([]lint.Quote, []lint.Citation) {
	quotes := quotesIn(doc, blocks)
	return quotes, citationsOf(doc, blocks, quotes, true, nil)
}

// QuotesCitationsSentences is QuotesAndCitations that also returns, by
// block of doc, the sentences it split blocks into along the way (what
// Sentences gives for the block's range; nil for a block it did not
// split), so that callers need not split them again.
func QuotesCitationsSentences(doc *lint.Document, blocks []int) ([]lint.Quote, []lint.Citation, [][]lint.Range) {
	quotes := quotesIn(doc, blocks)
	sentences := make([][]lint.Range, len(doc.Blocks))
	return quotes, citationsOf(doc, blocks, quotes, true, sentences), sentences
}

// Sentences splits range r of doc into sentences. A block boundary always
// ends a sentence; a full stop after an abbreviation, inside parentheses or
// inside an open quotation does not.
func Sentences(doc *lint.Document, r lint.Range) []lint.Range {
	return sentencesIn(doc, r)
}
