package names

import (
	"math/rand/v2"
	"testing"
)

// appendKeyByParts is AppendKey as it was before appendKeyASCII wrote
// the key by index through tables: appendKeyASCII is held to it.
func appendKeyByParts(dst []byte, s string) []byte {
	if !isASCII(s) {
		return append(dst, keyOf(s)...)
	}
	var fb [64]byte
	f := appendFoldASCII(fb[:0], s)
	for i := 0; i < len(f); {
		j := i
		for j < len(f) && f[j] != ' ' {
			j++
		}
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = appendKeyPartOld(dst, f[i:j])
		i = j + 1
	}
	return dst
}

// romanPairOld is the replacement of the two letters a, b among
// romanisation's two-letter replacements, as the romanisation Replacer
// has them, or ""; "j" → "i" and "w" → "v" are the one-letter ones.
func romanPairOld(a, b byte) string {
	switch a {
	case 'k':
		switch b {
		case 'h':
			return "h"
		case 's':
			return "x"
		}
	case 'z':
		if b == 'h' {
			return "j"
		}
	case 'y':
		switch b {
		case 'a':
			return "ia"
		case 'u':
			return "iu"
		case 'e':
			return "e"
		case 'i':
			return "i"
		}
	case 'o':
		if b == 'u' {
			return "u"
		}
	case 'i':
		if b == 'y' {
			return "i"
		}
	case 'e':
		if b == 'h' {
			return "e"
		}
	case 'c':
		if b == 'k' {
			return "k"
		}
	case 'p':
		if b == 'h' {
			return "f"
		}
	case 't':
		if b == 's' || b == 'z' {
			return "c"
		}
	}
	return ""
}

// appendKeyPartOld appends the key of one folded ASCII word, as Key treats
// each word: romanised, "-ii", "-y" and "-sky" evened out, doubled letters
// collapsed.
func appendKeyPartOld(dst, w []byte) []byte {
	start := len(dst)
	for i := 0; i < len(w); {
		if i+1 < len(w) {
			if r := romanPairOld(w[i], w[i+1]); r != "" {
				dst = append(dst, r...)
				i += 2
				continue
			}
		}
		switch c := w[i]; c {
		case 'j':
			dst = append(dst, 'i')
		case 'w':
			dst = append(dst, 'v')
		default:
			dst = append(dst, c)
		}
		i++
	}
	p := dst[start:]
	if len(p) >= 2 && p[len(p)-2] == 'i' && p[len(p)-1] == 'i' {
		p = p[:len(p)-2]
	}
	if len(p) >= 1 && p[len(p)-1] == 'y' {
		p[len(p)-1] = 'i'
	}
	if len(p) >= 3 && p[len(p)-3] == 's' && p[len(p)-2] == 'k' && (p[len(p)-1] == 'i' || p[len(p)-1] == 'y') {
		p = p[:len(p)-1]
	}
	out := p[:0]
	for i, c := range p {
		if i > 0 && c == p[i-1] {
			continue
		}
		out = append(out, c)
	}
	return dst[:start+len(out)]
}

var keySamples = []string{
	"", "Dostoevsky", "Tolstoy", "Khrushchev", "von Geldern", "O'Brien", "Il'ia", "Smith-Jones", "Zhukovskii",
	"Tchaikovsky", "Ehrenburg", "Yevtushenko", "Ilya", "ii", "a ii b", "Jackson", "Walls", "skii", "Sky", "y", "ys",
	"Ksenia", "Phillips", "Tsvetaeva", "Kotzebue", "Ouspensky", "Yiddish", "Iyer", "Behhh", "  x  ", "7'7", "`k`h",
}

func checkKeyASCII(t *testing.T, s string) {
	t.Helper()
	if !isASCII(s) {
		return
	}
	want := string(appendKeyByParts([]byte("k:"), s))
	if got := string(AppendKey([]byte("k:"), s)); got != want {
		t.Fatalf("AppendKey(%q) = %q, want %q", s, got, want)
	}
	if got := Key(s); "k:"+got != want {
		t.Fatalf("Key(%q) = %q, want %q", s, got, want[2:])
	}
}

func TestKeyASCIIAsByParts(t *testing.T) {
	for _, s := range keySamples {
		checkKeyASCII(t, s)
	}
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := "khyaisjwouetzcpKYJW' -`7.Z"
	for range 50000 {
		b := make([]byte, r.IntN(14))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		checkKeyASCII(t, string(b))
	}
}

func FuzzKeyAsByParts(f *testing.F) {
	for _, s := range keySamples {
		f.Add(s)
	}
	f.Fuzz(checkKeyASCII)
}

func BenchmarkAppendKey(b *testing.B) {
	names := []string{"Fitzpatrick", "Sokolovskaia", "von Geldern", "O'Brien", "Smith-Jones", "Brandt", "The", "Khrushchev", "Stalin's"}
	buf := make([]byte, 0, 64)
	for b.Loop() {
		for _, s := range names {
			buf = AppendKey(buf[:0], s)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	titles := []string{"Everyday Stalinism: Ordinary Life in Extraordinary Times", "The Thaw", "Winter Ledger",
		"Queues and Rumours, 1932-1933", "Seventeen Moments in Soviet History", "O'Brien's \"Notes\" on Kharkiv"}
	for b.Loop() {
		for _, s := range titles {
			_ = Fold(s)
		}
	}
}
