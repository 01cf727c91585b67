package names

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"von Geldern", "von geldern"},
		{"Von  Géldern", "von geldern"},
		{"Il'ia", "ilia"},
		{"Il’ia", "ilia"},
		{"O'Brien", "obrien"},
		{"O’Brien’s ‘Thaw’", "obriens thaw"},
		{strings.Repeat("ab’", 60), strings.Repeat("ab", 60)},
		{"Smith-Jones", "smith jones"},
		{"al-Hakim", "al hakim"},
		{"Łukasz", "lukasz"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Fold(tt.in), tt.in)
	}
}

func TestSameFamily(t *testing.T) {
	same := [][2]string{
		{"von Geldern", "Von Geldern"},
		{"Ehrenburg", "Erenburg"},
		{"Il'ia", "Ilya"},
		{"Dostoevsky", "Dostoevskii"},
		{"Tolstoy", "Tolstoi"},
		{"Khrushchev", "Hrushchev"},
		{"García Márquez", "Garcia Marquez"},
		{"O’Brien", "O'Brien"},
	}
	for _, p := range same {
		assert.True(t, SameFamily(p[0], p[1]), "%q ~ %q", p[0], p[1])
	}
	differ := [][2]string{
		{"Geldern", "von Geldern"},
		{"Smith", "Smyth"},
		{"Freeze", "Fitzpatrick"},
		{"", ""},
	}
	for _, p := range differ {
		assert.False(t, SameFamily(p[0], p[1]), "%q !~ %q", p[0], p[1])
	}
}

func TestNear(t *testing.T) {
	assert.True(t, Near("Geldern", "von Geldern"))
	assert.True(t, Near("Fitzpatrik", "Fitzpatrick"))
	assert.True(t, Near("Taubmann", "Taubman"))
	assert.False(t, Near("Freeze", "Fitzpatrick"))
	assert.False(t, Near("Li", "Lu"), "short names are too close to call")
	assert.False(t, Near("Smith", "Smith"), "the same name is not a near miss")
}

func TestInitials(t *testing.T) {
	assert.Equal(t, "APA", Initials("American Psychological Association"))
	assert.Equal(t, "WHO", Initials("World Health Organization"))
	assert.Equal(t, "USGCRP", Initials("U.S. Global Change Research Program"))
}

func TestIsParticle(t *testing.T) {
	for _, p := range []string{"von", "Van", "de", "al-", "bin", "DA"} {
		assert.True(t, IsParticle(p), p)
	}
	assert.False(t, IsParticle("Smith"))
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"von Geldern", "Il'ia Ehrenburg", "", "ßłø", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(s) != k {
			t.Fatalf("Key not deterministic for %q", s)
		}
		_ = Near(s, "von Geldern")
		_ = Distance(s, k)
	})
}

// TestKeyASCIIFastPath checks the allocation-free ASCII path of Key against
// the general one on every short string of a small alphabet that holds the
// romanisation pairs, suffixes, doubles, apostrophes and separators.
func TestKeyASCIIFastPath(t *testing.T) {
	alphabet := []string{"k", "h", "y", "a", "i", "s", "j", "w", "o", "u", "e", "t", "z", "c", "p", "K", "'", "-", " ", "`", "7", "."}
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		if got, want := string(AppendKey(nil, prefix)), keyOf(prefix); got != want {
			t.Fatalf("Key(%q) = %q, want %q", prefix, got, want)
		}
		if got, want := Fold(prefix), foldUnicode(prefix); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", prefix, got, want)
		}
		if depth == 0 {
			return
		}
		for _, a := range alphabet {
			walk(prefix+a, depth-1)
		}
	}
	walk("", 4)
	for _, s := range []string{"Dostoevsky", "Tolstoy", "Khrushchev", "von Geldern", "O'Brien", "Il'ia", "Smith-Jones", "Zhukovskii", "Tchaikovsky", "Ehrenburg", "Yevtushenko", "Ilya", "ii", "a ii b", "Jackson", "Walls"} {
		if got, want := Key(s), keyOf(s); got != want {
			t.Errorf("Key(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzKeyASCII(f *testing.F) {
	f.Add("Dostoevsky")
	f.Add("von Geldern")
	f.Fuzz(func(t *testing.T, s string) {
		if isASCII(s) {
			if got, want := string(AppendKey(nil, s)), keyOf(s); got != want {
				t.Fatalf("Key(%q) = %q, want %q", s, got, want)
			}
			if got, want := Fold(s), foldUnicode(s); got != want {
				t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
			}
		}
	})
}

// foldReference is Fold as its doc comment defines it, rune by rune with
// the unicode tables and no fast paths, for the fast paths to be held to.
func foldReference(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == 'ʹ' || r == '`':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(foldLetter(r)))
		default:
			space = true
		}
	}
	return b.String()
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Von  Géldern", "Il'ia", "“The Thaw.” Slavic Review", "Łódź — Straße", "ǅemal", "e\u0301", "a’s b’s", "x\xffy", "", "O’Brien’s", "‘Il’ia’ Ehrenburg", "’", "x\xe2\x80", "don’t—won’t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldReference(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(AppendFold([]byte("x"), s)), "x"+foldReference(s); got != want {
			t.Fatalf("AppendFold(%q) = %q, want %q", s, got, want)
		}
	})
}
