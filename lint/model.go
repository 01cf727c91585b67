package lint

import (
	"strings"

	"github.com/citelint/citelint/lint/locate"
)

// Style is a citation style.
type Style string

// The styles citelint knows. StyleUnknown means none could be told.
const (
	StyleUnknown Style = ""
	StyleMLA     Style = "mla"
	StyleAPA     Style = "apa"
	StyleChicago Style = "chicago"
	StyleHarvard Style = "harvard"
)

// SectionKind says what part of the essay a section is.
type SectionKind string

// The parts of an essay.
const (
	SectionTitle        SectionKind = "title"
	SectionBody         SectionKind = "body"
	SectionBibliography SectionKind = "bibliography"
	SectionNotes        SectionKind = "notes"
)

// Section is a run of blocks: the title, the body, a bibliography or notes.
type Section struct {
	Kind SectionKind
	// Heading is the heading's text as written ("Work Cited:"), empty for a
	// section with no heading.
	Heading string
	// HeadingAt is where the heading stands; zero when there is none.
	HeadingAt Range
	// First and Last are the indexes of the section's first block and one
	// past its last block (the heading block included).
	First, Last int
	// Range covers the section's text, heading included.
	Range
}

// Quote is a quotation in the essay: a quoted span or a block quotation.
type Quote struct {
	// Range covers the quotation with its marks.
	Range
	// Inner covers the quoted words without the marks.
	Inner Range
	Text  string
	// Open and Close are the quotation marks (0 for a block quotation or a
	// mark that is missing).
	Open, Close rune
	Block       int
	// BlockQuote marks a block quotation, which has no marks.
	BlockQuote bool
	Words      int
	// Depth is 0 for an outer quotation, 1 for one nested inside it.
	Depth int
	// Unclosed is true when the opening mark is never closed in its
	// paragraph; Unopened when a closing mark has no opening one.
	Unclosed, Unopened bool
	// Citation is the index of the citation that covers it, or -1.
	Citation int
}

// CitationKind says how a citation was written.
type CitationKind string

// The shapes of in-text citation.
const (
	CitationParenthetical CitationKind = "parenthetical" // (Freeze 412), (Freeze, 2009)
	CitationNarrative     CitationKind = "narrative"     // Freeze (2009)
	CitationSignal        CitationKind = "signal"        // according to von Geldern
	CitationLink          CitationKind = "link"          // a hyperlink in the body
	CitationNumeric       CitationKind = "numeric"       // [3], [3, 5]
	CitationNote          CitationKind = "note"          // a footnote whose text cites
)

// Citation is one in-text citation of one source.
type Citation struct {
	Kind CitationKind
	// Range covers the citation as written; several citations in one pair
	// of parentheses each cover their own part.
	Range
	Text string
	// Authors are the family names as written ("von Geldern", "Smith").
	Authors []string
	EtAl    bool
	// Year as written: "2009", "2009a", "n.d.".
	Year string
	// Title is a short title standing in for an author ("The Thaw").
	Title string
	// Locator is the page or other locator ("412", "p. 412", "para. 3").
	Locator string
	URL     string
	// Numbers are the reference numbers of a numeric citation.
	Numbers []int
	// Indirect marks "qtd. in": the source quotes someone else.
	Indirect bool
	// PageOnly marks "(412)" after a signal phrase: the author is named
	// in the prose, not in the parentheses.
	PageOnly bool
	Block    int
	// Entry is the index of the matched works-cited entry, or -1.
	Entry int
	// Suggestion names a close entry when none matched ("did you mean").
	Suggestion string
	// YearMismatch is set when the names match exactly one entry, Entry,
	// whose year differs from the citation's (APA, Harvard).
	YearMismatch bool
	// Speaker is set on a signal phrase whose sentence also carries a
	// citation: the person named is quoted in that source and needs no
	// entry of their own.
	Speaker bool
}

// Name is one author's name.
type Name struct {
	Family string `json:"family"`
	Given  string `json:"given,omitempty"`
	// Particle is a lower-case prefix of the family name ("von", "de").
	Particle string `json:"particle,omitempty"`
	Suffix   string `json:"suffix,omitempty"`
	// Group marks an organisation as author ("World Health Organization").
	Group bool `json:"group,omitempty"`
}

// FullFamily is the family name with its particle ("von Geldern").
func (n Name) FullFamily() string {
	if n.Particle == "" {
		return n.Family
	}
	if strings.HasSuffix(n.Particle, "-") || strings.HasSuffix(n.Particle, "'") || strings.HasSuffix(n.Particle, "’") {
		return n.Particle + n.Family // al-Rashid, d'Alembert
	}
	return n.Particle + " " + n.Family
}

// Inverted is the name as a works-cited list writes it: "von Geldern,
// James", or the family name alone when there is no given name.
func (n Name) Inverted() string {
	if n.Given == "" {
		return n.FullFamily()
	}
	return n.FullFamily() + ", " + n.Given
}

// Entry is one works-cited entry with its fields.
type Entry struct {
	Range
	Text  string
	Block int

	Authors   []Name
	EtAl      bool
	Year      string
	Date      string
	Title     string
	Container string
	Volume    string
	Issue     string
	Pages     string
	Publisher string
	DOI       string
	URL       string
	ISBN      string
	Accessed  string
	Style     Style

	// TitleRange is where the title stands in Text, when it was found.
	TitleRange Range
	// TitleQuoted and TitleItalic say how the title was set.
	TitleQuoted, TitleItalic bool
	// BareURL is true when the entry is nothing but a link.
	BareURL bool
	// CitedBy lists the citations matched to the entry.
	CitedBy []int
	// Mentioned is true when the prose names the entry's author or title.
	Mentioned bool
}

// CitedSource is the text of a cited work that citelint could read: a
// file of the source library, or with --online a fetched page.
type CitedSource interface {
	// String names the source for messages (its file or address).
	String() string
	// Index is the source's text indexed for finding quotations.
	Index() (*locate.Index, error)
	// Terms are the source's distinctive terms, less its own name and
	// page chrome.
	Terms() (map[string]float64, error)
}

// EntrySource is what resolution found for one entry.
type EntrySource struct {
	// Source is the entry's source text, or nil when there is none.
	Source CitedSource
	// Err says why a source that exists could not be read.
	Err error
}

// Essay is everything extracted from one Document: what the rules read.
type Essay struct {
	Doc       *Document
	Style     Style
	Sections  []Section
	Quotes    []Quote
	Citations []Citation
	Entries   []Entry
	// Sources has one element per entry when a source library (or the
	// network) is in use, and is nil otherwise.
	Sources []EntrySource
	// Online has one element per entry when --online is in use, and is
	// nil otherwise: what the network said about each entry's DOI, ISBN
	// and address. Rules read it; they never open the network.
	Online []EntryOnline
	// Links are the checks of the body's hyperlink citations whose
	// address no entry carries (--online only).
	Links []LinkCheck
	// BlockSentences caches, by block of Doc, the sentences of the blocks
	// extraction split while finding citations, and matching while linking
	// quotations: the ranges inline.Sentences gives for the block's range.
	// A block neither split is nil (or beyond the slice's end). Matching
	// reads it rather than splitting the same paragraphs again.
	BlockSentences [][]Range
}

// OnlineOf returns what the network said about entry i.
func (e *Essay) OnlineOf(i int) EntryOnline {
	if i < 0 || i >= len(e.Online) {
		return EntryOnline{}
	}
	return e.Online[i]
}

// LookupState is what a registry said about an identifier.
type LookupState int

// The answers of a DOI or ISBN lookup.
const (
	// LookupUnchecked: no answer could be had (time-out, refusal, server
	// error), so nothing is said about the identifier.
	LookupUnchecked LookupState = iota
	// LookupFound: the identifier is registered and its record was read.
	LookupFound
	// LookupRegistered: the identifier is registered, but no record
	// could be read to compare (a DOI of an agency without metadata).
	LookupRegistered
	// LookupNotFound: the registry does not know the identifier.
	LookupNotFound
)

// Record is what a registry says a DOI or ISBN names.
type Record struct {
	Title   string
	Authors []Name
	// Year is the year of publication ("2011"), empty when not given.
	Year string
	// Registry names where the record came from ("doi.org", "Crossref",
	// "Open Library").
	Registry string
}

// IDLookup is the lookup of one DOI or ISBN.
type IDLookup struct {
	// ID is the identifier looked up, as normalised for the lookup.
	ID    string
	State LookupState
	// Record is set when State is LookupFound.
	Record *Record
	// Err says why State is LookupUnchecked.
	Err error
}

// LinkState is what fetching a cited address showed.
type LinkState int

// The outcomes of a link check.
const (
	// LinkOK: the address answered (after any redirects).
	LinkOK LinkState = iota
	// LinkBroken: 404, 410, or a host that does not exist.
	LinkBroken
	// LinkUnchecked: 401, 403, 429, a time-out or another failure that
	// says nothing about the page: it could not be checked.
	LinkUnchecked
)

// LinkCheck is the check of one cited address.
type LinkCheck struct {
	URL string
	// Final is the address after redirects.
	Final string
	// Status is the last HTTP status, 0 when none came.
	Status int
	State  LinkState
	// Reason says in a few words why the link is broken or unchecked
	// ("404 Not Found", "no such host", "timed out").
	Reason string
	// Citation is the body citation the address came from, or -1.
	Citation int
}

// EntryOnline is what --online found about one entry. A nil field was
// not looked up (the entry has no such identifier).
type EntryOnline struct {
	DOI  *IDLookup
	ISBN *IDLookup
	Link *LinkCheck
}

// SourceOf returns what resolution found for entry i.
func (e *Essay) SourceOf(i int) EntrySource {
	if i < 0 || i >= len(e.Sources) {
		return EntrySource{}
	}
	return e.Sources[i]
}

// Bibliography returns the bibliography sections.
func (e *Essay) Bibliography() []Section {
	var out []Section
	for _, s := range e.Sections {
		if s.Kind == SectionBibliography {
			out = append(out, s)
		}
	}
	return out
}

// EntriesIn returns the indexes of the entries inside section s.
func (e *Essay) EntriesIn(s Section) []int {
	var out []int
	for i := range e.Entries {
		if holds(s, &e.Entries[i]) {
			out = append(out, i)
		}
	}
	return out
}

// HasEntryIn reports whether section s holds an entry: EntriesIn(s) is not
// empty, without the list.
func (e *Essay) HasEntryIn(s Section) bool {
	for i := range e.Entries {
		if holds(s, &e.Entries[i]) {
			return true
		}
	}
	return false
}

// holds reports whether entry en lies in section s.
func holds(s Section, en *Entry) bool { return en.Start >= s.Start && en.End <= s.End }

// InBody reports whether text offset off is in the essay's body, not in a
// bibliography or notes section.
func (e *Essay) InBody(off int) bool {
	for _, s := range e.Sections {
		if s.Contains(off) {
			return s.Kind == SectionBody || s.Kind == SectionTitle
		}
	}
	return true
}
