package locate

// Run is a stretch of an essay's prose that stands word for word in the
// source.
type Run struct {
	// Start and End are the byte range of the run in the text given to
	// LongestCommonRun.
	Start, End int
	// SourceStart and SourceEnd are its byte range in the indexed text.
	SourceStart, SourceEnd int
	// Words is the run's length in words.
	Words int
}

// LongestCommonRun returns the runs of at least minWords consecutive words
// of text (an essay's passage) that stand verbatim, after normalisation,
// in the indexed source: prose copied without quotation marks. Runs do not
// overlap in text; each is as long as the source allows from its leftmost
// start.
func (ix *Index) LongestCommonRun(text string, minWords int) []Run {
	minWords = max(minWords, 1)
	tokens := Normalize(text)
	if len(tokens) < minWords || len(ix.ids) == 0 {
		return nil
	}
	ids := make([]int32, len(tokens))
	for i, t := range tokens {
		ids[i] = ix.id(t.Word)
	}
	var runs []Run
	for i := 0; i+minWords <= len(ids); {
		// Any run from i holds the first minWords words: anchor on the
		// rarest of them, or move past a word the source never uses.
		anchor, unknown := i, -1
		for k := i; k < i+minWords; k++ {
			if ids[k] < 0 {
				unknown = k
			} else if ix.count(ids[k]) < ix.count(ids[anchor]) {
				anchor = k
			}
		}
		if unknown >= 0 {
			i = unknown + 1
			continue
		}
		bestLen, bestAt := 0, -1
		for _, p := range ix.positions(ids[anchor]) {
			s := int(p) - (anchor - i)
			if s < 0 {
				continue
			}
			n := 0
			for i+n < len(ids) && s+n < len(ix.ids) && ix.ids[s+n] == ids[i+n] {
				n++
			}
			if n >= minWords && n > bestLen {
				bestLen, bestAt = n, s
			}
		}
		if bestAt < 0 {
			i++
			continue
		}
		ss, se := ix.WordRange(bestAt, bestAt+bestLen)
		runs = append(runs, Run{
			Start: tokens[i].Start, End: tokens[i+bestLen-1].End,
			SourceStart: ss, SourceEnd: se,
			Words: bestLen,
		})
		i += bestLen
	}
	return runs
}
