package sources

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// entry is one item of sources.yml: a file and what it answers to.
type entry struct {
	line    int
	File    string
	URLs    []string
	DOI     string
	ISBN    string
	Title   string
	Authors []string
}

// entryKeys are the keys an entry may have. Unknown keys are errors, so a
// misspelt "titel" is caught instead of silently ignored.
var entryKeys = []string{"file", "url", "doi", "isbn", "title", "author"}

// parseConfig decodes sources.yml strictly: a list of mappings with the
// keys of entryKeys, "file" required, each file named once and inside the
// folder. Every error carries the file and line.
func parseConfig(path string, src []byte) ([]entry, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(path, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // an empty file lists nothing
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: want a list of sources (- file: …), found %s", path, root.Line, kindName(root))
	}
	var out []entry
	seen := map[string]int{}
	for _, item := range root.Content {
		e, err := parseEntry(path, item)
		if err != nil {
			return nil, err
		}
		key := strings.ToLower(e.File)
		if first, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s:%d: file %q is already listed at line %d", path, e.line, e.File, first)
		}
		seen[key] = e.line
		out = append(out, e)
	}
	return out, nil
}

func parseEntry(path string, item *yaml.Node) (entry, error) {
	e := entry{line: item.Line}
	if item.Kind != yaml.MappingNode {
		return e, fmt.Errorf("%s:%d: want a source (file: …, url: …), found %s", path, item.Line, kindName(item))
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		switch k.Value {
		case "file":
			s, err := scalar(path, k.Value, v)
			if err != nil {
				return e, err
			}
			e.File = s
		case "url":
			ss, err := scalars(path, k.Value, v)
			if err != nil {
				return e, err
			}
			e.URLs = ss
		case "author":
			ss, err := scalars(path, k.Value, v)
			if err != nil {
				return e, err
			}
			e.Authors = ss
		case "doi", "isbn", "title":
			s, err := scalar(path, k.Value, v)
			if err != nil {
				return e, err
			}
			switch k.Value {
			case "doi":
				e.DOI = s
			case "isbn":
				e.ISBN = s
			default:
				e.Title = s
			}
		default:
			return e, fmt.Errorf("%s:%d: unknown key %q (want one of %s)", path, k.Line, k.Value, strings.Join(entryKeys, ", "))
		}
	}
	if e.File == "" {
		return e, fmt.Errorf("%s:%d: source has no file", path, item.Line)
	}
	clean := filepath.ToSlash(filepath.Clean(filepath.FromSlash(e.File)))
	if filepath.IsAbs(e.File) || strings.HasPrefix(e.File, "/") || clean == ".." || strings.HasPrefix(clean, "../") {
		return e, fmt.Errorf("%s:%d: file %q is outside the sources folder", path, item.Line, e.File)
	}
	e.File = clean
	return e, nil
}

func scalar(path, key string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", fmt.Errorf("%s:%d: %s: want a string, found %s", path, v.Line, key, kindName(v))
	}
	return strings.TrimSpace(v.Value), nil
}

func scalars(path, key string, v *yaml.Node) ([]string, error) {
	if v.Kind == yaml.SequenceNode {
		var out []string
		for _, c := range v.Content {
			s, err := scalar(path, key, c)
			if err != nil {
				return nil, err
			}
			if s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	}
	s, err := scalar(path, key, v)
	if err != nil || s == "" {
		return nil, err
	}
	return []string{s}, nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("%q", n.Value)
}

// yamlSyntaxLine finds the line number YAML puts in its syntax errors.
var yamlSyntaxLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// yamlError makes a YAML syntax error read "file:line: …", the way every
// other error of this file does.
func yamlError(path string, err error) error {
	msg := err.Error()
	if m := yamlSyntaxLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", path, m[1], msg[len(m[0]):])
	}
	return fmt.Errorf("%s: %s", path, strings.TrimPrefix(msg, "yaml: "))
}
