package entry

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// want lists the fields a case checks; empty strings are checked too, so a
// case says what must stay empty (an authorless entry has no author).
type want struct {
	families  []string // FullFamily of each author
	given     string   // the first author's given name(s), when checked
	etAl      bool
	year      string
	date      string
	title     string
	quoted    bool
	container string
	volume    string
	issue     string
	pages     string
	publisher string
	doi       string
	url       string
	isbn      string
	accessed  string
	style     lint.Style
	bareURL   bool
}

func TestParse(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want want
	}{
		// MLA 9.
		{"mla article", `Okafor, Adaeze. "Salt Roads of the Sahel." Journal of Trade Routes, vol. 6, no. 12, 1954, pp. 3-5.`,
			want{families: []string{"Okafor"}, given: "Adaeze", year: "1954", date: "1954", title: "Salt Roads of the Sahel", quoted: true, container: "Journal of Trade Routes", volume: "6", issue: "12", pages: "3-5", style: lint.StyleMLA}},
		{"mla particle, web, accessed", `von Geldern, James. "The Thaw." Seventeen Moments in Soviet History, 2015, soviethistory.msu.edu/1954-2/the-thaw/. Accessed 20 Oct. 2014.`,
			want{families: []string{"von Geldern"}, given: "James", year: "2015", date: "2015", title: "The Thaw", quoted: true, container: "Seventeen Moments in Soviet History", url: "soviethistory.msu.edu/1954-2/the-thaw/", accessed: "20 Oct. 2014", style: lint.StyleMLA}},
		{"mla two authors, hyphenated", `Martin-Jones, Mary, and Kwame Osei-Bonsu. "Rivers of Ice." Climate Review, vol. 2, no. 1, 2019, pp. 10–20.`,
			want{families: []string{"Martin-Jones", "Osei-Bonsu"}, given: "Mary", year: "2019", date: "2019", title: "Rivers of Ice", quoted: true, container: "Climate Review", volume: "2", issue: "1", pages: "10–20", style: lint.StyleMLA}},
		{"mla et al, doi", `Lindqvist, Karin, et al. "Winter Light in Nordic Painting." Art Quarterly, vol. 14, no. 3, 2021, pp. 201–19, doi:10.5555/aq.2021.143.`,
			want{families: []string{"Lindqvist"}, given: "Karin", etAl: true, year: "2021", date: "2021", title: "Winter Light in Nordic Painting", quoted: true, container: "Art Quarterly", volume: "14", issue: "3", pages: "201–19", doi: "10.5555/aq.2021.143", style: lint.StyleMLA}},
		{"apa date the working copy blanked part of", `the thaw. (2020 *, March*). Title.`,
			want{year: "2020", date: "2020 *, March", title: "the thaw", container: "Title", style: lint.StyleAPA}},
		{"list number without its period before an accented capital", `12 Ébert, Roger. Great Movies. Broadway Books, 2002.`,
			want{families: []string{"Ébert"}, given: "Roger", year: "2002", date: "2002", title: "Great Movies", publisher: "Broadway Books", style: lint.StyleMLA}},
		{"mla book with suffix", `King, Martin Luther, Jr. Letters from the Road. Harper & Row, 1964.`,
			want{families: []string{"King"}, given: "Martin Luther", year: "1964", date: "1964", title: "Letters from the Road", publisher: "Harper & Row", style: lint.StyleMLA}},
		{"mla book, translator, Print", `Ehrenburg, Ilya. The Thaw. Translated by Manya Harari, Harvill Press, 1955. Print.`,
			want{families: []string{"Ehrenburg"}, given: "Ilya", year: "1955", date: "1955", title: "The Thaw", publisher: "Harvill Press", style: lint.StyleMLA}},
		{"mla authorless, title first", `"The Thaw." Seventeen Moments in Soviet History, 1 Jan. 2015, http://soviethistory.msu.edu/1954-2/the-thaw/.`,
			want{year: "2015", date: "1 Jan. 2015", title: "The Thaw", quoted: true, container: "Seventeen Moments in Soviet History", url: "http://soviethistory.msu.edu/1954-2/the-thaw/", style: lint.StyleMLA}},
		{"student: title, website, date, url, no author", `Climate Change and You. NASA, 12 May 2020. https://climate.nasa.gov/you`,
			want{year: "2020", date: "12 May 2020", title: "Climate Change and You", container: "NASA", url: "https://climate.nasa.gov/you", style: lint.StyleUnknown}},
		{"student: list number, wrapped line, Web.", "2. Petrova, Anna. \"Moscow\n  Apartments in 1956.\" Housing History, 2010. Web. 3 Mar. 2016.",
			want{families: []string{"Petrova"}, given: "Anna", year: "2010", date: "2010", title: "Moscow\n  Apartments in 1956", quoted: true, container: "Housing History", accessed: "3 Mar. 2016", style: lint.StyleMLA}},
		{"mla particles de la, van der, isbn-13", `de la Cruz, Juana Inés, and Charles van der Berg. Poems of the Valley. ISBN 978-0-14-303941-8. Penguin Books, 2008.`,
			want{families: []string{"de la Cruz", "van der Berg"}, given: "Juana Inés", year: "2008", date: "2008", title: "Poems of the Valley", publisher: "Penguin Books", isbn: "9780143039418", style: lint.StyleMLA}},
		{"isbn-10 with X", `Tolstoy, L. War and Peace. ISBN 0-14-044793-X`,
			want{families: []string{"Tolstoy"}, given: "L.", title: "War and Peace", isbn: "014044793X"}},

		// APA 7.
		{"apa article", `Nguyen, T. T., & al-Rashid, O. (2021). Water policy in arid regions. Journal of Hydrology, 6(12), 3–5. https://doi.org/10.1016/j.jhydrol.2021.12345`,
			want{families: []string{"Nguyen", "al-Rashid"}, given: "T. T.", year: "2021", date: "2021", title: "Water policy in arid regions", container: "Journal of Hydrology", volume: "6", issue: "12", pages: "3–5", doi: "10.1016/j.jhydrol.2021.12345", style: lint.StyleAPA}},
		{"apa group author, full date", `World Health Organization. (2020, March 3). Coronavirus disease (COVID-19) advice for the public. https://www.who.int/emergencies/advice`,
			want{families: []string{"World Health Organization"}, year: "2020", date: "2020, March 3", title: "Coronavirus disease (COVID-19) advice for the public", url: "https://www.who.int/emergencies/advice", style: lint.StyleAPA}},
		{"apa n.d., site", `American Psychological Association. (n.d.). Publication basics. APA Style. https://apastyle.apa.org/basics`,
			want{families: []string{"American Psychological Association"}, year: "n.d.", date: "n.d.", title: "Publication basics", container: "APA Style", url: "https://apastyle.apa.org/basics", style: lint.StyleAPA}},
		{"apa retrieved, 2009a", `Brown, A. B. (2009a). Learning to cite. Retrieved March 3, 2020, from http://example.com/cite`,
			want{families: []string{"Brown"}, given: "A. B.", year: "2009a", date: "2009a", title: "Learning to cite", url: "http://example.com/cite", accessed: "March 3, 2020", style: lint.StyleAPA}},
		{"apa book with edition", `Okonkwo, C. N. (2018). Rivers and empires (2nd ed.). Lagos University Press.`,
			want{families: []string{"Okonkwo"}, given: "C. N.", year: "2018", date: "2018", title: "Rivers and empires", publisher: "Lagos University Press", style: lint.StyleAPA}},
		{"apa suffix", `Costa, P. T., Jr., & McCrae, R. R. (2013). Personality in adulthood. Guilford Press.`,
			want{families: []string{"Costa", "McCrae"}, given: "P. T.", year: "2013", date: "2013", title: "Personality in adulthood", publisher: "Guilford Press", style: lint.StyleAPA}},

		// Chicago.
		{"chicago bibliography book", `Freeze, Gregory. Russia: A History. New York: Oxford University Press, 1955.`,
			want{families: []string{"Freeze"}, given: "Gregory", year: "1955", date: "1955", title: "Russia: A History", publisher: "Oxford University Press", style: lint.StyleChicago}},
		{"chicago author-date article", `Freeze, Gregory. 2009. "Russia and the Thaw." Slavic Review 6 (12): 3–5.`,
			want{families: []string{"Freeze"}, given: "Gregory", year: "2009", date: "2009", title: "Russia and the Thaw", quoted: true, container: "Slavic Review", volume: "6", issue: "12", pages: "3–5", style: lint.StyleChicago}},
		{"chicago notes-bibliography article", `Halvorsen, Erik, and Maria Santos. "Harbours of the North." Maritime Studies 41 (2016): 77–98.`,
			want{families: []string{"Halvorsen", "Santos"}, given: "Erik", year: "2016", date: "2016", title: "Harbours of the North", quoted: true, container: "Maritime Studies", volume: "41", pages: "77–98", style: lint.StyleChicago}},

		// Harvard.
		{"harvard book", `Freeze, G. (2009) Russia: a history. Oxford: Oxford University Press.`,
			want{families: []string{"Freeze"}, given: "G.", year: "2009", date: "2009", title: "Russia: a history", publisher: "Oxford University Press", style: lint.StyleHarvard}},
		{"harvard article online", `Freeze, G. (2009) 'The Thaw revisited', Slavic Review, 6(12), pp. 3–5. Available at: https://example.org/thaw (Accessed: 20 October 2014).`,
			want{families: []string{"Freeze"}, given: "G.", year: "2009", date: "2009", title: "The Thaw revisited", quoted: true, container: "Slavic Review", volume: "6", issue: "12", pages: "3–5", url: "https://example.org/thaw", accessed: "20 October 2014", style: lint.StyleHarvard}},
		{"harvard et al, apostrophe in title", `Ahmed, S. et al. (2017) 'Stalin's shadow', History Today, 12, pp. 40–45.`,
			want{families: []string{"Ahmed"}, given: "S.", etAl: true, year: "2017", date: "2017", title: "Stalin's shadow", quoted: true, container: "History Today", volume: "12", pages: "40–45", style: lint.StyleHarvard}},

		// Markdown emphasis keeps the italics that plain text loses.
		{"markdown italics, book", `Ehrenburg, Il'ia. *The Thaw*. Translated by Manya Harari, Henry Regnery, 1955.`,
			want{families: []string{"Ehrenburg"}, given: "Il'ia", year: "1955", date: "1955", title: "The Thaw", publisher: "Henry Regnery", style: lint.StyleMLA}},
		{"markdown italics, apa journal", `Osei, K., & Lund, B. (2009). Title in sentence case. *Journal of Things*, *6*(12), 3–5. https://doi.org/10.1234/x`,
			want{families: []string{"Osei", "Lund"}, given: "K.", year: "2009", date: "2009", title: "Title in sentence case", container: "Journal of Things", volume: "6", issue: "12", pages: "3–5", doi: "10.1234/x", style: lint.StyleAPA}},
		{"markdown list item, underscores", `- Smith, Jane. _A Book of Days_. Penguin Books, 2001.`,
			want{families: []string{"Smith"}, given: "Jane", year: "2001", date: "2001", title: "A Book of Days", publisher: "Penguin Books", style: lint.StyleMLA}},

		// Messy shapes.
		{"student: direct-order name with particle", `James von Geldern. "The Thaw." Seventeen Moments in Soviet History. 2015.`,
			want{families: []string{"von Geldern"}, given: "James", year: "2015", date: "2015", title: "The Thaw", quoted: true, container: "Seventeen Moments in Soviet History", style: lint.StyleUnknown}},
		{"student: no periods at all", `von Geldern, James "The Thaw" Seventeen Moments in Soviet History 2015 http://soviethistory.msu.edu/1954-2/the-thaw/`,
			want{families: []string{"von Geldern"}, given: "James", year: "2015", date: "2015", title: "The Thaw", quoted: true, container: "Seventeen Moments in Soviet History", url: "http://soviethistory.msu.edu/1954-2/the-thaw/", style: lint.StyleUnknown}},
		{"student: role after the name", `Okafor, Ngozi, editor. The Dilemmas of Reform. Routledge, 2006.`,
			want{families: []string{"Okafor"}, given: "Ngozi", year: "2006", date: "2006", title: "The Dilemmas of Reform", publisher: "Routledge", style: lint.StyleMLA}},
		{"student: MLA 7 speech with Web access date", `Petrov, Ivan. "Spring Address." 25 Feb. 1956. Web. 12 Oct. 2014.`,
			want{families: []string{"Petrov"}, given: "Ivan", year: "1956", date: "25 Feb. 1956", title: "Spring Address", quoted: true, accessed: "12 Oct. 2014", style: lint.StyleMLA}},
		{"student: decade before the period", `Lindgren, Sofia. Everyday Life: Sweden in the 1930s. Oxford University Press, 1999, pp. 45-67.`,
			want{families: []string{"Lindgren"}, given: "Sofia", year: "1999", date: "1999", title: "Everyday Life: Sweden in the 1930s", publisher: "Oxford University Press", pages: "45-67", style: lint.StyleMLA}},
		{"student: harvard, comma before place", `Taubman, W (2003) Khrushchev: the man and his era, London: Free Press.`,
			want{families: []string{"Taubman"}, given: "W", year: "2003", date: "2003", title: "Khrushchev: the man and his era", publisher: "Free Press", style: lint.StyleHarvard}},
		{"bare url", `https://www.example.com/article/123`,
			want{url: "https://www.example.com/article/123", bareURL: true}},
		{"bare doi url", ` https://doi.org/10.1000/xyz123 `,
			want{doi: "10.1000/xyz123", bareURL: true}},
		{"bracket number", `[3] Freeze, Gregory L. Russia: A History. 3rd ed., Oxford UP, 2009.`,
			want{families: []string{"Freeze"}, given: "Gregory L.", year: "2009", date: "2009", title: "Russia: A History", publisher: "Oxford UP", style: lint.StyleMLA}},
		{"title-first web page, possessive", `Stalin's Russia. History Today, 2012. www.historytoday.com/stalin`,
			want{year: "2012", date: "2012", title: "Stalin's Russia", container: "History Today", url: "www.historytoday.com/stalin", style: lint.StyleMLA}},
		{"vancouver names", `Martin WF, Garg S, Zimorski V. 2015. Endosymbiotic theories. Philos Trans R Soc B 370:20140330.`,
			want{families: []string{"Martin", "Garg", "Zimorski"}, given: "WF", year: "2015", date: "2015", title: "Endosymbiotic theories", container: "Philos Trans R Soc B", volume: "370", pages: "20140330", style: lint.StyleChicago}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := Parse(c.in)
			var fams []string
			for _, n := range e.Authors {
				fams = append(fams, n.FullFamily())
			}
			assert.Equal(t, c.want.families, fams, "authors")
			if c.want.given != "" && len(e.Authors) > 0 {
				assert.Equal(t, c.want.given, e.Authors[0].Given, "given")
			}
			assert.Equal(t, c.want.etAl, e.EtAl, "et al.")
			assert.Equal(t, c.want.year, e.Year, "year")
			assert.Equal(t, c.want.date, e.Date, "date")
			assert.Equal(t, collapseSpace(c.want.title), e.Title, "title")
			assert.Equal(t, c.want.quoted, e.TitleQuoted, "title quoted")
			assert.Equal(t, c.want.container, e.Container, "container")
			assert.Equal(t, c.want.volume, e.Volume, "volume")
			assert.Equal(t, c.want.issue, e.Issue, "issue")
			assert.Equal(t, c.want.pages, e.Pages, "pages")
			assert.Equal(t, c.want.publisher, e.Publisher, "publisher")
			assert.Equal(t, c.want.doi, e.DOI, "doi")
			assert.Equal(t, c.want.url, e.URL, "url")
			assert.Equal(t, c.want.isbn, e.ISBN, "isbn")
			assert.Equal(t, c.want.accessed, e.Accessed, "accessed")
			assert.Equal(t, c.want.bareURL, e.BareURL, "bare URL")
			if c.want.style != "" || c.want.bareURL {
				assert.Equal(t, c.want.style, e.Style, "style")
			}
			if e.Title != "" {
				// The range points at the title as written (wrapping kept).
				assert.Equal(t, c.want.title, c.in[e.TitleRange.Start:e.TitleRange.End], "title range")
			}
		})
	}
}

func TestRepeatsAuthor(t *testing.T) {
	assert.True(t, RepeatsAuthor(`———. "Another Title." Journal, 2012.`))
	assert.True(t, RepeatsAuthor(`3. ---. Another Book. Press, 2012.`))
	assert.False(t, RepeatsAuthor(`Okafor, Adaeze. Salt Roads. Press, 2001.`))
	e := Parse(`———. "Another Title." Journal of Things, vol. 2, 2012.`)
	assert.Empty(t, e.Authors)
	assert.Equal(t, "Another Title", e.Title)
	assert.Equal(t, "Journal of Things", e.Container)
}

func TestTitleItalic(t *testing.T) {
	e := Parse(`Ehrenburg, Il'ia. *The Thaw*. Henry Regnery, 1955.`)
	assert.True(t, e.TitleItalic)
	assert.False(t, e.TitleQuoted)
	e = Parse(`von Geldern, James. "The Thaw." *Seventeen Moments*, 2015.`)
	assert.False(t, e.TitleItalic)
	assert.True(t, e.TitleQuoted)
	assert.Equal(t, "Seventeen Moments", e.Container)
	e = Parse(`Lee, Ann. Plain_text_title. Press, 2001.`)
	assert.Equal(t, "Plain_text_title", e.Title)
}

func TestParseNames(t *testing.T) {
	cases := []struct {
		in   string
		want []lint.Name
	}{
		{"von Geldern, James", []lint.Name{{Family: "Geldern", Given: "James", Particle: "von"}}},
		{"Geldern, James von", []lint.Name{{Family: "Geldern", Given: "James", Particle: "von"}}},
		{"da Silva, J.-P., & bin Laden, Omar", []lint.Name{{Family: "Silva", Given: "J.-P.", Particle: "da"}, {Family: "Laden", Given: "Omar", Particle: "bin"}}},
		{"Bae, E., V. C. Calhoun, and R. A. Drewell", []lint.Name{{Family: "Bae", Given: "E."}, {Family: "Calhoun", Given: "V. C."}, {Family: "Drewell", Given: "R. A."}}},
		{"Santiago, J., III", []lint.Name{{Family: "Santiago", Given: "J.", Suffix: "III"}}},
		{"Sinninghe Damsté JS, Schouten S", []lint.Name{{Family: "Sinninghe Damsté", Given: "JS"}, {Family: "Schouten", Given: "S"}}},
		{"O'Brien-Smith, Siobhan", []lint.Name{{Family: "O'Brien-Smith", Given: "Siobhan"}}},
		{"World Health Organization", []lint.Name{{Family: "World Health Organization", Group: true}}},
		{"The Thaw", nil},
		{"Climate Change", nil},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, ParseNames(c.in), c.in)
	}
}

func TestDetectStyle(t *testing.T) {
	mk := func(styles ...lint.Style) []lint.Entry {
		var es []lint.Entry
		for _, s := range styles {
			es = append(es, lint.Entry{Style: s})
		}
		return es
	}
	assert.Equal(t, lint.StyleUnknown, DetectStyle(nil))
	assert.Equal(t, lint.StyleUnknown, DetectStyle(mk(lint.StyleUnknown, lint.StyleUnknown)))
	assert.Equal(t, lint.StyleAPA, DetectStyle(mk(lint.StyleMLA, lint.StyleAPA, lint.StyleAPA, lint.StyleUnknown)))
	// A tie goes to the style seen first.
	assert.Equal(t, lint.StyleHarvard, DetectStyle(mk(lint.StyleUnknown, lint.StyleHarvard, lint.StyleAPA)))
	assert.Equal(t, lint.StyleChicago, DetectStyle(mk(lint.StyleChicago, lint.StyleMLA, lint.StyleMLA, lint.StyleChicago)))

	var parsed []lint.Entry
	for _, s := range []string{
		`Okafor, Adaeze. "Salt Roads of the Sahel." Journal of Trade Routes, vol. 6, no. 12, 1954, pp. 3-5.`,
		`"The Thaw." Seventeen Moments in Soviet History, 1 Jan. 2015, http://soviethistory.msu.edu/1954-2/the-thaw/.`,
		`Brown, A. B. (2009a). Learning to cite. Retrieved March 3, 2020, from http://example.com/cite`,
		`https://www.example.com/article/123`,
	} {
		parsed = append(parsed, Parse(s))
	}
	assert.Equal(t, lint.StyleMLA, DetectStyle(parsed))
}

func TestIsReferenceShaped(t *testing.T) {
	yes := []string{
		`Okafor, Adaeze. "Salt Roads of the Sahel." Journal of Trade Routes, vol. 6, no. 12, 1954, pp. 3-5.`,
		`von Geldern, James. "The Thaw." Seventeen Moments in Soviet History, 2015. Accessed 20 Oct. 2014.`,
		`"The Thaw." Seventeen Moments in Soviet History, 1 Jan. 2015, http://soviethistory.msu.edu/1954-2/the-thaw/.`,
		`Nguyen, T. T., & al-Rashid, O. (2021). Water policy in arid regions. Journal of Hydrology, 6(12), 3–5.`,
		`Freeze, Gregory. Russia: A History. New York: Oxford University Press, 1955.`,
		`Freeze, G. (2009) Russia: a history. Oxford: Oxford University Press.`,
		`https://www.example.com/article/123`,
		`World Health Organization. (2020, March 3). Coronavirus advice for the public. https://www.who.int/advice`,
		`Climate Change and You. NASA, 12 May 2020. https://climate.nasa.gov/you`,
		`"Khrushchev's Secret Speech." Seventeen Moments in Soviet History, 2015.`,
		`Ehrenburg, Ilya. The Thaw. Chicago: Regnery, 1955.`,
		`Taubman, William. Khrushchev: The Man and His Era. Norton, 2003.`,
		`www.soviethistory.msu.edu`,
	}
	no := []string{
		`Freeze (2009) argues that the Thaw was a period of cautious relaxation after Stalin's death.`,
		`According to von Geldern, the novel gave the period its name, and readers argued about it for years.`,
		`In The Thaw, Ehrenburg describes a town in which people are slowly learning to speak freely again.`,
		`The Thaw was a short period, but it changed how Soviet writers thought about their work.`,
		`As Smith, Jones, and Lee (2019) show, the policy was not popular with the farmers who had to follow it.`,
		`I think that this essay shows why the Thaw matters, because it was the first time that many people could speak.`,
		`The novel, as Jones (2018) notes, reflects "a society waiting for spring" (p. 12).`,
		`According to the World Health Organization (2020), vaccines save millions of lives each year.`,
		`Khrushchev's "Secret Speech," delivered on 25 February 1956, shocked the delegates (Freeze 412).`,
		`Stalin died in March 1953. His successors moved quickly to dismantle parts of the Gulag system.`,
		`For more information, see https://www.example.com/thaw-history.`,
		`Works Cited`,
		`Conclusion`,
		``,
	}
	for _, s := range yes {
		assert.True(t, IsReferenceShaped(s), s)
	}
	for _, s := range no {
		assert.False(t, IsReferenceShaped(s), s)
	}
}

// TestParseNeverInventsAuthorFromTitle guards the rule that an authorless
// entry keeps Authors empty.
func TestParseNeverInventsAuthorFromTitle(t *testing.T) {
	for _, s := range []string{
		`The Thaw. Seventeen Moments in Soviet History, 2015.`,
		`Soviet Housing Reform. Moscow Times, 4 Apr. 2011. https://themoscowtimes.com/x`,
		`"Khrushchev's Secret Speech." History Channel, 2019.`,
		`Climate Change. NASA, 2020.`,
	} {
		e := Parse(s)
		require.Empty(t, e.Authors, s)
		require.NotEmpty(t, e.Title, s)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`von Geldern, James. "The Thaw." Seventeen Moments in Soviet History, 2015. Accessed 20 Oct. 2014.`,
		`Nguyen, T. T., & al-Rashid, O. (2021). Water policy. Journal, 6(12), 3–5. https://doi.org/10.1016/j.x`,
		`Freeze, G. (2009) 'The Thaw', Slavic Review, 6(12), pp. 3–5. Available at: https://x.org (Accessed: 20 October 2014).`,
		`[3] “Title” ‘nested’ (n.d.) ——— . ISBN 0-14-044793-X`,
		"1.\n\"",
		`(`,
		`A.-`,
		`the thaw. (2020 *, March*). Title.`,
		`12 Ébert, Roger. Great Movies. Broadway Books, 2002.`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Parse(s)
		if e.TitleRange.Start < 0 || e.TitleRange.End > len(s) || e.TitleRange.Start > e.TitleRange.End {
			t.Fatalf("title range %v outside %d bytes", e.TitleRange, len(s))
		}
		if e.Title != "" && utf8.ValidString(s) && !utf8.ValidString(s[e.TitleRange.Start:e.TitleRange.End]) {
			t.Fatalf("title range %v splits a rune in %q", e.TitleRange, s)
		}
		if utf8.ValidString(s) {
			for _, a := range e.Authors {
				if !utf8.ValidString(a.Family + a.Given + a.Particle + a.Suffix) {
					t.Fatalf("author %+v of %q splits a rune", a, s)
				}
			}
			for _, f := range []string{e.Title, e.Container, e.Publisher, e.Year, e.Date} {
				if !utf8.ValidString(f) {
					t.Fatalf("field %q of %q splits a rune", f, s)
				}
			}
		}
		_ = IsReferenceShaped(s)
	})
}

// BenchmarkParse reports entries parsed per second over a mix of styles.
func BenchmarkParse(b *testing.B) {
	entries := []string{
		`Okafor, Adaeze. "Salt Roads of the Sahel." Journal of Trade Routes, vol. 6, no. 12, 1954, pp. 3-5.`,
		`von Geldern, James. "The Thaw." Seventeen Moments in Soviet History, 2015, soviethistory.msu.edu/1954-2/the-thaw/. Accessed 20 Oct. 2014.`,
		`Nguyen, T. T., & al-Rashid, O. (2021). Water policy in arid regions. Journal of Hydrology, 6(12), 3–5. https://doi.org/10.1016/j.jhydrol.2021.12345`,
		`World Health Organization. (2020, March 3). Coronavirus disease (COVID-19) advice for the public. https://www.who.int/emergencies/advice`,
		`Freeze, Gregory. 2009. "Russia and the Thaw." Slavic Review 6 (12): 3–5.`,
		`Freeze, Gregory. Russia: A History. New York: Oxford University Press, 1955.`,
		`Freeze, G. (2009) 'The Thaw revisited', Slavic Review, 6(12), pp. 3–5. Available at: https://example.org/thaw (Accessed: 20 October 2014).`,
		`Climate Change and You. NASA, 12 May 2020. https://climate.nasa.gov/you`,
		`"Khrushchev's Secret Speech." Seventeen Moments in Soviet History, 2015.`,
		`Ehrenburg, Ilya. The Thaw. Chicago: Regnery, 1955.`,
		`Taubman, William. Khrushchev: The Man and His Era. Norton, 2003.`,
		`www.soviethistory.msu.edu`,
	}
	bytes := 0
	for _, e := range entries {
		bytes += len(e)
	}
	b.SetBytes(int64(bytes / len(entries)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Parse(entries[i%len(entries)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

// TestTitleRangeAfterListNumber checks offsets survive the blanked prefix.
func TestTitleRangeAfterListNumber(t *testing.T) {
	s := "  12. Okafor, Adaeze. \"Salt Roads.\" Trade, 2001."
	e := Parse(s)
	require.Equal(t, "Salt Roads", e.Title)
	assert.Equal(t, strings.Index(s, "Salt"), e.TitleRange.Start)
}
