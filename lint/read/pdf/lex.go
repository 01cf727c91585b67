package pdf

import (
	"bytes"
	"strconv"
)

// The PDF object model, as far as text extraction needs it.
type (
	name   string
	str    string // a string object's bytes, escapes resolved
	array  []any
	dict   map[name]any
	ref    struct{ num, gen int }
	stream struct {
		dict dict
		raw  []byte // the encoded data, a slice of the file
	}
	// keyword is a bare word of a content stream: an operator.
	keyword string
)

// maxDepth bounds nesting of arrays and dictionaries: a crafted file
// must not exhaust the stack.
const maxDepth = 64

// lexer reads PDF tokens from b starting at pos.
type lexer struct {
	b   []byte
	pos int
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// errEOF is the token returned at the end of input.
type eofToken struct{}

// delimToken is a structural token: "[", "]", "<<", ">>", "{", "}".
type delimToken string

// token returns the next token: a value (number, string, name, bool, nil
// for null), a keyword, a delimToken, or eofToken.
func (l *lexer) token() any {
	// Stray closing delimiters are skipped in a loop, not by recursion, so
	// that a stream of a million ")" cannot grow the stack.
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return eofToken{}
		}
		c := l.b[l.pos]
		switch c {
		case '(':
			return l.literalString()
		case '<':
			if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
				l.pos += 2
				return delimToken("<<")
			}
			return l.hexString()
		case '>':
			if l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
				l.pos += 2
				return delimToken(">>")
			}
			l.pos++
			continue
		case '[', ']', '{', '}':
			l.pos++
			return delimToken(string(c))
		case ')':
			l.pos++
			continue
		case '/':
			return l.name()
		}
		if tok, ok := l.word(c); ok {
			return tok
		}
	}
}

// word reads a number or a keyword starting with c; false when there is
// no word here (a stray byte, skipped).
func (l *lexer) word(c byte) (any, bool) {
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	word := l.b[start:l.pos]
	if len(word) == 0 {
		l.pos++
		return nil, false
	}
	if c == '+' || c == '-' || c == '.' || '0' <= c && c <= '9' {
		if n, err := strconv.ParseInt(string(word), 10, 64); err == nil {
			return n, true
		}
		if f, err := strconv.ParseFloat(string(word), 64); err == nil {
			return f, true
		}
		// Malformed numbers such as "--1" or "1.2.3" count as 0, as readers do.
		return int64(0), true
	}
	switch string(word) {
	case "true":
		return true, true
	case "false":
		return false, true
	case "null":
		return nil, true
	}
	return keyword(word), true
}

func (l *lexer) name() name {
	l.pos++ // '/'
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	raw := l.b[start:l.pos]
	if bytes.IndexByte(raw, '#') < 0 {
		return name(raw)
	}
	var out []byte
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			if v, err := strconv.ParseUint(string(raw[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, raw[i])
	}
	return name(out)
}

func (l *lexer) literalString() str {
	l.pos++ // '('
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return str(out)
			}
		case '\\':
			if l.pos >= len(l.b) {
				return str(out)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if '0' <= e && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && '0' <= l.b[l.pos] && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return str(out)
}

func (l *lexer) hexString() str {
	l.pos++ // '<'
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return str(out)
}

// object reads one object: a value, an array, a dictionary, or an
// indirect reference "n g R". It returns eofToken{} at the end and a
// keyword or stray delimiter as it is.
func (l *lexer) object(depth int) any {
	tok := l.token()
	return l.complete(tok, depth)
}

func (l *lexer) complete(tok any, depth int) any {
	switch t := tok.(type) {
	case delimToken:
		switch t {
		case "[":
			if depth >= maxDepth {
				return array(nil)
			}
			var arr array
			for {
				v := l.object(depth + 1)
				switch v := v.(type) {
				case eofToken:
					return arr
				case delimToken:
					if v == "]" {
						return arr
					}
					continue
				}
				arr = append(arr, v)
			}
		case "<<":
			if depth >= maxDepth {
				return dict{}
			}
			d := dict{}
			for {
				k := l.token()
				switch k := k.(type) {
				case name:
					v := l.object(depth + 1)
					if _, bad := v.(eofToken); bad {
						return d
					}
					if dt, ok := v.(delimToken); ok && dt == ">>" {
						return d
					}
					d[k] = v
					continue
				case delimToken:
					if k == ">>" {
						return d
					}
				case eofToken:
					return d
				}
			}
		}
		return t
	case int64:
		// "n g R" is a reference: look ahead without consuming otherwise.
		save := l.pos
		if g, ok := l.token().(int64); ok {
			if kw, ok := l.token().(keyword); ok && kw == "R" {
				return ref{int(t), int(g)}
			}
		}
		l.pos = save
		return t
	}
	return tok
}
