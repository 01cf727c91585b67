package pdf

import (
	"bytes"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Limits on what one PDF may make us decode: a stream inflating past
// maxStreamSize, or a document past maxDecodedTotal, is cut there (its text
// up to that point is kept); more objects, pages or form nesting than
// these are not followed.
const (
	maxStreamSize   = 16 << 20
	maxDecodedTotal = 256 << 20
	maxPages        = 10000
	maxFormDepth    = 8
	maxObjStreams   = 10000
)

var errEncrypted = errors.New("encrypted")

// file is a parsed PDF: where each object stands, and the objects read so
// far.
type file struct {
	src     []byte
	offsets map[int]int // object number → offset of "n g obj"
	cache   map[int]any
	// inObjStm maps object numbers to the object stream holding them,
	// filled the first time an object is not found in the file itself.
	inObjStm  map[int]objStmEntry
	objStmsOK bool
	// objStmData holds decoded object streams, so that each is inflated
	// once however many objects are read from it.
	objStmData map[int][]byte
	trailer    dict
	decoded    int // bytes decoded so far
	resolving  map[int]bool
}

type objStmEntry struct{ stm, off int }

// open indexes the objects of src by scanning for "n g obj" rather than by
// trusting the cross-reference table: students' PDFs come from many tools,
// some of which write broken tables, and a scan also finds the objects of
// every incremental update (the last one wins, as in the file's history).
func open(src []byte) (*file, error) {
	f := &file{src: src, offsets: map[int]int{}, cache: map[int]any{}, resolving: map[int]bool{}}
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte("obj"))
		if k < 0 {
			break
		}
		at := i + k
		i = at + 3
		if i < len(src) && !isWhite(src[i]) && !isDelim(src[i]) {
			continue // "objects", "endobj"'s tail is handled below
		}
		if at >= 3 && string(src[at-3:at]) == "end" {
			continue
		}
		num, start, ok := objectHeader(src, at)
		if ok {
			f.offsets[num] = start
		}
	}
	// The trailer: the last "trailer" dictionary, merged over earlier ones,
	// and cross-reference streams' dictionaries.
	f.trailer = dict{}
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte("trailer"))
		if k < 0 {
			break
		}
		l := &lexer{b: src, pos: i + k + len("trailer")}
		if d, ok := l.object(0).(dict); ok {
			for key, v := range d {
				f.trailer[key] = v
			}
		}
		i += k + len("trailer")
	}
	for num := range f.offsets {
		if _, ok := f.trailer["Root"]; ok {
			break
		}
		if s, ok := f.resolve(ref{num, 0}).(stream); ok && s.dict["Type"] == name("XRef") {
			for key, v := range s.dict {
				if _, have := f.trailer[key]; !have {
					f.trailer[key] = v
				}
			}
		}
	}
	if _, ok := f.trailer["Encrypt"]; ok {
		return nil, errEncrypted
	}
	// A cross-reference stream may carry /Encrypt without a classic trailer.
	if bytes.Contains(src, []byte("/Encrypt")) && bytes.Contains(src, []byte("/Filter/Standard")) ||
		bytes.Contains(src, []byte("/Filter /Standard")) {
		return nil, errEncrypted
	}
	return f, nil
}

// objectHeader reads the "n g" before "obj" at at, and returns the object
// number and the offset where the object's body starts.
func objectHeader(src []byte, at int) (int, int, bool) {
	j := at - 1
	for j >= 0 && isWhite(src[j]) {
		j--
	}
	genEnd := j + 1
	for j >= 0 && '0' <= src[j] && src[j] <= '9' {
		j--
	}
	if j+1 == genEnd {
		return 0, 0, false
	}
	for j >= 0 && isWhite(src[j]) {
		j--
	}
	numEnd := j + 1
	for j >= 0 && '0' <= src[j] && src[j] <= '9' {
		j--
	}
	if j+1 == numEnd || numEnd-(j+1) > 9 {
		return 0, 0, false
	}
	num, err := strconv.Atoi(string(src[j+1 : numEnd]))
	if err != nil {
		return 0, 0, false
	}
	return num, at + 3, true
}

// resolve follows references to the object they name.
func (f *file) resolve(v any) any {
	for range 16 {
		r, ok := v.(ref)
		if !ok {
			return v
		}
		v = f.object(r.num)
	}
	return nil
}

func (f *file) object(num int) any {
	if v, ok := f.cache[num]; ok {
		return v
	}
	if f.resolving[num] {
		return nil // a stream whose /Length refers to itself, or worse
	}
	f.resolving[num] = true
	defer delete(f.resolving, num)
	var v any
	if off, ok := f.offsets[num]; ok {
		v = f.parseAt(off)
	} else {
		v = f.fromObjStm(num)
	}
	f.cache[num] = v
	return v
}

// parseAt reads the object whose body starts at off, and its stream data
// if it has any.
func (f *file) parseAt(off int) any {
	l := &lexer{b: f.src, pos: off}
	v := l.object(0)
	d, ok := v.(dict)
	if !ok {
		if _, eof := v.(eofToken); eof {
			return nil
		}
		return v
	}
	save := l.pos
	if kw, ok := l.token().(keyword); !ok || kw != "stream" {
		l.pos = save
		return d
	}
	start := l.pos
	if start < len(f.src) && f.src[start] == '\r' {
		start++
	}
	if start < len(f.src) && f.src[start] == '\n' {
		start++
	}
	end := -1
	if n, ok := f.resolve(d["Length"]).(int64); ok && n >= 0 && int64(start)+n <= int64(len(f.src)) {
		// Trust /Length only if "endstream" follows it.
		e := int(int64(start) + n)
		rest := f.src[e:min(len(f.src), e+32)]
		if bytes.Contains(rest, []byte("endstream")) {
			end = e
		}
	}
	if end < 0 {
		k := bytes.Index(f.src[start:], []byte("endstream"))
		if k < 0 {
			end = len(f.src)
		} else {
			end = start + k
			for end > start && (f.src[end-1] == '\n' || f.src[end-1] == '\r') {
				end--
			}
		}
	}
	return stream{dict: d, raw: f.src[start:end]}
}

// fromObjStm finds an object in the compressed object streams.
func (f *file) fromObjStm(num int) any {
	if !f.objStmsOK {
		f.objStmsOK = true
		f.inObjStm = map[int]objStmEntry{}
		count := 0
		for stm := range f.offsets {
			if count >= maxObjStreams {
				break
			}
			s, ok := f.object(stm).(stream)
			if !ok || s.dict["Type"] != name("ObjStm") {
				continue
			}
			count++
			data := f.objStmBytes(stm, s)
			n, _ := f.resolve(s.dict["N"]).(int64)
			l := &lexer{b: data}
			for i := 0; i < int(min(n, 1<<20)); i++ {
				objNum, ok1 := l.token().(int64)
				off, ok2 := l.token().(int64)
				if !ok1 || !ok2 || off < 0 || off > 1<<31 {
					break
				}
				if _, have := f.inObjStm[int(objNum)]; !have {
					f.inObjStm[int(objNum)] = objStmEntry{stm: stm, off: int(off)}
				}
			}
		}
	}
	e, ok := f.inObjStm[num]
	if !ok {
		return nil
	}
	s, ok := f.object(e.stm).(stream)
	if !ok {
		return nil
	}
	data := f.objStmBytes(e.stm, s)
	first, _ := f.resolve(s.dict["First"]).(int64)
	at := first + int64(e.off)
	if first < 0 || at > int64(len(data)) {
		return nil
	}
	v := (&lexer{b: data, pos: int(at)}).object(0)
	if _, eof := v.(eofToken); eof {
		return nil
	}
	return v
}

func (f *file) objStmBytes(num int, s stream) []byte {
	if data, ok := f.objStmData[num]; ok {
		return data
	}
	if f.objStmData == nil {
		f.objStmData = map[int][]byte{}
	}
	data := f.decode(s)
	f.objStmData[num] = data
	return data
}

// decode returns a stream's data with its filters undone, cut at the
// limits. A filter citelint does not know (an image codec) gives nothing.
func (f *file) decode(s stream) []byte {
	data := s.raw
	filters := f.resolve(s.dict["Filter"])
	params := f.resolve(s.dict["DecodeParms"])
	var list array
	var plist array
	switch v := filters.(type) {
	case name:
		list = array{v}
		plist = array{params}
	case array:
		list = v
		if p, ok := params.(array); ok {
			plist = p
		}
	}
	for i, fl := range list {
		fname, _ := f.resolve(fl).(name)
		var p dict
		if i < len(plist) {
			p, _ = f.resolve(plist[i]).(dict)
		}
		budget := min(maxStreamSize, maxDecodedTotal-f.decoded)
		if budget <= 0 {
			return nil
		}
		switch fname {
		case "FlateDecode", "Fl":
			data = inflate(data, budget)
			data = f.predict(data, p)
		case "LZWDecode", "LZW":
			data = readLimited(lzw.NewReader(bytes.NewReader(data), lzw.MSB, 8), budget)
			data = f.predict(data, p)
		case "ASCIIHexDecode", "AHx":
			data = []byte((&lexer{b: append(bytes.Clone(data), '>')}).hexString())
		case "ASCII85Decode", "A85":
			data = decode85(data, budget)
		default:
			return nil
		}
		f.decoded += len(data)
	}
	return data
}

// inflate undoes FlateDecode. A stream that is truncated or has a bad
// checksum keeps what inflated before the fault, as viewers do; a raw
// deflate stream without the zlib header is tried too.
func inflate(data []byte, limit int) []byte {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	return readLimited(zr, limit)
}

func readLimited(r io.Reader, limit int) []byte {
	var buf bytes.Buffer
	_, _ = io.Copy(&buf, io.LimitReader(r, int64(limit)))
	return buf.Bytes()
}

func decode85(data []byte, limit int) []byte {
	if i := bytes.Index(data, []byte("~>")); i >= 0 {
		data = data[:i]
	}
	data = bytes.TrimPrefix(bytes.TrimSpace(data), []byte("<~"))
	return readLimited(ascii85.NewDecoder(bytes.NewReader(data)), limit)
}

// predict undoes a PNG predictor (cross-reference and object streams use
// them; content streams rarely do).
func (f *file) predict(data []byte, p dict) []byte {
	if p == nil {
		return data
	}
	pred, _ := f.resolve(p["Predictor"]).(int64)
	if pred < 10 {
		return data
	}
	cols, _ := f.resolve(p["Columns"]).(int64)
	if cols <= 0 {
		cols = 1
	}
	colors, _ := f.resolve(p["Colors"]).(int64)
	if colors <= 0 {
		colors = 1
	}
	bpc, _ := f.resolve(p["BitsPerComponent"]).(int64)
	if bpc <= 0 {
		bpc = 8
	}
	if cols > 1<<16 || colors > 64 || bpc > 16 {
		return nil
	}
	bpp := int(max((colors*bpc+7)/8, 1))
	row := int((cols*colors*bpc + 7) / 8)
	var out []byte
	prev := make([]byte, row)
	for i := 0; i+1+row <= len(data); i += row + 1 {
		kind := data[i]
		cur := bytes.Clone(data[i+1 : i+1+row])
		for k := range cur {
			var left, up, upLeft byte
			if k >= bpp {
				left = cur[k-bpp]
				upLeft = prev[k-bpp]
			}
			up = prev[k]
			switch kind {
			case 1:
				cur[k] += left
			case 2:
				cur[k] += up
			case 3:
				cur[k] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[k] += paeth(left, up, upLeft)
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// pages lists the page dictionaries in order, each with its inherited
// resources filled in.
func (f *file) pages() []dict {
	root, _ := f.resolve(f.trailer["Root"]).(dict)
	if root == nil {
		// No trailer: find the catalog among the objects.
		for num := range f.offsets {
			if d, ok := f.resolve(ref{num, 0}).(dict); ok && d["Type"] == name("Catalog") {
				root = d
				break
			}
		}
	}
	if root == nil {
		return nil
	}
	var out []dict
	seen := map[any]bool{}
	var walk func(node any, inherited dict, depth int)
	walk = func(node any, inherited dict, depth int) {
		if len(out) >= maxPages || depth > 64 {
			return
		}
		if r, ok := node.(ref); ok {
			if seen[r] {
				return
			}
			seen[r] = true
		}
		d, ok := f.resolve(node).(dict)
		if !ok {
			return
		}
		res := inherited
		if r, ok := f.resolve(d["Resources"]).(dict); ok {
			res = r
		}
		kids, isTree := f.resolve(d["Kids"]).(array)
		if isTree && d["Type"] != name("Page") {
			for _, k := range kids {
				walk(k, res, depth+1)
			}
			return
		}
		page := dict{}
		for k, v := range d {
			page[k] = v
		}
		page["Resources"] = res
		out = append(out, page)
	}
	walk(root["Pages"], nil, 0)
	return out
}

// annotations reads a page's link annotations that point to a URI.
func (f *file) annotations(p dict) []annotation {
	annots, _ := f.resolve(p["Annots"]).(array)
	var out []annotation
	for _, v := range annots[:min(len(annots), 4096)] {
		a, ok := f.resolve(v).(dict)
		if !ok || a["Subtype"] != name("Link") {
			continue
		}
		action, _ := f.resolve(a["A"]).(dict)
		uri, _ := f.resolve(action["URI"]).(str)
		rect, _ := f.resolve(a["Rect"]).(array)
		if uri == "" || len(rect) != 4 {
			continue
		}
		var r [4]float64
		for i := range 4 {
			r[i], _ = number(f.resolve(rect[i]))
		}
		out = append(out, annotation{
			x0: min(r[0], r[2]), y0: min(r[1], r[3]), x1: max(r[0], r[2]), y1: max(r[1], r[3]),
			url: strings.ToValidUTF8(string(uri), ""),
		})
	}
	return out
}
