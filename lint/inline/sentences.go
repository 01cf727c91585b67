package inline

import (
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/internal/swar"
)

// abbreviations end with a full stop that does not end a sentence. Keys
// are lower case without the final dot.
var abbreviations = newWordSet(`
e.g i.e al p pp vol vols dr mr mrs ms st u.s u.k u.n u.s.s.r qtd cf vs jr sr prof fig figs ch chap
ed eds trans rev gen gov sen rep col lt sgt capt para paras par sec approx ca c esp viz jan feb mar
apr jun jul aug sep sept oct nov dec n.d mt ft inc ltd co corp dept univ a.m p.m b.c a.d op cit
ibid ll l n nn ser pt bk
`)

// sentencesIn splits r block by block.
func sentencesIn(doc *lint.Document, r lint.Range) []lint.Range {
	r = clampRange(doc, r)
	// Sentences run to about a hundred bytes: size the slice once.
	out := make([]lint.Range, 0, (r.End-r.Start)/96+2)
	covered := false
	for b := doc.BlockAt(r.Start); b >= 0 && b < len(doc.Blocks); b++ {
		blk := clampRange(doc, doc.Blocks[b].Range)
		if blk.Start >= r.End {
			break
		}
		start, end := max(blk.Start, r.Start), min(blk.End, r.End)
		if start < end {
			out = splitSentences(doc.Text, start, end, out)
			covered = true
		}
	}
	if !covered && r.Start < r.End {
		out = splitSentences(doc.Text, r.Start, r.End, out)
	}
	return out
}

// sentenceByte marks the bytes splitSentences looks at: brackets,
// straight quotes, terminators and the first byte of every other rune.
var sentenceByte = func() (t [256]bool) {
	for _, c := range []byte("()[]\".!?") {
		t[c] = true
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = true
	}
	return t
}()

// nextSentenceByte returns the offset of the first byte from i on, before
// end, that sentenceByte marks, or end. Eight bytes at a time, it looks
// for a wider set of bytes, cheaper to test: all from '!' to '/', '?',
// '[', ']' and a few more, and the bytes of characters beyond ASCII.
func nextSentenceByte(text string, i, end int) int {
	for i+8 <= end {
		x := swar.Load8(text, i)
		y := x & 0x7f7f7f7f7f7f7f7f
		// From '!' (0x21) to '/' (0x2f): the high bit is set from 0x21 on
		// by the first sum and from 0x30 on by the second.
		m := (y+0x5f5f5f5f5f5f5f5f)&^(y+0x5050505050505050) |
			swar.BytesEqual(x, '?') | swar.BytesEqual(x|0x0606060606060606, '_') | x
		// Marks past the first may be false (a borrow), never missing:
		// each is checked.
		for m &= swar.HighBits; m != 0; m &= m - 1 {
			if k := i + swar.FirstMarked(m); sentenceByte[text[k]] {
				return k
			}
		}
		i += 8
	}
	for i < end && !sentenceByte[text[i]] {
		i++
	}
	return i
}

// splitSentences appends the sentences of text[start:end] to out.
func splitSentences(text string, start, end int, out []lint.Range) []lint.Range {
	paren, quote := 0, 0
	straight := false
	sentStart := start
	for i := start; i < end; {
		// Most bytes are letters and spaces: pass over them.
		i = nextSentenceByte(text, i, end)
		if i >= end {
			break
		}
		c := text[i]
		switch c {
		case '(', '[':
			paren++
			i++
			continue
		case ')', ']':
			if paren > 0 {
				paren--
			}
			i++
			continue
		case '"':
			straight = !straight
			i++
			continue
		case '.', '!', '?':
		default:
			if c < 0x80 {
				i++
				continue
			}
			r, n := runeAt(text, i)
			switch r {
			case '“', '«', '„':
				quote++
			case '”', '»':
				if quote > 0 {
					quote--
				}
			case '…':
				// handled below as a terminator
			default:
				i += n
				continue
			}
			if r != '…' {
				i += n
				continue
			}
		}
		// A terminator: take the run of terminators and closing marks.
		termAt := i
		j := i
		p, qd, st := paren, quote, straight
		for j < end {
			r, n := runeAt(text, j)
			switch r {
			case '.', '!', '?', '…':
			case ')', ']':
				if p > 0 {
					p--
				}
			case '”', '»':
				if qd > 0 {
					qd--
				}
			case '"':
				st = !st
			case '’', '\'', '›':
			case '¹', '²', '³', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
				// A superscript note number after the full stop.
			case '[':
				// A note marker after the full stop: "directions.[1] Viola".
				k := noteMarkerEnd(text, j, end)
				if k < 0 {
					goto done
				}
				n = k - j
			default:
				goto done
			}
			j += n
		}
	done:
		if p > 0 || qd > 0 || st || j >= end || !endsSentence(text, start, termAt, j, end) {
			i = j
			paren, quote, straight = p, qd, st
			continue
		}
		out = appendSentence(out, text, sentStart, j)
		paren, quote, straight = p, qd, st
		sentStart = j
		i = j
	}
	return appendSentence(out, text, sentStart, end)
}

// appendSentence appends text[a:b], less surrounding spaces, if any is
// left.
func appendSentence(out []lint.Range, text string, a, b int) []lint.Range {
	a, b = trimSpace(text, a, b)
	if a < b {
		out = append(out, lint.Range{Start: a, End: b})
	}
	return out
}

// endsSentence decides whether the terminator at termAt, with its closing
// marks running to j, ends a sentence: space must follow, then a capital,
// a digit or an opening mark, and a full stop must not end an abbreviation
// or an initial.
func endsSentence(text string, start, termAt, j, end int) bool {
	r, _ := runeAt(text, j)
	if !isSpace(r) {
		return false
	}
	k := skipSpaces(text, j, end)
	if k >= end {
		return true
	}
	next, _ := runeAt(text, k)
	if !(isUpper(next) || isDigit(next) || isMark(next) || next == '"' || next == '\'' || next == '(' || next == '[') {
		return false
	}
	if text[termAt] != '.' {
		return true
	}
	// The word before the full stop: letters and inner dots ("U.S", "e.g").
	w := termAt
	dotted, ascii := false, true
	for w > start {
		if c := text[w-1]; c < utf8.RuneSelf {
			if asciiClass[c]&classLetter == 0 {
				if c != '.' {
					break
				}
				dotted = true
			}
			w--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:w])
		if !isLetter(r) {
			break
		}
		ascii = false
		w -= n
	}
	word := text[w:termAt]
	if word == "" {
		return true
	}
	// An ASCII word not of the shape of an abbreviation is none: has would
	// read it again to learn it is ASCII.
	if (!ascii || len(word) <= maxShape && abbreviations.shapes.may(word)) && abbreviations.has(word) {
		return false
	}
	// "No. 5", but "said no. Then".
	if isDigit(next) && (foldsTo(word, "no") || foldsTo(word, "nos")) {
		return false
	}
	// An initial: "J. Smith".
	if r, n := runeAt(word, 0); n == len(word) && isUpper(r) {
		return false
	}
	// Dotted initialisms: "U.S.S.R."
	return !dotted
}

// foldsTo reports whether w is the lower-case ASCII word lw in any case.
// No letter beyond ASCII folds to an ASCII letter but "K" and "İ".
func foldsTo(w, lw string) bool {
	if len(w) != len(lw) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i]|0x20 != lw[i] {
			return false
		}
	}
	return true
}

// noteMarkerEnd returns the end of a "[12]" note marker at i, or -1.
func noteMarkerEnd(text string, i, end int) int {
	k := i + 1
	for k < end && k-i < 12 && (isDigit(rune(text[k])) || text[k] == ',' || text[k] == '-' || text[k] == ' ') {
		k++
	}
	if k == i+1 || k >= end || text[k] != ']' {
		return -1
	}
	return k + 1
}
