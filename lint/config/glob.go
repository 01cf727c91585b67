package config

import (
	"fmt"
	"path"
	"strings"
)

// glob is one pattern of an override's files list. Patterns are written
// with forward slashes on every system and matched against a file's path
// relative to the configuration's folder:
//
//   - a pattern with no slash ("*.md") matches the file's name in any
//     folder, as in .gitignore and ESLint's overrides;
//   - any other pattern matches the whole relative path, segment by
//     segment, with path.Match syntax (*, ?, [a-z]) inside a segment;
//   - a "**" segment matches any number of folders, none included, so
//     "drafts/**" is everything below drafts and "**/notes.md" is notes.md
//     anywhere;
//   - a trailing slash ("drafts/") means everything below that folder.
type glob struct {
	pattern string
	segs    []string
	// base marks a slash-free pattern, matched against the name only.
	base bool
}

// compileGlob checks a pattern once, at load time, so that a typo is a
// config error with a line number rather than an override that never fires.
func compileGlob(pattern string) (glob, error) {
	p := strings.TrimPrefix(pattern, "./")
	p = strings.TrimLeft(p, "/")
	if strings.HasSuffix(p, "/") {
		p += "**"
	}
	if p == "" {
		return glob{}, fmt.Errorf("empty file pattern")
	}
	var segs []string
	for _, s := range strings.Split(p, "/") {
		switch s {
		case "", ".":
			continue // "a//b" and "a/./b" mean "a/b"
		case "..":
			return glob{}, fmt.Errorf("file pattern %q leaves the configuration's folder; patterns match files below it", pattern)
		case "**":
			if len(segs) > 0 && segs[len(segs)-1] == "**" {
				continue // "**/**" is "**", and collapsing keeps matching linear
			}
		default:
			if _, err := path.Match(s, ""); err != nil {
				return glob{}, fmt.Errorf("bad file pattern %q: %v", pattern, err)
			}
		}
		segs = append(segs, s)
	}
	return glob{pattern: pattern, segs: segs, base: len(segs) == 1 && segs[0] != "**"}, nil
}

// match reports whether rel, a slash-separated path relative to the
// configuration's folder, matches the pattern.
func (g glob) match(rel string) bool {
	parts := strings.Split(rel, "/")
	if g.base {
		ok, _ := path.Match(g.segs[0], parts[len(parts)-1])
		return ok
	}
	return matchSegments(g.segs, parts)
}

// matchSegments matches pattern segments against path segments; "**"
// takes any number of path segments.
func matchSegments(segs, parts []string) bool {
	for len(segs) > 0 {
		if segs[0] == "**" {
			rest := segs[1:]
			for i := 0; i <= len(parts); i++ {
				if matchSegments(rest, parts[i:]) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 {
			return false
		}
		if ok, _ := path.Match(segs[0], parts[0]); !ok {
			return false
		}
		segs, parts = segs[1:], parts[1:]
	}
	return len(parts) == 0
}
