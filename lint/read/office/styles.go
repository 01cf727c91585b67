package office

import (
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// wordStyle is what citelint needs of one style in word/styles.xml.
type wordStyle struct {
	name    string
	basedOn string
	// outline is the paragraph outline level, 0-based, or -1.
	outline int
	// bold, italic and underline are nil when the style does not set them,
	// so that inheritance can tell "not set" from "off".
	bold, italic, underline *bool
	numID                   string
	hasNum                  bool
	ind                     indent
}

// indent is a paragraph's left indentation in twips.
type indent struct {
	set           bool
	left, hanging int
}

// wordStyles maps style ids to styles.
type wordStyles struct {
	byID         map[string]*wordStyle
	defaultParID string
}

// maxStyleChain bounds basedOn chains: a style based on itself (or a long
// cycle) must not loop.
const maxStyleChain = 16

func (s *wordStyles) chain(id string, visit func(*wordStyle) bool) {
	if s == nil {
		return
	}
	for range maxStyleChain {
		st := s.byID[id]
		if st == nil || visit(st) {
			return
		}
		id = st.basedOn
	}
}

// headingRE recognises heading style ids and names: "heading 1", "Heading1",
// and the ids localised Word versions give the same built-in styles
// (German "berschrift1" — "Überschrift 1" with its umlaut dropped —, French
// "Titre1", Spanish "Ttulo1", Dutch "Kop1", Italian "Titolo1").
var headingRE = regexp.MustCompile(`(?i)^(?:heading|berschrift|überschrift|titre|ttulo|título|titolo|kop|rubrik|otsikko|nagwek|nagłówek)\s*([1-9])$`)

// headingLevel returns the heading level of paragraph style id (1–6), or 0.
func (s *wordStyles) headingLevel(id string) int {
	level := 0
	s.chain(id, func(st *wordStyle) bool {
		if st.outline >= 0 && st.outline < 9 {
			level = st.outline + 1
			return true
		}
		if n := nameLevel(st.name); n > 0 {
			level = n
			return true
		}
		return false
	})
	if level == 0 && (s == nil || s.byID[id] == nil) {
		level = nameLevel(id)
	}
	return min(level, 6)
}

func nameLevel(name string) int {
	if m := headingRE.FindStringSubmatch(strings.TrimSpace(name)); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "title", "titel", "titre", "título", "titolo":
		return 1
	}
	return 0
}

// isQuoteStyle reports whether paragraph style id is one of Word's
// quotation styles.
func (s *wordStyles) isQuoteStyle(id string) bool {
	found := false
	s.chain(id, func(st *wordStyle) bool {
		switch strings.ToLower(st.name) {
		case "quote", "intense quote", "block text", "quotation", "block quote", "blockquote":
			found = true
			return true
		}
		return false
	})
	return found
}

// isListStyle reports whether paragraph style id is a list style ("List
// Paragraph", "List Bullet").
func (s *wordStyles) isListStyle(id string) bool {
	found := false
	s.chain(id, func(st *wordStyle) bool {
		if strings.HasPrefix(strings.ToLower(st.name), "list") {
			found = true
			return true
		}
		return false
	})
	return found
}

// flag resolves a run property through a style chain.
func (s *wordStyles) flag(id string, get func(*wordStyle) *bool) (bool, bool) {
	var v, ok bool
	s.chain(id, func(st *wordStyle) bool {
		if p := get(st); p != nil {
			v, ok = *p, true
			return true
		}
		return false
	})
	return v, ok
}

func (s *wordStyles) numbering(id string) (string, bool) {
	var num string
	var ok bool
	s.chain(id, func(st *wordStyle) bool {
		if st.hasNum {
			num, ok = st.numID, true
			return true
		}
		return false
	})
	return num, ok
}

func (s *wordStyles) indentation(id string) indent {
	var ind indent
	s.chain(id, func(st *wordStyle) bool {
		if st.ind.set {
			ind = st.ind
			return true
		}
		return false
	})
	return ind
}

// parseStyles reads word/styles.xml. A broken styles part is not fatal:
// the styles read up to the fault are kept, and style ids still name
// headings.
func parseStyles(r io.Reader) *wordStyles {
	s := &wordStyles{byID: map[string]*wordStyle{}}
	dec := xml.NewDecoder(r)
	var cur *wordStyle
	var curID string
	for {
		tok, err := dec.Token()
		if err != nil {
			return s
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				cur = &wordStyle{outline: -1}
				curID = attr(t, "styleId")
				if curID != "" {
					s.byID[curID] = cur
				}
				if attr(t, "type") == "paragraph" && onOff(attr(t, "default"), false) {
					s.defaultParID = curID
				}
			case "name":
				if cur != nil {
					cur.name = attr(t, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t, "val")
				}
			case "outlineLvl":
				if cur != nil {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil {
						cur.outline = n
					}
				}
			case "b", "i", "u":
				if cur == nil {
					continue
				}
				v := propOn(t)
				switch t.Name.Local {
				case "b":
					cur.bold = &v
				case "i":
					cur.italic = &v
				case "u":
					cur.underline = &v
				}
			case "numId":
				if cur != nil {
					cur.numID, cur.hasNum = attr(t, "val"), true
				}
			case "ind":
				if cur != nil {
					cur.ind = parseInd(t)
				}
			case "tblPr", "tcPr", "trPr", "tblStylePr":
				// Table style parts carry run properties of their own that
				// are not the style's.
				_ = dec.Skip()
			}
		case xml.EndElement:
			if t.Name.Local == "style" {
				cur = nil
			}
		}
	}
}

// attr returns the value of the attribute with local name local.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// attrNS returns the value of the attribute local whose namespace ends in
// suffix (r:id is "id" in the relationships namespace; w:id is not).
func attrNS(t xml.StartElement, suffix, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && strings.HasSuffix(a.Name.Space, suffix) {
			return a.Value
		}
	}
	return ""
}

// onOff reads an OOXML on/off value; empty means def.
func onOff(v string, def bool) bool {
	switch strings.ToLower(v) {
	case "":
		return def
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// propOn reads a toggle property element such as <w:b/> or <w:b w:val="0"/>;
// for <w:u>, the value is the underline kind and "none" is off.
func propOn(t xml.StartElement) bool { return onOff(attr(t, "val"), true) }

func parseInd(t xml.StartElement) indent {
	ind := indent{}
	for _, name := range []string{"left", "start"} {
		if v := attr(t, name); v != "" {
			if n, err := strconv.Atoi(v); err == nil {
				ind.left, ind.set = n, true
				break
			}
		}
	}
	if v := attr(t, "hanging"); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			ind.hanging, ind.set = n, true
		}
	}
	return ind
}
