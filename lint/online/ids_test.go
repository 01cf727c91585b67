package online_test

import (
	"testing"

	"github.com/citelint/citelint/lint/online"
)

func TestValidDOI(t *testing.T) {
	for _, tc := range []struct {
		doi  string
		want bool
	}{
		{"10.5555/jct.2018.004", true},
		{"10.1000.10/abc", true},
		{"10.123456789/x", true},
		{"10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI1>3.0.CO;2-Q", true},
		{"10.123/abc", false},        // registrant code too short
		{"10.1234567890/abc", false}, // too long
		{"10.5555", false},           // no suffix
		{"10.5555/", false},          // empty suffix
		{"10.5555/ab cd", false},     // space inside
		{"11.5555/abc", false},       // not a DOI directory
		{"10.55a5/abc", false},       // letters in the registrant code
		{"10.5555./abc", false},      // empty sub-code
		{"", false},
	} {
		if got := online.ValidDOI(tc.doi); got != tc.want {
			t.Errorf("ValidDOI(%q) = %v, want %v", tc.doi, got, tc.want)
		}
	}
}

func TestNormalizeDOI(t *testing.T) {
	for in, want := range map[string]string{
		"https://doi.org/10.5555/X.1.": "10.5555/X.1",
		"doi:10.5555/abc":              "10.5555/abc",
		"DOI: 10.5555/abc;":            "10.5555/abc",
		"http://dx.doi.org/10.5555/a":  "10.5555/a",
	} {
		if got := online.NormalizeDOI(in); got != want {
			t.Errorf("NormalizeDOI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDOIClaims(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{`Okafor, C. "Ice." 2018, doi:10.5555/jct.4.`, []string{"10.5555/jct.4"}},
		{`Okafor, C. "Ice." 2018, DOI 10.555/jct.4.`, []string{"10.555/jct.4"}},
		{`Okafor, C. "Ice." 2018. https://doi.org/10.5555`, []string{"10.5555"}},
		{`Doing Things. DOI not available.`, nil},
		{`Aadoi:10.5555/x`, nil},
		{`No identifiers here.`, nil},
	} {
		var got []string
		for _, c := range online.DOIClaims(tc.text) {
			got = append(got, c.DOI)
			if tc.text[c.Start:c.End] != c.DOI {
				t.Errorf("DOIClaims(%q): offsets %d:%d give %q, not %q", tc.text, c.Start, c.End, tc.text[c.Start:c.End], c.DOI)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("DOIClaims(%q) = %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("DOIClaims(%q) = %q, want %q", tc.text, got, tc.want)
			}
		}
	}
}

func TestISBN(t *testing.T) {
	for _, tc := range []struct {
		isbn  string
		valid bool
		as13  string
	}{
		{"978-0-306-40615-7", true, "9780306406157"},
		{"0-306-40615-2", true, "9780306406157"},
		{"080442957X", true, "9780804429573"},
		{"978-0-306-40615-8", false, "9780306406158"},
		{"0-306-40615-3", false, "9780306406157"},
		{"97803064061X7", false, ""},
		{"12345", false, ""},
		{"979-1-2345-6789-6", true, "9791234567896"},
	} {
		if got := online.ValidISBN(tc.isbn); got != tc.valid {
			t.Errorf("ValidISBN(%q) = %v, want %v", tc.isbn, got, tc.valid)
		}
		if got := online.ISBN13(tc.isbn); got != tc.as13 {
			t.Errorf("ISBN13(%q) = %q, want %q", tc.isbn, got, tc.as13)
		}
	}
}

// FuzzDOI: the DOI parsers never panic, claims point into the text, and a
// DOI that passes ValidDOI survives normalisation.
func FuzzDOI(f *testing.F) {
	for _, s := range []string{"doi:10.5555/abc", "https://doi.org/10.1234/x y", "DOI 10.12/", "doi:", "10.5555/\x00", "ÄÖdoi:10.5555/ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range online.DOIClaims(s) {
			if c.Start < 0 || c.End > len(s) || c.Start > c.End || s[c.Start:c.End] != c.DOI {
				t.Fatalf("claim %+v does not point into %q", c, s)
			}
		}
		if d := online.NormalizeDOI(s); online.ValidDOI(d) && online.NormalizeDOI(d) != d {
			t.Fatalf("NormalizeDOI is not stable on %q", d)
		}
	})
}

// FuzzISBN: the ISBN helpers never panic, and a valid ISBN-10 becomes a
// valid ISBN-13.
func FuzzISBN(f *testing.F) {
	for _, s := range []string{"978-0-306-40615-7", "0-306-40615-2", "080442957X", "X", "xxxxxxxxxx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := online.ISBNDigits(s)
		if d != "" && len(d) != 10 && len(d) != 13 {
			t.Fatalf("ISBNDigits(%q) = %q", s, d)
		}
		if online.ValidISBN(s) && !online.ValidISBN(online.ISBN13(s)) {
			t.Fatalf("ISBN13(%q) = %q is not valid", s, online.ISBN13(s))
		}
	})
}
