package rules

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
	"github.com/citelint/citelint/lint/online"
)

// The expressions that entry-format's hand-written readers replaced.
var (
	// apaDateNoPeriod is APA's date in parentheses after the authors with
	// no period after it: "Freeze, G. L. (2009) Russia".
	apaDateNoPeriod = regexp.MustCompile(`^[^(]*\((?:\d{4}[a-z]?|n\.d\.)(?:, [^)]*)?\)\s+\S`)
	// fullGiven is a given name written out, where APA wants initials.
	fullGiven = regexp.MustCompile(`^\p{Lu}\p{Ll}+$`)
)

// TestHelpersMatchTheirDefinitions holds the shortcuts the rules take for
// speed to the library calls and expressions they stand for or guard.
func TestHelpersMatchTheirDefinitions(t *testing.T) {
	for _, w := range []string{"", "THAW", "Thaw", "thaw", "USSR", "ÉTÉ", "été", "ǅ", "A\xffB", "\ufffd", "A\ufffd", "1956", "THE-THAW", "ß"} {
		if got, want := upperCase(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("upperCase(%q) = %v, want %v", w, got, want)
		}
	}
	for _, s := range []string{"", " ", "one", "one two", " a  b\tc\nd ", "a b c d e f g h i j", "a b c d e f g h i j k", "\u00a0a\u2003b",
		"\u0085a\vb\fc\rd", "The Thaw.", "Who Reads?", "Why? Who Reads?", "Why? Who reads", "a; b", "Wow!", "A.B", "\xff \xfe", "a\u2028b", "?", ".", "a\u00a0.\u00a0b?"} {
		for n := 0; n <= 11; n++ {
			fields := strings.Fields(s)
			want := len(fields) <= n && (!strings.ContainsAny(s, ".!?;") || strings.HasSuffix(s, "?"))
			words, got := titleShapedWords(s, make([]string, 0, n))
			if got != want {
				t.Errorf("titleShapedWords(%q) with room for %d = %v, want %v", s, n, got, want)
			}
			if got && !slices.Equal(words, fields) {
				t.Errorf("titleShapedWords(%q) split %q, want %q", s, words, fields)
			}
		}
	}
	for _, s := range []string{"", "Oxford UP, 1995.", "Smith, , J.", "Smith,. J", "A. . B", "A.. B", "etc...", "A , . B", "x.\t.y", "Web. 3 Mar.", ", Print. ", ". Online.", "Internet.", "a.b.c",
		"Retrieved from https://x.org", "RETRIEVED  FROM", "retrieved\tfrom", "Retrieved March 3, 2020, from", "doi:10.1000/1", "DOI: 10.1/2", "https://dx.doi.org/10.1/3", "HTTP://DX.DOI.ORG/10.1/4", "Doi:  10.5", "dx.doi.org", "DX.DOI.ORG/", "https://doi.org/10.1/5", "doi 10.1/6"} {
		if doubled.MatchString(s) && !mayBeDoubled(s) {
			t.Errorf("doubled matches %q but mayBeDoubled says no", s)
		}
		if retrievedFrom.MatchString(s) && !hasWordFold(s, "retrieved") {
			t.Errorf("retrievedFrom matches %q but hasWordFold says no", s)
		}
		if oldDOI.MatchString(s) && !hasWordFold(s, "doi:") && !hasWordFold(s, "dx.doi.org/") {
			t.Errorf("oldDOI matches %q but hasWordFold says no", s)
		}
		if got, want := findMedium(s), mediumMarker.FindStringSubmatch(s); len(got) != len(want) {
			t.Errorf("findMedium(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"", "novel", "the novel ", "in the publication of ,  ", "a long and winding tv series,", "screenplay", "ÉtéBOO\u212a", "ſerieſ", "the book,, ",
		"a treatiſe\t", "an autobiography", "quite the autobiography, ", "and his film\n", "x\u00e9publication of", "the magazine \v", "documentary ,"} {
		if got, want := longWorkCue.FindString(cueTail(s)), longWorkCue.FindString(s); got != want {
			t.Errorf("longWorkCue finds %q in cueTail(%q), want %q", got, s, want)
		}
	}
	for _, s := range []string{"", "(Freeze 412)", "(Smith et. al 4)", "(Smith et.al. 4)", "(Smith et, al)", "(Smith ET . AL)", "(Smith et al. 4)", "(Smith, 2004, p. 3)", "et.\tal", "(Smith et.\nAl 4)", "(Smith et.", "(Al. al)", "x,al", "p. 4", "P.4", "pp. 4-5", "pg 3", "Page 9", "pages 1", "412", " p. 4", "para. 3", "PGS. 2"} {
		if pageWord.MatchString(s) && !mayBePageWord(s) {
			t.Errorf("pageWord matches %q but mayBePageWord says no", s)
		}
		if etAlMisspelt.MatchString(s) && !mayMisspellEtAl(s) {
			t.Errorf("etAlMisspelt matches %q but mayMisspellEtAl says no", s)
		}
	}
}

// TestEntryGuards holds the cheap tests that spare entries the APA date
// expressions to those expressions.
func TestEntryGuards(t *testing.T) {
	for _, s := range []string{"", "(n.d.)", "Smith, J. (nd). Title.", "Smith (N.D.) x", "(no date)", "(No date)", "x (n. d)", "(2019) Title", "Smith, J. (2019a) Title",
		"Smith, J. (n.d.) Title", "Smith (Ed.) (2019) T", "(2019, March 3) Title", "(2019, March 3). Title", "no parens", "(", "(n", "Freeze (2009).", "(1999)x", "(2019a) x", "(2019ab) x", "(2019, ) x", "(2019, x", "(2019) ", "(2019)\v.", "(2019)\n\nx",
		"A (B) (2019) x", "(n.d.) x", "(n.d., x) y", "(N.d.) x", "(20190) x", "(201) x", "((2019) x"} {
		if badNoDate.MatchString(s) && !strings.Contains(s, "(n") && !strings.Contains(s, "(N") {
			t.Errorf("badNoDate matches %q but the guard says no", s)
		}
		if got, want := dateWithoutPeriod(s), apaDateNoPeriod.MatchString(s); got != want {
			t.Errorf("dateWithoutPeriod(%q) = %v, want %v", s, got, want)
		}
	}
	for _, w := range []string{"", "Gregory", "G.", "GREGORY", "Ǆemal", "Émile", "É", "Éé", "J", "Jo", "jo", "Jo3", "Jo\xff", "\xffo", "Ђорђе", "McDonald"} {
		if got, want := isFullGiven(w), fullGiven.MatchString(w); got != want {
			t.Errorf("isFullGiven(%q) = %v, want %v", w, got, want)
		}
	}
}

func FuzzEntryGuards(f *testing.F) {
	for _, s := range []string{"Smith, J. (2019a) Title", "Smith, J. (n.d.) Title", "(2019, March 3) Title", "(2019, March 3). T", "Émile", "(1999b, x)\tY", "(2020)\v."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := dateWithoutPeriod(s), apaDateNoPeriod.MatchString(s); got != want {
			t.Fatalf("dateWithoutPeriod(%q) = %v, want %v", s, got, want)
		}
		if got, want := isFullGiven(s), fullGiven.MatchString(s); got != want {
			t.Fatalf("isFullGiven(%q) = %v, want %v", s, got, want)
		}
	})
}

// oldSortKey is the sort key as entry-order first worked it out, one
// string per entry: sortKeys and appendSortKey are held to it.
func oldSortKey(en lint.Entry, limit int) (key string, cut bool) {
	var k string
	if len(en.Authors) > 0 && en.TitleRange.End > en.TitleRange.Start && directFirst(&en, authorHead(&en)) {
		a := en.Authors[0]
		k = names.Fold(a.FullFamily() + " " + a.Given)
	} else {
		text := en.Text
		if limit > 0 && len(text) > limit {
			end := limit
			for end > 0 && !utf8.RuneStart(text[end]) {
				end--
			}
			text, cut = text[:end], true
		}
		k = names.Fold(text)
		if cut && len(k) < len("the ") {
			return oldSortKey(en, 0)
		}
	}
	for _, a := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(k, a) && len(en.Authors) == 0 {
			k = k[len(a):]
			break
		}
	}
	return k, cut
}

// checkSortKeys holds orderKeys, over the entries of set, to the whole
// keys of oldSortKey: each pair compares alike, and a key folded whole is
// the same string.
func checkSortKeys(t *testing.T, e *lint.Essay, set []int) {
	t.Helper()
	keys := orderKeys(e, set)
	for k, i := range set {
		whole, _ := oldSortKey(e.Entries[i], 0)
		for l, j := range set {
			other, _ := oldSortKey(e.Entries[j], 0)
			if got, want := keys[k].compare(&keys[l]), strings.Compare(whole, other); got != want {
				t.Fatalf("entries %q and %q compare %d by their order keys, %d whole", e.Entries[i].Text, e.Entries[j].Text, got, want)
			}
		}
		if got := keys[k].wholeKey(); got != whole {
			t.Fatalf("the whole order key of %q is %q, want %q", e.Entries[i].Text, got, whole)
		}
	}
}

// TestSortKeysOrderAsWholeKeys checks that keys compared as they are
// folded order every pair as the whole keys do, including entries that
// share long openings, that open with articles, and that hold text beyond
// ASCII.
func TestSortKeysOrderAsWholeKeys(t *testing.T) {
	long := strings.Repeat("Смирнов Ǆ word, ", 8)
	texts := []string{
		"Freeze, Gregory. Russia: A History. Oxford UP, 2009.",
		"The " + long + "A",
		"The " + long + "B",
		"The",
		"An " + long,
		"A" + strings.Repeat(".", 120) + "b",
		"A" + strings.Repeat(".", 120) + "a",
		long + "Zed",
		long + "Abe",
		long,
		"“" + long + "”",
		"Zubok, Vladislav. A Failed Empire. U of North Carolina P, 2007.",
		"Freeze, Gregory. Russia: A History. Oxford UP, 2010.",
		"Freeze, Gregory. Russia: A History of Reform. Oxford UP, 2009.",
		"A  ",
		"An" + strings.Repeat(" ", 40) + "x",
		"The Thaw", "Thaw", "the", "A", "an an", "The–Thaw", "The “Thaw”", "The Été", "Th'e Thaw", "The'Thaw", "A-b", "An`x y",
		"Freeze, Gregory. Russia: A Hístory.", "Freeze, Gregory. Russia: A History.", "freeze  gregory", "FREEZE, GREGORY", "Freeze, Gregory",
	}
	var e lint.Essay
	var idx []int
	for i, s := range texts {
		e.Entries = append(e.Entries, lint.Entry{Text: s})
		idx = append(idx, i)
	}
	// Entries with authors keep their articles; one in direct order files
	// under the family name.
	e.Entries = append(e.Entries,
		lint.Entry{Text: "The Band, Ltd. Songs. 2001.", Authors: []lint.Name{{Family: "The Band", Group: true}}},
		lint.Entry{Text: "Rowan Haldane. Cooler Streets. Norton, 2019.", TitleRange: lint.Range{Start: 15, End: 29}, Authors: []lint.Name{{Family: "Haldane", Given: "Rowan"}}},
		lint.Entry{Text: "Haldane, Rowan. Cooler Streets. Norton, 2019.", TitleRange: lint.Range{Start: 16, End: 30}, Authors: []lint.Name{{Family: "Haldane", Given: "Rowan"}}})
	n := len(texts)
	idx = append(idx, n, n+1, n+2)
	for _, set := range [][]int{idx, {0, 11}, {1, 2}, {7, 8}, {5, 6}, {3, 1}, {0, 12, 13}, {14, 15, 3}, {n, n + 1, n + 2, 0}} {
		checkSortKeys(t, &e, set)
	}
}

func FuzzSortKeys(f *testing.F) {
	f.Add("Freeze, Gregory. Russia: A History. Oxford UP, 2009.", "Freeze, Gregory. Russia: A History. Oxford UP, 2010.", "The Thaw", uint8(0))
	f.Add("An "+strings.Repeat("Смирнов ", 6), "A"+strings.Repeat(".", 40)+"b", "A", uint8(3))
	f.Add("The Thaw", "the thaw", "Th'e  Thaw", uint8(0))
	f.Add("An Été", "An Ete", "A`n ete", uint8(0))
	f.Add("Rowan Haldane. Cooler Streets.", "Haldane, Rowan. Cooler.", "Rowan Haldane, ed.", uint8(7))
	f.Fuzz(func(t *testing.T, a, b, c string, authored uint8) {
		var e lint.Essay
		for n, s := range []string{a, b, c} {
			en := lint.Entry{Text: s}
			if authored>>n&1 == 1 {
				en.Authors = []lint.Name{{Family: "Haldane", Given: "Rowan"}}
				en.TitleRange = lint.Range{Start: len(s) / 2, End: len(s)}
			}
			e.Entries = append(e.Entries, en)
		}
		checkSortKeys(t, &e, []int{0, 1, 2})
		checkSortKeys(t, &e, []int{2, 0})
	})
}

// FuzzTitleShapedWords holds titleShapedWords to its definition by
// strings.Fields and strings.ContainsAny, for every room from 0 to 11.
func FuzzTitleShapedWords(f *testing.F) {
	for _, s := range []string{"The Thaw", "Who Reads?", "a\u00a0b\u2003c", "A.B", "\xff \xfe", "one two three four five six seven eight nine ten eleven"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fields := strings.Fields(s)
		shaped := !strings.ContainsAny(s, ".!?;") || strings.HasSuffix(s, "?")
		for n := 0; n <= 11; n++ {
			words, got := titleShapedWords(s, make([]string, 0, n))
			if want := len(fields) <= n && shaped; got != want {
				t.Fatalf("titleShapedWords(%q) with room for %d = %v, want %v", s, n, got, want)
			}
			if got && !slices.Equal(words, fields) {
				t.Fatalf("titleShapedWords(%q) split %q, want %q", s, words, fields)
			}
		}
	})
}

// FuzzInCitation holds quoteFacts.inCitation to its definition: some
// citation other than a link or a signal phrase holds the range.
func FuzzInCitation(f *testing.F) {
	f.Add([]byte{3, 9, 1, 5, 12, 20, 4, 8}, 4, 7)
	f.Add([]byte{0, 0, 2, 2}, 2, 2)
	f.Fuzz(func(t *testing.T, spans []byte, start, end int) {
		e := &lint.Essay{}
		for i := 0; i+2 < len(spans); i += 3 {
			kinds := []lint.CitationKind{lint.CitationParenthetical, lint.CitationLink, lint.CitationSignal, lint.CitationNarrative}
			s := int(spans[i])
			e.Citations = append(e.Citations, lint.Citation{Kind: kinds[int(spans[i+2])%len(kinds)], Range: lint.Range{Start: s, End: s + int(spans[i+1])}})
		}
		r := lint.Range{Start: start, End: end}
		want := false
		for _, c := range e.Citations {
			if c.Kind != lint.CitationLink && c.Kind != lint.CitationSignal && c.Start <= r.Start && r.End <= c.End {
				want = true
			}
		}
		facts := &quoteFacts{essay: e}
		if got := facts.inCitation(r); got != want {
			t.Fatalf("inCitation(%v) over %v = %v, want %v", r, e.Citations, got, want)
		}
	})
}

// doubledLoop is mayBeDoubled as a byte-by-byte loop.
func doubledLoop(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ',' && s[i] != '.' {
			continue
		}
		j := i + 1
		for j < len(s) && lint.IsRESpace(s[j]) {
			j++
		}
		if j < len(s) && (s[j] == '.' || s[j] == ',' && s[i] == ',') {
			return true
		}
	}
	return false
}

// wordFoldLoop is hasWordFold as a byte-by-byte loop.
func wordFoldLoop(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// etAlLoop is mayMisspellEtAl as a byte-by-byte loop.
func etAlLoop(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' && s[i] != ',' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
			j++
		}
		if j+1 < len(s) && s[j]|0x20 == 'a' && s[j+1]|0x20 == 'l' {
			return true
		}
	}
	return false
}

// checkScans holds mayBeDoubled, hasWordFold and mayMisspellEtAl, which
// find their marks with IndexByte, to the loops they replaced.
func checkScans(t *testing.T, s string) {
	if got, want := mayMisspellEtAl(s), etAlLoop(s); got != want {
		t.Fatalf("mayMisspellEtAl(%q) = %v, want %v", s, got, want)
	}
	if got, want := mayBeDoubled(s), doubledLoop(s); got != want {
		t.Fatalf("mayBeDoubled(%q) = %v, want %v", s, got, want)
	}
	for _, w := range []string{"", "retrieved", "doi:", "dx.doi.org/", "r", "@x", ":"} {
		if got, want := hasWordFold(s, w), wordFoldLoop(s, w); got != want {
			t.Fatalf("hasWordFold(%q, %q) = %v, want %v", s, w, got, want)
		}
	}
}

var scanPieces = []string{"", "a", "R", "r", "retrieved", "RETRIEVED", "Retrieve", "d", "D", "doi", "DOI:", "doi\x1a", "dx.doi.org/", "DX\x0eDOI.ORG\x0f",
	",", ".", " ", "\t", "\v", ", .", ". .", ",,", "..", "é", "\xff", "x", ":", "/", "@", "al", "AL", "a", "l", "\n", "\r"}

func TestScansMatchTheirLoops(t *testing.T) {
	// Every string of three pieces (the empty one among them).
	p := scanPieces
	for n := range len(p) * len(p) * len(p) {
		checkScans(t, p[n%len(p)]+p[n/len(p)%len(p)]+p[n/len(p)/len(p)])
	}
}

func FuzzScansMatchTheirLoops(f *testing.F) {
	for _, s := range scanPieces {
		f.Add(s)
	}
	f.Fuzz(checkScans)
}

// checkPlainProse holds plainProse to what it claims: when it says a
// quotation is plain prose, neither capsTitle nor titleCase holds of its
// words; and trimQuote to the library calls it stands for.
func checkPlainProse(t *testing.T, s string) {
	if words := strings.Fields(s); plainProse(s) && (capsTitle(words) || titleCase(words)) {
		t.Fatalf("plainProse(%q) says plain prose, but capsTitle = %v and titleCase = %v", s, capsTitle(words), titleCase(words))
	}
	if got, want := trimQuote(s), strings.TrimRight(strings.TrimSpace(s), ",.;: "); got != want {
		t.Fatalf("trimQuote(%q) = %q, want %q", s, got, want)
	}
}

var proseSamples = []struct {
	s     string
	plain bool
}{
	{"Soviet war peasants years letters economy", true},
	{"a season of cautious hope", true},
	{"from above and from a great distance", true},
	{"The Thaw", false},
	{"THE THAW", false},
	{"Ehrenburg's THE THAW", false},
	{"A Room of One's Own", false},
	{"war and the peace", true},
	{"(abcd) Xy", true},
	{"'abc' Xy", false},
	{"a1bc Xy", true},
	{"1abc Xy", false},
	{"Été brûlant des cœurs", false},
	{"season\u00a0of hope", true},
	{"hope\vand despair", true},
	{"", false},
	{"   ", false},
	{"hope,", true},
	{"hopeful", true},
	{"hope 1956", false},
	{"Red Hope", false},
	{"red hope\xff", false},
	{"THE THAW hope", true},
	{"“Freedom” and the thaw", true},
	{"Red\u00a0hope", false},
	{"x-ray vision", true},
	{"a-b", false},
	{"don't Stop", true},
	{"don't stop", true},
	{"Hope\tnew\nworld Order", false},
	{"Hope new world\norder", true},
	{"Hope “néw” world", true},
	{"Thaw 1956s", false},
}

func TestPlainProse(t *testing.T) {
	for _, c := range proseSamples {
		if got := plainProse(c.s); got != c.plain {
			t.Errorf("plainProse(%q) = %v, want %v", c.s, got, c.plain)
		}
		checkPlainProse(t, c.s)
	}
	for _, s := range []string{"", " ", "x ,.;: ", " ,x, ", "\u00a0x:\u00a0", "a ; ;", ",.;:", "x\t,", "é.", "x\xff,"} {
		checkPlainProse(t, s)
	}
}

func FuzzPlainProse(f *testing.F) {
	for _, c := range proseSamples {
		f.Add(c.s)
	}
	f.Fuzz(checkPlainProse)
}

// oldMLAComma is mlaComma without its guard for a text with no comma.
func oldMLAComma(c *lint.Citation) int {
	if len(c.Authors) == 0 || c.Title != "" || c.Locator == "" || c.PageOnly {
		return -1
	}
	at := strings.LastIndex(c.Text, c.Locator)
	if at <= 0 {
		return -1
	}
	before := strings.TrimRight(c.Text[:at], " ")
	if !strings.HasSuffix(before, ",") {
		return -1
	}
	names := strings.TrimRight(before[:len(before)-1], " ")
	last := c.Authors[len(c.Authors)-1]
	if c.EtAl {
		last = "al."
	}
	if !strings.HasSuffix(names, last) && !(c.EtAl && strings.HasSuffix(names, "al")) {
		return -1
	}
	return c.Start + len(before) - 1
}

func checkMLAComma(t *testing.T, text, locator, author string, etAl bool) {
	c := &lint.Citation{Text: text, Locator: locator, Authors: []string{author}, EtAl: etAl, Range: lint.Range{Start: 7}}
	if got, want := mlaComma(c), oldMLAComma(c); got != want {
		t.Fatalf("mlaComma(%q, %q, %q, %v) = %d, want %d", text, locator, author, etAl, got, want)
	}
}

var commaSamples = []struct {
	text, locator, author string
	etAl                  bool
}{
	{"(Freeze, 412)", "412", "Freeze", false},
	{"(Freeze 412)", "412", "Freeze", false},
	{"(Freeze , 412)", "412", "Freeze", false},
	{"(Smith et al., 4)", "4", "Smith", true},
	{"(Smith et al, 4)", "4", "Smith", true},
	{"(Freeze, \"Russia\" 412)", "412", "Freeze", false},
	{"412", "412", "Freeze", false},
	{"(Freeze 412, 413)", "413", "Freeze", false},
	{"", "", "", false},
}

func TestMLAComma(t *testing.T) {
	for _, c := range commaSamples {
		checkMLAComma(t, c.text, c.locator, c.author, c.etAl)
	}
}

func FuzzMLAComma(f *testing.F) {
	for _, c := range commaSamples {
		f.Add(c.text, c.locator, c.author, c.etAl)
	}
	f.Fuzz(checkMLAComma)
}

// oldDirectFirst is directFirst as it was written with two searches.
func oldDirectFirst(en *lint.Entry, head string) bool {
	a := en.Authors[0]
	if a.Given == "" || a.Group {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(head), ",")
	g := strings.Index(first, a.Given)
	f := strings.Index(first, a.Family)
	return g == 0 && f > g
}

func checkDirectFirst(t *testing.T, head, given, family string) {
	en := &lint.Entry{Authors: []lint.Name{{Given: given, Family: family}}}
	if got, want := directFirst(en, head), oldDirectFirst(en, head); got != want {
		t.Fatalf("directFirst(%q, %q %q) = %v, want %v", head, given, family, got, want)
	}
}

var directSamples = [][3]string{
	{"Rowan Haldane.", "Rowan", "Haldane"}, {"Haldane, Rowan.", "Rowan", "Haldane"}, {" Rowan Haldane, and Lee", "Rowan", "Haldane"},
	{"Rowan Rowan", "Rowan", "Rowan"}, {"Rowan", "Rowan", ""}, {"", "", ""}, {"RowanHaldane", "Rowan", "Haldane"}, {"Ro Haldane", "Rowan", "Haldane"},
}

func TestDirectFirst(t *testing.T) {
	for _, c := range directSamples {
		checkDirectFirst(t, c[0], c[1], c[2])
	}
}

func FuzzDirectFirst(f *testing.F) {
	for _, c := range directSamples {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(checkDirectFirst)
}

// checkLeadAndMedium holds titleLead to names.Fold, and namesMedium to the
// four searches it replaced.
func checkLeadAndMedium(t *testing.T, s string) {
	if lead := titleLead(s); lead != 0 {
		if f := names.Fold(s); f == "" || f[0] != lead {
			t.Fatalf("titleLead(%q) = %q, but it folds to %q", s, lead, f)
		}
	}
	want := false
	for _, m := range []string{"Print.", "Web.", "Online.", "Internet."} {
		want = want || strings.Contains(s, m)
	}
	if got := namesMedium(s); got != want {
		t.Fatalf("namesMedium(%q) = %v, want %v", s, got, want)
	}
}

var leadSamples = []string{"", "The Thaw", "'Tis Pity", "“Quoted”", "...and more", "Été", "e\u0301te", "1956", "  x", "Ǆemal", "\u212aelvin", "`x", "Print. Web.", "Smith. Print.", "Web", "x.Online.", "Internet.Internet", "Prin.", "eb."}

func TestLeadAndMedium(t *testing.T) {
	for _, s := range leadSamples {
		checkLeadAndMedium(t, s)
	}
	if titleLead("The Thaw") != 't' || titleLead("'Tis") != 't' || titleLead("Été") != 0 {
		t.Error("titleLead misses a plain lead")
	}
}

func FuzzLeadAndMedium(f *testing.F) {
	for _, s := range leadSamples {
		f.Add(s)
	}
	f.Fuzz(checkLeadAndMedium)
}

// checkDOIGuard holds doiClaims, which skips text without "doi", to
// online.DOIClaims.
func checkDOIGuard(t *testing.T, s string) {
	if got, want := doiClaims(s), online.DOIClaims(s); !slices.Equal(got, want) {
		t.Fatalf("doiClaims(%q) = %v, want %v", s, got, want)
	}
}

var doiSamples = []string{"", "doi:10.1234/x", "DOI: 10.1/2", "https://dx.doi.org/10.1/3", "Doing well, 2009.", "adoi:10.1/x", "d o i", "dOi 10.5/y.", "Freeze, Gregory. Russia. Oxford UP, 2009.", "http://doi.org/10.1/z)", "DO\u0130 10.1/q"}

func TestDOIGuard(t *testing.T) {
	for _, s := range doiSamples {
		checkDOIGuard(t, s)
	}
}

func FuzzDOIGuard(f *testing.F) {
	for _, s := range doiSamples {
		f.Add(s)
	}
	f.Fuzz(checkDOIGuard)
}
