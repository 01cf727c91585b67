package entry

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The word lists as the maps they were, before switches took their place;
// TestWordSwitches holds each switch to its map.

var particlesRef = map[string]bool{
	"von": true, "van": true, "de": true, "da": true, "del": true, "della": true,
	"der": true, "den": true, "di": true, "du": true, "dos": true, "das": true,
	"do": true, "la": true, "le": true, "ter": true, "ten": true, "bin": true,
	"ibn": true, "ben": true, "bint": true, "al": true, "el": true, "zu": true,
	"vom": true, "dei": true, "degli": true, "y": true, "st": true,
}

var suffixesRef = map[string]bool{
	"Jr": true, "Sr": true, "II": true, "III": true, "IV": true, "V": false,
	"jr": true, "sr": true,
}

var notNameWordsRef = map[string]bool{
	"The": true, "A": true, "An": true, "Of": true, "In": true, "On": true,
	"For": true, "And": true, "To": true, "With": true, "From": true,
	"At": true, "By": true, "Is": true, "Are": true, "How": true, "What": true,
	"Why": true, "When": true, "Where": true, "Who": true, "New": true,
	"My": true, "Our": true, "Your": true, "This": true, "That": true,
	"These": true, "Its": true, "Their": true, "His": true, "Her": true,
	"Retrieved": true, "Available": true, "Accessed": true, "Web": true,
	"Print": true, "Vol": true, "No": true, "Pp": true, "Eds": true,
	"Ed": true, "Edited": true, "Trans": true, "Translated": true,
	"Journal": true, "Review": true, "History": true, "Introduction": true,
	"Chapter": true, "Part": true, "Volume": true, "Report": true,
	"Jr": true, "Sr": true, "Et": true, "Al": true,
	"January": true, "February": true, "March": true, "April": true,
	"June": true, "July": true, "August": true, "September": true,
	"October": true, "November": true, "December": true,
}

var groupWordsRef = map[string]bool{
	"Organization": true, "Organisation": true, "Association": true,
	"Institute": true, "Institution": true, "Bureau": true, "Department": true,
	"Society": true, "University": true, "Council": true, "Agency": true,
	"Center": true, "Centre": true, "Foundation": true, "Ministry": true,
	"Commission": true, "Committee": true, "Board": true, "Office": true,
	"Service": true, "Services": true, "Corporation": true, "Inc": true,
	"Ltd": true, "Company": true, "Group": true, "Press": true, "News": true,
	"Labs": true, "Library": true, "Museum": true, "Federation": true,
	"Union": true, "Party": true, "Government": true, "Court": true,
	"Nations": true, "Bank": true, "Fund": true, "Network": true,
	"Times": true, "Post": true, "Institutes": true, "Administration": true,
	"Authority": true, "Alliance": true, "Coalition": true, "Trust": true,
	"Consortium": true, "Panel": true, "Team": true, "Project": true,
	"Collaboration": true, "Academy": true, "College": true, "School": true,
	"Agency's": true, "Congress": true, "Senate": true, "Parliament": true,
	"Secretariat": true, "Initiative": true, "Program": true, "Programme": true,
	"Staff": true, "Editors": true, "Wikipedia": true, "Britannica": true,
	"Encyclopaedia": true, "Encyclopedia": true, "Merriam-Webster": true,
	"Reuters": true, "BBC": true, "CNN": true, "NASA": true, "UNESCO": true,
	"UNICEF": true, "WHO": true, "CDC": true, "NPR": true, "PBS": true,
	"Network's": true, "Laboratory": true, "Laboratories": true,
	"Corp": true, "LLC": true, "Co": true, "Centers": true, "Associates": true,
	"Statistics": true, "Commission's": true, "Research": true,
}

var abbreviationsRef = map[string]bool{
	"vs": true, "St": true, "Dr": true, "Mr": true, "Mrs": true, "Ms": true,
	"Jr": true, "Sr": true, "No": true, "no": true, "Vol": true, "vol": true,
	"ed": true, "eds": true, "Ed": true, "Eds": true, "etc": true, "Inc": true,
	"Co": true, "Ltd": true, "Corp": true, "pp": true, "Rev": true, "Gen": true,
	"Gov": true, "Sen": true, "Rep": true, "Prof": true, "Univ": true,
	"Dept": true, "Ch": true, "Mt": true, "Ft": true, "al": true, "eg": true,
	"ie": true, "cf": true, "approx": true, "trans": true, "Trans": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true,
	"Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true,
	"Nov": true, "Dec": true,
}

var publisherWordsRef = map[string]bool{
	"Press": true, "Publishing": true, "Publishers": true, "Publisher": true,
	"Books": true, "Verlag": true, "Wiley": true, "Springer": true,
	"Elsevier": true, "Routledge": true, "Penguin": true, "Norton": true,
	"Sage": true, "SAGE": true, "House": true, "Macmillan": true,
	"Palgrave": true, "Harper": true, "HarperCollins": true, "Knopf": true,
	"Vintage": true, "Doubleday": true, "Scribner": true, "Houghton": true,
	"Bloomsbury": true, "Blackwell": true, "Pearson": true, "McGraw-Hill": true,
	"Cengage": true, "UP": true, "Random": true, "CRC": true, "Ltd": true,
	"Inc": true, "Editions": true, "Éditions": true, "Guilford": true,
	"Erlbaum": true, "Academic": true, "Taylor": true,
}

var functionWordsRef = map[string]bool{
	"of": true, "for": true, "and": true, "the": true, "on": true, "in": true,
	"&": true, "de": true, "du": true, "des": true, "la": true, "at": true,
	"to": true,
}

var mediaWordsRef = map[string]bool{
	"News": true, "Times": true, "Post": true, "NASA": true, "BBC": true,
	"CNN": true, "NPR": true, "PBS": true, "Reuters": true, "Network": true,
	"Wikipedia": true, "Britannica": true, "Encyclopedia": true,
	"Encyclopaedia": true, "Merriam-Webster": true, "WHO": true, "CDC": true,
	"Project": true, "Team": true, "Staff": true, "Editors": true,
}

// wordSwitches pairs each switch with its reference map.
var wordSwitches = []struct {
	name string
	ref  map[string]bool
	fn   func(string) bool
}{
	{"isParticleWord", particlesRef, isParticleWord},
	{"isSuffixWord", suffixesRef, isSuffixWord},
	{"isNotNameWord", notNameWordsRef, isNotNameWord},
	{"isGroupWord", groupWordsRef, isGroupWord},
	{"isAbbreviation", abbreviationsRef, isAbbreviation},
	{"isPublisherWord", publisherWordsRef, isPublisherWord},
	{"isFunctionWord", functionWordsRef, isFunctionWord},
	{"isMediaWord", mediaWordsRef, isMediaWord},
}

// wordSamples are the words every switch is asked about: all the listed
// words, and each changed in case, cut short or lengthened.
func wordSamples() []string {
	var out []string
	for _, ws := range wordSwitches {
		for w := range ws.ref {
			out = append(out, w, strings.ToLower(w), strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w[1:], w[:len(w)-1], w+"s", w+".", " "+w, w+"’s")
		}
	}
	return append(out, "", " ", "Hosking", "Geoffrey", "UP", "Oxford", "V", "é", "Ünion", "\xff")
}

func checkWordSwitches(t *testing.T, w string) {
	t.Helper()
	for _, ws := range wordSwitches {
		if got, want := ws.fn(w), ws.ref[w]; got != want {
			t.Errorf("%s(%q) = %v, the map says %v", ws.name, w, got, want)
		}
	}
}

func TestWordSwitches(t *testing.T) {
	for _, w := range wordSamples() {
		checkWordSwitches(t, w)
	}
}

func FuzzWordSwitches(f *testing.F) {
	for _, w := range wordSamples() {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		checkWordSwitches(t, w)
		checkCapWord(t, w)
	})
}

// capWordRef is capWord as it was: every rune decoded for the digit test.
func capWordRef(toks []token, i int) bool {
	if i >= len(toks) || toks[i].kind != tWord {
		return false
	}
	t := toks[i].text
	if notNameWordsRef[t] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return strings.HasPrefix(t, "d'") || strings.HasPrefix(t, "d’") ||
			strings.HasPrefix(t, "al-") || strings.HasPrefix(t, "el-")
	}
	for _, c := range t {
		if unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

func checkCapWord(t *testing.T, s string) {
	t.Helper()
	toks := tokenize(s, 400)
	for i := range toks {
		if got, want := capWord(toks, i), capWordRef(toks, i); got != want {
			t.Errorf("capWord of %q in %q = %v, was %v", toks[i].text, s, got, want)
		}
	}
}

func TestCapWordMatchesReference(t *testing.T) {
	for _, w := range wordSamples() {
		checkCapWord(t, w)
	}
	for _, s := range []string{"Ab1", "A١", "Aé1", "É2x", "Ж٣", "Smith3 Jones", "d'Alembert", "al-Hakim", "X\u0663"} {
		checkCapWord(t, s)
	}
	r := rand.New(rand.NewPCG(9, 4))
	for range 20000 {
		checkCapWord(t, randomPieces(r, fieldPieces)+pick(r, []string{"A1", "B٣", "Éa", "x"}))
	}
}
