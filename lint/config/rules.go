package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/citelint/citelint/lint"
)

// ruleSetting is what one place in the file (the base rules or one
// override) says about one rule.
type ruleSetting struct {
	severity    lint.Severity
	hasSeverity bool
	// options is the decoded options struct (defaults plus the keys
	// written); invalid when the rule takes none.
	options reflect.Value
	// set holds the indexes of the option fields written here. Only these
	// are copied when layers merge, so an override that sets one option
	// leaves the others as the base rules had them.
	set []int
}

// ruleLayer is the rules mapping of the base or of one override.
type ruleLayer map[string]ruleSetting

// override is one entry of the overrides list.
type override struct {
	files []glob
	rules ruleLayer
}

// matches reports whether a file, as a slash-separated path relative to
// the configuration's folder, is one the override is for.
func (o override) matches(rel string) bool {
	for _, g := range o.files {
		if g.match(rel) {
			return true
		}
	}
	return false
}

// newOptions returns an addressable copy of a schema's defaults, or an
// invalid Value for a rule with no options.
func newOptions(s RuleSchema) reflect.Value {
	if s.Options == nil {
		return reflect.Value{}
	}
	def := reflect.ValueOf(s.Options)
	if def.Kind() == reflect.Pointer {
		def = def.Elem()
	}
	v := reflect.New(def.Type()).Elem()
	v.Set(def)
	return v
}

// rules decodes a rules mapping: rule ID to a severity, or to a mapping of
// severity and the rule's options.
func (d *decoder) rules(n *yaml.Node, where string, known map[string]RuleSchema) ruleLayer {
	pairs := d.pairs(n, where)
	layer := make(ruleLayer, len(pairs))
	for _, p := range pairs {
		schema, ok := known[p.key]
		if !ok {
			if s := suggest(p.key, sortedIDs(known)); s != "" {
				d.errorAt(p.keyNode, "unknown rule %q (did you mean %q?)", p.key, s)
			} else {
				d.errorAt(p.keyNode, "unknown rule %q (citelint rules lists them)", p.key)
			}
			continue
		}
		at := join(where, p.key)
		var rs ruleSetting
		switch {
		case p.value.Kind == yaml.ScalarNode && !isNull(p.value):
			rs.severity, rs.hasSeverity = d.severity(p.value, at)
		case p.value.Kind == yaml.MappingNode:
			rs = d.ruleMapping(p.value, at, p.key, schema)
		default:
			d.errorAt(p.value, "%s: want a severity (off, info, warning or error) or a mapping such as {severity: warning}, got %s", at, describe(p.value))
			continue
		}
		layer[p.key] = rs
	}
	return layer
}

// severity decodes a severity name.
func (d *decoder) severity(n *yaml.Node, where string) (lint.Severity, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		d.errorAt(n, "%s: want off, info, warning or error, got %s", where, describe(n))
		return lint.SeverityOff, false
	}
	sev, err := lint.ParseSeverity(n.Value)
	if err != nil {
		d.errorAt(n, "%s: %v", where, err)
		return lint.SeverityOff, false
	}
	return sev, true
}

// ruleMapping decodes {severity: …, option: …} for rule id.
func (d *decoder) ruleMapping(n *yaml.Node, where, id string, schema RuleSchema) ruleSetting {
	rs := ruleSetting{options: newOptions(schema)}
	var fields []field
	if rs.options.IsValid() {
		fields = fieldsOf(rs.options.Type())
	}
	ok := true
	for _, p := range d.pairs(n, where) {
		if p.key == "severity" {
			rs.severity, rs.hasSeverity = d.severity(p.value, join(where, p.key))
			continue
		}
		f, found := findField(fields, p.key)
		switch {
		case found:
			if d.value(p.value, join(where, p.key), rs.options.Field(f.index)) {
				rs.set = append(rs.set, f.index)
			} else {
				ok = false
			}
		case !rs.options.IsValid():
			d.errorAt(p.keyNode, "unknown option %q: rule %q takes only a severity", p.key, id)
			ok = false
		default:
			keys := append([]string{"severity"}, keysOf(fields)...)
			if s := suggest(p.key, keys); s != "" {
				d.errorAt(p.keyNode, "unknown option %q for rule %q (did you mean %q?)", p.key, id, s)
			} else {
				d.errorAt(p.keyNode, "unknown option %q for rule %q (want %s)", p.key, id, wantList(keys))
			}
			ok = false
		}
	}
	if ok && len(rs.set) > 0 {
		if err := validate(rs.options); err != nil {
			d.errorAt(n, "%s: %v", where, err)
		}
	}
	return rs
}

// validate calls Validate on an options struct that has it, with a value or
// a pointer receiver.
func validate(v reflect.Value) error {
	if val, ok := v.Addr().Interface().(Validator); ok {
		return val.Validate()
	}
	return nil
}

// Effective is the configuration that applies to one file: the base rules
// with every matching override applied in order.
type Effective struct {
	// Severity holds the severity of every rule the configuration names
	// (set by --enable and --disable on top, by the caller); a rule not in
	// it runs at its default severity.
	Severity map[string]lint.Severity
	// Options holds, for every rule that declares options, its options
	// struct (of the type its RuleSchema gave, never a pointer): the
	// defaults with what the configuration sets on top. Slices and maps
	// inside are shared between files: rules read them, never change them.
	Options  map[string]any
	Settings lint.Settings
}

// OptionsOf returns rule id's options from e as type T, the type the rule
// declared; ok is false when there are none of that type.
func OptionsOf[T any](e Effective, id string) (opts T, ok bool) {
	opts, ok = e.Options[id].(T)
	return opts, ok
}

// For works out the configuration for the file at path (as given on the
// command line, relative to the working directory, or absolute). Override
// patterns match the path relative to the configuration's folder; a file
// outside that folder gets the base rules only. Later overrides win. For
// only reads c, so workers may call it at once.
func (c *Config) For(path string) Effective {
	eff := Effective{
		Severity: make(map[string]lint.Severity),
		Options:  make(map[string]any),
		Settings: c.Settings(),
	}
	opts := make(map[string]reflect.Value)
	for id, s := range c.schemas {
		if v := newOptions(s); v.IsValid() {
			opts[id] = v
		}
	}
	apply := func(layer ruleLayer) {
		for id, rs := range layer {
			if rs.hasSeverity {
				eff.Severity[id] = rs.severity
			}
			if dst, ok := opts[id]; ok && rs.options.IsValid() {
				for _, i := range rs.set {
					dst.Field(i).Set(rs.options.Field(i))
				}
			}
		}
	}
	apply(c.rules)
	if rel, ok := c.relative(path); ok {
		for _, o := range c.overrides {
			if o.matches(rel) {
				apply(o.rules)
			}
		}
	}
	for id, v := range opts {
		eff.Options[id] = v.Interface()
	}
	return eff
}

// PathIndependent reports whether For gives the same answer for every
// path: the configuration has no per-path overrides.
func (c *Config) PathIndependent() bool { return len(c.overrides) == 0 }

// relative returns path relative to the configuration's folder, with
// forward slashes, or false when the file is not below it.
func (c *Config) relative(path string) (string, bool) {
	if c.Dir == "" || len(c.overrides) == 0 {
		return "", false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(os.PathSeparator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// String names where the configuration came from, for messages and
// `citelint inspect`.
func (c *Config) String() string {
	if c.Path == "" {
		return "default configuration"
	}
	return fmt.Sprintf("configuration %s", c.Path)
}
