package entry

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

// The expressions the scanners of scan.go stand in for. Each scanner must
// find what its expression finds, at the same offsets.
var (
	reDateText   = regexp.MustCompile(datePattern)
	reDateTextCI = regexp.MustCompile(`(?i)` + datePattern)
	reDateOnly   = regexp.MustCompile(`^(?:` + datePattern + `)$`)
	reAccessed   = regexp.MustCompile(`(?i)[(\[]?\b(?:last\s+)?(?:accessed|viewed|consulted|cited)(?:\s+on)?\s*:?\s*(` + datePattern + `)[)\]]?\.?`)
	reYearLead   = regexp.MustCompile(`^\d{4}[a-z]?`)
	rePlacePub   = regexp.MustCompile(`^([\p{L}][\p{L} .,'’-]{1,40}?):\s+(\S.*)$`)
	reAPAVol     = regexp.MustCompile(`^\s*[,.]?\s*(\d+)\s*(?:\(([^)]{1,20})\))?\s*(?:,\s*((?:[A-Za-z]?\d+[A-Za-z]?)(?:\s*[–—-]\s*[A-Za-z]?\d+[A-Za-z]?)?))?(?:[,.;]|\s*$)`)
	reBareDomain = regexp.MustCompile(`\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|edu|gov|net|int|info|io|co\.uk|ac\.uk|org\.uk|gov\.uk|ca|au|de|fr|ru|su|ua|us)(?:/[^\s<>"]*)?`)
	reAvailable  = regexp.MustCompile(`(?i)\bavailable\s+(?:at|from|online)\b\s*:?`)
	reBareNumber = regexp.MustCompile(`^\s*\d{1,3}\s+\p{Lu}`)
	reFindParen  = regexp.MustCompile(`\(\s*(?:\d{4}[a-z]?(?:\s*[,/–-]\s*[^()]{0,40}?)?|(?i:n\.\s?d\.|in press|forthcoming))\s*\)`)
	reBareDate   = regexp.MustCompile(`^(\d{4}[a-z]?(?:\s*[–-]\s*(?:\d{4})?)?|(?i:n\.\s?d\.|forthcoming|in press))(?:[.,]|\s|$)`)
	reReprint    = regexp.MustCompile(`^\s+(\d{4}[a-z]?)\.`)
	reVol        = regexp.MustCompile(`(?i)\bvol(?:ume)?\.?\s*(\d+[A-Za-z]?|[IVXLC]+)\b`)
	reIssue      = regexp.MustCompile(`(?i)\b(?:no|nos|iss|issue)\.?\s*(\d+(?:\s*[–/-]\s*\d+)?)\b`)
	rePages      = regexp.MustCompile(`\bpp?\.\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[–—-]\s*[A-Za-z]?\d+[A-Za-z]?)?)`)
	reInPrefix   = regexp.MustCompile(`^(?i:in)\s*:?\s+`)
	reYearOnly   = regexp.MustCompile(`^\s*,\s*\d{4}[a-z]?\s*\.?\s*$`)
	// MLA 7's medium of publication stands alone between periods.
	reMedium  = regexp.MustCompile(`(?:^|[.,]\s+)((?:Print|Web|Online|Film|Television|Radio|DVD|CD)\.)(?:\s|$)`)
	reTailPub = regexp.MustCompile(`(?:^|[.,]\s+)(\p{Lu}[\p{L} .'’-]{1,40}?):\s*(\p{Lu}[^,:;]{1,80}?)(?:,\s*(?:\d{4}|n\.d\.)|\.\s|\.?\s*$)`)
	reNBYear  = regexp.MustCompile(`\b\d+\w*(?:,\s*(?i:nos?|issue)\.?\s*[^()]{1,12})?\s*\((?:[A-Z][a-z]+\.?\s+)?(\d{4})\)\s*(?::|\.|,|$)`)
	reEditors = regexp.MustCompile(`^[^()]{1,200}?\((?i:eds?|editors?|hrsg)\.?\)\s*,?\s*`)
	reChiVol  = regexp.MustCompile(`^,?\s*(\d+)(?:\s*,?\s*no\.\s*(\w+))?\s*(?:\(([^)]{1,30})\))?\s*(?::\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[–—-]\s*[A-Za-z]?\d+[A-Za-z]?)?))?`)
)

// scanned pairs each scanner with its expression; both say what they find
// as text, which must be the same.
var scanned = []struct {
	name     string
	re, scan func(string) string
}{
	{"findDate", func(s string) string { return fmt.Sprint(reDateText.FindStringIndex(s)) }, func(s string) string {
		return offsets(findDate(s, false))
	}},
	{"findDate(fold)", func(s string) string { return fmt.Sprint(reDateTextCI.FindStringIndex(s)) }, func(s string) string {
		return offsets(findDate(s, true))
	}},
	{"dateAt(0) == len", func(s string) string { return fmt.Sprint(reDateOnly.MatchString(s)) }, func(s string) string {
		return fmt.Sprint(s != "" && dateAt(s, 0, false) == len(s))
	}},
	{"nextAccessed", func(s string) string { return fmt.Sprint(reAccessed.FindAllStringSubmatchIndex(s, -1)) }, func(s string) string {
		var out [][]int
		for m, ok := nextAccessed(s, 0); ok; m, ok = nextAccessed(s, m[1]) {
			out = append(out, m[:])
		}
		return fmt.Sprint(out)
	}},
	{"nextMedium", func(s string) string { return fmt.Sprint(reMedium.FindAllStringSubmatchIndex(s, -1)) }, func(s string) string {
		var out [][]int
		for m, ok := nextMedium(s, 0); ok; m, ok = nextMedium(s, m[1]) {
			out = append(out, m[:])
		}
		return fmt.Sprint(out)
	}},
	{"tailPub", func(s string) string { return fmt.Sprintf("%q", reSubmatches(reTailPub, s)) }, func(s string) string {
		if place, pub, ok := tailPub(s); ok {
			return fmt.Sprintf("%q", []string{place, pub})
		}
		return fmt.Sprintf("%q", []string(nil))
	}},
	{"nbYear", func(s string) string { return fmt.Sprintf("%q", reSubmatches(reNBYear, s)) }, func(s string) string {
		return found(nbYear(s))
	}},
	{"editorsEnd", func(s string) string {
		if m := reEditors.FindStringIndex(s); m != nil {
			return fmt.Sprint(m[1])
		}
		return "-1"
	}, func(s string) string { return fmt.Sprint(editorsEnd(s)) }},
	{"containerStop", func(s string) string { return fmt.Sprint(containerStopByte(s)) }, func(s string) string { return fmt.Sprint(containerStop(s)) }},
	{"containsFoldASCII", func(s string) string {
		return fmt.Sprint(containsFoldByte(s, "vol"), containsFoldByte(s, "no"), containsFoldByte(s, "iss"))
	}, func(s string) string {
		return fmt.Sprint(containsFoldASCII(s, "vol"), containsFoldASCII(s, "no"), containsFoldASCII(s, "iss"))
	}},
	{"yearLead", func(s string) string { return reYearLead.FindString(s) }, yearLead},
	{"placePub", func(s string) string { return fmt.Sprintf("%q", reSubmatches(rePlacePub, s)) }, func(s string) string {
		if place, pub, ok := placePub(s); ok {
			return fmt.Sprintf("%q", []string{place, pub})
		}
		return fmt.Sprintf("%q", []string(nil))
	}},
	{"apaVol", func(s string) string { return fmt.Sprintf("%q", reSubmatches(reAPAVol, s)) }, func(s string) string {
		if vol, issue, pages, ok := apaVol(s); ok {
			return fmt.Sprintf("%q", []string{vol, issue, pages})
		}
		return fmt.Sprintf("%q", []string(nil))
	}},
	{"chiVol", func(s string) string { return fmt.Sprintf("%q", reSubmatches(reChiVol, s)) }, func(s string) string {
		if vol, issue, paren, pages, ok := chiVol(s); ok {
			return fmt.Sprintf("%q", []string{vol, issue, paren, pages})
		}
		return fmt.Sprintf("%q", []string(nil))
	}},
	{"findBareDomain", func(s string) string { return fmt.Sprint(reBareDomain.FindStringIndex(s)) }, func(s string) string {
		return offsets(findBareDomain(s))
	}},
	{"nextAvailable", func(s string) string { return fmt.Sprint(reAvailable.FindAllStringIndex(s, -1)) }, func(s string) string {
		var out [][]int
		for a, b, ok := nextAvailable(s, 0); ok; a, b, ok = nextAvailable(s, b) {
			out = append(out, []int{a, b})
		}
		return fmt.Sprint(out)
	}},
	{"listNumber", func(s string) string { return fmt.Sprint(reListNumber().FindStringIndex(s)) }, func(s string) string {
		return offsets(0, listNumber(s))
	}},
	{"bareNumber", func(s string) string { return fmt.Sprint(reBareNumber.FindStringIndex(s)) }, func(s string) string {
		return offsets(0, bareNumber(s))
	}},
	{"parenDateAt", func(s string) string {
		if m := reParenDate().FindStringSubmatchIndex(s); m != nil {
			return fmt.Sprint(m[2], m[3], m[1])
		}
		return "no"
	}, func(s string) string {
		if start, end, closed, ok := parenDateAt(s, 0, true); ok {
			return fmt.Sprint(start, end, closed)
		}
		return "no"
	}},
	{"findParenDate", func(s string) string { return fmt.Sprint(reFindParen.FindStringIndex(s)) }, func(s string) string {
		return offsets(findParenDate(s))
	}},
	{"bareDate", func(s string) string {
		if m := reBareDate.FindStringSubmatchIndex(s); m != nil {
			return fmt.Sprint(m[3])
		}
		return "-1"
	}, func(s string) string { return fmt.Sprint(bareDate(s)) }},
	{"reprintYear", func(s string) string {
		if m := reReprint.FindStringSubmatchIndex(s); m != nil {
			return fmt.Sprint(m[2], m[3])
		}
		return "-1 -1"
	}, func(s string) string { return fmt.Sprint(reprintYear(s)) }},
	{"findVol", func(s string) string { return fmt.Sprintf("%q", reSubmatches(reVol, s)) }, func(s string) string {
		return found(findVol(s))
	}},
	{"findIssue", func(s string) string { return fmt.Sprintf("%q", reSubmatches(reIssue, s)) }, func(s string) string {
		return found(findIssue(s))
	}},
	{"findPages", func(s string) string { return fmt.Sprintf("%q", reSubmatches(rePages, s)) }, func(s string) string {
		return found(findPages(s))
	}},
	{"hasMonthOrSlash", func(s string) string {
		return fmt.Sprint(strings.ContainsAny(s, "/-") || slices.ContainsFunc(monthStems, func(m string) bool { return strings.Contains(s, m) }))
	}, func(s string) string { return fmt.Sprint(hasMonthOrSlash(s)) }},
	{"keywordsIn", func(s string) string {
		lower := asciiLower(s)
		var kw keywords
		for k, words := range map[keywords][]string{
			kwISBN: {"isbn"}, kwRetrieved: {"retrieved"}, kwAccessed: {"accessed", "viewed", "consulted", "cited"},
			kwAvailable: {"available"}, kwBracket: {"["}, kwWeb: {"web."},
			kwMedium: {"print.", "web.", "online.", "film.", "television.", "radio.", "dvd.", "cd."},
		} {
			if slices.ContainsFunc(words, func(w string) bool { return strings.Contains(lower, w) }) {
				kw |= k
			}
		}
		return fmt.Sprint(kw)
	}, func(s string) string { return fmt.Sprint(keywordsIn(asciiLower(s))) }},
	{"inPrefix", func(s string) string { return fmt.Sprint(reInPrefix.FindStringIndex(s)) }, func(s string) string {
		return offsets(0, inPrefix(s))
	}},
	{"yearOnlyTail", func(s string) string { return fmt.Sprint(reYearOnly.MatchString(s)) }, func(s string) string {
		return fmt.Sprint(yearOnlyTail(s))
	}},
	{"containsFoldASCII", func(s string) string {
		return fmt.Sprint(strings.Contains(asciiLower(s), "vol"), strings.Contains(asciiLower(s), "no"))
	}, func(s string) string { return fmt.Sprint(containsFoldASCII(s, "vol"), containsFoldASCII(s, "no")) }},
	{"isProseWord", func(s string) string {
		return fmt.Sprint(proseWords[strings.ToLower(strings.Trim(s, ".,;:!?()\"'“”‘’"))])
	}, func(s string) string { return fmt.Sprint(isProseWord(strings.TrimFunc(s, isProsePunct))) }},
	{"asciiLower", func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}, asciiLower},
	{"chiVolMay", func(s string) string { return fmt.Sprint(reChiVol.MatchString(s)) }, func(s string) string {
		return fmt.Sprint(chiVolMay(s))
	}},
}

// reSubmatches is what the groups of re capture in s, or nil.
func reSubmatches(re *regexp.Regexp, s string) []string {
	if m := re.FindStringSubmatch(s); m != nil {
		return m[1:]
	}
	return nil
}

// found is what a scanner that finds a string says: the string, or nil.
func found(s string, ok bool) string {
	if !ok {
		return fmt.Sprintf("%q", []string(nil))
	}
	return fmt.Sprintf("%q", []string{s})
}

func offsets(a, b int) string {
	if a < 0 || b < 0 {
		return fmt.Sprint([]int(nil))
	}
	return fmt.Sprint([]int{a, b})
}

func checkScanners(t *testing.T, s string) {
	for _, sc := range scanned {
		if want, got := sc.re(s), sc.scan(s); want != got {
			t.Fatalf("%s(%q) = %v; the expression finds %v", sc.name, s, got, want)
		}
	}
}

var scanSamples = []string{
	"", "20 Oct. 2014", "March 3, 2020", "2014-10-20", "10/20/2014", "October 2014", "Sept. 2019", "Sepember 2019",
	"September 2019", "Septe 2019", "3rd March, 2020", "1st  Jan 2000", "123 May 2014", "May 20145", "12/3/20145",
	"2014-1-2", "12014-10-200", "June 2014", "Jun 2014", "Junee 2014", "May 3rd, 2014", "May 33rd, 2014", "May 333 2014",
	"1/2/3", "1/22/33", "accessed 20 Oct. 2014", "(Accessed: 20 October 2014).", "[viewed on 3 March 2019]",
	"last accessed on 12 may 2014", "Last Accessed 2014-01-02", "lastaccessed 3 May 2014", "xaccessed 3 May 2014",
	"accessed online 2014", "accessed on2014-01-02", "acceſſed 3 ſeptember 2014", "cited 1ſt auguſt 2014",
	"Accessed 20 Oct. 2014. Accessed 21 Oct. 2014.", "((accessed 1 May 2000)", "consulted:  4 JUN. 2001",
	"Web. 12 Oct. 2014", "Oct. 12, 2014", "Nov 12th 2014", "12 Nov., 2014", "Dec.\n2014", "May\t1,\f2014",
	"2009a", "2009", "209", "20091", ", 6(12), 3–5.", ", 6(12), 3–5", ". 12 (3), e1234", ", 6 (12), pp. 3", " 6(12)x", ", 6, 3a-4b;",
	"6 (12): 3–5", "99 (2002): 16847", "52: 485", ", 54, no. 3 (2004): 157", "7, no.x", "8 (this holds well over thirty runes ok): 9",
	"New York: Norton", "São Paulo: Ed.", "O'Brien: \n", "York:Norton", "1York: x", "A: b", ":x",
	"Journal, 54, nos. Pt 1 (2004): 157", "57 (2008): 101", "6 (Spring 2004).", "(1999)", "x 12 (Jan. 2004)",
	"soviethistory.msu.edu/1954-2/the-thaw/.", "www.bbc.co.uk/news", "x.org.uk", "a.commerce", "Example.com", "a-b.c", "a..com",
	"x-ample.com/a<b", "e.info", "e.int", "1.io/é\"x", "see history.com.", "a.b.c.d.ru", "Available at: x", "available\tonline:",
	"Available from", "available atx", "unavailable at", "12. Smith", "[3] x", "(12)x", "1234. x", "- x", "• x", "•x", "  *\t",
	"33 Bergk", "1234 Bergk", "3 élan", "3 Élan", "(2009)", "(2009a).", "( 2020, March 3 )", "(n.d.)", "(N. D.)", "(n.d.-b)",
	"(in press)", "(In Preſſ)", "(forthcoming)", "(s.d.)", "(no date)", "([1970] 1990)", "([Film])", "(2020, (x))",
	"(2020 – 2021)", "(2020/21)", "(2020-)", "(20201)", "(2020, a very long date that goes well past forty runes of text)",
	"2009. ", "2009a,", "2009–2010.", "2009 - x", "2009 -x", "2009 - 20101", "2009-", "n.d.", "N. d.,", "forthcoming.",
	"in press", " 1972.", " 1972a.", "\t1972b", "1972.",
	"vol. 6", "Vol.12a", "volume 3", "VOLUME IV.", "vol 3ſ.", "vol 3ſa", "vol 3K", "vol. 3b2", "evol. 3", "vol.iv", "vol. xiv2",
	"no. 12", "nos. 3–4", "No 3/4", "iss. 5", "Issue 5-6b", "iſſue 7", "no.12a", "No. 3 - 4.", "pp. 3–5", "p. 12", "pp.e12",
	"pp. A3-A5", "pp. 3 - x", "app. 3", "p.x p. 4", "Print. Web. ISBN [online] dvd. cd. television. film. radio. online.",
	"viewed Cited consulted AVAILABLE Retrieved", "JAN", "jAN", "Jan", "jan", "JaN", "Sep", "sept",
	"In ", "in:  x", "IN :x", "in:x", "In", "inx", "In\t: \tThe", ", 1955.", " , 1955a . ", ",1955x", ", 19555.", ", 1955.\n",
	"Print.", "Print. Web.", "Print.\tWeb. ", "x. Print. Web. Online.", "x, CD.", "x,CD. ", "x.  DVD.\n", "x. DVD.x", "Web.Film.",
	"x. Television. Radio.", "x. Televisio.", "x.\fFilm.", "x.\vFilm.", ". Print. . Web.", ", , Online. ", "Printed.", "x. PRINT.",
	"(2020) Global deposit book 2020. Brussels: Reloop Platform.   ", " Maritime History Review 7 (2): 5–29.   .",
	"Brussels: Reloop Platform", "Title. New York: Norton, 1995.", "Title, London:  Free Press, n.d.", ". Paris:Seuil. x",
	"Title.  São Paulo: Édições Loyola.", "x. A: B", "x. AB: C", "x. A:B.\t", "x. O’Brien's-Place: Pub; x", ". Ab: Cd, 199",
	"x. Ab: Cd,  2001", "x. Ab: Cd., 2001", "x. Ab: Cd.x. ", "x. Ab: \xffCd. ", "x. Ab1: Cd. ", "x.Ab: Cd. ", ",\n\fAb: Cd",
	"x. Abcdefghijklmnopqrstuvwxyzabcdefghijklmno: Cd.", "x. Abcdefghijklmnopqrstuvwxyzabcdefghijklmn: Cd.",
	"x. Ab: Cdddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd.", "Ab: ſ. Cd: Ef.  ",
	"(2021)   ", ", Science, 347(6223), pp. 768–771.", "54, nos. Pt 1 (2004): 157", "54, nos(2004):", "54, no(2004):",
	"54, noſ. (2004).", "54, ISSUE. 3 (2004)", "54, iſſue 3 (2004)", "54,no. 123456789012 (2004)", "54, no. 1234567890123 (2004)",
	"54, no.  x   (2004),", "54, no. x) (2004)", "x54 (2004):", "_54 (2004):", "é54 (2004):", "54a_b (Spring 2004).",
	"54 (Spring. 2004)", "54 (Spring.2004)", "54 (S 2004)", "54 (2004) x", "54 (2004)\t:", "54 (20045):", "54 (204):", "5 6 (1999)",
	"54, Nos.\n(2004)", "54, no", "54, no (2004", "54 ((2004))", "12 (2001) x 34 (2002):",
	"J. Smith (Ed.), Title", "J. Smith (eds) ,  Title", "J. Smith (EDITORS.)\t, x", "J. Smith (Editor)", "J. Smith (Hrsg.)",
	"J. Smith (edſ.)", "J. Smith (editorſ)", "(Ed.)", "x (Eds..)", "x (Ed", "x ) (Ed.)", "x (Edit.)", "x (ed.),", "x (eds.):",
	strings.Repeat("é", 199) + " (Ed.)", strings.Repeat("é", 200) + " (Ed.)", strings.Repeat("x", 200) + "(Ed.)", strings.Repeat("x", 201) + "(Ed.)",
	strings.Repeat("\xff", 200) + "(eds)", strings.Repeat("\xff", 201) + "(eds)", "é (ed.)", "\xff(ed.)", "x(ed.)\n,\n", "x (Ed. )", "x  ((Ed.)",
	"Translated by Max Hayward, 1955.", "Trans. J. Smith.", "Eds. A. B.", "Foreword by X.",
}

// Random inputs for the scanners are near-dates: a date built from valid
// and broken parts, in a context, with a piece inserted or dropped.
var (
	scanMonths = []string{"Jan", "January", "Janu", "Feb.", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Junee", "Jul", "July", "Aug", "August", "Auguſt", "Sep", "Sept", "September", "Sepember", "Septe", "ſeptember", "Oct", "October", "Nov", "November", "Dec", "December", "JAN", "dec", "mAY", "Mai"}
	scanSpaces = []string{"", " ", "  ", "\t", "\n", "\f", "\v", "\r "}
	scanDigits = []string{"", "1", "2", "12", "31", "123", "1999", "2014", "20145", "99"}
	scanMarks  = []string{"", ".", ",", ".,", ",.", "st", "nd", "rd", "th", "ST", "ſt", "-", "/", ":"}
	scanBefore = []string{"", "x", "1", "12", "(", "[", "((", " ", "accessed ", "Accessed: ", "last viewed on ", "Last  Consulted:", "cited", "acceſſed on ", "xaccessed ", "[online] ", "accessed online ", "retrieved on ", "Web. ", "_", "é"}
	scanAfter  = []string{"", ".", ")", "].", ")).", "x", "1", " ", ". Accessed 1 May 2000.", "; cited 2 Jun 2001", " from", "é"}
	scanPieces = []string{"Jan", "uary", "Sep", "t", "ember", "ſ", "\u212a", "st", "0", "12", "2014", " ", ".", ",", "/", "-", ":", "(", ")", "accessed", "last", "on"}
)

func pick(r *rand.Rand, from []string) string { return from[r.IntN(len(from))] }

// randomScanInput returns a near-date in a context.
func randomScanInput(r *rand.Rand) string {
	var date string
	switch r.IntN(5) {
	case 0:
		date = pick(r, scanDigits) + pick(r, scanMarks) + pick(r, scanSpaces) + pick(r, scanMonths) + pick(r, scanMarks) + pick(r, scanSpaces) + pick(r, scanDigits)
	case 1:
		date = pick(r, scanMonths) + pick(r, scanMarks) + pick(r, scanSpaces) + pick(r, scanDigits) + pick(r, scanMarks) + pick(r, scanSpaces) + pick(r, scanDigits)
	case 2:
		date = pick(r, scanMonths) + pick(r, scanMarks) + pick(r, scanSpaces) + pick(r, scanDigits)
	default:
		sep := pick(r, []string{"-", "/", "-", "/", ".", " "})
		date = pick(r, scanDigits) + sep + pick(r, scanDigits) + sep + pick(r, scanDigits)
	}
	s := date
	if r.IntN(4) > 0 {
		s = pick(r, scanBefore) + date + pick(r, scanAfter)
	}
	if r.IntN(3) == 0 && s != "" {
		i := r.IntN(len(s) + 1)
		if r.IntN(2) == 0 {
			s = s[:i] + pick(r, scanPieces) + s[i:]
		} else if i < len(s) {
			s = s[:i] + s[i+1:]
		}
	}
	return s
}

// fieldPieces make random volumes, pages and places.
var fieldPieces = []string{
	",", ", ", ".", ";", ":", ": ", " ", "  ", "\t", "\n", "\v", "6", "12", "2004", "2004a", "no.", "no. ", "No.", "nos.",
	"(", ")", "(12)", "(2004)", "(Spring 2004)", "(a very long parenthesis holding forty-one runes)", "(é)", "()",
	"-", "–", "—", "a", "e", "S", "x", "_", "pp.", "New York", "London", "São Paulo", "O'Brien’s", "Press", "é", "ſ", "1",
	"\xff", "\u00aa", "Ж", "n.d.", "N. d.", "in press", "forthcoming", "s.d.", "no date", "-b", "[", "]", "[1970]",
	"available at", "Available from:", "www.", ".com", ".co.uk", "bbc", "/path", "<", "\"", "•", "*", "33 ", "Élan",
	"vol", "Volume", "ume", "iv", "XL", "no", "nos", "iss", "issue", "p", "pp", "web", "print", "cited", "Jan", "JAN", "jAn",
	"Web.", "Print.", "ISBN", "isbn", "Retrieved", "viewed", "DVD.", "cd.", "Radio.", "film.", "online.", "television.",
	"consulted", "accessed", "available", "d.", "v", "In", "in", ", 1955", "Translated by ", "Eds.", "Foreword by ",
	"Epocrates", "WHO", "Free Press", "n.d", "“", "”", ", London: Free Press", ", New York:", " Norton", ", São Paulo: ",
}

// randomPieces strings together a few pieces.
func randomPieces(r *rand.Rand, pieces []string) string {
	var b strings.Builder
	for n := r.IntN(10); n >= 0; n-- {
		b.WriteString(pick(r, pieces))
	}
	return b.String()
}

func TestScannersRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		checkGuards(t, randomScanInput(r))
		checkGuards(t, randomPieces(r, fieldPieces))
	}
}

func TestProseWords(t *testing.T) {
	for w := range proseWords {
		for _, v := range []string{w, strings.ToUpper(w), "(" + w + ",”", "“" + strings.ToUpper(w[:1]) + w[1:] + "."} {
			checkScanners(t, v)
			if !isProseWord(strings.TrimFunc(v, isProsePunct)) {
				t.Errorf("isProseWord(%q) is false", v)
			}
		}
	}
	for _, v := range []string{"İt", "İS", "\u212aNOWS", "ſhe", "it’s", "’tis", "accordingly", "\xffit", "it\xff", ""} {
		checkScanners(t, v)
	}
}

// detectStyleByMaps is DetectStyle as it was first written, with maps.
func detectStyleByMaps(entries []lint.Entry) lint.Style {
	counts := map[lint.Style]int{}
	first := map[lint.Style]int{}
	for i, e := range entries {
		if e.Style == lint.StyleUnknown {
			continue
		}
		if _, ok := first[e.Style]; !ok {
			first[e.Style] = i
		}
		counts[e.Style]++
	}
	best := lint.StyleUnknown
	for _, s := range styleOrder {
		c := counts[s]
		if c == 0 {
			continue
		}
		if best == lint.StyleUnknown || c > counts[best] || c == counts[best] && first[s] < first[best] {
			best = s
		}
	}
	return best
}

func TestDetectStyleRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	styles := []lint.Style{lint.StyleUnknown, lint.StyleMLA, lint.StyleAPA, lint.StyleChicago, lint.StyleHarvard, "other"}
	for range 20000 {
		entries := make([]lint.Entry, r.IntN(9))
		for i := range entries {
			entries[i].Style = styles[r.IntN(len(styles))]
		}
		if got, want := DetectStyle(entries), detectStyleByMaps(entries); got != want {
			t.Fatalf("DetectStyle(%v) = %q, want %q", entries, got, want)
		}
	}
}

// checkRandom holds scanner name to its expression on 50,000 inputs that
// gen makes.
func checkRandom(t *testing.T, name string, seed uint64, gen func(*rand.Rand) string) {
	i := slices.IndexFunc(scanned, func(sc struct {
		name     string
		re, scan func(string) string
	}) bool {
		return sc.name == name
	})
	sc := scanned[i]
	r := rand.New(rand.NewPCG(seed, seed+1))
	for range 50000 {
		s := gen(r)
		if want, got := sc.re(s), sc.scan(s); want != got {
			t.Fatalf("%s(%q) = %v; the expression finds %v", name, s, got, want)
		}
	}
}

// fromSlots is one pick from each slot, in order.
func fromSlots(r *rand.Rand, slots ...[]string) string {
	var b strings.Builder
	for _, slot := range slots {
		b.WriteString(pick(r, slot))
	}
	return b.String()
}

// TestTailPubRandom holds tailPub to reTailPub on random tails shaped
// like "Title. City: Publisher, 1999.", valid and broken, some long enough
// for the place's 40 runes and the publisher's 80.
func TestTailPubRandom(t *testing.T) {
	text := []string{"", "x", "Title", "Vol 3", "(2)", "é", "\xff", "a; b", "Ab: Cd", "The Long Title of a Very Long Book Indeed"}
	sep := []string{"", ".", ",", ". ", ", ", ".  ", ".\t", ";", ": "}
	place := []string{"London", "New York", "São Paulo", "O’Brien's-Place", "ab", "A", "Ab1", "É", "ſx", "Abcdefghijklmnopqrstuvwxyzabcdefghijklmno", "Abcdefghijklmnopqrstuvwxyzabcdefghijklmn", "Ab. Cd", "Ab, Cd"}
	colon := []string{":", ": ", ":  ", ":\n", "", " :", ";"}
	pub := []string{"Norton", "Free Press", "Édições Loyola", "norton", "N", "Ab. Cd", "Ab: Cd", "Ab; Cd", "\xffCd", strings.Repeat("Cd", 40), strings.Repeat("C", 81), strings.Repeat("d ", 39)}
	end := []string{"", ".", ". ", ", 1999", ",  2001.", ", 199", ", n.d.", ", n.d", ".x", ". x", "x", " ", ".\t ", ";", ","}
	checkRandom(t, "tailPub", 11, func(r *rand.Rand) string {
		return fromSlots(r, text, sep, place, colon, pub, end, sep, text)
	})
}

// TestNBYearRandom holds nbYear to reNBYear on random tails shaped like
// "Journal 54, nos. Pt 1 (Spring 2004): 157", valid and broken.
func TestNBYearRandom(t *testing.T) {
	before := []string{"", "x", "x ", "Journal ", "_", "é", "a", "(2001) x ", "12 (2001) x "}
	vol := []string{"54", "5", "54a_b", "x54", "", "2004"}
	issue := []string{"", ",", ", ", ",no", ", nos.", ", No. 3 ", ", noſ", ", issue 5", ", iſſue", ", ISSUE.", ", nos(", ", no ", ", no. Pt 1", ", no. 123456789012", ", no. 1234567890123", ", no. x)", ",  no .  ab  "}
	space := []string{"", " ", "  ", "\t", "\n "}
	word := []string{"", "Spring ", "Jan. ", "Jan.", "S ", "Spring.  ", "spring ", "Spring\t"}
	after := []string{")", "):", ") :", ").", "),", ") x", ")\t", "", ")) "}
	checkRandom(t, "nbYear", 13, func(r *rand.Rand) string {
		return fromSlots(r, before, vol, issue, space, []string{"(", "(", "(", "", "(("}, word, []string{"2004", "2004", "1999", "204", "20045", "x"}, after, before)
	})
}
