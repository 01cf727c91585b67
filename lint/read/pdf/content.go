package pdf

import (
	"bytes"
	"math"
	"strings"
)

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// run is a piece of text shown by one string operand, placed on the page.
type run struct {
	text         string
	x, y, endX   float64
	size         float64
	bold, italic bool
	// artifact marks pagination artifacts (running heads, page numbers)
	// as tagged PDFs (Word's among them) label them.
	artifact bool
}

// gstate is the graphics state that text extraction follows.
type gstate struct {
	ctm                               matrix
	font                              *font
	size, charSpace, wordSpace, scale float64
	leading, rise                     float64
}

// interp runs content streams and collects the runs they show.
type interp struct {
	f     *file
	fonts map[any]*font
	runs  []run
	// maxRuns bounds a page's runs: a content stream of millions of
	// one-glyph strings still ends.
	maxRuns int
}

const maxRunsPerPage = 1 << 18

// page interprets a page's content streams.
func (in *interp) page(p dict) []run {
	in.runs = nil
	in.maxRuns = maxRunsPerPage
	var content []byte
	switch c := in.f.resolve(p["Contents"]).(type) {
	case stream:
		content = in.f.decode(c)
	case array:
		// Streams of one page are concatenated; a token may span two.
		var buf bytes.Buffer
		for _, s := range c {
			if st, ok := in.f.resolve(s).(stream); ok {
				buf.Write(in.f.decode(st))
				buf.WriteByte('\n')
			}
		}
		content = buf.Bytes()
	}
	res, _ := in.f.resolve(p["Resources"]).(dict)
	gs := gstate{ctm: identity, scale: 1}
	in.run(content, res, gs, 0)
	return in.runs
}

// run interprets one content stream with its resources.
func (in *interp) run(content []byte, res dict, gs gstate, depth int) {
	l := &lexer{b: content}
	var ops []any
	var stack []gstate
	tm, tlm := identity, identity
	var marked []bool // per open marked-content section: is it an artifact
	artifact := 0
	for len(in.runs) < in.maxRuns {
		tok := l.object(0)
		if _, eof := tok.(eofToken); eof {
			return
		}
		op, isOp := tok.(keyword)
		if !isOp {
			if len(ops) < 64 {
				ops = append(ops, tok)
			}
			continue
		}
		num := func(i int) float64 {
			if i < len(ops) {
				v, _ := number(ops[i])
				return v
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, gs)
			}
		case "Q":
			if k := len(stack); k > 0 {
				gs = stack[k-1]
				stack = stack[:k-1]
			}
		case "cm":
			if len(ops) == 6 {
				gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(ops) == 2 {
				if n, ok := ops[0].(name); ok {
					gs.font = in.font(res, n)
				}
				gs.size = num(1)
			}
		case "Tc":
			gs.charSpace = num(0)
		case "Tw":
			gs.wordSpace = num(0)
		case "Tz":
			gs.scale = num(0) / 100
		case "TL":
			gs.leading = num(0)
		case "Ts":
			gs.rise = num(0)
		case "Td", "TD":
			if op == "TD" {
				gs.leading = -num(1)
			}
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(ops) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.leading}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				if op == "\"" && len(ops) == 3 {
					gs.wordSpace, gs.charSpace = num(0), num(1)
				}
				tlm = matrix{1, 0, 0, 1, 0, -gs.leading}.mul(tlm)
				tm = tlm
			}
			if len(ops) > 0 {
				if s, ok := ops[len(ops)-1].(str); ok {
					tm = in.show(s, gs, tm, artifact > 0)
				}
			}
		case "TJ":
			if len(ops) == 1 {
				arr, _ := ops[0].(array)
				for _, e := range arr {
					switch v := e.(type) {
					case str:
						tm = in.show(v, gs, tm, artifact > 0)
					case int64, float64:
						n, _ := number(v)
						tm = matrix{1, 0, 0, 1, -n / 1000 * gs.size * gs.scale, 0}.mul(tm)
					}
				}
			}
		case "Do":
			if len(ops) == 1 && depth < maxFormDepth {
				if n, ok := ops[0].(name); ok {
					in.form(res, n, gs, depth)
				}
			}
		case "BMC", "BDC":
			isArtifact := len(ops) > 0 && ops[0] == name("Artifact")
			if len(marked) < 256 {
				marked = append(marked, isArtifact)
				if isArtifact {
					artifact++
				}
			}
		case "EMC":
			if k := len(marked); k > 0 {
				if marked[k-1] {
					artifact--
				}
				marked = marked[:k-1]
			}
		case "BI":
			skipInlineImage(l)
		}
		ops = ops[:0]
	}
}

// skipInlineImage moves past an inline image's data: from "ID" to "EI"
// standing alone.
func skipInlineImage(l *lexer) {
	k := bytes.Index(l.b[l.pos:], []byte("ID"))
	if k < 0 {
		l.pos = len(l.b)
		return
	}
	l.pos += k + 2
	for {
		k := bytes.Index(l.b[l.pos:], []byte("EI"))
		if k < 0 {
			l.pos = len(l.b)
			return
		}
		at := l.pos + k
		l.pos = at + 2
		if at > 0 && isWhite(l.b[at-1]) && (l.pos >= len(l.b) || isWhite(l.b[l.pos])) {
			return
		}
	}
}

// form runs a form XObject's content, which may hold text (Word and
// browsers wrap some content in forms).
func (in *interp) form(res dict, n name, gs gstate, depth int) {
	xobjects, _ := in.f.resolve(res["XObject"]).(dict)
	s, ok := in.f.resolve(xobjects[n]).(stream)
	if !ok || s.dict["Subtype"] != name("Form") {
		return
	}
	if m, ok := in.f.resolve(s.dict["Matrix"]).(array); ok && len(m) == 6 {
		var fm matrix
		for i := range 6 {
			fm[i], _ = number(in.f.resolve(m[i]))
		}
		gs.ctm = fm.mul(gs.ctm)
	}
	formRes, ok := in.f.resolve(s.dict["Resources"]).(dict)
	if !ok {
		formRes = res
	}
	in.run(in.f.decode(s), formRes, gs, depth+1)
}

func (in *interp) font(res dict, n name) *font {
	fonts, _ := in.f.resolve(res["Font"]).(dict)
	v := fonts[n]
	// A font object is cached by its reference; an inline font dictionary
	// by its name.
	var key any = n
	if r, ok := v.(ref); ok {
		key = r
	}
	if ft, ok := in.fonts[key]; ok {
		return ft
	}
	d, _ := in.f.resolve(v).(dict)
	ft := in.f.loadFont(d)
	in.fonts[key] = ft
	return ft
}

// show places a string's glyphs and returns the text matrix after them.
func (in *interp) show(s str, gs gstate, tm matrix, artifact bool) matrix {
	ft := gs.font
	if ft == nil {
		ft = &font{defaultWidth: 500}
		for c := range 256 {
			ft.simple[c] = winAnsi(byte(c))
		}
	}
	glyphs := ft.decode(s, nil)
	if len(glyphs) == 0 {
		return tm
	}
	start := matrix{gs.size * gs.scale, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm)
	var sb strings.Builder
	for _, g := range glyphs {
		sb.WriteString(g.text)
		adv := g.width/1000*gs.size + gs.charSpace
		if g.space {
			adv += gs.wordSpace
		}
		tm = matrix{1, 0, 0, 1, adv * gs.scale, 0}.mul(tm)
	}
	end := matrix{gs.size * gs.scale, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm)
	size := math.Hypot(start[2], start[3])
	if size == 0 || math.IsNaN(size) || math.IsInf(size, 0) {
		size = 1
	}
	in.runs = append(in.runs, run{
		text: sb.String(), x: start[4], y: start[5], endX: end[4], size: size,
		bold: ft.bold, italic: ft.italic, artifact: artifact,
	})
	return tm
}
