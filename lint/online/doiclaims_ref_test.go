package online_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint/online"
)

// doiClaimsReference is DOIClaims as first written: every label searched
// for in the lowered text, the earliest (and then the longest) taken. The
// faster DOIClaims is held to it.
func doiClaimsReference(text string) []online.DOIClaim {
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		b := []byte(text)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		lower = string(b)
	}
	labels := []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:", "doi "}
	word := func(c byte) bool {
		return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	var out []online.DOIClaim
	for i := 0; i < len(lower); {
		at, label := -1, ""
		for _, l := range labels {
			if k := strings.Index(lower[i:], l); k >= 0 && (at < 0 || i+k < at || i+k == at && len(l) > len(label)) {
				at, label = i+k, l
			}
		}
		if at < 0 {
			break
		}
		if strings.HasPrefix(label, "doi") && at > 0 && word(lower[at-1]) {
			i = at + len(label)
			continue
		}
		j := at + len(label)
		for j < len(text) && text[j] == ' ' {
			j++
		}
		end := j
		for end < len(text) && !space(text[end]) {
			end++
		}
		i = max(end, at+len(label))
		token := strings.TrimRight(text[j:end], ".,;)]>")
		if token == "" || token[0] < '0' || token[0] > '9' {
			continue
		}
		out = append(out, online.DOIClaim{Start: j, End: j + len(token), DOI: token})
	}
	return out
}

var doiClaimSamples = []string{
	"", "doi:10.1000/1", "DOI: 10.1/2", "https://doi.org/10.1/3 and doi:10.1/4.", "HTTP://DX.DOI.ORG/10.1/5", "Doing doi:10.1/6",
	"adoi:10.1/7", "x doi https://doi.org/10.1/8", "https://doi:10.1/9", "doi doi doi:10.2/x", "http://dx.doi.org/ doi.org/10.3/y",
	"Smith, J. (2020). Title. Journal, 3(2), 1–9. https://doi.org/10.5555/abc.2020.3", "DOI not available", "doi.org/doi:10.4/z",
	"ḰDOI:10.5/k", "\u212aDOI: 10.6", "İdoi:10.7", "https://dx.doi.org/10.8/x)]>.", "doi:\t10.9", "doi:   10.10/a b",
}

func TestDOIClaimsAsReference(t *testing.T) {
	for _, s := range doiClaimSamples {
		if got, want := online.DOIClaims(s), doiClaimsReference(s); !reflect.DeepEqual(got, want) {
			t.Errorf("DOIClaims(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzDOIClaims(f *testing.F) {
	for _, s := range doiClaimSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := online.DOIClaims(s), doiClaimsReference(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("DOIClaims(%q) = %v, want %v", s, got, want)
		}
	})
}
