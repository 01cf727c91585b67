package pdf

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// font is what text extraction needs of a font: how its codes split and
// map to Unicode, and how wide each code's glyph is.
type font struct {
	// twoByte: codes are two bytes (a Type0 font without a ToUnicode
	// code space saying otherwise).
	twoByte bool
	// toUnicode is the font's ToUnicode CMap, when it has one.
	toUnicode *cmap
	// simple maps single-byte codes to text through the font's encoding.
	simple [256]string
	// widths in thousandths of the font size: first..first+len(widths)-1
	// for simple fonts; cidWidths for Type0.
	first        int
	widths       []float64
	cidWidths    map[int]float64
	defaultWidth float64
	bold, italic bool
}

// loadFont reads a font dictionary.
func (f *file) loadFont(d dict) *font {
	ft := &font{defaultWidth: 500}
	subtype, _ := f.resolve(d["Subtype"]).(name)
	base, _ := f.resolve(d["BaseFont"]).(name)
	lowerBase := strings.ToLower(string(base))
	ft.bold = strings.Contains(lowerBase, "bold") || strings.Contains(lowerBase, "black") || strings.Contains(lowerBase, "heavy")
	ft.italic = strings.Contains(lowerBase, "italic") || strings.Contains(lowerBase, "oblique")
	if s, ok := f.resolve(d["ToUnicode"]).(stream); ok {
		ft.toUnicode = parseCMap(f.decode(s))
	}
	if subtype == "Type0" {
		ft.twoByte = true
		ft.defaultWidth = 1000
		if desc, ok := f.resolve(d["DescendantFonts"]).(array); ok && len(desc) > 0 {
			if cid, ok := f.resolve(desc[0]).(dict); ok {
				if dw, ok := number(f.resolve(cid["DW"])); ok {
					ft.defaultWidth = dw
				}
				ft.cidWidths = f.cidWidths(f.resolve(cid["W"]))
				if fd, ok := f.resolve(cid["FontDescriptor"]).(dict); ok {
					if fn, _ := f.resolve(fd["FontName"]).(name); strings.Contains(strings.ToLower(string(fn)), "bold") {
						ft.bold = true
					}
				}
			}
		}
		if ft.toUnicode != nil && ft.toUnicode.oneByte() {
			ft.twoByte = false
		}
		return ft
	}
	// A simple font: the base encoding, then Differences.
	base8 := standardEncoding
	if subtype == "TrueType" {
		base8 = winAnsi
	}
	var diffs array
	switch enc := f.resolve(d["Encoding"]).(type) {
	case name:
		base8 = encodingByName(enc, base8)
	case dict:
		if bn, ok := f.resolve(enc["BaseEncoding"]).(name); ok {
			base8 = encodingByName(bn, base8)
		}
		diffs, _ = f.resolve(enc["Differences"]).(array)
	}
	for c := range 256 {
		ft.simple[c] = base8(byte(c))
	}
	code := 0
	for _, v := range diffs {
		switch v := f.resolve(v).(type) {
		case int64:
			code = int(v)
		case float64:
			code = int(v)
		case name:
			if code >= 0 && code < 256 {
				ft.simple[code] = glyphText(string(v))
			}
			code++
		}
	}
	if fc, ok := number(f.resolve(d["FirstChar"])); ok {
		ft.first = int(fc)
	}
	if ws, ok := f.resolve(d["Widths"]).(array); ok {
		for _, w := range ws[:min(len(ws), 256)] {
			n, _ := number(f.resolve(w))
			ft.widths = append(ft.widths, n)
		}
	}
	if len(ft.widths) == 0 {
		if std := standardFontWidths(string(base)); std != nil {
			ft.first = 0
			for _, w := range std {
				ft.widths = append(ft.widths, float64(w))
			}
		}
	}
	if fd, ok := f.resolve(d["FontDescriptor"]).(dict); ok {
		if mw, ok := number(f.resolve(fd["MissingWidth"])); ok && mw > 0 {
			ft.defaultWidth = mw
		}
	}
	return ft
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// cidWidths reads a CID font's W array: "c [w1 w2 …]" and "c1 c2 w".
func (f *file) cidWidths(v any) map[int]float64 {
	arr, ok := v.(array)
	if !ok {
		return nil
	}
	out := map[int]float64{}
	for i := 0; i < len(arr); {
		c, ok := number(f.resolve(arr[i]))
		if !ok || i+1 >= len(arr) {
			break
		}
		switch next := f.resolve(arr[i+1]).(type) {
		case array:
			for k, w := range next {
				if n, ok := number(f.resolve(w)); ok && len(out) < 1<<16 {
					out[int(c)+k] = n
				}
			}
			i += 2
		default:
			last, ok1 := number(next)
			if i+2 >= len(arr) || !ok1 {
				return out
			}
			w, _ := number(f.resolve(arr[i+2]))
			for code := int(c); code <= int(last) && code-int(c) < 1<<16 && len(out) < 1<<16; code++ {
				out[code] = w
			}
			i += 3
		}
	}
	return out
}

// glyph is one code of a shown string: its text and its advance width in
// thousandths of the font size.
type glyph struct {
	text  string
	width float64
	space bool // the single-byte code 32, which word spacing applies to
}

// decode splits a shown string into glyphs.
func (ft *font) decode(s str, out []glyph) []glyph {
	b := []byte(s)
	for i := 0; i < len(b); {
		n := 1
		if ft.toUnicode != nil {
			n = ft.toUnicode.codeLen(b[i:], ft.twoByte)
		} else if ft.twoByte {
			n = 2
		}
		n = min(n, len(b)-i)
		code := 0
		for _, c := range b[i : i+n] {
			code = code<<8 | int(c)
		}
		i += n
		g := glyph{space: n == 1 && code == 32}
		var ok bool
		if ft.toUnicode != nil {
			g.text, ok = ft.toUnicode.lookup(code, n)
		}
		if !ok && n == 1 {
			g.text = ft.simple[code]
		}
		g.width = ft.width(code)
		out = append(out, g)
	}
	return out
}

func (ft *font) width(code int) float64 {
	if ft.cidWidths != nil {
		if w, ok := ft.cidWidths[code]; ok {
			return w
		}
		return ft.defaultWidth
	}
	if k := code - ft.first; k >= 0 && k < len(ft.widths) && ft.widths[k] > 0 {
		return ft.widths[k]
	}
	if code == 32 {
		return 250
	}
	return ft.defaultWidth
}

// cmap is a ToUnicode CMap: code space ranges and code → text mappings.
type cmap struct {
	spaces []codeSpace
	chars  map[int]string // keyed by code | length<<24
	ranges []bfRange
}

type codeSpace struct {
	n      int
	lo, hi []byte
}

type bfRange struct {
	n      int
	lo, hi int
	dst    []uint16 // the first destination; later codes add to its last unit
	list   []string // an array destination
}

// oneByte reports whether every code space range is one byte long.
func (m *cmap) oneByte() bool {
	if len(m.spaces) == 0 {
		return false
	}
	for _, s := range m.spaces {
		if s.n != 1 {
			return false
		}
	}
	return true
}

// codeLen returns the length of the code at the start of b.
func (m *cmap) codeLen(b []byte, twoByte bool) int {
	for _, s := range m.spaces {
		if len(b) < s.n {
			continue
		}
		in := true
		for k := range s.n {
			if b[k] < s.lo[k] || b[k] > s.hi[k] {
				in = false
				break
			}
		}
		if in {
			return s.n
		}
	}
	if twoByte {
		return 2
	}
	return 1
}

func (m *cmap) lookup(code, n int) (string, bool) {
	if s, ok := m.chars[code|n<<24]; ok {
		return s, true
	}
	for _, r := range m.ranges {
		if r.n != n || code < r.lo || code > r.hi {
			continue
		}
		k := code - r.lo
		if r.list != nil {
			if k < len(r.list) {
				return r.list[k], true
			}
			return "", false
		}
		dst := append([]uint16(nil), r.dst...)
		if len(dst) > 0 {
			dst[len(dst)-1] += uint16(k)
		}
		return utf16Text(dst), true
	}
	return "", false
}

// utf16Text turns a CMap destination (UTF-16BE units) into text.
func utf16Text(units []uint16) string {
	return strings.ToValidUTF8(string(utf16.Decode(units)), "\uFFFD")
}

func unitsOf(s str) []uint16 {
	b := []byte(s)
	var out []uint16
	for i := 0; i+1 < len(b); i += 2 {
		out = append(out, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(b)%2 == 1 {
		out = append(out, uint16(b[len(b)-1]))
	}
	return out
}

func codeOf(s str) int {
	code := 0
	for _, c := range []byte(s)[:min(len(s), 4)] {
		code = code<<8 | int(c)
	}
	return code
}

// maxCMapEntries bounds a CMap's mappings.
const maxCMapEntries = 1 << 17

// parseCMap reads the parts of a ToUnicode CMap that map codes:
// codespace ranges, bfchar and bfrange sections.
func parseCMap(data []byte) *cmap {
	m := &cmap{chars: map[int]string{}}
	l := &lexer{b: data}
	var operands []any
	section := ""
	for len(m.chars)+len(m.ranges) < maxCMapEntries {
		tok := l.object(0)
		switch t := tok.(type) {
		case eofToken:
			return m
		case keyword:
			switch t {
			case "begincodespacerange", "beginbfchar", "beginbfrange":
				section = string(t)
			case "endcodespacerange", "endbfchar", "endbfrange":
				section = ""
			}
			operands = operands[:0]
			continue
		}
		operands = append(operands, tok)
		switch section {
		case "begincodespacerange":
			if len(operands) == 2 {
				lo, ok1 := operands[0].(str)
				hi, ok2 := operands[1].(str)
				if ok1 && ok2 && len(lo) == len(hi) && len(lo) >= 1 && len(lo) <= 4 {
					m.spaces = append(m.spaces, codeSpace{n: len(lo), lo: []byte(lo), hi: []byte(hi)})
				}
				operands = operands[:0]
			}
		case "beginbfchar":
			if len(operands) == 2 {
				src, ok := operands[0].(str)
				if ok && len(src) >= 1 && len(src) <= 4 {
					switch dst := operands[1].(type) {
					case str:
						m.chars[codeOf(src)|len(src)<<24] = utf16Text(unitsOf(dst))
					case name:
						m.chars[codeOf(src)|len(src)<<24] = glyphText(string(dst))
					}
				}
				operands = operands[:0]
			}
		case "beginbfrange":
			if len(operands) == 3 {
				lo, ok1 := operands[0].(str)
				hi, ok2 := operands[1].(str)
				if ok1 && ok2 && len(lo) == len(hi) && len(lo) >= 1 && len(lo) <= 4 {
					r := bfRange{n: len(lo), lo: codeOf(lo), hi: codeOf(hi)}
					switch dst := operands[2].(type) {
					case str:
						r.dst = unitsOf(dst)
					case array:
						for _, d := range dst {
							s, _ := d.(str)
							r.list = append(r.list, utf16Text(unitsOf(s)))
						}
					}
					if r.hi >= r.lo && (r.dst != nil || r.list != nil) {
						m.ranges = append(m.ranges, r)
					}
				}
				operands = operands[:0]
			}
		default:
			if len(operands) > 16 {
				operands = operands[:0]
			}
		}
	}
	return m
}

// The single-byte encodings.
func winAnsi(c byte) string {
	if c < 32 {
		return ""
	}
	r := charmap.Windows1252.DecodeByte(c)
	if r == '\uFFFD' || r == 0x7F || r == 0xAD {
		return ""
	}
	return string(r)
}

func macRoman(c byte) string {
	if c < 32 {
		return ""
	}
	return string(charmap.Macintosh.DecodeByte(c))
}

// standardEncoding is Adobe's StandardEncoding: ASCII with curly single
// quotes at 0x27 and 0x60, and its own upper half, of which the
// punctuation essays use is mapped.
func standardEncoding(c byte) string {
	switch c {
	case 0x27:
		return "’"
	case 0x60:
		return "‘"
	}
	if c >= 32 && c < 127 {
		return string(rune(c))
	}
	switch c {
	case 0xA9:
		return "'"
	case 0xAA:
		return "“"
	case 0xBA:
		return "”"
	case 0xB1:
		return "–"
	case 0xD0:
		return "—"
	case 0xAE:
		return "fi"
	case 0xAF:
		return "fl"
	case 0xB7:
		return "•"
	case 0xBC:
		return "…"
	case 0xA7:
		return "§"
	case 0xB2:
		return "†"
	case 0xB3:
		return "‡"
	case 0xB9:
		return "‚"
	case 0xB8:
		return "„"
	}
	return ""
}

func encodingByName(n name, def func(byte) string) func(byte) string {
	switch n {
	case "WinAnsiEncoding":
		return winAnsi
	case "MacRomanEncoding":
		return macRoman
	case "StandardEncoding":
		return standardEncoding
	case "PDFDocEncoding":
		return winAnsi
	}
	return def
}

// glyphNames maps the glyph names of Adobe's glyph list that essays use
// beyond letters and the accented letters composed below.
var glyphNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%",
	"ampersand": "&", "quotesingle": "'", "quoteright": "’", "quoteleft": "‘", "parenleft": "(",
	"parenright": ")", "asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "period": ".",
	"slash": "/", "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9", "colon": ":", "semicolon": ";",
	"less": "<", "equal": "=", "greater": ">", "question": "?", "at": "@", "bracketleft": "[",
	"backslash": "\\", "bracketright": "]", "asciicircum": "^", "underscore": "_", "grave": "`",
	"braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~", "quotedblleft": "“",
	"quotedblright": "”", "quotesinglbase": "‚", "quotedblbase": "„", "guillemotleft": "«",
	"guillemotright": "»", "guilsinglleft": "‹", "guilsinglright": "›", "endash": "–", "emdash": "—",
	"ellipsis": "…", "bullet": "•", "fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl",
	"section": "§", "paragraph": "¶", "dagger": "†", "daggerdbl": "‡", "copyright": "©",
	"registered": "®", "trademark": "™", "degree": "°", "exclamdown": "¡", "questiondown": "¿",
	"germandbls": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "oslash": "ø", "Oslash": "Ø",
	"dotlessi": "ı", "lslash": "ł", "Lslash": "Ł", "eth": "ð", "Eth": "Ð", "thorn": "þ", "Thorn": "Þ",
	"nbspace": " ", "minus": "−", "periodcentered": "·", "multiply": "×", "divide": "÷",
	"cent": "¢", "sterling": "£", "yen": "¥", "Euro": "€", "ordfeminine": "ª", "ordmasculine": "º",
	"onehalf": "½", "onequarter": "¼", "threequarters": "¾", "acute": "´", "dieresis": "¨",
	"cedilla": "¸", "macron": "¯", "brokenbar": "¦", "logicalnot": "¬", "plusminus": "±", "mu": "µ",
	"softhyphen": "", ".notdef": "",
}

// accents maps the accent suffixes of glyph names to combining marks, so
// that "eacute" composes to "é".
var accents = []struct{ suffix, mark string }{
	{"acute", "\u0301"}, {"grave", "\u0300"}, {"circumflex", "\u0302"}, {"dieresis", "\u0308"},
	{"tilde", "\u0303"}, {"ring", "\u030A"}, {"cedilla", "\u0327"}, {"caron", "\u030C"},
	{"macron", "\u0304"}, {"breve", "\u0306"}, {"ogonek", "\u0328"}, {"dotaccent", "\u0307"},
	{"hungarumlaut", "\u030B"}, {"commaaccent", "\u0326"},
}

// glyphText returns the text of a glyph name.
func glyphText(n string) string {
	if s, ok := glyphNames[n]; ok {
		return s
	}
	if len(n) == 1 {
		return n
	}
	if i := strings.IndexByte(n, '.'); i > 0 {
		return glyphText(n[:i]) // "a.sc", "one.oldstyle"
	}
	if strings.HasPrefix(n, "uni") && len(n) >= 7 && (len(n)-3)%4 == 0 {
		var units []uint16
		for i := 3; i+4 <= len(n); i += 4 {
			v, err := strconv.ParseUint(n[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			units = append(units, uint16(v))
		}
		return utf16Text(units)
	}
	if strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7 {
		if v, err := strconv.ParseUint(n[1:], 16, 32); err == nil && v <= 0x10FFFF {
			return strings.ToValidUTF8(string(rune(v)), "")
		}
	}
	for _, a := range accents {
		if base, ok := strings.CutSuffix(n, a.suffix); ok && len(base) == 1 {
			return norm.NFC.String(base + a.mark)
		}
	}
	return ""
}
