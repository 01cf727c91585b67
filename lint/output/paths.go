package output

import (
	"net/url"
	"path/filepath"
	"strings"
)

// splitMember splits an archive member's name, "class.zip:smith/essay.md",
// into the archive's path and the member's path inside it. A plain file
// gives ok false. The first ".zip:" or ".xml:" ends the archive's path, as
// archive.Walk and archive.WXR build the name.
func splitMember(name string) (archive, member string, ok bool) {
	lower := strings.ToLower(name)
	cut := -1
	for _, suffix := range []string{".zip:", ".xml:"} {
		if i := strings.Index(lower, suffix); i > 0 && (cut < 0 || i < cut) {
			cut = i + len(suffix) - 1
		}
	}
	if cut < 0 || cut+1 >= len(name) {
		return name, "", false
	}
	return name[:cut], name[cut+1:], true
}

// repoPath is path relative to base, with forward slashes: what code
// scanning and workflow annotations call a repository-relative path when
// citelint runs at the repository root. A path outside base stays absolute;
// with no base, path is only cleaned. Names that are not files
// ("<stdin>") pass through.
func repoPath(base, path string) string {
	if path == "" || strings.HasPrefix(path, "<") {
		return path
	}
	p := filepath.Clean(path)
	if base != "" {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(base, abs)
		}
		if rel, err := filepath.Rel(base, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			p = rel
		} else {
			p = abs
		}
	}
	return filepath.ToSlash(p)
}

// fileURI is a repoPath as a URI reference: relative when the path is,
// percent-encoded (spaces, non-ASCII letters), and file:/// when absolute.
func fileURI(slashPath string) string {
	if isAbsSlash(slashPath) {
		if !strings.HasPrefix(slashPath, "/") {
			slashPath = "/" + slashPath // a Windows drive: file:///C:/…
		}
		return (&url.URL{Scheme: "file", Path: slashPath}).String()
	}
	// url.URL writes "./" before a first segment with a colon, so that
	// "a:b.md" is not read as the scheme "a".
	return (&url.URL{Path: slashPath}).String()
}

func isAbsSlash(p string) bool {
	if strings.HasPrefix(p, "/") {
		return true
	}
	// A Windows drive letter: "C:/essays".
	return len(p) >= 3 && p[1] == ':' && p[2] == '/' &&
		(('a' <= p[0] && p[0] <= 'z') || ('A' <= p[0] && p[0] <= 'Z'))
}
