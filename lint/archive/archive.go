// Package archive reads submission archives: the zip an LMS (Canvas,
// Moodle, Blackboard) gives an instructor for a whole class, or any zip of
// essays, and WordPress exports (WXR) whose published posts are essays.
//
// It yields one Member per essay, with the student and the late flag read
// from the member's name, and opens a member only when asked, one at a
// time, so that a class's archive is never held in memory whole. Nothing
// in an archive is trusted: member paths that would escape a folder,
// members that expand beyond the limits below (whatever their headers
// claim), nested archives and encrypted members are refused, each with an
// error of its own, while every other member is still read.
package archive

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/read"
)

// Limits on what is decompressed from an archive. A member larger than
// MaxMemberSize, or expanding more than MaxRatio times its compressed size
// once past ratioFloor bytes, is refused as a zip bomb; so is anything read
// past MaxTotalSize for the whole archive. They are enforced on the bytes
// actually inflated, not on the sizes the zip's headers state.
const (
	MaxMemberSize = 64 << 20
	MaxRatio      = 100
	MaxTotalSize  = 2 << 30
	ratioFloor    = 1 << 20
)

// Errors a refused member's Err wraps, so that callers can tell them apart.
var (
	ErrUnsafePath = errors.New("unsafe member path (it would be written outside the folder); not opened")
	ErrNested     = errors.New("nested archives are not opened")
	ErrTooLarge   = errors.New("member exceeds the size limit (a zip bomb?)")
	ErrTotal      = errors.New("archive exceeds the total size limit")
	ErrEncrypted  = errors.New("member is encrypted")
)

// Member is one essay in an archive, or — with Skipped set — the summary
// of what the archive held that is not an essay.
type Member struct {
	// Name is how findings name the essay: "archive.zip:member/path", or
	// "export.xml:post-slug" for a WordPress post.
	Name string
	// Path is the member's path inside the archive (the post's slug).
	Path string
	// Format is the format the member is read as.
	Format lint.Format
	// Student is the student the submission belongs to, from the
	// member's name (or the post's author); Late is Canvas's late flag.
	Student string
	Late    bool
	// Open reads the member's bytes, within the size limits. Members are
	// read one at a time, on demand; Open may be called from several
	// goroutines for different members.
	Open func() ([]byte, error)
	// Err is set when the member is refused (zip-slip path, nested
	// archive, zip bomb, encrypted); it names the member and the reason.
	// Open is nil then.
	Err error
	// Skipped, set only on the last Member Walk yields (whose Name is the
	// archive's path, Open nil and Err nil), lists the members that are
	// not essays (images, spreadsheets, LMS receipts), so that they can be
	// reported once rather than one error each. Folders and operating
	// system litter (__MACOSX/, .DS_Store, Thumbs.db) are not listed.
	Skipped []string
}

// FormatOf returns the format of an essay member by its extension, and
// whether it is one: the formats the readers take, as for files on disk.
func FormatOf(name string) (lint.Format, bool) {
	return read.FormatOf(name)
}

// isNestedArchive reports whether a member is itself an archive.
func isNestedArchive(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range []string{".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// Walk calls yield for each essay in the zip archive src (size bytes),
// which is at path, and then once with the summary of skipped members if
// there were any. A zip that cannot be read at all is an error naming
// path; a member that cannot be read is a Member with Err set. Walk stops
// when yield returns false.
func Walk(path string, src io.ReaderAt, size int64, yield func(Member) bool) error {
	zr, err := zip.NewReader(src, size)
	if err != nil {
		return fmt.Errorf("%s: not a readable zip archive: %w", path, err)
	}
	var total atomic.Int64
	var skipped []string
	for _, f := range zr.File {
		name := memberName(f)
		if f.FileInfo().IsDir() || strings.HasSuffix(name, "/") || isLitter(name) {
			continue
		}
		m := Member{Name: path + ":" + name, Path: name}
		m.Student, m.Late = studentOf(name)
		format, essay := FormatOf(name)
		switch {
		case unsafePath(name):
			m.Err = fmt.Errorf("%s: %w", m.Name, ErrUnsafePath)
		case isNestedArchive(name):
			m.Err = fmt.Errorf("%s: %w", m.Name, ErrNested)
		case !essay || isBlackboardReceipt(name):
			skipped = append(skipped, name)
			continue
		case f.Flags&0x1 != 0:
			m.Err = fmt.Errorf("%s: %w", m.Name, ErrEncrypted)
		case f.UncompressedSize64 > MaxMemberSize || overRatio(f.UncompressedSize64, f.CompressedSize64):
			m.Err = fmt.Errorf("%s: %w", m.Name, ErrTooLarge)
		default:
			m.Format = format
			m.Open = opener(f, m.Name, &total)
		}
		if !yield(m) {
			return nil
		}
	}
	if len(skipped) > 0 {
		yield(Member{Name: path, Skipped: skipped})
	}
	return nil
}

func overRatio(uncompressed, compressed uint64) bool {
	return uncompressed > ratioFloor && uncompressed/max(compressed, 1) > MaxRatio
}

// opener returns the Open function of a member: it inflates at most the
// member's allowance and fails as soon as the member or the archive's
// total passes its limit, so a header that lies about sizes gains nothing.
func opener(f *zip.File, name string, total *atomic.Int64) func() ([]byte, error) {
	return func() ([]byte, error) {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer rc.Close()
		allowance := min(int64(MaxMemberSize), max(int64(ratioFloor), int64(min(f.CompressedSize64, MaxMemberSize))*MaxRatio))
		// Reading one byte past the allowance tells a member of exactly the
		// limit from a larger one.
		buf := make([]byte, 0, min(int64(f.UncompressedSize64), allowance)+1)
		lr := io.LimitReader(rc, allowance+1)
		for {
			if len(buf) == cap(buf) {
				buf = append(buf, 0)[:len(buf)]
			}
			n, err := lr.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if total.Add(int64(n)) > MaxTotalSize {
				return nil, fmt.Errorf("%s: %w", name, ErrTotal)
			}
			if int64(len(buf)) > allowance {
				return nil, fmt.Errorf("%s: %w", name, ErrTooLarge)
			}
			if errors.Is(err, io.EOF) {
				return buf, nil
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
}

// memberName returns a member's name as UTF-8: a name not flagged as
// UTF-8 that is not valid UTF-8 is in the DOS code page, as Windows'
// "Send to compressed folder" writes it.
func memberName(f *zip.File) string {
	name := f.Name
	if !f.NonUTF8 && utf8.ValidString(name) {
		return strings.ReplaceAll(name, `\`, "/")
	}
	if utf8.ValidString(name) {
		return strings.ReplaceAll(name, `\`, "/")
	}
	decoded, err := charmap.CodePage437.NewDecoder().String(name)
	if err != nil {
		decoded = strings.ToValidUTF8(name, "\uFFFD")
	}
	return strings.ReplaceAll(decoded, `\`, "/")
}

// unsafePath reports whether a member's path would leave the folder it is
// extracted to: an absolute path, a drive letter, or a ".." element.
// citelint never writes members to disk, but a path like that is a sign of
// a crafted archive, and its name must not be shown as a student's file.
func unsafePath(name string) bool {
	if name == "" || strings.HasPrefix(name, "/") || strings.ContainsRune(name, 0) {
		return true
	}
	if len(name) >= 2 && name[1] == ':' && ('a' <= name[0]|0x20 && name[0]|0x20 <= 'z') {
		return true
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return true
		}
	}
	return false
}

// isLitter reports whether a member is operating-system litter that no
// student submitted: macOS resource forks and folder files, Windows
// thumbnails.
func isLitter(name string) bool {
	if strings.HasPrefix(name, "__MACOSX/") {
		return true
	}
	base := path.Base(name)
	return strings.HasPrefix(base, "._") || base == ".DS_Store" || strings.EqualFold(base, "Thumbs.db") || strings.EqualFold(base, "desktop.ini")
}

// The LMS naming schemes.
var (
	// Canvas: "smithbob_LATE_12345_67890_Essay.docx"; text entries
	// "smithbob_12345_text.html"; a resubmission adds "-1" to the file.
	// Ids have three digits or more, so that "draft_2_final.docx" is
	// not read as student "draft".
	canvasRE = regexp.MustCompile(`^([a-z][a-z0-9.'\-]*?)(_late)?_(\d{3,})(?:_(\d{3,}))?_(.+)$`)
	// Moodle: "Jane Doe_1234567_assignsubmission_file/essay.docx", or the
	// same flattened with "_" for the folder.
	moodleRE = regexp.MustCompile(`^(.+?)_(\d+)_assignsubmission_(?:file|onlinetext)(?:[_/]|$)`)
	// Blackboard: "Assignment_jdoe_attempt_2024-10-01-12-30-00_essay.docx".
	blackboardRE = regexp.MustCompile(`^(?:.*_)?([^_/]+)_attempt_(\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})(?:_(.+)|\.[A-Za-z]+)?$`)
)

// isBlackboardReceipt reports whether a member is the submission receipt
// Blackboard writes beside each attempt ("…_attempt_<time>.txt"): not the
// essay.
func isBlackboardReceipt(name string) bool {
	base := path.Base(name)
	m := blackboardRE.FindStringSubmatch(base)
	return m != nil && m[3] == ""
}

// studentOf reads the student and the late flag from a member's path:
// Canvas, Moodle and Blackboard names, else the first folder, else the
// file's name without its extension.
func studentOf(name string) (student string, late bool) {
	if m := moodleRE.FindStringSubmatch(name); m != nil {
		return strings.TrimSpace(m[1]), false
	}
	dir, base := path.Split(name)
	if m := canvasRE.FindStringSubmatch(strings.ToLower(base)); m != nil {
		// The regexp ran on the lowered name; the login is lower-case in
		// Canvas anyway.
		return m[1], m[2] != ""
	}
	if m := blackboardRE.FindStringSubmatch(base); m != nil {
		return m[1], false
	}
	if first, _, ok := strings.Cut(strings.Trim(dir, "/"), "/"); ok || first != "" {
		return first, false
	}
	return strings.TrimSuffix(base, path.Ext(base)), false
}
