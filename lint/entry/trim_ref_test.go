package entry

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The byte-wise trims and tests below replaced library calls and slower
// loops; these tests hold them to the code they replaced.

// collapseSpaceRef is collapseSpace as it was.
func collapseSpaceRef(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// hasMonthOrSlashRef is hasMonthOrSlash as it was: every letter asked.
func hasMonthOrSlashRef(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '/' || c == '-' {
			return true
		}
		if i+3 <= len(s) && isASCIILetter(c) && isMonthStem(s[i:i+3]) {
			return true
		}
	}
	return false
}

func checkTrims(t *testing.T, s string) {
	t.Helper()
	if got, want := field(s), strings.Trim(collapseSpaceRef(s), " .,;:*_"); got != want {
		t.Errorf("field(%q) = %q, was %q", s, got, want)
	}
	if got, want := collapseSpace(s), collapseSpaceRef(s); got != want {
		t.Errorf("collapseSpace(%q) = %q, was %q", s, got, want)
	}
	if got, want := trimWordPunct(s), strings.Trim(s, ".,;:"); got != want {
		t.Errorf("trimWordPunct(%q) = %q, was %q", s, got, want)
	}
	if got, want := hasMonthOrSlash(s), hasMonthOrSlashRef(s); got != want {
		t.Errorf("hasMonthOrSlash(%q) = %v, was %v", s, got, want)
	}
}

var trimSamples = []string{
	"", " ", "  ", ".", "*_*", " .Title. ", "Title\nwrapped", "a  b", "a \t b", " a ", "\u00a0a\u00a0", "a\u2003 b",
	"Jan", "jAn", "JAN", "Ja", "xJan", "May 2", "-", "/", "Mär", "sept", "DEC.", "Oxford UP, 2018.", "é.", ".é", "\xff.",
	"Hosking, Geoffrey. Youth youth of. Oxford UP, 2018.",
}

func TestTrimsMatchReference(t *testing.T) {
	for _, s := range trimSamples {
		checkTrims(t, s)
	}
	r := rand.New(rand.NewPCG(5, 8))
	for range 20000 {
		checkTrims(t, randomScanInput(r))
		checkTrims(t, randomPieces(r, fieldPieces))
	}
}

func FuzzTrims(f *testing.F) {
	for _, s := range trimSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTrims(t, s) })
}

// markStopsCommaRef is markStops's test after a comma as it was: the head
// lowered into a copy.
func markStopsCommaRef(s string, i int) (bool, bool) {
	if s[i] != ',' {
		return false, false
	}
	j := skipSpaces(s, i+1)
	if digitAt(s, j) {
		return true, true
	}
	head := asciiLower(s[j:min(len(s), j+16)])
	for _, w := range containerStopWords {
		if strings.HasPrefix(head, w) && (len(head) == len(w) || !isASCIIWordByte(head[len(w)])) {
			return true, true
		}
	}
	if strings.HasPrefix(head, "e") && (len(head) > 1 && digitAt(s, j+1) || strings.HasPrefix(head, "e-") && digitAt(s, j+2)) {
		return true, true
	}
	for _, m := range monthStems[:12] {
		if !strings.HasPrefix(s[j:], m) {
			continue
		}
		k := j + len(m)
		for k < len(s) && 'a' <= s[k] && s[k] <= 'z' {
			k++
		}
		if k < len(s) && s[k] == '.' {
			k++
		}
		if k2 := skipSpaces(s, k); k2 > k && digitAt(s, k2) {
			return true, true
		}
	}
	return false, true
}

// TestMarkStopsMatchesReference holds markStops after a comma to the
// lowered-copy test it replaced.
func TestMarkStopsMatchesReference(t *testing.T) {
	pieces := []string{",", ", ", " ", "vol", "VOL", "Vol.", "vols", "no", "No.", "NOS", "pp", "P", "iss", "Issue", "edited",
		"ED", "eds", "Trans", "translated", "Directed", "season", "Episode", "ch", "CHAP", "part", "sec", "art", "Article",
		"special issue", "Special Issue", "e12", "E12", "e-3", "E-", "e", "x", "é", "\xff", "6", "Jan", "march", "_", "İ"}
	r := rand.New(rand.NewPCG(31, 32))
	for range 50000 {
		s := randomPieces(r, pieces)
		for i := range len(s) {
			if want, ok := markStopsCommaRef(s, i); ok {
				if got := markStops(s, i); got != want {
					t.Fatalf("markStops(%q, %d) = %v, was %v", s, i, got, want)
				}
			}
		}
	}
}

// reNoDateRef is the expression noDate stands in for.
var reNoDateRef = regexp.MustCompile(`(?i)^(?:n\.\s?d\.|no date|s\.\s?d\.)`)

// ordinalEndRef is ordinalEnd as it was, with no test of the first byte.
func ordinalEndRef(s string, i int, fold bool) int {
	for _, o := range [...]string{"st", "nd", "rd", "th"} {
		if e := litAt(s, i, o, fold); e >= 0 {
			return e
		}
	}
	return i
}

func checkDateScanners(t *testing.T, s string) {
	t.Helper()
	if got, want := noDate(s), reNoDateRef.MatchString(s); got != want {
		t.Errorf("noDate(%q) = %v, the expression says %v", s, got, want)
	}
	for i := 0; i <= len(s); i++ {
		for _, fold := range []bool{false, true} {
			if got, want := ordinalEnd(s, i, fold), ordinalEndRef(s, i, fold); got != want {
				t.Errorf("ordinalEnd(%q, %d, %v) = %d, was %d", s, i, fold, got, want)
			}
		}
	}
}

var dateScanSamples = []string{
	"", "n", "n.", "n.d", "n.d.", "N.D.", "n. d.", "n.\td.", "n.\vd.", "n.  d.", "no date", "No Date", "NO DATE", "no  date",
	"s.d.", "ſ.d.", "S. D.", "ſ. d.", "s.ſ.", "nod", "n.d.x", "1st", "2ND", "3rd", "4th", "4ſt", "4Th", "5tH", "x", "ſ",
}

func TestDateScannersMatchReference(t *testing.T) {
	for _, s := range dateScanSamples {
		checkDateScanners(t, s)
	}
	pieces := []string{"n", "N", "s", "S", "ſ", "d", "D", ".", " ", "\t", "\v", "no", " date", "Date", "st", "nd", "rd", "th", "TH", "1", "x", "\xff", "é"}
	r := rand.New(rand.NewPCG(51, 52))
	for range 30000 {
		checkDateScanners(t, randomPieces(r, pieces))
		checkDateScanners(t, randomScanInput(r))
	}
}

func FuzzDateScanners(f *testing.F) {
	for _, s := range dateScanSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkDateScanners(t, s) })
}

// abbreviationBeforeRef is abbreviationBefore as it was, decoding every
// rune.
func abbreviationBeforeRef(p *parser, i int, container bool) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRune(p.w[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	word := p.work()[j:i]
	if word == "" {
		return false
	}
	if r, _ := utf8.DecodeLastRune(p.w[:j]); j > 0 && unicode.IsDigit(r) {
		// "the 1930s." ends a sentence; it is no initial.
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		return true
	}
	if isAbbreviation(word) {
		return true
	}
	return container && utf8.RuneCountInString(word) <= 7 && isUpperStart(word) && !isAllUpper(word)
}

// TestAbbreviationBeforeMatchesReference asks both at every byte of
// random entries.
func TestAbbreviationBeforeMatchesReference(t *testing.T) {
	pieces := append([]string{"J.", "St.", "Mrs.", "vol.", "Ж.", "é.", "1930s.", "٣s.", "Ab1.", " ", ".", "Jan.", "ABC.", "Abcdefgh.", "ǅx."}, fieldPieces...)
	r := rand.New(rand.NewPCG(61, 62))
	for range 20000 {
		s := randomPieces(r, pieces)
		p := &parser{s: s, w: []byte(s), workStr: s, workValid: true}
		for i := range len(s) {
			for _, c := range []bool{false, true} {
				if got, want := p.abbreviationBefore(i, c), abbreviationBeforeRef(p, i, c); got != want {
					t.Fatalf("abbreviationBefore(%q, %d, %v) = %v, was %v", s, i, c, got, want)
				}
			}
		}
	}
}

// sentenceEndRef is sentenceEnd as it was, looking at every byte.
func sentenceEndRef(p *parser, from, limit int, container bool) (end, next int) {
	for i := from; i < limit; i++ {
		c := p.w[i]
		if p.blanked(i) {
			if i > from {
				return i, i
			}
			continue
		}
		switch c {
		case '.', '?', '!':
			j := i + 1
			for j < limit && p.w[j] == ' ' {
				j++
			}
			fieldEnd := i
			if c != '.' {
				fieldEnd = i + 1
			}
			if j >= limit {
				return fieldEnd, j
			}
			if j == i+1 && !(c != '.' && isQuoteRune(rune(p.w[j]))) {
				continue
			}
			r, _ := utf8.DecodeRune(p.w[j:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || isQuoteRune(r) || r == '(' || r == '[') {
				continue
			}
			if c == '.' && p.abbreviationBefore(i, container) {
				continue
			}
			if c := p.w[j]; (c == 'I' || c == 'V' || c == 'X') && reRomanPart().MatchString(p.work()[j:limit]) {
				// "silk-moths. I. The biological test": a numbered part
				// of the title.
				continue
			}
			return fieldEnd, j
		case '(', '[':
			if i > from && p.w[i-1] == ' ' && p.descriptorParen(i) {
				return i, i
			}
		}
	}
	return limit, limit
}

// monthAtRef is monthAt as it was, trying every month.
func monthAtRef(s string, i int, fold bool) int {
	if i >= len(s) {
		return -1
	}
	// The first letter picks the months to try; under (?i) 'ſ' is an s.
	first := s[i]
	if fold {
		first = lowerASCII(first)
		if strings.HasPrefix(s[i:], "ſ") {
			first = 's'
		}
	}
	if first == 's' || first == 'S' {
		return septemberAt(s, i, fold)
	}
	for _, m := range months {
		if m[0][0] != first && !(fold && lowerASCII(m[0][0]) == first) {
			continue
		}
		if e := litAt(s, i, m[0], fold); e >= 0 {
			if m[1] != "" {
				if r := litAt(s, e, m[1], fold); r >= 0 {
					return r
				}
			}
			return e
		}
	}
	return -1
}

// asciiLowerRef is asciiLower as it was: it lower-cases ASCII letters only, so that offsets stay those of s.
func asciiLowerRef(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		// Copy the run before the next capital, then the capital lowered.
		j := i
		for j < len(s) && !('A' <= s[j] && s[j] <= 'Z') {
			j++
		}
		b.WriteString(s[i:j])
		if j < len(s) {
			b.WriteByte(s[j] + 'a' - 'A')
			j++
		}
		i = j
	}
	return b.String()
}

// checkStageScans holds sentenceEnd, monthAt and asciiLower to their old
// selves on s, with w[a:b] blanked as the identifier stage blanks text.
func checkStageScans(t *testing.T, s string, a, b int) {
	t.Helper()
	if got, want := asciiLower(s), asciiLowerRef(s); got != want {
		t.Fatalf("asciiLower(%q) = %q, was %q", s, got, want)
	}
	for i := 0; i <= len(s); i++ {
		for _, fold := range []bool{false, true} {
			if got, want := monthAt(s, i, fold), monthAtRef(s, i, fold); got != want {
				t.Fatalf("monthAt(%q, %d, %v) = %d, was %d", s, i, fold, got, want)
			}
		}
	}
	w := []byte(s)
	for k := max(a, 0); k < min(b, len(w)); k++ {
		w[k] = ' '
	}
	p := &parser{s: s, w: w, workStr: string(w), workValid: true}
	for from := 0; from <= len(w); from++ {
		for _, limit := range []int{from, (from + len(w) + 1) / 2, len(w)} {
			for _, c := range []bool{false, true} {
				ge, gn := p.sentenceEnd(from, limit, c)
				we, wn := sentenceEndRef(p, from, limit, c)
				if ge != we || gn != wn {
					t.Fatalf("sentenceEnd(%q, %d, %d, %v) = %d, %d; was %d, %d", w, from, limit, c, ge, gn, we, wn)
				}
			}
		}
	}
}

// TestStageScansMatchReference runs checkStageScans on random entries.
func TestStageScansMatchReference(t *testing.T) {
	pieces := append([]string{"J.", "St.", "Mrs.", "vol.", "Ж.", "é.", "1930s.", "? ", "! ", "?“", ". I. The", ". (2nd ed.)", " [Film]",
		" (PRC2).", "Jan", "jan", "JAN", "Feb.", "March", "mArch", "Sept", "sept", "ſept", "Oct", "Dec", "Ma", "Nov", "Aug", "Apr", "June", "July",
		strings.Repeat("Ab", 140)}, fieldPieces...)
	r := rand.New(rand.NewPCG(71, 72))
	for range 10000 {
		s := randomPieces(r, pieces)
		a, b := 0, 0
		if len(s) > 0 && r.IntN(2) == 0 {
			a = r.IntN(len(s))
			b = a + r.IntN(len(s)-a+1)
		}
		checkStageScans(t, s, a, b)
	}
}

func FuzzStageScans(f *testing.F) {
	f.Add("Freeze, Gregory. Speech hope. Oxford UP, 2005.", 3, 9)
	f.Add("the 1930s. I. The test? “x” (2nd ed.) [Film] Jan. 3", 0, 0)
	f.Fuzz(func(t *testing.T, s string, a, b int) { checkStageScans(t, s, a, b) })
}

// TestASCIILowerEveryByte lowers each byte value at each place of a word
// of sixteen, where the eight-byte steps and the tail both see it.
func TestASCIILowerEveryByte(t *testing.T) {
	for c := range 256 {
		for at := range 16 {
			b := []byte("Mixed CASE text!")
			b[at] = byte(c)
			if got, want := asciiLower(string(b)), asciiLowerRef(string(b)); got != want {
				t.Fatalf("asciiLower(%q) = %q, was %q", b, got, want)
			}
		}
	}
}
