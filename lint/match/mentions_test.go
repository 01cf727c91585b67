package match

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/names"
)

// mentionsKeyingEveryWord is mentions before it remembered the words it
// had keyed: mentions is held to it.
func (m *matcher) mentionsKeyingEveryWord() {
	e := m.essay
	// The one-word family keys of the uncited entries: names stand
	// capitalised in prose, so only capitalised words are keyed, in a
	// reused buffer.
	var wanted []string
	uncited := false
	for i, en := range e.Entries {
		if len(en.CitedBy) > 0 {
			continue
		}
		uncited = true
		// newMatcher keyed every author's family name already.
		for _, k := range m.keys[i].families {
			if len(k) >= 2 && !strings.Contains(k, " ") {
				wanted = append(wanted, k)
			}
		}
	}
	if !uncited {
		return
	}
	var found []string
	if len(wanted) > 0 {
		var buf [64]byte
		for _, s := range e.Sections {
			if s.Kind == lint.SectionBibliography {
				continue
			}
			eachCapitalised(e.Doc.Slice(s.Range), func(w string) bool {
				k := names.AppendKey(buf[:0], w)
				for _, t := range wanted {
					if string(k) == t && !slices.Contains(found, t) {
						found = append(found, t)
					}
				}
				return len(found) < len(wanted)
			})
		}
	}
	folded := ""
	foldedText := func() string {
		if folded == "" {
			// As foldProse folds the prose sections joined by line
			// breaks.
			size := 2
			for _, s := range e.Sections {
				size += s.End - s.Start + 1
			}
			buf := append(make([]byte, 0, size), ' ')
			for _, s := range e.Sections {
				if s.Kind != lint.SectionBibliography {
					buf = appendFoldProse(buf, e.Doc.Slice(s.Range))
				}
			}
			folded = string(buf)
		}
		return folded
	}
	for i := range e.Entries {
		en := &e.Entries[i]
		if len(en.CitedBy) > 0 {
			continue
		}
		for j, a := range en.Authors {
			full := a.FullFamily()
			if k := m.keys[i].families[j]; len(k) >= 2 && !strings.Contains(k, " ") && slices.Contains(found, k) {
				en.Mentioned = true
			} else if f := names.Fold(full); strings.Contains(f, " ") && strings.Contains(foldedText(), " "+f+" ") {
				en.Mentioned = true
			}
		}
		if en.Mentioned {
			continue
		}
		if t := names.Fold(en.Title); len(t) >= 4 && strings.Contains(foldedText(), " "+t+" ") {
			en.Mentioned = true
		}
	}
}

func TestMentionsAsKeyingEveryWord(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	vocab := []string{"Ehrenburg", "Erenburg's", "Taubman", "Stalin", "The", "Thaw", "the", "thaw", "von", "Geldern",
		"Il'ia", "Ilya", "Smith", "Jones", "A", "Éluard", "and", "wrote", ".", "\n", "“quoted”", "Freeze", "Sky"}
	families := []string{"Ehrenburg", "Taubman", "Geldern", "Smith", "Freeze", "Éluard", "Thaw", "Jones", "Ski"}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteByte(' ')
		}
		text := b.String()
		mid := len(text) / 2
		d := &lint.Document{Text: text, Src: []byte(text)}
		var entries []lint.Entry
		for range 1 + r.IntN(4) {
			en := lint.Entry{Title: vocab[r.IntN(len(vocab))] + " " + vocab[r.IntN(len(vocab))]}
			for range r.IntN(3) {
				en.Authors = append(en.Authors, lint.Name{Family: families[r.IntN(len(families))]})
			}
			if r.IntN(3) == 0 {
				en.CitedBy = []int{0}
			}
			entries = append(entries, en)
		}
		e := &lint.Essay{Doc: d, Style: lint.StyleMLA, Entries: entries,
			Sections: []lint.Section{{Kind: lint.SectionBody, Range: lint.Range{Start: 0, End: mid}},
				{Kind: lint.SectionBody, Range: lint.Range{Start: mid, End: len(text)}}}}
		want := &lint.Essay{Doc: d, Style: lint.StyleMLA, Entries: slices.Clone(entries), Sections: e.Sections}
		newMatcher(e).mentions()
		newMatcher(want).mentionsKeyingEveryWord()
		for i := range e.Entries {
			if e.Entries[i].Mentioned != want.Entries[i].Mentioned {
				t.Fatalf("%q: entry %d (%v) Mentioned = %v, want %v", text, i, e.Entries[i].Authors, e.Entries[i].Mentioned, want.Entries[i].Mentioned)
			}
		}
	}
}
