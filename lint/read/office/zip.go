// Package office reads word-processor essays: Word .docx and
// OpenDocument .odt files, with archive/zip and encoding/xml only.
//
// Positions: SPEC says a docx position is a paragraph number and a column.
// A Document's Src is therefore not the zip's bytes (offsets into
// compressed data mean nothing to a student) but a synthetic UTF-8 text
// with one line per paragraph: the body's paragraphs in document order
// (empty ones and table cells included, so that line N is the Nth
// paragraph as Word counts them), then the paragraphs of the footnotes,
// then those of the endnotes. Text is built from Src with every character
// mapped to itself, so line = paragraph and column = column in the
// paragraph. A line break inside a paragraph (w:br, text:line-break) is a
// space in Src, to keep one line per paragraph, and "\n" in Text.
package office

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Limits on what is decompressed from a document's zip: a document part
// larger than maxPartSize or expanding more than maxRatio times its
// compressed size (beyond the first ratioFloor bytes, which short,
// repetitive parts may exceed honestly) is a zip bomb, not an essay.
// They are enforced while reading, whatever the zip's headers claim.
const (
	maxPartSize = 64 << 20
	maxRatio    = 100
	ratioFloor  = 1 << 20
)

// oleSignature starts an OLE compound file: an old binary .doc, or an
// Office file saved with a password (Office wraps the encrypted zip in one).
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// ErrTooLarge is wrapped by the error for a document part that exceeds the
// size or compression-ratio limit.
var ErrTooLarge = errors.New("part exceeds the size limit (a zip bomb?)")

// openPackage opens src as a zip, with errors that say what the file is
// when it is not one.
func openPackage(path string, src []byte, kind string) (*zip.Reader, error) {
	if bytes.HasPrefix(src, oleSignature[:4]) {
		return nil, fmt.Errorf("%s: the document is password-protected or in the old .doc format", path)
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("%s: not %s (not a zip file: %w)", path, kind, err)
	}
	return zr, nil
}

// findPart returns the zip member called name, or nil. Names are compared
// exactly first, then without case: some tools write "Word/Document.xml".
func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	for _, f := range zr.File {
		if len(f.Name) == len(name) && bytes.EqualFold([]byte(f.Name), []byte(name)) {
			return f
		}
	}
	return nil
}

// openPart opens a zip member for reading within the size and ratio
// limits. The returned reader fails with ErrTooLarge once the limits are
// passed, so that a lying header cannot make us inflate a bomb.
func openPart(f *zip.File) (io.ReadCloser, error) {
	if f.Flags&0x1 != 0 {
		return nil, errEncrypted
	}
	if f.UncompressedSize64 > maxPartSize {
		return nil, fmt.Errorf("%s: %w", f.Name, ErrTooLarge)
	}
	if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64/max(f.CompressedSize64, 1) > maxRatio {
		return nil, fmt.Errorf("%s: %w", f.Name, ErrTooLarge)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	limit := min(int64(maxPartSize), max(int64(ratioFloor), int64(min(f.CompressedSize64, maxPartSize))*maxRatio))
	return &limitedPart{rc: rc, name: f.Name, left: limit}, nil
}

var errEncrypted = errors.New("the document is password-protected")

// readPart reads a whole zip member within the limits.
func readPart(f *zip.File) ([]byte, error) {
	rc, err := openPart(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// limitedPart fails once more than left bytes have been read.
type limitedPart struct {
	rc   io.ReadCloser
	name string
	left int64
}

func (l *limitedPart) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// One more byte tells a part of exactly the limit from a larger one.
		var one [1]byte
		if n, _ := l.rc.Read(one[:]); n > 0 {
			return 0, fmt.Errorf("%s: %w", l.name, ErrTooLarge)
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.rc.Read(p)
	l.left -= int64(n)
	return n, err
}

func (l *limitedPart) Close() error { return l.rc.Close() }
