package office

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/citelint/citelint/lint"
)

// ODT reads an OpenDocument text (LibreOffice, Google Docs' .odt export),
// the same way Docx reads Word: text:h headings (and paragraphs in heading
// or Title styles), text:list items (one List per outermost list),
// italic and bold spans through the automatic and common styles, text:a
// links, notes (text:note) as NoteRefs in the body and Notes after it, and
// paragraphs indented half an inch or more (not hanging) or in the
// Quotations style as block quotations. Src has one line per paragraph,
// body first, then the notes' paragraphs; see the package comment.
func ODT(path string, src []byte) (*lint.Document, error) {
	zr, err := openPackage(path, src, "an OpenDocument text")
	if err != nil {
		return nil, err
	}
	content := findPart(zr, "content.xml")
	if content == nil {
		return nil, fmt.Errorf("%s: not an OpenDocument text (content.xml missing)", path)
	}
	if f := findPart(zr, "META-INF/manifest.xml"); f != nil {
		if manifest, err := readPart(f); err == nil && bytes.Contains(manifest, []byte("encryption-data")) {
			return nil, fmt.Errorf("%s: the document is password-protected", path)
		}
	}
	styles := odtStyles{}
	if f := findPart(zr, "styles.xml"); f != nil {
		if rc, err := openPart(f); err == nil {
			styles.parse(rc)
			rc.Close()
		}
	}
	rc, err := openPart(content)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer rc.Close()
	w := &odtWalker{styles: styles}
	if err := w.walk(rc); err != nil {
		return nil, fmt.Errorf("%s: content.xml: %w", path, err)
	}
	return build(path, lint.FormatODT, w.paras, w.notes), nil
}

// odtStyle is what citelint needs of an OpenDocument style.
type odtStyle struct {
	displayName, parent     string
	bold, italic, underline *bool
	// outline is the style's default outline level, 0 when none.
	outline int
	ind     indent
}

// odtStyles maps "family:name" to styles, common and automatic alike.
type odtStyles map[string]*odtStyle

func (s odtStyles) chain(family, name string, visit func(*odtStyle) bool) {
	for range maxStyleChain {
		st := s[family+":"+name]
		if st == nil || visit(st) {
			return
		}
		name = st.parent
	}
}

func (s odtStyles) flag(family, name string, get func(*odtStyle) *bool) (bool, bool) {
	var v, ok bool
	s.chain(family, name, func(st *odtStyle) bool {
		if p := get(st); p != nil {
			v, ok = *p, true
			return true
		}
		return false
	})
	return v, ok
}

// parse reads the styles of a styles.xml or of content.xml's
// office:automatic-styles, up to office:body.
func (s odtStyles) parse(r io.Reader) {
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if t.Name.Local == "body" {
			return
		}
		s.element(t)
	}
}

// current is the style being read by element; it is kept in the map
// under the key "" so that property elements find it.
func (s odtStyles) element(t xml.StartElement) {
	switch t.Name.Local {
	case "style":
		st := &odtStyle{displayName: attr(t, "display-name"), parent: attr(t, "parent-style-name")}
		if n, err := strconv.Atoi(attr(t, "default-outline-level")); err == nil {
			st.outline = n
		}
		name := attr(t, "name")
		if st.displayName == "" {
			st.displayName = strings.ReplaceAll(name, "_20_", " ")
		}
		s[attr(t, "family")+":"+name] = st
		s[""] = st
	case "list-style", "default-style", "page-layout", "master-page":
		// Their properties are not a named paragraph or text style's.
		s[""] = nil
	case "text-properties":
		st := s[""]
		if st == nil {
			return
		}
		if v := attr(t, "font-weight"); v != "" {
			b := v == "bold" || v >= "600" && v <= "900" && len(v) == 3
			st.bold = &b
		}
		if v := attr(t, "font-style"); v != "" {
			i := v == "italic" || v == "oblique"
			st.italic = &i
		}
		if v := attr(t, "text-underline-style"); v != "" {
			u := v != "none"
			st.underline = &u
		}
	case "paragraph-properties":
		st := s[""]
		if st == nil {
			return
		}
		if v := attr(t, "margin-left"); v != "" {
			st.ind.left, st.ind.set = twips(v), true
		}
		if v := attr(t, "margin-start"); v != "" && !st.ind.set {
			st.ind.left, st.ind.set = twips(v), true
		}
		if v := attr(t, "text-indent"); v != "" {
			if n := twips(v); n < 0 {
				st.ind.hanging, st.ind.set = -n, true
			}
		}
	}
}

// twips converts an OpenDocument length ("1.27cm", "0.5in", "36pt") to
// twips; 0 when it cannot be read.
func twips(v string) int {
	for _, u := range []struct {
		unit string
		per  float64
	}{{"cm", 567}, {"mm", 56.7}, {"in", 1440}, {"pt", 20}, {"pc", 240}} {
		if num, ok := strings.CutSuffix(v, u.unit); ok {
			f, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return 0
			}
			return int(f * u.per)
		}
	}
	return 0
}

// odtWalker reads content.xml.
type odtWalker struct {
	styles odtStyles
	paras  []*para
	notes  []note

	cur *para
	// spans holds the text styles of the open spans, innermost last.
	spans []string
	// paraStyle is the open paragraph's style name.
	paraStyle string
	heading   int
	listDepth int
	lists     int
	links     []openLink
	// saved is the body paragraph a note interrupts.
	saved    []odtSaved
	noteHead string
}

type odtSaved struct {
	cur       *para
	paraStyle string
	heading   int
	spans     []string
	listDepth int
	links     []openLink
	paras     []*para
}

// odtSkipped lists elements whose content is not essay text: annotations
// (comments), frames and drawings, tracked changes, generated tables of
// contents, and declarations.
var odtSkipped = map[string]bool{
	"annotation": true, "frame": true, "custom-shape": true, "g": true, "tracked-changes": true,
	"table-of-content": true, "sequence-decls": true, "variable-decls": true, "user-field-decls": true,
	"changed-region": true, "deletion": true, "automatic-styles": true, "font-face-decls": true,
	"scripts": true, "forms": true, "illustration-index": true, "table-index": true, "user-index": true,
	"alphabetical-index": true, "object-index": true, "note-citation": true,
}

func (w *odtWalker) walk(r io.Reader) error {
	dec := xml.NewDecoder(r)
	inBody := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if !inBody {
				switch name {
				case "body":
					inBody = true
				case "style", "text-properties", "paragraph-properties":
					w.styles.element(t)
				}
				continue
			}
			if name == "note-citation" {
				label, err := charData(dec)
				if err != nil {
					return err
				}
				if l := attr(t, "label"); l != "" {
					label = l
				}
				w.noteCitation(strings.TrimSpace(label))
				continue
			}
			if odtSkipped[name] {
				if err := dec.Skip(); err != nil {
					return err
				}
				continue
			}
			switch name {
			case "p", "h":
				if w.cur != nil {
					continue
				}
				w.cur = &para{}
				w.paraStyle = attr(t, "style-name")
				w.heading = 0
				if name == "h" {
					w.heading = 1
					if n, err := strconv.Atoi(attr(t, "outline-level")); err == nil && n > 0 {
						w.heading = min(n, 6)
					}
				}
			case "span":
				if len(w.spans) < 64 {
					w.spans = append(w.spans, attr(t, "style-name"))
				}
			case "a":
				href := attr(t, "href")
				if strings.HasPrefix(href, "#") {
					href = ""
				}
				w.links = append(w.links, openLink{url: href, p: w.cur, at: w.pos()})
			case "s":
				n, err := strconv.Atoi(attr(t, "c"))
				if err != nil || n < 1 {
					n = 1
				}
				w.add(strings.Repeat(" ", min(n, 1000)))
			case "tab":
				w.add("\t")
			case "line-break":
				if w.cur != nil {
					w.cur.addBreak()
				}
			case "list":
				if w.listDepth == 0 {
					w.lists++
				}
				w.listDepth++
			case "note":
				w.noteHead = ""
			case "note-body":
				w.saved = append(w.saved, odtSaved{w.cur, w.paraStyle, w.heading, w.spans, w.listDepth, w.links, w.paras})
				w.cur, w.spans, w.listDepth, w.links, w.paras = nil, nil, 0, nil, nil
			}
		case xml.CharData:
			if inBody && w.cur != nil {
				// ODF collapses white space in paragraphs as HTML does; runs
				// of spaces are written as text:s.
				w.add(collapseSpace(string(t)))
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p", "h":
				if w.cur != nil {
					w.endPara()
				}
			case "span":
				if len(w.spans) > 0 {
					w.spans = w.spans[:len(w.spans)-1]
				}
			case "a":
				if k := len(w.links); k > 0 {
					l := w.links[k-1]
					w.links = w.links[:k-1]
					if l.url != "" && l.p != nil && l.p == w.cur {
						l.p.links = append(l.p.links, lint.Link{Range: lint.Range{Start: l.at, End: w.pos()}, URL: l.url})
					}
				}
			case "list":
				w.listDepth = max(w.listDepth-1, 0)
			case "note-body":
				if k := len(w.saved); k > 0 {
					if w.cur != nil {
						w.endPara()
					}
					notePs := w.paras
					s := w.saved[k-1]
					w.saved = w.saved[:k-1]
					w.cur, w.paraStyle, w.heading, w.spans, w.listDepth, w.links, w.paras = s.cur, s.paraStyle, s.heading, s.spans, s.listDepth, s.links, s.paras
					if w.noteHead != "" {
						w.notes = append(w.notes, note{label: w.noteHead, paras: notePs})
					}
				}
			}
		}
	}
}

func (w *odtWalker) pos() int {
	if w.cur == nil {
		return 0
	}
	return w.cur.len()
}

// noteCitation writes a note's citation (its number) in the body and
// records the reference.
func (w *odtWalker) noteCitation(label string) {
	if label == "" {
		label = strconv.Itoa(len(w.notes) + 1)
	}
	w.noteHead = label
	if w.cur == nil || len(w.saved) > 0 {
		return
	}
	start := w.cur.len()
	w.cur.add(label, false)
	w.cur.refs = append(w.cur.refs, lint.NoteRef{Label: label, Range: lint.Range{Start: start, End: w.cur.len()}})
}

func (w *odtWalker) add(text string) {
	if w.cur == nil || text == "" {
		return
	}
	bold, italic := false, false
	boldSet, italicSet := false, false
	for i := len(w.spans) - 1; i >= 0; i-- {
		if !boldSet {
			if v, ok := w.styles.flag("text", w.spans[i], func(s *odtStyle) *bool { return s.bold }); ok {
				bold, boldSet = v, true
			} else if v, ok := w.styles.flag("text", w.spans[i], func(s *odtStyle) *bool { return s.underline }); ok && v {
				bold, boldSet = true, true
			}
		}
		if !italicSet {
			italic, italicSet = w.styles.flag("text", w.spans[i], func(s *odtStyle) *bool { return s.italic })
		}
	}
	if !boldSet {
		bold, _ = w.styles.flag("paragraph", w.paraStyle, func(s *odtStyle) *bool { return s.bold })
		if u, _ := w.styles.flag("paragraph", w.paraStyle, func(s *odtStyle) *bool { return s.underline }); u {
			bold = true
		}
	}
	start := w.cur.len()
	w.cur.add(text, bold)
	if italic {
		w.cur.italics = append(w.cur.italics, lint.Range{Start: start, End: w.cur.len()})
	}
}

func (w *odtWalker) endPara() {
	p := w.cur
	w.cur = nil
	level := w.heading
	quote := false
	var ind indent
	w.styles.chain("paragraph", w.paraStyle, func(st *odtStyle) bool {
		if level == 0 {
			if st.outline > 0 {
				level = min(st.outline, 6)
			} else if n := nameLevel(st.displayName); n > 0 {
				level = n
			}
		}
		switch strings.ToLower(st.displayName) {
		case "quotations", "quote", "block quotation", "block text":
			quote = true
		}
		if !ind.set && st.ind.set {
			ind = st.ind
		}
		return false
	})
	switch {
	case level > 0:
		p.kind, p.level = lint.BlockHeading, level
	case w.listDepth > 0:
		p.kind, p.list = lint.BlockListItem, w.lists
	case quote, ind.left >= blockQuoteIndent && ind.hanging <= 0:
		p.kind = lint.BlockQuotation
	}
	w.paras = append(w.paras, p)
}

// collapseSpace turns each run of XML white space into one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, " \t\r\n") {
		return s
	}
	var sb strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			if !space {
				sb.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}
