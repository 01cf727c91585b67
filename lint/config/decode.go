package config

import (
	"errors"
	"reflect"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// decoder walks a YAML node tree against the types it must fill, checking
// every mapping key itself: yaml v3 only checks keys through
// Decoder.KnownFields, which works on whole documents and reports a line but
// no column, and cannot see into the per-rule option structs that a rule
// declares at run time.
type decoder struct {
	file string
	errs ErrorList
	// budget bounds the nodes visited, aliases followed included, so that
	// a "billion laughs" file of nested aliases cannot stall the linter.
	budget int
}

// nodeBudget is far above any real configuration and far below what would
// take noticeable time.
const nodeBudget = 100_000

// resolve follows aliases to the node they name. It returns nil when the
// budget is spent, after recording why.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if n.Alias == nil || i > 100 {
			d.errorAt(n, "alias *%s names nothing usable", n.Value)
			return nil
		}
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	d.budget--
	if d.budget == 0 {
		d.errorAt(n, "too many nodes (aliases expand to more than %d); simplify the file", nodeBudget)
	}
	if d.budget <= 0 {
		return nil
	}
	return n
}

// isNull reports whether n is an empty value ("key:" with nothing, "~",
// "null"). Sections left empty, as in the starter file, mean "defaults".
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// pair is one key and value of a mapping, aliases resolved.
type pair struct {
	key     string
	keyNode *yaml.Node
	value   *yaml.Node
}

// pairs returns the entries of mapping n, reporting keys that are not
// strings, merge keys and keys set twice. where names the mapping in
// messages ("network"); it is empty at the top level.
func (d *decoder) pairs(n *yaml.Node, where string) []pair {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorAt(n, "%s: want a mapping of keys and values, got %s", where, describe(n))
		return nil
	}
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	var out []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.resolve(n.Content[i]), d.resolve(n.Content[i+1])
		if k == nil || v == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.errorAt(k, "%skeys must be plain words, not %s", in(where), describe(k))
			continue
		}
		if k.Tag == "!!merge" {
			d.errorAt(k, "%smerge keys (<<) are not supported; write the keys out", in(where))
			continue
		}
		if first, ok := seen[k.Value]; ok {
			d.errorAt(k, "%s is set twice (first at line %d)", join(where, k.Value), first.Line)
			continue
		}
		seen[k.Value] = k
		out = append(out, pair{key: k.Value, keyNode: k, value: v})
	}
	return out
}

// in prefixes a message with the mapping it is about.
func in(where string) string {
	if where == "" {
		return ""
	}
	return where + ": "
}

// join makes the dotted key path used in messages.
func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

// unknownKey reports a key that is not in allowed, with a likely meant one.
func (d *decoder) unknownKey(p pair, where string, allowed []string) {
	within := ""
	if where != "" {
		within = " in " + where
	}
	if s := suggest(p.key, allowed); s != "" {
		d.errorAt(p.keyNode, "unknown key %q%s (did you mean %q?)", p.key, within, s)
		return
	}
	d.errorAt(p.keyNode, "unknown key %q%s (want %s)", p.key, within, wantList(allowed))
}

// field is a struct field a mapping key can set.
type field struct {
	key   string
	index int
}

// fieldsOf lists the settable fields of struct type t under the keys yaml v3
// would use: the tag's name, else the field's name in lower case.
func fieldsOf(t reflect.Type) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = strings.ToLower(f.Name)
		}
		out = append(out, field{key: name, index: i})
	}
	return out
}

func keysOf(fields []field) []string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.key
	}
	return keys
}

// value decodes node n into v strictly; where is the key path for messages.
// It reports whether v was set without error.
func (d *decoder) value(n *yaml.Node, where string, v reflect.Value) bool {
	if n = d.resolve(n); n == nil {
		return false
	}
	if v.CanAddr() && v.Addr().Type().Implements(reflect.TypeFor[yaml.Unmarshaler]()) {
		if err := v.Addr().Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
			d.errorAt(n, "%s: %s", where, cleanYAMLError(err))
			return false
		}
		return true
	}
	// A yaml.Node field keeps the raw node, for values decoded later with
	// their position at hand.
	if v.Type() == reflect.TypeFor[yaml.Node]() {
		v.Set(reflect.ValueOf(*n))
		return true
	}
	// time.Duration is an int64 to reflection; it gets the config's own
	// units ("7d") rather than a count of nanoseconds.
	if v.Type() == reflect.TypeFor[time.Duration]() {
		if n.Kind != yaml.ScalarNode || isNull(n) {
			d.errorAt(n, "%s: want a duration such as 7d or 12h, got %s", where, describe(n))
			return false
		}
		dur, err := ParseDuration(n.Value)
		if err != nil {
			d.errorAt(n, "%s: %v", where, err)
			return false
		}
		v.SetInt(int64(dur))
		return true
	}
	switch v.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode && !isNull(n) {
			d.errorAt(n, "%s: want a mapping of keys and values, got %s", where, describe(n))
			return false
		}
		return d.structValue(n, where, v)
	case reflect.Pointer:
		if isNull(n) {
			v.SetZero()
			return true
		}
		p := reflect.New(v.Type().Elem())
		if !d.value(n, where, p.Elem()) {
			return false
		}
		v.Set(p)
		return true
	case reflect.Slice:
		if isNull(n) {
			v.SetZero()
			return true
		}
		if n.Kind != yaml.SequenceNode {
			d.errorAt(n, "%s: want a list, got %s", where, describe(n))
			return false
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		ok := true
		for i, item := range n.Content {
			ok = d.value(item, where, s.Index(i)) && ok
		}
		v.Set(s)
		return ok
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			d.errorAt(n, "%s: internal error: option maps must have string keys", where)
			return false
		}
		m := reflect.MakeMap(v.Type())
		ok := true
		for _, p := range d.pairs(n, where) {
			e := reflect.New(v.Type().Elem()).Elem()
			ok = d.value(p.value, join(where, p.key), e) && ok
			m.SetMapIndex(reflect.ValueOf(p.key).Convert(v.Type().Key()), e)
		}
		v.Set(m)
		return ok
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		if n.Kind != yaml.ScalarNode || isNull(n) {
			d.errorAt(n, "%s: want %s, got %s", where, kindName(v.Type()), describe(n))
			return false
		}
		p := reflect.New(v.Type())
		if err := n.Decode(p.Interface()); err != nil {
			d.errorAt(n, "%s: want %s, got %s", where, kindName(v.Type()), describe(n))
			return false
		}
		v.Set(p.Elem())
		return true
	}
	// Interfaces and anything else: yaml v3's own rules apply; there are no
	// keys to check inside a value the rule did not type.
	p := reflect.New(v.Type())
	if err := n.Decode(p.Interface()); err != nil {
		d.errorAt(n, "%s: %s", where, cleanYAMLError(err))
		return false
	}
	v.Set(p.Elem())
	return true
}

// structValue sets the fields of struct v named by mapping n's keys.
func (d *decoder) structValue(n *yaml.Node, where string, v reflect.Value) bool {
	fields := fieldsOf(v.Type())
	ok := true
	for _, p := range d.pairs(n, where) {
		f, found := findField(fields, p.key)
		if !found {
			d.unknownKey(p, where, keysOf(fields))
			ok = false
			continue
		}
		ok = d.value(p.value, join(where, p.key), v.Field(f.index)) && ok
	}
	return ok
}

func findField(fields []field, key string) (field, bool) {
	for _, f := range fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

// kindName says in words what a Go type wants.
func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number, 0 or more"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return t.String()
}

// cleanYAMLError drops yaml v3's "yaml: " and "line N: " prefixes, since
// our own message already carries the position.
func cleanYAMLError(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg := te.Errors[0]
		if _, rest, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(msg, "line ") {
			msg = rest
		}
		return msg
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}
